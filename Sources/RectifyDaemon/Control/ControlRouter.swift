import Foundation
import Logging
import RectifyControl
import RectifyStore

/// One control request as a route sees it: read from Hummingbird's request, with the caller's credentials.
struct ControlRequest: Sendable {
    var method: String
    var path: String
    var query: [String: String]
    var body: Data
    var peer: PeerCredentials?
    /// Values of the route's `:name` segments, percent-decoded.
    var parameters: [String: String] = [:]
    /// Header fields by lower-cased name (the web reads cookies, the form's type, the user agent).
    var headers: [String: String] = [:]
    /// The connection's peer address (a TCP listener's; nil on the Unix socket).
    var remoteAddress: String? = nil

    func parameter(_ name: String) -> String { parameters[name] ?? "" }
}

struct ControlResponse: Sendable {
    var status: Int
    var body: Data
    var contentType = "application/json"
    /// More header fields (the web's cookies, redirects, caching and security policy).
    var headers: [(name: String, value: String)] = []

    /// `value` as the API's JSON, with a trailing newline.
    static func json<T: Encodable>(_ value: T, status: Int = 200) -> ControlResponse {
        do {
            return ControlResponse(status: status, body: try ControlAPI.encoder().encode(value) + Data("\n".utf8))
        } catch {
            // Our own response types always encode; say so rather than answer an empty 200.
            let message = #"{"error":"the response could not be encoded"}"#
            return ControlResponse(status: 500, body: Data((message + "\n").utf8))
        }
    }
}

/// The control API's routes (docs/api.md): a table of method and path pattern (`:name`
/// matches one segment) to handler, one file per resource under `Routes/`, served through
/// Hummingbird's router (`hummingbird(work:bodyLimit:)`). It maps errors to answers in one
/// place and logs refused writes. Handlers block; they run on a work queue.
struct ControlRouter: Sendable {
    typealias Handler = @Sendable (ControlRequest) throws(ControlError) -> ControlResponse

    struct Route: Sendable {
        var method: String
        /// `/v1/items/:plan/:item`, as registered.
        var path: String
        var pattern: [String]
        var handler: Handler
        /// This route's largest body, when it differs from the listener's (the web's uploads).
        var bodyLimit: Int?
    }

    private(set) var routes: [Route] = []
    let logger: Logger
    /// The first path segment every route shares ("v1" for the control API; nil: none).
    var prefix: String? = "v1"
    /// How an error is answered: the API's JSON by default; the web answers with a page.
    var answerError: @Sendable (ControlError, ControlRequest) -> ControlResponse = { error, _ in
        .json(ErrorResponse(error: error.message, field: error.field), status: error.status)
    }

    /// Applied to every answer (the web puts its site path before its links).
    var finish: @Sendable (ControlResponse) -> ControlResponse = { $0 }

    init(logger: Logger) { self.logger = logger }

    mutating func add(_ method: String, _ path: String, bodyLimit: Int? = nil, _ handler: @escaping Handler) {
        routes.append(
            Route(
                method: method, path: path, pattern: path.split(separator: "/").map(String.init), handler: handler,
                bodyLimit: bodyLimit))
    }

    func handle(_ request: ControlRequest) -> ControlResponse {
        do throws(ControlError) {
            return finish(try route(request))
        } catch {
            if case .forbidden(let reason) = error { logRefusal(request, reason: reason) }
            return finish(answerError(error, request))
        }
    }

    private func route(_ request: ControlRequest) throws(ControlError) -> ControlResponse {
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map {
            String($0).removingPercentEncoding ?? String($0)
        }
        if let prefix, parts.first != prefix {
            throw .notFound("no such endpoint: \(request.path); the API lives under /\(prefix) (docs/api.md)")
        }
        var pathMatched = false
        for route in routes {
            guard let parameters = Self.match(route.pattern, parts) else { continue }
            pathMatched = true
            guard route.method == request.method else { continue }
            var request = request
            request.parameters = parameters
            return try route.handler(request)
        }
        let depth = prefix == nil ? 0 : 1
        let resource = parts.dropFirst(depth).first
        if pathMatched || routes.contains(where: { $0.pattern.dropFirst(depth).first == resource && resource != nil }) {
            throw .badRequest(
                "\(request.method) \(request.path) is not supported; see docs/api.md for the methods of /\(parts.prefix(depth + 1).joined(separator: "/"))")
        }
        throw .notFound("no such endpoint: \(request.method) \(request.path) (docs/api.md lists them)")
    }

    private static func match(_ pattern: [String], _ parts: [String]) -> [String: String]? {
        guard pattern.count == parts.count else { return nil }
        var parameters: [String: String] = [:]
        for (expected, actual) in zip(pattern, parts) {
            if expected.hasPrefix(":") {
                parameters[String(expected.dropFirst())] = actual
            } else if expected != actual {
                return nil
            }
        }
        return parameters
    }

    /// Who was refused what, and why; never the body, and never a signed link's token (the
    /// web's paths are logged with it cut out).
    private func logRefusal(_ r: ControlRequest, reason: String) {
        var metadata: Logger.Metadata = ["method": "\(r.method)", "path": "\(WebContext.safePath(r.path))", "reason": "\(reason)"]
        if let peer = r.peer {
            metadata["uid"] = "\(peer.uid)"
            metadata["user"] = "\(peer.userName ?? "-")"
        } else if let address = r.remoteAddress {
            metadata["address"] = "\(address)"
        } else {
            metadata["uid"] = "-"
        }
        logger.warning(prefix == nil ? "web request refused" : "write refused", metadata: metadata)
    }
}

/// What the routes work with: the daemon's parts.
typealias ControlContext = DaemonParts

extension DaemonParts {
    /// The router with every resource's routes.
    func router() -> ControlRouter {
        var router = ControlRouter(logger: logger)
        HealthRoutes(context: self).register(in: &router)
        ItemRoutes(context: self).register(in: &router)
        ItemChangeRoutes(context: self).register(in: &router)
        DeliveryRoutes(context: self).register(in: &router)
        AdminRoutes(context: self).register(in: &router)
        MetricsRoutes(context: self).register(in: &router)
        RequestRoutes(context: self).register(in: &router)
        LedgerRoutes(context: self).register(in: &router)
        PlanRoutes(context: self).register(in: &router)
        ReportRoutes(context: self).register(in: &router)
        ReceiverRoutes(context: self).register(in: &router)
        return router
    }
}

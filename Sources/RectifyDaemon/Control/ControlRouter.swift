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

    func parameter(_ name: String) -> String { parameters[name] ?? "" }
}

struct ControlResponse: Sendable {
    var status: Int
    var body: Data
    var contentType = "application/json"

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
    }

    private(set) var routes: [Route] = []
    let logger: Logger

    init(logger: Logger) { self.logger = logger }

    mutating func add(_ method: String, _ path: String, _ handler: @escaping Handler) {
        routes.append(Route(method: method, path: path, pattern: path.split(separator: "/").map(String.init), handler: handler))
    }

    func handle(_ request: ControlRequest) -> ControlResponse {
        do throws(ControlError) {
            return try route(request)
        } catch {
            if case .forbidden(let reason) = error { logRefusal(request, reason: reason) }
            return .json(ErrorResponse(error: error.message, field: error.field), status: error.status)
        }
    }

    private func route(_ request: ControlRequest) throws(ControlError) -> ControlResponse {
        let parts = request.path.split(separator: "/", omittingEmptySubsequences: true).map {
            String($0).removingPercentEncoding ?? String($0)
        }
        guard parts.first == "v1" else {
            throw .notFound("no such endpoint: \(request.path); the API lives under /v1 (docs/api.md)")
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
        let resource = parts.dropFirst().first
        if pathMatched || routes.contains(where: { $0.pattern.dropFirst().first == resource && resource != nil }) {
            throw .badRequest(
                "\(request.method) \(request.path) is not supported; see docs/api.md for the methods of /v1/\(resource ?? "")")
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

    /// Who was refused what, and why; never the body.
    private func logRefusal(_ r: ControlRequest, reason: String) {
        logger.warning(
            "write refused",
            metadata: [
                "uid": "\(r.peer.map { String($0.uid) } ?? "-")", "user": "\(r.peer?.userName ?? "-")",
                "method": "\(r.method)", "path": "\(r.path)", "reason": "\(reason)",
            ])
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
        LedgerRoutes(context: self).register(in: &router)
        PlanRoutes(context: self).register(in: &router)
        ReportRoutes(context: self).register(in: &router)
        return router
    }
}

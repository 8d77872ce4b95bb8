import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import RectifyControl

/// The control API's routes in Hummingbird's router, so the web listener that comes next uses
/// the same router, middleware and error mapping. Each route reads its body (up to
/// `control.body_limit`, else 413) and the caller's credentials, and runs its handler on
/// `work` (handlers block on the database and the scheduler's queue: never on the cooperative
/// pool); `ControlAnswers` turns everything a handler or the router throws into the API's JSON.
extension ControlRouter {
    func hummingbird(work: WorkLanes, bodyLimit: @escaping @Sendable () -> Int) -> Router<ControlRequestContext> {
        let router = Router(context: ControlRequestContext.self)
        router.add(middleware: ControlAnswers(router: self))
        for route in routes {
            guard let method = HTTPRequest.Method(route.method) else { continue }
            router.on(RouterPath(route.path), method: method) { request, context in
                let body: ByteBuffer
                let limit = route.bodyLimit ?? bodyLimit()
                do {
                    body = try await request.body.collect(upTo: limit)
                } catch {
                    throw ControlError.tooLarge(
                        "the request body is over the limit of \(limit) bytes (\(route.bodyLimit == nil ? "control.body_limit" : "web.upload_limit"))")
                }
                var headers: [String: String] = [:]
                for field in request.headers {
                    let name = field.name.canonicalName
                    headers[name] = headers[name].map { $0 + (name == "cookie" ? "; " : ", ") + field.value } ?? field.value
                }
                let control = ControlRequest(
                    method: route.method, path: request.uri.path, query: Self.query(request.uri.query),
                    body: Data(body.readableBytesView), peer: await context.peer(), headers: headers,
                    remoteAddress: context.channel.remoteAddress?.ipAddress)
                let answer = await withCheckedContinuation { continuation in
                    work.async { continuation.resume(returning: self.handle(control)) }
                }
                return Response(answer)
            }
        }
        return router
    }

    /// `a=1&b=%E5%85%AC` → ["a": "1", "b": "公"] (`+` is a space).
    static func query(_ text: String?) -> [String: String] {
        var query: [String: String] = [:]
        for pair in (text ?? "").split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let decode = { (s: Substring) in
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(s)
            }
            query[decode(kv[0])] = kv.count > 1 ? decode(kv[1]) : ""
        }
        return query
    }
}

extension Response {
    init(_ answer: ControlResponse) {
        var buffer = ByteBuffer()
        buffer.writeBytes(answer.body)
        var headers: HTTPFields = [.contentType: answer.contentType]
        for (name, value) in answer.headers {
            if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
        }
        self.init(status: HTTPResponse.Status(code: answer.status), headers: headers, body: ResponseBody(byteBuffer: buffer))
    }
}

/// The API's error mapping: a `ControlError` is its JSON answer; a path the router does not
/// know, or a method a path does not take, is the 404 or 400 `ControlRouter` words.
struct ControlAnswers: RouterMiddleware {
    typealias Context = ControlRequestContext
    let router: ControlRouter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as ControlError {
            let control = ControlRequest(method: request.method.rawValue, path: request.uri.path, query: [:], body: Data(), peer: nil)
            return Response(router.answerError(error, control))
        } catch let error as HTTPError where error.status == .notFound || error.status == .methodNotAllowed {
            let control = ControlRequest(
                method: request.method.rawValue, path: request.uri.path, query: [:], body: Data(), peer: nil)
            return Response(router.handle(control))
        }
    }
}

/// A control request that cannot be carried out, with the HTTP status it answers with.
enum ControlError: Error, Sendable {
    case badRequest(String, field: String? = nil)
    case forbidden(String)
    case notFound(String)
    case conflict(String, field: String? = nil)
    case tooLarge(String)
    /// A link that worked once and no longer does (an expired signed link): 410.
    case gone(String)
    /// Too many tries (password guessing): 429.
    case tooManyRequests(String)
    /// Not an error: the web sends the browser elsewhere (303 See Other to this path).
    case redirect(String)
    case unavailable(String)
    case `internal`(String)

    var status: Int {
        switch self {
        case .badRequest: return 400
        case .forbidden: return 403
        case .notFound: return 404
        case .conflict: return 409
        case .tooLarge: return 413
        case .gone: return 410
        case .tooManyRequests: return 429
        case .redirect: return 303
        case .unavailable: return 503
        case .internal: return 500
        }
    }

    var message: String {
        switch self {
        case .badRequest(let m, _), .forbidden(let m), .notFound(let m), .conflict(let m, _), .tooLarge(let m),
            .unavailable(let m), .internal(let m), .gone(let m), .tooManyRequests(let m), .redirect(let m):
            return m
        }
    }

    var field: String? {
        switch self {
        case .badRequest(_, let field), .conflict(_, let field): return field
        default: return nil
        }
    }
}

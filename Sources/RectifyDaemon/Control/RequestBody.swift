import Foundation
import RectifyControl

/// Decodes request bodies strictly: malformed JSON, unknown fields and wrong types are
/// answered with what and where.
enum RequestBody {
    static func decode<T: Decodable>(
        _ type: T.Type, from data: Data, fields: [String], emptyIsObject: Bool = false
    ) throws(ControlError) -> T {
        let data = data.isEmpty && emptyIsObject ? Data("{}".utf8) : data
        guard !data.isEmpty else { throw .badRequest("the request needs a JSON body with \(fields.joined(separator: ", "))") }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: data)
        } catch {
            throw .badRequest("the body is not valid JSON: \(Self.reason(error))")
        }
        guard let dict = object as? [String: Any] else { throw .badRequest("the body must be a JSON object") }
        for key in dict.keys.sorted() where !fields.contains(key) {
            throw .badRequest("unknown field '\(key)'; this request takes \(fields.joined(separator: ", "))", field: key)
        }
        do {
            return try ControlAPI.decoder().decode(T.self, from: data)
        } catch let DecodingError.typeMismatch(expected, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .badRequest("field '\(Self.snake(field))' must be \(Self.describe(expected))", field: Self.snake(field))
        } catch let DecodingError.keyNotFound(key, _) {
            throw .badRequest("field '\(Self.snake(key.stringValue))' is required", field: Self.snake(key.stringValue))
        } catch let DecodingError.valueNotFound(expected, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw .badRequest("field '\(Self.snake(field))' must be \(Self.describe(expected)), not null", field: Self.snake(field))
        } catch {
            throw .badRequest("the body does not match the request: \(error)")
        }
    }

    static func required(_ text: String, _ field: String) throws(ControlError) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw .badRequest("field '\(field)' must not be empty", field: field) }
        return trimmed
    }

    static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: return "text"
        case is Int.Type: return "a whole number"
        case is Bool.Type: return "true or false"
        case is [String].Type: return "a list of text"
        default: return "\(type)"
        }
    }

    static func snake(_ key: String) -> String {
        key.reduce(into: "") { out, c in
            if c.isUppercase { out += "_" + c.lowercased() } else { out.append(c) }
        }
    }

    static func reason(_ error: any Error) -> String {
        let ns = error as NSError
        return (ns.userInfo[NSDebugDescriptionErrorKey] as? String) ?? ns.localizedDescription
    }
}

import Foundation
import Yams

/// A fast path for JSON plan files: Foundation's JSON parser is far quicker than libyaml on
/// large files. The result is turned into Yams nodes (without marks) so the one schema
/// reader serves both; when that reading finds a problem, the file is read again through
/// Yams to report it with its line and column.
enum JSONNodes {
    static func parse(_ data: Data) -> Node? {
        guard let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed]) else { return nil }
        return node(object, Tag.implicit)
    }

    static func node(_ value: Any, _ implicit: Tag) -> Node {
        switch value {
        case let dict as [String: Any]:
            // JSON objects are unordered here; sort keys so diagnostics come out stable.
            let pairs = dict.keys.sorted().map { (Node.scalar(.init($0, implicit, .plain)), node(dict[$0]!, implicit)) }
            return .mapping(.init(pairs, implicit, .any))
        case let array as [Any]:
            return .sequence(.init(array.map { node($0, implicit) }, implicit, .any))
        case let string as String:
            return .scalar(.init(string, implicit, .doubleQuoted))
        case let number as NSNumber:
            if String(cString: number.objCType) == "c" {
                return .scalar(.init(number.boolValue ? "true" : "false", implicit, .plain))
            }
            return .scalar(.init(number.stringValue, implicit, .plain))
        case is NSNull:
            return .scalar(.init("null", implicit, .plain))
        default:
            return .scalar(.init("\(value)", implicit, .plain))
        }
    }
}

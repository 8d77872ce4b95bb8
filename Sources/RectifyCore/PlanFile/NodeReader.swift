import Foundation
import Yams

/// Collects diagnostics for one file while it is read, so that every error is reported at once.
public final class DiagnosticSink {
    public let file: String
    public private(set) var diagnostics: [Diagnostic] = []

    public init(file: String) { self.file = file }

    public func error(_ mark: Mark?, _ message: String) {
        diagnostics.append(
            Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message: message))
    }

    public func warning(_ mark: Mark?, _ message: String) {
        diagnostics.append(
            Diagnostic(
                file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, severity: .warning,
                message: message))
    }

    /// Reports an error at a line (and column) when no YAML mark is at hand.
    public func error(line: Int, column: Int = 1, _ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, column: column, message: message))
    }

    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
}

/// The fields of one YAML/JSON mapping, read with type checks that report to a sink.
///
/// Unknown keys are reported when the reader is made (with a did-you-mean); each accessor
/// reports a wrong type or an impossible value and returns nil, so reading goes on.
public struct FieldReader {
    public let path: String
    public let mark: Mark?
    public let sink: DiagnosticSink
    private let values: [String: Node]
    private let keyMarks: [String: Mark]

    /// Returns nil (and reports) when `node` is not a mapping.
    public init?(_ node: Node, path: String, sink: DiagnosticSink, allowed: [String]) {
        guard case .mapping(let mapping) = node else {
            let what = path.isEmpty ? "the document" : path
            sink.error(node.mark, "\(what) must be a mapping of keys to values, not \(FieldReader.describe(node)).")
            return nil
        }
        self.path = path
        self.mark = node.mark
        self.sink = sink
        var values: [String: Node] = [:]
        var keyMarks: [String: Mark] = [:]
        for (keyNode, value) in mapping {
            guard let key = keyNode.scalar?.string else {
                sink.error(keyNode.mark, "\(path) has a key that is not a plain word.")
                continue
            }
            guard allowed.contains(key) else {
                var message = "unknown key '\(key)'" + (path.isEmpty ? " at the top level" : " in \(path)")
                if let guess = Spelling.suggestion(for: key, among: allowed) {
                    message += "; did you mean '\(guess)'?"
                } else {
                    message += "; allowed keys: \(allowed.joined(separator: ", "))."
                }
                sink.error(keyNode.mark, message)
                continue
            }
            values[key] = value
            keyMarks[key] = keyNode.mark
        }
        self.values = values
        self.keyMarks = keyMarks
    }

    public func has(_ key: String) -> Bool { values[key].map { !FieldReader.isNull($0) } ?? false }

    public func node(_ key: String) -> Node? {
        guard let node = values[key], !FieldReader.isNull(node) else { return nil }
        return node
    }

    public func markOf(_ key: String) -> Mark? { values[key]?.mark ?? keyMarks[key] ?? mark }

    public func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Reports a missing required key at the mapping itself.
    public func require(_ key: String, hint: String = "") {
        let what = path.isEmpty ? "the document" : path
        if !has(key) { sink.error(mark, "\(what) is missing '\(key)'\(hint.isEmpty ? "." : "; \(hint)")") }
    }

    public func string(_ key: String, required: Bool = false) -> String? {
        guard let node = node(key) else {
            if required { require(key) }
            return nil
        }
        guard let scalar = node.scalar else {
            sink.error(node.mark, "\(fieldPath(key)) must be text, not \(FieldReader.describe(node)).")
            return nil
        }
        let text = scalar.string.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty && required {
            sink.error(node.mark, "\(fieldPath(key)) must not be empty.")
            return nil
        }
        return text
    }

    public func int(_ key: String, minimum: Int? = nil) -> Int? {
        guard let node = node(key) else { return nil }
        guard let text = node.scalar?.string, let value = Int(text) else {
            sink.error(node.mark, "\(fieldPath(key)) must be a whole number, not \(FieldReader.describe(node)).")
            return nil
        }
        if let minimum, value < minimum {
            sink.error(node.mark, "\(fieldPath(key)) must be at least \(minimum), not \(value).")
            return nil
        }
        return value
    }

    public func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        switch node.scalar?.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default:
            sink.error(node.mark, "\(fieldPath(key)) must be true or false, not \(FieldReader.describe(node)).")
            return nil
        }
    }

    public func date(_ key: String, required: Bool = false) -> CalendarDate? {
        guard let node = node(key) else {
            if required { require(key) }
            return nil
        }
        return FieldReader.date(node, path: fieldPath(key), sink: sink)
    }

    public static func date(_ node: Node, path: String, sink: DiagnosticSink) -> CalendarDate? {
        guard let text = node.scalar?.string else {
            sink.error(node.mark, "\(path) must be a date like 2026-04-30, not \(describe(node)).")
            return nil
        }
        if let date = CalendarDate(text) { return date }
        sink.error(node.mark, "\(path) is '\(text)': \(CalendarDate.problem(with: text) ?? "not a day").")
        return nil
    }

    /// Reads a closed set of words, suggesting the nearest one for a typo.
    public func enumValue<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> E?
    where E.RawValue == String {
        guard let text = string(key) else { return nil }
        return FieldReader.enumValue(text, type, mark: markOf(key), path: fieldPath(key), sink: sink)
    }

    public static func enumValue<E: RawRepresentable & CaseIterable>(
        _ text: String, _ type: E.Type, mark: Mark?, path: String, sink: DiagnosticSink, alsoAccepted: [String] = []
    ) -> E? where E.RawValue == String {
        if let value = E(rawValue: text) { return value }
        // `alsoAccepted`: values the caller handles before asking (routing.preset's `auto`).
        let names = alsoAccepted + E.allCases.map(\.rawValue)
        var message = "\(path) is '\(text)', which is not one of \(names.joined(separator: ", "))"
        if let guess = Spelling.suggestion(for: text, among: names) { message += "; did you mean '\(guess)'?" } else {
            message += "."
        }
        sink.error(mark, message)
        return nil
    }

    public func list(_ key: String) -> [(Node, String)] {
        guard let node = node(key) else { return [] }
        guard case .sequence(let sequence) = node else {
            sink.error(node.mark, "\(fieldPath(key)) must be a list, not \(FieldReader.describe(node)).")
            return []
        }
        return sequence.enumerated().map { ($1, "\(fieldPath(key))[\($0)]") }
    }

    public func stringList(_ key: String) -> [String] {
        list(key).compactMap { node, path in
            guard let text = node.scalar?.string else {
                sink.error(node.mark, "\(path) must be text, not \(FieldReader.describe(node)).")
                return nil
            }
            return text
        }
    }

    public static func isNull(_ node: Node) -> Bool {
        guard case .scalar(let scalar) = node else { return false }
        return scalar.style == .plain && ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    public static func describe(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return "'\(scalar.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }
}

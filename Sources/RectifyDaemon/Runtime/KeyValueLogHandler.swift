import Foundation
import Logging

/// One line per event on stderr: `level=info msg="delivered" notice=… receiver=…`.
/// journald adds the time; values with spaces or quotes are quoted.
public struct KeyValueLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level
    let label: String
    let timestamps: Bool

    public init(label: String, level: Logger.Level = .info, timestamps: Bool = false) {
        self.label = label
        self.logLevel = level
        self.timestamps = timestamps
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var parts: [String] = []
        if timestamps { parts.append("ts=\(Date().timeIntervalSince1970)") }
        parts.append("level=\(event.level.rawValue)")
        parts.append("msg=\(Self.quote(event.message.description))")
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        for key in merged.keys.sorted() {
            parts.append("\(key)=\(Self.quote("\(merged[key]!)"))")
        }
        let line = parts.joined(separator: " ") + "\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func quote(_ value: String) -> String {
        let needs = value.isEmpty || value.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }
        guard needs else { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}

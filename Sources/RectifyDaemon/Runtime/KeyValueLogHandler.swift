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
        Self.write(parts.joined(separator: " ") + "\n")
    }

    /// Writes a line to stderr with write(2). A stderr that has gone away (a closed pipe, a
    /// full non-blocking one) loses the line and the daemon goes on: Foundation's
    /// `FileHandle.write` traps on such an error, which ended the process.
    static func write(_ line: String) {
        var line = line
        line.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = Glibc.write(STDERR_FILENO, base + offset, bytes.count - offset)
                if written > 0 {
                    offset += written
                } else if written < 0, errno == EINTR {
                    continue
                } else {
                    return
                }
            }
        }
    }

    static func quote(_ value: String) -> String {
        let needs = value.isEmpty || value.contains { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }
        guard needs else { return value }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}

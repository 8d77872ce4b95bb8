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
        var line = ""
        line.reserveCapacity(256)
        if timestamps { line += "ts=\(Date().timeIntervalSince1970) " }
        line += "level=\(event.level.rawValue) msg="
        Self.append(event.message.description, to: &line)
        let merged = event.metadata.map { metadata.merging($0) { $1 } } ?? metadata
        for key in merged.keys.sorted() {
            line += " \(key)="
            Self.append("\(merged[key]!)", to: &line)
        }
        line += "\n"
        Self.write(line)
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
        var out = ""
        append(value, to: &out)
        return out
    }

    /// `value` as it stands, or quoted when empty or holding a space, a quote, `=` or a line
    /// break, with `\`, `"` and LF escaped. One pass over the scalars: Foundation's
    /// `replacingOccurrences` three times over was most of a log line's cost (perf).
    static func append(_ value: String, to out: inout String) {
        let scalars = value.unicodeScalars
        let needs = value.isEmpty || scalars.contains { s in s == " " || s == "\"" || s == "=" || isNewline(s) }
        guard needs else {
            out += value
            return
        }
        out.unicodeScalars.append("\"")
        for s in scalars {
            switch s {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(s)
            }
        }
        out.unicodeScalars.append("\"")
    }

    /// `Character.isNewline` for one scalar (LF, VT, FF, CR, NEL, LS, PS; CR LF is CR and LF).
    private static func isNewline(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }
}

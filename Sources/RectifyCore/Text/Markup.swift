/// Escaping for text placed in documents: HTML pages and mail, the XML parts of .xlsx and
/// .docx files, iCalendar TEXT values. One loop; each format says what a character becomes.
public enum Markup {
    /// `text` with each character `replacement` names replaced by what it returns (nil keeps it).
    public static func escape(_ text: String, _ replacement: (Character) -> String?) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            if let replaced = replacement(character) { out += replaced } else { out.append(character) }
        }
        return out
    }

    /// HTML element text and attribute values: `&`, `<`, `>`, `"` and (with `apostrophe`) `'`
    /// as entities, so text someone wrote is shown as written and never taken as markup.
    /// Scans bytes (every character it replaces is ASCII) and returns text without them as it
    /// is: a notice with thousands of rows escapes every cell.
    public static func html(_ text: String, apostrophe: Bool = true) -> String {
        // The check over the contiguous bytes: through the generic `contains(where:)` of the
        // UTF-8 view it was a fifth of laying out a notice's HTML.
        var text = text
        let needsEscape = text.withUTF8 { bytes in
            for byte in bytes where byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 || (byte == 0x27 && apostrophe) {
                return true
            }
            return false
        }
        guard needsEscape else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: out += "&amp;".utf8
            case 0x3C: out += "&lt;".utf8
            case 0x3E: out += "&gt;".utf8
            case 0x22: out += "&quot;".utf8
            case 0x27 where apostrophe: out += "&#39;".utf8
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// What XML element text does with tabs and line breaks.
    public enum LineBreaks: Sendable {
        /// Tabs and line feeds stay; carriage returns are dropped (spreadsheet cells).
        case keep
        /// Tabs and line breaks become spaces (a Word run's text).
        case space
    }

    /// XML element text and attribute values: `&`, `<`, `>` and `"` as entities; the control
    /// characters XML 1.0 forbids (pasted from other programs) dropped, so Excel and Word never
    /// call the file damaged.
    public static func xml(_ text: String, lineBreaks: LineBreaks) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n": if lineBreaks == .keep { out.unicodeScalars.append(scalar) } else { out += " " }
            case "\r": if lineBreaks == .space { out += " " }
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

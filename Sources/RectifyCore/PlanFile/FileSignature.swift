import Foundation

/// What a file is by its first bytes, whatever its name says: offices rename files, mail
/// clients strip extensions, and a `.txt` that starts with `%PDF-` is not a report.
public enum FileSignature: Equatable, Sendable {
    case pdf
    /// An OLE2 compound file: Word 97–2003 `.doc`, Excel `.xls`, WPS `.wps`/`.et`.
    case legacyOffice
    /// A ZIP archive; `.docx`/`.xlsx` are, and so are `.ofd` (China's fixed-layout format) and `.wps` of newer WPS.
    case zip
    case rtf
    case html
    case image(String)
    case other

    public static func of(_ data: Data) -> FileSignature {
        let head = [UInt8](data.prefix(16))
        func starts(_ bytes: [UInt8]) -> Bool { head.count >= bytes.count && Array(head.prefix(bytes.count)) == bytes }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .legacyOffice }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if starts(Array("{\\rtf".utf8)) { return .rtf }
        if starts([0x89, 0x50, 0x4E, 0x47]) { return .image("PNG") }
        if starts([0xFF, 0xD8, 0xFF]) { return .image("JPEG") }
        if starts(Array("GIF8".utf8)) { return .image("GIF") }
        if starts(Array("BM".utf8)) && data.count > 26 && head[6] == 0 && head[7] == 0 { return .image("BMP") }
        let text = String(decoding: data.prefix(512), as: UTF8.self).lowercased()
            .trimmingCharacters(in: .whitespacesAndNewlines.union(CharacterSet(charactersIn: "\u{FEFF}")))
        if text.hasPrefix("<!doctype html") || text.hasPrefix("<html") || (text.hasPrefix("<") && text.contains("<body")) {
            return .html
        }
        return .other
    }

    /// What to tell an office that handed rectifyd this file, or nil when it may be read as text.
    public var advice: String? {
        switch self {
        case .pdf:
            return "is a PDF, which rectifyd does not read: copy its text into a .txt file (pdftotext FILE.pdf FILE.txt, "
                + "or select all and paste), or use the .docx it was made from."
        case .legacyOffice:
            return "is an old Word/Excel/WPS file (.doc, .xls, .wps, .et): open it and save it as .docx or .xlsx (另存为), "
                + "then import that."
        case .zip:
            return "is a ZIP archive but not a Word (.docx) or Excel (.xlsx) file (an .ofd or a zipped folder?): export "
                + "the document as .docx, or its text as .txt."
        case .rtf:
            return "is an RTF document: save it as .docx or as plain text (.txt)."
        case .image(let kind):
            return "is a \(kind) image; rectifyd reads text, not pictures: use the document the image was taken from."
        case .html, .other:
            return nil
        }
    }

    /// The file's kind in a few words, for a directory listing ("a PDF").
    public var name: String {
        switch self {
        case .pdf: return "a PDF"
        case .legacyOffice: return "an old Word/Excel/WPS file"
        case .zip: return "a ZIP archive"
        case .rtf: return "an RTF document"
        case .html: return "a web page"
        case .image(let kind): return "a \(kind) image"
        case .other: return "not a plan, report or ledger"
        }
    }
}

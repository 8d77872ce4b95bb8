import Crypto
import Foundation

/// An evidence file checked and ready to store: its type from its first bytes (never from the
/// name or the browser's Content-Type alone), a cleaned name, its size and digest.
public struct EvidenceFile: Sendable {
    public var name: String
    public var kind: Kind
    public var data: Data
    public var sha256: String

    /// The types a 佐证材料 may be: PDF, images (PNG, JPEG, GIF, WebP), Word and Excel files.
    public enum Kind: String, Sendable, CaseIterable {
        case pdf, png, jpeg, gif, webp, docx, xlsx

        public var mediaType: String {
            switch self {
            case .pdf: return "application/pdf"
            case .png: return "image/png"
            case .jpeg: return "image/jpeg"
            case .gif: return "image/gif"
            case .webp: return "image/webp"
            case .docx: return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            }
        }

        public var fileExtension: String { self == .jpeg ? "jpg" : rawValue }

        /// Whether a browser may show it inline (images and PDF); Office files are downloaded.
        public var inline: Bool { self != .docx && self != .xlsx }
    }

    /// The accepted types in words, for the page and for refusals.
    public static let acceptedText = "PDF、图片（PNG/JPEG/GIF/WebP）、Word（.docx）、Excel（.xlsx）"
    public static let acceptAttribute = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx"

    /// Checks an upload; throws a sentence a responder can act on.
    public static func check(_ upload: UploadedFile, limit: Int) throws(FormError) -> EvidenceFile {
        let name = cleanName(upload.filename)
        guard !upload.data.isEmpty else { throw FormError("“\(name)” is empty") }
        guard upload.data.count <= limit else { throw FormError("“\(name)” is larger than the limit of \(limit) bytes", tooLarge: true) }
        guard let kind = detect(upload.data, name: name) else {
            throw FormError("“\(name)” is not one of the accepted types: \(acceptedText)")
        }
        let digest = Hex.encode(SHA256.hash(data: upload.data))
        return EvidenceFile(name: name, kind: kind, data: upload.data, sha256: digest)
    }

    /// The type by the file's first bytes; Office files are ZIP archives that must hold the
    /// part their extension promises (`word/document.xml`, `xl/workbook.xml`).
    public static func detect(_ data: Data, name: String) -> Kind? {
        let head = [UInt8](data.prefix(16))
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        if starts(Array("%PDF-".utf8)) { return .pdf }
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts(Array("RIFF".utf8)), head.count >= 12, Array(head[8..<12]) == Array("WEBP".utf8) { return .webp }
        if starts([0x50, 0x4B, 0x03, 0x04]) {
            let lower = name.lowercased()
            if lower.hasSuffix(".docx"), data.range(of: Data("word/document.xml".utf8)) != nil { return .docx }
            if lower.hasSuffix(".xlsx"), data.range(of: Data("xl/workbook.xml".utf8)) != nil { return .xlsx }
        }
        return nil
    }

    /// The name to show: the last part of whatever path the browser sent (`/`, `\`), without
    /// control characters, quotes or a leading dot, at most 100 characters; "附件" when nothing is left.
    public static func cleanName(_ raw: String) -> String {
        let last = raw.split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        var name = String(
            last.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) && !"\"<>:|?*".unicodeScalars.contains($0) })
        while name.hasPrefix(".") || name.hasPrefix(" ") { name.removeFirst() }
        name = name.trimmingCharacters(in: .whitespaces)
        if name.count > 100 {
            let ext = (name as NSString).pathExtension
            name = String(name.prefix(100 - ext.count - 1)) + (ext.isEmpty ? "" : "." + ext)
        }
        return name.isEmpty || name == ".." ? "附件" : name
    }
}

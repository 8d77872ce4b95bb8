import Foundation
import RectifyCore
import ZIPFoundation

/// An Office Open XML package (.xlsx, .docx): a ZIP archive of XML parts, read in memory.
struct OfficeArchive {
    private let archive: Archive
    let file: String

    /// Opens the package; a file that is not a ZIP archive (an old .xls/.doc, a renamed CSV,
    /// a damaged download) is an error naming the file.
    init(data: Data, file: String, partLimit: Int = defaultPartLimit) throws(LedgerError) {
        self.file = file
        self.partLimit = partLimit
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            // A ZIP's table of contents is at its end: a file that starts as one and has none
            // was cut short, not saved in another format.
            guard data.starts(with: [0x50, 0x4B, 0x03, 0x04]) else {
                throw LedgerError(
                    file: file,
                    "is not an Office Open XML file (.xlsx/.docx are ZIP archives); an old .xls or .doc must be saved as .xlsx/.docx first.")
            }
            throw LedgerError(
                file: file,
                "is a ZIP archive cut short or damaged (\(data.count) bytes, and its table of contents at the end is missing): the file was not copied or downloaded whole; get it again.")
        }
    }

    /// The most one part may unpack to. A 100,000-row sheet is about 60 MB of XML; a part that
    /// unpacks past this is a damaged file or a ZIP bomb (a few MB that expand to gigabytes),
    /// and reading it would take the machine's memory.
    static let defaultPartLimit = 256 << 20
    let partLimit: Int

    private struct TooLarge: Error {}

    /// The paths of the archive's entries, in the archive's order.
    var entryPaths: [String] { archive.map(\.path) }

    /// Whether the package has the part, without unpacking it.
    func has(_ path: String) -> Bool { archive[path.hasPrefix("/") ? String(path.dropFirst()) : path] != nil }

    /// The bytes of a part ("xl/workbook.xml"), or nil when the package has none.
    func part(_ path: String) throws(LedgerError) -> Data? {
        let name = path.hasPrefix("/") ? String(path.dropFirst()) : path
        guard let entry = archive[name] else { return nil }
        var data = Data()
        // The declared size is the file's word, not a fact: capped, and checked as it unpacks.
        data.reserveCapacity(Int(min(entry.uncompressedSize, UInt64(partLimit))))
        do {
            _ = try archive.extract(entry, skipCRC32: true) { chunk in
                guard data.count + chunk.count <= partLimit else { throw TooLarge() }
                data.append(chunk)
            }
        } catch is TooLarge {
            throw LedgerError(
                file: file,
                "the part \(name) unpacks to more than \(partLimit >= 1 << 20 ? "\(partLimit >> 20) MB" : "\(partLimit) bytes") "
                    + "(\(entry.compressedSize) bytes packed); "
                    + "the file is damaged or not a real Office document, and was not read.")
        } catch {
            throw LedgerError(file: file, "the part \(name) cannot be unpacked (\(error)); the file is damaged.")
        }
        return data
    }

    /// A part that must be there.
    func requiredPart(_ path: String) throws(LedgerError) -> Data {
        guard let data = try part(path) else {
            throw LedgerError(file: file, "has no \(path); it is not a complete Office file.")
        }
        return data
    }

    /// The targets of a relationships part (`xl/_rels/workbook.xml.rels`), by relationship id,
    /// resolved against the folder of the part that owns them.
    func relationships(of owner: String) throws(LedgerError) -> [String: String] {
        let folder = (owner as NSString).deletingLastPathComponent
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + (owner as NSString).lastPathComponent + ".rels"
        guard let data = try part(relsPath) else { return [:] }
        var result: [String: String] = [:]
        for element in try XMLElements.collect(data, names: ["Relationship"], part: relsPath, file: file) {
            guard let id = element.attributes["Id"], let target = element.attributes["Target"] else { continue }
            result[id] = target.hasPrefix("/") ? String(target.dropFirst()) : Self.join(folder, target)
        }
        return result
    }

    /// Resolves "worksheets/sheet1.xml" or "../media/x.png" against a folder.
    static func join(_ folder: String, _ target: String) -> String {
        var parts = folder.split(separator: "/").map(String.init)
        for piece in target.split(separator: "/") {
            if piece == ".." { _ = parts.popLast() } else if piece != "." { parts.append(String(piece)) }
        }
        return parts.joined(separator: "/")
    }
}

/// An error reading a ledger or Word file: which file, and where in it (a cell such as
/// "台账!F12", or nothing when it is about the whole file).
public struct LedgerError: Error, Sendable, CustomStringConvertible {
    public var file: String
    public var place: String?
    /// The line of a text file (CSV) the fault is on.
    public var line: Int?
    public var message: String

    init(file: String, place: String? = nil, line: Int? = nil, _ message: String) {
        self.file = file
        self.place = place
        self.line = line
        self.message = message
    }

    public var description: String { diagnostic.description }

    /// As a diagnostic: `file:1:1: error: 台账!F12: message`, or `file:LINE:1: error: message`.
    public var diagnostic: Diagnostic {
        Diagnostic(file: file, line: line ?? 1, column: 1, message: (place.map { "\($0): " } ?? "") + message)
    }
}

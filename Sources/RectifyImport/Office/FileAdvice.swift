import Foundation
import RectifyCore

/// What to tell an office whose file rectifyd cannot read: what the file really is (by its
/// bytes, not its name) and what to do instead. Each sentence follows the file's name in the
/// error ("通报.doc:1:1: error: is an old binary Word document …").
enum FileAdvice {
    /// An empty file, or one of blank space only: a save or a copy that did not finish.
    static func empty(_ data: Data) -> String? {
        if data.isEmpty {
            return "is empty (0 bytes): it was not saved or not copied whole; save or export the report again and import the new file."
        }
        guard data.count <= 4096, data.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D, 0x00].contains($0) }) else { return nil }
        return "holds nothing but blank space (\(data.count) bytes): it was not saved or not copied whole; save or export the report again and import the new file."
    }

    /// An OLE2 compound file, told apart by the streams it holds (their names are UTF-16 in its
    /// directory), else by its extension: Word 97–2003, Excel 97–2003, WPS, or a password-protected
    /// .docx/.xlsx (Office encrypts them into an OLE2 file).
    static func legacyOffice(_ data: Data, file: String) -> String {
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        let head = data.prefix(32 << 20)
        func holds(_ stream: String) -> Bool {
            var bytes = Data()
            for unit in stream.utf16 { bytes.append(UInt8(unit & 0xFF)); bytes.append(UInt8(unit >> 8)) }
            return head.range(of: bytes) != nil
        }
        let word = "open it in Word or WPS and save it as .docx (文件 → 另存为 → Word 文档 *.docx), then import that."
        let excel = "open it in Excel or WPS and save it as .xlsx (文件 → 另存为 → Excel 工作簿 *.xlsx), then import that."
        if holds("EncryptedPackage") {
            return "is a password-protected Office file (encrypted; rectifyd cannot open it): open it, remove the password "
                + "(文件 → 信息 → 保护 → 用密码进行加密, clear it), save it as .docx or .xlsx, then import that."
        }
        let kind: (what: String, todo: String)?
        if holds("WordDocument") {
            kind = ext == "wps" ? ("a WPS 文字 document in the old binary format (.wps)", word)
                : ("an old binary Word document (Word 97–2003 .doc, an OLE2 file)", word)
        } else if holds("Workbook") || holds("Book") {
            kind = ext == "et" ? ("a WPS 表格 workbook in the old binary format (.et)", excel)
                : ("an old binary Excel workbook (Excel 97–2003 .xls, an OLE2 file)", excel)
        } else {
            switch ext {
            case "doc", "dot": kind = ("an old binary Word document (Word 97–2003 .doc, an OLE2 file)", word)
            case "xls", "xlt": kind = ("an old binary Excel workbook (Excel 97–2003 .xls, an OLE2 file)", excel)
            case "wps", "wpt": kind = ("a WPS 文字 document in the old binary format (.wps)", word)
            case "et", "ett": kind = ("a WPS 表格 workbook in the old binary format (.et)", excel)
            default: kind = nil
            }
        }
        guard let kind else { return FileSignature.legacyOffice.advice ?? "is an old Office file" }
        return "is \(kind.what), which rectifyd does not read: \(kind.todo)"
    }

    /// A ZIP archive that is no Word or Excel package: an OFD (China's fixed-layout format), a
    /// damaged .docx/.xlsx (a package without its main part) or files zipped together.
    static func zip(_ archive: OfficeArchive, file: String) -> String {
        let paths = archive.entryPaths
        let ext = URL(fileURLWithPath: file).pathExtension.lowercased()
        if paths.contains(where: { $0.caseInsensitiveCompare("OFD.xml") == .orderedSame }) {
            return "is an OFD document (版式文件, like a PDF), which rectifyd does not read: export the document as .docx from "
                + "the system it came from, or copy its text into a .txt file."
        }
        if paths.contains("[Content_Types].xml") {
            return "is an Office package without its document (no word/document.xml or xl/workbook.xml): it is damaged or "
                + "not a Word or Excel file; open it in Word, Excel or WPS, save it again as .docx or .xlsx, then import that."
        }
        let shown = paths.filter { !$0.hasSuffix("/") }.prefix(3).joined(separator: ", ")
        let named = ["docx", "xlsx", "xlsm"].contains(ext) ? " though it is named .\(ext)" : ""
        return "is a ZIP archive of other files (\(shown)\(paths.count > 3 ? ", …" : "")), not a Word (.docx) or Excel (.xlsx) file\(named): "
            + "unzip it and import the report or ledger inside, or export the document as .docx or its text as .txt."
    }
}

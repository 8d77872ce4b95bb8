import Foundation
import RectifyCore

/// The package parts of a .docx besides the body and the styles.
enum DocxParts {
    static let w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    static let r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let relationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    static let officeRelationship = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#

    static let contentTypes: String = {
        let wordML = "application/vnd.openxmlformats-officedocument.wordprocessingml"
        let overrides = [
            ("/word/document.xml", wordML + ".document.main+xml"), ("/word/styles.xml", wordML + ".styles+xml"),
            ("/word/settings.xml", wordML + ".settings+xml"), ("/word/fontTable.xml", wordML + ".fontTable+xml"),
            ("/word/footer1.xml", wordML + ".footer+xml"),
            ("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"),
            ("/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml"),
        ]
        return """
            \(header)
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>
            """ + overrides.map { "<Override PartName=\"\($0.0)\" ContentType=\"\($0.1)\"/>" }.joined() + "</Types>"
    }()

    static let packageRelationships = relationshipsPart([
        ("rId1", officeRelationship + "/officeDocument", "word/document.xml"),
        ("rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties", "docProps/core.xml"),
        ("rId3", officeRelationship + "/extended-properties", "docProps/app.xml"),
    ])

    static let documentRelationships = relationshipsPart([
        ("rIdStyles", officeRelationship + "/styles", "styles.xml"), ("rIdSettings", officeRelationship + "/settings", "settings.xml"),
        ("rIdFonts", officeRelationship + "/fontTable", "fontTable.xml"), ("rIdFooter", officeRelationship + "/footer", "footer1.xml"),
    ])

    /// A relationships part: each relationship's id, type and target.
    static func relationshipsPart(_ entries: [(id: String, type: String, target: String)]) -> String {
        "\(header)\n<Relationships xmlns=\"\(relationships)\">"
            + entries.map { "<Relationship Id=\"\($0.id)\" Type=\"\($0.type)\" Target=\"\($0.target)\"/>" }.joined()
            + "</Relationships>"
    }

    static func coreProperties(title: String, modified: Date) -> String {
        let stamp = utcStamp(modified)
        return """
            \(header)
            <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
            xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\
            <dc:title>\(Markup.xml(title, lineBreaks: .space))</dc:title><dc:creator>rectifyd</dc:creator><dc:language>zh-CN</dc:language>\
            <dcterms:created xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:created>\
            <dcterms:modified xsi:type="dcterms:W3CDTF">\(stamp)</dcterms:modified>\
            </cp:coreProperties>
            """
    }

    /// `2026-11-22T01:00:00Z`.
    static func utcStamp(_ instant: Date) -> String {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down))
        let day = CalendarDate(dayNumber: Int((Double(seconds) / 86_400).rounded(.down)))
        let rest = seconds - day.dayNumber * 86_400
        return day.description + String(format: "T%02d:%02d:%02dZ", rest / 3600, rest / 60 % 60, rest % 60)
    }

    static let appProperties = """
        \(header)
        <Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">\
        <Application>rectifyd</Application></Properties>
        """

    /// Compatibility with Word 2013 and later; East Asian punctuation compressed as 公文 set it.
    static let settings = """
        \(header)
        <w:settings xmlns:w="\(w)"><w:defaultTabStop w:val="420"/>\
        <w:characterSpacingControl w:val="compressPunctuation"/>\
        <w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>\
        </w:settings>
        """

    /// "— 1 —" centred at the foot of each page, in 宋体 14 pt (四号).
    static let footer = """
        \(header)
        <w:ftr xmlns:w="\(w)"><w:p><w:pPr><w:pStyle w:val="PageNumber"/></w:pPr>\
        <w:r><w:t xml:space="preserve">— </w:t></w:r>\
        <w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>\
        <w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>\
        <w:r><w:t xml:space="preserve"> —</w:t></w:r></w:p></w:ftr>
        """
}

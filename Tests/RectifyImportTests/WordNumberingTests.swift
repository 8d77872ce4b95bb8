import Foundation
import Testing

@testable import RectifyImport

/// Word's automatic numbers, made as Word shows them: per list and level, deeper levels reset,
/// start overrides, numbering through a paragraph style, and the formats offices use.
struct WordNumberingTests {
    static let numbering = Data(
        """
        <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
         <w:abstractNum w:abstractNumId="0">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
          <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
          <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%3"/></w:lvl>
         </w:abstractNum>
         <w:abstractNum w:abstractNumId="1">
          <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimalEnclosedCircle"/><w:lvlText w:val="%1"/></w:lvl>
         </w:abstractNum>
         <w:abstractNum w:abstractNumId="2">
          <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl>
         </w:abstractNum>
         <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
         <w:num w:numId="2"><w:abstractNumId w:val="1"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="3"/></w:lvlOverride></w:num>
         <w:num w:numId="4"><w:abstractNumId w:val="2"/></w:num>
        </w:numbering>
        """.utf8)
    static let styles = Data(
        """
        <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
         <w:style w:type="paragraph" w:styleId="ListNumber"><w:pPr><w:numPr><w:numId w:val="2"/></w:numPr></w:pPr></w:style>
         <w:style w:type="paragraph" w:styleId="ProblemList"><w:basedOn w:val="ListNumber"/></w:style>
        </w:styles>
        """.utf8)

    @Test func levels_countAndResetAsWordShowsThem() throws {
        var n = try WordNumbering(numbering: Self.numbering, styles: Self.styles, file: "t.docx")
        let markers = [(0), 1, 2, 2, 1, 2, 0, 1].map { n.marker(numId: "1", level: $0, style: nil) }
        #expect(markers == ["一、", "（一）", "一.1", "一.2", "（二）", "一.1", "二、", "（一）"])
    }

    @Test func startOverride_styleNumbering_bulletsAndNoList() throws {
        var n = try WordNumbering(numbering: Self.numbering, styles: Self.styles, file: "t.docx")
        #expect(n.marker(numId: nil, level: nil, style: "ProblemList") == "③")
        #expect(n.marker(numId: nil, level: nil, style: "ListNumber") == "④")
        #expect(n.marker(numId: "4", level: 0, style: nil) == nil)
        #expect(n.marker(numId: "0", level: 0, style: "ListNumber") == nil)
        #expect(n.marker(numId: nil, level: nil, style: "Normal") == nil)
        #expect(n.marker(numId: "9", level: 0, style: nil) == nil)
    }

    @Test func formats() {
        #expect([1, 10, 12, 20, 35, 99].map { WordNumbering.chinese($0) } == ["一", "十", "十二", "二十", "三十五", "九十九"])
        #expect(WordNumbering.format(4, "upperRoman") == "IV" && WordNumbering.format(9, "lowerRoman") == "ix")
        #expect(WordNumbering.format(28, "lowerLetter") == "bb")
        #expect(WordNumbering.format(12, "decimalFullWidth") == "１２")
        #expect(WordNumbering.format(3, "ideographTraditional") == "丙")
        #expect(WordNumbering.format(21, "decimalEnclosedCircle") == "21")
    }
}

/// The styles of a drafted 公文 (GB/T 9704-2012): sizes in half-points (三号 = 16 pt = 32, 二号 =
/// 22 pt = 44), lengths in twentieths of a point (a 16 pt character is 320, a 28 pt line 560).
enum DocxStyles {
    static let title = "方正小标宋简体"
    static let heiti = "黑体"
    static let kaiti = "楷体_GB2312"
    static let fangsong = "仿宋_GB2312"
    static let songti = "宋体"

    /// East Asian text in `eastAsia`, Latin letters and digits in Times New Roman.
    static func fonts(_ eastAsia: String) -> String {
        "<w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"\(eastAsia)\" w:cs=\"Times New Roman\"/>"
    }

    /// A run's size in half-points (三号 = 32), for East Asian and complex-script text alike.
    static func size(_ halfPoints: Int) -> String { "<w:sz w:val=\"\(halfPoints)\"/><w:szCs w:val=\"\(halfPoints)\"/>" }

    /// Two characters of first-line indent at 16 pt.
    static let indent = "<w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/>"

    static func paragraphStyle(
        id: String, name: String, basedOn: String? = "Normal", outline: Int? = nil, paragraph: String, run: String
    ) -> String {
        var xml = "<w:style w:type=\"paragraph\" w:customStyle=\"\(id.hasPrefix("Heading") ? 0 : 1)\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/>"
        if let basedOn { xml += "<w:basedOn w:val=\"\(basedOn)\"/>" }
        xml += "<w:next w:val=\"Normal\"/><w:qFormat/>"
        xml += "<w:pPr>\(paragraph)\(outline.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? "")</w:pPr>"
        return xml + "<w:rPr>\(run)</w:rPr></w:style>"
    }

    static let styles: String = {
        let line = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"560\" w:lineRule=\"exact\"/>"
        // 一、 in 黑体, （一） in 楷体, 1. in 仿宋 bold, (1) in 仿宋: 三号, kept with what follows.
        let headings = [fonts(heiti), fonts(kaiti), fonts(fangsong) + "<w:b/><w:bCs/>", fonts(fangsong)].enumerated().map { level, face in
            paragraphStyle(
                id: "Heading\(level + 1)", name: "heading \(level + 1)", outline: level, paragraph: "<w:keepNext/>" + line + indent,
                run: face + size(32))
        }
        let body = [
            // 正文: 仿宋 三号, fixed 28 pt lines, justified, two-character indent.
            """
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>\
            <w:pPr><w:widowControl/>\(line)\(indent)<w:jc w:val="both"/></w:pPr>\
            <w:rPr>\(fonts(fangsong))\(size(32))</w:rPr></w:style>
            """,
            paragraphStyle(
                id: "ReportTitle", name: "标题",
                paragraph: "<w:spacing w:before=\"0\" w:after=\"560\" w:line=\"700\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                run: fonts(title) + size(44)),
        ] + headings + [
            // 发文机关署名 and 成文日期: right, four characters from the margin.
            paragraphStyle(
                id: "Signature", name: "署名",
                paragraph: "<w:ind w:right=\"1280\" w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"right\"/>",
                run: fonts(fangsong) + size(32)),
            paragraphStyle(
                id: "PageNumber", name: "页码",
                paragraph: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                run: fonts(songti) + size(28)),
            paragraphStyle(
                id: "TableCaption", name: "表题",
                paragraph: "<w:keepNext/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/><w:jc w:val=\"center\"/>",
                run: fonts(heiti) + size(28)),
            paragraphStyle(
                id: "TableText", name: "表格文字",
                paragraph: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"360\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"0\" w:firstLine=\"0\"/>",
                run: fonts(fangsong) + size(24)),
            """
            <w:style w:type="table" w:customStyle="1" w:styleId="ReportTable"><w:name w:val="报告表格"/>\
            <w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
            <w:left w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
            <w:right w:val="single" w:sz="4" w:space="0" w:color="000000"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="000000"/>\
            <w:insideV w:val="single" w:sz="4" w:space="0" w:color="000000"/></w:tblBorders>\
            <w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
            """,
        ]
        return """
            \(DocxParts.header)
            <w:styles xmlns:w="\(DocxParts.w)"><w:docDefaults><w:rPrDefault><w:rPr>\(fonts(fangsong))\
            <w:kern w:val="2"/>\(size(32))<w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/>\
            </w:rPr></w:rPrDefault><w:pPrDefault><w:pPr>\(line)</w:pPr></w:pPrDefault></w:docDefaults>
            \(body.joined(separator: "\n"))
            </w:styles>
            """
    }()

    /// The faces the styles name, each with the common face Word substitutes when it is missing.
    static let fontTable: String = {
        let faces = [(title, songti, "02010600030101010101"), (heiti, heiti, "02010609060101010101"), (kaiti, "楷体", "02010609030101010101"),
                     (fangsong, "仿宋", "02010609030101010101"), (songti, songti, "02010600030101010101")]
        let entries = faces.map { name, alternative, panose in
            "<w:font w:name=\"\(name)\"><w:altName w:val=\"\(alternative)\"/><w:panose1 w:val=\"\(panose)\"/><w:charset w:val=\"86\"/><w:family w:val=\"auto\"/><w:pitch w:val=\"variable\"/></w:font>"
        }
        return "\(DocxParts.header)\n<w:fonts xmlns:w=\"\(DocxParts.w)\">" + entries.joined()
            + "<w:font w:name=\"Times New Roman\"><w:panose1 w:val=\"02020603050405020304\"/><w:charset w:val=\"00\"/><w:family w:val=\"roman\"/><w:pitch w:val=\"variable\"/></w:font></w:fonts>"
    }()
}

/// A report as one self-contained HTML page (inline styles, as mail clients need): the title
/// centred, headings in the 公文 faces, tables with borders, the signature to the right.
public enum HTMLLayout {
    public static func render(_ document: ReportDocument, language: String = "zh-CN") -> String {
        var body: [String] = []
        body.append("<h1 style=\"\(Style.title)\">\(escape(document.title))</h1>")
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                let tag = "h\(min(6, level + 1))"
                body.append("<\(tag) style=\"\(Style.heading(level))\">\(escape(text))</\(tag)>")
            case .paragraph(let text):
                body.append("<p style=\"\(Style.paragraph)\">\(escape(text))</p>")
            case .table(let table):
                body.append(self.table(table))
            case .signature(let lines):
                body.append(
                    "<p style=\"\(Style.signature)\">" + lines.map(escape).joined(separator: "<br>") + "</p>")
            }
        }
        return """
            <!DOCTYPE html>
            <html lang="\(language)">
            <head><meta charset="utf-8"><title>\(escape(document.title))</title></head>
            <body style="\(Style.body)">
            \(body.joined(separator: "\n"))
            </body>
            </html>

            """
    }

    static func table(_ table: ReportTable) -> String {
        var rows: [String] = []
        if let caption = table.caption { rows.append("<caption style=\"\(Style.caption)\">\(escape(caption))</caption>") }
        rows.append("<tr>" + table.header.map { "<th style=\"\(Style.cell(numeric: false))\">\(escape($0))</th>" }.joined() + "</tr>")
        for row in table.rows {
            let cells = row.enumerated().map { c, cell in
                "<td style=\"\(Style.cell(numeric: table.numericColumns.contains(c)))\">\(escape(cell))</td>"
            }
            rows.append("<tr>" + cells.joined() + "</tr>")
        }
        return "<table style=\"\(Style.table)\">\n" + rows.joined(separator: "\n") + "\n</table>"
    }

    enum Style {
        static let body = "font-family: FangSong, 仿宋, 'Noto Serif CJK SC', serif; font-size: 16px; line-height: 1.8; color: #222; max-width: 46em; margin: 1em auto;"
        static let title = "font-family: 'FZXiaoBiaoSong-B05S', 方正小标宋简体, SimSun, 宋体, serif; font-size: 24px; font-weight: normal; text-align: center;"
        static let paragraph = "text-indent: 2em; margin: 0.3em 0;"
        static let signature = "text-align: right; margin-top: 2em;"
        static let table = "border-collapse: collapse; margin: 0.6em 0; font-size: 14px;"
        static let caption = "text-align: left; font-weight: bold; padding: 4px 0;"

        static func heading(_ level: Int) -> String {
            switch level {
            case 1: return "font-family: SimHei, 黑体, 'Noto Sans CJK SC', sans-serif; font-size: 17px; font-weight: normal; margin: 0.8em 0 0.3em;"
            case 2: return "font-family: KaiTi, 楷体, serif; font-size: 16px; font-weight: normal; margin: 0.5em 0 0.2em;"
            default: return "font-size: 16px; font-weight: bold; margin: 0.4em 0 0.2em;"
            }
        }

        static func cell(numeric: Bool) -> String {
            "border: 1px solid #999; padding: 3px 8px;" + (numeric ? " text-align: right;" : " text-align: left;")
        }
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }
}

import RectifyCore

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
        // Column widths in pixels from the widest cell (a Han character is two columns of 7 px), for
        // renderers that lay tables out before reading CSS (Outlook's Word engine, word processors).
        let widths = table.header.indices.map { c -> Int in
            let widest = ([table.header[c]] + table.rows.compactMap { c < $0.count ? $0[c] : nil }).map(DisplayWidth.of).max() ?? 0
            return min(widest, 40) * 7 + 18
        }
        rows.append(
            "<tr>"
                + table.header.enumerated().map { c, name in
                    "<th nowrap width=\"\(widths[c])\" style=\"\(Style.cell(numeric: false, short: true))\">\(escape(name))</th>"
                }.joined() + "</tr>")
        for row in table.rows {
            let cells = row.enumerated().map { c, cell in
                // `nowrap` as an attribute too: mail clients (and word processors) that ignore the CSS honour it.
                let short = table.numericColumns.contains(c) || cell.count <= 16
                return "<td\(short ? " nowrap" : "") style=\"\(Style.cell(numeric: table.numericColumns.contains(c), short: short))\">\(escape(cell))</td>"
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

        /// Figures to the right; short cells (labels, names, dates) kept on one line.
        static func cell(numeric: Bool, short: Bool) -> String {
            "border: 1px solid #999; padding: 3px 8px;" + (numeric ? " text-align: right;" : " text-align: left;")
                + (short ? " white-space: nowrap;" : "")
        }
    }

    /// Apostrophes stay as they are (every attribute here is in double quotes).
    static func escape(_ text: String) -> String { Markup.html(text, apostrophe: false) }
}

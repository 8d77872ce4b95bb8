/// A report as Markdown: `#` title, a heading level per numbering level, tables as pipe tables,
/// the signature right-aligned. Also what chat robots get (`robotMarkdown`: headings as bold
/// lines, which WeCom, DingTalk and Feishu all show).
public enum MarkdownLayout {
    public static func render(_ document: ReportDocument) -> String {
        var out: [String] = ["# " + escape(document.title), ""]
        for block in document.blocks {
            switch block {
            case .heading(let level, let text):
                out += [String(repeating: "#", count: min(6, level + 1)) + " " + escape(text), ""]
            case .paragraph(let text):
                out += [escape(text), ""]
            case .table(let table):
                if let caption = table.caption { out += ["**\(escape(caption))**", ""] }
                out += pipeTable(table) + [""]
            case .signature(let lines):
                out += ["<div align=\"right\">", ""] + lines.map { escape($0) + "  " } + ["", "</div>", ""]
            }
        }
        return out.joined(separator: "\n")
    }

    /// The lighter Markdown chat robots render: bold headings, tables as one line per row. Without
    /// the title, which the robot message carries as its own.
    public static func robotMarkdown(_ document: ReportDocument) -> String {
        var out: [String] = []
        for block in document.blocks {
            switch block {
            case .heading(_, let text):
                out += ["**\(escape(text))**"]
            case .paragraph(let text):
                out += [escape(text), ""]
            case .table(let table):
                if let caption = table.caption { out.append("**\(escape(caption))**") }
                for row in table.rows {
                    let cells = row.enumerated().dropFirst().map { c, cell in "\(table.header[c]) \(cell)" }
                    out.append("> \(escape(row.first ?? ""))：" + cells.joined(separator: "，"))
                }
                out.append("")
            case .signature(let lines):
                out += lines.map(escape)
            }
        }
        return out.joined(separator: "\n")
    }

    static func pipeTable(_ table: ReportTable) -> [String] {
        let header = "| " + table.header.map(escapeCell).joined(separator: " | ") + " |"
        let rule = "|" + table.header.indices.map { table.numericColumns.contains($0) ? " ---: |" : " --- |" }.joined()
        return [header, rule] + table.rows.map { "| " + $0.map(escapeCell).joined(separator: " | ") + " |" }
    }

    /// Characters Markdown would read as formatting at the start of a line or anywhere.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            if "\\*_`[]<>|".contains(c) { out.append("\\") }
            out.append(c)
        }
        if let first = out.first, "#+-".contains(first) { out = "\\" + out }
        return out
    }

    static func escapeCell(_ text: String) -> String { escape(text).replacingNewlines() }
}

extension String {
    fileprivate func replacingNewlines() -> String {
        split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}

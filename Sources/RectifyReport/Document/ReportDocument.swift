/// A report laid out but not yet formatted: a title and blocks in reading order. The composers
/// (`DraftComposer`, `WeeklyComposer`) choose the words; the layouts (`PlainTextLayout`,
/// `MarkdownLayout`, `HTMLLayout`, `DocxWriter`) only format them.
public struct ReportDocument: Hashable, Sendable {
    /// The title line(s), centred in the 公文 layouts.
    public var title: String
    public var blocks: [ReportBlock]

    public init(title: String, blocks: [ReportBlock] = []) {
        self.title = title
        self.blocks = blocks
    }

    /// The text of every paragraph and heading, for tests and searches.
    public var plainParagraphs: [String] {
        blocks.flatMap { block -> [String] in
            switch block {
            case .heading(_, let text), .paragraph(let text): return [text]
            case .signature(let lines): return lines
            case .table(let table): return table.rows.map { $0.joined(separator: " ") }
            }
        }
    }
}

/// One block of a report.
public enum ReportBlock: Hashable, Sendable {
    /// A numbered heading with its marker written out ("一、…", "（一）…", "1.…", "（1）…").
    /// Level 1 is set in 黑体, level 2 in 楷体, deeper levels in bold 仿宋, as 公文 are.
    case heading(level: Int, text: String)
    /// Body text (正文): indented two characters on its first line.
    case paragraph(String)
    /// A table (the weekly digest's per-department figures).
    case table(ReportTable)
    /// The issuing unit and the date, right-aligned at the end.
    case signature([String])
}

/// A table with a header row; every cell is already worded.
public struct ReportTable: Hashable, Sendable {
    public var caption: String?
    public var header: [String]
    public var rows: [[String]]
    /// Columns holding figures (right-aligned).
    public var numericColumns: Set<Int>

    public init(caption: String? = nil, header: [String], rows: [[String]], numericColumns: Set<Int> = []) {
        self.caption = caption
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns
    }
}

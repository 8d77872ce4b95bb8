/// The heading tree of a report's body.
///
/// Styles nest in the order the report first uses them: a heading whose style is already on
/// the stack closes everything below it and becomes a sibling; a new style opens a level.
/// Unnumbered "针对“…”问题" headings take the style of the previous such heading, so a list that
/// starts "1、针对…" and goes on without numbers stays one level.
struct Outline: Sendable {
    struct Heading: Sendable {
        var paragraph: Int
        var style: HeadingStyle
        var number: Int?
        var marker: HeadingMarker
        var parent: Int?
        var depth: Int
        var children: [Int] = []
        /// Paragraphs after the heading up to the next heading (exclusive end).
        var bodyEnd: Int
        /// End of the heading's subtree (exclusive paragraph index).
        var subtreeEnd: Int
    }

    var headings: [Heading]
    /// Table rows (by paragraph) and the kind of each of their columns, from the header row.
    var tableColumns: [Int: [FieldKind?]] = [:]
    /// The first paragraph of the closing part (欢迎…监督, contacts, signature), or the count.
    var footerStart: Int
    /// The paragraph labelling an appendix that holds a table of problems ("附件1", "附件：…清单"
    /// above a 序号 | 反馈问题 | … table), or nil. The appendix is a part of its own: its rows
    /// never nest under the letter's last section.
    var appendixStart: Int?

    init(paragraphs: [Paragraph]) {
        var headings: [Heading] = []
        var stack: [Int] = []
        var lastConcernStyle: HeadingStyle?
        let tables = Outline.tableRows(paragraphs)
        tableColumns = tables
        let markers = paragraphs.map { HeadingMarker.parse($0.folded) }
        let appendix = Outline.appendixStart(paragraphs, tableRows: tables)
        appendixStart = appendix
        // A bare "1 " is a section only over "1.1" headings of its own.
        let decimalLeads = Set(markers.compactMap { m -> Int? in
            if case .decimal(let depth)? = m?.style, depth > 1 { return m?.lead }
            return nil
        })
        for (index, paragraph) in paragraphs.enumerated() {
            if index == appendix { stack.removeAll() }
            var parsed = markers[index]
            // "01 党的建设方面": a leading zero is a section number, never a quantity.
            if case .decimal(1)? = parsed?.style, !decimalLeads.contains(parsed?.number ?? 0), paragraph.folded.first != "0" {
                parsed = nil
            }
            if let columns = tables[index] {
                let cells = paragraph.folded.split(separator: "\t", omittingEmptySubsequences: false)
                // A row with its number and problem cells empty is one more measure of the row
                // above (the problem cell merged over its measure rows): not an item of its own.
                if let problem = columns.firstIndex(of: .problem), problem < cells.count, cells[problem].isEmpty, cells[0].isEmpty,
                    headings.last?.style == .tableRow
                {
                    continue
                }
                let cell = Array(paragraph.folded.prefix { $0 != "\t" })
                parsed = HeadingMarker(style: .tableRow, number: cell.allSatisfy(Chars.isDigit) ? cell.number(in: 0..<cell.count) : nil, length: 0)
            } else if paragraph.folded.contains("\t"), parsed?.style == .arabicDot || parsed?.style == .arabicComma {
                parsed = nil
            }
            guard var marker = parsed else { continue }
            if marker.style == .concern, let style = lastConcernStyle { marker.style = style }
            if marker.isConcern { lastConcernStyle = marker.style }
            var style = marker.style
            // A numbered heading that does not start a level ("3、" under "2.") continues the
            // compatible arabic style already open instead of nesting under it.
            if !stack.contains(where: { headings[$0].style == style }), let n = marker.number, n > 1,
                let sibling = stack.last(where: { Outline.compatible(headings[$0].style, style) })
            {
                style = headings[sibling].style
                marker.style = style
            }
            if let position = stack.lastIndex(where: { headings[$0].style == style }) {
                stack.removeSubrange(position...)
            }
            let parent = stack.last
            let heading = Heading(
                paragraph: index, style: style, number: marker.number, marker: marker, parent: parent,
                depth: stack.count, bodyEnd: paragraphs.count, subtreeEnd: paragraphs.count)
            headings.append(heading)
            if let parent { headings[parent].children.append(headings.count - 1) }
            stack.append(headings.count - 1)
        }
        let footer = Outline.footerStart(paragraphs, after: headings.last?.paragraph ?? -1)
        for i in headings.indices {
            headings[i].bodyEnd = i + 1 < headings.count ? headings[i + 1].paragraph : footer
            var end = footer
            for j in (i + 1)..<max(i + 1, headings.count) where headings[j].depth <= headings[i].depth {
                end = headings[j].paragraph
                break
            }
            headings[i].subtreeEnd = min(end, footer)
            headings[i].bodyEnd = min(headings[i].bodyEnd, footer)
        }
        self.headings = headings
        self.footerStart = footer
    }

    /// Rows under a header row whose cells name a problem column and at least one other field
    /// ("序号 反馈问题 整改措施 责任领导 整改时限 完成情况"). A row has at least half as many cells.
    static func tableRows(_ paragraphs: [Paragraph]) -> [Int: [FieldKind?]] {
        var result: [Int: [FieldKind?]] = [:]
        var columns: [FieldKind?]?
        for (index, paragraph) in paragraphs.enumerated() {
            let cells = paragraph.folded.split(separator: "\t", omittingEmptySubsequences: false).map(Array.init)
            guard cells.count >= 3 else {
                columns = nil
                continue
            }
            let kinds = cells.map(FieldLabels.columnKind)
            if kinds.contains(.problem), Set(kinds.compactMap { $0 }).count >= 2 {
                columns = kinds
                continue
            }
            if let header = columns, cells.count * 2 >= header.count {
                result[index] = header
            }
        }
        return result
    }

    /// "附件1", "附件一：", "附件：巡察反馈问题整改清单" on a line of its own (a short label or
    /// title, no sentence), followed by the rows of a table of problems.
    static func appendixStart(_ paragraphs: [Paragraph], tableRows: [Int: [FieldKind?]]) -> Int? {
        guard let lastRow = tableRows.keys.max() else { return nil }
        for index in paragraphs.indices where index < lastRow {
            let f = paragraphs[index].folded.filter { $0 != " " }
            guard f.hasLiteral("附件", at: 0), f.count <= 40,
                !f.contains(where: { Chars.isSentenceEnd($0) || Chars.isClauseEnd($0) && $0 != ":" })
            else { continue }
            var i = 2
            while i < f.count, Chars.isDigit(f[i]) || Chars.isChineseNumeral(f[i]) { i += 1 }
            // "附件1" alone, or "附件：…" / "附件1：…" naming it (not "附件：1.…清单", the list of
            // attachments before the signature, unless a table follows it directly).
            let bare = i == f.count || i + 1 == f.count && f[i] == ":"
            let titled = i < f.count && f[i] == ":" && i + 1 < f.count && !Chars.isDigit(f[i + 1])
            guard bare || titled, tableRows.keys.contains(where: { $0 > index }) else { continue }
            return index
        }
        return nil
    }

    static func compatible(_ a: HeadingStyle, _ b: HeadingStyle) -> Bool {
        let arabic: Set<HeadingStyle> = [.arabicDot, .arabicComma]
        return arabic.contains(a) && arabic.contains(b)
    }

    /// The closing part starts at the first paragraph after the last heading that invites
    /// comments (欢迎…监督) or gives the office's contacts, else at the signature: the unit's
    /// name and the date closing the report.
    static func footerStart(_ paragraphs: [Paragraph], after lastHeading: Int) -> Int {
        var index = max(0, lastHeading + 1)
        while index < paragraphs.count {
            let f = paragraphs[index].folded
            if f.hasLiteral("欢迎", at: 0) { return index }
            for word in ["联系电话", "电子邮箱", "联系人", "邮政信箱"] where f.contains(literal: word) && f.count < 200 {
                return index
            }
            index += 1
        }
        return max(lastHeading + 1, signatureStart(paragraphs))
    }

    /// The signature at the very end: a paragraph that is only a date, and up to two short
    /// lines before it without punctuation (the unit's name, "（盖章）").
    static func signatureStart(_ paragraphs: [Paragraph]) -> Int {
        guard let last = paragraphs.last?.folded.filter({ $0 != " " }), !last.isEmpty,
            let date = DateScanner.mentions(in: last).first, date.range == 0..<last.count
        else { return paragraphs.count }
        var start = paragraphs.count - 1
        while start > 0, paragraphs.count - start <= 2 {
            let f = paragraphs[start - 1].folded
            let punctuated = f.contains { Chars.isClauseEnd($0) || $0 == "“" || $0 == "《" }
            guard f.count <= 30, !punctuated else { break }
            start -= 1
        }
        return start
    }

    /// Ancestors of a heading, outermost first.
    func ancestors(of index: Int) -> [Int] {
        var result: [Int] = []
        var current = headings[index].parent
        while let c = current {
            result.insert(c, at: 0)
            current = headings[c].parent
        }
        return result
    }
}

/// One physical line of the report after cleaning: extraction artefacts removed, spaces inside
/// Chinese text and numbers removed ("2025 年底" → "2025年底").
struct SourceLine: Sendable {
    /// 1-based line number in the report.
    let number: Int
    /// The cleaned characters, original glyphs.
    let chars: [Unicode.Scalar]
    /// Leading white space of the raw line (centred signatures are deeply indented).
    let indent: Int

    var isBlank: Bool { chars.isEmpty }
}

/// A logical paragraph: one or more source lines joined where extraction broke a sentence.
struct Paragraph: Sendable {
    /// Original glyphs (cleaned).
    var chars: [Unicode.Scalar]
    /// `chars` folded one to one (full-width to ASCII): recognisers match here.
    var folded: [Unicode.Scalar]
    /// Where each joined source line starts in `chars`, with its line number.
    var segments: [(offset: Int, line: Int)]
    var indent: Int

    init(line: SourceLine) {
        chars = line.chars
        folded = line.chars.map(Chars.fold)
        segments = [(0, line.number)]
        indent = line.indent
    }

    var firstLine: Int { segments[0].line }
    var text: String { String(scalars: chars) }

    mutating func append(_ line: SourceLine) {
        segments.append((chars.count, line.number))
        chars += line.chars
        folded += line.chars.map(Chars.fold)
    }

    /// The source line of the character at `offset`.
    func line(at offset: Int) -> Int {
        var result = segments[0].line
        for segment in segments where segment.offset <= offset { result = segment.line }
        return result
    }

    func text(_ range: Range<Int>) -> String {
        let lower = max(0, min(range.lowerBound, chars.count))
        let upper = max(lower, min(range.upperBound, chars.count))
        return String(scalars: chars[lower..<upper])
    }
}

enum Normalization {
    /// Splits decoded text into cleaned lines (CRLF, CR and LF all end a line).
    /// Rows of a space-laid table wrapped onto indented lines are joined first
    /// (`WrappedTableRows`).
    static func lines(of text: String) -> [SourceLine] {
        var raw: [[Unicode.Scalar]] = []
        var current: [Unicode.Scalar] = []
        var afterCR = false
        for c in text.unicodeScalars {
            defer { afterCR = c == "\r" }
            if c == "\n", afterCR { continue }
            if c == "\n" || c == "\r" || c == "\u{2028}" || c == "\u{2029}" {
                raw.append(current)
                current.removeAll(keepingCapacity: true)
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { raw.append(current) }
        var result: [SourceLine] = []
        for (k, line) in WrappedTableRows.join(QuotedCells.join(PageFurniture.blank(raw))).enumerated() {
            for piece in RunOnText.split(line) { result.append(clean(piece, number: k + 1)) }
        }
        return result
    }

    /// Cleans one raw line: drops "[bookmark: …]" and similar word-processor residue, control
    /// characters and a BOM, and removes white space except between two Latin letters. In a
    /// table flattened to text (three or more cells separated by tabs or runs of spaces) each
    /// cell break is kept as one tab. Digits OCR read as letters ("2O25年l2月") are digits again.
    static func clean(_ raw: [Unicode.Scalar], number: Int) -> SourceLine {
        var chars = stripArtefacts(raw.filter { s in
            !(s.value < 0x20 && s != "\t") && s.value != 0xFEFF && s.value != 0x200B
        })
        var indent = 0
        while indent < chars.count, Chars.isSpace(chars[indent]) { indent += 1 }
        let leadingTabs = chars[..<indent].filter { $0 == "\t" }.count
        chars.removeFirst(indent)
        chars = withoutBullet(chars)
        let isTableRow = cellBreaks(chars) >= 2
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(chars.count)
        // A table row whose first cells are empty (a measure row under a problem cell merged
        // over it, flattened with tabs) keeps them: the cells stay under their columns.
        if isTableRow, leadingTabs > 0 { out += Array(repeating: "\t", count: leadingTabs) }
        var i = 0
        while i < chars.count {
            let c = chars[i]
            guard Chars.isSpace(c) else {
                out.append(c)
                i += 1
                continue
            }
            var j = i
            while j < chars.count, Chars.isSpace(chars[j]) { j += 1 }
            if isTableRow, j < chars.count, isCellBreak(chars[i..<j]) {
                // Tabs between cells are one per cell break: two are an empty cell between.
                out += Array(repeating: "\t", count: max(1, chars[i..<j].filter { $0 == "\t" }.count))
                i = j
                continue
            }
            if let before = out.last, j < chars.count, Chars.isASCIILetter(Chars.fold(before)),
                Chars.isASCIILetter(Chars.fold(chars[j]))
            {
                out.append(" ")
            }
            i = j
        }
        return SourceLine(number: number, chars: OCRDigits.repair(out), indent: indent)
    }

    /// Glyphs that decorate a line as a list item in posts and web pages ("◆问题：…", "▶整改措施：…");
    /// ticks (√ ✓) are answers, not decoration, and stay.
    static let bullets: Set<Unicode.Scalar> = ["◆", "◇", "■", "□", "●", "○", "▶", "►", "▸", "▷", "▲", "△", "★", "☆", "•", "※", "➤", "➢", "▪", "◉", "◎"]

    /// The line without a leading bullet and the space after it, when text follows. Text typed
    /// as Markdown counts too: a heading's "## " (one to six #) and a list item's "- ", "* " or
    /// "+ " (the mark needs its space: "-3" and "#1" stay).
    static func withoutBullet(_ chars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        let chars = withoutMarkdownMark(chars)
        var i = 0
        while i < chars.count, bullets.contains(chars[i]) || (i > 0 && Chars.isSpace(chars[i])) { i += 1 }
        return i > 0 && i < chars.count ? Array(chars[i...]) : chars
    }

    static func withoutMarkdownMark(_ chars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var marks = 0
        if chars.first == "#" {
            while marks < chars.count, chars[marks] == "#" { marks += 1 }
            guard marks <= 6 else { return chars }
        } else if let first = chars.first, ["-", "*", "+"].contains(first) {
            marks = 1
        } else {
            return chars
        }
        var i = marks
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        return i > marks && i < chars.count ? Array(chars[i...]) : chars
    }

    /// A tab, or two or more spaces of any width, between cells.
    static func isCellBreak(_ gap: ArraySlice<Unicode.Scalar>) -> Bool {
        gap.contains("\t") || gap.count >= 2
    }

    /// Cell breaks inside a line (leading and trailing white space excluded).
    static func cellBreaks(_ chars: [Unicode.Scalar]) -> Int {
        var count = 0
        var i = 0
        while i < chars.count {
            guard Chars.isSpace(chars[i]) else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count, Chars.isSpace(chars[j]) { j += 1 }
            if i > 0, j < chars.count, isCellBreak(chars[i..<j]) { count += 1 }
            i = j
        }
        return count
    }

    /// Removes bracketed residue of document converters: "[bookmark: _GoBack]", "[image: …]".
    static func stripArtefacts(_ chars: [Unicode.Scalar]) -> [Unicode.Scalar] {
        guard chars.contains("[") else { return chars }
        var out: [Unicode.Scalar] = []
        var i = 0
        while i < chars.count {
            if chars[i] == "[", let close = chars[i...].firstIndex(of: "]"), close - i < 200 {
                let inner = String(scalars: chars[(i + 1)..<close]).lowercased()
                if ["bookmark:", "image:", "pagebreak", "page:", "footnote"].contains(where: inner.hasPrefix) {
                    i = close + 1
                    continue
                }
            }
            out.append(chars[i])
            i += 1
        }
        return out
    }

    /// Joins lines into paragraphs. A line continues the previous paragraph when extraction
    /// broke a sentence: the paragraph does not end in sentence punctuation, is not a heading,
    /// is long enough to have been wrapped, and the next line does not start a heading, a
    /// parenthesised aside or a centred signature.
    static func paragraphs(of lines: ArraySlice<SourceLine>) -> [Paragraph] {
        var result: [Paragraph] = []
        var open: Paragraph?
        for line in lines where !line.isBlank {
            if var paragraph = open, continues(paragraph, with: line) {
                paragraph.append(line)
                open = paragraph
                continue
            }
            if let paragraph = open { result.append(paragraph) }
            open = Paragraph(line: line)
        }
        if let paragraph = open { result.append(paragraph) }
        return result
    }

    static let minimumWrappedLength = 20

    /// A heading broken inside its sentence: "（一）行政执法文书制作不规范,部分案卷" then
    /// "证据不充分。". The heading ends in a clause mark or a Han character, not a full stop, and
    /// the next line is short, closes the sentence and is not a heading, label or list point.
    static func continuesHeading(_ paragraph: Paragraph, with line: SourceLine) -> Bool {
        let f = paragraph.folded
        guard paragraph.segments.count == 1, let last = f.last, let marker = HeadingMarker.numbered(f),
            marker.length < f.count, f.count <= 60, !Chars.isSentenceEnd(last), last != ":", last != ";"
        else { return false }
        let next = line.chars.map(Chars.fold)
        guard let end = next.last, next.count <= 30, Chars.isSentenceEnd(end), line.indent < 8 else { return false }
        if HeadingMarker.parse(next) != nil || HeadingMarker.listItem(next) != nil || startsWithLabel(next) { return false }
        if next.dropLast().contains(where: Chars.isSentenceEnd) { return false }
        if last == "," || last == "，" || last == "、" { return true }
        // Ending in a character, the heading may be complete ("2.完善工程款支付手续"): join only a
        // tail that is one clause ("证据不充分。").
        return Chars.isHan(last) && next.dropLast().allSatisfy { !Chars.isClauseEnd($0) }
    }

    /// "整改结果:", "整改计划：": a short label and a colon start a new paragraph.
    static func startsWithLabel(_ f: [Unicode.Scalar]) -> Bool {
        guard let colon = f.prefix(9).firstIndex(where: { $0 == ":" }), colon >= 2 else { return false }
        return !f[..<colon].contains { Chars.isDigit($0) || Chars.isClauseEnd($0) }
    }

    static func continues(_ paragraph: Paragraph, with line: SourceLine) -> Bool {
        if paragraph.folded.contains("\t") || line.chars.contains("\t") { return false }
        if continuesHeading(paragraph, with: line) { return true }
        guard let last = paragraph.folded.last, paragraph.folded.count >= minimumWrappedLength else { return false }
        if "。！？!?；;：:…".unicodeScalars.contains(last) { return false }
        if HeadingMarker.parse(paragraph.folded) != nil { return false }
        let next = line.chars.map(Chars.fold)
        if HeadingMarker.parse(next) != nil || HeadingMarker.listItem(next) != nil { return false }
        if let first = next.first, "(（【[<《".unicodeScalars.contains(first) { return false }
        if StatusLine.parse(next) != nil || startsWithLabel(next) { return false }
        if line.indent >= 8 { return false }
        // "附件：1.…清单" above the signature and "附件1" above an appendix stand alone.
        if paragraph.folded.hasLiteral("附件", at: 0) || next.hasLiteral("附件", at: 0) && next.count <= 40 { return false }
        for word in ["电话", "邮箱", "联系人", "邮编", "邮政"] where paragraph.folded.contains(literal: word) {
            return false
        }
        return true
    }
}

import RectifyCore

/// One plan's ledger sheet as worksheet XML.
struct SheetWriter {
    let document: LedgerDocument
    static let headerRow = 3
    /// Widest a column gets (in character widths), and narrowest.
    static let maxWidths: [Double] = [8, 18, 40, 44, 14, 16, 12, 19, 26, 20, 19, 28]

    enum Cell {
        case text(String, StyleSheet.Style)
        case number(Int, StyleSheet.Style)
        case date(Deadline)
        case blank(StyleSheet.Style)
    }

    func xml(strings: inout SharedStringTable) -> (String, Int) {
        let columnCount = LedgerDocument.columns.count
        var widths = LedgerDocument.columns.map { Self.displayWidth($0) + 4 }
        // Date columns fit "2026年12月31日".
        for c in Self.dateColumns { widths[c] = 19 }
        var rows: [(Int, [Cell], Double?)] = []
        var merges: [String] = []
        let last = CellName.column(columnCount - 1)
        let plan = document.plan
        let asOf = document.asOf
        rows.append((1, [.text(LedgerTitle.of(plan), .title)] + Array(repeating: .blank(.title), count: columnCount - 1), 32))
        merges.append("A1:\(last)1")
        let unit = plan.unit.isEmpty ? "" : "填报单位：\(plan.unit)"  // no empty label for a plan without one
        let date = "截至：\(asOf.year)年\(asOf.month)月\(asOf.day)日"
        rows.append((2, [.text(unit, .subtitle)] + Array(repeating: .blank(.subtitle), count: 6) + [.text(date, .subtitle)] + Array(repeating: .blank(.subtitle), count: columnCount - 8), 22))
        merges.append("A2:G2")
        merges.append("H2:\(last)2")
        rows.append((Self.headerRow, LedgerDocument.columns.map { .text($0, .header) }, 30))
        var r = Self.headerRow
        /// Lines a problem's merged cells need, spread over its rows once widths are known.
        var spans: [(first: Int, last: Int, cells: [(Int, String)])] = []
        for problem in document.problems {
            let item = problem.item
            let first = r + 1
            for line in problem.lines {
                r += 1
                var cells: [Cell] = []
                if line.first {
                    cells.append(Int(item.id).map { .number($0, .centered) } ?? .text(item.id, .centered))
                    cells.append(.text(item.category.joined(separator: " / "), .text))
                    cells.append(.text(item.title, .text))
                } else {
                    cells += [.blank(.centered), .blank(.text), .blank(.text)]
                }
                cells.append(.text(line.measure, .text))
                if line.first {
                    let r = item.responsible
                    cells.append(.text(r?.leader.map(Self.person) ?? "", .centered))
                    cells.append(.text(r?.department ?? "", .centered))
                    cells.append(.text(r?.contacts.map(Self.person).joined(separator: "、") ?? "", .centered))
                } else {
                    cells += [.blank(.centered), .blank(.centered), .blank(.centered)]
                }
                cells.append(line.deadline.map(Cell.date) ?? line.deadlineText.map { .text($0, .centered) } ?? .blank(.centered))
                cells.append(.text(line.status, .text))
                cells.append(line.first ? .text(problem.state, StyleSheet.fill(problem.shade)) : .blank(StyleSheet.fill(problem.shade)))
                if line.first, let closed = problem.closedOn {
                    cells.append(.date(Deadline(date: closed)))
                } else {
                    cells.append(.blank(.centered))
                }
                cells.append(.text(line.remark ?? "", .text))
                for (c, cell) in cells.enumerated() {
                    if case .text(let t, _) = cell { widths[c] = max(widths[c], Self.displayWidth(t) + 2) }
                }
                rows.append((r, cells, nil))
            }
            if r > first {
                for c in Self.problemColumns { merges.append("\(CellName.column(c))\(first):\(CellName.column(c))\(r)") }
            }
            spans.append((first, r, rows[rows.count - (r - first + 1)].1.enumerated().compactMap { c, cell in
                if case .text(let t, _) = cell, Self.problemColumns.contains(c) { return (c, t) }
                return nil
            }))
        }
        r += 2
        rows.append((r, [.text("说明：" + LedgerDocument.legend, .note)] + Array(repeating: .blank(.note), count: columnCount - 1), 30))
        merges.append("A\(r):\(last)\(r)")

        let finalWidths = widths.enumerated().map { c, w in min(Self.maxWidths[c], Double(w)) }
        // Row heights: wrapped text does not grow its row when LibreOffice or WPS opens the
        // file, so each data row is as tall as its fullest cell; merged problem cells spread
        // their lines over their rows.
        var lines: [Int: Int] = [:]
        let mergedFirstRows = Set(spans.filter { $0.last > $0.first }.map(\.first))
        for (number, cells, height) in rows where height == nil {
            var need = 1
            let merged = mergedFirstRows.contains(number)
            for (c, cell) in cells.enumerated() where !(merged && Self.problemColumns.contains(c)) {
                if case .text(let t, _) = cell { need = max(need, Self.lineCount(t, width: finalWidths[c])) }
            }
            lines[number] = need
        }
        for span in spans where span.last > span.first {
            let rowsInSpan = span.last - span.first + 1
            let need = span.cells.map { Self.lineCount($0.1, width: finalWidths[$0.0]) }.max() ?? 1
            let have = (span.first...span.last).reduce(0) { $0 + (lines[$1] ?? 1) }
            if need > have {
                let extra = (need - have + rowsInSpan - 1) / rowsInSpan
                for n in span.first...span.last { lines[n, default: 1] += extra }
            }
        }
        rows = rows.map { number, cells, height in (number, cells, height ?? Double(lines[number] ?? 1) * 14.5 + 4) }

        var xml = WorkbookWriter.header
        xml += "<worksheet xmlns=\"\(WorkbookWriter.mainNS)\" xmlns:r=\"\(WorkbookWriter.relNS)\">"
        xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr><dimension ref=\"A1:\(last)\(r)\"/>"
        xml += "<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"\(Self.headerRow)\" topLeftCell=\"A\(Self.headerRow + 1)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        xml += "<selection pane=\"bottomLeft\" activeCell=\"A\(Self.headerRow + 1)\" sqref=\"A\(Self.headerRow + 1)\"/></sheetView></sheetViews>"
        xml += "<sheetFormatPr defaultRowHeight=\"15\"/><cols>"
        for (c, w) in finalWidths.enumerated() {
            xml += "<col min=\"\(c + 1)\" max=\"\(c + 1)\" width=\"\(w)\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        for (number, cells, height) in rows {
            xml += height.map { "<row r=\"\(number)\" ht=\"\($0)\" customHeight=\"1\">" } ?? "<row r=\"\(number)\">"
            for (c, cell) in cells.enumerated() {
                let ref = "\(CellName.column(c))\(number)"
                switch cell {
                case .text(let t, let style):
                    if t.isEmpty {
                        xml += "<c r=\"\(ref)\" s=\"\(style.rawValue)\"/>"
                    } else {
                        xml += "<c r=\"\(ref)\" s=\"\(style.rawValue)\" t=\"s\"><v>\(strings.id(t))</v></c>"
                    }
                case .number(let n, let style): xml += "<c r=\"\(ref)\" s=\"\(style.rawValue)\"><v>\(n)</v></c>"
                case .blank(let style): xml += "<c r=\"\(ref)\" s=\"\(style.rawValue)\"/>"
                case .date(let deadline):
                    switch deadline.precision {
                    case .day, .month, .year:
                        let style: StyleSheet.Style = deadline.precision == .day ? .day : deadline.precision == .month ? .month : .year
                        xml += "<c r=\"\(ref)\" s=\"\(style.rawValue)\"><v>\(Self.serial(deadline.date))</v></c>"
                    case .xun, .quarter, .halfYear:
                        // No number format shows 下旬 or 第三季度: the words, which import back with their precision.
                        xml += "<c r=\"\(ref)\" s=\"\(StyleSheet.Style.centered.rawValue)\" t=\"s\"><v>\(strings.id(deadline.chineseDescription))</v></c>"
                    }
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData><mergeCells count=\"\(merges.count)\">"
        for m in merges { xml += "<mergeCell ref=\"\(m)\"/>" }
        xml += "</mergeCells>"
        xml += "<printOptions horizontalCentered=\"1\"/>"
        xml += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
        xml += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        xml += "<headerFooter><oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter></headerFooter>"
        xml += "</worksheet>"
        return (xml, r)
    }

    /// The columns a problem's rows share (merged over its measure rows).
    static let problemColumns: Set<Int> = [0, 1, 2, 4, 5, 6, 9, 10]
    static let dateColumns = [7, 10]

    /// Lines a text needs in a column `width` characters wide (a Chinese character is two).
    static func lineCount(_ text: String, width: Double) -> Int {
        let usable = max(2, Int(width) - 1)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
            total + max(1, (displayWidth(String(line)) + usable - 1) / usable)
        }
    }

    static func person(_ c: Contact) -> String {
        switch (c.name, c.role) {
        case (let n?, let r?): return "\(n)（\(r)）"
        case (let n?, nil): return n
        case (nil, let r?): return r
        default: return c.label
        }
    }

    /// Excel's 1900-system serial of a day (serials from 61 on are days since 1899-12-30).
    static func serial(_ date: CalendarDate) -> Int {
        let days = date.dayNumber - CalendarDate(year: 1899, month: 12, day: 30)!.dayNumber
        return days <= 60 ? days - 1 : days
    }

    /// Width in Excel character units: a Chinese character takes two.
    static func displayWidth(_ text: String) -> Int {
        var widest = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var w = 0
            for scalar in line.unicodeScalars { w += scalar.value >= 0x1100 ? 2 : 1 }
            widest = max(widest, w)
        }
        return widest
    }
}

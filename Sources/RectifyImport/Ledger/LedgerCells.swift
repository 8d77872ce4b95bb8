import RectifyCore

/// Reads status and deadline cells with the text importer's vocabulary: `StatusVocabulary`
/// for 已完成 / 阶段性完成 / 正在推进 / 长期坚持 / 尚未完成, `DateScanner` and `DatePeriod` for
/// 2025年6月30日 / 12月底前 / 年底前 / 第三季度, plus what only cells hold: real date cells,
/// dates typed with separators (2025/6/30, 2025-06-30, 2025.6), 是/否 and percentages.
enum LedgerCells {
    struct Status {
        var kind: StatusVocabulary.Kind
        var text: String
    }

    /// The status a cell states, or nil when it states none.
    static func status(_ value: CellValue) -> Status? {
        switch value {
        case .empty, .date: return nil
        case .bool(let b): return Status(kind: b ? .done : .open, text: b ? "是" : "否")
        case .number(let n):
            // A progress column holding 1 (100%) or 0.6 (60%).
            guard (0...1).contains(n) else { return nil }
            return Status(kind: n >= 1 ? .done : .partly, text: "\(Int((n * 100).rounded()))%")
        case .text(let raw):
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            let f = Array(text.unicodeScalars.map(Chars.fold))
            guard !f.isEmpty else { return nil }
            let phrase = String(text.prefix(40))
            let found = StatusVocabulary.matches(in: f, range: 0..<f.count)
            // "完成80%", "已完成60%": a done word over a part of the work is progress.
            if let part = found.lazy.compactMap({ m in m.kind == .done ? percentAfter(f, m.range.upperBound) : nil }).first, part < 100 {
                return Status(kind: part == 0 ? .notStarted : .partly, text: phrase)
            }
            if let word = StatusVocabulary.leading(f, from: 0, to: f.count) { return Status(kind: word.kind, text: phrase) }
            // As in a closing sentence: an open word anywhere wins over a done word.
            if let open = found.first(where: { $0.kind.isOpen && $0.kind != .longTerm }) { return Status(kind: open.kind, text: phrase) }
            if let long = found.first(where: { $0.kind == .longTerm }) { return Status(kind: long.kind, text: phrase) }
            if found.contains(where: { $0.kind == .done }) { return Status(kind: .done, text: phrase) }
            let compact = String(String.UnicodeScalarView(f.filter { !Chars.isSpace($0) }))
            if ["是", "√", "✓", "✔", "☑", "Y", "y", "yes", "Yes", "已"].contains(compact) { return Status(kind: .done, text: phrase) }
            if ["否", "×", "✗", "✘", "✕", "✖", "☒", "N", "n", "no", "No"].contains(compact) { return Status(kind: .negated, text: phrase) }
            if compact.hasSuffix("%"), let percent = Double(compact.dropLast()) {
                return Status(kind: percent >= 100 ? .done : .partly, text: phrase)
            }
            // "因资金原因暂缓": work put off is open.
            for word in ["未开始", "未启动", "待", "拟", "计划", "推进", "实施中", "暂缓", "暂停", "搁置"] where compact.contains(word) {
                return Status(kind: .open, text: phrase)
            }
            // "核查中", "修订中", "施工中": work under way.
            let tail = Array(compact.unicodeScalars)
            if tail.count >= 2, tail.last == "中", Chars.isHan(tail[tail.count - 2]) { return Status(kind: .open, text: phrase) }
            return nil
        }
    }

    /// The percentage right after a word ("完成80%", "已完成约60%", "完成了 50%"), or nil.
    static func percentAfter(_ f: [Unicode.Scalar], _ start: Int) -> Int? {
        var i = start
        while i < f.count, Chars.isSpace(f[i]) || ["了", "约", "达", "为", ":"].contains(f[i]) { i += 1 }
        let run = f.digitRun(at: i)
        guard !run.isEmpty, run.count <= 3, run.upperBound < f.count, f[run.upperBound] == "%" else { return nil }
        return f.number(in: run)
    }

    /// A mark in a tick column: √, ✓, ●, 是, 1 (not ×, 否, 0 or blank).
    static func isTick(_ value: CellValue) -> Bool {
        switch value {
        case .empty: return false
        case .bool(let b): return b
        case .number(let n): return n != 0
        case .date: return false
        case .text(let raw):
            let t = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            return !t.isEmpty && !["×", "✗", "✘", "✕", "✖", "☒", "否", "0", "-", "—", "/", "无"].contains(t)
        }
    }

    /// What a deadline cell says.
    struct DeadlineCell {
        var date: CalendarDate?
        var precision: DeadlinePrecision = .day
        /// 延期至 / 延长至 / 顺延至 a later date, written into the cell.
        var extendedTo: (date: CalendarDate, precision: DeadlinePrecision)?
        var longTerm = false
        var immediate = false
        /// The year was not written and came from the ledger's year.
        var guessedYear = false
        var text: String

        var isEmpty: Bool { date == nil && !longTerm && !immediate }
    }

    static let extensionWords = ["延期至", "延期到", "延长至", "延长到", "顺延至", "顺延到", "推迟至", "推迟到", "调整为", "调整至", "延期", "延长", "顺延"]

    /// Reads a deadline cell. Dates without a year take the next such period on or after
    /// `reference` (the ledger's date, else the start of its title's year).
    static func deadline(_ value: CellValue, reference: CalendarDate?) -> DeadlineCell? {
        switch value {
        case .empty, .bool: return nil
        case .date(let d, let precision): return DeadlineCell(date: d, precision: precision, text: value.text)
        case .number(let n):
            if n >= 19_000_101, n <= 99_991_231, n == n.rounded() {
                let v = Int(n)
                if let d = CalendarDate(year: v / 10_000, month: v / 100 % 100, day: v % 100) {
                    return DeadlineCell(date: d, text: String(v))
                }
            }
            // A date cell whose format was lost (serials 1982–2119).
            if n >= 30_000, n < 80_000, let d = ExcelDate.date(serial: n, date1904: false) { return DeadlineCell(date: d, text: value.text) }
            return nil
        case .text(let raw):
            let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { return nil }
            let f = Array(text.unicodeScalars.map(Chars.fold))
            var cell = DeadlineCell(text: text)
            cell.longTerm = ["长期", "持续", "常态", "长效"].contains { f.contains(literal: $0) }
            cell.immediate = ["立行立改", "立即", "即知即改", "立查立改"].contains { f.contains(literal: $0) }
            // "每月", "每季度末", "每年12月底前": a routine that recurs, as 长期坚持, not a deadline.
            if f.first == "每", f.count > 1, ["月", "季", "年", "周", "半", "天", "日", "旬"].contains(String(f[1])) {
                cell.longTerm = true
                return cell
            }
            var dates: [(offset: Int, date: CalendarDate, precision: DeadlinePrecision, guessed: Bool)] = []
            for mention in DateScanner.mentions(in: f) + separated(f) + [monthDay(f)].compactMap({ $0 }) {
                guard let (period, date) = mention.resolve(reference: reference, latest: nil, future: true) else { continue }
                var guessed = false
                if case .missing = period.year { guessed = true }
                if case .relative = period.year { guessed = true }
                dates.append((mention.range.lowerBound, date, period.precision, guessed))
            }
            dates.sort { $0.offset < $1.offset }
            let extensionAt = extensionWords.compactMap { f.firstOccurrence(of: $0) }.min()
            let before = dates.filter { extensionAt == nil || $0.offset < extensionAt! }
            let after = extensionAt.map { at in dates.filter { $0.offset > at } } ?? []
            if let base = before.max(by: { $0.date < $1.date }) {
                cell.date = base.date
                cell.precision = base.precision
                cell.guessedYear = base.guessed
                if let ext = after.max(by: { $0.date < $1.date }), ext.date > base.date {
                    cell.extendedTo = (ext.date, ext.precision)
                }
            } else if let only = after.max(by: { $0.date < $1.date }) {
                cell.date = only.date
                cell.precision = only.precision
                cell.guessedYear = only.guessed
            }
            return cell
        }
    }

    /// Dates typed with separators, as Excel shows them in CSV files and text cells:
    /// 2025/6/30, 2025-06-30, 2025.6.30, and year-months 2025/6, 2025.06.
    static func separated(_ f: [Unicode.Scalar]) -> [DateMention] {
        var result: [DateMention] = []
        var i = 0
        while i < f.count {
            guard Chars.isDigit(f[i]), i == 0 || !Chars.isDigit(f[i - 1]) else {
                i += 1
                continue
            }
            let yearRun = f.digitRun(at: i)
            guard yearRun.count == 4, let year = f.number(in: yearRun), (1900...9999).contains(year),
                yearRun.upperBound < f.count, ["/", "-", "."].contains(f[yearRun.upperBound])
            else {
                i = yearRun.upperBound
                continue
            }
            let separator = f[yearRun.upperBound]
            let monthRun = f.digitRun(at: yearRun.upperBound + 1)
            guard (1...2).contains(monthRun.count), let month = f.number(in: monthRun), (1...12).contains(month) else {
                i = yearRun.upperBound
                continue
            }
            var end = monthRun.upperBound
            var span = DatePeriod.Span.month(month)
            if end + 1 < f.count, f[end] == separator {
                let dayRun = f.digitRun(at: end + 1)
                if (1...2).contains(dayRun.count), let day = f.number(in: dayRun), CalendarDate(year: year, month: month, day: day) != nil {
                    span = .day(month: month, day: day)
                    end = dayRun.upperBound
                }
            }
            if end < f.count, Chars.isDigit(f[end]) {
                i = end
                continue
            }
            result.append(DateMention(range: i..<end, readings: [DatePeriod(year: .explicit(year), span: span)], damaged: false))
            i = end
        }
        return result
    }

    /// A month and day typed without a year at the start of a deadline cell: "6/30", "12.31前".
    static func monthDay(_ f: [Unicode.Scalar]) -> DateMention? {
        let monthRun = f.digitRun(at: 0)
        guard (1...2).contains(monthRun.count), monthRun.upperBound < f.count, ["/", "."].contains(f[monthRun.upperBound]),
            let month = f.number(in: monthRun)
        else { return nil }
        let dayRun = f.digitRun(at: monthRun.upperBound + 1)
        guard (1...2).contains(dayRun.count), let day = f.number(in: dayRun), CalendarDate(year: 2024, month: month, day: day) != nil else {
            return nil
        }
        let rest = String(String.UnicodeScalarView(f[dayRun.upperBound...]))
        guard rest.isEmpty || rest.hasPrefix("前") || rest.hasPrefix("日") || rest.hasPrefix("号") || rest.hasPrefix("之前") else { return nil }
        return DateMention(range: 0..<dayRun.upperBound, readings: [DatePeriod(year: .missing, span: .day(month: month, day: day))], damaged: false)
    }
}

extension LedgerAssembler {
    /// A deadline cell that says the work is done ("已完成" typed where the date goes): no
    /// deadline is missing.
    static func saysDone(_ text: String) -> Bool {
        let f = Array(text.unicodeScalars.map(Chars.fold))
        return StatusVocabulary.leading(f, from: 0, to: f.count)?.kind == .done
    }
}

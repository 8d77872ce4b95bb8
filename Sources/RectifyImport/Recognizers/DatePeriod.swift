import RectifyCore

/// A calendar period named in a report, perhaps without its year: "2026年4月底" (April
/// 2026), "10月31日" (31 October of a year the context gives), "上半年".
struct DatePeriod: Hashable, Sendable {
    enum Span: Hashable, Sendable {
        case day(month: Int, day: Int)
        /// 上旬 = 1, 中旬 = 2, 下旬 = 3.
        case xun(month: Int, part: Int)
        case month(Int)
        case quarter(Int)
        case halfYear(Int)
        case year
        /// The day before a holiday: "春节前" (lunar: its day depends on the year).
        case holidayEve(Holiday)
    }

    enum Year: Hashable, Sendable {
        case explicit(Int)
        /// 今年 = 0, 明年 = 1: relative to the report's year.
        case relative(Int)
        /// Left out ("10月31日"): the context decides.
        case missing
    }

    var year: Year
    var span: Span

    var precision: DeadlinePrecision {
        switch span {
        case .day, .holidayEve: return .day
        case .xun: return .xun
        case .month: return .month
        case .quarter: return .quarter
        case .halfYear: return .halfYear
        case .year: return .year
        }
    }

    /// Whether the period exists in `year` (29 February, a 31st in a 30-day month).
    func isValid(in year: Int) -> Bool {
        switch span {
        case .day(let m, let d): return CalendarDate(year: year, month: m, day: d) != nil
        case .xun(let m, let part): return (1...12).contains(m) && (1...3).contains(part)
        case .month(let m): return (1...12).contains(m)
        case .quarter(let q): return (1...4).contains(q)
        case .halfYear(let h): return (1...2).contains(h)
        case .year: return true
        case .holidayEve(let holiday): return holiday.day(in: year) != nil
        }
    }

    /// The last day of the period in `year`.
    func lastDay(in year: Int) -> CalendarDate? {
        guard isValid(in: year), (1...9999).contains(year) else { return nil }
        switch span {
        case .day(let m, let d): return CalendarDate(year: year, month: m, day: d)
        case .xun(let m, let part):
            return part == 3 ? CalendarDate.endOfMonth(year: year, month: m) : CalendarDate(year: year, month: m, day: part * 10)
        case .month(let m): return CalendarDate.endOfMonth(year: year, month: m)
        case .quarter(let q): return CalendarDate.endOfMonth(year: year, month: q * 3)
        case .halfYear(let h): return CalendarDate.endOfMonth(year: year, month: h * 6)
        case .year: return CalendarDate(year: year, month: 12, day: 31)
        case .holidayEve(let holiday): return holiday.day(in: year)?.adding(days: -1)
        }
    }

    /// The first day of the period in `year`.
    func firstDay(in year: Int) -> CalendarDate? {
        guard let last = lastDay(in: year) else { return nil }
        return Deadline(date: last, precision: precision).periodStart
    }

    /// Resolves the period to its last day. A missing year is taken from `reference`: for a
    /// plan (`future`), the next such period ending on or after it; for past work, the latest
    /// one starting on or before it.
    func resolve(reference: CalendarDate?, future: Bool) -> CalendarDate? {
        switch year {
        case .explicit(let y): return lastDay(in: y)
        case .relative(let offset):
            guard let reference else { return nil }
            return lastDay(in: reference.year + offset)
        case .missing:
            guard let reference else { return nil }
            if future {
                for y in reference.year...(reference.year + 4) {
                    if let last = lastDay(in: y), last >= reference { return last }
                }
                return nil
            }
            for y in stride(from: reference.year, through: reference.year - 4, by: -1) {
                if let first = firstDay(in: y), first <= reference { return lastDay(in: y) }
            }
            return nil
        }
    }
}

/// A date phrase found in a paragraph, with the alternatives a damaged one allows.
struct DateMention: Sendable {
    /// Offsets in the paragraph.
    var range: Range<Int>
    /// Readings, most plausible first; damaged digit runs ("2025109") may have several.
    var readings: [DatePeriod]
    /// The 年/月/日 characters were lost and the reading was reconstructed.
    var damaged: Bool
    /// A reading with leading zeros ("2025-1-09") was possible but is unlikely.
    var period: DatePeriod { readings[0] }

    /// Chooses among readings: a past-work date is not after `latest` (the report date);
    /// among the rest, the one nearest `reference`.
    func resolve(reference: CalendarDate?, latest: CalendarDate?, future: Bool) -> (DatePeriod, CalendarDate)? {
        var resolved = readings.compactMap { r in r.resolve(reference: reference, future: future).map { (r, $0) } }
        guard !resolved.isEmpty else { return nil }
        if resolved.count > 1, !future, let latest {
            let notAfter = resolved.filter { $0.1 <= latest }
            if !notAfter.isEmpty { resolved = notAfter }
        }
        if resolved.count > 1, let reference {
            let best = resolved.min { abs($0.1.days(until: reference)) < abs($1.1.days(until: reference)) }!
            // Keep the plausibility order unless the first reading is far further away.
            let first = resolved[0]
            if abs(first.1.days(until: reference)) > abs(best.1.days(until: reference)) + 366 { return best }
        }
        return resolved[0]
    }
}

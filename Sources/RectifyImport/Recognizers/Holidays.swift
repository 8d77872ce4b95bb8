import RectifyCore

/// The holidays deadlines are set by: "春节前完成", "2026年国庆节前", "“五一”前". "X前" is the
/// day before X. 春节, 端午 and 中秋 follow the lunar calendar, so their days come from a table;
/// a year outside it is not read (the item then asks for its deadline by hand).
enum Holiday: String, Hashable, Sendable, CaseIterable {
    case newYear, springFestival, labourDay, dragonBoat, nationalDay, midAutumn

    /// The words that name it, longest first where one starts another.
    var words: [String] {
        switch self {
        case .newYear: return ["元旦节", "元旦"]
        case .springFestival: return ["春节"]
        case .labourDay: return ["五一劳动节", "劳动节", "五一"]
        case .dragonBoat: return ["端午节", "端午"]
        case .nationalDay: return ["国庆节", "国庆"]
        case .midAutumn: return ["中秋节", "中秋"]
        }
    }

    /// The holiday's day in `year`; nil for a lunar one outside the table.
    func day(in year: Int) -> CalendarDate? {
        switch self {
        case .newYear: return CalendarDate(year: year, month: 1, day: 1)
        case .labourDay: return CalendarDate(year: year, month: 5, day: 1)
        case .nationalDay: return CalendarDate(year: year, month: 10, day: 1)
        case .springFestival: return Self.lunar(Self.springFestivals, year)
        case .dragonBoat: return Self.lunar(Self.dragonBoats, year)
        case .midAutumn: return Self.lunar(Self.midAutumns, year)
        }
    }

    private static func lunar(_ table: [Int: (Int, Int)], _ year: Int) -> CalendarDate? {
        table[year].flatMap { CalendarDate(year: year, month: $0.0, day: $0.1) }
    }

    /// 正月初一.
    static let springFestivals: [Int: (Int, Int)] = [
        2020: (1, 25), 2021: (2, 12), 2022: (2, 1), 2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17),
        2027: (2, 6), 2028: (1, 26), 2029: (2, 13), 2030: (2, 3), 2031: (1, 23), 2032: (2, 11), 2033: (1, 31),
        2034: (2, 19), 2035: (2, 8),
    ]
    /// 五月初五.
    static let dragonBoats: [Int: (Int, Int)] = [
        2020: (6, 25), 2021: (6, 14), 2022: (6, 3), 2023: (6, 22), 2024: (6, 10), 2025: (5, 31), 2026: (6, 19),
        2027: (6, 9), 2028: (5, 28), 2029: (6, 16), 2030: (6, 5),
    ]
    /// 八月十五.
    static let midAutumns: [Int: (Int, Int)] = [
        2020: (10, 1), 2021: (9, 21), 2022: (9, 10), 2023: (9, 29), 2024: (9, 17), 2025: (10, 6), 2026: (9, 25),
        2027: (9, 15), 2028: (10, 3), 2029: (9, 22), 2030: (9, 12),
    ]

    static let quotes = Chars.set("\"'“”‘’「」『』")
    /// The scalars a holiday phrase can start with (its words' first, or a quote): the scanner
    /// asks at every character, so anything else is turned away at once.
    static let starts: Set<Unicode.Scalar> = quotes.union(allCases.flatMap { $0.words.compactMap(\.unicodeScalars.first) })

    /// "春节前", "“五一”前", "国庆节之前" at `p` (after a year or alone): the holiday and where the
    /// phrase ends; nil unless 前 follows, since "春节期间" or "国庆后" set no deadline.
    static func eve(_ f: [Unicode.Scalar], at p0: Int) -> (holiday: Holiday, end: Int)? {
        guard p0 < f.count, starts.contains(f[p0]) else { return nil }
        var p = p0
        if quotes.contains(f[p]) { p += 1 }
        for holiday in allCases {
            for word in holiday.words where f.hasLiteral(word, at: p) {
                var q = p + word.unicodeScalars.count
                if q < f.count, quotes.contains(f[q]) { q += 1 }
                if f.hasLiteral("之前", at: q) { return (holiday, q + 2) }
                if f.hasLiteral("前", at: q), !f.hasLiteral("前后", at: q) { return (holiday, q + 1) }
                return nil
            }
        }
        return nil
    }
}

import RectifyCore

/// Numbers, markers and dates as 公文 write them.
public enum ChineseText {
    static let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (up to 99; larger numbers in digits).
    public static func numeral(_ n: Int) -> String {
        switch n {
        case 0..<10: return digits[n]
        case 10..<20: return "十" + (n == 10 ? "" : digits[n - 10])
        case 20..<100: return digits[n / 10] + "十" + (n % 10 == 0 ? "" : digits[n % 10])
        default: return String(n)
        }
    }

    /// The heading marker of a level: 一、 （一） 1. （1） ①; levels below five repeat ①.
    public static func marker(level: Int, number: Int) -> String {
        switch level {
        case 1: return numeral(number) + "、"
        case 2: return "（" + numeral(number) + "）"
        case 3: return "\(number)."
        case 4: return "（\(number)）"
        default: return circled(number)
        }
    }

    static func circled(_ n: Int) -> String {
        guard (1...20).contains(n), let scalar = Unicode.Scalar(0x2460 + n - 1) else { return "（\(n)）" }
        return String(Character(scalar))
    }

    /// 2026年11月22日.
    public static func date(_ d: CalendarDate) -> String { "\(d.year)年\(d.month)月\(d.day)日" }

    /// The period of a deadline as a noun: 2026年4月30日, 2026年4月上旬, 2026年4月底,
    /// 2026年第三季度, 2026年上半年, 2026年底.
    public static func period(_ deadline: Deadline) -> String {
        let d = deadline.date
        switch deadline.precision {
        case .day: return date(d)
        case .xun: return "\(d.year)年\(d.month)月" + (d.day <= 10 ? "上旬" : d.day <= 20 ? "中旬" : "下旬")
        case .month: return "\(d.year)年\(d.month)月底"
        case .quarter: return "\(d.year)年第\(numeral((d.month - 1) / 3 + 1))季度"
        case .halfYear: return "\(d.year)年" + (d.month <= 6 ? "上半年" : "下半年")
        case .year: return "\(d.year)年底"
        }
    }

    /// A deadline as the end of a plan ("预计…完成"): 2026年4月30日前, 2026年4月底前, 2026年底前; periods
    /// that are not an end (旬, 季度, 半年) without 前: 2026年4月上旬, 2026年第三季度. Read back by
    /// the importer as the same date and precision.
    public static func byDeadline(_ deadline: Deadline) -> String {
        switch deadline.precision {
        case .day, .month, .year: return period(deadline) + "前"
        case .xun, .quarter, .halfYear: return period(deadline)
        }
    }

    /// A count with its measure word, written in digits as 通报 do: 3个, 25项.
    static func count(_ n: Int, _ unit: String) -> String { "\(n)\(unit)" }
}

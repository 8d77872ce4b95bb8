import RectifyCore

/// The last report's account without the status it opened with, when the draft's own status
/// sentence already says it: a report that wrote "1.…不到位。已完成整改，全县3家…" on one line
/// leaves "已完成整改，全县3家…" as the account, and the draft would read
/// "整改落实情况：已完成整改。已完成整改，全县3家…". A status the account gives that differs
/// from the item's (a reopened item whose account says 已完成整改) is kept: it is what the
/// last report said.
enum AccountOpening {
    /// Status words an account opens with, per the status the draft states.
    static func words(for status: ItemStatus) -> [String] {
        switch status {
        case .done: return ["已完成整改", "已整改完成", "已整改到位", "整改完成", "已完成", "已办结", "已销号"]
        case .inProgress: return ["正按计划推进", "正在推进", "正在整改", "持续推进", "推进中", "整改中"]
        case .notStarted: return ["尚未启动", "未启动"]
        case .longTerm: return ["长期坚持", "需长期坚持", "持续整改"]
        }
    }

    /// `account` without an opening status word of `status` and the stop after it; the word must
    /// be followed by a stop or a comma ("已完成28个村卫生室改造" is an account, not a status).
    static func trimmed(_ account: String, status: ItemStatus) -> String {
        let stops: Set<Character> = ["，", "。", "；", ",", ";", "、", "！"]
        for word in words(for: status).sorted(by: { $0.count > $1.count }) where account.hasPrefix(word) {
            let rest = account.dropFirst(word.count)
            guard let next = rest.first else { return "" }
            guard stops.contains(next) else { continue }
            return String(rest.dropFirst().drop { $0 == " " || $0 == "　" })
        }
        return account
    }
}

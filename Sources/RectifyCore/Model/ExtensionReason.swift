import Foundation

extension Extension {
    /// The reason as one to give, or "" when it only restates the extension: a ledger whose
    /// 备注 says "经批准延期至2026年9月30日" imports with that as the reason, and "延期原因：
    /// 经批准延期至2026年9月30日" or "延期至2026年9月30日（经批准延期至2026年9月30日）" says nothing.
    public var statedReason: String {
        var rest = reason
        for word in ["经批准", "经审批", "经审核", "批准", "同意", "申请", "顺延至", "顺延到", "延期至", "延期到", "延长至", "延期", "顺延", "已"] {
            rest = rest.replacingOccurrences(of: word, with: "")
        }
        let restating = rest.unicodeScalars.allSatisfy { c in
            ("0"..."9").contains(c) || "年月日号底前末上中下旬季度半第一二三四-/.．，。、；：（）() 　".unicodeScalars.contains(c)
        }
        return restating ? "" : reason
    }
}

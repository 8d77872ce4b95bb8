import Foundation
import RectifyCore

/// The title a ledger is printed under. A plan imported from a progress report carries the
/// report's title ("…关于县委第二巡察组反馈意见整改进展情况的通报"); a 台账 printed under it reads as
/// a 通报. Its 通报 or 报告 ending becomes 整改工作台账, as the draft turns a 台账's title into a
/// 通报's; a ledger's own title is kept.
enum LedgerTitle {
    static let reportEndings = [
        "整改进展情况的通报", "整改进展情况通报", "整改落实情况的通报", "整改落实情况通报", "整改工作情况的通报", "整改情况的通报", "整改情况通报",
        "整改进展情况的报告", "整改落实情况的报告", "整改工作情况的报告", "整改情况的报告", "整改情况报告",
    ]

    static func of(_ plan: Plan) -> String {
        var title = plan.title.trimmingCharacters(in: .whitespaces)
        guard !title.isEmpty else { return plan.unit + "整改工作台账" }
        guard let about = title.range(of: "关于"), let ending = reportEndings.first(where: { title.hasSuffix($0) }) else { return title }
        // An issuer cut short in the report ("旗疾病预防控制中心" of "敖汉旗疾病预防控制中心") is written whole.
        let issuer = title[..<about.lowerBound]
        if !issuer.isEmpty, plan.unit.count > issuer.count, plan.unit.hasSuffix(issuer) {
            title = plan.unit + title[about.lowerBound...]
        }
        return String(title.dropLast(ending.count)) + "整改工作台账"
    }
}

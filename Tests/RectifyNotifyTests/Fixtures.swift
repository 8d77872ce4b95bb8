import Foundation
import Logging
import RectifyCore
import RectifyNotify

/// Notices as the daemon's pipeline makes them, with the words of real plans.
enum Fixtures {
    static let unit = "鹿寨县疾病预防控制中心"
    static let planTitle = "鹿寨县疾病预防控制中心关于县委第二巡察组反馈意见的整改方案"
    /// 2026-05-06 09:00 in Beijing.
    static let createdAt = Date(timeIntervalSince1970: 1_778_029_200)

    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }

    static let overdueExtended = NoticeEntry(
        kind: .overdue, planID: "lz-cdc-2025", planTitle: planTitle, unit: unit, itemID: "2-4",
        itemTitle: "明确县级疾控机构职能，健全实验室检测功能", state: .overdue, colour: .red,
        deadline: Deadline(date: date("2026-04-30"), precision: .month, text: "预计2026年4月底前完成", line: 88),
        originalDeadline: Deadline(date: date("2026-03-31"), precision: .month, text: "2026年3月底前", line: 41),
        daysOverdue: 6, responsible: "检验科（韦明）", mobiles: ["13800000001"],
        evidence: Evidence(text: "预计2026年4月底前完成", line: 88))

    static let overdue = NoticeEntry(
        kind: .overdue, planID: "lz-cdc-2025", planTitle: planTitle, unit: unit, itemID: "3-2",
        itemTitle: "全力以赴提高实验室检测能力，按要求完成实验室检测项目", state: .overdue, colour: .red,
        deadline: Deadline(date: date("2025-12-31"), precision: .year, text: "2025年底前完成", line: 57),
        daysOverdue: 126, responsible: "业务股（覃丽）",
        evidence: Evidence(text: "2025年底前完成", line: 57))

    static let reminder = NoticeEntry(
        kind: .reminder, planID: "lz-cdc-2025", planTitle: planTitle, unit: unit, itemID: "4-1",
        itemTitle: "加强人员技术能力培训，优化人员队伍配置", state: .dueSoon, colour: .yellow,
        deadline: Deadline(date: date("2026-05-15"), precision: .day, text: "2026年5月15日前完成", line: 102),
        daysLeft: 10, responsible: "人事股（黄海）", evidence: Evidence(text: "2026年5月15日前完成", line: 102))

    static func notice(
        id: String = "N-20260506-0001", recipient: String = "weiming@lzcdc.example.cn", name: String? = "韦明",
        entries: [NoticeEntry] = [overdueExtended, overdue, reminder], language: String = "zh"
    ) -> AlertNotice {
        AlertNotice(
            id: id, receiver: "mail", recipient: recipient, recipientName: name, entries: entries, createdAt: createdAt,
            language: language)
    }
}

/// Notifiers take the daemon's logger; the tests give them one of their own.
let testLogger = Logger(label: "rectifyd.tests")

extension MaildirNotifier {
    init(config: MaildirConfig) { self.init(config: config, logger: testLogger) }
}

extension SMTPNotifier {
    init(config: SMTPConfig, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(config: config, logger: testLogger, environment: environment)
    }
}

extension WebhookNotifier {
    init(config: WebhookConfig, environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(config: config, logger: testLogger, environment: environment)
    }
}

extension RobotNotifier {
    convenience init(config: RobotConfig) { self.init(config: config, logger: testLogger) }
}

import Foundation
import Logging
import RectifyCore
import RectifyStore
import Testing

@testable import RectifyDaemon
@testable import RectifyNotify

/// `routing.preset: three_colour` through the pipeline: planner → notices → rendered subjects
/// and robot bodies, and the warning for a rung with nobody on it.
struct ThreeColourLadderTests {
    static let robots = [
        ReceiverSpec(name: "wecom-group", channel: RobotChannel(kind: .wecom)),
        ReceiverSpec(name: "dingtalk-group", channel: RobotChannel(kind: .dingtalk)),
    ]

    static func ladderPlan() -> Plan {
        var plan = samplePlan()
        plan.leaders = [
            Contact(name: "李明", role: "副局长", email: "liming@example.gov.cn", phone: "13900000022", level: .deputy),
            Contact(name: "王建国", role: "党组书记", email: "wang@example.gov.cn", phone: "13700000033", level: .main),
        ]
        plan.owner = Contact(name: "整改办", email: "zgb@example.gov.cn", phone: "07720000000")
        plan.items[0].responsible?.leader = plan.leaders[0]
        plan.items.removeLast()
        return plan
    }

    static func ladderPlanner() -> AlertPlanner {
        var routing = Routing()
        routing.emailReceiver = "mail"
        routing.preset = .threeColour
        return AlertPlanner(alerts: AlertPolicy(), reminderDays: [20, 10], routing: routing, webhooks: robots)
    }

    /// The alerts at `now`, their notices and the rendered subjects per recipient.
    static func rung(at now: Date) -> (alerts: [PlannedAlert], notices: [AlertNotice], subjects: [String: String]) {
        let plan = ladderPlan()
        let evaluation = DeadlineEvaluator().evaluate(plan.items[0], in: plan, at: now)
        let alerts = ladderPlanner().plan(item: plan.items[0], in: plan, evaluation: evaluation, ledger: AlertLedger(), at: now)
            .alerts
        var n = 0
        let notices = NoticeAssembler(language: "zh", timeZone: shanghai).notices(from: alerts, at: now) {
            n += 1
            return "n\(n)"
        }.map(\.0)
        var subjects: [String: String] = [:]
        for notice in notices { subjects[notice.recipient] = NoticeRenderer().render(notice).subject }
        return (alerts, notices, subjects)
    }

    static func people(_ subjects: [String: String]) -> Set<String> {
        Set(subjects.keys.filter { $0.contains("@") })
    }

    /// The JSON body the robot of `kind` gets for the robot's notice.
    static func robotBody(_ notices: [AlertNotice], kind: RobotKind, format: RobotFormat) throws -> [String: Any] {
        let notice = try #require(notices.first { $0.receiver == "\(kind.rawValue)-group" })
        let message = try #require(RobotDigest(kind: kind, format: format, mentions: true, sender: nil).messages(for: [notice]).first)
        let body = RobotLayout(kind: kind, format: format, mentions: true).body(message, stamp: nil)
        return try #require(try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any])
    }

    @Test func green_goesToTheResponsibleOnly_titledGreen_mentioningThem() throws {
        let green = Self.rung(at: at("2026-04-11T00:00:00+08:00"))
        #expect(Self.people(green.subjects) == ["zhaomin@example.gov.cn"])
        #expect(green.subjects["zhaomin@example.gov.cn"]?.hasPrefix("【绿色预警】") == true)
        #expect(green.subjects["wecom-group"]?.hasPrefix("【绿色预警】") == true)
        let wecom = try Self.robotBody(green.notices, kind: .wecom, format: .text)
        #expect((wecom["text"] as? [String: Any])?["mentioned_mobile_list"] as? [String] == ["13800000011"])
    }

    @Test func yellow_addsTheDeputyLeader_titledYellow_mentioningTheLeader() throws {
        let yellow = Self.rung(at: at("2026-04-21T00:00:00+08:00"))
        #expect(Self.people(yellow.subjects) == ["zhaomin@example.gov.cn", "liming@example.gov.cn"])
        #expect(yellow.subjects.values.allSatisfy { $0.hasPrefix("【黄色预警】") })
        let wecom = try Self.robotBody(yellow.notices, kind: .wecom, format: .text)
        #expect((wecom["text"] as? [String: Any])?["mentioned_mobile_list"] as? [String] == ["13800000011", "13900000022"])
        let dingtalk = try Self.robotBody(yellow.notices, kind: .dingtalk, format: .markdown)
        #expect((dingtalk["at"] as? [String: Any])?["atMobiles"] as? [String] == ["13800000011", "13900000022"])
        #expect(((dingtalk["markdown"] as? [String: Any])?["text"] as? String)?.contains("@13900000022") == true)
    }

    @Test func red_fromTheFirstOverdueDay_addsTheMainLeaderAndOwner_titledRed() throws {
        let red = Self.rung(at: at("2026-05-01T00:00:00+08:00"))
        #expect(red.alerts.allSatisfy { $0.entry.kind == .overdue })
        #expect(
            Self.people(red.subjects) == [
                "zhaomin@example.gov.cn", "liming@example.gov.cn", "wang@example.gov.cn", "zgb@example.gov.cn",
            ])
        #expect(red.subjects.values.allSatisfy { $0.hasPrefix("【红色预警】") })
        let dingtalk = try Self.robotBody(red.notices, kind: .dingtalk, format: .markdown)
        // The leaders are @-mentioned; the office (owner) is not a person to mention.
        #expect((dingtalk["at"] as? [String: Any])?["atMobiles"] as? [String] == ["13800000011", "13900000022", "13700000033"])
        let wecom = try Self.robotBody(red.notices, kind: .wecom, format: .text)
        #expect((wecom["text"] as? [String: Any])?["mentioned_mobile_list"] as? [String] == ["13800000011", "13900000022", "13700000033"])
    }

    @Test func withoutThePreset_overdueStaysWithTheRule() {
        var planner = Self.ladderPlanner()
        planner.routing.preset = .rulesOnly
        let plan = Self.ladderPlan()
        let now = at("2026-05-01T00:00:00+08:00")
        let evaluation = DeadlineEvaluator().evaluate(plan.items[0], in: plan, at: now)
        let alerts = planner.plan(item: plan.items[0], in: plan, evaluation: evaluation, ledger: AlertLedger(), at: now).alerts
        #expect(Set(alerts.map(\.recipient.address)) == ["zhaomin@example.gov.cn", "liming@example.gov.cn", "wecom-group", "dingtalk-group"])
        #expect(alerts.first?.entry.mobiles == ["13800000011", "13900000022"])
    }

    @Test func rungsWithNobody_areSaidOnceForAllPlans_withTheFix() {
        let logs = CapturedLogs()
        let logger = Logger(label: "test") { _ in CapturedLogHandler(logs: logs) }
        var routing = Routing()
        routing.preset = .threeColour
        var bare = Self.ladderPlan()
        bare.id = "bare"
        bare.leaders = []
        bare.owner = nil
        bare.items[0].responsible?.leader = nil
        var bare2 = bare
        bare2.id = "bare2"
        var ownerless = Self.ladderPlan()
        ownerless.id = "ownerless"
        ownerless.owner = nil
        AlertPlanner.warnLadderGaps([Self.ladderPlan(), bare, bare2, ownerless], routing: routing, logger: logger)
        var lines = logs.lines
        #expect(lines.count == 1)
        #expect(lines.first?.level == .warning)
        #expect(lines.first?.message == "three-colour ladder: 3 plans name nobody for some rungs; those alerts reach nobody")
        #expect(lines.first?.metadata["plans"] == "bare, bare2, ownerless")
        let missing = lines.first?.metadata["missing"] ?? ""
        #expect(missing.hasPrefix("bare, bare2: ") && missing.contains(" | ownerless: red: plan owner (整改办)"))
        #expect(missing.contains("yellow: 分管领导") && missing.contains("red: 主要负责人"))
        #expect(lines.first?.metadata["fix"]?.contains("or set routing.default_recipient") == true)
        // With a default recipient nobody is missed: said once, as a notice, naming where they go.
        routing.defaultRecipient = Contact(name: "整改办", email: "zgb@example.gov.cn")
        AlertPlanner.warnLadderGaps([bare], routing: routing, logger: logger)
        lines = logs.lines
        #expect(lines.count == 2)
        #expect(lines.last?.level == .notice)
        #expect(lines.last?.message == "three-colour ladder: 1 plan names nobody for some rungs; those alerts go to routing.default_recipient")
        #expect(lines.last?.metadata["recipient"] == "zgb@example.gov.cn")
        #expect(lines.last?.metadata["missing"]?.hasPrefix("yellow: 分管领导") == true)
        // Without the ladder there is nothing to say.
        routing.preset = .rulesOnly
        AlertPlanner.warnLadderGaps([bare], routing: routing, logger: logger)
        #expect(logs.lines.count == 2)
    }
}

/// Log records kept in memory, so tests read what was logged without bootstrapping.
final class CapturedLogs: @unchecked Sendable {
    struct Line {
        var level: Logger.Level
        var message: String
        var metadata: [String: String]
    }

    private let lock = NSLock()
    private var stored: [Line] = []

    var lines: [Line] {
        lock.lock()
        defer { lock.unlock() }
        return stored
    }

    func append(_ line: Line) {
        lock.lock()
        stored.append(line)
        lock.unlock()
    }
}

struct CapturedLogHandler: LogHandler {
    let logs: CapturedLogs
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        logs.append(.init(level: event.level, message: "\(event.message)", metadata: merged.mapValues { "\($0)" }))
    }
}

import Foundation
import RectifyCore
import Yams

/// `reports:` — documents the daemon sends on its own (docs/configuration.md).
public struct ReportsConfig: Sendable, Hashable {
    /// The weekly 情况通报; nil when not configured.
    public var weekly: WeeklyReportConfig?

    public init(weekly: WeeklyReportConfig? = nil) { self.weekly = weekly }
}

/// Who gets the weekly 情况通报, when, and who signs it.
public struct WeeklyReportConfig: Sendable, Hashable {
    /// People mailed through `routing.email_receiver` (the 整改办, the leaders).
    public var recipients: [Contact]
    /// Group channels (robots, webhooks) that get it too.
    public var channels: [String]
    /// The weekday and time (in `time_zone`); the report covers the seven days before that day.
    public var schedule: DigestSchedule
    /// On a day off (`policy.calendar`, else weekends) it goes out at the same time on the next
    /// working day.
    public var workingDays: Bool
    /// Who signs it; nil: the office of the review the plans answer ("巡察整改工作办公室").
    public var issuer: String?

    public init(
        recipients: [Contact], channels: [String], schedule: DigestSchedule = DigestSchedule(), workingDays: Bool = true,
        issuer: String? = nil
    ) {
        self.recipients = recipients
        self.channels = channels
        self.schedule = schedule
        self.workingDays = workingDays
        self.issuer = issuer
    }
}

extension ConfigReader {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// `unreadable`: receivers whose blocks were rejected; naming one is not an error of its own.
    static func readReports(
        _ node: Node, sink: DiagnosticSink, receivers: [ReceiverSpec], routing: Routing, unreadable: Set<String> = []
    ) -> ReportsConfig {
        var reports = ReportsConfig()
        guard let f = FieldReader(node, path: "reports", sink: sink, allowed: ["weekly"]),
            let weeklyNode = f.node("weekly"),
            let w = FieldReader(
                weeklyNode, path: "reports.weekly", sink: sink,
                allowed: ["enabled", "recipients", "channels", "weekday", "time", "working_days", "issuer"])
        else { return reports }
        if w.bool("enabled") == false { return reports }
        var weekly = WeeklyReportConfig(recipients: [], channels: [])
        for (entry, path) in w.list("recipients") {
            guard let r = FieldReader(entry, path: path, sink: sink, allowed: ["name", "role", "email"]) else { continue }
            guard let email = r.string("email", required: true) else { continue }
            if !email.contains("@") || email.contains(" ") {
                sink.error(r.markOf("email"), "\(path).email '\(email)' is not an email address.")
            }
            weekly.recipients.append(Contact(name: r.string("name"), role: r.string("role"), email: email))
        }
        for (entry, path) in w.list("channels") {
            let name = entry.scalar?.string ?? ""
            guard let spec = receivers.first(where: { $0.name == name }), spec.isGroupChannel else {
                if unreadable.contains(name) { continue }
                let channels = receivers.filter(\.isGroupChannel).map(\.name)
                sink.error(
                    entry.mark,
                    "\(path) '\(name)' is not a robot or webhook receiver named in 'receivers'"
                        + (channels.isEmpty ? "; add one, or list people under recipients." : " (\(channels.joined(separator: ", "))).")
                )
                continue
            }
            weekly.channels.append(name)
        }
        if weekly.recipients.isEmpty && weekly.channels.isEmpty {
            sink.error(w.mark, "reports.weekly names nobody: list recipients (name and email) or channels (robot or webhook receivers).")
        }
        if !weekly.recipients.isEmpty && routing.emailReceiver == nil && unreadable.isEmpty {
            sink.error(w.markOf("recipients"), "reports.weekly.recipients need a maildir or smtp receiver (routing.email_receiver).")
        }
        if let day = w.string("weekday")?.lowercased() {
            if let index = weekdays.firstIndex(of: day) { weekly.schedule.weekday = index + 1 } else {
                sink.error(w.markOf("weekday"), "reports.weekly.weekday '\(day)' is not a weekday (monday … sunday).")
            }
        }
        if let time = w.string("time") {
            if let minute = Durations.clock(time) { weekly.schedule.minuteOfDay = minute } else {
                sink.error(w.markOf("time"), "reports.weekly.time '\(time)' is not a time of day like 09:00.")
            }
        }
        if let working = w.bool("working_days") { weekly.workingDays = working }
        if let issuer = w.string("issuer"), !issuer.isEmpty { weekly.issuer = issuer }
        reports.weekly = weekly
        return reports
    }
}

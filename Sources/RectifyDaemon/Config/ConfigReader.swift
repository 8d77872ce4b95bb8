import Foundation
import RectifyStore
import RectifyCore
import RectifyNotify
import Yams

/// Reads and validates rectifyd.yaml, reporting every problem with its line and column.
public enum ConfigReader {
    public static func load(file: String) throws(PlanLoadError) -> DaemonConfig {
        guard let data = FileManager.default.contents(atPath: file) else {
            throw PlanLoadError(diagnostics: [
                Diagnostic(file: file, line: 1, column: 1, message: "cannot read the config file (missing or not readable).")
            ])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw PlanLoadError(diagnostics: [Diagnostic(file: file, line: 1, column: 1, message: "the config file is not UTF-8.")])
        }
        return try read(text, file: file)
    }

    static let topKeys = [
        "state_dir", "plans", "language", "time_zone", "log_level", "policy", "alerts", "routing", "delivery", "receivers", "control",
        "retention", "web",
        "reports",
    ]

    public static func read(_ text: String, file: String) throws(PlanLoadError) -> DaemonConfig {
        let sink = DiagnosticSink(file: file)
        let base = URL(fileURLWithPath: file).absoluteURL.deletingLastPathComponent()
        func resolve(_ path: String) -> String {
            path.hasPrefix("/") ? path : base.appendingPathComponent(path).standardized.path
        }
        let root = try PlanReader.compose(text, file: file, sink: sink, document: "the config", resolver: .default)
        guard let root, let f = FieldReader(root, path: "", sink: sink, allowed: topKeys) else {
            if sink.diagnostics.isEmpty { sink.error(nil, "the config file is empty.") }
            throw PlanLoadError(diagnostics: sink.diagnostics)
        }
        var config = DaemonConfig(
            file: file, stateDir: resolve(f.string("state_dir", required: true) ?? "."),
            plans: f.stringList("plans").map(resolve), language: "zh",
            timeZone: TimeZone(identifier: Plan.defaultTimeZone)!, logLevel: "info", policy: .default,
            alerts: AlertPolicy(), routing: Routing(), delivery: DeliveryPolicy(), receivers: [])
        if !f.has("plans") { f.require("plans", hint: "list the plan files, report .txt files or directories to watch.") }
        if let language = f.string("language") {
            if ["zh", "en"].contains(language) { config.language = language } else {
                sink.error(f.markOf("language"), "language '\(language)' is not zh or en.")
            }
        }
        if let zone = f.string("time_zone") {
            if let tz = TimeZone(identifier: zone) { config.timeZone = tz } else {
                sink.error(f.markOf("time_zone"), "time_zone '\(zone)' is not a known IANA zone (e.g. Asia/Shanghai).")
            }
        }
        if let level = f.string("log_level") {
            let levels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]
            if levels.contains(level) { config.logLevel = level } else {
                sink.error(f.markOf("log_level"), "log_level '\(level)' is not one of \(levels.joined(separator: ", ")).")
            }
        }
        if let node = f.node("policy") { config.policy = readPolicy(node, sink: sink, resolve: resolve, calendarFiles: &config.calendarFiles) }
        if let node = f.node("alerts") { config.alerts = readAlerts(node, sink: sink) }
        if let node = f.node("delivery") { config.delivery = readDelivery(node, sink: sink) }
        // Blocks that were rejected (their own error says why) are not reported again as
        // missing where routing or reports name them.
        let blocks = f.list("receivers")
        var unreadable = Set<String>()
        config.receivers = blocks.compactMap { node, path in
            let spec = ChannelRegistry.read(node, path: path, sink: sink, resolve: resolve)
            if spec == nil { unreadable.insert(node["name"]?.string ?? "") }
            return spec
        }
        var names = Set<String>()
        for receiver in config.receivers where !names.insert(receiver.name).inserted {
            sink.error(line: receiver.line, "two receivers are named '\(receiver.name)'; names must be unique.")
        }
        if let node = f.node("routing") {
            config.routing = readRouting(node, sink: sink, receivers: config.receivers, unreadable: unreadable)
        } else {
            config.routing.emailReceiver = config.receivers.first { !$0.isGroupChannel }?.name
        }
        if let node = f.node("control") { config.control = readControl(node, sink: sink, resolve: resolve) }
        if let node = f.node("retention") { config.retention = readRetention(node, sink: sink) }
        if let node = f.node("web") { config.web = readWeb(node, sink: sink, resolve: resolve) }
        if let node = f.node("reports") {
            config.reports = readReports(
                node, sink: sink, receivers: config.receivers, routing: config.routing, unreadable: unreadable)
        }
        if blocks.isEmpty {
            sink.error(f.markOf("receivers"), "no receivers are configured; add at least a maildir receiver so alerts go somewhere.")
        }
        let diagnostics = sink.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        if sink.hasErrors { throw PlanLoadError(diagnostics: diagnostics) }
        return config
    }

    /// A duration field; with `minimum` (seconds, and how the message writes it), a shorter one
    /// is an error at its line: a timeout of 0s failed every delivery after a millisecond, a
    /// backoff_max of 0s retried a down receiver without pause.
    static func duration(_ f: FieldReader, _ key: String, minimum: (seconds: TimeInterval, text: String)? = nil) -> TimeInterval? {
        guard let text = f.string(key) else { return nil }
        guard let value = Durations.parse(text) else {
            f.sink.error(f.markOf(key), "\(f.fieldPath(key)) '\(text)' is not a duration; write e.g. 90s, 15m, 12h, 30d or 2w.")
            return nil
        }
        if let minimum, value < minimum.seconds {
            f.sink.error(f.markOf(key), "\(f.fieldPath(key)) '\(text)' is too short; it must be at least \(minimum.text).")
            return nil
        }
        return value
    }

    static func readPolicy(_ node: Node, sink: DiagnosticSink, resolve: (String) -> String, calendarFiles: inout [String]) -> Policy {
        var policy = Policy.default
        guard
            let f = FieldReader(
                node, path: "policy", sink: sink,
                allowed: [
                    "reminder_days", "stale_after", "pace_margin", "long_term_review", "calendar", "days_off", "workdays",
                    "deadline_on_day_off",
                ])
        else { return policy }
        var units = Set<Bool>()
        let days = f.list("reminder_days").compactMap { node, path -> Int? in
            let text = node.scalar?.string ?? ""
            let working = text.hasSuffix("wd")
            let number = working ? String(text.dropLast(2)) : (text.hasSuffix("d") ? String(text.dropLast()) : text)
            guard let value = Int(number), value > 0 else {
                sink.error(node.mark, "\(path) must be a positive number of days (20 or 20d) or working days (10wd).")
                return nil
            }
            units.insert(working)
            return value
        }
        if f.has("reminder_days") { policy.reminderDays = days.sorted(by: >) }
        if units.count > 1 {
            sink.error(f.markOf("reminder_days"), "policy.reminder_days mixes days and working days; write all as 20d or all as 15wd.")
        }
        policy.reminderInWorkingDays = units == [true]
        calendarFiles = readCalendar(f, into: &policy, sink: sink, resolve: resolve)
        if let v = duration(f, "stale_after", minimum: (3600, "1h")) { policy.staleAfter = v }
        if let v = duration(f, "long_term_review", minimum: (86400, "1d")) { policy.longTermReview = v }
        if let text = f.string("pace_margin") {
            if let v = Double(text), (0..<1).contains(v) { policy.paceMargin = v } else {
                sink.error(f.markOf("pace_margin"), "policy.pace_margin '\(text)' must be a fraction between 0 and 1, e.g. 0.2.")
            }
        }
        return policy
    }

    /// `calendar` (files of holidays and 调休, e.g. calendars/cn.yaml), local `days_off` and
    /// `workdays`, and `deadline_on_day_off`.
    /// Returns the calendar files read (resolved paths).
    static func readCalendar(_ f: FieldReader, into policy: inout Policy, sink: DiagnosticSink, resolve: (String) -> String) -> [String] {
        var calendar: WorkingCalendar?
        let files = f.node("calendar").map { $0.scalar != nil ? [f.string("calendar") ?? ""] : f.stringList("calendar") } ?? []
        for file in files {
            do {
                var loaded = try WorkingCalendarReader.load(file: resolve(file))
                if let existing = calendar { var merged = existing; merged.merge(loaded); loaded = merged }
                calendar = loaded
            } catch {
                sink.error(f.markOf("calendar"), "policy.calendar \(file): \(error.diagnostics.map(\.description).joined(separator: "; "))")
            }
        }
        if f.has("days_off") || f.has("workdays") {
            var local = WorkingCalendar()
            for (entry, path) in f.list("days_off") {
                if let range = WorkingCalendarReader.dayRange(entry, path: path, sink: sink) {
                    local.addDaysOff(from: range.from, to: range.to, name: range.name)
                }
            }
            for (entry, path) in f.list("workdays") {
                if let date = FieldReader.date(entry, path: path, sink: sink) { local.addWorkday(date) }
            }
            var merged = calendar ?? WorkingCalendar()
            merged.merge(local)
            calendar = merged
        }
        policy.calendar = calendar
        if let rule = f.enumValue("deadline_on_day_off", Policy.DayOffRule.self) { policy.deadlineOnDayOff = rule }
        if (policy.reminderInWorkingDays || policy.deadlineOnDayOff == .nextWorkingDay) && calendar == nil {
            sink.error(f.mark, "policy uses working days but names no calendar; add calendar: calendars/cn.yaml.")
        }
        return files.map(resolve)
    }

    static func readAlerts(_ node: Node, sink: DiagnosticSink) -> AlertPolicy {
        var alerts = AlertPolicy()
        guard
            let f = FieldReader(
                node, path: "alerts", sink: sink,
                allowed: ["repeat_overdue", "escalate_after", "repeat_stale", "digest", "quiet_hours", "send_on_days_off"])
        else { return alerts }
        if let (v, wd) = interval(f, "repeat_overdue", repeats: true) { (alerts.repeatOverdue, alerts.repeatOverdueWorkingDays) = (v, wd) }
        if let (v, wd) = interval(f, "escalate_after") { (alerts.escalateAfter, alerts.escalateAfterWorkingDays) = (v, wd) }
        if let (v, wd) = interval(f, "repeat_stale", repeats: true) { (alerts.repeatStale, alerts.repeatStaleWorkingDays) = (v, wd) }
        if let send = f.bool("send_on_days_off") { alerts.sendOnDaysOff = send }
        if let node = f.node("digest"), let d = FieldReader(node, path: "alerts.digest", sink: sink, allowed: ["enabled", "weekday", "time"]) {
            if d.bool("enabled") == false {
                alerts.digest = nil
            } else {
                var schedule = DigestSchedule()
                let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "daily"]
                if let day = d.string("weekday")?.lowercased() {
                    if let index = days.firstIndex(of: day) { schedule.weekday = index == 7 ? nil : index + 1 } else {
                        sink.error(d.markOf("weekday"), "alerts.digest.weekday '\(day)' is not a weekday (monday … sunday) or daily.")
                    }
                }
                if let time = d.string("time") {
                    if let minute = Durations.clock(time) { schedule.minuteOfDay = minute } else {
                        sink.error(d.markOf("time"), "alerts.digest.time '\(time)' is not a time of day like 09:00.")
                    }
                }
                alerts.digest = schedule
            }
        }
        if let node = f.node("quiet_hours"), let q = FieldReader(node, path: "alerts.quiet_hours", sink: sink, allowed: ["from", "to"]) {
            let from = q.string("from", required: true).flatMap(Durations.clock)
            let to = q.string("to", required: true).flatMap(Durations.clock)
            if let from, let to, from != to { alerts.quietHours = QuietHours(fromMinute: from, toMinute: to) } else {
                sink.error(q.mark, "alerts.quiet_hours needs 'from' and 'to' as different times of day, e.g. from: \"22:00\", to: \"07:30\".")
            }
        }
        return alerts
    }

    /// A duration, or working days (`5wd`: seconds of N calendar days, for display, and N).
    /// A duration or working days (`5wd`). A repeat interval (`repeats`) is at least 1h or
    /// 1wd: `repeat_overdue: 0s` sent the same alert again at every evaluation.
    static func interval(_ f: FieldReader, _ key: String, repeats: Bool = false) -> (TimeInterval, Int?)? {
        guard let text = f.string(key) else { return nil }
        let parsed: (TimeInterval, Int?)? = Durations.workingDays(text).map { (Double($0) * Policy.day, $0) } ?? Durations.parse(text).map { ($0, nil) }
        if let parsed {
            guard !repeats || parsed.0 >= 3600 else {
                f.sink.error(f.markOf(key), "\(f.fieldPath(key)) '\(text)' is too short; an alert repeats at most hourly (at least 1h or 1wd).")
                return nil
            }
            return parsed
        }
        f.sink.error(
            f.markOf(key),
            "\(f.fieldPath(key)) '\(text)' is not a duration; write e.g. 12h, 7d or 2w, or working days as 5wd.")
        return nil
    }

    static func readControl(_ node: Node, sink: DiagnosticSink, resolve: (String) -> String) -> ControlConfig {
        var control = ControlConfig()
        guard
            let f = FieldReader(
                node, path: "control", sink: sink,
                allowed: [
                    "socket", "mode", "group", "writers", "body_limit", "idle_timeout", "request_timeout", "max_connections",
                    "max_connections_per_uid",
                ])
        else { return control }
        if let socket = f.string("socket") {
            let path = resolve(socket)
            if path.utf8.count > 107 {
                sink.error(f.markOf("socket"), "control.socket is \(path.utf8.count) bytes long; a Unix socket path must be under 108.")
            }
            control.socket = path
        }
        if let mode = f.string("mode") {
            if let value = Int(mode, radix: 8), (0...0o777).contains(value) { control.mode = value } else {
                sink.error(f.markOf("mode"), "control.mode '\(mode)' is not an octal file mode like \"0660\".")
            }
        }
        control.group = f.string("group")
        if let node = f.node("writers"), let w = FieldReader(node, path: "control.writers", sink: sink, allowed: ["users", "groups"]) {
            control.writerUsers = w.stringList("users")
            control.writerGroups = w.stringList("groups")
        }
        if let limit = f.int("body_limit", minimum: 1) { control.bodyLimit = limit }
        if let timeout = duration(f, "idle_timeout", minimum: (1, "1s")) { control.idleTimeout = timeout }
        if let timeout = duration(f, "request_timeout", minimum: (1, "1s")) { control.requestTimeout = timeout }
        if let limit = f.int("max_connections", minimum: 1) { control.maxConnections = limit }
        if let limit = f.int("max_connections_per_uid", minimum: 1) { control.maxConnectionsPerUID = limit }
        return control
    }

    /// `retention: {deliveries: 90d, notification_log: 400d}`; at least a day each.
    static func readRetention(_ node: Node, sink: DiagnosticSink) -> RetentionPolicy {
        var retention = RetentionPolicy()
        guard let f = FieldReader(node, path: "retention", sink: sink, allowed: ["deliveries", "notification_log"]) else {
            return retention
        }
        for key in ["deliveries", "notification_log"] {
            guard let value = duration(f, key) else { continue }
            guard value >= Policy.day else {
                sink.error(f.markOf(key), "retention.\(key) must be at least 1d (history is pruned once a day).")
                continue
            }
            if key == "deliveries" { retention.deliveries = value } else { retention.notificationLog = value }
        }
        return retention
    }

    static func readDelivery(_ node: Node, sink: DiagnosticSink) -> DeliveryPolicy {
        var delivery = DeliveryPolicy()
        guard
            let f = FieldReader(
                node, path: "delivery", sink: sink,
                allowed: ["max_attempts", "backoff_initial", "backoff_max", "shutdown_grace", "batch_size"])
        else { return delivery }
        if let v = f.int("max_attempts", minimum: 1) { delivery.maxAttempts = v }
        if let v = duration(f, "backoff_initial") { delivery.backoffInitial = max(0.1, v) }
        if let v = duration(f, "backoff_max", minimum: (1, "1s")) { delivery.backoffMax = v }
        if let v = duration(f, "shutdown_grace") { delivery.shutdownGrace = v }
        if let v = f.int("batch_size", minimum: 1) { delivery.batchSize = v }
        return delivery
    }

    static func readRouting(_ node: Node, sink: DiagnosticSink, receivers: [ReceiverSpec], unreadable: Set<String> = []) -> Routing {
        var routing = Routing()
        let ruleKeys = Array(Routing.defaultRules.keys).sorted()
        guard
            let f = FieldReader(
                node, path: "routing", sink: sink, allowed: ["email_receiver", "default_recipient", "redirect_all", "preset"] + ruleKeys)
        else { return routing }
        if let name = f.string("email_receiver") {
            if let spec = receivers.first(where: { $0.name == name }), !spec.isGroupChannel {
                routing.emailReceiver = name
            } else if !unreadable.contains(name) {
                sink.error(f.markOf("email_receiver"), "routing.email_receiver '\(name)' is not a maildir or smtp receiver named in 'receivers'.")
            }
        } else {
            routing.emailReceiver = receivers.first { !$0.isGroupChannel }?.name
        }
        if let node = f.node("default_recipient"),
            let r = FieldReader(node, path: "routing.default_recipient", sink: sink, allowed: ["name", "email"])
        {
            routing.defaultRecipient = Contact(name: r.string("name"), email: r.string("email", required: true))
        }
        if let address = f.string("redirect_all") {
            if address.contains("@"), !address.contains(where: \.isWhitespace), !address.contains(",") {
                routing.redirectAll = address
            } else {
                sink.error(f.markOf("redirect_all"), "routing.redirect_all '\(address)' is not one email address (name@example.cn).")
            }
        }
        if let text = f.string("preset"), text != "auto" {
            routing.preset = FieldReader.enumValue(
                text, Routing.Preset.self, mark: f.markOf("preset"), path: "routing.preset", sink: sink, alsoAccepted: ["auto"])
        }
        for key in ruleKeys where f.has(key) {
            let roles = f.stringList(key).compactMap { name -> Routing.Role? in
                FieldReader.enumValue(name, Routing.Role.self, mark: f.markOf(key), path: "routing.\(key)", sink: sink)
            }
            routing.rules[key] = roles
        }
        return routing
    }
}

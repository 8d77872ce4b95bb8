import Foundation

/// The running configuration as `GET /v1/config` shows it: every setting, no secret. Secrets
/// are named by where they come from (a file path or a credential name), never read.
enum EffectiveConfig {
    /// `10wd` for working days, else seconds as `604800s`.
    static func interval(_ seconds: TimeInterval, _ workingDays: Int?) -> String {
        workingDays.map { "\($0)wd" } ?? "\(Int(seconds))s"
    }

    static func redacted(_ c: DaemonConfig) -> [String: String] {
        var out: [String: String] = [
            "file": c.file, "state_dir": c.stateDir, "plans": c.plans.joined(separator: ", "), "language": c.language,
            "time_zone": c.timeZone.identifier, "log_level": c.logLevel,
            "policy.reminder_days": c.policy.reminderDays.map(String.init).joined(separator: ", "),
            "policy.stale_after_seconds": String(Int(c.policy.staleAfter)),
            "policy.pace_margin": String(c.policy.paceMargin),
            "policy.long_term_review_seconds": String(Int(c.policy.longTermReview)),
            "alerts.repeat_overdue": interval(c.alerts.repeatOverdue, c.alerts.repeatOverdueWorkingDays),
            "alerts.escalate_after": interval(c.alerts.escalateAfter, c.alerts.escalateAfterWorkingDays),
            "alerts.repeat_stale": interval(c.alerts.repeatStale, c.alerts.repeatStaleWorkingDays),
            "alerts.digest": c.alerts.digest.map { "weekday \($0.weekday.map(String.init) ?? "daily") at minute \($0.minuteOfDay)" } ?? "off",
            "alerts.quiet_hours": c.alerts.quietHours.map { "\($0.fromMinute)-\($0.toMinute) (minutes)" } ?? "off",
            "routing.email_receiver": c.routing.emailReceiver ?? "-",
            "routing.default_recipient": c.routing.defaultRecipient?.email ?? "-",
            "delivery.max_attempts": String(c.delivery.maxAttempts),
            "control.socket": c.control.socket, "control.mode": String(c.control.mode, radix: 8),
            "control.group": c.control.group ?? "-",
            "control.writers": (c.control.writerUsers + c.control.writerGroups.map { "@\($0)" }).joined(separator: ", "),
            "control.request_timeout": "\(Int(c.control.requestTimeout))s",
            "control.max_connections": String(c.control.maxConnections),
            "control.max_connections_per_uid": String(c.control.maxConnectionsPerUID),
            "retention.deliveries": "\(Int(c.retention.deliveries))s",
            "retention.notification_log": "\(Int(c.retention.notificationLog))s",
        ]
        if let weekly = c.reports.weekly {
            out["reports.weekly"] =
                "weekday \(weekly.schedule.weekday.map(String.init) ?? "daily") at minute \(weekly.schedule.minuteOfDay)"
                + (weekly.workingDays ? ", working days" : "") + "; to "
                + (weekly.recipients.compactMap(\.email) + weekly.channels).joined(separator: ", ")
        }
        for r in c.receivers {
            let p = "receivers.\(r.name)."
            out[p + "type"] = r.type
            for (key, value) in r.channel.redacted { out[p + key] = value }
        }
        return out
    }
}

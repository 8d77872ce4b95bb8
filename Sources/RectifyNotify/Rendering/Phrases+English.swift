import RectifyCore

extension Phrases {
    /// The English notice (`language: en`).
    static let english = Phrases(
        tag: "en",
        labels: RowLabels(
            number: "No.", colour: "Warning", item: "Item", itemID: "ID", plan: "Plan", deadline: "Deadline",
            timing: "Status", responsible: "Responsible", evidence: "Plan text"),
        nextStepsTitle: "What to do next", colon: ": ", paragraphIndent: "",
        subjectTag: { colour in colour.map { "[\(englishColourName($0))] " } ?? "" },
        kindTitle: { kind in
            switch kind {
            case .escalation: return "Overdue rectification items escalated"
            case .overdue: return "Rectification items overdue"
            case .milestoneMissed: return "Rectification milestones missed"
            case .reminder: return "Rectification deadlines approaching"
            case .stale: return "Rectification progress reports due"
            case .noDeadline: return "Rectification items without a deadline"
            case .resolved: return "Rectification items completed"
            case .digest: return "Open rectification items"
            }
        },
        mixedTitle: "Rectification items need attention",
        subject: { tag, title, items, units in
            let unit = units.isEmpty ? "" : units.count == 1 ? " (\(units[0]))" : " (\(units[0]) and \(units.count - 1) more)"
            return "\(tag)\(title): \(items)\(unit)"
        },
        greeting: { name in name.flatMap { $0.isEmpty ? nil : "Dear \($0)," } ?? "Dear colleagues," },
        zoneName: { beijing, offset in beijing ? "Beijing time" : "UTC" + offset },
        day: { "\($0.day) \(englishMonths[$0.month - 1]) \($0.year)" },
        asOf: { day, clock, zone in "As of \(day) \(clock) (\(zone))" },
        intro: { asOf, plans, items in
            let source =
                plans.isEmpty
                ? "the rectification plans" : plans.count == 1 ? "the plan “\(plans[0])”" : "“\(plans[0])” and \(plans.count - 1) more plans"
            return "\(asOf), \(items == 1 ? "1 item" : "\(items) items") of \(source) that you are responsible for need attention:"
        },
        sectionName: { kind in
            switch kind {
            case .escalation: return "Escalated: overdue items"
            case .overdue: return "Overdue items"
            case .milestoneMissed: return "Missed milestones"
            case .reminder: return "Deadlines approaching"
            case .stale: return "No progress reported"
            case .noDeadline: return "Items without a deadline"
            case .resolved: return "Completed items"
            case .digest: return "Open items"
            }
        },
        sectionTitle: { index, name, count in "\(index). \(name) (\(count))" },
        colourLabel: { colour in colour.map { englishColourName($0).replacingOccurrences(of: " warning", with: "").lowercased() } ?? "—" },
        describe: englishDescription,
        noDeadline: "none",
        extended: { deadline, original in "\(deadline) (extended from \(original))" },
        done: "done",
        milestoneMissed: { "milestone “\($0)” missed" },
        daysOverdue: { $0 == 1 ? "1 day overdue" : "\($0) days overdue" },
        dueToday: "due today",
        daysLeft: { "\($0) days left" },
        noReportFor: { "no progress report for \($0) days" },
        deadlineMissing: "no deadline set",
        stateName: { $0.rawValue.replacingOccurrences(of: "_", with: " ") },
        timingSeparator: "; ",
        nobodyNamed: "not named",
        evidence: { text, line in "“\(text)”" + (line.map { " (line \($0))" } ?? "") },
        closedNoAction: "These items are closed; no action is needed.",
        reportProgress: "Report progress (with the evidence) as soon as an item is done or has moved on:",
        progressArguments: "--note \"what was done\"",
        askExtension:
            "If an item cannot be finished in time, ask for an extension before the deadline; once approved, record it (the original deadline stays on record):",
        extensionArguments: "--to YYYY-MM-DD --reason \"why\"",
        explainDelay: "For overdue items, explain the delay in writing and give a completion date to the rectification office.",
        setDeadline: "Items without a deadline need one: the rectification office sets it with the department.",
        defaultSender: "Rectification office",
        footer: { "Sent automatically by rectifyd from the rectification plans; please do not reply. Notice \($0)." },
        chatFooter: { sender in (sender.flatMap { $0.isEmpty ? nil : $0 } ?? "Rectification office") + " · sent by rectifyd" },
        partSuffix: { part, total in " (\(part)/\(total))" })

    static let englishMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    static func englishColourName(_ colour: WarningColour) -> String {
        switch colour {
        case .red: return "Red warning"
        case .yellow: return "Yellow warning"
        case .green: return "Green warning"
        }
    }

    /// "30 Apr 2026", "end of Apr 2026", "late Apr 2026", "end of Q2 2026", "H1 2026", "end of 2026".
    @Sendable static func englishDescription(_ deadline: Deadline) -> String {
        let date = deadline.date
        let month = "\(englishMonths[date.month - 1]) \(date.year)"
        switch deadline.precision {
        case .day: return "\(date.day) \(month)"
        case .xun: return (date.day <= 10 ? "early " : date.day <= 20 ? "mid " : "late ") + month
        case .month: return "end of " + month
        case .quarter: return "end of Q\((date.month - 1) / 3 + 1) \(date.year)"
        case .halfYear: return (date.month <= 6 ? "H1 " : "H2 ") + "\(date.year)"
        case .year: return "end of \(date.year)"
        }
    }
}

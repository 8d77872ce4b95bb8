import ArgumentParser
import Foundation
import RectifyControl
import RectifyCore

struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status", abstract: "Show the daemon's summary: items by state per plan, the next check.",
        discussion: "Example:\n  rectifyctl status\n  rectifyctl status --json | jq .states")
    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        let client = connection.client()
        let (status, data) = try client.get(StatusResponse.self, "/v1/status")
        if connection.json { return FileHandle.standardOutput.write(data) }
        let style = TerminalStyle.forStandardOutput()
        print(style.bold("rectifyd: \(status.items) items, \(status.open) open, \(status.lagging) lagging"))
        print("checked \(status.lastEvaluation ?? "-"), next check \(status.nextCheck ?? "none")")
        print("outbox: \(status.outboxPending) pending, \(status.outboxFailed) failed")
        print("")
        let states = ItemState.allCases.map(\.rawValue)
        // STATES last: it is as long as the most varied plan's counts, and would push UNIT off
        // the screen.
        var table = TextTable(["PLAN", "ITEMS", "OPEN", "LAGGING", "UNIT", "STATES"])
        for plan in status.plans {
            let counts = states.compactMap { s in plan.counts[s].map { "\($0) \(s)" } }.joined(separator: ", ")
            table.add([plan.id, String(plan.items), String(plan.open), String(plan.lagging), plan.unit, counts])
        }
        print(table.render(style: style))
    }
}

struct ItemsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "items", abstract: "List items, most urgent first, with filters.",
        discussion: """
            Examples:
              rectifyctl items --state overdue
              rectifyctl items --plan example-county-health --due-before 2026-12-31
              rectifyctl items --responsible 办公室 --search 公车
            """)
    @OptionGroup var connection: ConnectionOptions
    @Option(help: "Only these states (comma-separated): overdue, milestone_missed, due_soon, behind_pace, stale, no_deadline, long_term, on_track, done.")
    var state: String?
    @Option(help: "Only this plan.") var plan: String?
    @Option(help: "Only items whose responsible department or person contains this text.") var responsible: String?
    @Option(name: .customLong("due-before"), help: ArgumentHelp("Deadline before this date.", valueName: "YYYY-MM-DD"))
    var dueBefore: String?
    @Option(name: .customLong("due-after"), help: ArgumentHelp("Deadline after this date.", valueName: "YYYY-MM-DD"))
    var dueAfter: String?
    @Option(name: .customLong("search"), help: "Text in the item's id, title or text.") var search: String?
    @Option(help: "At most this many items.") var limit = 100
    @Option(help: "Skip this many items (paging).") var offset = 0

    func run() throws {
        var query = ["limit=\(limit)", "offset=\(offset)"]
        let filters = [("state", state), ("plan", plan), ("responsible", responsible), ("due_before", dueBefore), ("due_after", dueAfter), ("q", search)]
        for (key, value) in filters { if let value { query.append("\(key)=\(ControlClient.escape(value))") } }
        let client = connection.client()
        let (page, data) = try client.get(ItemsResponse.self, "/v1/items?" + query.joined(separator: "&"))
        if connection.json { return FileHandle.standardOutput.write(data) }
        let style = TerminalStyle.forStandardOutput()
        var table = TextTable(["PLAN", "ITEM", "STATE", "DEADLINE", "DAYS", "RESPONSIBLE", "TITLE"])
        for item in page.items {
            table.add([
                item.plan, item.id, ItemRows.state(item, style: style), ItemRows.deadline(item), ItemRows.days(item),
                DisplayWidth.truncate(item.responsible ?? "-", to: 24), DisplayWidth.truncate(item.title, to: 50),
            ])
        }
        print(table.render(style: style))
        print(style.dim("\(page.items.count) of \(page.total) items" + (page.total > page.offset + page.items.count ? " (more with --offset \(page.offset + page.items.count))" : "")))
    }
}

struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one item with its full history: updates, alerts sent, deliveries.",
        discussion: "Examples:\n  rectifyctl show 2.1\n  rectifyctl show example-county-health/2.1 --json")
    @OptionGroup var connection: ConnectionOptions
    @Option(help: "The item's plan (or write PLAN/ITEM).") var plan: String?
    @Argument(help: ArgumentHelp("The item: ITEM or PLAN/ITEM.", valueName: "ITEM")) var item: String

    func run() throws {
        let client = connection.client()
        let (planID, itemID) = try client.resolve(item, plan: plan)
        let (detail, data) = try client.get(ItemDetail.self, ControlClient.itemPath(planID, itemID))
        if connection.json { return FileHandle.standardOutput.write(data) }
        let style = TerminalStyle.forStandardOutput()
        let i = detail.item
        print(style.bold("\(i.plan)/\(i.id)  \(i.title)"))
        if !detail.category.isEmpty { print(style.dim(detail.category.joined(separator: " › "))) }
        print("state:       \(ItemRows.state(i, style: style))  (status \(i.status); findings: \(detail.findings.joined(separator: ", ").isEmpty ? "none" : detail.findings.joined(separator: ", ")))")
        print("deadline:    \(ItemRows.deadline(i))  \(ItemRows.days(i))" + (i.deadline?.text.map { "  “\($0)”" } ?? ""))
        if let original = i.originalDeadline { print("original:    \(original.date) (extended)") }
        print("responsible: \(i.responsible ?? "-")")
        if let p = detail.progress { print("progress:    \(p.done) of \(p.total)\(p.unit ?? "")") }
        if let last = detail.lastUpdate { print("last update: \(last)") }
        if let silenced = i.silencedUntil { print("alerts:      silenced until \(silenced)") }
        for m in detail.milestones { print("milestone:   [\(m.done ? "x" : " ")] \(m.deadline.date) \(m.title)") }
        for e in detail.extensions { print("extension:   to \(e.deadline.date), granted \(e.granted): \(e.reason)") }
        print("")
        print(style.bold("History"))
        if detail.history.isEmpty { print(style.dim("  no updates yet")) }
        for h in detail.history {
            let who = h.user ?? h.uid.map { "uid \($0)" } ?? "?"
            let details = h.details.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
            print("  \(h.at)  \(h.kind)  by \(who)" + (details.isEmpty ? "" : "  \(details)") + (h.note.map { "  — \($0)" } ?? ""))
        }
        print(style.bold("Alerts sent"))
        if detail.alerts.isEmpty { print(style.dim("  none")) }
        for a in detail.alerts { print("  \(a.sentAt)  \(a.kind) → \(a.recipient) (\(a.receiver))") }
        print(style.bold("Deliveries"))
        if detail.deliveries.isEmpty { print(style.dim("  none")) }
        for d in detail.deliveries { print("  \(d.at)  \(d.outcome) → \(d.recipient) (attempt \(d.attempt))" + (d.detail.map { "  \($0)" } ?? "")) }
    }
}

struct DeliveriesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deliveries", abstract: "Show recent delivery attempts, or the failed ones; retry failed ones.",
        discussion: "Examples:\n  rectifyctl deliveries\n  rectifyctl deliveries --failed\n  rectifyctl deliveries retry",
        subcommands: [RetryCommand.self])
    @OptionGroup var connection: ConnectionOptions
    @Flag(help: "Only notices that failed for good (still in the outbox).") var failed = false
    @Option(help: "At most this many attempts.") var limit = 50

    func run() throws {
        let client = connection.client()
        let style = TerminalStyle.forStandardOutput()
        if failed {
            let (outbox, data) = try client.get(OutboxResponse.self, "/v1/outbox?status=failed")
            if connection.json { return FileHandle.standardOutput.write(data) }
            var table = TextTable(["NOTICE", "RECEIVER", "RECIPIENT", "ATTEMPTS", "LAST ERROR"])
            for e in outbox.entries { table.add([e.id, e.receiver, e.recipient, String(e.attempts), e.lastError ?? "-"]) }
            print(table.render(style: style))
            print(style.dim("\(outbox.entries.count) failed; retry with: rectifyctl deliveries retry"))
            return
        }
        let (attempts, data) = try client.get([DeliveryAttempt].self, "/v1/deliveries?limit=\(limit)")
        if connection.json { return FileHandle.standardOutput.write(data) }
        var table = TextTable(["AT", "OUTCOME", "RECEIVER", "RECIPIENT", "ATTEMPT", "DETAIL"])
        for a in attempts {
            let outcome = a.outcome == "delivered" ? style.green(a.outcome) : style.red(a.outcome)
            table.add([a.at, outcome, a.receiver, a.recipient, String(a.attempt), DisplayWidth.truncate(a.detail ?? "-", to: 60)])
        }
        print(table.render(style: style))
    }
}

/// Table cells for items.
enum ItemRows {
    static func state(_ item: ItemSummary, style: TerminalStyle) -> String {
        switch item.colour {
        case "red": return style.red(item.state)
        case "yellow": return style.yellow(item.state)
        case "green": return style.green(item.state)
        default: return item.state
        }
    }

    static func deadline(_ item: ItemSummary) -> String {
        guard let d = item.deadline else { return "-" }
        return d.date.description + (item.originalDeadline != nil ? " ext" : "")
    }

    static func days(_ item: ItemSummary) -> String {
        if let late = item.daysOverdue { return "\(late)d late" }
        if let left = item.daysLeft { return "\(left)d left" }
        return "-"
    }
}

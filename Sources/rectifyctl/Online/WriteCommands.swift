import ArgumentParser
import Foundation
import RectifyControl

/// The item argument and --plan shared by the write commands.
struct ItemReference: ParsableArguments {
    @Option(help: "The item's plan (or write PLAN/ITEM).") var plan: String?
    @Argument(help: ArgumentHelp("The item: ITEM or PLAN/ITEM.", valueName: "ITEM")) var item: String
}

/// Posts an action for an item and prints what the daemon recorded.
func post(_ connection: ConnectionOptions, _ reference: ItemReference, _ action: String, _ body: any Encodable) throws {
    let client = connection.client()
    let (plan, item) = try client.resolve(reference.item, plan: reference.plan)
    let data = try client.call("POST", ControlClient.itemPath(plan, item) + "/" + action, body: body)
    if connection.json { return FileHandle.standardOutput.write(data) }
    let answer = try ControlAPI.decoder().decode(WriteResponse.self, from: data)
    print("rectifyctl: \(answer.message) (update \(answer.updateId.map(String.init) ?? "-"))")
    if let i = answer.item { print("  now: \(i.state)" + (i.deadline.map { ", deadline \($0.date)" } ?? "") + (i.silencedUntil.map { ", alerts silenced until \($0)" } ?? "")) }
}

struct ProgressCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "progress", abstract: "Report progress on an item (resets its staleness).",
        discussion: "Examples:\n  rectifyctl progress 2.1 --note \"已完成公开招标，合同签订中\"\n  rectifyctl progress 3.3 --done 61 --total 79 --note \"61家已整改到位\" --evidence 整改台账.xlsx")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var reference: ItemReference
    @Option(help: "What was done (required).") var note: String
    @Option(help: "Counted progress: how many are done (with --total).") var done: Int?
    @Option(help: "Counted progress: of how many.") var total: Int?
    @Option(help: "Where the proof is (a file, a document number).") var evidence: String?

    func run() throws {
        try post(connection, reference, "progress", ProgressRequest(note: note, done: done, total: total, evidence: evidence))
    }
}

struct DoneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "done", abstract: "Mark an item (or one milestone) done: 销号, with a note.",
        discussion: "Examples:\n  rectifyctl done 2.1 --note \"闲置公车已公开拍卖处置\"\n  rectifyctl done 2.3 --milestone 完成施工图审图 --note \"审图合格书已取得\"")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var reference: ItemReference
    @Option(help: "How it was rectified and where the proof is (required).") var note: String
    @Option(help: "Close this milestone (its title) instead of the item.") var milestone: String?

    func run() throws { try post(connection, reference, "done", DoneRequest(note: note, milestone: milestone)) }
}

struct ExtendCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extend", abstract: "Grant an extension (延期); the original deadline stays on record.",
        discussion: "Example:\n  rectifyctl extend 2.2 --to 2026-12-31 --reason \"等待县财政局年度清查结果\"")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var reference: ItemReference
    @Option(help: ArgumentHelp("The new deadline.", valueName: "YYYY-MM-DD")) var to: String
    @Option(help: "Why (required).") var reason: String

    func run() throws { try post(connection, reference, "extend", ExtendRequest(to: to, reason: reason)) }
}

struct AckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ack", abstract: "Acknowledge an item's alerts: no repeats until a date (default: one repeat interval).",
        discussion: "Example:\n  rectifyctl ack 2.1 --note \"已知悉，正在协调\" --until 2026-12-05")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var reference: ItemReference
    @Option(help: ArgumentHelp("Silent through this date.", valueName: "YYYY-MM-DD")) var until: String?
    @Option(help: "A note for the record.") var note: String?

    func run() throws { try post(connection, reference, "ack", SilenceRequest(until: until, note: note)) }
}

struct SnoozeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snooze", abstract: "Silence an item's alerts until a date.",
        discussion: "Example:\n  rectifyctl snooze 4.1 --until 2026-12-15 --note \"等待上级批复\"")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var reference: ItemReference
    @Option(help: ArgumentHelp("Silent through this date (required).", valueName: "YYYY-MM-DD")) var until: String
    @Option(help: "A note for the record.") var note: String?

    func run() throws { try post(connection, reference, "snooze", SilenceRequest(until: until, note: note)) }
}

struct ReopenCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reopen", abstract: "Re-open a done item (a problem came back), with a note.",
        discussion: "Example:\n  rectifyctl reopen 2.1 --note \"回头看发现问题反弹\"")
    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var reference: ItemReference
    @Option(help: "Why (required).") var note: String

    func run() throws { try post(connection, reference, "reopen", ReopenRequest(note: note)) }
}

struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "Make the daemon re-read its config and plans (like SIGHUP).")
    @OptionGroup var connection: ConnectionOptions

    func run() throws {
        let data = try connection.client().call("POST", "/v1/reload")
        if connection.json { return FileHandle.standardOutput.write(data) }
        guard let answer = try? ControlAPI.decoder().decode(ReloadResponse.self, from: data) else {
            return print("rectifyctl: reloaded")
        }
        print("rectifyctl: \(answer.message): \(answer.plans) plan\(answer.plans == 1 ? "" : "s")")
        for warning in answer.warnings { printError("  \(warning)") }
    }
}

struct RetryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "retry", abstract: "Queue failed deliveries again (all, or the given notice ids).")
    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "Notice ids (default: every failed one).") var ids: [String] = []

    func run() throws {
        let data = try connection.client().call("POST", "/v1/deliveries/retry", body: RetryRequest(ids: ids.isEmpty ? nil : ids))
        if connection.json { return FileHandle.standardOutput.write(data) }
        let answer = try ControlAPI.decoder().decode(WriteResponse.self, from: data)
        print("rectifyctl: \(answer.message)")
    }
}

import ArgumentParser
import Foundation
import RectifyControl

struct RequestsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "requests", abstract: "List requests made through signed links (延期, 销号), pending first.",
        discussion: "Examples:\n  rectifyctl requests\n  rectifyctl requests --status rejected --json")
    @OptionGroup var connection: ConnectionOptions
    @Option(help: "Only these: pending (default), approved, rejected or all.") var status = "pending"

    func validate() throws {
        guard ["pending", "approved", "rejected", "all"].contains(status) else {
            throw ValidationError("--status must be pending, approved, rejected or all (got '\(status)')")
        }
    }

    func run() throws {
        let path = "/v1/requests" + (status == "all" ? "" : "?status=\(status)")
        let (answer, data) = try connection.client().get(RequestsResponse.self, path)
        if connection.json { return FileHandle.standardOutput.write(data) }
        let style = TerminalStyle.forStandardOutput()
        var table = TextTable(["ID", "KIND", "STATUS", "ITEM", "TO", "FROM", "AT", "NOTE"])
        for r in answer.requests {
            table.add([
                String(r.id), r.kind == "extend" ? "延期" : "销号", r.status, "\(r.plan)/\(r.item)", r.to ?? "-", r.recipient, r.createdAt,
                DisplayWidth.truncate(r.note.replacingOccurrences(of: "\n", with: " "), to: 40),
            ])
        }
        print(table.render(style: style))
        print(style.dim("\(answer.requests.count) requests" + (status == "all" ? "" : " (\(status))")))
    }
}

struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve", abstract: "Approve a request: a 延期 moves the deadline (the original stays on record), a 销号 closes the item.",
        discussion: "Example:\n  rectifyctl approve 3 --reason \"同意延期\"")
    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The request's number (rectifyctl requests).") var id: Int64
    @Option(help: "A note for the record and the requester.") var reason: String?

    func run() throws { try decideRequest(connection, id, "approve", reason) }
}

struct RejectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reject", abstract: "Reject a request; the requester is told why, through the channel that reached them.",
        discussion: "Example:\n  rectifyctl reject 3 --reason \"佐证材料不全，请补充验收报告\"")
    @OptionGroup var connection: ConnectionOptions
    @Argument(help: "The request's number (rectifyctl requests).") var id: Int64
    @Option(help: "Why (required: the requester reads it).") var reason: String

    func validate() throws {
        if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("--reason must say why") }
    }

    func run() throws { try decideRequest(connection, id, "reject", reason) }
}

private func decideRequest(_ connection: ConnectionOptions, _ id: Int64, _ decision: String, _ reason: String?) throws {
    let data = try connection.client().call("POST", "/v1/requests/\(id)/\(decision)", body: DecisionRequest(reason: reason))
    if connection.json { return FileHandle.standardOutput.write(data) }
    let answer = try ControlAPI.decoder().decode(WriteResponse.self, from: data)
    print("rectifyctl: \(answer.message)")
    if let i = answer.item { print("  now: \(i.state)" + (i.deadline.map { ", deadline \($0.date)" } ?? "")) }
}

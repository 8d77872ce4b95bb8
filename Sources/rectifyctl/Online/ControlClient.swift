import ArgumentParser
import Foundation
import RectifyControl
import RectifyNotify
import Yams

/// Options every online command takes.
struct ConnectionOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The daemon's control socket (default: $RECTIFYD_SOCKET, else control.socket of /etc/rectifyd/rectifyd.yaml, else /run/rectifyd/rectifyd.sock).",
            valueName: "PATH"))
    var socket: String?

    @Flag(name: .long, help: "Print the daemon's JSON answer instead of a table.")
    var json = false

    var resolvedSocket: String {
        if let socket { return socket }
        if let env = ProcessInfo.processInfo.environment["RECTIFYD_SOCKET"], !env.isEmpty { return env }
        if let text = try? String(contentsOfFile: "/etc/rectifyd/rectifyd.yaml", encoding: .utf8),
            let node = try? Yams.compose(yaml: text), let path = node["control"]?["socket"]?.string
        {
            return path.hasPrefix("/") ? path : "/etc/rectifyd/" + path
        }
        return "/run/rectifyd/rectifyd.sock"
    }

    func client() -> ControlClient { ControlClient(socket: resolvedSocket, json: json) }
}

/// Exit statuses of the online commands.
enum OnlineExit {
    /// The daemon answered with an error (4xx/5xx): the message is printed.
    static let refused = ExitCode(1)
    /// The daemon could not be reached.
    static let unreachable = ExitCode(3)
}

struct ControlClient {
    let socket: String
    let json: Bool

    /// Calls the daemon; prints its error and exits on a 4xx/5xx or when it cannot be reached.
    func call(_ method: String, _ path: String, body: (any Encodable)? = nil, timeout: TimeInterval = 30) throws -> Data {
        let data = try body.map { try ControlAPI.encoder().encode($0) }
        let response: UnixSocketHTTP.Response
        do {
            response = try UnixSocketHTTP.request(socket: socket, method: method, path: path, body: data, timeout: timeout)
        } catch let failure as UnixSocketHTTP.Failure {
            // libcurl words every failed connect to a Unix socket as "localhost port 80" (a
            // missing socket and a denied directory alike): say what the file system says.
            let diagnosis = SocketDiagnosis.diagnose(socket: socket)
            let reason = failure.curlCode == 7 ? diagnosis.reason : failure.description
            printError("rectifyctl: cannot reach rectifyd at \(socket): \(reason).")
            printError(diagnosis.hint)
            throw OnlineExit.unreachable
        }
        guard (200..<300).contains(response.status) else {
            if json {
                FileHandle.standardOutput.write(response.body)
            } else if let error = try? ControlAPI.decoder().decode(ErrorResponse.self, from: response.body) {
                printError("rectifyctl: \(error.error) (HTTP \(response.status))")
                for line in error.details ?? [] { printError("  \(line)") }
            } else {
                printError("rectifyctl: the daemon answered HTTP \(response.status)")
            }
            throw OnlineExit.refused
        }
        return response.body
    }

    func get<T: Decodable>(_ type: T.Type, _ path: String) throws -> (T, Data) {
        let data = try call("GET", path)
        return (try ControlAPI.decoder().decode(T.self, from: data), data)
    }

    /// Finds an item given as PLAN/ITEM, or as ITEM when only one plan has that id.
    func resolve(_ reference: String, plan: String?) throws -> (plan: String, item: String) {
        if let plan { return (plan, reference) }
        if let slash = reference.firstIndex(of: "/") {
            return (String(reference[..<slash]), String(reference[reference.index(after: slash)...]))
        }
        let query = "/v1/items?limit=10000&q=" + Self.escape(reference)
        let (found, _) = try get(ItemsResponse.self, query)
        let exact = found.items.filter { $0.id == reference }
        if exact.count == 1 { return (exact[0].plan, exact[0].id) }
        if exact.isEmpty { printError("rectifyctl: no item with id '\(reference)'; list them with rectifyctl items") } else {
            printError(
                "rectifyctl: item id '\(reference)' is in several plans (\(exact.map(\.plan).joined(separator: ", "))); write PLAN/\(reference) or use --plan")
        }
        throw OnlineExit.refused
    }

    static func escape(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? text
    }

    static func itemPath(_ plan: String, _ item: String) -> String { "/v1/items/\(escape(plan))/\(escape(item))" }
}

import Foundation
import Testing

/// Real parts for the tests: the Python helpers in `Support/`, temporary directories,
/// a self-signed certificate, free ports.
enum Harness {
    static let supportDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Support")

    static func script(_ name: String) -> String { supportDirectory.appendingPathComponent(name).path }

    struct CommandFailed: Error, CustomStringConvertible {
        var description: String
    }

    /// Runs a command to its end and returns its standard output; throws when it fails.
    @discardableResult
    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw CommandFailed(
                description: "\(arguments.joined(separator: " ")) exited \(process.terminationStatus): "
                    + String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: data, as: UTF8.self)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rectify-notify-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A throwaway certificate for 127.0.0.1 and localhost; the certificate is its own CA.
    static func certificate(in directory: URL) throws -> (cert: String, key: String) {
        let cert = directory.appendingPathComponent("cert.pem").path
        let key = directory.appendingPathComponent("key.pem").path
        try run([
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
            "-keyout", key, "-out", cert, "-days", "1", "-subj", "/CN=localhost",
            "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
        ])
        return (cert, key)
    }

    /// A port on 127.0.0.1 that nothing listens on (bound, read, released).
    static func closedPort() throws -> Int {
        let text = try run([
            "python3", "-c",
            "import socket; s=socket.socket(); s.bind(('127.0.0.1',0)); print(s.getsockname()[1]); s.close()",
        ])
        return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))!
    }

    static func write(_ text: String, to directory: URL, name: String) throws -> String {
        let path = directory.appendingPathComponent(name).path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Parses mail files with Python's `email` package (`Support/parse_mail.py`).
    static func parseMail(_ paths: [String]) throws -> [ParsedMail] {
        let json = try run(["python3", script("parse_mail.py")] + paths)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return try decoder.decode([ParsedMail].self, from: Data(json.utf8))
    }
}

/// What `parse_mail.py` says of one mail.
struct ParsedMail: Decodable {
    struct Part: Decodable {
        var contentType: String
        var charset: String?
        var transferEncoding: String?
        var body: String
    }

    var subject: String
    var fromName: String
    /// The From header decoded by RFC 2047 rules (adjacent encoded-words joined).
    var fromDecoded: String
    var fromAddress: String
    var to: [String]
    var toNames: [String]
    var date: String
    var messageId: String
    var mimeVersion: String
    var contentType: String
    var parts: [Part]
    var defects: [String]
    var bareLf: Bool
    var maxLineLength: Int
    var maxHeaderLineLength: Int
    var encodedWordLengths: [Int]
    var encodedWordsStandalone: Bool

    func part(_ type: String) -> Part? { parts.first { $0.contentType == type } }
}

/// A helper script run as a server: it prints its port once listening and exits when its
/// stdin closes (here: `stop()` or deinit) or after its own timeout.
final class ScriptServer {
    let port: Int
    private let process = Process()
    private let stdin = Pipe()

    init(_ script: String, _ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Harness.script(script)] + arguments
        let out = Pipe()
        process.standardInput = stdin
        process.standardOutput = out
        try process.run()
        var line = Data()
        while !line.contains(UInt8(ascii: "\n")) {
            let chunk = out.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            line.append(chunk)
        }
        guard let port = Int(String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
        else {
            process.terminate()
            throw Harness.CommandFailed(description: "\(script) did not print its port")
        }
        self.port = port
    }

    func stop() {
        guard process.isRunning else { return }
        try? stdin.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    deinit { stop() }
}

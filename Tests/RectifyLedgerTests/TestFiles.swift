import Foundation
import RectifyCore
import RectifyImport

/// Paths, temporary folders and child processes for the ledger tests.
enum TestFiles {
    static var repository: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static var corpus: URL { repository.appendingPathComponent("Tests/RectifyImportTests/Fixtures/ledgers") }
    static var support: URL { repository.appendingPathComponent("Tests/RectifyLedgerTests/Support") }

    static func corpusFiles(_ extensions: Set<String>) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: corpus, includingPropertiesForKeys: nil)
            .filter { extensions.contains($0.pathExtension) && $0.lastPathComponent.hasPrefix("l") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func temporaryFolder(_ name: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rectify-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func importFile(_ url: URL) throws -> Plan {
        try LedgerImporter.importFile(Data(contentsOf: url), file: url.path).plan
    }

    struct Run {
        var status: Int32
        var output: String
        var error: String
    }

    /// Runs a program to its end (with a time limit) and returns its exit status and output.
    /// Output goes to files, so a chatty program never blocks on a full pipe.
    static func run(_ arguments: [String], timeout: TimeInterval = 120) throws -> Run {
        let folder = try temporaryFolder("run")
        defer { try? FileManager.default.removeItem(at: folder) }
        let outURL = folder.appendingPathComponent("out"), errURL = folder.appendingPathComponent("err")
        try Data().write(to: outURL)
        try Data().write(to: errURL)
        let out = try FileHandle(forWritingTo: outURL), err = try FileHandle(forWritingTo: errURL)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        try out.close()
        try err.close()
        return Run(
            status: process.terminationStatus, output: String(decoding: try Data(contentsOf: outURL), as: UTF8.self),
            error: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    /// LibreOffice, headless, with a profile of its own (so it never meets a running one).
    static func libreOffice(convertTo filter: String, files: [URL], into folder: URL) throws -> Run {
        let profile = try temporaryFolder("lo-profile")
        defer { try? FileManager.default.removeItem(at: profile) }
        return try run(
            ["soffice", "--headless", "--norestore", "-env:UserInstallation=file://\(profile.path)", "--convert-to", filter,
             "--outdir", folder.path] + files.map(\.path), timeout: 180)
    }

    /// What an item is, for comparing two imports of one ledger.
    static func summary(_ item: Item) -> String {
        let milestones = item.milestones.map { "\($0.deadline.date)\($0.done ? "✓" : "")" }.joined(separator: ",")
        let extensions = item.extensions.map { "\($0.deadline.date)" }.joined(separator: ",")
        return "\(item.id)|\(item.title)|\(item.status.rawValue)|\(item.deadline.map { "\($0.date)" } ?? "-")|[\(milestones)]|[\(extensions)]"
    }
}

import Foundation
import Testing

@testable import RectifyCore

/// A plans directory says which files it did not load and why, instead of skipping them silently.
struct SkippedFilesTests {
    @Test func filesThatAreNotPlans_areWarnedAbout_hiddenOnesAreNot() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("skipped-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "plan: {id: p, unit: u, title: t}\nitems:\n  - {id: a, title: x, status: in_progress}\n"
            .write(to: dir.appendingPathComponent("plan.yaml"), atomically: true, encoding: .utf8)
        try Data("%PDF-1.4\n".utf8).write(to: dir.appendingPathComponent("通报.pdf"))
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]).write(to: dir.appendingPathComponent("台账.xls"))
        try Data("notes".utf8).write(to: dir.appendingPathComponent("readme.md"))
        try Data("x".utf8).write(to: dir.appendingPathComponent(".plan.yaml.swp"))
        try Data("x".utf8).write(to: dir.appendingPathComponent("plan.yaml~"))
        let result = try PlanLoader().load([dir.path])
        #expect(result.plans.count == 1)
        let warnings = result.warnings.map(\.description)
        #expect(warnings.count == 3, "\(warnings)")
        #expect(warnings.contains { $0.contains("通报.pdf") && $0.contains("PDF") })
        #expect(warnings.contains { $0.contains("台账.xls") && $0.contains("save it as .docx or .xlsx") })
        #expect(warnings.contains { $0.contains("readme.md") && $0.contains("skipped") })
    }
}

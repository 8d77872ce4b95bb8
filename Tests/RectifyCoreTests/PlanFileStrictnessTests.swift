import Foundation
import Testing
@testable import RectifyCore

/// Malformed plan files are refused with the place of the fault: JSON that only a lenient
/// parser accepts, YAML syntax errors, unreadable paths.
struct PlanFileStrictnessTests {
    static func errors(_ text: String, file: String) -> [Diagnostic] {
        do {
            _ = try PlanReader.read(text, file: file)
            return []
        } catch { return error.diagnostics.filter { $0.severity == .error } }
    }

    static let header = #""plan": {"id": "p", "unit": "某县卫健局", "title": "台账"}"#

    @Test func jsonWithATrailingCommaInAnObject_isRefusedAtTheComma() {
        let text = "{\n  \(Self.header),\n  \"items\": [\n    {\"id\": \"1\", \"title\": \"一\", \"status\": \"done\",}\n  ]\n}\n"
        let errors = Self.errors(text, file: "p.json")
        #expect(errors.count == 1 && errors.first?.line == 4 && errors.first?.column == 47, "\(errors)")
        #expect(errors.first?.message.contains("trailing comma") == true, "\(errors)")
    }

    @Test func jsonWithATrailingCommaInAnArray_isRefusedAtTheComma() {
        let text = "{\n  \(Self.header),\n  \"items\": [\n    {\"id\": \"1\", \"title\": \"一\", \"status\": \"done\"},\n  ]\n}\n"
        let errors = Self.errors(text, file: "p.json")
        #expect(errors.count == 1 && errors.first?.line == 4 && errors.first?.column == 48, "\(errors)")
        #expect(errors.first?.message.contains("trailing comma") == true, "\(errors)")
    }

    @Test func jsonWithADuplicateKey_isRefusedAtTheSecondKey() {
        let text = "{\n  \(Self.header),\n  \"items\": [\n    {\"id\": \"1\", \"title\": \"一\",\n     \"title\": \"二\", \"status\": \"done\"}\n  ]\n}\n"
        let errors = Self.errors(text, file: "p.json")
        #expect(errors.count == 1 && errors.first?.line == 5 && errors.first?.column == 6, "\(errors)")
        #expect(errors.first?.message.contains("'title'") == true && errors.first?.message.contains("twice") == true, "\(errors)")
    }

    @Test func jsonWithADuplicateTopLevelKey_isRefused() {
        let text = "{\n  \(Self.header),\n  \"items\": [],\n  \"items\": []\n}\n"
        let errors = Self.errors(text, file: "p.json")
        #expect(errors.first?.line == 4 && errors.first?.column == 3, "\(errors)")
    }

    @Test func aYamlSyntaxError_isReportedAtItsLine() {
        let text = "plan:\n  unit: 某县卫健局\n  title: 台账\nitems:\n  - id: 1\n    title: [unclosed\n    status: done\n"
        let errors = Self.errors(text, file: "p.yaml")
        #expect(errors.count == 1 && (errors.first?.line ?? 1) > 1, "\(errors)")
    }

    @Test func aSymlinkLoop_isReportedAsALoop_notAsMissing() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("loop-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.yaml").path, b = dir.appendingPathComponent("b.yaml").path
        #expect(symlink(b, a) == 0 && symlink(a, b) == 0)
        do {
            _ = try PlanLoader().load([a])
            Issue.record("a symlink loop loaded")
        } catch {
            let message = error.diagnostics.first?.message ?? ""
            #expect(message.contains("symlink loop") && !message.contains("no such file"), "\(message)")
        }
    }

    /// Two plan files with one id: the second is refused at its `id:` line (it said line 1).
    @Test func aDuplicatePlanID_isReportedAtItsIDLine() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dup-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = "# 台账\nplan:\n  id: p1\n  unit: 某县卫健局\n  title: 台账\nitems:\n  - id: '1'\n    title: 问题\n    status: done\n"
        try plan.write(to: dir.appendingPathComponent("a.yaml"), atomically: true, encoding: .utf8)
        try plan.write(to: dir.appendingPathComponent("b.yaml"), atomically: true, encoding: .utf8)
        do {
            _ = try PlanLoader().load([dir.path])
            Issue.record("two plans with one id loaded")
        } catch {
            let duplicate = try #require(error.diagnostics.first { $0.message.contains("is also used by") })
            #expect(duplicate.file.hasSuffix("b.yaml") && duplicate.line == 3, "\(duplicate)")
        }
    }
}

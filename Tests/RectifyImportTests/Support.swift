import Foundation
import RectifyCore

@testable import RectifyImport

/// Paths and helpers shared by the importer tests.
enum TestSupport {
    /// The repository's `seeds/` folder, found from this file's path.
    static var seedsFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("seeds")
    }

    static var fixturesFolder: URL {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)!
    }

    static func seedReports() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: seedsFolder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    static func goldFiles() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: fixturesFolder, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasSuffix(".gold.json") }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }

    /// Imports a seed report by file name, as `rectifyctl import` does.
    static func importSeed(_ name: String) throws -> (Plan, [Diagnostic]) {
        let url = seedsFolder.appendingPathComponent(name)
        return try ReportImporter.importReport(Data(contentsOf: url), file: "seeds/" + name)
    }

    /// The plan as the JSON `rectifyctl import --format json` prints, parsed.
    static func planJSON(_ plan: Plan) throws -> [String: Any] {
        let text = try PlanWriter.render(plan, as: .json)
        return try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    }

    /// Imports a small report given as lines.
    static func importText(_ lines: [String], reference: CalendarDate? = nil) -> (Plan, [Diagnostic]) {
        ReportImporter.importReport(text: lines.joined(separator: "\n"), file: "test.txt", referenceDate: reference)
    }

    static func paragraph(_ text: String) -> Paragraph {
        Normalization.paragraphs(of: Normalization.lines(of: text)[...])[0]
    }

    static func folded(_ text: String) -> [Unicode.Scalar] {
        paragraph(text).folded
    }

    static func date(_ text: String) -> CalendarDate { CalendarDate(text)! }
}

import Foundation
import RectifyCore
import RectifyImport
import RectifyReport
import Testing

/// A drafted 通报, imported again, gives the items, statuses and deadlines it was written from.
struct DraftRoundTripTests {
    /// The seeds' plans as committed, drafted at their report date and months later (items
    /// overdue by then), with extensions granted on the open ones.
    @Test(arguments: ["000_3f65e14414f6d587", "001_76357eb5244c6017", "002_b21dc3fc7ee4c764", "003_f4fc3cbe870c3dce", "004_03096bf25862ec47"])
    func seedPlan_draftImportsAsTheSameItems(_ name: String) throws {
        let plan = try ReportTestSupport.loadPlan(ReportTestSupport.seeds.appendingPathComponent("\(name).plan.json"))
        let base = plan.reportDate ?? plan.inspection!.feedbackDate!
        for day in [base, base.adding(days: 200)] {
            let trip = try RoundTrip(plan, at: ReportTestSupport.endOf(day), asOf: day)
            #expect(trip.mismatches == [], "\(name) as of \(day):\n\(trip.text)")
        }
        var extended = plan
        for i in extended.items.indices where extended.items[i].isOpen {
            let current = extended.items[i].effectiveDeadline?.date ?? base
            extended.items[i].extensions.append(
                Extension(deadline: Deadline(date: current.adding(days: 45), precision: .day), reason: "等待上级批复", granted: base))
        }
        let trip = try RoundTrip(extended, at: ReportTestSupport.endOf(base.adding(days: 30)), asOf: base.adding(days: 30))
        #expect(trip.mismatches == [], "\(name) extended:\n\(trip.text)")
    }
}

extension DraftRoundTripTests {
    /// The importer's corpus (fifteen layouts): each report imported, drafted, imported again.
    @Test func importCorpus_draftImportsAsTheReport() throws {
        let reports = try ReportTestSupport.files(in: ReportTestSupport.importCorpus, ending: ".txt")
        #expect(reports.count >= 15)
        var failures: [String] = []
        for url in reports {
            let (plan, _) = try ReportImporter.importReport(Data(contentsOf: url), file: url.lastPathComponent)
            let day = plan.reportDate ?? plan.inspection?.feedbackDate ?? CalendarDate(year: 2025, month: 12, day: 31)!
            let trip = try RoundTrip(plan, at: ReportTestSupport.endOf(day), asOf: day)
            failures += trip.mismatches
        }
        #expect(failures == [], "\(failures.joined(separator: "\n"))")
    }

    /// 300 generated plans, each drafted at its report date and half a year later.
    @Test func generatedPlans_draftImportsAsTheSameItems() throws {
        var failures: [String] = []
        var items = 0
        for seed in 1...300 {
            var generator = PlanGenerator(seed: UInt64(seed))
            let (plan, notes) = generator.plan(id: "gen-\(seed)")
            items += plan.items.count
            let base = plan.reportDate ?? plan.inspection!.feedbackDate!
            for day in [base, base.adding(days: 180)] {
                let trip = try RoundTrip(plan, at: ReportTestSupport.endOf(day), asOf: day, notes: notes)
                let found = trip.mismatches
                if !found.isEmpty, failures.count < 40 { failures += ["seed \(seed) as of \(day):"] + found }
                if !found.isEmpty, failures.count < 3 { print(trip.text) }
            }
        }
        #expect(items > 2000)
        print("round trip: 300 generated plans, \(items) items, each drafted at 2 dates: \(failures.count) mismatches")
        #expect(failures == [], "\(failures.joined(separator: "\n"))")
    }
}

extension DraftRoundTripTests {
    /// Plans written by hand for this test (Fixtures/plans) and the shipped example plan, drafted
    /// at their report date and later, with progress notes on some items.
    @Test func handWrittenPlans_draftImportsAsTheSameItems() throws {
        let files = try ReportTestSupport.files(in: ReportTestSupport.fixtures.appendingPathComponent("plans"), ending: ".yaml")
            + [ReportTestSupport.repository.appendingPathComponent("config/plans/example.yaml")]
        #expect(files.count == 4)
        for url in files {
            let plan = try ReportTestSupport.loadPlan(url)
            let base = plan.reportDate!
            let notes: [String: [ProgressNote]] = [
                plan.items[0].id: [ProgressNote(day: base.adding(days: 3), kind: .progress, text: "完成现场核查：\n问题已整改", evidence: "核查记录")],
                plan.items[1].id: [ProgressNote(day: base.adding(days: 5), kind: .progress, text: "整改时限：年底前完成", done: 3, total: 8)],
            ]
            for day in [base, base.adding(days: 45), base.adding(days: 400)] {
                let trip = try RoundTrip(plan, at: ReportTestSupport.endOf(day), asOf: day, notes: notes)
                #expect(trip.mismatches == [], "\(url.lastPathComponent) as of \(day):\n\(trip.text)")
            }
        }
    }
}

extension DraftRoundTripTests {
    /// The .docx read back by the importer's Word reader: the seeds' plans, the plans written
    /// for the test and 50 generated ones.
    @Test func draftDocx_importsAsTheSameItems() throws {
        var plans: [(Plan, [String: [ProgressNote]])] = []
        for name in ["000_3f65e14414f6d587", "001_76357eb5244c6017", "002_b21dc3fc7ee4c764", "003_f4fc3cbe870c3dce", "004_03096bf25862ec47"] {
            plans.append((try ReportTestSupport.loadPlan(ReportTestSupport.seeds.appendingPathComponent("\(name).plan.json")), [:]))
        }
        for url in try ReportTestSupport.files(in: ReportTestSupport.fixtures.appendingPathComponent("plans"), ending: ".yaml") {
            plans.append((try ReportTestSupport.loadPlan(url), [:]))
        }
        for seed in 1...50 {
            var generator = PlanGenerator(seed: UInt64(1000 + seed))
            plans.append(generator.plan(id: "docx-\(seed)"))
        }
        var failures: [String] = []
        for (plan, notes) in plans {
            let day = plan.reportDate ?? plan.inspection!.feedbackDate!
            failures += try RoundTrip(plan, at: ReportTestSupport.endOf(day), asOf: day, notes: notes, via: .docx).mismatches
        }
        #expect(failures == [], "\(failures.joined(separator: "\n"))")
    }

    /// A clerk opens the draft in a word processor and saves it: LibreOffice Writer re-saves the
    /// .docx (its own WordprocessingML), and the importer still reads the same items.
    @Test func draftDocx_resavedByLibreOffice_importsAsTheSameItems() throws {
        let plan = try ReportTestSupport.loadPlan(ReportTestSupport.fixtures.appendingPathComponent("plans/h1_hospital.yaml"))
        let day = CalendarDate("2026-05-10")!
        let resave: (Data) throws -> Data = { data in
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("resave-\(UUID().uuidString)")
            let out = folder.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: folder) }
            let source = folder.appendingPathComponent("draft.docx")
            try data.write(to: source)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = [
                "soffice", "--headless", "--norestore", "-env:UserInstallation=file://\(folder.appendingPathComponent("profile").path)",
                "--convert-to", "docx:MS Word 2007 XML", "--outdir", out.path, source.path,
            ]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            return try Data(contentsOf: out.appendingPathComponent("draft.docx"))
        }
        let trip = try RoundTrip(plan, at: ReportTestSupport.endOf(day), asOf: day, via: .docxThrough(resave))
        #expect(trip.mismatches == [])
        #expect(trip.imported.items.count == plan.items.count)
    }
}

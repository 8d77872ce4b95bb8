import Foundation
import Testing
@testable import RectifyCore

struct PlanReaderTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    @Test func shippedExample_loadsAndHasEveryState() throws {
        let path = Self.repository.appendingPathComponent("config/plans/example.yaml").path
        let result = try PlanLoader().load([path])
        #expect(result.warnings.isEmpty)
        let report = StatusReport(plans: result.plans, at: instant("2026-11-22T00:00:00+08:00"))
        let states = Set(report.rows.map(\.evaluation.state))
        #expect(states == Set(ItemState.allCases))
    }

    @Test func everyErrorIsReported_withLineAndColumn() {
        let yaml = """
            plan:
              unit: 某县卫健局
              title: 台账
              time_zone: Mars/Olympus
            items:
              - id: a
                title: one
                statsu: done
              - id: a
                title: two
                status: in_progres
                deadline: 2025-02-29
              - id: b
                title: three
                status: done
                deadline: {date: 2026-04-15, precision: month}
                milestones:
                  - {title: step, deadline: 2026-03-31}
              - id: c
                title: four
                status: in_progress
                deadline: 2026-04-30
                milestones:
                  - {title: late step, deadline: 2026-05-31}
            """
        #expect(throws: PlanLoadError.self) { try PlanReader.read(yaml, file: "p.yaml") }
        do {
            _ = try PlanReader.read(yaml, file: "p.yaml")
        } catch {
            let lines = error.diagnostics.map(\.description)
            #expect(lines.contains { $0.hasPrefix("p.yaml:4:14:") && $0.contains("Mars/Olympus") })
            #expect(lines.contains { $0.hasPrefix("p.yaml:8:5:") && $0.contains("did you mean 'status'") })
            #expect(lines.contains { $0.hasPrefix("p.yaml:9:9:") && $0.contains("duplicate item id 'a'") })
            #expect(lines.contains { $0.hasPrefix("p.yaml:11:13:") && $0.contains("did you mean 'in_progress'") })
            #expect(lines.contains { $0.hasPrefix("p.yaml:12:15:") && $0.contains("2025-02 has 28 days") })
            #expect(lines.contains { $0.hasPrefix("p.yaml:16:22:") && $0.contains("not the last day of a month") })
            #expect(lines.contains { $0.contains("item 'c'") && $0.contains("after the item's deadline") })
            #expect(error.diagnostics.count >= 7)
        }
    }

    @Test func doneWithOpenMilestones_isAnError() {
        let yaml = """
            plan: {unit: u, title: t}
            items:
              - id: x
                title: x
                status: done
                deadline: 2026-04-30
                milestones: [{title: step, deadline: 2026-03-31}]
            """
        #expect {
            try PlanReader.read(yaml, file: "p.yaml")
        } throws: { error in
            (error as? PlanLoadError)?.diagnostics.first?.message.contains("status is done but milestone 'step'") == true
        }
    }

    /// Commands name an item PLAN/ID: a plan id with a '/' is refused at its line, in YAML and in
    /// JSON (whose fast reader leaves it to the slow one to say).
    @Test func aPlanIdWithASlash_isRefusedWhereItStands() {
        for (text, file, line) in [
            ("plan: {id: a/b, unit: u, title: t}\nitems: []\n", "p.yaml", 1),
            ("{\n \"plan\": {\"id\": \"a/b\", \"unit\": \"u\", \"title\": \"t\"},\n \"items\": []\n}\n", "p.json", 2),
        ] {
            #expect {
                try PlanReader.read(text, file: file)
            } throws: { error in
                let d = (error as? PlanLoadError)?.diagnostics.first
                return d?.line == line && d?.message.hasPrefix("plan.id 'a/b' may not contain '/'") == true
            }
        }
    }

    @Test func syntaxErrors_pointAtTheLine() {
        let yaml = "plan:\n  unit: [unclosed\nitems: []\n"
        #expect {
            try PlanReader.read(yaml, file: "bad.yaml")
        } throws: { error in
            let d = (error as? PlanLoadError)?.diagnostics.first
            return d?.line == 3 && d?.message.contains("not valid YAML") == true
        }
    }

    @Test func jsonFiles_useTheSameSchema_andReportLines() throws {
        let json = """
            {
              "plan": {"id": "j", "unit": "某县", "title": "台账"},
              "items": [
                {"id": "1", "title": "问题一", "status": "in_progress",
                 "deadline": {"date": "2026-04-30", "precision": "month", "text": "2026年4月底前", "line": 9}},
                {"id": "2", "title": "问题二", "status": "finished"}
              ]
            }
            """
        #expect {
            try PlanReader.read(json, file: "p.json")
        } throws: { error in
            (error as? PlanLoadError)?.diagnostics.first?.description.hasPrefix("p.json:6:43: error: items[1].status is 'finished'") == true
        }
        let good = json.replacingOccurrences(of: "finished", with: "not_started")
        let (plan, _) = try PlanReader.read(good, file: "p.json")
        #expect(plan.items[0].deadline == Deadline(date: day("2026-04-30"), precision: .month, text: "2026年4月底前", line: 9))
    }

    @Test func writerOutput_readsBackToTheSamePlan() throws {
        let path = Self.repository.appendingPathComponent("config/plans/example.yaml").path
        let (plan, _) = try PlanLoader().loadFile(path)
        for format in PlanWriter.Format.allCases {
            let text = try PlanWriter.render(plan, as: format)
            let (again, warnings) = try PlanReader.read(text, file: "again.\(format.rawValue)")
            #expect(again == plan)
            #expect(warnings.isEmpty)
        }
    }

    @Test func missingFilesAndBadDirectories_areReported_notCrashed() {
        #expect {
            try PlanLoader().load(["/nonexistent/plan.yaml"])
        } throws: { error in
            (error as? PlanLoadError)?.diagnostics.first?.message == "no such file or directory."
        }
    }
}

struct FastJSONPathTests {
    @Test func escapesAndSurrogates_decodeLikeYams() throws {
        let json = #"{"plan": {"unit": "\u793a\u4f8b\u53bf", "title": "t\"q\\ \/ \ud83d\ude00"}, "items": [{"id": "1", "title": "x", "status": "done"}]}"#
        let fast = try #require(FastJSONPlan.decode(Data(json.utf8), file: "e.json"))
        #expect(fast.unit == "示例县")
        #expect(fast.title == "t\"q\\ / 😀")
        // libyaml takes \u escapes but not surrogate pairs; compare the rest with the YAML path.
        let plain = json.replacingOccurrences(of: #" \ud83d\ude00"#, with: "")
        let (slow, _) = try PlanReader.read(plain, file: "e.yaml")
        #expect(slow.unit == fast.unit && slow.title + " 😀" == fast.title)
    }

    @Test func anythingStrange_fallsBackToTheReaderWithLines() {
        // An unknown nested key: the fast path gives up, the slow path names the line.
        let json = "{\n\"plan\": {\"unit\": \"u\", \"title\": \"t\"},\n\"items\": [{\"id\": \"1\", \"title\": \"x\", \"status\": \"done\",\n \"responsible\": {\"contacts\": [{\"name\": \"a\", \"mail\": \"a@b.c\"}]}}]}"
        #expect(FastJSONPlan.decode(Data(json.utf8), file: "p.json") == nil)
        #expect {
            try PlanReader.read(json, file: "p.json")
        } throws: { error in
            (error as? PlanLoadError)?.diagnostics.first?.description.hasPrefix("p.json:4:") == true
        }
        for bad in ["{", "{\"plan\": {\"unit\": \"u\", \"title\": \"t\"}, \"items\": [1]}", "[]", "{\"plan\": 3}"] {
            #expect(FastJSONPlan.decode(Data(bad.utf8), file: "b.json") == nil)
        }
    }

    /// Blocks repeated byte for byte are read once (`SpanMemo`): the plan must be what reading
    /// every block gives — the YAML path, which reads each one, is the reference — including
    /// blocks that share a beginning with one read before, shorter ones after longer ones, and a
    /// deadline given as a date.
    @Test func repeatedBlocks_readAsIfEachWereRead() throws {
        let blocks = [
            #"{"department": "医政股", "contacts": [{"name": "张三", "email": "z@x.cn"}]}"#,
            #"{"department": "医政股", "contacts": [{"name": "张三", "email": "z@x.cn"}], "leader": {"name": "李四", "level": "deputy"}}"#,
            #"{"department": "医政股"}"#,
            #"{"department": "医政股 "}"#,
            #"{"department": "办公室", "contacts": [{"name": "王五"}]}"#,
        ]
        let deadlines = [
            #"{"date": "2026-04-30", "precision": "month", "text": "2026年4月底前"}"#, #""2026-05-20""#,
            #"{"date": "2026-04-30", "precision": "month"}"#,
        ]
        var items: [String] = []
        for n in 0..<40 {
            let progress = n % 3 == 0 ? #", "progress": {"done": 1, "total": 4}"# : n % 3 == 1 ? #", "progress": {"done": 1, "total": 40}"# : ""
            items.append(
                #"{"id": "\#(n)", "title": "问题\#(n)", "status": "in_progress", "deadline": \#(deadlines[n % deadlines.count]), "responsible": \#(blocks[(n * 7) % blocks.count])\#(progress)}"#
            )
        }
        let json = #"{"plan": {"id": "m", "unit": "某县", "title": "台账"}, "items": [\#(items.joined(separator: ",\n"))]}"#
        let fast = try #require(FastJSONPlan.decode(Data(json.utf8), file: "m.json"))
        let (reference, _) = try PlanReader.read(json, file: "m.yaml")
        #expect(fast == reference)
        #expect(fast.items[1].responsible?.department == "医政股" && fast.items[4].responsible?.department == "医政股")
        // A block that starts like a memoized one but repeats a key is still refused.
        let twice = json.replacingOccurrences(
            of: #""responsible": {"department": "医政股"}, "progress": {"done": 1, "total": 40}"#,
            with: #""responsible": {"department": "医政股", "department": "x"}, "progress": {"done": 1, "total": 40}"#)
        #expect(twice != json)
        #expect(FastJSONPlan.decode(Data(twice.utf8), file: "m.json") == nil)
    }

    @Test func timestamps_fastPathAgreesWithTheFormatter() {
        for text in ["2026-11-05T11:00:00+08:00", "2026-11-05T03:00:00Z", "2024-02-29T23:59:59-05:30"] {
            var copy = text
            let fast = copy.withUTF8 { Timestamps.parseCommon(UnsafeRawBufferPointer($0)) }
            #expect(fast == (try? Date.ISO8601FormatStyle().parse(text)))
        }
        #expect(Timestamps.parse("2026-02-30T00:00:00Z") == nil)
    }
}

struct PlanDirectoryTests {
    @Test func aReportWithItsImportedPlanBeside_isLoadedOnce() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("plans-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let plan = #"{"plan": {"id": "r", "unit": "u", "title": "t"}, "items": []}"#
        try plan.write(to: dir.appendingPathComponent("r.plan.json"), atomically: true, encoding: .utf8)
        try "报告".write(to: dir.appendingPathComponent("r.txt"), atomically: true, encoding: .utf8)
        try "报告".write(to: dir.appendingPathComponent("other.txt"), atomically: true, encoding: .utf8)
        // Only other.txt reaches the importer: r.txt is represented by r.plan.json.
        let loader = PlanLoader(reportImporter: { _, file throws(PlanLoadError) in
            (Plan(id: URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent, unit: "u", title: "t"), [])
        })
        let result = try loader.load([dir.path])
        #expect(result.plans.map(\.id).sorted() == ["other", "r"])
        #expect(result.files.map { URL(fileURLWithPath: $0).lastPathComponent }.sorted() == ["other.txt", "r.plan.json"])
    }
}

struct FastYAMLPathTests {
    /// The slow path's reading of `text` (Yams' tree and FieldReader).
    static func slow(_ text: String, _ file: String = "p.yaml") throws -> Plan {
        try PlanReader.read(text, file: file, tryFast: false).0
    }

    @Test func shippedExampleAndSeeds_readTheSameByBothPaths() throws {
        let root = PlanReaderTests.repository
        var plans = [try PlanLoader().loadFile(root.appendingPathComponent("config/plans/example.yaml").path).0]
        let seeds = root.appendingPathComponent("seeds")
        for name in try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted() where name.hasSuffix(".plan.json") {
            plans.append(try PlanLoader().loadFile(seeds.appendingPathComponent(name).path).0)
        }
        for plan in plans {
            let text = try PlanWriter.render(plan, as: .yaml)
            let fast = try #require(PlanReader.fastYAML(text, file: "\(plan.id).yaml"), "\(plan.id)")
            #expect(fast == (try Self.slow(text, "\(plan.id).yaml")))
            #expect(fast == plan)
        }
    }

    @Test func scalars_meanWhatTheSlowPathMakesOfThem() throws {
        let text = """
            plan: {unit: " 示例县 ", title: t, report_date: 2026-09-30}
            items:
              - id: 12
                title: '  x  '
                status: in_progress
                text: ~
                category: [a, ' b ', null]
                milestones: [{title: m, deadline: 2026-05-31, done: Yes}]
                deadline: {date: 2026-06-30, precision: month, line: 007}
                progress: {done: 1, total: +4}
                last_update: 2026-05-01
              - {id: "13", title: y, status: done, text: '', review: []}
            """
        let fast = try #require(PlanReader.fastYAML(text, file: "s.yaml"))
        #expect(fast == (try Self.slow(text, "s.yaml")))
        #expect(fast.items[0].id == "12" && fast.items[0].title == "x" && fast.items[0].text == nil)
        #expect(fast.items[0].category == ["a", " b ", "null"])
        #expect(fast.items[0].milestones.first?.done == true && fast.items[0].progress?.total == 4)
        #expect(fast.items[1].text == "")
    }

    @Test func anythingUnusual_goesToTheSlowPath_whichNamesTheLine() {
        let base = "plan: {unit: u, title: t}\nitems:\n"
        let unusual = [
            "  - &a {id: '1', title: x, status: done}\n  - *a\n",  // anchor and alias
            "  - !!map {id: '1', title: x, status: done}\n",  // a tag
            "  - {id: '1', title: x, status: done, title: y}\n",  // a key twice
            "  - {id: '1', title: x, status: done, colour: red}\n",  // an unknown key
            "  - {id: '1', title: x, status: done}\n---\nplan: {}\n",  // a second document
            "  - {id: '1', title: [x], status: done}\n",  // a list where text belongs
            "  - {id: '1', title: x, status: done\n",  // a syntax error
        ]
        for tail in unusual {
            #expect(PlanReader.fastYAML(base + tail, file: "u.yaml") == nil, "\(tail)")
        }
        #expect {
            try PlanReader.read(base + "  - {id: '1', title: x, status: done, colour: red}\n", file: "u.yaml")
        } throws: { error in
            (error as? PlanLoadError)?.diagnostics.first?.description.hasPrefix("u.yaml:3:") == true
        }
    }
}

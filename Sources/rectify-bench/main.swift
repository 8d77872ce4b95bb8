// Benchmarks for bench/daemon.sh: load + evaluate 100k items, timer lateness.
import Foundation
import RectifyCore
import RectifyDaemon
import RectifyNotify

func peakRSSMegabytes() -> Double {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kb = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kb / 1024
    }
    return 0
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    guard !sorted.isEmpty else { return 0 }
    return sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * p))]
}

/// A plan file with `count` items in every state, as YAML.
func generatePlan(count: Int) -> String {
    var out = "plan:\n  id: bench\n  unit: 基准测试单位\n  title: 十万事项台账\n  report_date: 2026-09-30\n"
    out += "  owner: {name: 整改办, email: zgb@example.gov.cn}\nitems:\n"
    let start = CalendarDate(year: 2026, month: 6, day: 1)!
    for i in 0..<count {
        let deadline = start.adding(days: i % 700)
        let status = ["in_progress", "in_progress", "not_started", "done", "long_term"][i % 5]
        out += "  - id: \"\(i)\"\n    title: 第\(i)项整改任务\n    status: \(status)\n"
        if status != "long_term" { out += "    deadline: {date: \(deadline), precision: day, text: \(deadline)前完成}\n" }
        if i % 7 == 0 && status != "done" { out += "    progress: {done: \(i % 50), total: 100}\n    start: 2026-06-01\n" }
        out += "    responsible: {department: 第\(i % 40)股, contacts: [{name: 人员\(i % 300), email: p\(i % 300)@example.gov.cn}]}\n"
        out += "    last_update: 2026-\(String(format: "%02d", 9 + i % 3))-15T10:00:00+08:00\n"
    }
    return out
}

let args = CommandLine.arguments
let mode = args.count > 1 ? args[1] : "all"
let count = args.count > 2 ? Int(args[2]) ?? 100_000 : 100_000  // generate/timer: items; load: ignored

if mode == "generate" {
    // A plan of `count` items at the path in argv[3], as `rectifyctl import` writes one: JSON,
    // or YAML when the path ends in .yaml.
    let path = args[3]
    let yamlPath = path + ".source.yaml"
    try generatePlan(count: count).write(toFile: yamlPath, atomically: true, encoding: .utf8)
    let (generated, _) = try PlanLoader().loadFile(yamlPath)
    try? FileManager.default.removeItem(atPath: yamlPath)
    let format: PlanWriter.Format = path.hasSuffix(".yaml") || path.hasSuffix(".yml") ? .yaml : .json
    try PlanWriter.render(generated, as: format).write(toFile: path, atomically: true, encoding: .utf8)
}
if mode == "load" {
    // Load and evaluate the plan at argv[3] in a fresh process, as the daemon does at start.
    let path = args[3]
    let baseline = peakRSSMegabytes()
    let t0 = Date()
    let result = try PlanLoader().load([path])
    let t1 = Date()
    let now = Date()
    let evaluator = DeadlineEvaluator()
    var lagging = 0
    var nextWake = Date.distantFuture
    for plan in result.plans {
        let context = PlanContext(plan: plan)
        for item in plan.items {
            let e = evaluator.evaluate(item, context: context, at: now)
            if e.state.lags { lagging += 1 }
            if let next = e.nextChange, next < nextWake { nextWake = next }
        }
    }
    let t2 = Date()
    print(String(format: "load_items\t%d", result.plans.reduce(0) { $0 + $1.items.count }))
    print(String(format: "load_seconds\t%.3f", t1.timeIntervalSince(t0)))
    print(String(format: "evaluate_seconds\t%.3f", t2.timeIntervalSince(t1)))
    print(String(format: "load_and_evaluate_seconds\t%.3f", t2.timeIntervalSince(t0)))
    print(String(format: "lagging_items\t%d", lagging))
    print(String(format: "peak_rss_mb\t%.1f", peakRSSMegabytes()))
    print(String(format: "rss_before_load_mb\t%.1f", baseline))
}
if mode == "coldstart" {
    // coldstart 0 CONFIG: the daemon's start-up and backlog delivery, synchronously (a fresh
    // state directory is the caller's to provide).
    let result = try Benchmarks.coldStart(configPath: args[3])
    print(String(format: "coldstart_ready_seconds\t%.3f", result.ready))
    print(String(format: "coldstart_delivered_entries\t%d", result.delivered))
    print(String(format: "coldstart_delivering_seconds\t%.3f", result.delivering))
    print(String(format: "peak_rss_mb\t%.1f", peakRSSMegabytes()))
}
if mode == "render" {
    // render N: one notice of N entries (all kinds, colours, long titles) rendered as its mail
    // text and HTML; the median of 5 runs. The daemon caps notices at 200 entries (parts), a
    // robot digest merges a batch of any size.
    let kinds: [AlertKind] = [.escalation, .overdue, .milestoneMissed, .reminder, .stale, .noDeadline]
    let entries = (0..<count).map { i in
        NoticeEntry(
            kind: kinds[i % kinds.count], planID: "bench-\(i % 7)", planTitle: "某县卫生健康局关于第\(i % 7)轮巡察整改进展情况的通报",
            unit: "某县卫生健康局", itemID: "\(i / 10).\(i % 10)", itemTitle: "第\(i)项：加强实验室生物安全管理，完善检测质量控制体系 <b>&</b>",
            state: .overdue, colour: [WarningColour.red, .yellow, .green][i % 3],
            deadline: Deadline(date: CalendarDate(year: 2026, month: 5, day: 1 + i % 28)!, precision: .day, text: "2026年5月底前完成", line: i + 1),
            daysOverdue: i % 90, responsible: "第\(i % 40)股（人员\(i % 300)）", mobiles: ["1380000\(String(format: "%04d", i % 10_000))"],
            evidence: Evidence(text: "2026年5月底前完成", line: i + 1), daysSinceUpdate: 30)
    }
    let notice = AlertNotice(
        id: "bench", receiver: "mail", recipient: "zgb@example.gov.cn", recipientName: "整改办", entries: entries, createdAt: Date())
    let renderer = NoticeRenderer(sender: "整改办")
    var times: [Double] = []
    var bytes = 0
    for _ in 0..<5 {
        let t0 = Date()
        let rendered = renderer.render(notice)
        times.append(Date().timeIntervalSince(t0) * 1000)
        bytes = rendered.text.utf8.count + rendered.html.utf8.count
    }
    print(String(format: "render_ms\t%.2f", percentile(times, 0.5)))
    print("render_bytes\t\(bytes)")
}
if mode == "split" {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("rectify-bench-split.json").path
    if !FileManager.default.fileExists(atPath: path) {
        let yamlPath = path + ".yaml"
        try generatePlan(count: count).write(toFile: yamlPath, atomically: true, encoding: .utf8)
        let (generated, _) = try PlanLoader().loadFile(yamlPath)
        try PlanWriter.render(generated, as: .json).write(toFile: path, atomically: true, encoding: .utf8)
        print("generated; run again")
        exit(0)
    }
    let t0 = Date()
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    let text = String(decoding: data, as: UTF8.self)
    let t1 = Date()
    let t2 = Date()
    let (plan, _) = try PlanReader.read(text, file: path)
    let t3 = Date()
    print("read", t1.timeIntervalSince(t0), "jsonserialization", t2.timeIntervalSince(t1), "PlanReader.read", t3.timeIntervalSince(t2), plan.items.count)
    print(String(format: "peak_rss_mb\t%.1f", peakRSSMegabytes()))
}
if mode == "control" {
    // control SOCKET PATH CLIENTS SECONDS: requests/s and latency of one endpoint, each
    // client a thread sending requests back to back (a new connection each, like rectifyctl).
    let socket = args[3], path = args[4]
    let clients = Int(args[5]) ?? 50, seconds = Double(args[6]) ?? 10
    /// `@unchecked Sendable`: `latencies` and `failures` are guarded by `lock`.
    final class Tally: @unchecked Sendable {
        let lock = NSLock()
        var latencies: [Double] = []
        var failures = 0
    }
    let tally = Tally()
    let group = DispatchGroup()
    let end = Date().addingTimeInterval(seconds)
    for _ in 0..<clients {
        group.enter()
        Thread.detachNewThread {
            var mine: [Double] = []
            var failed = 0
            while Date() < end {
                let t0 = Date()
                let ok = (try? UnixSocketHTTP.request(socket: socket, method: "GET", path: path).status) == 200
                if ok { mine.append(Date().timeIntervalSince(t0)) } else { failed += 1 }
            }
            tally.lock.lock()
            tally.latencies += mine
            tally.failures += failed
            tally.lock.unlock()
            group.leave()
        }
    }
    group.wait()
    let latencies = tally.latencies, failures = tally.failures
    print(String(format: "requests\t%d", latencies.count))
    print(String(format: "failures\t%d", failures))
    print(String(format: "requests_per_second\t%.1f", Double(latencies.count) / seconds))
    print(String(format: "latency_p50_ms\t%.2f", percentile(latencies, 0.5) * 1000))
    print(String(format: "latency_p99_ms\t%.2f", percentile(latencies, 0.99) * 1000))
}
if mode == "timer" || mode == "all" {
    let lateness = Benchmarks.timerLateness(count: count, spread: 5)
    print(String(format: "timer_instants\t%d", lateness.count))
    print(String(format: "timer_lateness_p50_ms\t%.3f", percentile(lateness, 0.5) * 1000))
    print(String(format: "timer_lateness_p99_ms\t%.3f", percentile(lateness, 0.99) * 1000))
    print(String(format: "timer_lateness_max_ms\t%.3f", (lateness.max() ?? 0) * 1000))
}

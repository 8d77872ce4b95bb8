import Foundation
import RectifyCore
import RectifyStore

/// `GET /v1/metrics`: Prometheus text — items by state, delivery counters, the outbox, the
/// state database's health and the last evaluation.
struct MetricsRoutes {
    var context: ControlContext

    func register(in router: inout ControlRouter) {
        router.add("GET", "/v1/metrics") { _ throws(ControlError) in try metrics() }
    }

    func metrics() throws(ControlError) -> ControlResponse {
        let evaluated = context.evaluations.current()
        var states: [String: Int] = [:]
        for standing in evaluated?.evaluations ?? [] { states[standing.state.rawValue, default: 0] += 1 }
        let stats: [DeliveryTotals]
        let outbox: (pending: Int, failed: Int)
        do {
            stats = try context.store.deliveryTotals()
            outbox = try context.store.outboxCounts()
        } catch {
            throw .internal("the state database cannot be read: \(error)")
        }
        var text = PrometheusText()
        text.family("rectifyd_items", "gauge", "Items by evaluated state.")
        for state in ItemState.allCases { text.sample("rectifyd_items", ["state": state.rawValue], states[state.rawValue] ?? 0) }
        text.family("rectifyd_deliveries_total", "counter", "Delivery attempts by receiver and outcome.")
        for s in stats { text.sample("rectifyd_deliveries_total", ["receiver": s.receiver, "outcome": s.outcome], s.count) }
        text.family("rectifyd_delivery_seconds_sum", "counter", "Time spent on confirmed deliveries.")
        for s in stats where s.outcome == "delivered" {
            text.sample("rectifyd_delivery_seconds_sum", ["receiver": s.receiver], String(format: "%.6f", s.seconds))
            text.sample("rectifyd_delivery_seconds_count", ["receiver": s.receiver], s.count)
        }
        text.family("rectifyd_outbox", "gauge", "Notices waiting (pending) or given up (failed).")
        text.sample("rectifyd_outbox", ["status": "pending"], outbox.pending)
        text.sample("rectifyd_outbox", ["status": "failed"], outbox.failed)
        text.family("rectifyd_storage_healthy", "gauge", "1 while the state database takes writes, 0 while it refuses them.")
        text.sample("rectifyd_storage_healthy", [:], context.health.failure == nil ? 1 : 0)
        text.family("rectifyd_storage_write_failures_total", "counter", "Writes the state database refused since start.")
        text.sample("rectifyd_storage_write_failures_total", [:], context.health.failureCount)
        text.family("rectifyd_last_evaluation_timestamp_seconds", "gauge", "When items were last evaluated.")
        text.sample(
            "rectifyd_last_evaluation_timestamp_seconds", [:], evaluated?.view.lastEvaluation?.timeIntervalSince1970 ?? 0)
        return ControlResponse(status: 200, body: Data(text.text.utf8), contentType: "text/plain; version=0.0.4")
    }
}

/// The Prometheus text exposition format: `# HELP`/`# TYPE` per family, one line per sample.
struct PrometheusText {
    private var lines: [String] = []

    mutating func family(_ name: String, _ type: String, _ help: String) {
        lines.append("# HELP \(name) \(help)")
        lines.append("# TYPE \(name) \(type)")
    }

    mutating func sample(_ name: String, _ labels: KeyValuePairs<String, String>, _ value: some CustomStringConvertible) {
        let rendered = labels.map { "\($0.key)=\"\(Self.escape($0.value))\"" }
        lines.append(name + (rendered.isEmpty ? "" : "{\(rendered.joined(separator: ","))}") + " \(value)")
    }

    var text: String { lines.joined(separator: "\n") + "\n" }

    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }
}

import Foundation
import Testing

@testable import RectifyNotify

/// The benchmark line: how many due items one robot can report in one digest cycle (the
/// messages its rate limit allows in a minute, each filled to the size limit).
struct RobotThroughputTests {
    @Test func itemsPerDigestCycle_ofEachRobot() {
        var lines: [String] = []
        for (kind, format) in [(RobotKind.wecom, RobotFormat.markdown), (.wecom, .text), (.dingtalk, .markdown), (.feishu, .card)] {
            let started = ContinuousClock.now
            let messages = RobotDigest(kind: kind, format: format, mentions: true, sender: "鹿寨县疾控中心整改办")
                .messages(for: RobotFixtures.burst(2000))
            let elapsed = ContinuousClock.now - started
            let smallest = messages.dropLast().map { $0.sections.flatMap(\.lines).count }.min() ?? 2000
            let perMinute = kind.defaultLimit.perWindow
            lines.append(
                "robot digest: \(kind.rawValue) \(format.rawValue) ≤\(format.byteLimit(kind)) B → ≥\(smallest) items/message × "
                    + "\(perMinute) messages/min = ≥\(smallest * perMinute) items per digest cycle "
                    + "(2000 items in \(messages.count) messages, composed in \(elapsed))")
            #expect(smallest * perMinute >= 200)
        }
        print(lines.joined(separator: "\n"))
    }
}

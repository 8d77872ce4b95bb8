import Foundation
import RectifyCore

/// The words of a notice in one language. `NoticeRenderer` decides what is said and in
/// which order; a wording only says it.
protocol NoticeWording {
    var languageTag: String { get }
    var labels: RowLabels { get }
    var nextStepsTitle: String { get }

    func subject(colour: WarningColour?, kinds: [AlertKind], itemCount: Int, units: [String]) -> String
    func greeting(_ name: String?) -> String
    func intro(at time: LocalTime, zone: TimeZoneLabel, plans: [String], itemCount: Int) -> String
    func sectionTitle(_ kind: AlertKind, index: Int, count: Int) -> String
    func colourLabel(_ colour: WarningColour?) -> String
    func deadline(_ entry: NoticeEntry) -> String
    func timing(_ entry: NoticeEntry) -> String
    func responsible(_ entry: NoticeEntry) -> String
    func evidence(_ text: String, line: Int?) -> String
    func nextSteps(kinds: Set<AlertKind>, exampleItem: String?) -> [NextStep]
    func signature(sender: String?, at time: LocalTime) -> [String]
    func footer(noticeID: String) -> String
}

/// How a notice names its time zone: "北京时间" for Asia/Shanghai, else the UTC offset.
struct TimeZoneLabel {
    var identifier: String
    var offset: String

    var isBeijing: Bool { ["Asia/Shanghai", "Asia/Chongqing", "Asia/Harbin", "PRC"].contains(identifier) }
}

extension NoticeWording {
    /// The command line to type, with the item id quoted for a POSIX shell when it needs it.
    func command(_ verb: String, item: String, arguments: String) -> String {
        let safe = item.unicodeScalars.allSatisfy {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0))
        }
        let quoted = safe && !item.isEmpty ? item : "'" + item.replacingOccurrences(of: "'", with: "'\\''") + "'"
        return "rectifyctl \(verb) \(quoted) \(arguments)"
    }
}

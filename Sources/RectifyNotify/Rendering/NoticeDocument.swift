import RectifyCore

/// What a notice says, composed once (`NoticeComposer`) and laid out per channel: `TextLayout`
/// and `HTMLLayout` (the two bodies of a mail; the webhook carries the subject and text),
/// `RobotDigest` + `RobotLayout` (chat messages, split into parts).
struct NoticeDocument {
    /// The language (layouts take punctuation and part numbers from its phrase table).
    var phrases: NoticeLanguage
    var subject: String
    /// Trial mode: the line that says whom the notice was meant for (first in every layout).
    var trialNote: String?
    /// The most severe colour of the entries.
    var colour: WarningColour?
    var greeting: String
    /// "截至2026年5月6日 09:00（北京时间）": a chat message's opening line.
    var asOf: String
    var intro: String
    var sections: [NoticeSection]
    var nextSteps: [NextStep]
    /// The sender (office) and the date, right-aligned at the end like a signed notice.
    var signature: [String]
    var footer: String
    /// The last line of a chat message (who sent it).
    var chatFooter: String
    /// The signed link of the notice (a chat message carries it under its rows).
    var link: String? = nil

    var language: String { phrases.tag }
    var labels: RowLabels { phrases.labels }
    var nextStepsTitle: String { phrases.nextStepsTitle }
}

/// The entries of one alert kind ("一、逾期未完成事项（2项）").
struct NoticeSection {
    var title: String
    var kind: AlertKind
    var rows: [NoticeRow]
}

/// One item's line, every column already worded.
struct NoticeRow {
    var number: Int
    var colour: WarningColour?
    var colourLabel: String
    /// The plan's id: with `itemID` it names the item in commands (`PLAN/ID`).
    var planID: String
    var itemID: String
    var itemTitle: String
    var plan: String
    var deadline: String
    var timing: String
    var responsible: String
    var evidence: String?
    /// Phones of the responsible people (chat robots @-mention them).
    var mobiles: [String] = []
    /// The notices of the batch (indices) this row came from.
    var notices: Set<Int> = []
    /// The entries the row stands for, each as kind, plan, item and milestone: the same entry in
    /// any notice (`NoticeComposer.key`). One item is one row, whatever its kinds.
    var keys: [String] = []
}

/// Column and field names of a row.
struct RowLabels {
    var number: String
    var colour: String
    var item: String
    var itemID: String
    var plan: String
    var deadline: String
    var timing: String
    var responsible: String
    var evidence: String
}

/// What the recipient should do, with the command or the link that does it.
struct NextStep {
    var text: String
    var command: String?
    /// The recipient's signed link (the web page of the notice) and a line about it.
    var link: String? = nil
    var linkNote: String? = nil
}

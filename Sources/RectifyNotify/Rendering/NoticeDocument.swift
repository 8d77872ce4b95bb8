import RectifyCore

/// A notice laid out but not yet formatted: the words are chosen (by language), the order is
/// fixed; `TextLayout` and `HTMLLayout` turn it into the two bodies of one mail.
struct NoticeDocument {
    var language: String
    var subject: String
    var greeting: String
    var intro: String
    var labels: RowLabels
    var sections: [NoticeSection]
    var nextStepsTitle: String
    var nextSteps: [NextStep]
    /// The sender (office) and the date, right-aligned at the end like a signed notice.
    var signature: [String]
    var footer: String
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
    var itemID: String
    var itemTitle: String
    var plan: String
    var deadline: String
    var timing: String
    var responsible: String
    var evidence: String?
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

/// What the recipient should do, with the command that does it.
struct NextStep {
    var text: String
    var command: String?
}

import Foundation
/// The text/plain body: the notice as an office would type it, one field per line.
enum TextLayout {
    static func render(_ document: NoticeDocument) -> String {
        let phrases = document.phrases
        let colon = phrases.colon
        let labels = document.labels
        var lines: [String] = [document.subject, "", document.greeting, "", phrases.paragraphIndent + document.intro]
        if let note = document.trialNote { lines.insert(contentsOf: [note, ""], at: 0) }

        for section in document.sections {
            lines += ["", section.title, ""]
            for row in section.rows {
                var fields: [(String, String)] = [
                    (labels.itemID, row.itemID), (labels.plan, row.plan),
                ]
                if row.colour != nil { fields.append((labels.colour, row.colourLabel)) }
                fields += [
                    (labels.deadline, row.deadline), (labels.timing, row.timing),
                    (labels.responsible, row.responsible),
                ]
                if let evidence = row.evidence { fields.append((labels.evidence, evidence)) }
                lines.append("  \(row.number). \(row.itemTitle)")
                lines += fields.map { "     \($0.0)\(colon)\($0.1)" }
                lines.append("")
            }
            lines.removeLast()
        }

        lines += ["", document.nextStepsTitle + phrases.headingColon]
        for (index, step) in document.nextSteps.enumerated() {
            lines.append("  \(index + 1). \(step.text)")
            if let command = step.command { lines.append("       \(command)") }
            if let link = step.link { lines.append("       \(link)") }
            if let note = step.linkNote { lines.append("       \(note)") }
        }
        lines.append("")
        lines += document.signature.map { String(repeating: " ", count: 24) + $0 }
        lines += ["", "——————", document.footer]
        return lines.joined(separator: "\n") + "\n"
    }
}

import RectifyCore

/// The text/html body: the same notice with one coloured table per section. Styles are
/// inline because mail clients drop `<style>` blocks.
enum HTMLLayout {
    static func render(_ document: NoticeDocument) -> String {
        let labels = document.labels
        var html = """
            <!DOCTYPE html>
            <html lang="\(document.language)">
            <head><meta charset="utf-8"><title>\(escape(document.subject))</title></head>
            <body style="margin:0;padding:16px;background:#f5f5f5;">
            <div style="max-width:980px;margin:0 auto;background:#ffffff;padding:24px 28px;font-family:'Microsoft YaHei','PingFang SC','Noto Sans CJK SC',Arial,sans-serif;font-size:14px;line-height:1.7;color:#222222;">
            \(document.trialNote.map { "<p style=\"margin:0 0 16px;padding:8px 12px;background:#fff8e1;border:1px solid #f9ab00;\">\(escape($0))</p>" } ?? "")
            <h2 style="margin:0 0 16px;font-size:20px;color:\(headingColour(document));text-align:center;">\(escape(document.subject))</h2>
            <p style="margin:0 0 8px;">\(escape(document.greeting))</p>
            <p style="margin:0 0 16px;text-indent:2em;">\(escape(document.intro))</p>

            """
        let headers = [
            labels.number, labels.colour, labels.item, labels.deadline, labels.timing, labels.responsible,
            labels.evidence,
        ]
        for section in document.sections {
            html += "<h3 style=\"margin:20px 0 8px;font-size:16px;\">\(escape(section.title))</h3>\n"
            html += "<table style=\"border-collapse:collapse;width:100%;\" cellpadding=\"6\">\n<tr>"
            html += headers.map {
                "<th style=\"\(cell)background:#eeeeee;text-align:left;white-space:nowrap;\">\(escape($0))</th>"
            }.joined()
            html += "</tr>\n"
            for row in section.rows { html += tableRow(row, labels: labels) }
            html += "</table>\n"
        }
        html +=
            "<h3 style=\"margin:20px 0 8px;font-size:16px;\">\(escape(document.nextStepsTitle))</h3>\n<ol style=\"margin:0;padding-left:24px;\">\n"
        for step in document.nextSteps {
            html += "<li>\(escape(step.text))"
            if let command = step.command {
                html +=
                    "<br><code style=\"background:#f0f0f0;padding:2px 6px;font-family:Consolas,monospace;\">\(escape(command))</code>"
            }
            if let link = step.link {
                html +=
                    "<br><a href=\"\(escape(link))\" style=\"display:inline-block;margin:6px 0;padding:6px 14px;background:#1a73e8;color:#ffffff;text-decoration:none;border-radius:4px;\">\(escape(document.phrases.linkLabel))</a>"
                    + "<br><span style=\"font-size:12px;color:#666666;word-break:break-all;\">\(escape(link))</span>"
            }
            if let note = step.linkNote { html += "<br><span style=\"font-size:12px;color:#666666;\">\(escape(note))</span>" }
            html += "</li>\n"
        }
        html += "</ol>\n<p style=\"margin:24px 0 0;text-align:right;\">"
        html += document.signature.map(escape).joined(separator: "<br>")
        html +=
            "</p>\n<p style=\"margin:24px 0 0;padding-top:8px;border-top:1px solid #dddddd;font-size:12px;color:#888888;\">\(escape(document.footer))</p>\n"
        html += "</div>\n</body>\n</html>\n"
        return html
    }

    private static let cell = "border:1px solid #d0d0d0;vertical-align:top;"

    private static func tableRow(_ row: NoticeRow, labels: RowLabels) -> String {
        let palette = Palette(row.colour)
        let badge =
            row.colour == nil
            ? escape(row.colourLabel)
            : "<span style=\"display:inline-block;padding:1px 8px;border-radius:3px;background:\(palette.badge);color:\(palette.badgeText);white-space:nowrap;\">\(escape(row.colourLabel))</span>"
        let item =
            "<strong>\(escape(row.itemTitle))</strong><br><span style=\"color:#666666;font-size:12px;\">\(escape(labels.itemID)) \(escape(row.itemID)) · \(escape(row.plan))</span>"
        let columns = [
            escape(String(row.number)), badge, item, escape(row.deadline),
            "<span style=\"color:\(palette.text);font-weight:bold;\">\(escape(row.timing))</span>",
            escape(row.responsible), row.evidence.map(escape) ?? "—",
        ]
        return "<tr style=\"background:\(palette.row);\">" + columns.map { "<td style=\"\(cell)\">\($0)</td>" }.joined()
            + "</tr>\n"
    }

    private static func headingColour(_ document: NoticeDocument) -> String {
        let colours = document.sections.flatMap { $0.rows.compactMap(\.colour) }
        return Palette(colours.max()).text
    }

    /// The three-colour practice as colours: a tinted row, a solid badge, a readable text colour.
    private struct Palette {
        var row: String
        var badge: String
        var badgeText: String
        var text: String

        init(_ colour: WarningColour?) {
            switch colour {
            case .red: (row, badge, badgeText, text) = ("#fdecea", "#d93025", "#ffffff", "#c5221f")
            case .yellow: (row, badge, badgeText, text) = ("#fff8e1", "#f9ab00", "#222222", "#a05a00")
            case .green: (row, badge, badgeText, text) = ("#e6f4ea", "#1e8e3e", "#ffffff", "#137333")
            case nil: (row, badge, badgeText, text) = ("#ffffff", "#9e9e9e", "#ffffff", "#222222")
            }
        }
    }

    static func escape(_ text: String) -> String { Markup.html(text) }
}

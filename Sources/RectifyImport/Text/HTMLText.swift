import Foundation

/// The text of a saved web page (a 通报 as published on the unit's site): scripts, styles and
/// tags dropped, block ends as line breaks, entities decoded. Not a full HTML parser — the
/// importer needs the words and the line breaks, nothing else.
enum HTMLText {
    static func text(of html: String) -> String {
        var s = fromTitle(withoutScripts(html))
        s = flattenTables(s)
        s = s.replacingOccurrences(
            of: "<\\s*(br|/p|/div|/li|/tr|/h[1-6]|/table|/section|/article|p|div|tr|h[1-6])\\b[^>]*>", with: "\n",
            options: [.regularExpression, .caseInsensitive])
        s = s.replacingOccurrences(of: "<\\s*(td|th)\\b[^>]*>", with: "\t", options: [.regularExpression, .caseInsensitive])
        s = s.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        s = decodeEntities(s)
        // Rows of a flattened table keep their leading tabs (empty cells under a merged one).
        let lines = s.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in
                let trimmed = line.trimmingCharacters(in: CharacterSet(charactersIn: " \u{00A0}\u{3000}\r"))
                return trimmed.hasPrefix("\t") && trimmed.contains(where: { $0 != "\t" }) && trimmed.filter({ $0 == "\t" }).count >= 3
                    ? trimmed : trimmed.trimmingCharacters(in: CharacterSet(charactersIn: " \t\u{00A0}\u{3000}\r"))
            }
        var out: [String] = []
        for line in lines where !(line.isEmpty && (out.last?.isEmpty ?? true)) { out.append(line) }
        return out.joined(separator: "\n")
    }

    /// The page without what a reader does not see: scripts, styles, the head, comments.
    static func withoutScripts(_ html: String) -> String {
        var s = html
        for tag in ["script", "style", "head", "noscript"] {
            s = s.replacingOccurrences(
                of: "<\(tag)\\b[^>]*>[\\s\\S]*?</\(tag)\\s*>", with: " ", options: [.regularExpression, .caseInsensitive])
        }
        return s.replacingOccurrences(of: "<!--[\\s\\S]*?-->", with: "", options: .regularExpression)
    }

    /// The page from its report title on: what a portal puts before it (the site's name,
    /// navigation, 当前位置) is chrome. The title is the first h1–h3 that names a report
    /// (通报, 报告, 情况, 方案, 公告, 公示), else the first short element whose class or id says
    /// title (`<div class="title">`, `<td id="artTitle">`, as many portals' templates write it);
    /// without one, the page is kept whole.
    static func fromTitle(_ html: String) -> String {
        let patterns = [
            "<h[1-3]\\b[^>]*>([\\s\\S]*?)</h[1-3]\\s*>",
            "<(?:div|p|td|span|strong)\\b[^>]*\\b(?:class|id)\\s*=\\s*[\"'][^\"']*title[^\"']*[\"'][^>]*>([\\s\\S]*?)</(?:div|p|td|span|strong)\\s*>",
        ]
        let ns = html as NSString
        for pattern in patterns {
            guard let regex = try? NSRegularExpression(pattern: pattern, options: [.caseInsensitive]) else { continue }
            for match in regex.matches(in: html, range: NSRange(location: 0, length: ns.length)) {
                let inner = ns.substring(with: match.range(at: 1)).replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
                if inner.count <= 100, ["通报", "报告", "情况", "方案", "公告", "公示"].contains(where: { inner.contains($0) }) {
                    return ns.substring(from: match.range.location)
                }
            }
        }
        return html
    }

    /// Tables as lines of tab-separated cells, a row per line, with merged cells laid out on
    /// the grid: a cell spanning rows (rowspan) leaves its place empty in the rows below, one
    /// spanning columns (colspan) leaves empty cells after it. A cell's own line breaks become
    /// spaces.
    static func flattenTables(_ html: String) -> String {
        let page = html as NSString
        var out = ""
        var last = 0
        for table in HTMLTableGrid.tables(in: html) {
            out += page.substring(with: NSRange(location: last, length: table.range.location - last))
            last = table.range.location + table.range.length
            let lines = table.grid(empty: "") { cellText($0.html) }
                .filter { $0.contains { !$0.isEmpty } }
                .map { $0.joined(separator: "\t") }
            out += "\n" + lines.joined(separator: "\n") + "\n"
        }
        out += page.substring(from: last)
        return out
    }

    /// A cell's text on one line: its line breaks and the source's wrapping become spaces.
    private static func cellText(_ html: String) -> String {
        var text = html.replacingOccurrences(of: "<\\s*(br|p|/p|div|/div)\\b[^>]*>", with: " ", options: [.regularExpression, .caseInsensitive])
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "[\\t\\r\\n]+", with: " ", options: .regularExpression)
        return text.trimmingCharacters(in: .whitespaces)
    }

    private static let named: [String: String] = [
        "nbsp": " ", "lt": "<", "gt": ">", "amp": "&", "quot": "\"", "apos": "'", "ldquo": "“", "rdquo": "”",
        "lsquo": "‘", "rsquo": "’", "mdash": "—", "hellip": "…", "middot": "·", "emsp": "\u{3000}", "ensp": " ",
    ]

    static func decodeEntities(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            result += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            if let semi = after.prefix(10).firstIndex(of: ";") {
                let name = String(after[..<semi])
                var replacement: String?
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    replacement = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                } else if name.hasPrefix("#") {
                    replacement = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                } else {
                    replacement = named[name.lowercased()]
                }
                if let replacement {
                    result += replacement
                    rest = after[after.index(after: semi)...]
                    continue
                }
            }
            result += "&"
            rest = after
        }
        return result + rest
    }
}

import Foundation

/// A port of `../shared/tools/score-import` (Python): finds each gold item's snippet in the
/// plan's items and checks its status and deadline. Keep the matching rules in step with the
/// tool: NFKC folding, white space removed, a leading numbering marker and edge punctuation
/// may be absent from the title, titles first, then the shortest text.
enum ImportScore {
    struct Row {
        var snippet: String
        var found: Bool
        var statusOK: Bool
        var deadlineOK: Bool
        var got: String
        var want: String
        var fullyRight: Bool { found && statusOK && deadlineOK }
    }

    /// `norm`: NFKC, then every white-space code point removed (Python's `str.isspace`).
    static func norm(_ s: String) -> [Unicode.Scalar] {
        s.precomposedStringWithCompatibilityMapping.unicodeScalars.filter { !isPythonSpace($0) }
    }

    static func isPythonSpace(_ c: Unicode.Scalar) -> Bool {
        // Python: bidirectional class WS, B or S, or category Zs.
        if (0x09...0x0D).contains(c.value) || (0x1C...0x1F).contains(c.value) || c.value == 0x85 { return true }
        return c.properties.generalCategory == .spaceSeparator || c.value == 0x2028 || c.value == 0x2029
    }

    /// `MARKER`: （14） 1. 1、 一是 二、 at the start (after `norm`).
    static let marker = try! NSRegularExpression(
        pattern: "^(?:[(（]\\s*[0-9一二三四五六七八九十]+\\s*[)）]|[0-9]+\\s*[.、．]|[一二三四五六七八九十]+\\s*[是、])")

    static func isPunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
            .finalPunctuation, .otherPunctuation:
            return true
        default: return false
        }
    }

    /// `core`: the snippet without a leading marker or edge punctuation.
    static func core(_ snippet: String) -> [Unicode.Scalar] {
        let s = String(String.UnicodeScalarView(norm(snippet)))
        let stripped = marker.stringByReplacingMatches(
            in: s, range: NSRange(s.startIndex..., in: s), withTemplate: "")
        var scalars = Array(stripped.unicodeScalars)
        let punct = Set(scalars.filter(isPunctuation))
        while let first = scalars.first, punct.contains(first) { scalars.removeFirst() }
        while let last = scalars.last, punct.contains(last) { scalars.removeLast() }
        return scalars
    }

    static func contains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        for i in 0...(haystack.count - needle.count) where haystack[i] == needle[0] {
            if Array(haystack[i..<(i + needle.count)]) == needle { return true }
        }
        return false
    }

    static func match(_ snippet: String, _ items: [[String: Any]]) -> [String: Any]? {
        let candidates = [norm(snippet), core(snippet)]
        for s in candidates where !s.isEmpty {
            for item in items where contains(norm(item["title"] as? String ?? ""), s) { return item }
        }
        for s in candidates where !s.isEmpty {
            let hits = items.filter { contains(norm($0["text"] as? String ?? ""), s) }
            // Python's min() keeps the first of equal lengths; lengths are in code points.
            if let best = hits.enumerated().min(by: { a, b in
                let la = (textLength(a.element)), lb = (textLength(b.element))
                return la != lb ? la < lb : a.offset < b.offset
            }) {
                return best.element
            }
        }
        return nil
    }

    static func textLength(_ item: [String: Any]) -> Int { (item["text"] as? String ?? "").unicodeScalars.count }

    static func deadline(of item: [String: Any]) -> String? {
        var value: Any? = item["deadline"]
        if let object = value as? [String: Any] { value = object["date"] }
        guard let text = value as? String, !text.isEmpty else { return nil }
        return text
    }

    /// Scores one plan (as printed JSON) against one gold file; only required items count.
    static func score(gold: [String: Any], plan: [String: Any]) -> [Row] {
        let items = plan["items"] as? [[String: Any]] ?? []
        var rows: [Row] = []
        for g in gold["items"] as? [[String: Any]] ?? [] {
            guard g["required"] as? Bool ?? true else { continue }
            let snippet = g["snippet"] as! String
            let open = g["open"] as! Bool
            let wantDeadline = g["deadline"] as? String
            let item = match(snippet, items)
            let found = item != nil
            let statusOK = item.map { (($0["status"] as? String) != "done") == open } ?? false
            let deadlineOK = item.map { deadline(of: $0) == wantDeadline } ?? false
            let got = item.map { "status=\($0["status"] as? String ?? "nil") deadline=\(deadline(of: $0) ?? "None")" } ?? "not found"
            rows.append(
                Row(
                    snippet: snippet, found: found, statusOK: statusOK, deadlineOK: deadlineOK, got: got,
                    want: "open=\(open) deadline=\(wantDeadline ?? "None")"))
        }
        return rows
    }
}

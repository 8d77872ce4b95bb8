import Foundation
import RectifyCore

enum Header {
    static let titleEndings = ["通报", "报告", "公告", "公示", "情况", "通知", "说明", "方案"]

    /// Reads the title block at the top of the report and the date under it.
    static func titleBlock(_ lines: [SourceLine]) -> (title: String?, reportDate: (CalendarDate, Int)?, bodyStart: Int) {
        var index = 0
        // Blank lines, and a saved web page's breadcrumb ("首页 > 通知公告", "当前位置：…").
        while index < lines.count, lines[index].isBlank || isPageChrome(lines[index].chars.map(Chars.fold)) { index += 1 }
        guard index < lines.count else { return (nil, nil, lines.count) }
        func block(from start: Int) -> [SourceLine] {
            var titleLines: [SourceLine] = []
            var probe = start
            while probe < lines.count, titleLines.count < 3 {
                let line = lines[probe]
                probe += 1
                if line.isBlank { continue }
                let f = line.chars.map(Chars.fold)
                if f.hasLiteral("根据", at: 0) || f.count > 60 || HeadingMarker.parse(f) != nil { break }
                titleLines.append(line)
                if titleEndings.contains(where: { String(scalars: f).hasSuffix($0) }) { break }
            }
            return titleLines
        }
        func ends(_ titleLines: [SourceLine]) -> Bool {
            titleLines.last.map { line in
                titleEndings.contains { String(scalars: line.chars.map(Chars.fold)).hasSuffix($0) }
            } ?? false
        }
        var titleLines = block(from: index)
        if !ends(titleLines) {
            // A page saved from a unit's site starts with its chrome ("首页 > 通知公告", a site
            // name): the title is the first block among the next few short lines that ends as
            // titles do.
            // Only past lines that look like chrome: short, no sentence punctuation — never past
            // the opening paragraph or a table header.
            func chrome(_ line: SourceLine) -> Bool {
                let f = line.chars.map(Chars.fold)
                return line.isBlank
                    || (f.count <= 30 && !f.hasLiteral("根据", at: 0) && !f.contains { "，。；：,;".unicodeScalars.contains($0) })
            }
            var starts: [Int] = []
            var probe = index
            while probe + 1 < lines.count, starts.count < 5, chrome(lines[probe]) {
                probe += 1
                if !lines[probe].isBlank { starts.append(probe) }
            }
            if let start = starts.first(where: { ends(block(from: $0)) }) {
                titleLines = block(from: start)
            } else {
                titleLines = Array(titleLines.prefix(1))
            }
        }
        guard let lastTitle = titleLines.last else { return (nil, nil, index) }
        var title = titleLines.map { String(scalars: $0.chars) }.joined()
        // "关于印发《…整改方案》的通知": the notice that issues the plan; the plan is the title,
        // and the notice's date (under its signature, above the plan's own title) its date.
        if let issued = issuedDocument(title) {
            title = issued
            let date = issueDate(lines, from: lastTitle.number, title: issued)
            return (title, date, lastTitle.number)
        }
        // Header notes: short lines in brackets, a date, "公开稿", converter residue like "【字体:".
        var bodyStart = lastTitle.number  // line numbers are 1-based: this is the next index
        var date: (CalendarDate, Int)?
        while bodyStart < lines.count {
            let line = lines[bodyStart]
            let f = line.chars.map(Chars.fold)
            if line.isBlank {
                bodyStart += 1
                continue
            }
            let isNote =
                f.count <= 60
                && (["(", "【", "["].contains { f.first == $0 } || f.contains(literal: "公开稿") || f.contains(literal: "字体")
                    || ["发布时间", "发布日期", "来源", "浏览次数", "点击数", "作者", "原创"].contains { f.hasLiteral($0, at: 0) }
                    || isByline(f) || isDateLine(f))
            // "（一）药品采购…" right under the title is the first heading, not a note in brackets.
            guard isNote, HeadingMarker.parse(f) == nil else { break }
            if date == nil, let d = fullDate(in: f) { date = (d, line.number) }
            bodyStart += 1
        }
        return (title, date, bodyStart)
    }

    /// A line under the title that only dates the report: "2026年1月20日", "报送日期：2026年1月8日"
    /// (报告日期, 填报日期, 日期).
    static func isDateLine(_ f: [Unicode.Scalar]) -> Bool {
        var start = 0
        for label in ["报送日期", "报告日期", "填报日期", "日期"] where f.hasLiteral(label, at: 0) {
            start = label.unicodeScalars.count
            while start < f.count, [":", "：", " "].contains(f[start]) { start += 1 }
            break
        }
        let rest = Array(f[start...])
        guard rest.count <= 16, let mention = DateScanner.mentions(in: rest).first, mention.range.count >= rest.count - 1 else { return false }
        return fullDate(in: rest) != nil
    }

    /// A post's byline: a full date with a time of day ("宁乡县中医医院 2026年05月18日 17:30 湖南").
    static func isByline(_ f: [Unicode.Scalar]) -> Bool {
        let time = f.indices.dropFirst(2).contains { i in
            f[i] == ":" && i + 2 < f.count && Chars.isDigit(f[i - 1]) && Chars.isDigit(f[i - 2]) && Chars.isDigit(f[i + 1]) && Chars.isDigit(f[i + 2])
        }
        return time && fullDate(in: f) != nil
    }

    /// The document a 印发 notice issues: "关于印发《X》的通知" gives X.
    static func issuedDocument(_ title: String) -> String? {
        guard title.contains("印发"), title.hasSuffix("通知"), let open = title.firstIndex(of: "《"),
            let close = title.lastIndex(of: "》"), open < close
        else { return nil }
        let inner = String(title[title.index(after: open)..<close])
        return inner.count >= 4 ? inner : nil
    }

    /// The date of a 印发 notice: a line holding only a date, after the notice's title and
    /// before the issued document's own title (or within the next 20 lines).
    static func issueDate(_ lines: [SourceLine], from start: Int, title: String) -> (CalendarDate, Int)? {
        let folded = Array(title.unicodeScalars).map(Chars.fold)
        for line in lines[min(start, lines.count)..<min(lines.count, start + 20)] where !line.isBlank {
            let f = line.chars.map(Chars.fold)
            if f == folded { return nil }
            guard f.count <= 16, let mention = DateScanner.mentions(in: f).first, mention.range.count >= f.count - 1,
                let date = fullDate(in: f)
            else { continue }
            return (date, line.number)
        }
        return nil
    }

    /// A web page's navigation line above the title.
    static func isPageChrome(_ f: [Unicode.Scalar]) -> Bool {
        guard f.count <= 60 else { return false }
        let text = String(scalars: f)
        if ["当前位置", "您的位置", "您现在的位置", "所在位置"].contains(where: { text.hasPrefix($0) }) { return true }
        return text.hasPrefix("首页") && (text.contains(">") || text.contains("》") || text.contains("»") || text.contains("/"))
    }

    static func fullDate(in f: [Unicode.Scalar]) -> CalendarDate? {
        for mention in DateScanner.mentions(in: f) {
            guard case .explicit(let year) = mention.period.year, case .day = mention.period.span else { continue }
            return mention.period.lastDay(in: year)
        }
        return nil
    }

    /// The date under the signature: a line near the end that holds only a date. A damaged
    /// date ("2025109") takes the reading that is not before `notBefore` (the feedback date:
    /// a progress report comes after it).
    static func signatureDate(_ lines: [SourceLine], notBefore: CalendarDate?) -> (CalendarDate, Int)? {
        var seen = 0
        for line in lines.reversed() where !line.isBlank {
            seen += 1
            if seen > 8 { break }
            let f = line.chars.map(Chars.fold)
            guard f.count <= 16 else { continue }
            let mentions = DateScanner.mentions(in: f)
            guard mentions.count == 1, let mention = mentions.first, mention.range.count >= f.count - 1 else { continue }
            let dates = mention.readings.compactMap { reading -> CalendarDate? in
                guard case .explicit(let year) = reading.year, case .day = reading.span else { return nil }
                return reading.lastDay(in: year)
            }
            if let date = dates.first(where: { notBefore == nil || $0 >= notBefore! }) ?? dates.first {
                return (date, line.number)
            }
        }
        return nil
    }

    /// The unit: the title before 关于, without 中共 or a trailing party body (党组, 党委 …),
    /// completed from the opening paragraph when extraction cut its start ("旗疾控中心" →
    /// "敖汉旗疾控中心").
    static func unit(title: String?, opening: Paragraph?) -> String? {
        guard let title else { return nil }
        var unit = title
        if let range = unit.range(of: "关于") { unit = String(unit[..<range.lowerBound]) } else { return nil }
        if unit.hasPrefix("中共") { unit.removeFirst(2) }
        for suffix in ["党组", "党委", "党总支", "党支部", "总支部委员会", "支部委员会", "委员会"] where unit.hasSuffix(suffix) && unit.count > suffix.count + 2 {
            unit.removeLast(suffix.count)
            break
        }
        guard !unit.isEmpty else { return nil }
        let sources = [opening?.chars].compactMap { $0 }
        var best = unit
        let stops: Set<Unicode.Scalar> = ["对", "向", "在", "为", "和", "与", "及", "由", "到", "把", "将", "的", "了", "共", "是"]
        for chars in sources {
            for at in chars.occurrences(of: unit) {
                var start = at
                while start > 0, at - start < 4, !stops.contains(chars[start - 1]), !Chars.isClauseEnd(Chars.fold(chars[start - 1])),
                    !Chars.isDigit(Chars.fold(chars[start - 1])), !Chars.isSpace(chars[start - 1])
                {
                    start -= 1
                }
                var candidate = String(scalars: chars[start..<(at + unit.unicodeScalars.count)])
                if candidate.hasPrefix("中共") { candidate.removeFirst(2) }
                if candidate.count > best.count { best = candidate }
            }
        }
        return best
    }

    /// A title without 关于 that names the unit before the inspection or the work
    /// ("县疾控中心巡察整改情况汇报", "县卫健局巡察整改进展（2026年1月）"): the words before
    /// 巡察, 巡视, 审计 or 整改, when the report is signed by no one.
    static func unitBeforeInspection(_ title: String) -> String? {
        guard !title.contains("关于"), ["巡察", "巡视", "审计", "整改"].contains(where: title.contains) else { return nil }
        return LedgerHeading.unit(fromTitle: title)
    }

    /// The unit when the title does not name it before 关于 ("关于县卫生健康局巡察整改…的通报"):
    /// the signature above the closing date, else the body inspected in the opening ("县委第二
    /// 巡察组对县卫生健康局开展了巡察").
    static func fallbackUnit(_ lines: [SourceLine], opening: Paragraph?) -> String? {
        if let signature = signatureName(lines) { return signature }
        guard let opening else { return nil }
        let f = opening.folded
        for at in f.occurrences(of: "对") {
            var end = at + 1
            while end < f.count, end - at <= 26, !Chars.isClauseEnd(f[end]) {
                if f.hasLiteral("开展", at: end) || f.hasLiteral("进行", at: end) || f.hasLiteral("实施", at: end) {
                    let name = cleanUnit(opening.text((at + 1)..<end))
                    if name.count >= 2 { return name }
                    break
                }
                end += 1
            }
        }
        return nil
    }

    /// The line above the date that closes the report, when it reads as a name: short, no
    /// sentence punctuation, not a date.
    static func signatureName(_ lines: [SourceLine]) -> String? {
        let nonBlank = lines.filter { !$0.isBlank }
        var seen = 0
        for k in stride(from: nonBlank.count - 1, through: 1, by: -1) {
            seen += 1
            if seen > 8 { break }
            let f = nonBlank[k].chars.map(Chars.fold)
            guard f.count <= 16, let mention = DateScanner.mentions(in: f).first, mention.range.count >= f.count - 1 else { continue }
            let above = nonBlank[k - 1].chars.map(Chars.fold)
            let text = String(scalars: above).trimmingCharacters(in: .whitespaces)
            guard (2...30).contains(text.count), above.contains(where: Chars.isHan),
                !above.contains(where: { Chars.isClauseEnd($0) || Chars.isDigit($0) || $0 == ":" })
            else { return nil }
            let name = cleanUnit(text)
            return name.count >= 2 ? name : nil
        }
        return nil
    }

    /// Without 中共, a trailing party body (党组, 党委 …) or a seal note ("（盖章）").
    static func cleanUnit(_ text: String) -> String {
        var unit = text.trimmingCharacters(in: .whitespaces)
        for seal in ["(盖章)", "（盖章）", "(章)", "（章）"] where unit.hasSuffix(seal) { unit.removeLast(seal.count) }
        if unit.hasPrefix("中共") { unit.removeFirst(2) }
        for suffix in ["党组", "党委", "党总支", "党支部", "总支部委员会", "支部委员会", "委员会"] where unit.hasSuffix(suffix) && unit.count > suffix.count + 2 {
            unit.removeLast(suffix.count)
            break
        }
        return unit
    }

    /// The inspection period ("2023年9月18日至12月31日") and the feedback date from the
    /// opening paragraph.
    static func inspection(_ opening: Paragraph?) -> Inspection? {
        guard let opening else { return nil }
        let f = opening.folded
        let mentions = DateScanner.mentions(in: f)
        var inspection = Inspection()
        for (k, first) in mentions.enumerated() where k + 1 < mentions.count {
            let second = mentions[k + 1]
            let gap = Array(f[first.range.upperBound..<second.range.lowerBound])
            guard ["至", "到", "-", "~"].contains(String(scalars: gap)) else { continue }
            guard let (_, startEnd) = first.resolve(reference: nil, latest: nil, future: false),
                case .explicit(let year) = first.period.year
            else { continue }
            let startPeriod = first.period
            inspection.period = opening.text(first.range.lowerBound..<second.range.upperBound)
            inspection.start = startPeriod.firstDay(in: year) ?? startEnd
            inspection.end = second.resolve(reference: inspection.start, latest: nil, future: true)?.1
            break
        }
        if let feedback = f.firstOccurrence(of: "反馈") {
            let sentenceStart = f[..<feedback].lastIndex(where: Chars.isSentenceEnd).map { $0 + 1 } ?? 0
            let reference = inspection.end ?? inspection.start
            if let mention = mentions.last(where: { $0.range.lowerBound >= sentenceStart && $0.range.upperBound <= feedback }) {
                inspection.feedbackDate = mention.resolve(reference: reference, latest: nil, future: true)?.1
                // "2025年1月": kept in the report's words, so no day is made up from it.
                if mention.period.precision != .day { inspection.feedback = opening.text(mention.range) }
            }
        }
        guard inspection.period != nil || inspection.feedbackDate != nil else { return nil }
        return inspection
    }

    /// The office's email and phone (and a named 联系人) from the closing lines.
    static func owner(_ paragraphs: ArraySlice<Paragraph>) -> Contact? {
        var contact = Contact()
        for paragraph in paragraphs {
            let f = paragraph.folded
            if contact.email == nil, let email = email(in: paragraph) { contact.email = email }
            if contact.phone == nil {
                for label in ["联系电话", "电话", "联系人"] {
                    guard let at = f.firstOccurrence(of: label) else { continue }
                    var i = at + label.count
                    if i < f.count, f[i] == ":" { i += 1 }
                    let nameStart = i
                    while i < f.count, i - nameStart < 6, !Chars.isDigit(f[i]), f[i] != "(" { i += 1 }
                    guard i < f.count, Chars.isDigit(f[i]) else { continue }
                    if label == "联系人", i > nameStart, contact.name == nil {
                        let name = paragraph.text(nameStart..<i).trimmingCharacters(in: [" ", ",", "，", ":", "："])
                        if !name.isEmpty, name.count <= 4 { contact.name = name }
                    }
                    var end = i
                    while end < f.count, Chars.isDigit(f[end]) || f[end] == "-" { end += 1 }
                    let phone = String(scalars: f[i..<end]).trimmingCharacters(in: ["-"])
                    if phone.unicodeScalars.filter(Chars.isDigit).count >= 7 { contact.phone = phone }
                    break
                }
            }
        }
        return contact == Contact() ? nil : contact
    }

    static func email(in paragraph: Paragraph) -> String? {
        let f = paragraph.folded
        guard let at = f.firstIndex(of: "@") else { return nil }
        func local(_ c: Unicode.Scalar) -> Bool { Chars.isASCIILetter(c) || Chars.isDigit(c) || "._%+-".unicodeScalars.contains(c) }
        func domain(_ c: Unicode.Scalar) -> Bool { Chars.isASCIILetter(c) || Chars.isDigit(c) || ".-".unicodeScalars.contains(c) }
        var start = at
        while start > 0, local(f[start - 1]) { start -= 1 }
        var end = at + 1
        while end < f.count, domain(f[end]) { end += 1 }
        var email = String(scalars: f[start..<end])
        while email.hasSuffix(".") || email.hasSuffix("-") { email.removeLast() }
        return start < at && email.contains(".") ? email : nil
    }
}

import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Word's automatic numbering: the "1." or "（一）" a reader sees before a list paragraph is
/// not in its text but made from `word/numbering.xml` (each list's levels: start, format,
/// pattern such as "%1." or "（%1）"), for paragraphs that name a list directly (`w:numPr`) or
/// through their style (`styles.xml`, "List Number"). The reader counts as Word does and puts
/// the marker before the paragraph's text, so an auto-numbered 整改方案 reads like a typed one.
struct WordNumbering {
    struct Level {
        var start = 1
        var format = "decimal"
        var text = "%1."
        /// `w:lvlRestart`: nil restarts after any shallower level, 0 never (numbers run on across
        /// sections), n only after level n (1-based) or a shallower one.
        var restart: Int?
    }

    /// Levels of each abstract list, by level index.
    private var abstracts: [String: [Int: Level]] = [:]
    /// Each list (`numId`) → its abstract list, and the start overrides it sets.
    private var lists: [String: (abstract: String, starts: [Int: Int])] = [:]
    /// Paragraph styles that number: style id → (numId, level), with `basedOn` followed.
    private var styles: [String: (numId: String?, level: Int?, basedOn: String?)] = [:]
    /// Running counters per list.
    private var counters: [String: [Int: Int]] = [:]

    var isEmpty: Bool { lists.isEmpty }

    init() {}

    /// Reads `word/numbering.xml` and `word/styles.xml` of `file`; a damaged one throws.
    init(numbering: Data?, styles: Data?, file: String) throws(LedgerError) {
        if let numbering { try readNumbering(numbering, file: file) }
        if let styles { try readStyles(styles, file: file) }
    }

    /// The marker of the next paragraph of list `numId` at `level` (from the paragraph or its
    /// style), counting it; nil for no list, a bullet, or a level without a number.
    mutating func marker(numId: String?, level: Int?, style: String?) -> String? {
        var numId = numId, level = level
        if numId == nil, let style {
            var seen = Set<String>()
            var id: String? = style
            while let current = id, !seen.contains(current), let entry = styles[current] {
                seen.insert(current)
                numId = numId ?? entry.numId
                level = level ?? entry.level
                if numId != nil { break }
                id = entry.basedOn
            }
        }
        guard let numId, numId != "0", let list = lists[numId], let levels = abstracts[list.abstract] else { return nil }
        let ilvl = max(0, min(8, level ?? 0))
        guard let this = levels[ilvl], this.format != "bullet", this.format != "none" else { return nil }
        var counts = counters[numId] ?? [:]
        counts[ilvl] = (counts[ilvl] ?? ((list.starts[ilvl] ?? this.start) - 1)) + 1
        // A level that counts on resets the levels below it, unless they run on (lvlRestart).
        for deeper in (ilvl + 1)...9 {
            let restart = levels[deeper]?.restart
            if restart == nil || restart != 0 && ilvl <= restart! - 1 { counts[deeper] = nil }
        }
        counters[numId] = counts
        var text = this.text
        for k in 0...ilvl {
            let levelK = levels[k] ?? Level()
            let value = counts[k] ?? (list.starts[k] ?? levelK.start)
            text = text.replacingOccurrences(of: "%\(k + 1)", with: Self.format(value, levelK.format))
        }
        return text
    }

    static func format(_ n: Int, _ format: String) -> String {
        switch format {
        case "chineseCounting", "chineseCountingThousand", "chineseLegalSimplified", "taiwaneseCounting",
            "taiwaneseCountingThousand", "japaneseCounting", "ideographDigital":
            return chinese(n)
        case "decimalEnclosedCircle", "decimalEnclosedCircleChinese":
            return (1...20).contains(n) ? String(Character(Unicode.Scalar(0x2460 + UInt32(n - 1))!)) : String(n)
        case "decimalFullWidth", "decimalFullWidth2":
            return String(String(n).unicodeScalars.map { Character(Unicode.Scalar($0.value + 0xFEE0)!) })
        case "ideographTraditional":
            let stems = Array("甲乙丙丁戊己庚辛壬癸")
            return (1...10).contains(n) ? String(stems[n - 1]) : String(n)
        case "upperLetter", "lowerLetter":
            let letter = Character(Unicode.Scalar(UInt8(65 + (n - 1) % 26)))
            let text = String(repeating: letter, count: (n - 1) / 26 + 1)
            return format == "upperLetter" ? text : text.lowercased()
        case "upperRoman", "lowerRoman":
            let text = roman(n)
            return format == "upperRoman" ? text : text.lowercased()
        default:
            return String(n)
        }
    }

    /// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九.
    static func chinese(_ n: Int) -> String {
        let digits = Array("零一二三四五六七八九")
        guard n > 0, n < 100 else { return String(n) }
        if n < 10 { return String(digits[n]) }
        let tens = n / 10, ones = n % 10
        return (tens == 1 ? "" : String(digits[tens])) + "十" + (ones == 0 ? "" : String(digits[ones]))
    }

    static func roman(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [
            (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"),
            (5, "V"), (4, "IV"), (1, "I"),
        ]
        var rest = n, text = ""
        for (value, symbol) in table {
            while rest >= value {
                text += symbol
                rest -= value
            }
        }
        return text
    }

    // MARK: reading the parts

    private mutating func readNumbering(_ data: Data, file: String) throws(LedgerError) {
        let elements = try XMLElements.collect(
            data, names: ["abstractNum", "lvl", "start", "numFmt", "lvlText", "lvlRestart", "num", "abstractNumId", "lvlOverride", "startOverride"],
            part: "word/numbering.xml", file: file)
        var abstract: String?
        var level: Int?
        var num: String?
        var overrideLevel: Int?
        for element in elements {
            let value = Self.value(element.attributes)
            switch element.name {
            case "abstractNum":
                abstract = Self.attribute(element.attributes, "abstractNumId")
                num = nil
                if let abstract { abstracts[abstract] = abstracts[abstract] ?? [:] }
            case "lvl":
                level = Self.attribute(element.attributes, "ilvl").flatMap { Int($0) }
                if let abstract, let level, num == nil { abstracts[abstract]?[level] = Level() }
            case "start":
                if let abstract, let level, num == nil, let v = value.flatMap({ Int($0) }) { abstracts[abstract]?[level]?.start = v }
            case "numFmt":
                if let abstract, let level, num == nil, let v = value { abstracts[abstract]?[level]?.format = v }
            case "lvlText":
                if let abstract, let level, num == nil, let v = value { abstracts[abstract]?[level]?.text = v }
            case "lvlRestart":
                if let abstract, let level, num == nil, let v = value.flatMap({ Int($0) }) { abstracts[abstract]?[level]?.restart = v }
            case "num":
                num = Self.attribute(element.attributes, "numId")
                abstract = nil
                level = nil
            case "abstractNumId":
                if let num, let v = value { lists[num] = (v, [:]) }
            case "lvlOverride":
                overrideLevel = Self.attribute(element.attributes, "ilvl").flatMap { Int($0) }
            case "startOverride":
                if let num, let overrideLevel, let v = value.flatMap({ Int($0) }) { lists[num]?.starts[overrideLevel] = v }
            default: break
            }
        }
    }

    private mutating func readStyles(_ data: Data, file: String) throws(LedgerError) {
        let elements = try XMLElements.collect(data, names: ["style", "basedOn", "numId", "ilvl"], part: "word/styles.xml", file: file)
        var style: String?
        for element in elements {
            let value = Self.value(element.attributes)
            switch element.name {
            case "style":
                style = Self.attribute(element.attributes, "styleId")
                if let style { styles[style] = (nil, nil, nil) }
            case "basedOn": if let style { styles[style]?.basedOn = value }
            case "numId": if let style { styles[style]?.numId = value }
            case "ilvl": if let style { styles[style]?.level = value.flatMap { Int($0) } }
            default: break
            }
        }
    }

    static func value(_ attributes: [String: String]) -> String? { attribute(attributes, "val") }

    /// `w:val`, or any prefix's `val`.
    static func attribute(_ attributes: [String: String], _ name: String) -> String? {
        attributes["w:" + name] ?? attributes.first { $0.key == name || $0.key.hasSuffix(":" + name) }?.value
    }
}

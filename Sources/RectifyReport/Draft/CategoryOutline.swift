/// The categories of a plan as the draft numbers them: each item's category path without the
/// previous report's own section (二、整改进展情况, 三、未完成整改事项 …), markers stripped, grouped
/// in the order the plan first uses them.
struct CategoryOutline {
    /// A category and what lies under it, in plan order.
    final class Node {
        let name: String
        var children: [Node] = []
        var items: [Int] = []
        /// Where sub-categories and items come in plan order: `.category(i)` or `.item(k)`.
        var order: [Entry] = []

        init(name: String) { self.name = name }
    }

    enum Entry {
        case category(Int)
        case item(Int)
    }

    /// At most this many category levels nest under a draft section (then 1. and （1） are
    /// categories and items sit at ①); deeper paths are joined into the last level.
    static let maxDepth = 3

    let root = Node(name: "")

    /// Builds the outline of `paths` (one per item, in plan order).
    init(paths: [[String]]) {
        for (index, path) in paths.enumerated() {
            var node = root
            for name in Self.normalised(path) {
                if let i = node.children.firstIndex(where: { $0.name == name }) {
                    node = node.children[i]
                } else {
                    let child = Node(name: name)
                    node.children.append(child)
                    node.order.append(.category(node.children.count - 1))
                    node = child
                }
            }
            node.items.append(index)
            node.order.append(.item(index))
        }
    }

    /// A path without the report's own section heading, without markers, at most `maxDepth` deep.
    static func normalised(_ path: [String]) -> [String] {
        let kept = path.first.map(isReportSection) == true ? Array(path.dropFirst()) : path
        var names = kept.map(stripMarker).filter { !$0.isEmpty }
        if names.count > maxDepth {
            let tail = names[(maxDepth - 1)...].joined(separator: "·")
            names = Array(names.prefix(maxDepth - 1)) + [tail]
        }
        return names
    }

    /// "二、巡察反馈问题整改完成情况", "三、集中整改期内未完成整改事项", "二、整改落实情况": a top section of
    /// the previous report that sorts its items by progress, not a category of problems
    /// ("二、群众身边腐败问题和不正之风方面" is one).
    static func isReportSection(_ heading: String) -> Bool {
        let scalars = Array(heading.unicodeScalars)
        guard let first = scalars.first, ChineseMarkers.isChineseNumeral(first),
            let comma = scalars.firstIndex(where: { $0 == "、" || $0 == "." || $0 == "．" }),
            scalars[..<comma].allSatisfy(ChineseMarkers.isChineseNumeral)
        else { return false }
        let text = heading
        if text.contains("方面") || namesUnit(text) { return false }
        return ["整改", "完成事项", "进展情况", "落实情况"].contains { text.contains($0) }
    }

    /// "一、县卫生健康局整改进展情况", "二、县医疗保障局整改情况": a notice of several units gives each
    /// its section, and the section says whose problems follow; "二、巡察反馈问题整改完成情况" names none.
    static func namesUnit(_ heading: String) -> Bool {
        var name = stripMarker(heading)
        for suffix in ["整改进展情况", "整改落实情况", "整改完成情况", "整改工作情况", "整改情况", "进展情况", "落实情况"]
        where name.hasSuffix(suffix) {
            name.removeLast(suffix.count)
            break
        }
        if name.hasSuffix("关于") { name.removeLast(2) }
        guard name.count >= 2, !["问题", "反馈", "巡察", "巡视", "事项", "整改", "完成", "意见"].contains(where: { name.contains($0) })
        else { return false }
        let units = ["局", "委", "委员会", "院", "中心", "所", "站", "办", "办公室", "校", "学校", "公司", "党组", "党委", "支部", "科", "室", "馆"]
        return units.contains { name.hasSuffix($0) }
    }

    static func stripMarker(_ text: String) -> String {
        ChineseMarkers.strip(text).trimmingCharacters(in: ["。", " ", "　", "：", ":"])
    }
}

/// Heading markers as reports write them: 一、 （一） (一) 1. 1、 1． （1） (1) ① 一是.
enum ChineseMarkers {
    static let numerals: Set<Unicode.Scalar> = Set("〇零一二三四五六七八九十百两".unicodeScalars)

    static func isChineseNumeral(_ c: Unicode.Scalar) -> Bool { numerals.contains(c) }

    /// The text after a leading marker (and the 一是/二是 of a listed point).
    static func strip(_ text: String) -> String {
        var s = Array(text.unicodeScalars)
        while let first = s.first, first == " " || first == "　" || first == "\t" { s.removeFirst() }
        let end = markerLength(s)
        var rest = Array(s[end...])
        while let first = rest.first, first == " " || first == "　" { rest.removeFirst() }
        // 一是 / 二是 opening a point.
        if let shi = rest.firstIndex(of: "是"), shi > 0, shi <= 3, rest[..<shi].allSatisfy(isChineseNumeral) {
            rest.removeSubrange(...shi)
        }
        return String(String.UnicodeScalarView(rest))
    }

    static func markerLength(_ s: [Unicode.Scalar]) -> Int {
        guard let first = s.first else { return 0 }
        let opens: Set<Unicode.Scalar> = ["（", "("], closes: Set<Unicode.Scalar> = ["）", ")"]
        if opens.contains(first) {
            var i = 1
            while i < s.count, i < 5, isChineseNumeral(s[i]) || ("0"..."9").contains(s[i]) { i += 1 }
            return i > 1 && i < s.count && closes.contains(s[i]) ? i + 1 : 0
        }
        if ("\u{2460}"..."\u{2473}").contains(first) { return 1 }
        var i = 0
        if ("0"..."9").contains(first) {
            while i < s.count, i < 3, ("0"..."9").contains(s[i]) { i += 1 }
            guard i < s.count, [".", "、", "．"].contains(s[i]) else { return 0 }
            // "2.5万" is a number.
            if s[i] != "、", i + 1 < s.count, ("0"..."9").contains(s[i + 1]) { return 0 }
            return i + 1
        }
        if isChineseNumeral(first) {
            while i < s.count, i < 4, isChineseNumeral(s[i]) { i += 1 }
            return i < s.count && ["、", ".", "．"].contains(s[i]) ? i + 1 : 0
        }
        return 0
    }
}

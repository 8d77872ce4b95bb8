import RectifyCore

/// What a ledger column holds, told by its header words.
enum LedgerColumn: String, Sendable, CaseIterable {
    /// 序号 / 编号
    case number
    /// 问题类别 / 方面 / 问题类型
    case category
    /// 反馈问题 / 存在问题 / 问题内容 / 问题
    case problem
    /// 整改措施 / 整改任务
    case measure
    /// 整改目标 (read into the text only)
    case target
    /// 责任领导 / 牵头领导 / 分管领导
    case leader
    /// 责任单位 / 责任科室 / 责任股室 / 责任部门
    case department
    /// 责任人
    case person
    /// 整改时限 / 完成时限 / 整改期限
    case deadline
    /// 完成情况 / 整改进展 / 整改状态 / 进展情况
    case status
    /// 佐证材料
    case evidence
    /// 备注
    case remark
    /// 完成日期 / 办结时间 / 销号时间: when it was done, not when it is due.
    case completedOn

    /// The header word the exporter writes, and the `--columns` name.
    var label: String {
        switch self {
        case .number: return "序号"
        case .category: return "问题类别"
        case .problem: return "反馈问题"
        case .measure: return "整改措施"
        case .target: return "整改目标"
        case .leader: return "责任领导"
        case .department: return "责任单位"
        case .person: return "责任人"
        case .deadline: return "整改时限"
        case .status: return "完成情况"
        case .evidence: return "佐证材料"
        case .remark: return "备注"
        case .completedOn: return "完成日期"
        }
    }
}

/// Tells a header cell's column kind. The words shared with labelled report fields
/// (整改时限, 责任科室, 完成情况 …) come from `FieldLabels`, the one list the text importer
/// uses; the words only tables have (序号, 问题类别, 佐证材料, 备注, 完成日期) are here.
enum LedgerColumns {
    static let tableOnly: [(String, LedgerColumn)] = [
        ("序号", .number), ("编号", .number), ("问题编号", .number), ("问题序号", .number), ("序", .number), ("No.", .number),
        ("佐证材料", .evidence), ("佐证资料", .evidence), ("佐证", .evidence), ("印证材料", .evidence), ("支撑材料", .evidence),
        ("备注", .remark), ("说明", .remark),
        ("完成日期", .completedOn), ("实际完成时间", .completedOn), ("实际完成日期", .completedOn), ("办结时间", .completedOn),
        ("办结日期", .completedOn), ("销号时间", .completedOn), ("销号日期", .completedOn), ("完成销号时间", .completedOn),
        ("是否完成", .status), ("是否整改到位", .status), ("是否销号", .status), ("整改完成情况", .status), ("进度", .status),
        ("进展", .status), ("目前进展", .status), ("当前进展", .status), ("工作进展", .status), ("推进情况", .status),
        ("完成进度", .status), ("落实进度", .status), ("办理进度", .status), ("销号情况", .status), ("整改成效", .status),
        ("反馈意见", .problem), ("巡察反馈意见", .problem), ("问题及表现", .problem), ("问题线索", .problem),
        ("截止时间", .deadline), ("截止日期", .deadline), ("计划完成时间", .deadline), ("计划完成日期", .deadline),
        ("预计完成时间", .deadline), ("整改完成时限", .deadline), ("办结时限", .deadline),
        ("整改任务", .measure), ("具体整改措施", .measure), ("工作措施", .measure),
        // The bare words of a terse table, the same ones `--columns` takes.
        ("状态", .status), ("措施", .measure), ("任务", .measure), ("领导", .leader), ("单位", .department),
    ]
    static let categoryEndings = ["类别", "类型", "方面", "分类", "领域", "板块"]
    /// Headers that start with a column's word but hold something else: where the problem came
    /// from (问题来源: 巡察, 审计, 自查), not the problem.
    static let notColumns = ["问题来源", "问题出处", "来源"]

    /// The kind of a header cell ("反馈问题", "整改时限\n（年月日）", "责任单位(部门)"), or nil.
    static func kind(of header: String) -> LedgerColumn? {
        let folded = Array(header.unicodeScalars.map(Chars.fold).filter { !Chars.isSpace($0) && $0 != "\n" && $0 != "\r" && $0 != "*" })
        for candidate in [folded, withoutParentheses(folded)] where !candidate.isEmpty {
            var trimmed = candidate
            while let last = trimmed.last, last == ":" { trimmed.removeLast() }
            let text = String(String.UnicodeScalarView(trimmed))
            if notColumns.contains(text) { return nil }
            if let hit = tableOnly.first(where: { $0.0 == text }) { return hit.1 }
            if categoryEndings.contains(where: { text.hasSuffix($0) }), text.count <= 8 { return .category }
            if text.hasSuffix("完成日期") || text.hasSuffix("完成时间"), text.contains("计划") || text.contains("预计") || text.contains("要求") {
                return .deadline
            }
            if text.hasSuffix("佐证材料") || text.hasSuffix("完成日期") && text.count <= 8 {
                return text.hasSuffix("佐证材料") ? .evidence : .completedOn
            }
            if let kind = FieldLabels.columnKind(trimmed) { return map(kind) }
            // 科室负责人, 项目负责人: the person answerable for the item.
            if text.hasSuffix("负责人"), text.count <= 6 { return .person }
            if text == "时限" || text == "期限" || text.hasSuffix("时限") && text.count <= 8 { return .deadline }
            // What OA and 督办 systems call the status: 办理状态, 处理状态, 销号状态.
            if text.hasSuffix("状态"), text.count <= 6, !text.contains("流程") { return .status }
        }
        return nil
    }

    static func map(_ kind: FieldKind) -> LedgerColumn {
        switch kind {
        case .problem: return .problem
        case .measures: return .measure
        case .target: return .target
        case .leader: return .leader
        case .department: return .department
        case .person: return .person
        case .deadline: return .deadline
        case .status: return .status
        }
    }

    /// "责任单位（部门）" → "责任单位".
    static func withoutParentheses(_ s: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result: [Unicode.Scalar] = []
        var depth = 0
        for c in s {
            if c == "(" || c == "（" || c == "【" || c == "[" { depth += 1; continue }
            if c == ")" || c == "）" || c == "】" || c == "]" { depth = max(0, depth - 1); continue }
            if depth == 0 { result.append(c) }
        }
        return result
    }

    /// `--columns 问题=C,时限=F,状态=H`: names (a header word or a kind's label) to column
    /// letters. Throws a sentence naming the bad part.
    static func parseOverride(_ text: String) throws(LedgerError) -> [LedgerColumn: Int] {
        var result: [LedgerColumn: Int] = [:]
        for part in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !part.isEmpty {
            let pieces = part.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard pieces.count == 2 else {
                throw LedgerError(file: "--columns", "'\(part)' is not NAME=COLUMN (e.g. 问题=C,时限=F).")
            }
            let name = pieces[0], letter = pieces[1]
            guard let kind = overrideName(name) else {
                let known = LedgerColumn.allCases.map(\.label).joined(separator: " ")
                throw LedgerError(file: "--columns", "'\(name)' is not a column this importer knows; use one of: \(known) (or 问题, 措施, 时限, 状态, 领导, 单位).")
            }
            guard let parsed = CellName.parse(letter), parsed.row == nil else {
                throw LedgerError(file: "--columns", "'\(letter)' in '\(part)' is not a column letter (A, B, … AA).")
            }
            result[kind] = parsed.column
        }
        return result
    }

    static func overrideName(_ name: String) -> LedgerColumn? {
        let short: [String: LedgerColumn] = [
            "问题": .problem, "措施": .measure, "任务": .measure, "时限": .deadline, "期限": .deadline, "状态": .status,
            "进展": .status, "领导": .leader, "单位": .department, "科室": .department, "部门": .department, "类别": .category,
            "方面": .category, "完成": .completedOn,
        ]
        if let kind = short[name] { return kind }
        if let kind = LedgerColumn(rawValue: name) { return kind }
        if let kind = LedgerColumn.allCases.first(where: { $0.label == name }) { return kind }
        return kind(of: name)
    }
}

import Foundation
import RectifyCore

/// The weekly 情况通报 for the 整改办 and the leaders: counts per state and colour, what became
/// overdue, what was closed and extended in the period, and a table per responsible department.
/// Pure: the figures are counted by `WeeklyFigures`, this only words them.
public enum WeeklyComposer {
    /// - Parameter issuer: who signs it; by default the office of the review the plans answer
    ///   ("巡察整改工作办公室", "审计整改工作办公室"; "整改工作办公室" when they answer several).
    public static func compose(_ f: WeeklyFigures, issuer: String? = nil) -> ReportDocument {
        let p = f.period
        let span = "\(p.firstDay.month)月\(p.firstDay.day)日—\(p.lastDay.month)月\(p.lastDay.day)日"
        // The review the plans answer ("巡察"), or none when they answer different ones.
        let kind = ReviewKind.common(to: f.plans.map(\.title))?.word ?? ""
        let title = "\(kind)整改工作周情况通报（" + (p.weekLabel.map { "\($0)，" } ?? "") + span + "）"
        let issuer = issuer ?? "\(kind)整改工作办公室"
        var blocks: [ReportBlock] = [.paragraph(summary(f))]

        blocks.append(.heading(level: 1, text: "一、整改事项状态"))
        let stateRows = ItemState.allCases.compactMap { state in
            f.states[state].map { [state.chineseLabel, String($0)] }
        }
        blocks.append(.table(ReportTable(header: ["状态", "事项数"], rows: stateRows + [["合计", String(f.items)]], numericColumns: [1])))
        // Every open item in one row, so the table adds up to 在办: without a colour are those
        // not yet in the warning window, the long-term ones and those with no deadline.
        var colourRows = [WarningColour.red, .yellow, .green].map { [$0.chineseLabel, String(f.colours[$0] ?? 0)] }
        for (label, count) in uncoloured(f) { colourRows.append([label, String(count)]) }
        colourRows.append(["合计", String(f.open)])
        blocks.append(.table(ReportTable(header: ["在办事项预警", "事项数"], rows: colourRows, numericColumns: [1])))

        blocks.append(.heading(level: 1, text: "二、本周新增逾期事项（\(f.newlyOverdue.count)项）"))
        if f.newlyOverdue.isEmpty {
            blocks.append(.paragraph("本周无新增逾期事项。"))
        } else {
            let rows = f.newlyOverdue.enumerated().map { k, e in
                [String(k + 1), reference(e), shortTitle(e.record.item.title),
                 e.record.item.effectiveDeadline.map(ChineseText.period) ?? "未明确", e.record.evaluation.daysOverdue.map { "\($0)天" } ?? "",
                 responsible(e.record.item)]
            }
            blocks.append(.table(ReportTable(header: ["序号", "编号", "整改事项", "整改时限", "逾期", "责任科室"], rows: rows, numericColumns: [0, 4])))
        }

        blocks.append(.heading(level: 1, text: "三、本周办结事项（\(f.closed.count)项）"))
        if f.closed.isEmpty {
            blocks.append(.paragraph("本周无办结事项。"))
        } else {
            let rows = f.closed.enumerated().map { k, e in
                [String(k + 1), reference(e), shortTitle(e.record.item.title), responsible(e.record.item)]
            }
            blocks.append(.table(ReportTable(header: ["序号", "编号", "整改事项", "责任科室"], rows: rows, numericColumns: [0])))
        }

        blocks.append(.heading(level: 1, text: "四、本周批准延期事项（\(f.extensions.count)项）"))
        if f.extensions.isEmpty {
            blocks.append(.paragraph("本周无批准延期事项。"))
        } else {
            let rows = f.extensions.enumerated().map { k, g in
                [String(k + 1), reference(g.entry), shortTitle(g.entry.record.item.title), g.previous.map(ChineseText.period) ?? "未明确",
                 ChineseText.period(g.granted.deadline), DraftWording.sentence(g.granted.statedReason)]
            }
            blocks.append(.table(ReportTable(header: ["序号", "编号", "整改事项", "原时限", "延期至", "延期原因"], rows: rows, numericColumns: [0])))
        }

        blocks.append(.heading(level: 1, text: "五、各责任科室情况"))
        let rows = f.departments.map { d in
            [d.name, String(d.items), String(d.done), String(d.open), String(d.red), String(d.yellow), String(d.green),
             String(d.closedThisPeriod), String(d.newlyOverdue)]
        }
        blocks.append(
            .table(
                ReportTable(
                    header: ["责任科室", "事项", "已完成", "在办", "红色", "黄色", "绿色", "本周办结", "本周新增逾期"], rows: rows,
                    numericColumns: Set(1...8))))
        blocks.append(.signature([issuer, ChineseText.date(p.lastDay.adding(days: 1))]))
        return ReportDocument(title: title, blocks: blocks)
    }

    /// "截至11月23日0时，3个整改方案共有整改事项58项，已完成42项（完成率72.4%），在办16项，其中红色预警3项、黄色预警2项、
    /// 绿色预警1项。本周办结2项，新增逾期1项，批准延期1项。"
    static func summary(_ f: WeeklyFigures) -> String {
        let rate = f.items == 0 ? "0%" : DraftTotals.rate(f.done, of: f.items)
        var text = "截至\(asOf(f))，"
        text += f.plans.count == 1 ? "《\(f.plans[0].title)》" : "\(f.plans.count)个整改方案"
        text += "共有整改事项\(f.items)项，已完成\(f.done)项（完成率\(rate)），在办\(f.open)项"
        let colours = [WarningColour.red, .yellow, .green].compactMap { c in f.colours[c].map { "\(c.chineseLabel)\($0)项" } }
        // The colours only: with the others the sentence would list the whole table again.
        text += colours.isEmpty ? "。" : "，其中" + colours.joined(separator: "、") + "。"
        text += "本周办结\(f.closed.count)项，新增逾期\(f.newlyOverdue.count)项，批准延期\(f.extensions.count)项。"
        return text
    }

    /// The open items without a warning colour, by why: 未到预警期 (the deadline is further off
    /// than the warning window), 长期坚持, 未定时限 (as the state table calls them); only those there are.
    static func uncoloured(_ f: WeeklyFigures) -> [(String, Int)] {
        [("未到预警期", f.uncolouredOnSchedule), ("长期坚持", f.uncolouredLongTerm), ("未定时限", f.uncolouredNoDeadline)]
            .filter { $0.1 > 0 }
    }

    /// "2026年11月23日0时" at the end of the period, "2026年11月23日9时" for a count made later
    /// the hour it was made, "2026年11月20日15时" for a week in progress.
    static func asOf(_ f: WeeklyFigures) -> String {
        let zone = f.period.zone
        if f.at >= f.period.end.addingTimeInterval(-1), f.at < f.period.end.addingTimeInterval(3600) {
            return ChineseText.date(f.period.lastDay.adding(days: 1)) + "0时"
        }
        let day = CalendarDate(containing: f.at, in: zone)
        let hour = Int(f.at.timeIntervalSince(day.startInstant(in: zone)) / 3600)
        return ChineseText.date(day) + "\(hour)时"
    }

    static func reference(_ e: WeeklyFigures.Entry) -> String { "\(e.planID)/\(e.record.item.id)" }

    static func shortTitle(_ title: String) -> String {
        let core = DraftWording.core(of: title)
        return core.count <= 40 ? core : String(core.prefix(38)) + "…"
    }

    static func responsible(_ item: Item) -> String {
        item.responsible.map(\.label).flatMap { $0.isEmpty ? nil : $0 } ?? WeeklyFigures.noDepartment
    }
}

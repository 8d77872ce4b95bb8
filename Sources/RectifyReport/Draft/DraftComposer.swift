import RectifyCore

/// A drafted 整改进展情况的通报 and the order its items appear in.
public struct Draft: Sendable {
    public var document: ReportDocument
    /// Item ids in the order the draft lists them (by category, then plan order).
    public var itemOrder: [String]
    public var totals: DraftTotals
}

/// Drafts the next 整改进展情况的通报 of one plan from its state: pure, no clock, no I/O.
///
/// The draft follows the genre: title; the opening paragraph with the inspection's dates and the
/// feedback date; 一、the totals; 二、per category each problem ("针对“…”问题的整改情况") with its
/// 整改落实情况 — a status sentence, extensions with the original date, what the last report said
/// and the progress notes since, in order; 三、下一步 with what remains and by when; the
/// invitation to comment, the office's contacts, the issuer and the date.
public enum DraftComposer {
    public static func compose(_ state: PlanState, asOf day: CalendarDate) -> Draft {
        let plan = state.plan
        let title = DraftWording.title(plan)
        let kind = DraftWording.kind(plan)
        var blocks: [ReportBlock] = [.paragraph(DraftWording.opening(plan, title: title))]
        let totals = DraftTotals(state.items)

        var section = 0
        func heading(_ text: String) {
            section += 1
            blocks.append(.heading(level: 1, text: ChineseText.marker(level: 1, number: section) + text))
        }

        heading("整改工作总体进展")
        blocks.append(.paragraph(DraftWording.totals(totals, asOf: day, kind: kind)))
        if let timing = DraftWording.timing(totals) { blocks.append(.paragraph(timing)) }

        var order: [String] = []
        if !state.items.isEmpty {
            heading("\(kind.word)反馈问题整改进展情况")
            let outline = CategoryOutline(paths: state.items.map(\.item.category))
            emit(outline.root, level: 2, records: state.items, asOf: day, blocks: &blocks, order: &order)
        }

        let steps = DraftWording.nextSteps(state.items, totals: totals)
        if !steps.isEmpty {
            heading("下一步工作")
            blocks += steps.map(ReportBlock.paragraph)
        }

        blocks.append(.paragraph(DraftWording.invitation(kind)))
        blocks += DraftWording.contacts(plan.owner).map(ReportBlock.paragraph)
        // A plan without a unit has no issuer to sign: the clerk adds it; no blank line is left.
        let signature = [DraftWording.issuer(plan, title: title), ChineseText.date(day)].filter { !$0.isEmpty }
        blocks.append(.signature(signature))
        return Draft(document: ReportDocument(title: title, blocks: blocks), itemOrder: order, totals: totals)
    }

    /// A category's sub-categories and items in plan order, numbered per level.
    private static func emit(
        _ node: CategoryOutline.Node, level: Int, records: [ItemRecord], asOf day: CalendarDate, blocks: inout [ReportBlock],
        order: inout [String]
    ) {
        var number = 0
        for entry in node.order {
            number += 1
            let marker = ChineseText.marker(level: level, number: number)
            switch entry {
            case .category(let index):
                let child = node.children[index]
                blocks.append(.heading(level: level, text: marker + child.name))
                emit(child, level: level + 1, records: records, asOf: day, blocks: &blocks, order: &order)
            case .item(let index):
                let record = records[index]
                blocks.append(.heading(level: level, text: marker + DraftWording.itemHeading(record.item.title)))
                blocks += itemParagraphs(record, asOf: day)
                order.append(record.item.id)
            }
        }
    }

    /// 整改时限 (open items), 整改落实情况: status, extensions, the last report's account; then the
    /// notes since. The 整改时限 field decides the deadline when the draft is read back, whatever
    /// dates the account and the notes plan.
    static func itemParagraphs(_ record: ItemRecord, asOf day: CalendarDate) -> [ReportBlock] {
        var blocks: [ReportBlock] = []
        if let limit = DraftWording.deadlineField(record.item) { blocks.append(.paragraph(limit)) }
        var first = "整改落实情况：" + DraftWording.status(record) + DraftWording.milestones(record.item, asOf: day)
            + DraftWording.extensions(record.item)
        let account = DraftWording.sentence(AccountOpening.trimmed(record.account, status: record.item.status))
        if !account.isEmpty { first += account + "。" }
        blocks.append(.paragraph(first))
        let notes = DraftWording.notes(record.notes)
        if !notes.isEmpty { blocks.append(.paragraph("整改以来新进展：" + notes)) }
        return blocks
    }
}

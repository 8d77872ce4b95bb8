import Foundation
import RectifyControl
import RectifyCore
import RectifyStore
import RectifyWeb

/// The board's figures over the evaluated world, cached until the evaluations change (a query
/// over 100,000 items is then a lookup): a board request reads figures, it does not recount.
struct BoardView: Sendable {
    let figures: BoardFigures
    let overdue: [Int]
    let dueSoon: [Int]
    let recentlyClosed: [Int]

    private static let cache = Locked<(stamp: Int, view: BoardView)?>(nil)
    /// The rendered board, reused for `bodyLifetime` while the evaluations are the same: the
    /// lists read the state database (receipts change them without changing the world), so a
    /// board is at most that old; 50 clients then cost one rendering a second, not fifty.
    private static let rendered = Locked<(stamp: Int, at: Date, body: String)?>(nil)
    static let bodyLifetime: TimeInterval = 1

    static func body(_ evaluated: EvaluatedWorld, store: StateStore, time: (Date) -> String) throws(ControlError) -> String {
        let now = Date()
        if let cached = rendered.withLock({ $0 }), cached.stamp == evaluated.stamp, now.timeIntervalSince(cached.at) < bodyLifetime {
            return cached.body
        }
        let view = figures(evaluated, store: store)
        let body = OfficePages.boardBody(view.figures, lists: try view.lists(evaluated, store: store, time: time), asOf: time(evaluated.now))
        rendered.withLock { $0 = (evaluated.stamp, now, body) }
        return body
    }

    static func figures(_ evaluated: EvaluatedWorld, store: StateStore) -> BoardView {
        if let cached = cache.withLock({ $0 }), cached.stamp == evaluated.stamp { return cached.view }
        let view = BoardView(evaluated)
        cache.withLock { $0 = (evaluated.stamp, view) }
        return view
    }

    private init(_ evaluated: EvaluatedWorld) {
        let world = evaluated.world
        var items: [BoardItem] = []
        items.reserveCapacity(world.itemCount)
        var closed: [(Int, Date)] = []
        let today = CalendarDate(containing: evaluated.now, in: world.config.timeZone)
        let recent = evaluated.now.addingTimeInterval(-30 * 86_400)
        for index in world.indices {
            let item = world.item(at: index), plan = world.plan(at: index), e = evaluated.evaluations[index]
            let done = item.status == .done
            let closedOn = done ? item.lastUpdate.map { CalendarDate(containing: $0, in: world.zone(at: index)) } : nil
            if done, let at = item.lastUpdate, at >= recent { closed.append((index, at)) }
            items.append(
                BoardItem(
                    unit: plan.unit, department: item.responsible?.department ?? "", state: e.state, colour: done ? nil : e.colour,
                    deadline: item.effectiveDeadline?.date, originalDeadline: item.deadline?.date, closedOn: closedOn,
                    closedUndated: done && closedOn == nil))
        }
        figures = BoardFigures(items: items, today: today)
        var overdue: [Int] = [], dueSoon: [Int] = []
        for index in evaluated.urgency {
            let state = evaluated.evaluations[index].state
            if state == .overdue && overdue.count < 10 { overdue.append(index) }
            if state == .dueSoon && dueSoon.count < 10 { dueSoon.append(index) }
            if overdue.count >= 10 && dueSoon.count >= 10 { break }
        }
        self.overdue = overdue
        self.dueSoon = dueSoon
        recentlyClosed = closed.sorted { $0.1 > $1.1 }.prefix(10).map(\.0)
    }

    func lists(_ evaluated: EvaluatedWorld, store: StateStore, time: (Date) -> String) throws(ControlError) -> OfficePages.Lists {
        let world = evaluated.world
        let summary = { (index: Int) in ItemRoutes.summary(world, index, evaluated.evaluation(at: index)) }
        let people = world.config.receivers.filter { !$0.isGroupChannel }.map(\.name)
        let unreceived: [NoticeRecord]
        do {
            unreceived = try store.unreceivedNotices(colours: ["red", "yellow"], receivers: people, includeEscalated: true, limit: 50)
        } catch {
            throw .internal("the notices awaiting receipt cannot be read: \(error)")
        }
        return OfficePages.Lists(
            overdue: overdue.map(summary), dueSoon: dueSoon.map(summary),
            unacknowledged: unreceived.filter(Scheduler.needsReceipt).map { notice in
                (notice: notice.id, recipient: notice.recipientName.map { "\($0)（\(notice.recipient)）" } ?? notice.recipient,
                 sent: time(notice.deliveredAt ?? notice.createdAt), colour: notice.colour, items: notice.items.count)
            },
            recentlyClosed: recentlyClosed.map(summary))
    }
}

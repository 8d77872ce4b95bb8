import Foundation
import RectifyControl
import RectifyCore
import RectifyStore

/// Decides requests (延期, 销号) — from the review page and from `rectifyctl approve|reject` —
/// one at a time, so two reviewers cannot both apply one request:
/// - an approved 延期 is an `extend` update (the original deadline stays on record; the
///   scheduler re-evaluates and re-arms at once) and a reply to the requester;
/// - an approved 销号 is a `done` update (the resolved notice goes to everyone alerted);
/// - a rejection needs a reason and sends it to the requester through the receiver and
///   recipient their signed link named.
final class RequestDesk: Sendable {
    private let parts: DaemonParts
    /// One lock for every desk: the web's and the control socket's decide one at a time.
    private static let lock = NSLock()

    init(parts: DaemonParts) { self.parts = parts }

    enum Decision: String { case approve, reject }

    /// Applies a decision; returns the request as decided.
    func decide(_ id: Int64, _ decision: Decision, reason: String?, by: String, uid: Int?, origin: UpdateRecord.Origin?)
        throws(ControlError) -> RequestRecord
    {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        let store = parts.store
        let request: RequestRecord
        do {
            guard let found = try store.request(id: id) else { throw ControlError.notFound("no request #\(id); list them with rectifyctl requests") }
            request = found
        } catch let error as ControlError {
            throw error
        } catch {
            throw .internal("the requests cannot be read: \(error)")
        }
        guard request.status == .pending else {
            throw .conflict("request #\(id) was already \(request.status == .approved ? "approved" : "rejected") by \(request.decidedBy ?? "someone")")
        }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nilIfEmpty
        let what = request.kind == .extend ? "延期申请" : "销号申请"
        switch decision {
        case .reject:
            guard let reason else { throw .badRequest("a rejection needs a reason (the requester is told why)", field: "reason") }
            try record(request, .rejected, by: by, note: reason, uid: uid, origin: origin, kind: "request_rejected")
            reply(request, "\(what)未获批准：\(reason)")
        case .approve:
            let note = "整改办批准\(what)#\(id)（\(request.recipient)）" + (reason.map { "：\($0)" } ?? "")
            let change: ItemChange
            switch request.kind {
            case .extend:
                guard let to = request.extendTo.flatMap(CalendarDate.init) else { throw .internal("request #\(id) has no date") }
                change = .extend(to: to, reason: request.note + "（" + note + "）")
            case .close:
                change = .done(note: request.note + "（" + note + "）")
            }
            do throws(ItemChangeRefused) {
                _ = try parts.scheduler.apply(
                    change, planID: request.planID, itemID: request.itemID, uid: uid, user: by, origin: origin,
                    extra: ["request": String(id)])
            } catch {
                throw ControlError(error)
            }
            try record(request, .approved, by: by, note: reason, uid: uid, origin: origin, kind: nil)
            if request.kind == .extend { reply(request, "\(what)已批准，整改时限延至\(request.extendTo ?? "")（原时限留档备查）") }
        }
        parts.logger.info(
            "request decided",
            metadata: ["request": "\(id)", "decision": "\(decision.rawValue)", "by": "\(by)", "plan": "\(request.planID)", "item": "\(request.itemID)"])
        do {
            return try store.request(id: id) ?? request
        } catch {
            return request
        }
    }

    private func record(
        _ request: RequestRecord, _ status: RequestRecord.Status, by: String, note: String?, uid: Int?, origin: UpdateRecord.Origin?,
        kind: String?
    ) throws(ControlError) {
        let now = Date()
        do {
            guard try parts.store.decide(requestID: request.id, status: status, at: now, by: by, note: note) else {
                throw ControlError.conflict("request #\(request.id) was decided meanwhile")
            }
            if let kind {
                _ = try parts.store.append(
                    UpdateRecord(
                        planID: request.planID, itemID: request.itemID, kind: kind, at: now, uid: uid, user: by, note: note,
                        payload: ["request": String(request.id)], origin: origin))
            }
        } catch let error as ControlError {
            throw error
        } catch {
            throw .unavailable("the decision could not be stored: \(error)")
        }
    }

    private func reply(_ request: RequestRecord, _ text: String) {
        guard let receiver = request.receiver else { return }
        parts.scheduler.queueReply(
            planID: request.planID, itemID: request.itemID, receiver: receiver, recipient: request.recipient, requestID: request.id,
            text: text)
    }

    /// A request as the API and the pages show it.
    static func entry(_ r: RequestRecord, title: String?, zone: TimeZone) -> RequestEntry {
        RequestEntry(
            id: r.id, plan: r.planID, item: r.itemID, itemTitle: title, kind: r.kind.rawValue, status: r.status.rawValue,
            createdAt: Timestamps.format(r.createdAt, in: zone), recipient: r.recipient, note: r.note, to: r.extendTo,
            evidence: r.evidence, decidedAt: r.decidedAt.map { Timestamps.format($0, in: zone) }, decidedBy: r.decidedBy,
            decisionNote: r.decisionNote)
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

import Foundation
import Yams

/// Writes a plan in the plan-file format (the same schema `PlanReader` reads).
public enum PlanWriter {
    public enum Format: String, Sendable, CaseIterable { case yaml, json }

    public static func render(_ plan: Plan, as format: Format) throws -> String {
        let document = PlanDocument(plan: plan)
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
            return String(decoding: try encoder.encode(document), as: UTF8.self) + "\n"
        case .yaml:
            let encoder = YAMLEncoder()
            encoder.options.allowUnicode = true
            encoder.options.width = -1
            encoder.options.sortKeys = false
            // Yams builds the document as one node tree and copies a sequence each time it
            // appends to it: a 100,000-item plan took minutes. The header and the items, a
            // chunk at a time, are encoded on their own and joined; the text is the same.
            guard !plan.items.isEmpty else { return try encoder.encode(document) }
            var out = try encoder.encode(PlanDocument(plan: plan, withItems: false))
            out += "items:\n"
            var start = plan.items.startIndex
            while start < plan.items.endIndex {
                let end = min(start + 256, plan.items.endIndex)
                out += try encoder.encode(plan.items[start..<end].map { ItemRecord(item: $0, zone: plan.zone) })
                start = end
            }
            return out
        }
    }
}

/// The on-disk shape: `{plan: {...}, items: [...]}`.
struct PlanDocument: Encodable {
    let plan: Plan
    var withItems = true

    enum Keys: String, CodingKey { case plan, items }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(PlanHeader(plan: plan), forKey: .plan)
        if withItems {
            try container.encode(plan.items.map { ItemRecord(item: $0, zone: plan.zone) }, forKey: .items)
        }
    }
}

struct PlanHeader: Encodable {
    let plan: Plan

    enum Keys: String, CodingKey {
        case id, unit, title, source, reportDate = "report_date", timeZone = "time_zone", owner, leaders, stated
        case inspection
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(plan.id, forKey: .id)
        try c.encode(plan.unit, forKey: .unit)
        try c.encode(plan.title, forKey: .title)
        try c.encodeIfPresent(plan.source, forKey: .source)
        try c.encodeIfPresent(plan.reportDate, forKey: .reportDate)
        try c.encode(plan.timeZone, forKey: .timeZone)
        try c.encodeIfPresent(plan.owner, forKey: .owner)
        if !plan.leaders.isEmpty { try c.encode(plan.leaders, forKey: .leaders) }
        try c.encodeIfPresent(plan.stated, forKey: .stated)
        try c.encodeIfPresent(plan.inspection, forKey: .inspection)
    }
}

struct ItemRecord: Encodable {
    let item: Item
    let zone: TimeZone

    enum Keys: String, CodingKey {
        case id, category, title, text, status, statusEvidence = "status_evidence", deadline, milestones, progress
        case responsible, extensions, start, lastUpdate = "last_update", review
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(item.id, forKey: .id)
        if !item.category.isEmpty { try c.encode(item.category, forKey: .category) }
        try c.encode(item.title, forKey: .title)
        try c.encodeIfPresent(item.text, forKey: .text)
        try c.encode(item.status, forKey: .status)
        try c.encodeIfPresent(item.statusEvidence, forKey: .statusEvidence)
        // `deadline: null` is written out: an open item without one is a defect worth seeing.
        try c.encode(item.deadline, forKey: .deadline)
        if !item.milestones.isEmpty { try c.encode(item.milestones, forKey: .milestones) }
        try c.encodeIfPresent(item.progress, forKey: .progress)
        try c.encodeIfPresent(item.responsible, forKey: .responsible)
        if !item.extensions.isEmpty { try c.encode(item.extensions, forKey: .extensions) }
        try c.encodeIfPresent(item.start, forKey: .start)
        try c.encodeIfPresent(item.lastUpdate.map { Timestamps.format($0, in: zone) }, forKey: .lastUpdate)
        if !item.review.isEmpty { try c.encode(item.review, forKey: .review) }
    }
}

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
            return try encoder.encode(document)
        }
    }
}

/// The on-disk shape: `{plan: {...}, items: [...]}`.
struct PlanDocument: Encodable {
    let plan: Plan

    enum Keys: String, CodingKey { case plan, items }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Keys.self)
        try container.encode(PlanHeader(plan: plan), forKey: .plan)
        try container.encode(plan.items.map { ItemRecord(item: $0, zone: plan.zone) }, forKey: .items)
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

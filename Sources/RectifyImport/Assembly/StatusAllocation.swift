import RectifyCore

/// Decides each item's status from what the report says.
///
/// An explicit status paragraph decides. Otherwise cue scores do: with the report's stated
/// number of open problems, that many of the remaining items with the highest positive scores
/// are open (the totals are the report's own count); without it, an item is open when its
/// score reaches a clear statement (3). Routine future work ("将继续", weight 1) alone never
/// opens an item without totals.
enum StatusAllocation {
    struct Input: Sendable {
        var explicit: (status: ItemStatus, evidence: Evidence)?
        var score: Int
        /// The strongest open cue or the deadline phrase.
        var openEvidence: Evidence?
        var doneEvidence: Evidence?
        var longTerm: Bool
    }

    static let openThreshold = 3

    static func allocate(_ inputs: [Input], statedOpen: Int?, totalsEvidence: Evidence?) -> [(ItemStatus, Evidence?)] {
        var result: [(ItemStatus, Evidence?)] = inputs.map { input in
            if let explicit = input.explicit { return (explicit.status, explicit.evidence) }
            return (.done, input.doneEvidence ?? totalsEvidence)
        }
        let undecided = inputs.indices.filter { inputs[$0].explicit == nil }
        let explicitOpen = inputs.filter { $0.explicit.map { $0.status != .done } ?? false }.count
        let chosen: [Int]
        if let statedOpen {
            let target = max(0, statedOpen - explicitOpen)
            let ranked = undecided.filter { inputs[$0].score > 0 }.sorted { a, b in
                inputs[a].score != inputs[b].score ? inputs[a].score > inputs[b].score : a < b
            }
            chosen = Array(ranked.prefix(target))
        } else {
            chosen = undecided.filter { inputs[$0].score >= openThreshold }
        }
        for index in chosen {
            let input = inputs[index]
            result[index] = (input.longTerm ? .longTerm : .inProgress, input.openEvidence)
        }
        return result
    }
}

import Foundation

extension ItemOutline {
    /// One level of exactly `stated` headings, each over leaves only, none a category
    /// ("…方面"): problems whose numbered sub-headings are the steps taken.
    static func problemsOverSteps(candidates: [Int], headings: [Outline.Heading], stated: Int, paragraphs: [Paragraph]) -> [Int]? {
        let styles = Set(candidates.map { headings[$0].style })
        for style in styles {
            let members = candidates.filter { headings[$0].style == style }
            guard members.count == stated, members.allSatisfy({ !headings[$0].children.isEmpty }) else { continue }
            let leavesOnly = members.allSatisfy { m in headings[m].children.allSatisfy { headings[$0].children.isEmpty } }
            let categories = members.filter { m in
                let f = paragraphs[headings[m].paragraph].folded
                let title = String(scalars: f[headings[m].marker.length..<firstSentence(f)])
                    .trimmingCharacters(in: CharacterSet(charactersIn: "。.:：;； "))
                return title.hasSuffix("方面") || title.hasSuffix("方面问题") || title.hasSuffix("方面的问题") || title.count <= 8
            }
            if leavesOnly, categories.isEmpty { return members }
        }
        return nil
    }
}

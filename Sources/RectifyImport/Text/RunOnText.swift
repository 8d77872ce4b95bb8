/// Splits a report copied from a web page as one long line back into paragraphs.
///
/// A long line (over 400 characters) is cut before each numbering marker ("二、", "（三）",
/// "4.") that follows a sentence end, and before a closing part (欢迎…, 联系电话). A short
/// heading followed by white space ("一、整改工作开展情况 卫生院党支部…") is cut at the space.
/// The pieces keep the line's number, so evidence still points at the line.
enum RunOnText {
    static let minimumLength = 400

    static func split(_ raw: [Unicode.Scalar]) -> [[Unicode.Scalar]] {
        guard raw.count > minimumLength else { return [raw] }
        let f = raw.map(Chars.fold)
        var cuts: [Int] = []
        var pieceStart = 0
        var i = 1
        while i < f.count {
            defer { i += 1 }
            guard !Chars.isSpace(f[i]) else { continue }
            var j = i - 1
            while j > pieceStart, Chars.isSpace(f[j]) { j -= 1 }
            let spaced = j < i - 1
            let afterSentence = Chars.isSentenceEnd(f[j]) || f[j] == ";"
            let window = Array(f[i..<min(f.count, i + 12)])
            let startsPart = HeadingMarker.numbered(window).map { ($0.number ?? 0) <= 50 } ?? false
            let closing = window.starts(with: "欢迎".unicodeScalars) || window.starts(with: "联系电话".unicodeScalars)
            var cut = false
            if afterSentence || spaced, startsPart || closing {
                cut = true
            } else if spaced, i - pieceStart <= 40, HeadingMarker.numbered(Array(f[pieceStart..<min(f.count, pieceStart + 12)])) != nil,
                !f[pieceStart..<i].contains(where: Chars.isSentenceEnd)
            {
                cut = true
            }
            if cut, i > pieceStart {
                cuts.append(i)
                pieceStart = i
            }
        }
        guard !cuts.isEmpty else { return [raw] }
        var pieces: [[Unicode.Scalar]] = []
        var start = 0
        for cut in cuts {
            pieces.append(Array(raw[start..<cut]))
            start = cut
        }
        pieces.append(Array(raw[start...]))
        return pieces
    }
}

/// RFC 2047 "B" encoded-words for non-ASCII header text.
///
/// Each word is `=?UTF-8?B?…?=` of at most 75 characters and holds whole characters only:
/// a word boundary never falls inside a character's UTF-8 bytes (RFC 2047 §5, rule 3), so
/// every word decodes on its own. A header line holding encoded-words stays within 76 characters.
enum EncodedWord {
    static let maxWordLength = 75
    static let maxLineLength = 76
    private static let prefix = "=?UTF-8?B?"
    private static let suffix = "?="

    /// Whether `text` can go into a header as it is (printable ASCII, no encoded-word look-alike).
    static func isPlainASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F } && !text.contains("=?")
    }

    /// The encoded-words of `text`, the first sized to fit after `firstLineUsed` characters
    /// already on the header line (e.g. `"Subject: "`), the others on folded lines (one space).
    static func words(_ text: String, firstLineUsed: Int) -> [String] {
        let overhead = prefix.count + suffix.count
        let firstBudget = min(maxWordLength, maxLineLength - firstLineUsed) - overhead
        let otherBudget = min(maxWordLength, maxLineLength - 1) - overhead
        var words: [String] = []
        var chunk: [UInt8] = []
        var budget = max(firstBudget, 4)

        func flush() {
            guard !chunk.isEmpty else { return }
            words.append(prefix + Base64.encode(chunk) + suffix)
            chunk.removeAll()
            budget = otherBudget
        }
        for piece in pieces(of: text, maxBytes: otherBudget / 4 * 3) {
            if Base64.encodedLength(chunk.count + piece.count) > budget { flush() }
            chunk.append(contentsOf: piece)
        }
        flush()
        return words
    }

    /// `text` as one folded header value: encoded-words joined by CRLF + space.
    static func encode(_ text: String, firstLineUsed: Int) -> String {
        words(text, firstLineUsed: firstLineUsed).joined(separator: "\r\n ")
    }

    /// The UTF-8 bytes of each character; a character too long for one word (a long emoji
    /// sequence) is split between its Unicode scalars, which still never splits a byte sequence.
    private static func pieces(of text: String, maxBytes: Int) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        for character in text {
            let bytes = Array(String(character).utf8)
            if bytes.count <= maxBytes {
                pieces.append(bytes)
            } else {
                pieces.append(contentsOf: character.unicodeScalars.map { Array(String($0).utf8) })
            }
        }
        return pieces
    }
}

/// Base64 as MIME uses it (RFC 2045 §6.8).
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The two characters of every 12 bits, as they lie in memory (first character first).
    private static let pairs: [UInt16] = (0..<4096).map { n in
        (UInt16(alphabet[n >> 6]) | UInt16(alphabet[n & 63]) << 8).littleEndian
    }

    static func encodedLength(_ byteCount: Int) -> Int { (byteCount + 2) / 3 * 4 }

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(encodedLength(bytes.count))
        append(bytes, to: &out, lineLength: .max)
        return String(decoding: out, as: UTF8.self)
    }

    /// A body part's content: base64 in lines of at most 76 characters, each ending in CRLF.
    static func wrapped(_ bytes: [UInt8], lineLength: Int = 76) -> String {
        var out: [UInt8] = []
        appendWrapped(bytes, to: &out, lineLength: lineLength)
        return String(decoding: out, as: UTF8.self)
    }

    /// `wrapped`, appended to `out` as bytes.
    static func appendWrapped(_ bytes: [UInt8], to out: inout [UInt8], lineLength: Int = 76) {
        let length = encodedLength(bytes.count)
        out.reserveCapacity(out.count + length + (length / lineLength + 1) * 2)
        append(bytes, to: &out, lineLength: lineLength)
        if length % lineLength != 0 { out += [0x0D, 0x0A] }
    }

    /// The encoding of `bytes`, a CRLF after every `lineLength` characters (a multiple of 4).
    /// Written through a pointer into room made first: appending byte by byte checked the
    /// array's capacity and uniqueness four times per three bytes, and the cold start's
    /// backlog at 100,000 items encodes 70 MB of mail bodies.
    private static func append(_ bytes: [UInt8], to out: inout [UInt8], lineLength: Int) {
        let length = encodedLength(bytes.count)
        let breaks = lineLength == .max ? 0 : length / lineLength
        let start = out.count
        out.append(contentsOf: repeatElement(0, count: length + breaks * 2))
        alphabet.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { input in
                out.withUnsafeMutableBufferPointer { output in
                    var index = 0
                    var o = start
                    var column = 0
                    // Whole lines first, two characters per lookup (`pairs`), no column count.
                    let groupsPerLine = lineLength / 4
                    if lineLength != .max && lineLength % 4 == 0 && groupsPerLine > 0 {
                        Self.pairs.withUnsafeBufferPointer { pairs in
                            let raw = UnsafeMutableRawPointer(output.baseAddress!)
                            while index + 3 * groupsPerLine <= input.count {
                                for _ in 0..<groupsPerLine {
                                    let n = Int(input[index]) << 16 | Int(input[index + 1]) << 8 | Int(input[index + 2])
                                    raw.storeBytes(of: pairs[n >> 12], toByteOffset: o, as: UInt16.self)
                                    raw.storeBytes(of: pairs[n & 0xFFF], toByteOffset: o + 2, as: UInt16.self)
                                    index += 3
                                    o += 4
                                }
                                output[o] = 0x0D
                                output[o + 1] = 0x0A
                                o += 2
                            }
                        }
                    }
                    while index + 3 <= input.count {
                        let n = UInt32(input[index]) << 16 | UInt32(input[index + 1]) << 8 | UInt32(input[index + 2])
                        output[o] = table[Int(n >> 18 & 63)]
                        output[o + 1] = table[Int(n >> 12 & 63)]
                        output[o + 2] = table[Int(n >> 6 & 63)]
                        output[o + 3] = table[Int(n & 63)]
                        index += 3
                        o += 4
                        column += 4
                        if column == lineLength {
                            output[o] = 0x0D
                            output[o + 1] = 0x0A
                            o += 2
                            column = 0
                        }
                    }
                    let rest = input.count - index
                    if rest > 0 {
                        let n = UInt32(input[index]) << 16 | (rest == 2 ? UInt32(input[index + 1]) << 8 : 0)
                        output[o] = table[Int(n >> 18 & 63)]
                        output[o + 1] = table[Int(n >> 12 & 63)]
                        output[o + 2] = rest == 2 ? table[Int(n >> 6 & 63)] : UInt8(ascii: "=")
                        output[o + 3] = UInt8(ascii: "=")
                        o += 4
                        column += 4
                        if column == lineLength {
                            output[o] = 0x0D
                            output[o + 1] = 0x0A
                        }
                    }
                }
            }
        }
    }
}

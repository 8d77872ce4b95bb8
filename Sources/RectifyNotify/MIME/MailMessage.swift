import Foundation

/// An email ready to be serialised: headers and a text + HTML body.
struct MailMessage {
    var from: MailAddress
    var to: [MailAddress]
    var subject: String
    var date: Date
    var timeZone: TimeZone
    /// Without angle brackets: "rectifyd.N-42@example.cn".
    var messageID: String
    var text: String
    var html: String
    /// Further headers (ASCII values only), e.g. `X-Rectifyd-Notice`.
    var extraHeaders: [(name: String, value: String)] = []
}

/// Serialises a `MailMessage` as RFC 5322 + MIME bytes: CRLF line ends, RFC 2047 subject and
/// display names, `multipart/alternative` with base64 UTF-8 text and HTML parts. SMTP and
/// Maildir both send exactly these bytes.
enum MIMEBuilder {
    static func build(_ message: MailMessage) -> [UInt8] {
        let boundary = "=_rectifyd_" + hexHash(message.messageID)
        var lines: [String] = []
        lines.append(header("From", mailbox: message.from))
        lines.append(
            "To: "
                + message.to.enumerated().map { index, mailbox in
                    mailbox.headerValue(firstLineUsed: index == 0 ? 4 : 1)
                }.joined(separator: ",\r\n "))
        lines.append(subjectHeader(message.subject))
        lines.append("Date: " + LocalTime(message.date, in: message.timeZone).rfc5322)
        lines.append("Message-ID: <\(message.messageID)>")
        lines.append("MIME-Version: 1.0")
        // RFC 3834: tells auto-responders (out-of-office) not to answer a machine.
        lines.append("Auto-Submitted: auto-generated")
        for extra in message.extraHeaders { lines.append("\(extra.name): \(sanitised(extra.value))") }
        lines.append("Content-Type: multipart/alternative; boundary=\"\(boundary)\"")
        lines.append("")
        lines.append("This is a multipart message in MIME format.")
        lines.append("")
        // Bytes all the way: the bodies of a large notice are megabytes.
        var out: [UInt8] = []
        out.reserveCapacity(1024 + (message.text.utf8.count + message.html.utf8.count) * 14 / 10)
        out += (lines.joined(separator: "\r\n") + "\r\n").utf8
        part(boundary: boundary, type: "text/plain", body: message.text, to: &out)
        part(boundary: boundary, type: "text/html", body: message.html, to: &out)
        out += "--\(boundary)--\r\n".utf8
        return out
    }

    static func subjectHeader(_ subject: String) -> String {
        let name = "Subject: "
        let flat = sanitised(subject)
        if EncodedWord.isPlainASCII(flat) && name.count + flat.count <= 78 { return name + flat }
        return name + EncodedWord.encode(flat, firstLineUsed: name.count)
    }

    private static func header(_ name: String, mailbox: MailAddress) -> String {
        "\(name): " + mailbox.headerValue(firstLineUsed: name.count + 2)
    }

    private static func part(boundary: String, type: String, body: String, to out: inout [UInt8]) {
        out += ("--\(boundary)\r\n" + "Content-Type: \(type); charset=UTF-8\r\n" + "Content-Transfer-Encoding: base64\r\n\r\n").utf8
        Base64.appendWrapped(normalisedLineEnds(body), to: &out)
    }

    /// Header values are one line: any line break in them would start a new header.
    private static func sanitised(_ value: String) -> String {
        value.split(whereSeparator: \.isNewline).joined(separator: " ")
    }

    /// Text parts use CRLF (RFC 2046 §4.1.1), whatever the renderer produced: every LF not
    /// already after a CR gets one (a lone CR stays). Over bytes, not Foundation's string search.
    static func normalisedLineEnds(_ text: String) -> [UInt8] {
        var text = text
        return text.withUTF8 { input in
            guard let base = input.baseAddress, !input.isEmpty else { return [] }
            let n = input.count
            // The LFs found with memchr and the runs between them copied whole: byte by byte,
            // this was a twelfth of delivering the cold-start backlog (70 MB of text and HTML).
            func nextLF(from p: Int) -> Int? {
                guard p < n, let found = memchr(base + p, 0x0A, n - p) else { return nil }
                return UnsafeRawPointer(base).distance(to: UnsafeRawPointer(found))
            }
            var added = 0
            var p = 0
            while let i = nextLF(from: p) {
                if i == 0 || input[i - 1] != 0x0D { added += 1 }
                p = i + 1
            }
            if added == 0 { return Array(input) }
            return [UInt8](unsafeUninitializedCapacity: n + added) { output, count in
                let out = output.baseAddress!
                var o = 0
                var p = 0
                while p < n {
                    let i = nextLF(from: p) ?? n
                    (out + o).initialize(from: base + p, count: i - p)
                    o += i - p
                    if i == n { break }
                    if i == 0 || input[i - 1] != 0x0D {
                        out[o] = 0x0D
                        o += 1
                    }
                    out[o] = 0x0A
                    o += 1
                    p = i + 1
                }
                count = o
            }
        }
    }

    /// FNV-1a of the Message-ID: a boundary that is stable for a message (pure rendering)
    /// and, starting with "=_", can never occur in base64 content.
    private static func hexHash(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return String(hash, radix: 16)
    }
}

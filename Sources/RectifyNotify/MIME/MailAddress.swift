import Foundation

/// A mailbox: an address and an optional display name ("整改办 <zgb@example.cn>").
public struct MailAddress: Hashable, Sendable, CustomStringConvertible {
    public var address: String
    public var name: String?

    public init(_ address: String, name: String? = nil) {
        self.address = address
        self.name = name
    }

    public var description: String { name.map { "\($0) <\(address)>" } ?? address }

    /// Whether the address can go into a header and an SMTP envelope as it is: one `@`,
    /// printable ASCII, no spaces, angle brackets or line breaks (which would inject headers).
    /// Internationalised addresses (SMTPUTF8) are not supported.
    public var isValid: Bool {
        let bytes = Array(address.utf8)
        let forbidden: Set<UInt8> = [
            UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ","), UInt8(ascii: ";"),
            UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "("), UInt8(ascii: ")"),
        ]
        guard bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !forbidden.contains($0) }) else { return false }
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".")
    }

    /// The part after the `@` (used for Message-ID).
    public var domain: String { address.split(separator: "@").last.map(String.init) ?? "localhost" }

    /// The mailbox as a header value: a quoted or RFC 2047-encoded display name, then `<address>`.
    /// `firstLineUsed` is how much of the header line is taken before the value.
    func headerValue(firstLineUsed: Int) -> String {
        guard let name = name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
            return address
        }
        if EncodedWord.isPlainASCII(name) {
            let escaped = name.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            let phrase = name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == " " }) ? name : "\"\(escaped)\""
            return "\(phrase) <\(address)>"
        }
        let words = EncodedWord.words(name, firstLineUsed: firstLineUsed)
        // The address goes on the last word's line when it fits, else on a line of its own.
        let last = words.last!
        let lastLineLength = (words.count == 1 ? firstLineUsed : 1) + last.count
        let separator = lastLineLength + 2 + address.count + 1 <= EncodedWord.maxLineLength ? " " : "\r\n "
        return words.joined(separator: "\r\n ") + separator + "<\(address)>"
    }
}

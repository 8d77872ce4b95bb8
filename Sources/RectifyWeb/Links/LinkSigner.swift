import Crypto
import Foundation

/// What a signed link names: one recipient of one notice, until an instant.
public struct LinkClaim: Hashable, Sendable {
    /// The receiver the notice went through (its config name).
    public var receiver: String
    /// The recipient as the notice names it: an email address, or a group channel's name.
    public var recipient: String
    public var noticeID: String
    public var expires: Date

    public init(receiver: String, recipient: String, noticeID: String, expires: Date) {
        self.receiver = receiver
        self.recipient = recipient
        self.noticeID = noticeID
        self.expires = expires
    }
}

/// Why a link was refused: a forged or damaged token (403) or an expired one (410).
public enum LinkRefusal: Error, Equatable, Sendable {
    /// Not a token this daemon made: wrong shape, a signature that does not match, or signed
    /// with a key that is no longer accepted.
    case invalid(String)
    case expired(Date)
}

/// Signs and checks the links that notices carry: HMAC-SHA256 (swift-crypto) over the
/// receiver, the recipient, the notice and an expiry, as base64url `payload.signature`.
///
/// Keys rotate: tokens name the key that signed them (the first 8 bytes of its SHA-256, as
/// hex), new tokens are signed with `current`, and a token signed with `previous` is still
/// accepted until `previousValidUntil`. A signature is compared in constant time (swift-crypto's
/// `isValidAuthenticationCode`). Pure apart from the key material: `now` is passed in.
public struct LinkSigner: Sendable {
    public struct Key: Sendable {
        /// The key's bytes (swift-crypto's `SymmetricKey` is not `Sendable` on Linux; one is
        /// made from these for each signature).
        private let bytes: [UInt8]
        /// The key's id in tokens.
        public let id: String

        public init(secret: String) {
            bytes = Array(secret.utf8)
            id = Hex.encode(SHA256.hash(data: bytes).prefix(8))
        }

        var key: SymmetricKey { SymmetricKey(data: bytes) }
    }

    public var current: Key
    public var previous: Key?
    public var previousValidUntil: Date?

    public init(current: Key, previous: Key? = nil, previousValidUntil: Date? = nil) {
        self.current = current
        self.previous = previous
        self.previousValidUntil = previousValidUntil
    }

    /// A token for `claim`, signed with the current key.
    public func token(for claim: LinkClaim) -> String {
        let payload = Self.payload(claim, keyID: current.id)
        let signature = HMAC<SHA256>.authenticationCode(for: payload, using: current.key)
        return Base64URL.encode(payload) + "." + Base64URL.encode(Data(signature))
    }

    /// The claim of a token this daemon signed with a key it still accepts, or why not.
    public func verify(_ token: String, at now: Date) throws(LinkRefusal) -> LinkClaim {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard token.utf8.count <= 2048, parts.count == 2, let payload = Base64URL.decode(parts[0]),
            let signature = Base64URL.decode(parts[1])
        else { throw .invalid("the link is not complete (it may have been cut when copied)") }
        guard let fields = Self.fields(payload) else { throw .invalid("the link is damaged") }
        let key: Key
        if fields.keyID == current.id {
            key = current
        } else if let previous, fields.keyID == previous.id {
            guard let until = previousValidUntil, now < until else {
                throw .invalid("the link was signed with a key that has been retired")
            }
            key = previous
        } else {
            throw .invalid("the link was not signed by this system")
        }
        guard HMAC<SHA256>.isValidAuthenticationCode(signature, authenticating: payload, using: key.key) else {
            throw .invalid("the link's signature does not match (it was changed)")
        }
        guard now < fields.claim.expires else { throw .expired(fields.claim.expires) }
        return fields.claim
    }

    /// A short value derived from a token for its forms' CSRF field: only someone who can read
    /// the page (and so holds the token) can fill it, and it names nothing.
    public func formToken(for token: String) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(("csrf\u{1}" + token).utf8), using: current.key)
        return Base64URL.encode(Data(code).prefix(18))
    }

    // MARK: the payload

    /// `1 \x1f keyID \x1f expiry \x1f receiver \x1f recipient \x1f notice`: unit separators cannot
    /// appear in any field (names, addresses and UUIDs), so fields cannot slide into each other.
    static func payload(_ claim: LinkClaim, keyID: String) -> Data {
        let fields = ["1", keyID, String(Int64(claim.expires.timeIntervalSince1970)), claim.receiver, claim.recipient, claim.noticeID]
        return Data(fields.map { $0.replacingOccurrences(of: "\u{1f}", with: " ") }.joined(separator: "\u{1f}").utf8)
    }

    static func fields(_ payload: Data) -> (keyID: String, claim: LinkClaim)? {
        guard let text = String(data: payload, encoding: .utf8) else { return nil }
        let f = text.split(separator: "\u{1f}", omittingEmptySubsequences: false).map(String.init)
        guard f.count == 6, f[0] == "1", let expiry = Int64(f[2]) else { return nil }
        return (
            f[1],
            LinkClaim(receiver: f[3], recipient: f[4], noticeID: f[5], expires: Date(timeIntervalSince1970: TimeInterval(expiry)))
        )
    }
}

/// Bytes as lower-case hex (digests kept or shown as text).
enum Hex {
    static func encode(_ bytes: some Sequence<UInt8>) -> String { bytes.map { String(format: "%02x", $0) }.joined() }
}

/// RFC 4648 §5 base64url without padding.
public enum Base64URL {
    public static func encode(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    public static func decode(_ text: Substring) -> Data? {
        guard text.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else { return nil }
        var base = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base.count % 4 != 0 { base += "=" }
        return Data(base64Encoded: base)
    }
}

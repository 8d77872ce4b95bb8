import Foundation
import Testing

@testable import RectifyWeb

struct LinkSignerTests {
    let key = LinkSigner.Key(secret: String(repeating: "k", count: 40))
    let now = Date(timeIntervalSince1970: 1_800_000_000)
    var claim: LinkClaim { LinkClaim(receiver: "mail", recipient: "zhang@example.gov.cn", noticeID: "n-1", expires: now.addingTimeInterval(3600)) }

    @Test func signedToken_verifiesToItsClaim() throws {
        let signer = LinkSigner(current: key)
        #expect(try signer.verify(signer.token(for: claim), at: now) == claim)
    }

    @Test func tamperedPayloadOrSignature_isInvalid() {
        let signer = LinkSigner(current: key)
        let token = signer.token(for: claim)
        let parts = token.split(separator: ".").map(String.init)
        var payload = Array(Base64URL.decode(Substring(parts[0]))!)
        payload[payload.count - 1] ^= 1
        let changed = Base64URL.encode(Data(payload)) + "." + parts[1]
        #expect(throws: LinkRefusal.self) { try signer.verify(changed, at: now) }
        #expect(throws: LinkRefusal.self) { try signer.verify(parts[0] + "." + String(parts[1].reversed()), at: now) }
        #expect(throws: LinkRefusal.self) { try signer.verify(String(token.prefix(token.count / 2)), at: now) }
        #expect(throws: LinkRefusal.self) { try signer.verify("", at: now) }
    }

    @Test func expiredToken_isExpiredNotInvalid() {
        let signer = LinkSigner(current: key)
        let token = signer.token(for: claim)
        #expect(throws: LinkRefusal.expired(claim.expires)) { try signer.verify(token, at: claim.expires) }
    }

    @Test func previousKey_isAcceptedOnlyWithinItsWindow() throws {
        let old = LinkSigner(current: key)
        let token = old.token(for: claim)
        let rotated = LinkSigner(
            current: LinkSigner.Key(secret: String(repeating: "n", count: 40)), previous: key, previousValidUntil: now.addingTimeInterval(60))
        #expect(try rotated.verify(token, at: now) == claim)
        #expect(throws: LinkRefusal.self) { try rotated.verify(token, at: now.addingTimeInterval(61)) }
        let forgotten = LinkSigner(current: LinkSigner.Key(secret: String(repeating: "n", count: 40)))
        #expect(throws: LinkRefusal.self) { try forgotten.verify(token, at: now) }
    }

    @Test func separatorInAField_cannotShiftTheOthers() throws {
        let signer = LinkSigner(current: key)
        var odd = claim
        odd.recipient = "a\u{1f}b"
        let verified = try signer.verify(signer.token(for: odd), at: now)
        #expect(verified.recipient == "a b" && verified.noticeID == "n-1")
    }

    @Test func formToken_dependsOnTheLinkToken() {
        let signer = LinkSigner(current: key)
        #expect(signer.formToken(for: "a") != signer.formToken(for: "b"))
        #expect(signer.formToken(for: "a") == signer.formToken(for: "a"))
    }
}

struct PasswordHashTests {
    @Test func hash_matchesOnlyItsPassword_andRoundTripsAsText() throws {
        let hash = try PasswordHash.make("correct horse battery", rounds: 1024)
        #expect(hash.matches("correct horse battery"))
        #expect(!hash.matches("correct horse batterY"))
        #expect(!hash.matches(""))
        let read = try #require(PasswordHash(hash.description))
        #expect(read == hash && read.matches("correct horse battery"))
        #expect(hash.description.hasPrefix("scrypt$1024$8$1$"))
    }

    @Test func twoHashesOfOnePassword_differBySalt() throws {
        #expect(try PasswordHash.make("same", rounds: 1024) != PasswordHash.make("same", rounds: 1024))
    }

    @Test func plainPasswordsAndBadParameters_areNotHashes() {
        for text in ["hunter2", "scrypt$1000$8$1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA", "scrypt$1024$8$1$$", "bcrypt$x", "scrypt$1024$8$1$!!$!!"] {
            #expect(PasswordHash(text) == nil, "\(text)")
        }
    }

    @Test func rfc7914Vector_derivesAsPublished() throws {
        // RFC 7914 §12: P = "password", S = "NaCl", N = 1024, r = 8, p = 16, dkLen = 64.
        let key = try PasswordHash.derive("password", salt: Data("NaCl".utf8), rounds: 1024, blockSize: 8, parallelism: 16, length: 64)
        #expect(key.prefix(8).map { String(format: "%02x", $0) }.joined() == "fdbabe1c9d347200")
    }
}

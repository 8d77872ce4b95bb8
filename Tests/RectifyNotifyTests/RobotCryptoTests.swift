import Crypto
import Foundation
import Testing

@testable import RectifyNotify

/// SHA-256 and HMAC-SHA256 (swift-crypto, as the robots use them) and the robots' signatures
/// against Python's hashlib/hmac.
struct RobotCryptoTests {
    static func hex(_ bytes: [UInt8]) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

    static func sha256(_ message: [UInt8]) -> [UInt8] { Array(SHA256.hash(data: message)) }

    @Test func sha256_matchesKnownVectors() {
        #expect(Self.hex(Self.sha256([])) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(Self.hex(Self.sha256(Array("abc".utf8))) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            Self.hex(Self.sha256(Array(repeating: UInt8(ascii: "a"), count: 1000)))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
        #expect(Self.hex(Self.sha256(Array("整改督办".utf8))) == "72307bc2f05eaac15a370ec2246a2540c904a1f6ae549ea73574b89c8a739d16")
    }

    /// Every length across the padding boundaries (55, 56, 64, 119, 120, 128 bytes …).
    @Test func sha256_andHMAC_matchPython_forEveryLengthUpTo200() throws {
        let script = """
            import hashlib, hmac
            for n in range(201):
                m = bytes((i * 7 + 3) % 256 for i in range(n))
                print(hashlib.sha256(m).hexdigest(), hmac.new(m[: n % 90], m, hashlib.sha256).hexdigest())
            """
        let lines = try Harness.run(["python3", "-c", script]).split(separator: "\n")
        try #require(lines.count == 201)
        for n in 0...200 {
            let message = (0..<n).map { UInt8(($0 * 7 + 3) % 256) }
            let expected = lines[n].split(separator: " ")
            #expect(Self.hex(Self.sha256(message)) == expected[0], "length \(n)")
            #expect(
                Self.hex(HMACSHA256.authenticate(message, key: Array(message.prefix(n % 90)))) == expected[1],
                "length \(n)")
        }
    }

    @Test func hmac_matchesRFCStyleVectors_includingLongKeys() {
        #expect(
            Self.hex(HMACSHA256.authenticate("The quick brown fox jumps over the lazy dog", key: "key"))
                == "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8")
        #expect(
            Self.hex(HMACSHA256.authenticate("msg", key: String(repeating: "k", count: 100)))
                == "bd56a1782c2830e8abc6ed866a57a1230661e650b84c62f7ee3accc5fa5af491")
    }

    @Test func dingtalkSign_isURLEncodedBase64OfHMAC_withMillisecondTimestamp() {
        let stamp = RobotSignature.dingtalk(secret: "SECabc123", at: Date(timeIntervalSince1970: 1_778_029_200))
        #expect(stamp.timestamp == "1778029200000")
        // Python: quote_plus(b64encode(hmac.new(secret, f"{ts}\n{secret}", sha256).digest()))
        #expect(stamp.sign == "HE6xaLvzf86%2F%2FqAcCialRB9f6bT%2FTaob3Dhf3Q3fEDM%3D")
    }

    @Test func feishuSign_isBase64OfHMACKeyedByTimestampAndSecret_overEmptyMessage() {
        let stamp = RobotSignature.feishu(secret: "SECabc123", at: Date(timeIntervalSince1970: 1_778_029_200.9))
        #expect(stamp.timestamp == "1778029200")
        #expect(stamp.sign == "jZolwFlNGFPM93str2NM+rQNe+xaFpQ4t1Z90ShVmSo=")
    }
}

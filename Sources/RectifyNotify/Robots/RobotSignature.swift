import Crypto
import Foundation

/// The signatures robots check, so that a leaked URL alone cannot post to the group.
enum RobotSignature {
    /// DingTalk 加签: `urlencode(base64(HMAC-SHA256(key: secret, message: timestamp + "\n" + secret)))`,
    /// the timestamp in milliseconds; both go in the query (`&timestamp=…&sign=…`).
    static func dingtalk(secret: String, at now: Date) -> RobotStamp {
        let timestamp = String(Int64((now.timeIntervalSince1970 * 1000).rounded(.down)))
        let mac = HMACSHA256.authenticate("\(timestamp)\n\(secret)", key: secret)
        return RobotStamp(timestamp: timestamp, sign: percentEncoded(Data(mac).base64EncodedString()))
    }

    /// Feishu: `base64(HMAC-SHA256(key: timestamp + "\n" + secret, message: ""))`, the
    /// timestamp in seconds; both go in the JSON body.
    static func feishu(secret: String, at now: Date) -> RobotStamp {
        let timestamp = String(Int64(now.timeIntervalSince1970.rounded(.down)))
        let mac = HMACSHA256.authenticate("", key: "\(timestamp)\n\(secret)")
        return RobotStamp(timestamp: timestamp, sign: Data(mac).base64EncodedString())
    }

    /// Base64's `+`, `/` and `=` escaped for a query string.
    static func percentEncoded(_ base64: String) -> String {
        base64.replacingOccurrences(of: "+", with: "%2B").replacingOccurrences(of: "/", with: "%2F")
            .replacingOccurrences(of: "=", with: "%3D")
    }
}

/// HMAC-SHA256 (RFC 2104) from swift-crypto: what DingTalk's 加签 and Feishu's signature use.
enum HMACSHA256 {
    static func authenticate(_ message: [UInt8], key: [UInt8]) -> [UInt8] {
        Array(HMAC<SHA256>.authenticationCode(for: message, using: SymmetricKey(data: key)))
    }

    static func authenticate(_ message: String, key: String) -> [UInt8] {
        authenticate(Array(message.utf8), key: Array(key.utf8))
    }
}

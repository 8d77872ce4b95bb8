import Foundation

/// A robot's answer. Robots report errors in the body (`errcode` for WeCom and DingTalk,
/// `code` or `StatusCode` for Feishu), usually with HTTP 200: a non-zero code is a failed
/// delivery, retried or not by what it means.
struct RobotReply: Equatable {
    var code: Int?
    var message: String

    /// Parses the body; nil when it is not a JSON object.
    init?(_ body: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return nil }
        let codeValue = object["errcode"] ?? object["code"] ?? object["StatusCode"]
        code = (codeValue as? Int) ?? (codeValue as? String).flatMap { Int($0) }
        message = (object["errmsg"] ?? object["msg"] ?? object["StatusMessage"]).map { "\($0)" } ?? ""
    }

    var isSuccess: Bool { code == 0 }

    /// "Too fast" and "busy" codes of each robot: worth retrying after the window passes.
    static let throttleCodes: [RobotKind: Set<Int>] = [
        // 45009 api freq out of limit; 45033 too many concurrent calls; -1 system busy.
        .wecom: [45009, 45033, -1],
        // 130101 send too fast, exceed 20 times per minute; 130102 …per hour; 410100 flow limit.
        .dingtalk: [130101, 130102, 410100, -1],
        // 11232 frequency limited; 11233 system busy.
        .feishu: [11232, 11233],
    ]

    /// Whether sending again later can succeed: throttling and "busy" can, a bad signature, a
    /// missing keyword, an invalid key or a malformed message cannot.
    func isThrottle(_ kind: RobotKind) -> Bool {
        if let code, Self.throttleCodes[kind, default: []].contains(code) { return true }
        let lowered = message.lowercased()
        return ["too fast", "frequency", "freq out of limit", "rate limit", "busy"].contains { lowered.contains($0) }
    }
}

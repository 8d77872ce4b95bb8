import Foundation
import RectifyCore

/// The signature fields of one request: a timestamp and the signature made with it.
struct RobotStamp: Hashable {
    var timestamp: String
    var sign: String

    /// As long as a real stamp, for measuring a body before it is signed.
    static let placeholder = RobotStamp(timestamp: "1778029200000", sign: String(repeating: "A", count: 60))
}

/// Turns a `RobotMessage` into the JSON body a robot takes, in its format: WeCom markdown or
/// text, DingTalk markdown, a Feishu card or post. Colours follow the three-colour ladder.
struct RobotLayout {
    var kind: RobotKind
    var format: RobotFormat
    var mentions: Bool

    /// The size that the robot limits: WeCom's `content`, or the whole body.
    func measure(_ message: RobotMessage) -> Int {
        switch kind {
        case .wecom: return content(message).utf8.count
        case .dingtalk, .feishu: return body(message, stamp: kind == .feishu ? .placeholder : nil).count
        }
    }

    func body(_ message: RobotMessage, stamp: RobotStamp?) -> [UInt8] {
        var object: [String: Any]
        switch (kind, format) {
        case (.wecom, .text):
            var text: [String: Any] = ["content": content(message)]
            if mentions && !message.mobiles.isEmpty { text["mentioned_mobile_list"] = message.mobiles }
            object = ["msgtype": "text", "text": text]
        case (.wecom, _):
            object = ["msgtype": "markdown", "markdown": ["content": content(message)]]
        case (.dingtalk, _):
            object = [
                "msgtype": "markdown", "markdown": ["title": message.title, "text": content(message)],
                "at": ["atMobiles": mentions ? message.mobiles : [], "isAtAll": false],
            ]
        case (.feishu, .post):
            object = ["msg_type": "post", "content": ["post": ["zh_cn": ["title": message.title, "content": post(message)]]]]
        case (.feishu, _):
            object = ["msg_type": "interactive", "card": card(message)]
        }
        if kind == .feishu, let stamp {
            object["timestamp"] = stamp.timestamp
            object["sign"] = stamp.sign
        }
        do {
            return Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
        } catch {
            // Strings, numbers, booleans, arrays and objects of them always serialise.
            preconditionFailure("a robot body is not JSON: \(error)")
        }
    }

    /// The message text: markdown (WeCom, DingTalk, Feishu's lark_md) or plain text.
    func content(_ message: RobotMessage) -> String {
        let markdown = format != .text
        let blank = kind == .dingtalk ? "\n\n" : "\n"
        var out: [String] = []
        if kind != .feishu { out.append(markdown ? "### \(message.title)" : message.title) }
        if let body = message.body {
            // DingTalk's Markdown needs blank lines between lines that are to stay lines.
            out.append(kind == .dingtalk ? body.split(separator: "\n").joined(separator: "\n\n") : body)
        } else {
            out.append(markdown && kind != .feishu ? "> \(message.intro)" : message.intro)
        }
        for section in message.sections {
            out.append(markdown ? "**\(section.title)**" : section.title)
            for line in section.lines {
                if markdown {
                    out.append("\(line.number). \(badge(line)) **\(line.itemID)** \(line.itemTitle)" + blank + line.facts)
                } else {
                    out.append("\(line.number). [\(line.colourLabel)] \(line.itemID) \(line.itemTitle)\n   \(line.facts)")
                }
            }
        }
        if let link = message.link {
            out.append(markdown ? "[\(message.linkLabel)](\(link))" : "\(message.linkLabel)：\(link)")
        }
        // DingTalk shows an @-mention only when the number is also in the text.
        if kind == .dingtalk && mentions && !message.mobiles.isEmpty {
            out.append(message.mobiles.map { "@\($0)" }.joined(separator: " "))
        }
        switch kind {
        case .wecom: out.append(markdown ? "<font color=\"comment\">\(message.footer)</font>" : message.footer)
        case .dingtalk: out.append(message.footer)
        case .feishu: break  // the card's note and the post's last paragraph carry it
        }
        return out.joined(separator: blank)
    }

    private func badge(_ line: NoticeRow) -> String {
        guard let colour = line.colour else { return "" }
        switch kind {
        case .wecom:
            // WeCom markdown knows three colours: info (green), comment (grey), warning (orange-red).
            let name = colour == .red ? "warning" : colour == .green ? "info" : "comment"
            return "<font color=\"\(name)\">\(Self.dot(colour))\(line.colourLabel)</font>"
        case .dingtalk:
            return "<font color=\"\(Self.hex(colour))\">\(Self.dot(colour))\(line.colourLabel)</font>"
        case .feishu:
            let name = colour == .red ? "red" : colour == .yellow ? "orange" : "green"
            return "<font color='\(name)'>\(Self.dot(colour))\(line.colourLabel)</font>"
        }
    }

    private func card(_ message: RobotMessage) -> [String: Any] {
        let template: String
        switch message.colour {
        case .red: template = "red"
        case .yellow: template = "yellow"
        case .green: template = "green"
        case nil: template = "blue"
        }
        return [
            "config": ["wide_screen_mode": true],
            "header": ["template": template, "title": ["tag": "plain_text", "content": message.title]],
            "elements": [
                ["tag": "div", "text": ["tag": "lark_md", "content": content(message)]],
                ["tag": "note", "elements": [["tag": "plain_text", "content": message.footer]]],
            ],
        ]
    }

    private func post(_ message: RobotMessage) -> [[[String: Any]]] {
        if let body = message.body {
            return body.split(separator: "\n").map { [["tag": "text", "text": String($0)]] } + [[["tag": "text", "text": message.footer]]]
        }
        var paragraphs: [[[String: Any]]] = [[["tag": "text", "text": message.intro]]]
        for section in message.sections {
            paragraphs.append([["tag": "text", "text": section.title]])
            for line in section.lines {
                let label = line.colour.map { "\(Self.dot($0))\(line.colourLabel) " } ?? ""
                paragraphs.append([["tag": "text", "text": "\(line.number). \(label)\(line.itemID) \(line.itemTitle)"]])
                paragraphs.append([["tag": "text", "text": "    \(line.facts)"]])
            }
        }
        if let link = message.link { paragraphs.append([["tag": "a", "text": message.linkLabel, "href": link]]) }
        paragraphs.append([["tag": "text", "text": message.footer]])
        return paragraphs
    }

    static func dot(_ colour: WarningColour) -> String {
        switch colour {
        case .red: return "🔴"
        case .yellow: return "🟡"
        case .green: return "🟢"
        }
    }

    /// The colours of the HTML mail (HTMLLayout's badges).
    static func hex(_ colour: WarningColour) -> String {
        switch colour {
        case .red: return "#d93025"
        case .yellow: return "#f9ab00"
        case .green: return "#1e8e3e"
        }
    }
}

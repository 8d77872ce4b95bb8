import Foundation
import RectifyCore

/// The three renderings of one notice: a mail's subject and its text and HTML bodies
/// (webhooks carry the subject and text too).
public struct RenderedNotice: Hashable, Sendable {
    public var subject: String
    public var text: String
    public var html: String
}

/// Renders an `AlertNotice` as a 督办通知: Chinese by default, English for `language: "en"`,
/// times in the notice's time zone. What it says comes from `NoticeComposer`; this lays it out
/// as the two bodies of a mail. Pure: the same notice always renders the same way.
public struct NoticeRenderer: Sendable {
    /// Who signs the notice (the office); the mail's From display name is a good choice.
    public var sender: String?

    public init(sender: String? = nil) {
        self.sender = sender
    }

    public func render(_ notice: AlertNotice) -> RenderedNotice {
        if let report = notice.report { return RenderedNotice(subject: report.subject, text: report.text, html: report.html) }
        let document = document(for: notice)
        return RenderedNotice(
            subject: document.subject, text: TextLayout.render(document), html: HTMLLayout.render(document))
    }

    func document(for notice: AlertNotice) -> NoticeDocument {
        NoticeComposer(sender: sender).document(for: notice)
    }
}

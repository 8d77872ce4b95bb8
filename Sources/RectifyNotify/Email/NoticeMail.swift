import Foundation

/// Turns a notice into the mail that SMTP sends and Maildir stores: the same bytes for both.
enum NoticeMail {
    /// The mail for `notice`, from `from`, to the notice's recipient.
    /// Throws when the recipient is not an email address (a permanent failure).
    static func message(for notice: AlertNotice, from: MailAddress, renderer: NoticeRenderer) throws -> MailMessage {
        // Trial mode: the trial address, without the name of the person it was meant for.
        let to = MailAddress(notice.recipient, name: notice.intendedFor == nil ? notice.recipientName : nil)
        guard to.isValid else { throw DeliveryError("recipient \"\(notice.recipient)\" is not an email address") }
        guard from.isValid else { throw DeliveryError("sender \"\(from.address)\" is not an email address") }
        let rendered = renderer.render(notice)
        let token = messageIDToken(notice.id)
        return MailMessage(
            from: from, to: [to], subject: rendered.subject, date: notice.createdAt,
            timeZone: LocalTime.zone(notice.timeZone), messageID: "rectifyd.\(token)@\(from.domain)",
            text: rendered.text, html: rendered.html,
            extraHeaders: [("X-Rectifyd-Notice", token), ("X-Rectifyd-Receiver", messageIDToken(notice.receiver))])
    }

    /// The bytes to send or store.
    static func bytes(for notice: AlertNotice, from: MailAddress, renderer: NoticeRenderer) throws -> [UInt8] {
        MIMEBuilder.build(try message(for: notice, from: from, renderer: renderer))
    }

    /// The notice id as the left part of a Message-ID (dot-atom text): other characters become "-".
    /// The same notice always gets the same Message-ID, so a retried send is recognisable as one.
    static func messageIDToken(_ id: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_+=")
        let token = String(id.map { allowed.contains($0) ? $0 : "-" })
        return token.isEmpty ? "notice" : token
    }
}

/// A Maildir receiver: every notice becomes an RFC 5322 mail file in `path/new/`, readable
/// with mutt (`mutt -f PATH`), any MUA or Python's `mailbox.Maildir`. The default receiver,
/// so a demo produces real alert mails without a mail server.
public struct MaildirConfig: Hashable, Sendable {
    /// The Maildir folder; `tmp/`, `new/` and `cur/` are created (mode 0700) when missing.
    public var path: String
    /// The From header; its display name also signs the notice.
    public var from: MailAddress

    public init(path: String, from: MailAddress = MailAddress("rectifyd@localhost", name: "rectifyd")) {
        self.path = path
        self.from = from
    }
}

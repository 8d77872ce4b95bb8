/// What an office account may do on the web pages.
public enum WebRole: String, Sendable, CaseIterable, Comparable {
    /// Sees the board, the lists and every item page (and its evidence).
    case viewer
    /// Also reviews requests: approves or rejects 延期 and 销号.
    case office

    public static func < (lhs: WebRole, rhs: WebRole) -> Bool { lhs == .viewer && rhs == .office }

    public var chineseLabel: String { self == .office ? "整改办" : "查看" }
}

/// An office account of the web pages: a user name, a role and a password hash (never the password).
public struct WebAccount: Hashable, Sendable {
    public var user: String
    public var role: WebRole
    public var password: PasswordHash

    public init(user: String, role: WebRole, password: PasswordHash) {
        self.user = user
        self.role = role
        self.password = password
    }

    /// User names are letters, digits and `._-`, 1–64 characters: they appear in the audit
    /// trail and in logs, so nothing that could pass for markup or a second field.
    public static func validName(_ name: String) -> Bool {
        (1...64).contains(name.count)
            && name.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "._-".unicodeScalars.contains($0)) }
    }
}

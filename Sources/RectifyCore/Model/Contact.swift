/// A person or office to reach: the plan's owner (整改办), a leader, an item's 主办人.
public struct Contact: Hashable, Codable, Sendable {
    public var name: String?
    /// Their post as the plan states it: 党组书记, 分管副局长, 办公室主任 …
    public var role: String?
    public var email: String?
    public var phone: String?
    /// Where the person stands on the escalation ladder, when they are a leader.
    public var level: LeaderLevel?

    public init(
        name: String? = nil, role: String? = nil, email: String? = nil, phone: String? = nil,
        level: LeaderLevel? = nil
    ) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
        self.level = level
    }

    /// A short label for messages: the name, else the role, else the email.
    public var label: String {
        name ?? role ?? email ?? phone ?? "?"
    }
}

/// The rungs above the 主办人 on the 督办 escalation ladder.
public enum LeaderLevel: String, Codable, Sendable, CaseIterable {
    /// 分管领导: the leader in charge of the item's area; copied from the yellow step on.
    case deputy
    /// 主要负责人: the unit's main leader (党组书记, 局长); told when an item is overdue.
    case main
}

/// Who answers for an item: its responsible leader, department and working contacts.
public struct Responsibility: Hashable, Codable, Sendable {
    /// 责任领导 (usually the 分管领导 for the item).
    public var leader: Contact?
    /// 责任股室 / 责任部门.
    public var department: String?
    /// 主办人: the people who do the work and receive the first reminders.
    public var contacts: [Contact]

    public init(leader: Contact? = nil, department: String? = nil, contacts: [Contact] = []) {
        self.leader = leader
        self.department = department
        self.contacts = contacts
    }

    /// A one-line label: "医政股（张三）".
    public var label: String {
        // Built by appending: reports label every open item, and arrays and joins cost more.
        var people = ""
        for contact in contacts {
            if !people.isEmpty { people += "、" }
            people += contact.label
        }
        if let leader {
            if !people.isEmpty { people += "、" }
            people += leader.label
        }
        switch (department, people.isEmpty) {
        case (let d?, false): return "\(d)（\(people)）"
        case (let d?, true): return d
        case (nil, false): return people
        case (nil, true): return ""
        }
    }
}

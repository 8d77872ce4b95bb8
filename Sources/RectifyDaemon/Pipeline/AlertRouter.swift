import Foundation
import RectifyCore
import RectifyNotify

/// Where an alert goes: an email address through the email receiver, or a group channel.
struct Recipient: Hashable, Sendable {
    var receiver: String
    var address: String
    var name: String?
}

/// The second stage: who hears of an alert or a digest. One router for both, so the rules
/// cannot drift apart:
/// - people, by the roles of the alert's routing rule, through the email receiver; when the
///   roles name nobody with an address, `routing.default_recipient`;
/// - every group channel (webhook, robots) whose `kinds` take the alert's kind — empty `kinds`
///   takes every kind, the digest included (docs/receivers.md).
/// Pure: it reads the plan's contacts and the routing config, nothing else.
struct AlertRouter {
    var routing: Routing
    /// Group channels by name with the kinds they take (empty: all).
    var groupChannels: [(name: String, kinds: [String])]

    init(routing: Routing, groupChannels: [(name: String, kinds: [String])]) {
        self.routing = routing
        self.groupChannels = groupChannels
    }

    init(routing: Routing, receivers: [ReceiverSpec]) {
        self.init(routing: routing, groupChannels: receivers.filter(\.isGroupChannel).map { ($0.name, $0.kinds) })
    }

    /// The group channels that take `kind`.
    func channels(for kind: AlertKind) -> [Recipient] {
        groupChannels.filter { $0.kinds.isEmpty || $0.kinds.contains(kind.rawValue) }
            .map { Recipient(receiver: $0.name, address: $0.name, name: nil) }
    }

    /// Where an alert went when its rule's roles named nobody with an email address.
    enum RoleGap {
        case defaultRecipient
        case groupChatsOnly
        case nobody
    }

    /// Recipients of an alert under `rule`, and the gap when its roles named nobody with an address.
    func recipients(rule: String, kind: AlertKind, item: Item, plan: Plan) -> (recipients: [Recipient], gap: RoleGap?) {
        let roles = routing.rules(for: plan)[rule] ?? []
        let (people, unrouted) = self.people(roles.flatMap { contacts($0, item: item, plan: plan) })
        let chats = channels(for: kind)
        guard unrouted else { return (people + chats, nil) }
        let gap: RoleGap = !people.isEmpty ? .defaultRecipient : chats.isEmpty ? .nobody : .groupChatsOnly
        return (people + chats, gap)
    }

    /// Recipients of an item's digest line: its 主办人 and the plan owner (the default
    /// recipient when neither has an address), and the channels that take digests.
    func digestRecipients(item: Item, plan: Plan) -> [Recipient] {
        let owner = plan.owner.map { [$0] } ?? []
        return people((item.responsible?.contacts ?? []) + owner).recipients + channels(for: .digest)
    }

    /// `contacts` with an address, each once, through the email receiver; the default
    /// recipient when none has one.
    private func people(_ contacts: [Contact]) -> (recipients: [Recipient], unrouted: Bool) {
        guard let email = routing.emailReceiver else { return ([], true) }
        var result: [Recipient] = []
        var seen = Set<String>()
        for contact in contacts {
            guard let address = contact.email, seen.insert(address.lowercased()).inserted else { continue }
            result.append(Recipient(receiver: email, address: address, name: contact.name ?? contact.role))
        }
        guard result.isEmpty else { return (result, false) }
        if let fallback = routing.defaultRecipient, let address = fallback.email {
            result.append(Recipient(receiver: email, address: address, name: fallback.name ?? fallback.role))
        }
        return (result, true)
    }

    /// Why `recipient` hears of an alert under `rule`: the roles that name it (responsible,
    /// item_leader, main_leader, owner), `default_recipient`, or a group channel's kinds.
    func reasons(for recipient: Recipient, rule: String, item: Item, plan: Plan) -> [String] {
        if let channel = groupChannels.first(where: { $0.name == recipient.receiver }) {
            return [channel.kinds.isEmpty ? "group channel, kinds: all" : "group channel, kinds: \(channel.kinds.joined(separator: ", "))"]
        }
        if rule.isEmpty { return ["alerted before"] }
        let address = recipient.address.lowercased()
        let roles = (routing.rules(for: plan)[rule] ?? []).filter { role in
            contacts(role, item: item, plan: plan).contains { $0.email?.lowercased() == address }
        }
        if !roles.isEmpty { return roles.map { "\($0.rawValue) (\(rule))" } }
        if routing.defaultRecipient?.email?.lowercased() == address { return ["default_recipient (\(rule): nobody with an address)"] }
        return [rule]
    }

    /// Phones to @-mention in group chats: the people of the rule's roles who are named in
    /// person (主办人, 分管领导, 主要负责人), not the office (`owner`).
    func mobiles(rule: String, item: Item, plan: Plan) -> [String] {
        var phones: [String] = []
        for role in routing.rules(for: plan)[rule] ?? [] where role != .owner {
            let people: [Contact]
            if role == .itemLeader, let leader = item.responsible?.leader, leader.phone != nil {
                people = [leader]
            } else {
                people = contacts(role, item: item, plan: plan)
            }
            for phone in people.compactMap(\.phone) where !phones.contains(phone) { phones.append(phone) }
        }
        return phones
    }

    func contacts(_ role: Routing.Role, item: Item, plan: Plan) -> [Contact] {
        switch role {
        case .responsible: return item.responsible?.contacts ?? []
        case .itemLeader:
            if let leader = item.responsible?.leader, leader.email != nil { return [leader] }
            return plan.leaders.filter { $0.level == .deputy }
        case .mainLeader: return plan.leaders.filter { $0.level == .main }
        case .owner: return plan.owner.map { [$0] } ?? []
        }
    }
}

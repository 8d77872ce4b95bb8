import Foundation
import RectifyCore

/// The office's directory: names and departments to email addresses, mobiles and the
/// leader level the three-colour ladder needs. `rectifyctl import --directory FILE` fills an
/// imported plan's responsibility contacts from it, so alerts reach real people.
///
/// The file is JSON:
/// `{"people": [{"name": "王建国", "role": "党组书记", "level": "main", "email": "…", "mobile": "…"}],
///   "departments": [{"name": "办公室", "email": "…", "mobile": "…", "aliases": ["局办公室"]}]}`
public struct ContactDirectory: Sendable {
    public struct Entry: Sendable {
        public var name: String
        public var aliases: [String]
        public var role: String?
        public var level: LeaderLevel?
        public var email: String?
        public var mobile: String?
    }

    public var people: [Entry]
    public var departments: [Entry]

    /// Reads a directory file; a malformed one is an error naming the file and the entry.
    public static func read(_ data: Data, file: String) throws(PlanLoadError) -> ContactDirectory {
        func fail(_ message: String) -> PlanLoadError {
            PlanLoadError(diagnostics: [Diagnostic(file: file, line: 1, column: 1, message: message)])
        }
        guard let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw fail("the directory is not a JSON object; see docs/import.md#directory.")
        }
        for key in root.keys where key != "people" && key != "departments" {
            throw fail("unknown key '\(key)'; a directory has 'people' and 'departments'.")
        }
        func entries(_ key: String) throws(PlanLoadError) -> [Entry] {
            guard let list = root[key] else { return [] }
            guard let objects = list as? [[String: Any]] else { throw fail("'\(key)' must be a list of objects.") }
            var result: [Entry] = []
            for (k, object) in objects.enumerated() {
                let allowed: Set<String> = ["name", "aliases", "role", "level", "email", "mobile"]
                if let extra = object.keys.first(where: { !allowed.contains($0) }) {
                    throw fail("\(key)[\(k)]: unknown key '\(extra)'; allowed: name, aliases, role, level, email, mobile.")
                }
                guard let name = object["name"] as? String, !name.isEmpty else { throw fail("\(key)[\(k)] has no name.") }
                var level: LeaderLevel?
                if let text = object["level"] as? String {
                    guard let l = LeaderLevel(rawValue: text) else { throw fail("\(key)[\(k)] (\(name)): level must be main or deputy.") }
                    level = l
                }
                result.append(
                    Entry(
                        name: name, aliases: object["aliases"] as? [String] ?? [], role: object["role"] as? String, level: level,
                        email: object["email"] as? String, mobile: object["mobile"] as? String))
            }
            return result
        }
        return ContactDirectory(people: try entries("people"), departments: try entries("departments"))
    }

    func person(_ name: String?) -> Entry? {
        guard let name else { return nil }
        return people.first { $0.name == name || $0.aliases.contains(name) }
    }

    func department(_ name: String) -> [Entry] {
        let parts = name.split(whereSeparator: { "、，,；;/".contains($0) }).map(String.init)
        return parts.compactMap { part in departments.first { $0.name == part || $0.aliases.contains(part) } }
    }

    func filled(_ contact: Contact, _ entry: Entry) -> Contact {
        var c = contact
        c.email = c.email ?? entry.email
        c.phone = c.phone ?? entry.mobile
        c.level = c.level ?? entry.level
        c.role = c.role ?? entry.role
        return c
    }

    /// Fills the plan's responsibility contacts and leaders; returns a warning for every name
    /// the directory does not know.
    public func apply(to plan: inout Plan, file: String, lines: [String: Int] = [:]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        func warn(_ item: Item, _ message: String) {
            warnings.append(Diagnostic(file: file, line: lines[item.id] ?? 1, column: 1, severity: .warning, message: message))
        }
        for k in plan.items.indices {
            guard var r = plan.items[k].responsible else { continue }
            let item = plan.items[k]
            if let leader = r.leader {
                if let entry = person(leader.name) { r.leader = filled(leader, entry) } else {
                    warn(item, "item '\(item.id)': 责任领导 '\(leader.label)' is not in the directory; alerts to the leader cannot be routed.")
                }
            }
            r.contacts = r.contacts.map { contact in
                if let entry = person(contact.name) { return filled(contact, entry) }
                warn(item, "item '\(item.id)': 责任人 '\(contact.label)' is not in the directory.")
                return contact
            }
            if let department = r.department {
                let found = self.department(department)
                if found.isEmpty { warn(item, "item '\(item.id)': 责任科室 '\(department)' is not in the directory.") }
                for entry in found where !r.contacts.contains(where: { $0.name == entry.name }) {
                    r.contacts.append(Contact(name: entry.name, role: entry.role, email: entry.email, phone: entry.mobile))
                }
            }
            plan.items[k].responsible = r
        }
        for entry in people where entry.level != nil && !plan.leaders.contains(where: { $0.name == entry.name }) {
            plan.leaders.append(Contact(name: entry.name, role: entry.role, email: entry.email, phone: entry.mobile, level: entry.level))
        }
        return warnings
    }
}

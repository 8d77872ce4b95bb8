import Foundation
import RectifyCore
import Yams

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

    /// Reads a directory file. Everything wrong with it is reported at once, each at its
    /// `file:line:column` (a syntax error, an unknown key, a value of the wrong type, an
    /// impossible level or email), read by the same field reader as plan files.
    public static func read(_ data: Data, file: String) throws(PlanLoadError) -> ContactDirectory {
        let sink = DiagnosticSink(file: file)
        let text = String(decoding: data, as: UTF8.self)
        let root = try PlanReader.compose(text, file: file, sink: sink, document: "the directory")
        guard let root, let document = FieldReader(root, path: "", sink: sink, allowed: ["people", "departments"]) else {
            if sink.diagnostics.isEmpty { sink.error(nil, "the directory is empty; see docs/import.md#directory.") }
            throw PlanLoadError(diagnostics: sink.diagnostics)
        }
        let directory = ContactDirectory(
            people: entries(document, "people", sink: sink), departments: entries(document, "departments", sink: sink))
        guard !sink.hasErrors else {
            throw PlanLoadError(diagnostics: sink.diagnostics.sorted { ($0.line, $0.column) < ($1.line, $1.column) })
        }
        return directory
    }

    private static func entries(_ document: FieldReader, _ key: String, sink: DiagnosticSink) -> [Entry] {
        document.list(key).compactMap { node, path in
            guard let f = FieldReader(node, path: path, sink: sink, allowed: ["name", "aliases", "role", "level", "email", "mobile"])
            else { return nil }
            let email = f.string("email")
            if let email, !PlanReader.isPlausibleEmail(email) {
                sink.error(f.markOf("email"), "\(path).email '\(email)' is not an email address (name@example.org).")
            }
            guard let name = f.string("name", required: true) else { return nil }
            return Entry(
                name: name, aliases: f.stringList("aliases"), role: f.string("role"), level: f.enumValue("level", LeaderLevel.self),
                email: email, mobile: f.string("mobile"))
        }
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

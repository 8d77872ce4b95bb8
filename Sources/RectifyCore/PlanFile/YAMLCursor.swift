import CYaml
import Foundation

/// libyaml's parser as a `PlanCursor`: the events of a YAML plan read in order, with no tree.
/// Yams composes every file into `Node`s (and the slow path builds a dictionary per mapping on
/// top); for a plan of 100,000 items that is most of the cost. This reads the same events Yams
/// reads (Yams wraps libyaml; CYaml is its copy of the library) and gives up — sending the
/// file to the slow path, which names line and column — at anything unusual: an anchor, an
/// alias, a tag, a key that is not a scalar, a key twice, a second document, a syntax error.
///
/// Scalars mean what the slow path's `FieldReader` makes of them: text as written (trimmed
/// where it trims), a null is a plain "", "~", "null", "Null" or "NULL", a number is what
/// `Int(text)` reads, a boolean true/yes/on or false/no/off in any case.
struct YAMLCursor: PlanCursor {
    private let events: YAMLEvents

    init(_ bytes: UnsafeRawBufferPointer) throws {
        events = YAMLEvents(bytes)
        try expect(YAML_STREAM_START_EVENT)
        try expect(YAML_DOCUMENT_START_EVENT)
    }

    var offset: Int { events.offset }

    private func expect(_ type: yaml_event_type_t) throws {
        guard events.current.type == type else { throw Failure() }
        try events.advance()
    }

    mutating func object(_ field: (inout YAMLCursor, FieldKey) throws -> Void) throws {
        let start = events.current
        guard start.type == YAML_MAPPING_START_EVENT, start.data.mapping_start.anchor == nil,
            start.data.mapping_start.tag == nil
        else { throw Failure() }
        try events.advance()
        // Full 64-bit hashes of the keys so far: the same hash twice sends the file to the slow
        // path (a key twice, or — never seen — two keys with one hash).
        try withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 16) { seen in
            var count = 0
            try withUnsafeTemporaryAllocation(byteCount: 64, alignment: 1) { keyBuffer in
                while events.current.type != YAML_MAPPING_END_EVENT {
                    let raw = try scalarBytes()
                    // The key's bytes live in the event, which reading the value frees: copy them.
                    guard raw.count <= keyBuffer.count, count < seen.count else { throw Failure() }
                    keyBuffer.copyMemory(from: raw)
                    let key = FieldKey(bytes: UnsafeRawBufferPointer(rebasing: keyBuffer[..<raw.count]), unescaped: nil)
                    let hash = key.fullHash
                    for i in 0..<count where seen[i] == hash { throw Failure() }
                    seen[count] = hash
                    count += 1
                    try events.advance()
                    try field(&self, key)
                }
            }
        }
        try events.advance()
    }

    mutating func array(_ element: (inout YAMLCursor) throws -> Void) throws {
        let start = events.current
        guard start.type == YAML_SEQUENCE_START_EVENT, start.data.sequence_start.anchor == nil,
            start.data.sequence_start.tag == nil
        else { throw Failure() }
        try events.advance()
        while events.current.type != YAML_SEQUENCE_END_EVENT { try element(&self) }
        try events.advance()
    }

    /// The current event's scalar value, when it is a plain scalar without anchor or tag.
    private func scalarBytes() throws -> UnsafeRawBufferPointer {
        let event = events.current
        guard event.type == YAML_SCALAR_EVENT, event.data.scalar.anchor == nil, event.data.scalar.tag == nil else {
            throw Failure()
        }
        return UnsafeRawBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length)
    }

    mutating func string() throws -> String {
        let text = String(decoding: try scalarBytes(), as: UTF8.self)
        try events.advance()
        return text
    }

    mutating func trimmedString() throws -> String {
        let raw = try scalarBytes()
        let text = String(decoding: raw, as: UTF8.self)
        // Look at the bytes before the event (which holds them) is freed.
        let trim = WhiteSpaceBytes.mayStart(raw) || WhiteSpaceBytes.mayEnd(raw)
        try events.advance()
        return trim ? text.trimmingCharacters(in: .whitespacesAndNewlines) : text
    }

    mutating func withStringBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        let result = try body(try scalarBytes())
        try events.advance()
        return result
    }

    mutating func consumeNull() -> Bool {
        let event = events.current
        guard event.type == YAML_SCALAR_EVENT, event.data.scalar.style == YAML_PLAIN_SCALAR_STYLE,
            event.data.scalar.anchor == nil, event.data.scalar.tag == nil
        else { return false }
        let raw = UnsafeRawBufferPointer(start: event.data.scalar.value, count: event.data.scalar.length)
        guard raw.isEmpty || Self.nulls.contains(where: { $0.elementsEqual(raw) }) else { return false }
        return (try? events.advance()) != nil
    }

    private static let nulls: [[UInt8]] = ["~", "null", "Null", "NULL"].map { Array($0.utf8) }

    var isAtStringValue: Bool {
        mutating get { events.current.type == YAML_SCALAR_EVENT }
    }

    mutating func int() throws -> Int {
        guard let value = Int(try string()) else { throw Failure() }
        return value
    }

    mutating func bool() throws -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw Failure()
        }
    }

    mutating func end() throws {
        try expect(YAML_DOCUMENT_END_EVENT)
        guard events.current.type == YAML_STREAM_END_EVENT else { throw Failure() }
    }

    typealias Failure = JSONCursor.Failure
}

/// One libyaml parser over a buffer and the event it is at. One owner for the C state: the
/// parser and the current event are freed in `deinit`. Not `Sendable`: read it where it was made.
final class YAMLEvents {
    private let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
    private let event = UnsafeMutablePointer<yaml_event_t>.allocate(capacity: 1)
    private var holdsEvent = false

    init(_ bytes: UnsafeRawBufferPointer) {
        yaml_parser_initialize(parser)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(parser, bytes.baseAddress?.assumingMemoryBound(to: UInt8.self), bytes.count)
        event.initialize(to: yaml_event_t())
        try? advance()
    }

    /// The event the parser is at (a failed parse leaves an empty event: type NO_EVENT).
    var current: yaml_event_t { event.pointee }

    /// Bytes of the input the parser has consumed.
    var offset: Int { parser.pointee.offset }

    /// Frees the current event and parses the next; throws on a syntax error.
    func advance() throws {
        if holdsEvent { yaml_event_delete(event) }
        holdsEvent = yaml_parser_parse(parser, event) == 1
        guard holdsEvent else {
            event.pointee = yaml_event_t()
            throw JSONCursor.Failure()
        }
    }

    deinit {
        if holdsEvent { yaml_event_delete(event) }
        yaml_parser_delete(parser)
        parser.deallocate()
        event.deallocate()
    }
}

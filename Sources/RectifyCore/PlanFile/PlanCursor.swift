/// What the fast plan reader (`FastPlanReader`) reads a document through: JSON's bytes
/// (`JSONCursor`) or libyaml's events (`YAMLCursor`). Every method either reads what it is
/// asked for or throws, and then the file goes to the slow path, which explains it.
protocol PlanCursor: SendableMetatype {
    /// Bytes of the document read so far.
    var offset: Int { get }
    /// Reads a mapping, calling `field` for each key; `field` must consume the value.
    mutating func object(_ field: (inout Self, FieldKey) throws -> Void) throws
    mutating func array(_ element: (inout Self) throws -> Void) throws
    /// A text value as written.
    mutating func string() throws -> String
    /// A text value with white space trimmed at both ends, as the slow path trims.
    mutating func trimmedString() throws -> String
    /// A text value's bytes (for dates, times, words of a closed set).
    mutating func withStringBytes<T>(_ body: (UnsafeRawBufferPointer) throws -> T) throws -> T
    /// True (and consumed) when the next value is null.
    mutating func consumeNull() -> Bool
    /// Whether the next value is text (a deadline is a date or a mapping).
    var isAtStringValue: Bool { mutating get }
    mutating func int() throws -> Int
    mutating func bool() throws -> Bool
    /// The document ends here.
    mutating func end() throws
    /// A value read through `read`, or the one `memo` holds for the same bytes (JSON only).
    mutating func memoized<T>(_ memo: SpanMemo<T>, _ read: (inout Self) throws -> T) throws -> T
}

extension PlanCursor {
    mutating func memoized<T>(_ memo: SpanMemo<T>, _ read: (inout Self) throws -> T) throws -> T {
        try read(&self)
    }
}

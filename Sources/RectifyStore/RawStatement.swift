import GRDB
import GRDBSQLite

/// A cached statement run row after row through SQLite's own binding calls, for the few
/// statements a write runs tens of thousands of times (a log entry per alert, a notice item
/// per item): GRDB's arguments — an array of existentials, converted and checked per row —
/// cost more than SQLite's insert itself (callgrind).
struct RawStatement {
    private let sql: String
    private let statement: OpaquePointer
    private let db: Database
    private static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ sql: String, _ db: Database) throws {
        self.sql = sql
        self.db = db
        statement = try db.cachedStatement(sql: sql).sqliteStatement
    }

    /// Binds one row with `bind` and steps it to the end; the statement is reset before each
    /// row and after the last one (a cached statement left running would hold its read lock).
    func run(_ bind: (inout Row) throws -> Void) throws {
        sqlite3_reset(statement)
        defer { sqlite3_reset(statement) }
        var row = Row(statement: statement, owner: self)
        try bind(&row)
        let step = sqlite3_step(statement)
        guard step == SQLITE_DONE else { throw error(step) }
        sqlite3_clear_bindings(statement)
    }

    func error(_ code: Int32) -> DatabaseError {
        DatabaseError(resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(db.sqliteConnection)), sql: sql)
    }

    /// The parameters of the row being bound.
    struct Row {
        fileprivate let statement: OpaquePointer
        fileprivate let owner: RawStatement

        mutating func text(_ index: Int32, _ text: String) throws {
            var text = text
            // Never a null pointer: SQLite binds that as NULL, not as "".
            let empty = UnsafeRawPointer(("" as StaticString).utf8Start).assumingMemoryBound(to: CChar.self)
            let code = text.withUTF8 { utf8 in
                let start = utf8.baseAddress.map { UnsafeRawPointer($0).assumingMemoryBound(to: CChar.self) } ?? empty
                return sqlite3_bind_text(statement, index, start, Int32(utf8.count), RawStatement.transient)
            }
            guard code == SQLITE_OK else { throw owner.error(code) }
        }

        mutating func double(_ index: Int32, _ value: Double) throws {
            let code = sqlite3_bind_double(statement, index, value)
            guard code == SQLITE_OK else { throw owner.error(code) }
        }
    }
}

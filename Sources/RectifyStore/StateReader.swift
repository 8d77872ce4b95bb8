import Foundation
import GRDB

/// Reads a state database without changing it: no migration, no lock, no file created. For
/// offline tools (`rectifyctl preview`) that look at a running daemon's state beside it.
public enum StateReader {
    /// The notification log and the stored updates of the database at `path`.
    public static func read(database path: String) throws -> (log: [LogEntry], updates: [UpdateRecord]) {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.busyMode = .timeout(2)
        let queue = try DatabaseQueue(path: path, configuration: configuration)
        return try queue.read { db in
            let log = try LogEntry.fetchAll(db)
            let updates = try Row.fetchAll(db, sql: "SELECT * FROM updates ORDER BY id").map { try StateStore.update(row: $0) }
            return (log, updates)
        }
    }
}

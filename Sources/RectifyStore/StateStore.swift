import Foundation
import GRDB

/// The daemon's durable state in one SQLite file (WAL): the audit trail of updates, the
/// notification log, the outbox and the delivery history. Facts only; states are derived.
///
/// Thread-safe: GRDB's pool serialises writes and allows concurrent reads.
public final class StateStore: Sendable {
    let pool: DatabasePool
    public let path: String

    /// Opens (creating if needed) the database at `path` and runs pending migrations. The
    /// database and its -wal/-shm get `mode` whatever the umask (SQLite gives -wal and -shm
    /// the main file's mode), and existing ones are brought to it.
    public init(path: String, mode: mode_t = 0o600) throws {
        try Self.restrict(path, to: mode)
        var configuration = Configuration()
        configuration.busyMode = .timeout(5)
        configuration.label = "rectifyd-state"
        configuration.persistentReadOnlyConnections = true
        // Checkpoint the WAL every 10,000 pages (40 MB), not SQLite's 1,000: each confirmed
        // delivery writes a few hundred pages (the notification log's and the delivery index's
        // entries for its items), so a backlog checkpointed every second or third confirmation,
        // copying the same index pages into the database again each time, with two fsyncs
        // (the cold start at 100,000 items: 315 fdatasyncs, a tenth of the backlog's CPU).
        // Durability is the WAL's either way; the WAL file grows to ~40 MB (it already reaches
        // the size of a fresh start's first transaction, 56 MB at that size).
        configuration.prepareDatabase { db in try db.execute(sql: "PRAGMA wal_autocheckpoint = 10000") }
        self.pool = try DatabasePool(path: path, configuration: configuration)
        self.path = path
        try Self.migrator.migrate(pool)
        // Deliveries marked sent before a crash or a kill: their log and history now, so nothing
        // reads them as pending (nor sends them again).
        try foldDelivered()
    }

    /// Empties the page caches of the writer and of every reader: after a burst of work, so an
    /// idle daemon does not keep them.
    ///
    /// The readers stay open (`persistentReadOnlyConnections`): closing them and opening new
    /// ones for the next reads started libdispatch's worker-pool monitor, which then woke the
    /// idle daemon once a second for good (bench/daemon_probe.py's idle wake-ups, 1 → 31).
    public func releaseMemory() {
        pool.releaseMemory()
    }

    static func restrict(_ path: String, to mode: mode_t) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, mode)
        guard fd >= 0 else { throw StateFileError(path: path, errno: errno) }
        defer { close(fd) }
        guard fchmod(fd, mode) == 0 else { throw StateFileError(path: path, errno: errno) }
        for companion in [path + "-wal", path + "-shm"] where chmod(companion, mode) != 0 && errno != ENOENT {
            throw StateFileError(path: companion, errno: errno)
        }
    }

    /// Named, forward-only migrations, applied in order. Never edit a shipped one; add another.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1-updates-log-outbox") { db in
            try db.execute(
                sql: """
                    CREATE TABLE updates (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        plan_id TEXT NOT NULL,
                        item_id TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        at REAL NOT NULL,
                        uid INTEGER,
                        user TEXT,
                        note TEXT,
                        payload TEXT NOT NULL DEFAULT '{}'
                    );
                    CREATE INDEX updates_item ON updates(plan_id, item_id, id);

                    CREATE TABLE notification_log (
                        receiver TEXT NOT NULL,
                        recipient TEXT NOT NULL,
                        alert_key TEXT NOT NULL,
                        plan_id TEXT NOT NULL,
                        item_id TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        fingerprint TEXT NOT NULL,
                        sent_at REAL NOT NULL,
                        notice_id TEXT NOT NULL,
                        PRIMARY KEY (receiver, recipient, alert_key)
                    );
                    CREATE INDEX notification_log_item ON notification_log(plan_id, item_id);

                    CREATE TABLE outbox (
                        id TEXT PRIMARY KEY,
                        receiver TEXT NOT NULL,
                        recipient TEXT NOT NULL,
                        notice TEXT NOT NULL,
                        log_entries TEXT NOT NULL,
                        created_at REAL NOT NULL,
                        attempts INTEGER NOT NULL DEFAULT 0,
                        next_attempt_at REAL NOT NULL,
                        status TEXT NOT NULL DEFAULT 'pending',
                        last_error TEXT
                    );
                    CREATE INDEX outbox_due ON outbox(status, next_attempt_at);

                    CREATE TABLE deliveries (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        notice_id TEXT NOT NULL,
                        receiver TEXT NOT NULL,
                        recipient TEXT NOT NULL,
                        attempt INTEGER NOT NULL,
                        at REAL NOT NULL,
                        outcome TEXT NOT NULL,
                        detail TEXT,
                        duration REAL NOT NULL,
                        items TEXT NOT NULL DEFAULT '[]'
                    );
                    CREATE INDEX deliveries_notice ON deliveries(notice_id);

                    CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                    """)
        }
        // An item's deliveries by index instead of a LIKE scan over all of them; totals that
        // pruning cannot lower; indexes on the instants retention deletes by.
        migrator.registerMigration("v2-delivery-index-totals-retention") { db in
            try db.execute(
                sql: """
                    CREATE TABLE delivery_items (
                        delivery_id INTEGER NOT NULL REFERENCES deliveries(id) ON DELETE CASCADE,
                        item TEXT NOT NULL
                    );
                    CREATE INDEX delivery_items_item ON delivery_items(item, delivery_id);
                    CREATE INDEX delivery_items_delivery ON delivery_items(delivery_id);
                    INSERT INTO delivery_items (delivery_id, item)
                        SELECT DISTINCT d.id, j.value FROM deliveries d, json_each(d.items) j;

                    CREATE TABLE delivery_totals (
                        receiver TEXT NOT NULL,
                        outcome TEXT NOT NULL,
                        count INTEGER NOT NULL,
                        seconds REAL NOT NULL,
                        PRIMARY KEY (receiver, outcome)
                    );
                    INSERT INTO delivery_totals (receiver, outcome, count, seconds)
                        SELECT receiver, outcome, COUNT(*), COALESCE(SUM(duration), 0) FROM deliveries
                        GROUP BY receiver, outcome;

                    CREATE INDEX deliveries_at ON deliveries(at);
                    CREATE INDEX notification_log_sent ON notification_log(sent_at);
                    """)
        }
        // The web: notices as sent (what a signed link may show), receipts (签收), requests
        // waiting for the office, evidence files, and where a web change came from.
        migrator.registerMigration("v3-web-notices-requests-evidence") { db in
            try db.execute(
                sql: """
                    CREATE TABLE notices (
                        id TEXT PRIMARY KEY,
                        receiver TEXT NOT NULL,
                        recipient TEXT NOT NULL,
                        recipient_name TEXT,
                        colour TEXT,
                        kinds TEXT NOT NULL DEFAULT '[]',
                        items TEXT NOT NULL DEFAULT '[]',
                        created_at REAL NOT NULL,
                        delivered_at REAL,
                        received_at REAL,
                        received_address TEXT,
                        escalated_at REAL
                    );
                    CREATE INDEX notices_unreceived ON notices(received_at, delivered_at);
                    CREATE TABLE notice_items (
                        notice_id TEXT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
                        plan_id TEXT NOT NULL,
                        item_id TEXT NOT NULL
                    );
                    CREATE INDEX notice_items_item ON notice_items(plan_id, item_id);
                    CREATE INDEX notice_items_notice ON notice_items(notice_id);

                    CREATE TABLE requests (
                        id INTEGER PRIMARY KEY AUTOINCREMENT,
                        plan_id TEXT NOT NULL,
                        item_id TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        status TEXT NOT NULL DEFAULT 'pending',
                        created_at REAL NOT NULL,
                        notice_id TEXT,
                        receiver TEXT,
                        recipient TEXT NOT NULL,
                        note TEXT NOT NULL,
                        extend_to TEXT,
                        evidence TEXT NOT NULL DEFAULT '[]',
                        decided_at REAL,
                        decided_by TEXT,
                        decision_note TEXT
                    );
                    CREATE INDEX requests_status ON requests(status, id);
                    CREATE INDEX requests_item ON requests(plan_id, item_id);

                    CREATE TABLE evidence (
                        id TEXT PRIMARY KEY,
                        plan_id TEXT NOT NULL,
                        item_id TEXT NOT NULL,
                        name TEXT NOT NULL,
                        media_type TEXT NOT NULL,
                        size INTEGER NOT NULL,
                        sha256 TEXT NOT NULL,
                        stored TEXT NOT NULL,
                        at REAL NOT NULL,
                        by TEXT NOT NULL
                    );
                    CREATE INDEX evidence_item ON evidence(plan_id, item_id);

                    ALTER TABLE updates ADD COLUMN source TEXT;
                    ALTER TABLE updates ADD COLUMN address TEXT;
                    ALTER TABLE updates ADD COLUMN user_agent TEXT;
                    """)
        }
        // A notice's items as one b-tree clustered by item (the lookup the item pages make),
        // instead of rows, a rowid and two indexes: a fresh start at 100,000 items writes 60,745
        // of them in the transaction READY=1 waits for. Nothing looks items up by notice
        // (notices are never deleted; the cascade stays for integrity).
        migrator.registerMigration("v4-notice-items-by-item") { db in
            try db.execute(
                sql: """
                    CREATE TABLE notice_items_by_item (
                        plan_id TEXT NOT NULL,
                        item_id TEXT NOT NULL,
                        notice_id TEXT NOT NULL REFERENCES notices(id) ON DELETE CASCADE,
                        PRIMARY KEY (plan_id, item_id, notice_id)
                    ) WITHOUT ROWID;
                    INSERT OR IGNORE INTO notice_items_by_item (plan_id, item_id, notice_id)
                        SELECT plan_id, item_id, notice_id FROM notice_items;
                    DROP TABLE notice_items;
                    ALTER TABLE notice_items_by_item RENAME TO notice_items;
                    """)
        }
        // A delivery's receiver accepted it: a marker, written at once in a transaction of its
        // own, until `foldDelivered` writes what the delivery means (log, history) for a batch.
        migrator.registerMigration("v5-outbox-sent") { db in
            try db.execute(
                sql: """
                    CREATE TABLE outbox_sent (
                        id TEXT PRIMARY KEY,
                        at REAL NOT NULL,
                        attempt INTEGER NOT NULL,
                        detail TEXT,
                        duration REAL NOT NULL
                    ) WITHOUT ROWID;
                    """)
        }
        return migrator
    }

    /// Copies the WAL into the database and closes it (after the last service stopped); later
    /// calls fail. SQLite checkpoints when the last connection closes only if that one may
    /// write, and the pool's readers close after its writer: a clean stop left every change
    /// since the last automatic checkpoint (up to 40 MB) in `-wal`, and a `state.sqlite`
    /// copied alone as a backup held none of it.
    public func closeDatabase() throws {
        var checkpointError: (any Error)?
        do {
            _ = try pool.writeWithoutTransaction { try $0.checkpoint(.truncate) }
        } catch {
            checkpointError = error  // the WAL still holds the changes; close all the same
        }
        try pool.close()
        if let checkpointError { throw checkpointError }
    }

    // MARK: meta

    public func meta(_ key: String) throws -> String? {
        try pool.read { db in try String.fetchOne(db, sql: "SELECT value FROM meta WHERE key = ?", arguments: [key]) }
    }

    public func setMeta(_ key: String, _ value: String) throws {
        try pool.write { db in
            try db.execute(
                sql: "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                arguments: [key, value])
        }
    }
}

/// The state database's files could not be created or given their mode.
public struct StateFileError: Error, CustomStringConvertible {
    public var path: String
    public var errno: Int32
    public var description: String { "cannot create or restrict \(path): \(String(cString: strerror(errno)))" }
}

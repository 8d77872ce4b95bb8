import RectifyCore
import Crypto
import Foundation

/// A signed-in office account.
public struct WebSession: Sendable {
    public var user: String
    public var role: WebRole
    /// The value every form of this session carries (CSRF): random, never in a URL.
    public var csrf: String
    public var lastSeen: Date
}

/// The office's sessions, in memory: a restart signs everyone out. A session id is 32 random
/// bytes in an HttpOnly cookie; the store keeps only its SHA-256, so a memory dump or a log
/// line with a key in it cannot be replayed. Sessions end after `timeout` without a request,
/// and all of a user's end when the account is removed or its role changes (`retain`).
public final class SessionStore: Sendable {
    private let sessions = Locked<[String: WebSession]>([:])
    /// At most this many sessions at once; the least recently used go first.
    private let capacity: Int

    public init(capacity: Int = 10_000) { self.capacity = capacity }

    /// A new session for `user`; returns the cookie value.
    public func open(user: String, role: WebRole, at now: Date) -> String {
        let id = Self.randomToken(bytes: 32)
        let session = WebSession(user: user, role: role, csrf: Self.randomToken(bytes: 24), lastSeen: now)
        sessions.withLock { all in
            if all.count >= capacity, let oldest = all.min(by: { $0.value.lastSeen < $1.value.lastSeen })?.key {
                all.removeValue(forKey: oldest)
            }
            all[Self.digest(id)] = session
        }
        return id
    }

    /// The session of a cookie value, touched; nil when unknown or timed out (then it is removed).
    public func session(_ id: String, at now: Date, timeout: TimeInterval) -> WebSession? {
        let key = Self.digest(id)
        return sessions.withLock { all in
            guard var session = all[key] else { return nil }
            guard now.timeIntervalSince(session.lastSeen) < timeout else {
                all.removeValue(forKey: key)
                return nil
            }
            session.lastSeen = now
            all[key] = session
            return session
        }
    }

    public func close(_ id: String) { _ = sessions.withLock { $0.removeValue(forKey: Self.digest(id)) } }

    /// Ends the sessions of users no longer allowed (`allowed` says whether a user keeps its role).
    public func retain(where allowed: (String, WebRole) -> Bool) {
        sessions.withLock { all in all = all.filter { allowed($0.value.user, $0.value.role) } }
    }

    public var count: Int { sessions.withLock { $0.count } }

    static func digest(_ id: String) -> String {
        Hex.encode(SHA256.hash(data: Data(id.utf8)))
    }

    public static func randomToken(bytes: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return Base64URL.encode(Data((0..<bytes).map { _ in UInt8.random(in: 0...255, using: &generator) }))
    }
}

/// Slows password guessing: failed logins are counted per address and per user name over a
/// window; past the limit, logins from that address (or for that user) are refused until the
/// lock ends, without checking the password (so a refused guess costs no KDF time either).
/// Each lock doubles the next one, up to a day.
public final class LoginThrottle: Sendable {
    private struct Record {
        var failures: [Date] = []
        var lockedUntil: Date?
        var locks = 0
    }

    private let records = Locked<[String: Record]>([:])
    public let limit: Int
    public let window: TimeInterval
    public let baseLock: TimeInterval

    public init(limit: Int = 5, window: TimeInterval = 900, baseLock: TimeInterval = 900) {
        self.limit = limit
        self.window = window
        self.baseLock = baseLock
    }

    /// When a login for `user` from `address` may be tried again; nil when it may be now.
    public func lockedUntil(user: String, address: String, at now: Date) -> Date? {
        records.withLock { all in
            [Self.key("addr", address), Self.key("user", user)].compactMap { key -> Date? in
                guard let until = all[key]?.lockedUntil, until > now else { return nil }
                return until
            }.max()
        }
    }

    /// Counts a failure; returns the end of the lock it started, if it started one.
    @discardableResult
    public func failed(user: String, address: String, at now: Date) -> Date? {
        records.withLock { all in
            var started: Date?
            for key in [Self.key("addr", address), Self.key("user", user)] {
                var record = all[key] ?? Record()
                record.failures = record.failures.filter { now.timeIntervalSince($0) < window } + [now]
                if record.failures.count >= limit {
                    let lock = min(86_400, baseLock * pow(2, Double(record.locks)))
                    record.locks += 1
                    record.lockedUntil = now.addingTimeInterval(lock)
                    record.failures = []
                    started = max(started ?? .distantPast, record.lockedUntil!)
                }
                all[key] = record
            }
            if all.count > 100_000 { all = all.filter { $0.value.lockedUntil.map { $0 > now } ?? false } }
            return started
        }
    }

    /// A success clears the user's and the address's failures (not a running lock).
    public func succeeded(user: String, address: String) {
        records.withLock { all in
            for key in [Self.key("addr", address), Self.key("user", user)] { all[key]?.failures = [] }
        }
    }

    static func key(_ kind: String, _ value: String) -> String { kind + "\u{1}" + value.lowercased() }
}

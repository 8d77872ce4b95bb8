import Foundation

/// The days of one time zone: when a day begins, which day holds an instant.
///
/// Where the zone's offset no longer changes — Asia/Shanghai has kept +08:00 since 1991 — this
/// is arithmetic on that offset; before then, and in zones that keep changing (daylight saving
/// time), it asks the zone as before. Evaluating 100,000 items asks a day's start nearly a
/// million times: the zone's own lookup takes a lock each time.
public struct ZoneDays: Sendable {
    public let zone: TimeZone
    /// From this instant (seconds since 1970) on, the zone's offset is `fixedOffset` for good;
    /// nil when it never settles.
    private let fixedFrom: Double?
    private let fixedOffset: Int

    /// The zone's days (worked out once per zone and remembered).
    public init(_ zone: TimeZone) {
        self = Self.cache.withLock { cache in
            if let known = cache[zone.identifier] { return known }
            let made = ZoneDays(computing: zone)
            cache[zone.identifier] = made
            return made
        }
    }

    private static let cache = Locked<[String: ZoneDays]>([:])

    private init(computing zone: TimeZone) {
        self.zone = zone
        // The zone's last transition since 1900 (a zone with daylight saving time has them for
        // ever: after 400 of them, give up and ask the zone every time).
        var last = Date(timeIntervalSince1970: -2_208_988_800)
        var transitions = 0
        while let next = zone.nextDaylightSavingTimeTransition(after: last) {
            transitions += 1
            last = next
            if transitions > 400 { break }
        }
        let from = last.timeIntervalSince1970 + 86_400
        let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: from))
        // Trust, but check: the offset must be the same everywhere after the last transition.
        let probes: [Double] = [from, 0, 946_684_800, 1_893_456_000, 4_102_444_800, 32_503_680_000, 253_402_300_799]
        let steady = probes.filter { $0 >= from }.allSatisfy {
            zone.secondsFromGMT(for: Date(timeIntervalSince1970: $0)) == offset
        }
        fixedFrom = transitions <= 400 && steady ? from : nil
        fixedOffset = offset
    }

    /// The instant at which `day` begins.
    public func start(of day: CalendarDate) -> Date {
        let localMidnight = TimeInterval(day.dayNumber) * 86_400
        if let fixedFrom {
            let instant = localMidnight - TimeInterval(fixedOffset)
            if instant >= fixedFrom { return Date(timeIntervalSince1970: instant) }
        }
        return day.startInstant(in: zone)
    }

    /// The zone's offset from UTC at `instant`, in seconds.
    public func secondsFromGMT(for instant: Date) -> Int {
        if let fixedFrom, instant.timeIntervalSince1970 >= fixedFrom { return fixedOffset }
        return zone.secondsFromGMT(for: instant)
    }

    /// The day that holds `instant`.
    public func day(containing instant: Date) -> CalendarDate {
        if let fixedFrom, instant.timeIntervalSince1970 >= fixedFrom {
            let local = instant.timeIntervalSince1970 + TimeInterval(fixedOffset)
            return CalendarDate(dayNumber: Int((local / 86_400).rounded(.down)))
        }
        return CalendarDate(containing: instant, in: zone)
    }
}

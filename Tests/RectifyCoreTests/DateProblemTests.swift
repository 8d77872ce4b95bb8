import Testing

@testable import RectifyCore

/// What a date error says: a one-digit month is a spelling to fix, not a day that does not exist.
struct DateProblemTests {
    @Test(arguments: [
        ("2026-04-30", nil),
        ("2026-4-30", "write it with a two-digit month and day: 2026-04-30"),
        ("2026-04-3", "write it with a two-digit month and day: 2026-04-03"),
        ("2025-02-29", "a day that does not exist: 2025-02 has 28 days"),
        ("2024-2-30", "a day that does not exist: 2024-02 has 29 days"),
        ("2025-13-01", "there is no month 13; write a day as YYYY-MM-DD"),
        ("30/4/2026", "write a day as YYYY-MM-DD, e.g. 2026-04-30"),
        ("２０２６-04-30", "write a day as YYYY-MM-DD, e.g. 2026-04-30"),
    ] as [(String, String?)])
    func problem(text: String, expected: String?) {
        #expect(CalendarDate.problem(with: text) == expected)
    }
}

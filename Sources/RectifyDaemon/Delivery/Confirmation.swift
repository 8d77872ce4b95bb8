import RectifyStore

/// What a delivery pass reports back: the log entries of the messages a receiver accepted
/// (none when it only failed: the scheduler then re-arms for the retries it scheduled).
struct Confirmation: Sendable {
    var receiver: String
    var entries: [LogEntry]
}

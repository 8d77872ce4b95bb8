import Foundation
import RectifyCore

/// A channel that delivers rendered alert notices: SMTP, webhook or Maildir.
///
/// `deliver` blocks (libcurl's `curl_easy_perform`, file syncs); the daemon calls it on the
/// receiver's own delivery queue. One call is one batch: the SMTP notifier sends the whole
/// batch over one connection. `onResult` is called once per notice, as soon as its outcome is
/// known (a message the server accepted is reported before the next one is sent), so the
/// caller can record each confirmation at once: a crash in the middle of a batch then re-sends
/// at most the one message in flight.
public protocol Notifier: Sendable {
    func deliver(_ notices: NoticeBatch, onResult: (DeliveryResult) -> Void)
}

/// The notices of one batch, in order, each made when the channel comes to it and dropped
/// once the channel is done with it: the daemon decodes them from their outbox rows one at a
/// time, so a pass of 200 notices of 200 entries holds one notice, not 200 (the cold start's
/// backlog at 100,000 items peaked 22 MiB higher holding them all). A notice that cannot be
/// made is left out; its maker records why. Iterating again makes them again.
public struct NoticeBatch: Sequence {
    private let count: Int
    private let make: (Int) -> AlertNotice?

    public init(count: Int, make: @escaping (Int) -> AlertNotice?) {
        self.count = count
        self.make = make
    }

    public init(_ notices: [AlertNotice]) {
        self.init(count: notices.count) { notices[$0] }
    }

    public var isEmpty: Bool { count == 0 }

    public struct Iterator: IteratorProtocol {
        fileprivate let batch: NoticeBatch
        fileprivate var position = 0

        public mutating func next() -> AlertNotice? {
            while position < batch.count {
                defer { position += 1 }
                if let notice = batch.make(position) { return notice }
            }
            return nil
        }
    }

    public func makeIterator() -> Iterator { Iterator(batch: self) }
}

extension Notifier {
    public func deliver(_ notices: [AlertNotice], onResult: (DeliveryResult) -> Void) {
        deliver(NoticeBatch(notices), onResult: onResult)
    }

    /// The whole batch's results, in the order of `notices` (for tests and tools).
    public func deliver(_ notices: [AlertNotice]) -> [DeliveryResult] {
        var results: [DeliveryResult] = []
        deliver(notices) { results.append($0) }
        let order = Dictionary(notices.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return results.sorted { (order[$0.noticeID] ?? 0) < (order[$1.noticeID] ?? 0) }
    }
}

/// What went wrong with a delivery, in words safe to log and store: never a password, a
/// bearer token or a URL's userinfo or query.
public struct DeliveryError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// libcurl's `CURLcode`, when libcurl failed.
    public var curlCode: Int?
    /// The SMTP reply code or HTTP status the server answered with, when it answered.
    public var responseCode: Int?
    /// How long the server asked to be left alone (HTTP `Retry-After` on a 429 or 503): the
    /// next attempt waits at least this long.
    public var retryAfter: TimeInterval?

    public init(_ message: String, curlCode: Int? = nil, responseCode: Int? = nil, retryAfter: TimeInterval? = nil) {
        self.message = message
        self.curlCode = curlCode
        self.responseCode = responseCode
        self.retryAfter = retryAfter
    }

    public var description: String { message }
}

/// Whether a notice arrived, and if not, whether sending it again can help.
public enum DeliveryOutcome: Hashable, Sendable {
    case delivered
    /// Try again later (connection failures, timeouts, SMTP 4xx, HTTP 5xx/408/429).
    case retryable(DeliveryError)
    /// Sending again will fail the same way (SMTP 5xx, HTTP 4xx, bad configuration).
    case permanent(DeliveryError)

    public var isDelivered: Bool { self == .delivered }

    public var error: DeliveryError? {
        switch self {
        case .delivered: return nil
        case .retryable(let error), .permanent(let error): return error
        }
    }
}

/// The result of delivering one notice.
public struct DeliveryResult: Hashable, Sendable {
    public var noticeID: String
    public var outcome: DeliveryOutcome
    /// A short account for the delivery history: "smtp 250 (connection reused)",
    /// "HTTP 202", the Maildir file name, or the error.
    public var detail: String
    /// Wall time spent on this notice (for a batch over one connection, the share of this message).
    public var duration: Duration
}

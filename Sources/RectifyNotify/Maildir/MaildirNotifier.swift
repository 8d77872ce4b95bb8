import Foundation
import Logging

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes each notice as a mail into a Maildir: written and synced in `tmp/`, then renamed
/// into `new/`, so a reader never sees half a mail. The bytes are exactly what SMTP would send.
///
/// A mail that cannot be built (the recipient is not an address) is a permanent failure;
/// a write that fails (disk full, permissions) is retried.
public struct MaildirNotifier: Notifier {
    public let config: MaildirConfig
    private let renderer: NoticeRenderer
    private let logger: Logger

    public init(config: MaildirConfig, logger: Logger) {
        self.config = config
        self.renderer = NoticeRenderer(sender: config.from.name)
        self.logger = logger
    }

    public func deliver(_ notices: NoticeBatch, onResult: (DeliveryResult) -> Void) {
        let clock = ContinuousClock()
        let folder = MaildirFolder(path: config.path)
        for (index, notice) in notices.enumerated() {
            let start = clock.now
            let outcome: DeliveryOutcome
            let detail: String
            do {
                let bytes = try NoticeMail.bytes(for: notice, from: config.from, renderer: renderer)
                do {
                    let name = try folder.deliver(bytes, sequence: index)
                    (outcome, detail) = (.delivered, "new/\(name)")
                } catch {
                    (outcome, detail) = (.retryable(error), error.message)
                }
            } catch {
                let failure = DeliveryError("\(error)")
                (outcome, detail) = (.permanent(failure), failure.message)
            }
            let metadata: Logger.Metadata = ["notice": "\(notice.id)", "detail": "\(detail)"]
            if outcome.isDelivered {
                logger.debug("mail stored", metadata: metadata)
            } else {
                logger.error("mail not stored", metadata: metadata)
            }
            onResult(DeliveryResult(noticeID: notice.id, outcome: outcome, detail: detail, duration: clock.now - start))
        }
    }
}

/// The file operations of Maildir delivery (https://cr.yp.to/proto/maildir.html).
struct MaildirFolder {
    var path: String

    /// Stores one mail; returns its file name in `new/`.
    func deliver(_ bytes: [UInt8], sequence: Int) throws(DeliveryError) -> String {
        for sub in ["tmp", "new", "cur"] { try makeDirectory(path + "/" + sub) }
        let name = Self.uniqueName(sequence: sequence)
        let tmp = "\(path)/tmp/\(name)"
        let new = "\(path)/new/\(name)"
        let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw failure("cannot create \(tmp)") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let error = failure("cannot write \(tmp)")
                close(fd)
                unlink(tmp)
                throw error
            }
            written += n
        }
        // The mail must be on disk before it is announced in new/ (and before the outbox forgets it).
        guard fsync(fd) == 0 else {
            let error = failure("cannot sync \(tmp)")
            close(fd)
            unlink(tmp)
            throw error
        }
        close(fd)
        guard rename(tmp, new) == 0 else {
            let error = failure("cannot move \(tmp) to new/")
            unlink(tmp)
            throw error
        }
        let dir = open(path + "/new", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            _ = fsync(dir)
            close(dir)
        }
        return name
    }

    /// `mkdir -p` with mode 0700, failing with the errno of the step that failed.
    private func makeDirectory(_ directory: String) throws(DeliveryError) {
        var partial = directory.hasPrefix("/") ? "" : "."
        for component in directory.split(separator: "/") {
            partial += "/" + component
            if mkdir(partial, 0o700) != 0 && errno != EEXIST {
                throw failure("cannot create Maildir folder \(partial)")
            }
        }
    }

    private func failure(_ what: String) -> DeliveryError {
        DeliveryError("\(what): \(String(cString: strerror(errno)))")
    }

    /// `time.M<usec>P<pid>R<random>Q<n>.host`: unique per host, process, microsecond and
    /// batch position, with 64 random bits besides.
    static func uniqueName(sequence: Int) -> String {
        var now = timeval()
        gettimeofday(&now, nil)
        let random = String(UInt64.random(in: .min ... .max), radix: 16)
        return "\(now.tv_sec).M\(now.tv_usec)P\(getpid())R\(random)Q\(sequence).\(hostname())"
    }

    /// The host name with "/" and ":" escaped as the Maildir spec asks.
    static func hostname() -> String {
        var buffer = [CChar](repeating: 0, count: 256)
        guard gethostname(&buffer, buffer.count - 1) == 0 else { return "localhost" }
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty
            ? "localhost"
            : name.replacingOccurrences(of: "/", with: "\\057")
                .replacingOccurrences(of: ":", with: "\\072")
    }
}

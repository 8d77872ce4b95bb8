import Foundation
import Logging
import NIOConcurrencyHelpers
import NIOCore

/// A log line that is written at most once per `interval`; the next one says how many were
/// left out. For events an attacker can repeat thousands of times a second.
final class RateLimitedLog: Sendable {
    private struct State {
        var last: Date?
        var suppressed = 0
    }

    private let state = NIOLockedValueBox(State())
    private let interval: TimeInterval
    private let logger: Logger

    init(logger: Logger, interval: TimeInterval) {
        self.logger = logger
        self.interval = interval
    }

    func log(_ level: Logger.Level, _ message: Logger.Message, metadata: Logger.Metadata = [:], now: Date = Date()) {
        let suppressed: Int? = state.withLockedValue { s in
            if let last = s.last, now.timeIntervalSince(last) < interval {
                s.suppressed += 1
                return nil
            }
            defer { s = State(last: now, suppressed: 0) }
            return s.suppressed
        }
        guard let suppressed else { return }
        var metadata = metadata
        if suppressed > 0 { metadata["suppressed"] = "\(suppressed)" }
        logger.log(level: level, message, metadata: metadata)
    }
}

/// Open control connections per peer uid, shared by every connection's `PeerConnectionGate`.
final class ConnectionsPerUID: Sendable {
    private let open = NIOLockedValueBox([UInt32: Int]())
    private let currentLimit: @Sendable () -> Int

    init(limit: @escaping @Sendable () -> Int) { currentLimit = limit }

    var limit: Int { currentLimit() }

    /// Counts a connection of `uid` and returns true, or returns false when `uid` is at the limit.
    func admit(_ uid: UInt32) -> Bool {
        let limit = self.limit
        return open.withLockedValue { counts in
            guard counts[uid, default: 0] < limit else { return false }
            counts[uid, default: 0] += 1
            return true
        }
    }

    func release(_ uid: UInt32) {
        open.withLockedValue { counts in
            counts[uid, default: 1] -= 1
            if counts[uid] == 0 { counts[uid] = nil }
        }
    }
}

/// First handler of a connection: refuses it with 503 when its peer uid already holds
/// `control.max_connections_per_uid` connections, so one user cannot use up the total.
final class PeerConnectionGate: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let counts: ConnectionsPerUID
    private let refusals: RateLimitedLog
    private var admitted: UInt32?
    private var refused = false

    init(counts: ConnectionsPerUID, refusals: RateLimitedLog) {
        self.counts = counts
        self.refusals = refusals
    }

    func channelActive(context: ChannelHandlerContext) {
        guard let provider = context.channel as? SocketOptionProvider else {
            context.fireChannelActive()
            return
        }
        let future: EventLoopFuture<UCred> = provider.unsafeGetSocketOption(
            level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
        // Completed at once on the event loop: the callback runs before any byte is read.
        future.assumeIsolated().whenComplete { result in
            switch result {
            case .success(let cred) where self.counts.admit(cred.uid):
                self.admitted = cred.uid
                context.fireChannelActive()
            case .success(let cred):
                self.refuse(context: context, uid: cred.uid)
            case .failure:
                // Without a uid the connection cannot be counted per user; ControlHandler
                // refuses its writes, and the total cap still holds.
                context.fireChannelActive()
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        if let uid = admitted {
            counts.release(uid)
            admitted = nil
        }
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        // A refused connection is closing: what it sent is dropped.
        guard !refused else { return }
        context.fireChannelRead(data)
    }

    private func refuse(context: ChannelHandlerContext, uid: UInt32) {
        refused = true
        let reason = "uid \(uid) already has \(counts.limit) open control connections (control.max_connections_per_uid)"
        refusals.log(
            .warning, "control connection refused",
            metadata: ["uid": "\(uid)", "user": "\(Accounts.userName(uid: uid) ?? "-")", "reason": "\(reason)"])
        let response = RawResponse.make(status: "503 Service Unavailable", error: reason)
        context.writeAndFlush(NIOAny(response)).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
    }
}

/// The accepting side: at most `control.max_connections` open connections, and a pause
/// after a failed accept (EMFILE, ENFILE, ENOMEM…). At the limit it stops accepting (new
/// clients wait in the listen backlog) until one closes; it never closes a connected client.
///
/// Both pauses turn `autoRead` off. NIO's `AcceptBackoffHandler` holds back `read()` instead,
/// but in NIO 2.101 a failed accept leaves the channel's read pending and registered with
/// epoll, so the listening socket (readable while clients wait) was accepted from in a busy
/// loop at 100% CPU. Turning `autoRead` off unregisters it.
final class AcceptGate: ChannelInboundHandler {
    typealias InboundIn = Channel

    private let currentLimit: @Sendable () -> Int
    private let logger: Logger
    private let atLimitLog: RateLimitedLog
    private let failureLog: RateLimitedLog
    private var open = 0
    private var backingOff = false

    init(limit: @escaping @Sendable () -> Int, logger: Logger) {
        self.currentLimit = limit
        self.logger = logger
        atLimitLog = RateLimitedLog(logger: logger, interval: 10)
        failureLog = RateLimitedLog(logger: logger, interval: 60)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let child = Self.unwrapInboundIn(data)
        open += 1
        let limit = currentLimit()
        if open >= limit {
            atLimitLog.log(.warning, "control connections at the limit; new ones wait", metadata: ["limit": "\(limit)"])
        }
        update(context: context)
        let loop = context.eventLoop
        let bound = NIOLoopBound((self, context), eventLoop: loop)
        child.closeFuture.whenComplete { _ in
            loop.execute {
                let (gate, context) = bound.value
                gate.open -= 1
                gate.update(context: context)
            }
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard let error = error as? IOError else {
            context.fireErrorCaught(error)
            return
        }
        let exhausted = error.errnoCode == EMFILE || error.errnoCode == ENFILE
        failureLog.log(
            .error,
            exhausted
                ? "control socket out of file descriptors; accepting paused (raise LimitNOFILE or lower control.max_connections)"
                : "control socket accept failed; accepting paused",
            metadata: ["error": "\(error)"])
        guard !backingOff else { return }
        backingOff = true
        update(context: context)
        context.eventLoop.assumeIsolated().scheduleTask(in: .milliseconds(250)) {
            self.backingOff = false
            self.update(context: context)
        }
    }

    private func update(context: ChannelHandlerContext) {
        let accept = open < currentLimit() && !backingOff
        guard let options = context.channel.syncOptions, (try? options.getOption(ChannelOptions.autoRead)) != accept else {
            return
        }
        do { try options.setOption(ChannelOptions.autoRead, value: accept) } catch {
            logger.error("control socket: cannot pause or resume accepting", metadata: ["error": "\(error)"])
        }
    }
}

/// An HTTP answer written below the HTTP codec, for connections that never reach it.
enum RawResponse {
    static func make(status: String, error: String) -> ByteBuffer {
        let body = (try? JSONEncoder().encode(["error": error])) ?? Data("{}".utf8)
        var buffer = ByteBuffer()
        buffer.writeString(
            "HTTP/1.1 \(status)\r\nContent-Type: application/json\r\nContent-Length: \(body.count)\r\nConnection: close\r\n\r\n")
        buffer.writeBytes(body)
        return buffer
    }
}

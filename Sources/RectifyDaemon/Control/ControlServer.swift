import RectifyCore
import Dispatch
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTPTypes
import NIOPosix
import RectifyControl

/// Serves the control API as HTTP/1.1 over a Unix socket: Hummingbird's HTTP/1 channel and
/// router (`ControlRouter.hummingbird`) on each connection, under our own accepting socket
/// and connection handlers, so held connections cannot deny service: `AcceptGate` caps them
/// in total and pauses on EMFILE, `PeerConnectionGate` caps them per uid,
/// `RequestDeadlineHandler` closes slow requests, `IdleStateHandler` idle ones. Hummingbird's
/// own `Server` would bind the socket for us, but its accepting channel is an async sequence
/// that asks for reads itself, which would undo `AcceptGate`'s pause on EMFILE.
final class ControlServer: Sendable {
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let work = WorkLanes(label: "rectifyd.control", count: 4)
    private let router: ControlRouter
    private let snapshots: SnapshotCell
    /// The socket's path, mode and group, fixed when it is bound (the limits are read live).
    private let config: ControlConfig
    private let logger: Logger
    private let connections: AsyncStream<HTTP1Channel.Value>
    private let accepted: AsyncStream<HTTP1Channel.Value>.Continuation
    /// The listening channel and the socket file it created (device and inode: only that one is
    /// removed at stop), set once bound; and the open connections, closed at stop.
    private let state = Locked<State>(State())

    private struct State {
        var listening: (channel: any Channel, created: (dev: UInt, ino: UInt)?)?
        var open: [ObjectIdentifier: any Channel] = [:]
        var http: HTTP1Channel?
    }

    init(router: ControlRouter, snapshots: SnapshotCell, logger: Logger) {
        self.router = router
        self.snapshots = snapshots
        self.config = snapshots.current.config.control
        self.logger = logger
        (connections, accepted) = AsyncStream.makeStream(of: HTTP1Channel.Value.self)
    }

    /// Binds the socket (replacing a stale one), sets its mode and group, starts accepting.
    func start() async throws {
        let path = config.socket
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let snapshots = self.snapshots, logger = self.logger, accepted = self.accepted
        // Limits come from the current snapshot, so a reload changes them for new connections.
        let live: @Sendable () -> ControlConfig = { snapshots.current.config.control }
        let perUID = ConnectionsPerUID(limit: { live().maxConnectionsPerUID })
        let refusals = RateLimitedLog(logger: logger, interval: 10)
        let http = HTTP1Channel(
            responder: Self.responder(router.hummingbird(work: work) { live().bodyLimit }.buildResponder(), logger: logger),
            configuration: .init(additionalChannelHandlers: [RequestDeadlineSignal()]))
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 512)
            // One accept per wake-up, so the connection cap is never overshot.
            .serverChannelOption(ChannelOptions.maxMessagesPerRead, value: 1)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(AcceptGate(limit: { live().maxConnections }, logger: logger))
                }
            }
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    let config = live()
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(PeerConnectionGate(counts: perUID, refusals: refusals))
                    try pipeline.addHandler(RequestDeadlineHandler(timeout: .nanoseconds(Int64(config.requestTimeout * 1e9))))
                    try pipeline.addHandler(IdleStateHandler(readTimeout: .milliseconds(Int64(config.idleTimeout * 1000))))
                    try pipeline.addHandler(IdleCloser())
                }.flatMap {
                    http.setup(channel: channel, logger: logger)
                }.map { (connection: HTTP1Channel.Value) in
                    let id = ObjectIdentifier(channel)
                    self.state.withLock { $0.open[id] = channel }
                    channel.closeFuture.whenComplete { _ in _ = self.state.withLock { $0.open.removeValue(forKey: id) } }
                    accepted.yield(connection)
                }
            }
        // A socket someone answers on belongs to a running process (another rectifyd with another
        // state_dir): refuse rather than take it over. A stale one (nobody listening) is replaced.
        if Self.someoneListens(at: path) {
            throw ControlServerError(
                "\(path): another process is listening on this control socket; stop it, or give this daemon its own "
                    + "control.socket")
        }
        let channel = try await bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: true).get()
        state.withLock { $0.listening = (channel, Self.identity(of: path)) }
        guard chmod(path, mode_t(config.mode)) == 0 else {
            throw ControlServerError("cannot set mode \(String(config.mode, radix: 8)) on \(path): \(String(cString: strerror(errno)))")
        }
        if let name = config.group {
            guard let gid = Accounts.groupID(named: name) else { throw ControlServerError("control.group '\(name)' does not exist") }
            guard chown(path, uid_t(UInt32.max), gid) == 0 else {
                throw ControlServerError("cannot give \(path) to group \(name): \(String(cString: strerror(errno)))")
            }
        }
        state.withLock { $0.http = http }
        logger.info("control socket listening", metadata: ["socket": "\(path)", "mode": "\(String(config.mode, radix: 8))"])
    }

    /// Serves every accepted connection (Hummingbird's HTTP/1 handling, one child task each)
    /// until `stopAccepting` and the last connection closes.
    func serve() async {
        guard let http = state.withLock({ $0.http }) else { return }
        let logger = self.logger, loop = EventLoopTaskExecutor(group.next())
        await withDiscardingTaskGroup { tasks in
            for await connection in connections {
                // On the connection's event loop (the group has one), as NIO would run it.
                tasks.addTask(executorPreference: loop) { await http.handle(value: connection, logger: logger) }
            }
        }
    }

    /// Stops accepting and closes every open connection (an answer being written is cut off,
    /// as before: the client sees the connection close).
    func stopAccepting() {
        let (listening, open) = state.withLock { ($0.listening?.channel, Array($0.open.values)) }
        listening?.close(promise: nil)
        for channel in open { channel.close(promise: nil) }
        accepted.finish()
    }

    /// After `serve` returned: stops the event loop and removes the socket file if it is still ours.
    func stop() async {
        stopAccepting()
        do {
            try await group.shutdownGracefully()
        } catch {
            logger.warning("control event loop did not stop cleanly", metadata: ["error": "\(error)"])
        }
        // Never remove a socket another process put there after us.
        if let created = state.withLock({ $0.listening?.created }), let now = Self.identity(of: config.socket), now == created {
            unlink(config.socket)
        }
    }

    /// Hummingbird's responder as the HTTP/1 channel calls it: a context for the connection,
    /// the router's answer, written in one go.
    private static func responder(
        _ responder: RouterResponder<ControlRequestContext>, logger: Logger
    ) -> HTTPChannelHandler.Responder {
        { request, writer, channel in
            let context = ControlRequestContext(source: .init(channel: channel, logger: logger))
            let response: Response
            do {
                response = try await responder.respond(to: request, context: context)
            } catch {
                response = Response(
                    ControlResponse.json(ErrorResponse(error: "the request could not be answered: \(error)"), status: 500))
            }
            try await writer.write(response: response.head, body: response.body)
        }
    }

    private static func identity(of path: String) -> (dev: UInt, ino: UInt)? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return (UInt(info.st_dev), UInt(info.st_ino))
    }

/// Whether a process accepts connections on the Unix socket at `path`.
    static func someoneListens(at path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFSOCK else { return false }
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        guard bytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (i, b) in bytes.enumerated() { raw[i] = b }
            raw[bytes.count] = 0
        }
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return result == 0
    }
}

struct ControlServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// `struct ucred` of Linux (glibc does not export it without _GNU_SOURCE).
struct UCred: Sendable {
    var pid: Int32 = 0
    var uid: UInt32 = 0
    var gid: UInt32 = 0
}

/// Closes a connection that sent nothing for `control.idle_timeout`.
final class IdleCloser: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }
}

/// Tells `RequestDeadlineHandler` (below the HTTP codec) when a whole request has arrived and
/// when its answer is written, from the HTTP parts Hummingbird's channel reads and writes.
final class RequestDeadlineSignal: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .end = unwrapInboundIn(data) {
            context.triggerUserOutboundEvent(RequestDeadlineHandler.Event.requestComplete, promise: nil)
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        let isEnd: Bool
        if case .end = unwrapOutboundIn(data) { isEnd = true } else { isEnd = false }
        context.write(data, promise: promise)
        if isEnd { context.triggerUserOutboundEvent(RequestDeadlineHandler.Event.responseSent, promise: nil) }
    }
}

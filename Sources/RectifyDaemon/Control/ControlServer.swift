import Dispatch
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import RectifyControl
import Synchronization

/// Serves the control API as HTTP/1.1 over a Unix socket, with SwiftNIO's HTTP parser.
/// Requests are answered off the event loop (on `work`), so a slow query never stalls
/// other clients; the peer's uid comes from SO_PEERCRED when the connection opens. Held
/// connections cannot deny service: `AcceptGate` caps them in total and pauses on EMFILE,
/// `PeerConnectionGate` caps them per uid, `RequestDeadlineHandler` closes slow requests.
final class ControlServer: Sendable {
    private let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    private let work = DispatchQueue(label: "rectifyd.control", attributes: .concurrent)
    private let router: ControlRouter
    private let snapshots: SnapshotCell
    /// The socket's path, mode and group, fixed when it is bound (the limits are read live).
    private let config: ControlConfig
    private let logger: Logger
    /// The listening channel and the socket file it created (device and inode: only that one is
    /// removed at stop), set once bound.
    private let bound = Mutex<(channel: any Channel, created: (dev: UInt, ino: UInt)?)?>(nil)

    init(router: ControlRouter, snapshots: SnapshotCell, logger: Logger) {
        self.router = router
        self.snapshots = snapshots
        self.config = snapshots.current.config.control
        self.logger = logger
    }

    /// Binds the socket (replacing a stale one), sets its mode and group, starts accepting.
    func start() async throws {
        let path = config.socket
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let router = self.router, work = self.work, snapshots = self.snapshots
        let logger = self.logger
        // Limits come from the current snapshot, so a reload changes them for new connections.
        let live: @Sendable () -> ControlConfig = { snapshots.current.config.control }
        let perUID = ConnectionsPerUID(limit: { live().maxConnectionsPerUID })
        let refusals = RateLimitedLog(logger: logger, interval: 10)
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 512)
            // One accept per wake-up, so the connection cap is never overshot.
            .serverChannelOption(ChannelOptions.maxMessagesPerRead, value: 1)
            .serverChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(AcceptGate(limit: { live().maxConnections }, logger: logger))
                }
            }
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    let config = live()
                    let pipeline = channel.pipeline.syncOperations
                    try pipeline.addHandler(PeerConnectionGate(counts: perUID, refusals: refusals))
                    try pipeline.addHandler(RequestDeadlineHandler(timeout: .nanoseconds(Int64(config.requestTimeout * 1e9))))
                    try pipeline.addHandler(IdleStateHandler(readTimeout: .milliseconds(Int64(config.idleTimeout * 1000))))
                    try pipeline.configureHTTPServerPipeline(withErrorHandling: true)
                    try pipeline.addHandler(ControlHandler(router: router, work: work, bodyLimit: config.bodyLimit, logger: logger))
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
        bound.withLock { $0 = (channel, Self.identity(of: path)) }
        guard chmod(path, mode_t(config.mode)) == 0 else {
            throw ControlServerError("cannot set mode \(String(config.mode, radix: 8)) on \(path): \(String(cString: strerror(errno)))")
        }
        if let name = config.group {
            guard let gid = Accounts.groupID(named: name) else { throw ControlServerError("control.group '\(name)' does not exist") }
            guard chown(path, uid_t(UInt32.max), gid) == 0 else {
                throw ControlServerError("cannot give \(path) to group \(name): \(String(cString: strerror(errno)))")
            }
        }
        logger.info("control socket listening", metadata: ["socket": "\(path)", "mode": "\(String(config.mode, radix: 8))"])
    }

    /// Stops accepting, closes the listening socket and removes its file if it is still ours.
    func stop() async {
        let listening = bound.withLock { $0 }
        do {
            try await listening?.channel.close()
        } catch {
            logger.warning("control socket did not close cleanly", metadata: ["error": "\(error)"])
        }
        do {
            try await group.shutdownGracefully()
        } catch {
            logger.warning("control event loop did not stop cleanly", metadata: ["error": "\(error)"])
        }
        // Never remove a socket another process put there after us.
        if let created = listening?.created, let now = Self.identity(of: config.socket), now == created {
            unlink(config.socket)
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

/// One connection: collects a request (refusing bodies over the limit), hands it to the
/// service on the work queue, writes the answer back on the event loop.
final class ControlHandler: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let router: ControlRouter
    private let work: DispatchQueue
    private let bodyLimit: Int
    private let logger: Logger
    private var head: HTTPRequestHead?
    private var body = ByteBuffer()
    private var tooLarge = false
    private var peer: PeerCredentials?

    init(router: ControlRouter, work: DispatchQueue, bodyLimit: Int, logger: Logger) {
        self.router = router
        self.work = work
        self.bodyLimit = bodyLimit
        self.logger = logger
    }

    func channelActive(context: ChannelHandlerContext) {
        PeerCredentials.read(from: context.channel).assumeIsolated().whenSuccess { self.peer = $0 }
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let h):
            head = h
            body.clear()
            tooLarge = false
            if let length = h.headers.first(name: "content-length").flatMap(Int.init), length > bodyLimit {
                tooLarge = true
            }
        case .body(var chunk):
            if tooLarge { return }
            if body.readableBytes + chunk.readableBytes > bodyLimit {
                tooLarge = true
                body.clear()
            } else {
                body.writeBuffer(&chunk)
            }
        case .end:
            guard let head else { return }
            self.head = nil
            context.triggerUserOutboundEvent(RequestDeadlineHandler.Event.requestComplete, promise: nil)
            if tooLarge {
                let tooLarge = ControlError.tooLarge("the request body is over the limit of \(bodyLimit) bytes (control.body_limit)")
                let error = ControlResponse.json(ErrorResponse(error: tooLarge.message), status: tooLarge.status)
                respond(context: context, head: head, response: error, close: true)
                return
            }
            let request = Self.request(head, body: Data(body.readableBytesView), peer: peer)
            let eventLoop = context.eventLoop
            let bound = NIOLoopBound(context, eventLoop: eventLoop)
            let router = self.router
            work.async {
                let response = router.handle(request)
                eventLoop.execute {
                    self.respond(context: bound.value, head: head, response: response, close: !head.isKeepAlive)
                }
            }
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is IdleStateHandler.IdleStateEvent {
            // A client that sends nothing is not kept waiting forever.
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    private func respond(context: ChannelHandlerContext, head: HTTPRequestHead, response: ControlResponse, close: Bool) {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: response.contentType)
        headers.add(name: "Content-Length", value: String(response.body.count))
        if close { headers.add(name: "Connection", value: "close") }
        let status = HTTPResponseStatus(statusCode: response.status)
        context.write(wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(ByteBuffer(bytes: response.body)))), promise: nil)
        let done = context.writeAndFlush(wrapOutboundOut(.end(nil)))
        context.triggerUserOutboundEvent(RequestDeadlineHandler.Event.responseSent, promise: nil)
        if close {
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            done.whenComplete { _ in bound.value.close(promise: nil) }
        }
    }

    static func request(_ head: HTTPRequestHead, body: Data, peer: PeerCredentials?) -> ControlRequest {
        let parts = head.uri.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        var query: [String: String] = [:]
        if parts.count == 2 {
            for pair in parts[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let key = String(kv[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(kv[0])
                let value = kv.count > 1 ? (String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(kv[1])) : ""
                query[key] = value
            }
        }
        return ControlRequest(method: head.method.rawValue, path: String(parts[0]), query: query, body: body, peer: peer)
    }
}

import Dispatch
import Foundation
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import ServiceLifecycle

/// The web listener (`web:` in the config): Hummingbird's server on TCP, with the web's routes
/// in the control API's router type and error mapping. Starts once the scheduler has evaluated
/// everything; stops (stops accepting, lets requests finish) when the group shuts down. The
/// address is fixed at start: a reload applies everything else (keys, accounts, limits).
struct WebService: Service {
    let web: WebContext
    let schedulerStarted: Readiness
    /// Told the bound address once listening (tests bind port 0).
    let onListening: @Sendable (String) -> Void

    func run() async throws {
        await schedulerStarted.wait()
        try Task.checkCancellation()
        let config = web.config
        // Serial lanes, not a concurrent queue (see WorkLanes: no once-a-second monitor).
        let work = WorkLanes(label: "rectifyd.web", count: 4)
        let router = WebRoutes.router(web).hummingbird(work: work) { 64 * 1024 }
        let logger = web.logger
        var quiet = logger
        quiet.logLevel = .warning
        let app = Application(
            router: router, server: .http1(configuration: .init(idleTimeout: .seconds(Int64(config.idleTimeout)))),
            configuration: .init(address: .hostname(config.host, port: config.port), serverName: nil, backlog: 512),
            onServerRunning: { channel in
                let address = channel.localAddress.map { "\($0.ipAddress ?? config.host):\($0.port ?? config.port)" } ?? "\(config.host):\(config.port)"
                logger.info("web listening", metadata: ["address": "\(address)", "base_url": "\(config.baseURL ?? "-")"])
                onListening(address)
            },
            logger: quiet)
        try await app.run()
    }
}

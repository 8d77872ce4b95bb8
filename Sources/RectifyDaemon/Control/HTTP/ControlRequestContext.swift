import Hummingbird
import Logging
import NIOCore

/// A control request's context: Hummingbird's core storage and the connection's channel, from
/// which the peer's credentials (SO_PEERCRED, SO_PEERGROUPS) are read when a route needs them.
struct ControlRequestContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }

    /// Who is calling: nil when the kernel would not say (writes are then refused).
    func peer() async -> PeerCredentials? {
        do {
            return try await PeerCredentials.read(from: channel).get()
        } catch {
            return nil
        }
    }
}

import NIOCore

/// Closes a connection that has not completed a request within `control.request_timeout` of
/// opening (or of its last answer), however many bytes trickle in: the idle timeout restarts
/// with every byte, this deadline does not. It sits below the HTTP codec and answers 408 in
/// raw bytes; `ControlHandler` tells it when a request is complete and when it is answered.
final class RequestDeadlineHandler: ChannelDuplexHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundIn = ByteBuffer

    /// Outbound user events from `ControlHandler`.
    enum Event: Sendable {
        /// A whole request arrived: the deadline stops while it is served.
        case requestComplete
        /// The answer is written: the next request's deadline starts.
        case responseSent
    }

    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount) { self.timeout = timeout }

    func channelActive(context: ChannelHandlerContext) {
        arm(context: context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard let event = event as? Event else {
            context.triggerUserOutboundEvent(event, promise: promise)
            return
        }
        switch event {
        case .requestComplete:
            deadline?.cancel()
            deadline = nil
        case .responseSent:
            arm(context: context)
        }
        promise?.succeed(())
    }

    private func arm(context: ChannelHandlerContext) {
        deadline?.cancel()
        let seconds = Double(timeout.nanoseconds) / 1e9
        deadline = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) {
            let answer = RawResponse.make(
                status: "408 Request Timeout",
                error: "no complete request within \(seconds) s (control.request_timeout); the connection is closed")
            context.writeAndFlush(NIOAny(answer)).assumeIsolated().whenComplete { _ in context.close(promise: nil) }
        }
    }
}

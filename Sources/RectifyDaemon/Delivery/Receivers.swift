import Foundation
import Logging
import RectifyNotify

/// Builds a notifier for every configured receiver.
public enum Receivers {
    public static func make(_ config: DaemonConfig, _ logger: Logger) throws -> [String: any Notifier] {
        var result: [String: any Notifier] = [:]
        for spec in config.receivers {
            result[spec.name] = try make(spec, config: config)
        }
        return result
    }

    static func make(_ spec: ReceiverSpec, config: DaemonConfig) throws -> any Notifier {
        throw ReceiverError(message: "receiver '\(spec.name)': \(spec.kind.rawValue) is not wired yet")
    }
}

public struct ReceiverError: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

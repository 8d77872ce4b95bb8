import Foundation

/// Where a password or token comes from. Secrets never sit in the main config: they are read
/// from a file (mode 0600) or from a systemd credential (`LoadCredential=` →
/// `$CREDENTIALS_DIRECTORY/NAME`), at send time, so a rotated secret takes effect without a reload.
public enum SecretSource: Hashable, Sendable, CustomStringConvertible {
    case file(String)
    case credential(String)

    public var description: String {
        switch self {
        case .file(let path): return "file \(path)"
        case .credential(let name): return "systemd credential \(name)"
        }
    }

    /// Reads the secret; surrounding whitespace and the trailing newline are dropped.
    /// Errors name the file or credential, never its contents.
    public func resolve(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        let path: String
        switch self {
        case .file(let file):
            path = file
        case .credential(let name):
            guard !name.isEmpty, !name.contains("/") else {
                throw DeliveryError("invalid systemd credential name \"\(name)\"")
            }
            guard let directory = environment["CREDENTIALS_DIRECTORY"], !directory.isEmpty else {
                throw DeliveryError(
                    "systemd credential \(name) is not available: $CREDENTIALS_DIRECTORY is not set "
                        + "(add LoadCredential=\(name):… to the unit)")
            }
            path = URL(fileURLWithPath: directory).appendingPathComponent(name).path
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DeliveryError("cannot read secret \(description) (\(path)): missing or not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw DeliveryError("secret \(description) (\(path)) is not UTF-8 text")
        }
        let secret = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else { throw DeliveryError("secret \(description) (\(path)) is empty") }
        guard !secret.contains(where: \.isNewline) else {
            throw DeliveryError("secret \(description) (\(path)) has more than one line")
        }
        return secret
    }
}

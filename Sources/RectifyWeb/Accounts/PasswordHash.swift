import Crypto
import Foundation
import _CryptoExtras

/// A password stored as a salted scrypt hash (RFC 7914, swift-crypto's `KDF.Scrypt` over
/// BoringSSL): `scrypt$N$r$p$SALT$HASH`, salt and hash in base64url. The parameters travel
/// with the hash, so they can be raised later without breaking stored ones.
public struct PasswordHash: Hashable, Sendable, CustomStringConvertible {
    public var rounds: Int
    public var blockSize: Int
    public var parallelism: Int
    public var salt: Data
    public var hash: Data

    /// N = 2^15, r = 8, p = 1: 32 MiB and about a tenth of a second per check here, the
    /// interactive-login setting the scrypt paper and OWASP recommend.
    public static let defaultRounds = 1 << 15
    static let outputBytes = 32

    /// A new hash of `password` with a fresh 16-byte salt.
    public static func make(_ password: String, rounds: Int = defaultRounds) throws -> PasswordHash {
        var generator = SystemRandomNumberGenerator()
        let salt = Data((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
        let hash = try derive(password, salt: salt, rounds: rounds, blockSize: 8, parallelism: 1)
        return PasswordHash(rounds: rounds, blockSize: 8, parallelism: 1, salt: salt, hash: hash)
    }

    /// Reads `scrypt$N$r$p$SALT$HASH`; nil when it is not one.
    public init?(_ text: String) {
        let f = text.split(separator: "$", omittingEmptySubsequences: false)
        guard f.count == 6, f[0] == "scrypt", let n = Int(f[1]), let r = Int(f[2]), let p = Int(f[3]),
            n >= 1024, n <= 1 << 20, n & (n - 1) == 0, (1...32).contains(r), (1...16).contains(p),
            let salt = Base64URL.decode(f[4]), salt.count >= 8, let hash = Base64URL.decode(f[5]), hash.count >= 16
        else { return nil }
        self.init(rounds: n, blockSize: r, parallelism: p, salt: salt, hash: hash)
    }

    public init(rounds: Int, blockSize: Int, parallelism: Int, salt: Data, hash: Data) {
        self.rounds = rounds
        self.blockSize = blockSize
        self.parallelism = parallelism
        self.salt = salt
        self.hash = hash
    }

    public var description: String {
        "scrypt$\(rounds)$\(blockSize)$\(parallelism)$\(Base64URL.encode(salt))$\(Base64URL.encode(hash))"
    }

    /// Whether `password` is the one hashed; the comparison takes the same time wherever the
    /// first difference is.
    public func matches(_ password: String) -> Bool {
        guard
            let candidate = try? Self.derive(
                password, salt: salt, rounds: rounds, blockSize: blockSize, parallelism: parallelism, length: hash.count)
        else { return false }
        var difference: UInt8 = 0
        for (a, b) in zip(candidate, hash) { difference |= a ^ b }
        return difference == 0 && candidate.count == hash.count
    }

    static func derive(
        _ password: String, salt: Data, rounds: Int, blockSize: Int, parallelism: Int, length: Int = outputBytes
    ) throws -> Data {
        let key = try KDF.Scrypt.deriveKey(
            from: Data(password.utf8), salt: salt, outputByteCount: length, rounds: rounds, blockSize: blockSize,
            parallelism: parallelism)
        return key.withUnsafeBytes { Data($0) }
    }
}

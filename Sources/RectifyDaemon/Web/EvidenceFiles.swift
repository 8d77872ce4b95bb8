import Foundation
import RectifyStore
import RectifyWeb

/// Evidence files on disk, under the state directory (`evidence/PLAN-DIGEST/ID.EXT`): the
/// name on disk is a random id and the checked type's extension, never anything the browser
/// sent; files are 0600 and synced before their record is written.
struct EvidenceFiles: Sendable {
    let directory: String

    /// Writes the files and returns their records (not yet stored).
    func save(_ files: [EvidenceFile], plan: String, item: String, by: String, at: Date) throws -> [EvidenceRecord] {
        var records: [EvidenceRecord] = []
        for file in files {
            let id = SessionStore.randomToken(bytes: 12)
            let folder = String(file.sha256.prefix(2))
            let relative = "evidence/\(folder)/\(id).\(file.kind.fileExtension)"
            let path = URL(fileURLWithPath: directory).appendingPathComponent(folder).appendingPathComponent("\(id).\(file.kind.fileExtension)").path
            try FileManager.default.createDirectory(
                atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
            guard fd >= 0 else { throw EvidenceWriteError(path: path, errno: errno) }
            defer { close(fd) }
            let written = file.data.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            guard written == file.data.count, fsync(fd) == 0 else {
                let code = errno
                unlink(path)
                throw EvidenceWriteError(path: path, errno: code)
            }
            records.append(
                EvidenceRecord(
                    id: id, planID: plan, itemID: item, name: file.name, mediaType: file.kind.mediaType, size: file.data.count,
                    sha256: file.sha256, stored: relative, at: at, by: by))
        }
        return records
    }

    /// The bytes of a stored file (its record's path is ours: `evidence/…`, no `..`); nil when
    /// the file is gone. Any other failure (permissions, I/O) is an error that names it.
    func read(_ record: EvidenceRecord) throws(ControlError) -> Data? {
        guard record.stored.hasPrefix("evidence/"), !record.stored.contains("..") else { return nil }
        let path = URL(fileURLWithPath: directory).deletingLastPathComponent().appendingPathComponent(record.stored).path
        if let data = FileManager.default.contents(atPath: path) { return data }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        let code = errno
        if fd >= 0 { close(fd) }
        if fd < 0, code == ENOENT { return nil }
        throw .internal("the evidence file \(record.stored) cannot be read: \(fd < 0 ? String(cString: strerror(code)) : "read failed")")
    }

    func remove(_ records: [EvidenceRecord]) {
        let base = URL(fileURLWithPath: directory).deletingLastPathComponent()
        for r in records { unlink(base.appendingPathComponent(r.stored).path) }
    }
}

struct EvidenceWriteError: Error, CustomStringConvertible {
    var path: String
    var errno: Int32
    var description: String { "cannot write the evidence file \(path): \(String(cString: strerror(errno)))" }
}

import Foundation
import Testing

/// What `-o FILE` does to what is already there: a file is replaced whole and keeps its mode, a
/// symbolic link stays a link, and a device or a pipe is written to, never replaced by a plain
/// file (`-o /dev/null` once turned a machine's /dev/null into a file).
struct OutputFileTests {
    static let seed = ImportUpdateFileTests.seed.path

    @Test func aLinkStaysALink_andTheFileKeepsItsMode() throws {
        let harness = try DaemonHarness()
        let real = harness.dir.appendingPathComponent("real.plan.yaml"), link = harness.dir.appendingPathComponent("link.plan.yaml")
        #expect(try DaemonHarness.rectifyctl(["import", "-o", real.path, Self.seed], in: harness.dir).status == 0)
        chmod(real.path, 0o600)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "real.plan.yaml")
        let other = Self.seed.replacingOccurrences(of: "001_76357eb5244c6017", with: "002_b21dc3fc7ee4c764")
        #expect(try DaemonHarness.rectifyctl(["import", "-o", link.path, other], in: harness.dir).status == 0)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == "real.plan.yaml")
        #expect(try String(contentsOf: real, encoding: .utf8).contains("id: 002_b21dc3fc7ee4c764"))
        #expect(try FileManager.default.attributesOfItem(atPath: real.path)[.posixPermissions] as? Int == 0o600)
    }

    @Test(.enabled(if: getuid() == 0, "making a device node needs root"))
    func aDeviceIsWrittenTo_notReplaced() throws {
        let harness = try DaemonHarness()
        let null = harness.dir.appendingPathComponent("null")
        #expect(mknod(null.path, S_IFCHR | 0o666, dev_t(1 << 8 | 3)) == 0)  // makedev(1, 3): /dev/null
        let result = try DaemonHarness.rectifyctl(["import", "-o", null.path, Self.seed], in: harness.dir)
        #expect(result.status == 0, "\(result)")
        var info = stat()
        #expect(stat(null.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "still a character device")
    }

    @Test func aPipeIsWrittenTo() throws {
        let harness = try DaemonHarness()
        let fifo = harness.dir.appendingPathComponent("pipe")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        // Written by the reader before it signals; read here only after the wait.
        nonisolated(unsafe) var read = Data()
        let finished = DispatchSemaphore(value: 0)
        let reader = Thread {
            read = FileHandle(forReadingAtPath: fifo.path)?.readDataToEndOfFile() ?? Data()
            finished.signal()
        }
        reader.start()
        let result = try DaemonHarness.rectifyctl(["import", "-o", fifo.path, Self.seed], in: harness.dir)
        #expect(result.status == 0, "\(result)")
        #expect(finished.wait(timeout: .now() + 5) == .success)
        #expect(read.count > 1000)
        var info = stat()
        #expect(stat(fifo.path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }
}

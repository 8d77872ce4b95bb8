import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

struct DecodingTests {
    /// "整改结果:完成" in GBK (a subset of GB18030).
    static let gbkBytes: [UInt8] = [0xD5, 0xFB, 0xB8, 0xC4, 0xBD, 0xE1, 0xB9, 0xFB, 0x3A, 0xCD, 0xEA, 0xB3, 0xC9]

    @Test func gbkBytes_decodeAsGB18030() {
        let decoded = ReportDecoding.decode(Data(Self.gbkBytes))
        #expect(decoded?.encoding == .gb18030)
        #expect(decoded?.text == "整改结果:完成")
    }

    @Test func utf8_withAndWithoutBOM() {
        #expect(ReportDecoding.decode(Data("整改".utf8))?.encoding == .utf8)
        #expect(ReportDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array("整改".utf8)))?.text == "整改")
    }

    @Test func gb18030Report_importsLikeItsUTF8Original() throws {
        let name = "001_76357eb5244c6017.txt"
        let utf8 = try String(contentsOf: TestSupport.seedsFolder.appendingPathComponent(name), encoding: .utf8)
        let gb = try #require(utf8.data(using: ReportDecoding.gb18030))
        #expect(ReportDecoding.decode(gb)?.encoding == .gb18030)
        let (fromGB, _) = try ReportImporter.importReport(gb, file: name)
        let (fromUTF8, _) = ReportImporter.importReport(text: utf8, file: name)
        #expect(fromGB == fromUTF8)
        #expect(fromGB.items.count == 10)
    }

    @Test func binaryData_isRejectedWithALineOneError() {
        #expect(throws: PlanLoadError.self) {
            try ReportImporter.importReport(Data([0xFF, 0x00, 0xFE, 0x81, 0x30, 0x81]), file: "x.txt")
        }
    }
}

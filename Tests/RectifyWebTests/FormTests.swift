import Foundation
import Testing

@testable import RectifyWeb

struct FormTests {
    func multipart(_ parts: [(String, String?, Data)], boundary: String = "XyZ") -> Data {
        var body = Data()
        for (name, filename, data) in parts {
            var header = "--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\""
            if let filename { header += "; filename=\"\(filename)\"\r\nContent-Type: application/octet-stream" }
            body += Data((header + "\r\n\r\n").utf8) + data + Data("\r\n".utf8)
        }
        return body + Data("--\(boundary)--\r\n".utf8)
    }

    @Test func urlencoded_decodesPercentAndPlus_keepsTheFirstOfTwo() throws {
        let form = try FormData.parse(
            contentType: "application/x-www-form-urlencoded", body: Data("note=%E8%BF%9B%E5%B1%95+ok&note=second&csrf=".utf8), maxFiles: 1,
            fileLimit: 10)
        #expect(form["note"] == "进展 ok" && form["csrf"] == "" && form.text("csrf") == nil)
    }

    @Test func multipart_readsFieldsAndFiles() throws {
        let body = multipart([("note", nil, Data("进展".utf8)), ("files", "a.pdf", Data("%PDF-1".utf8)), ("files", "", Data())])
        let form = try FormData.parse(contentType: "multipart/form-data; boundary=XyZ", body: body, maxFiles: 3, fileLimit: 100)
        #expect(form["note"] == "进展")
        #expect(form.files.count == 1 && form.files[0].filename == "a.pdf")
    }

    @Test func multipart_refusesTooLargeTooManyAndTruncated() {
        let big = multipart([("files", "a.pdf", Data(count: 200))])
        #expect(throws: FormError.self) { try FormData.parse(contentType: "multipart/form-data; boundary=XyZ", body: big, maxFiles: 3, fileLimit: 100) }
        let many = multipart((0..<4).map { ("files", "f\($0).pdf", Data("%PDF-".utf8)) })
        #expect(throws: FormError.self) { try FormData.parse(contentType: "multipart/form-data; boundary=XyZ", body: many, maxFiles: 3, fileLimit: 100) }
        let cut = multipart([("note", nil, Data("x".utf8))]).dropLast(12)
        #expect(throws: FormError.self) { try FormData.parse(contentType: "multipart/form-data; boundary=XyZ", body: Data(cut), maxFiles: 3, fileLimit: 100) }
        #expect(throws: FormError.self) { try FormData.parse(contentType: "text/plain", body: Data("\0".utf8), maxFiles: 3, fileLimit: 100) }
    }

    @Test func filenameStar_winsOverFilename() {
        #expect(FormData.parameter("filename", in: "form-data; name=\"f\"; filename=\"a.pdf\"; filename*=UTF-8''%E6%95%B4%E6%94%B9.pdf") == "整改.pdf")
        #expect(FormData.parameter("name", in: "form-data; name=\"a\\\"b\"") == "a\"b")
    }
}

struct EvidenceFileTests {
    @Test func types_comeFromTheBytes_notTheName() {
        #expect(EvidenceFile.detect(Data("%PDF-1.7".utf8), name: "x.png") == .pdf)
        #expect(EvidenceFile.detect(Data([0xFF, 0xD8, 0xFF, 0xE0]), name: "photo.pdf") == .jpeg)
        #expect(EvidenceFile.detect(Data("<html><script>".utf8), name: "a.pdf") == nil)
        #expect(EvidenceFile.detect(Data([0x50, 0x4B, 0x03, 0x04]) + Data("xl/workbook.xml".utf8), name: "台账.xlsx") == .xlsx)
        #expect(EvidenceFile.detect(Data([0x50, 0x4B, 0x03, 0x04]) + Data("payload.exe".utf8), name: "报告.docx") == nil)
        #expect(EvidenceFile.detect(Data("MZ\u{90}".utf8), name: "a.exe") == nil)
    }

    @Test func names_keepOnlyTheLastPart_withoutControlCharacters() {
        #expect(EvidenceFile.cleanName("../../etc/passwd") == "passwd")
        #expect(EvidenceFile.cleanName("C:\\Users\\张三\\整改报告.pdf") == "整改报告.pdf")
        #expect(EvidenceFile.cleanName("..") == "附件")
        #expect(EvidenceFile.cleanName(".hidden\u{0}.pdf") == "hidden.pdf")
        #expect(EvidenceFile.cleanName("a\"<b>.pdf") == "ab.pdf")
        #expect(EvidenceFile.cleanName(String(repeating: "长", count: 300) + ".pdf").count == 100)
    }

    @Test func check_refusesEmptyOversizeAndUnknown() {
        func upload(_ data: Data, _ name: String = "a.pdf") -> UploadedFile {
            UploadedFile(field: "files", filename: name, contentType: nil, data: data)
        }
        #expect(throws: FormError.self) { try EvidenceFile.check(upload(Data()), limit: 10) }
        #expect(throws: FormError.self) { try EvidenceFile.check(upload(Data("%PDF-".utf8) + Data(count: 20)), limit: 10) }
        #expect(throws: FormError.self) { try EvidenceFile.check(upload(Data("hello".utf8)), limit: 10) }
        #expect(throws: Never.self) { try EvidenceFile.check(upload(Data("%PDF-".utf8)), limit: 10) }
    }

    @Test func htmlEscape_makesMarkupText() {
        #expect(HTML.escape("<script>alert('x')</script>&\"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;")
    }
}

import Foundation
import RectifyCore
import Testing
import ZIPFoundation

@testable import RectifyImport

/// The pieces under the ledger importer: Excel's date serials, cell names, CSV as Excel
/// writes it, header words, cell vocabularies.
struct SpreadsheetReadingTests {
    @Test func excelSerials_followThe1900LeapYearQuirk_andThe1904System() {
        #expect(ExcelDate.date(serial: 1, date1904: false) == CalendarDate(year: 1900, month: 1, day: 1))
        #expect(ExcelDate.date(serial: 59, date1904: false) == CalendarDate(year: 1900, month: 2, day: 28))
        // Serial 60 is Excel's 29 February 1900, a day that never was.
        #expect(ExcelDate.date(serial: 61, date1904: false) == CalendarDate(year: 1900, month: 3, day: 1))
        #expect(ExcelDate.date(serial: 45839, date1904: false) == CalendarDate(year: 2025, month: 7, day: 1))
        #expect(ExcelDate.date(serial: 45839.75, date1904: false) == CalendarDate(year: 2025, month: 7, day: 1))
        #expect(ExcelDate.date(serial: 44377, date1904: true) == CalendarDate(year: 2025, month: 7, day: 1))
        #expect(ExcelDate.serial(CalendarDate(year: 2025, month: 7, day: 1)!) == 45839)
    }

    @Test func dateFormats_areToldFromNumberFormats() {
        #expect(ExcelDate.isDateFormat("yyyy/m/d"))
        #expect(ExcelDate.isDateFormat("yyyy\"年\"m\"月\"d\"日\""))
        #expect(ExcelDate.isDateFormat("[$-804]yyyy\"年\"m\"月\";@"))
        #expect(!ExcelDate.isDateFormat("0.00%"))
        #expect(!ExcelDate.isDateFormat("h:mm:ss"))
        #expect(!ExcelDate.isDateFormat("General"))  // LibreOffice writes it as a custom format
        #expect(!ExcelDate.isDateFormat("\"第\"0\"项\""))
        #expect(ExcelDate.precision(of: "yyyy\"年\"m\"月\"") == .month)
        #expect(ExcelDate.precision(of: "yyyy-mm-dd") == .day)
    }

    @Test func cellNames_roundTrip() {
        #expect(CellName.column(0) == "A")
        #expect(CellName.column(25) == "Z")
        #expect(CellName.column(26) == "AA")
        #expect(CellName.parse("F12")! == (11, 5))
        #expect(CellName.parse("$AA$3")! == (2, 26))
        #expect(CellName.parse("C")! == (nil, 2))
        #expect(CellName.parse("3C") == nil)
    }

    @Test func csv_asExcelWritesIt_quotedLineBreaksDoubledQuotesPaddingAndBOM() throws {
        let text = "\u{FEFF}序号,反馈问题,整改时限,,\r\n1,\"第一行\r\n第二行\",2025/6/30,,\r\n2,\"说\"\"是\"\"，又不是\",长期坚持,,\r\n,,,,\r\n"
        let table = try CSVReader.read(Data(text.utf8), file: "台账.csv")
        #expect(table.name == "台账")
        #expect(table.rows.count == 3)
        #expect(table.width == 3)
        #expect(table.rows[1][1] == .text("第一行\n第二行"))
        #expect(table.rows[2][1] == .text("说\"是\"，又不是"))
        #expect(table.place(1, 2) == "台账!C2")
    }

    @Test func csv_inGB18030_isDecoded() throws {
        // "序号,问题\r\n1,公车私用\r\n" in GBK.
        let bytes: [UInt8] = [
            0xD0, 0xF2, 0xBA, 0xC5, 0x2C, 0xCE, 0xCA, 0xCC, 0xE2, 0x0D, 0x0A, 0x31, 0x2C, 0xB9, 0xAB, 0xB3, 0xB5, 0xCB, 0xBD, 0xD3,
            0xC3, 0x0D, 0x0A,
        ]
        let table = try CSVReader.read(Data(bytes), file: "x.csv")
        #expect(table.rows == [[.text("序号"), .text("问题")], [.text("1"), .text("公车私用")]])
    }

    @Test func csv_withAnUnclosedQuote_saysWhere() {
        #expect(throws: LedgerError.self) { try CSVReader.read(Data("a,b\r\n1,\"open\r\n2,3\r\n".utf8), file: "x.csv") }
        do {
            _ = try CSVReader.read(Data("a,b\r\n1,\"open\r\n2,3\r\n".utf8), file: "x.csv")
        } catch {
            #expect(error.description.hasPrefix("x.csv:2:1: error: a quoted cell opened here is never closed"), "\(error)")
        }
    }

    @Test func headerWords_andTheirSynonyms() {
        #expect(LedgerColumns.kind(of: "反馈问题") == .problem)
        #expect(LedgerColumns.kind(of: "存在问题") == .problem)
        #expect(LedgerColumns.kind(of: "问题类别") == .category)
        #expect(LedgerColumns.kind(of: "方面") == .category)
        #expect(LedgerColumns.kind(of: "整改任务") == .measure)
        #expect(LedgerColumns.kind(of: "牵头领导") == .leader)
        #expect(LedgerColumns.kind(of: "责任股室") == .department)
        #expect(LedgerColumns.kind(of: "责任单位（部门）") == .department)
        #expect(LedgerColumns.kind(of: "整改期限") == .deadline)
        #expect(LedgerColumns.kind(of: "整改时限\n（年月日）") == .deadline)
        #expect(LedgerColumns.kind(of: "完成日期") == .completedOn)
        #expect(LedgerColumns.kind(of: "进展情况") == .status)
        #expect(LedgerColumns.kind(of: "佐证材料") == .evidence)
        #expect(LedgerColumns.kind(of: "序号") == .number)
        #expect(LedgerColumns.kind(of: "督办预警") == nil)
        // A terse table's bare words, as `--columns` takes them.
        for (word, kind) in [("问题", LedgerColumn.problem), ("措施", .measure), ("任务", .measure), ("时限", .deadline), ("期限", .deadline),
                             ("状态", .status), ("领导", .leader), ("单位", .department)] {
            #expect(LedgerColumns.kind(of: word) == kind, "\(word)")
        }
    }

    @Test func columnsOverride_readsNamesAndLetters_andRefusesOthers() throws {
        let columns = try LedgerColumns.parseOverride("问题=C, 时限=F,状态=h,责任领导=AA")
        #expect(columns == [.problem: 2, .deadline: 5, .status: 7, .leader: 26])
        #expect(throws: LedgerError.self) { try LedgerColumns.parseOverride("问题C") }
        #expect(throws: LedgerError.self) { try LedgerColumns.parseOverride("颜色=C") }
        #expect(throws: LedgerError.self) { try LedgerColumns.parseOverride("问题=12") }
    }

    @Test func statusCells_useTheReportVocabulary() {
        #expect(LedgerCells.status(.text("已完成"))?.kind == .done)
        #expect(LedgerCells.status(.text("尚未完成，系统改造中"))?.kind == .negated)
        #expect(LedgerCells.status(.text("阶段性完成"))?.kind == .partly)
        #expect(LedgerCells.status(.text("长期坚持"))?.kind == .longTerm)
        #expect(LedgerCells.status(.text("2025年5月已整改到位"))?.kind == .done)
        #expect(LedgerCells.status(.text("是"))?.kind == .done)
        #expect(LedgerCells.status(.text("否"))?.kind == .negated)
        #expect(LedgerCells.status(.text("80%"))?.kind == .partly)
        #expect(LedgerCells.status(.text("核查中"))?.kind == .open)
        #expect(LedgerCells.status(.empty) == nil)
        #expect(LedgerCells.isTick(.text("√")))
        #expect(!LedgerCells.isTick(.text("×")))
        #expect(!LedgerCells.isTick(.empty))
    }

    @Test func deadlineCells_readDatesPhrasesAndExtensions() throws {
        let reference = CalendarDate(year: 2025, month: 3, day: 1)
        func read(_ text: String) -> LedgerCells.DeadlineCell? { LedgerCells.deadline(.text(text), reference: reference) }
        #expect(read("2025/6/30")?.date == CalendarDate(year: 2025, month: 6, day: 30))
        #expect(read("2025-06-30")?.date == CalendarDate(year: 2025, month: 6, day: 30))
        #expect(read("2025.12")?.date == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(read("2025.12")?.precision == .month)
        #expect(read("12月底前")?.date == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(read("12月底前")?.guessedYear == true)
        #expect(read("年底前")?.date == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(read("第三季度")?.date == CalendarDate(year: 2025, month: 9, day: 30))
        #expect(read("6/30")?.date == CalendarDate(year: 2025, month: 6, day: 30))
        #expect(read("12.31前")?.date == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(read("1.5倍")?.date == nil)
        #expect(read("长期坚持")?.longTerm == true)
        #expect(read("立行立改")?.immediate == true)
        let extended = try #require(read("2025年6月30日（已申请延期至2025年11月30日）"))
        #expect(extended.date == CalendarDate(year: 2025, month: 6, day: 30))
        #expect(extended.extendedTo?.date == CalendarDate(year: 2025, month: 11, day: 30))
        #expect(LedgerCells.deadline(.date(CalendarDate(year: 2025, month: 6, day: 30)!, .day), reference: nil)?.date == CalendarDate(year: 2025, month: 6, day: 30))
        #expect(LedgerCells.deadline(.number(20250630), reference: nil)?.date == CalendarDate(year: 2025, month: 6, day: 30))
    }

    @Test func aTableWithoutLedgerColumns_isAnErrorNamingTheSheetAndHeaderCells() throws {
        let csv = "编号,内容,要求,时间\r\n1,加强学习,按月,2025年\r\n"
        do {
            _ = try LedgerImporter.importFile(Data(csv.utf8), file: "清单.csv")
            Issue.record("expected an error")
        } catch {
            let message = error.diagnostics[0].description
            #expect(message.contains("清单 row 1 has A1 编号, B1 内容, C1 要求, D1 时间"), "\(message)")
            #expect(message.contains("--columns"))
        }
        // --columns names what the header words do not.
        let result = try LedgerImporter.importFile(
            Data(csv.utf8), file: "清单.csv", options: .init(columns: "序号=A,问题=B,措施=C,时限=D"))
        #expect(result.plan.items.map(\.title) == ["加强学习"])
        #expect(result.plan.items[0].deadline?.date == CalendarDate(year: 2025, month: 12, day: 31))
    }

    @Test func aShortList_ofProblemsAndStatuses_isALedger() throws {
        let csv = "问题,完成情况\r\n公车私用,已完成\r\n会议记录不全,正在整改\r\n"
        let plan = try LedgerImporter.importFile(Data(csv.utf8), file: "list.csv").plan
        #expect(plan.items.map(\.status) == [.done, .inProgress])
        #expect(plan.items[1].statusEvidence?.cell == "list!B3")
    }

    @Test func aNonOfficeFile_isAnErrorNamingIt() {
        do {
            _ = try LedgerImporter.importFile(Data("not a zip".utf8), file: "台账.xlsx")
            Issue.record("expected an error")
        } catch {
            #expect(error.diagnostics[0].description.hasPrefix("台账.xlsx:1:1: error: is not an Office Open XML file"))
        }
    }
}

/// A package whose part unpacks to gigabytes (a ZIP bomb, or a damaged size) is refused once it
/// passes the part limit, naming the part: it took 6 GB of memory and 77 s before saying
/// "damaged near line 1".
struct OversizedPartTests {
    /// 260 MB of XML in a ~260 KB .docx.
    static func bomb() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let head = Data(#"<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#.utf8)
        let size = 260 << 20
        let spaces = Data(repeating: 0x20, count: 1 << 20)
        try archive.addEntry(with: "word/document.xml", type: .file, uncompressedSize: Int64(size), compressionMethod: .deflate) { position, length in
            position == 0 ? head + spaces.prefix(length - head.count) : spaces.prefix(length)
        }
        return try #require(archive.data)
    }

    @Test func aPartPastTheLimit_isRefused_namingIt() throws {
        let data = try Self.bomb()
        #expect(data.count < 1 << 20)
        #expect {
            try LedgerImporter.importFile(data, file: "bomb.docx")
        } throws: { error in
            "\(error)".contains("bomb.docx:1:1: error: the part word/document.xml unpacks to more than 256 MB")
        }
        // The limit is a parameter: a real document under a small one says the same.
        let package = try OfficeArchive(data: data, file: "small.docx", partLimit: 1000)
        #expect(throws: LedgerError.self) { try package.part("word/document.xml") }
    }
}

/// A value left far from the table (XFD1048576) and a merge over the whole sheet: the grid
/// was a million rows of 16,384 cells and the import never ended. Now the stray is left out
/// with a warning at its cell, and the ledger reads.
struct StrayCellTests {
    static func workbook(sheet: String) throws -> Data {
        try TestPackage.workbook(["xl/worksheets/sheet1.xml": #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + sheet])
    }

    static func row(_ r: Int, _ cells: [String]) -> String {
        let columns = ["A", "B", "C", "D", "E", "F"]
        return "<row r=\"\(r)\">" + cells.enumerated().map { k, v in "<c r=\"\(columns[k])\(r)\" t=\"inlineStr\"><is><t>\(v)</t></is></c>" }.joined() + "</row>"
    }

    @Test func aValueFarFromTheTable_isLeftOut_withAWarningAtItsCell() throws {
        let sheet = Self.row(1, ["序号", "反馈问题", "整改措施", "责任单位", "整改时限", "完成情况"])
            + Self.row(2, ["1", "公车台账不全", "补齐台账", "办公室", "2026年6月30日", "正在推进"])
            + #"<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData>"#
            + #"<mergeCells count="1"><mergeCell ref="A3:XFD1048000"/></mergeCells></worksheet>"#
        let result = try LedgerImporter.importFile(try Self.workbook(sheet: sheet), file: "stray.xlsx")
        #expect(result.plan.items.map(\.title) == ["公车台账不全"])
        #expect(result.warnings.contains { $0.line == 1_048_576 && $0.message.hasPrefix("台账!XFD1048576: a value far outside the table") })
    }
}

/// A ledger that names no unit says so, as a report does: a plan file written from it does not
/// load until plan.unit is set, and its notices would not say whose plan it is.
struct LedgerUnitTests {
    @Test func aLedgerWithoutAUnit_isWarnedAbout_oneWithOneIsNot() throws {
        let rows = "序号,反馈问题,整改措施,责任单位,整改时限,完成情况\n1,公车台账不全,补齐台账,办公室,2026年6月30日,正在推进\n"
        let bare = try LedgerImporter.importFile(Data(rows.utf8), file: "nounit.csv")
        #expect(bare.plan.unit.isEmpty)
        #expect(bare.warnings.contains { $0.line == 1 && $0.message.contains("the ledger names no unit") })
        let named = try LedgerImporter.importFile(Data(("填报单位：某县卫生健康局\n" + rows).utf8), file: "unit.csv")
        #expect(named.plan.unit == "某县卫生健康局")
        #expect(!named.warnings.contains { $0.message.contains("names no unit") })
    }
}

/// A part that stops short (a file cut off in a copy, a mail gateway, a full disk) is an error
/// naming the part, not the rows read before the cut: a shared-strings part cut after the fifth
/// problem read as a plan of five items with the others turned into milestones of the fifth.
/// Foundation's parser on Linux returns true for such a document; its `parserError` says so.
struct TruncatedPartTests {
    static let header = ["序号", "反馈问题", "整改措施", "责任单位", "整改时限", "完成情况"]

    /// A workbook of `rows` problems whose text is in `xl/sharedStrings.xml`, cut to its first
    /// `keep` bytes when given.
    static func workbook(rows: Int, cutSharedStringsAt keep: Int? = nil) throws -> Data {
        var strings: [String] = []
        func index(_ s: String) -> Int {
            if let i = strings.firstIndex(of: s) { return i }
            strings.append(s)
            return strings.count - 1
        }
        let columns = ["A", "B", "C", "D", "E", "F"]
        func row(_ r: Int, _ cells: [String]) -> String {
            "<row r=\"\(r)\">" + cells.enumerated().map { k, v in "<c r=\"\(columns[k])\(r)\" t=\"s\"><v>\(index(v))</v></c>" }.joined() + "</row>"
        }
        var sheet = row(1, header)
        for n in 1...rows { sheet += row(n + 1, ["\(n)", "第\(n)个问题：药品管理制度落实不到位", "措施\(n)", "医务科", "2026年12月31日", "整改中"]) }
        var shared = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"# + strings.map { "<si><t>\($0)</t></si>" }.joined() + "</sst>"
        if let keep { shared = String(decoding: Data(shared.utf8).prefix(keep), as: UTF8.self) }
        return try TestPackage.workbook([
            "xl/worksheets/sheet1.xml": #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"# + sheet + "</sheetData></worksheet>",
            "xl/sharedStrings.xml": shared,
        ])
    }

    @Test func aWholeWorkbook_readsEveryRow() throws {
        let plan = try LedgerImporter.importFile(try Self.workbook(rows: 8), file: "台账.xlsx").plan
        #expect(plan.items.count == 8)
    }

    @Test(arguments: [0.3, 0.6, 0.95])
    func sharedStringsCutShort_isAnErrorNamingThePart(fraction: Double) throws {
        let whole = try Self.workbook(rows: 8)
        let size = try #require(try OfficeArchive(data: whole, file: "台账.xlsx").part("xl/sharedStrings.xml")).count
        let data = try Self.workbook(rows: 8, cutSharedStringsAt: Int(Double(size) * fraction))
        #expect {
            try LedgerImporter.importFile(data, file: "台账.xlsx")
        } throws: { error in
            "\(error)".contains("台账.xlsx:1:1: error: xl/sharedStrings.xml is damaged near line")
        }
    }

    @Test func aWordDocumentCutShort_isAnErrorNamingThePart() throws {
        let body = #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>一、问题：制度不健全</w:t></w:r></w:p><w:p><w:r><w:t>二、"#
        #expect {
            try WordDocument.body(Data(body.utf8), file: "方案.docx")
        } throws: { error in
            "\(error)".contains("方案.docx:1:1: error: word/document.xml is damaged near line")
        }
    }

    static let spreadsheet2003 = #"<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="台账"><Table>"#
        + ([header] + (1...3).map { ["\($0)", "第\($0)个问题：台账不全", "补齐", "办公室", "2026年6月30日", "整改中"] })
        .map { "<Row>" + $0.map { "<Cell><Data ss:Type=\"String\">\($0)</Data></Cell>" }.joined() + "</Row>" }.joined()
        + "</Table></Worksheet></Workbook>"

    @Test func anXMLSpreadsheetCutShort_isAnError_butTextAfterTheWorkbookIsLetBe() throws {
        let whole = Data(Self.spreadsheet2003.utf8)
        #expect(try LedgerImporter.importFile(whole + Data("\n<!-- exported by OA -->\njunk".utf8), file: "台账.xls").plan.items.count == 3)
        #expect {
            try LedgerImporter.importFile(whole.prefix(whole.count - 60), file: "台账.xls")
        } throws: { error in
            "\(error)".contains("not well-formed XML")
        }
    }
}

extension TruncatedPartTests {
    /// A workbook cut anywhere loses the ZIP's table of contents at its end: it is told to be
    /// fetched again, not to be saved as .xlsx (which it is).
    @Test(arguments: [0.2, 0.5, 0.9])
    func aWorkbookCutShort_isToldToBeFetchedAgain(fraction: Double) throws {
        let whole = try Self.workbook(rows: 8)
        #expect {
            try LedgerImporter.importFile(whole.prefix(Int(Double(whole.count) * fraction)), file: "台账.xlsx")
        } throws: { error in
            "\(error)".contains("台账.xlsx:1:1: error: is a ZIP archive cut short or damaged")
        }
    }
}

/// A one-sheet workbook ("台账", `xl/worksheets/sheet1.xml`, with `xl/sharedStrings.xml` related
/// when given) of the parts given as text, packed in memory.
enum TestPackage {
    static func workbook(_ parts: [String: String]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        var all = parts
        all["xl/workbook.xml"] = #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>"#
        all["xl/_rels/workbook.xml.rels"] =
            #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>"#
            + (parts["xl/sharedStrings.xml"] == nil ? "" : #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>"#)
            + "</Relationships>"
        for (path, text) in all.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return try #require(archive.data)
    }
}

import RectifyCore
import Testing

@testable import RectifyImport

struct DateScannerTests {
    /// The first date in `text`, resolved as a plan (future) or a record (past).
    func resolved(_ text: String, reference: String? = nil, future: Bool = true) -> (String, DeadlinePrecision)? {
        let f = TestSupport.folded(text)
        guard let mention = DateScanner.mentions(in: f).first,
            let (period, date) = mention.resolve(
                reference: reference.map(TestSupport.date), latest: reference.map(TestSupport.date), future: future)
        else { return nil }
        return (date.description, period.precision)
    }

    @Test(arguments: [
        ("2026年4月30日前完成", "2026-04-30", DeadlinePrecision.day),
        ("预计2026年4月底前完成", "2026-04-30", .month),
        ("2025年底前完成申报", "2025-12-31", .year),
        ("计划于2024年12月向市场监管局申报", "2024-12-31", .month),
        ("2024年上半年新聘任", "2024-06-30", .halfYear),
        ("2025年第三季度完成", "2025-09-30", .quarter),
        ("2025年10月下旬开展", "2025-10-31", .xun),
        ("2025年2月中旬", "2025-02-20", .xun),
        ("2023年3月上旬", "2023-03-10", .xun),
        ("2024年2月底", "2024-02-29", .month),
        ("2021年3-12月支委会", "2021-12-31", .month),
    ])
    func wholeDates_resolveToLastDayOfPeriod(text: String, date: String, precision: DeadlinePrecision) {
        let result = resolved(text)
        #expect(result?.0 == date)
        #expect(result?.1 == precision)
    }

    /// "X前" is the day before the holiday; 春节, 端午 and 中秋 by the lunar calendar.
    @Test(arguments: [
        ("计划于2026年春节前完成", "2026-02-16"),
        ("2027年春节之前完成", "2027-02-05"),
        ("计划2026年元旦前完成", "2025-12-31"),
        ("预计2026年“五一”前完成", "2026-04-30"),
        ("预计2026年劳动节前完成", "2026-04-30"),
        ("2026年端午节前完成", "2026-06-18"),
        ("2025年中秋节前完成", "2025-10-05"),
        ("预计2026年国庆节前完成", "2026-09-30"),
        ("2026年国庆前完成", "2026-09-30"),
    ])
    func holidays_areTheDayBefore(text: String, date: String) {
        let result = resolved(text)
        #expect(result?.0 == date, "\(text)")
        #expect(result?.1 == .day)
    }

    @Test func yearsAndDaysInChineseNumerals() {
        #expect(resolved("二〇二五年十二月底前完成")?.0 == "2025-12-31")
        #expect(resolved("二零二六年三月三十一日前完成")?.0 == "2026-03-31")
        #expect(resolved("二〇二六年三月三十一日前完成")?.1 == .day)
        #expect(resolved("2026年十二月十五日前完成")?.0 == "2026-12-15")
        // Not a year: too few digits, or a count.
        #expect(resolved("三二一年") == nil)
    }

    @Test func holidaysWithoutAYear_areTheNextOne_andSomeAreNoDeadline() {
        #expect(resolved("力争春节前完成", reference: "2025-11-18")?.0 == "2026-02-16")
        #expect(resolved("国庆节前完成", reference: "2025-11-18")?.0 == "2026-09-30")
        #expect(resolved("元旦前完成", reference: "2025-11-18")?.0 == "2025-12-31")
        // During or after a holiday is no deadline; a lunar year outside the table is not guessed.
        #expect(resolved("2026年春节期间完成") == nil)
        #expect(resolved("2046年春节前完成") == nil)
        #expect(resolved("2026年年中完成")?.0 == "2026-06-30")
        // "2026年中…" is not the middle of the year: 中央, 中期, 中秋.
        #expect(resolved("2026年中央生态环保督察")?.1 == .year)
        #expect(resolved("2026年中秋节前")?.0 == "2026-09-24")
    }

    @Test func spacesInsideNumbers_areRemoved() {
        #expect(resolved("预计 2024 年 10 月建成投用")?.0 == "2024-10-31")
        #expect(resolved("2025 年底前完成整改")?.0 == "2025-12-31")
    }

    @Test func yearLeftOut_isTheNextSuchDateOnOrAfterTheReference() {
        #expect(resolved("预计10月31日前完成", reference: "2025-06-11")?.0 == "2025-10-31")
        #expect(resolved("有望于11月施工建设", reference: "2024-10-28")?.0 == "2024-11-30")
        #expect(resolved("计划3月底完成", reference: "2024-10-28")?.0 == "2025-03-31")
        #expect(resolved("上半年完成", reference: "2024-10-28")?.0 == "2025-06-30")
        #expect(resolved("第三季度完成", reference: "2025-02-01")?.0 == "2025-09-30")
        #expect(resolved("年底前完成", reference: "2025-02-01")?.0 == "2025-12-31")
        #expect(resolved("力争年内完成", reference: "2025-02-01")?.0 == "2025-12-31")
    }

    @Test func yearLeftOut_inPastWork_isNotAfterTheReference() {
        #expect(resolved("5月根据要求开展", reference: "2024-10-28", future: false)?.0 == "2024-05-31")
        #expect(resolved("11月召开会议", reference: "2024-10-28", future: false)?.0 == "2023-11-30")
    }

    @Test(arguments: [
        ("202549日组织党员学习", "2025-04-09"),
        ("2025410日进行约谈", "2025-04-10"),
        ("20241022日举办培训", "2024-10-22"),
        ("2022425日召开党员大会", "2022-04-25"),
        ("2023222日的主题党日", "2023-02-22"),
        ("2025324,区委巡察组反馈", "2025-03-24"),
        ("2025530组织全体党员", "2025-05-30"),
    ])
    func damagedDates_loseTheirYearAndMonthMarks(text: String, date: String) {
        #expect(resolved(text, reference: "2025-10-09", future: false)?.0 == date)
    }

    @Test func damagedYearMonth_readsAsMonth() {
        #expect(resolved("20252月的局党组理论学习")?.0 == "2025-02-28")
        #expect(resolved("202410月起考勤签到")?.0 == "2024-10-31")
        #expect(resolved("20213-12月支委会未填写")?.0 == "2021-12-31")
    }

    @Test func damagedMonthDay_withoutYear_usesTheReference() {
        #expect(resolved("截至925日,区委巡察反馈", reference: "2025-10-09", future: false)?.0 == "2025-09-25")
        #expect(resolved("1112日", reference: "2024-09-15")?.0 == "2024-11-12")
    }

    @Test func ambiguousDamagedDate_prefersReadingWithoutLeadingZero() {
        let mention = DateScanner.mentions(in: TestSupport.folded("2025109")).first
        #expect(mention?.readings.count == 2)
        #expect(resolved("2025109", reference: "2025-09-25")?.0 == "2025-10-09")
        let lines = Normalization.lines(of: "中共某局党组\n2025109\n")
        #expect(Header.signatureDate(lines, notBefore: TestSupport.date("2025-03-24"))?.0.description == "2025-10-09")
        #expect(Header.signatureDate(lines, notBefore: nil)?.0.description == "2025-10-09")
    }

    @Test func calendarValidity_rejectsImpossibleReadings() {
        // 2025-2-30 does not exist; "2025230日" has no valid reading.
        #expect(DateScanner.mentions(in: TestSupport.folded("2025230日")).isEmpty)
        // Numbers with units are not dates.
        #expect(DateScanner.mentions(in: TestSupport.folded("价值565655元，共筛查了32864人")).isEmpty)
        #expect(DateScanner.mentions(in: TestSupport.folded("新卫行罚（20220020）号")).isEmpty)
    }

    @Test func lineBreakInsideDate_isJoined() {
        let text = "一是加大职业病监督检查力度,督促辖区内企业开展申报,截止2024年1月31\n\n日完成申报25家，剩余18家企业2025年底前完成申报。"
        let paragraphs = Normalization.paragraphs(of: Normalization.lines(of: text)[...])
        #expect(paragraphs.count == 1)
        let mentions = DateScanner.mentions(in: paragraphs[0].folded)
        #expect(mentions.first.map { paragraphs[0].text($0.range) } == "2024年1月31日")
        #expect(paragraphs[0].line(at: mentions[0].range.upperBound - 1) == 3)
    }

    @Test(arguments: [
        ("2025.12.31", "2025-12-31", DeadlinePrecision.day),
        ("2025-06-30前完成", "2025-06-30", .day),
        ("2025/9/30", "2025-09-30", .day),
        ("整改时限：2026.06.30", "2026-06-30", .day),
        ("2025.12", "2025-12-31", .month),
        ("2025-6底前", "2025-06-30", .month),
    ])
    func ledgerDates_withSeparators_areRead(text: String, date: String, precision: DeadlinePrecision) {
        let result = resolved(text)
        #expect(result?.0 == date)
        #expect(result?.1 == precision)
    }

    @Test func numbersWithSeparators_thatAreNoDates_areNotRead() {
        #expect(DateScanner.mentions(in: TestSupport.folded("资金2025.12万元")).isEmpty)
        #expect(DateScanner.mentions(in: TestSupport.folded("2025.2.30")).isEmpty)
        #expect(DateScanner.mentions(in: TestSupport.folded("版本2019.1.1.3")).isEmpty)
        // A span of years names the later year only where 年 is written.
        #expect(resolved("2023-2024年度考核")?.0 == "2024-12-31")
    }

    @Test func namedPartOfAYear_isNotTheWholeYear() {
        #expect(DateScanner.mentions(in: TestSupport.folded("预计2025年暑假期间施工")).isEmpty)
        #expect(DateScanner.mentions(in: TestSupport.folded("将于2025年秋季学期起执行")).isEmpty)
        #expect(resolved("2025年度预算")?.0 == "2025-12-31")
    }
}

import Testing

@testable import RectifyImport

struct HeadingTests {
    func marker(_ text: String) -> HeadingMarker? { HeadingMarker.parse(TestSupport.folded(text)) }

    @Test(arguments: [
        ("一、树牢政治意识", HeadingStyle.chineseTop, 1),
        ("（二）推动全面从严治党", .chineseParen, 2),
        ("(三)卫生健康队伍高质量发展有差距", .chineseParen, 3),
        ("14.压实巡察整改责任", .arabicDot, 14),
        ("1. 认真落实基本公共卫生主体责任。", .arabicDot, 1),
        ("2、针对“贯彻精神不够”问题的整改情况。", .arabicComma, 2),
        ("（27）制定更新了《管理方案》", .arabicParen, 27),
        ("(2) 落实考勤制度。", .arabicParen, 2),
        ("①行政执法队职工", .circled, 1),
        ("1024.档案管理不规范", .arabicDot, 1024),
    ])
    func numberingStyles_areRecognised(text: String, style: HeadingStyle, number: Int) {
        let m = marker(text)
        #expect(m?.style == style)
        #expect(m?.number == number)
    }

    @Test func numbersAndDates_areNotHeadings() {
        #expect(marker("2.5万元已拨付") == nil)
        #expect(marker("2024年3月11日召开会议") == nil)
        #expect(marker("1名报考正高级职称") == nil)
        #expect(marker("（2024年10月28日 公开稿）") == nil)
        #expect(marker("2025.整改工作总结") == nil)
    }

    @Test func concernParagraphs_areHeadingsWithOrWithoutNumber() {
        #expect(marker("针对“项目建设推进力度不够”问题的整改情况。一是…")?.isConcern == true)
        #expect(marker("1、针对“政治站位不够高”问题的整改情况。")?.isConcern == true)
        #expect(marker("针对存在的问题，未完善签字手续的已全部补齐") == nil)
        #expect(marker("针对干部队伍老化问题的整改情况。一是…")?.isConcern == true)
        #expect(marker("关于“三重一大”制度执行不严格问题的整改情况")?.isConcern == true)
        #expect(marker("针对“传染病防控力度不够”，已按计划推进。") == nil)
    }

    @Test func listedPoints_areNotHeadings_butAreListItems() {
        #expect(marker("二是推进中医药传承创新发展有短板。") == nil)
        #expect(HeadingMarker.listItem(TestSupport.folded("二是推进中医药传承创新发展有短板。"))?.number == 2)
        #expect(HeadingMarker.listItem(TestSupport.folded("十二是…"))?.number == 12)
    }

    @Test func outline_nestsStylesInOrderOfFirstUse() {
        let text = """
            一、整改情况
            （一）第一类问题
            1.面上问题整改情况。
            （1）具体问题一。
            （2）具体问题二。
            2.另一面上问题。
            （3）具体问题三。
            （二）第二类问题
            3.第三面上问题。
            （4）具体问题四。
            """
        let paragraphs = Normalization.paragraphs(of: Normalization.lines(of: text)[...])
        let outline = Outline(paragraphs: paragraphs)
        #expect(outline.headings.map(\.depth) == [0, 1, 2, 3, 3, 2, 3, 1, 2, 3])
        #expect(ItemOutline.idPath(9, outline: outline) == "1.2.3.4")
    }

    @Test func unnumberedConcerns_continueTheNumberedList() {
        let text = """
            二、整改落实情况
            1、针对“问题甲”问题的整改情况。一是已完成。
            2、针对“问题乙”问题的整改情况。一是已完成。
            针对“问题丙”问题的整改情况。一是已完成。
            """
        let paragraphs = Normalization.paragraphs(of: Normalization.lines(of: text)[...])
        let outline = Outline(paragraphs: paragraphs)
        #expect(outline.headings.map(\.depth) == [0, 1, 1, 1])
        #expect(ItemOutline.idPath(3, outline: outline) == "2.3")
    }

    @Test func mixedWidthPunctuation_isOneStyle() {
        #expect(marker("（1）全角")?.style == marker("(1)半角")?.style)
        #expect(marker("1．全角点")?.style == .arabicDot)
    }
}

import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Shapes found by the fifth blind corpus (c43–c50, l28–l31), each reduced to its rule.
struct RoundFiveShapeTests {
    /// Hospital quality and 等级评审 reports number "1 …方面" over "1.1 …" problems (c43 had no
    /// item at all); "2.5万元" or a bare "3年…" stay quantities.
    @Test func decimalOutlineNumbers_areHeadings() {
        let (plan, _) = TestSupport.importText([
            "某县人民医院关于评审反馈问题整改情况的报告",
            "反馈问题2个方面3条，已完成整改2条，正在整改1条。",
            "1 医疗质量方面",
            "1.1 三级查房制度执行不到位。",
            "完成情况：已完成。",
            "1.2 疑难病例讨论不规范。",
            "整改时限：2025年底前",
            "目前正在推进。",
            "2 合理用药方面",
            "2.1 抗菌药物使用强度偏高。",
            "该问题已整改完成。",
            "某县人民医院", "2025年11月20日",
        ])
        #expect(plan.items.map(\.id) == ["1.1", "1.2", "2.1"])
        #expect(plan.items.map(\.status) == [.done, .inProgress, .done])
        #expect(plan.items[1].deadline?.date.description == "2025-12-31")
        #expect(plan.items[0].category.first?.contains("医疗质量方面") == true)
        #expect(HeadingMarker.parse(TestSupport.folded("2.3.1疑难病例"))?.style == .decimal(3))
        #expect(HeadingMarker.parse(TestSupport.folded("2.5万元用于设备购置。")) == nil)
        #expect(HeadingMarker.parse(TestSupport.folded("3年来累计投入")) == nil)
    }

    /// "问题3个方面8条…已完成整改4条，正在整改3条": counts in the unit the problems were counted
    /// in are problem counts though their clause does not say 问题 (c43 stated nothing).
    @Test func totals_inTheProblemsUnit() {
        let totals = Totals.parse(TestSupport.paragraph(
            "9月5日反馈了评审发现的问题3个方面8条。截至11月15日，已完成整改4条，正在整改3条，需长期坚持1条。"))
        #expect(totals?.problems == 8)
        #expect(totals?.done == 4)
        #expect(totals?.open == 4)
    }

    /// Reports grouped by progress say the status in the section: "（一）集中整改期内已完成（含基本
    /// 完成）的整改事项" over problems whose measures carry no status (one said 正在使用 of routine work
    /// and was read as open), "（二）需长期坚持整改的事项" over the others (read as done by the
    /// totals). The totals' "已完成（含基本完成）" is done, not partly done (it stated 16 open).
    @Test func sectionHeadings_sayTheStatus() {
        let (plan, _) = TestSupport.importText([
            "某疾控中心关于巡察整改进展情况的通报",
            "巡察反馈的3个问题中共2个问题已完成（含基本完成）整改，仍需长期整改1个。",
            "（一）集中整改期内已完成（含基本完成）的整改事项",
            "1.关于“流调信息化水平不高”问题的整改。",
            "（1）推广使用流调信息系统。",
            "（2）中心正在使用小程序开展随访管理。",
            "2.关于“督导检查不到位”问题的整改。",
            "（1）制定督导检查方案。",
            "（2）建立问题清单。",
            "（二）需长期坚持整改的事项",
            "3.关于“机构改革推进缓慢”问题的整改。",
            "（1）完成机构编制方案调整。",
            "（2）下一步，中心将持续推进业务融合。",
            "某疾控中心", "2025年9月30日",
        ])
        #expect(plan.stated?.problems == 3)
        #expect(plan.stated?.done == 2)
        #expect(plan.items.map(\.id) == ["1.1", "1.2", "2.3"])
        #expect(plan.items.map(\.status) == [.done, .done, .longTerm])
        #expect(plan.items[0].statusEvidence?.text.contains("已完成") == true)
        #expect(SectionStatus.parse(TestSupport.paragraph("二、巡察反馈问题整改完成情况")) == nil)
        #expect(SectionStatus.parse(TestSupport.paragraph("三、集中整改期内未完成整改事项"))?.kind.isOpen == true)
    }

    /// A table copied out of Excel quotes a cell with a line break (Alt+Enter) over two lines:
    /// the row is joined back, the cell unquoted (c49 had no item: the header row was followed by
    /// broken rows).
    @Test func excelQuotedCells_joinTheirRow() {
        let (plan, _) = TestSupport.importText([
            "某镇卫生院关于巡察反馈问题整改进展情况的通报",
            "共反馈问题2个，已完成整改1个，正在整改1个。",
            "序号\t存在问题\t整改措施\t责任科室\t整改时限\t完成情况",
            "1\t\"基本公共卫生服务档案", "真实性不高\"\t核查档案\t公卫科\t立行立改\t已完成",
            "2\t中药饮片管理不规范\t\"1.建立验收制度", "2.规范\"\"温湿度\"\"记录\"\t药房\t2025年底前\t整改中",
            "某镇卫生院", "2025年12月28日",
        ])
        #expect(plan.items.map(\.title) == ["基本公共卫生服务档案真实性不高", "中药饮片管理不规范"])
        #expect(plan.items.map(\.status) == [.done, .inProgress])
        #expect(plan.items[1].deadline?.date.description == "2025-12-31")
        #expect((plan.items[1].text ?? "").contains("1.建立验收制度2.规范\"温湿度\"记录"))
        let untouched: [[Unicode.Scalar]] = [Array("他说\"好".unicodeScalars), Array("的\"\t下一格".unicodeScalars)]
        #expect(QuotedCells.join(untouched) == untouched)
    }

    /// A WeChat post copied as text: the byline's date and time under the title is the report's
    /// date, "01 党的建设方面" numbers sections, ◆/▶ bullets decorate labels (c50 had no item).
    @Test func postBullets_andByline() {
        let (plan, _) = TestSupport.importText([
            "整改进行时｜县中医医院巡察整改进展情况通报",
            "原创 宁乡县中医医院 2026年05月18日 17:30 湖南",
            "县委巡察反馈的2个问题已完成整改1个，1个正在整改中。",
            "01 党的建设方面",
            "◆问题：党委理论学习中心组学习计划执行不到位。",
            "▶完成时限：2026年3月",
            "▶整改进展：已完成",
            "02 医疗服务方面",
            "◆ 问题：中医特色专科建设滞后。",
            "▶完成时限：2026年12月底",
            "▶整改进展：正在推进",
            "— END —",
        ])
        #expect(plan.reportDate?.description == "2026-05-18")
        #expect(plan.items.map(\.id) == ["1.1", "2.1"])
        #expect(plan.items.map(\.status) == [.done, .inProgress])
        #expect(plan.items[1].deadline?.date.description == "2026-12-31")
        #expect(plan.items[0].category.first?.contains("党的建设方面") == true)
        #expect(Normalization.withoutBullet(Array("√已完成".unicodeScalars)) == Array("√已完成".unicodeScalars))
    }

    /// Word's lvlRestart: 0 lets "1." run on across the （一） sections (c46 showed 1, 2, 1, 2);
    /// n restarts only after level n or a shallower one.
    @Test func wordLevels_runOnWithLvlRestart() throws {
        let numbering = Data(
            """
            <w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
             <w:abstractNum w:abstractNumId="0">
              <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
              <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
              <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="0"/><w:lvlText w:val="%3."/></w:lvl>
              <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlRestart w:val="1"/><w:lvlText w:val="（%4）"/></w:lvl>
             </w:abstractNum>
             <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
            </w:numbering>
            """.utf8)
        var n = try WordNumbering(numbering: numbering, styles: nil, file: "t.docx")
        let markers = [0, 1, 2, 3, 2, 3, 1, 2, 3, 0, 3].map { n.marker(numId: "1", level: $0, style: nil) }
        #expect(markers == ["一、", "（一）", "1.", "（1）", "2.", "（2）", "（二）", "3.", "（3）", "二、", "（1）"])
    }

    /// A status closing measures whose last one has points ("（2）开展业务督导：" over "①每月抽查…")
    /// belongs to the problem above them, not to the last point (c46 took "②对漏登漏报…" for the item).
    @Test func statusAfterPoints_belongsToTheProblem() {
        let (plan, _) = TestSupport.importText([
            "某妇幼保健院关于巡察整改进展情况的通报",
            "（一）业务管理方面",
            "1.孕产妇高危因素筛查登记不全。",
            "（1）修订高危孕产妇管理流程。",
            "（2）开展业务督导：",
            "①每月抽查高危登记；",
            "②对漏登漏报的单位通报批评。",
            "整改情况：已完成整改。",
            "2.儿童保健信息系统数据不准确。",
            "（1）修复系统接口。",
            "（2）清理重复档案。",
            "整改情况：正在整改，预计2026年6月底前完成。",
            "某妇幼保健院", "2026年4月15日",
        ])
        #expect(plan.items.map(\.title) == ["1.孕产妇高危因素筛查登记不全。", "2.儿童保健信息系统数据不准确。"])
        #expect(plan.items.map(\.status) == [.done, .inProgress])
    }

    /// A portal template puts the title in `<div class="title">`, not a heading: the page is read
    /// from there (c45's title was the navigation, "院务公开党建园地当前位置：…").
    @Test func htmlTitleByClass() {
        let html = "<ul><li>院务公开</li><li>当前位置：首页 &gt; 公示公告</li></ul><div class=\"title\">某医院关于飞行检查反馈问题整改情况的报告</div><p>正文</p>"
        #expect(HTMLText.fromTitle(html).hasPrefix("<div class=\"title\">某医院"))
        #expect(HTMLText.fromTitle("<div class=\"title\">网站首页</div><p>x</p>") == "<div class=\"title\">网站首页</div><p>x</p>")
    }
}

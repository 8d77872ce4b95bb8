import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

/// Reports as publishing leaves them (the third blind corpus, c25–c31): web pages with their
/// portal's chrome, tables with merged cells, text pasted from PDFs, one notice for two units,
/// totals in a table. Each test is the rule one of them needed, reduced.
struct PublishingShapesTests {
    /// A problem cell merged over two measure rows, flattened with tabs: the second row starts
    /// with empty cells. It is one more measure of the problem (it was an item titled by its
    /// leader's name), and the problem is open while one of its rows is.
    @Test func aMeasureRowUnderAMergedProblemCell_belongsToTheProblem() {
        let (plan, _) = TestSupport.importText([
            "某所关于巡察整改进展情况的通报",
            "反馈问题3个，已完成2个。",
            "序号\t反馈问题\t整改措施\t责任人\t整改时限\t完成情况",
            "1\t阵地建设薄弱\t建宣传栏\t所长 韦明\t2026年3月31日\t已完成",
            "2\t监测质量控制不严\t开展调查员培训\t副所长 蒙丽\t2026年2月28日\t已完成",
            "\t\t建立入户复核制度\t副所长 蒙丽\t2026年6月30日\t推进中",
            "3\t平台更新不及时\t建立更新机制\t副所长 蒙丽\t立行立改\t已完成",
        ])
        #expect(plan.items.map(\.title) == ["阵地建设薄弱", "监测质量控制不严", "平台更新不及时"])
        #expect(plan.items.map(\.status) == [.done, .inProgress, .done])
        #expect(plan.items[1].deadline?.date.description == "2026-06-30")
    }

    /// A saved web page: the portal's name and navigation before the report's h1 are not its
    /// title, and a rowspan cell leaves its place empty in the rows it spans.
    @Test func aWebPagesTableWithRowspan_andChromeBeforeTheTitle() throws {
        let html = """
            <html><head><title>某所通报_某县人民政府</title></head><body>
            <div class="top"><a href="/">某县人民政府</a> | <a>无障碍</a></div>
            <div>当前位置：<a>首页</a> &gt; <a>通知公告</a></div>
            <h1>某县健康教育所关于巡察整改进展情况的通报</h1>
            <p>反馈问题2个，已完成1个。</p>
            <table><tr><td>序号</td><td>反馈问题</td><td>整改措施</td><td>整改时限</td><td>完成情况</td></tr>
            <tr><td rowspan="2">1</td><td rowspan="2">监测质量控制不严</td><td>开展培训</td><td>2026年2月28日</td><td>已完成</td></tr>
            <tr><td>建立复核制度</td><td>2026年6月30日</td><td>推进中</td></tr>
            <tr><td>2</td><td>档案管理不规范</td><td colspan="2">聘请专业机构整理档案</td><td>已完成</td></tr>
            </table></body></html>
            """
        let result = try LedgerImporter.importFile(Data(html.utf8), file: "page.html")
        let plan = result.plan
        #expect(plan.title == "某县健康教育所关于巡察整改进展情况的通报")
        #expect(plan.items.map(\.title) == ["监测质量控制不严", "档案管理不规范"])
        #expect(plan.items.map(\.status) == [.inProgress, .done])
        #expect(plan.items.first?.deadline?.date.description == "2026-06-30")
    }

    /// One notice for two units, a part each with its own totals: the report's totals are
    /// their sum (with the first part's alone, 2 open of 6 were spread over all 10 items and a
    /// problem with a planned date was read as done).
    @Test func twoUnitsInOneNotice_addUpTheirTotals() {
        let (plan, warnings) = TestSupport.importText([
            "县卫健局和县医保局关于巡察整改进展情况的通报",
            "一、县卫生健康局整改进展情况",
            "县卫生健康局共收到反馈问题3个，已完成整改2个，1个正在推进。",
            "1.院长负责制落实不到位。已完成整改，修订了议事规则。",
            "2.村卫生室建设进度缓慢。目前已完成28个村卫生室改造，剩余9个计划于2026年6月底前完成。",
            "3.执法监督力量薄弱。已完成整改，增设执法监督员4名。",
            "二、县医疗保障局整改进展情况",
            "县医疗保障局共收到反馈问题2个，已完成整改1个，1个正在推进。",
            "1.基金监管存在薄弱环节。已完成整改，建成智能监控系统。",
            "2.长期护理保险试点推进缓慢。正在推进，预计2026年9月30日前启动实施。",
            "2026年2月10日",
        ])
        #expect(plan.stated?.problems == 5)
        #expect(plan.stated?.done == 3)
        #expect(plan.stated?.open == 2)
        #expect(plan.items.map(\.status) == [.done, .inProgress, .done, .done, .inProgress])
        #expect(!warnings.contains { $0.message.contains("the report states") }, "\(warnings)")
    }

    /// Text pasted from a PDF: page numbers ("— 1 —", "第2页 共3页") and the running header
    /// repeated at the top of each page are not the report's text, and a date cut by the page
    /// break ("预计2026年6" … "月30日前完成") is read whole (it was read as 2026年, the end of
    /// the year).
    @Test func pageNumbersAndRunningHeaders_fromAPDF_areLeftOut() {
        let (plan, _) = TestSupport.importText([
            "某院关于巡察整改进展情况的通报",
            "（2026年3月2日）",
            "对巡察反馈的3个问题，已完成整改1个，其余2个正在推进。",
            "1.意识形态工作责任制落实不到位。整改进展：已完成整改。",
            "2.药品耗材采购监管不严。",
            "整改进展：办法已印发，采购目录动态调整机制正在建立，预计2026年6",
            "",
            "— 1 —",
            "某院巡察整改进展情况通报",
            "月30日前完成。",
            "3.绩效分配方案倾斜不够。",
            "整改进展：方案已征求职工意见，正在推进，",
            "第2页 共3页",
            "某院巡察整改进展情况通报",
            "预计2026年4月底前完成。",
        ])
        #expect(plan.items.count == 3)
        #expect(plan.items.map { $0.deadline?.date.description } == [nil, "2026-06-30", "2026-04-30"])
        #expect(!plan.items.contains { $0.text?.contains("通报") == true || $0.text?.contains("页") == true })
    }

    /// Totals given as a table (序号 | 问题类别 | 问题数 | 已完成 | 未完成, with 合计) instead of a
    /// sentence are the report's stated totals (they were not read, so nothing checked the items
    /// against them); without a 合计 row the rows are added up.
    @Test func totalsInATable_areTheStatedTotals() {
        let lines = [
            "某医院关于巡察整改进展情况的通报",
            "指出2个方面3个问题，整改进展情况如下表：",
            "序号\t问题类别\t问题数\t已完成\t未完成",
            "1\t党的建设方面\t1\t1\t0",
            "2\t医院管理方面\t2\t1\t1",
            "合计\t\t3\t2\t1",
            "一、党的建设方面",
            "（一）发展党员工作不规范。整改情况：补齐材料12份。已整改完成。",
            "二、医院管理方面",
            "（二）病历书写质量不高。整改情况：成立病历质控小组，每月开展抽查。",
            "（三）医疗纠纷处置机制不健全。整改情况：正在修订处理办法，计划2026年3月31日前印发。",
        ]
        let (plan, _) = TestSupport.importText(lines)
        #expect(plan.stated?.problems == 3)
        #expect(plan.stated?.done == 2)
        #expect(plan.stated?.open == 1)
        #expect(plan.stated?.line == 6)
        #expect(plan.items.map(\.status) == [.done, .done, .inProgress])
        let (summed, _) = TestSupport.importText(lines.filter { !$0.hasPrefix("合计") })
        #expect(summed.stated?.problems == 3)
        #expect(summed.stated?.done == 2)
    }

    /// The running header printed atop every page, the first too: above the report's own title
    /// it is not the title (c33 took it for the title); a header that is the title stays.
    @Test func aRunningHeaderAboveTheTitle_isNotTheTitle() {
        let body = [
            "对巡察反馈的2个问题，已完成整改1个，其余1个正在推进。",
            "1.意识形态工作责任制落实不到位。",
            "整改进展：已完成整改。",
            "2.药品耗材采购监管不严。",
            "整改进展：采购目录动态调整机制正在建立，预计2026年6月30日前完成。",
        ]
        let (plan, _) = TestSupport.importText(
            ["某院巡察整改进展情况通报", "某院关于巡察整改进展情况的通报", "（2026年3月2日）"] + body.prefix(3)
                + ["", "- 1 -", "某院巡察整改进展情况通报"] + body.suffix(2) + ["", "- 2 -", "某院巡察整改进展情况通报", "某院", "2026年3月2日", "", "- 3 -"])
        #expect(plan.title == "某院关于巡察整改进展情况的通报")
        #expect(plan.items.count == 2)
        let (same, _) = TestSupport.importText(
            ["某院关于巡察整改进展情况的通报", "（2026年3月2日）"] + body.prefix(3)
                + ["", "- 1 -", "某院关于巡察整改进展情况的通报"] + body.suffix(2) + ["", "- 2 -", "某院关于巡察整改进展情况的通报", "某院", "2026年3月2日"])
        #expect(same.title == "某院关于巡察整改进展情况的通报")
        #expect(same.items.count == 2)
    }

    /// A problem whose 整改进展 field opens with its work ("采购目录正在建立"), not a status word,
    /// is an item as much as its sibling whose field says 已完成整改 (with two problems, the one
    /// labelled by a status word was taken for the only item).
    @Test func aProgressFieldOpeningWithTheWork_stillMarksAProblem() {
        let (plan, _) = TestSupport.importText([
            "某院关于巡察整改进展情况的通报",
            "1.意识形态工作责任制落实不到位。",
            "整改进展：已完成整改。",
            "2.药品耗材采购监管不严。",
            "整改进展：采购目录动态调整机制正在建立，预计2026年6月30日前完成。",
        ])
        #expect(plan.items.map(\.id) == ["1", "2"])
        #expect(plan.items.last?.deadline?.date.description == "2026-06-30")
    }
}

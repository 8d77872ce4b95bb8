import Foundation
import RectifyCore
import Testing

@testable import RectifyImport

struct FieldTests {
    @Test func statusVocabulary_readsNegationsAndPartialResultsBeforeDone() {
        let f = TestSupport.folded("尚未完成，阶段性完成，基本完成，已完成整改，长期坚持")
        let kinds = StatusVocabulary.matches(in: f, range: 0..<f.count).map(\.kind)
        #expect(kinds == [.negated, .partly, .partly, .done, .longTerm])
        #expect(StatusVocabulary.match(TestSupport.folded("推进中医院搬迁"), at: 0) == nil)
    }

    @Test func labelledFields_areFoundInlineAndInBrackets() {
        let f = TestSupport.folded("1.问题：设备老化。整改时限：2025年6月30日。【牵头领导】刘振华（副主任）")
        let fields = FieldLabels.fields(in: f, paragraph: 0, range: 0..<f.count, markerEnd: 2)
        #expect(fields.map(\.kind) == [.problem, .deadline, .leader])
    }

    @Test func damagedLabel_withOneLostCharacter_isStillRead() {
        let f = TestSupport.folded("整改时\u{FFFD}：2025年6月30日")
        #expect(FieldLabels.label(f, at: 0)?.kind == .deadline)
    }

    @Test func longTermDeadline_withDoneStatus_isDone() {
        let (plan, _) = TestSupport.importText([
            "某县卫健局关于巡察整改进展情况的通报", "（2025年9月1日）",
            "问题1：行风建设监督机制不健全。", "整改时限：长期坚持", "完成情况：已完成。",
            "问题2：人才引进不足。", "整改时限：长期坚持", "完成情况：持续整改。",
        ])
        #expect(plan.items.map(\.status) == [.done, .longTerm])
        #expect(plan.items.allSatisfy { $0.deadline == nil })
    }

    @Test func yearlessDeadlineField_takesReportYear_andIsMarkedForReview() {
        let (plan, warnings) = TestSupport.importText([
            "某县医院关于巡察整改进展情况的通报", "（2025年7月20日）",
            "问题一：转诊网络不健全。", "整改时限：12月底前", "整改进展：正在推进。",
        ])
        #expect(plan.items.first?.deadline?.date.description == "2025-12-31")
        #expect(plan.items.first?.review.isEmpty == false)
        #expect(warnings.contains { $0.message.contains("needs review") })
    }

    @Test func tableRows_underAHeaderRow_areItemsWithTheirCells() {
        let (plan, _) = TestSupport.importText([
            "某院整改情况公示", "（2025年3月1日）",
            "序号\t反馈问题\t责任领导\t责任科室\t整改时限\t完成情况",
            "1\t库房管理混乱\t院长 马骏\t药剂科\t2025年6月30日\t正在推进",
            "2\t收费公示不及时\t周敏\t财务科\t2025年1月31日\t已完成",
        ])
        #expect(plan.items.map(\.title) == ["库房管理混乱", "收费公示不及时"])
        #expect(plan.items[0].deadline?.date.description == "2025-06-30")
        #expect(plan.items[0].responsible?.leader?.name == "马骏")
        #expect(plan.items[0].responsible?.leader?.role == "院长")
        #expect(plan.items[1].status == .done)
    }

    @Test func auditFindings_inOneSentence_shareOneStatus() {
        let (plan, _) = TestSupport.importText([
            "某医保局关于审计整改情况的报告", "（2024年10月30日）",
            "一、审计发现问题整改情况",
            "（一）财务方面。审计发现，个别票据附件不全，部分设备未入固定资产账，采购程序不规范。上述问题已全部整改到位。",
            "（二）待遇方面。审计发现，慢特病认定把关不严、备案材料归档不及时，上述问题正在整改中，预计2024年12月底前完成。",
        ])
        #expect(plan.items.count == 5)
        #expect(plan.items.prefix(3).allSatisfy { $0.status == .done })
        #expect(plan.items.suffix(2).allSatisfy { $0.deadline?.date.description == "2024-12-31" })
    }

    @Test func auditFindings_listedBeforeTheMeasures_areTheItems_andAFindingAnsweredAloneKeepsItsOwnStatus() {
        let (plan, _) = TestSupport.importText([
            "某县中医医院关于内部审计发现问题整改情况的报告", "（2025年3月20日）",
            "一、资产管理方面",
            "审计发现：一是部分医疗设备闲置未及时调剂；二是低值易耗品领用无台账；三是固定资产盘点不及时，账实不符。",
            "整改情况：设备科将闲置设备调剂使用，建立领用台账。以上两项已整改到位。固定资产全面盘点工作正在进行中，预计2025年6月30日前完成。",
            "二、内部控制方面",
            "审计发现：一是合同未经法律审核；二是采购验收由一人完成。",
            "整改情况：建立合同审核制度，实行采购与验收分离。上述问题已全部整改到位。",
        ])
        #expect(plan.items.map(\.title) == [
            "部分医疗设备闲置未及时调剂", "低值易耗品领用无台账", "固定资产盘点不及时，账实不符", "合同未经法律审核", "采购验收由一人完成",
        ])
        #expect(plan.items.map { $0.status == .done } == [true, true, false, true, true])
        #expect(plan.items[2].deadline?.date.description == "2025-06-30")
        #expect(plan.items[0].deadline == nil)
    }

    @Test func directory_fillsContactsAndLeaders_andWarnsOnUnknownNames() throws {
        let json = """
            {"people": [{"name": "马骏", "role": "院长", "level": "main", "email": "ma@example.cn", "mobile": "13800000001"}],
             "departments": [{"name": "药剂科", "email": "yjk@example.cn"}]}
            """
        let directory = try ContactDirectory.read(Data(json.utf8), file: "dir.json")
        var (plan, _) = TestSupport.importText([
            "某院整改情况公示", "（2025年3月1日）",
            "序号\t反馈问题\t责任领导\t责任科室\t整改时限\t完成情况",
            "1\t库房管理混乱\t院长 马骏\t药剂科\t2025年6月30日\t正在推进",
            "2\t收费公示不及时\t周敏\t财务科\t2025年1月31日\t已完成",
        ])
        let warnings = directory.apply(to: &plan, file: "t.txt")
        #expect(plan.items[0].responsible?.leader?.email == "ma@example.cn")
        #expect(plan.items[0].responsible?.leader?.level == .main)
        #expect(plan.items[0].responsible?.contacts.first?.email == "yjk@example.cn")
        #expect(plan.mainLeader?.name == "马骏")
        #expect(warnings.count == 2)
        #expect(throws: PlanLoadError.self) { try ContactDirectory.read(Data("{\"people\": [{\"nom\": 1}]}".utf8), file: "bad.json") }
    }

    /// A directory with mistakes says each one at its line, like a plan file does; a value of the
    /// wrong type is an error, not an address silently dropped.
    @Test func directory_errorsSayWhereAndWhat() throws {
        func diagnostics(_ json: String) -> [String] {
            do {
                _ = try ContactDirectory.read(Data(json.utf8), file: "dir.json")
                return []
            } catch {
                return error.diagnostics.map(\.description)
            }
        }
        let syntax = diagnostics("{\"people\": [\n {\"name\": \"张三\", \"email\": \"a@b.cn\"},\n {\"name\": \"李四\" \"email\": \"x\"}\n]}\n")
        #expect(syntax.count == 1 && syntax[0].hasPrefix("dir.json:3:"), "\(syntax)")
        #expect(syntax.first?.contains("not valid JSON") == true, "\(syntax)")
        let fields = diagnostics("""
            {"people": [
              {"name": "张三", "email": 12345},
              {"name": "李四", "level": "chief", "emial": "li@example.cn"},
              {"role": "院长", "email": "not-an-address"}
            ],
             "departments": {"name": "药剂科"}}
            """)
        #expect(fields.first == "dir.json:2:27: error: people[0].email '12345' is not an email address (name@example.org).", "\(fields)")
        #expect(fields.count == 6 && fields[1].hasPrefix("dir.json:3:27:") && fields[2].hasPrefix("dir.json:3:36:"), "in file order: \(fields)")
        #expect(fields.contains { $0.hasPrefix("dir.json:3:") && $0.contains("people[1].level is 'chief'") }, "\(fields)")
        #expect(fields.contains { $0.hasPrefix("dir.json:3:") && $0.contains("unknown key 'emial' in people[1]; did you mean 'email'?") }, "\(fields)")
        #expect(fields.contains { $0.hasPrefix("dir.json:4:") && $0.contains("people[2].email 'not-an-address' is not an email address") }, "\(fields)")
        #expect(fields.contains { $0.hasPrefix("dir.json:4:") && $0.contains("people[2] is missing 'name'") }, "\(fields)")
        #expect(fields.contains { $0.hasPrefix("dir.json:6:") && $0.contains("departments must be a list") }, "\(fields)")
    }

    @Test func explanation_namesTheFieldAndLine() {
        let (_, _, explanations) = ReportImporter.explain(
            text: ["某局通报", "（2025年9月1日）", "问题1：台账不全。", "整改时限：2025年12月31日", "完成情况：正在推进。"].joined(separator: "\n"),
            file: "t.txt")
        let text = explanations.first?.render() ?? ""
        #expect(text.contains("field 完成情况"))
        #expect(text.contains("2025-12-31 ← '整改时限：2025年12月31日' (line 4); deadline field"))
    }
}

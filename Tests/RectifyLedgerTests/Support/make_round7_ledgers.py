#!/usr/bin/env python3
"""Writes the ledgers of the seventh blind round (l36–l43), each with its gold file, written
before the importer ever read the file:

- l36: an .xlsx as WPS writes it — written by hand with zipfile: inline strings only (no
  sharedStrings part), a rich-text run inside a cell (a red "（已逾期）"), formula cells with
  their cached value (t="str"), a header over three rows with merged groups (整改落实 over
  责任落实 | 整改情况 over 责任领导 | 责任科室 | 责任人 | 完成时限 | 完成情况 | 佐证材料), numbered
  measures on separate lines in one cell, deadlines "2025.09" / "2025-12" / 2025年第三季度,
  statuses 已销号 / 未销号 / 持续整改 / 部分完成;
- l37: columns in an unusual order (完成情况 and 整改时限 before the problem), rich text in
  shared strings, 责任领导 written "赵敏（党委书记）", date cells under custom formats
  (yyyy"年"m"月"d"日" and m/d), a 完成率 column, a 合计 row with a formula;
- l38: a workbook with a 汇总 sheet and one sheet per 科室 (no 责任科室 column: the sheet is the
  department), numbering restarting per sheet, blank separator rows between 方面 groups whose
  类别 cell is written once, deadlines 2025.10 / 每月 / "已完成" typed into the deadline column /
  2026年第二季度 / 2025年底;
- l39: a Word ledger whose table holds its own title row and 填报 row above the header, measures
  as numbered paragraphs in one cell, deadlines 2025年第三季度 / 2025年底 / 2026年上半年 / 每月 /
  已完成;
- l40: an .xlsx whose title and date are only in the page header and footer, the header row
  first, section rows with blank rows between them, date cells formatted yyyy.m.d and
  [$-804]yyyy"年"m"月"d"日";@, statuses 阶段性完成 / 部分完成 / 持续整改 / 未完成;
- l41: an audit-system CSV (UTF-8 without BOM): 问题编号 SJ-…, 审计项目, 涉及金额（万元）,
  整改结果 已整改 / 持续整改 / 部分整改 / 未整改, 认定意见, 认定日期, deadlines 2025-09 / 2026年6月;
- l42: one workbook, one sheet per source of problems (巡察反馈问题 | 审计反馈问题), headers
  that differ, numbering restarting on each sheet;
- l43: a hospital 销号管理台账: 问题来源, 计划完成时间, 销号情况 已销号/未销号, 销号时间, and a
  是否逾期 column answered 是/否 (whether the item is late, not whether it is done) beside a
  剩余天数 formula.

Usage: make_round7_ledgers.py OUT_DIR [l36 l37 ...]
"""
import csv
import datetime as dt
import io
import os
import sys
import zipfile
from xml.sax.saxutils import escape

import docx
from openpyxl import Workbook
from openpyxl.cell.rich_text import CellRichText, TextBlock
from openpyxl.cell.text import InlineFont
import functools

import fixtures
from fixtures import wrap

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
ONLY = set(sys.argv[2:])
gold = functools.partial(fixtures.gold, OUT)


def serial(d):
    return (d - dt.date(1899, 12, 30)).days


# 36. A county TCM hospital's ledger saved by WPS Office: inline strings, a three-row header.
def l36():
    name = "l36_wps_inline_three_row_header_xzyy.xlsx"
    cols = "ABCDEFGHIJK"
    rows = {}   # row -> list of cell xml

    def s(ref, text, style=1):
        rows.setdefault(int(ref[1:]), []).append(
            f'<c r="{ref}" s="{style}" t="inlineStr"><is><t xml:space="preserve">{escape(text)}</t></is></c>')

    def rich(ref, runs, style=1):
        body = "".join(
            (f'<r><rPr><sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/><charset val="134"/></rPr>'
             if red else '<r><rPr><sz val="11"/><rFont val="宋体"/><charset val="134"/></rPr>')
            + f'<t xml:space="preserve">{escape(t)}</t></r>' for t, red in runs)
        rows.setdefault(int(ref[1:]), []).append(f'<c r="{ref}" s="{style}" t="inlineStr"><is>{body}</is></c>')

    def num(ref, value, style=1):
        rows.setdefault(int(ref[1:]), []).append(f'<c r="{ref}" s="{style}"><v>{value}</v></c>')

    def formula(ref, f, cached, string=True, style=1):
        t = ' t="str"' if string else ""
        rows.setdefault(int(ref[1:]), []).append(
            f'<c r="{ref}" s="{style}"{t}><f>{escape(f)}</f><v>{escape(str(cached))}</v></c>')

    s("A1", "岫中县中医院县委巡察反馈问题整改台账", 2)
    s("A2", "填报科室：院巡察整改办公室　　　　　　更新时间：2025年11月28日", 1)
    for c, t in zip("ABCD", ["序号", "问题类别", "反馈问题", "整改措施"]):
        s(f"{c}3", t, 3)
    s("E3", "整改落实", 3)
    s("K3", "督办提示", 3)
    s("E4", "责任落实", 3)
    s("H4", "整改情况", 3)
    for c, t in zip("EFGHIJ", ["责任领导", "责任科室", "责任人", "完成时限", "完成情况", "佐证材料"]):
        s(f"{c}5", t, 3)
    data = [
        ("党的建设", "党委理论学习中心组学习不深入，专题研讨流于形式",
         "1.制定年度理论学习计划\n2.每季度开展一次专题研讨并形成研讨材料", "王志刚", "党委办公室", "李娜",
         ("s", "2025.09"), ("s", "已销号"), "学习计划、研讨记录", "正常"),
        ("党的建设", "基层党支部“三会一课”记录不规范",
         "1.统一印制会议记录本\n2.开展支部间交叉检查", "王志刚", "党委办公室", "李娜",
         ("s", "2025-12"), ("s", "持续整改"), "", "正常"),
        ("医疗业务", "中药饮片处方点评覆盖率低，不合理用药未及时干预",
         "1.成立处方点评专家组\n2.每月点评并在院周会通报", "陈立", "药剂科", "张强",
         ("d", dt.date(2025, 10, 31)), ("r", [("未销号", False), ("（已逾期）", True)]), "", "已逾期"),
        ("医疗业务", "院感防控培训覆盖不全，保洁人员未纳入培训",
         "将保洁、护工纳入院感培训并考核", "陈立", "院感科", "刘芳",
         ("s", "2025年第三季度"), ("s", "已销号"), "培训签到表", "正常"),
        ("财务管理", "大型医疗设备采购前可行性论证不充分",
         "1.修订设备采购论证制度\n2.对近三年采购设备开展效益分析", "周明", "设备科", "赵磊",
         ("s", "2026.03"), ("s", "未销号"), "", "正常"),
        ("财务管理", "药品耗材二次议价工作推进缓慢",
         "建立议价小组，按季度开展议价", "周明", "药剂科", "张强",
         ("s", "2025-12"), ("s", "部分完成"), "议价记录", "正常"),
        ("作风建设", "医务人员收受“红包”问题时有发生",
         "签订廉洁行医承诺书，设立举报电话，长期开展警示教育", "王志刚", "纪检监察室", "孙伟",
         ("s", "长期坚持"), ("s", "持续整改"), "", "正常"),
    ]
    r = 6
    for i, (cat, prob, meas, lead, dept, person, deadline, status, proof, hint) in enumerate(data):
        formula(f"A{r}", "ROW()-5", i + 1, string=False)
        s(f"B{r}", cat)
        s(f"C{r}", prob)
        s(f"D{r}", meas)
        s(f"E{r}", lead)
        s(f"F{r}", dept)
        s(f"G{r}", person)
        kind, v = deadline
        if kind == "d":
            num(f"H{r}", serial(v), 4)
        else:
            s(f"H{r}", v)
        kind, v = status
        if kind == "r":
            rich(f"I{r}", v)
        else:
            s(f"I{r}", v)
        if proof:
            s(f"J{r}", proof)
        formula(f"K{r}", f'IF(AND(I{r}<>"已销号",H{r}<TODAY()),"已逾期","正常")', hint)
        r += 1
    last = r - 1
    merges = ["A1:K1", "A2:K2", "A3:A5", "B3:B5", "C3:C5", "D3:D5", "E3:J3", "K3:K5", "E4:G4", "H4:J4"]

    sheet_rows = []
    for n in sorted(rows):
        cells = sorted(rows[n], key=lambda x: x.split('"')[1])
        ht = ' ht="30" customHeight="1"' if n == 1 else ""
        sheet_rows.append(f'<row r="{n}" spans="1:11"{ht}>' + "".join(cells) + "</row>")
    sheet = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" '
        'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" '
        'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">'
        '<sheetPr/>'
        f'<dimension ref="A1:K{last}"/>'
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="C8" sqref="C8"/></sheetView></sheetViews>'
        '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5"/>'
        '<cols><col min="1" max="2" width="6" customWidth="1"/><col min="3" max="4" width="36" customWidth="1"/>'
        '<col min="5" max="11" width="12" customWidth="1"/></cols>'
        '<sheetData>' + "".join(sheet_rows) + '</sheetData>'
        f'<mergeCells count="{len(merges)}">' + "".join(f'<mergeCell ref="{m}"/>' for m in merges) + '</mergeCells>'
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>'
        '<pageSetup paperSize="9" orientation="landscape"/>'
        '<headerFooter/>'
        '</worksheet>')
    styles = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;;@"/></numFmts>'
        '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="宋体"/><charset val="134"/><scheme val="minor"/></font>'
        '<font><b/><sz val="16"/><name val="方正小标宋简体"/><charset val="134"/></font></fonts>'
        '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>'
        '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
        '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>'
        '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>'
        '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>'
        '<cellXfs count="5">'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment vertical="center" wrapText="1"/></xf>'
        '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>'
        '<xf numFmtId="0" fontId="0" fillId="0" borderId="1" xfId="0" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>'
        '<xf numFmtId="176" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>'
        '</cellXfs>'
        '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>'
        '</styleSheet>')
    workbook = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        '<fileVersion appName="xl" lastEdited="3" lowestEdited="5" rupBuild="9302"/>'
        '<workbookPr/><bookViews><workbookView windowWidth="28800" windowHeight="12540"/></bookViews>'
        '<sheets><sheet name="整改台账" sheetId="1" r:id="rId1"/></sheets>'
        '<calcPr calcId="144525"/></workbook>')
    wb_rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
        '</Relationships>')
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
        '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>'
        '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/>'
        '</Relationships>')
    types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>'
        '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>'
        '</Types>')
    app = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties">'
           '<Application>WPS 表格</Application><AppVersion>12.1.0.16417</AppVersion></Properties>')
    core = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
            '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
            'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
            'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>WPS_1698</dc:creator>'
            '<dcterms:created xsi:type="dcterms:W3CDTF">2025-07-01T08:12:00Z</dcterms:created></cp:coreProperties>')
    with zipfile.ZipFile(os.path.join(OUT, name), "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", types)
        z.writestr("_rels/.rels", rels)
        z.writestr("docProps/app.xml", app)
        z.writestr("docProps/core.xml", core)
        z.writestr("xl/workbook.xml", workbook)
        z.writestr("xl/_rels/workbook.xml.rels", wb_rels)
        z.writestr("xl/styles.xml", styles)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    gold(name, [
        ("党委理论学习中心组学习不深入", False, None),
        ("基层党支部“三会一课”记录不规范", True, "2025-12-31"),
        ("中药饮片处方点评覆盖率低", True, "2025-10-31"),
        ("院感防控培训覆盖不全", False, None),
        ("大型医疗设备采购前可行性论证不充分", True, "2026-03-31"),
        ("药品耗材二次议价工作推进缓慢", True, "2025-12-31"),
        ("医务人员收受“红包”问题时有发生", True, None),
    ], "2025-11-28")


# 37. A city hospital's 问题清单: 完成情况, 完成率 and 整改时限 first, the problem after them.
def l37():
    name = "l37_status_first_rich_text_custom_formats_sdeyy.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "问题清单"
    ws.append(["沙东市第二人民医院巡察反馈问题整改清单"])
    ws.append(["截至2025年12月15日"])
    ws.append(["序号", "完成情况", "完成率", "整改时限", "反馈问题", "整改措施", "责任领导", "责任科室", "备注"])
    red = InlineFont(color="FFFF0000", b=True)
    grey = InlineFont(color="FF808080")
    rows = [
        (1, "已完成", 1, (dt.date(2025, 8, 31), 'yyyy"年"m"月"d"日"'),
         "医院党委对意识形态工作研究部署不够，全年仅专题研究1次", "将意识形态工作纳入党委会议议题，每半年专题研究", "赵敏（党委书记）", "党委办公室", ""),
        (2, CellRichText(["正在推进，", TextBlock(red, "已逾期")]), 0.6, (dt.date(2025, 10, 31), "m/d"),
         "临床路径管理入径率偏低，变异分析不到位", "扩大临床路径病种，每月开展变异分析", "孙浩（副院长）", "医务部", "已申请调整时限"),
        (3, "阶段性完成", 0.8, (dt.date(2026, 3, 31), 'yyyy"年"m"月"d"日"'),
         "门诊预约诊疗比例不高，患者排队时间长", "推行分时段预约，增加自助机", "孙浩（副院长）", "门诊部", ""),
        (4, "未完成", 0, ("2025年底", None),
         "医保基金使用存在违规收费问题", "开展收费专项自查，退还违规费用", "钱进（总会计师）", "医保办", ""),
        (5, "已完成", 1, (dt.date(2025, 6, 30), "m/d"),
         "科室二级库耗材管理不规范，账物不符", "上线二级库管理系统，按月盘点", "钱进（总会计师）", "设备科", ""),
        (6, CellRichText([TextBlock(InlineFont(b=True), "已完成"), TextBlock(grey, "（待验收）")]), 1,
         (dt.date(2025, 9, 30), 'yyyy"年"m"月"d"日"'),
         "职工食堂食品安全管理制度不健全", "修订食堂管理制度，落实索证索票", "李芳（副院长）", "后勤保障部", ""),
    ]
    for no, status, rate, (deadline, fmt), prob, meas, lead, dept, note in rows:
        ws.append([no, status, rate, deadline, prob, meas, lead, dept, note])
        r = ws.max_row
        ws.cell(r, 3).number_format = "0%"
        if fmt:
            ws.cell(r, 4).number_format = fmt
    ws.append(["合计", "已完成3项，未完成3项", "=AVERAGE(C4:C9)"])
    ws.cell(ws.max_row, 3).number_format = "0%"
    ws.merge_cells("A1:I1")
    ws.merge_cells("A2:I2")
    wrap(ws)
    wb.save(os.path.join(OUT, name))
    gold(name, [
        ("医院党委对意识形态工作研究部署不够", False, None),
        ("临床路径管理入径率偏低", True, "2025-10-31"),
        ("门诊预约诊疗比例不高", True, "2026-03-31"),
        ("医保基金使用存在违规收费问题", True, "2025-12-31"),
        ("科室二级库耗材管理不规范", False, None),
        ("职工食堂食品安全管理制度不健全", False, None),
    ], "2025-12-15")


# 38. A county hospital's workbook: a 汇总 sheet, then one sheet per 科室.
def l38():
    name = "l38_sheet_per_department_blank_groups_jxrmyy.xlsx"
    wb = Workbook()
    summary = wb.active
    summary.title = "汇总"
    summary.append(["金溪县人民医院巡察整改任务完成情况汇总表（截至2025年11月10日）"])
    summary.append(["科室", "问题数", "已完成", "未完成", "完成率"])
    counts = [("医务科", 3, 2, 1), ("护理部", 2, 0, 2), ("财务科", 2, 1, 1), ("后勤保障科", 2, 1, 1)]
    for i, (d, n, done, open_) in enumerate(counts):
        summary.append([d, n, done, open_, f"=C{3 + i}/B{3 + i}"])
    summary.append(["合计", "=SUM(B3:B6)", "=SUM(C3:C6)", "=SUM(D3:D6)", "=C7/B7"])
    header = ["序号", "问题类别", "存在问题", "整改措施", "责任人", "整改期限", "整改进展"]
    sheets = {
        "医务科": [
            (1, "医疗质量", "核心制度落实不严格，三级查房记录不全", "开展核心制度专项督查，每月通报", "刘建", "2025.10", "已完成"),
            (2, None, "病历书写质量不高，甲级病历率低于90%", "开展病历质控培训，实行终末病历评分", "刘建", "2026.06", "部分完成，甲级病历率已提升至86%"),
            None,
            (3, "依法执业", "部分医师超范围执业", "清理医师执业范围，完成变更注册", "吴刚", "已完成", "已完成"),
        ],
        "护理部": [
            (1, "护理管理", "护理人员配置不足，床护比未达标", "制定护理人员招聘计划，分批招录", "陈静", "2026年第二季度", "未完成，首批招聘已发布公告"),
            (2, None, "护理不良事件上报不及时", "实行不良事件无责上报，每月分析", "陈静", "每月", "持续整改"),
        ],
        "财务科": [
            (1, "财务管理", "往来款项长期挂账未清理", "逐笔核实往来款项，分类清理", "黄敏", "2025年底", "部分完成，已清理12笔"),
            (2, None, "票据管理不规范，作废票据未全联保存", "修订票据管理办法，开展票据自查", "黄敏", "2025.9.30", "已完成"),
        ],
        "后勤保障科": [
            (1, "安全生产", "消防设施维护不及时，部分灭火器过期", "更换过期灭火器，建立月检制度", "郑伟", "2025年第三季度", "已完成"),
            None,
            (2, "医疗废物", "医疗废物暂存间不符合规范", "改造暂存间，配备温控设施", "郑伟", "2025-12", "未完成，改造方案已报批"),
        ],
    }
    for dept, rows in sheets.items():
        ws = wb.create_sheet(dept)
        ws.append([f"{dept}巡察反馈问题整改台账"])
        ws.append(header)
        for row in rows:
            ws.append(list(row) if row else [])
        ws.merge_cells("A1:G1")
        wrap(ws)
    wb.active = 0
    wb.save(os.path.join(OUT, name))
    gold(name, [
        ("核心制度落实不严格", False, None),
        ("病历书写质量不高", True, "2026-06-30"),
        ("部分医师超范围执业", False, None),
        ("护理人员配置不足", True, "2026-06-30"),
        ("护理不良事件上报不及时", True, None),
        ("往来款项长期挂账未清理", True, "2025-12-31"),
        ("票据管理不规范", False, None),
        ("消防设施维护不及时", False, None),
        ("医疗废物暂存间不符合规范", True, "2025-12-31"),
    ], None)


def cell_text(cell, text):
    lines = text.split("\n")
    cell.text = lines[0]
    for line in lines[1:]:
        cell.add_paragraph(line)


# 39. A CDC's Word ledger: the title and the 填报 line are rows of the table itself.
def l39():
    name = "l39_docx_title_row_in_table_fccdc.docx"
    d = docx.Document()
    d.add_paragraph("附件2")
    header = ["序号", "反馈问题", "整改措施", "责任领导", "责任科室", "完成时限", "完成情况"]
    rows = [
        ("1", "疫苗冷链温度监测记录不完整", "1.更换冷链温度自动监测设备\n2.建立每日两次温度巡查制度", "张伟", "免疫规划科",
         "2025年第三季度", "已完成"),
        ("2", "传染病疫情报告审核不及时，存在迟报", "1.实行疫情报告24小时值班审核\n2.每月通报迟报情况", "李明", "传染病防制科",
         "2025年底", "正在推进，值班审核已落实"),
        ("3", "职业病危害因素监测覆盖面窄", "1.扩大重点行业监测企业范围\n2.与卫生监督所联合开展监测", "李明", "职业卫生科",
         "2026年上半年", "部分完成"),
        ("4", "党风廉政教育经常性不够", "每月开展一次廉政教育，纳入支部主题党日", "张伟", "党办", "每月", "持续整改"),
        ("5", "应急物资储备台账不清，部分物资过期", "全面清点应急物资，报废过期物资并补充", "王芳", "应急办", "已完成",
         "已完成，已清点入账"),
        ("6", "检验报告审核签发不规范",
         "1.修订检验报告审核签发程序（2025年11月底前）\n2.开展检验人员授权考核（2026年3月底前）", "王芳", "检验科",
         "2026年3月底前", "第1项已完成，第2项正在推进"),
    ]
    t = d.add_table(rows=3 + len(rows), cols=7)
    t.style = "Table Grid"
    title = t.rows[0].cells[0].merge(t.rows[0].cells[6])
    title.text = "凤城县疾病预防控制中心巡察反馈问题整改落实台账"
    info = t.rows[1].cells[0].merge(t.rows[1].cells[6])
    info.text = "填报单位：凤城县疾病预防控制中心（盖章）　　　　　　　　填报时间：2025年10月20日"
    for c, h in zip(t.rows[2].cells, header):
        c.text = h
    for r, row in zip(t.rows[3:], rows):
        for c, v in zip(r.cells, row):
            cell_text(c, v)
    d.add_paragraph("")
    d.add_paragraph("填表人：赵丽　　　　审核人：张伟")
    d.save(os.path.join(OUT, name))
    gold(name, [
        ("疫苗冷链温度监测记录不完整", False, None),
        ("传染病疫情报告审核不及时", True, "2025-12-31"),
        ("职业病危害因素监测覆盖面窄", True, "2026-06-30"),
        ("党风廉政教育经常性不够", True, None),
        ("应急物资储备台账不清", False, None),
        ("检验报告审核签发不规范", True, "2026-03-31"),
    ], "2025-10-20")


# 40. A county bureau's ledger whose title and date live in the page header and footer.
def l40():
    name = "l40_title_in_page_header_dotted_formats_ayxwjj.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.oddHeader.center.text = "安阳县卫生健康局县委巡察反馈问题整改台账"
    ws.oddHeader.center.size = 16
    ws.oddHeader.center.font = "方正小标宋简体,常规"
    ws.oddFooter.left.text = "填报日期：2025年11月5日"
    ws.oddFooter.right.text = "第 &P 页，共 &N 页"
    ws.append(["序号", "反馈问题", "整改措施", "牵头领导", "责任股室", "整改时限", "整改进展", "备注"])
    dotted, chinese = "yyyy.m.d", '[$-804]yyyy"年"m"月"d"日";@'
    body = [
        ("一、政治建设方面",),
        (1, "贯彻落实上级卫生健康决策部署有差距", "建立重点任务清单，每月调度", "局长 周强", "办公室",
         (dt.date(2025, 8, 31), dotted), "已完成", ""),
        (2, "意识形态工作责任制落实不够到位", "每半年专题研判意识形态形势", "副局长 吴丽", "办公室", ("长期坚持", None), "持续整改", ""),
        (),
        ("二、全面从严治党方面",),
        (3, "公务接待审批不规范，个别接待无公函", "修订公务接待管理办法，实行一事一单", "副局长 吴丽", "财务股",
         (dt.date(2025, 10, 31), chinese), "阶段性完成", "已完成制度修订"),
        (4, "专项资金结余未及时清理上缴", "清理结余资金，按规定上缴财政", "副局长 吴丽", "财务股",
         (dt.date(2025, 12, 31), dotted), "部分完成", ""),
        (),
        ("三、民生领域方面",),
        (5, "家庭医生签约服务质量不高，履约率低", "开展签约履约专项督导，纳入绩效考核", "副局长 马涛", "基层卫生股",
         (dt.date(2026, 6, 30), chinese), "未完成", ""),
        (6, "基层医疗机构常用药品短缺", "建立短缺药品监测和调剂机制", "副局长 马涛", "医政药政股",
         (dt.date(2025, 9, 30), dotted), "已完成", ""),
    ]
    for row in body:
        if len(row) <= 1:
            ws.append(list(row))
            if row:
                ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=8)
            continue
        no, prob, meas, lead, dept, (deadline, fmt), status, note = row
        ws.append([no, prob, meas, lead, dept, deadline, status, note])
        if fmt:
            ws.cell(ws.max_row, 6).number_format = fmt
    ws.print_title_rows = "1:1"
    wrap(ws)
    wb.save(os.path.join(OUT, name))
    gold(name, [
        ("贯彻落实上级卫生健康决策部署有差距", False, None),
        ("意识形态工作责任制落实不够到位", True, None),
        ("公务接待审批不规范", True, "2025-10-31"),
        ("专项资金结余未及时清理上缴", True, "2025-12-31"),
        ("家庭医生签约服务质量不高", True, "2026-06-30"),
        ("基层医疗机构常用药品短缺", False, None),
    ], None)


# 41. An audit-tracking system's CSV export.
def l41():
    name = "l41_audit_system_csv_results_hlcrmyy.csv"
    header = ["问题编号", "审计项目", "审计发现问题", "涉及金额（万元）", "整改要求", "整改责任单位", "整改责任人",
              "整改期限", "整改结果", "认定意见", "认定日期"]
    rows = [
        ["SJ2025-07-01", "预算执行", "无预算、超预算支出公用经费", "12.50", "严格按预算执行，追回超支款项", "财务科", "陈红",
         "2025-09", "已整改", "整改到位，予以认定", "2025-10-12"],
        ["SJ2025-07-02", "预算执行", "项目资金结转结余未按规定上缴", "86.30", "清理结转结余资金并上缴", "财务科", "陈红",
         "2025-12", "持续整改", "", ""],
        ["SJ2025-07-03", "政府采购", "化验试剂采购未按规定公开招标", "43.20", "规范采购程序，重新组织招标", "设备科", "林涛",
         "2025/12/31", "部分整改", "已完成招标文件编制", ""],
        ["SJ2025-07-04", "资产管理", "新购设备未及时登记固定资产", "25.00", "补登固定资产账", "资产管理科", "林涛",
         "2025-10", "已整改", "整改到位，予以认定", "2025-11-03"],
        ["SJ2025-07-05", "收费管理", "超标准收取CT增强检查费", "3.80", "退还多收费用，规范收费", "医保办", "周斌",
         "2026年6月", "未整改", "", ""],
        ["SJ2025-07-06", "内部控制", "内部控制制度不健全，关键岗位未轮岗", "", "完善内控制度，建立轮岗机制", "审计科", "周斌",
         "长期", "持续整改", "", ""],
    ]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    with open(os.path.join(OUT, name), "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())
    gold(name, [
        ("无预算、超预算支出公用经费", False, None),
        ("项目资金结转结余未按规定上缴", True, "2025-12-31"),
        ("化验试剂采购未按规定公开招标", True, "2025-12-31"),
        ("新购设备未及时登记固定资产", False, None),
        ("超标准收取CT增强检查费", True, "2026-06-30"),
        ("内部控制制度不健全", True, None),
    ], None)


# 42. One workbook with a sheet per source: 巡察 and 审计 problems, headers that differ.
def l42():
    name = "l42_sheet_per_source_different_headers_qswjw.xlsx"
    wb = Workbook()
    a = wb.active
    a.title = "巡察反馈问题"
    a.append(["清水县卫生健康委员会巡察反馈问题整改台账"])
    a.append(["序号", "反馈问题", "整改措施", "责任领导", "责任科室", "整改时限", "完成情况"])
    for row in [
        (1, "党组会议议事规则执行不严，“三重一大”事项集体决策记录不全", "修订议事规则，规范会议记录", "党组书记 何军", "办公室",
         dt.date(2025, 6, 30), "已完成"),
        (2, "干部选拔任用程序不规范", "对照条例开展自查，规范动议和考察程序", "党组书记 何军", "人事科",
         dt.date(2025, 12, 31), "正在推进"),
        (3, "对基层医疗机构绩效考核不严", "修订考核细则，引入第三方评估", "副主任 许静", "基层卫生科",
         dt.date(2026, 3, 31), "尚未完成"),
    ]:
        a.append(list(row))
        a.cell(a.max_row, 6).number_format = "yyyy/m/d"
    a.merge_cells("A1:G1")
    wrap(a)
    b = wb.create_sheet("审计反馈问题")
    b.append(["清水县卫生健康委员会审计发现问题整改台账"])
    b.append(["序号", "审计发现的问题", "整改措施", "责任单位", "整改期限", "整改情况"])
    for row in [
        (1, "公务卡强制结算目录执行不到位", "规范公务卡结算，开展专项检查", "财务科", dt.date(2025, 9, 30), "已整改到位"),
        (2, "基本公共卫生项目资金闲置", "加快资金拨付进度", "财务科", dt.date(2025, 12, 31), "整改中"),
        (3, "部分医疗服务价格执行不规范", "开展价格专项检查，督促医疗机构整改", "医政科", dt.date(2026, 6, 30), "未完成"),
    ]:
        b.append(list(row))
        b.cell(b.max_row, 5).number_format = "yyyy/m/d"
    b.merge_cells("A1:F1")
    wrap(b)
    wb.save(os.path.join(OUT, name))
    gold(name, [
        ("党组会议议事规则执行不严", False, None),
        ("干部选拔任用程序不规范", True, "2025-12-31"),
        ("对基层医疗机构绩效考核不严", True, "2026-03-31"),
        ("公务卡强制结算目录执行不到位", False, None),
        ("基本公共卫生项目资金闲置", True, "2025-12-31"),
        ("部分医疗服务价格执行不规范", True, "2026-06-30"),
    ], None)


# 43. A hospital's 销号管理台账 with a 是否逾期 column.
def l43():
    name = "l43_xiaohao_overdue_flag_column_ncfy.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "销号管理台账"
    ws.append(["南川市妇幼保健院问题整改销号管理台账"])
    ws.append(["统计截止：2025年12月1日"])
    ws.append(["序号", "问题来源", "问题描述", "整改措施", "责任科室", "科室负责人", "计划完成时间", "销号情况",
               "销号时间", "是否逾期", "剩余天数"])
    rows = [
        (1, "巡察", "手术分级授权管理不规范", "重新梳理手术分级目录，逐人授权", "医务部", "王磊",
         dt.date(2025, 9, 30), "已销号", dt.date(2025, 9, 25), "否"),
        (2, "审计", "高值耗材使用登记不全，无法追溯", "上线高值耗材条码追溯系统", "设备科", "罗军",
         dt.date(2025, 11, 30), "未销号", None, "是"),
        (3, "自查", "门急诊病历书写不规范", "开展门急诊病历专项质控", "医务部", "王磊",
         dt.date(2026, 3, 31), "未销号", None, "否"),
        (4, "巡察", "党员发展程序不规范", "对照细则逐一核查发展党员档案", "党办", "杨柳",
         dt.date(2025, 8, 31), "已销号", dt.date(2025, 8, 20), "否"),
        (5, "医保检查", "重复收取新生儿护理费", "退还重复收费，完善收费系统控制", "医保办", "何静",
         dt.date(2025, 12, 31), "未销号", None, "否"),
        (6, "巡察", "行风建设长效机制不健全", "建立行风建设月度讲评制度", "院办", "杨柳",
         "长期", "未销号", None, "否"),
    ]
    for no, src, prob, meas, dept, head, deadline, state, closed, late in rows:
        ws.append([no, src, prob, meas, dept, head, deadline, state, closed, late])
        r = ws.max_row
        for col in (7, 9):
            ws.cell(r, col).number_format = "yyyy/m/d"
        ws.cell(r, 11).value = f'=IF(H{r}="已销号","",G{r}-DATE(2025,12,1))' if isinstance(deadline, dt.date) else ""
    ws.merge_cells("A1:K1")
    ws.merge_cells("A2:K2")
    wrap(ws)
    wb.save(os.path.join(OUT, name))
    gold(name, [
        ("手术分级授权管理不规范", False, None),
        ("高值耗材使用登记不全", True, "2025-11-30"),
        ("门急诊病历书写不规范", True, "2026-03-31"),
        ("党员发展程序不规范", False, None),
        ("重复收取新生儿护理费", True, "2025-12-31"),
        ("行风建设长效机制不健全", True, None),
    ], "2025-12-01")


for fn in [l36, l37, l38, l39, l40, l41, l42, l43]:
    if not ONLY or fn.__name__ in ONLY:
        fn()

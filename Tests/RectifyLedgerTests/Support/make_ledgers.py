#!/usr/bin/env python3
"""Writes the ledger corpus: 整改台账 in the shapes offices keep them (Excel .xlsx by openpyxl,
CSV as Excel writes it in GBK and UTF-8, Word .docx by python-docx), each with its gold file
(the format of ../shared/gold: per problem a snippet, open or not, and the deadline of an open
problem; done problems carry none, as in the report gold).

Usage: make_ledgers.py OUT_DIR

The committed copies live in Tests/RectifyImportTests/Fixtures/ledgers/; run
scripts/regenerate-ledgers.sh after changing this file.
"""
import csv
import datetime as dt
import io
import os
import sys

from openpyxl import Workbook
from openpyxl.utils.datetime import CALENDAR_MAC_1904
import functools

import fixtures
from fixtures import wrap

D = dt.date
OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
gold = functools.partial(fixtures.gold, OUT)


# 1. A county health bureau's ledger: a note sheet first (and active), the ledger on the second
#    sheet; title and unit/date rows; categories merged over several problems, problems merged
#    over their measure rows, a leader merged over several problems; real date cells; a blank
#    row; 合计 and 填表人 rows at the bottom.
def l01():
    wb = Workbook()
    note = wb.active
    note.title = "填表说明"
    note["A1"] = "填表说明：1. 整改时限填写具体日期；2. 完成情况填写已完成、正在推进或长期坚持。"
    ws = wb.create_sheet("整改台账")
    ws.append(["白沙县卫生健康局关于县委巡察反馈问题整改工作台账"])
    ws.merge_cells("A1:I1")
    ws.append(["填报单位：白沙县卫生健康局", None, None, None, None, "填报日期：2025年9月30日"])
    ws.merge_cells("A2:E2")
    ws.merge_cells("F2:I2")
    ws.append(["序号", "问题类别", "反馈问题", "整改措施", "责任领导", "责任科室", "整改时限", "完成情况", "备注"])
    rows = [
        (1, "一、政治建设方面", "党组理论学习中心组学习不深入，研讨发言质量不高", "制定年度学习计划，每季度开展专题研讨", "王建国", "办公室", D(2025, 3, 31), "已完成"),
        (None, None, None, "建立研讨发言质量评议制度", None, "办公室", D(2025, 6, 30), "已完成"),
        (2, None, "意识形态工作责任制落实不到位", "修订意识形态工作责任清单", "王建国", "办公室", D(2025, 4, 30), "已完成"),
        (None, None, None, "每半年分析研判一次意识形态形势", None, "办公室", "长期坚持", "长期坚持"),
        (3, "二、全面从严治党方面", "公务用车使用管理不规范，存在公车私用风险", "安装公务用车北斗定位系统", "李红梅", "财务股", D(2025, 8, 31), "已完成"),
        (None, None, None, "建立用车登记审批和月度通报制度", None, "办公室", D(2025, 12, 31), "正在推进"),
        (4, None, "基层医疗机构药品采购程序不规范", "开展药品采购专项检查，建立采购负面清单", "李红梅", "医政股", D(2026, 3, 31), "正在推进"),
        (5, None, "违规发放津贴补贴问题整改不彻底", "清退违规发放的津贴补贴", "李红梅", "财务股", "立行立改", "已完成"),
        (6, "三、为民服务方面", "家庭医生签约服务质量不高，履约率偏低", "制定家庭医生履约考核办法", "张卫东", "基层卫生股", D(2025, 10, 31), "阶段性完成"),
        (None, None, None, "将履约率纳入乡镇卫生院绩效考核", None, "基层卫生股", D(2026, 6, 30), "正在推进"),
        (7, None, "村卫生室标准化建设进度滞后", "争取项目资金，完成12个村卫生室改造", "张卫东", "规划信息股", D(2026, 12, 31), "正在推进"),
    ]
    for k, r in enumerate(rows):
        n, cat, problem, measure, leader, dept, due, state = r
        ws.append([n, cat, problem, measure, leader, dept, due, state, None])
        if isinstance(due, dt.date):
            ws.cell(row=ws.max_row, column=7).number_format = "yyyy/m/d"
        if k == 7:
            ws.append([])  # a blank row (12) in the middle, as clerks leave them
    # merges: categories over problems, problems over measures, a leader over problems
    for rng in ["B4:B7", "B8:B11", "B13:B15", "A4:A5", "C4:C5", "A6:A7", "C6:C7", "A8:A9", "C8:C9",
                "E4:E7", "E8:E11", "A13:A14", "C13:C14", "E13:E15"]:
        ws.merge_cells(rng)
    ws.append(["合计", None, "共7个问题，已完成2个，其余正在推进"])
    ws.append(["填表人：刘敏", None, None, None, "审核人：王建国"])
    wrap(ws)
    wb.active = 0
    wb.save(os.path.join(OUT, "l01_bsx_merged.xlsx"))
    gold("l01_bsx_merged.xlsx", [
        ("党组理论学习中心组学习不深入", False, None),
        ("意识形态工作责任制落实不到位", True, None),
        ("公务用车使用管理不规范", True, "2025-12-31"),
        ("基层医疗机构药品采购程序不规范", True, "2026-03-31"),
        ("违规发放津贴补贴问题整改不彻底", False, None),
        ("家庭医生签约服务质量不高", True, "2026-06-30"),
        ("村卫生室标准化建设进度滞后", True, "2026-12-31"),
    ], "2025-09-30")


# 2. A CDC's ledger with a two-row header (责任分工 over 责任领导/责任科室/责任人, the other
#    headers merged down), deadlines typed as text without a year (the title names 2025),
#    several people in one cell, a cell with two paragraphs.
def l02():
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["临江市疾病预防控制中心2025年巡察整改台账"])
    ws.merge_cells("A1:I1")
    ws.append(["序号", "存在问题", "整改措施", "责任分工", None, None, "完成时限", "整改进展", "佐证材料"])
    ws.append([None, None, None, "责任领导", "责任科室", "责任人", None, None, None])
    for col in "ABCGHI":
        ws.merge_cells(f"{col}2:{col}3")
    ws.merge_cells("D2:F2")
    data = [
        ("1", "实验室生物安全管理制度执行不严", "修订实验室生物安全管理手册；\n每月开展一次生物安全自查", "陈立新", "检验科", "周涛、吴静", "6月30日前", "已完成整改", "自查记录"),
        ("2", "疫苗冷链设备老化，温度监测记录不全", "更新冷链监测设备，实行温度自动记录", "陈立新", "免疫规划科", "孙磊", "12月底前", "正在推进，已完成招标", ""),
        ("3", "传染病网络直报审核不及时", "落实24小时审核制度，纳入科室考核", "赵晓峰", "疾病控制科", "钱芳", "立行立改", "已完成", "考核通报"),
        ("4", "财务报销审核把关不严，附件不完整", "开展财务凭证专项清查，补齐报销附件", "赵晓峰", "财务科", "李娜", "9月30日前", "阶段性完成", ""),
        ("5", "党支部“三会一课”记录不规范", "规范会议记录模板，支部书记每月审核", "林书记", "党办", "黄敏", "长期坚持", "持续推进", ""),
        ("6", "健康教育宣传覆盖面不广", "开展健康教育进社区活动不少于20场", "陈立新", "健康教育科", "郑洁", "第四季度", "尚未完成", ""),
    ]
    for row in data:
        ws.append(list(row))
    wrap(ws)
    wb.save(os.path.join(OUT, "l02_ljs_twoheader.xlsx"))
    gold("l02_ljs_twoheader.xlsx", [
        ("实验室生物安全管理制度执行不严", False, None),
        ("疫苗冷链设备老化", True, "2025-12-31"),
        ("传染病网络直报审核不及时", False, None),
        ("财务报销审核把关不严", True, "2025-09-30"),
        ("党支部“三会一课”记录不规范", True, None),
        ("健康教育宣传覆盖面不广", True, "2025-12-31"),
    ])


# 3. A hospital's workbook in the 1904 date system (old Mac Excel): section rows across the
#    table, numbering restarting in each section, a 完成日期 column beside 整改期限, a 是否完成
#    column, an extension written into the deadline cell.
def l03():
    wb = Workbook()
    wb.epoch = CALENDAR_MAC_1904
    ws = wb.active
    ws.title = "整改清单"
    ws.append(["南岭县人民医院巡察反馈问题整改清单"])
    ws.merge_cells("A1:H1")
    ws.append(["截至2025年10月15日"])
    ws.append(["序号", "问题内容", "整改措施", "牵头领导", "责任部门", "整改期限", "是否完成", "完成日期"])
    r = 4
    def section(text):
        nonlocal r
        ws.append([text])
        ws.merge_cells(f"A{r}:H{r}")
        r += 1
    def row(*cells, date_cols=(6, 8)):
        nonlocal r
        ws.append(list(cells))
        for c in date_cols:
            v = ws.cell(row=r, column=c).value
            if isinstance(v, dt.date):
                ws.cell(row=r, column=c).number_format = "yyyy-mm-dd"
        r += 1
    section("一、医疗质量安全方面")
    row(1, "手术分级管理制度落实不到位", "重新核定医师手术权限并公示", "副院长 马骏", "医务科", D(2025, 5, 31), "是", D(2025, 5, 20))
    row(2, "病历书写不规范，甲级病历率偏低", "开展病历质控月活动，每月通报", "副院长 马骏", "质控科", D(2025, 12, 31), "否", None)
    row(3, "院感防控培训覆盖不全", "全员院感培训并考核", "副院长 马骏", "院感科", "2025年6月30日（已申请延期至2025年11月30日）", "否", None)
    section("二、行风建设方面")
    row(1, "医用耗材二次议价工作不规范", "建立耗材议价小组和议价台账", "院长 刘振华", "采购中心", D(2025, 7, 31), "是", D(2025, 7, 25))
    row(2, "收受红包回扣问题警示教育不够", "每季度开展警示教育，签订廉洁承诺书", "院长 刘振华", "纪检监察室", "长期坚持", "否", None)
    row(3, "患者投诉处理不及时", "设立投诉接待中心，落实首诉负责制", "院长 刘振华", "医患关系办", D(2025, 9, 30), "是", D(2025, 9, 10))
    ws.append([])
    ws.append(["说明：是否完成栏填“是”或“否”。"])
    wrap(ws)
    wb.save(os.path.join(OUT, "l03_nlx_1904.xlsx"))
    gold("l03_nlx_1904.xlsx", [
        ("手术分级管理制度落实不到位", False, None),
        ("病历书写不规范", True, "2025-12-31"),
        ("院感防控培训覆盖不全", True, "2025-06-30"),
        ("医用耗材二次议价工作不规范", False, None),
        ("收受红包回扣问题警示教育不够", True, None),
        ("患者投诉处理不及时", False, None),
    ], "2025-10-15")


def excel_csv(rows, encoding, name, bom=False):
    """Writes rows as Excel's 'CSV' does: CRLF, quotes only where needed, doubled quotes,
    every row padded to the table's width with empty cells."""
    width = max(len(r) for r in rows)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    for r in rows:
        w.writerow([("" if c is None else c) for c in r] + [""] * (width - len(r)))
    data = buf.getvalue().encode(encoding)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write((b"\xef\xbb\xbf" if bom else b"") + data)


# 4. A medical-insurance bureau's ledger saved by Excel as "CSV (逗号分隔)" on a Chinese
#    Windows: GBK, CRLF, quoted cells with line breaks and doubled quotes, measure rows under a
#    problem left blank (CSV has no merged cells), dates as Excel prints them (2025/6/30).
def l04():
    rows = [
        ["枫林县医疗保障局巡察反馈意见整改落实情况台账"],
        ["填报单位：枫林县医疗保障局", None, None, None, "时间：2025年8月"],
        ["序号", "反馈问题", "整改措施", "责任领导", "责任股室", "整改时限", "完成情况"],
        ["1", "定点医药机构监督检查不到位，\n欺诈骗保问题查处偏软", "开展定点医药机构全覆盖检查", "周国平", "基金监管股", "2025/6/30", "已完成"],
        [None, None, "对查实的违规机构暂停医保结算并通报", None, "基金监管股", "2025/12/31", "正在推进"],
        ["2", "“一站式”结算窗口服务效率低", "增设“一站式”结算窗口，推行\"一次办好\"", "吴海燕", "经办中心", "2025/3/31", "已完成"],
        ["3", "医保基金预算执行分析不够", "建立季度基金运行分析制度", "吴海燕", "规划财务股", "长期坚持", "长期坚持"],
        ["4", "门诊慢特病认定流程繁琐", "简化认定材料，实行线上申报", "周国平", "待遇保障股", "2025/11/30", "尚未完成，系统改造中"],
        [None, None, "将认定时限压缩至5个工作日", None, "待遇保障股", "2025/9/30", "已完成"],
        ["5", "干部作风建设有差距，服务意识不强", "开展作风建设专项整治", "周国平", "办公室", "2025/10/31", "已整改到位"],
        [],
        ["填表人：陈晨", None, None, "联系电话：0797-8123456"],
    ]
    excel_csv(rows, "gbk", "l04_flx_excel_gbk.csv")
    gold("l04_flx_excel_gbk.csv", [
        ("定点医药机构监督检查不到位", True, "2025-12-31"),
        ("“一站式”结算窗口服务效率低", False, None),
        ("医保基金预算执行分析不够", True, None),
        ("门诊慢特病认定流程繁琐", True, "2025-11-30"),
        ("干部作风建设有差距", False, None),
    ], "2025-08-31")


# 5. A township health centre's ledger as UTF-8 CSV with a BOM (WPS "CSV UTF-8"): the problem
#    repeated on each of its measure rows instead of merged, a category column, dates typed
#    2025-09-30 / 2025.12 / 年底前, a 完成日期 column, padded empty columns.
def l05():
    rows = [
        ["石门镇卫生院2025年巡察整改任务清单", None, None, None, None, None, None, None, None, None],
        ["序号", "问题类别", "问题", "整改任务", "分管领导", "责任部门", "责任人", "整改时限", "整改状态", "完成日期", None, None],
        ["1", "党建方面", "支部组织生活不规范", "规范主题党日活动记录", "谭院长", "党支部", "刘青", "2025-06-30", "已完成", "2025-06-20"],
        ["2", "党建方面", "党员发展程序不严谨", "对近三年发展党员材料逐一复核", "谭院长", "党支部", "刘青", "2025.12", "正在整改", ""],
        ["2", "党建方面", "党员发展程序不严谨", "建立发展党员全程纪实制度", "谭院长", "党支部", "刘青", "2025-09-30", "已完成", "2025-09-28"],
        ["3", "业务方面", "基本公共卫生服务随访不实", "开展随访真实性电话抽查", "副院长 龙飞", "公卫科", "杨梅", "年底前", "推进中", ""],
        ["4", "业务方面", "药品库存管理混乱，账实不符", "全面盘点药品库存，建立出入库电子台账", "副院长 龙飞", "药剂科", "邓华", "2025-08-31", "已办结", "2025-08-30"],
        ["5", "财务方面", "食堂收支未单独核算", "食堂实行独立核算，每月公示收支", "谭院长", "财务室", "罗敏", "立行立改", "已完成", "2025-05-10"],
        ["6", "财务方面", "固定资产登记不及时", "开展固定资产清查，补登资产卡片", "谭院长", "财务室", "罗敏", "2026-03-31", "未开始", ""],
    ]
    excel_csv(rows, "utf-8", "l05_smz_utf8bom.csv", bom=True)
    gold("l05_smz_utf8bom.csv", [
        ("支部组织生活不规范", False, None),
        ("党员发展程序不严谨", True, "2025-12-31"),
        ("基本公共卫生服务随访不实", True, "2025-12-31"),
        ("药品库存管理混乱", False, None),
        ("食堂收支未单独核算", False, None),
        ("固定资产登记不及时", True, "2026-03-31"),
    ])


def docx_table(doc, rows, merges=(), widths=None):
    table = doc.add_table(rows=len(rows), cols=max(len(r) for r in rows))
    table.style = "Table Grid"
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v is None:
                continue
            cell = table.cell(i, j)
            parts = str(v).split("\n")
            cell.text = parts[0]
            for p in parts[1:]:
                cell.add_paragraph(p)
    for (r1, c1, r2, c2) in merges:
        a, b = table.cell(r1, c1), table.cell(r2, c2)
        a.merge(b)
    return table


# 6. A CDC's Word 整改方案: opening paragraphs, a leading-group table first (组长/副组长/成员),
#    then the task table with problems merged over their measures (vertical merges), a section
#    row merged across, cells with two paragraphs; a plan has no status column: all open.
def l06():
    from docx import Document
    doc = Document()
    doc.add_paragraph("青山区疾病预防控制中心关于落实区委巡察反馈意见的整改方案")
    doc.add_paragraph("（2025年3月10日）")
    doc.add_paragraph("根据区委第二巡察组反馈意见，为切实抓好整改落实，制定本方案。")
    doc.add_paragraph("一、成立整改工作领导小组")
    docx_table(doc, [["职务", "姓名", "工作单位及职务"], ["组长", "何建军", "党支部书记、主任"], ["副组长", "苏丽", "副主任"], ["成员", "王磊、陈静", "各科室负责人"]])
    doc.add_paragraph("二、整改任务清单")
    rows = [
        ["序号", "反馈问题", "整改措施", "责任领导", "责任科室", "完成时限"],
        ["（一）落实全面从严治党主体责任方面", None, None, None, None, None],
        ["1", "主体责任落实有差距，\n“一岗双责”压得不实", "制定党风廉政建设责任清单", "何建军", "办公室", "2025年4月30日"],
        [None, None, "每季度听取班子成员履职汇报", None, "办公室", "2025年12月31日"],
        ["2", "廉政风险排查防控不到位", "全面排查岗位廉政风险点", "苏丽", "办公室", "2025年6月底前"],
        ["（二）业务工作方面", None, None, None, None, None],
        ["3", "慢性病监测数据质量不高", "开展监测数据质量专项核查", "苏丽", "慢病科", "2025年9月30日"],
        [None, None, "建立数据质量月报制度", None, "慢病科", "2026年3月31日"],
        ["4", "应急物资储备不足", "按标准补充应急物资储备", "何建军", "应急办", "2025年第三季度"],
    ]
    docx_table(doc, rows, merges=[(1, 0, 1, 5), (5, 0, 5, 5), (2, 0, 3, 0), (2, 1, 3, 1), (2, 3, 3, 3),
                                  (6, 0, 7, 0), (6, 1, 7, 1), (6, 3, 7, 3)])
    doc.add_paragraph("三、工作要求")
    doc.add_paragraph("各责任科室要按照时限要求抓好落实，整改完成后报送佐证材料。")
    doc.save(os.path.join(OUT, "l06_qsq_plan.docx"))
    gold("l06_qsq_plan.docx", [
        ("主体责任落实有差距", True, "2025-12-31"),
        ("廉政风险排查防控不到位", True, "2025-06-30"),
        ("慢性病监测数据质量不高", True, "2026-03-31"),
        ("应急物资储备不足", True, "2025-09-30"),
    ], "2025-03-10")


# 7. A maternal-and-child hospital's Word progress report: paragraphs, then a table with a
#    category column merged over problems, 整改进展 with long text, 责任人 with posts.
def l07():
    from docx import Document
    doc = Document()
    doc.add_paragraph("云溪县妇幼保健院关于巡察反馈问题整改进展情况的报告")
    doc.add_paragraph("县委巡察办：")
    doc.add_paragraph("2025年1月，县委第一巡察组向我院反馈了巡察意见。现将整改进展情况报告如下。")
    rows = [
        ["序号", "方面", "存在问题", "整改措施", "责任人", "整改期限", "整改进展情况"],
        ["1", "党的建设", "意识形态阵地管理不严", "建立院内宣传阵地审批制度", "党支部书记 李芳", "2025年3月31日", "已完成。已印发审批制度并执行。"],
        ["2", "党的建设", "党员教育管理松散", "落实党员积分管理", "党支部书记 李芳", "2025年12月31日", "正在推进，已建立积分台账，年底前完成首轮评议。"],
        ["3", "业务管理", "孕产妇高危筛查登记不规范", "修订高危孕产妇管理流程，每月抽查", "副院长 周敏", "2025年6月30日", "已整改到位。"],
        ["4", "业务管理", "新生儿疾病筛查召回率低", "建立筛查阳性病例追踪召回机制", "副院长 周敏", "2025年10月31日", "取得阶段性成效，召回率提高至92%。"],
        ["5", "业务管理", "出生医学证明管理存在漏洞", "实行专人专柜管理", "副院长 周敏", "立行立改", "已完成"],
    ]
    docx_table(doc, rows, merges=[(1, 1, 2, 1), (3, 1, 5, 1)])
    doc.add_paragraph("云溪县妇幼保健院")
    doc.add_paragraph("2025年8月15日")
    doc.save(os.path.join(OUT, "l07_yxx_report.docx"))
    gold("l07_yxx_report.docx", [
        ("意识形态阵地管理不严", False, None),
        ("党员教育管理松散", True, "2025-12-31"),
        ("孕产妇高危筛查登记不规范", False, None),
        ("新生儿疾病筛查召回率低", True, "2025-10-31"),
        ("出生医学证明管理存在漏洞", False, None),
    ], "2025-08-15")


# 8. A WPS workbook with a summary sheet first (counts by category: not the ledger) and the
#    ledger on the third sheet below several title lines; columns in another order with other
#    words (具体问题, 工作措施, 包保领导, 牵头单位, 时限要求, 落实情况), 序号 stored as text, a
#    date cell in a Chinese date format (yyyy"年"m"月"), a 说明 row under the table.
def l08():
    wb = Workbook()
    s = wb.active
    s.title = "汇总"
    s.append(["类别", "问题数", "已完成", "未完成"])
    s.append(["党建", 2, 1, 1])
    s.append(["业务", 3, 1, 2])
    wb.create_sheet("附件1")["A1"] = "佐证材料目录（另附）"
    ws = wb.create_sheet("整改台账")
    ws.append(["附件2"])
    ws.append(["溪口镇卫生健康办公室"])
    ws.append(["落实镇党委巡察反馈问题整改台账"])
    ws.append(["（2025年11月）"])
    ws.append(["时限要求", "具体问题", "工作措施", "包保领导", "牵头单位", "落实情况", "序号"])
    data = [
        (D(2025, 12, 31), "村医培训流于形式", "制定年度培训计划，实行培训考核", "何镇长", "卫健办", "正在落实", "1"),
        ("2025年10月31日", "家庭医生签约数据不实", "逐户核实签约数据", "何镇长", "卫健办", "已完成整改", "2"),
        ("2026年6月", "村卫生室药品零差率执行不到位", "开展药品价格专项检查", "张委员", "卫健办", "部分完成", "3"),
        ("2025年9月30日", "卫生应急演练次数不足", "每半年组织一次应急演练", "张委员", "应急办", "已完成", "4"),
        ("长期", "党员干部廉洁意识不强", "开展廉政教育", "党委书记 彭涛", "党政办", "持续推进", "5"),
    ]
    for k, row in enumerate(data):
        ws.append(list(row))
        if isinstance(row[0], dt.date):
            ws.cell(row=6 + k, column=1).number_format = 'yyyy"年"m"月"'
    ws.append(["说明：落实情况按月更新。"])
    wrap(ws)
    wb.active = 0
    wb.save(os.path.join(OUT, "l08_xkz_sheets.xlsx"))
    gold("l08_xkz_sheets.xlsx", [
        ("村医培训流于形式", True, "2025-12-31"),
        ("家庭医生签约数据不实", False, None),
        ("村卫生室药品零差率执行不到位", True, "2026-06-30"),
        ("卫生应急演练次数不足", False, None),
        ("党员干部廉洁意识不强", True, None),
    ], "2025-11-30")


# 9. A workbook with one sheet per category (党建, 业务, 财务), the same header on each,
#    numbering restarting on every sheet, leaders with posts in brackets.
def l09():
    wb = Workbook()
    first = True
    sheets = {
        "党建": [("1", "“三重一大”决策制度执行不严格", "修订“三重一大”决策实施细则", "刘书记（党委书记）", "党政办", D(2025, 6, 30), "已完成"),
                ("2", "党风廉政建设责任清单不具体", "逐级签订责任书，细化责任清单", "刘书记（党委书记）", "纪检室", D(2025, 12, 31), "正在推进")],
        "业务": [("1", "处方点评工作开展不规范", "每月开展处方点评并通报", "陈副院长（副院长）", "药剂科", D(2025, 9, 30), "完成"),
                ("2", "医疗质量控制指标未达标", "建立质控指标月度监测", "陈副院长（副院长）", "质控科", D(2026, 6, 30), "整改中"),
                ("3", "危急值报告记录不完整", "规范危急值登记本", "陈副院长（副院长）", "医务科", D(2025, 8, 31), "未完成")],
        "财务": [("1", "预算执行进度偏慢", "按月分析预算执行情况", "王院长（院长）", "财务科", D(2025, 11, 30), "已完成"),
                ("2", "往来款长期挂账未清理", "开展往来款清理专项行动", "王院长（院长）", "财务科", D(2026, 3, 31), "进行中")],
    }
    for name, rows in sheets.items():
        ws = wb.active if first else wb.create_sheet(name)
        ws.title = name
        first = False
        ws.append([f"龙门县中医院巡察整改台账（{name}）"])
        ws.append(["序号", "存在问题", "整改措施", "责任领导", "责任股室", "整改时限", "整改状态"])
        for r in rows:
            ws.append(list(r))
            ws.cell(row=ws.max_row, column=6).number_format = "yyyy年m月d日"
        wrap(ws)
    wb.save(os.path.join(OUT, "l09_lmx_sheets_per_category.xlsx"))
    gold("l09_lmx_sheets_per_category.xlsx", [
        ("“三重一大”决策制度执行不严格", False, None),
        ("党风廉政建设责任清单不具体", True, "2025-12-31"),
        ("处方点评工作开展不规范", False, None),
        ("医疗质量控制指标未达标", True, "2026-06-30"),
        ("危急值报告记录不完整", True, "2025-08-31"),
        ("预算执行进度偏慢", False, None),
        ("往来款长期挂账未清理", True, "2026-03-31"),
    ])


# 10. A Word progress report whose table breaks across two tables (the second without a
#     header), with sections written as 序号 "一" and the heading in the problem column, and
#     deadlines without a year (the report's date names 2025).
def l10():
    from docx import Document
    doc = Document()
    doc.add_paragraph("东湖街道社区卫生服务中心巡察反馈问题整改落实情况")
    doc.add_paragraph("（2025年4月8日）")
    doc.add_paragraph("现将整改落实情况报告如下：")
    head = ["序号", "问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改落实情况"]
    part1 = [head,
             ["一", "落实全面从严治党责任方面", None, None, None, None, None],
             ["1", "廉政谈话覆盖不全", "对中层干部开展全覆盖廉政谈话", "周主任", "办公室", "5月底前", "已完成"],
             ["2", "公务接待管理不规范", "修订公务接待管理办法", "周主任", "办公室", "6月30日前", "正在修订"],
             ["二", "业务工作方面", None, None, None, None, None],
             ["1", "慢病随访数据不实", "开展随访数据核查", "吴副主任", "公卫科", "9月底前", "核查中"]]
    docx_table(doc, part1)
    doc.add_paragraph("")
    part2 = [["2", "疫苗接种门诊冷链记录缺失", "安装冷链温度自动监测", "吴副主任", "预防接种科", "立行立改", "已整改到位"],
             ["3", "家庭医生团队服务不到位", "优化团队分组，落实签约服务考核", "吴副主任", "全科诊室", "年底前", "阶段性完成"]]
    docx_table(doc, part2)
    doc.save(os.path.join(OUT, "l10_dhjd_split_table.docx"))
    gold("l10_dhjd_split_table.docx", [
        ("廉政谈话覆盖不全", False, None),
        ("公务接待管理不规范", True, "2025-06-30"),
        ("慢病随访数据不实", True, "2025-09-30"),
        ("疫苗接种门诊冷链记录缺失", False, None),
        ("家庭医生团队服务不到位", True, "2025-12-31"),
    ], "2025-04-08")


# 11. A county CDC's detailed ledger: 问题描述 with 整改目标, 配合单位 beside 责任单位, a
#     narrative 整改进展 column and a short 是否完成 column after it (the narrative does not
#     always say the status; 是否完成 does), 完成时限 as date cells with times, a 备注 noting
#     an extension.
def l11():
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["桃源县疾控中心巡察反馈问题整改落实台账"])
    ws.merge_cells("A1:L1")
    ws.append(["填报单位（盖章）：桃源县疾病预防控制中心", None, None, None, None, None, None, None, "填报日期：2025年12月5日"])
    ws.append(["序号", "问题类别", "问题描述", "整改目标", "整改措施", "责任单位", "配合单位", "责任人", "完成时限", "整改进展", "是否完成", "备注"])
    rows = [
        (1, "政治监督", "学习贯彻上级决策部署不及时", "建立第一议题制度", "修订党支部学习制度", "党办", "各科室", "张敏", dt.datetime(2025, 4, 30, 17, 30), "已印发制度文件并执行", "是", None),
        (2, "政治监督", "重大事项请示报告不规范", "规范请示报告程序", "制定重大事项报告清单", "党办", None, "张敏", dt.datetime(2025, 6, 30), "清单已印发，已完成培训", "是", None),
        (3, "业务监督", "结核病患者追踪到位率低", "到位率达到95%", "建立乡镇防治网络联络员制度", "结防科", "基层卫生院", "刘洋", dt.datetime(2025, 12, 31), "到位率提升至88%", "否", None),
        (4, "业务监督", "实验室质量管理体系运行不规范", "通过省级复审", "开展内审和管理评审", "检验科", None, "吴凡", dt.datetime(2025, 9, 30), "内审已完成，管理评审待开展", "否", "已申请延期至2026年3月31日"),
        (5, "作风监督", "值班值守纪律松懈", "杜绝脱岗", "实行值班抽查通报", "办公室", None, "周立", dt.datetime(2025, 5, 31), "每月抽查并通报", "是", None),
        (6, "作风监督", "下基层指导流于形式", "指导问题整改闭环", "建立下基层指导问题清单", "业务科室", "办公室", "周立", dt.datetime(2026, 6, 30), "已建立清单，持续跟踪", "否", None),
    ]
    for r in rows:
        ws.append(list(r))
        ws.cell(row=ws.max_row, column=9).number_format = "yyyy-mm-dd hh:mm"
    ws.merge_cells("B4:B5")
    ws.merge_cells("B6:B7")
    ws.merge_cells("B8:B9")
    ws.append([])
    ws.append(["填表人：李静", None, None, None, None, None, None, None, "审核人：王强"])
    wrap(ws)
    wb.save(os.path.join(OUT, "l11_tyx_two_status_columns.xlsx"))
    gold("l11_tyx_two_status_columns.xlsx", [
        ("学习贯彻上级决策部署不及时", False, None),
        ("重大事项请示报告不规范", False, None),
        ("结核病患者追踪到位率低", True, "2025-12-31"),
        ("实验室质量管理体系运行不规范", True, "2025-09-30"),
        ("值班值守纪律松懈", False, None),
        ("下基层指导流于形式", True, "2026-06-30"),
    ], "2025-12-05")


# 12. A town health office's checklist: 完成情况 as two tick columns (已完成 | 未完成) under a
#     merged heading, numbering restarting within each merged category, deadlines typed as
#     6/30 and 12.31前 (the title names 2025), a 小计 row after each category.
def l12():
    wb = Workbook()
    ws = wb.active
    ws.title = "清单"
    ws.append(["2025年度清水镇卫生院巡察问题整改清单"])
    ws.merge_cells("A1:I1")
    ws.append([])
    ws.append(["问题类别", "序号", "存在问题", "整改措施", "责任人", "完成时限", "完成情况", None, "备注"])
    ws.append([None, None, None, None, None, None, "已完成", "未完成", None])
    for col in "ABCDEFI":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("G3:H3")
    rows = [
        ("制度建设", 1, "财务审批制度不健全", "修订财务审批制度", "院长 谢军", "6/30", "√", None),
        (None, 2, "物资采购未集体研究", "建立采购集体决策机制", "院长 谢军", "9/30", None, "√"),
        ("小计", None, "2个", None, None, None, None, None),
        ("服务质量", 1, "门诊服务流程繁琐", "优化挂号缴费流程", "副院长 胡兰", "12.31前", None, "√"),
        (None, 2, "住院患者满意度偏低", "开展满意度回访", "副院长 胡兰", "8/31", "√", None),
        ("小计", None, "2个", None, None, None, None, None),
    ]
    for r in rows:
        ws.append(list(r) + [None])
    ws.merge_cells("A5:A6")
    ws.merge_cells("A8:A9")
    wrap(ws)
    wb.save(os.path.join(OUT, "l12_qsz_tick_columns.xlsx"))
    gold("l12_qsz_tick_columns.xlsx", [
        ("财务审批制度不健全", False, None),
        ("物资采购未集体研究", True, "2025-09-30"),
        ("门诊服务流程繁琐", True, "2025-12-31"),
        ("住院患者满意度偏低", False, None),
    ])


# 13. A hospital's Word 整改方案 typed with Word's automatic multi-level numbering: "一、",
#     "（一）" and "1." are made by numbering.xml (Chinese counting, then decimal) and are not in
#     the paragraphs' text; no table. The second list restarts its numbers (startOverride).
NUMBERING = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
 <w:abstractNum w:abstractNumId="7">
  <w:multiLevelType w:val="multilevel"/>
  <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/></w:lvl>
  <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/></w:lvl>
  <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/></w:lvl>
 </w:abstractNum>
 <w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num>
</w:numbering>
"""


def numbered(doc, text, level):
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    p = doc.add_paragraph(text)
    pPr = p._p.get_or_add_pPr()
    numPr = OxmlElement("w:numPr")
    ilvl = OxmlElement("w:ilvl"); ilvl.set(qn("w:val"), str(level))
    numId = OxmlElement("w:numId"); numId.set(qn("w:val"), "3")
    numPr.append(ilvl); numPr.append(numId)
    pPr.append(numPr)
    return p


def l13():
    import zipfile
    from docx import Document
    doc = Document()
    doc.add_paragraph("县人民医院关于县委巡察反馈问题的整改方案")
    doc.add_paragraph("为认真落实县委第二巡察组反馈意见，制定本方案。")
    numbered(doc, "整改任务", 0)
    numbered(doc, "党的建设方面", 1)
    numbered(doc, "“三重一大”决策程序不规范。", 2)
    doc.add_paragraph("整改措施：修订议事规则。责任科室：党政办。整改时限：2025年12月31日。完成情况：已完成。")
    numbered(doc, "党风廉政教育不经常。", 2)
    doc.add_paragraph("整改措施：每季度开展警示教育。责任科室：纪检室。整改时限：长期坚持。完成情况：持续推进。")
    numbered(doc, "医疗服务方面", 1)
    numbered(doc, "门诊预约率低。", 2)
    doc.add_paragraph("整改措施：推行分时段预约。责任科室：门诊部。整改时限：2026年6月30日。完成情况：正在推进。")
    numbered(doc, "病历书写不规范。", 2)
    doc.add_paragraph("整改措施：开展病历质控。责任科室：医务科。整改时限：2026年3月31日。完成情况：正在推进。")
    numbered(doc, "保障措施", 0)
    doc.add_paragraph("加强组织领导，压实整改责任。")
    doc.add_paragraph("县人民医院")
    doc.add_paragraph("2025年11月5日")
    path = os.path.join(OUT, "l13_rmyy_autonumber.docx")
    doc.save(path)
    # python-docx's template numbering replaced by the plan's own lists.
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    parts["word/numbering.xml"] = NUMBERING.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts.items():
            z.writestr(name, data)
    gold("l13_rmyy_autonumber.docx", [
        ("“三重一大”决策程序不规范", False, None),
        ("党风廉政教育不经常", True, None),
        ("门诊预约率低", True, "2026-06-30"),
        ("病历书写不规范", True, "2026-03-31"),
    ], "2025-11-05")


# 14. A ledger pasted together from two departments' sheets: the header repeated between them,
#     and a summary table by category below the ledger (类别 | 问题数 | 已完成 | 完成率), which is
#     not items.
def l14():
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["某县卫生健康局巡察反馈问题整改台账（2025年11月）"])
    header = ["序号", "反馈问题", "整改措施", "责任单位", "整改时限", "完成情况"]
    ws.append(header)
    ws.append([1, "财务审批不严格", "完善审批制度", "财务股", D(2025, 12, 31), "已完成"])
    ws.append([2, "公务车辆管理混乱", "建立用车台账", "办公室", D(2026, 3, 31), "正在推进"])
    ws.append(header)
    ws.append([3, "档案管理不规范", "开展专项清理", "办公室", D(2026, 6, 30), "正在推进"])
    ws.append([4, "基层医疗机构督导不到位", "每季度督导一次", "基层卫生股", "长期坚持", "持续推进"])
    ws.append([])
    ws.append(["整改情况统计"])
    ws.append(["类别", "问题数", "已完成", "完成率"])
    ws.append(["党的建设", 1, 1, "100%"])
    ws.append(["业务工作", 3, 0, "0%"])
    for row in ws.iter_rows(min_row=3, max_row=7):
        if isinstance(row[4].value, dt.date):
            row[4].number_format = "yyyy\"年\"m\"月\"d\"日\""
    wrap(ws)
    wb.save(os.path.join(OUT, "l14_xqx_pasted_summary.xlsx"))
    gold("l14_xqx_pasted_summary.xlsx", [
        ("财务审批不严格", False, None),
        ("公务车辆管理混乱", True, "2026-03-31"),
        ("档案管理不规范", True, "2026-06-30"),
        ("基层医疗机构督导不到位", True, None),
    ])


# 15. A hospital's ledger with a two-row header: 整改责任 merged over 责任领导 / 责任部门 /
#     责任人及联系电话 (a name and a phone), 完成情况 merged over 是否完成 (√ or ×) and 进展情况;
#     section rows across the table; a problem merged over its measure rows; 整改时限 as date
#     cells and as text (长期坚持, 2026年一季度, 2026.6) in one column.
def l15():
    wb = Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["南城县人民医院巡察反馈问题整改台账"])
    ws.merge_cells("A1:J1")
    ws.append(["填报科室：党政办", None, None, None, None, None, None, "填报时间：2025年12月10日"])
    ws.append(["序号", "巡察反馈问题", "整改措施", "整改责任", None, None, "整改时限", "完成情况", None, "备注"])
    ws.append([None, None, None, "责任领导", "责任部门", "责任人及联系电话", None, "是否完成", "进展情况", None])
    for col in "ABCGJ":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("D3:F3")
    ws.merge_cells("H3:I3")
    rows = [
        ("一、党的建设方面",),
        (1, "党支部组织生活不规范，“三会一课”记录不全", "修订组织生活制度", "陈平", "党政办", "刘洋 13907981234", D(2025, 9, 30), "√", "制度已印发"),
        (None, None, "建立组织生活纪实台账", None, "党政办", None, D(2025, 12, 31), "√", "台账已建立"),
        (2, "意识形态阵地管理不严", "建立宣传内容三审制度", "陈平", "宣传科", "赵敏 0798-8123456", "长期坚持", "×", "持续推进"),
        ("二、业务管理方面",),
        (3, "院感防控制度落实不到位", "开展院感专项督查，每月通报", "林强", "院感科", "王芳 13807981111", "2026年一季度", "×", "已开展督查2次"),
        (4, "医疗设备采购论证不充分", "建立大型设备采购可行性论证制度", "林强", "设备科", "张军 13607982222", "2026.6", "×", "制度已起草"),
        (None, None, "对已购大型设备开展使用效益评估", None, "设备科", None, D(2026, 3, 31), "×", None),
        (5, "药品库存管理不规范，近效期药品未预警", "实行药品效期预警管理", "林强", "药剂科", "李娜 15907983333", D(2025, 10, 31), "√", None),
    ]
    for r in rows:
        ws.append(list(r))
        if len(r) == 1:
            ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=10)
        elif isinstance(r[6], dt.date):
            ws.cell(row=ws.max_row, column=7).number_format = "yyyy\"年\"m\"月\"d\"日\""
    for rng in ["A6:A7", "B6:B7", "D6:D7", "F6:F7", "A11:A12", "B11:B12", "D11:D12", "F11:F12"]:
        ws.merge_cells(rng)
    wrap(ws)
    wb.save(os.path.join(OUT, "l15_ncrmyy_tick_phone.xlsx"))
    gold("l15_ncrmyy_tick_phone.xlsx", [
        ("党支部组织生活不规范", False, None),
        ("意识形态阵地管理不严", True, None),
        ("院感防控制度落实不到位", True, "2026-03-31"),
        ("医疗设备采购论证不充分", True, "2026-06-30"),
        ("药品库存管理不规范", False, None),
    ], "2025-12-10")


# 16. A CDC's task ledger saved as UTF-8 CSV without a BOM: 是否完成 as √ / ×, 责任人 with a
#     phone in brackets, 完成时限 typed (2025年10月底前, 2026年上半年, 2026年一季度末), a second
#     measure row repeating the problem, an extension noted in 备注.
def l16():
    rows = [
        ["青山县疾病预防控制中心巡察整改任务台账"],
        ["截至2025年11月15日"],
        ["序号", "问题类别", "存在问题", "整改措施", "责任领导", "责任科室", "责任人", "完成时限", "是否完成", "备注"],
        ["1", "政治建设", "党支部书记抓党建责任落实不到位", "制定党建责任清单", "支部书记 何军", "办公室", "周丽（13870011234）", "2025年10月底前", "√", None],
        ["2", "政治建设", "“第一议题”学习制度执行不严格", "严格落实第一议题制度", "支部书记 何军", "办公室", "周丽（13870011234）", "立行立改", "√", None],
        ["3", "业务工作", "慢性病患者随访管理不规范", "建立慢病随访质控制度", "副主任 唐海", "慢病科", "吴刚（13970022345）", "2026年上半年", "×", "随访率已提升至85%"],
        ["4", "业务工作", "疫苗冷链设备老化", "申请资金更新冷链设备", "副主任 唐海", "免疫规划科", "邓芳（15070033456）", "2026年一季度末", "×", "已完成招标"],
        ["4", "业务工作", "疫苗冷链设备老化", "建立冷链温度实时监测系统", "副主任 唐海", "免疫规划科", "邓芳（15070033456）", "2025年11月30日", "√", None],
        ["5", "内部管理", "固定资产管理不规范", "开展资产清查", "主任 彭涛", "财务科", "许静（18970044567）", "2025年9月30日", "√", None],
        ["6", "内部管理", "合同管理不规范，部分合同未经法律审核", "建立合同法律审核制度", "主任 彭涛", "办公室", "周丽（13870011234）", "2025年12月底前", "×", "已申请延期至2026年3月31日"],
    ]
    excel_csv(rows, "utf-8", "l16_qscdc_tick_csv.csv")
    gold("l16_qscdc_tick_csv.csv", [
        ("党支部书记抓党建责任落实不到位", False, None),
        ("“第一议题”学习制度执行不严格", False, None),
        ("慢性病患者随访管理不规范", True, "2026-06-30"),
        ("疫苗冷链设备老化", True, "2026-03-31"),
        ("固定资产管理不规范", False, None),
        ("合同管理不规范", True, "2025-12-31"),
    ], "2025-11-15")


# 17. An audit rectification ledger (审计整改台账): 审计发现的问题, 整改情况 merged over 整改措施 /
#     整改完成情况 / 整改完成时间; the time is a date cell (done on, or planned) or text (预计…);
#     statuses 已整改, 部分整改, 未整改（正在推进）, 已整改，持续规范; an extension in 备注.
def l17():
    wb = Workbook()
    ws = wb.active
    ws.title = "审计整改"
    ws.append(["市第二人民医院2024年度预算执行审计整改台账"])
    ws.merge_cells("A1:H1")
    ws.append(["报送时间：2025年11月"])
    ws.append(["序号", "审计发现的问题", "审计建议", "整改情况", None, None, "整改责任人", "备注"])
    ws.append([None, None, None, "整改措施", "整改完成情况", "整改完成时间", None, None])
    for col in "ABCGH":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("D3:F3")
    rows = [
        (1, "未严格执行“收支两条线”规定，部分收入未及时上缴财政", "严格执行收支两条线", "已将应缴收入全额上缴", "已整改", D(2025, 8, 15), "财务科 王丽", None),
        (2, "预算绩效目标设置不科学，部分指标不可量化", "完善绩效目标管理", "修订预算绩效目标编制规范", "部分整改", "预计2026年6月底", "财务科 王丽", None),
        (3, "公务卡强制结算目录执行不到位", "严格执行公务卡结算", "印发公务卡使用管理规定", "已整改", D(2025, 9, 30), "财务科 王丽", None),
        (4, "专项资金结余长期未清理", "及时清理结余资金", "已梳理结余资金明细", "未整改（正在推进）", D(2026, 3, 31), "财务科 王丽", "已报财政局审批"),
        (5, "政府采购意向未按规定公开", "规范采购信息公开", "建立采购意向公开复核机制", "已整改，持续规范", D(2025, 7, 31), "采购中心 邹明", None),
        (6, "在建工程未及时转入固定资产", "及时办理转固", "已完成2个项目转固", "部分整改", "2025年12月31日", "基建科 黄涛", "已申请延期至2026年4月30日"),
    ]
    for r in rows:
        ws.append(list(r))
        if isinstance(r[5], dt.date):
            ws.cell(row=ws.max_row, column=6).number_format = "yyyy/m/d"
    wrap(ws)
    wb.save(os.path.join(OUT, "l17_sdey_audit.xlsx"))
    gold("l17_sdey_audit.xlsx", [
        ("未严格执行“收支两条线”规定", False, None),
        ("预算绩效目标设置不科学", True, "2026-06-30"),
        ("公务卡强制结算目录执行不到位", False, None),
        ("专项资金结余长期未清理", True, "2026-03-31"),
        ("政府采购意向未按规定公开", False, None),
        ("在建工程未及时转入固定资产", True, "2025-12-31"),
    ])


# 18. A problem list with progress as percentages (整改进度 100%, 60%, 0%), numbers 1.1 / 2.1
#     per part, a header cell broken over two lines (整改\n时限), deadlines as month cells
#     (yyyy"年"m"月"), day cells and text (2026年上半年, 立行立改, 2025年12月).
def l18():
    wb = Workbook()
    ws = wb.active
    ws.title = "问题清单"
    ws.append(["县中医院巡察反馈问题整改清单"])
    ws.merge_cells("A1:G1")
    ws.append(["填报单位：县中医院", None, None, None, "填报时间：2025年12月"])
    ws.append(["序号", "问题\n描述", "整改\n措施", "责任\n领导", "责任\n科室", "整改\n时限", "整改\n进度"])
    rows = [
        ("1.1", "民主集中制执行不到位，个别重大事项未经集体研究", "严格执行“三重一大”集体决策制度", "院长", "党政办", D(2025, 10, 1), "100%"),
        ("1.2", "谈心谈话制度落实不到位", "建立班子成员谈心谈话台账", "书记", "党政办", "立行立改", "100%"),
        ("2.1", "医保违规收费问题屡查屡犯", "开展医保违规收费自查自纠", "副院长", "医保办", "2026年上半年", "60%"),
        ("2.2", "检验检查结果互认推进缓慢", "落实检查检验结果互认", "副院长", "医务科", D(2026, 3, 1), "0%"),
        ("2.3", "药品集中带量采购执行不到位", "将带量采购执行情况纳入科室考核", "副院长", "药剂科", D(2025, 12, 31), "90%"),
        ("3.1", "职工代表大会制度落实不到位", "按时召开职代会", "工会主席", "工会", "2025年12月", "100%"),
    ]
    for r in rows:
        ws.append(list(r))
        if isinstance(r[5], dt.date):
            ws.cell(row=ws.max_row, column=6).number_format = "yyyy\"年\"m\"月\"" if r[5].day == 1 else "yyyy-mm-dd"
    wrap(ws)
    wb.save(os.path.join(OUT, "l18_xzyy_percent.xlsx"))
    gold("l18_xzyy_percent.xlsx", [
        ("民主集中制执行不到位", False, None),
        ("谈心谈话制度落实不到位", False, None),
        ("医保违规收费问题屡查屡犯", True, "2026-06-30"),
        ("检验检查结果互认推进缓慢", True, "2026-03-31"),
        ("药品集中带量采购执行不到位", True, "2025-12-31"),
        ("职工代表大会制度落实不到位", False, None),
    ])


# 19. A county hospital's ledger as its office keeps it: a 说明 sheet first (naming the columns
#     in its sentences), the ledger on the second sheet; a title, a 填报单位/填报时间 row and a
#     blank row above a header in row 4; every date typed as text ("2026.3.31", "6月底",
#     "2026年6月", "2026.12", "立行立改", "长期"); several measures per problem, each with its own
#     完成情况, some done and some not.
def l19():
    wb = Workbook()
    note = wb.active
    note.title = "说明"
    note["A1"] = "填表说明"
    note["A2"] = "1.本表由各责任科室填写，整改时限请填写具体日期；"
    note["A3"] = "2.完成情况填写“已完成”“推进中”“长期坚持”，未完成的在备注中说明原因；"
    note["A4"] = "3.每月25日前报院巡察整改办公室。"
    ws = wb.create_sheet("台账")
    ws.append(["东平县人民医院巡察反馈问题整改台账"])
    ws.merge_cells("A1:H1")
    ws.append(["填报单位：东平县人民医院（盖章）", None, None, None, None, "填报时间：2026年6月10日"])
    ws.merge_cells("A2:E2")
    ws.merge_cells("F2:H2")
    ws.append([])
    ws.append(["序号", "反馈问题", "整改措施", "责任领导", "责任科室", "整改时限", "完成情况", "备注"])
    rows = [
        ("1", "党委会议事规则不完善，议事范围不清", "修订党委会议事规则", "书记 张卫东", "党办", "立行立改", "已完成"),
        (None, None, "建立会议决定事项督办制度", None, "党办", "2026.3.31", "已完成"),
        ("2", "大型设备采购论证不充分", "建立大型设备采购可行性论证制度", "院长 李明", "设备科", "2026.6.30", "已完成"),
        (None, None, "对近三年采购设备开展使用效益评估", None, "设备科", "2026.9.30", "推进中"),
        ("3", "住院患者满意度偏低", "开展住院服务流程再造", "副院长 王芳", "护理部", "6月底", "推进中"),
        (None, None, "建立出院患者回访制度", None, "客服中心", "立行立改", "已完成"),
        ("4", "医院感染防控制度执行不到位", "开展院感防控全员培训和督查", "副院长 王芳", "院感科", "2026年6月", "推进中"),
        ("5", "科室二次分配不透明", "制定科室二次分配指导意见", "院长 李明", "人事科", "2026年5月", "已完成"),
        (None, None, "二次分配结果在科室内公示", None, "各临床科室", "长期", "长期坚持"),
        ("6", "门诊“一号难求”问题突出", "增加专家门诊号源", "副院长 赵刚", "门诊部", "2026.4.30", "已完成"),
        (None, None, "推行诊间预约和分时段就诊", None, "门诊部", "2026.12", "未完成"),
        ("7", "应急物资储备不足", "补充应急物资储备，建立储备目录", "副院长 赵刚", "总务科", "立行立改", "已完成"),
    ]
    start = ws.max_row + 1
    for r in rows:
        ws.append(list(r))
    for col in ("A", "B", "D"):
        top = None
        for i, r in enumerate(rows):
            row = start + i
            if r[0] is not None:
                if top is not None and row - 1 > top:
                    ws.merge_cells(f"{col}{top}:{col}{row - 1}")
                top = row
        if top is not None and start + len(rows) - 1 > top:
            ws.merge_cells(f"{col}{top}:{col}{start + len(rows) - 1}")
    for row in ws.iter_rows(min_row=start, min_col=6, max_col=6):
        for c in row:
            c.number_format = "@"
    wrap(ws)
    wb.save(os.path.join(OUT, "l19_dprmyy_text_dates.xlsx"))
    gold("l19_dprmyy_text_dates.xlsx", [
        ("党委会议事规则不完善", False, None),
        ("大型设备采购论证不充分", True, "2026-09-30"),
        ("住院患者满意度偏低", True, "2026-06-30"),
        ("医院感染防控制度执行不到位", True, "2026-06-30"),
        ("科室二次分配不透明", True, None),
        ("门诊“一号难求”问题突出", True, "2026-12-31"),
        ("应急物资储备不足", False, None),
    ], "2026-06-10")


# 20. A township health centre's ledger whose 整改状态 column is only coloured (green, yellow,
#     red fills, no words): offices' colour codes differ (rectifyd's own export paints open
#     items on track green), so the status cannot be read. The items stay open (watched, with
#     their deadlines) and the import warns; gold: every problem open with its 整改时限.
def l20():
    from openpyxl.styles import PatternFill
    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["河口镇卫生院巡察整改工作台账"])
    ws.merge_cells("A1:G1")
    ws.append(["序号", "存在问题", "整改措施", "责任人", "整改时限", "整改状态", "备注"])
    rows = [
        (1, "支部委员会会议记录不完整", "规范支委会会议记录", "院长 潘强", D(2026, 3, 31), "00B050"),
        (2, "药品采购未严格执行集中采购", "全部药品通过省平台集中采购", "副院长 冯雪", D(2026, 4, 30), "00B050"),
        (3, "基本公卫随访记录存在补录现象", "开展随访记录真实性核查", "副院长 冯雪", D(2026, 6, 30), "FFFF00"),
        (4, "村医培训覆盖不全", "制定村医轮训计划", "副院长 冯雪", D(2026, 9, 30), "FFFF00"),
        (5, "消防通道堆放杂物", "清理消防通道，落实每日巡查", "院长 潘强", D(2026, 2, 28), "FF0000"),
        (6, "职工食堂账目未公开", "食堂账目每月公示", "院长 潘强", D(2026, 5, 31), "00B050"),
    ]
    for n, problem, measure, who, when, colour in rows:
        ws.append([n, problem, measure, who, when, None, None])
        ws.cell(row=ws.max_row, column=5).number_format = "yyyy/m/d"
        ws.cell(row=ws.max_row, column=6).fill = PatternFill("solid", fgColor=colour)
    wrap(ws)
    wb.save(os.path.join(OUT, "l20_hkz_colour_status.xlsx"))
    gold("l20_hkz_colour_status.xlsx", [
        ("支部委员会会议记录不完整", True, "2026-03-31"),
        ("药品采购未严格执行集中采购", True, "2026-04-30"),
        ("基本公卫随访记录存在补录现象", True, "2026-06-30"),
        ("村医培训覆盖不全", True, "2026-09-30"),
        ("消防通道堆放杂物", True, "2026-02-28"),
        ("职工食堂账目未公开", True, "2026-05-31"),
    ])


# 21. A township health centre's ledger saved by WPS as CSV (GBK, CRLF, no BOM): several
#     measures numbered inside one cell with their statuses numbered alike in the 整改进展 cell
#     ("1.已完成\n2.正在推进"), dates as WPS prints them, and a 合计 row at the bottom that counts
#     problems and measures.
def l21():
    rows = [
        ["仁和镇卫生院巡察整改落实情况统计表"],
        ["序号", "存在问题", "整改措施", "责任人", "完成时限", "整改进展"],
        ["1", "基本公卫项目资金使用不规范", "1.开展资金使用自查\n2.建立资金使用审批制度", "院长 陈涛", "2026年3月31日", "1.已完成\n2.已完成"],
        ["2", "家庭医生签约服务履约率低", "1.重新调整签约团队\n2.开展履约情况季度考核", "副院长 黄丽", "2026/6/30", "1.已完成\n2.正在推进"],
        ["3", "药房药品效期管理不严", "清理近效期药品，建立效期预警", "药房 刘洋", "立行立改", "已完成"],
        ["4", "住院部消防设施老化", "更换消防器材，改造消防通道", "总务 周斌", "2026/8/31", "未完成"],
        ["5", "医疗废物交接登记不全", "完善医疗废物交接登记制度", "院感 吴敏", "2026年1月31日", "已完成"],
        ["6", "职工考勤管理松散", "推行人脸识别考勤", "办公室 郑强", "2026/2/28", "已完成"],
        ["7", "中医馆服务项目开展少", "1.引进中医适宜技术5项\n2.开设中医特色专科门诊", "副院长 黄丽", "2026年10月31日", "1.已引进3项\n2.尚未开设"],
        ["合计", "7个问题", "11条措施", "", "", "已完成4个问题"],
    ]
    excel_csv(rows, "gbk", "l21_rhz_wps_gbk_total.csv")
    gold("l21_rhz_wps_gbk_total.csv", [
        ("基本公卫项目资金使用不规范", False, None),
        ("家庭医生签约服务履约率低", True, "2026-06-30"),
        ("药房药品效期管理不严", False, None),
        ("住院部消防设施老化", True, "2026-08-31"),
        ("医疗废物交接登记不全", False, None),
        ("职工考勤管理松散", False, None),
        ("中医馆服务项目开展少", True, "2026-10-31"),
    ])


# 22. A CDC's Word 整改方案 whose task table is split by hand across pages: the header row
#     marked to repeat and typed again at the top of the second table, whose first row carries
#     on the last problem of the first (its problem cell blank); section rows spanning the table
#     (gridSpan); problems merged over their measure rows and a leader merged over two problems
#     (vMerge). A plan: every problem open, due at its latest measure.
def l22():
    from docx import Document
    from docx.oxml import OxmlElement
    from docx.enum.text import WD_BREAK
    doc = Document()
    doc.add_paragraph("中共南山县疾病预防控制中心支部委员会关于县委巡察反馈问题的整改方案")
    doc.add_paragraph("（2026年2月16日）")
    doc.add_paragraph("为认真落实县委第一巡察组反馈意见，切实抓好问题整改，结合中心实际，制定本方案。")
    doc.add_paragraph("一、组织领导")
    doc.add_paragraph("成立巡察整改工作领导小组，组长：何军（站长），副组长：孙丽（副站长），成员：各科室负责人。")
    doc.add_paragraph("二、整改任务")
    head = ["序号", "反馈问题", "整改措施", "责任领导", "责任科室", "完成时限"]

    def repeat_header(table):
        trPr = table.rows[0]._tr.get_or_add_trPr()
        h = OxmlElement("w:tblHeader")
        trPr.append(h)

    part1 = [head,
             ["一、政治建设方面", None, None, None, None, None],
             ["1", "理论学习走过场，学用结合不紧", "制定理论学习计划，实行学习考勤通报", "站长 何军", "办公室", "2026年3月31日"],
             [None, None, "开展“学习成效”专题调研", None, "办公室", "2026年6月30日"],
             ["2", "民主生活会批评与自我批评不够", "严格执行民主生活会会前征求意见制度", None, "办公室", "立行立改"],
             [None, None, "班子成员每年开展一次谈心谈话全覆盖", None, "办公室", "长期坚持"],
             ["二、业务工作方面", None, None, None, None, None],
             ["3", "传染病疫情报告审核不及时", "实行网络直报24小时审核值班制度", "副站长 孙丽", "传染病防制科", "2026年3月31日"],
             ["4", "免疫规划信息系统数据质量不高", "开展接种数据清洗", "副站长 孙丽", "免疫规划科", "2026年4月30日"],
             [None, None, "建立数据质量月度通报制度", None, "免疫规划科", "2026年5月31日"]]
    t1 = docx_table(doc, part1, merges=((1, 0, 1, 5), (6, 0, 6, 5), (2, 0, 3, 0), (2, 1, 3, 1), (4, 0, 5, 0), (4, 1, 5, 1),
                                         (2, 3, 5, 3), (8, 0, 9, 0), (8, 1, 9, 1), (8, 3, 9, 3)))
    repeat_header(t1)
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    part2 = [head,
             [None, None, "完成与省级免疫规划平台数据对接", None, "信息科", "2026年9月30日"],
             ["5", "实验室检测能力不足，部分项目未开展", "申报新增检测项目资质", "副站长 孙丽", "检验科", "2026年12月31日"],
             ["三、作风建设方面", None, None, None, None, None],
             ["6", "财务报销审核把关不严", "修订财务报销管理办法", "站长 何军", "财务科", "2026年2月28日"],
             ["7", "公务接待存在超标准现象", "清理2024年以来公务接待费用，超标准部分全部退还", "站长 何军", "财务科", "2026年3月15日"]]
    t2 = docx_table(doc, part2, merges=((3, 0, 3, 5),))
    repeat_header(t2)
    doc.add_paragraph("三、保障措施")
    doc.add_paragraph("加强组织领导，压实整改责任，对整改不力的严肃问责。")
    doc.add_paragraph("中共南山县疾病预防控制中心支部委员会")
    doc.add_paragraph("2026年2月16日")
    doc.save(os.path.join(OUT, "l22_nscdc_split_repeat_header.docx"))
    gold("l22_nscdc_split_repeat_header.docx", [
        ("理论学习走过场", True, "2026-06-30"),
        ("民主生活会批评与自我批评不够", True, None),
        ("传染病疫情报告审核不及时", True, "2026-03-31"),
        ("免疫规划信息系统数据质量不高", True, "2026-09-30"),
        ("实验室检测能力不足", True, "2026-12-31"),
        ("财务报销审核把关不严", True, "2026-02-28"),
        ("公务接待存在超标准现象", True, "2026-03-15"),
    ], "2026-02-16")


# 23. A county bureau's ledger kept per measure: each problem merged (序号, 反馈问题, 责任领导)
#     over its measure rows, each measure with its own 完成时限 (date cells, 长期坚持, 立行立改)
#     and 完成情况; some problems done, some long-term beside done measures, one measure extended
#     in the 备注 column ("经批准延期至2026年9月30日": the original date stays the deadline).
def l23():
    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["清河县卫生健康局县委巡察反馈问题整改落实台账"])
    ws.merge_cells("A1:H1")
    ws.append(["填报单位：清河县卫生健康局", None, None, None, None, "填报日期：2026年7月15日"])
    ws.merge_cells("A2:E2")
    ws.merge_cells("F2:H2")
    ws.append(["序号", "反馈问题", "整改措施", "责任领导", "责任股室", "完成时限", "完成情况", "备注"])
    rows = [
        ("1", "基层党组织“三会一课”制度落实不严格", "制定“三会一课”记录规范", "党组书记 韩立", "机关党委", D(2026, 3, 31), "已完成", None),
        (None, None, "开展支部组织生活专项检查", None, "机关党委", D(2026, 6, 30), "已完成", None),
        ("2", "意识形态工作责任制落实不到位", "修订意识形态工作责任清单", "党组书记 韩立", "办公室", D(2026, 4, 30), "已完成", None),
        (None, None, "每半年分析研判意识形态形势", None, "办公室", "长期坚持", "长期坚持", None),
        ("3", "公立医院药品耗材采购监管不力", "开展药品耗材采购专项检查", "副局长 宋佳", "医政医管股", D(2026, 5, 31), "已完成", None),
        (None, None, "建成药品耗材采购监管信息平台", None, "规划信息股", D(2026, 6, 30), "未完成", "经批准延期至2026年9月30日"),
        ("4", "家庭医生签约服务“签而不约”", "重新组建家庭医生团队", "副局长 宋佳", "基层卫生股", D(2026, 6, 30), "推进中", None),
        (None, None, "开展履约情况季度考核", None, "基层卫生股", D(2026, 12, 31), "推进中", None),
        (None, None, "签约居民满意度回访", None, "基层卫生股", "长期坚持", "长期坚持", None),
        ("5", "医疗卫生机构安全生产隐患排查不彻底", "开展安全生产隐患大排查", "副局长 袁野", "综合监督股", D(2026, 3, 31), "已完成", None),
        ("6", "财务票据管理不规范", "清理2025年以来财务票据", "副局长 袁野", "财务股", "立行立改", "已完成", None),
        (None, None, "上线电子票据管理系统", None, "财务股", D(2026, 10, 31), "正在推进", None),
        ("7", "卫生健康信息化项目推进缓慢", "完成项目可行性研究", "副局长 袁野", "规划信息股", D(2026, 6, 30), "已完成", None),
        (None, None, "完成区域全民健康信息平台建设", None, "规划信息股", D(2026, 12, 31), "尚未启动", "资金尚未到位"),
    ]
    start = ws.max_row + 1
    for r in rows:
        ws.append(list(r))
    for col in ("A", "B", "D"):
        top = None
        for i, r in enumerate(rows + [("end",)]):
            row = start + i
            if r[0] is not None:
                if top is not None and row - 1 > top:
                    ws.merge_cells(f"{col}{top}:{col}{row - 1}")
                top = row
    for row in ws.iter_rows(min_row=start, min_col=6, max_col=6):
        for c in row:
            c.number_format = 'yyyy"年"m"月"d"日"'
    ws.freeze_panes = "A4"
    wrap(ws)
    wb.save(os.path.join(OUT, "l23_qhx_measure_rows.xlsx"))
    gold("l23_qhx_measure_rows.xlsx", [
        ("基层党组织“三会一课”制度落实不严格", False, None),
        ("意识形态工作责任制落实不到位", True, None),
        ("公立医院药品耗材采购监管不力", True, "2026-06-30"),
        ("家庭医生签约服务“签而不约”", True, "2026-12-31"),
        ("医疗卫生机构安全生产隐患排查不彻底", False, None),
        ("财务票据管理不规范", True, "2026-10-31"),
        ("卫生健康信息化项目推进缓慢", True, "2026-12-31"),
    ], "2026-07-15")


# 24. A ledger whose header spans two rows with a merged group header (整改情况 over 完成时间 |
#     完成情况 | 佐证材料), a 问题类别 column merged over its problems, a 督办单位 column (the
#     supervising office, not the responsible one), 序号 "1-1", "1-2" per category, deadlines as
#     date cells; a 完成时间 filled with no words in 完成情况 means done.
def l24():
    wb = Workbook()
    ws = wb.active
    ws.title = "台账"
    ws.append(["柳林县卫生健康局2026年巡察整改工作台账"])
    ws.merge_cells("A1:J1")
    ws.append(["填报日期：2026年8月5日"])
    ws.merge_cells("A2:J2")
    ws.append(["序号", "问题类别", "反馈问题", "整改措施", "责任单位", "督办单位", "整改时限", "整改情况", None, None])
    ws.append([None, None, None, None, None, None, None, "完成时间", "完成情况", "佐证材料"])
    for col in "ABCDEFG":
        ws.merge_cells(f"{col}3:{col}4")
    ws.merge_cells("H3:J3")
    rows = [
        ("1-1", "党的建设方面", "党组会议“第一议题”制度落实不到位", "修订党组会议议事规则，将“第一议题”列为固定议程", "办公室", "县委巡察办", D(2026, 3, 31), D(2026, 3, 20), "已完成", "党组会议记录"),
        ("1-2", None, "党风廉政建设主体责任压得不实", "签订党风廉政建设责任书，开展廉政谈话", "机关党委", "县纪委监委派驻纪检组", D(2026, 6, 30), None, "正在推进", "谈话记录（待补充）"),
        ("1-3", None, "干部教育培训针对性不强", "制定分层分类培训计划", "人事股", "县委巡察办", D(2026, 5, 31), D(2026, 5, 28), None, "培训通知、签到表"),
        ("2-1", "业务工作方面", "医疗服务价格执行不规范", "开展医疗服务价格专项检查", "医政医管股", "县医保局", D(2026, 9, 30), None, "持续整改", None),
        ("2-2", None, "基本公共卫生服务资金拨付滞后", "按季度拨付基本公卫资金", "财务股", "县财政局", D(2026, 4, 30), D(2026, 4, 15), "已完成", "拨付凭证"),
        ("2-3", None, "村卫生室药品“零差率”执行不到位", "开展村卫生室药品价格督查", "基层卫生股", "县委巡察办", D(2026, 12, 31), None, "序时推进", None),
        ("3-1", "作风建设方面", "公务接待审批手续不全", "严格执行公务接待审批单制度", "办公室", "县纪委监委派驻纪检组", "立行立改", D(2026, 2, 10), "已完成", "审批单"),
    ]
    start = ws.max_row + 1
    for r in rows:
        ws.append(list(r))
    ws.merge_cells(f"B{start}:B{start + 2}")
    ws.merge_cells(f"B{start + 3}:B{start + 5}")
    for row in ws.iter_rows(min_row=start, min_col=7, max_col=8):
        for c in row:
            c.number_format = "yyyy/m/d"
    wrap(ws)
    wb.save(os.path.join(OUT, "l24_llx_group_header.xlsx"))
    gold("l24_llx_group_header.xlsx", [
        ("党组会议“第一议题”制度落实不到位", False, None),
        ("党风廉政建设主体责任压得不实", True, "2026-06-30"),
        ("干部教育培训针对性不强", False, None),
        ("医疗服务价格执行不规范", True, "2026-09-30"),
        ("基本公共卫生服务资金拨付滞后", False, None),
        ("村卫生室药品“零差率”执行不到位", True, "2026-12-31"),
        ("公务接待审批手续不全", False, None),
    ], "2026-08-05")


# 25. Status and deadline cells as clerks type them: 已完成（已销号）, 未完成, 完成80%, 序时推进,
#     持续整改, 已整改到位，待验收 (done: acceptance is the formality after it), 因资金原因暂缓,
#     blank; deadlines as date cells, "2026.06", "2026年6月底前", "9月30日" (the year from the
#     填报日期), "每月" (a routine, no deadline), "长期".
def l25():
    wb = Workbook()
    ws = wb.active
    ws.title = "整改台账"
    ws.append(["石门县妇幼保健院巡察整改台账"])
    ws.merge_cells("A1:G1")
    ws.append(["填报单位：石门县妇幼保健院", None, None, None, "填报日期：2026年5月20日"])
    ws.append(["序号", "存在问题", "整改措施", "责任科室", "整改时限", "整改情况", "备注"])
    rows = [
        (1, "院务公开不及时", "建立院务公开目录，每月更新", "办公室", D(2026, 3, 31), "已完成（已销号）"),
        (2, "孕产妇高危管理台账不完整", "补齐高危孕产妇专案管理台账", "保健部", "2026.06", "未完成"),
        (3, "新生儿疾病筛查复查率低", "建立阳性病例追踪随访机制", "儿童保健科", "2026年6月底前", "完成80%"),
        (4, "医疗设备维护保养记录缺失", "建立设备维护保养档案", "设备科", "9月30日", "序时推进"),
        (5, "医务人员手卫生依从性不高", "开展手卫生督查并通报", "院感科", "每月", "持续整改"),
        (6, "病历书写不规范", "开展病历质量专项检查和培训", "医务科", D(2026, 4, 30), "已整改到位，待验收"),
        (7, "产科病房改扩建滞后", "推进产科病房改扩建项目", "总务科", "2026年12月", "因资金原因暂缓"),
        (8, "职工政治理论学习不经常", "落实每月集中学习制度", "党办", "长期", None),
        (9, "绩效考核方案未经职代会审议", "修订绩效考核方案并提交职代会审议", "人事科", D(2026, 8, 31), None),
        (10, "药品处方点评流于形式", "每月开展处方点评并公示", "药剂科", "长期", "已完成"),
    ]
    for r in rows:
        ws.append(list(r))
        c = ws.cell(row=ws.max_row, column=5)
        if isinstance(r[4], D):
            c.number_format = "yyyy-mm-dd"
    wrap(ws)
    wb.save(os.path.join(OUT, "l25_smx_mixed_words.xlsx"))
    gold("l25_smx_mixed_words.xlsx", [
        ("院务公开不及时", False, None),
        ("孕产妇高危管理台账不完整", True, "2026-06-30"),
        ("新生儿疾病筛查复查率低", True, "2026-06-30"),
        ("医疗设备维护保养记录缺失", True, "2026-09-30"),
        ("医务人员手卫生依从性不高", True, None),
        ("病历书写不规范", False, None),
        ("产科病房改扩建滞后", True, "2026-12-31"),
        ("职工政治理论学习不经常", True, None),
        ("绩效考核方案未经职代会审议", True, "2026-08-31"),
        ("药品处方点评流于形式", False, None),
    ], "2026-05-20")


# 26. A ledger exported from an OA (督办) system: every cell text (dates "2026-06-30 00:00:00"),
#     the header in row 1 with the panes frozen under it, a first column of record GUIDs, a hidden
#     部门编码 column, OA's own header words (问题描述, 计划完成时间, 办理状态), a 合计 row at the
#     bottom, and a second sheet 填表说明.
def l26():
    wb = Workbook()
    ws = wb.active
    ws.title = "导出数据"
    head = ["记录ID", "序号", "问题描述", "整改措施", "责任部门", "部门编码", "责任人", "计划完成时间", "办理状态", "备注"]
    ws.append(head)
    rows = [
        ("1", "疫苗出入库登记不规范", "实行疫苗出入库扫码登记", "免疫规划科", "0302", "杨帆", "2026-03-31 00:00:00", "已办结", ""),
        ("2", "传染病报告卡填写错项漏项", "开展报告卡质量月度核查", "疾病控制科", "0303", "马丽", "2026-06-30 00:00:00", "办理中", ""),
        ("3", "实验室危化品管理不严", "建立危化品双人双锁管理制度", "检验科", "0305", "罗斌", "2026-04-30 00:00:00", "已完成", ""),
        ("4", "健康教育阵地建设滞后", "建设健康教育宣传长廊", "健康教育科", "0306", "唐静", "2026-09-30 00:00:00", "未启动", "待预算批复"),
        ("5", "慢病随访数据质量不高", "开展随访数据核查清洗", "慢病科", "0307", "许亮", "2026/12/31", "办理中", ""),
        ("6", "档案管理不规范", "规范文书档案归档", "办公室", "0301", "高岚", "2026-02-28 00:00:00", "已销号", ""),
        ("7", "采购内控制度不健全", "修订政府采购内部控制制度", "财务科", "0304", "钟华", "2026-05-31 00:00:00", "办理中", "已提交党委会审议"),
        ("8", "职工食堂食品安全管理薄弱", "落实食堂食品安全日管控", "办公室", "0301", "高岚", "长期", "办理中", ""),
    ]
    guids = ["3f2a9c1e-7b4d-4e8a-9c21-0d5e6f7a8b91", "a1c8e2f4-5d6b-4c3a-8e9f-1b2c3d4e5f60",
             "0b9d8c7e-6f5a-4b3c-2d1e-0f9a8b7c6d5e", "c4d5e6f7-a8b9-4c0d-9e1f-2a3b4c5d6e7f",
             "7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b", "d2e3f4a5-b6c7-4d8e-9f0a-1b2c3d4e5f6a",
             "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d", "e9f0a1b2-c3d4-4e5f-a6b7-c8d9e0f1a2b3"]
    for guid, r in zip(guids, rows):
        ws.append([guid] + list(r))
    ws.append(["", "合计", "共8条，已办结3条", "", "", "", "", "", "", ""])
    for row in ws.iter_rows():
        for c in row:
            c.number_format = "@"
            if c.value is not None and not isinstance(c.value, str):
                c.value = str(c.value)
    ws.column_dimensions["F"].hidden = True
    ws.freeze_panes = "C2"
    note = wb.create_sheet("填表说明")
    note["A1"] = "填表说明"
    note["A2"] = "1.问题描述、整改措施由系统导出，请勿修改；"
    note["A3"] = "2.办理状态填写“办理中”“已办结”，计划完成时间按整改方案填写；"
    note["A4"] = "3.本表由督办系统于2026年7月1日导出。"
    wb.save(os.path.join(OUT, "l26_whcdc_oa_export.xlsx"))
    gold("l26_whcdc_oa_export.xlsx", [
        ("疫苗出入库登记不规范", False, None),
        ("传染病报告卡填写错项漏项", True, "2026-06-30"),
        ("实验室危化品管理不严", False, None),
        ("健康教育阵地建设滞后", True, "2026-09-30"),
        ("慢病随访数据质量不高", True, "2026-12-31"),
        ("档案管理不规范", False, None),
        ("采购内控制度不健全", True, "2026-05-31"),
        ("职工食堂食品安全管理薄弱", True, None),
    ])


# 27. A township health centre's ledger saved by WPS as CSV: GBK, CRLF, a title row and a
#     填报单位/填报日期 row above the header, a trailing empty column on every row, and quoted line
#     breaks inside cells (measures, a problem cell wrapped by hand, a status with its note).
def l27():
    rows = [
        ["大营镇卫生院巡察反馈问题整改台账", "", "", "", "", "", "", "", ""],
        ["填报单位：大营镇卫生院", "", "", "", "填报日期：2026年6月18日", "", "", "", ""],
        ["序号", "反馈问题", "整改措施", "责任领导", "责任人", "整改时限", "完成情况", "备注", ""],
        ["1", "支部书记抓党建\n责任落实不到位", "1.制定支部书记抓党建责任清单\n2.每季度听取党建工作汇报", "院长 邓辉", "党办 方园", "2026/3/31", "已完成", "", ""],
        ["2", "门诊收费管理不规范", "1.安装收费监控系统\n2.开展收费专项检查", "副院长 蒋红", "财务 程丽", "2026/9/30", "正在推进\n已完成需求调研", "", ""],
        ["3", "公共卫生服务档案真实性不高", "开展档案真实性“回头看”", "副院长 蒋红", "公卫 邱峰", "2026年12月底前", "尚未完成", "", ""],
        ["4", "职工请销假制度执行不严", "严格执行请销假审批，每月通报", "院长 邓辉", "办公室 秦月", "长期坚持", "长期坚持", "", ""],
        ["5", "医疗废物暂存间不达标", "改造医疗废物暂存间", "副院长 蒋红", "总务 汪洋", "2026/6/30", "已完成\n已于5月20日验收销号", "", ""],
        ["6", "中药饮片采购渠道不规范", "统一从县级平台采购中药饮片", "院长 邓辉", "药房 尹丹", "2026/10/31", "部分完成", "已清退\n2家供应商", ""],
    ]
    excel_csv(rows, "gbk", "l27_dyz_wps_csv_title.csv")
    gold("l27_dyz_wps_csv_title.csv", [
        ("支部书记抓党建责任落实不到位", False, None),
        ("门诊收费管理不规范", True, "2026-09-30"),
        ("公共卫生服务档案真实性不高", True, "2026-12-31"),
        ("职工请销假制度执行不严", True, None),
        ("医疗废物暂存间不达标", False, None),
        ("中药饮片采购渠道不规范", True, "2026-10-31"),
    ], "2026-06-18")


MAKERS = (l01, l02, l03, l04, l05, l06, l07, l08, l09, l10, l11, l12, l13, l14, l15, l16, l17, l18, l19, l20, l21, l22, l23, l24, l25, l26, l27)
# make_ledgers.py OUT_DIR [l15 l16 ...]: only the named ones (the others keep their bytes).
chosen = set(sys.argv[2:])
for make in MAKERS:
    if not chosen or make.__name__ in chosen:
        make()
print("wrote", len(os.listdir(OUT)), "files to", OUT)

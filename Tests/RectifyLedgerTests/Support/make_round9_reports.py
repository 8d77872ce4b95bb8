#!/usr/bin/env python3
"""Writes the ninth blind round: short, plain documents as a busy clerk types them, each
varying one thing from the seeds' conventions, with gold files written before the importer
ever read them.

Reports (corpus/):
- c70: top-level "1、2、" with no 方面 headings, "状态：已整改" lines, deadlines "2026/3/31";
- c71: "（1）（2）" only, "进度：80%" / "进度：100%", deadlines "2026-03-31";
- c72: "问题一：" … "问题五：" with 整改措施/整改时限/责任人/完成情况 on the following lines,
  完成情况 基本完成 / 未完成 / 正在整改中 / 已完成（销号）, deadline "3月31日前" (no year);
- c73: a markdown-ish .txt, "## 一、…" and "- " bullets, deadlines 2026年一季度, 年底前,
  2026年上半年, 即知即改;
- c74: a .txt saved from Word as UTF-16 (LE, BOM, CRLF);
- c75: a .docx typed with Shift+Enter (w:br) instead of paragraphs;
- c76: a .docx whose body is one 2-column table (序号 | 内容).

Ledgers (ledgers/):
- l44: .xlsx with only 序号, 问题, 时限, 状态 and no title;
- l45: .csv separated by semicolons;
- l46: .xlsx whose 状态 column is ✔/✘;
- l47: .csv whose 是否整改到位 column is 是/否;
- l48: .xlsx whose header is in row 3, after a title row and a blank row.

Usage: make_round9_reports.py CORPUS_DIR LEDGER_DIR
"""
import csv
import io
import os
import sys
from fixtures import gold, write

CORPUS, LEDGERS = sys.argv[1], sys.argv[2]
for d in (CORPUS, LEDGERS):
    os.makedirs(d, exist_ok=True)


# c70 -------------------------------------------------------------------------------------------
write(CORPUS, "c70_plain_dun_numbers_status_line_xwsy.txt", """某镇卫生院关于巡察反馈问题整改进展情况的报告

2026年1月20日

县委第二巡察组反馈我院问题5个，现将整改进展报告如下。

1、药品库房管理混乱，账实不符。
整改措施：全面盘点药品库存，建立出入库登记制度。
整改时限：2026/3/31
状态：已整改

2、公共卫生服务档案填写不规范。
整改措施：组织人员逐份核查档案，补全缺项。
整改时限：2026/3/31
状态：整改中

3、院内感染防控培训次数不足。
整改措施：每季度开展一次院感培训。
整改时限：2026/6/30
状态：整改中

4、公务接待未执行审批制度。
整改措施：严格执行公务接待审批单制度。
整改时限：2026/1/31
状态：已整改

5、职工考勤制度执行不严。
整改措施：安装指纹考勤机，每月通报考勤情况。
整改时限：2026/4/30
状态：未整改

某镇卫生院
2026年1月20日
""")
gold(CORPUS, "c70_plain_dun_numbers_status_line_xwsy.txt", [
    ("药品库房管理混乱，账实不符", False, None),
    ("公共卫生服务档案填写不规范", True, "2026-03-31"),
    ("院内感染防控培训次数不足", True, "2026-06-30"),
    ("公务接待未执行审批制度", False, None),
    ("职工考勤制度执行不严", True, "2026-04-30"),
], "2026-01-20")

# c71 -------------------------------------------------------------------------------------------
write(CORPUS, "c71_paren_numbers_progress_percent_fybj.txt", """县妇幼保健院巡察整改进展情况

（1）孕产妇系统管理率偏低。
措施：加强与乡镇卫生院对接，开展孕产妇建档随访。
时限：2026-03-31
进度：80%

（2）儿童保健门诊设备老旧。
措施：申请专项资金更新设备。
时限：2026-06-30
进度：30%

（3）财务报销手续不全。
措施：规范报销流程，补齐手续。
时限：2025-12-31
进度：100%

（4）党支部“三会一课”记录不完整。
措施：规范会议记录，支部书记每月审核。
时限：2025-12-31
进度：100%

县妇幼保健院
2026年1月10日
""")
gold(CORPUS, "c71_paren_numbers_progress_percent_fybj.txt", [
    ("孕产妇系统管理率偏低", True, "2026-03-31"),
    ("儿童保健门诊设备老旧", True, "2026-06-30"),
    ("财务报销手续不全", False, None),
    ("党支部“三会一课”记录不完整", False, None),
], "2026-01-10")

# c72 -------------------------------------------------------------------------------------------
write(CORPUS, "c72_wenti_yi_labels_status_words_jkzx.txt", """县疾控中心巡察整改情况汇报
（2026年1月15日）

问题一：疫苗冷链温度记录不全。
整改措施：配备自动温度监测设备，专人每日检查。
整改时限：3月31日前
责任人：张伟
完成情况：基本完成

问题二：实验室生物安全管理制度未及时修订。
整改措施：修订生物安全管理制度并组织学习。
整改时限：2025年12月31日
责任人：李娜
完成情况：已完成（销号）

问题三：传染病网络直报审核不及时。
整改措施：安排两名专人负责审核，实行日清制度。
整改时限：2月28日前
责任人：王强
完成情况：正在整改中

问题四：固定资产未定期盘点。
整改措施：开展全面盘点，建立资产台账。
整改时限：6月30日前
责任人：赵敏
完成情况：未完成

问题五：职工政治理论学习流于形式。
整改措施：制定学习计划，每月集中学习一次。
整改时限：2025年11月30日
责任人：刘洋
完成情况：已完成（销号）
""")
gold(CORPUS, "c72_wenti_yi_labels_status_words_jkzx.txt", [
    ("疫苗冷链温度记录不全", True, "2026-03-31"),
    ("实验室生物安全管理制度未及时修订", False, None),
    ("传染病网络直报审核不及时", True, "2026-02-28"),
    ("固定资产未定期盘点", True, "2026-06-30"),
    ("职工政治理论学习流于形式", False, None),
], "2026-01-15")

# c73 -------------------------------------------------------------------------------------------
write(CORPUS, "c73_markdown_bullets_relative_deadlines_wjj.txt", """# 县卫健局巡察整改进展（2026年1月）

报送日期：2026年1月8日

## 一、医疗机构监管不到位
- 整改措施：开展民营医院专项检查，建立监管台账。
- 整改时限：2026年一季度
- 进展：正在推进

## 二、基层卫生人才流失严重
- 整改措施：落实乡村医生补助，完善激励政策。
- 整改时限：年底前
- 进展：正在推进

## 三、项目资金拨付滞后
- 整改措施：清理未拨付资金，按进度拨付。
- 整改时限：2026年上半年
- 进展：已拨付60%

## 四、办公用房超标
- 整改措施：腾退超标办公用房。
- 整改时限：即知即改
- 进展：已完成
""")
gold(CORPUS, "c73_markdown_bullets_relative_deadlines_wjj.txt", [
    ("医疗机构监管不到位", True, "2026-03-31"),
    ("基层卫生人才流失严重", True, "2026-12-31"),
    ("项目资金拨付滞后", True, "2026-06-30"),
    ("办公用房超标", False, None),
], "2026-01-08")

# c74 -------------------------------------------------------------------------------------------
C74 = """县中医医院关于巡察整改进展情况的通报

一、中药饮片验收把关不严。
整改措施：严格执行饮片验收制度，每批次留样。
整改时限：2026年3月31日
整改情况：已完成。

二、中医特色专科建设滞后。
整改措施：制定专科建设规划，引进专科人才。
整改时限：2026年12月31日
整改情况：正在推进。

三、病历书写质量不高。
整改措施：每月开展病历质控，结果与绩效挂钩。
整改时限：2026年2月28日
整改情况：正在推进。

县中医医院
2026年1月12日
"""
write(CORPUS, "c74_utf16_from_word_zyy.txt", "\ufeff" + C74.replace("\n", "\r\n"), "utf-16-le")
gold(CORPUS, "c74_utf16_from_word_zyy.txt", [
    ("中药饮片验收把关不严", False, None),
    ("中医特色专科建设滞后", True, "2026-12-31"),
    ("病历书写质量不高", True, "2026-02-28"),
], "2026-01-12")

# c75 / c76 (docx) ------------------------------------------------------------------------------
import docx

d = docx.Document()
d.add_paragraph("县人民医院巡察整改进展情况报告")
p = d.add_paragraph()
lines = [
    "1.医疗设备采购论证不充分。",
    "整改措施：建立设备采购论证制度，组织专家论证。",
    "整改时限：2026年3月31日",
    "完成情况：正在推进",
    "2.临床合理用药监管不严。",
    "整改措施：开展处方点评，通报不合理用药。",
    "整改时限：2025年12月31日",
    "完成情况：已完成",
    "3.医务人员廉洁从业教育不够。",
    "整改措施：每季度开展一次廉洁教育。",
    "整改时限：2026年6月30日",
    "完成情况：正在推进",
    "4.住院收费存在重复收费现象。",
    "整改措施：开展收费自查，退还多收费用。",
    "整改时限：2026年1月31日",
    "完成情况：已完成",
]
for i, line in enumerate(lines):
    r = p.add_run(line)
    if i < len(lines) - 1:
        r.add_break()
d.add_paragraph("县人民医院")
d.add_paragraph("2026年1月16日")
d.save(os.path.join(CORPUS, "c75_docx_line_breaks_rmyy.docx"))
gold(CORPUS, "c75_docx_line_breaks_rmyy.docx", [
    ("医疗设备采购论证不充分", True, "2026-03-31"),
    ("临床合理用药监管不严", False, None),
    ("医务人员廉洁从业教育不够", True, "2026-06-30"),
    ("住院收费存在重复收费现象", False, None),
], "2026-01-16")

d = docx.Document()
d.add_paragraph("县卫生监督所巡察整改情况")
t = d.add_table(rows=1, cols=2)
t.rows[0].cells[0].text = "序号"
t.rows[0].cells[1].text = "内容"
C76 = [
    ("执法文书制作不规范。", "规范执法文书格式，开展案卷评查。", "2026年3月31日", "正在推进"),
    ("行政处罚自由裁量权行使不规范。", "细化裁量基准，集体讨论重大案件。", "2025年12月31日", "已完成"),
    ("监督检查覆盖率低。", "制定年度监督计划，按月调度。", "2026年6月30日", "正在推进"),
    ("执法车辆使用登记不全。", "建立车辆使用登记制度。", "2025年11月30日", "已完成"),
]
for n, (prob, meas, dl, st) in enumerate(C76, 1):
    row = t.add_row().cells
    row[0].text = str(n)
    cell = row[1]
    cell.text = "问题：" + prob
    cell.add_paragraph("整改措施：" + meas)
    cell.add_paragraph("整改时限：" + dl)
    cell.add_paragraph("完成情况：" + st)
d.add_paragraph("县卫生监督所")
d.add_paragraph("2026年1月9日")
d.save(os.path.join(CORPUS, "c76_docx_two_column_table_wsjds.docx"))
gold(CORPUS, "c76_docx_two_column_table_wsjds.docx", [
    ("执法文书制作不规范", True, "2026-03-31"),
    ("行政处罚自由裁量权行使不规范", False, None),
    ("监督检查覆盖率低", True, "2026-06-30"),
    ("执法车辆使用登记不全", False, None),
], "2026-01-09")

# ledgers ---------------------------------------------------------------------------------------
import openpyxl
from datetime import date

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Sheet1"
ws.append(["序号", "问题", "时限", "状态"])
L44 = [
    ("门诊预约系统运行不稳定", date(2026, 3, 31), "整改中"),
    ("医用耗材二级库管理不规范", date(2025, 12, 31), "已完成"),
    ("护理人员配置不足", date(2026, 6, 30), "整改中"),
    ("科室绩效分配方案未公示", date(2026, 1, 31), "已完成"),
]
for n, (p, dl, st) in enumerate(L44, 1):
    ws.append([n, p, dl, st])
    ws.cell(row=n + 1, column=3).number_format = "yyyy/m/d"
wb.save(os.path.join(LEDGERS, "l44_four_columns_no_title_yy.xlsx"))
gold(LEDGERS, "l44_four_columns_no_title_yy.xlsx", [
    ("门诊预约系统运行不稳定", True, "2026-03-31"),
    ("医用耗材二级库管理不规范", False, None),
    ("护理人员配置不足", True, "2026-06-30"),
    ("科室绩效分配方案未公示", False, None),
])

buf = io.StringIO()
w = csv.writer(buf, delimiter=";", lineterminator="\r\n")
w.writerow(["序号", "存在问题", "整改措施", "责任科室", "整改时限", "完成情况"])
L45 = [
    ("健康档案重复建档", "开展档案清理，合并重复档案", "公卫科", "2026年3月31日", "整改中"),
    ("慢病随访记录不真实", "电话抽查随访对象，追责问责", "公卫科", "2025年12月31日", "已完成"),
    ("预防接种门诊留观制度落实不到位", "安排专人负责留观，张贴告示", "防保科", "2026年2月28日", "整改中"),
    ("食堂财务未单独建账", "食堂收支单独建账，每月公示", "财务科", "2025年12月31日", "已完成"),
]
for n, row in enumerate(L45, 1):
    w.writerow([n, *row])
write(LEDGERS, "l45_semicolon_csv_sqws.csv", "\ufeff" + buf.getvalue())
gold(LEDGERS, "l45_semicolon_csv_sqws.csv", [
    ("健康档案重复建档", True, "2026-03-31"),
    ("慢病随访记录不真实", False, None),
    ("预防接种门诊留观制度落实不到位", True, "2026-02-28"),
    ("食堂财务未单独建账", False, None),
])

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "整改台账"
ws.append(["序号", "问题描述", "整改措施", "责任人", "完成时限", "状态"])
L46 = [
    ("医疗废物暂存间不符合要求", "改造暂存间，配备冷藏设施", "王磊", "2026年4月30日", "✘"),
    ("消防通道堆放杂物", "清理杂物，每周巡查", "李刚", "2025年12月15日", "✔"),
    ("夜间值班人员不足", "调整排班，增加夜班人员", "陈静", "2026年3月31日", "✘"),
    ("电子病历系统权限管理混乱", "清理账号，按岗位授权", "周涛", "2025年12月31日", "✔"),
    ("药品效期管理不到位", "建立近效期药品预警", "吴芳", "2026年1月31日", "✘"),
]
for n, row in enumerate(L46, 1):
    ws.append([n, *row])
wb.save(os.path.join(LEDGERS, "l46_tick_status_column_zxwsy.xlsx"))
gold(LEDGERS, "l46_tick_status_column_zxwsy.xlsx", [
    ("医疗废物暂存间不符合要求", True, "2026-04-30"),
    ("消防通道堆放杂物", False, None),
    ("夜间值班人员不足", True, "2026-03-31"),
    ("电子病历系统权限管理混乱", False, None),
    ("药品效期管理不到位", True, "2026-01-31"),
])

buf = io.StringIO()
w = csv.writer(buf, lineterminator="\r\n")
w.writerow(["序号", "巡察反馈问题", "整改措施", "整改时限", "是否整改到位"])
L47 = [
    ("村卫生室药品零差率执行不到位", "逐村检查药品价格", "2026年3月31日", "否"),
    ("乡村医生培训走过场", "实行培训考试制度", "2025年12月31日", "是"),
    ("基本药物配备不足", "按目录补齐基本药物", "2026年2月28日", "否"),
    ("村医养老保险未落实", "协调人社部门办理参保", "2026年6月30日", "否"),
]
for n, row in enumerate(L47, 1):
    w.writerow([n, *row])
write(LEDGERS, "l47_yes_no_status_csv_xzwsy.csv", buf.getvalue())
gold(LEDGERS, "l47_yes_no_status_csv_xzwsy.csv", [
    ("村卫生室药品零差率执行不到位", True, "2026-03-31"),
    ("乡村医生培训走过场", False, None),
    ("基本药物配备不足", True, "2026-02-28"),
    ("村医养老保险未落实", True, "2026-06-30"),
])

wb = openpyxl.Workbook()
ws = wb.active
ws.title = "Sheet1"
ws.append(["县精神卫生中心巡察反馈问题整改台账"])
ws.append([])
ws.append(["序号", "反馈问题", "整改措施", "责任领导", "整改时限", "完成情况"])
L48 = [
    ("患者约束保护措施记录不全", "规范约束记录单，每日检查", "副院长 孙立", "2026年3月31日", "正在整改"),
    ("住院患者伙食费管理不规范", "伙食费单独核算，每月公示", "副院长 孙立", "2025年12月31日", "已完成"),
    ("严重精神障碍患者随访率偏低", "联合乡镇开展随访", "院长 马骏", "2026年6月30日", "正在整改"),
    ("医务人员心理危机干预培训不足", "每半年开展一次培训", "院长 马骏", "2025年12月31日", "已完成"),
]
for n, row in enumerate(L48, 1):
    ws.append([n, *row])
wb.save(os.path.join(LEDGERS, "l48_header_in_row3_jwzx.xlsx"))
gold(LEDGERS, "l48_header_in_row3_jwzx.xlsx", [
    ("患者约束保护措施记录不全", True, "2026-03-31"),
    ("住院患者伙食费管理不规范", False, None),
    ("严重精神障碍患者随访率偏低", True, "2026-06-30"),
    ("医务人员心理危机干预培训不足", False, None),
])

#!/usr/bin/env python3
"""Writes the ledgers of the fifth blind round (l28–l31), each with its gold file, written
before the importer ever read the file: an .xlsx with a 汇总 sheet before the 明细 sheet, a
header cell broken by Alt+Enter, a hidden helper column, 序号 merged over measures and deadlines
as date cells, bare serial numbers (values pasted without their format) and text (2025.6.30,
2025/6/30, 2025年底前); a Word table whose two-row header puts 计划完成时间 | 实际完成时间 under
时间节点; a CSV whose 问题类型 stands before 问题描述 and whose deadlines are relative (立行立改,
每季度, 次年3月底前); an .xlsx of the 三张清单 (问题清单 | 任务清单) with 是否销号 and deadlines
written as ranges (2025.9-2025.12).

Usage: make_round5_ledgers.py OUT_DIR [l28 l29 ...]
"""
import csv
import datetime as dt
import io
import os
import sys

import docx
from openpyxl import Workbook
import functools

import fixtures
from fixtures import wrap

D = dt.date
OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
gold = functools.partial(fixtures.gold, OUT)


def merge_runs(ws, col, start, keys):
    """Merges col over each run of rows whose key is None below a row with a key."""
    top = None
    for i, k in enumerate(list(keys) + ["end"]):
        row = start + i
        if k is not None:
            if top is not None and row - 1 > top:
                ws.merge_cells(f"{col}{top}:{col}{row - 1}")
            top = row


# 28. A hospital's ledger: the 汇总 sheet first and active, the 明细 sheet with the ledger; the
#     deadline header typed with Alt+Enter ("完成\n时限"); a hidden helper column of formulas
#     between the deadline and the status; 序号 and 反馈问题 merged over measure rows; deadlines
#     as date cells, as bare serial numbers (pasted as values), and as text.
def l28():
    wb = Workbook()
    s = wb.active
    s.title = "汇总"
    s.append(["怀州市中心医院巡视反馈问题整改情况汇总表"])
    s.append(["类别", "问题数", "已完成", "未完成", "完成率"])
    s.append(["党的建设", 3, 2, 1, "66.7%"])
    s.append(["医疗管理", 2, 1, 1, "50%"])
    s.append(["财务管理", 2, 1, 1, "50%"])
    s.append(["合计", 7, 4, 3, "57.1%"])
    ws = wb.create_sheet("明细")
    ws.append(["怀州市中心医院省委巡视反馈问题整改台账（明细）"])
    ws.merge_cells("A1:J1")
    ws.append(["填报单位：怀州市中心医院党委办公室", None, None, None, None, None, "截至时间：2025年9月30日"])
    ws.append(["序号", "问题类别", "反馈问题", "整改措施", "责任领导", "责任科室", "完成\n时限", "辅助列", "整改进展", "备注"])
    rows = [
        (1, "党的建设", "党委会议“第一议题”学习落实不到位", "修订党委会议议事规则", "党委书记 赵刚", "党委办公室", D(2025, 3, 31), "已完成"),
        (None, None, None, "建立学习贯彻落实台账", None, "党委办公室", 45838, "已完成"),
        (2, None, "基层党支部书记“双带头人”比例偏低", "调整配备党支部书记", "党委副书记 钱敏", "组织部", "2025.6.30", "已完成（2025.5.20）"),
        (3, None, "党风廉政建设责任清单不具体", "修订“两个责任”清单", "纪委书记 孙丽", "纪检监察室", "2025/6/30", "已完成"),
        (None, None, None, "开展廉政风险点排查", None, "纪检监察室", "2025年底前", "推进中"),
        (4, "医疗管理", "日间手术开展不足", "制定日间手术管理办法", "副院长 李明", "医务部", "立行立改", "已完成"),
        (5, None, "DRG付费下病案首页质量不高", "编码员每月质控培训", "副院长 李明", "病案室", "长期坚持", "长期坚持"),
        (None, None, None, "上线病案首页智能质控系统", None, "信息科", 46112, "正在推进"),
        (6, "财务管理", "科研经费管理不规范", "修订科研经费管理办法", "总会计师 周平", "财务部", D(2026, 6, 30), "未开始"),
        (7, None, "大型设备购置论证不充分", "建立设备购置专家论证制度", "总会计师 周平", "设备科", 45930, "已完成"),
    ]
    start = ws.max_row + 1
    for i, r in enumerate(rows):
        row = start + i
        ws.append(list(r[:7]) + [f'=IF(I{row}="已完成",1,0)', r[7], None])
    merge_runs(ws, "A", start, [r[0] for r in rows])
    merge_runs(ws, "C", start, [r[0] for r in rows])
    merge_runs(ws, "E", start, [r[0] for r in rows])
    merge_runs(ws, "B", start, [r[1] if r[1] else (None if i else "x") for i, r in enumerate(rows)])
    ws.cell(start, 7).number_format = "yyyy/m/d"
    ws.cell(start + 8, 7).number_format = 'yyyy"年"m"月"d"日"'
    ws.column_dimensions["H"].hidden = True
    wrap(ws)
    wb.active = 0
    wb.save(os.path.join(OUT, "l28_summary_detail_serials_hzzxyy.xlsx"))
    gold("l28_summary_detail_serials_hzzxyy.xlsx", [
        ("党委会议“第一议题”学习落实不到位", False, None),
        ("基层党支部书记“双带头人”比例偏低", False, None),
        ("党风廉政建设责任清单不具体", True, "2025-12-31"),
        ("日间手术开展不足", False, None),
        ("DRG付费下病案首页质量不高", True, "2026-03-31"),
        ("科研经费管理不规范", True, "2026-06-30"),
        ("大型设备购置论证不充分", False, None),
    ], "2025-09-30")


def cell_text(cell, text):
    cell.text = text or ""


# 29. A CDC's ledger in Word: 附件 and title paragraphs, the date in brackets; a two-row header
#     with 责任主体 over 责任领导 | 责任科室 and 时间节点 over 计划完成时间 | 实际完成时间; 序号
#     and 反馈问题 merged over two measure rows; an actual date with no status words (done); a
#     routine (每半年).
def l29():
    d = docx.Document()
    d.add_paragraph("附件")
    d.add_paragraph("锦溪县疾病预防控制中心巡察反馈问题整改落实台账")
    d.add_paragraph("（截至2026年3月31日）")
    rows = [
        ("1", "冷链设备温度监测记录不完整", "安装冷链温度自动监测系统", "副主任 田甜", "免疫规划科", "2025年12月31日", "2025年11月20日", "已完成"),
        ("2", "结核病患者随访管理不到位", "建立患者随访管理台账", "副主任 田甜", "结核病防治科", "2026年1月31日", "2026年1月15日", "已完成"),
        (None, None, "开展随访质量季度抽查", None, "结核病防治科", "2026年6月30日", "", "推进中"),
        ("3", "艾滋病检测实验室质控不规范", "参加省级室间质评，修订质控程序", "副主任 罗斌", "检验科", "2026年3月31日", "2026年3月28日", "已完成"),
        ("4", "职业病危害因素检测能力不足", "采购检测设备，培训检测人员", "副主任 罗斌", "职业卫生科", "2026年9月30日", "", "正在推进，已采购检测设备3台"),
        ("5", "业务档案管理不规范", "集中整理2021年以来业务档案", "主任 夏云", "办公室", "2026年2月28日", "2026年2月26日", ""),
        ("6", "突发公共卫生事件应急演练不足", "每半年开展一次综合应急演练", "主任 夏云", "应急办", "每半年", "", "持续开展"),
    ]
    t = d.add_table(rows=2 + len(rows), cols=8)
    t.style = "Table Grid"
    h1 = ["序号", "反馈问题", "整改措施", "责任主体", None, "时间节点", None, "整改进展"]
    h2 = [None, None, None, "责任领导", "责任科室", "计划完成时间", "实际完成时间", None]
    for i, v in enumerate(h1):
        if v:
            cell_text(t.cell(0, i), v)
    for i, v in enumerate(h2):
        if v:
            cell_text(t.cell(1, i), v)
    for i, r in enumerate(rows):
        for j, v in enumerate(r):
            if v is not None:
                cell_text(t.cell(2 + i, j), v)
    t.cell(0, 3).merge(t.cell(0, 4)).text = "责任主体"
    t.cell(0, 5).merge(t.cell(0, 6)).text = "时间节点"
    for j in (0, 1, 2, 7):
        keep = t.cell(0, j).text
        t.cell(0, j).merge(t.cell(1, j)).text = keep
    for j in (0, 1, 3):
        keep = t.cell(3, j).text
        t.cell(3, j).merge(t.cell(4, j)).text = keep
    d.add_paragraph("填表人：王芳　　审核人：夏云")
    d.save(os.path.join(OUT, "l29_docx_plan_actual_time_jxcdc.docx"))
    gold("l29_docx_plan_actual_time_jxcdc.docx", [
        ("冷链设备温度监测记录不完整", False, None),
        ("结核病患者随访管理不到位", True, "2026-06-30"),
        ("艾滋病检测实验室质控不规范", False, None),
        ("职业病危害因素检测能力不足", True, "2026-09-30"),
        ("业务档案管理不规范", False, None),
        ("突发公共卫生事件应急演练不足", True, None),
    ], "2026-03-31")


# 30. A township health centre's CSV as Excel writes it (UTF-8 with a BOM, CRLF): title and
#     统计时间 rows, 问题类型 before 问题描述, an 整改目标 column, deadlines 2025.6.30, 立行立改,
#     2025/12/31, 次年3月底前, 每季度, 2025年6月30日前, 2025年10月底前; a measures cell with a line
#     break; 完成时间 filled for done rows.
def l30():
    rows = [
        ["塘角镇卫生院巡察整改台账", "", "", "", "", "", "", "", ""],
        ["统计时间：2025年8月31日", "", "", "", "", "", "", "", ""],
        ["序号", "问题类型", "问题描述", "整改措施", "整改目标", "整改时限", "责任人", "整改进度", "完成时间"],
        ["1", "党建", "支部学习教育不经常", "制定学习计划，每月集中学习", "学习常态化", "2025.6.30", "支部书记 陈林", "已完成", "2025.6.28"],
        ["2", "党建", "党费收缴不及时", "按月收缴党费", "按时足额收缴", "立行立改", "支部书记 陈林", "已完成", "2025/5/10"],
        ["3", "业务", "慢病随访不规范", "1.开展随访培训\n2.每月抽查随访记录", "随访规范率达90%", "2025/12/31", "副院长 刘芳", "推进中", ""],
        ["4", "业务", "预防接种门诊设置不规范", "改造数字化预防接种门诊", "通过验收", "次年3月底前", "副院长 刘芳", "正在施工", ""],
        ["5", "财务", "库存药品账实不符", "每季度盘点库存药品", "账实相符", "每季度", "院长 黄斌", "持续推进", ""],
        ["6", "财务", "医疗收费公示不全面", "完善收费公示栏和电子屏", "公示全覆盖", "2025年6月30日前", "院长 黄斌", "已完成", "2025年6月20日"],
        ["7", "行风", "服务态度投诉较多", "开展服务礼仪培训", "投诉下降", "2025年10月底前", "院长 黄斌", "整改中", ""],
    ]
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\r\n").writerows(rows)
    with open(os.path.join(OUT, "l30_csv_type_before_problem_tjwsy.csv"), "wb") as f:
        f.write(b"\xef\xbb\xbf" + buf.getvalue().encode("utf-8"))
    gold("l30_csv_type_before_problem_tjwsy.csv", [
        ("支部学习教育不经常", False, None),
        ("党费收缴不及时", False, None),
        ("慢病随访不规范", True, "2025-12-31"),
        ("预防接种门诊设置不规范", True, "2026-03-31"),
        ("库存药品账实不符", True, None),
        ("医疗收费公示不全面", False, None),
        ("服务态度投诉较多", True, "2025-10-31"),
    ], "2025-08-31")


# 31. A health commission's 三张清单 in Excel: 问题清单 | 任务清单 | 责任领导 | 责任科室 | 完成时限 |
#     是否销号 | 销号时间 | 备注; deadlines as ranges (2025.9-2025.12, 2026年1月—2026年12月,
#     2025年10月-12月); a problem over two task rows.
def l31():
    wb = Workbook()
    ws = wb.active
    ws.title = "三张清单"
    ws.append(["蒲溪县卫生健康委员会县委巡察反馈问题整改“三张清单”"])
    ws.merge_cells("A1:I1")
    ws.append(["填报日期：2026年4月30日"])
    ws.append(["序号", "问题清单", "任务清单", "责任领导", "责任科室", "完成时限", "是否销号", "销号时间", "备注"])
    rows = [
        ("1", "医共体牵头医院带动作用不强", "建立医共体内人员下沉机制", "副主任 曾凡", "医政医管科", "2025.9-2025.12", "是", "2025.12.26", None),
        ("2", "村医队伍老化，后继乏人", "实施村医定向培养计划", "副主任 曾凡", "基层卫生科", "2026年1月—2026年12月", "否", None, "正在实施"),
        (None, None, "提高村医补助标准", None, "基层卫生科", "2026.1-2026.3", "是", "2026.3.25", None),
        ("3", "公共卫生项目资金拨付滞后", "按季度预拨项目资金", "主任 谭军", "财务科", "2025年10月-12月", "是", "2026.1.8", None),
        ("4", "卫生监督执法力量薄弱", "招录执法人员，开展执法培训", "副主任 何静", "综合监督科", "2026.3-2026.6", "否", None, "招录考试已完成"),
        ("5", "老年友善医疗机构创建进度慢", "指导医疗机构完成创建", "副主任 何静", "老龄健康科", "2026年6月底前", "否", None, None),
        ("6", "卫生应急物资储备不足", "补充应急物资储备", "主任 谭军", "应急办", "立行立改", "是", "2025.11.3", None),
    ]
    start = ws.max_row + 1
    for r in rows:
        ws.append(list(r))
    merge_runs(ws, "A", start, [r[0] for r in rows])
    merge_runs(ws, "B", start, [r[0] for r in rows])
    merge_runs(ws, "D", start, [r[0] for r in rows])
    wrap(ws)
    wb.save(os.path.join(OUT, "l31_three_lists_ranges_pxwjw.xlsx"))
    gold("l31_three_lists_ranges_pxwjw.xlsx", [
        ("医共体牵头医院带动作用不强", False, None),
        ("村医队伍老化，后继乏人", True, "2026-12-31"),
        ("公共卫生项目资金拨付滞后", False, None),
        ("卫生监督执法力量薄弱", True, "2026-06-30"),
        ("老年友善医疗机构创建进度慢", True, "2026-06-30"),
        ("卫生应急物资储备不足", False, None),
    ], "2026-04-30")


MAKERS = (l28, l29, l30, l31)
chosen = set(sys.argv[2:])
for make in MAKERS:
    if not chosen or make.__name__ in chosen:
        make()
print("wrote", OUT)

#!/usr/bin/env python3
"""Writes the ledgers of the sixth blind round (l32–l35), each with its gold file, written
before the importer ever read the file: an .xlsx whose first (active) sheet is a 填报说明, the
ledger on the second with an autofilter and frozen panes, deadlines as datetime cells (some
with a time of day), a 状态 column of 红/黄/绿 words beside a narrative 进展情况; a CSV exported
from a 钉钉/WPS 表单 with a column per question ("1.反馈问题", "4.计划完成时间"), 提交人 and
提交时间; an .xlsx whose 序号 numbers measures "1-1", "1-2" under each problem (the problem cell
repeated, merged or left blank); a Word ledger whose header row repeats on each page
(tblHeader) and whose table was split by hand at a page break, the header typed again and a
problem's row continued (续) on the next page.

Usage: make_round6_ledgers.py OUT_DIR [l32 l33 ...]
"""
import csv
import datetime as dt
import io
import os
import sys

import docx
from docx.enum.text import WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from openpyxl import Workbook
import functools

import fixtures
from fixtures import wrap

OUT = sys.argv[1]
os.makedirs(OUT, exist_ok=True)
ONLY = set(sys.argv[2:])
gold = functools.partial(fixtures.gold, OUT)


# 32. A maternal and child health hospital's 督办 ledger: 填报说明 first, the ledger second with
#     an autofilter and frozen header; deadlines as datetime cells (one with 17:30); 状态 holds
#     红/黄/绿 (the office's warning light), 进展情况 the words.
def l32():
    name = "l32_instructions_first_datetime_lights_yxfy.xlsx"
    wb = Workbook()
    s = wb.active
    s.title = "填报说明"
    for line in ["填报说明：",
                 "1.本表由各责任科室每月25日前更新，报院整改办汇总。",
                 "2.“整改时限”按整改方案填写，不得擅自更改；确需延期的在备注栏说明。",
                 "3.“状态”栏：红=超期未完成，黄=临近时限（15天内），绿=按进度推进或已完成。",
                 "4.“进展情况”请如实填写已完成、正在推进等，并附佐证材料。"]:
        s.append([line])
    s.column_dimensions["A"].width = 90
    ws = wb.create_sheet("整改台账")
    ws.append(["云溪县妇幼保健院巡察反馈问题整改督办台账"])
    ws.append(["填报单位：云溪县妇幼保健院", None, None, None, "填报日期：2025年10月31日"])
    ws.append(["序号", "问题类别", "反馈问题", "整改措施", "责任领导", "责任科室", "整改时限", "进展情况", "状态", "备注"])
    rows = [
        (1, "党的建设", "党支部组织生活会批评与自我批评不够深入", "召开专题组织生活会，开展相互批评", "院长 杨帆", "党办",
         dt.datetime(2025, 8, 31), "已完成", "绿", ""),
        (2, "业务工作", "产科危急重症救治能力不足", "购置新生儿转运设备，开展产科急救演练", "副院长 林清", "医务科",
         dt.datetime(2025, 12, 31), "正在推进，设备已完成招标", "黄", ""),
        (3, "业务工作", "儿童保健信息系统数据录入不及时", "增配录入人员，每周通报录入情况", "副院长 林清", "保健部",
         dt.datetime(2025, 9, 30, 17, 30), "未完成，人员招聘尚未到位", "红", "超期"),
        (4, "财务管理", "固定资产账实不符", "开展资产全面清查，调整账务", "副院长 吴敏", "财务科",
         dt.datetime(2025, 10, 15), "已完成，待验收", "绿", "已提交销号申请"),
        (5, "财务管理", "医疗收费项目公示不全", "更新收费公示栏和电子屏", "副院长 吴敏", "财务科",
         dt.datetime(2026, 3, 31), "基本完成，剩余分院公示屏待安装", "绿", ""),
        (6, "作风建设", "窗口服务态度差，群众投诉较多", "开展服务礼仪培训，建立投诉回访制度", "院长 杨帆", "门诊部",
         dt.datetime(2025, 9, 15), "已整改到位", "绿", ""),
    ]
    for r in rows:
        ws.append(list(r))
    for row in ws.iter_rows(min_row=4, max_row=3 + len(rows), min_col=7, max_col=7):
        for c in row:
            c.number_format = "yyyy-mm-dd hh:mm" if c.value.hour else "yyyy-mm-dd"
    ws.merge_cells("A1:J1")
    ws.auto_filter.ref = f"A3:J{3 + len(rows)}"
    ws.freeze_panes = "A4"
    wrap(ws)
    wb.active = 0
    wb.save(os.path.join(OUT, name))
    gold(name, [
        ("党支部组织生活会批评与自我批评不够深入", False, None),
        ("产科危急重症救治能力不足", True, "2025-12-31"),
        ("儿童保健信息系统数据录入不及时", True, "2025-09-30"),
        ("固定资产账实不符", False, None),
        ("医疗收费项目公示不全", True, "2026-03-31"),
        ("窗口服务态度差", False, None),
    ], "2025-10-31")


# 33. A 钉钉/WPS 表单 export: UTF-8 with a BOM, one column per question numbered as the form
#     numbers them, 提交人 / 提交时间 / 所在部门 first, 是否完成整改 answered 是/否, dates as text.
def l33():
    name = "l33_form_export_question_columns_hxcdc.csv"
    header = ["序号", "提交人", "提交时间", "所在部门", "1.反馈问题", "2.整改措施", "3.责任人",
              "4.计划完成时间", "5.目前进展", "6.是否完成整改", "7.佐证材料（附件）"]
    rows = [
        ["1", "陈静", "2025-10-09 14:22:05", "免疫规划科", "疫苗出入库登记不规范，账物不符",
         "建立疫苗出入库双人核对制度，每月盘点", "陈静", "2025-09-30", "已完成，每月盘点记录已归档", "是", "盘点记录.pdf"],
        ["2", "刘洋", "2025-10-09 15:03:41", "检验科", "实验室质控记录不完整",
         "修订室内质控程序，开展质控培训", "刘洋", "2025-12-31", "正在推进，质控程序已修订，培训11月开展", "否", ""],
        ["3", "黄丽", "2025-10-10 09:12:18", "慢病科", "慢病随访信息与实际不符",
         "开展随访信息核查，约谈责任医生", "黄丽", "2026-06-30", "取得阶段性成效，已核查3个乡镇", "否", "核查表.xlsx"],
        ["4", "周涛", "2025-10-10 10:45:30", "办公室", "公务接待清单填写不规范",
         "修订公务接待管理办法，统一清单格式", "周涛", "2025-08-31", "已完成，待验收", "是", "管理办法.docx"],
        ["5", "吴强", "2025-10-11 16:30:02", "党办", "党员教育管理不够经常",
         "每月开展主题党日活动", "吴强", "长期", "长期坚持，按月开展", "否", ""],
        ["6", "郑敏", "2025-10-12 08:55:47", "财务科", "差旅费报销审核不严",
         "修订报销审核细则，开展专项自查", "郑敏", "2025-10-31", "已整改到位", "是", "自查报告.pdf"],
    ]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(header)
    w.writerows(rows)
    with open(os.path.join(OUT, name), "w", encoding="utf-8-sig", newline="") as f:
        f.write(buf.getvalue())
    gold(name, [
        ("疫苗出入库登记不规范", False, None),
        ("实验室质控记录不完整", True, "2025-12-31"),
        ("慢病随访信息与实际不符", True, "2026-06-30"),
        ("公务接待清单填写不规范", False, None),
        ("党员教育管理不够经常", True, None),
        ("差旅费报销审核不严", False, None),
    ], None)


# 34. A county bureau's 任务台账: 序号 numbers measures 1-1, 1-2, 2-1 …; the problem cell is
#     repeated (filled down), merged, or left blank below its first measure; deadlines as text
#     2025.9.30 / 2025.12 / 长期坚持; statuses per measure.
def l34():
    name = "l34_measure_serials_hyphen_ptwjj.xlsx"
    wb = Workbook()
    ws = wb.active
    ws.title = "任务台账"
    ws.append(["平潭县卫生健康局巡察整改任务台账（截至2025年11月30日）"])
    ws.append(["填报单位：平潭县卫生健康局"])
    ws.append(["序号", "反馈问题", "整改措施", "责任单位", "责任人", "完成时限", "完成情况"])
    A = "党组会议“第一议题”学习制度落实不到位"
    B = "县域医共体建设推进缓慢"
    C = "乡村医生队伍建设滞后"
    D = "医疗机构依法执业监管不到位"
    E = "工会经费使用不规范"
    rows = [
        ("1-1", A, "修订党组会议议事规则", "办公室", "林海", "2025.9.30", "已完成"),
        ("1-2", A, "建立学习台账，每季度检查", "办公室", "林海", "2025.12.31", "已完成"),
        ("2-1", B, "制定医共体建设实施方案", "医政股", "郭蓉", "2025.10.31", "已完成"),
        ("2-2", None, "推进医共体内人财物统一管理", "医政股", "郭蓉", "2026.6.30", "正在推进"),
        ("2-3", None, "建设医共体信息平台", "规划信息股", "蔡斌", "2026.3.31", "取得阶段性成效"),
        ("3-1", C, "开展乡村医生定向培养", "基层卫生股", "王芳", "2025.8.31", "已完成"),
        ("3-2", None, "落实乡村医生养老保障", "基层卫生股", "王芳", "长期坚持", "持续推进"),
        ("4-1", D, "开展医疗机构依法执业专项检查", "卫生监督所", "许杰", "2025.12", "基本完成"),
        ("5-1", E, "清理2023年以来工会经费支出", "机关工会", "张丽", "2025.11.30", "已完成待验收"),
        ("5-2", "", "修订工会经费管理办法", "机关工会", "张丽", "2025.11.30", "已完成"),
    ]
    for r in rows:
        ws.append(list(r))
    ws.merge_cells("B6:B8")   # B merged over its three measures (2-1 … 2-3)
    ws.merge_cells("A1:G1")
    wrap(ws)
    wb.save(os.path.join(OUT, name))
    gold(name, [
        (A, False, None),
        (B, True, "2026-06-30"),
        (C, True, None),
        (D, True, "2025-12-31"),
        (E, False, None),
    ], "2025-11-30")


# 35. A CDC's Word 整改台账: the header row marked to repeat on each page (tblHeader), the table
#     split by hand at a page break with the header typed again, and problem 3's row continued on
#     the next page ("（续）" measure, its own deadline and status, 序号 and problem blank).
def l35():
    name = "l35_docx_repeat_header_continued_row_jycdc.docx"
    d = docx.Document()
    d.add_paragraph("建阳县疾病预防控制中心巡察整改台账")
    d.add_paragraph("填报单位：建阳县疾病预防控制中心        填报时间：2025年12月15日")
    header = ["序号", "巡察反馈问题", "整改措施", "责任领导", "责任科室", "整改时限", "整改进展"]

    def table(rows):
        t = d.add_table(rows=1 + len(rows), cols=len(header))
        t.style = "Table Grid"
        trPr = t.rows[0]._tr.get_or_add_trPr()
        trPr.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
        for j, h in enumerate(header):
            t.cell(0, j).text = h
        for i, r in enumerate(rows, start=1):
            for j, v in enumerate(r):
                t.cell(i, j).text = v
        return t

    table([
        ["1", "中心领导班子议事决策制度执行不严", "修订领导班子议事规则，重大事项集体研究", "主任 邱平", "办公室",
         "2025年9月30日", "已完成"],
        ["2", "传染病监测预警信息化水平低", "升级传染病监测预警系统，对接医疗机构数据", "副主任 韩雪", "传染病防制科",
         "2026年6月30日", "正在推进，系统升级已立项"],
        ["3", "专业技术人员培训不足，人才流失较多", "一是制定年度培训计划，选派骨干外出进修；二是完善绩效分配办法",
         "副主任 韩雪", "人事科", "2025年10月31日", "培训计划已完成"],
    ])
    p = d.add_paragraph()
    p.add_run().add_break(WD_BREAK.PAGE)
    table([
        ["", "", "（续）三是争取增加专业技术岗位编制，落实人才引进待遇", "副主任 韩雪", "人事科",
         "2026年3月31日", "正在协调编制部门"],
        ["4", "实验室检测项目开展不全", "开展检验检测能力扩项，申请资质认定", "副主任 曾强", "检验科",
         "2025年11月30日", "已完成"],
        ["5", "预防接种单位督导检查流于形式", "制定督导检查标准，每季度开展一次全覆盖督导", "副主任 曾强", "免疫规划科",
         "2025年9月30日", "已完成，待验收"],
    ])
    d.add_paragraph("填表人：李娜        审核人：邱平")
    d.save(os.path.join(OUT, name))
    gold(name, [
        ("中心领导班子议事决策制度执行不严", False, None),
        ("传染病监测预警信息化水平低", True, "2026-06-30"),
        ("专业技术人员培训不足", True, "2026-03-31"),
        ("实验室检测项目开展不全", False, None),
        ("预防接种单位督导检查流于形式", False, None),
    ], "2025-12-15")


for key, fn in [("l32", l32), ("l33", l33), ("l34", l34), ("l35", l35)]:
    if not ONLY or key in ONLY:
        fn()

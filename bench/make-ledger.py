#!/usr/bin/env python3
"""Writes a large 整改台账 .xlsx for bench/ledger.sh: N problems, some with several measure
rows (merged problem cells), shared strings, real date cells, a title and a date row.

Usage: make-ledger.py ROWS OUT.xlsx
"""
import datetime, random, sys
from openpyxl import Workbook

rows, out = int(sys.argv[1]), sys.argv[2]
random.seed(7)
wb = Workbook()
ws = wb.active
ws.title = "整改台账"
ws.append(["某县卫生健康局巡察反馈问题整改台账"])
ws.merge_cells("A1:I1")
ws.append(["填报单位：某县卫生健康局", None, None, None, None, None, "填报日期：2025年9月30日"])
ws.append(["序号", "问题类别", "反馈问题", "整改措施", "责任领导", "责任科室", "整改时限", "完成情况", "备注"])
categories = ["政治建设方面", "全面从严治党方面", "落实整改方面", "为民服务方面"]
leaders = ["王建国", "李红梅", "张卫东", "赵敏"]
depts = ["办公室", "医政股", "基层卫生股", "财务股", "疾控股"]
states = ["已完成", "正在推进", "阶段性完成", "已完成", "已完成"]
row, number = 4, 0
while row - 4 < rows:
    number += 1
    measures = random.choice([1, 1, 1, 2, 3])
    measures = min(measures, rows - (row - 4))
    first = row
    for k in range(measures):
        due = datetime.date(2025, 1, 1) + datetime.timedelta(days=random.randrange(0, 700))
        ws.append([number if k == 0 else None, categories[number % 4] if k == 0 else None,
                   f"第{number}个问题：制度执行不严格，台账记录不完整" if k == 0 else None,
                   f"（{k + 1}）修订管理制度并开展专项检查{number}-{k + 1}", leaders[number % 4], depts[number % 5],
                   due, states[(number + k) % 5], None])
        ws.cell(row=row, column=7).number_format = "yyyy/m/d"
        row += 1
    if measures > 1:
        for col in "ABC":
            ws.merge_cells(f"{col}{first}:{col}{row - 1}")
wb.save(out)

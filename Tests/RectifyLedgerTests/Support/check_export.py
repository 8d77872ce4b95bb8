#!/usr/bin/env python3
"""Reads an exported ledger workbook with openpyxl and prints what a clerk would check, as
JSON: the sheets, the frozen cell, the title, the header, how many 整改时限 cells are real
dates, the fills of the 督办预警 column, merged ranges and column widths."""
import datetime, json, sys

from openpyxl import load_workbook

wb = load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "per_sheet": []}
for ws in wb.worksheets:
    header = [c.value for c in ws[3]]
    deadline_col = header.index("整改时限") + 1
    state_col = header.index("督办预警") + 1
    dates = texts = 0
    fills = {}
    for row in ws.iter_rows(min_row=4):
        v = row[deadline_col - 1].value
        if isinstance(v, (datetime.date, datetime.datetime)):
            dates += 1
        elif v:
            texts += 1
        state = row[state_col - 1]
        if state.value:
            fills[str(state.value)] = state.fill.fgColor.rgb
    out["per_sheet"].append({
        "title": ws["A1"].value, "freeze": ws.freeze_panes, "header": header, "date_cells": dates,
        "text_deadlines": texts, "fills": fills, "merged": len(ws.merged_cells.ranges),
        "widths": {k: v.width for k, v in ws.column_dimensions.items()},
        "print_titles": ws.print_title_rows,
    })
print(json.dumps(out, ensure_ascii=False))

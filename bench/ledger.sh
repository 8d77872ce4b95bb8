#!/bin/sh
# Ledger benchmark: importing a 10,000-row .xlsx (problems with measure rows, merged cells,
# date cells, shared strings: bench/make-ledger.py, openpyxl) and the same rows as CSV, and
# exporting 10,000 items as .xlsx, .csv and .ics. Builds rectifyctl in release mode (own
# scratch path) and times in-process runs with the hidden --bench-repeat N flag (the median
# of N; reading the file from disk is outside the timing, unzipping and parsing inside).
# Targets: import of the 10,000-row .xlsx < 1 s; export of 10,000 items < 1 s.
set -eu
cd "$(dirname "$0")/.."
scratch=${SCRATCH_PATH:-.build-import-release}
runs=${RUNS:-7}
rows=${ROWS:-10000}
swift build -c release --scratch-path "$scratch" --product rectifyctl >/dev/null
bin="$(swift build -c release --scratch-path "$scratch" --show-bin-path)/rectifyctl"
work=$(mktemp -d /tmp/rectify-ledger-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
python3 bench/make-ledger.py "$rows" "$work/ledger.xlsx"
python3 - "$work/ledger.xlsx" "$work/ledger.csv" <<'PY'
import csv, sys
from openpyxl import load_workbook
ws = load_workbook(sys.argv[1]).active
with open(sys.argv[2], "w", encoding="utf-8-sig", newline="") as f:
    w = csv.writer(f, lineterminator="\r\n")
    for row in ws.iter_rows(values_only=True):
        w.writerow(["" if v is None else (v.strftime("%Y/%-m/%-d") if hasattr(v, "strftime") else v) for v in row])
PY
# A plan of 10,000 items for the export rows.
python3 - "$work/plan.json" "$rows" <<'PY'
import json, sys
n = int(sys.argv[2])
items = []
for i in range(1, n + 1):
    item = {"id": str(i), "title": f"第{i}个问题：制度执行不严格，台账记录不完整", "status": ["done", "in_progress", "in_progress", "long_term"][i % 4],
            "category": ["全面从严治党方面"], "text": f"第{i}个问题\n整改措施：修订制度并开展专项检查{i}",
            "responsible": {"leader": {"name": "王建国"}, "department": "办公室"}}
    if item["status"] == "in_progress":
        item["deadline"] = {"date": f"20{26 + i % 3}-0{1 + i % 9}-1{i % 9}", "precision": "day"}
        if i % 5 == 0:
            item["milestones"] = [{"title": "完成调研", "deadline": f"2025-0{1 + i % 9}-0{1 + i % 9}", "done": True}]
    items.append(item)
json.dump({"plan": {"id": "bench", "unit": "某县卫生健康局", "title": "某县卫生健康局整改台账"}, "items": items}, open(sys.argv[1], "w"), ensure_ascii=False)
PY

field() { printf '%s\n' "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }
verdict() { awk -v m="$1" -v t="$2" 'BEGIN { print (m < t) ? "ok" : "SLOW" }'; }
printf '%-28s %9s %7s %9s %9s %10s\n' "step" "bytes" "items" "median_ms" "min_ms" "target_ms"
for file in ledger.xlsx ledger.csv; do
    out=$("$bin" import --bench-repeat "$runs" "$work/$file")
    m=$(field "$out" median_ms)
    printf '%-28s %9s %7s %9s %9s %10s  %s\n' "import $rows-row .${file##*.}" "$(field "$out" bytes)" "$(field "$out" items)" \
        "$m" "$(field "$out" min_ms)" "< 1000" "$(verdict "$m" 1000)"
done
for format in xlsx csv ics; do
    out=$("$bin" export --format "$format" --at 2026-06-01 --bench-repeat "$runs" "$work/plan.json")
    m=$(field "$out" median_ms)
    size=$("$bin" export --format "$format" --at 2026-06-01 -o "$work/out.$format" "$work/plan.json" && wc -c < "$work/out.$format")
    printf '%-28s %9s %7s %9s %9s %10s  %s\n' "export $format" "$size" "$(field "$out" items)" "$m" "$(field "$out" min_ms)" "< 1000" "$(verdict "$m" 1000)"
done
echo "(median and best of $runs in-process runs, release build; $(nproc) cores)"

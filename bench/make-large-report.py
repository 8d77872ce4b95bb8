#!/usr/bin/env python3
"""Writes a ~1 MB 整改进展通报 for the import benchmark: the header and opening of a seed
report, then its item section repeated with items renumbered (（1）…（N）, 1.…N.) and the
dates of each copy shifted, then the closing lines."""
import re, sys

seed, out, target = sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
lines = open(seed, encoding="utf-8").read().split("\n")
start = next(i for i, l in enumerate(lines) if l.startswith("二、"))
end = next(i for i, l in enumerate(lines) if l.startswith("三、"))
head, section, tail = lines[: start + 1], lines[start + 1 : end], lines[end:]
body, size, item, group, copy = [], 0, 0, 0, 0
while size < target:
    item = group = 0
    for line in section:
        def item_no(m):
            global item
            item += 1
            return f"（{item}）"
        def group_no(m):
            global group
            group += 1
            return f"{group}."
        line = re.sub(r"^（\d+）", item_no, line)
        line = re.sub(r"^\d+\.", group_no, line)
        line = re.sub(r"(20\d\d)年", lambda m: f"{int(m.group(1)) + copy % 3}年", line)
        body.append(line)
        size += len(line.encode()) + 1
    copy += 1
open(out, "w", encoding="utf-8").write("\n".join(head + body + tail))
print(f"{out}: {size} bytes, {copy} copies of the item section", file=sys.stderr)

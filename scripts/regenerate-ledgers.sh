#!/usr/bin/env bash
# Rewrites the ledger corpus (Tests/RectifyImportTests/Fixtures/ledgers/: .xlsx, .csv, .docx,
# .xls and their gold files) from the generators in Tests/RectifyLedgerTests/Support/:
# make_ledgers.py (l01–l27), make_round5/6/7_ledgers.py (the blind rounds' ledgers), and
# make_round9/10_reports.py, which write a round's reports and ledgers together (so they also
# rewrite their reports, c70–c81, in the report corpus). The files are committed so that scoring
# them needs neither Python nor openpyxl; regenerate after editing a script. Needs openpyxl and
# python-docx (scripts/install-deps.sh --test installs them). What the generators share (the gold file,
# wrapped cells, Word XML by hand) is in Support/fixtures.py.
#   scripts/regenerate-ledgers.sh [LEDGER_DIR [CORPUS_DIR]]   # other folders, e.g. to compare
set -euo pipefail
cd "$(dirname "$0")/.."
support=Tests/RectifyLedgerTests/Support
out=${1:-Tests/RectifyImportTests/Fixtures/ledgers}
corpus=${2:-Tests/RectifyImportTests/Fixtures/corpus}
mkdir -p "$out" "$corpus"
rm -f "$out"/l[0-9][0-9]_*
for generator in make_ledgers.py make_round5_ledgers.py make_round6_ledgers.py make_round7_ledgers.py; do
    python3 "$support/$generator" "$out"
done
for generator in make_round9_reports.py make_round10_reports.py; do
    python3 "$support/$generator" "$corpus" "$out"
done

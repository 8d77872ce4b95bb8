#!/usr/bin/env bash
# Rewrites the ledger corpus (Tests/RectifyImportTests/Fixtures/ledgers/: .xlsx, .csv, .docx
# and their gold files) from Tests/RectifyLedgerTests/Support/make_ledgers.py. The files are
# committed so that scoring them needs neither Python nor openpyxl; regenerate after editing
# the script. Needs openpyxl and python-docx (scripts/install-deps.sh --test installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
out=Tests/RectifyImportTests/Fixtures/ledgers
rm -f "$out"/l[0-9][0-9]_*
python3 Tests/RectifyLedgerTests/Support/make_ledgers.py "$out"

#!/usr/bin/env bash
# SMTP delivery throughput: N notices (3 items each, ~12 kB as MIME) sent in one batch by
# SMTPNotifier to a local aiosmtpd with STARTTLS and AUTH, over one reused connection.
#   bench/smtp.sh          # 500 messages
#   N=2000 bench/smtp.sh
# Debug build of the tests (what `swift test` builds); the server writes every message to disk.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-500}
RECTIFY_BENCH_SMTP=$N swift test --scratch-path .build-notify \
    --filter 'SMTPThroughputTests' 2>&1 | grep -E '^smtp_bench|✘|error:' | tr '\t' '\n'

#!/usr/bin/env bash
# SMTP delivery throughput: N notices (3 items each, ~12 kB as MIME) sent in one batch by
# SMTPNotifier to a local aiosmtpd with STARTTLS and AUTH, over one reused connection.
#   bench/smtp.sh          # 500 messages
#   N=2000 bench/smtp.sh
# Debug build of the tests by default; CONFIG=release measures a release build (the figure to
# compare with the 200 mails/s target). The server writes every message to disk.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-500}
CONFIG=${CONFIG:-debug}
SCRATCH=.build-notify
[ "$CONFIG" = release ] && SCRATCH=.build-bench
RECTIFY_BENCH_SMTP=$N swift test -c "$CONFIG" --scratch-path "$SCRATCH" \
    --filter 'SMTPThroughputTests' 2>&1 | grep -E '^smtp_bench|✘|error:' | tr '\t' '\n'

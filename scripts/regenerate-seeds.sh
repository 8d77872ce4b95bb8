#!/bin/sh
# Rebuilds rectifyctl and regenerates seeds/NAME.plan.json from seeds/NAME.txt.
# SeedPlanTests fails until this has been run after a change to the importer.
# Keys are sorted (python3) so that regenerating an unchanged plan changes no byte.
set -eu
cd "$(dirname "$0")/.."
scratch=${SCRATCH_PATH:-.build-import}
swift build --scratch-path "$scratch" --product rectifyctl
bin="$(swift build --scratch-path "$scratch" --show-bin-path)/rectifyctl"
for report in seeds/*.txt; do
    plan="seeds/$(basename "$report" .txt).plan.json"
    "$bin" import --format json "$report" |
        python3 -c 'import json, sys; json.dump(json.load(sys.stdin), sys.stdout, ensure_ascii=False, indent=2, sort_keys=True); print()' \
            >"$plan.tmp"
    mv "$plan.tmp" "$plan"
    echo "wrote $plan"
done

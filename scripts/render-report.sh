#!/usr/bin/env bash
# Renders a drafted 通报 as Word would show it: rectifyctl writes the .docx, LibreOffice turns it
# into a PDF, pdftoppm its first and last page into PNG (docs/images/report-draft-first.png and
# -last.png, shown in docs/reports.md).
#
#   scripts/render-report.sh [SEED.txt] [AS-OF]        (default: seeds/001_76357eb5244c6017.txt, 2025-11-20)
#
# Needs libreoffice-writer and poppler-utils (apt-get install libreoffice-writer poppler-utils).
# The 公文 faces (方正小标宋简体, 黑体, 楷体_GB2312, 仿宋_GB2312) are rarely installed on Linux; a
# fontconfig file maps them to Noto Serif/Sans CJK and AR PL UKai (fonts-noto-cjk,
# fonts-arphic-ukai) for this rendering only. An office with the real faces sees those.
set -euo pipefail
cd "$(dirname "$0")/.."
seed="${1:-seeds/001_76357eb5244c6017.txt}"
as_of="${2:-2025-11-20}"
for tool in soffice pdftoppm; do
    command -v "$tool" >/dev/null || { echo "render-report: $tool is missing (apt-get install libreoffice-writer poppler-utils)" >&2; exit 2; }
done
swift build --product rectifyctl >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cat > "$work/fonts.conf" <<'XML'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <match target="pattern"><test name="family"><string>方正小标宋简体</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Serif CJK SC</string></edit>
    <edit name="weight" mode="assign" binding="strong"><const>bold</const></edit></match>
  <alias binding="strong"><family>黑体</family><prefer><family>Noto Sans CJK SC</family></prefer></alias>
  <alias binding="strong"><family>楷体_GB2312</family><prefer><family>AR PL UKai CN</family><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>仿宋_GB2312</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
  <alias binding="strong"><family>宋体</family><prefer><family>Noto Serif CJK SC</family></prefer></alias>
</fontconfig>
XML
.build/debug/rectifyctl report draft --as-of "$as_of" -o "$work/draft.docx" "$seed"
FONTCONFIG_FILE="$work/fonts.conf" HOME="$work" soffice --headless --convert-to pdf --outdir "$work" "$work/draft.docx" >/dev/null 2>&1
mkdir -p docs/images
pages="$(pdfinfo "$work/draft.pdf" | awk '/^Pages:/ {print $2}')"
pdftoppm -r 70 -png -singlefile -f 1 -l 1 "$work/draft.pdf" docs/images/report-draft-first
pdftoppm -r 70 -png -singlefile -f "$pages" -l "$pages" "$work/draft.pdf" docs/images/report-draft-last
echo "render-report: $pages pages; docs/images/report-draft-first.png, docs/images/report-draft-last.png"

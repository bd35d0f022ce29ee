#!/usr/bin/env bash
# Prints the demo bank's cheat sheet with headless Chromium, on A4 and on Letter, and
# checks what a user would see on paper: a sane number of pages of the right size,
# and every story card starting and ending on the same page (its head "Q3 · STAR" and
# its end line "— q3 —" land on one page). Usage: print_cheatsheet.sh REHEARSE_BIN
# Exits 77 (a skip for ctest) only when Chromium is not installed; PDF tools missing
# is a failure, since scripts/setup installs them.
set -euo pipefail

bin=${1:?usage: print_cheatsheet.sh REHEARSE_BIN}
chromium=${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [[ -z $chromium ]]; then
  echo "SKIP: no chromium on this machine"
  exit 77
fi
for tool in pdfinfo pdftotext; do
  command -v "$tool" >/dev/null || { echo "FAIL: $tool is missing (poppler-utils; run scripts/setup)"; exit 1; }
done

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
# The test's own clock, data folder and browser profile: nothing of the user's is read.
export REHEARSE_NOW=2026-11-25T09:00:00Z XDG_CONFIG_HOME=$dir/config HOME=$dir
db=$dir/bank.db
"$bin" import --demo --db "$db" >/dev/null 2>&1
mapfile -t keys < <("$bin" stories --json --db "$db" | grep -o '"key":"[^"]*"' | cut -d'"' -f4)
(( ${#keys[@]} > 0 )) || { echo "FAIL: the demo bank has no stories"; exit 1; }

failed=0
for paper in a4 letter; do
  "$bin" export --format html --company amazon --paper "$paper" --db "$db" -o "$dir/$paper.html" 2>/dev/null
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --no-pdf-header-footer --no-first-run \
    --user-data-dir="$dir/profile" --print-to-pdf="$dir/$paper.pdf" "file://$dir/$paper.html" >/dev/null 2>&1
  info=$(pdfinfo "$dir/$paper.pdf")
  pages=$(awk '/^Pages:/ {print $2}' <<<"$info")
  size=$(grep '^Page size:' <<<"$info")
  want=$([[ $paper == a4 ]] && echo "(A4)" || echo "(letter)")
  if [[ $size != *"$want"* ]]; then
    echo "FAIL: $paper: pages are not $want: $size"
    failed=1
  fi
  if (( pages < 2 || pages > 15 )); then
    echo "FAIL: $paper: $pages pages for ${#keys[@]} stories (expected 2 to 15)"
    failed=1
  fi
  for ((p = 1; p <= pages; p++)); do pdftotext -layout -f "$p" -l "$p" "$dir/$paper.pdf" "$dir/$paper-$p.txt"; done
  declare -A per_page=()
  for key in "${keys[@]}"; do
    id="Q${key#q}"
    start=0 end=0
    for ((p = 1; p <= pages; p++)); do
      if (( start == 0 )) && grep -qE "(^|[^[:alnum:]])$id · " "$dir/$paper-$p.txt"; then start=$p; fi
      if (( end == 0 )) && grep -qF -- "— $key —" "$dir/$paper-$p.txt"; then end=$p; fi
    done
    if (( start == 0 || end == 0 )); then
      echo "FAIL: $paper: card $key not found in the PDF (start page $start, end page $end)"
      failed=1
    elif (( start != end )); then
      echo "FAIL: $paper: card $key is split: it starts on page $start and ends on page $end"
      failed=1
    fi
    per_page[$start]=$(( ${per_page[$start]:-0} + 1 ))
  done
  layout=""
  for ((p = 1; p <= pages; p++)); do layout+=" p$p:${per_page[$p]:-0}"; done
  echo "$paper: $pages pages, ${#keys[@]} cards, cards per page:$layout"
  unset per_page
done
exit "$failed"

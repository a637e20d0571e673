#!/usr/bin/env bash
# send --dry-run and preview --out over the 100,000-row list inside -Xmx128m: wall time and peak
# RSS of each, from /usr/bin/time -v. Needs bench/setup.sh first. Usage: bench/memory.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-100000}
list=target/bench/recipients-$n.csv
letter=target/bench/letters/bench-letter-html
runs=target/bench/runs
mkdir -p "$runs"
echo "load average at start: $(cut -d' ' -f1 /proc/loadavg)"
run() {
  local name=$1; shift
  /usr/bin/time -v -o "$runs/$name.time" java -Xmx128m -jar target/circular.jar "$@" > "$runs/$name.out" 2>&1 \
    || { echo "$name: FAILED (exit $?)"; tail -5 "$runs/$name.out"; return 1; }
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$runs/$name.time" | awk '{print $NF}')
  rss=$(grep 'Maximum resident' "$runs/$name.time" | awk '{print int($NF/1024)}')
  echo "| $name, $n rows, -Xmx128m | $wall | $rss MB | $(head -1 "$runs/$name.out") |"
}
rm -rf "$runs/preview-$n" "$runs/dry-campaign"
echo "| run | wall (m:ss) | peak RSS | output |"
echo "|---|---:|---:|---|"
run send-dry-run send "$letter" "$list" --dry-run --campaign "$runs/dry-campaign"
run preview-out preview "$letter" "$list" --out "$runs/preview-$n"
echo "files written by preview: $(ls "$runs/preview-$n" | wc -l)"
echo "load average at end: $(cut -d' ' -f1 /proc/loadavg)"

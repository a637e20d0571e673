#!/usr/bin/env bash
# Every figure of bench/README.md in one go, into target/bench/results.md. Waits first (polling
# every 30 s, at most 20 minutes) for a 1-minute load average below 1.0, and records the load next
# to each figure either way. Needs bench/setup.sh first.
set -uo pipefail
cd "$(dirname "$0")/.."
out=target/bench/results.md
load() { cut -d' ' -f1 /proc/loadavg; }
for i in $(seq 1 40); do
  awk -v l="$(load)" 'BEGIN { exit !(l < 1.0) }' && break
  echo "waiting for a quiet machine: load $(load) ($i/40)"
  sleep 30
done
{
  echo "# Results, $(date -u '+%Y-%m-%d %H:%M UTC'), load average at start $(load)"
  echo "$(nproc) cores; $(java -version 2>&1 | head -1)"
  echo
  echo "## Sending rate (circular, the bare reference, awdeorio/mailmerge, smtp-source)"
  [ -f target/circular.jsa ] || bench/cds.sh > /dev/null
  python3 bench/send_rate.py --n 10000 --reps 3 --strace 2000
  echo
  echo "## Memory"
  bench/memory.sh 100000
  echo
  echo "## Reply scan"
  echo "load average at start: $(load)"
  bench/cds.sh > /dev/null
  java -cp target/circular.jar bench/src/ReplyScanBench.java target/bench/letters/bench-letter \
    target/bench/recipients-1000.csv 10000 300
  echo "load average at end: $(load)"
  echo
  echo "## Preview one letter"
  bench/preview_time.sh
  echo
  echo "## JMH"
  echo "load average at start: $(load)"
  bench/jmh/run.sh 2>&1 | sed -n '/^Benchmark /,$p'
  echo "load average at end: $(load)"
} 2>&1 | tee "$out"

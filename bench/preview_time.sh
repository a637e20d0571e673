#!/usr/bin/env bash
# Wall time of previewing one letter (the sample letter to Austria, the 70-row sample list), JVM
# start included: 5 runs each without and with the AppCDS archive of bench/cds.sh; medians.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/circular.jsa ] || bench/cds.sh > /dev/null
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_one() {
  local t0 t1
  t0=$(date +%s%N)
  java "$@" -jar target/circular.jar preview 2012-03-22-nim-invitation ccm-states-parties-2012 --only AUT > /dev/null
  t1=$(date +%s%N)
  echo "scale=3; ($t1 - $t0) / 1000000000" | bc
}
echo "load average at start: $(cut -d' ' -f1 /proc/loadavg)"
plain=$(for i in 1 2 3 4 5; do time_one -Xshare:auto; done | median)
cds=$(for i in 1 2 3 4 5; do time_one -XX:SharedArchiveFile=target/circular.jsa; done | median)
echo "| preview one letter, default JVM (JDK's CDS only) | ${plain} s |"
echo "| preview one letter, -XX:SharedArchiveFile=target/circular.jsa | ${cds} s |"
echo "load average at end: $(cut -d' ' -f1 /proc/loadavg)"

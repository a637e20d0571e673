#!/usr/bin/env bash
# Wall time of previewing one letter as text (the sample letter to Austria, the 70-row sample
# list), JVM start included: `java -jar target/circular.jar`, the launcher `target/circular`, and
# the steps between them (the class-data sharing archive the build made, then each JVM option of
# the launcher added in turn), so that the launcher's options are chosen by what they save.
# Runs are interleaved, N rounds (default 9); medians and minimums. Run `mvn package` first.
# BEFORE=DIR adds `DIR/circular` (an earlier build's launcher, jar and archive, copied there with
# its archive made for that copy) to the runs, for a before-and-after in one go.
#     bench/preview_time.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-9}
[ -x target/circular ] && [ -f target/circular.jsa ] || { echo "run mvn package first" >&2; exit 1; }
preview=(preview 2012-03-22-nim-invitation ccm-states-parties-2012 --only AUT)
archive="-Xshare:auto -XX:SharedArchiveFile=target/circular.jsa -Xlog:cds*=off"
names=(
  "java -jar target/circular.jar"
  "+ the build's CDS archive"
  "+ -XX:TieredStopAtLevel=1"
  "+ -XX:+UseSerialGC"
  "+ -XX:-UsePerfData"
  "+ -XX:CICompilerCount=1"
  "target/circular (the launcher)"
)
commands=(
  "java -jar target/circular.jar"
  "java $archive -jar target/circular.jar"
  "java $archive -XX:TieredStopAtLevel=1 -jar target/circular.jar"
  "java $archive -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -jar target/circular.jar"
  "java $archive -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -jar target/circular.jar"
  "java $archive -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData -XX:CICompilerCount=1 -jar target/circular.jar"
  "target/circular"
)
if [ -n "${BEFORE:-}" ]; then
  names+=("before: $BEFORE/circular")
  commands+=("$BEFORE/circular")
fi
declare -a times
echo "load average at start: $(cut -d' ' -f1 /proc/loadavg)"
for round in $(seq "$n"); do
  for i in "${!commands[@]}"; do
    t0=$(date +%s%N)
    ${commands[$i]} "${preview[@]}" > /dev/null
    t1=$(date +%s%N)
    times[$i]="${times[$i]:-} $(( (t1 - t0) / 1000000 ))"
  done
done
echo "| preview one letter ($n rounds, interleaved) | median ms | min ms |"
echo "|---|---:|---:|"
for i in "${!commands[@]}"; do
  # shellcheck disable=SC2086 # one time per word
  sorted=$(printf '%s\n' ${times[$i]} | sort -n)
  median=$(echo "$sorted" | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  echo "| ${names[$i]} | $median | $(echo "$sorted" | head -1) |"
done
echo "load average at end: $(cut -d' ' -f1 /proc/loadavg)"

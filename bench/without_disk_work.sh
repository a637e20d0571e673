#!/usr/bin/env bash
# A bound, not a result: how fast `circular send --connections 4` would be if the campaign's record
# cost nothing. It copies the source to target/bench/no-disk-work/, patches that copy so that the
# log's fsync and the letters' copies are skipped (the product has no such switch, and must not),
# builds it, and measures it side by side with the real build and mailmerge (send_rate.py).
#
# usage (after mvn package and bench/setup.sh): bench/without_disk_work.sh [N] [REPS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
REPS=${2:-3}
WORK=target/bench/no-disk-work
rm -rf "$WORK"
mkdir -p "$WORK"
cp -r pom.xml src letter-templates recipients "$WORK"/

# Each patch must apply exactly once, or the build measured would be the real one.
patch_once() { # file, python regex, replacement
  python3 - "$WORK/$1" "$2" "$3" <<'PY'
import re, sys
path, pattern, replacement = sys.argv[1:]
text = open(path).read()
new, count = re.subn(pattern, replacement, text)
if count != 1:
    sys.exit("%s: the pattern %r matched %d times, not once: update bench/without_disk_work.sh" % (path, pattern, count))
open(path, "w").write(new)
PY
}
# the log: rows written, never forced to disk
patch_once src/main/java/circular/campaign/CsvLog.java \
  'static final Force FSYNC = channel -> channel\.force\(false\);' \
  'static final Force FSYNC = channel -> {};'
# the copies: neither written nor put in place
patch_once src/main/java/circular/files/WholeFile.java \
  '    Files\.write\(temp, bytes\);\n' ''
patch_once src/main/java/circular/files/WholeFile.java \
  '(public void putInPlace\(\) throws IOException \{\n)' '\1      if (true) return;\n'

(cd "$WORK" && mvn -q package -DskipTests -Dspotless.check.skip=true)
JAR=$WORK/target/circular.jar
echo "experiment jar: $JAR (fsync and copies patched out)"
# c4 below is the experiment jar, with its own class-data sharing archive
python3 bench/send_rate.py --n "$N" --reps "$REPS" --strace 0 --only c4,mm --jar "$JAR"

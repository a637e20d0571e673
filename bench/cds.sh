#!/usr/bin/env bash
# Builds target/circular.jsa, an application class-data sharing (AppCDS) archive of the classes
# circular loads in three training runs (preview, send to the sandbox, replies from it), so that
# start-up maps those classes instead of loading and verifying them:
#     java -XX:SharedArchiveFile=target/circular.jsa -jar target/circular.jar ...
# The archive belongs to this jar and this JDK: rebuild it after every `mvn package`.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$PWD/target/circular.jar
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
java -XX:DumpLoadedClassList="$work/preview.lst" -jar "$jar" \
  preview 2012-03-22-nim-invitation ccm-states-parties-2012 --only AUT --format eml > /dev/null
java -XX:DumpLoadedClassList="$work/send.lst" -jar "$jar" \
  send 2012-03-22-nim-invitation ccm-states-parties-2012 --only AUT,FRA --campaign "$work/campaign" > /dev/null
java -XX:DumpLoadedClassList="$work/replies.lst" -jar "$jar" replies --campaign "$work/campaign" > /dev/null
sort -u "$work"/*.lst > "$work/classes.lst"
rm -f target/circular.jsa
java -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" -XX:SharedArchiveFile=target/circular.jsa \
  -cp "$jar" > "$work/dump.log" 2>&1 || { tail -20 "$work/dump.log"; exit 1; }
ls -l target/circular.jsa

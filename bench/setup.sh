#!/usr/bin/env bash
# Builds the jar, writes the fixtures and unpacks Postfix's smtp-sink and smtp-source into
# target/bench (nothing is installed; nothing outside target/ is touched).
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
[ -f target/circular.jar ] || mvn -q package -DskipTests
java bench/src/Fixture.java target/bench 1000 10000 100000
if [ ! -x target/bench/postfix/usr/sbin/smtp-sink ]; then
  (cd target/bench && apt-get download postfix && dpkg -x postfix_*.deb postfix)
fi
LD_LIBRARY_PATH=target/bench/postfix/usr/lib/postfix target/bench/postfix/usr/sbin/smtp-source 2>&1 | head -1 || true

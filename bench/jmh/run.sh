#!/usr/bin/env bash
# Builds and runs the JMH microbenchmarks. Needs target/circular.jar and the fixtures
# (bench/setup.sh). Extra arguments go to JMH; default: 3 warm-up and 5 measured iterations, 1 fork.
set -euo pipefail
cd "$(dirname "$0")/../.."
mvn -q -f bench/jmh/pom.xml package
args=("$@")
[ ${#args[@]} -gt 0 ] || args=(-wi 3 -i 5 -f 1 -w 2s -r 2s)
exec java -cp "bench/jmh/target/classes:$(cat bench/jmh/target/classpath.txt)" org.openjdk.jmh.Main "${args[@]}"

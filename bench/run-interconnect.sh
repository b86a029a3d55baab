#!/usr/bin/env bash
# Builds the bench module and runs BenchmarkRedistribute: N→M redistribute throughput over the TCP and
# UDP interconnects next to this machine's loopback limit, printed as a table.
#   bench/run-interconnect.sh [-Dbench.seconds=4] [-Dbench.warmup=2] [-Dbench.shapes=2x2,4x4]
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/jdk.sh run-interconnect

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -pl bench -am package -DskipTests
fi
exec "$JAVA_HOME/bin/java" -Xms1g -Xmx4g "$@" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.gangway.bench.interconnect.BenchmarkRedistribute

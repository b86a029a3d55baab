#!/usr/bin/env bash
# Builds the bench module and runs BenchmarkRedistribute: N→M redistribute throughput over the TCP and
# UDP interconnects next to this machine's loopback limit, then BenchmarkStreamSetup: the fixed cost of
# one short motion stream on each, printed as tables.
#   bench/run-interconnect.sh [-Dbench.seconds=4] [-Dbench.warmup=2] [-Dbench.shapes=2x2,4x4]
set -euo pipefail
cd "$(dirname "$0")/.."

. scripts/jdk.sh run-interconnect

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -pl bench -am package -DskipTests
fi
classpath="bench/target/classes:$(cat bench/target/classpath.txt)"
"$JAVA_HOME/bin/java" -Xms1g -Xmx4g "$@" -cp "$classpath" io.gangway.bench.interconnect.BenchmarkRedistribute
echo
exec "$JAVA_HOME/bin/java" -Xmx1g -cp "$classpath" io.gangway.bench.interconnect.BenchmarkStreamSetup

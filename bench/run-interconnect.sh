#!/usr/bin/env bash
# Builds the bench module and runs BenchmarkRedistribute: N→M redistribute throughput over the TCP and
# UDP interconnects next to this machine's loopback limit, printed as a table.
#   bench/run-interconnect.sh [-Dbench.seconds=4] [-Dbench.warmup=2] [-Dbench.shapes=2x2,4x4]
set -euo pipefail
cd "$(dirname "$0")/.."

java_major() { # prints the major version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = \([0-9]*\).*/\1/p'
}

find_jdk() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* /usr/lib/jvm/*; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    local major
    major=$(java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! JAVA_HOME=$(find_jdk); then
  echo "run-interconnect: no JDK 25 or newer found (looked at \$JAVA_HOME and /usr/lib/jvm/*)." >&2
  exit 1
fi
export JAVA_HOME

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  ./mvnw -q -B -pl bench -am package -DskipTests
fi
exec "$JAVA_HOME/bin/java" -Xms1g -Xmx4g "$@" \
  -cp "bench/target/classes:$(cat bench/target/classpath.txt)" io.gangway.bench.interconnect.BenchmarkRedistribute

#!/usr/bin/env bash
# Dispatch latency benchmark: a trivial two-segment statement on a real Gangway cluster with a warm
# QE pool and with pooling off (the difference is gang creation), against PostgreSQL from Debian's
# packages measured in the same run. Prints a Markdown table with the machine noted.
#
#   bench/run-dispatch.sh [--scale FACTOR]     (FACTOR multiplies the iteration counts; default 1)
#
# Environment: MVN (default ./mvnw) runs Maven from the repository root; SKIP_BUILD=1 skips the
# install (and reuses bench/target/dispatch-classpath.txt when present). Installs PostgreSQL with
# apt-get when no /usr/lib/postgresql/*/bin/initdb exists.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"

. "$(dirname "$0")/../scripts/jdk.sh" run-dispatch
MVN=${MVN:-./mvnw}

# --- build: the cluster's processes run from the driver's class path -------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "Building Gangway ($MVN install -DskipTests -DskipITs)..." >&2
  $MVN -q -B install -DskipTests -DskipITs >&2
fi
classpath_file="$repo/bench/target/dispatch-classpath.txt"
if [ "${SKIP_BUILD:-0}" != 1 ] || [ ! -s "$classpath_file" ]; then
  $MVN -q -B -pl bench dependency:build-classpath -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$classpath_file" >&2
fi

# --- the PostgreSQL peer ------------------------------------------------------------------------
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "Installing PostgreSQL from Debian's packages..." >&2
  as_root apt-get update -q >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql >&2
  pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi

# initdb refuses to run as root: the throwaway cluster belongs to the postgres user then.
if [ "$(id -u)" = 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
pg_port=
for _ in $(seq 1 100); do
  candidate=$((40000 + RANDOM % 20000))
  if port_free "$candidate"; then pg_port=$candidate; break; fi
done
[ -n "$pg_port" ] || { echo "run-dispatch: no free port for PostgreSQL" >&2; exit 1; }

pg_dir=$(mktemp -d /tmp/gangway-bench-pg.XXXXXX)
chmod 755 "$pg_dir"
[ "$(id -u)" = 0 ] && chown postgres: "$pg_dir"
cleanup() {
  as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}
trap cleanup EXIT

as_pg "$pg_bin/initdb" -D "$pg_dir/data" -U postgres -A trust --no-sync >/dev/null
as_pg "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/postgres.log" -w \
  -o "-p $pg_port -k $pg_dir -c listen_addresses=127.0.0.1" start >/dev/null
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') listening on 127.0.0.1:$pg_port" >&2

# --- the driver -----------------------------------------------------------------------------------
"$JAVA_HOME/bin/java" -Xmx512m -XX:+UseSerialGC -Dguice_bytecode_gen_option=DISABLED \
  -cp "$repo/bench/target/classes:$(cat "$classpath_file")" \
  io.gangway.bench.dispatch.BenchmarkDispatchLatency \
  --pg-url "jdbc:postgresql://127.0.0.1:$pg_port/postgres?user=postgres" "$@"

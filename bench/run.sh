#!/usr/bin/env bash
# The on-demand performance benchmark of Countersign (not part of `mvn verify`).
#
#   bench/run.sh              build the WAR, start Payara Micro on the embedded H2 defaults in a throwaway
#                             directory, enrol users and tokens, drive every scenario, print the table, stop
#   bench/run.sh --postgres   the same against PostgreSQL on 127.0.0.1:5432 (if the WAR's datasource allows it)
#   bench/run.sh --jmh        the JMH micro-benchmarks of HOTP, TOTP and OCRA next to a bare HMAC-SHA1
#
# Options: --no-build (reuse target/countersign.war), --jfr (a JFR profile of the server for each measured period,
# in bench/target/jfr/, with its hottest methods and components), --scenarios ping,accept,wrong,tiqr,init (and authflood, not run by default:
# accept checks while 8 more connections flood /auth with real password hashes), --warmup S, --measure S, --connections N,
# --policies N (define N policies that every check matches and combines, to show what policies cost).
# Environment: BENCH_SERVER_JVM_OPTS (JVM options of the server instead of pom.xml's, e.g. -Xmx256m),
# BENCH_HTTP_THREADS (its request threads instead of pom.xml's countersign.http.threads), BENCH_PORT.
# Everything listens on 127.0.0.1 only; the script stops the server and removes its directory when it ends.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
payara_version=6.2025.10
micro_jar="$HOME/.m2/repository/fish/payara/extras/payara-micro/$payara_version/payara-micro-$payara_version.jar"

build=1 postgres=0 jmh=0 jfr=0 scenarios= hotp_users=
driver_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --no-build) build=0 ;;
    --postgres) postgres=1 ;;
    --jmh) jmh=1 ;;
    --jfr) jfr=1 ;;
    --scenarios|--warmup|--measure|--connections|--hotp-users|--tiqr-users|--policies)
      [ $# -ge 2 ] || { echo "$1 needs a value" >&2; exit 2; }
      [ "$1" = --scenarios ] && scenarios=$2
      [ "$1" = --hotp-users ] && hotp_users=$2
      driver_args+=("$1" "$2"); shift ;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

log() { printf '[bench] %s\n' "$*" >&2; }

# The driver and the micro-benchmarks: their own Maven project, outside the WAR and the test suite.
log "building the load driver (bench/pom.xml)"
mvn -q -f "$here/pom.xml" -DskipTests package
classpath="$here/target/classes:$(cat "$here/target/classpath.txt")"

if [ "$jmh" = 1 ]; then
  log "JMH: HMAC-SHA1, HOTP (look-ahead 10), TOTP (window 1), OCRA; 1 fork, 2 warm-up + 3 measured iterations"
  exec java -cp "$classpath" org.openjdk.jmh.Main AlgorithmsBenchmark -f 1 -wi 2 -w 2s -i 3 -r 3s -t 1
fi

if [ "$build" = 1 ]; then
  log "building the WAR (mvn -q -DskipTests package)"
  (cd "$root" && mvn -q -DskipTests package)
fi
[ -f "$root/target/countersign.war" ] || { echo "no target/countersign.war: build it first" >&2; exit 1; }
if [ ! -f "$micro_jar" ]; then
  log "fetching Payara Micro $payara_version"
  mvn -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:get -Dartifact=fish.payara.extras:payara-micro:$payara_version
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/countersign-bench.XXXXXX")
cp "$root/target/countersign.war" "$work/countersign.war"   # a concurrent rebuild cannot swap it mid-run
mkdir -p "$work/data"

if [ "$postgres" = 1 ]; then
  if ! unzip -p "$work/countersign.war" WEB-INF/web.xml | grep -q 'countersign.db.datasource'; then
    echo "--postgres: not supported yet. The WAR's datasource (webapp/WEB-INF/web.xml) fixes" >&2
    echo "<class-name>org.h2.jdbcx.JdbcDataSource</class-name>, so a jdbc:postgresql: URL cannot be used;" >&2
    echo "it needs a configurable data source class (countersign.db.datasource)." >&2
    rm -rf "$work"
    exit 3
  fi
  # A throwaway database countersign_bench (never a shared one) on the local PostgreSQL (pitfall: apt installs it stopped).
  command -v pg_ctlcluster >/dev/null && { pg_ctlcluster 15 main status >/dev/null 2>&1 || pg_ctlcluster 15 main start; }
  log "recreating the PostgreSQL database countersign_bench on 127.0.0.1:5432"
  su postgres -c "psql -qtc \"select 1 from pg_roles where rolname='countersign_bench'\" | grep -q 1 \
    || psql -qc \"create role countersign_bench login password 'countersign_bench'\"" >/dev/null
  su postgres -c "dropdb --if-exists countersign_bench && createdb -O countersign_bench countersign_bench"
  export COUNTERSIGN_DB_DATASOURCE=org.postgresql.ds.PGSimpleDataSource
  export COUNTERSIGN_DB_URL="jdbc:postgresql://127.0.0.1:5432/countersign_bench"
  export COUNTERSIGN_DB_USER=countersign_bench COUNTERSIGN_DB_PASSWORD=countersign_bench
else
  export COUNTERSIGN_DB_URL="jdbc:h2:file:$work/data/countersign;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE"
fi

# A free port on the loopback, never 8080.
port=${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}
[ "$port" != 8080 ] || { echo "port 8080 is reserved" >&2; exit 2; }

admin_password="bench-$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')"
export COUNTERSIGN_DATA_DIR="$work/data"
export COUNTERSIGN_ADMIN_PASSWORD="$admin_password"
# Only the set-up's user creation and admin login hash passwords; cheap hashes keep enrolling 1000 users short.
# authflood needs the real cost of a password check, and so fewer users to enrol at that cost.
if [[ ",$scenarios," == *,authflood,* ]]; then
  log "authflood: passwords hashed at the default iterations; ${hotp_users:-64} HOTP users"
  [ -n "$hotp_users" ] || driver_args+=(--hotp-users 64)
else
  export COUNTERSIGN_PASSWORD_ITERATIONS=1000
fi
# The wrong-code scenario must hit live tokens, not the shortcut of a token locked after 10 failures.
export COUNTERSIGN_MAXFAIL=1000

# The server runs with the JVM options of `mvn payara-micro:start` (pom.xml, javaCommandLineOptions), unless
# BENCH_SERVER_JVM_OPTS replaces them.
pom_jvm_opts=$(sed -n '/<javaCommandLineOptions>/,/<\/javaCommandLineOptions>/s/.*<value>\(.*\)<\/value>.*/\1/p' \
  "$root/pom.xml" | tr '\n' ' ')
jvm_opts=(${BENCH_SERVER_JVM_OPTS-$pom_jvm_opts})
log "server JVM options: ${jvm_opts[*]:-(none)}"
if [ "$jfr" = 1 ]; then
  rm -rf "$here/target/jfr" && mkdir -p "$here/target/jfr"
  driver_args+=(--jfr-dir "$here/target/jfr")
fi

server_pid=
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server_pid" 2>/dev/null || true
  fi
  if [ -n "${keep_log:-}" ]; then cp "$work/server.log" "$keep_log" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mkdir -p "$here/target"
keep_log="$here/target/server.log"
# The request threads of `mvn payara-micro:start` (countersign.http.threads in pom.xml), unless BENCH_HTTP_THREADS
# replaces them.
http_threads=${BENCH_HTTP_THREADS:-$(sed -n 's/.*<countersign.http.threads>\([0-9]*\)<.*/\1/p' "$root/pom.xml" | head -1)}
threads_opt=()
[ -n "$http_threads" ] && threads_opt=(--maxhttpthreads "$http_threads")
log "server request threads: ${http_threads:-the default of Payara}"
log "starting Payara Micro on 127.0.0.1:$port (data in $work)"
start_ns=$(date +%s%N)
java "${jvm_opts[@]}" -jar "$micro_jar" --deploy "$work/countersign.war" --contextroot / \
  --port "$port" --nocluster --prebootcommandfile "$root/config/payara/no-data-grid.asadmin" --disablephonehome --rootdir "$work/payara-root" "${threads_opt[@]}" >"$work/server.log" 2>&1 &
server_pid=$!

startup_ms=
for _ in $(seq 1 1200); do   # at most 120 s
  if curl -fsS -o /dev/null "http://127.0.0.1:$port/ping" 2>/dev/null; then
    startup_ms=$(( ($(date +%s%N) - start_ns) / 1000000 ))
    break
  fi
  kill -0 "$server_pid" 2>/dev/null || { echo "the server died; see $keep_log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$startup_ms" ] || { echo "no answer on /ping within 120 s; see $keep_log" >&2; exit 1; }
log "first 200 on /ping after $startup_ms ms; server pid $server_pid"

java -cp "$classpath" org.countersign.bench.LoadDriver --base "http://127.0.0.1:$port/" \
  --admin-password "$admin_password" --pid "$server_pid" --startup-ms "$startup_ms" \
  --table "$here/target/last-run.md" "${driver_args[@]}"

if [ "$jfr" = 1 ]; then
  for f in "$here"/target/jfr/*.jfr; do
    [ -f "$f" ] || continue
    java -cp "$classpath" org.countersign.bench.JfrTop "$f" 20 >"${f%.jfr}.txt"
  done
  log "profiles of the measured periods: $here/target/jfr/*.txt"
fi

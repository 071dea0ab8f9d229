#!/usr/bin/env bash
# Runs a Zipkin server (in-memory storage, its default) for local tests and CI, without Docker:
# the exec jar `io.zipkin:zipkin-server` comes from Maven Central, downloaded once with mvn.
#
#   infra/zipkin/zipkin.sh start | stop | status
#
# Env: ZIPKIN_PORT (9411), REGIE_ZIPKIN_DIR (<repo>/.regie/zipkin), ZIPKIN_VERSION (3.5.1),
#      REGIE_ZIPKIN_CACHE (~/.cache/regie/zipkin-<version>), ZIPKIN_JAVA_OPTS, ZIPKIN_START_TIMEOUT (90).
# The last line of `start` is ZIPKIN_URL=http://127.0.0.1:<port>, for `export "$(… | tail -n 1)"`.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
ZIPKIN_VERSION="${ZIPKIN_VERSION:-3.5.1}"
CACHE_DIR="${REGIE_ZIPKIN_CACHE:-$HOME/.cache/regie/zipkin-$ZIPKIN_VERSION}"
JAR="$CACHE_DIR/zipkin-server-$ZIPKIN_VERSION-exec.jar"
RUN_DIR="${REGIE_ZIPKIN_DIR:-$REPO_ROOT/.regie/zipkin}"
ZIPKIN_PORT="${ZIPKIN_PORT:-9411}"
START_TIMEOUT="${ZIPKIN_START_TIMEOUT:-90}"
PID_FILE="$RUN_DIR/zipkin.pid"
LOG_FILE="$RUN_DIR/zipkin.log"

log() { echo "zipkin.sh: $*" >&2; }
die() { log "$*"; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The pid from the pid file, if that process is alive and is still our Zipkin.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid; pid="$(cat "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  ps -p "$pid" -o command= 2>/dev/null | grep -q 'zipkin-server' || return 1
  echo "$pid"
}

# Download the exec jar once (Maven Central through mvn, so a configured mirror is used).
fetch_jar() {
  [[ -s "$JAR" ]] && return 0
  command -v mvn >/dev/null || die "Maven (mvn) is needed to download Zipkin $ZIPKIN_VERSION"
  command -v java >/dev/null || die "Java is needed to run Zipkin"
  log "downloading zipkin-server $ZIPKIN_VERSION (exec jar) into $CACHE_DIR"
  local tmp="$CACHE_DIR.tmp.$$"
  rm -rf "$tmp"; mkdir -p "$tmp"
  if ! mvn -q -B dependency:copy -Dartifact="io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" \
      -DoutputDirectory="$tmp" -Dmdep.overWriteReleases=true >"$tmp.log" 2>&1; then
    cat "$tmp.log" >&2; rm -rf "$tmp" "$tmp.log"; die "mvn failed to fetch zipkin-server $ZIPKIN_VERSION"
  fi
  rm -f "$tmp.log"
  mkdir -p "$CACHE_DIR"
  mv "$tmp/zipkin-server-$ZIPKIN_VERSION-exec.jar" "$JAR"   # moved last: only a full copy counts
  rm -rf "$tmp"
}

cmd_stop() {
  local pid
  if pid="$(running_pid)"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      log "zipkin $pid ignored SIGTERM for 20 s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    log "stopped zipkin $pid"
  fi
  rm -f "$PID_FILE"
}

cmd_start() {
  cmd_stop   # one left over from an earlier run (its traces were in memory: nothing is lost)
  port_open "$ZIPKIN_PORT" && die "port $ZIPKIN_PORT is already in use (see ZIPKIN_PORT)"
  fetch_jar
  mkdir -p "$RUN_DIR"
  # shellcheck disable=SC2086  # ZIPKIN_JAVA_OPTS is a list of JVM flags
  nohup java ${ZIPKIN_JAVA_OPTS:--Xmx256m -Xms64m} -XX:+UseSerialGC -Djava.awt.headless=true \
    -jar "$JAR" --server.port="$ZIPKIN_PORT" --server.address=127.0.0.1 \
    >"$LOG_FILE" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$PID_FILE"

  # Ready = its health endpoint answers UP.
  local deadline=$((SECONDS + START_TIMEOUT))
  until curl -fsS "http://127.0.0.1:$ZIPKIN_PORT/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)); then
      log "zipkin did not start (pid $pid); last lines of its log:"
      tail -n 30 "$LOG_FILE" >&2 2>/dev/null || true
      cmd_stop
      exit 1
    fi
    sleep 0.5
  done
  log "Zipkin $ZIPKIN_VERSION started (pid $pid, log $LOG_FILE)"
  echo "ZIPKIN_URL=http://127.0.0.1:$ZIPKIN_PORT"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    echo "running (pid $pid) ZIPKIN_URL=http://127.0.0.1:$ZIPKIN_PORT"
  else
    echo "not running (would be ZIPKIN_URL=http://127.0.0.1:$ZIPKIN_PORT)"
    return 3
  fi
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac

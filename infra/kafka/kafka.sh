#!/usr/bin/env bash
# Runs a single-node Apache Kafka (KRaft, broker+controller in one JVM) for local tests,
# without Docker: the broker jars come from Maven Central through ./pom.xml.
#
#   infra/kafka/kafka.sh start | start-secure | resume | stop | status
#
# start-secure: the client port speaks SASL/SCRAM-SHA-512 only and ACLs decide (no ACL: refused).
# Users: the broker's own `admin` (super user) and `$KAFKA_CLIENT_USER`, allowed everything on
# topics and consumer groups; a client without credentials, or with a user without ACLs, is refused.
#
# Env: KAFKA_PORT (9092), KAFKA_CONTROLLER_PORT (9093), REGIE_KAFKA_DIR (<repo>/.regie/kafka),
#      REGIE_KAFKA_CACHE (~/.cache/regie/kafka-<version>), KAFKA_HEAP_OPTS, KAFKA_START_TIMEOUT (60);
#      start-secure: KAFKA_ADMIN_PASSWORD (admin-secret), KAFKA_CLIENT_USER (regie),
#      KAFKA_CLIENT_PASSWORD (regie-secret). Test passwords: this broker is for tests only.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"
POM="$SCRIPT_DIR/pom.xml"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$POM")"
CACHE_DIR="${REGIE_KAFKA_CACHE:-$HOME/.cache/regie/kafka-$KAFKA_VERSION}"
RUN_DIR="${REGIE_KAFKA_DIR:-$REPO_ROOT/.regie/kafka}"
KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-60}"
ADMIN_PASSWORD="${KAFKA_ADMIN_PASSWORD:-admin-secret}"
CLIENT_USER="${KAFKA_CLIENT_USER:-regie}"
CLIENT_PASSWORD="${KAFKA_CLIENT_PASSWORD:-regie-secret}"
PID_FILE="$RUN_DIR/kafka.pid"
SERVER_LOG="$RUN_DIR/logs/server.log"

log() { echo "kafka.sh: $*" >&2; }
die() { log "$*"; exit 1; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The pid from the pid file, if that process is alive and is still our broker.
running_pid() {
  [[ -f "$PID_FILE" ]] || return 1
  local pid; pid="$(cat "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  ps -p "$pid" -o command= 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  echo "$pid"
}

# Download the broker classpath once. The marker holds the pom's checksum, so editing
# the pom (e.g. another version) triggers a new download.
fetch_jars() {
  local sum; sum="$(cksum <"$POM")"
  if [[ "$(cat "$CACHE_DIR/.complete" 2>/dev/null)" == "$sum" ]]; then return 0; fi
  command -v mvn >/dev/null || die "Maven (mvn) is needed to download Kafka $KAFKA_VERSION"
  log "downloading Kafka $KAFKA_VERSION jars into $CACHE_DIR"
  local tmp="$CACHE_DIR.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$(dirname "$CACHE_DIR")"
  if ! mvn -q -B -f "$POM" dependency:copy-dependencies -DoutputDirectory="$tmp" >"$tmp.log" 2>&1; then
    cat "$tmp.log" >&2; rm -rf "$tmp" "$tmp.log"; die "mvn failed to fetch the Kafka jars"
  fi
  rm -f "$tmp.log"
  echo "$sum" >"$tmp/.complete"   # written last: only a full copy counts
  rm -rf "$CACHE_DIR"
  mv "$tmp" "$CACHE_DIR"
}

# A Kafka cluster id: 16 random bytes, URL-safe base64 without padding (22 chars),
# not starting with '-' (same rule as Kafka's Uuid.randomUuid). Saves a JVM start.
cluster_id() {
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    [[ "$id" != -* ]] && { echo "$id"; return; }
  done
}

# Loopback only. Clients get "localhost": Node 20 and the Java client try every address
# that name resolves to, so a host where localhost is ::1 first still reaches 127.0.0.1.
# $1: plain (default) or secure (SASL/SCRAM and ACLs on the client port).
write_config() {
  local security="${1:-plain}"
  if [[ "$security" == secure ]]; then
    cat >"$RUN_DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=SASL_PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=SASL_PLAINTEXT://localhost:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=SASL_PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT
sasl.enabled.mechanisms=SCRAM-SHA-512
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$ADMIN_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
allow.everyone.if.no.acl.found=false
# admin: the broker itself. ANONYMOUS: only the controller listener (loopback, same JVM) is unauthenticated.
super.users=User:admin;User:ANONYMOUS
EOF
    cat >"$RUN_DIR/admin.properties" <<EOF
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$ADMIN_PASSWORD";
EOF
  else
    cat >"$RUN_DIR/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://localhost:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
EOF
  fi
  cat >>"$RUN_DIR/server.properties" <<EOF
log.dirs=$RUN_DIR/data
num.partitions=3
auto.create.topics.enable=false
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
# One broker: a single partition for the internal topics makes the first group join faster.
offsets.topic.num.partitions=1
transaction.state.log.num.partitions=1
group.initial.rebalance.delay.ms=0
# The log cleaner allocates its dedupe buffer on the heap at startup (128 MiB by default). In a
# small test heap (the CI's secure broker has 256 MiB) that one allocation can fail with
# OutOfMemoryError before the broker is up; the few compacted topics here need far less.
log.cleaner.dedupe.buffer.size=16777216
EOF
  # WARN and above go to server.log; the startup line is INFO, so let that one logger through.
  cat >"$RUN_DIR/log4j.properties" <<'EOF'
log4j.rootLogger=WARN, file
log4j.logger.kafka.server.KafkaRaftServer=INFO
log4j.appender.file=org.apache.log4j.FileAppender
log4j.appender.file.File=${kafka.logs.dir}/server.log
log4j.appender.file.layout=org.apache.log4j.PatternLayout
log4j.appender.file.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
  # For CLI tools on the same classpath (StorageTool here, others by hand): WARN to stderr.
  cat >"$RUN_DIR/tools-log4j.properties" <<'EOF'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
EOF
}

cmd_stop() {
  local pid
  if pid="$(running_pid)"; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then
      log "broker $pid ignored SIGTERM for 30 s, killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    log "stopped broker $pid"
  fi
  rm -f "$PID_FILE"
}

# start: fresh state. resume: keep topics and offsets of the last run (broker restart in fault tests).
# secure: fresh state, SASL/SCRAM and ACLs (see the top of this file).
cmd_start() {
  local mode="${1:-fresh}"
  local security=plain
  [[ "$mode" == secure ]] && security=secure
  cmd_stop   # a broker left over from an earlier run
  local port
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    port_open "$port" && die "port $port is already in use (see KAFKA_PORT, KAFKA_CONTROLLER_PORT)"
  done
  fetch_jars
  local cp="$CACHE_DIR/*"

  if [[ "$mode" == resume && -f "$RUN_DIR/data/meta.properties" ]]; then
    mkdir -p "$RUN_DIR/logs"
  else
    # Fresh state: remove only what this script creates.
    rm -rf "$RUN_DIR/data" "$RUN_DIR/logs"
    mkdir -p "$RUN_DIR/data" "$RUN_DIR/logs"
    write_config "$security"
    local scram=()
    [[ "$security" == secure ]] && scram=(
      --add-scram "SCRAM-SHA-512=[name=admin,password=$ADMIN_PASSWORD]"
      --add-scram "SCRAM-SHA-512=[name=$CLIENT_USER,password=$CLIENT_PASSWORD]"
    )
    java -Dlog4j.configuration="file:$RUN_DIR/tools-log4j.properties" \
      -cp "$cp" kafka.tools.StorageTool format -t "$(cluster_id)" \
      -c "$RUN_DIR/server.properties" "${scram[@]}" >"$RUN_DIR/logs/format.log" 2>&1 \
      || { cat "$RUN_DIR/logs/format.log" >&2; die "storage format failed"; }
  fi
  mv -f "$SERVER_LOG" "$SERVER_LOG.previous" 2>/dev/null || true   # readiness is read from a new log

  # shellcheck disable=SC2086  # KAFKA_HEAP_OPTS is a list of JVM flags
  nohup java ${KAFKA_HEAP_OPTS:--Xmx512m -Xms256m} -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$RUN_DIR/log4j.properties" -Dkafka.logs.dir="$RUN_DIR/logs" \
    -cp "$cp" kafka.Kafka "$RUN_DIR/server.properties" \
    >"$RUN_DIR/logs/kafka.out" 2>&1 </dev/null &
  local pid=$!
  echo "$pid" >"$PID_FILE"

  # Ready = the port accepts connections and the server logged that it started.
  local deadline=$((SECONDS + START_TIMEOUT))
  until port_open "$KAFKA_PORT" && grep -q 'Kafka Server started' "$SERVER_LOG" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null || ((SECONDS >= deadline)); then
      log "broker did not start (pid $pid); last lines of its logs:"
      tail -n 30 "$SERVER_LOG" "$RUN_DIR/logs/kafka.out" >&2 2>/dev/null || true
      cmd_stop
      exit 1
    fi
    sleep 0.25
  done
  if [[ "$security" == secure ]]; then
    # The client user may use every topic and consumer group; nobody else (but admin) may do anything.
    java -Dlog4j.configuration="file:$RUN_DIR/tools-log4j.properties" -cp "$cp" kafka.admin.AclCommand \
      --bootstrap-server "localhost:$KAFKA_PORT" --command-config "$RUN_DIR/admin.properties" \
      --add --allow-principal "User:$CLIENT_USER" --operation All --topic '*' --group '*' \
      >"$RUN_DIR/logs/acl.log" 2>&1 \
      && java -Dlog4j.configuration="file:$RUN_DIR/tools-log4j.properties" -cp "$cp" kafka.admin.AclCommand \
        --bootstrap-server "localhost:$KAFKA_PORT" --command-config "$RUN_DIR/admin.properties" \
        --add --allow-principal "User:$CLIENT_USER" --operation Describe --operation IdempotentWrite --cluster \
        >>"$RUN_DIR/logs/acl.log" 2>&1 \
      || { cat "$RUN_DIR/logs/acl.log" >&2; cmd_stop; die "adding the ACLs failed"; }
    log "Kafka $KAFKA_VERSION started with SASL/SCRAM-SHA-512 and ACLs (pid $pid, dir $RUN_DIR, user $CLIENT_USER)"
  else
    log "Kafka $KAFKA_VERSION started (pid $pid, dir $RUN_DIR)"
  fi
  echo "KAFKA_BROKERS=localhost:$KAFKA_PORT"
}

cmd_status() {
  local pid
  if pid="$(running_pid)"; then
    echo "running (pid $pid) KAFKA_BROKERS=localhost:$KAFKA_PORT"
  else
    echo "not running (would be KAFKA_BROKERS=localhost:$KAFKA_PORT)"
    return 3
  fi
}

case "${1:-}" in
  start) cmd_start fresh ;;
  start-secure) cmd_start secure ;;
  resume) cmd_start resume ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start|start-secure|resume|stop|status" >&2; exit 2 ;;
esac

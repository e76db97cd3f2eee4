#!/usr/bin/env bash
# The benchmarks of issue 10, in one command (see bench/README.md): starts its own Kafka, Keycloak, sandbox and the
# four services on ports of its own (so it never collides with ./run.sh), runs the five benchmarks, writes
# bench/results/<date>.md and stops everything it started. Needs a JDK 21+; installs wrk and hyperfine if missing.
# Options: --quick (short runs, to try the script; the figures are then not meant to be kept)
set -euo pipefail

BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")
STATE="$BENCH/.state"             # Kafka data, Keycloak, logs, pids (git-ignored; deleted at the next run)
RAW="$BENCH/results/raw"          # per-run raw data (git-ignored)
KEYCLOAK_VERSION=26.5.6
QUICK=no
[ "${1:-}" = --quick ] && QUICK=yes

# Ports of our own
KAFKA_PORT=19092 KAFKA_CONTROLLER_PORT=19093
KEYCLOAK_PORT=18180 KEYCLOAK_MANAGEMENT_PORT=19000
SANDBOX_PORT=13000 GATEWAY_PORT=18080 HANDOFF_PORT=18081 OUTBOUND_PORT=18082 REPORTING_PORT=18083
BARE_PORT=18090
export SANDBOX_PORT GATEWAY_PORT HANDOFF_PORT OUTBOUND_PORT REPORTING_PORT BARE_PORT

# Sizes (the issue's; --quick only to try the script)
# C2A_RATE: a steady rate the inbound router keeps up with on this loaded machine (at 20/s it queued: latency grew
# with every message, measuring the backlog and not the design)
INGEST_SECONDS=20 INGEST_CONNECTIONS=32 C2A_MESSAGES=1000 C2A_RATE=5 LOAD_AGENTS=50 LOAD_SECONDS=60
DISPATCH_REPLIES=2000 STARTUP_RUNS=2
if [ $QUICK = yes ]; then
  INGEST_SECONDS=5 C2A_MESSAGES=100 LOAD_SECONDS=15 DISPATCH_REPLIES=200 STARTUP_RUNS=1
fi

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
fail() { printf '\033[31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }

# --- Tools -----------------------------------------------------------------------------------------------------------
. "$ROOT/deploy/local/jdk.sh"
JAVA_HOME=$(find_jdk) || fail "no JDK 21+ found; set JAVA_HOME"
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"
if ! command -v wrk >/dev/null || ! command -v hyperfine >/dev/null || ! command -v curl >/dev/null; then
  say "Installing wrk, hyperfine and curl"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  $SUDO apt-get install -y wrk hyperfine curl >/dev/null || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y wrk hyperfine curl >/dev/null; }
fi

# --- Process handling -------------------------------------------------------------------------------------------------
rm -rf "$STATE"
mkdir -p "$STATE/logs" "$STATE/pids" "$RAW"
LOGS="$STATE/logs"
declare -A START_NS READY_NS

# start NAME COMMAND...: in its own process group, output in .state/logs/NAME.log, start time remembered
start() {
  local name=$1; shift
  START_NS[$name]=$(date +%s%N)
  setsid "$@" >"$LOGS/$name.log" 2>&1 &
  echo $! >"$STATE/pids/$name.pid"
}
pid_of() { cat "$STATE/pids/$1.pid"; }
stop_all() {
  trap - INT TERM EXIT
  for f in "$STATE"/pids/*.pid; do
    [ -e "$f" ] || continue
    local pid; pid=$(cat "$f")
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
  done
  sleep 2
  for f in "$STATE"/pids/*.pid; do
    [ -e "$f" ] || continue
    kill -9 -- "-$(cat "$f")" 2>/dev/null || true
    rm -f "$f"
  done
}
trap stop_all INT TERM EXIT

http_ok() { curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null; }
# wait_ready NAME URL SECONDS: polls every 100 ms; remembers when NAME became ready
wait_ready() {
  local name=$1 url=$2 limit=$3 end=$(( $(date +%s) + $3 ))
  until http_ok "$url"; do
    kill -0 "$(pid_of "$name")" 2>/dev/null || { tail -n 30 "$LOGS/$name.log" >&2; fail "$name stopped (log: $LOGS/$name.log)"; }
    [ "$(date +%s)" -lt $end ] || fail "$name not ready after ${limit}s (log: $LOGS/$name.log)"
    sleep 0.1
  done
  READY_NS[$name]=$(date +%s%N)
  printf '    %-10s ready after %s s\n' "$name" "$(seconds_between "${START_NS[$name]}" "${READY_NS[$name]}")"
}
seconds_between() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b - a) / 1e9 }'; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$(pid_of "$1")/status"; }
for port in $KAFKA_PORT $KAFKA_CONTROLLER_PORT $KEYCLOAK_PORT $KEYCLOAK_MANAGEMENT_PORT $SANDBOX_PORT $GATEWAY_PORT \
            $HANDOFF_PORT $OUTBOUND_PORT $REPORTING_PORT $BARE_PORT; do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && fail "port $port is in use; stop what uses it"
done
T0=$(date +%s)
LOAD_START=$(cut -d" " -f1-3 /proc/loadavg)
export LOAD_START

# --- Build what is missing --------------------------------------------------------------------------------------------
MVNW=("$ROOT/mvnw" -B -q)
APPS=(sandbox handoff-service outbound-service reporting-service gateway-service)
missing=()
for app in "${APPS[@]}"; do [ -f "$ROOT/$app/target/quarkus-app/quarkus-run.jar" ] || missing+=("$app"); done
if [ ${#missing[@]} -gt 0 ]; then
  say "Building ${missing[*]}"
  "${MVNW[@]}" -f "$ROOT/pom.xml" package -DskipTests -pl "$(IFS=,; echo "${missing[*]}")" -am >"$LOGS/build.log" 2>&1 \
    || { tail -n 40 "$LOGS/build.log"; fail "build failed"; }
fi
if [ ! -f "$BENCH/bare/target/quarkus-app/quarkus-run.jar" ]; then
  say "Building the bare Quarkus application"
  "${MVNW[@]}" -f "$BENCH/bare/pom.xml" package -DskipTests >"$LOGS/build-bare.log" 2>&1 || fail "bare build failed"
fi
KAFKA_LIBS="$BENCH/.cache/kafka-libs"
if [ ! -f "$KAFKA_LIBS/.complete" ]; then
  say "Fetching the Kafka broker jars (deploy/local/pom.xml)"
  "${MVNW[@]}" -f "$ROOT/deploy/local/pom.xml" dependency:copy-dependencies -DoutputDirectory="$KAFKA_LIBS" \
    >"$LOGS/fetch-kafka.log" 2>&1 && touch "$KAFKA_LIBS/.complete" || fail "could not fetch Kafka"
fi
KEYCLOAK_HOME="$BENCH/.cache/keycloak"
if [ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then
  say "Fetching Keycloak $KEYCLOAK_VERSION"
  "${MVNW[@]}" -f "$ROOT/deploy/local/pom.xml" dependency:copy \
    -Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip -DoutputDirectory="$BENCH/.cache" \
    >"$LOGS/fetch-keycloak.log" 2>&1 || fail "could not fetch Keycloak"
  (cd "$BENCH/.cache" && "$JAVA_HOME/bin/jar" xf "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" \
    && rm -rf keycloak && mv "keycloak-$KEYCLOAK_VERSION" keycloak && rm "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip")
  chmod +x "$KEYCLOAK_HOME"/bin/*.sh
fi

# --- Configuration (the sandbox's demo values, as ./run.sh sets them) -------------------------------------------------
SANDBOX_URL=http://localhost:$SANDBOX_PORT
GATEWAY_URL=http://localhost:$GATEWAY_PORT
HANDOFF_URL=http://localhost:$HANDOFF_PORT
KEYCLOAK_URL=http://localhost:$KEYCLOAK_PORT
export CHATWOOT_BASE_URL=$SANDBOX_URL CHATWOOT_ACCOUNT_ID=1 CHATWOOT_API_TOKEN=sandbox-admin-token \
  CHATWOOT_PLATFORM_TOKEN=sandbox-platform-token CHATWOOT_WHATSAPP_INBOX_ID=3 CHATWOOT_WEBHOOK_SECRET=sandbox-webhook-secret
export TWILIO_API_BASE_URL=$SANDBOX_URL TWILIO_STUDIO_API_BASE_URL=$SANDBOX_URL \
  TWILIO_ACCOUNT_SID=ACd42548387317631745a9084a2bc8f824 TWILIO_AUTH_TOKEN=sandbox-twilio-auth-token \
  TWILIO_WHATSAPP_FROM=whatsapp:+2252722405060 TWILIO_STUDIO_FLOW_SID=FWa20a05c4b4bb13fb547672aa9f3b62cd
export HANDOFF_PUBLIC_BASE_URL=$HANDOFF_URL OUTBOUND_STATUS_CALLBACK_BASE_URL=$HANDOFF_URL
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:$KAFKA_PORT REPORTING_BASE_URL=http://localhost:$REPORTING_PORT
export REPORTING_STATE_DIR="$STATE/reporting-streams"
GATEWAY_OIDC_CLIENT_SECRET=$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
export GATEWAY_OIDC_CLIENT_SECRET GATEWAY_OIDC_AUTH_SERVER_URL=$KEYCLOAK_URL/realms/agents GATEWAY_OIDC_CLIENT_ID=gateway
# 50 simulated agents share the realm's two demo identities: the per-user read limit (600/min) is meant for one person
export GATEWAY_RATE_LIMIT_READS_PER_MINUTE=100000
# every JVM is started the same way as ./run.sh starts the services
JVM_OPTS=(-Xmx384m)

# --- Kafka and Keycloak ------------------------------------------------------------------------------------------------
say "Starting Kafka, Keycloak and the sandbox"
mkdir -p "$STATE/kafka"
sed -e "s/:9092/:$KAFKA_PORT/g; s/:9093/:$KAFKA_CONTROLLER_PORT/g" \
    -e "s#^process.roles=.*#&\nlog.dirs=$STATE/kafka/data#" "$ROOT/deploy/local/kafka-server.properties" >"$STATE/kafka/server.properties"
"$JAVA" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool format -t "$("$JAVA" -cp "$KAFKA_LIBS/*" kafka.tools.StorageTool random-uuid)" \
  -c "$STATE/kafka/server.properties" >"$LOGS/kafka-format.log" 2>&1
start kafka "$JAVA" -Xms256m -Xmx512m -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka-log4j2.properties" \
  -cp "$KAFKA_LIBS/*" kafka.Kafka "$STATE/kafka/server.properties"
rm -rf "$KEYCLOAK_HOME/data"
mkdir -p "$KEYCLOAK_HOME/data/import"
cp "$ROOT/deploy/keycloak/agents-realm.json" "$KEYCLOAK_HOME/data/import/"
KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin start keycloak "$KEYCLOAK_HOME/bin/kc.sh" start-dev \
  --http-port $KEYCLOAK_PORT --http-management-port $KEYCLOAK_MANAGEMENT_PORT --http-host 127.0.0.1 \
  --hostname "$KEYCLOAK_URL" --import-realm --health-enabled=true
SANDBOX_CHATWOOT_WEBHOOK_URLS="$HANDOFF_URL/api/webhooks/chatwoot" \
SANDBOX_TWILIO_MESSAGES_WEBHOOK_URL="$HANDOFF_URL/api/webhooks/twilio/messages" \
SANDBOX_TWILIO_STATUS_CALLBACK_URL="$HANDOFF_URL/api/webhooks/twilio/status" \
SANDBOX_STUDIO_HANDOFF_URL="$HANDOFF_URL/api/webhooks/twilio/handoff" \
  start sandbox "$JAVA" -Xmx256m -jar "$ROOT/sandbox/target/quarkus-app/quarkus-run.jar"
until (exec 3<>"/dev/tcp/127.0.0.1/$KAFKA_PORT") 2>/dev/null; do sleep 0.2; done
"$JAVA" -cp "$KAFKA_LIBS/*" "$ROOT/deploy/local/CreateTopics.java" "$KAFKA_BOOTSTRAP_SERVERS" >"$LOGS/kafka-topics.log" 2>&1 \
  || fail "could not create the topics"

# --- Sandbox, services, bare application --------------------------------------------------------------------------------
wait_ready sandbox "$SANDBOX_URL/q/health/ready" 180
# Keycloak's own start takes a minute of both cores: nothing is timed before it is up
wait_ready keycloak "http://localhost:$KEYCLOAK_MANAGEMENT_PORT/health/ready" 420
# --- Benchmark 5 (start-up): each app alone, before the system is started (no consumer group to share, no backlog) ----
say "Benchmark 5 (start-up): each app started alone $STARTUP_RUNS times (hyperfine), before the system runs"
startup() { # startup NAME PORT_VAR PORT READY_PATH JAR
  REPORTING_STATE_DIR="$STATE/reporting-streams-startup" REPORTING_APPLICATION_ID=bench-startup hyperfine --runs $STARTUP_RUNS --export-json "$RAW/b5-$1.json" -N \
    "$BENCH/src/start-until-ready.sh $2 $3 $4 $5" >"$RAW/b5-$1.txt" 2>&1 || { cat "$RAW/b5-$1.txt"; fail "start-up of $1 failed"; }
  sed -n 's/.*"mean": *\([0-9.]*\).*/\1/p' "$RAW/b5-$1.json" | head -1 | xargs printf '%.2f'
}
declare -A START_MEAN
START_MEAN[bare]=$(startup bare BARE_PORT 18190 /ready "$BENCH/bare/target/quarkus-app/quarkus-run.jar")
START_MEAN[handoff]=$(startup handoff HANDOFF_PORT 18191 /q/health/ready "$ROOT/handoff-service/target/quarkus-app/quarkus-run.jar")
START_MEAN[outbound]=$(startup outbound OUTBOUND_PORT 18192 /q/health/ready "$ROOT/outbound-service/target/quarkus-app/quarkus-run.jar")
START_MEAN[reporting]=$(startup reporting REPORTING_PORT 18193 /q/health/ready "$ROOT/reporting-service/target/quarkus-app/quarkus-run.jar")
START_MEAN[gateway]=$(startup gateway GATEWAY_PORT 18194 /q/health/ready "$ROOT/gateway-service/target/quarkus-app/quarkus-run.jar")
START_MEAN[sandbox]=$(startup sandbox SANDBOX_PORT 18195 /q/health/ready "$ROOT/sandbox/target/quarkus-app/quarkus-run.jar")

say "Starting the services and the bare application one at a time (their start-up times do not overlap)"
start bare "$JAVA" "${JVM_OPTS[@]}" -jar "$BENCH/bare/target/quarkus-app/quarkus-run.jar"
wait_ready bare "http://localhost:$BARE_PORT/ready" 120
start handoff "$JAVA" "${JVM_OPTS[@]}" -jar "$ROOT/handoff-service/target/quarkus-app/quarkus-run.jar"
wait_ready handoff "$HANDOFF_URL/q/health/ready" 120
start outbound "$JAVA" "${JVM_OPTS[@]}" -jar "$ROOT/outbound-service/target/quarkus-app/quarkus-run.jar"
wait_ready outbound "http://localhost:$OUTBOUND_PORT/q/health/ready" 120
start reporting "$JAVA" "${JVM_OPTS[@]}" -jar "$ROOT/reporting-service/target/quarkus-app/quarkus-run.jar"
wait_ready reporting "http://localhost:$REPORTING_PORT/q/health/ready" 120
start gateway "$JAVA" "${JVM_OPTS[@]}" -jar "$ROOT/gateway-service/target/quarkus-app/quarkus-run.jar"
wait_ready gateway "$GATEWAY_URL/q/health/ready" 120
declare -A FIRST_START
for app in bare handoff outbound reporting gateway sandbox; do
  FIRST_START[$app]=$(seconds_between "${START_NS[$app]}" "${READY_NS[$app]}")
done

token() {
  curl -fsS -d grant_type=password -d client_id=agent-cli -d "username=$1" -d "password=$1" \
    "$KEYCLOAK_URL/realms/agents/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p'
}
sandbox_faults() { curl -fsS -X PUT -H 'Content-Type: application/json' -d "$1" "$SANDBOX_URL/sandbox/admin/faults" >/dev/null; }

# --- Benchmark 5 (part): idle footprint --------------------------------------------------------------------------------
sleep 10
declare -A RSS_IDLE RSS_LOAD
for app in bare handoff outbound reporting gateway sandbox; do RSS_IDLE[$app]=$(rss_mb $app); done

# --- Benchmark 2: customer -> agent ----------------------------------------------------------------------------------------
say "Benchmark 2: $C2A_MESSAGES customer messages at $C2A_RATE/s, watched on agent1's live stream"
AGENT_TOKEN=$(token agent1)
[ -n "$AGENT_TOKEN" ] || fail "no token from Keycloak for agent1"
"$JAVA" -cp "$ROOT/gateway-service/target/quarkus-app/lib/main/*" "$BENCH/src/CustomerToAgent.java" \
  "$GATEWAY_URL" "$SANDBOX_URL" "$AGENT_TOKEN" $C2A_MESSAGES $C2A_RATE 50 "$RAW" | tee "$RAW/b2.txt"

# --- Benchmark 3: load on Chatwoot -----------------------------------------------------------------------------------------
say "Benchmark 3: $LOAD_AGENTS agents with the UI open for ${LOAD_SECONDS}s, then the seed's 4 s polling for as long"
curl -fsS "$GATEWAY_URL/q/metrics" >"$RAW/b3-gateway-metrics-before.txt"
CONVERSATION_IDS=$(cut -d' ' -f1 "$RAW/b2-conversations.txt" | paste -sd,)
[ -n "$CONVERSATION_IDS" ] || fail "benchmark 2 left no conversations"
"$JAVA" "$BENCH/src/ChatwootLoad.java" "$GATEWAY_URL" "$SANDBOX_URL" "$(token agent1),$(token supervisor1)" \
  sandbox-agent1-token,sandbox-agent2-token,sandbox-agent3-token,sandbox-supervisor1-token \
  $LOAD_AGENTS $LOAD_SECONDS "$RAW/b2-customers.txt" "$CONVERSATION_IDS" | tee "$RAW/b3.txt"
curl -fsS "$GATEWAY_URL/q/metrics" >"$RAW/b3-gateway-metrics-after.txt"

# --- Benchmark 4: dispatch --------------------------------------------------------------------------------------------------
say "Benchmark 4: $DISPATCH_REPLIES agent replies through outbound-service"
# only the sends are measured: the sandbox sends no status callbacks meanwhile
sandbox_faults '{"status_callbacks_dropped": true}'
"$JAVA" -cp "$ROOT/outbound-service/target/quarkus-app/lib/main/*" "$BENCH/src/Dispatch.java" \
  "$KAFKA_BOOTSTRAP_SERVERS" "$SANDBOX_URL" $DISPATCH_REPLIES "$RAW/b2-conversations.txt" 2>"$RAW/b4-stderr.txt" | tee "$RAW/b4.txt"
curl -fsS "http://localhost:$OUTBOUND_PORT/q/metrics" >"$RAW/b4-outbound-metrics.txt"
TWILIO_429=$(grep '^outbound_twilio_calls_seconds_count' "$RAW/b4-outbound-metrics.txt" | grep 'rejected_20429\|rejected_63018' \
  | awk '{ s += $NF } END { printf "%d", s }' || true)
sandbox_faults '{"status_callbacks_dropped": false}'

# --- Benchmark 1: webhook ingest (last: it leaves a backlog behind) ----------------------------------------------------------
say "Benchmark 1: signed Twilio webhooks, handoff-service vs the bare application (wrk, ${INGEST_SECONDS}s each)"
"$JAVA" -cp "$ROOT/handoff-service/target/quarkus-app/lib/main/*" "$BENCH/src/SignWebhooks.java" \
  "$HANDOFF_URL/api/webhooks/twilio/messages" "$TWILIO_AUTH_TOKEN" "$TWILIO_ACCOUNT_SID" 2000 "$RAW/b1-pool.tsv"
# Ingest = signature check + durable Kafka write. The router behind it would post every one of these thousands of
# messages into the sandbox Chatwoot on the same two cores: Chatwoot is switched "down" so the router only retries slowly.
sandbox_faults '{"chatwoot_down": true}'
# sample_rss FILE APPS...: peak RSS of each app while the load runs (in the background until killed)
sample_rss() {
  local file=$1; shift
  while true; do for app in "$@"; do echo "$app $(rss_mb "$app")"; done >>"$file"; sleep 1; done
}
ingest() { # ingest NAME URL
  POOL="$RAW/b1-pool.tsv" wrk -t2 -c$INGEST_CONNECTIONS -d3s -s "$BENCH/src/ingest.lua" "$2" >/dev/null  # warm-up
  POOL="$RAW/b1-pool.tsv" wrk -t2 -c$INGEST_CONNECTIONS -d${INGEST_SECONDS}s --latency -s "$BENCH/src/ingest.lua" "$2" \
    | tee "$RAW/b1-$1.txt" | grep RESULT
}
sample_rss "$RAW/b1-rss-bare.txt" bare & SAMPLER=$!
ingest bare "http://localhost:$BARE_PORT"
kill $SAMPLER
sample_rss "$RAW/b1-rss-services.txt" handoff outbound reporting gateway sandbox & SAMPLER=$!
ingest handoff "$HANDOFF_URL"
kill $SAMPLER
# the same at a lower, steady load (4 connections): latency below saturation
POOL="$RAW/b1-pool.tsv" wrk -t1 -c4 -d10s --latency -s "$BENCH/src/ingest.lua" "$HANDOFF_URL" | tee "$RAW/b1-handoff-c4.txt" | grep RESULT
POOL="$RAW/b1-pool.tsv" wrk -t1 -c4 -d10s --latency -s "$BENCH/src/ingest.lua" "http://localhost:$BARE_PORT" | tee "$RAW/b1-bare-c4.txt" | grep RESULT
# where the time goes: the same requests with a wrong signature (refused with 403 before any Kafka write)
"$JAVA" -cp "$ROOT/handoff-service/target/quarkus-app/lib/main/*" "$BENCH/src/SignWebhooks.java" \
  "$HANDOFF_URL/api/webhooks/twilio/messages" not-the-auth-token "$TWILIO_ACCOUNT_SID" 2000 "$RAW/b1-pool-refused.tsv" >/dev/null
POOL="$RAW/b1-pool-refused.tsv" wrk -t2 -c$INGEST_CONNECTIONS -d10s --latency -s "$BENCH/src/ingest.lua" "$HANDOFF_URL" \
  | tee "$RAW/b1-handoff-refused.txt" | grep RESULT
curl -fsS "$HANDOFF_URL/q/metrics" >"$RAW/b1-handoff-metrics.txt"
# a setting: Kafka 4's producer waits linger.ms=5 before sending a batch; restart handoff with 0 and measure again
kill -- "-$(pid_of handoff)" 2>/dev/null || true
while kill -0 "$(pid_of handoff)" 2>/dev/null; do sleep 0.2; done
start handoff "$JAVA" "${JVM_OPTS[@]}" -Dmp.messaging.outgoing.whatsapp-inbound-out.linger.ms=0 \
  -jar "$ROOT/handoff-service/target/quarkus-app/quarkus-run.jar"
wait_ready handoff "$HANDOFF_URL/q/health/ready" 180
POOL="$RAW/b1-pool.tsv" wrk -t2 -c$INGEST_CONNECTIONS -d3s -s "$BENCH/src/ingest.lua" "$HANDOFF_URL" >/dev/null
POOL="$RAW/b1-pool.tsv" wrk -t2 -c$INGEST_CONNECTIONS -d${INGEST_SECONDS}s --latency -s "$BENCH/src/ingest.lua" "$HANDOFF_URL" \
  | tee "$RAW/b1-handoff-linger0.txt" | grep RESULT
POOL="$RAW/b1-pool.tsv" wrk -t1 -c4 -d10s --latency -s "$BENCH/src/ingest.lua" "$HANDOFF_URL" | tee "$RAW/b1-handoff-linger0-c4.txt" | grep RESULT
for app in bare; do RSS_LOAD[$app]=$(awk -v a=$app '$1 == a && $2 > m { m = $2 } END { print m }' "$RAW/b1-rss-bare.txt"); done
for app in handoff outbound reporting gateway sandbox; do
  RSS_LOAD[$app]=$(awk -v a=$app '$1 == a && $2 > m { m = $2 } END { print m }' "$RAW/b1-rss-services.txt")
done
sandbox_faults '{"chatwoot_down": false}'

for app in bare handoff outbound reporting gateway sandbox; do
  echo "RESULT $app first_start_s=${FIRST_START[$app]} hyperfine_mean_s=${START_MEAN[$app]} rss_idle_mb=${RSS_IDLE[$app]} rss_load_mb=${RSS_LOAD[$app]}"
done | tee "$RAW/b5.txt"

# --- Results ------------------------------------------------------------------------------------------------------------
TOTAL=$(( $(date +%s) - T0 ))
export QUICK TOTAL TWILIO_429 INGEST_SECONDS INGEST_CONNECTIONS C2A_MESSAGES C2A_RATE LOAD_AGENTS LOAD_SECONDS DISPATCH_REPLIES STARTUP_RUNS
"$BENCH/report.sh" "$RAW" | tee "$BENCH/results/$(date -u +%Y-%m-%d).md"
say "Done in ${TOTAL}s: bench/results/$(date -u +%Y-%m-%d).md"

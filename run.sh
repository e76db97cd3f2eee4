#!/usr/bin/env bash
# Runs the whole platform on this machine: Kafka (KRaft), Keycloak, the sandbox (stand-ins for Chatwoot and Twilio,
# unless SANDBOX=none) and the four services. Ctrl-C stops everything it started. See ./run.sh --help.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")" && pwd)
STATE="$ROOT/.run"
LOGS="$STATE/logs"
PIDS="$STATE/pids"

usage() {
  cat <<'EOF'
Usage: ./run.sh [--build] [--no-keycloak] [--help]

Starts, in order: Kafka (127.0.0.1:9092), Keycloak (http://localhost:8180, realm "agents"), the sandbox
(http://localhost:3000) and the services gateway (8080), handoff (8081), outbound (8082), reporting (8083).
Waits until each is ready, prints the URLs, and stops everything it started on Ctrl-C. Safe to run again.

Options:
  --build         rebuild the services even if they are already built (default: build only what is missing)
  --no-keycloak   do not start Keycloak (the gateway's login then does not work)
  --help          this text

Settings (environment, or a .env file next to this script):
  SANDBOX=chatwoot,twilio   which external systems the sandbox stands in for (default). SANDBOX=none uses the real
                            Chatwoot and Twilio given by CHATWOOT_BASE_URL, CHATWOOT_API_TOKEN, ... TWILIO_AUTH_TOKEN.
                            SANDBOX=chatwoot or SANDBOX=twilio stands in for one of them only.
  JAVA_HOME                 a JDK 21+ (found automatically under /usr/lib/jvm otherwise)
Logs: .run/logs/<component>.log
EOF
}

BUILD=auto
KEYCLOAK=yes
for arg in "$@"; do
  case "$arg" in
    --help|-h) usage; exit 0 ;;
    --build) BUILD=always ;;
    --no-keycloak) KEYCLOAK=no ;;
    *) echo "unknown option: $arg (see ./run.sh --help)" >&2; exit 2 ;;
  esac
done

say() { printf '\033[1m==>\033[0m %s\n' "$*"; }
fail() { printf '\033[31mERROR:\033[0m %s\n' "$*" >&2; exit 1; }

# --- A JDK 21+ -------------------------------------------------------------------------------------------------------
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
find_jdk() {
  local candidates=()
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  command -v java >/dev/null 2>&1 && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for d in /usr/lib/jvm/*; do [ -x "$d/bin/java" ] && candidates+=("$d"); done
  for d in "${candidates[@]}"; do
    local v; v=$(java_major "$d" || true)
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ -x "$d/bin/javac" ]; then echo "$d"; return 0; fi
  done
  return 1
}
JAVA_HOME=$(find_jdk) || fail "no JDK 21 or newer found. Install one (e.g. Temurin 21+ or 'apt-get install openjdk-21-jdk')
       and set JAVA_HOME to it, then run ./run.sh again."
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

# --- Settings -------------------------------------------------------------------------------------------------------
if [ -f "$ROOT/.env" ]; then set -a; . "$ROOT/.env"; set +a; fi
SANDBOX=${SANDBOX:-chatwoot,twilio}
sandbox_for() { [[ ",$SANDBOX," == *",$1,"* ]]; }
SANDBOX_URL=http://localhost:3000
HANDOFF_URL=http://localhost:8081

# Demo values shared by the sandbox and the services; real deployments set their own (SANDBOX=none).
if sandbox_for chatwoot; then
  export CHATWOOT_BASE_URL=$SANDBOX_URL
  export CHATWOOT_ACCOUNT_ID=${CHATWOOT_ACCOUNT_ID:-1}
  export CHATWOOT_API_TOKEN=${CHATWOOT_API_TOKEN:-sandbox-admin-token}
  export CHATWOOT_PLATFORM_TOKEN=${CHATWOOT_PLATFORM_TOKEN:-sandbox-platform-token}
  export CHATWOOT_WHATSAPP_INBOX_ID=${CHATWOOT_WHATSAPP_INBOX_ID:-3}
  export CHATWOOT_WEBHOOK_SECRET=${CHATWOOT_WEBHOOK_SECRET:-sandbox-webhook-secret}
fi
if sandbox_for twilio; then
  export TWILIO_API_BASE_URL=$SANDBOX_URL
  export TWILIO_ACCOUNT_SID=${TWILIO_ACCOUNT_SID:-AC00000000000000000000000000000000}
  export TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN:-sandbox-twilio-auth-token}
  export TWILIO_WHATSAPP_FROM=${TWILIO_WHATSAPP_FROM:-whatsapp:+2252722405060}
  export TWILIO_STUDIO_API_BASE_URL=$SANDBOX_URL
fi
export HANDOFF_PUBLIC_BASE_URL=${HANDOFF_PUBLIC_BASE_URL:-$HANDOFF_URL}
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092
for required in CHATWOOT_BASE_URL CHATWOOT_API_TOKEN CHATWOOT_ACCOUNT_ID CHATWOOT_WHATSAPP_INBOX_ID \
                CHATWOOT_WEBHOOK_SECRET TWILIO_ACCOUNT_SID TWILIO_AUTH_TOKEN TWILIO_WHATSAPP_FROM; do
  [ -n "${!required:-}" ] || fail "$required is not set. With SANDBOX=$SANDBOX it must come from the environment or .env."
done

mkdir -p "$LOGS" "$PIDS"

# --- Stop what a previous run left, and what this run starts on exit ------------------------------------------------
stop_pidfile() {
  local f=$1 pid
  pid=$(cat "$f" 2>/dev/null || true)
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -- "-$pid" 2>/dev/null || kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 -- "-$pid" 2>/dev/null || kill -9 "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}
stop_all() {
  trap - INT TERM EXIT
  echo
  say "Stopping"
  for f in "$PIDS"/*.pid; do [ -e "$f" ] && stop_pidfile "$f"; done
  say "Stopped."
}
for f in "$PIDS"/*.pid; do [ -e "$f" ] && stop_pidfile "$f"; done
trap stop_all INT TERM EXIT

# start NAME COMMAND...: runs a component in the background in its own process group (so stopping it also stops
# the children it forks, e.g. Keycloak's java under kc.sh), its output in .run/logs/NAME.log
start() {
  local name=$1; shift
  setsid "$@" >"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
}

# wait_for NAME URL SECONDS: waits until URL answers 200, showing progress
wait_for() {
  local name=$1 url=$2 limit=$3 waited=0
  printf '    waiting for %-10s ' "$name"
  until curl -fsS -o /dev/null "$url" 2>/dev/null; do
    if ! kill -0 "$(cat "$PIDS/$name.pid")" 2>/dev/null; then
      echo; tail -n 30 "$LOGS/$name.log" >&2; fail "$name stopped; its log is $LOGS/$name.log"
    fi
    if [ $waited -ge $((limit * 2)) ]; then
      echo; fail "$name not ready after ${limit}s; see $LOGS/$name.log"
    fi
    sleep 0.5; waited=$((waited + 1)); printf '.'
  done
  printf ' ready (%ss)\n' "$((waited / 2))"
}

wait_for_port() {
  local name=$1 port=$2 limit=$3 waited=0
  printf '    waiting for %-10s ' "$name"
  until (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
    kill -0 "$(cat "$PIDS/$name.pid")" 2>/dev/null || { echo; tail -n 30 "$LOGS/$name.log" >&2; fail "$name stopped"; }
    [ $waited -ge $((limit * 2)) ] && { echo; fail "$name not listening after ${limit}s; see $LOGS/$name.log"; }
    sleep 0.5; waited=$((waited + 1)); printf '.'
  done
  printf ' ready (%ss)\n' "$((waited / 2))"
}

MVNW="$ROOT/mvnw -B -q"
T0=$(date +%s)

# --- Build -----------------------------------------------------------------------------------------------------------
APPS=(sandbox gateway-service handoff-service outbound-service reporting-service)
missing=no
for app in "${APPS[@]}"; do [ -f "$ROOT/$app/target/quarkus-app/quarkus-run.jar" ] || missing=yes; done
if [ "$BUILD" = always ] || [ $missing = yes ]; then
  say "Building the services (./mvnw package -DskipTests; the first build downloads dependencies)"
  (cd "$ROOT" && $MVNW package -DskipTests >"$LOGS/build.log" 2>&1) \
    || { tail -n 40 "$LOGS/build.log" >&2; fail "the build failed; see $LOGS/build.log"; }
fi

# --- Kafka -----------------------------------------------------------------------------------------------------------
KAFKA_HOME="$STATE/kafka"
if [ ! -d "$KAFKA_HOME/libs" ]; then
  say "Fetching the Kafka broker jars (once)"
  $MVNW -f "$ROOT/deploy/local/pom.xml" dependency:copy-dependencies -DoutputDirectory="$KAFKA_HOME/libs" \
    >"$LOGS/fetch-kafka.log" 2>&1 || fail "could not fetch Kafka; see $LOGS/fetch-kafka.log"
fi
if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
  mkdir -p "$KAFKA_HOME/data"
  sed "s#^process.roles=.*#&\nlog.dirs=$KAFKA_HOME/data#" "$ROOT/deploy/local/kafka-server.properties" >"$KAFKA_HOME/server.properties"
  cluster_id=$("$JAVA" -cp "$KAFKA_HOME/libs/*" kafka.tools.StorageTool random-uuid)
  "$JAVA" -cp "$KAFKA_HOME/libs/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_HOME/server.properties" \
    >"$LOGS/kafka-format.log" 2>&1 || fail "could not format Kafka storage; see $LOGS/kafka-format.log"
fi
say "Starting Kafka"
start kafka "$JAVA" -Xms256m -Xmx512m -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$KAFKA_HOME/server.properties"
wait_for_port kafka 9092 60
"$JAVA" -cp "$KAFKA_HOME/libs/*" "$ROOT/deploy/local/CreateTopics.java" "$KAFKA_BOOTSTRAP_SERVERS" >"$LOGS/kafka-topics.log" 2>&1 \
  || fail "could not create the topics; see $LOGS/kafka-topics.log"

# --- Keycloak --------------------------------------------------------------------------------------------------------
KEYCLOAK_HOME="$STATE/keycloak"
if [ $KEYCLOAK = yes ] && [ -f "$ROOT/deploy/keycloak/agents-realm.json" ]; then
  if [ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then
    say "Fetching Keycloak (once, ~165 MB)"
    $MVNW -f "$ROOT/deploy/local/pom.xml" dependency:copy -Dartifact=org.keycloak:keycloak-quarkus-dist:26.5.6:zip \
      -DoutputDirectory="$STATE" >"$LOGS/fetch-keycloak.log" 2>&1 || fail "could not fetch Keycloak; see $LOGS/fetch-keycloak.log"
    rm -rf "$KEYCLOAK_HOME" "$STATE"/keycloak-26.5.6
    (cd "$STATE" && unzip -q keycloak-quarkus-dist-26.5.6.zip && mv keycloak-26.5.6 keycloak && rm keycloak-quarkus-dist-26.5.6.zip)
  fi
  mkdir -p "$KEYCLOAK_HOME/data/import"
  # Keycloak imports a realm only into an empty store: start afresh when the realm file changed
  if ! cmp -s "$ROOT/deploy/keycloak/agents-realm.json" "$KEYCLOAK_HOME/data/import/agents-realm.json"; then
    rm -rf "$KEYCLOAK_HOME/data/h2"
    cp "$ROOT/deploy/keycloak/agents-realm.json" "$KEYCLOAK_HOME/data/import/"
  fi
  say "Starting Keycloak"
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    start keycloak "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-port 8180 --http-host 127.0.0.1 --import-realm \
    --health-enabled=true
fi

# --- Sandbox ---------------------------------------------------------------------------------------------------------
if [ "$SANDBOX" != none ]; then
  say "Starting the sandbox (stands in for: $SANDBOX)"
  SANDBOX_CHATWOOT_WEBHOOK_URLS="$HANDOFF_URL/api/webhooks/chatwoot" \
  SANDBOX_TWILIO_MESSAGES_WEBHOOK_URL="$HANDOFF_URL/api/webhooks/twilio/messages" \
  SANDBOX_STUDIO_HANDOFF_URL="$HANDOFF_URL/api/webhooks/twilio/handoff" \
    start sandbox "$JAVA" -jar "$ROOT/sandbox/target/quarkus-app/quarkus-run.jar"
fi

# --- Services --------------------------------------------------------------------------------------------------------
say "Starting the services"
start handoff "$JAVA" -Xmx384m -jar "$ROOT/handoff-service/target/quarkus-app/quarkus-run.jar"
start outbound "$JAVA" -Xmx384m -jar "$ROOT/outbound-service/target/quarkus-app/quarkus-run.jar"
start reporting "$JAVA" -Xmx384m -jar "$ROOT/reporting-service/target/quarkus-app/quarkus-run.jar"
start gateway "$JAVA" -Xmx384m -jar "$ROOT/gateway-service/target/quarkus-app/quarkus-run.jar"

[ "$SANDBOX" != none ] && wait_for sandbox "$SANDBOX_URL/q/health/ready" 60
wait_for handoff "$HANDOFF_URL/q/health/ready" 90
wait_for outbound http://localhost:8082/q/health/ready 90
wait_for reporting http://localhost:8083/q/health/ready 90
wait_for gateway http://localhost:8080/q/health/ready 90
[ -f "$PIDS/keycloak.pid" ] && wait_for keycloak http://localhost:9000/health/ready 120

cat <<EOF

  Everything is up after $(( $(date +%s) - T0 )) s.

  Agent UI            http://localhost:8080/            (demo logins: agent1/agent1, supervisor1/supervisor1)
  Customer phone      $SANDBOX_URL/phone               (sandbox: $SANDBOX)
  Swagger UI          http://localhost:8080/q/swagger-ui  (gateway API)
  Webhooks            $HANDOFF_URL/api/webhooks/...      (handoff-service; public base URL $HANDOFF_PUBLIC_BASE_URL)
  Reports             http://localhost:8083/api/reports/dashboard?period=today
  Metrics             http://localhost:808{0,1,2,3}/q/metrics
  Keycloak admin      http://localhost:8180/admin        (admin/admin, local only)
  Kafka               $KAFKA_BOOTSTRAP_SERVERS
  Logs                $LOGS/

  Press Ctrl-C to stop everything.
EOF
wait

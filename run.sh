#!/usr/bin/env bash
# Runs the whole platform on this machine: Kafka (KRaft), Keycloak, the sandbox (stand-ins for Chatwoot and Twilio,
# unless SANDBOX=none) and the four services. Needs only a JDK 21+ (no curl, unzip or Docker).
# Ctrl-C stops everything it started. See ./run.sh --help.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")" && pwd)
STATE="$ROOT/.run"
LOGS="$STATE/logs"
PIDS="$STATE/pids"
KEYCLOAK_VERSION=26.5.6

usage() {
  cat <<'EOF'
Usage: ./run.sh [--build] [--no-keycloak] [--help]

Starts, in order: Kafka (127.0.0.1:9092), Keycloak (http://localhost:8180, realm "agents"), the sandbox
(http://localhost:3000: Chatwoot and Twilio stand-ins and the customer phone page), and the services
handoff (8081), outbound (8082), reporting (8083) and, once Keycloak is ready, gateway (8080: the agent UI).
Shows progress while it waits, prints the URLs and demo logins, and stops everything it started on Ctrl-C.
Safe to run again without cleaning up: it stops what a previous run left and reuses what it fetched and built.
The first run builds the services and fetches Kafka and Keycloak (~200 MB) through Maven; later runs start in seconds.

Options:
  --build         rebuild every application (default: only those not built yet or whose sources changed)
  --no-keycloak   do not start Keycloak (the agent UI's login then does not work)
  --help          this text

Settings (environment, or a .env file next to this script; never commit .env):
  SANDBOX=chatwoot,twilio   which external systems the sandbox stands in for (default). SANDBOX=none uses the real
                            Chatwoot and Twilio given by CHATWOOT_BASE_URL, CHATWOOT_API_TOKEN, CHATWOOT_WEBHOOK_SECRET,
                            TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_WHATSAPP_FROM, ... and starts no sandbox.
                            SANDBOX=chatwoot or SANDBOX=twilio stands in for one of them only.
  HANDOFF_PUBLIC_BASE_URL   the URL at which Twilio and Chatwoot reach handoff-service (default http://localhost:8081);
                            webhook signatures are checked against it, and the sandbox sends its webhooks there.
  GATEWAY_OIDC_CLIENT_SECRET  the gateway's Keycloak client secret (default: generated once, kept in .run/)
  JAVA_HOME                 a JDK 21+ (found automatically on the PATH or under /usr/lib/jvm otherwise)

Logs: .run/logs/<component>.log      State (Kafka data, Keycloak, the client secret): .run/ (delete it to start afresh)
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
. "$ROOT/deploy/local/jdk.sh"
JAVA_HOME=$(find_jdk) || fail "no JDK 21 or newer found. Install one (e.g. Temurin 21+ or 'apt-get install openjdk-21-jdk')
       and set JAVA_HOME to it, then run ./run.sh again."
export JAVA_HOME
JAVA="$JAVA_HOME/bin/java"

mkdir -p "$LOGS" "$PIDS"

# --- Settings -------------------------------------------------------------------------------------------------------
if [ -f "$ROOT/.env" ]; then set -a; . "$ROOT/.env"; set +a; fi
SANDBOX=${SANDBOX:-chatwoot,twilio}
sandbox_for() { [[ ",$SANDBOX," == *",$1,"* ]]; }
case ",$SANDBOX," in
  ,none,|,chatwoot,|,twilio,|,chatwoot,twilio,|,twilio,chatwoot,) ;;
  *) fail "SANDBOX=$SANDBOX: use chatwoot,twilio (default), chatwoot, twilio or none" ;;
esac
SANDBOX_URL=http://localhost:3000
KEYCLOAK_URL=http://localhost:8180
HANDOFF_URL=http://localhost:8081
REPORTING_URL=http://localhost:8083
GATEWAY_URL=http://localhost:8080

# The sandbox's demo data (sandbox/README.md); a real deployment sets its own values (SANDBOX=none).
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
  export TWILIO_STUDIO_API_BASE_URL=$SANDBOX_URL
  export TWILIO_ACCOUNT_SID=${TWILIO_ACCOUNT_SID:-ACd42548387317631745a9084a2bc8f824}
  export TWILIO_AUTH_TOKEN=${TWILIO_AUTH_TOKEN:-sandbox-twilio-auth-token}
  export TWILIO_WHATSAPP_FROM=${TWILIO_WHATSAPP_FROM:-whatsapp:+2252722405060}
  export TWILIO_STUDIO_FLOW_SID=${TWILIO_STUDIO_FLOW_SID:-FWa20a05c4b4bb13fb547672aa9f3b62cd}
fi
export HANDOFF_PUBLIC_BASE_URL=${HANDOFF_PUBLIC_BASE_URL:-$HANDOFF_URL}
# Twilio's status callbacks go to handoff-service's public URL
export OUTBOUND_STATUS_CALLBACK_BASE_URL=${OUTBOUND_STATUS_CALLBACK_BASE_URL:-$HANDOFF_PUBLIC_BASE_URL}
export KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092
export REPORTING_BASE_URL=$REPORTING_URL
for required in CHATWOOT_BASE_URL CHATWOOT_API_TOKEN CHATWOOT_ACCOUNT_ID CHATWOOT_WHATSAPP_INBOX_ID \
                CHATWOOT_WEBHOOK_SECRET TWILIO_ACCOUNT_SID TWILIO_AUTH_TOKEN TWILIO_WHATSAPP_FROM; do
  [ -n "${!required:-}" ] || fail "$required is not set. With SANDBOX=$SANDBOX it must come from the environment or .env."
done

# The gateway's Keycloak client secret: generated once and kept in .run/ (mode 600); Keycloak reads it from the
# environment when it imports the realm, the gateway when it starts. Never printed.
SECRET_FILE="$STATE/gateway-oidc-client-secret"
if [ -z "${GATEWAY_OIDC_CLIENT_SECRET:-}" ]; then
  [ -s "$SECRET_FILE" ] || (umask 077; head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n' >"$SECRET_FILE")
  GATEWAY_OIDC_CLIENT_SECRET=$(cat "$SECRET_FILE")
fi
export GATEWAY_OIDC_CLIENT_SECRET
export GATEWAY_OIDC_AUTH_SERVER_URL=${GATEWAY_OIDC_AUTH_SERVER_URL:-$KEYCLOAK_URL/realms/agents}
export GATEWAY_OIDC_CLIENT_ID=${GATEWAY_OIDC_CLIENT_ID:-gateway}
# A local run is a demo: the gateway shows its Swagger UI (off by default in the prod profile)
export GATEWAY_SWAGGER_UI_ENABLED=${GATEWAY_SWAGGER_UI_ENABLED:-true}

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
  # stop everything even if the terminal (or a pipe we print to) is already gone
  trap '' PIPE
  set +e
  echo
  say "Stopping"
  for f in "$PIDS"/*.pid; do [ -e "$f" ] && stop_pidfile "$f"; done
  say "Stopped."
}
for f in "$PIDS"/*.pid; do [ -e "$f" ] && stop_pidfile "$f"; done
trap stop_all INT TERM EXIT

# --- Helpers (bash's /dev/tcp instead of curl) ----------------------------------------------------------------------
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# http_ok URL: true when URL (http://host:port/path) answers 2xx
http_ok() {
  (
    local rest=${1#http://} hostport path host port line
    hostport=${rest%%/*}; path=/${rest#*/}; [ "$rest" = "$hostport" ] && path=/
    host=${hostport%:*}; port=${hostport##*:}
    exec 3<>"/dev/tcp/$host/$port" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: %s\r\nConnection: close\r\n\r\n' "$path" "$hostport" >&3
    IFS= read -r -t 10 line <&3 || exit 1
    [[ "$line" =~ ^HTTP/[0-9.]+\ 2[0-9][0-9] ]]
  ) 2>/dev/null
}

# start NAME COMMAND...: runs a component in the background in its own process group (so stopping it also stops
# the children it forks, e.g. Keycloak's java under kc.sh), its output in .run/logs/NAME.log
start() {
  local name=$1; shift
  setsid "$@" >"$LOGS/$name.log" 2>&1 &
  echo $! >"$PIDS/$name.pid"
}

# wait_until NAME SECONDS CHECK...: runs CHECK every half second until it succeeds, showing progress; fails early
# when the component's process is gone
wait_until() {
  local name=$1 limit=$2 waited=0; shift 2
  printf '    waiting for %-10s ' "$name"
  until "$@"; do
    if [ -f "$PIDS/$name.pid" ] && ! kill -0 "$(cat "$PIDS/$name.pid")" 2>/dev/null; then
      echo; tail -n 30 "$LOGS/$name.log" >&2; fail "$name stopped; its log is $LOGS/$name.log"
    fi
    if [ $waited -ge $((limit * 2)) ]; then
      echo; fail "$name not ready after ${limit}s; see $LOGS/$name.log"
    fi
    sleep 0.5; waited=$((waited + 1))
    [ $((waited % 2)) = 0 ] && printf '.'
  done
  printf ' ready (%ss)\n' "$((waited / 2))"
}

# with_progress LOG COMMAND...: runs a long command (a build, a download) with its output in LOG, a dot every 5 s
with_progress() {
  local log=$1 pid elapsed=0; shift
  "$@" >"$log" 2>&1 &
  pid=$!
  while kill -0 $pid 2>/dev/null; do
    sleep 1; elapsed=$((elapsed + 1)); [ $((elapsed % 5)) = 0 ] && printf '.'
  done
  printf ' (%ss)\n' $elapsed
  wait $pid
}

# Ports must be free: a program that is not ours on one of them would answer our health checks
for port in 9092 9093 8180 9000 3000 8080 8081 8082 8083; do
  port_open $port && fail "port $port is already in use by another program; stop it and run ./run.sh again"
done

MVNW=("$ROOT/mvnw" -B)
T0=$(date +%s)

# --- Build what is missing -------------------------------------------------------------------------------------------
APPS=(sandbox gateway-service handoff-service outbound-service reporting-service)
# an application is rebuilt when it is not built yet or when its sources, or the shared modules', changed since
stale() {
  local jar="$ROOT/$1/target/quarkus-app/quarkus-run.jar"
  [ ! -f "$jar" ] && return 0
  [ -n "$(find "$ROOT/pom.xml" "$ROOT/$1/pom.xml" "$ROOT/$1/src/main" "$ROOT/events/src/main" \
          "$ROOT/chatwoot-client/src/main" -newer "$jar" -print -quit 2>/dev/null)" ]
}
to_build=()
for app in "${APPS[@]}"; do
  if [ "$BUILD" = always ] || stale "$app"; then to_build+=("$app"); fi
done
if [ ${#to_build[@]} -gt 0 ]; then
  modules=$(IFS=,; echo "${to_build[*]}")
  printf '\033[1m==>\033[0m Building %s (the first build downloads dependencies; log: .run/logs/build.log) ' "$modules"
  with_progress "$LOGS/build.log" "${MVNW[@]}" -f "$ROOT/pom.xml" package -DskipTests -pl "$modules" -am \
    || { tail -n 40 "$LOGS/build.log" >&2; fail "the build failed; see $LOGS/build.log"; }
fi

# --- Kafka -----------------------------------------------------------------------------------------------------------
KAFKA_HOME="$STATE/kafka"
# fetched again when deploy/local/pom.xml changes
kafka_libs_stamp=$(cksum <"$ROOT/deploy/local/pom.xml")
if [ "$(cat "$KAFKA_HOME/libs/.complete" 2>/dev/null)" != "$kafka_libs_stamp" ]; then
  printf '\033[1m==>\033[0m Fetching the Kafka broker jars (once) '
  rm -rf "$KAFKA_HOME/libs"
  with_progress "$LOGS/fetch-kafka.log" "${MVNW[@]}" -f "$ROOT/deploy/local/pom.xml" dependency:copy-dependencies \
    -DoutputDirectory="$KAFKA_HOME/libs" || fail "could not fetch Kafka; see $LOGS/fetch-kafka.log"
  echo "$kafka_libs_stamp" >"$KAFKA_HOME/libs/.complete"
fi
if [ ! -f "$KAFKA_HOME/data/meta.properties" ]; then
  mkdir -p "$KAFKA_HOME/data"
  sed "s#^process.roles=.*#&\nlog.dirs=$KAFKA_HOME/data#" "$ROOT/deploy/local/kafka-server.properties" >"$KAFKA_HOME/server.properties"
  cluster_id=$("$JAVA" -cp "$KAFKA_HOME/libs/*" kafka.tools.StorageTool random-uuid)
  "$JAVA" -cp "$KAFKA_HOME/libs/*" kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_HOME/server.properties" \
    >"$LOGS/kafka-format.log" 2>&1 || fail "could not format Kafka storage; see $LOGS/kafka-format.log"
fi
say "Starting Kafka"
start kafka "$JAVA" -Xms256m -Xmx512m -Dlog4j2.configurationFile="$ROOT/deploy/local/kafka-log4j2.properties" \
  -cp "$KAFKA_HOME/libs/*" kafka.Kafka "$KAFKA_HOME/server.properties"
wait_until kafka 120 port_open 9092
"$JAVA" -cp "$KAFKA_HOME/libs/*" "$ROOT/deploy/local/CreateTopics.java" "$KAFKA_BOOTSTRAP_SERVERS" >"$LOGS/kafka-topics.log" 2>&1 \
  || fail "could not create the topics; see $LOGS/kafka-topics.log"

# --- Keycloak --------------------------------------------------------------------------------------------------------
KEYCLOAK_HOME="$STATE/keycloak"
REALM="$ROOT/deploy/keycloak/agents-realm.json"
if [ $KEYCLOAK = yes ] && [ ! -f "$REALM" ]; then
  say "No realm at deploy/keycloak/agents-realm.json: not starting Keycloak (the agent UI's login will not work)"
  KEYCLOAK=no
fi
if [ $KEYCLOAK = yes ]; then
  if [ ! -x "$KEYCLOAK_HOME/bin/kc.sh" ]; then
    printf '\033[1m==>\033[0m Fetching Keycloak %s (once, ~165 MB) ' "$KEYCLOAK_VERSION"
    with_progress "$LOGS/fetch-keycloak.log" "${MVNW[@]}" -f "$ROOT/deploy/local/pom.xml" dependency:copy \
      -Dartifact=org.keycloak:keycloak-quarkus-dist:$KEYCLOAK_VERSION:zip -DoutputDirectory="$STATE" \
      || fail "could not fetch Keycloak; see $LOGS/fetch-keycloak.log"
    rm -rf "$KEYCLOAK_HOME" "$STATE/keycloak-$KEYCLOAK_VERSION"
    # the JDK's jar tool unpacks zips (no unzip needed) but drops the execute bits
    (cd "$STATE" && "$JAVA_HOME/bin/jar" xf "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip" \
      && mv "keycloak-$KEYCLOAK_VERSION" keycloak && rm "keycloak-quarkus-dist-$KEYCLOAK_VERSION.zip") \
      || fail "could not unpack Keycloak"
    chmod +x "$KEYCLOAK_HOME"/bin/*.sh
  fi
  mkdir -p "$KEYCLOAK_HOME/data/import"
  # Keycloak imports a realm only into an empty store: start afresh when the realm file or the client secret changed
  stamp=$( { cat "$REALM"; printf '%s' "$GATEWAY_OIDC_CLIENT_SECRET"; } | cksum)
  if [ "$stamp" != "$(cat "$KEYCLOAK_HOME/data/import.stamp" 2>/dev/null)" ]; then
    rm -rf "$KEYCLOAK_HOME/data/h2"
    cp "$REALM" "$KEYCLOAK_HOME/data/import/agents-realm.json"
    echo "$stamp" >"$KEYCLOAK_HOME/data/import.stamp"
  fi
  say "Starting Keycloak"
  # --hostname: the issuer in the tokens is the URL browsers use, which is what the gateway checks
  KC_BOOTSTRAP_ADMIN_USERNAME=admin KC_BOOTSTRAP_ADMIN_PASSWORD=admin \
    start keycloak "$KEYCLOAK_HOME/bin/kc.sh" start-dev --http-port 8180 --http-host 127.0.0.1 \
    --hostname "$KEYCLOAK_URL" --import-realm --health-enabled=true
fi

# --- Sandbox ---------------------------------------------------------------------------------------------------------
if [ "$SANDBOX" != none ]; then
  say "Starting the sandbox (stands in for: $SANDBOX)"
  # where the sandbox sends its webhooks: wherever handoff-service is reachable (the same URL signatures are checked against)
  SANDBOX_CHATWOOT_WEBHOOK_URLS="$HANDOFF_PUBLIC_BASE_URL/api/webhooks/chatwoot" \
  SANDBOX_TWILIO_MESSAGES_WEBHOOK_URL="$HANDOFF_PUBLIC_BASE_URL/api/webhooks/twilio/messages" \
  SANDBOX_TWILIO_STATUS_CALLBACK_URL="$HANDOFF_PUBLIC_BASE_URL/api/webhooks/twilio/status" \
  SANDBOX_STUDIO_HANDOFF_URL="$HANDOFF_PUBLIC_BASE_URL/api/webhooks/twilio/handoff" \
    start sandbox "$JAVA" -Xmx256m -jar "$ROOT/sandbox/target/quarkus-app/quarkus-run.jar"
fi

# --- Services --------------------------------------------------------------------------------------------------------
say "Starting the services"
start handoff "$JAVA" -Xmx384m -jar "$ROOT/handoff-service/target/quarkus-app/quarkus-run.jar"
start outbound "$JAVA" -Xmx384m -jar "$ROOT/outbound-service/target/quarkus-app/quarkus-run.jar"
start reporting "$JAVA" -Xmx384m -jar "$ROOT/reporting-service/target/quarkus-app/quarkus-run.jar"

[ "$SANDBOX" != none ] && wait_until sandbox 300 http_ok "$SANDBOX_URL/q/health/ready"
wait_until handoff 300 http_ok "$HANDOFF_URL/q/health/ready"
wait_until outbound 300 http_ok http://localhost:8082/q/health/ready
wait_until reporting 300 http_ok "$REPORTING_URL/q/health/ready"
# the gateway reads Keycloak's OIDC discovery document when it starts: start it once Keycloak answers
# (its first start builds itself: minutes on a busy machine)
[ $KEYCLOAK = yes ] && wait_until keycloak 600 http_ok http://localhost:9000/health/ready
start gateway "$JAVA" -Xmx384m -jar "$ROOT/gateway-service/target/quarkus-app/quarkus-run.jar"
wait_until gateway 300 http_ok "$GATEWAY_URL/q/health/ready"

cat <<EOF

  Everything is up after $(( $(date +%s) - T0 )) s.

  Agent UI            $GATEWAY_URL/              logins: agent1/agent1 (agent), supervisor1/supervisor1 (supervisor)
  Customer phone      $( [ "$SANDBOX" != none ] && echo "$SANDBOX_URL/phone" || echo "- (SANDBOX=none: use a real phone)")
  Swagger UI          $GATEWAY_URL/q/swagger-ui   (gateway API)
  Webhooks            $HANDOFF_PUBLIC_BASE_URL/api/webhooks/{twilio/handoff,twilio/messages,twilio/status,chatwoot}
  Reports             $REPORTING_URL/api/reports/dashboard?period=today
  Metrics             http://localhost:{8080,8081,8082,8083}/q/metrics
$( [ $KEYCLOAK = yes ] && echo "  Keycloak admin      $KEYCLOAK_URL/admin        (admin/admin, local only)")
$( [ "$SANDBOX" != none ] && echo "  Sandbox admin       $SANDBOX_URL/sandbox/admin    (sandbox: $SANDBOX)")
  Kafka               $KAFKA_BOOTSTRAP_SERVERS
  Logs                $LOGS/

  Press Ctrl-C to stop everything.
EOF
wait

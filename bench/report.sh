#!/usr/bin/env bash
# Writes the results page (markdown, on stdout) from the raw files of one bench/run.sh run: report.sh RAW_DIR
# The sizes and a few figures come from run.sh's environment.
set -uo pipefail
RAW=$1
BENCH=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$BENCH")

# kv FILE LINE_PREFIX KEY: KEY's value in the last "RESULT LINE_PREFIX..." line of FILE
kv() { grep -h "^RESULT $2" "$1" 2>/dev/null | grep -o " $3=[^ ]*" | tail -1 | cut -d= -f2 || true; }
# calc EXPRESSION: awk arithmetic, 2 decimals; "n/a" if any operand is missing
calc() { awk "BEGIN { printf \"%.2f\", $1 }" 2>/dev/null || echo n/a; }
# verdict CONDITION: met / missed
# (awk exits 2 on an expression with a missing figure: "not measured")
verdict() { awk "BEGIN { exit !($1) }" 2>/dev/null; case $? in 0) echo "**met**" ;; 1) echo "**missed**" ;; *) echo "not measured" ;; esac; }

# --- figures ---------------------------------------------------------------------------------------------------------
b1() { kv "$RAW/b1-$1.txt" "" "$2"; }
BARE_RPS=$(b1 bare rps) REAL_RPS=$(b1 handoff rps)
INGEST_RATIO=$(calc "$REAL_RPS / $BARE_RPS * 100")
B2=$RAW/b2.txt
OURS_P99=$(kv "$B2" "ours " p99_ms) SEED_P99=$(kv "$B2" "seed " p99_ms)
B3=$RAW/b3.txt
B4=$RAW/b4.txt
B5=$RAW/b5.txt
b5() { kv "$B5" "$1 " "$2"; }

cat <<EOF
# Benchmark results — $(date -u '+%Y-%m-%d %H:%M UTC')$( [ "${QUICK:-no}" = yes ] && echo " (--quick: short runs, not for keeping)")

## Machine and versions

| | |
|---|---|
| CPUs (\`nproc\`) | $(nproc) ($(sed -n 's/^model name\s*: //p' /proc/cpuinfo | head -1)) |
| memory | $(free -g | awk '/^Mem:/ { print $2 " GiB total, " $7 " GiB available at the end" }') |
| load average (1/5/15 min) | at start: ${LOAD_START:-?}; at the end: $(cut -d' ' -f1-3 /proc/loadavg) |
| OS | $(. /etc/os-release && echo "$PRETTY_NAME"), kernel $(uname -r) |
| JDK | $("$JAVA_HOME/bin/java" -version 2>&1 | head -1) |
| Quarkus | $(sed -n 's:.*<quarkus.platform.version>\(.*\)</quarkus.platform.version>.*:\1:p; s:.*<quarkus.version>\(.*\)</quarkus.version>.*:\1:p' "$ROOT/pom.xml" | head -1) |
| Kafka broker | $(ls "$BENCH/.cache/kafka-libs" | sed -n 's/^kafka_2.13-\(.*\)\.jar$/\1/p' | head -1) (KRaft, one node) |
| Keycloak | 26.5.6 (start-dev) |
| wrk / hyperfine | $(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2) / $(hyperfine --version) |
| commit | $(git -C "$ROOT" rev-parse --short HEAD)$(git -C "$ROOT" diff --quiet HEAD -- . ':!bench' || echo " (with local changes)") |

The machine is shared (2 cores, other people's builds and test suites running at the same time): absolute figures
drift from run to run; the ratios against a reference measured in the same run are what to compare.

Command: \`bench/run.sh\` ($((${TOTAL:-0} / 60)) min $((${TOTAL:-0} % 60)) s). Each benchmark's own command is in
bench/README.md; raw data of this run: \`bench/results/raw/\` (not committed).

## 1. Webhook ingest

wrk, 2 threads, ${INGEST_CONNECTIONS:-?} connections, ${INGEST_SECONDS:-?} s after a 3 s warm-up, the same pool of 2,000
pre-signed Twilio WhatsApp message webhooks (\`bench/src/ingest.lua\`) against handoff-service (signature check with
the Twilio SDK's RequestValidator, durable Kafka write with acks=all) and against the bare Quarkus application (same
path, answers 200 without work).

| endpoint | requests/s | p50 ms | p99 ms | max ms | non-2xx | socket errors |
|---|---|---|---|---|---|---|
| bare Quarkus | $BARE_RPS | $(b1 bare p50_ms) | $(b1 bare p99_ms) | $(b1 bare max_ms) | $(b1 bare non2xx) | $(b1 bare errors) |
| handoff-service | $REAL_RPS | $(b1 handoff p50_ms) | $(b1 handoff p99_ms) | $(b1 handoff max_ms) | $(b1 handoff non2xx) | $(b1 handoff errors) |
| handoff-service, 4 connections | $(b1 handoff-c4 rps) | $(b1 handoff-c4 p50_ms) | $(b1 handoff-c4 p99_ms) | $(b1 handoff-c4 max_ms) | $(b1 handoff-c4 non2xx) | $(b1 handoff-c4 errors) |
| bare Quarkus, 4 connections | $(b1 bare-c4 rps) | $(b1 bare-c4 p50_ms) | $(b1 bare-c4 p99_ms) | $(b1 bare-c4 max_ms) | $(b1 bare-c4 non2xx) | $(b1 bare-c4 errors) |
| handoff-service, wrong signatures (403, no Kafka write), 10 s | $(b1 handoff-refused rps) | $(b1 handoff-refused p50_ms) | $(b1 handoff-refused p99_ms) | $(b1 handoff-refused max_ms) | $(b1 handoff-refused non2xx) | $(b1 handoff-refused errors) |
| handoff-service restarted with producer \`linger.ms=0\` | $(b1 handoff-linger0 rps) | $(b1 handoff-linger0 p50_ms) | $(b1 handoff-linger0 p99_ms) | $(b1 handoff-linger0 max_ms) | $(b1 handoff-linger0 non2xx) | $(b1 handoff-linger0 errors) |
| same, 4 connections | $(b1 handoff-linger0-c4 rps) | $(b1 handoff-linger0-c4 p50_ms) | $(b1 handoff-linger0-c4 p99_ms) | $(b1 handoff-linger0-c4 max_ms) | $(b1 handoff-linger0-c4 non2xx) | $(b1 handoff-linger0-c4 errors) |

- Ratio handoff / bare: **${INGEST_RATIO} %** — target ≥ 60 %: $(verdict "$REAL_RPS / $BARE_RPS >= 0.6").
- p99 at the sustained (saturating) rate: $(b1 handoff p99_ms) ms — target < 50 ms: $(verdict "$(b1 handoff p99_ms) < 50").
- handoff-service's own counts after the runs (\`handoff_webhooks_total\` for twilio.messages, by outcome, and the
  Kafka write timer \`handoff_webhooks_durable_write_seconds\`):
$(grep -h 'endpoint="twilio.messages"' "$RAW/b1-handoff-metrics.txt" 2>/dev/null | grep '^handoff_webhooks_total' | sed 's/^/  \`/; s/$/\`/' || true)
$(grep -h '^handoff_webhooks_durable_write_seconds_\(count\|sum\|max\)' "$RAW/b1-handoff-metrics.txt" 2>/dev/null | grep whatsapp.inbound | sed 's/^/  \`/; s/$/\`/' || true)

## 2. Customer → agent

$(kv "$B2" "messages" messages) customer messages at a steady $(kv "$B2" "messages" rate_per_s)/s from 50 customers, each
sent by the sandbox's Twilio stand-in as a signed webhook to handoff-service; the time until each shows on agent1's
live stream (gateway \`/api/events\`, event \`message.created\`). Seed design on the same arrivals: time the message
landed in Chatwoot (the sandbox's message_created webhook) + the wait until the next 4 s poll (random phase).

| design | messages | p50 ms | p99 ms | max ms |
|---|---|---|---|---|
| ours (Kafka → live stream) | $(kv "$B2" "ours " n) (lost: $(kv "$B2" "messages" lost)) | $(kv "$B2" "ours " p50_ms) | $OURS_P99 | $(kv "$B2" "ours " max_ms) |
| seed (4 s polling, simulated) | $(kv "$B2" "seed " n) | $(kv "$B2" "seed " p50_ms) | $SEED_P99 | $(kv "$B2" "seed " max_ms) |

- p99 seed / ours: **$(kv "$B2" "" p99_ratio)×** — target ≥ 8×: $(verdict "$SEED_P99 / $OURS_P99 >= 8").

## 3. Load on Chatwoot

$(kv "$B3" "agents" agents) simulated agents for $(kv "$B3" "agents" seconds) s each way, with one customer message per
second meanwhile. Ours: list, counts and one open thread each through the gateway, then the live stream and the UI's
re-reads on events ($(kv "$B3" "agents" gateway_identities) Keycloak identities shared by the agents: the realm has
agent1 and supervisor1). Seed: each agent polls the thread's messages and \`conversations/meta\` from Chatwoot every 4 s
($(kv "$B3" "agents" chatwoot_tokens) Chatwoot agent tokens shared by the agents). Counted at the sandbox Chatwoot
(all its /api and /platform requests, including the router's and outbound's in both phases) and, for the agents'
part, the gateway's own chatwoot-client count (ours) or the pollers' requests (seed).

| design | Chatwoot requests/min (all) | agents' part /min | steady state (s): all /min, agents' part /min | 429 from Chatwoot | client requests | client errors |
|---|---|---|---|---|---|---|
| ours | $(kv "$B3" "ours " chatwoot_per_min) | $(kv "$B3" "ours " agents_part_per_min) | ($(kv "$B3" "ours " steady_s) s): $(kv "$B3" "ours " steady_chatwoot_per_min), $(kv "$B3" "ours " steady_agents_part_per_min) | $(kv "$B3" "ours " chatwoot_429) | $(kv "$B3" "ours " client_requests) | $(kv "$B3" "ours " client_errors) |
| seed | $(kv "$B3" "seed " chatwoot_per_min) | $(kv "$B3" "seed " agents_part_per_min) | ($(kv "$B3" "seed " steady_s) s): $(kv "$B3" "seed " steady_chatwoot_per_min), $(kv "$B3" "seed " steady_agents_part_per_min) | $(kv "$B3" "seed " chatwoot_429) | $(kv "$B3" "seed " client_requests) | $(kv "$B3" "seed " client_errors) |

"Steady state": from 5 s after the last agent opened its page to the end (the opening reads excluded).

- Ratio seed / ours, agents' part, whole time (opening included): **$(kv "$B3" "ratio" ratio_agents_part)×** — target ≥ 20×
  with no 429: $(verdict "$(kv "$B3" "ratio" ratio_agents_part) >= 20 && $(kv "$B3" "ours " chatwoot_429) == 0");
  steady state: **$(kv "$B3" "ratio" steady_ratio_agents_part)×** (ours' count taken as at least 1: a lower bound) — $(verdict "$(kv "$B3" "ratio" steady_ratio_agents_part) >= 20 && $(kv "$B3" "ours " chatwoot_429) == 0");
  all Chatwoot requests (the router's and outbound's included, the same in both phases): $(kv "$B3" "ratio" ratio_total)×.

Where the gateway's Chatwoot requests went during benchmark 3 (chatwoot-client timer by operation, all outcomes; the
gateway has no agent in the seed phase):
$(awk '/^chatwoot_client_requests_seconds_count\{/ { match($0, /operation="[^"]*"/); op = substr($0, RSTART + 11, RLENGTH - 12);
        if (FILENAME ~ /before/) b[op] += $NF; else a[op] += $NF }
      END { for (op in a) if (a[op] - b[op] > 0) printf "%s=%d ", op, a[op] - b[op] }' \
      "$RAW/b3-gateway-metrics-before.txt" "$RAW/b3-gateway-metrics-after.txt" 2>/dev/null || true)

## 4. Dispatch

$(kv "$B4" "sent" of) agent replies (Chatwoot \`message_created\` events, outgoing, as handoff-service writes them)
put on \`chatwoot.events\` at once over the conversations of benchmark 2; outbound-service sends them to the sandbox's
Twilio stand-in (status callbacks switched off meanwhile). Times from the sandbox's record of each Messages.json request.

| sent | span s | sustained rate /s | share of 80/s | busiest 1 s | 429 received | latency p50 ms | p99 ms | max ms |
|---|---|---|---|---|---|---|---|---|
| $(kv "$B4" "sent" sent) | $(kv "$B4" "sent" span_s) | $(kv "$B4" "sent" rate_per_s) | $(kv "$B4" "sent" share_of_80) | $(kv "$B4" "sent" busiest_1s) | ${TWILIO_429:-?} | $(kv "$B4" "latency" p50_ms) | $(kv "$B4" "latency" p99_ms) | $(kv "$B4" "latency" max_ms) |

- Sustained rate ≥ 95 % of 80/s: $(verdict "$(kv "$B4" "sent" rate_per_s) >= 76"); 429s = 0: $(verdict "${TWILIO_429:-1} == 0").
  The sandbox's Twilio stand-in has no per-sender rate limiter: "429 received" counts outbound's own
  \`outbound_twilio_calls_seconds_count{result=rejected_20429|rejected_63018}\`, and "busiest 1 s" shows whether
  Twilio's 80/s would have been exceeded (> 80 would have drawn 429s from the real Twilio).

## 5. Footprint

Start to ready (process launch → \`/q/health/ready\` 200; \`/ready\` for the bare application): the mean of
${STARTUP_RUNS:-?} starts of each app alone with hyperfine (\`bench/src/start-until-ready.sh\`), once Kafka, the sandbox
and Keycloak were up and before the system was started; then the start of the system itself, one app after the other
("first start"; the sandbox's overlapped Keycloak's start). RSS:
idle (10 s after everything was up) and the peak during benchmark 1's load on handoff-service (the bare application:
under its own run of benchmark 1). Every JVM: \`java -Xmx384m -jar …/quarkus-run.jar\` (the sandbox: -Xmx256m, as run.sh).

| app | first start s | hyperfine mean s | × bare | RSS idle MB | × bare | RSS under load MB | × bare |
|---|---|---|---|---|---|---|---|
EOF
for app in bare handoff outbound reporting gateway sandbox; do
  echo "| $app | $(b5 $app first_start_s) | $(b5 $app hyperfine_mean_s) | $(calc "$(b5 $app hyperfine_mean_s) / $(b5 bare hyperfine_mean_s)") | $(b5 $app rss_idle_mb) | $(calc "$(b5 $app rss_idle_mb) / $(b5 bare rss_idle_mb)") | $(b5 $app rss_load_mb) | $(calc "$(b5 $app rss_load_mb) / $(b5 bare rss_load_mb)") |"
done
echo
for app in handoff outbound reporting gateway; do
  echo "- $app within 1.5× of bare: start $(verdict "$(b5 $app hyperfine_mean_s) <= 1.5 * $(b5 bare hyperfine_mean_s)"), RSS idle $(verdict "$(b5 $app rss_idle_mb) <= 1.5 * $(b5 bare rss_idle_mb)"), RSS under load $(verdict "$(b5 $app rss_load_mb) <= 1.5 * $(b5 bare rss_load_mb)")."
done

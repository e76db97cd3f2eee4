#!/usr/bin/env bash
# start-until-ready.sh PORT_VAR PORT READY_PATH JAR: starts the jar on PORT, returns once READY_PATH answers 2xx
set -u
export "$1=$2"
"$JAVA_HOME/bin/java" -Xmx384m -jar "$4" >/dev/null 2>&1 &
pid=$!
until curl -fsS -o /dev/null "http://localhost:$2$3" 2>/dev/null; do
  kill -0 $pid 2>/dev/null || exit 1
  sleep 0.05
done
kill $pid; wait $pid 2>/dev/null
exit 0

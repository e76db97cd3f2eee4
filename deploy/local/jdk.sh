# Sourced by run.sh, .ci/run, bench/run.sh and deploy/k8s/generate.sh: find_jdk prints the first JDK 21+ (with javac
# and jar) among JAVA_HOME, the `java` on the PATH and /usr/lib/jvm/*, or fails. Keycloak and the build need 21+.
java_major() { "$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }
find_jdk() {
  local candidates=() d v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  command -v java >/dev/null 2>&1 && candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  for d in /usr/lib/jvm/*; do [ -x "$d/bin/java" ] && candidates+=("$d"); done
  for d in "${candidates[@]}"; do
    v=$(java_major "$d" || true)
    if [ -n "$v" ] && [ "$v" -ge 21 ] && [ -x "$d/bin/javac" ] && [ -x "$d/bin/jar" ]; then echo "$d"; return 0; fi
  done
  return 1
}

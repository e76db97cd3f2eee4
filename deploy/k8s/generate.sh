#!/usr/bin/env bash
# Regenerates the Kubernetes manifests made from other files (PrometheusRule from deploy/prometheus/alerts.yml,
# Grafana dashboards ConfigMap from deploy/grafana/, Keycloak realm ConfigMaps from deploy/keycloak/agents-realm.json).
# The generator is deploy-tests' GeneratedManifests; GeneratedManifestsTest fails in `./mvnw verify` when they are stale.
set -euo pipefail
cd "$(dirname "$0")/../.."
. deploy/local/jdk.sh
JAVA_HOME=$(find_jdk) || { echo "ERROR: no JDK 21+ found; set JAVA_HOME" >&2; exit 1; }
export JAVA_HOME
./mvnw -B -q -pl deploy-tests -am verify -Ddeploy.regenerate=true -Dtest=GeneratedManifestsTest \
  -Dsurefire.failIfNoSpecifiedTests=false
echo "regenerated: deploy/k8s/base/monitoring/*.yaml deploy/k8s/overlays/*/keycloak-realm.yaml"

#!/usr/bin/env bash
# How long each service takes to start alone (issue #13): starts a local stack on free ports in a temp directory
# (Kafka, MongoDB-wire in memory, the three services from their executable jars, extracted and started from their
# AOT cache, trained first when missing), then kills and restarts one service at a time while the others idle, and
# prints each restart's time until healthy and the CPU its JVM used until then.
#
#   benchmarks/start-times.sh [--restarts 2] [--no-aot-cache]
#   benchmarks/start-times.sh --help
#
# Needs the services' executable jars (./mvnw -B -q install -DskipTests once). SKIP_BUILD=1 skips packaging
# this module.
set -euo pipefail
BENCHMARK_MAIN=org.suggestionbox.benchmarks.StartTimes BENCHMARK_JAVA_OPTS=-Xmx1g \
    exec "$(dirname "$0")/run.sh" "$@"

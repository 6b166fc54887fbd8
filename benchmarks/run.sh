#!/usr/bin/env bash
# Runs the pipeline benchmark (issue #6): starts a whole local stack on free ports in a temp directory
# (Kafka, MongoDB-wire, SMTP capture, the three services from their executable jars), drives intake's
# API open-loop at a constant rate, measures API acknowledgement and submit -> delivered latency, then a
# raw Kafka baseline on the same broker. Results: stdout and benchmarks/results/latest.md. The MongoDB-wire
# server and the SMTP capture run in their own JVMs, so every process's CPU is reported apart; --cpu-report
# adds CPU-ms per idea (idle subtracted), idle share and max RSS per process, --profile JFR top frames
# (recordings under benchmarks/results/jfr/<run>/, not committed).
#
#   benchmarks/run.sh [--rate 100] [--duration 30s] [--warmup 5s] [--drain 60s] [--users alice,noa,...]
#                     [--partitions 3] [--no-baseline] [--results FILE] [--cpu-report [--settle 60s]] [--profile]
#                     [--service-jvm-options="-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1"]
#                     [--intake-url URL --bootstrap-servers HOST:PORT]   # use a running stack instead
#   benchmarks/run.sh --help                                             # every option with its default
#
# Needs the services' executable jars (./mvnw -B -q install -DskipTests once). SKIP_BUILD=1 skips
# packaging this module. Exit status 1 when a measured idea was not delivered within the drain, or was
# doubled or refused, or the baseline, replay or Slack phase lost or refused anything.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

for module in suggestion-intake suggestion-router feedback-notifier; do
    if ! compgen -G "$module/target/$module-*-exec.jar" > /dev/null; then
        echo "No executable jar in $module/target: build once with ./mvnw -B -q install -DskipTests" >&2
        exit 1
    fi
done

if [[ "${SKIP_BUILD:-}" != "1" || ! -f benchmarks/target/classpath.txt ]]; then
    ./mvnw -B -q ${MAVEN_ARGS_BENCHMARK:--o} -pl benchmarks package -DskipTests
fi

classpath="benchmarks/target/classes:$(cat benchmarks/target/classpath.txt)"
# start-times.sh runs another of this module's commands the same way
exec "$JAVA" ${BENCHMARK_JAVA_OPTS:--Xmx12g} -cp "$classpath" \
    "${BENCHMARK_MAIN:-org.suggestionbox.benchmarks.PipelineBenchmark}" --project-dir . "$@"

#!/usr/bin/env bash
# Builds Suggestion Box and starts the whole local stack: a real Kafka broker (KRaft), a MongoDB-wire
# server persisted to a file, an SMTP capture with a mail viewer, and the three services.
#
#   ./local-stack.sh [--data-dir DIR] [--no-demo-data]
#   ./local-stack.sh --help        # the options with their defaults
#
# SKIP_BUILD=1 starts what was built last time without building again.
# LOCAL_STACK_HEAP (default 1g) is the launcher's heap, where the MongoDB-wire server keeps every document
# (about 27 KB an idea): it warns at 80 % full; give it more, or set MONGODB_URI, for tens of thousands of ideas.
# Uses KAFKA_BOOTSTRAP_SERVERS / MONGODB_URI / SMTP_HOST + SMTP_PORT instead of its own servers when set.
# Data is kept in .local-stack/ (or --data-dir) across restarts; Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

if [[ -x /usr/lib/jvm/temurin-25-jdk-amd64/bin/java ]]; then
    export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
fi
if [[ -n "${JAVA_HOME:-}" ]]; then
    JAVA="$JAVA_HOME/bin/java"
else
    JAVA="$(command -v java || true)"
fi
if [[ -z "$JAVA" ]]; then
    echo "No Java found: install a JDK 21 or newer, or set JAVA_HOME." >&2
    exit 1
fi
java_major="$("$JAVA" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p')"
if [[ -z "$java_major" || "${java_major%%.*}" -lt 21 ]]; then
    echo "Java 21 or newer is needed, $JAVA is ${java_major:-unknown}. Set JAVA_HOME to a JDK 21+." >&2
    exit 1
fi

if [[ "${SKIP_BUILD:-}" == "1" && -f local-stack/target/classpath.txt ]]; then
    echo "SKIP_BUILD=1: starting what was built last time"
else
    echo "Building (./mvnw -B -q install -DskipTests) ..."
    ./mvnw -B -q install -DskipTests
fi

classpath="local-stack/target/classes:$(cat local-stack/target/classpath.txt)"
exec "$JAVA" -Xmx"${LOCAL_STACK_HEAP:-1g}" -cp "$classpath" org.suggestionbox.localstack.LocalStackCommand "$@"

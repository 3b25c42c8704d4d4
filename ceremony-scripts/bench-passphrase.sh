#!/usr/bin/env bash
# Benchmark of passphrase rating latency (not part of `mvn test`); prints a Markdown table.
# Usage: ceremony-scripts/bench-passphrase.sh [samples] [samples for whole zxcvbn4j on slow inputs]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="target/classes:$(cat target/bench.classpath)"
rm -rf target/bench-classes
javac -d target/bench-classes -cp "$CP" src/bench/java/dev/tufceremony/passphrase/*.java
exec java -cp "target/bench-classes:$CP" dev.tufceremony.passphrase.RatingBenchmark "$@"

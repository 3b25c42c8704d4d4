#!/usr/bin/env bash
# Benchmark of root-chain verification (not part of `mvn test`); prints a Markdown table.
# Usage: ceremony-scripts/bench-root-chain.sh [versions=1000] [runs=10]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="target/classes:$(cat target/bench.classpath)"
rm -rf target/bench-classes-tuf
javac -d target/bench-classes-tuf -cp "$CP" src/bench/java/dev/tufceremony/tuf/RootChainBenchmark.java
exec java -cp "target/bench-classes-tuf:$CP" dev.tufceremony.tuf.RootChainBenchmark "$@"

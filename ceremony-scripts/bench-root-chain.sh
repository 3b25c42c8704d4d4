#!/usr/bin/env bash
# Benchmark of root-chain verification (not part of `mvn test`); prints a Markdown table.
# Usage: ceremony-scripts/bench-root-chain.sh [versions=1000] [runs=10]
# Generates the chain in one JVM, then verifies it in a fresh JVM (so the first run is cold).
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="target/classes:$(cat target/bench.classpath)"
rm -rf target/bench-classes-tuf
javac -d target/bench-classes-tuf -cp "$CP" src/bench/java/dev/tufceremony/tuf/RootChainBenchmark.java
DIR="$(mktemp -d)"
trap 'rm -rf "$DIR"' EXIT
java -cp "target/bench-classes-tuf:$CP" dev.tufceremony.tuf.RootChainBenchmark generate "$DIR" "${1:-1000}"
java -cp "target/bench-classes-tuf:$CP" dev.tufceremony.tuf.RootChainBenchmark verify "$DIR" "${2:-10}"

#!/usr/bin/env bash
# Benchmark (not part of `mvn test`): a scripted bootstrap at the default work factor against its
# KDF work alone; prints a Markdown table. Needs about 1.5 GiB of heap (scrypt at 20 uses 1 GiB).
# Usage: ceremony-scripts/bench-bootstrap.sh [runs=3] [work factor=20]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath
CP="target/classes:$(cat target/bench.classpath)"
rm -rf target/bench-classes-ceremony
javac -d target/bench-classes-ceremony -cp "$CP" src/bench/java/dev/tufceremony/ceremony/BootstrapBenchmark.java
exec java -Xmx3g -cp "target/bench-classes-ceremony:$CP" dev.tufceremony.ceremony.BootstrapBenchmark "$@"

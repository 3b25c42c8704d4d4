#!/usr/bin/env bash
# Benchmark (not a test): our age decryption at work factor 20 against the stock `age -d`, in one
# run, alternating. Needs age and expect. Usage: ceremony-scripts/bench-age-decrypt.sh [rounds] [logN]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-5}"
logn="${2:-20}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mvn -B -q compile dependency:build-classpath -Dmdep.outputFile="$work/cp.txt" >/dev/null
cp="target/classes:$(cat "$work/cp.txt")"
javac -d "$work/classes" -cp "$cp" src/bench/java/dev/tufceremony/bench/AgeDecryptBenchmark.java
echo "java: $(java -version 2>&1 | head -1); age: $(age --version); cores: $(nproc); load: $(cut -d' ' -f1-3 /proc/loadavg)"
java ${BENCH_JAVA_OPTS:-} -cp "$work/classes:$cp" dev.tufceremony.bench.AgeDecryptBenchmark "$work" "$rounds" "$logn"

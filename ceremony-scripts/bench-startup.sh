#!/usr/bin/env bash
# Benchmark: time from launching `java -jar` to the first wizard page on screen (real window, Xvfb +
# GTK), median of 5, plain class path and with an AppCDS archive (created once here, as an install
# step). Timed from outside the process: the clock starts just before `java` is executed and stops at
# the epoch time the app prints when the first page is shown. One Xvfb server serves every run, so
# its own start-up is not counted.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/tuf-ceremony.jar ] || mvn -B -q ${MVN_OFFLINE:-} -DskipTests package
JAR=target/tuf-ceremony.jar
JSA=target/tuf-ceremony.jsa
display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
probe() {
  local t0 shown
  t0=$(date +%s%3N)
  shown=$(DISPLAY="$display" java "$@" -Dtufceremony.startupProbe=true -jar "$JAR" 2>/dev/null \
    | sed -n 's/^first-page-shown-epoch-ms=//p')
  echo $((shown - t0))
}
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
rm -f "$JSA"
probe -XX:ArchiveClassesAtExit="$JSA" >/dev/null
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg); java $(java -version 2>&1 | head -1)"
plain=$(for i in 1 2 3 4 5; do probe; done | tee /dev/stderr | median)
cds=$(for i in 1 2 3 4 5; do probe -XX:SharedArchiveFile="$JSA"; done | tee /dev/stderr | median)
echo "first page shown, median of 5: class path ${plain} ms; with AppCDS ${cds} ms"

#!/usr/bin/env bash
# Benchmark: time from launching the program to the wizard's first page painted in a real window
# (Xvfb + GTK). The clock starts just before the command is executed and stops at the epoch time the
# app prints when JavaFX reports the first rendered frame. One Xvfb server serves every run, so its
# own start-up is not counted. Three launches, interleaved so that they share the machine's noise:
#   floor    - a window with one Label (FirstWindowFloor), same options, its own AppCDS archive:
#              what JVM + JavaFX + GTK cost here before any page of ours;
#   no-cds   - the wizard with the same options but without the AppCDS archive;
#   launcher - the wizard exactly as the README starts it (./tuf-ceremony).
# Usage: ceremony-scripts/bench-startup.sh [rounds, default 11]
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-11}
mvn -B -q ${MVN_OFFLINE:-} -DskipTests package
ARGS=@src/main/launcher/linux.args
JAR=target/tuf-ceremony.jar
export GDK_GL=disable   # as ./tuf-ceremony sets it
FLOOR=target/bench-floor
rm -rf "$FLOOR" && mkdir -p "$FLOOR/classes"
javac -cp "$JAR" -d "$FLOOR/classes" src/bench/java/dev/tufceremony/bench/FirstWindowFloor.java
jar cf "$FLOOR/floor.jar" -C "$FLOOR/classes" .

display=":$((90 + RANDOM % 9))"
Xvfb "$display" -screen 0 1280x800x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done

probe() {
  local t0 shown
  t0=$(date +%s%3N)
  shown=$(DISPLAY="$display" "$@" 2>/dev/null | sed -n 's/^first-page-shown-epoch-ms=//p')
  [ -n "$shown" ] || { echo "no first frame reported by: $*" >&2; exit 1; }
  echo $((shown - t0))
}
floor() { probe java "$ARGS" "$@" -cp "$FLOOR/floor.jar:$JAR" 'dev.tufceremony.bench.FirstWindowFloor$Main'; }
# The floor's archive is made the way the JDK allows without a class list: one training run.
floor -XX:ArchiveClassesAtExit="$FLOOR/floor.jsa" >/dev/null

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
f="" n="" r=""
for _ in $(seq "$ROUNDS"); do
  f+="$(floor -XX:SharedArchiveFile="$FLOOR/floor.jsa") "
  n+="$(probe java "$ARGS" -Dtufceremony.startupProbe=true -jar "$JAR") "
  r+="$(JDK_JAVA_OPTIONS=-Dtufceremony.startupProbe=true probe ./tuf-ceremony) "
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "floor  (one Label):         ${f}-> median $(echo "$f" | median) ms"
echo "wizard without AppCDS:      ${n}-> median $(echo "$n" | median) ms"
echo "wizard as ./tuf-ceremony:   ${r}-> median $(echo "$r" | median) ms"

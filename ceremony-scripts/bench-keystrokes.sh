#!/usr/bin/env bash
# Benchmark: FX-thread time per keystroke on the passphrase page (the meter must never block typing).
# Runs the real page in a real window under Xvfb + GTK when xvfb-run exists, else headless Monocle.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OFFLINE:-} test-compile
mvn -B -q ${MVN_OFFLINE:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
echo "# load average: $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v xvfb-run >/dev/null; then
  xvfb-run -a -s '-screen 0 1280x800x24' java -cp "$CP" dev.tufceremony.ui.KeystrokeBench 2>/dev/null
else
  java -Dprism.order=sw -Dglass.platform=Monocle -Dmonocle.platform=Headless -cp "$CP" dev.tufceremony.ui.KeystrokeBench 2>/dev/null
fi

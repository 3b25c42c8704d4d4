#!/usr/bin/env bash
# Regenerates docs/screenshots/*.png from the real wizard: walks all three ceremonies headless
# (Monocle, no display needed) over folders presented as USB drives, with a test-only KDF.
# The folders go under /media (as real sticks would) when it is writable, else under the temp dir.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OFFLINE:-} test-compile
mvn -B -q ${MVN_OFFLINE:-} dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test-classpath.txt >/dev/null
DRIVES=/media/ceremony-tour
if ! mkdir -p "$DRIVES" 2>/dev/null || [ -n "$(ls -A "$DRIVES")" ]; then
  DRIVES=$(mktemp -d)
fi
trap 'rm -rf "$DRIVES"' EXIT
java -Dtestfx.robot=glass -Dtestfx.headless=true -Dprism.order=sw -Dprism.text=t2k -Dglass.platform=Monocle \
     -Dmonocle.platform=Headless -Dmonocle.screen.width=1280 -Dmonocle.screen.height=800 \
     -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
     dev.tufceremony.ui.ScreenshotTour docs/screenshots "$DRIVES"

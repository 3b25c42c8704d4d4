#!/usr/bin/env bash
# Regenerates src/main/cds/classlist, the classes that `mvn package` puts into the AppCDS archive
# (target/tuf-ceremony.jsa): one real start of the wizard up to its first painted page, in a real
# window (Xvfb + GTK), recorded with -XX:DumpLoadedClassList. Run it after changing what the Start
# page or the start-up path loads; a stale list only makes start-up slower, never wrong.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q ${MVN_OFFLINE:-} -DskipTests package
JDK_CDS="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.home = //p')/lib/server/classes.jsa"
list=$(mktemp)
trap 'rm -f "$list"' EXIT
# Started as ./tuf-ceremony starts it (options and GDK_GL), on the JDK's own archive.
GDK_GL=disable xvfb-run -a -s '-screen 0 1280x800x24' java @src/main/launcher/linux.args \
  -XX:SharedArchiveFile="$JDK_CDS" -XX:DumpLoadedClassList="$list" -Dtufceremony.startupProbe=true \
  -jar target/tuf-ceremony.jar >/dev/null
grep -q '^dev/tufceremony/ui/StartPage$' "$list" || { echo "the training run did not reach the Start page" >&2; exit 1; }
cp "$list" src/main/cds/classlist
mvn -B -q ${MVN_OFFLINE:-} -DskipTests package
echo "src/main/cds/classlist: $(grep -vc '^[#@]' src/main/cds/classlist) classes; target/tuf-ceremony.jsa rebuilt"

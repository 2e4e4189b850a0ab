#!/usr/bin/env bash
# Proves the SPI's API baseline works, on a throwaway copy of this tree:
#   1. CalendarProvider loses a method, package version unchanged  -> the build must fail;
#   2. the same change with peregrine.calendar raised to the next "major" (0.x: minor) -> the build must pass.
# Needs the tree's bundles built once (./test.sh or mvn verify); extra arguments go to Maven (e.g. -o).
set -euo pipefail
. "$(dirname "$0")/build-env.sh"
ensure_java
ensure_maven
copy=$(mktemp -d)
trap 'rm -rf "$copy"' EXIT
tar -C "$PEREGRINE_ROOT" --exclude=./.tools --exclude=./.git --exclude='*/target' --exclude=./samples -cf - . | tar -C "$copy" -xf -
spi="$copy/bundles/peregrine.calendar"
python3 - "$spi/src/peregrine/calendar/CalendarProvider.java" <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
start = s.index('    /**\n     * @return the settings key of a secret')
end = s.index('    /** Checks, over the network')
open(p, 'w').write(s[:start] + s[end:])
PY
build() { (cd "$copy" && "$MVN" -B -ntp verify "$@" -pl releng/oauth-client-osgi,releng/peregrine.target,bundles/peregrine.calendar 2>&1 | grep -E "API baseline|BUILD (SUCCESS|FAILURE)"); }
say "storableSecret() removed, peregrine.calendar still at its version:"
if build "$@" | tee /dev/stderr | grep -q "BUILD SUCCESS"; then say "FAILED: the build accepted an incompatible change"; exit 1; fi
current=$(sed -n 's/^Export-Package: peregrine.calendar;version="\(.*\)"$/\1/p' "$spi/META-INF/MANIFEST.MF")
next="0.$(( $(echo "$current" | cut -d. -f2) + 1 )).0"
sed -i "s/^Export-Package: peregrine.calendar;version=\"$current\"/Export-Package: peregrine.calendar;version=\"$next\"/" "$spi/META-INF/MANIFEST.MF"
sed -i "s/@org.osgi.annotation.versioning.Version(\"$current\")/@org.osgi.annotation.versioning.Version(\"$next\")/" "$spi/src/peregrine/calendar/package-info.java"
say "the same change with peregrine.calendar at $next:"
if ! build "$@" | tee /dev/stderr | grep -q "BUILD SUCCESS"; then say "FAILED: the build refused a change whose version was raised"; exit 1; fi
say "the API baseline refuses an incompatible SPI change without a version raise, and accepts it with one"

#!/usr/bin/env bash
# Runs every Peregrine Workbench benchmark and prints a table of figures (see docs/performance.md).
# Builds the product first when its sources changed. Everything runs on this machine: a Radicale
# CalDAV server on 127.0.0.1, the product's peregrine-cli and its workbench under a virtual X display.
# Benchmarks print figures; they never fail on time. Takes about 7 minutes on 2 cores.
#   ./bench.sh                      everything
#   ./bench.sh --only caldav,board  some of caldav, bulk, board, startup
#   ./bench.sh --json FILE          also write the figures as JSON
set -euo pipefail
. "$(dirname "$0")/releng/scripts/build-env.sh"
PRODUCT=$PEREGRINE_ROOT/releng/peregrine.product/target/products/peregrine.product/linux/gtk/x86_64
# The peer client, the window probe and the CalDAV server (Debian package names).
PACKAGES="$PACKAGES python3-caldav xdotool"

install_packages
ensure_java
if [ ! -x "$PRODUCT/peregrine" ] || [ -n "$(find "$PEREGRINE_ROOT"/bundles "$PEREGRINE_ROOT"/features "$PEREGRINE_ROOT"/releng \
    -newer "$PRODUCT/peregrine" -type f -not -path '*/target/*' -not -path '*/peregrine.benchmarks/*' -print -quit)" ]; then
  ensure_maven
  say "building the product (tests are run by ./test.sh)"
  (cd "$PEREGRINE_ROOT" && "$MVN" -B -ntp -q verify -DskipTests)
  touch "$PRODUCT/peregrine"
fi
# Debian's python3, which has python3-caldav (a python3 of its own on PATH would not).
exec xvfb-run -a -s "-screen 0 1280x1024x24" /usr/bin/python3 "$PEREGRINE_ROOT/releng/peregrine.benchmarks/bench.py" \
    --product "$PRODUCT" "$@"

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
# The peer client, the window probe and the CalDAV server (Debian package names).
PACKAGES="$PACKAGES python3-caldav xdotool"

install_packages
ensure_java
ensure_product
# Debian's python3, which has python3-caldav (a python3 of its own on PATH would not).
exec xvfb-run -a -s "-screen 0 1280x1024x24" /usr/bin/python3 "$PEREGRINE_ROOT/releng/peregrine.benchmarks/bench.py" \
    --product "$PRODUCT" "$@"

#!/usr/bin/env bash
# Builds Peregrine Workbench when its sources changed, then opens it on a demo database of sample jobs
# (created on first run). Your own Peregrine data is never touched: to open it, run the product's
# ./peregrine script with --db ~/path/to/staging.db instead (see README).
set -euo pipefail
. "$(dirname "$0")/releng/scripts/build-env.sh"
DEMO_DB=${PEREGRINE_DEMO_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/peregrine/demo.db}

ensure_java
ensure_product
if [ ! -f "$DEMO_DB" ]; then
  say "creating the demo database $DEMO_DB"
  "$PRODUCT/peregrine-cli" --db "$DEMO_DB" demo
fi
exec "$PRODUCT/peregrine" --db "$DEMO_DB" "$@"

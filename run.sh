#!/usr/bin/env bash
# Builds Peregrine Workbench when its sources changed, then opens it on a demo database of sample jobs
# (created on first run). Your own Peregrine data is never touched: to open it, run the product's
# ./peregrine script with --db ~/path/to/staging.db instead (see README).
set -euo pipefail
. "$(dirname "$0")/releng/scripts/build-env.sh"
PRODUCT=$PEREGRINE_ROOT/releng/peregrine.product/target/products/peregrine.product/linux/gtk/x86_64
DEMO_DB=${PEREGRINE_DEMO_DB:-${XDG_DATA_HOME:-$HOME/.local/share}/peregrine/demo.db}

ensure_java
if [ ! -x "$PRODUCT/peregrine" ] || [ -n "$(find "$PEREGRINE_ROOT"/bundles "$PEREGRINE_ROOT"/features "$PEREGRINE_ROOT"/releng \
    -newer "$PRODUCT/peregrine" -type f -not -path '*/target/*' -print -quit)" ]; then
  ensure_maven
  say "building the product (tests are run by ./test.sh)"
  (cd "$PEREGRINE_ROOT" && "$MVN" -B -ntp -q verify -DskipTests)
  touch "$PRODUCT/peregrine"
fi
if [ ! -f "$DEMO_DB" ]; then
  say "creating the demo database $DEMO_DB"
  "$PRODUCT/peregrine-cli" --db "$DEMO_DB" demo
fi
exec "$PRODUCT/peregrine" --db "$DEMO_DB" "$@"

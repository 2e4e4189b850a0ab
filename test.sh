#!/usr/bin/env bash
# Builds Peregrine Workbench and runs every test (tycho-surefire, under a virtual X display).
# Extra arguments go to Maven, e.g. ./test.sh -o
set -euo pipefail
. "$(dirname "$0")/releng/scripts/build-env.sh"
install_packages
ensure_java
ensure_maven
cd "$PEREGRINE_ROOT"
start=$(date +%s)
xvfb-run -a -s "-screen 0 1280x1024x24" "$MVN" -B -ntp clean verify "$@"
mark_product_built "$start"

# The sample provider, built as a third party builds one: its own reactor, against the SDK repository just built
# (releng/peregrine.product/target/repository) plus Maven Central.
sample_start=$(date +%s)
xvfb-run -a -s "-screen 0 1280x1024x24" "$MVN" -B -ntp -f samples/peregrine.calendar.ics/pom.xml clean verify "$@"
say "the sample provider's build and tests took $(( $(date +%s) - sample_start )) s"
say "build and tests took $(( $(date +%s) - start )) s"

#!/usr/bin/env bash
# Regenerates releng/sdk-baseline, the API baseline of the SPI bundles, from this tree's build: run at each SDK release,
# after `./test.sh` (or any build that packaged the bundles), and commit the result.
#   releng/scripts/sdk-baseline.sh VERSION     e.g. 0.2.0; then set <peregrine.sdkBaseline> in pom.xml to VERSION
set -euo pipefail
. "$(dirname "$0")/build-env.sh"
ensure_java
ensure_maven
version=${1:?usage: sdk-baseline.sh VERSION}
cd "$PEREGRINE_ROOT"
rm -rf releng/sdk-baseline
# Maven keeps a release it downloaded for good: drop its copy of a baseline regenerated under the same version.
local_repo=$("$MVN" -B -q help:evaluate -Dexpression=settings.localRepository -DforceStdout)
for bundle in peregrine.calendar peregrine.settings peregrine.jobs; do
  "$MVN" -B -ntp -q org.apache.maven.plugins:maven-deploy-plugin:3.1.4:deploy-file \
    -Dfile="$(ls bundles/$bundle/target/$bundle-*.jar | grep -v sources)" -DgroupId=peregrine -DartifactId="$bundle" \
    -Dversion="$version" -Dpackaging=jar -DgeneratePom=true -Durl="file://$PEREGRINE_ROOT/releng/sdk-baseline"
  rm -rf "$local_repo/peregrine/$bundle/$version"
done
say "releng/sdk-baseline holds the SPI bundles as SDK $version; set <peregrine.sdkBaseline>$version</peregrine.sdkBaseline> in pom.xml"

# Sourced by run.sh, test.sh and .ci/run: the tools the build needs, found or fetched with the machine's own clients.
# Sets JAVA_HOME (a JDK 21+) and MVN (Maven 3.9, which Tycho 5 needs).

PEREGRINE_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
MAVEN_VERSION=3.9.16
TOOLS=$PEREGRINE_ROOT/.tools
# What the build, the tests and the workbench need from the operating system (Debian package names).
PACKAGES="xvfb xauth libgtk-3-0 fonts-dejavu-core radicale xandikos python3-caldav imagemagick"

# The product's own start scripts use the same search: one definition of "a Java that can run us".
. "$PEREGRINE_ROOT/features/peregrine.core.feature/rootfiles/lib/peregrine-launch.sh"

say() { printf '[peregrine] %s\n' "$*" >&2; }

install_packages() {
  local missing=() p
  for p in $PACKAGES; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  if [ "$(id -u)" != 0 ]; then
    say "missing packages: ${missing[*]}; install them with: sudo apt-get install ${missing[*]}"
    return 1
  fi
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

ensure_java() {
  peregrine_find_java || return 1
  JAVA_HOME=$(cd "$(dirname "$(readlink -f "$PEREGRINE_JAVA")")/.." && pwd)
  [ -x "$JAVA_HOME/bin/javac" ] || { say "$JAVA_HOME is a JRE; the build needs a JDK 21 or newer"; return 1; }
  export JAVA_HOME PATH=$JAVA_HOME/bin:$PATH
}

# Maven 3.9 fetched as an ordinary artifact by the machine's Maven (3.8 cannot load a Tycho 5 project),
# from a folder outside the reactor.
ensure_maven() {
  MVN=$TOOLS/apache-maven-$MAVEN_VERSION/bin/mvn
  [ -x "$MVN" ] && return 0
  command -v mvn >/dev/null || { say "Maven is needed to fetch Maven $MAVEN_VERSION: apt-get install maven"; return 1; }
  say "fetching Maven $MAVEN_VERSION"
  mkdir -p "$TOOLS"
  local scratch
  scratch=$(mktemp -d)
  (cd "$scratch" && mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      -Dartifact=org.apache.maven:apache-maven:$MAVEN_VERSION:tar.gz:bin -DoutputDirectory="$TOOLS") || return 1
  rm -rf "$scratch"
  tar xzf "$TOOLS/apache-maven-$MAVEN_VERSION-bin.tar.gz" -C "$TOOLS" && rm "$TOOLS/apache-maven-$MAVEN_VERSION-bin.tar.gz"
}

# The product is current when it was built after the last change of any source under bundles/, features/ or
# releng/. The build's own stamp decides, not the start script's time, which is the script's checkout time.
PRODUCT=$PEREGRINE_ROOT/releng/peregrine.product/target/products/peregrine.product/linux/gtk/x86_64
PRODUCT_STAMP=$PEREGRINE_ROOT/releng/peregrine.product/target/product.built

product_is_current() {
  [ -x "$PRODUCT/peregrine" ] && [ -f "$PRODUCT_STAMP" ] && [ -z "$(find "$PEREGRINE_ROOT"/bundles "$PEREGRINE_ROOT"/features \
      "$PEREGRINE_ROOT"/releng -newer "$PRODUCT_STAMP" -type f -not -path '*/target/*' -not -path '*/peregrine.benchmarks/*' \
      -not -name '.tycho-consumer-pom.xml' -print -quit)" ]
}

# Called after a build that made the product; the stamp's time is when that build started.
mark_product_built() {
  if [ -x "$PRODUCT/peregrine" ]; then touch -d "@$1" "$PRODUCT_STAMP"; fi
}

# Builds the product without its tests when a source changed since it was last built.
ensure_product() {
  product_is_current && return 0
  ensure_maven
  say "building the product (tests are run by ./test.sh)"
  local started
  started=$(date +%s)
  (cd "$PEREGRINE_ROOT" && "$MVN" -B -ntp -q verify -DskipTests) && mark_product_built "$started"
}

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

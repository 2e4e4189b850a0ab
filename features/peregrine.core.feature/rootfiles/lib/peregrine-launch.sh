# Shared by the start scripts `peregrine` and `peregrine-cli`; sourced, not run.
#
# Finds a Java runtime of version PEREGRINE_MIN_JAVA (21) or newer and the product's Equinox
# launcher, so that both scripts start the same way. Candidates, first match wins:
#   1. $JAVA_HOME/bin/java
#   2. `java` on PATH
#   3. every JDK/JRE below the folders in PEREGRINE_JVM_DIRS (a blank-separated list; by default the
#      usual places: /usr/lib/jvm /usr/java /usr/local/lib/jvm /usr/local/java /opt/java /opt/jdk
#      /opt/jdks /opt ~/.sdkman/candidates/java ~/.jdks), newest version first.
# A candidate's version is read from the `release` file of its Java home (cheap), else asked with
# `java -version`.

PEREGRINE_MIN_JAVA=21
PEREGRINE_DEFAULT_JVM_DIRS="/usr/lib/jvm /usr/java /usr/local/lib/jvm /usr/local/java /opt/java /opt/jdk /opt/jdks /opt $HOME/.sdkman/candidates/java $HOME/.jdks"

# Prints the major version of the Java whose `java` executable is $1, or nothing if it cannot tell.
peregrine_java_major() {
    _pj_bin=$1
    _pj_home=$(dirname "$(dirname "$(readlink -f "$_pj_bin" 2>/dev/null || printf '%s' "$_pj_bin")")")
    _pj_version=
    if [ -r "$_pj_home/release" ]; then
        _pj_version=$(sed -n 's/^JAVA_VERSION="\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$_pj_home/release" | head -n 1)
    fi
    if [ -z "$_pj_version" ]; then
        _pj_version=$("$_pj_bin" -version 2>&1 | sed -n 's/^[^"]* version "\([^"]*\)".*/\1/p' | head -n 1)
    fi
    # "1.8.0_392" is Java 8; "17.0.15", "21", "25-ea" are 17, 21, 25.
    case $_pj_version in
        1.*) _pj_version=${_pj_version#1.} ;;
    esac
    _pj_major=${_pj_version%%[!0-9]*}
    [ -n "$_pj_major" ] && printf '%s\n' "$_pj_major"
}

# Succeeds when $1 is an executable Java of version PEREGRINE_MIN_JAVA or newer. Records what was
# looked at in _pj_seen for the message when nothing fits.
peregrine_java_fits() {
    [ -n "$1" ] && [ -x "$1" ] && [ ! -d "$1" ] || return 1
    _pj_m=$(peregrine_java_major "$1")
    _pj_seen="$_pj_seen
  $1 (Java ${_pj_m:-of unknown version})"
    [ -n "$_pj_m" ] && [ "$_pj_m" -ge "$PEREGRINE_MIN_JAVA" ]
}

# Sets PEREGRINE_JAVA to a fitting `java`, or prints what is needed to stderr and returns 1.
peregrine_find_java() {
    _pj_seen=
    if [ -n "${JAVA_HOME:-}" ] && peregrine_java_fits "$JAVA_HOME/bin/java"; then
        PEREGRINE_JAVA=$JAVA_HOME/bin/java
        return 0
    fi
    _pj_path_java=$(command -v java 2>/dev/null) || _pj_path_java=
    if peregrine_java_fits "$_pj_path_java"; then
        PEREGRINE_JAVA=$_pj_path_java
        return 0
    fi
    # Of the folders' Javas, the newest.
    _pj_best=
    _pj_best_major=0
    for _pj_dir in ${PEREGRINE_JVM_DIRS-$PEREGRINE_DEFAULT_JVM_DIRS}; do
        for _pj_candidate in "$_pj_dir"/*/bin/java "$_pj_dir"/*/jre/bin/java; do
            [ -x "$_pj_candidate" ] || continue
            if peregrine_java_fits "$_pj_candidate" && [ "$_pj_m" -gt "$_pj_best_major" ]; then
                _pj_best=$_pj_candidate
                _pj_best_major=$_pj_m
            fi
        done
    done
    if [ -n "$_pj_best" ]; then
        PEREGRINE_JAVA=$_pj_best
        return 0
    fi
    {
        printf '%s: Peregrine Workbench needs Java %s or newer, and none was found.\n' "${0##*/}" "$PEREGRINE_MIN_JAVA"
        if [ -n "$_pj_seen" ]; then
            printf 'Found only:%s\n' "$_pj_seen"
        fi
        printf 'Looked at $JAVA_HOME, java on PATH and the JDKs in: %s\n' \
            "${PEREGRINE_JVM_DIRS-$PEREGRINE_DEFAULT_JVM_DIRS}"
        printf 'Install a JDK %s or newer (e.g. Temurin from https://adoptium.net) and set JAVA_HOME to it.\n' "$PEREGRINE_MIN_JAVA"
    } >&2
    return 1
}

# Sets PEREGRINE_LAUNCHER to the product's Equinox launcher jar below the product folder $1.
peregrine_find_launcher() {
    for PEREGRINE_LAUNCHER in "$1"/plugins/org.eclipse.equinox.launcher_*.jar; do
        [ -f "$PEREGRINE_LAUNCHER" ] && return 0
    done
    printf '%s: the Equinox launcher is missing from %s/plugins; the installation is incomplete.\n' "${0##*/}" "$1" >&2
    return 1
}

# Sets PEREGRINE_CACHE to this installation's folder in the user's cache ($XDG_CACHE_HOME, else
# ~/.cache), creating it. The folder is named after the installation's path, so two installations
# never share cached state.
peregrine_cache_dir() {
    _pj_cache=${XDG_CACHE_HOME:-}
    case $_pj_cache in
        /*) ;;
        *) _pj_cache=$HOME/.cache ;;
    esac
    PEREGRINE_CACHE=$_pj_cache/peregrine/install-$(printf '%s' "$1" | cksum | cut -d ' ' -f 1)
    mkdir -p "$PEREGRINE_CACHE" || {
        printf '%s: cannot create the cache folder %s.\n' "${0##*/}" "$PEREGRINE_CACHE" >&2
        return 1
    }
}

# The exit status by which an Eclipse application asks to be started again (IApplication.EXIT_RESTART).
PEREGRINE_EXIT_RESTART=23

# Runs the command "$@" as a child, again each time it exits with PEREGRINE_EXIT_RESTART, and returns its last
# exit status. SIGTERM, SIGINT and SIGHUP are passed on to the running child as SIGTERM (a child started in the
# background ignores SIGINT), and after one the command is not started again; the child keeps this script's
# standard input (a background child would get /dev/null).
peregrine_run_restarting() {
    _pr_child=
    _pr_stop=
    # `command`: a closed standard input must not end the script
    { command exec 3<&0; } 2>/dev/null || exec 3</dev/null
    trap '_pr_stop=1; [ -n "$_pr_child" ] && kill -TERM "$_pr_child" 2>/dev/null' TERM INT HUP
    while :; do
        "$@" <&3 3<&- &
        _pr_child=$!
        # A trapped signal ends `wait` early with 128+signal; the child may be reaped in that moment, so its own
        # status is asked of `wait` again once it is gone (the shell remembers it).
        while kill -0 "$_pr_child" 2>/dev/null; do wait "$_pr_child"; done
        wait "$_pr_child"
        _pr_status=$?
        _pr_child=
        [ "$_pr_status" -eq "$PEREGRINE_EXIT_RESTART" ] && [ -z "$_pr_stop" ] || break
    done
    trap - TERM INT HUP
    exec 3<&-
    return "$_pr_status"
}

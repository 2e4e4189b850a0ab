#!/usr/bin/env python3
"""Counts what the workbench loaded by its first paint: the classes (-Xlog:class+load) logged before the
board's "board painted" line, the bundles those classes came from, and the bundles the product installs
(configuration/org.eclipse.equinox.simpleconfigurator/bundles.info: Equinox resolves every one of them at start).

    first_paint.py PRODUCT_DIR DB [CONFIG_DIR]

Runs the product's Java and launcher as its `peregrine` script does, without the class-data archive (so that
every class is counted the same way), with the board's start-up trace option on (which makes it write that line), under the caller's display (use xvfb-run). Prints one JSON line."""
import collections, glob, json, os, re, subprocess, sys, tempfile, time

PAINTED = re.compile(r"peregrine: board painted \((\d+) jobs\)")
LOADED = re.compile(r"\[class,load\s*\] (\S+) source: (.*)")
PLUGIN = re.compile(r"/plugins/([^/_]+)_[^/]*?(?:\.jar|/)")
WATCH = {"google": re.compile(r"^com\.google\.(?!gson)"), "jaxb": re.compile(r"^(jakarta\.xml\.bind|org\.glassfish\.jaxb)"),
         "spifly": re.compile(r"^org\.apache\.aries\.spifly"), "p2": re.compile(r"^org\.eclipse\.equinox\.(internal\.)?p2"),
         "slf4j": re.compile(r"^org\.slf4j"), "ical4j": re.compile(r"^net\.fortuna")}


def startup_trace(folder):
    """The launcher arguments that switch on the board's start-up trace (peregrine.ui.kanban/debug/startup), whose
    "board painted" line the benchmarks read; the options file goes into folder. Equinox writes traces to the
    instance area's .metadata/trace.log; -consoleLog copies them to standard output, where they are read."""
    options = os.path.join(folder, "startup.options")
    with open(options, "w") as f:
        f.write("peregrine.ui.kanban/debug=true\nperegrine.ui.kanban/debug/startup=true\n")
    return ["-debug", options, "-consoleLog"]


def main(product, db, config=None):
    launcher = glob.glob(os.path.join(product, "plugins", "org.eclipse.equinox.launcher_*.jar"))[0]
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
    work = tempfile.mkdtemp(prefix="first-paint-")
    cmd = [java, "-XX:TieredStopAtLevel=1", "-Xshare:off", "-Xlog:disable", "-Xlog:class+load=info:stdout",
           "-Djava.util.logging.config.file=" + os.path.join(product, "lib", "logging.properties"),
           "-jar", launcher, "-data", os.path.join(work, "instance"), "--db", db] + startup_trace(work)
    if config:
        cmd += ["--config", config]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    classes, bundles, watched, painted = 0, collections.Counter(), collections.Counter(), None
    try:
        for line in proc.stdout:
            m = LOADED.search(line)
            if m:
                classes += 1
                b = PLUGIN.search(m.group(2))
                if b:
                    bundles[b.group(1)] += 1
                for name, pattern in WATCH.items():
                    if pattern.search(m.group(1)):
                        watched[name] += 1
            elif PAINTED.search(line):
                painted = time.monotonic() - t0
                break
            if time.monotonic() - t0 > 120:
                break
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
    with open(os.path.join(product, "configuration", "org.eclipse.equinox.simpleconfigurator", "bundles.info")) as f:
        installed = sum(1 for l in f if l.strip() and not l.startswith("#"))
    print(json.dumps({"painted_s": painted and round(painted, 2), "classes": classes,
                      "bundles_with_classes": len(bundles), "bundles_installed": installed,
                      "watched_classes": {k: watched.get(k, 0) for k in WATCH}}))
    return 0 if painted else 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))

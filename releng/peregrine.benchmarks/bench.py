#!/usr/bin/python3
"""Peregrine Workbench benchmarks: runs the materialized product and prints a table of figures.

Run through ./bench.sh from the repository root, which builds the product first when needed and
starts this under a virtual X display. Needs Debian's python3 (for the python3-caldav peer), radicale,
xdotool and Xvfb. Every figure is printed; nothing fails on time.

What runs, all on 127.0.0.1 and in a temporary folder:
  caldav   Radicale with plain htpasswd; a counting HTTP proxy in front of it for request counts;
           `peregrine-cli calendar push-all --concurrency 1 --json` for per-push times; bare HTTP PUTs of
           the bodies Peregrine sent; python3-caldav doing the same pushes (principal, calendars, search
           by UID, save).
  bulk     push-all over about 500 jobs (creates, then updates) at several concurrencies.
  board    JobStore.board() in-process on 10,000 jobs (BoardQuery.java on the product's jars).
  startup  launch to the board painted, 1,000 and 10,000 jobs, median of 5 starts; resident memory.
"""

import argparse
import base64
import ctypes
import ctypes.util
import glob
import http.client
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from first_paint import startup_trace  # noqa: E402  (this folder's own module)

HERE = os.path.dirname(os.path.abspath(__file__))
USER = "bench"
PASSWORD = "bench-secret-4Kp"
AUTH = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
PAINTED = re.compile(r"peregrine: board painted \((\d+) jobs\) in (\d+) ms")
AFTER_STORE = re.compile(r"(\d+) ms after the store answered")


def log(msg):
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, proc, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc is not None and proc.poll() is not None:
            raise RuntimeError("server exited early")
        try:
            with socket.create_connection(("127.0.0.1", port), 0.2):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"nothing listens on {port}")


def median(xs):
    return statistics.median(xs) if xs else float("nan")


# ---- servers ------------------------------------------------------------------------------------------

class Radicale:
    def __init__(self, tmp):
        self.dir = os.path.join(tmp, "radicale")
        os.makedirs(self.dir)
        users = os.path.join(self.dir, "users")
        with open(users, "w") as f:
            f.write(f"{USER}:{PASSWORD}\n")
        self.port = free_port()
        self.log = open(os.path.join(self.dir, "radicale.log"), "w")
        self.proc = subprocess.Popen(
            ["radicale", "--server-hosts", f"127.0.0.1:{self.port}", "--auth-type", "htpasswd",
             "--auth-htpasswd-filename", users, "--auth-htpasswd-encryption", "plain", "--rights-type", "owner_only",
             "--storage-filesystem-folder", os.path.join(self.dir, "storage")],
            stdout=self.log, stderr=subprocess.STDOUT)
        wait_port(self.port, self.proc)
        self.url = f"http://127.0.0.1:{self.port}/"

    def stop(self):
        self.proc.terminate()
        self.proc.wait(10)


class CountingProxy:
    """Forwards every request to the server and records (method, path, status, request body).

    With fake_puts, a PUT of an event is not forwarded but answered 201 at once with a new ETag.
    """

    def __init__(self, target_port, fake_puts=False):
        records = self.records = []
        lock = self.lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def _any(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                if fake_puts and self.command == "PUT" and is_event(self.path):
                    # answered at once, as the fastest server could: what is left is the client's own cost
                    with lock:
                        records.append((self.command, self.path, 201, body))
                    self.send_response(201, "Created")
                    self.send_header("ETag", '"%s"' % uuid.uuid4().hex)
                    self.send_header("Content-Length", "0")
                    self.send_header("Connection", "close")
                    self.end_headers()
                    return
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("connection", "keep-alive")}
                conn = http.client.HTTPConnection("127.0.0.1", target_port, timeout=30)
                conn.request(self.command, self.path, body=body or None, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                conn.close()
                with lock:
                    records.append((self.command, self.path, resp.status, body))
                self.send_response(resp.status, resp.reason)
                for k, v in resp.getheaders():
                    if k.lower() not in ("connection", "keep-alive", "transfer-encoding", "content-length"):
                        self.send_header(k, v)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Connection", "close")
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = do_OPTIONS = _any
            do_PROPFIND = do_REPORT = do_MKCALENDAR = do_PROPPATCH = do_MKCOL = _any

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def take(self):
        with self.lock:
            taken = list(self.records)
            self.records.clear()
        return taken

    def stop(self):
        self.server.shutdown()


# ---- the product --------------------------------------------------------------------------------------

class Product:
    def __init__(self, folder, tmp):
        self.dir = folder
        self.tmp = tmp
        self.home = os.path.join(tmp, "home")
        os.makedirs(self.home, exist_ok=True)
        self.env = dict(os.environ)
        self.env.update(HOME=self.home, XDG_DATA_HOME=os.path.join(self.home, "data"),
                        XDG_CONFIG_HOME=os.path.join(self.home, "config"),
                        XDG_CACHE_HOME=os.path.join(self.home, "cache"), LANG="C.UTF-8")
        self.env.pop("STAGING_DB", None)
        self.env.pop("PEREGRINE_CONFIG_DIR", None)

    def config(self, name, url, calendar, tier="paid"):
        d = os.path.join(self.tmp, "config-" + name)
        os.makedirs(os.path.join(d, "integrations"), exist_ok=True)
        with open(os.path.join(d, "user.yaml"), "w") as f:
            f.write(f"tier: {tier}\n")
        path = os.path.join(d, "integrations", "apple_calendar.yaml")
        with open(path, "w") as f:
            f.write(f"caldav_url: {url}\nusername: {USER}\napp_password: {PASSWORD}\ncalendar_name: {calendar}\n")
        os.chmod(path, 0o600)
        return d

    def cli(self, db, config, *args, check=True):
        cmd = [os.path.join(self.dir, "peregrine-cli"), "--db", db]
        if config:
            cmd += ["--config", config]
        cmd += list(args)
        t = time.monotonic()
        p = subprocess.run(cmd, env=self.env, capture_output=True, text=True, timeout=900)
        p.seconds = time.monotonic() - t
        if check and p.returncode != 0:
            raise RuntimeError(f"{' '.join(args)} exited {p.returncode}: {p.stderr.strip()[-2000:]}")
        return p

    def demo(self, name, jobs):
        """A database with `jobs` demo jobs, made once per size and copied (the demo is the same for a count and day)."""
        master = os.path.join(self.tmp, f"demo-{jobs}.db")
        if not os.path.exists(master):
            t = time.monotonic()
            self.cli(master, None, "demo", "--jobs", str(jobs))
            self.cli(master, None, "jobs", "list", "--stage", "offer")  # leaves the WAL checkpointed
            log(f"demo database of {jobs} jobs made in {time.monotonic() - t:.1f} s")
        db = os.path.join(self.tmp, f"{name}.db")
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(master + suffix):
                shutil.copyfile(master + suffix, db + suffix)
        return db

    def push_all(self, db, config, concurrency=1, check=True):
        p = self.cli(db, config, "calendar", "push-all", "--concurrency", str(concurrency), "--json", check=check)
        out = json.loads(p.stdout)
        out["wall_s"] = p.seconds
        return out

    def jars(self, *names):
        found = []
        for n in names:
            m = sorted(glob.glob(os.path.join(self.dir, "plugins", n + "_*.jar")))
            if not m:
                raise RuntimeError(f"no {n} jar in {self.dir}/plugins")
            found.append(m[-1])
        return found


# ---- HTTP helpers for the bare baseline --------------------------------------------------------------

def http_once(port, method, path, body=None, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    h = {"Authorization": AUTH}
    h.update(headers or {})
    t = time.perf_counter()
    conn.request(method, path, body=body, headers=h)
    resp = conn.getresponse()
    resp.read()
    elapsed = time.perf_counter() - t
    conn.close()
    return resp.status, elapsed


def new_uid(ics, uid):
    return re.sub(rb"(?m)^UID:[^\r\n]*", b"UID:" + uid.encode(), ics)


def is_event(path):
    return path.split("?")[0].endswith(".ics")


# ---- benchmarks ---------------------------------------------------------------------------------------

def bare_creates(port, bodies):
    """PUTs each body as a new event (new UID and name) into a new calendar; one request each, new connection."""
    cal = f"/{USER}/bare-{uuid.uuid4().hex[:8]}/"
    http_once(port, "MKCALENDAR", cal)
    times = []
    for body in bodies:
        uid = uuid.uuid4().hex
        status, sec = http_once(port, "PUT", cal + uid + ".ics", new_uid(body, uid),
                                {"Content-Type": "text/calendar; charset=utf-8", "If-None-Match": "*"})
        if status // 100 == 2:
            times.append(sec * 1000)
    return times


def bench_caldav(product, radicale, proxy, results, jobs, rounds):
    db = product.demo("count", jobs)
    # 1. request counts, through the counting proxy: a new process pushes every interview (creates) ...
    cfg = product.config("count", proxy.url, "Bench counted")
    proxy.take()
    first = product.push_all(db, cfg)
    recs = proxy.take()
    created = first["created"]
    discovery = [r for r in recs if not is_event(r[1])]
    creates = [r for r in recs if is_event(r[1])]
    bodies = [r[3] for r in creates if r[0] == "PUT" and r[3]]
    event_paths = [r[1] for r in creates if r[0] == "PUT"]
    results["caldav_pushes"] = created
    results["discovery_requests"] = len(discovery)
    results["discovery_methods"] = " ".join(r[0] for r in discovery)
    results["requests_per_create"] = len(creates) / max(created, 1)
    results["cold_first_push_requests"] = len(discovery) + (len(creates) / max(created, 1))
    # ... then a second process pushes them all again (updates, each with the ETag the first stored with its job)
    second = product.push_all(db, cfg)
    recs = proxy.take()
    updates = [r for r in recs if is_event(r[1])]
    results["requests_per_update_new_process"] = len(updates) / max(second["updated"], 1)
    results["update_methods"] = " ".join(sorted({r[0] for r in updates}))
    results["update_discovery_requests"] = len([r for r in recs if not is_event(r[1])])

    # 2. times, straight to Radicale, in rounds that alternate Peregrine and the bare baseline so that a
    #    change in the machine's load hits both: each round a new calendar for each, growing the same way
    #    (Radicale's PUT cost grows with the collection).
    warm, bare, ratios, firsts = [], [], [], []
    for i in range(rounds):
        cfg = product.config(f"direct{i}", radicale.url, f"Bench direct {i}")
        db = product.demo(f"direct{i}", jobs)
        run = product.push_all(db, cfg)
        ms = [j["ms"] for j in run["jobs"] if j["ok"]]
        firsts.append(ms[0])
        w = median(ms[1:])
        b = median(bare_creates(radicale.port, bodies)[1:])
        warm.append(w)
        bare.append(b)
        ratios.append(w / b)
    results["rounds"] = rounds
    results["cold_first_push_ms"] = median(firsts)
    results["warm_create_ms"] = median(warm)
    results["bare_put_create_ms"] = median(bare)
    results["warm_to_bare"] = median(ratios)
    results["warm_to_bare_range"] = (min(ratios), max(ratios))
    results["bare_puts"] = len(bodies)
    # updates: a new process pushes the last round's jobs again
    run2 = product.push_all(db, cfg)
    results["update_new_process_ms"] = median([j["ms"] for j in run2["jobs"] if j["ok"]][1:])
    bare_update = []
    for path, body in zip(event_paths, bodies):
        status, sec = http_once(radicale.port, "PUT", path, body, {"Content-Type": "text/calendar; charset=utf-8"})
        if status // 100 == 2:
            bare_update.append(sec * 1000)
    results["bare_put_update_ms"] = median(bare_update)
    # a whole `calendar push ID` process on a calendar not yet discovered, from launch to exit
    walls = []
    for i in range(3):
        c = product.config(f"cold{i}", radicale.url, f"Bench cold {i}")
        p = product.cli(db, c, "calendar", "push", str(run["jobs"][i]["id"]))
        walls.append(p.seconds)
    results["cold_push_process_s"] = median(walls)

    # 3. the client's own cost: the same through a proxy that answers each event PUT at once (no server
    #    work), against a bare PUT through the same proxy
    fake = CountingProxy(radicale.port, fake_puts=True)
    try:
        cfg = product.config("fake", fake.url, "Bench fake")
        db = product.demo("fake", jobs)
        run = product.push_all(db, cfg)
        results["instant_server_push_ms"] = median([j["ms"] for j in run["jobs"] if j["ok"]][1:])
        results["instant_server_bare_ms"] = median(bare_creates(fake.port, bodies)[1:])
    finally:
        fake.stop()
    results["store_per_push"] = store_program(product, "PushStoreCost.java", product.demo("store", jobs), cli_jit=True)

    # 4. the peer: python3-caldav, the way Peregrine does it (principal, calendars, search by UID, save)
    peer(radicale, proxy, bodies, results)
    return bodies


def peer(radicale, proxy, bodies, results):
    try:
        import caldav
        from caldav.lib.error import NotFoundError
    except ImportError:
        results["peer_error"] = "python3-caldav is not installed (Debian package python3-caldav)"
        return

    def calendar(url, name):
        client = caldav.DAVClient(url=url, username=USER, password=PASSWORD)
        principal = client.principal()
        for c in principal.calendars():
            if c.name == name:
                return c
        return principal.make_calendar(name=name)

    def push(cal, ics):
        uid = re.search(rb"(?m)^UID:([^\r\n]*)", ics).group(1).decode()
        try:
            event = cal.event_by_uid(uid)
            event.data = ics.decode()
            event.save()
            return False
        except NotFoundError:
            cal.save_event(ics.decode())
            return True

    # request counts through the proxy, on a few events
    cal = calendar(proxy.url, "Peer counted")
    proxy.take()
    n = min(5, len(bodies))
    for ics in bodies[:n]:
        push(cal, ics)
    results["peer_requests_per_create"] = len(proxy.take()) / n
    for ics in bodies[:n]:
        push(cal, ics)
    results["peer_requests_per_update"] = len(proxy.take()) / n
    t = time.perf_counter()
    calendar(proxy.url, "Peer counted")
    results["peer_discovery_s"] = time.perf_counter() - t
    results["peer_discovery_requests"] = len(proxy.take())

    # times, straight to Radicale
    cal = calendar(radicale.url, "Peer direct")
    create, update = [], []
    for ics in bodies:
        t = time.perf_counter()
        push(cal, ics)
        create.append((time.perf_counter() - t) * 1000)
    for ics in bodies:
        t = time.perf_counter()
        push(cal, ics)
        update.append((time.perf_counter() - t) * 1000)
    results["peer_create_ms"] = median(create[1:])
    results["peer_update_ms"] = median(update)


def bench_bulk(product, radicale, results, jobs, bodies):
    db = product.demo("bulk", jobs)
    cfg = product.config("bulk", radicale.url, "Bench bulk")
    runs = []
    for label, concurrency in (("create", 4), ("update", 4), ("update", 1), ("update", 8)):
        r = product.push_all(db, cfg, concurrency)
        runs.append({"kind": label, "concurrency": concurrency, "pushes": r["pushed"], "failed": r["failed"],
                     "pushes_per_s": r["pushes_per_s"], "elapsed_s": r["elapsed_ms"] / 1000, "wall_s": r["wall_s"],
                     "median_ms": median([j["ms"] for j in r["jobs"]])})
        log(f"bulk {label} x{concurrency}: {r['pushed']} pushed, {r['failed']} failed, {r['pushes_per_s']:.1f} pushes/s")
    results["bulk"] = runs
    if bodies:
        # the server's limit: as many bare PUTs, one at a time, into a calendar growing the same way
        n = runs[0]["pushes"]
        times = bare_creates(radicale.port, (bodies * (n // len(bodies) + 1))[:n])
        results["bulk_bare_per_s"] = len(times) / (sum(times) / 1000)
        results["bulk_bare_n"] = len(times)


def store_program(product, source, *args, cli_jit=False):
    """Runs a single-file Java program of this folder on the product's store jars; returns its JSON line."""
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
    # org.eclipse.osgi for the OSGi API the store links to; outside a framework it finds no bundles.
    cp = os.pathsep.join(product.jars("peregrine.jobs", "peregrine.jobs.sqlite", "peregrine.settings",
                                      "org.xerial.sqlite-jdbc", "org.eclipse.osgi"))
    # cli_jit: the JIT setting of peregrine-cli (C1 only), for what the CLI runs; else that of the workbench
    jit = ["-XX:TieredStopAtLevel=1"] if cli_jit else []
    p = subprocess.run([java, "--enable-native-access=ALL-UNNAMED"] + jit + ["-Dorg.sqlite.tmpdir=" + product.tmp, "-cp", cp,
                        os.path.join(HERE, source)] + list(args), capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        raise RuntimeError(p.stderr[-2000:])
    return json.loads(p.stdout.strip().splitlines()[-1])


def bench_board(product, results, jobs):
    db = product.demo("board", jobs)
    results["board_query"] = store_program(product, "BoardQuery.java", db)


def drop_caches():
    try:
        subprocess.run(["sync"], check=False)
        with open("/proc/sys/vm/drop_caches", "w") as f:
            f.write("3\n")
        return True
    except OSError:
        return False


def workbench_pid(proc):
    """The Java process of the workbench: the start script runs it as its child (to start it again when it
    asks to be restarted); the script's own PID when it has no child (yet)."""
    try:
        with open(f"/proc/{proc.pid}/task/{proc.pid}/children") as f:
            children = f.read().split()
    except OSError:
        children = []
    return int(children[0]) if children else proc.pid


def memory(pid):
    out = {}
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    out[line.split(":")[0]] = int(line.split()[1]) // 1024
    except OSError:
        pass
    return out


def window_shown(pid):
    p = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(pid), "--name", "Peregrine"],
                       capture_output=True, text=True)
    return p.returncode == 0 and p.stdout.strip() != ""


def start_once(product, db, config, cold, measure_memory, line_expected):
    """Launch to the board painted (the workbench's own line) or, without it, to its window shown."""
    if cold:
        cold = drop_caches()
    found = {}
    t0 = time.monotonic()
    proc = subprocess.Popen([os.path.join(product.dir, "peregrine"), "--db", db, "--config", config] + startup_trace(product.tmp),
                            env=product.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)

    def read():
        for line in proc.stdout:
            m = PAINTED.search(line)
            if m and "line" not in found:
                found["line"] = time.monotonic() - t0
                found["jobs"] = int(m.group(1))
                found["paint_ms"] = int(m.group(2))
                after = AFTER_STORE.search(line)
                if after:
                    found["after_store_ms"] = int(after.group(1))
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    deadline = t0 + 120
    while time.monotonic() < deadline and proc.poll() is None:
        if "line" in found:
            break
        if "window" not in found and window_shown(workbench_pid(proc)):
            found["window"] = time.monotonic() - t0
            if not line_expected:
                break
        time.sleep(0.05)
    result = {"cold": cold}
    if "line" in found:
        result.update(seconds=found["line"], how="board painted line", jobs=found["jobs"], paint_ms=found["paint_ms"])
        if "window" in found:
            result["after_window_ms"] = (found["line"] - found["window"]) * 1000
        if "after_store_ms" in found:
            result["after_store_ms"] = found["after_store_ms"]
    elif "window" in found:
        result.update(seconds=found["window"], how="window shown")
    if measure_memory and proc.poll() is None:
        time.sleep(3)
        result.update(memory(workbench_pid(proc)))
    proc.terminate()
    try:
        proc.wait(15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
    return result


class Screen:
    """Reads a rectangle of the X display's pixels through libX11 (ctypes): about a millisecond a read,
    where ImageMagick's `import` takes hundreds. Under Xvfb, without a compositor, the root window holds
    what the applications drew. Wheel steps go through the XTEST extension, as xdotool sends them, without
    starting a process for each."""

    class XImage(ctypes.Structure):
        _fields_ = [("width", ctypes.c_int), ("height", ctypes.c_int), ("xoffset", ctypes.c_int),
                    ("format", ctypes.c_int), ("data", ctypes.c_void_p), ("byte_order", ctypes.c_int),
                    ("bitmap_unit", ctypes.c_int), ("bitmap_bit_order", ctypes.c_int), ("bitmap_pad", ctypes.c_int),
                    ("depth", ctypes.c_int), ("bytes_per_line", ctypes.c_int)]

    def __init__(self, x, y, width, height):
        self.x11 = ctypes.CDLL(ctypes.util.find_library("X11"))
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.x11.XDefaultRootWindow.restype = ctypes.c_ulong
        self.x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
        self.x11.XGetImage.restype = ctypes.POINTER(Screen.XImage)
        self.x11.XGetImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                                       ctypes.c_uint, ctypes.c_ulong, ctypes.c_int]
        self.x11.XGetSubImage.restype = ctypes.POINTER(Screen.XImage)
        self.x11.XGetSubImage.argtypes = [ctypes.c_void_p, ctypes.c_ulong, ctypes.c_int, ctypes.c_int, ctypes.c_uint,
                                          ctypes.c_uint, ctypes.c_ulong, ctypes.c_int, ctypes.POINTER(Screen.XImage),
                                          ctypes.c_int, ctypes.c_int]
        self.xtst = ctypes.CDLL(ctypes.util.find_library("Xtst"))
        self.xtst.XTestFakeButtonEvent.argtypes = [ctypes.c_void_p, ctypes.c_uint, ctypes.c_int, ctypes.c_ulong]
        self.x11.XFlush.argtypes = [ctypes.c_void_p]
        self.display = self.x11.XOpenDisplay(None)
        self.root = self.x11.XDefaultRootWindow(self.display)
        self.rect = (x, y, width, height)
        self.image = self.x11.XGetImage(self.display, self.root, x, y, width, height, 0xFFFFFFFF, 2)  # ZPixmap
        self.size = self.image.contents.bytes_per_line * height

    def read(self):
        x, y, width, height = self.rect
        self.x11.XGetSubImage(self.display, self.root, x, y, width, height, 0xFFFFFFFF, 2, self.image, 0, 0)
        return ctypes.string_at(self.image.contents.data, self.size)

    def wheel_down(self):
        for pressed in (True, False):
            self.xtst.XTestFakeButtonEvent(self.display, 5, pressed, 0)
        self.x11.XFlush(self.display)

    def close(self):
        self.x11.XCloseDisplay(self.display)


def bench_scroll(product, results, jobs, steps=40):
    """Wheel steps down the board's first column of the real workbench, from the outside: the time from
    sending a step (XTEST) to the screen showing it. A step is sent when the last one has shown, as a
    user spinning the wheel does, so cards made after one step delay the next and are counted."""
    db = product.demo(f"scroll-{jobs}", jobs)
    cfg = product.config("scroll", "http://127.0.0.1:9/", "Unused")
    proc = subprocess.Popen([os.path.join(product.dir, "peregrine"), "--db", db, "--config", cfg] + startup_trace(product.tmp),
                            env=product.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        deadline = time.monotonic() + 120
        for line in proc.stdout:
            if PAINTED.search(line) or time.monotonic() > deadline:
                break
        time.sleep(2)  # the board's background checks and the first paint settle
        wid = subprocess.run(["xdotool", "search", "--onlyvisible", "--pid", str(workbench_pid(proc)), "--name", "Peregrine"],
                             capture_output=True, text=True).stdout.split()
        if not wid:
            results["scroll_error"] = "the workbench window did not appear"
            return
        geometry = dict(kv.split("=") for kv in subprocess.run(["xdotool", "getwindowgeometry", "--shell", wid[0]],
                        capture_output=True, text=True).stdout.split())
        x, y, w, h = (int(geometry[k]) for k in ("X", "Y", "WIDTH", "HEIGHT"))
        # The Applied column is the first quarter of the board; read a band of it below the headings.
        screen = Screen(x + w // 40, y + h // 5, w // 5, h // 2)
        subprocess.run(["xdotool", "mousemove", "--sync", str(x + w // 8), str(y + h // 2)], check=True)
        t = time.monotonic()
        for _ in range(20):
            screen.read()
        capture_ms = (time.monotonic() - t) * 1000 / 20
        latencies, unchanged = [], 0
        for _ in range(steps):
            before = screen.read()
            t = time.monotonic()
            screen.wheel_down()
            while screen.read() == before:
                if time.monotonic() - t > 2:
                    unchanged += 1
                    break
            else:
                latencies.append((time.monotonic() - t) * 1000)
        slow = sum(1 for lat in latencies if lat > 2 * median(latencies)) if latencies else 0
        screen.close()
        latencies.sort()
        results["scroll"] = {"jobs": jobs, "steps": steps, "median_ms": median(latencies),
                             "worst_ms": latencies[-1] if latencies else None,
                             "p90_ms": latencies[int(0.9 * (len(latencies) - 1))] if latencies else None,
                             "capture_ms": capture_ms, "unchanged": unchanged, "slow": slow,
                             "latencies_ms": latencies}
        log(f"scroll with {jobs} jobs: median {results['scroll']['median_ms']:.1f} ms, worst "
            f"{results['scroll']['worst_ms']:.1f} ms over {len(latencies)} steps")
    finally:
        proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def bench_startup(product, results, sizes, starts):
    kanban = product.jars("peregrine.ui.kanban")[0]
    with zipfile.ZipFile(kanban) as z:
        line_expected = any(b"board painted" in z.read(n) for n in z.namelist() if n.endswith(".class"))
    results["startup_probe"] = "board painted line" if line_expected else "window shown (xdotool)"
    cfg = product.config("startup", "http://127.0.0.1:9/", "Unused")
    out = []
    for jobs in sizes:
        db = product.demo(f"start-{jobs}", jobs)
        start_once(product, db, cfg, False, False, line_expected)  # writes the class-data archive and the layout
        for cold in (True, False):
            runs = [start_once(product, db, cfg, cold, True, line_expected) for _ in range(starts)]
            out.append(startup_row(jobs, runs, cold))
    results["startup"] = out
    bench_scroll(product, results, max(sizes))


def startup_row(jobs, runs, cold):
    ok = [r for r in runs if "seconds" in r]
    row = {"jobs": jobs, "starts": len(ok), "median_s": median([r["seconds"] for r in ok]),
           "min_s": min([r["seconds"] for r in ok], default=float("nan")),
           "max_s": max([r["seconds"] for r in ok], default=float("nan")),
           "cold_caches": all(r["cold"] for r in runs),
           "how": ok[0]["how"] if ok else "not shown within 120 s",
           "rss_mb": median([r["VmRSS"] for r in ok if "VmRSS" in r]),
           "hwm_mb": median([r["VmHWM"] for r in ok if "VmHWM" in r])}
    if ok and "paint_ms" in ok[0]:
        row["paint_ms"] = median([r["paint_ms"] for r in ok])
        row["after_window_ms"] = median([r["after_window_ms"] for r in ok if "after_window_ms" in r])
        row["after_store_ms"] = median([r["after_store_ms"] for r in ok if "after_store_ms" in r])
    log(f"start-up with {jobs} jobs ({'page cache dropped' if cold else 'warm page cache'}): median "
        f"{row['median_s']:.2f} s ({row['how']}), RSS {row['rss_mb']} MB")
    return row


# ---- the table ----------------------------------------------------------------------------------------

def f(x, digits=1):
    if x is None or (isinstance(x, float) and x != x):
        return "–"
    return f"{x:.{digits}f}"


def table(r):
    rows = []
    add = lambda what, figure, target="", note="": rows.append((what, figure, target, note))
    if "warm_create_ms" in r:
        add("CalDAV: requests per create, warm", f(r["requests_per_create"], 2), "≤ 2", "PUT with If-None-Match: *")
        add("CalDAV: requests per update, new process", f(r["requests_per_update_new_process"], 2), "1",
            f"{r['update_methods']} with If-Match: the ETag stored with the job; asserted by CaldavCalendarProviderTest")
        add("CalDAV: cold first push, requests", f(r["cold_first_push_requests"], 0), "",
            f"discovery: {r['discovery_methods']}")
        add("CalDAV: cold first push, in-process", f(r["cold_first_push_ms"]) + " ms", "",
            "incl. discovery and first use of the HTTP/iCalendar classes")
        add("CalDAV: cold `calendar push ID`, whole process", f(r["cold_push_process_s"], 2) + " s", "",
            "launch of the CLI, discovery, one create, exit; median of 3")
        add("CalDAV: warm push (create), median", f(r["warm_create_ms"], 2) + " ms", "",
            f"{r['caldav_pushes']} pushes, one at a time, one process; median of {r['rounds']} rounds")
        add("Bare PUT of the same body (create), median", f(r["bare_put_create_ms"], 2) + " ms", "",
            f"Python http.client, new connection, {r['bare_puts']} PUTs; median of {r['rounds']} rounds")
        add("Warm push / bare PUT", f(r["warm_to_bare"], 2), "≤ 1.2",
            f"median of {r['rounds']} rounds ({f(r['warm_to_bare_range'][0], 2)}–{f(r['warm_to_bare_range'][1], 2)})")
        add("Client's own cost per push (instant server)", f(r["instant_server_push_ms"], 2) + " ms", "",
            f"a proxy answers each PUT at once; a bare PUT through it: {f(r['instant_server_bare_ms'], 2)} ms")
        st = r["store_per_push"]
        add("  of which the job store (job, companySummary, putCalendarLink)", f(st["store_per_push_ms"], 2) + " ms", "",
            f"{f(st['job_ms'], 2)} + {f(st['company_summary_ms'], 2)} + {f(st['put_calendar_link_ms'], 2)} ms, in-process")
        add("CalDAV: update in a new process, median", f(r["update_new_process_ms"], 2) + " ms", "",
            f"bare PUT overwrite: {f(r['bare_put_update_ms'], 2)} ms")
    if "peer_create_ms" in r:
        add("Peer python3-caldav: push (create), median", f(r["peer_create_ms"], 2) + " ms", "",
            f"{f(r['peer_requests_per_create'], 0)} requests (REPORT by UID, PUT); discovery "
            f"{r['peer_discovery_requests']} requests")
        add("Peer python3-caldav: push (update), median", f(r["peer_update_ms"], 2) + " ms", "",
            f"{f(r['peer_requests_per_update'], 0)} requests")
        add("Peregrine warm create / peer create", f(r["warm_create_ms"] / r["peer_create_ms"], 2), "")
        add("Peregrine update (new process) / peer update", f(r["update_new_process_ms"] / r["peer_update_ms"], 2), "")
    elif "peer_error" in r:
        add("Peer python3-caldav", "–", "", r["peer_error"])
    add("Google: requests per repeated push, cached token", "1", "1", "quoted: GoogleCalendarPushTest asserts it")
    if "bulk_bare_per_s" in r:
        add(f"Bulk: limit, {r['bulk_bare_n']} bare PUTs one after another", f(r["bulk_bare_per_s"]) + " PUTs/s", "",
            "the same bodies as new events into a new calendar; Radicale writes one item at a time (a storage "
            "lock) and each PUT costs more as the calendar grows")
    for b in r.get("bulk", []):
        add(f"Bulk push-all ({b['kind']}s), {b['pushes']} jobs, concurrency {b['concurrency']}",
            f(b["pushes_per_s"]) + " pushes/s", "", f"{f(b['elapsed_s'], 2)} s of pushing, {f(b['wall_s'], 2)} s with launch; "
            f"median push {f(b['median_ms'], 1)} ms; {b['failed']} failed")
    if "board_query" in r:
        q = r["board_query"]
        add(f"Board query JobStore.board(), {q['jobs_on_board']} jobs on the board", f(q["median_ms"]) + " ms",
            "≤ 50 ms", f"p90 {f(q['p90_ms'])} ms, first (cold) {f(q['first_ms'])} ms, {q['runs']} runs after warm-up; "
            f"SQLite alone (same SQL, one open connection, no records): {f(q['sql_only_median_ms'])} ms")
    if "scroll" in r:
        sc = r["scroll"]
        add(f"Scroll latency per wheel step, {sc['jobs']} jobs, median", f(sc.get("median_ms")) + " ms", "",
            f"{sc['steps']} steps down the Applied column, each sent when the last one showed; screen read every "
            f"{f(sc['capture_ms'], 1)} ms; {sc['slow']} steps took over twice the median; {sc['unchanged']} steps showed no change")
        add(f"Scroll latency per wheel step, {sc['jobs']} jobs, worst", f(sc.get("worst_ms")) + " ms", "",
            f"p90 {f(sc.get('p90_ms'))} ms")
    elif "scroll_error" in r:
        add("Scroll latency", "–", "", r["scroll_error"])
    for s in r.get("startup", []):
        add(f"Start-up, {s['jobs']} jobs, {'page cache dropped' if s['cold_caches'] else 'page cache warm'}, "
            f"median of {s['starts']}", f(s["median_s"], 2) + " s",
            "≤ 2.0 s" if s["jobs"] <= 1000 else "",
            f"launch to the {s['how']}; range {f(s['min_s'], 2)}–{f(s['max_s'], 2)} s")
        if "paint_ms" in s:
            add(f"Board paint after the window, {s['jobs']} jobs", f(s.get("after_window_ms"), 0) + " ms", "≤ 500 ms",
                "the board-painted line minus the window mapped (xdotool, polled every 50 ms)")
            add(f"  of which the board after the store answered, {s['jobs']} jobs", f(s.get("after_store_ms"), 0) + " ms",
                "", "as the workbench reports it: making, laying out and painting the cards")
        add(f"Memory of the workbench, {s['jobs']} jobs, {'page cache dropped' if s['cold_caches'] else 'page cache warm'}", f"{f(s['rss_mb'], 0)} MB RSS", "",
            f"peak (VmHWM) {f(s['hwm_mb'], 0)} MB, 3 s after the {s['how']}")
    w = [max(len(str(x[i])) for x in rows + [("measure", "figure", "target", "note")]) for i in range(4)]
    lines = ["| " + " | ".join(h.ljust(w[i]) for i, h in enumerate(("measure", "figure", "target", "note"))) + " |",
             "|" + "|".join("-" * (w[i] + 2) for i in range(4)) + "|"]
    lines += ["| " + " | ".join(str(x[i]).ljust(w[i]) for i in range(4)) + " |" for x in rows]
    return "\n".join(lines)


def machine():
    cpu = "?"
    with open("/proc/cpuinfo") as fh:
        for line in fh:
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as fh:
        mem = int(fh.readline().split()[1]) // 1024 // 1024
    java = os.path.join(os.environ.get("JAVA_HOME", "/usr"), "bin", "java")
    jdk = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.splitlines()[0]
    load = os.getloadavg()[0]
    return f"{os.cpu_count()} cores, {cpu}, {mem} GiB RAM, {jdk}; load average {load:.2f} at the start"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--product", required=True, help="the materialized product folder")
    ap.add_argument("--only", default="caldav,bulk,board,startup", help="comma-separated: caldav,bulk,board,startup")
    ap.add_argument("--caldav-jobs", type=int, default=200, help="demo jobs for the CalDAV runs (about 24%% get pushed)")
    ap.add_argument("--bulk-jobs", type=int, default=2100, help="demo jobs for the bulk run (about 500 get pushed)")
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=3, help="rounds of Peregrine pushes vs bare PUTs")
    ap.add_argument("--json", help="also write the figures to this file")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    a = ap.parse_args()
    only = set(a.only.split(","))
    tmp = tempfile.mkdtemp(prefix="peregrine-bench-")
    product = Product(a.product, tmp)
    results = {"machine": machine()}
    log(results["machine"])
    radicale = proxy = None
    bodies = []
    try:
        if only & {"caldav", "bulk"}:
            radicale = Radicale(tmp)
            proxy = CountingProxy(radicale.port)
        if "caldav" in only:
            log("CalDAV push against Radicale")
            bodies = bench_caldav(product, radicale, proxy, results, a.caldav_jobs, a.rounds)
        if "bulk" in only:
            log("bulk push-all")
            bench_bulk(product, radicale, results, a.bulk_jobs, bodies)
        if "board" in only:
            log("board query on 10,000 jobs")
            bench_board(product, results, 10000)
        if "startup" in only:
            if not os.environ.get("DISPLAY"):
                results["startup_error"] = "no DISPLAY: run through ./bench.sh (xvfb-run)"
            else:
                log("start-up under Xvfb")
                bench_startup(product, results, (1000, 10000), a.starts)
    finally:
        if proxy:
            proxy.stop()
        if radicale:
            radicale.stop()
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
        else:
            log(f"kept {tmp}")
    if a.json:
        with open(a.json, "w") as fh:
            json.dump(results, fh, indent=2, default=str)
    results["load_at_end"] = os.getloadavg()[0]
    print(f"\nMachine: {results['machine']}; {results['load_at_end']:.2f} at the end\n")
    print(table(results))


if __name__ == "__main__":
    main()

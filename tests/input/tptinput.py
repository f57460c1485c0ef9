# SPDX-License-Identifier: GPL-3.0-or-later
"""Drives the real Touchpoint under X with real input, as a person does.

Each Session starts a private D-Bus session bus and the app on it, with
the test probe on (TPT_TEST_PROBE) to ask where things are drawn and what
the window's state is; the input itself goes through the X server with
xdotool (XTest), so GDK, the event controllers and the tools see what they
would see from a mouse and a keyboard. A session fails on any
Gtk-CRITICAL or WARNING the app logs, on a hang (the main loop does not
answer on D-Bus within 5 s) and on a crash.
"""

import json
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

APP_ID = "io.github.touchpoint.Touchpoint"
APP_PATH = "/io/github/touchpoint/Touchpoint"
PROBE = "io.github.touchpoint.TestProbe"
HANG_SECONDS = 5

BAD_LOG = re.compile(r"(-CRITICAL \*\*|-WARNING \*\*|CRITICAL \*\*|Gtk-WARNING|"
                     r"Gtk-CRITICAL|GLib-GObject-WARNING|assertion .* failed)")


class Failure(Exception):
    pass


def source_root():
    return os.environ.get("TPT_SOURCE_ROOT",
                          os.path.dirname(os.path.dirname(os.path.dirname(
                              os.path.abspath(__file__)))))


def build_root():
    return os.environ.get("TPT_BUILD_ROOT", os.path.join(source_root(), "_build"))


def example(name):
    return os.path.join(source_root(), "data", "examples", name)


class Session:
    def __init__(self, document=None, width=1400, height=900, env=None, name="input",
                 file_size_limit=None):
        self.tmp = tempfile.mkdtemp(prefix="tpt-input-")
        self.log_path = os.path.join(self.tmp, "app.log")
        self.checked = 0
        self.last_click = None
        self.pointer = None
        self.window = None
        self.origin = (0, 0)
        self.size = (width, height)
        self._start_bus()
        self.document = None
        self.file_size_limit = file_size_limit
        if document is not None:
            self.document = os.path.join(self.tmp, os.path.basename(document))
            shutil.copy(document, self.document)
        self._start_app(width, height, env or {})

    # ------------------------------------------------------------------
    # Processes

    def _start_bus(self):
        self.bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        self.bus_address = self.bus.stdout.readline().strip()
        if not self.bus_address:
            raise Failure("dbus-daemon gave no address")

    def _env(self):
        env = dict(os.environ)
        home = os.path.join(self.tmp, "home")
        for sub in ("config", "data", "cache", "state", "runtime"):
            os.makedirs(os.path.join(home, sub), exist_ok=True)
        os.chmod(os.path.join(home, "runtime"), 0o700)
        env.update({
            "DBUS_SESSION_BUS_ADDRESS": self.bus_address,
            "HOME": home,
            "XDG_CONFIG_HOME": os.path.join(home, "config"),
            "XDG_DATA_HOME": os.path.join(home, "data"),
            "XDG_CACHE_HOME": os.path.join(home, "cache"),
            "XDG_STATE_HOME": os.path.join(home, "state"),
            "XDG_RUNTIME_DIR": os.path.join(home, "runtime"),
            "GDK_BACKEND": "x11",
            "GSK_RENDERER": "cairo",
            "GSETTINGS_BACKEND": "memory",
            "GSETTINGS_SCHEMA_DIR": os.path.join(build_root(), "data"),
            "NO_AT_BRIDGE": "1",
            "GTK_A11Y": "none",
            "TPT_TEST_PROBE": "1",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        })
        env.pop("G_DEBUG", None)
        env.pop("GDK_DEBUG", None)
        return env

    def _start_app(self, width, height, extra):
        env = self._env()
        env.update(extra)
        binary = os.path.join(build_root(), "src", "touchpoint")
        args = [binary] + ([self.document] if self.document else [])
        self.log = open(self.log_path, "w")
        self.app = subprocess.Popen(args, env=env, stdout=self.log, stderr=subprocess.STDOUT,
                                    preexec_fn=self._limit_file_size)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.app.poll() is not None:
                raise Failure("the app exited at start (%s):\n%s" % (self.app.returncode,
                                                                       self.logs()))
            out = self._xdotool("search", "--onlyvisible", "--pid", str(self.app.pid),
                                check=False)
            ids = [w for w in out.split() if w.strip()]
            if ids:
                self.window = ids[-1]
                break
            time.sleep(0.2)
        if self.window is None:
            raise Failure("no window appeared:\n" + self.logs())
        self._xdotool("windowsize", self.window, str(width), str(height), check=False)
        self._xdotool("windowmove", self.window, "0", "0", check=False)
        self.wait_idle()
        self._xdotool("windowfocus", "--sync", self.window, check=False)
        self.wait_idle()
        geometry = self._xdotool("getwindowgeometry", "--shell", self.window)
        values = dict(line.split("=", 1) for line in geometry.split() if "=" in line)
        self.origin = (int(values.get("X", 0)), int(values.get("Y", 0)))
        self.size = (int(values.get("WIDTH", width)), int(values.get("HEIGHT", height)))

    def _limit_file_size(self):
        """In the app's process: past file_size_limit bytes a write fails,
        as on a full disk, rather than the process being killed."""
        if self.file_size_limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (self.file_size_limit,) * 2)

    def close(self):
        """Ends the session: the app must still be alive and have logged
        nothing bad."""
        try:
            self.check()
        finally:
            self._stop()

    def _stop(self):
        if self.app.poll() is None:
            self.app.terminate()
            try:
                self.app.wait(10)
            except subprocess.TimeoutExpired:
                self.app.kill()
                self.app.wait()
        self.bus.terminate()
        self.bus.wait()
        self.log.close()
        if os.environ.get("TPT_INPUT_KEEP") is None:
            shutil.rmtree(self.tmp, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, kind, value, traceback):
        if kind is None:
            self.close()
        else:
            sys.stderr.write("\n--- app log ---\n" + self.logs() + "\n")
            self._stop()
        return False

    def logs(self):
        try:
            self.log.flush()
        except ValueError:
            pass
        with open(self.log_path, errors="replace") as f:
            return f.read()

    # ------------------------------------------------------------------
    # Checks

    def check(self):
        """Fails on a crash, a hang, or a bad log line since the start."""
        if self.app.poll() is not None:
            raise Failure("the app crashed or exited (%s):\n%s" % (self.app.returncode,
                                                                     self.logs()))
        self.probe("State", timeout=HANG_SECONDS)
        bad = [line for line in self.logs().splitlines() if BAD_LOG.search(line)]
        if bad:
            raise Failure("the app logged:\n" + "\n".join(bad[:20]))

    def shot(self, name):
        """A screenshot of the screen, for a person to look at, when
        TPT_SHOTS names a folder; nothing otherwise."""
        folder = os.environ.get("TPT_SHOTS")
        if folder:
            self.wait_idle(0.3)
            os.makedirs(folder, exist_ok=True)
            subprocess.run(["import", "-window", "root", os.path.join(folder, name + ".png")],
                           check=False)

    def wait_idle(self, seconds=0.15):
        """Lets the app handle what was sent: a round trip through its
        main loop, then a moment for frames and idles."""
        time.sleep(seconds)
        self.probe("State", timeout=HANG_SECONDS)

    # ------------------------------------------------------------------
    # The probe

    def probe(self, method, *args, timeout=HANG_SECONDS):
        command = ["gdbus", "call", "--session", "--dest", APP_ID, "--object-path",
                   APP_PATH + "/TestProbe", "--method", PROBE + "." + method,
                   "--timeout", str(timeout)] + [gvariant_string(a) for a in args]
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=self.bus_address)
        try:
            result = subprocess.run(command, env=env, capture_output=True, text=True,
                                    timeout=timeout + 5)
        except subprocess.TimeoutExpired:
            raise Failure("the app did not answer within %d s: it hangs\n%s"
                          % (timeout, self.logs()[-4000:]))
        if result.returncode != 0:
            if self.app.poll() is not None:
                raise Failure("the app crashed (%s):\n%s" % (self.app.returncode, self.logs()))
            if "Timeout" in result.stderr or "NoReply" in result.stderr:
                raise Failure("the app did not answer within %d s: it hangs" % timeout)
            raise Failure("probe %s failed: %s" % (method, result.stderr))
        return result.stdout

    def state(self):
        out = parse_gvariant_string(self.probe("State"))
        try:
            return json.loads(out)
        except ValueError:
            raise Failure("the probe's state is not JSON: %r" % out)

    def document_xml(self):
        return parse_gvariant_string(self.probe("Document"))

    def locate(self, node_id, part=""):
        """The rectangle node @node_id (or its @part) is drawn in, in
        screen pixels: (x, y, width, height)."""
        out = self.probe("Locate", node_id, part)
        found, x, y, w, h = parse_rect(out)
        if not found:
            raise Failure("%s%s is not shown" % (node_id, " " + part if part else ""))
        return (x + self.origin[0], y + self.origin[1], w, h)

    def locate_widget(self, query):
        """Where the widget @query names is, in screen pixels; a query
        "window:TITLE>…" looks in the app's toplevel of that title."""
        found, x, y, w, h = parse_rect(self.probe("LocateWidget", query))
        if not found:
            raise Failure("no widget for %r" % query)
        origin = self.origin
        if query.startswith("window:"):
            origin = self.toplevel_origin(query[len("window:"):query.index(">")])
        return (x + origin[0], y + origin[1], w, h)

    def toplevel_origin(self, title):
        out = self._xdotool("search", "--onlyvisible", "--pid", str(self.app.pid), "--name",
                            "^%s$" % re.escape(title), check=False)
        ids = out.split()
        if not ids:
            raise Failure("no window titled %r" % title)
        geometry = self._xdotool("getwindowgeometry", "--shell", ids[-1])
        values = dict(line.split("=", 1) for line in geometry.split() if "=" in line)
        return (int(values.get("X", 0)), int(values.get("Y", 0)))

    def wait_for(self, condition, message, seconds=5):
        """Waits until @condition (called with the state) holds, as a person
        waits for a dialog to open."""
        deadline = time.time() + seconds
        while True:
            state = self.state()
            if condition(state):
                return state
            if time.time() > deadline:
                raise Failure(message + ": " + json.dumps(state))
            time.sleep(0.1)

    def pick(self, x, y):
        """The widget under screen point @x, @y and its ancestors, for a
        failure's message."""
        return parse_gvariant_string(self.probe("Pick", int(x - self.origin[0]),
                                                int(y - self.origin[1])))

    def bring_into_view(self, node_id, part="", page="type:TptBlueprintPage"):
        """Pans with the middle button until @node_id is in the middle of
        the page, as a person would to reach it."""
        for _ in range(8):
            bounds = self.locate_widget(page)
            rect = self.locate(node_id, part)
            cx, cy = centre(rect)
            px, py = centre(bounds)
            if abs(cx - px) < bounds[2] / 4 and abs(cy - py) < bounds[3] / 4:
                return
            dx = max(-bounds[2] / 3, min(bounds[2] / 3, px - cx))
            dy = max(-bounds[3] / 3, min(bounds[3] / 3, py - cy))
            self.drag([(px, py), (px + dx, py + dy)], button=2)

    def see(self, node_id, part="", page="type:TptBlueprintPage"):
        """Where @node_id shows on the page, cut to what is in view."""
        return clip(self.locate(node_id, part), self.locate_widget(page))

    def has_widget(self, query):
        return parse_rect(self.probe("LocateWidget", query))[0]

    # ------------------------------------------------------------------
    # Input

    def _xdotool(self, *args, check=True):
        result = subprocess.run(["xdotool"] + list(args), capture_output=True, text=True)
        if check and result.returncode != 0:
            raise Failure("xdotool %s: %s" % (" ".join(args), result.stderr))
        return result.stdout

    def move(self, x, y):
        # xdotool's --sync waits for the pointer to move, so a move to
        # where it already is would wait for its 15 s timeout.
        point = (int(x), int(y))
        if point == self.pointer:
            return
        self._xdotool("mousemove", "--sync", str(point[0]), str(point[1]), check=False)
        self.pointer = point

    def click(self, x, y, button=1, repeat=1, modifiers=()):
        # A click soon after another one elsewhere is, to GTK, the second of
        # a double click that went astray; a person's next click comes later.
        if self.last_click is not None:
            (lx, ly, when) = self.last_click
            if (abs(lx - x) > 4 or abs(ly - y) > 4) and time.time() - when < 0.5:
                time.sleep(0.5 - (time.time() - when))
        self.move(x, y)
        for m in modifiers:
            self._xdotool("keydown", m)
        self._xdotool("click", "--repeat", str(repeat), "--delay", "60", str(button))
        for m in reversed(modifiers):
            self._xdotool("keyup", m)
        self.last_click = (x, y, time.time())
        self.wait_idle()

    def click_centre(self, rect, **kw):
        self.click(rect[0] + rect[2] / 2, rect[1] + rect[3] / 2, **kw)

    def double_click(self, x, y):
        self.click(x, y, repeat=2)

    def drag(self, points, button=1, modifiers=(), steps=8, hold=None):
        """Presses at the first point, moves through the others in small
        steps, and lets go at the last."""
        x0, y0 = points[0]
        self.move(x0, y0)
        for m in modifiers:
            self._xdotool("keydown", m)
        if hold:
            self._xdotool("keydown", hold)
        self._xdotool("mousedown", str(button))
        time.sleep(0.05)
        for (ax, ay), (bx, by) in zip(points, points[1:]):
            for i in range(1, steps + 1):
                self.move(ax + (bx - ax) * i / steps, ay + (by - ay) * i / steps)
                time.sleep(0.01)
        time.sleep(0.05)
        self._xdotool("mouseup", str(button))
        if hold:
            self._xdotool("keyup", hold)
        for m in reversed(modifiers):
            self._xdotool("keyup", m)
        self.wait_idle(0.25)

    def key(self, *keys):
        for k in keys:
            self._xdotool("key", "--clearmodifiers", k)
        self.wait_idle()

    def type(self, text):
        self._xdotool("type", "--delay", "15", text)
        self.wait_idle()

    def scroll(self, x, y, up=True, modifiers=(), times=1):
        self.move(x, y)
        for m in modifiers:
            self._xdotool("keydown", m)
        self._xdotool("click", "--repeat", str(times), "--delay", "40", "4" if up else "5")
        for m in reversed(modifiers):
            self._xdotool("keyup", m)
        self.wait_idle(0.3)


def gvariant_string(value):
    if isinstance(value, int):
        return str(value)
    return "'" + str(value).replace("\\", "\\\\").replace("'", "\\'") + "'"


def parse_gvariant_string(out):
    """The one string of a gdbus reply: ('…',)"""
    out = out.strip()
    match = re.match(r"^\((['\"])(.*)\1,\)$", out, re.S)
    if not match:
        raise Failure("unexpected reply %r" % out[:200])
    return unescape(match.group(2))


def unescape(body):
    """Undoes the string escapes of GVariant's text format."""
    out = []
    i = 0
    simple = {"n": "\n", "t": "\t", "r": "\r", "f": "\f", "v": "\v", "b": "\b", "a": "\a"}
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n == "u":
            out.append(chr(int(body[i + 2:i + 6], 16)))
            i += 6
        elif n == "U":
            out.append(chr(int(body[i + 2:i + 10], 16)))
            i += 10
        elif n == "x":
            out.append(chr(int(body[i + 2:i + 4], 16)))
            i += 4
        else:
            out.append(simple.get(n, n))
            i += 2
    return "".join(out)


def parse_rect(out):
    match = re.search(r"\(\((true|false), (-?\d+), (-?\d+), (-?\d+), (-?\d+)\),\)", out)
    if not match:
        raise Failure("unexpected reply %r" % out)
    return (match.group(1) == "true",) + tuple(int(v) for v in match.groups()[1:])


def centre(rect):
    return (rect[0] + rect[2] / 2, rect[1] + rect[3] / 2)


def clip(rect, bounds, inset=4):
    """The part of @rect inside @bounds, less an inset: where a pointer can
    reach what is drawn partly out of view."""
    x0 = max(rect[0], bounds[0] + inset)
    y0 = max(rect[1], bounds[1] + inset)
    x1 = min(rect[0] + rect[2], bounds[0] + bounds[2] - inset)
    y1 = min(rect[1] + rect[3], bounds[1] + bounds[3] - inset)
    if x1 <= x0 or y1 <= y0:
        raise Failure("%r is out of view of %r" % (rect, bounds))
    return (x0, y0, x1 - x0, y1 - y0)


def expect(condition, message):
    if not condition:
        raise Failure(message)


def needs_speed(test):
    """Marks a test that a sanitizer build is too slow for: GTK times a
    double click, and a menu item's activation, with a main-loop timeout
    from the first press, so an app several times slower than shipped sees
    two clicks where a person made a double click. The plain build runs
    these; under the sanitizers (TPT_SANITIZED set) they are skipped."""
    test.needs_speed = True
    return test


def run(tests):
    """Runs the named test function of @tests, the first argument, or all."""
    names = sys.argv[1:] or sorted(tests)
    failed = 0
    for name in names:
        start = time.time()
        if os.environ.get("TPT_SANITIZED") and getattr(tests[name], "needs_speed", False):
            print("ok - %s # SKIP too slow a build for GTK's double-click timing" % name)
            continue
        try:
            tests[name]()
            print("ok - %s (%.1f s)" % (name, time.time() - start))
        except Exception as error:  # a failure of any kind fails the test
            failed += 1
            print("not ok - %s: %s" % (name, error))
    sys.exit(1 if failed else 0)

# SPDX-License-Identifier: GPL-3.0-or-later
"""Two monitors for the real-input tests: weston's X11 backend in a
private Xvfb, the app on weston with GDK_BACKEND=wayland.

Xvfb gives GTK one monitor; weston run on it with two outputs gives a
Wayland client two, each an X window 1280×720. They are put side by side
on an X screen 2560×720, so xdotool's pointer and keys (XTest) reach
weston, which hands them to the app's window under the pointer or with
the keyboard. Wayland does not tell a client where its windows are, so
the probe names the monitor each window is on, and points are given on a
monitor: a full-screen window's pixels are its monitor's."""

import os
import shutil
import subprocess
import time

import tptinput
from tptinput import Failure

OUTPUT_WIDTH = 1280
OUTPUT_HEIGHT = 720


def missing():
    """Why two monitors cannot be had here, or None."""
    for program in ("weston", "Xvfb", "xdotool"):
        if shutil.which(program) is None:
            return program + " is not installed"
    return None


class WestonSession(tptinput.Session):
    def __init__(self, document=None, env=None, idle_time=0):
        self.idle_time = idle_time
        super().__init__(document=document, env=env)

    # ------------------------------------------------------------------
    # Processes: the bus, then Xvfb and weston, then the app.

    def _start_bus(self):
        super()._start_bus()
        self.xvfb = None
        self.weston = None
        try:
            self._start_weston()
        except BaseException:
            self._stop_display()
            raise

    def _start_weston(self):
        read, write = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0",
             "%dx%dx24" % (2 * OUTPUT_WIDTH, OUTPUT_HEIGHT), "-nolisten", "tcp"],
            pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        number = b""
        with os.fdopen(read, "rb") as pipe:
            number = pipe.readline().strip()
        if not number:
            raise Failure("Xvfb did not start")
        self.display = ":" + number.decode()

        runtime = os.path.join(self.tmp, "weston-runtime")
        os.makedirs(runtime, mode=0o700, exist_ok=True)
        self.runtime = runtime
        config = os.path.join(self.tmp, "weston.ini")
        with open(config, "w") as f:
            f.write("[core]\nidle-time=%d\n\n[shell]\npanel-position=none\nlocking=false\n"
                    "animation=none\nstartup-animation=none\n\n[input-method]\npath=\n\n"
                    # GTK repeats keys itself on Wayland, from a timer: an app
                    # slowed by the sanitizers would see a held key.
                    "[keyboard]\nrepeat-rate=0\n"
                    % self.idle_time)
        env = dict(os.environ, DISPLAY=self.display, XDG_RUNTIME_DIR=runtime)
        env.pop("WAYLAND_DISPLAY", None)
        self.weston_log = open(os.path.join(self.tmp, "weston.log"), "w")
        self.weston = subprocess.Popen(
            ["weston", "--backend=x11-backend.so", "--output-count=2",
             "--width=%d" % OUTPUT_WIDTH, "--height=%d" % OUTPUT_HEIGHT,
             "--socket=wayland-tpt", "--config=" + config, "--idle-time=%d" % self.idle_time],
            env=env, stdout=self.weston_log, stderr=subprocess.STDOUT)
        deadline = time.time() + 20
        self.outputs = {}
        while time.time() < deadline and len(self.outputs) < 2:
            if self.weston.poll() is not None:
                raise Failure("weston exited (%s):\n%s" % (self.weston.returncode,
                                                            self.weston_logs()))
            for window in self._xdotool("search", "--class", "weston", check=False).split():
                name = self._xdotool("getwindowname", window, check=False).strip()
                for output in ("screen0", "screen1"):
                    if name.endswith(" - " + output):
                        self.outputs[output] = window
            time.sleep(0.1)
        if len(self.outputs) < 2 or not os.path.exists(os.path.join(runtime, "wayland-tpt")):
            raise Failure("weston gave no two outputs:\n" + self.weston_logs())
        # Side by side on the X screen, as the monitors are in weston.
        self._xdotool("windowmove", self.outputs["screen0"], "0", "0")
        self._xdotool("windowmove", self.outputs["screen1"], str(OUTPUT_WIDTH), "0")
        self.output_origin = {"screen0": (0, 0), "screen1": (OUTPUT_WIDTH, 0)}

    def weston_logs(self):
        try:
            self.weston_log.flush()
            with open(self.weston_log.name, errors="replace") as f:
                return f.read()[-3000:]
        except (ValueError, AttributeError, OSError):
            return ""

    def _env(self):
        env = super()._env()
        env.update({
            "GDK_BACKEND": "wayland",
            "WAYLAND_DISPLAY": os.path.join(self.runtime, "wayland-tpt"),
            "DISPLAY": self.display,
        })
        return env

    def _start_app(self, width, height, extra):
        env = self._env()
        env.update(extra)
        binary = os.path.join(tptinput.build_root(), "src", "touchpoint")
        args = [binary] + ([self.document] if self.document else [])
        self.log = open(self.log_path, "w")
        self.app = subprocess.Popen(args, env=env, stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 60
        while True:
            if self.app.poll() is not None:
                raise Failure("the app exited at start (%s):\n%s" % (self.app.returncode,
                                                                       self.logs()))
            try:
                state = self.presentation()
                if state.get("main") and state["main"].get("monitor"):
                    break
            except Failure:
                pass
            if time.time() > deadline:
                raise Failure("no window appeared:\n" + self.logs())
            time.sleep(0.2)
        self.wait_idle()

    def _stop(self):
        try:
            super()._stop()
        finally:
            self._stop_display()

    def _stop_display(self):
        for process in (getattr(self, "weston", None), getattr(self, "xvfb", None)):
            if process is not None and process.poll() is None:
                process.terminate()
                try:
                    process.wait(10)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
        if getattr(self, "weston_log", None) is not None:
            self.weston_log.close()

    def _xdotool(self, *args, check=True):
        env = dict(os.environ, DISPLAY=getattr(self, "display", os.environ.get("DISPLAY", "")))
        result = subprocess.run(["xdotool"] + list(args), capture_output=True, text=True, env=env)
        if check and result.returncode != 0:
            raise Failure("xdotool %s: %s" % (" ".join(args), result.stderr))
        return result.stdout

    # ------------------------------------------------------------------
    # The show

    def presentation(self):
        import json
        out = tptinput.parse_gvariant_string(self.probe("Presentation"))
        try:
            return json.loads(out)
        except ValueError:
            raise Failure("the probe's presentation is not JSON: %r" % out[:300])

    def wait_show(self, condition, message, seconds=5):
        deadline = time.time() + seconds
        while True:
            state = self.presentation()
            if condition(state):
                return state
            if time.time() > deadline:
                raise Failure(message + ": " + str(state))
            time.sleep(0.1)

    def on_monitor(self, connector, x, y):
        """The X screen's point for point @x, @y of monitor @connector."""
        if connector not in self.output_origin:
            raise Failure("no monitor %r" % connector)
        ox, oy = self.output_origin[connector]
        return (ox + x, oy + y)

    def click_on_monitor(self, connector, x, y):
        self.click(*self.on_monitor(connector, x, y))

    def screenshot(self, path):
        """Both monitors as the X screen shows them, as a PNG."""
        env = dict(os.environ, DISPLAY=self.display)
        subprocess.run(["import", "-window", "root", path], env=env, check=True,
                       capture_output=True)


def run_command(argv):
    """Runs @argv as a Wayland client of a weston with two monitors, for
    the GTK test programs; returns its exit status (77, skipped, when
    weston is missing)."""
    import tempfile
    why = missing()
    if why is not None:
        print("# skipped: " + why)
        return 77
    display = WestonSession.__new__(WestonSession)
    display.tmp = tempfile.mkdtemp(prefix="tpt-weston-")
    display.idle_time = 0
    display.xvfb = display.weston = None
    try:
        display._start_weston()
        env = dict(os.environ, GDK_BACKEND="wayland", XDG_RUNTIME_DIR=display.runtime,
                   WAYLAND_DISPLAY=os.path.join(display.runtime, "wayland-tpt"),
                   DISPLAY=display.display)
        return subprocess.call(argv, env=env)
    finally:
        display._stop_display()
        shutil.rmtree(display.tmp, ignore_errors=True)

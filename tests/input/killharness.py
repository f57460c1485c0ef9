#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Kill Touchpoint in the middle of someone's work and count what is lost.

Each trial starts the real app under X (a private D-Bus session bus and a
home of its own) on a copy of the example, and edits it with real input
through xdotool: on the blueprint canvas, Tab selects a card, then
Ctrl+D duplicates it and Enter, typing " kill-N" and Enter writes on the
copy, over and over at a human pace. At a random moment the app is killed
with SIGKILL, as a crash ends it; the recovery copy it left is read, and
every edit is looked for in it (a duplicate adds a card, a token is in a
card's text, and edits happen in order). An edit counts from the moment
the app has taken it: after each one the harness waits for the main loop
to answer on D-Bus, so a loaded machine's lag is not counted as loss.
Touchpoint keeps its promise when no edit older than 5 s is lost. SIGTERM
trials end the app as logging out does, a moment after the last edit, and
must lose nothing.

  killharness.py [--trials N] [--sigterm-trials N] [--seed S] [--max-session SECONDS]

Needs DISPLAY (Xvfb), xdotool and dbus-daemon, and the build (TPT_BUILD_ROOT,
default _build beside the sources). Prints a summary; exits 1 if any trial
broke the promise. Self-contained; tests/input/tptinput.py (the shared
launcher) may take over the session part.
"""

import argparse
import glob
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

PROMISE_SECONDS = 5.0
# The main loop must answer within this, or the app hangs.
HANG_SECONDS = 10
WIDTH, HEIGHT = 1400, 900
APP_ID = "io.github.touchpoint.Touchpoint"
APP_PATH = "/io/github/touchpoint/Touchpoint"
TOKEN = re.compile(r"kill-(\d+)")


def source_root():
    return os.environ.get("TPT_SOURCE_ROOT",
                          os.path.dirname(os.path.dirname(os.path.dirname(
                              os.path.abspath(__file__)))))


def build_root():
    return os.environ.get("TPT_BUILD_ROOT", os.path.join(source_root(), "_build"))


class Failure(Exception):
    pass


def xdotool(*args, check=True):
    result = subprocess.run(["xdotool"] + list(args), capture_output=True, text=True)
    if check and result.returncode != 0:
        raise Failure("xdotool %s failed: %s" % (" ".join(args), result.stderr.strip()))
    return result.stdout


class App:
    """The app on a copy of the example, with a bus and a home of its own."""

    def __init__(self):
        self.tmp = tempfile.mkdtemp(prefix="tpt-kill-")
        self.document = os.path.join(self.tmp, "motor-insurance.touchpoint")
        shutil.copy(os.path.join(source_root(), "data", "examples",
                                 "motor-insurance.touchpoint"), self.document)
        self.home = os.path.join(self.tmp, "home")
        for sub in ("config", "data", "cache", "state", "runtime"):
            os.makedirs(os.path.join(self.home, sub), exist_ok=True)
        os.chmod(os.path.join(self.home, "runtime"), 0o700)

        self.bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork",
                                     "--print-address=1"],
                                    stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                    text=True)
        address = self.bus.stdout.readline().strip()
        self.bus_address = address
        env = dict(os.environ)
        env.update({
            "DBUS_SESSION_BUS_ADDRESS": address,
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.home, "config"),
            "XDG_DATA_HOME": os.path.join(self.home, "data"),
            "XDG_CACHE_HOME": os.path.join(self.home, "cache"),
            "XDG_STATE_HOME": os.path.join(self.home, "state"),
            "XDG_RUNTIME_DIR": os.path.join(self.home, "runtime"),
            "GDK_BACKEND": "x11",
            "GSK_RENDERER": "cairo",
            "GSETTINGS_BACKEND": "memory",
            "GSETTINGS_SCHEMA_DIR": os.path.join(build_root(), "data"),
            "NO_AT_BRIDGE": "1",
            "GTK_A11Y": "none",
            "LANG": "C.UTF-8",
            "LC_ALL": "C.UTF-8",
        })
        env.pop("G_DEBUG", None)
        self.log = open(os.path.join(self.tmp, "app.log"), "w")
        self.process = subprocess.Popen([os.path.join(build_root(), "src", "touchpoint"),
                                         self.document],
                                        env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.window = None
        deadline = time.time() + 60
        while time.time() < deadline and self.window is None:
            if self.process.poll() is not None:
                raise Failure("the app exited at start:\n" + self.logs())
            ids = xdotool("search", "--onlyvisible", "--pid", str(self.process.pid),
                          check=False).split()
            if ids:
                self.window = ids[-1]
            else:
                time.sleep(0.2)
        if self.window is None:
            raise Failure("no window appeared:\n" + self.logs())
        xdotool("windowsize", self.window, str(WIDTH), str(HEIGHT), check=False)
        xdotool("windowmove", self.window, "0", "0", check=False)
        time.sleep(1.0)
        xdotool("windowfocus", "--sync", self.window, check=False)
        time.sleep(0.3)

    def ping(self):
        """Returns once the app's main loop has answered on D-Bus, so the
        input sent before has been taken."""
        env = dict(os.environ, DBUS_SESSION_BUS_ADDRESS=self.bus_address)
        try:
            result = subprocess.run(["gdbus", "call", "--session", "--dest", APP_ID,
                                     "--object-path", APP_PATH,
                                     "--method", "org.gtk.Actions.List"],
                                    env=env, capture_output=True, timeout=HANG_SECONDS)
        except subprocess.TimeoutExpired:
            raise Failure("the app did not answer for %d s" % HANG_SECONDS)
        if result.returncode != 0:
            raise Failure("the app did not answer: " + result.stderr.decode().strip())

    def modified(self):
        """Whether the title says the document has unsaved changes."""
        return xdotool("getwindowname", self.window, check=False).startswith("•")

    def logs(self):
        self.log.flush()
        with open(os.path.join(self.tmp, "app.log")) as f:
            return f.read()

    def recovery_copies(self):
        return glob.glob(os.path.join(self.home, "state", "touchpoint", "recovery",
                                      "*.touchpoint"))

    def close(self):
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.bus.terminate()
        self.bus.wait()
        self.log.close()
        shutil.rmtree(self.tmp, ignore_errors=True)


def count_document(path):
    """The cards of the document at @path, and the kill tokens in them."""
    root = ET.parse(path).getroot()
    cards = root.findall("./blueprint/card")
    tokens = set()
    for card in cards:
        text = card.findtext("text") or ""
        tokens.update(int(n) for n in TOKEN.findall(text))
    return len(cards), tokens


def show_blueprint_and_select_card(app):
    """The first blueprint, from the outline; then the canvas, and Tab to
    its first card in reading order; then the first edit, which must show
    in the title. Returns when it did."""
    for attempt in range(4):
        app.ping()
        xdotool("mousemove", "85", "159", "click", "1")
        app.ping()
        time.sleep(0.5)
        xdotool("mousemove", "700", "150", "click", "1")
        app.ping()
        xdotool("key", "Tab")
        app.ping()
        edit(1)
        deadline = time.time() + 5
        while time.time() < deadline:
            app.ping()
            if app.modified():
                return
            time.sleep(0.1)
        xdotool("key", "Escape")
    raise Failure("could not start editing a card:\n" + app.logs())


def edit(n):
    """Edit number @n: odd ones duplicate the card, even ones write on it."""
    if n % 2 == 1:
        xdotool("key", "ctrl+d")
    else:
        xdotool("key", "Return")
        time.sleep(0.12)
        xdotool("type", "--delay", "15", " kill-%d" % (n // 2))
        xdotool("key", "Return")


def edits_present(path, base_cards):
    """How many of the edits, in order, the document at @path holds."""
    if path is None:
        return 0
    cards, tokens = count_document(path)
    duplicates = cards - base_cards
    typed = max(tokens) if tokens else 0
    # Edits are made in order: the duplicates and the typing must agree.
    if typed not in (duplicates, duplicates - 1) or tokens != set(range(1, typed + 1)):
        raise Failure("the recovery copy is not a state the edits passed through: "
                      "%d duplicates, tokens %s" % (duplicates, sorted(tokens)))
    return duplicates + typed


def trial(rng, kind, max_session, base_cards):
    app = App()
    try:
        show_blueprint_and_select_card(app)
        start = time.time()
        session = rng.uniform(2.0, max_session)
        # The first edit was made while starting; each time is when the app
        # had taken the edit.
        taken = [start]
        n = 1
        while time.time() - start < session:
            time.sleep(rng.uniform(0.2, 1.6))
            n += 1
            edit(n)
            app.ping()
            taken.append(time.time())

        if kind == "sigterm":
            # A moment for the last key to land, as at any logout.
            time.sleep(0.6)
            killed = time.time()
            app.process.send_signal(signal.SIGTERM)
            try:
                app.process.wait(30)
            except subprocess.TimeoutExpired:
                raise Failure("the app did not quit on SIGTERM")
        else:
            killed = time.time()
            app.process.kill()
            app.process.wait()

        copies = app.recovery_copies()
        if len(copies) > 1:
            raise Failure("%d recovery copies of one document" % len(copies))
        present = edits_present(copies[0] if copies else None, base_cards)
        if present > len(taken):
            raise Failure("the copy holds %d edits, only %d were made" % (present, len(taken)))
        lost = taken[present:]
        # How old, at the kill, the oldest edit lost was.
        worst = max((killed - t for t in lost), default=0.0)
        return {"made": len(taken), "lost": len(lost), "worst": worst,
                "copy": bool(copies), "session": killed - start}
    finally:
        app.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=100)
    parser.add_argument("--sigterm-trials", type=int, default=5)
    parser.add_argument("--seed", type=int, default=None)
    parser.add_argument("--max-session", type=float, default=20.0)
    args = parser.parse_args()

    for tool in ("xdotool", "dbus-daemon", "gdbus"):
        if shutil.which(tool) is None:
            print("SKIP: %s is not installed" % tool)
            return 77
    if "DISPLAY" not in os.environ:
        print("SKIP: no DISPLAY")
        return 77

    seed = args.seed if args.seed is not None else random.randrange(1 << 30)
    rng = random.Random(seed)
    print("seed %d (replay with --seed %d)" % (seed, seed))
    base_cards, _ = count_document(os.path.join(source_root(), "data", "examples",
                                                "motor-insurance.touchpoint"))

    broken = 0
    results = {"kill": [], "sigterm": []}
    plan = ["kill"] * args.trials + ["sigterm"] * args.sigterm_trials
    for i, kind in enumerate(plan):
        r = trial(rng, kind, args.max_session, base_cards)
        results[kind].append(r)
        ok = r["worst"] <= PROMISE_SECONDS if kind == "kill" else r["lost"] == 0
        broken += not ok
        print("%s %3d: %-7s after %5.1f s: %2d edits made, %2d lost, oldest lost %4.1f s old, "
              "copy %s" % ("ok  " if ok else "FAIL", i + 1, kind, r["session"], r["made"],
                           r["lost"], r["worst"], "yes" if r["copy"] else "no"))
        sys.stdout.flush()

    for kind, rs in results.items():
        if not rs:
            continue
        made = sum(r["made"] for r in rs)
        lost = sum(r["lost"] for r in rs)
        worst = max(r["worst"] for r in rs)
        print("%s: %d trials, %d edits made, %d lost (%.1f %%), oldest lost %.2f s old, "
              "at most %d lost in one trial" % (kind, len(rs), made, lost,
                                                100.0 * lost / max(made, 1), worst,
                                                max(r["lost"] for r in rs)))
    print("%d trial(s) broke the promise" % broken)
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The seeded monkey: random real clicks, double and right clicks, drags,
scrolls, keys and typing, on the example document and on a new one, for a
set time. Any Gtk-CRITICAL or WARNING, a hang (the app does not answer on
D-Bus within 5 s) or a crash fails it.

The seed is printed; TPT_MONKEY_SEED=N replays the same stream of input,
TPT_MONKEY_SECONDS sets the time for each document (CI: 70 and 50 s)."""

import os
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tptinput import Failure, Session, example, run  # noqa: E402

EXAMPLE = example("motor-insurance.touchpoint")

# Keys a person presses while working. Left out: those that leave the
# window on purpose (Ctrl+Q, Ctrl+W, Ctrl+N, F1's browser, F5's full
# screen show) and those that open a file chooser, which the monkey could
# only cancel.
KEYS = [
    "Left", "Right", "Up", "Down", "Home", "End", "Tab", "shift+Tab", "ctrl+Tab",
    "shift+Left", "shift+Right", "shift+Up", "shift+Down",
    "alt+Left", "alt+Right", "alt+Up", "alt+Down",
    "ctrl+shift+Left", "ctrl+shift+Right", "ctrl+shift+Up", "ctrl+shift+Down",
    "Return", "shift+Return", "Escape", "Escape", "F2", "Insert", "Delete", "BackSpace",
    "ctrl+z", "ctrl+z", "ctrl+shift+z", "ctrl+a", "ctrl+d", "ctrl+c", "ctrl+x", "ctrl+v",
    "1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "plus", "minus", "f", "a",
    "bracketleft", "bracketright", "space", "Menu", "shift+F10", "F6", "shift+F6", "F9",
    "ctrl+i", "ctrl+plus", "ctrl+minus", "ctrl+0", "ctrl+9", "ctrl+shift+n",
]
WORDS = ["Call back", "Quote & bind", "<b>not bold</b>", "Wait 2 days", "Überweisung",
         "Agent checks the policy", "x", "Kofi's claim", "émission", "15 min"]


class Monkey:
    def __init__(self, session, rng):
        self.s = session
        self.rng = rng
        self.steps = 0

    def area(self):
        """Where to act: the window below its header bar, so the monkey
        does not close the window it plays in."""
        x, y, w, h = self.s.locate_widget("type:TptPages")
        left = x
        if self.s.has_widget("type:TptOutline"):
            left = self.s.locate_widget("type:TptOutline")[0]
        # The inspector beside the page, when it shows; never the window's
        # resize border, where GTK 4.8 without a window manager logs a
        # warning of its own for a double click.
        right = x + w + (320 if self.s.has_widget("type:TptInspector") else 0)
        right = min(right, self.s.origin[0] + self.s.size[0] - 12)
        return left, y, right - left, h

    def point(self, area):
        x, y, w, h = area
        return x + self.rng.random() * w, y + self.rng.random() * h

    def step(self):
        area = self.area()
        roll = self.rng.random()
        if roll < 0.30:
            self.s.click(*self.point(area))
        elif roll < 0.38:
            self.s.double_click(*self.point(area))
        elif roll < 0.45:
            self.s.click(*self.point(area), button=3)
        elif roll < 0.55:
            start = self.point(area)
            end = (start[0] + self.rng.uniform(-200, 200), start[1] + self.rng.uniform(-120, 120))
            button = self.rng.choice([1, 1, 1, 2])
            self.s.drag([start, end], button=button)
        elif roll < 0.60:
            x, y = self.point(area)
            self.s.scroll(x, y, up=self.rng.random() < 0.5,
                          modifiers=self.rng.choice([(), ("ctrl",), ("shift",)]),
                          times=self.rng.randint(1, 3))
        elif roll < 0.92:
            self.s.key(self.rng.choice(KEYS))
        else:
            self.s.type(self.rng.choice(WORDS))
        self.steps += 1

    def play(self, seconds):
        end = time.time() + seconds
        while time.time() < end:
            self.step()
            # Every few steps: still answering, nothing logged. A toplevel
            # that is not ours (a dialog the monkey opened) is closed the
            # way a person would, with Escape.
            if self.steps % 8 == 0:
                self.s.check()
                state = self.s.state()
                if len(state["toplevels"]) > 1:
                    self.s.key("Escape")
        self.s.check()


def seed():
    value = os.environ.get("TPT_MONKEY_SEED")
    return int(value) if value else random.SystemRandom().randrange(1 << 30)


def seconds(default):
    return float(os.environ.get("TPT_MONKEY_SECONDS", default))


def play(document, name, default_seconds):
    value = seed()
    print("# monkey on %s: seed %d (replay with TPT_MONKEY_SEED=%d)" % (name, value, value),
          flush=True)
    with Session(document) as s:
        monkey = Monkey(s, random.Random(value))
        try:
            monkey.play(seconds(default_seconds))
        except Failure as failure:
            raise Failure("seed %d, after %d steps: %s" % (value, monkey.steps, failure))
        print("# %d steps" % monkey.steps, flush=True)


def test_example():
    play(EXAMPLE, "the example", 70)


def test_new_document():
    play(None, "a new document", 50)


if __name__ == "__main__":
    run({name[5:]: f for name, f in globals().items() if name.startswith("test_")})

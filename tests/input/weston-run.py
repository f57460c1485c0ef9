#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""weston-run.py PROGRAM [ARG…]: runs a GTK test program on two monitors
(weston's X11 backend in a private Xvfb), as xvfb-run runs it on one."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tptweston  # noqa: E402

if __name__ == "__main__":
    sys.exit(tptweston.run_command(sys.argv[1:]))

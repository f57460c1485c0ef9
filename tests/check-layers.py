#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Compiles every header of each layer on its own, with only that layer's
pkg-config flags and the include folders of the layers below it: a core
header that reaches for cairo or GTK, or a render header that reaches for
GTK or src/app, fails here even where nothing includes it yet.

usage: check-layers.py CC SOURCE_ROOT BUILD_ROOT
"""
import glob
import os
import subprocess
import sys
import tempfile

LAYERS = [
    ("core", ["glib-2.0", "gobject-2.0", "gio-2.0", "libxml-2.0"]),
    ("render", ["cairo", "pangocairo", "gdk-pixbuf-2.0"]),
    ("app", ["gtk4", "libadwaita-1"]),
]

GUARDS = [
    "-DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74",
    "-DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74",
    "-DGDK_VERSION_MIN_REQUIRED=GDK_VERSION_4_8",
    "-DGDK_VERSION_MAX_ALLOWED=GDK_VERSION_4_8",
    "-DADW_VERSION_MIN_REQUIRED=ADW_VERSION_1_2",
    "-DADW_VERSION_MAX_ALLOWED=ADW_VERSION_1_2",
]


def pkg_cflags(packages):
    out = subprocess.run(["pkg-config", "--cflags"] + packages, check=True,
                         capture_output=True, text=True).stdout
    return out.split()


def main():
    cc, source, build = sys.argv[1:4]
    packages = []
    includes = ["-I" + os.path.join(build, "config")]
    failures = 0
    checked = 0
    with tempfile.TemporaryDirectory() as tmp:
        for layer, deps in LAYERS:
            packages += deps
            includes += ["-I" + os.path.join(source, "src", layer),
                         "-I" + os.path.join(build, "src", layer)]
            flags = pkg_cflags(packages)
            for header in sorted(glob.glob(os.path.join(source, "src", layer, "*.h"))):
                unit = os.path.join(tmp, "unit.c")
                with open(unit, "w") as f:
                    f.write('#include "config.h"\n#include "%s"\n' % os.path.basename(header))
                result = subprocess.run([cc, "-fsyntax-only", "-Werror", "-Wall"] + GUARDS +
                                        includes + flags + [unit],
                                        capture_output=True, text=True)
                checked += 1
                if result.returncode != 0:
                    failures += 1
                    print("not ok: %s/%s does not compile with only its layer's flags"
                          % (layer, os.path.basename(header)))
                    print(result.stderr.strip())
    print("%d headers checked, %d failed" % (checked, failures))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

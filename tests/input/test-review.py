#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real input on the Review pane: Compare with Saved after an edit lists
the change, marks it on the page it is on, and follows Ctrl+Z."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tptinput import Session, example, expect, run  # noqa: E402

EXAMPLE = example("motor-insurance.touchpoint")
BLUEPRINT_ROW = "label:Motor policy — current state"


def test_compare_with_saved_marks_the_blueprint():
    with Session(EXAMPLE) as s:
        s.click_centre(s.locate_widget(BLUEPRINT_ROW))
        expect(s.state()["page"] == "blueprint", "the blueprint page shows")
        expect(s.state().get("marked") == 0, "nothing is marked before comparing")

        # An edit, then the comparison with the file on disk.
        s.click_centre(s.see("c8"))
        s.key("alt+Right")
        expect(s.state()["position"] == 1, "Alt+Right moves the card")
        s.click_centre(s.locate_widget("label:Review"))
        s.click_centre(s.locate_widget("label:Compare with Saved"))
        s.wait_for(lambda st: st.get("marked", 0) >= 1,
                   "the moved card is marked on the blueprint")
        s.shot("review-compare")
        expect(s.has_widget("label:Since the saved file: 0 added, 0 removed, 1 changed, 0 moved"),
               "the Review pane counts the change")

        # Undone, nothing is left to mark, a moment later.
        s.key("ctrl+z")
        s.wait_for(lambda st: st["position"] == 0 and st.get("marked") == 0,
                   "after Ctrl+Z nothing is marked")
        expect(s.has_widget("label:No changes since the saved file"),
               "and the Review pane says so")
        s.check()


def test_compare_marks_the_needs_matrix():
    with Session(EXAMPLE) as s:
        s.click_centre(s.locate_widget("label:Needs"))
        expect(s.state()["page"] == "needs-matrix", "the matrix shows: %r" % s.state())
        s.click_centre(s.see("n2", "rating:p1", page="type:TptMatrixPage"))
        s.type("1")
        expect(s.state()["position"] == 1, "a digit rates the need")
        s.click_centre(s.locate_widget("label:Review"))
        s.click_centre(s.locate_widget("label:Compare with Saved"))
        s.wait_for(lambda st: st.get("marked", 0) == 1, "the rating is marked, and only it")
        s.shot("review-matrix")
        s.check()


if __name__ == "__main__":
    run({name[5:]: f for name, f in globals().items() if name.startswith("test_")})

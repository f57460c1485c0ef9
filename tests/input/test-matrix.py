#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real input on the needs matrix: a click on a rating and digits typed
into it, a double click that renames a need, a need dragged by its label to
a new place, the keys that move and add needs, and the context menu."""

import os
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tptinput import needs_speed, Session, centre, example, expect, run  # noqa: E402

EXAMPLE = example("motor-insurance.touchpoint")
PAGE = "type:TptMatrixPage"


def open_matrix(session):
    session.click_centre(session.locate_widget("label:Needs"))
    expect(session.state()["page"] == "needs-matrix", "the matrix shows: %r" % session.state())


def needs(session):
    return [n.get("id") for n in ET.fromstring(session.document_xml()).iter("need")]


def need_title(session, need_id):
    for n in ET.fromstring(session.document_xml()).iter("need"):
        if n.get("id") == need_id:
            return n.findtext("title")
    raise AssertionError("no need " + need_id)


def rating(session, need_id, persona_id):
    for r in ET.fromstring(session.document_xml()).iter("rating"):
        if r.get("need") == need_id and r.get("persona") == persona_id:
            return r.get("importance"), r.get("satisfaction")
    return None, None


def test_rate_with_digits():
    with Session(EXAMPLE) as s:
        open_matrix(s)
        s.click_centre(s.see("n2", "rating:p1", page=PAGE))
        expect(s.state()["focus"] == "TptMatrixPage", "a click on a rating gives the matrix the keys")
        s.type("3")
        expect(rating(s, "n2", "p1")[0] == "3", "a digit sets the importance: %r"
               % (rating(s, "n2", "p1"),))
        s.key("Tab")
        s.type("9")
        imp, sat = rating(s, "n2", "p1")
        expect((imp, sat) == ("3", "9"), "Tab goes on to satisfaction: %r" % ((imp, sat),))
        expect(s.state()["position"] == 2, "one undo step for each: %r" % s.state()["undo"])
        # Arrows walk to the next persona's rating, and digits rate it.
        s.key("Right")
        s.type("1")
        expect(rating(s, "n2", "p2")[0] == "1" or rating(s, "n2", "p2")[1] == "1",
               "Right goes to the next persona's rating: %r" % (rating(s, "n2", "p2"),))
        s.key("ctrl+z", "ctrl+z", "ctrl+z")
        expect(rating(s, "n2", "p1") == ("7", "4") or s.state()["position"] == 0,
               "Ctrl+Z takes all three back")
        expect(s.state()["position"] == 0, "back where it began")


@needs_speed
def test_rename_by_double_click():
    with Session(EXAMPLE) as s:
        open_matrix(s)
        before = need_title(s, "n3")
        s.double_click(*centre(s.see("n3", page=PAGE)))
        state = s.state()
        expect(state["editing"] and state["focus"] == "TptInplaceEditor",
               "a double click on a need's label writes it in place: %r" % state)
        s.key("ctrl+a")
        s.type("Know what happens next & when")
        s.key("Return")
        expect(not s.state()["editing"], "Enter keeps the title")
        expect(need_title(s, "n3") == "Know what happens next & when",
               "the need has its new title: %r" % need_title(s, "n3"))
        expect(s.state()["position"] == 1, "as one step")
        # F2 too, and Escape keeps what it was.
        s.key("F2")
        expect(s.state()["editing"], "F2 renames the need under the cursor")
        s.type("Not this")
        s.key("Escape")
        expect(need_title(s, "n3") == "Know what happens next & when", "Escape drops the text")
        s.key("ctrl+z")
        expect(need_title(s, "n3") == before, "Ctrl+Z gives the old title back")


def test_drag_label_to_reorder():
    with Session(EXAMPLE) as s:
        open_matrix(s)
        before = needs(s)
        a = s.see(before[0], page=PAGE)
        c = s.see(before[2], page=PAGE)
        s.drag([centre(a), (c[0] + c[2] / 2, c[1] + c[3] * 0.8)])
        after = needs(s)
        expect(after != before and after.index(before[0]) == 2,
               "the need dragged onto the third's lower half is third: %r → %r" % (before, after))
        expect(s.state()["position"] == 1, "in one step")
        s.key("ctrl+z")
        expect(needs(s) == before, "Ctrl+Z puts it back")


def test_keys_move_and_add():
    with Session(EXAMPLE) as s:
        open_matrix(s)
        before = needs(s)
        s.click_centre(s.see(before[1], page=PAGE))
        s.key("alt+Up")
        expect(needs(s)[0] == before[1], "Alt+Up moves the need up")
        s.key("alt+Down", "alt+Down")
        expect(needs(s)[2] == before[1], "Alt+Down twice moves it down two")
        n = len(needs(s))
        s.key("Insert")
        expect(len(needs(s)) == n + 1, "Insert adds a need below")
        expect(s.state()["editing"], "and writes its title at once")
        s.type("Be told the excess before I claim")
        s.key("Return")
        added = [i for i in needs(s) if i not in before]
        expect(len(added) == 1 and need_title(s, added[0]) == "Be told the excess before I claim",
               "the new need has its title")
        expect(needs(s).index(added[0]) == 3, "below the one the cursor was on: %r" % needs(s))


@needs_speed
def test_context_menu_move_down():
    with Session(EXAMPLE) as s:
        open_matrix(s)
        before = needs(s)
        s.click_centre(s.see(before[0], page=PAGE), button=3)
        expect(s.state()["menu"], "a right click on a need's label opens the menu")
        s.click_centre(s.locate_widget("label:Move Down"))
        expect(needs(s)[1] == before[0], "Move Down moves it down: %r" % needs(s))
        expect(not s.state()["menu"], "the menu closes")
        expect(s.state()["focus"] == "TptMatrixPage", "the matrix has the keys again")
        # By keyboard: the Menu key, then arrows and Enter.
        s.key("Menu")
        expect(s.state()["menu"], "the Menu key opens it at the cursor")
        s.key("Escape")
        expect(not s.state()["menu"], "Escape closes it")
        # On a rating, the menu clears the value the cursor is on.
        s.click_centre(s.see("n4", "rating:p1", page=PAGE), button=3)
        s.click_centre(s.locate_widget("label:Clear Importance"))
        expect(rating(s, "n4", "p1")[0] is None, "Clear Importance clears it: %r"
               % (rating(s, "n4", "p1"),))
        s.key("Tab")
        s.key("Menu")
        s.click_centre(s.locate_widget("label:Clear Satisfaction"))
        expect(rating(s, "n4", "p1") == (None, None), "and Clear Satisfaction the other: %r"
               % (rating(s, "n4", "p1"),))


def shown(session, node_id, part=""):
    """Whether @node_id (or its @part) is drawn on the matrix page."""
    try:
        session.locate(node_id, part)
        return True
    except Exception:
        return False


def choose(session, tooltip, downs):
    """Opens the drop down with @tooltip and picks the entry @downs below
    the one chosen, with the keys."""
    session.click_centre(session.locate_widget("tooltip:" + tooltip))
    session.wait_idle(0.3)
    session.key(*(["Down"] * downs))
    session.key("Return")
    session.wait_idle(0.3)


def test_filter_by_state_and_persona():
    with Session(EXAMPLE) as s:
        open_matrix(s)
        expect(not shown(s, "c110"), "a future-state card never serves a need today")
        choose(s, "The State Whose Cards Count", 1)
        s.wait_for(lambda st: shown(s, "c110"),
                   "choosing the future state names its cards as serving needs")
        expect(shown(s, "n2", "rating:p2"), "everyone's ratings show")
        choose(s, "Whose Needs", 1)
        s.wait_for(lambda st: not shown(s, "n2", "rating:p2"),
                   "choosing Dana Ortiz leaves the other personas out")
        expect(shown(s, "n2", "rating:p1"), "and her ratings stay")
        # The arrows skip what is left out: Right from her rating stays.
        s.click_centre(s.see("n2", "rating:p1", page=PAGE))
        s.key("Right")
        s.type("2")
        expect(rating(s, "n2", "p1")[0] == "2" and rating(s, "n2", "p2")[0] != "2",
               "Right stays on the only persona shown: %r %r"
               % (rating(s, "n2", "p1"), rating(s, "n2", "p2")))
        s.shot("matrix-filtered")
        s.key("ctrl+z")
        expect(not s.state()["modified"], "choosing what to show changes nothing in the document")
        s.check()


if __name__ == "__main__":
    run({name[5:]: f for name, f in globals().items() if name.startswith("test_")})

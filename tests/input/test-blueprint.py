#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real input on the blueprint page: every gesture family README lists,
through the X server, on the example document."""

import os
import re
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tptinput import needs_speed, Session, centre, clip, example, expect, run  # noqa: E402

EXAMPLE = example("motor-insurance.touchpoint")
BLUEPRINT_ROW = "label:Motor policy — current state"


def open_blueprint(session, zoom_reset=True):
    session.click_centre(session.locate_widget(BLUEPRINT_ROW))
    expect(session.state()["page"] == "blueprint", "the blueprint page shows")
    # Close enough to work at, as a designer does: about 100 %, zoomed in
    # with Ctrl+wheel over the first cards, which stay under the pointer.
    if zoom_reset:
        point = centre(session.locate("c8"))
        session.scroll(point[0], point[1], up=True, modifiers=("ctrl",), times=6)
    return ET.fromstring(session.document_xml())


def cell_point(session, lane, step):
    """The middle of a cell, where its lane's row and its step's column
    cross, in view."""
    l, t = session.locate(lane), session.locate(step)
    page = session.locate_widget("type:TptBlueprintPage")
    x, y = t[0] + t[2] / 2, l[1] + l[3] / 2
    expect(page[0] < x < page[0] + page[2] and page[1] < y < page[1] + page[3],
           "the cell %s, %s is in view" % (lane, step))
    return x, y


def taken_cells(document):
    """The (lane, step) cells cards start in or span into."""
    steps = [t.get("id") for t in document.iter("step")]
    taken = set()
    for c in document.iter("card"):
        first = steps.index(c.get("step"))
        for i in range(first, first + int(c.get("span", "1"))):
            taken.add((c.get("lane"), steps[i]))
    return taken


def card(document, card_id):
    for c in document.iter("card"):
        if c.get("id") == card_id:
            return c
    raise AssertionError("no card " + card_id)


def test_click_select():
    with Session(EXAMPLE) as s:
        open_blueprint(s, zoom_reset=False)
        s.click_centre(s.see("c2"))
        expect(s.state()["selection"] == ["c2"], "a click selects the card")
        s.click_centre(s.see("c3"), modifiers=("shift",))
        expect(s.state()["selection"] == ["c2", "c3"], "Shift+click adds to the selection")
        s.click_centre(s.see("c2"), modifiers=("ctrl",))
        expect(s.state()["selection"] == ["c3"], "Ctrl+click takes a card out")
        s.click_centre(s.see("c3"), modifiers=("ctrl",))
        expect(s.state()["selection"] == ["b1"], "with no card left, the blueprint is selected")


@needs_speed
def test_double_click_edit():
    """The double click that once hung the app: it opens the editor, typing
    goes there, Enter keeps it, in one step."""
    with Session(EXAMPLE) as s:
        open_blueprint(s, zoom_reset=False)
        s.double_click(*centre(s.see("c2")))
        # A slow build (the sanitizers) may take a moment to open it.
        state = s.wait_for(lambda st: st["editing"] and st["focus"] == "TptInplaceEditor",
                           "a double click opens the in-place editor with the keyboard")
        s.key("ctrl+a")
        s.type("Buys the policy online")
        s.key("Return")
        state = s.state()
        expect(not state["editing"], "Enter ends the edit")
        expect(state["undo"] == "Edit Card Text" and state["position"] == 1, "one undo step")
        expect(card(ET.fromstring(s.document_xml()), "c2").findtext("text") ==
               "Buys the policy online", "the text is the card's")
        # A double click again, and a click away: the text is kept, once the
        # focus change is over, without hanging.
        s.double_click(*centre(s.see("c3")))
        s.type(" now")
        s.click_centre(s.see("c2"))
        expect(not s.state()["editing"], "a click elsewhere ends the edit")
        expect(card(ET.fromstring(s.document_xml()), "c3").findtext("text").endswith(" now"),
               "clicking away keeps what was typed")
        # Escape drops it.
        s.double_click(*centre(s.see("c2")))
        s.type("Thrown away")
        s.key("Escape")
        expect("Thrown away" not in s.document_xml(), "Escape drops the text")


def test_new_card_in_lane_kind():
    """A card written into an empty cell of the pain lane is a pain point."""
    with Session(EXAMPLE) as s:
        document = open_blueprint(s)
        taken = taken_cells(document)
        steps = [t.get("id") for t in document.iter("step")]
        empty = next(t for t in steps if ("l9", t) not in taken)
        s.bring_into_view("l9")
        s.double_click(*cell_point(s, "l9", empty))
        expect(s.state()["editing"], "a double click on an empty cell writes a new card")
        s.type("Waits on hold")
        s.key("Return")
        document = ET.fromstring(s.document_xml())
        added = [c for c in document.iter("card") if c.findtext("text") == "Waits on hold"]
        expect(len(added) == 1 and added[0].get("lane") == "l9", "the card is in the pain lane: %r"
               % [a.attrib for a in added])
        expect(added[0].get("kind") == "pain", "a card in the pain lane is a pain point")
        expect(s.state()["undo"] == "Add Card", "one step, Add Card")


def test_band_select():
    with Session(EXAMPLE) as s:
        open_blueprint(s)
        a, b = s.see("c8"), s.see("c9")
        x0, y0 = a[0] - 6, a[1] - 6
        x1, y1 = b[0] + b[2] / 2, b[1] + b[3] / 2
        s.drag([(x0, y0), (x1, y1)])
        selection = s.state()["selection"]
        expect("c8" in selection and "c9" in selection, "the band selects what it touches: %r"
               % selection)


def test_move_card():
    with Session(EXAMPLE) as s:
        document = open_blueprint(s)
        taken = taken_cells(document)
        empty = next(t.get("id") for t in document.iter("step") if ("l2", t.get("id")) not in taken
                     and t.get("id") != "t1")
        s.click_centre(s.see("c2"))
        start = centre(s.see("c2"))
        s.drag([start, cell_point(s, "l2", empty)])
        moved = card(ET.fromstring(s.document_xml()), "c2")
        expect(moved.get("step") == empty, "the card is in the step it was dropped on")
        state = s.state()
        expect(state["undo"] == "Move Card" and state["position"] == 1, "one step: Move Card")
        expect(state["selection"] == ["c2"], "the moved card stays selected")
        s.key("ctrl+z")
        expect(card(ET.fromstring(s.document_xml()), "c2").get("step") == "t1", "undone")


def test_span_and_flow():
    with Session(EXAMPLE) as s:
        open_blueprint(s)
        s.click_centre(s.see("c2"))
        edge = s.see("c2", "span-edge")
        x2 = cell_point(s, "l2", "t2")[0]
        s.drag([(edge[0] + 1, edge[1] + 2), (x2, edge[1] + 2)])
        expect(card(ET.fromstring(s.document_xml()), "c2").get("span") == "2",
               "dragging the right edge spans the card over two steps")
        expect(s.state()["undo"] == "Change Card Span", "one step")
        s.key("ctrl+z")
        s.click_centre(s.see("c2"))
        handle = s.see("c2", "handle")
        before = len(ET.fromstring(s.document_xml()).findall(".//flow"))
        s.drag([centre(handle), centre(s.see("c4"))])
        flows = ET.fromstring(s.document_xml()).findall(".//flow")
        expect(len(flows) == before + 1, "the handle dragged to a card draws a flow")
        expect(any(f.get("from") == "c2" and f.get("to") == "c4" for f in flows),
               "from the card to the card it was dropped on")


def test_emotion_and_headers():
    with Session(EXAMPLE) as s:
        open_blueprint(s)
        s.bring_into_view("l6")
        x, y = cell_point(s, "l6", "t2")
        lane = s.locate("l6")
        s.drag([(x, y), (x, lane[1] + 4)])
        emotions = {(e.get("lane"), e.get("step")): e.get("value")
                    for e in ET.fromstring(s.document_xml()).iter("emotion")}
        expect(emotions[("l6", "t2")] == "2", "dragging the point to the top sets +2: %r"
               % emotions[("l6", "t2")])
        # A lane dragged by its header below the next.
        s.bring_into_view("l2")
        header, below = s.see("l2"), s.locate("l3")
        s.drag([centre(header), (centre(header)[0], below[1] + below[3] / 2)])
        lanes = [l.get("id") for l in ET.fromstring(s.document_xml()).iter("lane")]
        expect(lanes.index("l2") == lanes.index("l3") + 1, "the lane moved below the next")
        expect(s.state()["primary"] == "l2", "the moved lane stays selected")


def test_context_menu():
    """The menu items that once did nothing, by pointer and by keyboard."""
    with Session(EXAMPLE) as s:
        open_blueprint(s)
        n = len(ET.fromstring(s.document_xml()).findall(".//card"))
        s.click_centre(s.see("c2"), button=3)
        expect(s.state()["menu"], "a right click opens the menu")
        s.click_centre(s.locate_widget("label:Duplicate"))
        expect(len(ET.fromstring(s.document_xml()).findall(".//card")) == n + 1,
               "Duplicate from the menu by pointer duplicates")
        expect(s.state()["undo"] == "Duplicate Card", "one step")
        # By keyboard: the Menu key, then the item's mnemonic.
        s.key("Menu")
        expect(s.state()["menu"], "the Menu key opens the menu")
        s.key("u")
        expect(len(ET.fromstring(s.document_xml()).findall(".//card")) == n + 2,
               "Duplicate by keyboard duplicates")


def test_pan_and_zoom():
    with Session(EXAMPLE) as s:
        open_blueprint(s)
        page = s.locate_widget("type:TptBlueprintPage")
        cx, cy = page[0] + page[2] / 2, page[1] + page[3] / 2
        before = s.state()["scroll"]
        s.drag([(cx, cy), (cx - 150, cy - 80)], button=2)
        after = s.state()["scroll"]
        expect(after[0] > before[0] and after[1] >= before[1], "the middle button pans: %r %r"
               % (before, after))
        expect(s.state()["selection"] == ["b1"], "panning selects nothing")
        # Space with the primary button, once the page has the keyboard
        # (clear of the pane's handle, which takes 6 px either side).
        s.click(page[0] + 30, page[1] + 30)
        before = s.state()["scroll"]
        s.drag([(cx, cy), (cx + 100, cy + 40)], hold="space")
        after = s.state()["scroll"]
        expect(after[0] < before[0], "Space and drag pan: %r %r" % (before, after))
        # Ctrl+wheel zooms about the pointer: the card under it stays there.
        target = s.see("c8")
        point = centre(target)
        zoom = s.state()["zoom"]
        s.scroll(point[0], point[1], up=False, modifiers=("ctrl",))
        expect(s.state()["zoom"] < zoom, "Ctrl+wheel down zooms out")
        moved = centre(s.see("c8"))
        expect(abs(moved[0] - point[0]) < 6 and abs(moved[1] - point[1]) < 6,
               "the point under the pointer stays put: %r → %r" % (point, moved))
        s.scroll(point[0], point[1], up=True, modifiers=("ctrl",), times=2)
        moved = centre(s.see("c8"))
        expect(abs(moved[0] - point[0]) < 6 and abs(moved[1] - point[1]) < 6,
               "zooming in keeps it too: %r → %r" % (point, moved))
        zoom = s.state()["zoom"]
        s.click_centre(s.locate_widget("action:view.zoom-in"))
        expect(s.state()["zoom"] > zoom, "the zoom-in button zooms in")
        s.click_centre(s.locate_widget("action:view.zoom-out"))
        expect(abs(s.state()["zoom"] - zoom) < 1e-3, "and out again")


def test_keys():
    with Session(EXAMPLE) as s:
        open_blueprint(s)
        s.click_centre(s.see("c2"))
        s.key("Down")
        expect(s.state()["selection"] == ["c3"], "Down goes to the card below")
        s.key("Tab")
        expect(s.state()["primary"] != "c3", "Tab walks on")
        s.key("shift+Tab")
        expect(s.state()["selection"] == ["c3"], "Shift+Tab walks back")
        s.key("3")
        expect(card(ET.fromstring(s.document_xml()), "c3").get("kind") == "fail",
               "3 makes a fail point")
        s.key("Delete")
        expect(not re.search(r'<card id="c3"', s.document_xml()), "Delete deletes")
        s.key("ctrl+z")
        s.key("ctrl+z")
        state = s.state()
        expect(state["position"] == 0 and not state["modified"], "Ctrl+Z undoes both steps")
        # Alt+Right moves the card to the next step, and it stays selected.
        s.click_centre(s.see("c2"))
        s.key("alt+Right")
        expect(card(ET.fromstring(s.document_xml()), "c2").get("step") == "t2", "Alt+Right")
        expect(s.state()["selection"] == ["c2"], "the moved card stays selected")


if __name__ == "__main__":
    run({name[5:]: f for name, f in globals().items() if name.startswith("test_")})

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real input on the window around the pages: typing in the inspector
(Tab, Ctrl+Z, text that reaches the document as it is typed), the
outline's focus, the zoom buttons and the Keyboard Shortcuts window."""

import os
import sys
import time
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tptinput import Session, centre, example, expect, run  # noqa: E402

EXAMPLE = example("motor-insurance.touchpoint")
BLUEPRINT_ROW = "label:Motor policy — current state"


def card_text(session, card_id):
    for c in ET.fromstring(session.document_xml()).iter("card"):
        if c.get("id") == card_id:
            return c.findtext("text")
    raise AssertionError("no card " + card_id)


def card_cell(session, card_id):
    for c in ET.fromstring(session.document_xml()).iter("card"):
        if c.get("id") == card_id:
            return c.get("lane"), c.get("step")
    raise AssertionError("no card " + card_id)


def open_blueprint(session):
    session.click_centre(session.locate_widget(BLUEPRINT_ROW))
    expect(session.state()["page"] == "blueprint", "the blueprint page shows")


def click_field(session, field):
    rect = session.locate_widget("field:" + field)
    session.click(rect[0] + min(rect[2] / 2, 120), rect[1] + min(rect[3] / 2, 20))
    expect(session.state()["field"] == field, "a click in the %s field puts the keys there: %r"
           % (field, session.state()))


def test_inspector_typing_and_undo():
    with Session(EXAMPLE) as s:
        open_blueprint(s)
        # An edit on the canvas first, which Ctrl+Z in a field must leave be.
        s.click_centre(s.see("c8"))
        moved_from = card_cell(s, "c8")
        s.key("alt+Right")
        moved_to = card_cell(s, "c8")
        expect(moved_to != moved_from, "Alt+Right moves the card: %r" % (moved_to,))
        expect(s.state()["position"] == 1, "one step")
        expect(s.state()["inspected"] == "c8", "the moved card stays inspected: %r" % s.state())
        # Now another card's text, in the inspector.
        s.click_centre(s.see("c9"))
        expect(s.state()["inspected"] == "c9", "the inspector shows the card clicked")
        before = card_text(s, "c9")
        click_field(s, "text")
        s.key("ctrl+End")
        s.type(" plus more")
        # Typed text reaches the document without leaving the field.
        s.wait_for(lambda st: st["position"] == 2, "the typing reaches the document", 3)
        expect(card_text(s, "c9") == before + " plus more", "as typed: %r" % card_text(s, "c9"))
        # Ctrl+Z in the field undoes typing there, never the canvas edit.
        s.key("ctrl+z")
        time.sleep(0.6)
        state = s.state()
        expect(card_cell(s, "c8") == moved_to, "Ctrl+Z in a field leaves the canvas edit be")
        expect(state["field"] == "text", "and the keys stay in the field: %r" % state)
        expect(card_text(s, "c9") != before + " plus more",
               "it undoes the field's own typing: %r" % card_text(s, "c9"))
        s.key("ctrl+shift+z")
        s.wait_for(lambda st: card_text(s, "c9") == before + " plus more",
                   "Ctrl+Shift+Z types it again", 3)
        # Tab leaves the field and writes no tab.
        s.key("Tab")
        time.sleep(0.6)
        expect("\t" not in card_text(s, "c9"), "Tab writes no tab: %r" % card_text(s, "c9"))
        expect(s.state()["field"] != "text", "Tab moves the focus on: %r" % s.state())
        # The whole visit is one step: back on the canvas, one Ctrl+Z takes
        # it back and the next the move.
        expect(s.state()["position"] == 2, "the visit is one step: %r" % s.state()["undo"])
        s.click_centre(s.see("c9"))
        s.key("ctrl+z")
        expect(card_text(s, "c9") == before, "Ctrl+Z on the canvas undoes the typing")
        s.key("ctrl+z")
        expect(card_cell(s, "c8") == moved_from, "and then the move")


def test_text_with_markup_characters():
    """A need and a persona named with &, < and >: shown as typed
    everywhere, no markup warning, nothing styled."""
    with Session(EXAMPLE) as s:
        s.click_centre(s.locate_widget("label:Needs"))
        doc = ET.fromstring(s.document_xml())
        need = next(doc.iter("need")).get("id")
        s.click_centre(s.see(need, page="type:TptMatrixPage"))
        click_field(s, "title")
        s.key("ctrl+a")
        s.type("Understand fees & charges <b>now</b>")
        s.key("Tab")
        s.wait_for(lambda st: st["position"] == 1, "the title is kept")
        # A card's inspector lists the needs it may serve, by title.
        open_blueprint(s)
        s.click_centre(s.see("c8"))
        s.wait_idle(0.5)
        expect(s.has_widget("label:Understand fees & charges <b>now</b>"),
               "the need's title shows as typed in the card's inspector")
        s.check()


def check_outline(session):
    """The outline's card rows sit under their cards' lanes, once each."""
    doc = ET.fromstring(session.document_xml())
    lanes = {c.get("id"): c.get("lane") for c in doc.iter("card")}
    rows = session.state()["outline"]
    ids = [r[0] for r in rows]
    for card_id, parent in rows:
        if card_id in lanes:
            expect(parent == lanes[card_id], "the outline lists %s under %s, its lane is %s"
                   % (card_id, parent, lanes[card_id]))
            expect(ids.count(card_id) == 1, "the outline lists %s %d times"
                   % (card_id, ids.count(card_id)))
    return rows


def test_outline_follows_moves():
    with Session(EXAMPLE) as s:
        open_blueprint(s)
        s.click_centre(s.see("c8"))
        lane = card_cell(s, "c8")[0]
        for _ in range(4):
            s.key("alt+Down")
            check_outline(s)
            if card_cell(s, "c8")[0] != lane:
                break
        expect(card_cell(s, "c8")[0] != lane, "Alt+Down takes the card to the next lane")
        expect(s.state()["selection"] == ["c8"] and s.state()["inspected"] == "c8",
               "the moved card stays selected and inspected: %r" % s.state())
        rows = check_outline(s)
        expect(["c8", card_cell(s, "c8")[0]] in rows, "the outline shows it in its new lane")
        s.key("alt+Up")
        check_outline(s)
        # A drag into another lane, then the outline's row for the card.
        s.click_centre(s.see("c9"))
        c = s.see("c9")
        # Straight down into the backstage lane, in the same step.
        lane4 = s.locate("l4")
        before = card_cell(s, "c9")
        s.drag([centre(c), (centre(c)[0], lane4[1] + lane4[3] / 2)])
        expect(card_cell(s, "c9")[0] != before[0], "the drag takes it to another lane: %r → %r"
               % (before, card_cell(s, "c9")))
        check_outline(s)
        expect(s.state()["inspected"] == "c9", "the dragged card stays inspected: %r" % s.state())
        text = card_text(s, "c9")
        s.click_centre(s.locate_widget("label:" + text))
        expect(s.state()["selection"] == ["c9"], "a click on its row selects that card: %r"
               % s.state()["selection"])
        s.key("Delete")
        ids = {x.get("id") for x in ET.fromstring(s.document_xml()).iter("card")}
        expect("c9" not in ids and "c8" in ids, "Delete deletes the card the row shows")
        check_outline(s)


def test_undo_keeps_the_inspector_field():
    with Session(EXAMPLE) as s:
        open_blueprint(s)
        s.click_centre(s.see("c8"))
        s.key("alt+Right")
        s.key("F6")
        for _ in range(6):
            if s.state()["field"] == "kind":
                break
            s.key("Tab")
        expect(s.state()["field"] == "kind", "Tab reaches the card's Kind: %r" % s.state())
        s.key("ctrl+z")
        state = s.state()
        expect(state["position"] == 0, "Ctrl+Z there undoes the move")
        expect(state["field"] == "kind", "and the keys stay on Kind, not the top: %r" % state)


def test_duration_help():
    with Session(EXAMPLE) as s:
        open_blueprint(s)
        doc = ET.fromstring(s.document_xml())
        step = next(doc.iter("step")).get("id")
        s.click_centre(s.see(step))
        expect(s.state()["inspected"] == step, "a click on a step inspects it")
        click_field(s, "duration")
        s.key("ctrl+a")
        s.type("2 nights")
        s.key("Return")
        s.wait_for(lambda st: st["position"] == 1, "nights are a duration")
        click_field(s, "duration")
        s.key("ctrl+a")
        s.type("a while")
        s.key("Return")
        expect(s.state()["position"] == 1, "a duration it cannot read changes nothing")
        expect(s.has_widget("text:is not a duration"), "and a toast says what it wants")


def test_panes_and_outline_focus():
    with Session(EXAMPLE) as s:
        open_blueprint(s)
        s.click_centre(s.see("c8"))
        expect(s.state()["pane"] == "page", "a click gives the page the keys")
        s.key("F6")
        expect(s.state()["pane"] == "inspector", "F6 goes on to the inspector: %r" % s.state())
        s.key("F6")
        state = s.state()
        expect(state["pane"] == "outline", "then to the outline: %r" % state)
        expect(state["focus_visible"], "where the focus shows")
        s.shot("outline-focus")
        s.key("F6")
        expect(s.state()["pane"] == "page", "and back to the page")
        s.key("shift+F6")
        expect(s.state()["pane"] == "outline", "Shift+F6 goes back")
        # In the outline, the keys walk its rows and open what they show.
        s.key("Down")
        expect(s.state()["pane"] == "outline", "Down walks the outline")
        s.key("ctrl+Tab")
        expect(s.state()["pane"] != "outline", "Ctrl+Tab leaves it: %r" % s.state())


def test_zoom_buttons():
    with Session(EXAMPLE) as s:
        open_blueprint(s)
        zoom = s.state()["zoom"]
        s.click_centre(s.locate_widget("tooltip:Zoom In"))
        expect(s.state()["zoom"] > zoom, "Zoom In zooms in: %r → %r" % (zoom, s.state()["zoom"]))
        s.click_centre(s.locate_widget("tooltip:Zoom Out"))
        s.click_centre(s.locate_widget("tooltip:Zoom Out"))
        expect(s.state()["zoom"] < zoom, "Zoom Out zooms out")
        s.key("ctrl+0")
        expect(abs(s.state()["zoom"] - 1.0) < 0.01, "Ctrl+0 is 100 %%: %r" % s.state()["zoom"])


def test_shortcuts_window():
    with Session(EXAMPLE) as s:
        s.key("ctrl+question")
        s.wait_for(lambda st: any("Shortcuts" in t for t in st["toplevels"]),
                   "Ctrl+? opens the Keyboard Shortcuts window")
        title = next(t for t in s.state()["toplevels"] if "Shortcuts" in t)
        geometry = s._xdotool("search", "--name", title, "getwindowgeometry").split()
        height = int(geometry[geometry.index("Geometry:") + 1].split("x")[1])
        expect(height <= 768, "it fits a 768-pixel laptop screen: %d px" % height)
        expect(s.has_widget("window:%s>text:F6" % title), "it lists F6")
        expect(s.has_widget("window:%s>text:Leave the page for the next" % title),
               "and Ctrl+Tab, the way out of a page")
        s.key("Escape")
        s.wait_for(lambda st: not any("Shortcuts" in t for t in st["toplevels"]),
                   "Escape closes it")


if __name__ == "__main__":
    run({name[5:]: f for name, f in globals().items() if name.startswith("test_")})

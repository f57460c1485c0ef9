#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real input on the persona gallery: selecting, writing a field in place,
dragging a card to a new place, the keys, and the context menu with the
dialogs it opens."""

import os
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tptinput import needs_speed, Session, centre, example, expect, run, source_root  # noqa: E402

EXAMPLE = example("motor-insurance.touchpoint")
PAGE = "type:TptGalleryPage"


def open_gallery(session):
    session.click_centre(session.locate_widget("label:Personas"))
    expect(session.state()["page"] == "personas", "the gallery shows")
    return ET.fromstring(session.document_xml())


def personas(session):
    return [p.get("id") for p in ET.fromstring(session.document_xml()).iter("persona")]


def persona(session, persona_id):
    for p in ET.fromstring(session.document_xml()).iter("persona"):
        if p.get("id") == persona_id:
            return p
    raise AssertionError("no persona " + persona_id)


@needs_speed
def test_select_and_edit_in_place():
    with Session(EXAMPLE) as s:
        open_gallery(s)
        s.click_centre(s.see("p2", page=PAGE))
        expect(s.state()["selection"] == ["p2"], "a click selects the persona")
        s.double_click(*centre(s.see("p1", "name", page=PAGE)))
        state = s.state()
        expect(state["editing"] and state["focus"] == "TptInplaceEditor",
               "a double click on the name writes it in place: %r" % state)
        s.key("ctrl+a")
        s.type("Ayesha Khan")
        s.key("Return")
        state = s.state()
        expect(not state["editing"], "Enter keeps the name")
        expect(persona(s, "p1").findtext("name") == "Ayesha Khan", "the name is the persona's")
        expect(state["position"] == 1, "one undo step: %r" % state["undo"])
        # The quote too, and Escape drops what was typed.
        s.double_click(*centre(s.see("p2", "quote", page=PAGE)))
        expect(s.state()["editing"], "a double click on the quote writes it")
        s.type("Not this")
        s.key("Escape")
        expect("Not this" not in s.document_xml(), "Escape drops the text")
        s.key("ctrl+z")
        expect(persona(s, "p1").findtext("name") != "Ayesha Khan", "Ctrl+Z takes the name back")


def test_drag_to_reorder():
    with Session(EXAMPLE) as s:
        open_gallery(s)
        before = personas(s)
        a, c = s.see(before[0], page=PAGE), s.see(before[2], page=PAGE)
        s.drag([centre(a), (c[0] + c[2] * 0.8, c[1] + c[3] / 2)])
        after = personas(s)
        expect(after[-1] == before[0] or after.index(before[0]) > 0,
               "the card dragged past the third is later now: %r → %r" % (before, after))
        state = s.state()
        expect(state["position"] == 1 and state["primary"] == before[0],
               "one step, and the moved persona is selected: %r" % state)


def test_keys():
    with Session(EXAMPLE) as s:
        open_gallery(s)
        s.click_centre(s.see("p2", page=PAGE))
        s.key("alt+Left")
        expect(personas(s)[0] == "p2", "Alt+Left moves the persona earlier")
        expect(s.state()["selection"] == ["p2"], "and it stays selected")
        s.key("Right")
        expect(s.state()["selection"] == ["p1"], "Right walks to the next")
        n = len(personas(s))
        # At 100 %, where the name's editor once had no room and GTK warned.
        s.key("ctrl+0")
        s.key("Insert")
        state = s.state()
        expect(len(personas(s)) == n + 1, "Insert adds a persona")
        expect(state["editing"], "and writes its name at once")
        s.type("Sam Rivera")
        s.key("Return")
        added = persona(s, s.state()["primary"])
        expect(added.findtext("name") == "Sam Rivera", "the new persona has its name")
        colours = [p.get("color") for p in ET.fromstring(s.document_xml()).iter("persona")]
        expect(colours.count(added.get("color")) == 1,
               "a new persona takes a colour no other has: %r" % colours)
        s.key("Delete")
        expect(len(personas(s)) == n, "Delete deletes it")


def test_context_menu():
    with Session(EXAMPLE) as s:
        open_gallery(s)
        n = len(personas(s))
        s.click_centre(s.see("p3", page=PAGE), button=3)
        expect(s.state()["menu"], "a right click opens the menu")
        expect(s.state()["selection"] == ["p3"], "on the persona it was over")
        s.click_centre(s.locate_widget("label:Duplicate"))
        expect(len(personas(s)) == n + 1, "Duplicate duplicates")
        expect(not s.state()["menu"], "and the menu closes")
        expect(s.state()["focus"] == "TptGalleryPage", "the gallery has the keyboard again")
        # The colour, through its dialog: a swatch and Select.
        s.click_centre(s.see("p1", page=PAGE), button=3)
        s.click_centre(s.locate_widget("label:Colour…"))
        s.wait_for(lambda st: "Persona Colour" in st["toplevels"], "the colour dialog opens")
        before = persona(s, "p1").get("color")
        swatches = s.probe("LocateWidget", "window:Persona Colour>type:GtkColorSwatch")
        expect("true" in swatches, "the dialog shows swatches")
        s.click_centre(s.locate_widget("window:Persona Colour>type:GtkColorSwatch"))
        s.click_centre(s.locate_widget("window:Persona Colour>label:_Select"))
        s.wait_for(lambda st: "Persona Colour" not in st["toplevels"], "the dialog closes")
        after = persona(s, "p1").get("color")
        expect(after != before, "the persona takes the colour: %s → %s" % (before, after))
        expect(s.state()["undo"] is not None, "as one step")


@needs_speed
def test_choose_photo():
    """The photo through the file chooser, typed as a path, as a person who
    knows where it is does."""
    with Session(EXAMPLE) as s:
        open_gallery(s)
        photo = os.path.join(source_root(), "data", "icons", "hicolor", "256x256", "apps",
                             "io.github.touchpoint.Touchpoint.png")
        if not os.path.exists(photo):
            photo = next(os.path.join(d, f) for d, _, fs in os.walk(os.path.join(source_root(),
                                                                                 "data"))
                         for f in fs if f.endswith(".png"))
        s.click_centre(s.see("p2", page=PAGE), button=3)
        s.click_centre(s.locate_widget("label:Choose Photo…"))
        s.wait_for(lambda st: "Choose a Photo" in st["toplevels"], "the file chooser opens")
        s.key("ctrl+l")
        s.type(photo)
        s.key("Return")
        s.wait_for(lambda st: "Choose a Photo" not in st["toplevels"], "the chooser closes")
        s.wait_for(lambda st: st["position"] == 1, "the photo is set, in one step")
        expect(persona(s, "p2").find("photo") is not None or "photo" in persona(s, "p2").attrib,
               "the persona has a photo")
        # A file that is no picture: a clear message, nothing changed.
        bad = os.path.join(s.tmp, "not-a-photo.png")
        with open(bad, "w") as f:
            f.write("this is text, not a picture\n")
        s.click_centre(s.see("p3", page=PAGE), button=3)
        s.click_centre(s.locate_widget("label:Choose Photo…"))
        s.wait_for(lambda st: "Choose a Photo" in st["toplevels"], "the file chooser opens")
        s.key("ctrl+l")
        s.type(bad)
        s.key("Return")
        state = s.wait_for(lambda st: "Choose a Photo" not in st["toplevels"], "it closes")
        expect(state["position"] == 1, "a bad picture changes nothing")
        expect(s.has_widget("text:Could not use this photo"), "and a toast says why")


if __name__ == "__main__":
    run({name[5:]: f for name, f in globals().items() if name.startswith("test_")})

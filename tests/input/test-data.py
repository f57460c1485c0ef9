#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real input on survey data in and tables out: Import Survey… from the
main menu, through the file chooser and the dialog, into the needs
matrix's ratings as one undo step; malformed files refused with the row
and nothing changed; Export Data as CSV written as the command line
writes it, and a write that fails said so, with the old file whole."""

import os
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tptinput import Session, build_root, example, expect, run  # noqa: E402

EXAMPLE = example("motor-insurance.touchpoint")
DIALOG = "Import Survey"
CHOOSER = "Choose a Survey"

# Two of Dana Ortiz's answers (by name, and a need by its title), two rows
# rejected: a persona that does not exist, and no persona at all.
GOOD = ("persona,respondent,importance:Get an accurate price in minutes,"
        "satisfaction:Get an accurate price in minutes,importance:n2,satisfaction:n2\n"
        "Dana Ortiz,r1,2,9,1,\n"
        "p1,r2,4,9,3,\n"
        "Nobody,r3,5,5,5,5\n"
        ",r4,5,5,5,5\n")

# Four reassurance seekers (Margaret Hale, p2) on a 1–5 scale.
FIVE = ("segment,importance:n1,satisfaction:n1\n"
        "Reassurance seeker,5,2\n"
        "Reassurance seeker,4,1\n"
        "Reassurance seeker,3,5\n"
        "Reassurance seeker,3,5\n")


def write(session, name, text):
    path = os.path.join(session.tmp, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def rating(session, persona, need):
    for r in ET.fromstring(session.document_xml()).iter("rating"):
        if r.get("persona") == persona and r.get("need") == need:
            return r.get("importance"), r.get("satisfaction")
    return None


def menu_item(session, *labels):
    session.click_centre(session.locate_widget("tooltip:Main Menu"))
    for label in labels:
        session.click_centre(session.locate_widget("label:" + label))


def choose_file(session, title, path):
    """Types @path into the file chooser titled @title, as a person does."""
    session.wait_for(lambda st: title in st["toplevels"], "the file chooser opens")
    session.key("ctrl+l")
    session.type(path)
    session.key("Return")
    session.wait_for(lambda st: title not in st["toplevels"], "the chooser closes")


def open_import(session, path):
    menu_item(session, "Import Survey…")
    choose_file(session, CHOOSER, path)
    session.wait_for(lambda st: DIALOG in st["toplevels"], "the Import Survey dialog opens")


def in_dialog(query):
    return "window:%s>%s" % (DIALOG, query)


def pick(session, row, steps):
    """Opens the dialog's combo row titled @row with a click and moves
    @steps down its list with the arrow keys, as a person does."""
    session.click_centre(session.locate_widget(in_dialog("label:" + row)))
    session.wait_idle(0.3)
    for _ in range(steps):
        session.key("Down")
    session.key("Return")


def test_import_survey():
    with Session(EXAMPLE) as s:
        before = s.document_xml()
        expect(rating(s, "p1", "n1") == ("6", "5"), "the example's rating to start with")
        open_import(s, write(s, "survey.csv", GOOD))
        s.shot("survey-dialog")
        expect(s.has_widget(in_dialog("text:4 rows of answers: 2 used, 2 rejected.")),
               "the dialog says which rows it uses before anything changes")
        expect(s.has_widget(in_dialog("text:Row 4: there is no persona “Nobody”")),
               "and why a row is rejected")
        expect(s.state()["position"] == 0, "the dialog changes nothing by itself")
        s.click_centre(s.locate_widget(in_dialog("label:_Import")))
        state = s.wait_for(lambda st: DIALOG not in st["toplevels"], "Import closes the dialog")
        expect(state["position"] == 1 and state["undo"] == "Import Survey",
               "the import is one undo step: %r" % state)
        expect(rating(s, "p1", "n1") == ("3", "9"), "the mean of the answers: %r"
               % (rating(s, "p1", "n1"),))
        expect(rating(s, "p1", "n2") == ("2", "4"),
               "an unanswered satisfaction keeps its rating: %r" % (rating(s, "p1", "n2"),))
        expect(s.has_widget("text:Imported 2 survey responses: 2 cells of the needs matrix "
                            "rated, 2 rows rejected"), "a toast says what happened")
        s.key("ctrl+z")
        state = s.state()
        expect(state["position"] == 0, "Ctrl+Z undoes the import")
        expect(s.document_xml() == before, "and restores the document exactly")


def test_scale_and_top_two_box():
    with Session(EXAMPLE) as s:
        open_import(s, write(s, "five.csv", FIVE))
        pick(s, "Answer Scale", 1)
        expect(s.has_widget(in_dialog("label:1 to 5")), "the scale is 1 to 5")
        pick(s, "Rating", 1)
        expect(s.has_widget(in_dialog("label:Top-Two-Box Share")), "the rating the top two boxes")
        s.shot("survey-dialog-top-two")
        expect(s.has_widget(in_dialog("text:as the top-two-box share of answers on 1–5")),
               "the dialog reads the file again with the options chosen")
        s.click_centre(s.locate_widget(in_dialog("label:_Import")))
        s.wait_for(lambda st: DIALOG not in st["toplevels"], "Import closes the dialog")
        # Two of four in the top two boxes (4–5) for importance and satisfaction.
        expect(rating(s, "p2", "n1") == ("5", "5"), "top-two-box shares in tenths: %r"
               % (rating(s, "p2", "n1"),))
        expect(s.state()["position"] == 1, "one undo step")


def test_malformed_changes_nothing():
    cases = [
        ("text.csv", "persona,importance:n1\np1,5\np1,high\n",
         "Row 3: “high” in “importance:n1” is not a number on the 0–10 scale"),
        ("columns.csv", "name,importance:n1\nDana Ortiz,5\n",
         "Row 1: there is no “persona” or “segment” column"),
        ("need.csv", "persona,importance:Fly to the moon\np1,5\n",
         "Row 1: column “importance:Fly to the moon” names no need"),
        ("fields.csv", "persona,importance:n1\np1,5,6\n",
         "Row 2 has 3 fields, but the header has 2"),
        ("quote.csv", "persona,importance:n1\n\"p1,5\n", "Row 2: a quoted field is never closed"),
        ("empty.csv", "", "The file is empty"),
        ("huge.csv", None, "a CSV file can be at most"),
    ]
    with Session(EXAMPLE) as s:
        before = s.document_xml()
        for n, (name, text, message) in enumerate(cases):
            if text is None:
                path = os.path.join(s.tmp, name)
                with open(path, "w") as f:
                    f.truncate(100 * 1024 * 1024)
            else:
                path = write(s, name, text)
            if n == 0:
                open_import(s, path)
            else:
                # Another file from the same dialog, as after a mistake.
                s.click_centre(s.locate_widget(in_dialog("label:C_hoose Another…")))
                choose_file(s, CHOOSER, path)
            expect(s.has_widget(in_dialog("text:" + message)),
                   "%s: the dialog says %r" % (name, message))
            if n == 0:
                s.shot("survey-dialog-error")
            # Import is off; a click on it changes nothing.
            s.click_centre(s.locate_widget(in_dialog("label:_Import")))
            state = s.state()
            expect(DIALOG in state["toplevels"] and state["position"] == 0,
                   "%s: nothing is imported: %r" % (name, state))
        s.key("Escape")
        state = s.wait_for(lambda st: DIALOG not in st["toplevels"], "Escape closes the dialog")
        expect(state["position"] == 0 and state["entries"] == 0 and not state["modified"],
               "no undo step, the document not modified: %r" % state)
        expect(s.document_xml() == before, "and nothing in it changed")


def cli_csv(session, table):
    """What `touchpoint --export OUT.csv --artefact TABLE` writes."""
    out = os.path.join(session.tmp, "cli-%s.csv" % table)
    subprocess.run([os.path.join(build_root(), "src", "touchpoint"), "--export", out,
                    "--artefact", table, session.document], check=True,
                   stdout=subprocess.DEVNULL)
    with open(out, "rb") as f:
        return f.read()


def export(session, item, title, path, replace=False):
    menu_item(session, "Export Data as CSV", item)
    session.wait_for(lambda st: title in st["toplevels"], "the file chooser opens")
    session.key("ctrl+a")
    session.type(path)
    session.key("Return")
    if replace:
        # GTK asks before it replaces a file: Alt+R is its Replace.
        session.wait_for(lambda st: "" in st["toplevels"], "GTK asks to replace the file")
        session.key("alt+r")
    session.wait_for(lambda st: title not in st["toplevels"], "the chooser closes")


def test_export_csv():
    with Session(EXAMPLE) as s:
        tables = (("ratings", "Ratings…"), ("cards", "Cards…"), ("needs", "Needs…"))
        for table, item in tables:
            path = os.path.join(s.tmp, table + ".csv")
            export(s, item, "Export %s as CSV" % item[:-1], path)
            with open(path, "rb") as f:
                data = f.read()
            expect(len(data.splitlines()) > 10, "%s: a header and a row each" % table)
            expect(data == cli_csv(s, table), "%s: the table the command line writes" % table)
            # Toasts queue: the first one shows.
            expect(table != "ratings" or s.has_widget("text:Exported “ratings.csv”"),
                   "a toast says where it went")
        expect(s.state()["position"] == 0, "an export is no edit")


def test_export_write_error():
    """Past a file size limit, as on a full disk: a message, no crash, and
    the old file left whole."""
    with Session(EXAMPLE, file_size_limit=1024) as s:
        path = os.path.join(s.tmp, "ratings.csv")
        with open(path, "w") as f:
            f.write("the old file\n")
        export(s, "Ratings…", "Export Ratings as CSV", path, replace=True)
        title = "Could Not Export the Data"
        s.wait_for(lambda st: title in st["toplevels"], "a message says the export failed")
        expect(s.has_widget("window:%s>text:Could not write the CSV file" % title),
               "and why")
        s.shot("survey-export-error")
        s.key("Escape")
        s.wait_for(lambda st: title not in st["toplevels"], "Escape closes the message")
        with open(path) as f:
            expect(f.read() == "the old file\n", "the old file is whole")
        leftovers = [n for n in os.listdir(s.tmp) if n.startswith("ratings.csv") and
                     n != "ratings.csv"]
        expect(not leftovers, "no temporary file is left: %r" % leftovers)


if __name__ == "__main__":
    run({name[5:]: f for name, f in globals().items() if name.startswith("test_")})

#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Real input on the analysis: the Journey Numbers and Case for Change
pages reached from the outline, their names as links (click, Tab, Enter),
the numbers they show against `touchpoint --report` and after an edit in
the inspector, and a metric's status pill following what is typed."""

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tptinput import Failure, Session, build_root, centre, example, expect, run  # noqa: E402

EXAMPLE = example("motor-insurance.touchpoint")
BLUEPRINT_ROW = "label:Motor policy — current state"


def squeeze(text):
    return re.sub(r"\s+", " ", text).strip()


def page_text(session):
    """The words the page shows, as it draws them: drawn by the app into a
    PDF, read back with pdftotext."""
    path = os.path.join(session.tmp, "page.pdf")
    if os.path.exists(path):
        os.unlink(path)
    out = session.probe("DrawPage", path)
    expect("true" in out, "the page draws: %r" % out)
    result = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True,
                            text=True, check=True)
    return squeeze(result.stdout)


def report(session):
    """`touchpoint --report` on the document as the window has it now."""
    path = os.path.join(session.tmp, "now.touchpoint")
    with open(path, "w") as f:
        f.write(session.document_xml())
    result = subprocess.run([os.path.join(build_root(), "src", "touchpoint"), "--report", path],
                            capture_output=True, text=True, check=True,
                            env=dict(os.environ, LANG="C.UTF-8", LC_ALL="C.UTF-8"))
    return result.stdout


def report_end_to_end(text, blueprint_id):
    """The end-to-end line --report prints for a blueprint, as the page
    words it ("End to end: X over N steps")."""
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if "(%s," % blueprint_id in line:
            for follow in lines[i + 1:]:
                if follow.strip().startswith("End to end:"):
                    return squeeze(follow.replace(", over", " over"))
    raise Failure("--report has no end-to-end line for %s:\n%s" % (blueprint_id, text))


def open_row(session, label, page):
    """Clicks the outline's row @label, scrolling the outline down to it
    first if a blueprint opened above has pushed it out of sight."""
    query = "label:" + label
    for _ in range(12):
        if session.has_widget(query):
            break
        session.scroll(*centre(session.locate_widget("type:TptOutline")), up=False, times=5)
    session.click_centre(session.locate_widget(query))
    session.wait_for(lambda st: st["page"] == page, "the %s row shows its page" % label)


def test_journeys_page_and_links():
    with Session(EXAMPLE) as s:
        open_row(s, "Journey Numbers", "journeys")
        state = s.state()
        expect(state["selection"] == [], "a report's row selects no node: %r" % state)
        expect(state["placeholder"] is None, "the example has numbers: %r" % state)
        text = page_text(s)
        now = report(s)
        for blueprint in ("b1", "b2"):
            line = report_end_to_end(now, blueprint)
            expect(line in text, "the page shows --report's numbers: %r not in %r"
                   % (line, text[:600]))
        expect("Agent can't find the policy by plate" in text, "and the fail points")
        s.shot("journeys-page")
        # A card the report names is a link to it.
        s.click_centre(s.see("c31", page="type:TptReportPage"))
        state = s.wait_for(lambda st: st["selection"] == ["c31"],
                           "a click on the fail point's name selects it")
        expect(state["page"] == "blueprint" and state["blueprint"] == "b1",
               "and shows it on its blueprint: %r" % state)
        s.shot("journeys-link-followed")
        # Back on the report, the card it depends on.
        open_row(s, "Journey Numbers", "journeys")
        s.click_centre(s.see("c15", page="type:TptReportPage"))
        s.wait_for(lambda st: st["selection"] == ["c15"], "the card it depends on is a link too")


def test_journeys_keys():
    with Session(EXAMPLE) as s:
        open_row(s, "Journey Numbers", "journeys")
        # F6 takes the keys from the outline's row to the page.
        s.key("F6")
        expect(s.state()["pane"] == "page", "the page has the keys: %r" % s.state())
        s.key("Tab")
        s.key("Tab")
        s.shot("journeys-focus")
        s.key("shift+Tab")
        s.key("Return")
        state = s.wait_for(lambda st: st["selection"] == ["b1"],
                           "Tab reaches the first name, the blueprint's, and Enter follows it")
        expect(state["page"] == "blueprint", "the blueprint shows: %r" % state)


def first_unknown_step(session, blueprint_id):
    doc = ET.fromstring(session.document_xml())
    for blueprint in doc.iter("blueprint"):
        if blueprint.get("id") == blueprint_id:
            for step in blueprint.iter("step"):
                if not step.get("duration"):
                    return step.get("id")
    raise Failure("no step without a duration in " + blueprint_id)


def test_numbers_follow_edits():
    with Session(EXAMPLE) as s:
        open_row(s, "Journey Numbers", "journeys")
        before = report_end_to_end(report(s), "b1")
        expect(before in page_text(s), "the page shows %r" % before)
        # The step whose duration is unknown gets one, typed in the inspector.
        step = first_unknown_step(s, "b1")
        s.click_centre(s.locate_widget(BLUEPRINT_ROW))
        s.click_centre(s.see(step))
        expect(s.state()["inspected"] == step, "a click on the step inspects it")
        rect = s.locate_widget("field:duration")
        s.click(rect[0] + min(rect[2] / 2, 120), rect[1] + min(rect[3] / 2, 20))
        s.type("2 days")
        s.key("Return")
        s.wait_for(lambda st: st["position"] == 1, "the duration is kept")
        open_row(s, "Journey Numbers", "journeys")
        after = report_end_to_end(report(s), "b1")
        expect(after != before, "--report's numbers change: %r" % after)
        expect("unknown" not in after, "no step is unknown now: %r" % after)
        text = page_text(s)
        expect(after in text and before not in text,
               "the page shows the new numbers: %r, not %r" % (after, before))
        # Undone, the page shows what it showed.
        s.key("ctrl+z")
        s.wait_for(lambda st: st["position"] == 0, "Ctrl+Z undoes the duration")
        expect(before in page_text(s), "and the page follows the undo")


def test_metric_status_follows_typing():
    with Session(EXAMPLE) as s:
        s.click_centre(s.locate_widget(BLUEPRINT_ROW))
        s.click_centre(s.see("c12"))
        state = s.state()
        expect(state["inspected"] == "c12", "the metric card is inspected: %r" % state)
        expect(state["kpi"] == "missed" and state["kpi_text"] == "Missed",
               "38 %% against a target of 15 %% is missed: %r" % state)
        rect = s.locate_widget("field:actual")
        s.click(rect[0] + min(rect[2] / 2, 120), rect[1] + min(rect[3] / 2, 20))
        s.key("ctrl+a")
        s.type("16")
        state = s.wait_for(lambda st: st["kpi"] == "at-risk",
                           "typing 16 makes it at risk, in the field still", 3)
        expect(state["field"] == "actual" and state["kpi_text"] == "At risk",
               "the keys stay in the field: %r" % state)
        s.shot("metric-at-risk")
        s.key("ctrl+a")
        s.type("12")
        s.wait_for(lambda st: st["kpi"] == "met", "12 meets the target", 3)
        # What is no number changes nothing, and the pill stays.
        s.type("x")
        s.key("Tab")
        state = s.state()
        expect(state["kpi"] == "met", "“12x” keeps the last number: %r" % state)
        expect(s.has_widget("text:is not a number"), "and a toast says what it wants")
        doc = ET.fromstring(s.document_xml())
        card = next(c for c in doc.iter("card") if c.get("id") == "c12")
        expect(card.get("actual") == "12", "the file has 12: %r" % card.attrib)
        # The journey numbers count it met.
        open_row(s, "Journey Numbers", "journeys")
        text = page_text(s)
        expect("38% — 12% · target ≤ 15%" in text, "the report shows the new value: %r"
               % text[:1500])


def test_case_page_dark():
    with Session(EXAMPLE, env={"ADW_DEBUG_COLOR_SCHEME": "prefer-dark"}) as s:
        open_row(s, "Case for Change", "case-for-change")
        text = page_text(s)
        expect("24 days 2 h faster" in squeeze(text) or "faster end to end" in text,
               "the case shows the time saved: %r" % text[:400])
        s.shot("case-page-dark")
        s.click_centre(s.see("n5", page="type:TptReportPage"))
        state = s.wait_for(lambda st: st["selection"] == ["n5"],
                           "the need newly served is a link to it")
        expect(state["page"] == "needs-matrix", "shown on the matrix: %r" % state)
        open_row(s, "Journey Numbers", "journeys")
        s.shot("journeys-page-dark")


def test_placeholders():
    with Session(None) as s:
        open_row(s, "Journey Numbers", "journeys")
        expect(s.state()["placeholder"] == "No Journey Numbers Yet",
               "an empty document has no journey numbers: %r" % s.state())
        s.shot("journeys-placeholder")
        open_row(s, "Case for Change", "case-for-change")
        expect(s.state()["placeholder"] == "No Case for Change Yet",
               "nor a case for change: %r" % s.state())


if __name__ == "__main__":
    run({name[5:]: f for name, f in globals().items() if name.startswith("test_")})

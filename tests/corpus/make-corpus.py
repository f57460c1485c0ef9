#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the malformed and hostile .touchpoint files of this folder and their
MANIFEST, one line per file: NAME CODE LINE MESSAGE-SUBSTRING.

Each case is a small edit of BASE, a valid document, so that each file has
exactly one thing wrong with it. test-corpus checks that loading each file
fails with that TptError code, at that line, with a message that contains the
substring. Run it from anywhere; it writes next to itself:

    python3 tests/corpus/make-corpus.py
"""

import base64
import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))

# Line numbers in the comments are the ones the cases below rely on.
BASE = """<?xml version="1.0" encoding="UTF-8"?>
<touchpoint format="1">
  <meta>
    <title>Corpus</title>
  </meta>
  <personas>
    <persona id="p1" color="#3584e4">
      <name>Dana</name>
    </persona>
  </personas>
  <needs>
    <need id="n1">
      <title>Know the status</title>
    </need>
  </needs>
  <matrix>
    <rating persona="p1" need="n1" importance="9" satisfaction="3"/>
  </matrix>
  <blueprint id="b1" state="current">
    <title>Claims</title>
    <lane id="l1" kind="customer"><title>Customer</title></lane>
    <lane id="l2" kind="emotion" persona="p1"><title>Feelings</title></lane>
    <stage id="s1">
      <title>Report</title>
      <step id="t1"><title>Reports</title></step>
      <step id="t2"><title>Waits</title></step>
    </stage>
    <card id="c1" lane="l1" step="t1" kind="action">
      <text>Calls</text>
    </card>
    <card id="c2" lane="l1" step="t2" kind="wait">
      <text>Waits</text>
    </card>
    <flow id="f1" from="c1" to="c2" arrow="single"/>
    <emotion lane="l2" step="t1" value="-2"/>
  </blueprint>
</touchpoint>
"""

SECOND_BLUEPRINT = """  <blueprint id="b2" state="future">
    <title>Claims, future</title>
    <lane id="l3" kind="customer"><title>Customer</title></lane>
    <stage id="s2">
      <title>Report</title>
      <step id="t3"><title>Reports</title></step>
    </stage>
    <card id="c3" lane="l3" step="t3" kind="action">
      <text>Uses the app</text>
    </card>
  </blueprint>
</touchpoint>
"""


def edit(old, new, count=1):
    assert BASE.count(old) >= 1, old
    return BASE.replace(old, new, count)


# The slide list, an addition to format 1, after the last blueprint: its
# <slide> is on line 38.
SLIDES = """  <slides>
    <slide id="sl1" artefact="stage" target="s1">
      <title>Report</title>
    </slide>
  </slides>
</touchpoint>
"""


def with_slide(old, new):
    text = BASE.replace("</touchpoint>\n", SLIDES)
    assert text.count(old) >= 1, old
    return text.replace(old, new, 1)


def with_second_blueprint(text):
    return text.replace("</touchpoint>\n", SECOND_BLUEPRINT)


def png_chunk(kind, data):
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xffffffff))


def png(width, height):
    return (b"\x89PNG\r\n\x1a\n"
            + png_chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0))
            + png_chunk(b"IDAT", zlib.compress(b"\x00\x35\x84\xe4\xff"))
            + png_chunk(b"IEND", b""))


def jpeg(width, height):
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
    sof0 = (b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + b"\x01\x11\x00")
    return b"\xff\xd8" + app0 + sof0 + b"\xff\xd9"


def with_photo(data, mime="image/png"):
    encoded = base64.b64encode(data).decode("ascii")
    return edit("      <name>Dana</name>\n",
                '      <name>Dana</name>\n'
                f'      <photo type="{mime}">{encoded}</photo>\n')


BILLION_LAUGHS = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE touchpoint [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
  <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
  <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
  <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
  <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
  <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<touchpoint format="1">
  <meta>
    <title>&lol9;</title>
  </meta>
</touchpoint>
"""

EXTERNAL_ENTITY = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE touchpoint [
  <!ENTITY passwd SYSTEM "file:///etc/passwd">
]>
<touchpoint format="1">
  <meta>
    <title>&passwd;</title>
  </meta>
</touchpoint>
"""

EXTERNAL_DTD = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE touchpoint SYSTEM "http://example.com/touchpoint.dtd">
<touchpoint format="1">
  <meta>
    <title>Corpus</title>
  </meta>
</touchpoint>
"""

PARAMETER_ENTITY = """<?xml version="1.0" encoding="UTF-8"?>
<!-- A comment first, to check the prolog is scanned past it. -->
<?some-instruction with data?>

<!DOCTYPE touchpoint [
  <!ENTITY % remote SYSTEM "http://example.com/evil.dtd">
  %remote;
]>
<touchpoint format="1">
  <meta>
    <title>Corpus</title>
  </meta>
</touchpoint>
"""

DEEP_TEXT = ('<?xml version="1.0" encoding="UTF-8"?>\n<touchpoint format="1">\n  <meta>\n'
             '    <title>' + "<b>" * 10000 + "</b>" * 10000 + "</title>\n"
             "  </meta>\n</touchpoint>\n")

DEEP_CONTAINER = ('<?xml version="1.0" encoding="UTF-8"?>\n<touchpoint format="1">\n'
                  '  <meta>\n    <title>Corpus</title>\n  </meta>\n  '
                  + "<blueprint>" * 2000 + "\n" + "</blueprint>" * 2000 + "\n</touchpoint>\n")

# name: (contents, code, line, message substring)
CASES = {
    # Not XML, or not well-formed
    "empty": ("", "MALFORMED", 1, "The file is empty"),
    "whitespace-only": ("\n\n  \n", "MALFORMED", 1, "The file is empty"),
    "not-xml": ("Dana Ortiz, owner of a small construction company\n",
                "MALFORMED", 1, "The file is not XML: it has no root element"),
    "bom-only": ("\ufeff", "MALFORMED", 1, "no root element"),
    "truncated": (BASE[:BASE.index('<card id="c2"') + 20], "MALFORMED", 31, "not well-formed XML"),
    "truncated-in-prolog": ("<?xml version=", "MALFORMED", 1, "not well-formed XML"),
    "mismatched-tag": (edit("<text>Calls</text>", "<text>Calls</txet>"),
                       "MALFORMED", 29, "not well-formed XML"),
    "duplicate-attribute": (edit('<card id="c1" lane="l1"', '<card id="c1" id="c1" lane="l1"'),
                            "MALFORMED", 28, "not well-formed XML"),
    "two-roots": (BASE + '<touchpoint format="1"/>\n', "MALFORMED", 38, "not well-formed XML"),
    "invalid-utf8": (edit("<title>Corpus</title>", "<title>Corp\xffus</title>"),
                     "MALFORMED", 4, "not valid UTF-8"),
    "overlong-utf8": (edit("<title>Corpus</title>", "<title>\xc0\xbcscript</title>"),
                      "MALFORMED", 4, "not valid UTF-8"),
    "nul-byte": (edit("<name>Dana</name>", "<name>Da\x00na</name>"),
                 "MALFORMED", 8, "null character"),
    "utf16": (BASE.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"),
              "MALFORMED", 1, "not valid UTF-8"),
    "latin1-declared": (BASE.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'),
                        "MALFORMED", 1, "“ISO-8859-1” encoding"),
    "control-character": (edit("<text>Calls</text>", "<text>Calls\x07</text>"),
                          "MALFORMED", 29, "not well-formed XML"),
    "control-character-reference": (edit("<text>Calls</text>", "<text>Calls&#1;</text>"),
                                    "MALFORMED", 29, "not well-formed XML"),
    "xml-1.1": (BASE.replace('version="1.0"', 'version="1.1"'),
                "MALFORMED", 1, "XML version 1.0"),

    # Forbidden: DTDs, entities, XInclude
    "billion-laughs": (BILLION_LAUGHS, "FORBIDDEN", 2, "Document type declarations are not allowed"),
    "external-entity": (EXTERNAL_ENTITY, "FORBIDDEN", 2, "Document type declarations are not allowed"),
    "external-dtd": (EXTERNAL_DTD, "FORBIDDEN", 2, "Document type declarations are not allowed"),
    "parameter-entity": (PARAMETER_ENTITY, "FORBIDDEN", 5,
                         "Document type declarations are not allowed"),
    "declaration-hides-doctype": (BILLION_LAUGHS.replace('encoding="UTF-8"', 'encoding="?>"'),
                                  "MALFORMED", 1, "its XML declaration is broken"),
    "many-attributes": (edit('kind="action">', 'kind="action" '
                             + " ".join(f'x{i}="{i}"' for i in range(40)) + ">"),
                        "INVALID", 28, "Element <card> has more than 32 attributes"),
    "text-before-root": (BASE.replace('<touchpoint format="1">', 'hello <touchpoint format="1">'),
                         "MALFORMED", 2, "no root element"),
    "undeclared-entity": (edit("<title>Corpus</title>", "<title>&passwd;</title>"),
                          "FORBIDDEN", 4, "“&passwd;” are not allowed"),
    "xinclude": (edit("    <title>Corpus</title>\n",
                      "    <title>Corpus</title>\n"
                      '    <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" '
                      'href="file:///etc/passwd" parse="text"/>\n'),
                 "INVALID", 5, "Unknown element <xi:include> in <meta>"),

    # Not a Touchpoint document, or a newer one
    "wrong-root": (BASE.replace("<touchpoint format=\"1\">", "<svg format=\"1\">")
                       .replace("</touchpoint>", "</svg>"),
                   "NOT_TOUCHPOINT", 2, "its root element is <svg>"),
    "namespaced-root": (BASE.replace('<touchpoint format="1">',
                                     '<t:touchpoint xmlns:t="urn:example" format="1">')
                            .replace("</touchpoint>", "</t:touchpoint>"),
                        "NOT_TOUCHPOINT", 2, "its root element is <t:touchpoint>"),
    "newer-format": (BASE.replace('format="1"', 'format="2"'), "NEWER_FORMAT", 2,
                     "written by a newer version of Touchpoint (format 2); "
                     "this version reads format 1"),
    "newer-format-new-elements": (BASE.replace('format="1"', 'format="12"')
                                      .replace("  <meta>\n", "  <hologram/>\n  <meta>\n"),
                                  "NEWER_FORMAT", 2, "(format 12)"),
    "missing-format": (BASE.replace(' format="1"', ""), "INVALID", 2,
                       "Element <touchpoint> has no “format” attribute"),
    "bad-format": (BASE.replace('format="1"', 'format="one"'), "INVALID", 2,
                   "“one” is not a format version"),
    "format-zero": (BASE.replace('format="1"', 'format="0"'), "INVALID", 2,
                    "“0” is not a format version"),
    "default-namespace": (BASE.replace('<touchpoint format="1">',
                                       '<touchpoint xmlns="urn:example" format="1">'),
                          "INVALID", 2, "unknown attribute “xmlns”"),

    # Structure
    "unknown-element": (edit("<name>Dana</name>", "<name>Dana</name><colour>blue</colour>"),
                        "INVALID", 8, "Unknown element <colour> in <persona>"),
    "unknown-attribute": (edit('kind="action">', 'kind="action" size="3">'),
                          "INVALID", 28, "Element <card> has an unknown attribute “size”"),
    "misplaced-element": (edit('      <step id="t2"><title>Waits</title></step>\n',
                               '      <step id="t2"><title>Waits</title></step>\n'
                               '      <lane id="l9" kind="custom"><title>X</title></lane>\n'),
                          "INVALID", 27, "Element <lane> is not allowed in <stage>"),
    "out-of-order": (edit("    <title>Corpus</title>\n",
                          "    <author>Me</author>\n    <title>Corpus</title>\n"),
                     "INVALID", 5, "Element <title> is out of order in <meta>: "
                                   "it must come before <author>"),
    "card-before-lane": (edit('    <emotion lane="l2" step="t1" value="-2"/>\n',
                              '    <emotion lane="l2" step="t1" value="-2"/>\n'
                              '    <lane id="l9" kind="custom"><title>X</title></lane>\n'),
                         "INVALID", 36, "Element <lane> is out of order in <blueprint>"),
    "two-titles": (edit("      <title>Know the status</title>\n",
                        "      <title>Know the status</title>\n      <title>Again</title>\n"),
                   "INVALID", 14, "Element <need> may have only one <title>"),
    "missing-title": (edit("      <title>Know the status</title>\n", ""), "INVALID", 12,
                      "Element <need> has no <title>"),
    "missing-meta": (edit("  <meta>\n    <title>Corpus</title>\n  </meta>\n", ""),
                     "INVALID", 2, "Element <touchpoint> has no <meta>"),
    "missing-card-text": (edit("      <text>Calls</text>\n", ""), "INVALID", 28,
                          "Element <card> has no <text>"),
    "text-in-container": (edit("    <title>Claims</title>\n",
                               "    <title>Claims</title>\n    Loose words\n"),
                          "INVALID", 21, "Element <blueprint> holds only elements, "
                                         "but has the text “Loose words” in it"),
    "element-in-text": (edit("<text>Calls</text>", "<text>Calls <b>now</b></text>"),
                        "INVALID", 29, "Element <text> holds only text, but has an element <b>"),
    "deep-nesting-text": (DEEP_TEXT, "INVALID", 4, "Element <title> holds only text"),
    "deep-nesting-blueprint": (DEEP_CONTAINER, "INVALID", 6, "Element <blueprint> has no “id”"),

    # Ids
    "missing-id": (edit('<persona id="p1" color', "<persona color"), "INVALID", 7,
                   "Element <persona> has no “id” attribute"),
    "bad-id": (edit('<card id="c1"', '<card id="1st card"'), "INVALID", 28,
               "“1st card” is not a valid id"),
    "long-id": (edit('<card id="c1"', '<card id="' + "c" * 65 + '"'), "INVALID", 28,
                "is not a valid id"),
    "duplicate-id": (edit('<card id="c2"', '<card id="c1"'), "DUPLICATE_ID", 31,
                     "The id “c1” is used twice; it was first used on line 28"),
    "duplicate-id-other-kind": (edit('<card id="c2"', '<card id="t1"'), "DUPLICATE_ID", 31,
                                "The id “t1” is used twice"),

    # Values
    "bad-lane-kind": (edit('kind="customer"', 'kind="sideways"'), "INVALID", 21,
                      "“sideways” is not a valid “kind” for <lane>"),
    "long-bad-value": (edit('kind="customer"', 'kind="' + "sideways" * 1000 + '"'), "INVALID", 21,
                       "“sidewayssidewayssidewayssidewayssideways…” is not a valid “kind”"),
    "office-none": (edit('<lane id="l1" kind="customer">', '<lane id="l1" kind="customer" office="none">'),
                    "INVALID", 21, "“none” is not a valid “office” for <lane>; use one of: front, middle, back"),
    "bad-card-kind": (edit('kind="wait"', 'kind="Wait"'), "INVALID", 31,
                      "“Wait” is not a valid “kind” for <card>"),
    "missing-card-kind": (edit(' kind="wait"', ""), "INVALID", 31,
                          "Element <card> has no “kind” attribute"),
    "bad-arrow": (edit('arrow="single"', 'arrow="triple"'), "INVALID", 34,
                  "“triple” is not a valid “arrow” for <flow>"),
    "bad-state": (edit('state="current"', 'state="past"'), "INVALID", 19,
                  "“past” is not a valid “state” for <blueprint>"),
    "bad-colour": (edit('color="#3584e4"', 'color="blue"'), "INVALID", 7, "“blue” is not a colour"),
    "short-colour": (edit('color="#3584e4"', 'color="#358"'), "INVALID", 7, "“#358” is not a colour"),
    "bad-duration": (edit('<step id="t1">', '<step id="t1" duration="15 minutes">'), "INVALID", 25,
                     "“15 minutes” is not a duration"),
    "negative-duration": (edit('<step id="t1">', '<step id="t1" duration="P-1D">'), "INVALID", 25,
                          "“P-1D” is not a duration"),
    "bad-step-target": (edit('<step id="t1">', '<step id="t1" target="-PT5M">'), "INVALID", 25,
                        "“-PT5M” is not a duration"),
    "metric-target-not-a-number": (edit('kind="action">', 'kind="metric" target="fifteen">'),
                                   "INVALID", 28,
                                   "The “target” of <card> must be a number such as 15 or -2.5, "
                                   "not “fifteen”"),
    "metric-actual-exponent": (edit('kind="action">', 'kind="metric" actual="1e3">'), "INVALID", 28,
                               "The “actual” of <card> must be a number"),
    "metric-target-comma": (edit('kind="action">', 'kind="metric" target="1,5">'), "INVALID", 28,
                            "not “1,5”"),
    "metric-unit-too-long": (edit('kind="action">', 'kind="metric" unit="' + "x" * 10000 + '">'),
                             "INVALID", 28,
                             "The “unit” of <card> may have at most 32 characters, not 10000"),
    "metric-unit-two-lines": (edit('kind="action">', 'kind="metric" unit="per&#10;claim">'),
                              "INVALID", 28, "The “unit” of <card> must be one line of text"),
    "metric-bad-direction": (edit('kind="action">', 'kind="metric" direction="up">'), "INVALID", 28,
                             "“up” is not a valid “direction” for <card>; use one of: "
                             "higher, lower"),
    "metric-direction-none": (edit('kind="action">', 'kind="metric" direction="none">'), "INVALID",
                              28, "“none” is not a valid “direction”"),
    "metric-bad-source": (edit('kind="action">', 'kind="metric" source="board">'), "INVALID", 28,
                          "“board” is not a valid “source” for <card>; use one of: customer, "
                          "employee, process"),
    "importance-out-of-range": (edit('importance="9"', 'importance="11"'), "INVALID", 17,
                                "The “importance” of <rating> must be from 0 to 10, not 11"),
    "satisfaction-negative": (edit('satisfaction="3"', 'satisfaction="-1"'), "INVALID", 17,
                              "must be from 0 to 10, not -1"),
    "importance-not-a-number": (edit('importance="9"', 'importance="high"'), "INVALID", 17,
                                "must be a whole number, not “high”"),
    "importance-huge": (edit('importance="9"', 'importance="99999999999999999999"'), "INVALID", 17,
                        "must be a whole number"),
    "emotion-value-3": (edit('value="-2"', 'value="3"'), "INVALID", 35,
                        "The “value” of <emotion> must be from -2 to 2, not 3"),
    "span-zero": (edit('kind="action">', 'kind="action" span="0">'), "INVALID", 28,
                  "The “span” of <card> must be from 1 to"),
    "span-plus-sign": (edit('kind="action">', 'kind="action" span="+2">'), "INVALID", 28,
                       "must be a whole number, not “+2”"),
    "span-beyond-last-step": (edit('kind="action">', 'kind="action" span="3">'), "INVALID", 28,
                              "Card “c1” spans 3 steps from step “t1”, past the last step"),
    "duplicate-in-list": (edit("      <text>Calls</text>\n",
                               "      <text>Calls</text>\n      <serves>n1 n1</serves>\n"),
                          "INVALID", 30, "Element <serves> lists “n1” more than once"),
    "bad-id-in-list": (edit("      <text>Calls</text>\n",
                            "      <text>Calls</text>\n      <concerns>p1,p2</concerns>\n"),
                       "INVALID", 30, "“p1,p2” is not a valid id"),
    "duplicate-rating": (edit("importance=\"9\" satisfaction=\"3\"/>\n",
                              "importance=\"9\" satisfaction=\"3\"/>\n"
                              "    <rating persona=\"p1\" need=\"n1\" importance=\"2\"/>\n"),
                         "INVALID", 18, "Persona “p1” rates need “n1” more than once"),
    "duplicate-emotion": (edit('    <emotion lane="l2" step="t1" value="-2"/>\n',
                               '    <emotion lane="l2" step="t1" value="-2"/>\n'
                               '    <emotion lane="l2" step="t1" value="1"/>\n'),
                          "INVALID", 36, "Lane “l2” has more than one emotion point at step “t1”"),
    "flow-to-itself": (edit('to="c2"', 'to="c1"'), "INVALID", 34,
                       "Flow “f1” goes from card “c1” to itself"),

    # References
    "card-unknown-lane": (edit('<card id="c1" lane="l1"', '<card id="c1" lane="l9"'),
                          "BROKEN_REFERENCE", 28,
                          "Card “c1” refers to lane “l9”, which does not exist"),
    "card-unknown-step": (edit('lane="l1" step="t2"', 'lane="l1" step="t7"'),
                          "BROKEN_REFERENCE", 31,
                          "Card “c2” refers to step “t7”, which does not exist"),
    "card-lane-is-a-step": (edit('<card id="c1" lane="l1"', '<card id="c1" lane="t1"'),
                            "BROKEN_REFERENCE", 28,
                            "Card “c1” refers to lane “t1”, but “t1” is not a lane"),
    "card-lane-in-other-blueprint": (with_second_blueprint(
                                         edit('<card id="c1" lane="l1"', '<card id="c1" lane="l3"')),
                                     "BROKEN_REFERENCE", 28,
                                     "Card “c1” refers to lane “l3”, which is in another blueprint"),
    "card-step-in-other-blueprint": (with_second_blueprint(
                                         edit('lane="l1" step="t2"', 'lane="l1" step="t3"')),
                                     "BROKEN_REFERENCE", 31,
                                     "Card “c2” refers to step “t3”, which is in another blueprint"),
    "card-serves-unknown-need": (edit("      <text>Calls</text>\n",
                                      "      <text>Calls</text>\n      <serves>n1 n9</serves>\n"),
                                 "BROKEN_REFERENCE", 28,
                                 "Card “c1” refers to need “n9”, which does not exist"),
    "card-serves-a-persona": (edit("      <text>Calls</text>\n",
                                   "      <text>Calls</text>\n      <serves>p1</serves>\n"),
                              "BROKEN_REFERENCE", 28, "refers to need “p1”, but “p1” is not a need"),
    "card-concerns-unknown-persona": (edit("      <text>Calls</text>\n",
                                           "      <text>Calls</text>\n"
                                           "      <concerns>p2</concerns>\n"),
                                      "BROKEN_REFERENCE", 28,
                                      "Card “c1” refers to persona “p2”, which does not exist"),
    "flow-unknown-card": (edit('from="c1"', 'from="c8"'), "BROKEN_REFERENCE", 34,
                          "Flow “f1” refers to card “c8”, which does not exist"),
    "flow-to-other-blueprint": (with_second_blueprint(edit('to="c2"', 'to="c3"')),
                                "BROKEN_REFERENCE", 34,
                                "Flow “f1” refers to card “c3”, which is in another blueprint"),
    "flow-to-a-lane": (edit('to="c2"', 'to="l1"'), "BROKEN_REFERENCE", 34,
                       "“l1” is not a card"),
    "emotion-unknown-lane": (edit('<emotion lane="l2"', '<emotion lane="l7"'), "BROKEN_REFERENCE", 35,
                             "An emotion point refers to lane “l7”, which does not exist"),
    "emotion-step-in-other-blueprint": (with_second_blueprint(
                                            edit('<emotion lane="l2" step="t1"',
                                                 '<emotion lane="l2" step="t3"')),
                                        "BROKEN_REFERENCE", 35,
                                        "refers to step “t3”, which is in another blueprint"),
    "lane-unknown-persona": (edit('persona="p1"><title>Feelings', 'persona="p4"><title>Feelings'),
                             "BROKEN_REFERENCE", 22,
                             "Lane “l2” refers to persona “p4”, which does not exist"),
    "rating-unknown-persona": (edit('<rating persona="p1"', '<rating persona="p9"'),
                               "BROKEN_REFERENCE", 17,
                               "A rating refers to persona “p9”, which does not exist"),
    "rating-unknown-need": (edit('need="n1" importance', 'need="n2" importance'),
                            "BROKEN_REFERENCE", 17,
                            "A rating refers to need “n2”, which does not exist"),
    "rating-need-is-a-persona": (edit('need="n1" importance', 'need="p1" importance'),
                                 "BROKEN_REFERENCE", 17, "“p1” is not a need"),
    "based-on-unknown": (edit('state="current">', 'state="current" based-on="b9">'),
                         "BROKEN_REFERENCE", 19,
                         "Blueprint “b1” refers to blueprint “b9”, which does not exist"),
    "based-on-itself": (edit('state="current">', 'state="current" based-on="b1">'),
                        "BROKEN_REFERENCE", 19, "Blueprint “b1” is based on itself"),
    "based-on-a-card": (edit('state="current">', 'state="current" based-on="c1">'),
                        "BROKEN_REFERENCE", 19, "“c1” is not a blueprint"),

    # Slides
    "slide-unknown-target": (with_slide('target="s1"', 'target="s9"'), "BROKEN_REFERENCE", 38,
                             "Slide “sl1” refers to stage “s9”, which does not exist"),
    "slide-target-is-a-card": (with_slide('target="s1"', 'target="c1"'), "BROKEN_REFERENCE", 38,
                               "but “c1” is not a stage"),
    "slide-cover-with-target": (with_slide('artefact="stage"', 'artefact="cover"'),
                                "INVALID", 38, "which takes no “target” attribute"),
    "slide-bad-artefact": (with_slide('artefact="stage"', 'artefact="journey"'), "INVALID", 38,
                           "“journey” is not a valid “artefact” for <slide>"),
    "slide-zero-width": (with_slide('target="s1"', 'target="s1" x="0" y="0" width="0" height="9"'),
                         "INVALID", 38, "The “width” of <slide> must be more than 0"),
    "slide-exponent": (with_slide('target="s1"', 'target="s1" x="1e3" y="0" width="9" height="9"'),
                       "INVALID", 38, "The “x” of <slide> must be a number of points"),
    "slide-half-region": (with_slide('target="s1"', 'target="s1" x="1" y="2"'),
                          "INVALID", 38, "Slide “sl1” has part of a region"),

    # Photos
    "photo-bad-base64": (edit("      <name>Dana</name>\n",
                              '      <name>Dana</name>\n'
                              '      <photo type="image/png">iVBORw0KGgo*AAAA</photo>\n'),
                         "INVALID", 9, "The photo of persona “p1” is not valid base64"),
    "photo-bad-padding": (edit("      <name>Dana</name>\n",
                               '      <name>Dana</name>\n'
                               '      <photo type="image/png">iVBO=w0K</photo>\n'),
                          "INVALID", 9, "is not valid base64"),
    "photo-not-an-image": (with_photo(b"Hello, I am not a picture at all."), "BAD_PHOTO", 9,
                           "The photo of persona “p1” is not a PNG or JPEG image"),
    "photo-empty": (with_photo(b""), "BAD_PHOTO", 9, "is not a PNG or JPEG image"),
    "photo-png-huge": (with_photo(png(100000, 100000)), "BAD_PHOTO", 9,
                       "is 100000 × 100000 pixels; a photo may have at most 40 million pixels"),
    "photo-jpeg-huge": (with_photo(jpeg(65535, 65535), "image/jpeg"), "BAD_PHOTO", 9,
                        "is 65535 × 65535 pixels"),
    "photo-mime-mismatch": (with_photo(png(1, 1), "image/jpeg"), "BAD_PHOTO", 9,
                            "is marked as “image/jpeg” but is a PNG image"),
    "photo-gif-type": (with_photo(png(1, 1), "image/gif"), "BAD_PHOTO", 9,
                       "has the type “image/gif”; photos must be image/png or image/jpeg"),
    "photo-png-truncated": (with_photo(png(1, 1)[:20]), "BAD_PHOTO", 9,
                            "is damaged: its image header cannot be read"),
    "photo-jpeg-without-frame": (with_photo(b"\xff\xd8\xff\xd9", "image/jpeg"), "BAD_PHOTO", 9,
                                 "is damaged"),
    "photo-jpeg-bad-segment": (with_photo(b"\xff\xd8\xff\xe0\xff\xff", "image/jpeg"), "BAD_PHOTO",
                               9, "is damaged"),
    "photo-missing-type": (edit("      <name>Dana</name>\n",
                                "      <name>Dana</name>\n      <photo>iVBORw0KGgo=</photo>\n"),
                           "INVALID", 9, "Element <photo> has no “type” attribute"),
    "fact-missing-label": (edit("      <name>Dana</name>\n",
                                "      <name>Dana</name>\n      <fact>42</fact>\n"),
                           "INVALID", 9, "Element <fact> has no “label” attribute"),
}


def main():
    manifest = []
    for name, (contents, code, line, message) in sorted(CASES.items()):
        filename = name + ".touchpoint"
        if isinstance(contents, bytes):
            data = contents
        else:
            # Cases write raw bytes as \xNN escapes: code points from 0x80 to
            # 0xff become those single bytes, everything else UTF-8.
            data = b"".join(c.encode("latin-1") if 0x80 <= ord(c) < 0x100 else c.encode("utf-8")
                            for c in contents)
        with open(os.path.join(HERE, filename), "wb") as f:
            f.write(data)
        manifest.append(f"{filename} {code} {line} {message}")

    # The valid document every case is an edit of; test-format checks that it
    # loads and writes back byte for byte.
    with open(os.path.join(HERE, "..", "golden", "minimal.touchpoint"), "w", encoding="utf-8") as f:
        f.write(BASE)

    with open(os.path.join(HERE, "MANIFEST"), "w", encoding="utf-8") as f:
        f.write("# Generated by make-corpus.py: FILE TPT_ERROR_CODE LINE MESSAGE-SUBSTRING\n")
        f.write("\n".join(manifest) + "\n")


if __name__ == "__main__":
    main()

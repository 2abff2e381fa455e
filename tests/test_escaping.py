"""Plan text is escaped for every output it reaches: no payload changes an output's structure.

Each classic payload is put into every text field of the cartoon example (names, titles,
notes, platforms, themes, references...), and each output is parsed the way its reader
would parse it: HTML with html.parser, Markdown with markdown-it, DOT with pydot, CSV with
the csv module, iCalendar with icalendar. The structure must be the one the same plan has
with harmless text in those fields; the text must come back as typed where the format can
hold it. Field-by-field tests live with each output (test_report, test_svg, test_export...).
"""

from __future__ import annotations

import copy
import csv
import functools
import io
import json
import re
import warnings
from collections.abc import Iterator
from typing import Any

import icalendar
import pydot
import pytest
from markdown_it import MarkdownIt

import socialplan
from html_page import Page, page
from shown import in_document
from socialplan import graphs
from socialplan._core.diagnostics import format_path
from socialplan.export import to_csv, to_ics
from socialplan.render import report, scorecard
from socialplan.render._svg import to_svg

PAYLOADS = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "javascript:alert(1)",
    "]]><!-- -->",
    "[x](javascript:alert(1)) ![y](https://evil.example/y.png) <https://evil.example>",
    "| pipes | in | cells |",
    "`code` ``` fence ~~~",
    "line one\nline two\r\nline three\u2028four",
    "`}` {{x}} ${x}",
    '"]; click A call alert()',
    "%%{init: {'theme': 'dark'}}%%",
    '"]; X [label="pwned"]; "',
    "left\\lright\\n\\",
    '=HYPERLINK("http://evil.example", "click")',
    "+cmd|' /C calc'!A0",
    "-1+1",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
    "x\r\nBEGIN:VEVENT\r\nSUMMARY:evil\r\nEND:VEVENT",
    "semi;colon, comma\\; back",
    "# heading\n- item\n1. item\n> quote",
    "long " * 200,
]
HARMLESS = "Harmless text"
GRAPHS = ("influence", "channels", "routing", "alignment")


# The hostile plans ---------------------------------------------------------------------------


def _leaves(data: Any, here: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _leaves(value, (*here, index))
    elif isinstance(data, str) and here != ("format",):
        yield here


def _filled(data: Any, paths: list[tuple[Any, ...]], text: str) -> Any:
    filled = copy.deepcopy(data)
    for path in paths:
        place = filled
        for step in path[:-1]:
            place = place[step]
        place[path[-1]] = text
    return filled


def _keys(data: Any) -> set[str]:
    if isinstance(data, dict):
        return set(data).union(*(_keys(value) for value in data.values()))
    if isinstance(data, list):
        return set().union(*(_keys(value) for value in data))
    return set()


@functools.cache
def _text_fields(references: bool) -> tuple[Any, list[tuple[Any, ...]]]:
    """The cartoon example's data and the paths of its strings that take any text.

    With *references*, the strings that name another part (which then names nothing,
    and is drawn as missing) are among them.
    """
    data = socialplan.to_data(socialplan.load("examples/cartoon/plan.toml"), "json")
    paths = list(_leaves(data))
    if not references:
        ids = _keys(data)
        paths = [p for p in paths if _value(data, p) not in ids]
    probe = '<"x">\n;,|`%#'
    for _ in range(5):
        try:
            socialplan.loads(json.dumps(_filled(data, paths, probe)), "json")
        except socialplan.LoadError as error:
            refused = {d.path for d in error}
            paths = [p for p in paths if format_path(list(p)) not in refused]
        else:
            return data, paths
    raise AssertionError("no set of text fields loads")


def _value(data: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        data = data[step]
    return data


@functools.cache
def plan_with(text: str, *, references: bool = True) -> socialplan.Plan:
    """The cartoon example with *text* in every field that takes any text."""
    data, paths = _text_fields(references)
    return socialplan.loads(json.dumps(_filled(data, paths, text)), "json")


def test_the_payloads_reach_many_fields() -> None:
    _, paths = _text_fields(True)
    assert {"plan", "objectives", "channels", "calendar", "metrics", "roles"} <= {
        p[0] for p in paths
    }


# HTML ----------------------------------------------------------------------------------------


def _html_outputs(plan: socialplan.Plan) -> dict[str, str]:
    return {
        "report": report(plan, format="html"),
        **{f"svg {name}": to_svg(graphs.build(plan, name), title=name) for name in GRAPHS},
    }


def _skeleton(page: Page) -> tuple[set[str], set[tuple[str, str]]]:
    """The kinds of element and of attribute a page has (how many depends on text length)."""
    return {tag for tag, _ in page.tags}, {(tag, name) for tag, name, _ in page.attributes}


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("output", ["report", *(f"svg {name}" for name in GRAPHS)])
def test_no_element_or_attribute_comes_from_plan_text_in_html(payload: str, output: str) -> None:
    hostile = page(_html_outputs(plan_with(payload))[output])
    harmless = page(_html_outputs(plan_with(HARMLESS))[output])
    assert _skeleton(harmless) == _skeleton(hostile)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_script_handler_or_script_url_in_the_html_report(payload: str) -> None:
    parsed = page(report(plan_with(payload), format="html"))
    suspicious = [
        (tag, name, value)
        for tag, name, value in parsed.attributes
        if name.startswith("on") or value.strip().lower().startswith(("javascript:", "data:t"))
    ]
    assert ([], []) == (suspicious, [tag for tag, _ in parsed.tags if tag == "script"])


@pytest.mark.parametrize("payload", PAYLOADS)
def test_the_html_report_shows_the_text_as_typed(payload: str) -> None:
    shown = " ".join("".join(page(report(plan_with(payload), format="html")).text).split())
    assert " ".join(payload.split()) in shown


# Markdown ------------------------------------------------------------------------------------

_MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _kinds(text: str) -> set[str]:
    """The kinds of Markdown element in *text*: blocks, fences by language, inline markup."""
    kinds: set[str] = set()
    for token in _MARKDOWN.parse(text):
        kinds.add(f"{token.type}:{token.info}" if token.type == "fence" else token.type)
        kinds.update(child.type for child in token.children or [])
    return kinds - {"text", "text_special", "softbreak"}


def _cells(text: str) -> set[int]:
    """How many cells each table line of *text* has, by its pipes that are not escaped."""
    rows = [re.sub(r"\\.", "", line) for line in text.splitlines() if line.startswith("|")]
    return {row.count("|") for row in rows}


def _markdown_outputs(plan: socialplan.Plan) -> dict[str, str]:
    return {
        "report": report(plan),
        "trace": socialplan.trace(plan)._repr_markdown_(),
        "plan": plan._repr_markdown_(),
    }


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("output", ["report", "trace", "plan"])
def test_plan_text_opens_no_link_tag_cell_or_block_in_markdown(payload: str, output: str) -> None:
    hostile = _markdown_outputs(plan_with(payload))[output]
    harmless = _markdown_outputs(plan_with(HARMLESS))[output]
    assert (_kinds(harmless), _cells(harmless)) == (_kinds(hostile), _cells(hostile))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_links_in_the_markdown_report_only_go_to_its_own_sections(payload: str) -> None:
    tokens = _MARKDOWN.parse(report(plan_with(payload)))
    targets = {
        str(child.attrs.get("href", child.attrs.get("src", "")))[:1]
        for token in tokens
        for child in token.children or []
        if child.type in ("link_open", "image")
    }
    assert {"#"} == targets


# Mermaid -------------------------------------------------------------------------------------

_MERMAID_LINE = re.compile(
    r'flowchart (LR|TD|RL|BT)|    n_\w+\["[^"]*"\]:::\w+'
    r'|    n_\w+ -->(\|"[^"|]*"\|)? n_\w+|    classDef \w+ [\w:#,.\- ]+'
)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("name", GRAPHS)
def test_plan_text_stays_inside_its_mermaid_label(payload: str, name: str) -> None:
    text = graphs.to_mermaid(graphs.build(plan_with(payload), name))
    harmless = graphs.to_mermaid(graphs.build(plan_with(HARMLESS), name))
    odd = [line for line in text.splitlines() if not _MERMAID_LINE.fullmatch(line)]
    assert ([], len(harmless.splitlines())) == (odd, len(text.splitlines()))


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("name", GRAPHS)
def test_no_mermaid_directive_or_comment_comes_from_plan_text(payload: str, name: str) -> None:
    # Mermaid reads %%{init: ...}%% anywhere in a diagram, even inside a quoted label.
    assert "%%" not in graphs.to_mermaid(graphs.build(plan_with(payload), name))


def test_the_steps_gantt_chart_keeps_each_task_on_its_line() -> None:
    from socialplan import steps

    plan = plan_with(PAYLOADS[9])
    text = steps.to_gantt(socialplan.progress(plan), plan.start)
    harmless = steps.to_gantt(socialplan.progress(plan_with(HARMLESS)), plan.start)
    assert len(harmless.splitlines()) == len(text.splitlines())


# DOT -----------------------------------------------------------------------------------------


def _dot_label(quoted: str) -> str:
    """The text Graphviz shows for a quoted DOT label: ``\\n`` breaks, ``\\X`` is X."""
    body = quoted[1:-1]
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) == "n" else m.group(1), body)


def _shown(text: str) -> str:
    """What a DOT label shows of *text*: line breaks as \\n, other controls as \\uXXXX."""
    return in_document(text)


@pytest.mark.parametrize("payload", PAYLOADS)
@pytest.mark.parametrize("name", GRAPHS)
def test_dot_labels_parse_back_as_typed_and_add_no_node(payload: str, name: str) -> None:
    graph = graphs.build(plan_with(payload), name)
    with warnings.catch_warnings():  # pydot calls pyparsing names it deprecates
        warnings.simplefilter("ignore", DeprecationWarning)
        (parsed,) = pydot.graph_from_dot_data(graphs.to_dot(graph)) or []
    nodes = {_dot_label(n.get_name()): n for n in parsed.get_nodes() if n.get_name() != "node"}
    labels = {key: _dot_label(node.get("label")) for key, node in nodes.items()}
    expected = {
        _shown(key): _shown(str(data["label"]) if str(data["label"]).strip() else data["id"])
        for key, data in graph.nodes(data=True)
    }
    assert (expected, len(graph.edges)) == (labels, len(parsed.get_edges()))


# CSV -----------------------------------------------------------------------------------------

_FORMULA = tuple("=+-@\t\r\uff1d\uff0b\uff0d\uff20")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_csv_cell_is_neutralised_and_keeps_its_text(payload: str) -> None:
    plan = plan_with(payload)
    rows = list(csv.reader(io.StringIO(to_csv(plan), newline="")))
    cells = [cell for row in rows[1:] for cell in row]
    formulas = [cell for cell in cells if cell.startswith(_FORMULA)]
    titles = [row[3].removeprefix("'") if payload.startswith(_FORMULA) else row[3] for row in rows]
    expected = {in_document(payload)}
    assert ([], {12}, expected) == (formulas, {len(row) for row in rows}, set(titles[1:]))


# iCalendar -----------------------------------------------------------------------------------


def _ical_shown(text: str) -> str:
    """What iCalendar TEXT shows of *text*: line breaks as LF, other controls as \\uXXXX."""
    return in_document(text)


def _ics_texts(text: str, name: str) -> list[str]:
    """The values of the *name* properties of iCalendar *text*, unfolded and unescaped.

    Read by RFC 5545 rather than by icalendar, which leaves ``\\,`` in a value that
    also holds a double quote.
    """
    unfolded = re.sub(r"\r\n[ \t]", "", text)
    escapes = {"\\": "\\", ";": ";", ",": ",", "n": "\n", "N": "\n"}
    return [
        re.sub(r"\\(.)", lambda m: escapes[m.group(1)], line.split(":", 1)[1])
        for line in unfolded.split("\r\n")
        if line.startswith(f"{name}:")
    ]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_ics_text_round_trips_and_adds_no_component(payload: str) -> None:
    plan = plan_with(payload)
    text = to_ics(plan)
    components = [component.name for component in icalendar.Calendar.from_ical(text).walk()]
    entries = sorted(plan.calendar, key=lambda entry: entry.date)
    assert (
        ["VCALENDAR"] + ["VEVENT"] * len(entries),
        [_ical_shown(plan.name)],
        [_ical_shown(f"[{entry.channel}] {entry.title}") for entry in entries],
    ) == (components, _ics_texts(text, "X-WR-CALNAME"), _ics_texts(text, "SUMMARY"))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_ics_lines_are_folded_to_75_octets(payload: str) -> None:
    lines = to_ics(plan_with(payload)).split("\r\n")
    assert [] == [line for line in lines if len(line.encode("utf-8")) > 75]


# Scorecards ----------------------------------------------------------------------------------


@pytest.mark.parametrize("payload", PAYLOADS)
def test_no_element_comes_from_plan_text_in_the_html_scorecard(payload: str) -> None:
    from socialplan import observations

    def scorecard_of(text: str) -> Page:
        plan = plan_with(text, references=False)
        found = observations.load("examples/cartoon/observations.csv", plan)
        return page(scorecard(socialplan.score(plan, found), format="html"))

    assert _skeleton(scorecard_of(HARMLESS)) == _skeleton(scorecard_of(payload))

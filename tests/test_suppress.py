"""Suppression comments: ``# socialplan: ignore[CODE]`` on a finding's line or its part's header,
read by :func:`socialplan.rules.suppress` from the file's text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

import socialplan
from helpers import HEAD, toml_reads
from socialplan._io.comments import comments
from socialplan.rules import suppress
from socialplan.testing import loadable_plans

#: A target with no deadline: SP204 at line 6 (the target), SP215 there too.
TARGET = (
    HEAD
    + '[objectives.awareness]\ntitle = "Be known"\n'
    + ('target = { value = 500, unit = "followers" }\n')
)
TWO = ["SP204", "SP215"]


def kept(text: str, select: list[str] = TWO, **options: object) -> list[str]:
    plan = socialplan.loads(text)
    report = socialplan.validate(plan, select=select)
    return suppress(report, text, plan=plan).report(**options).codes()  # type: ignore[arg-type]


def with_comment(text: str, line: int, comment: str) -> str:
    lines = text.split("\n")
    lines[line - 1] += "  " + comment
    return "\n".join(lines)


def test_without_a_comment_both_findings_are_kept() -> None:
    assert TWO == kept(TARGET)


def test_a_comment_on_the_findings_line_suppresses_it() -> None:
    assert ["SP215"] == kept(with_comment(TARGET, 6, "# socialplan: ignore[SP204]"))


def test_a_comment_on_the_parts_header_line_suppresses_its_findings() -> None:
    assert ["SP215"] == kept(with_comment(TARGET, 4, "# socialplan: ignore[SP204]"))


def test_a_comment_on_another_line_suppresses_nothing() -> None:
    assert TWO == kept(with_comment(TARGET, 5, "# socialplan: ignore[SP204]"))


def test_a_comment_takes_several_codes_and_prefixes() -> None:
    assert [] == kept(with_comment(TARGET, 6, "# socialplan: ignore[sp20, SP215]"))


def test_a_hash_inside_a_string_is_not_a_comment() -> None:
    text = HEAD + '[objectives.awareness]\ntitle = "TODO # socialplan: ignore[SP901]"\n'
    assert (["SP901"], []) == (kept(text, select=["SP901"]), comments(text))


def test_the_reason_after_a_dash_is_kept() -> None:
    text = with_comment(TARGET, 5, "# socialplan: ignore[SP204] - the board sets the date")
    plan = socialplan.loads(text)
    (unused,) = suppress(socialplan.validate(plan, select=TWO), text, plan=plan).unused
    assert (("SP204",), 5, "the board sets the date") == (unused.codes, unused.line, unused.reason)


def test_a_misspelled_code_is_reported_with_the_nearest() -> None:
    text = with_comment(TARGET, 6, "# socialplan: ignore[SP2O4]")
    plan = socialplan.loads(text)
    done = suppress(socialplan.validate(plan, select=TWO), text, plan=plan)
    assert [("SP903", 6, 47, 'did you mean "SP204"?')] == [
        (d.code, d.line, d.column, d.hint) for d in done.problems
    ]


def test_a_misspelled_ignore_is_reported_with_the_nearest() -> None:
    text = with_comment(TARGET, 6, "# socialplan: ingore[SP204]")
    plan = socialplan.loads(text)
    done = suppress(socialplan.validate(plan, select=TWO), text, plan=plan)
    assert ([("SP903", 'did you mean "ignore[SP204]"?')], TWO) == (
        [(d.code, d.hint) for d in done.problems],
        [d.code for d in done.kept],
    )


def test_words_after_the_codes_without_a_dash_are_reported() -> None:
    text = with_comment(TARGET, 6, "# socialplan: ignore[SP204] the board decides")
    plan = socialplan.loads(text)
    done = suppress(socialplan.validate(plan, select=TWO), text, plan=plan)
    assert ["put the reason after a dash: ignore[SP204] - the board decides"] == [
        d.hint for d in done.problems
    ]


def test_a_problem_of_a_comment_is_in_the_report() -> None:
    text = with_comment(TARGET, 6, "# socialplan: ignore[]")
    assert ["SP204", "SP215", "SP903"] == kept(text)


def test_a_comment_that_suppresses_nothing_is_reported_when_asked() -> None:
    text = with_comment(TARGET, 5, "# socialplan: ignore[SP204]")
    assert (TWO, ["SP204", "SP215", "SP902"]) == (
        kept(text),
        kept(text, unused=True),
    )


def test_an_unused_comment_is_reported_at_its_place() -> None:
    text = with_comment(TARGET, 5, "# socialplan: ignore[SP204]")
    plan = socialplan.loads(text)
    done = suppress(socialplan.validate(plan, select=TWO), text, plan=plan)
    assert [("SP902", "warning", 5, 21, 48)] == [
        (d.code, str(d.severity), d.line, d.column, d.end_column) for d in done.unused_findings()
    ]


def test_unused_suppressions_are_reported_by_default_when_strict() -> None:
    text = with_comment(TARGET, 5, "# socialplan: ignore[SP204]")
    plan = socialplan.loads(text)
    report = socialplan.validate(plan, select=[*TWO, "SP902"], strict=True)
    assert [("SP204", "error"), ("SP215", "error"), ("SP902", "error")] == [
        (d.code, str(d.severity)) for d in suppress(report, text, plan=plan).report()
    ]


def test_a_suppression_of_a_rule_that_did_not_run_is_not_unused() -> None:
    text = with_comment(TARGET, 5, "# socialplan: ignore[SP204]")
    assert ["SP215"] == kept(text, select=["SP215", "SP902"], unused=True)


def test_ignoring_sp902_turns_the_report_of_unused_suppressions_off() -> None:
    text = with_comment(TARGET, 5, "# socialplan: ignore[SP204]")
    plan = socialplan.loads(text)
    report = socialplan.validate(plan, select=TWO, ignore=["SP902"])
    assert [] == suppress(report, text, plan=plan).unused_findings()


def test_an_unused_per_path_ignore_is_reported_at_its_key() -> None:
    text = TARGET + '[check.per_path_ignores]\n"metrics.*" = ["SP2"]\n'
    plan = socialplan.loads(text)
    report = socialplan.validate(plan, select=[*TWO, "SP902"])
    found = suppress(report, text, plan=plan).report(unused=True).located(text)
    assert [("SP902", 'check.per_path_ignores."metrics.*"', 8)] == [
        (d.code, d.path, d.line) for d in found if d.code == "SP902"
    ]


def test_a_comment_on_the_first_array_element_does_not_suppress_the_others() -> None:
    text = HEAD + (
        '[[calendar]]  # socialplan: ignore[SP901]\ndate = 2027-01-10\nchannel = "blog"\n'
        'title = "TODO"\n[[calendar]]\ndate = 2027-01-11\nchannel = "blog"\ntitle = "TODO"\n'
    )
    plan = socialplan.loads(text)
    done = suppress(socialplan.validate(plan, select=["SP901"]), text, plan=plan)
    assert (["calendar[0].title"], ["calendar[1].title"]) == (
        [d.path for d in done.suppressed],
        [d.path for d in done.kept],
    )


def test_comments_are_found_outside_every_kind_of_string() -> None:
    text = (
        "a = 'x # no' # one\n"
        'b = """\n# not a comment\n"quoted" \\""" # still not\n"""  # two\n'
        "c = '''\n# not\n''' # three\n"
        'd = "\\" # no" # four\n'
    )
    assert ["# one", "# two", "# three", "# four"] == [c.text for c in comments(text)]


def test_comments_on_text_that_is_not_toml_are_found_without_raising() -> None:
    assert ["# a"] == [c.text for c in comments('x = "open\n# a\n')]


@settings(max_examples=40, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(plan=loadable_plans(), pick=st.integers(min_value=0))
def test_a_comment_on_a_findings_line_removes_exactly_that_finding(
    plan: socialplan.Plan, pick: int
) -> None:
    text = socialplan.dumps(plan, "toml")
    report = socialplan.validate(plan).located(text, "toml")
    lines = text.split("\n")
    # One finding alone on a line of its own, not a [header] (which names its whole part).
    alone = [
        d
        for d in report
        if d.line is not None
        and d.end_line == d.line
        and not lines[d.line - 1].lstrip().startswith("[")
        and sum(1 for e in report if e.line == d.line and e.code == d.code) == 1
        and all(e.line != d.line or e.end_line == e.line for e in report)
    ]
    assume(alone)
    finding = alone[pick % len(alone)]
    assert finding.line is not None
    commented = with_comment(text, finding.line, f"# socialplan: ignore[{finding.code}]")
    assume(any(c.line == finding.line for c in comments(commented)))  # not inside a string
    done = suppress(socialplan.validate(plan), commented, plan=plan, format="toml")
    expected = [d for d in report if d is not finding]
    assert ([finding.code], [(d.code, d.path) for d in expected]) == (
        [d.code for d in done.suppressed],
        [(d.code, d.path) for d in done.kept],
    )


def _reads_of_the_text(monkeypatch: pytest.MonkeyPatch, text: str) -> tuple[list[str], int]:
    """The codes ``check`` shows for *text* and how many times it read the whole TOML text
    to know where each value is written."""
    from socialplan.rules._document import check_document

    reads = toml_reads(monkeypatch)
    _, shown = check_document(text, "toml", select=TWO)
    return [d.code for d in shown], len(reads)


def test_a_check_reads_where_each_value_is_written_once_for_its_comments_and_its_findings(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Indexing a TOML text takes about as long as loading it: the comments are matched
    # with the findings from the index that places them.
    text = with_comment(TARGET, 6, "# socialplan: ignore[SP204]")
    assert (["SP215"], 1) == _reads_of_the_text(monkeypatch, text)


def test_a_check_whose_findings_are_all_ignored_by_path_does_not_read_where_values_are(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    text = TARGET + '[check.per_path_ignores]\n"objectives.awareness*" = ["SP204", "SP215"]\n'
    assert ([], 0) == _reads_of_the_text(monkeypatch, text)

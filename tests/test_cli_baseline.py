"""``socialplan check --baseline FILE`` and ``--report-unused-suppressions``."""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialplan
from helpers import MISALIGNED, Write, run
from socialplan._cli import main
from socialplan.testing import loadable_plans

SELECT = ["--select", "SP101,SP202"]


def test_a_baseline_that_does_not_exist_is_written_and_the_check_exits_0(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    baseline = Path(path).parent / "baseline.json"
    code, _, err = run(["check", path, *SELECT, "--baseline", str(baseline)], capsys)
    finding = {"file": "plan.toml", "code": "SP101", "path": "metrics.likes.measures[0]"}
    other = {"file": "plan.toml", "code": "SP202", "path": "metrics.visits.measures"}
    assert (
        0,
        f"socialplan: wrote 2 findings to the baseline {baseline}\n",
        {"version": 1, "findings": [{**finding, "count": 1}, {**other, "count": 1}]},
    ) == (code, err, json.loads(baseline.read_text(encoding="utf-8")))


# Two malformed suppression comments: the same finding (SP903, path "") twice in one file.
TWO_TYPOS = MISALIGNED + "# socialplan: ignore[SP2O4]\n# socialplan: ignore[SP2O5]\n"


def test_the_baseline_counts_repeats_and_holds_no_line(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    first = write("a.toml", TWO_TYPOS)
    second = write("b.toml", MISALIGNED)
    baseline = str(Path(first).parent / "baseline.json")
    run(["check", first, second, "--select", "SP101,SP903", "--baseline", baseline], capsys)
    entries = json.loads(Path(baseline).read_text())["findings"]
    assert (
        [("a.toml", "SP101", 1), ("a.toml", "SP903", 2), ("b.toml", "SP101", 1)],
        False,
    ) == (
        [(e["file"], e["code"], e["count"]) for e in entries],
        any("line" in e for e in entries),
    )


def test_the_baseline_is_written_the_same_every_time(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    texts = []
    for name in ("one.json", "two.json"):
        baseline = Path(path).parent / name
        run(["check", path, "--baseline", str(baseline)], capsys)
        texts.append(baseline.read_bytes())
    assert texts[0] == texts[1]


def test_an_existing_baseline_hides_the_findings_it_holds_and_says_how_many(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    baseline = str(Path(path).parent / "baseline.json")
    run(["check", path, *SELECT, "--baseline", baseline], capsys)
    code, out, _ = run(["check", path, *SELECT, "--baseline", baseline], capsys)
    assert (0, ["  0 errors, 0 warnings, 0 info", "  2 findings hidden by the baseline"]) == (
        code,
        out.splitlines()[-2:],
    )


def test_a_new_finding_is_reported_over_the_baseline(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    baseline = str(Path(path).parent / "baseline.json")
    run(["check", path, "--select", "SP202", "--baseline", baseline], capsys)
    code, out, _ = run(["check", path, *SELECT, "--baseline", baseline, "--format", "json"], capsys)
    document = json.loads(out)["files"][0]
    assert (1, ["SP101"], 1) == (
        code,
        [d["code"] for d in document["diagnostics"]],
        document["hidden_by_baseline"],
    )


def test_a_baseline_entry_absorbs_as_many_findings_as_its_count(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", TWO_TYPOS)
    baseline = Path(path).parent / "baseline.json"
    entry = {"file": "plan.toml", "code": "SP903", "path": "", "count": 1}
    baseline.write_text(json.dumps({"version": 1, "findings": [entry]}))
    code, out, _ = run(["check", path, "--select", "SP903", "--baseline", str(baseline)], capsys)
    # The file has the finding twice: the entry, of count 1, hides one of them.
    assert (0, 1) == (code, out.count("SP903 "))


def test_the_baseline_matches_by_path_not_by_line(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    baseline = str(Path(path).parent / "baseline.json")
    run(["check", path, *SELECT, "--baseline", baseline], capsys)
    Path(path).write_text(MISALIGNED.replace("[plan]", "# a comment\n\n[plan]"), encoding="utf-8")
    code, out, _ = run(["check", path, *SELECT, "--baseline", baseline], capsys)
    assert (0, "  2 findings hidden by the baseline") == (code, out.splitlines()[-1])


def test_a_baseline_that_is_not_one_is_a_usage_error_naming_each_problem(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    baseline = write(
        "baseline.json",
        '{"version": 1, "findings": [{"file": "plan.toml", "code": 5, "path": "x", "count": 0}]}',
    )
    code, _, err = run(["check", path, "--baseline", baseline], capsys)
    assert (
        2,
        [
            "  findings[0].code: expected a string",
            "  findings[0].count: 0 is not a whole number of 1 or more",
        ],
    ) == (
        code,
        err.splitlines()[1:],
    )


def test_a_baseline_that_is_not_json_is_a_usage_error(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    baseline = write("baseline.json", "not json")
    code, _, err = run(["check", path, "--baseline", baseline], capsys)
    assert (2, True) == (code, "is not a JSON document" in err)


def test_no_baseline_is_written_when_a_file_could_not_be_read(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    baseline = Path(path).parent / "baseline.json"
    code, _, _ = run(["check", path, path + ".missing.toml", "--baseline", str(baseline)], capsys)
    assert (2, False) == (code, baseline.exists())


@pytest.mark.parametrize("link", [False, True], ids=["same-name", "symlink"])
def test_an_output_file_that_is_the_baseline_is_refused_before_anything_is_written(
    write: Write, capsys: pytest.CaptureFixture[str], link: bool
) -> None:
    # The baseline written first, then the report written over it: the accepted findings lost.
    path = write("plan.toml", MISALIGNED)
    baseline = Path(path).parent / "baseline.json"
    output = baseline
    if link:
        output = Path(path).parent / "report.json"
        output.symlink_to(baseline.name)
    code, _, err = run(["check", path, "--baseline", str(baseline), "-o", str(output)], capsys)
    expected = (
        f"socialplan: error: --output-file {output} is the baseline {baseline}: "
        "name another file for one of them\n"
    )
    assert (2, expected, False) == (code, err, baseline.exists())


def test_the_text_says_nothing_of_a_baseline_that_hid_nothing(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", MISALIGNED)
    baseline = write("baseline.json", '{"version": 1, "findings": []}')
    _, out, _ = run(["check", path, *SELECT, "--baseline", baseline], capsys)
    assert "baseline" not in out


def test_a_suppression_comment_hides_its_finding_from_check(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MISALIGNED.replace(
        'measures = ["nope"]', 'measures = ["nope"]  # socialplan: ignore[SP101]'
    )
    code, out, _ = run(["check", write("plan.toml", text), *SELECT], capsys)
    assert (0, False) == (code, "SP101" in out)


def test_unused_suppressions_are_reported_on_request(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MISALIGNED.replace('name = "Likes"', 'name = "Likes"  # socialplan: ignore[SP101]')
    path = write("plan.toml", text)
    _, quiet, _ = run(["check", path, *SELECT], capsys)
    code, out, _ = run(["check", path, *SELECT, "--report-unused-suppressions"], capsys)
    assert (False, 1, True) == (
        "SP902" in quiet,
        code,
        f"{path}:5:17: SP902 no finding of SP101 on this line" in out,
    )


def test_strict_reports_unused_suppressions_unless_told_not_to(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MISALIGNED.replace('name = "Likes"', 'name = "Likes"  # socialplan: ignore[SP101]')
    path = write("plan.toml", text)
    _, strict, _ = run(["check", path, *SELECT, "--strict"], capsys)
    _, told, _ = run(
        ["check", path, *SELECT, "--strict", "--no-report-unused-suppressions"], capsys
    )
    assert (True, False) == ("SP902" in strict, "SP902" in told)


def test_a_misspelled_suppression_is_reported_by_check(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    text = MISALIGNED.replace(
        'measures = ["nope"]', 'measures = ["nope"]  # socialplan: ignore[SP1O1]'
    )
    path = write("plan.toml", text)
    _, out, _ = run(["check", path, *SELECT], capsys)
    assert (
        f'    {path}:11:22: SP903 "SP1O1" is not a rule code or prefix such as "SP205" or "SP2" '
        '(did you mean "SP101"?)'
    ) in out.splitlines()


def _check(args: list[str]) -> tuple[int, str]:
    """``socialplan ARGS`` in-process (where pytest's capsys cannot be: in a property test)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(args)
    return code, out.getvalue()


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plan=loadable_plans(max_items=3),
    moves=st.lists(st.integers(min_value=0), max_size=5),
    dropped=st.sets(st.integers(min_value=0, max_value=30)),
)
def test_a_baseline_hides_exactly_the_findings_it_holds_wherever_the_lines_moved(
    plan: socialplan.Plan, moves: list[int], dropped: set[int]
) -> None:
    text = socialplan.dumps(plan, "toml")
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "plan.toml")
        baseline = os.path.join(folder, "baseline.json")
        Path(path).write_text(text, encoding="utf-8")
        assert 0 == _check(["check", path, "--baseline", baseline])[0]
        written = json.loads(Path(baseline).read_text(encoding="utf-8"))
        # Some entries dropped: their findings are the ones reported, and no others.
        kept_entries, expected = [], []
        for number, entry in enumerate(written["findings"]):
            if number in dropped:
                expected += [(entry["code"], entry["path"])] * entry["count"]
            else:
                kept_entries.append(entry)
        Path(baseline).write_text(json.dumps({"version": 1, "findings": kept_entries}))
        # The plan's lines moved: comments and blank lines between its tables.
        lines = text.split("\n")
        for move in moves:
            at = move % (len(lines) + 1)
            if at == len(lines) or lines[at].startswith("["):
                lines.insert(at, "# moved\n")
        Path(path).write_text("\n".join(lines), encoding="utf-8")
        _, out = _check(["check", path, "--baseline", baseline, "--format", "json"])
        reported = json.loads(out)["files"][0]["diagnostics"]
        assert sorted(expected) == sorted((d["code"], d["path"]) for d in reported)

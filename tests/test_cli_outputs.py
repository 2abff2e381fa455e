"""The commands that write a plan out: report, trace, graph, schema, export, diff, new."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import socialplan
from helpers import HEAD, Write, run
from socialplan._cli import main

CARTOON = "examples/cartoon/plan.toml"


def test_report_writes_markdown_to_the_file_given(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    code = main(["report", CARTOON, "-o", str(target)])
    first = target.read_text(encoding="utf-8").splitlines()[0]
    assert (0, "# Cartoon Producciones: social media plan 2027") == (code, first)


def test_report_in_spanish_html_is_one_page(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["report", CARTOON, "--format", "html", "--lang", "es"], capsys)
    assert (0, True, True) == (
        code,
        out.startswith('<!DOCTYPE html>\n<html lang="es">'),
        '<h2 id="goals">Metas de negocio y objetivos</h2>' in out,
    )


def test_report_to_a_folder_that_does_not_exist_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(["report", CARTOON, "-o", str(tmp_path / "no" / "r.md")], capsys)
    assert (2, "", True) == (code, out, err.startswith("socialplan: error: cannot write"))


def test_trace_exits_1_on_a_gap_only_when_asked(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", HEAD + '[business_goals.brand]\nstatement = "Be known"\n')
    plain, _, _ = run(["trace", path], capsys)
    strict, out, _ = run(["trace", path, "--exit-code"], capsys)
    assert (0, 1, True) == (plain, strict, "no objective supports this business goal" in out)


def test_trace_as_json_names_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["trace", CARTOON, "--format", "json"], capsys)
    document = json.loads(out)
    assert (CARTOON, True) == (document["file"], document["ok"])


# pydot still calls pyparsing names that pyparsing now deprecates.
@pytest.mark.filterwarnings("ignore:.* deprecated - use")
@pytest.mark.parametrize("what", ["influence", "channels", "routing", "alignment", "steps"])
def test_graph_draws_each_part_as_dot_that_pydot_parses(
    what: str, capsys: pytest.CaptureFixture[str]
) -> None:
    import pydot

    code, out, _ = run(["graph", CARTOON, "--what", what, "--format", "dot"], capsys)
    graphs = pydot.graph_from_dot_data(out)
    assert (0, 1) == (code, len(graphs or []))


def test_graph_as_svg_is_an_svg_element(capsys: pytest.CaptureFixture[str]) -> None:
    import xml.etree.ElementTree as ET

    _, out, _ = run(["graph", CARTOON, "--what", "influence", "--format", "svg"], capsys)
    assert "{http://www.w3.org/2000/svg}svg" == ET.fromstring(out).tag


def test_a_gantt_of_anything_but_the_steps_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, _, err = run(["graph", CARTOON, "--what", "influence", "--format", "gantt"], capsys)
    assert (2, "socialplan: error: --format gantt draws the steps only (--what steps)\n") == (
        code,
        err,
    )


def test_schema_prints_the_shipped_schema(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["schema"], capsys)
    shipped = Path("docs/socialplan-1.schema.json").read_text(encoding="utf-8")
    assert shipped == out


@pytest.mark.parametrize("fmt", ["json", "toml"])
def test_export_converts_without_losing_anything(
    fmt: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / f"plan.{fmt}"
    main(["export", CARTOON, "--to", fmt, "-o", str(target)])
    assert socialplan.load(CARTOON) == socialplan.load(target)


def test_export_csv_has_a_row_per_calendar_entry(capsys: pytest.CaptureFixture[str]) -> None:
    import csv
    import io

    _, out, _ = run(["export", CARTOON, "--to", "csv"], capsys)
    rows = list(csv.reader(io.StringIO(out)))
    assert len(socialplan.load(CARTOON).calendar) + 1 == len(rows)


def test_export_ics_has_an_event_per_calendar_entry(capsys: pytest.CaptureFixture[str]) -> None:
    import icalendar

    _, out, _ = run(["export", CARTOON, "--to", "ics"], capsys)
    events = icalendar.Calendar.from_ical(out).walk("VEVENT")
    assert len(socialplan.load(CARTOON).calendar) == len(events)


def test_diff_says_what_changed_and_exits_1_when_asked(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write("old.toml", HEAD + '[channels.tt]\nplatform = "tiktok"\n')
    new = write("new.toml", HEAD)
    code, out, _ = run(["diff", old, new, "--exit-code"], capsys)
    assert (1, True) == (code, '"tt"' in out and "tiktok" in out)


def test_diff_of_a_plan_with_itself_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert (0, "no changes\n", "") == run(["diff", CARTOON, CARTOON, "--exit-code"], capsys)


def test_new_writes_a_starter_plan_that_check_lists_todos_in(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = str(tmp_path / "plan.toml")
    run(["new", target, "--name", "Acme"], capsys)
    code, out, _ = run(["check", target, "--select", "SP901"], capsys)
    assert (0, "Acme", True) == (code, socialplan.load(target).name, "SP901" in out)


def test_new_does_not_replace_a_file_unless_forced(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", HEAD)
    refused, _, err = run(["new", path], capsys)
    kept = Path(path).read_text(encoding="utf-8")
    forced, _, _ = run(["new", path, "--force"], capsys)
    assert (2, True, HEAD, 0) == (refused, "add --force" in err, kept, forced)


def test_a_bad_source_date_epoch_is_a_usage_error(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "yesterday")
    code, out, err = run(["export", CARTOON, "--to", "ics"], capsys)
    assert (2, "", True) == (code, out, "SOURCE_DATE_EPOCH='yesterday'" in err)


def test_csv_on_stdout_keeps_one_carriage_return_per_line(
    capfdbinary: pytest.CaptureFixture[bytes],
) -> None:
    main(["export", CARTOON, "--to", "csv"])
    out = capfdbinary.readouterr().out
    assert (0, True) == (out.count(b"\r\r\n"), out.endswith(b"\r\n"))


OBSERVED = "examples/cartoon/observations.csv"


def test_score_prints_every_objectives_verdict(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["score", CARTOON, OBSERVED], capsys)
    titles = [o.title for o in socialplan.load(CARTOON).objectives.values()]
    assert (0, []) == (code, [t for t in titles if t not in out])


def test_score_as_json_gives_the_date_asked_for(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(
        ["score", CARTOON, OBSERVED, "--as-of", "2027-04-30", "--format", "json"], capsys
    )
    assert "2027-04-30" == json.loads(out)["as_of"]


def test_score_with_a_date_that_is_not_one_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["score", CARTOON, OBSERVED, "--as-of", "June"])
    assert (2, True) == (exit_.value.code, "'June' is not a date" in capsys.readouterr().err)


@pytest.mark.parametrize("date", ["20270430", "2027-W17-5"])
def test_score_as_of_a_date_not_written_yyyy_mm_dd_is_a_usage_error(
    date: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["score", CARTOON, OBSERVED, "--as-of", date])
    expected = f"'{date}' is not a date (YYYY-MM-DD)"
    assert (2, True) == (exit_.value.code, expected in capsys.readouterr().err)


def test_score_of_bad_observations_lists_every_problem_and_exits_1(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("obs.csv", "metric,date,value\ncommunity_sise,2027-03-07,1\nshares,2027-02-30,x\n")
    code, _, err = run(["score", CARTOON, path], capsys)
    assert (1, ["SP009", "SP006", "SP005"]) == (code, re.findall(r"SP0\d\d", err))


def test_score_draws_a_chart_per_objective_with_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(["score", CARTOON, OBSERVED, "--charts", str(tmp_path / "charts")], capsys)
    drawn = sorted(p.name for p in (tmp_path / "charts").iterdir())
    # The example's season observes a metric of every objective.
    assert sorted(f"{key}.svg" for key in socialplan.load(CARTOON).objectives) == drawn


def test_report_with_observations_adds_the_results(capsys: pytest.CaptureFixture[str]) -> None:
    _, with_results, _ = run(["report", CARTOON, "--observations", OBSERVED], capsys)
    _, without, _ = run(["report", CARTOON], capsys)
    heading = "## Results against the plan"
    assert (True, False) == (heading in with_results, heading in without)


def test_new_shows_the_file_name_with_its_control_characters_visible(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "a\x1b]0;owned\x07b"
    folder.mkdir()
    code, out, _ = run(["new", str(folder / "plan.toml")], capsys)
    shown = f"{tmp_path}/a\\u001b]0;owned\\u0007b/plan.toml"
    expected = f"wrote {shown}: fill in the TODOs, then run `socialplan check '{shown}'`\n"
    assert (0, expected) == (code, out)


def test_new_quotes_a_file_name_the_shell_would_split(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "my plan.toml"
    code, out, _ = run(["new", str(target)], capsys)
    assert (0, f"then run `socialplan check '{target}'`\n") == (code, out[out.index("then") :])

"""``socialplan observations import`` and ``socialplan score PLAN EXPORT...`` (issue #20).

The exports are read by ``fake_exports``' stand-in readers (the made-up ``#fake`` form), to the
interface the real ones are built to; what is tested here is the commands around them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import fake_exports
from helpers import HEAD, Write, run

PLAN = (
    HEAD
    + """
[channels.ig]
platform = "instagram"

[objectives.reach]
title = "Reach"
[objectives.reach.target]
unit = "people"
value = 1000
deadline = 2026-12-31

[metrics.reach]
name = "Reach"
unit = "people"
channels = ["ig"]
measures = ["reach"]

[[metrics.reach.feeds]]
platform = "instagram"
column = "reach"
combine = "sum"
"""
)

POSTS = (
    "#fake instagram posts per_post\n"
    "key,date,reach,likes\np1,2026-07-01,100,4\np2,2026-07-01,50,1\n"
)
LATER = "#fake instagram posts per_post 2026-07-01 2026-08-31\nkey,date,reach\np1,2026-07-01,180\n"


@pytest.fixture(autouse=True)
def readers(monkeypatch: pytest.MonkeyPatch) -> None:
    fake_exports.install(monkeypatch)


def test_import_prints_the_observations_as_csv_and_the_summary_on_stderr(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, posts = write("plan.toml", PLAN), write("posts.csv", POSTS)
    expected_out = "metric,date,value,channel\nreach,2026-07-01,150,ig\n"
    expected_err = (
        f"{posts}: reach -> reach on ig (sum): 2 rows, 1 date\n"
        f"{posts}: columns no feed names: likes\n"
    )
    assert (0, expected_out, expected_err) == run(
        ["observations", "import", posts, "-p", plan], capsys
    )


def test_import_of_an_overlapping_later_export_counts_each_post_once(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, posts, later = write("plan.toml", PLAN), write("a.csv", POSTS), write("b.csv", LATER)
    code, out, _ = run(["observations", "import", later, posts, "-p", plan], capsys)
    assert (0, "metric,date,value,channel\nreach,2026-07-01,230,ig\n") == (code, out)


def test_import_writes_the_observations_atomically_to_o(
    write: Write, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan, posts = write("plan.toml", PLAN), write("posts.csv", POSTS)
    target = tmp_path / "seen.json"
    code, out, _ = run(["observations", "import", posts, "-p", plan, "-o", str(target)], capsys)
    expected = '"metric": "reach",\n      "date": "2026-07-01",\n      "value": 150'
    assert (0, "", True) == (code, out, expected in target.read_text())


def test_import_never_writes_over_an_export_it_read(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, posts = write("plan.toml", PLAN), write("posts.csv", POSTS)
    code, _, err = run(["observations", "import", posts, "-p", plan, "-o", posts], capsys)
    assert (2, POSTS) == (code, Path(posts).read_text())
    assert f"cannot write {posts}" in err


def test_import_of_a_bad_cell_exits_1_naming_file_row_and_column(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", PLAN)
    posts = write("posts.csv", POSTS.replace(",100,", ",n/a,"))
    code, out, err = run(["observations", "import", posts, "-p", plan], capsys)
    expected = f'{posts}:3:3: SP005 "n/a" is not a number (column reach)'
    assert (1, "", True) == (code, out, expected in err)


def test_import_of_a_file_that_is_not_there_exits_2(
    write: Write, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = write("plan.toml", PLAN)
    code, _, err = run(["observations", "import", str(tmp_path / "gone.csv"), "-p", plan], capsys)
    assert (2, True) == (code, "cannot read" in err)


def test_score_takes_exports_beside_observations_files_telling_them_apart_by_content(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", PLAN)
    posts = write("posts.csv", POSTS)
    typed = write("typed.csv", "metric,date,value,channel\nreach,2026-08-01,900,ig\n")
    code, out, _ = run(["score", plan, posts, typed, "--format", "json"], capsys)
    import json

    measured = json.loads(out)["objectives"][0]["metrics"][0]
    assert (0, 150, 900) == (code, measured["baseline"], measured["latest"])


def test_score_refuses_a_value_an_export_and_a_file_both_give(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", PLAN)
    posts = write("posts.csv", POSTS)
    typed = write("typed.csv", "metric,date,value,channel\nreach,2026-07-01,150,ig\n")
    code, _, err = run(["score", plan, posts, typed], capsys)
    assert (1, True) == (code, "a second value for reach on 2026-07-01 on ig" in err)


def test_an_observations_file_with_a_misspelt_header_is_still_read_as_observations(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", PLAN)
    typed = write("typed.csv", "metrc,date,value\nreach,2026-08-01,900\n")
    code, _, err = run(["score", plan, typed], capsys)
    assert (1, True) == (code, 'did you mean "metric"?' in err)

"""`socialplan check` over a repository: folders walked for plan files found by their content,
.gitignore'd paths skipped, globs, standard input, a stable order."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from helpers import HEAD, MISALIGNED
from socialplan._cli import main

JSON_PLAN = json.dumps({"format": "socialplan/1", "plan": {"name": "Demo"}})
NOT_A_PLAN = "[planner]\nworkers = 4\n"


def tree(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def checked(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    """The exit code of `check --format json ARGS` and the files it checked."""
    code = main(["check", "--format", "json", *args])
    return code, [entry["file"] for entry in json.loads(capsys.readouterr().out)["files"]]


def test_a_folder_is_walked_for_plans_found_by_their_content(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(
        tmp_path,
        {
            "plans/client.toml": HEAD,
            "plans/deep/er/shop.json": JSON_PLAN,
            "config/planner.toml": NOT_A_PLAN,
            "pyproject.toml": '[project]\nname = "x"\n',
            "plans/notes.md": HEAD,
        },
    )
    monkeypatch.chdir(tmp_path)
    assert (0, ["plans/client.toml", "plans/deep/er/shop.json"]) == checked(["."], capsys)


def test_a_plan_of_another_version_is_found_to_be_reported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(tmp_path, {"next.toml": HEAD.replace("socialplan/1", "socialplan/2")})
    monkeypatch.chdir(tmp_path)
    assert (1, ["next.toml"]) == checked(["."], capsys)


def test_a_folders_plans_are_listed_in_order_of_their_paths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    names = ["b/a.toml", "a.toml", "a/z.toml", "B.toml", "a/b/c.toml"]
    tree(tmp_path, dict.fromkeys(names, HEAD))
    monkeypatch.chdir(tmp_path)
    assert (0, ["B.toml", "a.toml", "a/b/c.toml", "a/z.toml", "b/a.toml"]) == checked(["."], capsys)


def test_gitignored_paths_are_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(
        tmp_path,
        {
            ".gitignore": "drafts/\n*.local.toml\n",
            "plans/.gitignore": "old-*\n!old-but-kept.toml\n",
            "plans/a.toml": HEAD,
            "plans/a.local.toml": HEAD,
            "plans/old-1.toml": HEAD,
            "plans/old-but-kept.toml": HEAD,
            "drafts/b.toml": HEAD,
            "more/drafts/c.toml": HEAD,
            ".git/info/exclude": "secret.toml\n",
            "secret.toml": HEAD,
        },
    )
    monkeypatch.chdir(tmp_path)
    assert (0, ["plans/a.toml", "plans/old-but-kept.toml"]) == checked(["."], capsys)


def test_the_gitignore_files_above_a_folder_in_the_work_tree_apply(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(
        tmp_path,
        {".git/HEAD": "", ".gitignore": "*.local.toml\n", "plans/a.toml": HEAD},
    )
    tree(tmp_path, {"plans/b.local.toml": HEAD})
    monkeypatch.chdir(tmp_path / "plans")
    assert (0, ["a.toml"]) == checked(["."], capsys)


def test_the_git_folder_and_virtual_environments_are_not_walked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(
        tmp_path,
        {
            ".git/x.toml": HEAD,
            "env/pyvenv.cfg": "home = /usr\n",
            "env/lib/x.toml": HEAD,
            "a.toml": HEAD,
        },
    )
    monkeypatch.chdir(tmp_path)
    assert (0, ["a.toml"]) == checked(["."], capsys)


def test_a_file_named_is_checked_whatever_it_holds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(tmp_path, {"config/planner.toml": NOT_A_PLAN, ".gitignore": "config/\n"})
    monkeypatch.chdir(tmp_path)
    assert (1, ["config/planner.toml"]) == checked(["config/planner.toml"], capsys)


def test_a_glob_finds_plans_by_content_too(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(
        tmp_path,
        {"plans/a.toml": HEAD, "plans/x/b.toml": HEAD, "plans/conf.toml": NOT_A_PLAN},
    )
    monkeypatch.chdir(tmp_path)
    assert (0, ["plans/a.toml", "plans/x/b.toml"]) == checked(["plans/**/*.toml"], capsys)


def test_a_folder_without_a_plan_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(tmp_path, {"config/planner.toml": NOT_A_PLAN})
    monkeypatch.chdir(tmp_path)
    code = main(["check", "config"])
    expected = (
        "socialplan: error: no plan file found in config (a plan file is a .toml or .json "
        'file that says format = "socialplan/1")\n'
    )
    assert (2, expected) == (code, capsys.readouterr().err)


def test_a_folder_without_a_plan_hides_no_other_files_results(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(tmp_path, {"config/planner.toml": NOT_A_PLAN, "a.toml": HEAD})
    monkeypatch.chdir(tmp_path)
    code = main(["check", "config", "a.toml"])
    out, err = capsys.readouterr()
    assert (2, "a.toml: Demo", 1) == (
        code,
        out.splitlines()[0],
        err.count("socialplan: error: no plan file found in config"),
    )


def test_a_glob_that_matches_nothing_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code = main(["check", "plans/*.toml"])
    expected = (
        "socialplan: error: no plan file found in plans/*.toml (a plan file is a .toml or "
        '.json file that says format = "socialplan/1")\n'
    )
    assert (2, expected) == (code, capsys.readouterr().err)


def test_a_plan_named_twice_is_checked_once(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(tmp_path, {"a.toml": HEAD, "b.toml": HEAD})
    monkeypatch.chdir(tmp_path)
    assert (0, ["b.toml", "a.toml"]) == checked(["b.toml", ".", "a.toml"], capsys)


def stdin(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))


def test_standard_input_is_checked_under_the_name_given(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin(monkeypatch, MISALIGNED)
    code = main(["check", "-", "--stdin-filename", "plans/a.toml", "--select", "SP101"])
    out = capsys.readouterr().out
    assert (1, "plans/a.toml: Demo", "    plans/a.toml:11:13: SP101") == (
        code,
        out.splitlines()[0],
        out.splitlines()[3][: len("    plans/a.toml:11:13: SP101")],
    )


def test_standard_input_in_json_is_read_as_json_by_its_name(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin(monkeypatch, JSON_PLAN)
    assert (0, ["a.json"]) == checked(["-", "--stdin-filename", "a.json"], capsys)


def test_standard_input_without_a_name_is_named_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin(monkeypatch, HEAD)
    assert (0, ["<stdin>"]) == checked(["-"], capsys)


def test_a_stdin_filename_without_stdin_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tree(tmp_path, {"a.toml": HEAD})
    monkeypatch.chdir(tmp_path)
    code = main(["check", "a.toml", "--stdin-filename", "b.toml"])
    expected = "socialplan: error: --stdin-filename names standard input: give - among the files\n"
    assert (2, expected) == (code, capsys.readouterr().err)


def test_standard_input_named_twice_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    stdin(monkeypatch, HEAD)
    code = main(["check", "-", "-"])
    expected = "socialplan: error: - (standard input) can be read once only\n"
    assert (2, expected) == (code, capsys.readouterr().err)


def test_many_plans_checked_in_parallel_report_as_one_by_one(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    names = [f"p{i:02}.toml" for i in range(12)]
    tree(tmp_path, {name: MISALIGNED if i % 3 else HEAD for i, name in enumerate(names)})
    monkeypatch.chdir(tmp_path)
    one_by_one = []
    for name in names:
        main(["check", name])
        one_by_one.append(capsys.readouterr().out)
    code = main(["check", "--quiet", *names])
    quiet = capsys.readouterr().out
    main(["check", "."])
    together = capsys.readouterr().out
    assert (1, "".join(one_by_one)) == (code, together[: len("".join(one_by_one))]), quiet

"""A project's settings from Python: ``socialplan.rules.project_settings(plan_path)`` reads
``[tool.socialplan]`` of the nearest pyproject.toml above a plan, as ``socialplan check``
does, and reports every problem of it located, as a LoadError."""

from __future__ import annotations

from pathlib import Path

import pytest
import tomli_w
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialplan
from helpers import HEAD
from socialplan.rules import Selection, all_rules, project_settings


def _project(folder: Path, pyproject: str, plan_folder: str = "plans") -> Path:
    """A project: *pyproject* at the top of *folder*, a plan in a folder below it."""
    (folder / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    plan = folder / plan_folder / "plan.toml"
    plan.parent.mkdir(parents=True, exist_ok=True)
    plan.write_text(HEAD, encoding="utf-8")
    return plan


def test_the_settings_of_the_nearest_pyproject_above_the_plan(tmp_path: Path) -> None:
    plan = _project(tmp_path, '[tool.socialplan]\nignore = ["SP1"]\nstrict = true\n')
    assert Selection(ignore=("SP1",), strict=True) == project_settings(plan)


def test_a_nearer_pyproject_hides_the_one_above_it(tmp_path: Path) -> None:
    plan = _project(tmp_path, '[tool.socialplan]\nignore = ["SP1"]\n')
    (plan.parent / "pyproject.toml").write_text(
        '[tool.socialplan]\nselect = ["SP2"]\n', encoding="utf-8"
    )
    assert Selection(select=("SP2",)) == project_settings(str(plan))


def test_a_pyproject_without_the_table_gives_none(tmp_path: Path) -> None:
    plan = _project(tmp_path, '[project]\nname = "agency"\n')
    assert None is project_settings(plan)


def test_the_settings_are_what_validate_takes(tmp_path: Path) -> None:
    plan = _project(tmp_path, '[tool.socialplan]\nselect = ["SP1"]\n')
    text = HEAD + '[metrics.likes]\nname = "Likes"\nmeasures = ["nope"]\n'
    plan.write_text(text, encoding="utf-8")
    report = socialplan.validate(socialplan.load(plan), settings=project_settings(plan))
    assert ["SP101"] == report.codes()


def test_bad_settings_are_a_load_error_with_every_problem_located(tmp_path: Path) -> None:
    pyproject = '[project]\nname = "x"\n\n[tool.socialplan]\nselct = ["SP1"]\nignore = ["SP250"]\n'
    plan = _project(tmp_path, pyproject)
    with pytest.raises(socialplan.LoadError) as caught:
        project_settings(plan)
    found = [(d.file, d.line, d.column, d.path, d.hint) for d in caught.value.diagnostics]
    where = str(tmp_path / "pyproject.toml")
    assert [
        (where, 5, 1, "tool.socialplan.selct", 'did you mean "select"?'),
        (where, 6, 11, "tool.socialplan.ignore[0]", 'did you mean "SP205"?'),
    ] == found


def test_bad_settings_say_what_is_wrong_as_the_command_line_does(tmp_path: Path) -> None:
    plan = _project(tmp_path, '[tool.socialplan]\nstrict = "yes"\n')
    with pytest.raises(socialplan.LoadError) as caught:
        project_settings(plan)
    message = (
        f"bad settings in {tmp_path / 'pyproject.toml'}:\n  2:10: SP005 tool.socialplan.strict: "
    )
    assert message == str(caught.value)[: len(message)]


def test_a_pyproject_that_is_not_toml_is_a_load_error_at_its_line(tmp_path: Path) -> None:
    plan = _project(tmp_path, '[project]\nname = "x"\n[tool.socialplan]\nselect = [\n')
    with pytest.raises(socialplan.LoadError) as caught:
        project_settings(plan)
    ((code, line),) = [(d.code, d.line) for d in caught.value.diagnostics]
    assert ("SP001", 5) == (code, line)


def test_a_pyproject_that_is_not_utf8_is_a_load_error_at_its_line(tmp_path: Path) -> None:
    plan = _project(tmp_path, "")
    (tmp_path / "pyproject.toml").write_bytes(b'[project]\nname = "\xff"\n')
    with pytest.raises(socialplan.LoadError) as caught:
        project_settings(plan)
    assert [("SP001", 2)] == [(d.code, d.line) for d in caught.value.diagnostics]


#: The codes a selection may name: every rule's but the load errors' (SP0xx).
CODES = [found.code for found in all_rules() if not found.code.startswith("SP0")]


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    select=st.lists(st.sampled_from(CODES), max_size=4, unique=True),
    ignore=st.lists(st.sampled_from(CODES), max_size=4, unique=True),
    strict=st.booleans(),
)
def test_any_settings_written_are_the_selection_read(
    select: list[str], ignore: list[str], strict: bool, tmp_path: Path
) -> None:
    table: dict[str, object] = {"ignore": ignore, "strict": strict}
    if select:  # an empty select is refused: it would run no rule
        table["select"] = select
    plan = _project(tmp_path, tomli_w.dumps({"tool": {"socialplan": table}}))
    expected = Selection(select=tuple(select) or None, ignore=tuple(ignore), strict=strict)
    assert expected == project_settings(plan)


_VALUES = st.recursive(
    st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3)
    ),
    max_leaves=8,
)
_TABLES = st.dictionaries(
    st.sampled_from(["select", "ignore", "severity", "strict", "selct"]) | st.text(max_size=5),
    _VALUES,
    max_size=4,
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    data=st.binary(max_size=300)
    | _TABLES.map(lambda table: tomli_w.dumps({"tool": {"socialplan": table}}).encode())
)
def test_any_pyproject_gives_settings_or_a_load_error(data: bytes, tmp_path: Path) -> None:
    plan = _project(tmp_path, "")
    (tmp_path / "pyproject.toml").write_bytes(data)
    try:
        found: object = project_settings(plan)
    except socialplan.LoadError as error:
        found = error
    if isinstance(found, socialplan.LoadError):  # every problem located in the file
        files = {d.file for d in found.diagnostics}
        assert {str(tmp_path / "pyproject.toml")} == files
    else:
        assert found is None or isinstance(found, Selection)


@pytest.mark.parametrize(
    ("value", "code"),
    [("[" * 100_000 + "]" * 100_000, "SP008"), ("9" * 5_000, "SP006")],
    ids=["nested too deep", "too many digits"],
)
def test_a_pyproject_beyond_the_parser_is_a_load_error(
    value: str, code: str, tmp_path: Path
) -> None:
    plan = _project(tmp_path, f"[tool.socialplan]\nselect = {value}\n")
    with pytest.raises(socialplan.LoadError) as caught:
        project_settings(plan)
    assert [code] == [d.code for d in caught.value.diagnostics]


def _not_a_file(kind: str, where: Path) -> None:
    """Make *where* a pyproject.toml that is not a regular file: of *kind*."""
    import os

    if kind == "a folder":
        where.mkdir()
    elif kind == "a FIFO":
        os.mkfifo(where)
    else:
        os.symlink(where.with_name("gone.toml"), where)


NOT_A_FILE = {
    "a folder": "it is a folder, not a file",
    "a FIFO": "it is not a regular file",
    "a dangling symbolic link": "it is a symbolic link to nothing",
}


@pytest.mark.parametrize("kind", sorted(NOT_A_FILE))
def test_a_pyproject_that_is_not_a_file_is_an_error_naming_it(kind: str, tmp_path: Path) -> None:
    plan = _project(tmp_path, "")
    (tmp_path / "pyproject.toml").unlink()
    _not_a_file(kind, tmp_path / "pyproject.toml")
    with pytest.raises(OSError, match="it is") as info:
        project_settings(plan)
    assert (str(tmp_path / "pyproject.toml"), NOT_A_FILE[kind]) == (
        info.value.filename,
        info.value.strerror,
    )


@pytest.mark.parametrize("kind", sorted(NOT_A_FILE))
def test_check_beside_a_pyproject_that_is_not_a_file_is_a_usage_error_naming_it(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from socialplan._cli import main

    plan = _project(tmp_path, "")
    (tmp_path / "pyproject.toml").unlink()
    _not_a_file(kind, tmp_path / "pyproject.toml")
    code = main(["check", str(plan)])
    expected = (
        f"socialplan: error: cannot read the settings in {tmp_path / 'pyproject.toml'}: "
        f"{NOT_A_FILE[kind]}\n"
    )
    assert (2, expected) == (code, capsys.readouterr().err)

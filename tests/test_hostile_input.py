"""Any input gives a plan or the one documented error, with every problem located.

Random bytes, wrong encodings, TOML and JSON documents of any shape, plans with one value
swapped for something else, deep nesting and huge values: ``socialplan.loads`` returns a
plan (which ``validate`` and ``dumps`` handle) or raises ``socialplan.LoadError``, and
``socialplan check`` exits 0, 1 or 2 without a traceback. The property is the fuzzer's
(fuzz/fuzz_load.py); every file in tests/corpus is replayed through it.
"""

from __future__ import annotations

import contextlib
import io
import json
import runpy
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import socialplan
from helpers import HEAD
from socialplan._cli import main
from socialplan.export import to_csv, to_ics
from socialplan.render import report
from socialplan.testing import loadable_plans

ROOT = Path(__file__).parent.parent
CORPUS = sorted((ROOT / "tests" / "corpus").iterdir())
_FUZZ = runpy.run_path(str(ROOT / "fuzz" / "fuzz_load.py"), run_name="fuzz_load")
check: Callable[[bytes], list[str]] = _FUZZ["check"]
check_load_error: Callable[[socialplan.LoadError], None] = _FUZZ["check_load_error"]

DEEP = 10_000


def loads_or_load_error(text: str | bytes, fmt: socialplan.Format) -> socialplan.Plan | None:
    """The plan *text* holds, or None when it raised a LoadError with every problem located."""
    try:
        plan = socialplan.loads(text, fmt)
    except socialplan.LoadError as error:
        check_load_error(error)
        return None
    socialplan.validate(plan)
    return plan


# Documents of any shape --------------------------------------------------------------------

_TEXT = st.text(max_size=30)
_JSON_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats()  # NaN and infinities too: json writes NaN and Infinity, and reads them
    | _TEXT
)
_TOML_SCALARS = (
    st.booleans()
    | st.integers()
    | st.floats()
    | _TEXT
    | st.dates()
    | st.times()
    | st.datetimes()
    | st.datetimes(timezones=st.timezones()).filter(lambda d: d.utcoffset() is not None)
)


def _trees(scalars: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.recursive(
        scalars,
        lambda children: (
            st.lists(children, max_size=4) | st.dictionaries(_TEXT, children, max_size=4)
        ),
        max_leaves=20,
    )


json_values = _trees(_JSON_SCALARS)
toml_values = _trees(_TOML_SCALARS)
toml_documents = st.dictionaries(_TEXT, toml_values, max_size=6)


def _paths(data: Any, here: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every place in *data* a value sits at: dict keys and list indices."""
    found = [here]
    if isinstance(data, dict):
        for key, value in data.items():
            found += _paths(value, (*here, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            found += _paths(value, (*here, index))
    return found


def _replaced(data: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    copy = dict(data) if isinstance(data, dict) else list(data)
    copy[path[0]] = _replaced(data[path[0]], path[1:], value)
    return copy


@st.composite
def mutated_plans(draw: st.DrawFn, fmt: socialplan.Format) -> Any:
    """A loadable plan's data with one value (or a key) swapped for something of any shape."""
    data = socialplan.to_data(draw(loadable_plans(max_items=2)), fmt)
    path = draw(st.sampled_from(_paths(data)))
    values = json_values if fmt == "json" else toml_values
    if path and isinstance(path[-1], str) and draw(st.booleans()):
        parent = data
        for step in path[:-1]:
            parent = parent[step]
        renamed = {draw(_TEXT) if k == path[-1] else k: v for k, v in parent.items()}
        return _replaced(data, path[:-1], renamed)
    return _replaced(data, path, draw(values))


def _toml_text(document: dict[str, Any]) -> str | None:
    """*document* written as TOML, or None when TOML cannot hold it."""
    try:
        return tomli_w.dumps(document)
    except (TypeError, ValueError):  # None is not a TOML value
        return None


@given(json_values)
def test_any_json_document_gives_a_plan_or_a_located_load_error(document: Any) -> None:
    text = json.dumps(document, ensure_ascii=False)
    assert loads_or_load_error(text, "json") is None or isinstance(document, dict)


@given(toml_documents)
def test_any_toml_document_gives_a_plan_or_a_located_load_error(document: dict[str, Any]) -> None:
    text = _toml_text(document)
    assert text is None or loads_or_load_error(text, "toml") is None or "plan" in document


@given(mutated_plans("json"))
@example({"format": "socialplan/1", "plan": {"name": "x"}, "objectives": [[]]})
def test_a_json_plan_with_a_value_of_the_wrong_shape_gives_a_plan_or_a_load_error(
    document: Any,
) -> None:
    plan = loads_or_load_error(json.dumps(document), "json")
    assert plan is None or isinstance(plan, socialplan.Plan)


@given(mutated_plans("toml"))
def test_a_toml_plan_with_a_value_of_the_wrong_shape_gives_a_plan_or_a_load_error(
    document: Any,
) -> None:
    text = _toml_text(document) if isinstance(document, dict) else None
    plan = None if text is None else loads_or_load_error(text, "toml")
    assert plan is None or isinstance(plan, socialplan.Plan)


@given(st.binary(max_size=2_000))
@example(b"\xff\xfe")
@example(b"\x00")
def test_random_bytes_give_a_load_error(data: bytes) -> None:
    assert ["LoadError", "LoadError"] == check(data)


@given(st.text(max_size=200))
def test_random_text_gives_a_load_error(text: str) -> None:
    assert ["LoadError", "LoadError"] == check(text.encode("utf-8"))


# Encodings ---------------------------------------------------------------------------------

ACCENTED = HEAD.replace('"Demo"', '"Café Crème, año"')


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1"])
def test_text_in_another_encoding_is_a_located_syntax_error(encoding: str) -> None:
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(ACCENTED.encode(encoding), "toml")
    check_load_error(caught.value)
    assert ["SP001"] == [d.code for d in caught.value]


def test_the_error_for_latin_1_names_the_line_and_the_byte() -> None:
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(ACCENTED.encode("latin-1"), "toml")
    byte = ACCENTED.encode("latin-1").index(b"\xe9")
    expected = [(3, f"not UTF-8 text (byte {byte} is 0xe9)")]
    assert expected == [(d.line, d.message) for d in caught.value]


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_utf8_byte_order_mark_is_skipped(fmt: socialplan.Format) -> None:
    text = socialplan.dumps(socialplan.Plan(name="Café"), fmt)
    assert "Café" == socialplan.loads(text.encode("utf-8-sig"), fmt).name


@given(loadable_plans(max_items=2), st.sampled_from(["utf-16", "utf-32", "cp1252", "latin-1"]))
def test_a_plan_in_any_encoding_loads_the_same_or_is_a_located_error(
    plan: socialplan.Plan, encoding: str
) -> None:
    text = socialplan.dumps(plan)
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode(encoding, errors="replace")
    loaded = loads_or_load_error(data, "toml")
    assert loaded is None or plan == loaded


# Deep nesting and huge values --------------------------------------------------------------

NESTED = {
    "json arrays": ("[" * DEEP + "]" * DEEP, "json"),
    "json objects": ('{"a": ' * DEEP + "1" + "}" * DEEP, "json"),
    "json arrays in a plan field": (
        '{"format": "socialplan/1", "plan": {"name": "x", "vision": '
        + "[" * DEEP
        + "]" * DEEP
        + "}}",
        "json",
    ),
    "toml arrays": (HEAD + "vision = " + "[" * DEEP + "]" * DEEP, "toml"),
    "toml inline tables": (HEAD + "vision = " + "{a = " * DEEP + "1" + "}" * DEEP, "toml"),
    "toml dotted key": (HEAD + "q" + ".a" * DEEP + " = 1", "toml"),
    "toml table header": (HEAD + "[" + "a." * DEEP + "a]", "toml"),
    "toml arrays of tables": (HEAD + "[[" + "a." * DEEP + "a]]", "toml"),
}


@pytest.mark.parametrize(("text", "fmt"), NESTED.values(), ids=NESTED.keys())
def test_deep_nesting_is_a_located_load_error(text: str, fmt: socialplan.Format) -> None:
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(text, fmt)
    check_load_error(caught.value)


# What Python's parsers can take without trouble, but deeper than any plan needs.
SHALLOW = 300


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_nesting_the_parsers_take_is_a_wrong_type_where_a_text_belongs(
    fmt: socialplan.Format,
) -> None:
    nested = "[" * SHALLOW + "]" * SHALLOW
    text = (
        HEAD + f"vision = {nested}\n"
        if fmt == "toml"
        else f'{{"format": "socialplan/1", "plan": {{"name": "x", "vision": {nested}}}}}'
    )
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(text, fmt)
    check_load_error(caught.value)
    assert ("SP005", "plan.vision") in [(d.code, d.path) for d in caught.value]


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_number_too_long_for_python_is_a_located_load_error(fmt: socialplan.Format) -> None:
    digits = "9" * 5_000
    text = (
        HEAD + f'[objectives.o]\ntitle = "t"\n[objectives.o.target]\nunit = "u"\nvalue = {digits}\n'
        if fmt == "toml"
        else '{"format": "socialplan/1", "plan": {"name": "x"}, "objectives": {"o": '
        f'{{"title": "t", "target": {{"unit": "u", "value": {digits}}}}}}}}}'
    )
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(text, fmt)
    check_load_error(caught.value)


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_a_huge_string_gives_a_plan_or_a_located_load_error(fmt: socialplan.Format) -> None:
    text = socialplan.dumps(socialplan.Plan(name="é" * 5_000_000, vision="v" * 1_000_000), fmt)
    outcomes = dict(zip(("toml", "json"), check(text.encode("utf-8")), strict=True))
    assert outcomes[fmt] in ("Plan", "LoadError")


def test_huge_keys_are_a_located_load_error() -> None:
    key = "k" * 1_000_000
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(HEAD + f"[objectives.{key}]\ntitle = 1\n", "toml")
    check_load_error(caught.value)


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", "1e999"])
def test_numbers_that_are_not_finite_are_refused_in_json(value: str) -> None:
    text = (
        '{"format": "socialplan/1", "plan": {"name": "x"}, "objectives": {"o": '
        f'{{"title": "t", "target": {{"unit": "u", "value": {value}}}}}}}}}'
    )
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(text, "json")
    assert [("SP006", "objectives.o.target.value")] == [(d.code, d.path) for d in caught.value]


@pytest.mark.parametrize("escape", ["\\ud800", "\\udfff", "\\udc00\\ud800"])
def test_a_lone_surrogate_in_json_text_is_a_located_load_error(escape: str) -> None:
    # Text that no file can hold: a plan with it could not be written back as UTF-8.
    text = f'{{"format": "socialplan/1", "plan": {{"name": "a{escape}b"}}}}'
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(text, "json")
    assert ["plan.name"] == [d.path for d in caught.value]


@given(loadable_plans(max_items=2))
def test_any_plan_loaded_from_json_writes_back_as_utf8(plan: socialplan.Plan) -> None:
    for fmt in ("toml", "json"):
        text = socialplan.dumps(plan, fmt)
        assert text == text.encode("utf-8").decode("utf-8")


def test_dates_at_the_ends_of_the_calendar_load_and_validate() -> None:
    text = (
        HEAD
        + '[channels.c]\nplatform = "x"\n'
        + '[[calendar]]\ndate = 9999-12-31\nchannel = "c"\ntitle = "t"\nrepeat = "daily"\n'
        + '[[calendar]]\ndate = 0001-01-01\nchannel = "c"\ntitle = "t"\n'
        + 'repeat = "100 years"\nuntil = 9999-12-31\n'  # the longest a duration may be
    )
    plan = socialplan.loads(text, "toml")
    socialplan.validate(plan)
    outputs = [to_csv(plan), to_ics(plan), report(plan)]
    assert [2, 2, True] == [
        outputs[0].count("\r\n") - 1,
        outputs[1].count("BEGIN:VEVENT"),
        "9999-12-31" in outputs[2],
    ]


# The corpus and the command line -----------------------------------------------------------


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_corpus_file_gives_a_plan_or_a_located_load_error(path: Path) -> None:
    assert {"Plan", "LoadError"} >= set(check(path.read_bytes()))


def _check_cli(data: bytes, suffix: str) -> tuple[int, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"plan{suffix}"
        path.write_bytes(data)
        err = io.StringIO()
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(["check", str(path)])
    return code, err.getvalue()


def _crashed(err: str) -> bool:
    return "Traceback" in err or "internal error" in err


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
@pytest.mark.parametrize("suffix", [".toml", ".json"])
def test_check_of_a_corpus_file_exits_0_1_or_2_without_a_traceback(path: Path, suffix: str) -> None:
    code, err = _check_cli(path.read_bytes(), suffix)
    assert (True, False) == (code in (0, 1, 2), _crashed(err)), err


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=500) | mutated_plans("json").map(lambda d: json.dumps(d).encode()))
def test_check_of_any_file_exits_0_1_or_2_without_a_traceback(data: bytes) -> None:
    code, err = _check_cli(data, ".json")
    assert (True, False) == (code in (0, 1, 2), _crashed(err)), err


@pytest.mark.parametrize(
    "settings",
    ["tool = 1", "tool = [1]", "[tool]\nsocialplan = 3", "[tool.socialplan]\nselect = [[]]"],
)
def test_check_with_hostile_project_settings_exits_2_without_a_traceback(
    settings: str, tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text(settings + "\n", encoding="utf-8")
    (tmp_path / "plan.toml").write_text(HEAD, encoding="utf-8")
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        code = main(["check", str(tmp_path / "plan.toml")])
    assert (True, False) == (code in (0, 2), _crashed(err.getvalue())), err.getvalue()

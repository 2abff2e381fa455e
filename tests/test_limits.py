"""Limits: a plan over one is a located SP008, never a memory blow-up; each can be raised."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings

import socialplan
from helpers import HEAD
from socialplan import Limits
from socialplan._cli import main
from socialplan.testing import loadable_plans


def problems(text: str, limits: Limits, fmt: socialplan.Format = "toml") -> list[tuple[str, str]]:
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(text, fmt, limits=limits)
    return [(d.code, d.path) for d in caught.value.diagnostics]


@pytest.mark.parametrize(
    ("limits", "text", "path"),
    [
        (
            Limits(max_string=10),
            'format = "socialplan/1"\n[plan]\nname = "Eleven char"\n',
            "plan.name",
        ),
        (
            Limits(max_string=5),
            HEAD + '[content]\nkeywords = ["bread", "sourdough"]\n',
            "content.keywords[1]",
        ),
        (
            Limits(max_items=2),
            HEAD + "[roles.a]\ntitle = 'A'\n[roles.b]\ntitle = 'B'\n[roles.c]\ntitle = 'C'\n",
            "roles",
        ),
        (
            Limits(max_items=2),
            HEAD + "[channels.fb]\nplatform = 'facebook'\naudiences = ['a', 'b', 'c']\n",
            "channels.fb.audiences",
        ),
        (Limits(max_bytes=40), HEAD + "# a comment that makes it longer\n", ""),
        (
            Limits(max_depth=10),
            HEAD + "[content]\nkeywords = " + "[" * 12 + "]" * 12 + "\n",
            "content.keywords" + "[0]" * 8,  # the document is level 1, keywords 3: 11 is 8 on
        ),
    ],
    ids=["string", "string-in-a-list", "table", "list", "bytes", "depth"],
)
def test_going_over_a_limit_is_sp008_at_its_path(limits: Limits, text: str, path: str) -> None:
    assert ("SP008", path) in problems(text, limits)


def test_the_message_says_how_big_and_the_hint_how_to_raise_it() -> None:
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(HEAD.replace("Demo", "x" * 12), limits=Limits(max_string=10))
    (found,) = caught.value.diagnostics
    hint = found.hint or ""
    assert ('"xxxxxxxxxxxx" is not at most 10 characters long (it has 12)', True, True) == (
        found.message,
        "Limits(max_string=...)" in hint,
        "--limit max_string=12" in hint,
    )


@pytest.mark.parametrize("fmt", ["toml", "json"])
def test_nesting_beyond_the_parser_is_sp008_not_a_recursion_error(fmt: socialplan.Format) -> None:
    deep = "[" * 100_000 + "]" * 100_000
    text = (
        f'{{"format": "socialplan/1", "plan": {{"name": {deep}}}}}'
        if fmt == "json"
        else HEAD.replace('"Demo"', deep)
    )
    assert [("SP008", "")] == problems(text, Limits(), fmt)


def test_a_file_over_max_bytes_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.toml"
    with path.open("wb") as file:
        file.truncate(2**40)  # a terabyte, sparse: reading it would never end
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.load(path)
    (found,) = caught.value.diagnostics
    assert ("SP008", str(path), f"{2**40:,} bytes") == (
        found.code,
        found.file,
        found.message.split(" is ")[1].split(",  more")[0].split(", more")[0],
    )


@settings(max_examples=40)
@given(loadable_plans())
def test_a_plan_loads_at_its_own_size_and_not_one_below(plan: socialplan.Plan) -> None:
    # The longest string and the longest table, longer than any the strategy draws.
    extra = {f"extra-{i}": socialplan.Role(title=f"Role {i}") for i in range(60)}
    plan = attrs.evolve(plan, name="n" * 300, roles={**plan.roles, **extra})
    text = socialplan.dumps(plan, "json")
    at = {"max_bytes": (len(text), ""), "max_string": (300, "plan.name")}
    at["max_items"] = (len(plan.roles), "roles")
    for name, (size, path) in at.items():
        loaded = socialplan.loads(text, "json", limits=Limits(**{name: size}))
        refused = problems(text, Limits(**{name: size - 1}), "json")
        assert (plan, [("SP008", path)]) == (loaded, refused)


@pytest.mark.parametrize("bad", [0, -1, True, 2.5])
def test_a_limit_is_a_whole_number_of_at_least_one(bad: object) -> None:
    with pytest.raises(ValueError, match="max_items must be a whole number"):
        Limits(max_items=bad)  # type: ignore[arg-type]  # not a whole number, on purpose


def test_the_command_line_raises_a_limit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(HEAD.replace("Demo", "A long name"), encoding="utf-8")
    refused = main(["check", str(plan), "--limit", "max_string=5"])
    refused_output = capsys.readouterr().out
    accepted = main(["check", str(plan), "--limit", "max_string=1_000"])
    assert (1, True, 0) == (refused, "SP008 plan.name" in refused_output, accepted)


def test_the_command_line_suggests_a_limits_name(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["check", "plan.toml", "--limit", "max_strin=5"])
    assert (2, True) == (exited.value.code, 'did you mean "max_string"?' in capsys.readouterr().err)


@pytest.mark.parametrize("how", ["loads", "load"])
def test_a_document_over_max_bytes_is_placed_on_line_1(how: str, tmp_path: Path) -> None:
    text = HEAD + "# a comment that makes it longer\n"
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    load: Callable[..., socialplan.Plan] = socialplan.loads if how == "loads" else socialplan.load
    with pytest.raises(socialplan.LoadError) as caught:
        load(text if how == "loads" else path, limits=Limits(max_bytes=40))
    (found,) = caught.value.diagnostics
    assert ("SP008", "", 1) == (found.code, found.path, found.line)


def test_a_limit_larger_than_any_file_reads_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = tmp_path / "plan.toml"
    plan.write_text(HEAD, encoding="utf-8")
    huge = "9" * 30
    codes = [main([cmd, str(plan), "--limit", f"{name}={huge}"]) for cmd, name in
             [("check", "max_bytes"), ("status", "max_bytes"), ("check", "max_items"),
              ("check", "max_string"), ("check", "max_depth")]]  # fmt: skip
    assert ([0] * 5, "") == (codes, capsys.readouterr().err)


def test_reading_a_small_plan_sets_aside_no_more_memory_than_it_needs(tmp_path: Path) -> None:
    import tracemalloc

    path = tmp_path / "plan.toml"
    path.write_text(HEAD, encoding="utf-8")
    socialplan.load(path)  # what it imports the first time is not measured
    tracemalloc.start()
    try:
        socialplan.load(path)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 5_000_000  # not a buffer as large as the limit (100 MB or more)


def test_a_plan_read_from_a_pipe_is_read_whole(tmp_path: Path) -> None:
    import os
    import threading

    fifo = tmp_path / "plan.toml"
    os.mkfifo(fifo)
    text = HEAD + "".join(f'[business_goals.g{i}]\nstatement = "x"\n' for i in range(2000))

    def feed() -> None:
        with open(fifo, "w", encoding="utf-8") as stream:
            stream.write(text)

    writer = threading.Thread(target=feed)
    writer.start()
    plan = socialplan.load(fifo)
    writer.join()
    assert 2000 == len(plan.business_goals)

"""A message quotes a value cut short, with its length: a long value is never echoed whole.

A reference of 90,000 characters (within the limit of a string), a title, a unit, a name, a
methodology's step or check: every message and hint that quotes one shows at most its first
characters, an ellipsis and how long it was, as loading's own messages do.
"""

from __future__ import annotations

import json

import pytest

import socialplan
from every_command import run

LONG = "z" * 90_000
SHOWN = '"' + "z" * 57 + '…" (90,000 characters)'


def _plan() -> socialplan.Plan:
    data = socialplan.to_data(socialplan.load("examples/cartoon/plan.toml"), "json")
    objective = data["objectives"]["awareness_reach"]
    objective["supports"] = [LONG]  # SP101: a business goal that does not exist
    objective["target"]["unit"] = LONG  # SP205: a unit no metric measures
    data["calendar"][0]["title"] = LONG
    data["calendar"][0]["date"] = "2000-01-01"  # SP605: before the plan starts
    data["audiences"]["educators"]["name"] = LONG  # SP103: two audiences of one name
    data["audiences"]["trade"]["name"] = LONG
    data["policy"]["off_limits"] = [LONG]  # SP504: a text that touches it
    data["plan"]["vision"] = LONG
    return socialplan.loads(json.dumps(data), "json")


def test_every_rule_message_and_hint_quotes_a_long_value_cut_short() -> None:
    found = [d for d in socialplan.validate(_plan()) if LONG[:200] in str(d) or SHOWN in str(d)]
    codes = sorted({d.code for d in found})
    longest = max(len(d.message) + len(d.hint or "") for d in found)
    assert (["SP101", "SP103", "SP205", "SP504", "SP605"], True) == (codes, longest < 400)


@pytest.mark.parametrize(
    ("methodology", "code"),
    [
        ({"name": LONG}, "SP804"),
        ({"steps": {"a": {"needs": [LONG]}}}, "SP802"),
        ({"steps": {"a": {"check": LONG}}}, "SP803"),
    ],
)
def test_a_methodology_quotes_a_long_value_cut_short(methodology: object, code: str) -> None:
    data = {"format": "socialplan/1", "plan": {"name": "x"}, "methodology": methodology}
    report = socialplan.validate(socialplan.loads(json.dumps(data), "json"))
    (found,) = [d for d in report if d.code == code]
    assert (True, True) == (SHOWN in found.message, len(found.message) < 400)


def test_the_check_command_prints_no_line_of_a_long_value(tmp_path: object) -> None:
    path = f"{tmp_path}/plan.json"
    with open(path, "w", encoding="utf-8") as file:
        file.write(socialplan.dumps(_plan(), "json"))
    code, out, err = run(["check", path])
    assert (1, [], "") == (code, [line[:80] for line in out.splitlines() if len(line) > 500], err)


def test_a_long_key_is_cut_in_the_path_a_message_shows_and_kept_whole_in_data() -> None:
    key = "k" * 200_000
    text = 'format = "socialplan/1"\n[plan]\nname = "D"\n[objectives.' + key + "]\ntitle = 3\n"
    with pytest.raises(socialplan.LoadError) as caught:
        socialplan.loads(text)
    shown = [str(d) for d in caught.value.diagnostics]
    paths = [d.path for d in caught.value.diagnostics]
    assert (True, True) == (
        all(len(line) < 500 for line in shown),
        f"objectives.{key}.title" in paths,
    )

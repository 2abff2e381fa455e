"""Rules that screen all of a plan's texts at once before they look at each (issue #21,
validation speed) find exactly what looking at each text alone finds."""

from __future__ import annotations

import re
import unicodedata

from hypothesis import given
from hypothesis import strategies as st

import socialplan
from test_placeholders import _TEXTS as _PLACEHOLDER_TEXTS

# --- SP707: AVE, screened over every metric's name, unit and source joined ------------------

_AVE_PIECES = st.sampled_from(
    [
        "AVE", "AVEs", "ave", "Ave.", "AVERAGE", "xAVE", "advertising value", "Advertising",
        " value", "ADVERTISING EQUIVALENCE", "ad value equivalency", "valor publicitario",
        "Equivalència publicitària", "ｖａｌｏｒ publicitario", " ", "\n", "_", "é", "ſ", "EUR",
    ]
)  # fmt: skip
_AVE_TEXTS = st.lists(_AVE_PIECES, max_size=4).map("".join)


def _says_ave(text: str | None) -> bool:
    """The definition of SP707, one text at a time."""
    if text is None:
        return False
    if text.isascii():
        folded = text.lower()
    else:
        folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    words = [
        "advertising value",
        "advertising equivalen",
        "ad value equivalen",
        "valor publicitario",
        "equivalencia publicitaria",
    ]
    return bool(re.search(r"\bAVEs?\b", text)) or any(w in folded for w in words)


@given(st.lists(st.tuples(_AVE_TEXTS, st.none() | _AVE_TEXTS, st.none() | _AVE_TEXTS), max_size=5))
def test_ave_is_found_in_exactly_the_metrics_that_say_it(
    metrics: list[tuple[str, str | None, str | None]],
) -> None:
    table = {
        f"m{i}": {"name": name or "Reach"}
        | ({} if unit is None else {"unit": unit})
        | ({} if source is None else {"source": source})
        for i, (name, unit, source) in enumerate(metrics)
    }
    plan = socialplan.from_data({"format": "socialplan/1", "plan": {"name": "P"}, "metrics": table})
    expected = [
        f"metrics.{key}.{field}"
        for key, metric in table.items()
        for field in [
            next((f for f in ("name", "unit", "source") if _says_ave(metric.get(f))), None)
        ]
        if field is not None
    ]
    assert sorted(expected) == sorted(d.path for d in socialplan.validate(plan, select=["SP707"]))


# --- The steps' progress: the texts of a table judged together ------------------------------


@given(st.lists(st.none() | _PLACEHOLDER_TEXTS, max_size=8))
def test_the_steps_judge_texts_together_as_they_judge_each(texts: list[str | None]) -> None:
    from socialplan.steps._checks import _said, _said_each

    assert [_said(text) for text in texts] == _said_each(texts)


@given(st.lists(st.none() | _PLACEHOLDER_TEXTS, max_size=8))
def test_the_rules_judge_texts_together_as_they_judge_each(texts: list[str | None]) -> None:
    from socialplan.rules import Context

    assert [Context.unwritten(text) for text in texts] == Context.unwritten_each(texts)

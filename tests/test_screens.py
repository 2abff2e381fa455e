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
    from socialplan._core.placeholders import unwritten_each
    from socialplan.steps._checks import _said

    assert [not _said(text) for text in texts] == unwritten_each(texts)


@given(st.lists(st.none() | _PLACEHOLDER_TEXTS, max_size=8))
def test_the_rules_judge_texts_together_as_they_judge_each(texts: list[str | None]) -> None:
    from socialplan.rules import Context

    assert [Context.unwritten(text) for text in texts] == Context.unwritten_each(texts)


# --- SP504: off-limits topics, screened over a field's texts joined -------------------------

_TOPIC_WORDS = st.sampled_from(["politics", "Política", "religion", "bets", "sports", "a"])
_TOPIC_PIECES = st.sampled_from(
    ["politics", "POLITICS", "Política", "politica", "religion", "bets", "sports", "a", "b",
     "apolitics", "politicsx", " ", ", ", "-", "\n", "¡", "é", "9"]
)  # fmt: skip
_TOPIC_TEXTS = st.lists(_TOPIC_PIECES, min_size=1, max_size=6).map("".join)


def _word_list(text: str) -> list[str]:
    """The words of a text for SP504's definition: letters and digits, no case or accents."""
    folded = unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()
    return re.findall(r"[a-z0-9]+", folded)


def _touches(text: str, topic: list[str]) -> bool:
    words = _word_list(text)
    return any(words[i : i + len(topic)] == topic for i in range(len(words) - len(topic) + 1))


@given(
    st.lists(st.lists(_TOPIC_WORDS, min_size=1, max_size=2).map(" ".join), min_size=1, max_size=3),
    st.lists(_TOPIC_TEXTS, min_size=1, max_size=6),
)
def test_off_limits_is_found_in_exactly_the_texts_that_touch_a_topic(
    topics: list[str], titles: list[str]
) -> None:
    plan = socialplan.from_data(
        {
            "format": "socialplan/1",
            "plan": {"name": "P"},
            "policy": {"off_limits": topics},
            "calendar": [{"date": "2027-01-04", "channel": "x", "title": t} for t in titles],
        }
    )
    words = [_word_list(topic) for topic in topics]
    expected = [
        f"calendar[{i}].title"
        for i, title in enumerate(titles)
        if any(w and _touches(title, w) for w in words)
    ]
    actual = [d.path for d in socialplan.validate(plan, select=["SP504"])]
    assert sorted(expected) == sorted(actual)


# --- SP103: names folded in one pass over a table --------------------------------------------

_NAME_PIECES = st.sampled_from(
    ["Parents", "parent", "Parent's", "club", "Club", "s", "S", " ", "-", "\n", "é", "e", "1"]
)  # fmt: skip


@given(st.lists(st.lists(_NAME_PIECES, min_size=1, max_size=4).map("".join), max_size=6))
def test_names_are_folded_together_as_each_alone(names: list[str]) -> None:
    from socialplan.rules._references import _screen_key, _screen_keys

    assert [_screen_key(name) for name in names] == _screen_keys(names)

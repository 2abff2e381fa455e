"""What counts as a placeholder, not as the plan's own words (issue #18)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialplan._core.placeholders import is_placeholder
from socialplan._starter import starter

STARTER = starter("Demo")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "TODO",
        "TODO: the mission",
        "owner TBD",
        "TBC",
        "…",
        "...",
        "-",
        "???",
        "—",
        "Coming soon",
        "coming soon!",
        "To be decided.",
        "Por definir",
        "Pendiente",
        "Próximamente",
        "FIXME",
    ],
)
def test_a_placeholder_is_not_content(text: str) -> None:
    assert True is is_placeholder(text)


@pytest.mark.parametrize(
    "text",
    [
        "Grow bookings",
        "Todos los vecinos",
        "todo el año",
        "Tbilisi office",
        "Soon: a new shop",
        "Pending requests are answered in a day",
        "Informar a la ciudadanía",
        "%",
        "€",
        "#",
        "+",
    ],
)
def test_words_of_the_plan_are_content(text: str) -> None:
    assert False is is_placeholder(text)


@given(st.text(alphabet=st.characters(categories=["L"]), min_size=1).filter(str.islower))
def test_a_lower_case_word_alone_is_never_a_marker(word: str) -> None:
    assert is_placeholder(word) == (
        word in {"pendiente", "placeholder", "próximamente", "proximamente"}
    )


def test_every_text_the_starter_leaves_to_write_is_a_placeholder() -> None:
    import re

    todos = re.findall(r'"(TODO[^"]*)"', STARTER)
    assert (True, []) == (len(todos) > 20, [t for t in todos if not is_placeholder(t)])

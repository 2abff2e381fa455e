"""What counts as a placeholder, not as the plan's own words (issue #18)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from socialplan._core.placeholders import is_placeholder, may_hold_placeholder, none_is_placeholder
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


# The definition, as it was written before the fast paths of issue #21 (validation speed):
# is_placeholder and the screen over joined texts must keep to it exactly.
_REFERENCE_MARKER = re.compile(r"\b(?:TODO|TBD|TBC|FIXME|XXX)\b")
_REFERENCE_WHOLE = re.compile(
    r"(?i)\s*(?:"
    r"to be (?:decided|defined|confirmed|determined)|coming soon|lorem ipsum.*|placeholder"
    r"|por (?:definir|decidir|confirmar)|pendiente|próximamente|proximamente|a definir"
    r")\s*[.!…]*\s*"
)
_REFERENCE_NO_WORDS = re.compile(r"[\s\-‐–—_.…?¿!¡*/~'\"`,:;()\[\]]*")


def _reference(text: str) -> bool:
    return bool(
        _REFERENCE_NO_WORDS.fullmatch(text)
        or _REFERENCE_MARKER.search(text)
        or _REFERENCE_WHOLE.fullmatch(text)
    )


# Pieces a text is made of: markers and the phrases that say "later", in any case, the
# characters that are no words, every kind of white space, words and near misses.
_PIECES = st.sampled_from(
    [
        "TODO", "TBD", "TBC", "FIXME", "XXX", "TODOS", "xTODO", "TB", "XX",
        "to be decided", "To Be Confirmed", "to be", "coming soon", "COMING SOON",
        "lorem ipsum", "Lorem Ipsum dolor", "placeholder", "por definir", "Por ", "pendiente",
        "Próximamente", "PRÓXIMAMENTE", "proximamente", "a definir", "A DEFINIR",
        "-", "‐", "–", "—", "_", ".", "…", "?", "¿", "!", "¡", "*", "/", "~", "'", '"', "`",
        ",", ":", ";", "(", ")", "[", "]", "%", "€", "#",
        " ", "\t", "\n", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2028", "\u3000",
        "Grow", "bookings", "todo", "Tbilisi", "a", "t", "p", "ſ", "ı", "K", "İ", "é", "0",
    ]
)  # fmt: skip
_NO_WORDS = st.lists(
    st.sampled_from(list("-‐–—_.…?¿!¡*/~'\"`,:;()[] \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000")),
    min_size=1,
    max_size=4,
).map("".join)
_PHRASES = [
    "to be decided", "to be defined", "to be confirmed", "to be determined", "coming soon",
    "lorem ipsum", "placeholder", "por definir", "por decidir", "por confirmar", "pendiente",
    "próximamente", "proximamente", "a definir",
]  # fmt: skip
_BEFORE = ["", " ", "\n", "\t ", "x "]
_AFTER = ["", ".", "!…", " x", " TODO"]
_SAID = [
    before + case(phrase) + after
    for phrase in _PHRASES
    for case in (str.lower, str.upper, str.title)
    for before in _BEFORE
    for after in _AFTER
]
_TEXTS = st.one_of(
    _NO_WORDS,
    st.sampled_from(_SAID),
    st.tuples(_NO_WORDS, _PIECES, _NO_WORDS).map("".join),
    st.lists(_PIECES, max_size=6).map("".join),
    st.text(max_size=12),
    st.tuples(st.text(max_size=6), _PIECES, st.text(max_size=6)).map("".join),
)


@given(_TEXTS)
def test_a_placeholder_is_what_the_definition_says(text: str) -> None:
    assert _reference(text) == is_placeholder(text)


@given(st.lists(_TEXTS, max_size=8))
def test_the_screen_of_joined_texts_misses_no_placeholder(texts: list[str]) -> None:
    left = [t for t in texts if _reference(t) and t.strip() != ""]
    assert left == [] or may_hold_placeholder("\n".join(texts))


def test_every_phrase_saying_later_is_judged_as_the_definition_says() -> None:
    assert [_reference(text) for text in _SAID] == [is_placeholder(text) for text in _SAID]


@given(st.lists(_TEXTS.filter(str.isascii), max_size=8))
def test_the_screen_of_ascii_texts_misses_no_placeholder(texts: list[str]) -> None:
    left = [t for t in texts if _reference(t) and t.strip() != ""]
    assert left == [] or may_hold_placeholder("\n".join(texts))


@given(st.lists(_TEXTS, max_size=8))
def test_none_is_a_placeholder_only_when_each_is_not(texts: list[str]) -> None:
    assert not (none_is_placeholder(texts) and any(map(_reference, texts)))


def test_the_screen_finds_every_phrase_saying_later_among_other_texts() -> None:
    said = [text for text in _SAID if _reference(text)]
    assert [] == [text for text in said if not may_hold_placeholder(f"Grow\n{text}\nSell")]

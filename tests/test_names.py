"""SP103 reports exactly the names that are the same once folded, whatever the table's size."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

import socialplan


def folded(name: str) -> str:
    """The rule's own definition: no case, accents, punctuation or plural -s (of a long word)."""
    plain = unicodedata.normalize("NFKD", name.casefold()).encode("ascii", "ignore").decode()
    words = re.findall(r"[a-z0-9]+", plain)
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words)


# A few words written in several ways (case, accents, plural, punctuation), so that names
# that fold alike are common, among names of odd characters.
WAYS: list[Callable[[str], str]] = [
    str.upper,
    str.title,
    lambda w: w + "s",
    lambda w: w + "!",
    lambda w: w.replace("e", "é"),
]
words = st.sampled_from(["parent", "teens", "bus", "class", "new ideas", "e-sports", "ß", "a"])


def written_as(word: str, ways: list[Callable[[str], str]]) -> str:
    for way in ways:
        word = way(word)
    return word


variants = st.builds(written_as, words, st.lists(st.sampled_from(WAYS), max_size=3))
names = variants | st.text(st.sampled_from(list("aAsSbB1 -'ñÉéß\u0130ſ")), max_size=8)


@settings(max_examples=300)
@given(st.lists(names, max_size=12))
def test_duplicate_names_are_those_that_fold_alike(written: list[str]) -> None:
    audiences = {f"a{i:02}": socialplan.Audience(name=name) for i, name in enumerate(written)}
    first: dict[str, str] = {}
    expected = []
    for key, audience in audiences.items():
        if not (alike := folded(audience.name)):
            continue
        if alike in first:
            expected.append(f"audiences.{key}")
        else:
            first[alike] = key
    plan = socialplan.Plan(name="Names", audiences=audiences)
    actual = [d.path for d in socialplan.validate(plan, select=["SP103"])]
    assert sorted(expected) == sorted(actual)

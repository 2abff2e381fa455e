"""Fixes, as properties: on a valid plan broken in a known way (a key, a reference or an enum
value misspelled), applying the fixes changes only the ranges they name, removes the
findings they claim to fix, and brings no finding that neither text had."""

from __future__ import annotations

import difflib
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import socialplan
from socialplan.testing import plans

#: A line of a key and a one-line string, as tomli_w writes them: the key, then the string.
_PAIR = re.compile(r'^([a-z_]+) = "([^"\\]+)"$', re.MULTILINE)
#: The first string of an array of strings (an id of a reference list, a format).
_FIRST = re.compile(r'^[a-z_]+ = \[\s*"([^"\\]+)"', re.MULTILINE)


def _findings(text: str) -> list[socialplan.Diagnostic]:
    """The load errors of *text*, or the findings of every rule, placed in it."""
    try:
        plan = socialplan.loads(text, "toml")
    except socialplan.LoadError as error:
        return list(error.diagnostics)
    return list(socialplan.validate(plan).located(text, "toml"))


def _misspelled(word: str, data: st.DataObject) -> str:
    at = data.draw(st.integers(0, len(word) - 1), label="where")
    how = data.draw(st.sampled_from(["drop", "double", "swap"]), label="how")
    if how == "drop" and len(word) > 2:
        return word[:at] + word[at + 1 :]
    if how == "swap" and at + 1 < len(word) and word[at] != word[at + 1]:
        return word[:at] + word[at + 1] + word[at] + word[at + 2 :]
    return word[:at] + word[at] + word[at:]


def _broken(text: str, data: st.DataObject) -> str | None:
    """*text* with one key, string value or reference misspelled; None if it has none."""
    kind = data.draw(st.sampled_from(["key", "value", "reference"]), label="kind")
    pattern, group = {"key": (_PAIR, 1), "value": (_PAIR, 2), "reference": (_FIRST, 1)}[kind]
    found = list(pattern.finditer(text))
    if not found:
        return None
    match = data.draw(st.sampled_from(found), label="line")
    start, end = match.span(group)
    return text[:start] + _misspelled(text[start:end], data) + text[end:]


def _edited(before: str, after: str) -> list[tuple[int, int]]:
    """The ranges of *before* (as offsets) that differ in *after*, as difflib sees them."""
    opcodes = difflib.SequenceMatcher(None, before, after, autojunk=False).get_opcodes()
    return [(i1, i2) for tag, i1, i2, _, _ in opcodes if tag != "equal"]


def _offsets(text: str, edit: socialplan.Edit) -> tuple[int, int]:
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    return (
        starts[edit.line - 1] + edit.column - 1,
        starts[edit.end_line - 1] + edit.end_column - 1,
    )


@settings(max_examples=60)
@given(plans(max_items=2), st.data())
def test_fixes_change_only_their_ranges_and_remove_what_they_fix(
    plan: socialplan.Plan, data: st.DataObject
) -> None:
    valid = socialplan.dumps(plan, "toml")
    broken = _broken(valid, data)
    if broken is None:
        return
    before = _findings(broken)
    after_text, fixed = socialplan.apply_fixes(broken, before, unsafe=True)
    spans = [_offsets(broken, e) for d in fixed for e in (d.fix.edits if d.fix else ())]
    # No byte outside the fixed ranges changed.
    outside = [
        (i1, i2)
        for i1, i2 in _edited(broken, after_text)
        if not any(start <= i1 and i2 <= end for start, end in spans)
    ]
    after = _findings(after_text)
    now = {(d.code, d.path) for d in after}
    # What a fix claims to fix is gone, and no finding is new to both texts.
    still = [(d.code, d.path) for d in fixed if (d.code, d.path) in now]
    known = {(d.code, d.path) for d in [*before, *_findings(valid)]}
    new = sorted(now - known)
    assert ([], [], []) == (outside, still, new)


@settings(max_examples=60)
@given(plans(max_items=2), st.data())
def test_a_safe_fix_of_a_misspelled_enum_value_or_key_gives_the_valid_text_back(
    plan: socialplan.Plan, data: st.DataObject
) -> None:
    valid = socialplan.dumps(plan, "toml")
    broken = _broken(valid, data)
    if broken is None:
        return
    found = _findings(broken)
    fixable = [d for d in found if d.fix is not None and d.fix.safe and d.fix.edits]
    if not fixable or not all(d.code in ("SP003", "SP006") for d in found):
        return  # a finding with no safe fix: nothing is claimed
    fixed_text, _ = socialplan.apply_fixes(broken, found)
    # One clear candidate: the one the author meant, or one as near that it is valid too.
    assert (fixed_text == valid) or not any(
        d.code in ("SP003", "SP006") for d in _findings(fixed_text)
    )

"""SP0: problems in the file itself, found while loading. Documented here, raised by the loader.

SP001-SP008 are raised by the plan loader (and SP001, SP003-SP006 by the
observations loader too); SP009-SP011 by :mod:`socialplan.observations` only.
"""

from __future__ import annotations

from collections.abc import Iterator

from .._core.diagnostics import (
    DUPLICATE_OBSERVATION,
    FORMAT_KEY,
    INVALID_ID,
    INVALID_VALUE,
    LIMIT,
    MISSING_KEY,
    SYNTAX,
    UNKNOWN_CHANNEL,
    UNKNOWN_KEY,
    UNKNOWN_METRIC,
    WRONG_TYPE,
    Severity,
)
from ._context import Context
from ._registry import Finding, FixSafety, Rule, register


def _found_while_loading(_context: Context) -> Iterator[Finding]:
    """A plan that loaded has none of these problems."""
    return iter(())


_PAGES = [
    (
        SYNTAX,
        "syntax-error",
        "The file is not valid TOML or JSON, not UTF-8 text, or repeats a key.",
        "Nothing in a file that does not parse can be trusted; a repeated JSON key would "
        "silently replace the first.",
        "Fix the syntax at the line given; keep one of the repeated keys.",
        "[objectives.awareness\ntitle = 'x'",
    ),
    (
        FORMAT_KEY,
        "unsupported-format",
        "The file's `format` is not one this version of socialplan reads.",
        "Another version of the format may mean other things by the same keys.",
        'Write `format = "socialplan/1"`, or upgrade socialplan.',
        'format = "socialplan/9"',
    ),
    (
        UNKNOWN_KEY,
        "unknown-key",
        "A key the format does not have; the hint suggests the nearest known one.",
        "A misspelled key would otherwise be ignored, and what it says lost.",
        "Correct the key (see the hint), or remove it.",
        "[plan]\nname = 'x'\nstrat = 2027-01-10",
    ),
    (
        MISSING_KEY,
        "missing-key",
        "A required key is missing (a plan's name, an objective's title…).",
        "A part without its required keys cannot be told apart or shown.",
        "Add the key.",
        "[objectives.awareness]\nkind = 'awareness'  # no title",
    ),
    (
        WRONG_TYPE,
        "wrong-type",
        "A value of the wrong type: a number for a string, a string for a list.",
        "socialplan never guesses: 5 is not the name '5', 'brand' is not the list ['brand'].",
        "Write the value as the type the message expects.",
        "[objectives.awareness]\ntitle = 'x'\nsupports = 'brand'",
    ),
    (
        INVALID_VALUE,
        "invalid-value",
        "A value of the right type that is not allowed: an unknown stage, a bad date or duration.",
        "Closed vocabularies and typed values are what let the rules reason about the plan.",
        "Use one of the values the message lists; the hint suggests the nearest.",
        "[objectives.awareness]\ntitle = 'x'\nstage = 'awarenes'",
    ),
    (
        INVALID_ID,
        "invalid-id",
        "A table key that is not an id: lowercase letters, digits, '_' and '-'.",
        "Ids are how parts refer to each other; one spelling each keeps references exact.",
        "Use the suggested slug as the id, and keep the display name in `name` or `title`.",
        '[channels."Face Book"]\nplatform = "facebook"',
    ),
    (
        LIMIT,
        "over-a-limit",
        "The file, a table or list, a string or the nesting is bigger than the loader allows.",
        "A plan of a gigabyte, a list of ten million entries or a name of a million characters "
        "is a mistake or an attack: refused with its place, it cannot fill the memory.",
        "Make it smaller, or raise the limit the hint names (`socialplan.Limits` in Python, "
        "`--limit NAME=N` on the command line) if the plan really is that big.",
        "[plan]\nname = '...a million characters...'",
    ),
    (
        UNKNOWN_METRIC,
        "unknown-metric",
        "An observation names a metric the plan does not have; the hint suggests the nearest.",
        "A measured value can only be scored against a metric the plan defines and targets.",
        "Correct the metric id (see the hint), or add the metric to the plan.",
        '[[observations]]\nmetric = "folowers"\ndate = 2027-03-01\nvalue = 1200',
    ),
    (
        UNKNOWN_CHANNEL,
        "unknown-channel",
        "An observation names a channel the plan does not have, or one its metric is not taken on.",
        "A value on a channel the metric is not planned for would be summed into its total "
        "unnoticed.",
        "Correct the channel (the hint lists the metric's channels), leave it empty for the "
        "metric's total, or add the channel to the metric in the plan.",
        '[[observations]]\nmetric = "followers"\ndate = 2027-03-01\nvalue = 1200\n'
        'channel = "tiktok"',
    ),
    (
        DUPLICATE_OBSERVATION,
        "duplicate-observation",
        "Two observations give a value for the same metric, date and channel; the message "
        "names the line of the first.",
        "A metric has one value per date and channel: which of the two is right cannot be guessed.",
        "Keep one of the two, or correct the date or channel of the other.",
        '[[observations]]\nmetric = "followers"\ndate = 2027-03-01\nvalue = 1200\n'
        '[[observations]]\nmetric = "followers"\ndate = 2027-03-01\nvalue = 1250',
    ),
]

#: The load errors that come with a fix, and whether it is safe.
_FIXES: dict[str, FixSafety] = {
    UNKNOWN_KEY: "safe",  # a misspelled key, one clear did-you-mean
    INVALID_VALUE: "safe",  # an enum value (a [check] code: unsafe), one clear did-you-mean
    INVALID_ID: "unsafe",  # an id's slug: the references to it do not follow
}

for _code, _name, _summary, _why, _fix, _example in _PAGES:
    register(
        Rule(
            code=_code,
            name=_name,
            severity=Severity.ERROR,
            summary=_summary,
            why=_why,
            fix=_fix,
            example=_example,
            check=_found_while_loading,
            fix_safety=_FIXES.get(_code),
        )
    )

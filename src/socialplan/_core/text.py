"""Text for people: counted nouns ("1 warning"), numbers ("5,000") and quoted values.

Every output that counts something says it through :func:`counted`, so that none
says "1 warnings": one is singular, every other count (zero included) plural, in
English as in Spanish. The plural is made by each language's rules, with the words
they get wrong listed.

Every output that shows a number to people (a report, a scorecard, a notebook, a
diff, a chart's legend, a rule's message) writes it with :func:`number` (and a share
with :func:`percent`), so that one value reads the same everywhere: 5000.0 is
"5,000" in the report and in the scorecard alike.

Every message that quotes a value (loading's, the rules', the diff's) quotes it with
:func:`quote` (a value of any type: :func:`show`), escaped as a TOML string is.
"""

from __future__ import annotations

import math
from collections.abc import Mapping

from .escape import quoted_text
from .numbers import SMALLEST

__all__ = ["counted", "number", "percent", "plural", "quote", "show"]

#: Plurals the rules below get wrong, by language: words that do not change, and others.
#: English adjectives do not agree ("2 achieved"); Spanish ones do ("2 logrados").
_IRREGULAR: dict[str, dict[str, str]] = {
    "en": {
        "info": "info",
        "advice": "advice",
        "person": "people",
        "data": "data",
        "achieved": "achieved",
        "done": "done",
    },
    "es": {"info": "info", "datos": "datos", "crisis": "crisis", "imagen": "imágenes"},
}

#: The words from which a noun phrase's words stay as they are: "metas *de* negocio",
#: and a phrase that starts with one does not change at all ("on track", "en camino").
_LINKS = {
    "en": frozenset({"at", "by", "for", "in", "of", "off", "on", "to", "with", "without"}),
    "es": frozenset(
        {"a", "al", "con", "de", "del", "en", "entre", "para", "por", "según", "sin", "sobre"}
    ),
}

_ES_UNSTRESS = str.maketrans("áéíóú", "aeiou")


def _english(word: str) -> str:
    """The plural of one English word: "entry" "entries", "match" "matches", "goal" "goals"."""
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def _spanish(word: str) -> str:
    """The plural of one Spanish word: "canal" "canales", "acción" "acciones", "vez" "veces"."""
    if word[-1:] in ("a", "e", "i", "o", "u", "á", "é", "ó"):
        return word + "s"
    if word.endswith("z"):
        return word[:-1] + "ces"
    if word[-2:-1] in ("á", "é", "í", "ó", "ú") and word[-1] in "ns":  # acción, acciones
        return word[:-2] + word[-2].translate(_ES_UNSTRESS) + word[-1] + "es"
    return word + "es"


def plural(noun: str, lang: str = "en") -> str:
    """The plural of *noun* in *lang* ("en" or "es").

    An English noun phrase changes its last word before any preposition ("calendar
    entries"); a Spanish one every word before the first preposition ("metas de
    negocio", "objetivos logrados"). A phrase that starts with a preposition does not
    change ("on track", "en camino").

    >>> plural("calendar entry"), plural("meta de negocio", "es"), plural("info")
    ('calendar entries', 'metas de negocio', 'info')
    """
    irregular = _IRREGULAR.get(lang)
    if irregular is None:
        raise ValueError(f"no language {lang!r} for plurals; expected one of en, es")
    if noun in irregular:
        return irregular[noun]
    words = noun.split(" ")
    links = _LINKS[lang]
    end = next((i for i, word in enumerate(words) if word in links), len(words))
    head, tail = words[:end], words[end:]
    if lang == "en":
        head[-1:] = [irregular.get(word) or _english(word) for word in head[-1:]]
    else:
        head = [irregular.get(word) or _spanish(word) for word in head]
    return " ".join(head + tail)


def counted(count: int, noun: str, lang: str = "en") -> str:
    """*count* (thousands grouped) and *noun*, in the plural unless *count* is 1.

    >>> counted(1, "warning"), counted(0, "warning"), counted(1200, "error", "es")
    ('1 warning', '0 warnings', '1,200 errores')
    """
    return f"{number(count)} {noun if count == 1 else plural(noun, lang)}"


#: The smallest size of a number a plan holds (docs/robustness.md): a smaller one is noise.


def number(value: float | None, *, sign: bool = False, decimals: int | None = 2) -> str:
    """*value* written for people: thousands grouped, a whole number without a decimal point.

    A number that is not whole has at most *decimals* decimals, trailing zeros dropped;
    one that they would round to 0 keeps two significant digits instead (a rate of
    0.004 is not 0), down to 1e-15, the smallest size a plan's number has. *decimals*
    None keeps every digit, for an output that must show any two values apart (a
    diff, a rule comparing the author's own values). *sign* writes ``+`` before a
    positive number (a change, a pace); 0 is ``0`` either way. None, no value, is "".

    The languages group alike: the Spanish outputs write "5,000" and "0.5" too.

    >>> number(5000.0), number(1234.5), number(2 / 3), number(0.0042), number(None)
    ('5,000', '1,234.5', '0.67', '0.0042', '')
    >>> number(12.5, sign=True), number(-0.001, decimals=0), number(0.125, decimals=None)
    ('+12.5', '-0.001', '0.125')
    """
    if value is None:
        return ""
    plus = "+" if sign else ""
    if isinstance(value, int):
        text = f"{value:{plus},}"
    elif not math.isfinite(value):
        return str(value)
    elif value.is_integer():
        text = f"{value:{plus},.0f}"
    elif decimals is None:
        from decimal import Decimal  # repr is the shortest text that reads back the same

        text = format(Decimal(repr(value)), f"{plus},f")
    else:
        places = decimals
        if round(value, decimals) == 0 and abs(value) >= SMALLEST:
            places = 1 - math.floor(math.log10(abs(value)))  # two significant digits
        text = f"{value:{plus},.{places}f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "+0") else text


def percent(share: float | None, *, sign: bool = False) -> str:
    """*share* (1 is all) as a whole percentage, the way :func:`number` writes numbers.

    >>> percent(0.5), percent(1.234), percent(-0.25, sign=True), percent(0.001), percent(-0.0)
    ('50%', '123%', '-25%', '0.1%', '0%')
    """
    if share is None:
        return ""
    return number(share * 100, sign=sign, decimals=0) + "%"


def quote(text: str, limit: int | None = None) -> str:
    """*text* in double quotes, escaped (:func:`~socialplan._core.escape.quoted_text`).

    Text longer than *limit* characters is cut to its first ``limit - 1``, an
    ellipsis, and says how long it was.

    >>> print(quote('Say "hi"\\nnow'))
    "Say \\"hi\\"\\nnow"
    >>> print(quote("Fresh bread every morning", 6))
    "Fresh…" (25 characters)
    """
    if limit is None or len(text) <= limit:
        return f'"{quoted_text(text)}"'
    # Cut before escaping: the text may be megabytes long.
    return f'"{quoted_text(text[: limit - 1])}…" ({counted(len(text), "character")})'


def show(value: object, limit: int = 60) -> str:
    """Show a value the way its author wrote it, cut short if long: every message quotes so.

    Text is quoted (:func:`quote`), quotes included at most *limit* characters long
    unless cut; other values are written as the file has them (``true``, ``null``, a
    number as typed), a table or a list named, not shown.

    >>> show('Say "hi"\\x1b[2J')
    '"Say \\\\"hi\\\\"\\\\u001b[2J"'
    >>> show("x" * 200_000)
    '"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx…" (200,000 characters)'
    >>> show(5000.0), show(None), show(["a"]), show([])
    ('5000.0', 'null', 'a list', 'an empty list')
    """
    if isinstance(value, str):
        return quote(value, limit - 2)
    if isinstance(value, bool):
        text = "true" if value else "false"
    elif isinstance(value, Mapping):
        text = "a table"
    elif isinstance(value, list | tuple):
        text = "a list" if value else "an empty list"
    elif value is None:
        text = "null"
    elif isinstance(value, int) and value.bit_length() > 14_000:  # str() refuses 4,300+ digits
        return f"a whole number of about {number(value.bit_length() * 0.30103, decimals=0)} digits"
    else:
        text = str(value)
    if len(text) <= limit:
        return text
    return f"{text[: limit - 1]}… ({counted(len(text), 'character')})"

"""Counted nouns in the languages of the outputs: "1 warning", "2 warnings", "2 advertencias".

Every output that counts something says it through :func:`counted`, so that none
says "1 warnings": one is singular, every other count (zero included) plural, in
English as in Spanish. The plural is made by each language's rules, with the words
they get wrong listed.
"""

from __future__ import annotations

__all__ = ["counted", "plural"]

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
    return f"{count:,} {noun if count == 1 else plural(noun, lang)}"

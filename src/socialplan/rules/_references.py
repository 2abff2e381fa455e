"""SP1: references point at things that exist; names and values are what they seem."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Mapping
from operator import attrgetter
from typing import Any

from .._core.diagnostics import parse_path
from .._core.text import show
from .._core.vocab import (
    CONTENT_FORMATS,
    INFLUENCER_KINDS,
    OBJECTIVE_KINDS,
    PLATFORMS,
    ROLE_FUNCTIONS,
    Suggester,
    ascii_fold,
    close_matches,
)
from ._context import Context, Reference
from ._registry import Finding, rule, suggested

_SINGULAR = {
    "business_goals": "business goal",
    "objectives": "objective",
    "audiences": "audience",
    "channels": "channel",
    "roles": "role",
    "metrics": "metric",
    "pillars": "content pillar",
    "influencers": "influencer",
}
_TABLE = {"pillars": "content.pillars"}


@rule(
    "SP101",
    "unknown-reference",
    "error",
    summary="A reference by id names something the plan does not have.",
    why="A metric that measures a missing objective, or a channel owned by a role nobody holds, "
    "is a plan whose parts do not line up: the link it claims does not exist.",
    fix="Correct the id (the hint suggests the nearest existing one) or add the missing part.",
    example='[metrics.page_likes]\nname = "Page likes"\nmeasures = ["awarness"]',
    fix_safety="safe",
)
def unknown_reference(context: Context) -> Iterator[Finding]:
    suggesters: dict[str, Suggester] = {}  # one per kind, built on its first miss
    for reference in context.unresolved():
        from .._io.convert import EXPECTED_ID, ID_PATTERN  # here: it imports cattrs

        known = context.ids(reference.kind)
        noun = _SINGULAR.get(reference.kind, reference.kind)
        suggest = suggesters.get(reference.kind)
        if suggest is None:
            suggest = suggesters[reference.kind] = Suggester(known)
        # A role does not escalate to itself, nor a channel cross-post to itself: the part
        # that refers is never the one suggested.
        own = _referring(reference)
        candidates = [c for c in suggest.candidates(reference.target) if c != own]
        near = candidates[0] if candidates else None
        table = _TABLE.get(reference.kind, reference.kind)
        fix = suggested(near, safe=len(candidates) == 1) if near else None
        if near:
            hint = f'did you mean "{near}"?'
        elif ID_PATTERN.fullmatch(reference.target):
            hint = f"add [{table}.{reference.target}]"
        else:
            hint = f"name the {noun} by its id: {EXPECTED_ID}"
        message = f"{noun} {show(reference.target)} does not exist"
        # The other end: the part it most likely means, where the editor can show it.
        related = (f"{table}.{near}",) if near else ()
        yield Finding(
            reference.path, message, hint, about=reference.about, fix=fix, related=related
        )


def _referring(reference: Reference) -> str | None:
    """The id of the part whose field *reference* is, when it is a part of the kind the
    reference names (``roles.lead.escalate_to`` is role ``lead``'s); else None.

    >>> _referring(Reference("roles.lead.escalate_to", "roles", "laed"))
    'lead'
    >>> _referring(Reference("channels.fb.owner", "roles", "laed")) is None
    True
    """
    place = parse_path(reference.path)
    table = _TABLE.get(reference.kind, reference.kind).split(".")
    if len(place) > len(table) and place[: len(table)] == table:
        own = place[len(table)]
        return own if isinstance(own, str) else None
    return None


@rule(
    "SP102",
    "unknown-step",
    "error",
    summary="A step record or RACI entry names a step the methodology does not have.",
    why="Progress, owners and due dates recorded against a step that does not exist are lost.",
    fix="Use one of the methodology's step ids; the hint suggests the nearest.",
    example='[steps.metrcs]\nstatus = "done"',
    fix_safety="safe",
)
def unknown_step(context: Context) -> Iterator[Finding]:
    plan = context.plan
    places = [("steps", key) for key in plan.steps]
    if plan.raci is not None:
        places += [("raci.steps", key) for key in plan.raci.steps]
    if not places:
        return  # nothing names a step (and socialplan.steps need not be imported)
    from ..steps import FOURTEEN_STEPS, MethodologyError, methodology_of

    try:
        step_ids = methodology_of(plan).ids
    except MethodologyError:  # a methodology that is not built in: SP804
        step_ids = [*plan.methodology.steps] if plan.methodology else FOURTEEN_STEPS.ids
    for table, key in places:
        if key not in step_ids:
            candidates = close_matches(key, step_ids)
            near = candidates[0] if candidates else None
            hint = f'did you mean "{near}"?' if near else "expected one of: " + ", ".join(step_ids)
            fix = suggested(near, safe=len(candidates) == 1) if near else None
            message = f'"{key}" is not a step of the plan'
            yield Finding(f"{table}.{key}", message, hint, about="key", fix=fix)


_WORD = re.compile(r"[a-z0-9]+")
_KEPT = frozenset("abcdefghijklmnopqrtuvwxyz0123456789")  # no "s": see _screen_key


def _folded(text: str) -> str:
    """A name reduced to what tells it apart: no case, accents, punctuation or plural -s."""
    words = _WORD.findall(ascii_fold(text))
    return " ".join([w[:-1] if len(w) > 3 and w[-1] == "s" else w for w in words])


#: What a screen key leaves out of a lowercase ASCII name: all but letters and digits, and "s".
_NOT_IN_KEY = bytes(c for c in range(256) if not chr(c).isascii() or chr(c) not in _KEPT)


def _screen_key(name: str) -> bytes:
    """*name*'s folded form without its spaces and its every "s", computed fast for ASCII.

    Names that fold alike have the same key (the key is a function of the folded form),
    so a table whose keys all differ has no two names alike, and is not folded at all.

    >>> _screen_key("Parents' club") == _screen_key("parent club") == b"parentclub"
    True
    """
    if name.isascii():
        return name.lower().encode("ascii").translate(None, _NOT_IN_KEY)
    return _folded(name).replace(" ", "").replace("s", "").encode("ascii")


def _screen_keys(names: list[str]) -> list[bytes]:
    """:func:`_screen_key` of each of *names*, in one pass over them all when they are
    ASCII and on one line each (most tables), else name by name.

    >>> _screen_keys(["Parents' club", "Teens"]) == [b"parentclub", b"teen"]
    True
    """
    joined = "\n".join(names)
    if joined.isascii() and joined.count("\n") == len(names) - 1:
        return joined.lower().encode("ascii").translate(None, _NOT_IN_LINE).split(b"\n")
    return [_screen_key(name) for name in names]


#: What :func:`_screen_keys` leaves out of names joined by newlines: the newlines stay.
_NOT_IN_LINE = _NOT_IN_KEY.replace(b"\n", b"")


@rule(
    "SP103",
    "duplicate-name",
    "warning",
    summary="Two parts of the same kind have the same or nearly the same name.",
    why="Two objectives called the same, or two audiences with one name, are either one thing "
    "written twice or two things nobody can tell apart in a report.",
    fix="Merge them, or name each for what sets it apart.",
    example='[audiences.parents]\nname = "Parents"\n[audiences.mums]\nname = "parent"',
)
def duplicate_name(context: Context) -> Iterator[Finding]:
    plan = context.plan
    groups: list[tuple[str, Mapping[str, Any], str]] = [
        ("business_goals", plan.business_goals, "statement"),
        ("objectives", plan.objectives, "title"),
        ("audiences", plan.audiences, "name"),
        ("influencers", plan.influencers, "name"),
        ("roles", plan.roles, "title"),
        ("metrics", plan.metrics, "name"),
    ]
    if plan.content is not None:
        groups.append(("content.pillars", plan.content.pillars, "theme"))
    for table, parts, field in groups:
        # Names that fold alike have the same screen key; most tables have no two alike.
        keys = _screen_keys(list(map(attrgetter(field), parts.values())))
        if len(set(keys)) == len(keys):
            continue
        names: dict[str, str] = {k: getattr(part, field) for k, part in parts.items()}
        counted = Counter(keys)
        seen: dict[str, str] = {}
        for (key, name), screened in zip(names.items(), keys, strict=True):
            if counted[screened] == 1:
                continue
            folded = _folded(name)
            if not folded:
                continue
            if folded in seen:
                first = seen[folded]
                how = "the same name" if names[first] == name else "nearly the same name"
                yield Finding(
                    f"{table}.{key}",
                    f'"{key}" has {how} as "{first}": {show(name)}',
                    "merge the two or tell them apart by name",
                )
            else:
                seen[folded] = key


@rule(
    "SP104",
    "near-miss-value",
    "warning",
    summary="A value is a near miss of a well-known one (a platform, a kind, a function).",
    why="Platforms, influencer kinds, objective kinds, role functions and content formats accept "
    "any value, but 'facebok' is almost certainly 'facebook', and reports group by the value.",
    fix="Use the suggested spelling, or a value that is not this close to a known one.",
    example='[channels.fb]\nplatform = "facebok"',
    fix_safety="safe",
)
def near_miss_value(context: Context) -> Iterator[Finding]:
    plan = context.plan
    values: list[tuple[str, str | None, frozenset[str]]] = []
    values += [(f"channels.{k}.platform", c.platform, PLATFORMS) for k, c in plan.channels.items()]
    values += [
        (f"influencers.{k}.kind", i.kind, INFLUENCER_KINDS) for k, i in plan.influencers.items()
    ]
    values += [
        (f"objectives.{k}.kind", o.kind, OBJECTIVE_KINDS) for k, o in plan.objectives.items()
    ]
    values += [(f"roles.{k}.function", r.function, ROLE_FUNCTIONS) for k, r in plan.roles.items()]
    values += [
        (f"calendar[{i}].format", e.format, CONTENT_FORMATS) for i, e in enumerate(plan.calendar)
    ]
    if plan.content is not None:
        formats = [(f"content.formats[{i}]", f) for i, f in enumerate(plan.content.formats)]
        for key, pillar in plan.content.pillars.items():
            formats += [
                (f"content.pillars.{key}.formats[{i}]", f) for i, f in enumerate(pillar.formats)
            ]
        values += [(path, value, CONTENT_FORMATS) for path, value in formats]
    for path, value, known in values:
        if value is None or value in known:
            continue
        candidates = close_matches(value, known)
        if candidates:
            near = candidates[0]
            fix = suggested(near, safe=len(candidates) == 1)
            message = f"{show(value)} is not a known value"
            yield Finding(path, message, f'did you mean "{near}"?', fix=fix)

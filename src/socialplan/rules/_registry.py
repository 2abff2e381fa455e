"""The rule registry: what a rule is, the catalog of every rule known, and the plugins'.

The rule modules register their rules here with :func:`rule`; the engine
(:mod:`socialplan.rules._engine`) selects and runs them. Nothing here imports a
rule module or the engine, so that the dependency runs one way.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from typing import Literal, TypeAlias

import attrs

from .._core.diagnostics import About, Fix, Severity, suggested
from .._core.parts import Part
from ._context import Context

__all__ = [
    "CODE",
    "RULES",
    "Check",
    "FixSafety",
    "Finding",
    "Rule",
    "register",
    "rule",
    "suggested",
]

#: Whether a rule's findings come with a fix, and whether ``--fix`` applies it: ``"safe"``
#: (when the fix has one clear candidate), ``"unsafe"`` (``--unsafe-fixes`` only), or None.
FixSafety: TypeAlias = Literal["safe", "unsafe"] | None


@attrs.frozen(eq=False, repr=False)
class Finding(Part):
    """What a rule found: where (a dotted path), what, and how to fix it.

    *about* is ``"key"`` when what is wrong is the last key of *path* as written (an id
    used as a key that names nothing), so that the finding is placed over the key and not
    over the table under it; otherwise ``"value"``. *group* says, in words, the cause
    this finding shares with the rule's other findings of the same group
    (``"4 of 7 channels have no engagement rule"``): see
    :attr:`socialplan.Diagnostic.group`. *fix* is how to fix it without a person's
    judgement, if there is a way (:class:`socialplan.Fix`; one made with
    :func:`suggested` writes a replacement over the finding's own key or value, placed
    when the report is located in the text). *related* are the dotted paths of the other
    parts it is about (:attr:`socialplan.Diagnostic.related`).
    """

    path: str
    message: str
    hint: str | None = None
    about: About = attrs.field(default="value", kw_only=True)
    group: str | None = attrs.field(default=None, kw_only=True)
    fix: Fix | None = attrs.field(default=None, kw_only=True)
    related: tuple[str, ...] = attrs.field(default=(), kw_only=True)


Check: TypeAlias = Callable[[Context], Iterable[Finding]]


#: The shape of a rule code: capital letters, then digits (the first digit is the group).
CODE = re.compile(r"^([A-Z]+)([0-9]+)$")


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Rule(Part):
    """A rule of the catalog: a stable code, its default severity and its documentation.

    An *opt_in* rule is one whose findings would be wrong too often on real plans to run by
    default (issue #18): it runs only when ``select`` names its code in full. *fix_safety*
    says whether its findings carry a fix and whether it is safe (:data:`FixSafety`).
    """

    code: str = attrs.field()
    name: str
    severity: Severity = attrs.field(converter=Severity)
    summary: str
    why: str
    fix: str
    example: str = ""
    check: Check = attrs.field(eq=False, repr=False)
    opt_in: bool = False
    fix_safety: FixSafety = None

    @code.validator
    def _code_shape(self, _attribute: attrs.Attribute[str], value: str) -> None:
        if not CODE.fullmatch(value):
            raise ValueError(
                f"rule code {value!r} is not capital letters then digits, such as 'ACME101'"
            )

    @property
    def group(self) -> str:
        """The rule's group: its letters and first digit, ``"SP2"`` for ``"SP201"``."""
        match = CODE.match(self.code)
        assert match is not None
        return match.group(1) + match.group(2)[0]


#: Every rule known, by code: the built-in ones and those registered by plugins.
RULES: dict[str, Rule] = {}


def register(new: Rule) -> Rule:
    """Add a rule to the catalog; a code is never reused for another rule."""
    existing = RULES.get(new.code)
    if existing is not None and existing.check is not new.check:
        raise ValueError(f"rule code {new.code} is already taken by {existing.name!r}")
    RULES[new.code] = new
    return new


def rule(
    code: str,
    name: str,
    severity: Severity | str,
    *,
    summary: str,
    why: str,
    fix: str,
    example: str = "",
    opt_in: bool = False,
    fix_safety: FixSafety = None,
) -> Callable[[Check], Check]:
    """Register the decorated function as the check of a new rule.

    The function takes a :class:`~socialplan.rules.Context` and yields
    :class:`Finding` objects; the engine turns them into diagnostics with the
    rule's code and severity. An *opt_in* rule runs only when selected by its code.
    """

    def decorate(check: Check) -> Check:
        register(
            Rule(
                code=code,
                name=name,
                severity=Severity(severity),
                summary=summary,
                why=why,
                fix=fix,
                example=example,
                check=check,
                opt_in=opt_in,
                fix_safety=fix_safety,
            )
        )
        return check

    return decorate


#: The entry-point group through which installed packages add rules.
_GROUP = "socialplan.rules"


def _may_declare_plugins() -> bool:
    """Whether any distribution on ``sys.path`` could declare a rule plugin.

    ``importlib.metadata`` costs tens of milliseconds to import and to read every
    distribution's metadata: too much for each ``socialplan check``. This looks, as it
    would, for ``*.dist-info`` and ``*.egg-info`` folders on ``sys.path`` and reads only
    their ``entry_points.txt``; it answers True (ask ``importlib.metadata``) when one
    names the group, and whenever it cannot tell: a zip on the path, or another finder of
    distributions installed in ``sys.meta_path``.
    """
    import importlib.machinery
    import os
    import sys

    for finder in sys.meta_path:
        if finder is not importlib.machinery.PathFinder and hasattr(finder, "find_distributions"):
            return True
    for entry in sys.path:
        folder = entry or "."
        try:
            children = os.listdir(folder)
        except NotADirectoryError:
            return True  # a zip file: only importlib.metadata reads those
        except (OSError, TypeError):
            continue  # nothing there: importlib.metadata finds nothing either
        is_egg = folder.lower().endswith(".egg")
        for child in children:
            low = child.lower()
            if low.endswith((".dist-info", ".egg-info")) or (is_egg and low == "egg-info"):
                try:
                    with open(os.path.join(folder, child, "entry_points.txt"), "rb") as file:
                        if _GROUP.encode() in file.read():
                            return True
                except (FileNotFoundError, NotADirectoryError):
                    continue  # no entry points, or an egg-info file
                except OSError:
                    return True
    return False


@functools.cache
def _load_plugins() -> None:
    if not _may_declare_plugins():
        return
    from importlib.metadata import entry_points

    for point in entry_points(group=_GROUP):
        loaded = point.load()
        if isinstance(loaded, Rule):
            register(loaded)
        elif isinstance(loaded, Iterable) and not isinstance(loaded, str):
            for item in loaded:
                register(item)
        # a module registers its rules with @rule when it is imported

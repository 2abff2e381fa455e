"""The rule engine: one registry, selection by code or prefix, reports as data."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any, TypeAlias

import attrs

from .._diagnostics import Diagnostic, Severity
from .._gc import paused_collector
from .._model import CheckSettings, Plan
from ._context import Context

__all__ = [
    "RULES",
    "Check",
    "Finding",
    "Report",
    "Rule",
    "Selection",
    "all_rules",
    "register",
    "rule",
    "validate",
]


@attrs.frozen
class Finding:
    """What a rule found: where (a dotted path), what, and how to fix it."""

    path: str
    message: str
    hint: str | None = None


Check: TypeAlias = Callable[[Context], Iterable[Finding]]


#: The shape of a rule code: capital letters, then digits (the first digit is the group).
CODE = re.compile(r"^([A-Z]+)([0-9]+)$")


@attrs.frozen(kw_only=True)
class Rule:
    """A rule of the catalog: a stable code, its default severity and its documentation."""

    code: str = attrs.field()
    name: str
    severity: Severity = attrs.field(converter=Severity)
    summary: str
    why: str
    fix: str
    example: str = ""
    check: Check = attrs.field(eq=False, repr=False)

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
) -> Callable[[Check], Check]:
    """Register the decorated function as the check of a new rule.

    The function takes a :class:`~socialplan.rules.Context` and yields
    :class:`Finding` objects; the engine turns them into diagnostics with the
    rule's code and severity.
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
            )
        )
        return check

    return decorate


def _load_builtin_and_plugins() -> None:
    from . import _catalog  # noqa: F401 - registers the built-in rules

    _load_plugins()


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


def all_rules() -> list[Rule]:
    """The catalog, built-in rules and plugins', sorted by code."""
    _load_builtin_and_plugins()
    return [RULES[code] for code in sorted(RULES)]


def _specificity(code: str, prefixes: Iterable[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


@attrs.frozen(kw_only=True)
class Selection:
    """Which rules run and how severe their findings are, as ruff selects.

    *select* and *ignore* name codes or prefixes (``"SP2"``, ``"SP205"``);
    when both match a code, the longer prefix wins; ``select=None`` selects
    every rule. *severity* overrides a rule's default severity by code or
    prefix; *strict* turns warnings into errors.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    severity: Mapping[str, Severity] = attrs.field(factory=dict)
    strict: bool = False

    def selects(self, code: str) -> bool:
        """Whether the rule *code* runs."""
        chosen = 0 if self.select is None else _specificity(code, self.select)
        return chosen >= 0 and chosen > _specificity(code, self.ignore)

    def severity_of(self, found: Rule) -> Severity:
        """The severity a finding of *found* is reported with."""
        severity = found.severity
        best = _specificity(found.code, self.severity)
        if best >= 0:
            severity = next(
                Severity(v)
                for k, v in self.severity.items()
                if len(k) == best and found.code.startswith(k)
            )
        if self.strict and severity is Severity.WARNING:
            return Severity.ERROR
        return severity

    def then(self, other: Selection | None) -> Selection:
        """This selection with *other* laid over it: its choices win where it makes any."""
        if other is None:
            return self
        return Selection(
            select=other.select if other.select is not None else self.select,
            ignore=(*self.ignore, *other.ignore),
            severity={**self.severity, **other.severity},
            strict=self.strict or other.strict,
        )

    @classmethod
    def of(cls, settings: CheckSettings | None) -> Selection | None:
        """The selection a ``[check]`` table (or ``[tool.socialplan]``) asks for."""
        if settings is None:
            return None
        return cls(
            select=settings.select or None,
            ignore=settings.ignore,
            severity=dict(settings.severity),
            strict=settings.strict,
        )


_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen
class Report:
    """The diagnostics of one validation, sorted by severity, then code, then path.

    Iterating gives every diagnostic; :attr:`ok` is true when none is an error.
    """

    diagnostics: tuple[Diagnostic, ...]

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)

    def __len__(self) -> int:
        return len(self.diagnostics)

    def _of(self, severity: Severity) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.severity is severity]

    @property
    def errors(self) -> list[Diagnostic]:
        """The diagnostics that are errors."""
        return self._of(Severity.ERROR)

    @property
    def warnings(self) -> list[Diagnostic]:
        """The diagnostics that are warnings."""
        return self._of(Severity.WARNING)

    @property
    def infos(self) -> list[Diagnostic]:
        """The diagnostics of severity info."""
        return self._of(Severity.INFO)

    @property
    def ok(self) -> bool:
        """True when no diagnostic is an error."""
        return not self.errors

    @property
    def counts(self) -> dict[str, int]:
        """How many diagnostics of each severity."""
        return {str(s): len(self._of(s)) for s in Severity}

    def located(self, text: str, format: str = "toml", file: str | None = None) -> Report:  # noqa: A002
        """This report with each diagnostic's line found in the plan's source *text*.

        ``validate`` sees only the plan; a tool that has the file's text gets
        the lines that ``socialplan check`` prints.
        """
        from .._locate import locate

        return Report(
            tuple(
                attrs.evolve(d, line=locate(text, d.path, format) if d.path else None, file=file)
                for d in self.diagnostics
            )
        )

    def codes(self) -> list[str]:
        """The code of each diagnostic, in order."""
        return [d.code for d in self.diagnostics]

    def to_records(self) -> list[dict[str, Any]]:
        """One plain dict per diagnostic, for ``pandas.DataFrame(report.to_records())``."""
        return [d.to_dict() for d in self.diagnostics]

    def _repr_markdown_(self) -> str:
        from .._display import report_markdown

        return report_markdown(self)

    def _repr_html_(self) -> str:
        from .._display import report_html

        return report_html(self)

    def to_dict(self, file: str | None = None) -> dict[str, Any]:
        """The report as the object of one file in ``socialplan check --format json``'s ``files``.

        The command adds ``summary`` (what the plan holds) and the line of each diagnostic.
        """
        return {
            "file": file,
            "ok": self.ok,
            "counts": self.counts,
            "diagnostics": [d.to_dict() for d in self.diagnostics],
        }


def _sort_key(d: Diagnostic) -> tuple[int, str, str]:
    return (_ORDER[d.severity], d.code, d.path)


def validate(
    plan: Plan,
    *,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] = (),
    severity: Mapping[str, Severity | str] | None = None,
    strict: bool = False,
    settings: Selection | None = None,
) -> Report:
    """Run the rules over *plan* and report what they find; never raises for plan problems.

    Which rules run is decided in layers, each over the one before:
    *settings* (a project's ``[tool.socialplan]``), the plan's own ``[check]``
    table, then the arguments: *select* and *ignore* take codes or prefixes
    (``["SP2"]``, ``["SP205"]``), *severity* overrides a rule's severity,
    *strict* turns warnings into errors.
    """
    explicit = Selection(
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore),
        severity={k: Severity(v) for k, v in (severity or {}).items()},
        strict=strict,
    )
    chosen = (settings or Selection()).then(Selection.of(plan.check)).then(explicit)
    context = Context(plan)
    found: list[Diagnostic] = []
    with paused_collector():
        _run(chosen, context, found)
    found.sort(key=_sort_key)
    return Report(tuple(found))


def _run(chosen: Selection, context: Context, found: list[Diagnostic]) -> None:
    """Add to *found* what every rule *chosen* selects finds in *context*'s plan."""
    for each in all_rules():
        if not chosen.selects(each.code):
            continue
        level = chosen.severity_of(each)
        try:
            findings = list(each.check(context))
        except Exception as exc:  # noqa: BLE001 - one broken rule must not hide the others
            found.append(
                Diagnostic(
                    code=each.code,
                    severity=Severity.ERROR,
                    message=f"the rule {each.name} failed: {type(exc).__name__}: {exc}",
                    hint="a bug in the rule, not in the plan: please report it to its authors",
                )
            )
            continue
        found.extend(
            Diagnostic(
                code=each.code,
                severity=level,
                message=finding.message,
                path=finding.path,
                hint=finding.hint,
            )
            for finding in findings
        )

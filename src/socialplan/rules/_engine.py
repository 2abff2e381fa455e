"""The rule engine: selection by code or prefix, one run of the rules, reports as data.

The rules it runs are in the registry (:mod:`socialplan.rules._registry`), where the
rule modules put them; it loads the built-in catalog and the plugins the first time it
needs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Any, TypeAlias

import attrs

from .._core.diagnostics import Diagnostic, FieldError, Severity
from .._core.gc import paused_collector
from .._core.parts import Part
from .._core.written import judged_once
from .._model import CheckSettings, Plan
from ._context import Context
from ._registry import RULES, Rule, _load_plugins

__all__ = ["Report", "Selection", "all_rules", "validate"]


def _load_builtin_and_plugins() -> None:
    from . import _catalog  # noqa: F401 - registers the built-in rules

    _load_plugins()


def all_rules() -> list[Rule]:
    """The catalog, built-in rules and plugins', sorted by code."""
    _load_builtin_and_plugins()
    return [RULES[code] for code in sorted(RULES)]


def _specificity(code: str, prefixes: Iterable[str]) -> int:
    return max((len(p) for p in prefixes if code.startswith(p)), default=-1)


def _load_error_codes() -> frozenset[str]:
    """The codes of the load errors (SP001-SP011): pages of the catalog, not rules that run."""
    from ._loading import _found_while_loading

    return frozenset(code for code, each in RULES.items() if each.check is _found_while_loading)


def code_problem(code: str) -> FieldError | None:
    """Why *code* cannot select, ignore or give a severity to rules; None if it can.

    It can when it is the code or a prefix of the code of a rule that runs, built-in or
    a plugin's, in any case (``"sp2"`` is ``"SP2"``). The load errors SP001-SP011 are
    pages of the catalog, not rules that run: a file that does not load gets every one of
    them, whatever is selected, so ``"SP0"`` and ``"SP003"`` are refused, saying so.
    """
    from .._io.convert import EXPECTED_CODE, code_shape_problem

    _load_builtin_and_plugins()
    upper = code.upper()
    shaped = code_shape_problem(code) is None
    load_errors = _load_error_codes()
    named = [each for each in RULES if each.startswith(upper)] if shaped else []
    if named and not all(each in load_errors for each in named):
        return None
    if named:
        return FieldError(
            code,
            "the code or prefix of a rule that can be chosen",
            hint=f"{min(load_errors)}-{max(load_errors)} are load errors, reported whenever a "
            "file does not load: they cannot be selected, ignored or given another severity",
        )
    near = _near_code(upper, load_errors)
    if not shaped:
        return FieldError(code, EXPECTED_CODE, suggestion=near, safe=False)
    hint = None if near else "`socialplan rules` lists them"
    return FieldError(
        code, "the code or prefix of any rule", suggestion=near, hint=hint, safe=False
    )


#: Longer than any rule code could be: no near miss is looked for in a longer text (the
#: swaps of every two of its characters take memory in the square of its length).
_LONGEST_CODE = 32


def _near_code(code: str, load_errors: frozenset[str]) -> str | None:
    """The code, group or letters of the rules that *code* (upper case) is a typo of, if any.

    The typos of codes first: a letter for a digit (``SP2O5``: ``SP205``), two characters
    swapped (``SP250``); then :func:`~socialplan._core.vocab.did_you_mean`. None for a text
    longer than any code could be.
    """
    from .._core.vocab import did_you_mean
    from .._io.convert import reshaped_code

    if len(code) > _LONGEST_CODE:
        return None
    codes = set(RULES) - load_errors
    known = codes | {c[:i] for c in codes for i in range(2, len(c)) if not c[i - 1].isalpha()}
    known |= {c.rstrip("0123456789") for c in codes}
    reshaped = reshaped_code(code)  # a letter for a digit
    if reshaped in known:
        return reshaped
    swapped = [code[:i] + code[i + 1] + code[i] + code[i + 2 :] for i in range(len(code) - 1)]
    return next((each for each in sorted(swapped) if each in known), None) or did_you_mean(
        code, known
    )


#: Where a problem of a selection is: ``["select", 0]``, ``["severity", "SP2"]``.
Place: TypeAlias = list[str | int]


def selection_problems(
    select: object = None,
    ignore: object = None,
    severity: object = None,
    per_path: object = None,
) -> list[tuple[Place, FieldError]]:
    """The codes given to select, ignore or give a severity to that name no rule, by place.

    The arguments are as a file or a caller gives them: what is not a list of strings
    (or a table keyed by strings, for *severity*) is left to whoever checks their types.
    A *severity* key written twice in two cases (``sp2`` and ``SP2``) is a problem too.
    """
    if not any(
        isinstance(x, list | tuple | Mapping) and x for x in (select, ignore, severity, per_path)
    ):
        return []  # nothing to judge (`check` without --select): the converters stay unloaded
    from .._io.convert import code_problems

    return code_problems(select, ignore, severity, per_path=per_path, judge=code_problem)


def explain(problem: FieldError) -> str:
    """*problem* in words: the value, what was expected, and the near miss or a hint."""
    message, hint = problem.said()
    return message + (f" ({hint})" if hint else "")


def _code_list(name: str, codes: object) -> tuple[str, ...]:
    """*codes* read once (any iterable, one-shot ones too), as given; a ``TypeError`` naming
    the argument *name* for a string (``"SP808"`` would be the codes ``S``, ``P``, ``8``...),
    what is not iterable, or a code that is not a string."""
    if isinstance(codes, str):
        raise TypeError(
            f"{name}: a list of rule codes or prefixes such as [{codes[:40]!r}], not a string"
        )
    if isinstance(codes, Mapping) or not isinstance(codes, Iterable):
        raise TypeError(f"{name}: a list of rule codes or prefixes, not {_kind(codes)}")
    listed = tuple(codes)
    other = next((code for code in listed if not isinstance(code, str)), "")
    if not isinstance(other, str):
        raise TypeError(f"{name}: rule codes are strings, not {other!r}")
    return listed


def _kind(value: object) -> str:
    """What *value* is, in words: ``a dict``, ``an int``."""
    name = type(value).__name__
    return ("an " if name[:1].lower() in "aeiou" else "a ") + name


def _codes(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(code.upper() for code in _code_list("ignore", codes))


def _chosen_codes(codes: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if codes is None else tuple(c.upper() for c in _code_list("select", codes))


def _severities(severity: Mapping[str, Severity | str]) -> dict[str, Severity]:
    return {key.upper(): Severity(value) for key, value in _severity_table(severity).items()}


def _per_path(ignores: Mapping[str, Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """``per_path_ignores`` as a selection holds it: each pattern's codes in upper case."""
    if not isinstance(ignores, Mapping):
        raise TypeError(
            f"per_path_ignores: a mapping of path patterns to rule codes, not {_kind(ignores)}"
        )
    return {
        str(pattern): tuple(c.upper() for c in _code_list(f"per_path_ignores[{pattern!r}]", codes))
        for pattern, codes in ignores.items()
    }


def _severity_table(severity: object) -> Mapping[str, Any]:
    """*severity* if it is a table keyed by strings; a ``TypeError`` saying so if not."""
    if not isinstance(severity, Mapping):
        raise TypeError(
            f"severity: a mapping of rule codes or prefixes to severities, not {_kind(severity)}"
        )
    other = next((key for key in severity if not isinstance(key, str)), "")
    if not isinstance(other, str):
        raise TypeError(f"severity: rule codes are strings, not {other!r}")
    return severity


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Selection(Part):
    """Which rules run and how severe their findings are, as ruff selects.

    *select* and *ignore* name codes or prefixes (``"SP2"``, ``"SP205"``, in
    any case); when both match a code, the longer prefix wins; ``select=None``
    selects every rule. *severity* overrides a rule's default severity by code
    or prefix; *strict* turns warnings into errors. :func:`validate` refuses
    codes that name no rule. *per_path_ignores* maps dotted-path patterns to the
    codes ignored under them: :func:`suppress` applies them, not :func:`validate`.
    """

    select: tuple[str, ...] | None = attrs.field(default=None, converter=_chosen_codes)
    ignore: tuple[str, ...] = attrs.field(default=(), converter=_codes)
    severity: Mapping[str, Severity] = attrs.field(factory=dict, converter=_severities)
    strict: bool = False
    per_path_ignores: Mapping[str, tuple[str, ...]] = attrs.field(factory=dict, converter=_per_path)

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
            per_path_ignores={
                pattern: (*self.per_path_ignores.get(pattern, ()), *codes)
                for pattern, codes in other.per_path_ignores.items()
            }
            | {
                pattern: codes
                for pattern, codes in self.per_path_ignores.items()
                if pattern not in other.per_path_ignores
            },
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
            per_path_ignores=dict(settings.per_path_ignores),
        )


_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


@attrs.frozen(eq=False, repr=False)
class Report(Part):
    """The diagnostics of one validation, sorted by severity, then code, then path.

    Iterating gives every diagnostic; :attr:`ok` is true when none is an error.
    *selection* is the selection the rules ran with (every layer laid over the others),
    when :func:`validate` made the report: :func:`suppress` reads it to tell a rule that
    found nothing from one that did not run.
    """

    diagnostics: tuple[Diagnostic, ...]
    # Not compared nor shown: two reports of the same findings are equal, as they were.
    selection: Selection | None = attrs.field(default=None, kw_only=True, eq=False, repr=False)

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

    def located(
        self,
        text: str,
        format: str | None = None,  # noqa: A002
        file: str | None = None,
    ) -> Report:
        """This report with the range of each diagnostic found in the plan's source *text*.

        ``validate`` sees only the plan; a tool that has the file's text gets the
        positions that ``socialplan check`` prints: the line and column where the value a
        diagnostic names starts and ends, or, for a field that is not written, the header
        (or inline table) of the part where it would be added. The text is read once,
        however many diagnostics there are. *format* is ``"toml"`` or ``"json"``; without
        it, it is told from the text as :func:`socialplan.loads` tells it.
        """
        from .._io.parse import guessed_format
        from .._io.positions import place

        if format is None:
            format = guessed_format(text)  # noqa: A001
        located = tuple(place(self.diagnostics, text, format, file))
        return Report(located, selection=self.selection)

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
    select: Iterable[str] | None = None,
    ignore: Iterable[str] = (),
    severity: Mapping[str, Severity | str] | None = None,
    strict: bool = False,
    settings: Selection | None = None,
) -> Report:
    """Run the rules over *plan* and report what they find; never raises for plan problems.

    Which rules run is decided in layers, each over the one before:
    *settings* (a project's ``[tool.socialplan]``), the plan's own ``[check]``
    table, then the arguments: *select* and *ignore* take codes or prefixes
    (``["SP2"]``, ``["SP205"]``, in any case), *severity* overrides a rule's
    severity, *strict* turns warnings into errors.

    Raises ``ValueError`` naming every code of the arguments or of *settings* that
    names no rule (with the nearest that does) and every severity that is not one,
    and ``TypeError`` for a string where a list of codes belongs, a code that is
    not a string, a *severity* that is not a mapping or *settings* that are not a
    :class:`Selection`: a typo must not select nothing. *select* and *ignore* may be
    any iterable, a one-shot one too: each is read once. Such codes in the plan's own
    ``[check]`` table are reported instead, each an SP006 error at its place
    (``check.select[0]``): loading checks only that they are shaped as codes, as
    it cannot know the rules, so a plan written for a plugin's rules loads, and is
    checked by the other rules, where the plugin is not installed.
    """
    # Each read once: a one-shot iterable is checked and then selects.
    select = None if select is None else _code_list("select", select)
    ignore = _code_list("ignore", ignore)
    if severity is not None:
        severity = _severity_table(severity)
    if settings is not None and not isinstance(settings, Selection):
        raise TypeError(
            "settings: a socialplan.rules.Selection (as project_settings() gives), "
            f"not {_kind(settings)}"
        )
    problems = selection_problems(select, ignore, severity) + _severity_problems(severity)
    if settings is not None:
        problems += [
            (["settings", *place], problem)
            for place, problem in selection_problems(
                settings.select, settings.ignore, settings.severity, settings.per_path_ignores
            )
        ]
    if problems:
        from .._core.diagnostics import format_path

        raise ValueError("\n".join(f"{format_path(p)}: {explain(e)}" for p, e in problems))
    explicit = Selection(
        select=select,
        ignore=ignore,
        severity=severity or {},
        strict=strict,
    )
    chosen = (settings or Selection()).then(Selection.of(plan.check)).then(explicit)
    found = _check_table_problems(plan.check)
    # Each table's written parts are judged once, for the rules and the steps' progress.
    with paused_collector(), judged_once():
        # The context's indexes are freed before the collector runs again: it would
        # otherwise walk them, and the plan they point into, at its next collection.
        _run(chosen, Context(plan), found)
    found.sort(key=_sort_key)
    return Report(tuple(found), selection=chosen)


def _severity_problems(severity: Mapping[str, object] | None) -> list[tuple[Place, FieldError]]:
    """The values of *severity* that are not a severity."""
    from .._core.vocab import did_you_mean

    names = [str(s) for s in Severity]
    return [
        (
            ["severity", key],
            FieldError(
                value,
                "one of " + ", ".join(f'"{name}"' for name in names),
                suggestion=did_you_mean(value, names) if isinstance(value, str) else None,
            ),
        )
        for key, value in (severity or {}).items()
        if not isinstance(value, Severity) and value not in names
    ]


def _check_table_problems(check: CheckSettings | None) -> list[Diagnostic]:
    """SP006 for each code of a ``[check]`` table that names no rule (loading checks only
    that each is shaped as a code)."""
    if check is None or not (
        check.select or check.ignore or check.severity or check.per_path_ignores
    ):
        return []
    from .._core.diagnostics import INVALID_VALUE, format_path

    found = []
    for place, problem in selection_problems(
        check.select, check.ignore, check.severity, check.per_path_ignores
    ):
        message, hint = problem.said()
        path = format_path(["check", *place])
        found.append(
            Diagnostic(
                code=INVALID_VALUE,
                severity=Severity.ERROR,
                message=message,
                path=path,
                hint=hint,
                about=problem.about,
                fix=problem.fix(),
            )
        )
    return found


def runs(chosen: Selection, each: Rule) -> bool:
    """Whether the rule *each* runs under *chosen*: selected, and an opt-in rule only when
    its code is selected in full."""
    if not chosen.selects(each.code):
        return False
    return not each.opt_in or each.code in (chosen.select or ())


def _run(chosen: Selection, context: Context, found: list[Diagnostic]) -> None:
    """Add to *found* what every rule *chosen* selects finds in *context*'s plan."""
    for each in all_rules():
        if not runs(chosen, each):
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
                about=finding.about,
                group=finding.group,
                fix=finding.fix,
                related=finding.related,
            )
            for finding in findings
        )

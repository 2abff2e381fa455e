"""Suppressions: the findings a plan's author accepted, said in the file.

Two kinds, both applied by :func:`suppress` to a report and the text of its file:

- a comment in a TOML plan, on a finding's line or on the ``[header]`` line of the part
  it is in: ``# socialplan: ignore[SP204]``, one or more codes or prefixes
  (``ignore[SP204, SP7]``), with a reason after a dash if you like
  (``# socialplan: ignore[SP204] - the board sets the date in March``);
- ``per_path_ignores`` in the plan's ``[check]`` table or the project's
  ``[tool.socialplan]``: dotted-path patterns (``*`` and ``?`` wildcards) to codes, as
  ruff's per-file ignores (``"objectives.legacy_*" = ["SP2"]``).

A pure function of its arguments: the command line, the language server and a program of
your own get the same answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING

import attrs

from .._core.diagnostics import Diagnostic, Severity, format_path, parse_path
from .._core.parts import Part
from ._engine import Report, Selection, _sort_key, all_rules, code_problem, runs
from ._registry import RULES
from ._suppressions import INVALID_SUPPRESSION, UNUSED_SUPPRESSION

if TYPE_CHECKING:
    from .._io.comments import Comment
    from .._io.positions import PositionIndex
    from .._model import Plan

__all__ = ["Suppressed", "Suppression", "suppress"]


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Suppression(Part):
    """One suppression: a comment (*line*, *column*, *end_column* of its ``#``, the *reason*
    after its dash) or a per-path ignore (its *pattern*; *path* is where it is written in
    the plan, ``check.per_path_ignores."objectives.legacy_*"``, empty for the project's).
    *codes* are its codes or prefixes, in upper case."""

    codes: tuple[str, ...]
    line: int | None = None
    column: int | None = None
    end_column: int | None = None
    reason: str | None = None
    pattern: str | None = None
    path: str = ""


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Suppressed(Part):
    """What :func:`suppress` found: the findings *kept* and those *suppressed*, the
    suppressions (or codes of one) that suppressed nothing (*unused*, each with only those
    codes), and the comments that try to be suppressions and are not (*problems*, SP903
    findings at their line).

    *unused* holds only codes whose rules ran (a suppression of a rule not selected this
    time may well be needed), and only the plan's own: the project's per-path ignores are
    for every plan below it, and one plan not needing one says nothing.
    """

    kept: tuple[Diagnostic, ...]
    suppressed: tuple[Diagnostic, ...]
    unused: tuple[Suppression, ...]
    problems: tuple[Diagnostic, ...]
    selection: Selection | None = None

    def unused_findings(self) -> list[Diagnostic]:
        """An SP902 finding for each of :attr:`unused`, at the comment's line or the
        per-path ignore's key (placed by :meth:`Report.located`); none when SP902 does not
        run under the report's selection."""
        if not _reported(self.selection, UNUSED_SUPPRESSION):
            return []
        severity = _severity(self.selection, UNUSED_SUPPRESSION)
        return [_unused_finding(each, severity) for each in self.unused]

    def report(self, *, unused: bool | None = None) -> Report:
        """The findings to show: those kept, the SP903 problems and, with *unused* (by
        default when the selection is strict, as ``check --strict``), the SP902 findings
        of the suppressions that suppressed nothing."""
        if unused is None:
            unused = self.selection is not None and self.selection.strict
        found = [*self.kept, *self.problems, *(self.unused_findings() if unused else ())]
        found.sort(key=_sort_key)
        return Report(tuple(found), selection=self.selection)


def suppress(
    report: Report,
    text: str,
    *,
    plan: Plan | None = None,
    settings: Selection | None = None,
    format: str | None = None,  # noqa: A002
) -> Suppressed:
    """The findings of *report* with those the file's author suppressed taken out.

    *text* is the plan's source (suppression comments are read from a TOML one; JSON has
    no comments); *plan*, when given, brings the ``per_path_ignores`` of its ``[check]``
    table, and *settings* (the project's :class:`Selection`, as :func:`project_settings`
    gives) those of ``[tool.socialplan]``. *format* is ``"toml"`` or ``"json"``; without it,
    it is told from the text. The findings are matched by their line in *text* (placed
    there if the report is not located yet) and by their dotted path.

    >>> import socialplan
    >>> text = '''format = "socialplan/1"
    ... [plan]
    ... name = "Demo"
    ... [objectives.awareness]  # socialplan: ignore[SP204] - the board sets it in March
    ... title = "Be known"
    ... target = { value = 500, unit = "followers" }
    ... '''
    >>> report = socialplan.validate(socialplan.loads(text), select=["SP204", "SP215"])
    >>> report.codes()
    ['SP204', 'SP215']
    >>> done = suppress(report, text)
    >>> [d.code for d in done.suppressed], done.report().codes()
    (['SP204'], ['SP215'])
    """
    from .._io.parse import guessed_format

    if format is None:
        format = guessed_format(text)  # noqa: A001
    return suppressed_with(report, text, format, None, plan=plan, settings=settings)


def suppressed_with(
    report: Report,
    text: str,
    format: str,  # noqa: A002
    index: PositionIndex | None,
    *,
    plan: Plan | None = None,
    settings: Selection | None = None,
) -> Suppressed:
    """:func:`suppress` of a text in *format* whose *index* of positions the caller keeps
    to place the findings after (None: one is made here when a comment needs it)."""
    selection = report.selection
    comments, problems = _comments(text) if format == "toml" else ([], [])
    own = _per_path(plan.check.per_path_ignores if plan and plan.check else {}, own=True)
    project = _per_path(settings.per_path_ignores if settings else {}, own=False)
    patterns = [*own, *project]
    used: set[tuple[int, str]] = set()  # (index of the suppression, code) that hid something
    by_line: dict[int, list[tuple[int, Suppression]]] = {}
    for number, suppression in enumerate(comments, start=len(patterns)):
        assert suppression.line is not None
        by_line.setdefault(suppression.line, []).append((number, suppression))
    kept: list[Diagnostic] = []
    hidden: list[Diagnostic] = []
    for diagnostic in report:
        hit = False
        if patterns and diagnostic.path:
            written = _written_paths(diagnostic.path)
            for number, (suppression, matches) in enumerate(patterns):
                code = _matching(suppression.codes, diagnostic.code)
                if code is not None and any(map(matches, written)):
                    used.add((number, code))
                    hit = True
        if comments:
            if index is None:
                from .._io.positions import PositionIndex

                index = PositionIndex.of(text.removeprefix("\ufeff"), format)
            lines = _lines_of(diagnostic, index, text.removeprefix("\ufeff"))
            for line in lines & by_line.keys():
                for number, suppression in by_line[line]:
                    code = _matching(suppression.codes, diagnostic.code)
                    if code is not None:
                        used.add((number, code))
                        hit = True
        (hidden if hit else kept).append(diagnostic)
    every = [s for s, _ in patterns] + comments
    unused = []
    for number, suppression in enumerate(every):
        if number >= len(own) and number < len(patterns):
            continue  # the project's: needed by other plans, maybe
        left = tuple(
            code
            for code in suppression.codes
            if (number, code) not in used and _ran(selection, code)
        )
        if left:
            unused.append(attrs.evolve(suppression, codes=left))
    return Suppressed(
        kept=tuple(kept),
        suppressed=tuple(hidden),
        unused=tuple(unused),
        problems=tuple(
            attrs.evolve(problem, severity=_severity(selection, INVALID_SUPPRESSION))
            for problem in (problems if _reported(selection, INVALID_SUPPRESSION) else ())
        ),
        selection=selection,
    )


def _matching(codes: Sequence[str], code: str) -> str | None:
    """The first of *codes* (codes or prefixes, upper case) that names *code*, if any."""
    return next((each for each in codes if code.startswith(each)), None)


def _ran(selection: Selection | None, code: str) -> bool:
    """Whether a rule *code* names (a code or a prefix) ran under *selection*."""
    if selection is None:
        return True
    return any(runs(selection, each) for each in all_rules() if each.code.startswith(code))


def _reported(selection: Selection | None, code: str) -> bool:
    """Whether the findings of *code* (SP902, SP903) are reported under *selection*: they
    are about the file's suppressions, not its plan, so a ``select`` of other rules does not
    leave them out; an ``ignore`` does."""
    if selection is None or runs(selection, RULES[code]):
        return True
    return not any(code.startswith(each) for each in selection.ignore)


def _severity(selection: Selection | None, code: str) -> Severity:
    found = RULES[code]
    return found.severity if selection is None else selection.severity_of(found)


# --- Per-path ignores -----------------------------------------------------------------------


#: Whether a dotted path matches a pattern.
_Matcher = Callable[[str], object]


def _per_path(
    ignores: Mapping[str, Sequence[str]], *, own: bool
) -> list[tuple[Suppression, _Matcher]]:
    """Each per-path ignore with the matcher of its pattern, in the order written."""
    found: list[tuple[Suppression, _Matcher]] = []
    for pattern, codes in ignores.items():
        suppression = Suppression(
            codes=tuple(code.upper() for code in codes),
            pattern=pattern,
            path=format_path(["check", "per_path_ignores", pattern]) if own else "",
        )
        found.append((suppression, _compiled(pattern).fullmatch))
    return found


def _compiled(pattern: str) -> re.Pattern[str]:
    """*pattern* as a regular expression: ``*`` any text (dots too), ``?`` one character,
    everything else itself (``calendar[0]`` is the path, not a class of characters)."""
    wildcards = {"*": ".*", "?": "."}
    return re.compile("".join(wildcards.get(char) or re.escape(char) for char in pattern))


def _written_paths(path: str) -> list[str]:
    """*path* and every path above it, as written in a pattern: a pattern that names a
    part names what is in it."""
    segments = parse_path(path)
    return [format_path(segments[:end]) for end in range(len(segments), 0, -1)]


# --- Comments -------------------------------------------------------------------------------

#: A comment that means to speak to socialplan.
_DIRECTIVE = re.compile(r"#\s*socialplan\s*:\s*(?P<rest>.*)", re.IGNORECASE | re.DOTALL)
_IGNORE = re.compile(
    r"ignore\s*\[(?P<codes>[^\]]*)\]\s*(?:[-–—]\s*(?P<reason>.*)|(?P<after>\S.*))?",
    re.IGNORECASE | re.DOTALL,
)
_WORD = re.compile(r"[A-Za-z_-]+")
_SHAPE = "# socialplan: ignore[CODE, ...] - a reason"


def _comments(text: str) -> tuple[list[Suppression], list[Diagnostic]]:
    """The suppressions of *text*'s comments, and an SP903 finding for each comment that
    starts ``# socialplan:`` and is not one (a code of it that names no rule, each)."""
    from .._io.comments import comments

    found: list[Suppression] = []
    problems: list[Diagnostic] = []
    for comment in comments(text):
        directive = _DIRECTIVE.fullmatch(comment.text)
        if directive is None:
            continue
        suppression, said = _read(directive.group("rest"), comment)
        if suppression is not None:
            found.append(suppression)
        for message, hint in said:
            problems.append(
                Diagnostic(
                    code=INVALID_SUPPRESSION,
                    severity=RULES[INVALID_SUPPRESSION].severity,
                    message=message,
                    hint=hint,
                    line=comment.line,
                    column=comment.column,
                    end_line=comment.line,
                    end_column=comment.end_column,
                )
            )
    return found, problems


def _read(rest: str, comment: Comment) -> tuple[Suppression | None, list[tuple[str, str | None]]]:
    """The suppression *rest* (what follows ``socialplan:``) says, and what is wrong with it,
    as (message, hint) pairs."""
    from .._core.text import show
    from .._core.vocab import did_you_mean

    match = _IGNORE.fullmatch(rest)
    if match is None:
        word = _WORD.match(rest)
        near = did_you_mean(word.group(), ["ignore"]) if word else None
        if near and word is not None and word.group().lower() != "ignore":
            hint = f"did you mean {show(near + rest[word.end() :])}?"
        else:
            hint = f"write {_SHAPE}"
        return None, [(f"{show(rest.strip())} is not a suppression socialplan reads", hint)]
    said: list[tuple[str, str | None]] = []
    if match.group("after") is not None:
        after = match.group("after").rstrip()
        said.append(
            (
                f"{show(after)} after the codes is not a reason",
                f"put the reason after a dash: ignore[{match.group('codes')}] - {after}",
            )
        )
        return None, said
    written = [code.strip() for code in match.group("codes").split(",")]
    codes = [code for code in written if code]
    if not codes:
        return None, [("the suppression names no rule code", f"write {_SHAPE}")]
    good: list[str] = []
    for code in codes:
        problem = code_problem(code)
        if problem is None:
            good.append(code.upper())
        else:
            said.append(problem.said())
    if not good:
        return None, said
    reason = (match.group("reason") or "").strip() or None
    suppression = Suppression(
        codes=tuple(good),
        line=comment.line,
        column=comment.column,
        end_column=comment.end_column,
        reason=reason,
    )
    return suppression, said


def _lines_of(diagnostic: Diagnostic, index: PositionIndex, text: str) -> set[int]:
    """The lines a comment on which suppresses *diagnostic*: those of its range, and the
    ``[header]`` line of each table its path is in."""
    segments = parse_path(diagnostic.path) if diagnostic.path else []
    if diagnostic.line is not None:
        lines = set(range(diagnostic.line, (diagnostic.end_line or diagnostic.line) + 1))
    elif segments:
        span = index.span(segments, key=diagnostic.about == "key")
        lines = set(range(span.line, span.end_line + 1))
    else:
        lines = {1}
    for end in range(1, len(segments)):
        if isinstance(segments[end], int):
            continue  # the array of tables itself: its first [[header]] is not every element's
        offsets = index.offsets(segments[:end])
        if offsets is not None and _is_header(text, offsets[0]):
            lines.add(index.span(segments[:end]).line)
    return lines


def _is_header(text: str, at: int) -> bool:
    """Whether a ``[header]`` (or ``[[header]]``) starts at offset *at* of *text*."""
    if not text.startswith("[", at):
        return False
    start = text.rfind("\n", 0, at) + 1
    return not text[start:at].strip()


def _unused_finding(suppression: Suppression, severity: Severity) -> Diagnostic:
    codes = ", ".join(suppression.codes)
    if suppression.pattern is not None:
        return Diagnostic(
            code=UNUSED_SUPPRESSION,
            severity=severity,
            message=f"no finding of {codes} under this pattern: the ignore suppresses nothing",
            hint="remove it, or the codes that suppress nothing",
            path=suppression.path,
            about="key",
        )
    return Diagnostic(
        code=UNUSED_SUPPRESSION,
        severity=severity,
        message=f"no finding of {codes} on this line: the suppression suppresses nothing",
        hint="remove the comment, or the codes that suppress nothing",
        line=suppression.line,
        column=suppression.column,
        end_line=suppression.line,
        end_column=suppression.end_column,
    )

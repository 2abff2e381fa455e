"""Diagnostics: what is wrong with a plan, where, and how to fix it.

Load errors and rule findings share one shape, so a tool that reads one
reads both.
"""

from __future__ import annotations

import enum
import re
import reprlib
from collections.abc import Iterable, Iterator, Sequence
from types import MappingProxyType
from typing import Literal, TypeAlias

import attrs

from .parts import Part

__all__ = [
    "About",
    "Diagnostic",
    "Edit",
    "FieldError",
    "Fix",
    "LoadError",
    "Severity",
    "file_order",
    "format_path",
    "grouped",
    "parse_path",
    "part_named",
]

# Load-error codes. Group SP0 is the file itself; later groups are rules.
SYNTAX = "SP001"
FORMAT_KEY = "SP002"
UNKNOWN_KEY = "SP003"
MISSING_KEY = "SP004"
WRONG_TYPE = "SP005"
INVALID_VALUE = "SP006"
INVALID_ID = "SP007"
LIMIT = "SP008"
# Load-error codes of observation files (socialplan.observations).
UNKNOWN_METRIC = "SP009"
UNKNOWN_CHANNEL = "SP010"
DUPLICATE_OBSERVATION = "SP011"
#: The codes of a methodology that is not a graph of steps, by the kind of problem that
#: socialplan.steps finds (a ProblemKind): its MethodologyError and the SP8 rules report them.
METHODOLOGY_CODES = MappingProxyType(
    {
        "cycle": "SP801",
        "unknown-need": "SP802",
        "unknown-check": "SP803",
        "unknown-methodology": "SP804",
    }
)


#: What a diagnostic's path names in the text: the value written there, or the key
#: itself (an unknown key, a bad id, a key that names a part that does not exist).
About: TypeAlias = Literal["value", "key"]


class Severity(enum.StrEnum):
    """How much a diagnostic matters: errors stop a plan, warnings ask a look."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@attrs.frozen(eq=False, repr=False)
class Edit(Part):
    """One change of a file's text: what is from (*line*, *column*) to (*end_line*,
    *end_column*) becomes *text*.

    Lines and columns are 1-based, as a diagnostic's own positions, the end exclusive (the
    column just past the last character replaced); an edit whose end is its start inserts.
    They are positions in the file's text as read (after a byte-order mark, in characters).
    """

    line: int
    column: int
    end_line: int
    end_column: int
    text: str


@attrs.frozen(eq=False, repr=False)
class Fix(Part):
    """How to fix a diagnostic: what it does (*title*), whether it is *safe*, and its *edits*.

    A safe fix has one candidate and keeps the plan's meaning (a misspelled key with one
    clear did-you-mean); an unsafe one guesses between candidates or changes what the plan
    says (a step's status), and ``socialplan check --fix`` applies it only with
    ``--unsafe-fixes``. The edits of one fix do not overlap.

    *replacement* is what a fix found before the text was read writes over the
    diagnostic's own range (its key or its string value, by :attr:`Diagnostic.about`):
    :meth:`socialplan.Report.located` (and the loader, for load errors) turns it into
    *edits*, quoted as the text quotes. A fix whose range is not written in the text is
    dropped there.
    """

    title: str
    safe: bool
    edits: tuple[Edit, ...] = ()
    replacement: str | None = attrs.field(default=None, kw_only=True)

    def to_dict(self) -> dict[str, object]:
        """The fix as plain JSON-ready data: its title, safety and edits."""
        edits = [
            {"line": e.line, "column": e.column, "end_line": e.end_line,
             "end_column": e.end_column, "text": e.text}
            for e in self.edits
        ]  # fmt: skip
        return {"title": self.title, "safe": self.safe, "edits": edits}


@attrs.frozen(kw_only=True, eq=False, repr=False)
class Diagnostic(Part):
    """One problem found in a plan.

    *path* is the dotted path of the offending field
    (``objectives.awareness.target.deadline``). When the plan came from a file,
    *line* and *column* (both 1-based) are where the text the diagnostic names
    starts, and *end_line* and *end_column* where it ends (the column just past
    its last character). *about* says whether that text is the value at *path*
    (``"value"``) or its key as written (``"key"``); it is what places the range,
    and is not part of :meth:`to_dict`.

    *group* is set when the diagnostic is one part of a finding about several parts
    (one rule, one cause: ``"4 of 7 channels have no engagement rule"``): the
    diagnostics of one file with the same *code* and *group* are one finding for a
    reader, which ``socialplan check`` and the report show as one line naming every
    part, while JSON and SARIF keep one entry per part, each carrying the group. It
    is the group said in words, and None for a diagnostic that stands alone.

    *fix* is how to fix it, when that is known without a person's judgement (a
    :class:`Fix`: ``socialplan check --fix`` applies it), else None.

    *related* are the dotted paths of the other parts the problem is about (the other
    channel with the same purpose): the language server shows where they are written beside
    the diagnostic, and JSON lists them.
    """

    code: str
    severity: Severity
    message: str
    path: str = ""
    hint: str | None = None
    line: int | None = None
    file: str | None = None
    column: int | None = None
    end_line: int | None = None
    end_column: int | None = None
    about: About = "value"
    group: str | None = None
    fix: Fix | None = None
    related: tuple[str, ...] = ()

    def __str__(self) -> str:
        column = self.column if self.line is not None else None
        where = ":".join(str(p) for p in (self.file, self.line, column) if p is not None)
        parts = [f"{where}: " if where else "", f"{self.code} "]
        if self.path:
            parts.append(f"{shown_path(self.path)}: ")
        parts.append(self.message)
        if self.hint:
            parts.append(f" ({self.hint})")
        # One line a terminal shows as it is: plan text in it cannot move the cursor.
        from .escape import visible_controls  # here: `import socialplan` stays light

        return visible_controls("".join(parts))

    def to_dict(self) -> dict[str, object]:
        """The diagnostic as plain JSON-ready data; ``"fix"`` and ``"related"`` only when
        it has them."""
        found: dict[str, object] = {
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "end_line": self.end_line,
            "end_column": self.end_column,
            "hint": self.hint,
            "group": self.group,
        }
        if self.fix is not None:
            found["fix"] = self.fix.to_dict()
        if self.related:
            found["related"] = list(self.related)
        return found


_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def file_order(diagnostic: Diagnostic) -> tuple[int, int, int, int, str, str]:
    """The sort key of a file's diagnostics: by severity, then in the order they appear.

    Within a severity, by line, column (when known) and code; those with no line come
    last, by path and code. ``socialplan check`` lists each file's findings so.
    """
    line, column = diagnostic.line, diagnostic.column
    if line is None:
        return (_RANK[diagnostic.severity], 1, 0, 0, diagnostic.path, diagnostic.code)
    return (_RANK[diagnostic.severity], 0, line, column or 0, diagnostic.code, diagnostic.path)


def grouped(diagnostics: Iterable[Diagnostic]) -> list[list[Diagnostic]]:
    """*diagnostics* as a reader sees them: one list per finding, in the order of each's first.

    The diagnostics of one *code* and one :attr:`Diagnostic.group` make one finding; one
    with no group stands alone.

    >>> a, b = (Diagnostic(code="SP401", severity=Severity.WARNING, message=f"{k} has no owner",
    ...     path=f"channels.{k}.owner", group="2 of 2 channels have no owner") for k in "ab")
    >>> alone = Diagnostic(code="SP101", severity=Severity.ERROR, message="x")
    >>> [len(each) for each in grouped([a, alone, b])]
    [2, 1]
    """
    found: list[list[Diagnostic]] = []
    by_key: dict[tuple[str, str], list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        if diagnostic.group is None:
            found.append([diagnostic])
            continue
        key = (diagnostic.code, diagnostic.group)
        members = by_key.get(key)
        if members is None:
            members = by_key[key] = []
            found.append(members)
        members.append(diagnostic)
    return found


#: Sections of one table whose parts are a table down: ``content.pillars.fun``.
_NESTED = {
    "content": ("pillars", "sources", "messages"),
    "raci": ("steps", "channels"),
    "methodology": ("steps",),
}


def part_named(diagnostic: Diagnostic) -> str:
    """The id of the part *diagnostic* is about, as a group lists it: the key after the
    table's name in its path (``"blog"`` for ``channels.blog.owner``, ``"fun"`` for
    ``content.pillars.fun.objectives``), shown as :func:`shown_path` shows a key; the whole
    path when it has no such key.

    >>> part_named(Diagnostic(code="SP401", severity=Severity.WARNING, message="",
    ...     path='channels."my blog".owner'))
    '"my blog"'
    >>> part_named(Diagnostic(code="SP601", severity=Severity.WARNING, message="",
    ...     path="content.pillars.fun.objectives"))
    'fun'
    """
    segments = parse_path(diagnostic.path)
    if len(segments) >= 3 and segments[1] in _NESTED.get(str(segments[0]), ()):
        segments = segments[1:]
    if len(segments) < 2:
        return shown_path(diagnostic.path)
    if isinstance(segments[1], int):  # a list's item: calendar[0]
        return shown_path(format_path(segments[:2]))
    return shown_path(format_path(segments[1:2]))


class LoadError(ValueError):
    """A plan could not be loaded: carries every problem found, not only the first.

    ``str()`` lists them one per line; :attr:`diagnostics` holds them as data.
    """

    def __init__(self, diagnostics: Iterable[Diagnostic], file: str | None = None) -> None:
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        self.file = file
        head = f"{file}: " if file else ""
        from .text import counted

        lines = [f"{head}{counted(len(self.diagnostics), 'problem')} found"]
        lines += [f"  {d}" for d in self.diagnostics]
        super().__init__("\n".join(lines))

    def __iter__(self) -> Iterator[Diagnostic]:
        return iter(self.diagnostics)


class FieldError(ValueError):
    """A value that does not fit its field: carries what was expected.

    Raised by the structuring hooks and by the model's own validators, so
    that the message can name the value, the expectation and a suggestion.
    *about* is ``"key"`` when the value is a table's key (see :class:`Diagnostic`).
    """

    def __init__(
        self,
        value: object,
        expected: str,
        *,
        code: str = INVALID_VALUE,
        suggestion: str | None = None,
        field: str | tuple[str | int, ...] | None = None,
        hint: str | None = None,
        about: About = "value",
        safe: bool | None = None,
    ) -> None:
        self.value = value
        self.expected = expected
        self.code = code
        self.suggestion = suggestion
        self.field = field
        self.hint = hint
        self.about: About = about
        #: Whether the *suggestion* written in place of the value is a fix: True a safe one
        #: (one clear candidate), False an unsafe one (a guess), None no fix.
        self.safe = safe if suggestion is not None else None
        # A limited repr: the value may be a string of megabytes or a list nested deep.
        super().__init__(f"{reprlib.repr(value)} is not {expected}")

    def said(self) -> tuple[str, str | None]:
        """The message (the value, cut, and what was expected) and the hint, as errors say them.

        >>> FieldError("SP2O5", "a rule code", suggestion="SP205").said()
        ('"SP2O5" is not a rule code', 'did you mean "SP205"?')
        """
        from .text import show

        hint = f'did you mean "{self.suggestion}"?' if self.suggestion else self.hint
        return f"{show(self.value)} is not {self.expected}", hint

    def fix(self) -> Fix | None:
        """The fix that writes the suggestion in place of the value (or key), if it is one."""
        if self.safe is None or self.suggestion is None:
            return None
        return suggested(self.suggestion, safe=self.safe)


def suggested(replacement: str, *, safe: bool) -> Fix:
    """The fix that writes *replacement* over a diagnostic's own key or value."""
    from .text import show

    return Fix(f"write {show(replacement)}", safe, replacement=replacement)


_PLAIN_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def format_path(segments: Sequence[str | int]) -> str:
    """Render path segments the way a TOML author would write them.

    >>> format_path(["objectives", "awareness", "target", "deadline"])
    'objectives.awareness.target.deadline'
    >>> format_path(["calendar", 0, "date"])
    'calendar[0].date'
    >>> format_path(["channels", "my channel"])
    'channels."my channel"'
    """
    out: list[str] = []
    for segment in segments:
        if isinstance(segment, int):
            out.append(f"[{segment}]")
        elif _PLAIN_KEY.match(segment):
            out.append(f".{segment}" if out else segment)
        else:
            quoted = '"' + segment.replace("\\", "\\\\").replace('"', '\\"') + '"'
            out.append(f".{quoted}" if out else quoted)
    return "".join(out)


_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
_SEGMENT = re.compile(r'\[(\d+)\]|\.?"((?:[^"\\]|\\.)*)"|\.?([A-Za-z0-9_-]+)')


def parse_path(path: str) -> list[str | int]:
    """Split a dotted path back into its segments: the inverse of :func:`format_path`.

    >>> parse_path('calendar[0].date')
    ['calendar', 0, 'date']
    >>> parse_path('channels."my channel".owner')
    ['channels', 'my channel', 'owner']
    """
    segments: list[str | int] = []
    for index, quoted, bare in _SEGMENT.findall(path):
        if index:
            segments.append(int(index))
        elif bare:
            segments.append(bare)
        else:
            segments.append(_ESCAPED.sub(r"\1", quoted))
    return segments


#: How long a key of a path is shown whole; a longer one is cut, with its length.
_SHOWN_KEY = 60


def shown_path(path: str) -> str:
    """*path* as a message shows it: a key longer than 60 characters cut, with its length.

    A key is the author's text, and may be a megabyte long; the path in data
    (:attr:`Diagnostic.path`, ``to_dict()``) is kept whole.

    >>> shown = shown_path('objectives.' + 'x' * 100 + '.title')
    >>> shown.startswith('objectives."xxxxx'), shown.endswith('xxx…" (100 characters).title')
    (True, True)
    >>> shown_path("calendar[0].date")
    'calendar[0].date'
    """
    if len(path) <= _SHOWN_KEY:
        return path
    out: list[str] = []
    for segment in parse_path(path):
        if isinstance(segment, int):
            out.append(f"[{segment}]")
            continue
        if len(segment) > _SHOWN_KEY:
            cut = segment[: _SHOWN_KEY - 1].replace("\\", "\\\\").replace('"', '\\"')
            piece = f'"{cut}…" ({len(segment):,} characters)'
        else:
            piece = format_path([segment])
        out.append(f".{piece}" if out else piece)
    return "".join(out)

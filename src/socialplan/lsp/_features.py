"""What the language server answers, as functions from a checked document to LSP data.

Positions: the diagnostics and the position index count lines from 1 and columns in
characters (code points); LSP counts both from 0 and columns in the code units the client
and server agreed on (UTF-16 unless the client offers another). :class:`Positions` converts.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import attrs
from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from .._core.diagnostics import Diagnostic, Severity, format_path, parse_path
from .._io.convert import ID_PATTERN
from .._model import Plan
from ..rules import Context, Rule, all_rules
from ._checking import Checked
from ._cursor import Cursor
from ._shape import Path, enum_members, keys_at, kind_of, part_class, table_of, type_at

__all__ = [
    "Positions",
    "code_actions",
    "completions",
    "definition",
    "diagnostics",
    "hover",
    "references",
    "rename",
    "symbols",
]

SOURCE = "socialplan"


class Positions:
    """Offsets of a text in characters, and LSP positions in the client's code units."""

    def __init__(self, text: str, codec: PositionCodec | None = None) -> None:
        self.text = text
        self.codec = codec or PositionCodec()
        self.lines = text.split("\n")
        self.starts = [0]
        for line in self.lines[:-1]:
            self.starts.append(self.starts[-1] + len(line) + 1)

    def position(self, line: int, column: int) -> types.Position:
        """The LSP position of a 1-based *line* and *column* (in characters)."""
        row = min(max(line - 1, 0), len(self.lines) - 1)
        character = min(max(column - 1, 0), len(self.lines[row]))
        return self.codec.position_to_client_units(self.lines, types.Position(row, character))

    def at(self, offset: int) -> types.Position:
        """The LSP position of a character *offset* of the text."""
        row = bisect.bisect_right(self.starts, offset) - 1
        return self.position(row + 1, offset - self.starts[row] + 1)

    def span(self, start: int, end: int) -> types.Range:
        return types.Range(self.at(start), self.at(end))

    def offset(self, position: types.Position) -> int:
        """The character offset of an LSP *position*."""
        if position.line >= len(self.lines):
            return len(self.text)
        inner = self.codec.position_from_client_units(
            self.lines, types.Position(position.line, position.character)
        )
        return self.starts[position.line] + min(inner.character, len(self.lines[position.line]))

    def of(self, diagnostic: Diagnostic) -> types.Range:
        """The range of a placed *diagnostic* (the document's start when it has none)."""
        if diagnostic.line is None:
            return types.Range(types.Position(0, 0), types.Position(0, 0))
        start = self.position(diagnostic.line, diagnostic.column or 1)
        end_line = diagnostic.end_line or diagnostic.line
        end = self.position(end_line, diagnostic.end_column or diagnostic.column or 1)
        return types.Range(start, end)


def _rules() -> dict[str, Rule]:
    """Every rule of the catalog by code (the built-in ones, plugins' and the load errors')."""
    return {rule.code: rule for rule in all_rules()}


_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}


def rule_url(docs: str, code: str) -> str:
    """The address of *code*'s section of the rule catalog under the documentation *docs*."""
    return f"{docs.rstrip('/')}/rules.md#{code.lower()}"


def _related(
    checked: Checked, positions: Positions, uri: str, d: Diagnostic
) -> list[types.DiagnosticRelatedInformation] | None:
    """Where the other parts *d* is about are written in the document (``Diagnostic.related``),
    each named by its path; None when it names none, or none is written."""
    shift = len(checked.text) - len(checked.text.removeprefix("\ufeff"))
    found = []
    for path in d.related:
        offsets = checked.index.offsets(parse_path(path))
        if offsets is not None:
            where = positions.span(offsets[0] + shift, offsets[1] + shift)
            found.append(
                types.DiagnosticRelatedInformation(types.Location(uri, where), f"{path} (related)")
            )
    return found or None


def diagnostics(
    checked: Checked, positions: Positions, docs: str, uri: str | None = None
) -> list[types.Diagnostic]:
    """Every load error or finding of *checked* as an LSP diagnostic; with the document's
    *uri*, the other parts a finding is about as related information."""
    out = []
    catalog = _rules()
    for index, d in enumerate(checked.diagnostics):
        message = d.message + (f" ({d.hint})" if d.hint else "")
        if d.path:
            message = f"{d.path}: {message}"
        description = (
            types.CodeDescription(href=rule_url(docs, d.code)) if d.code in catalog else None
        )
        out.append(
            types.Diagnostic(
                range=positions.of(d),
                message=message,
                severity=_SEVERITY[d.severity],
                code=d.code,
                code_description=description,
                source=SOURCE,
                related_information=_related(checked, positions, uri, d) if uri else None,
                data={"index": index},
            )
        )
    return out


# --- Completion ---------------------------------------------------------------------------


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def completions(
    cursor: Cursor, plan: Plan | None, positions: Positions, docs: str, fmt: str
) -> list[types.CompletionItem]:
    """What may be written at *cursor*: the keys of its table, the ids of the kind its
    reference names (from *plan*, the last plan that loaded), a vocabulary's values."""
    replace = positions.span(cursor.start, cursor.end)
    items: list[types.CompletionItem] = []
    if cursor.key:
        found = keys_at(cursor.path)
        if found is not None and not cursor.header:
            cls, names = found
            for name in names:
                doc = _key_doc(cls, name, docs)
                items.append(
                    types.CompletionItem(
                        label=name,
                        kind=types.CompletionItemKind.Field,
                        documentation=types.MarkupContent(types.MarkupKind.Markdown, doc),
                        text_edit=types.TextEdit(
                            replace, _quoted(name) if fmt == "json" and not cursor.quoted else name
                        ),
                    )
                )
        return items
    kind = kind_of(cursor.path) or kind_of((*cursor.path, 0))
    if kind is not None and plan is not None:
        for ident, part in Context(plan).ids(kind).items():
            text = ident if cursor.quoted else _quoted(ident)
            items.append(
                types.CompletionItem(
                    label=ident,
                    kind=types.CompletionItemKind.Reference,
                    detail=_title(part),
                    documentation=types.MarkupContent(
                        types.MarkupKind.Markdown, _part_summary(kind, ident, part)
                    ),
                    text_edit=types.TextEdit(replace, text),
                )
            )
        return items
    for value in enum_members(type_at(cursor.path)):
        text = value if cursor.quoted else _quoted(value)
        items.append(
            types.CompletionItem(
                label=value,
                kind=types.CompletionItemKind.EnumMember,
                text_edit=types.TextEdit(replace, text),
            )
        )
    return items


def _key_doc(cls: type, name: str, docs: str) -> str:
    from .._reference import key_entry

    if name == "format":
        return '`format` (required): `"socialplan/1"`, the version of the file format.'
    if cls is Plan and name not in attrs.fields_dict(Plan):
        return f"`{name}`"
    entry = key_entry(cls, name)
    # The reference's links are anchors of its page: made whole for an editor.
    return entry.replace("](#", f"]({docs.rstrip('/')}/reference/keys.md#")


def _title(part: object) -> str | None:
    """The text that names a part: its first required text field (title, name, statement…)."""
    cls: Any = type(part)
    if not attrs.has(cls):
        return None
    for field in attrs.fields(cls):
        value = getattr(part, field.name)
        if field.default is attrs.NOTHING and isinstance(value, str):
            return value
    return None


def _part_summary(kind: str, ident: str, part: object) -> str:
    title = _title(part)
    lines = [f"**{type(part).__name__}** `{ident}` ({kind})"]
    if title:
        lines.append(title)
    description = getattr(part, "description", None)
    if isinstance(description, str) and description:
        lines.append(description)
    return "\n\n".join(lines)


# --- What is under the cursor -------------------------------------------------------------


@attrs.frozen
class Named:
    """An id under the cursor: the kind of part it names, and whether it is its definition."""

    kind: str
    ident: str
    defining: bool


def named(cursor: Cursor) -> Named | None:
    """The id at *cursor*, if it is one: a reference's value, a table's key that is a
    reference (``[engagement.<channel>]``), or the key that defines a part."""
    if not cursor.word:
        return None
    if not cursor.key:
        kind = kind_of(cursor.path)
        return None if kind is None else Named(kind, cursor.word, False)
    full = (*cursor.path, cursor.word)
    kind = kind_of(full)
    if kind is not None:
        return Named(kind, cursor.word, False)
    if cursor.path and part_class(cursor.path) is not None:
        last = cursor.path[-1]
        if isinstance(last, str) and table_of(last) == cursor.path:
            return Named(last, cursor.word, True)
    return None


def hover(
    cursor: Cursor | None,
    offset: int,
    checked: Checked,
    plan: Plan | None,
    positions: Positions,
    docs: str,
) -> types.Hover | None:
    """On a key, its entry in the keys reference; on an id, what it names; on a finding, its
    rule's why and fix."""
    parts: list[str] = []
    catalog = _rules()
    for d in checked.diagnostics:
        if _covers(positions, d, offset):
            rule = catalog.get(d.code)
            if rule is not None:
                parts.append(
                    f"**{d.code}** {rule.name}: {rule.summary}\n\n*Why.* {rule.why}\n\n"
                    f"*How to fix.* {rule.fix}\n\n[{d.code}]({rule_url(docs, d.code)})"
                )
    if cursor is not None:
        name = named(cursor)
        if name is not None and plan is not None:
            part = Context(plan).ids(name.kind).get(name.ident)
            if part is not None:
                parts.insert(0, _part_summary(name.kind, name.ident, part))
        elif cursor.key and cursor.word:
            found = keys_at(cursor.path)
            if found is not None and cursor.word in found[1]:
                parts.insert(0, _key_doc(found[0], cursor.word, docs))
    if not parts:
        return None
    return types.Hover(
        contents=types.MarkupContent(types.MarkupKind.Markdown, "\n\n---\n\n".join(parts))
    )


def _covers(positions: Positions, d: Diagnostic, offset: int) -> bool:
    if d.line is None:
        return False
    start = positions.starts[min(d.line - 1, len(positions.starts) - 1)] + (d.column or 1) - 1
    end_line = d.end_line or d.line
    end = (
        positions.starts[min(end_line - 1, len(positions.starts) - 1)]
        + (d.end_column or d.column or 1)
        - 1
    )
    return start <= offset <= max(end, start)


# --- Definition, references, rename -------------------------------------------------------


def _inner(text: str, start: int, end: int) -> tuple[int, int]:
    """A string's range without its quotes; any other text's as it is."""
    if end - start >= 2 and text[start] in "\"'" and text[end - 1] == text[start]:
        return start + 1, end - 1
    return start, end


def _definition_offsets(checked: Checked, kind: str, ident: str) -> tuple[int, int] | None:
    table = table_of(kind)
    if table is None:
        return None
    found = checked.index.offsets((*table, ident), key=True)
    return None if found is None else _inner(checked.text, *found)


def _reference_offsets(checked: Checked, kind: str, ident: str) -> Iterator[tuple[int, int]]:
    assert checked.plan is not None
    for ref in Context(checked.plan).references():
        if ref.kind == kind and ref.target == ident:
            found = checked.index.offsets(parse_path(ref.path), key=ref.about == "key")
            if found is not None:
                yield _inner(checked.text, *found)


def definition(
    checked: Checked, name: Named, positions: Positions, uri: str
) -> types.Location | None:
    found = _definition_offsets(checked, name.kind, name.ident)
    return None if found is None else types.Location(uri, positions.span(*found))


def references(
    checked: Checked, name: Named, positions: Positions, uri: str, *, declaration: bool
) -> list[types.Location]:
    spans = list(_reference_offsets(checked, name.kind, name.ident))
    if declaration:
        found = _definition_offsets(checked, name.kind, name.ident)
        if found is not None:
            spans.insert(0, found)
    return [types.Location(uri, positions.span(*span)) for span in dict.fromkeys(spans)]


class RenameRefused(ValueError):
    """A rename that would break the plan: the new id is taken, or is not an id."""


_HEADER = re.compile(r"^[ \t]*\[\[?[ \t]*([^\]\n#]*?)[ \t]*\]\]?", re.MULTILINE)
_KEY_PART = re.compile(r"""[A-Za-z0-9_-]+|"(?:[^"\\\n]|\\.)*"|'[^'\n]*'""")


def _header_offsets(
    checked: Checked, table: tuple[str, ...], ident: str
) -> Iterator[tuple[int, int]]:
    """Where *ident* is written in the TOML headers of the tables under a part
    (``[objectives.aware.target]``): a key the position index records only once."""
    if checked.fmt != "toml":
        return
    declared = {start for _, (start, _) in checked.index.values()}
    want = (*table, ident)
    for match in _HEADER.finditer(checked.text):
        head = match.start() + len(match.group()) - len(match.group().lstrip(" \t"))
        if head not in declared:
            continue  # a line of a multi-line string
        parts = list(_KEY_PART.finditer(checked.text, match.start(1), match.end(1)))
        names = [_unquote(p.group()) for p in parts]
        if len(names) > len(table) and tuple(names[: len(want)]) == want:
            part = parts[len(table)]
            yield _inner(checked.text, part.start(), part.end())


def _unquote(raw: str) -> str:
    return raw[1:-1] if raw[:1] in "\"'" else raw


def rename(
    checked: Checked, name: Named, new: str, positions: Positions, uri: str
) -> types.WorkspaceEdit:
    """The edits that rename *name*'s id to *new* at its definition and every reference."""
    assert checked.plan is not None
    if not ID_PATTERN.fullmatch(new):
        raise RenameRefused(
            f"{new!r} is not an id: lowercase letters, digits, _ and -, starting with a letter "
            "or digit"
        )
    if new in Context(checked.plan).ids(name.kind):
        raise RenameRefused(f"{format_path([name.kind, new])} already exists")
    spans: dict[tuple[int, int], None] = {}
    found = _definition_offsets(checked, name.kind, name.ident)
    if found is not None:
        spans[found] = None
    table = table_of(name.kind)
    if table is not None:
        spans.update(dict.fromkeys(_header_offsets(checked, table, name.ident)))
    spans.update(dict.fromkeys(_reference_offsets(checked, name.kind, name.ident)))
    edits = [types.TextEdit(positions.span(*span), new) for span in sorted(spans)]
    return types.WorkspaceEdit(changes={uri: edits})


# --- Outline and fixes --------------------------------------------------------------------


def symbols(checked: Checked, positions: Positions) -> list[types.DocumentSymbol]:
    """The outline: each table of parts, with its parts by id."""
    plan = checked.plan
    if plan is None:
        return []
    out: list[types.DocumentSymbol] = []
    for field in attrs.fields(Plan):
        value = getattr(plan, field.name)
        path: Path = (field.name,)
        if part_class(path) is not None and value:
            keyed: Iterable[tuple[str | int, object]] = value.items()
        elif isinstance(value, tuple) and value and attrs.has(type(value[0])):
            keyed = enumerate(value)
        else:
            continue
        children = []
        for key, part in keyed:
            span = _part_span(checked, (*path, key))
            if span is None:
                continue
            title = _title(part)
            children.append(
                types.DocumentSymbol(
                    name=str(key) if isinstance(key, str) else f"{field.name}[{key}]",
                    detail=title,
                    kind=types.SymbolKind.Object,
                    range=positions.span(*span[0]),
                    selection_range=positions.span(*span[1]),
                )
            )
        if not children:
            continue
        whole = (children[0].range.start, children[-1].range.end)
        table_span = checked.index.offsets(path, key=True)
        selection = positions.span(*table_span) if table_span else children[0].selection_range
        start = min(whole[0], selection.start, key=lambda p: (p.line, p.character))
        out.append(
            types.DocumentSymbol(
                name=field.name,
                kind=types.SymbolKind.Namespace,
                range=types.Range(start, whole[1]),
                selection_range=selection,
                children=children,
            )
        )
    return out


def _part_span(checked: Checked, path: Path) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """The offsets of a part (from its key or header to the end of its last value) and of
    its key."""
    index = checked.index
    value = index.offsets(path)
    key = index.offsets(path, key=True)
    if value is None or key is None:
        return None
    start, end = min(value[0], key[0]), max(value[1], key[1])
    if checked.fmt == "toml":  # a [header]'s part goes on to its last key
        depth = len(path)
        for sub, (_, sub_end) in index.values():
            if sub[:depth] == path and sub_end > end:
                end = sub_end
    return (start, end), key


def code_actions(
    found: Sequence[tuple[types.Diagnostic, Any]], positions: Positions, uri: str
) -> list[types.CodeAction]:
    """A quick fix for each diagnostic that carries a fix (``Diagnostic.fix``: its title, its
    safety and its text edits, 1-based and end-exclusive on the text as read)."""
    actions = []
    for lsp_diagnostic, d in found:
        fix = getattr(d, "fix", None)
        if fix is None:
            continue
        edits = [
            types.TextEdit(
                types.Range(
                    positions.position(edit.line, edit.column),
                    positions.position(edit.end_line, edit.end_column),
                ),
                edit.text,
            )
            for edit in fix.edits
        ]
        actions.append(
            types.CodeAction(
                title=fix.title if fix.safe else f"{fix.title} (unsafe: check the result)",
                kind=types.CodeActionKind.QuickFix,
                diagnostics=[lsp_diagnostic],
                is_preferred=bool(fix.safe),
                edit=types.WorkspaceEdit(changes={uri: edits}),
            )
        )
    return actions

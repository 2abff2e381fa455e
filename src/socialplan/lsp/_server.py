"""The language server: pygls wiring of the features to the documents an editor opens."""

from __future__ import annotations

import asyncio
import re
from typing import Any

import attrs
from lsprotocol import types
from pygls.exceptions import JsonRpcInvalidParams
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from ._checking import Checked, check_text, format_for, settings_for
from ._cursor import Cursor, cursor_at
from ._features import (
    Named,
    Positions,
    RenameRefused,
    code_actions,
    completions,
    definition,
    diagnostics,
    hover,
    named,
    references,
    rename,
    symbols,
)

__all__ = ["PlanServer", "server"]

_FORMAT = re.compile(r"""^[ \t]*"?format"?[ \t]*[=:][ \t]*["']socialplan/""", re.MULTILINE)


def is_plan(text: str) -> bool:
    """Whether *text* is a plan: it has a ``format = "socialplan/…"`` line (``"format":`` in
    JSON). The editor sends every TOML and JSON file; the others get no diagnostics."""
    return _FORMAT.search(text) is not None


#: How long after a keystroke the document is checked again, when no other keystroke came.
DEBOUNCE = 0.2


def _documentation() -> str:
    """The project's documentation address (the package's ``Documentation`` URL)."""
    from importlib.metadata import PackageNotFoundError, metadata

    try:
        for entry in metadata("socialplan").get_all("Project-URL") or []:
            label, _, url = entry.partition(",")
            if label.strip().lower() == "documentation":
                return str(url).strip()
    except PackageNotFoundError:  # pragma: no cover - run from a source tree
        pass
    return "https://github.com/socialplan/socialplan/tree/main/docs"


class _State:
    """One open document: its last check, and the last check in which its plan loaded."""

    def __init__(self) -> None:
        self.checked: Checked | None = None
        self.good: Checked | None = None
        self.timer: asyncio.TimerHandle | None = None
        self.version: int | None = None


class PlanServer(LanguageServer):
    """A language server for socialplan plans (TOML and JSON)."""

    def __init__(self) -> None:
        from importlib.metadata import version

        super().__init__(
            "socialplan",
            version("socialplan"),
            text_document_sync_kind=types.TextDocumentSyncKind.Full,
        )
        self.documents: dict[str, _State] = {}
        self.docs = _documentation()

    # --- checking ----------------------------------------------------------------------

    def state(self, uri: str) -> _State:
        return self.documents.setdefault(uri, _State())

    def check(self, uri: str) -> Checked:
        """Check the document at *uri* now, and publish what was found."""
        document = self.workspace.get_text_document(uri)
        text = document.source.removeprefix("\ufeff")
        if not is_plan(text):  # another TOML or JSON file (pyproject.toml): not ours to judge
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[], version=document.version)
            )
        path = to_fs_path(uri) if uri.startswith("file:") else None
        settings, problems = settings_for(path)
        checked = check_text(text, format_for(uri, text), path, settings)
        if not is_plan(text):
            self.state(uri).checked = checked
            return checked
        if problems:
            checked = attrs.evolve(checked, diagnostics=(*problems, *checked.diagnostics))
        state = self.state(uri)
        state.checked = checked
        if checked.plan is not None:
            state.good = checked
        positions = self.positions(text)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                diagnostics=diagnostics(checked, positions, self.docs, uri),
                version=document.version,
            )
        )
        return checked

    def later(self, uri: str) -> None:
        """Check the document after :data:`DEBOUNCE` seconds of no change."""
        state = self.state(uri)
        if state.timer is not None:
            state.timer.cancel()
        loop = asyncio.get_event_loop()
        state.timer = loop.call_later(DEBOUNCE, self._checked_later, uri)

    def _checked_later(self, uri: str) -> None:
        state = self.state(uri)
        state.timer = None
        if uri in self.documents:
            self.check(uri)

    def positions(self, text: str) -> Positions:
        return Positions(text, self.workspace.position_codec)

    def current(self, uri: str) -> tuple[Checked, Positions]:
        """The document's check of its current text (checking it now if a change waits)."""
        state = self.state(uri)
        text = self.workspace.get_text_document(uri).source.removeprefix("\ufeff")
        checked = state.checked
        if checked is None or checked.text != text:
            if state.timer is not None:
                state.timer.cancel()
                state.timer = None
            checked = self.check(uri)
        return checked, self.positions(text)

    def cursor(
        self, uri: str, position: types.Position
    ) -> tuple[Checked, Positions, int, Cursor | None]:
        checked, positions = self.current(uri)
        offset = positions.offset(position)
        return checked, positions, offset, cursor_at(checked.text, offset, checked.fmt)

    def named_at(
        self, uri: str, position: types.Position
    ) -> tuple[Checked, Named, Positions] | None:
        """The loaded check of the document and the id under *position*, if there is one."""
        checked, positions, _, cursor = self.cursor(uri, position)
        if checked.plan is None or cursor is None:
            return None
        name = named(cursor)
        return None if name is None else (checked, name, positions)


server = PlanServer()


@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
def _did_open(ls: PlanServer, params: types.DidOpenTextDocumentParams) -> None:
    ls.check(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def _did_change(ls: PlanServer, params: types.DidChangeTextDocumentParams) -> None:
    ls.later(params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
def _did_save(ls: PlanServer, params: types.DidSaveTextDocumentParams) -> None:
    ls.check(params.text_document.uri)  # the project's settings may have changed


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def _did_close(ls: PlanServer, params: types.DidCloseTextDocumentParams) -> None:
    state = ls.documents.pop(params.text_document.uri, None)
    if state is not None and state.timer is not None:
        state.timer.cancel()
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[])
    )


@server.feature(
    types.TEXT_DOCUMENT_COMPLETION,
    types.CompletionOptions(trigger_characters=['"', "[", ".", " ", ","]),
)
def _completion(ls: PlanServer, params: types.CompletionParams) -> types.CompletionList:
    uri = params.text_document.uri
    checked, positions, _, cursor = ls.cursor(uri, params.position)
    if cursor is None:
        return types.CompletionList(is_incomplete=False, items=[])
    good = ls.state(uri).good
    plan = checked.plan or (good.plan if good is not None else None)
    items = completions(cursor, plan, positions, ls.docs, checked.fmt)
    return types.CompletionList(is_incomplete=False, items=items)


@server.feature(types.TEXT_DOCUMENT_HOVER)
def _hover(ls: PlanServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    checked, positions, offset, cursor = ls.cursor(uri, params.position)
    good = ls.state(uri).good
    plan = checked.plan or (good.plan if good is not None else None)
    return hover(cursor, offset, checked, plan, positions, ls.docs)


@server.feature(types.TEXT_DOCUMENT_DEFINITION)
def _definition(ls: PlanServer, params: types.DefinitionParams) -> types.Location | None:
    found = ls.named_at(params.text_document.uri, params.position)
    if found is None:
        return None
    return definition(*found, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_REFERENCES)
def _references(ls: PlanServer, params: types.ReferenceParams) -> list[types.Location] | None:
    found = ls.named_at(params.text_document.uri, params.position)
    if found is None:
        return None
    return references(
        *found, params.text_document.uri, declaration=params.context.include_declaration
    )


@server.feature(types.TEXT_DOCUMENT_PREPARE_RENAME)
def _prepare_rename(ls: PlanServer, params: types.PrepareRenameParams) -> Any:
    uri = params.text_document.uri
    checked, positions, _, cursor = ls.cursor(uri, params.position)
    if checked.plan is None or cursor is None or named(cursor) is None:
        return None
    return types.PrepareRenamePlaceholder(
        range=positions.span(cursor.start, cursor.end), placeholder=cursor.word
    )


@server.feature(types.TEXT_DOCUMENT_RENAME)
def _rename(ls: PlanServer, params: types.RenameParams) -> types.WorkspaceEdit | None:
    uri = params.text_document.uri
    found = ls.named_at(uri, params.position)
    if found is None:
        raise JsonRpcInvalidParams(
            "there is no id of a part here to rename (or the plan does not load)"
        )
    try:
        checked, name, positions = found
        return rename(checked, name, params.new_name, positions, uri)
    except RenameRefused as exc:
        raise JsonRpcInvalidParams(str(exc)) from None


@server.feature(types.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def _symbols(ls: PlanServer, params: types.DocumentSymbolParams) -> list[types.DocumentSymbol]:
    checked, positions = ls.current(params.text_document.uri)
    good = ls.state(params.text_document.uri).good
    if checked.plan is None and good is not None and good.text == checked.text:
        checked = good
    return symbols(checked, positions)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def _code_action(ls: PlanServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    checked, positions = ls.current(uri)
    published = diagnostics(checked, positions, ls.docs)
    wanted = params.range
    found = [
        (lsp, d)
        for lsp, d in zip(published, checked.diagnostics, strict=True)
        if _overlaps(lsp.range, wanted)
    ]
    return code_actions(found, positions, uri)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    def key(p: types.Position) -> tuple[int, int]:
        return (p.line, p.character)

    return key(a.start) <= key(b.end) and key(b.start) <= key(a.end)

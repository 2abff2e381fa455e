"""``socialplan lsp`` end to end: a real client (pytest-lsp) talks to the server over stdio."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import AsyncIterator, Sequence

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

pytestmark = pytest.mark.asyncio(loop_scope="module")

PLAN = """\
format = "socialplan/1"

[plan]
name = "Café plan"

[business_goals.grow]
statement = "Grow sales"

[business_goals.keep]
statement = "Keep customers"

[audiences.locals]
name = "Locals"

[objectives.aware]
title = "Be known"
supports = ["😀é", "grwo"]
audiences = ["locals"]

[objectives.aware.target]
value = 100
unit = "followers"

[metrics.followers]
name = "Followers"
measures = ["aware"]
"""


def utf16(text: str) -> int:
    """How many UTF-16 code units *text* is: what LSP counts a column in."""
    return len(text.encode("utf-16-le")) // 2


def position_of(text: str, needle: str, after: int = 0) -> types.Position:
    """The LSP position of *needle*'s first character (plus *after* characters) in *text*."""
    offset = text.index(needle) + after
    line = text.count("\n", 0, offset)
    start = text.rfind("\n", 0, offset) + 1
    return types.Position(line, utf16(text[start:offset]))


@pytest_lsp.fixture(  # type: ignore[untyped-decorator]  # pytest-lsp's decorator is untyped
    scope="module",
    config=ClientServerConfig(server_command=[sys.executable, "-m", "socialplan", "lsp"]),
)
async def client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    await lsp_client.initialize_session(
        types.InitializeParams(capabilities=pytest_lsp.client_capabilities("visual-studio-code"))
    )
    yield
    await lsp_client.shutdown_session()


_COUNTER = iter(range(1_000_000))


async def opened(client: LanguageClient, text: str, suffix: str = "toml") -> str:
    """Open a new document holding *text*; wait for its diagnostics; return its uri."""
    uri = f"file:///nowhere/plan{next(_COUNTER)}.{suffix}"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=suffix, version=1, text=text)
        )
    )
    await published(client, uri)
    return uri


async def published(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    for _ in range(200):
        if uri in client.diagnostics:
            return list(client.diagnostics.pop(uri))
        await asyncio.sleep(0.02)
    raise AssertionError(f"no diagnostics published for {uri}")


async def test_open_publishes_a_finding_with_its_range_in_utf16(client: LanguageClient) -> None:
    uri = await opened(client, PLAN)
    client.diagnostics.pop(uri, None)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    found = await published(client, uri)
    grwo = [d for d in found if "grwo" in d.message]
    start = position_of(PLAN, '"grwo"')
    end = position_of(PLAN, '"grwo"', len('"grwo"'))
    assert [("SP101", types.Range(start, end), types.DiagnosticSeverity.Error)] == [
        (d.code, d.range, d.severity) for d in grwo
    ]


async def test_a_finding_links_its_rule_page(client: LanguageClient) -> None:
    uri = await opened(client, PLAN.replace('"😀é", ', ""))
    found = await published_again(client, uri)
    sp101 = next(d for d in found if d.code == "SP101")
    assert sp101.code_description is not None
    assert sp101.code_description.href.endswith("/rules.md#sp101")


async def published_again(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    return await published(client, uri)


async def test_a_change_is_checked_again(client: LanguageClient) -> None:
    uri = await opened(client, PLAN)
    fixed = PLAN.replace('["😀é", "grwo"]', '["grow"]')
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            [types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    found = await published(client, uri)
    assert [] == [d.code for d in found if d.code == "SP101"]


async def test_a_load_error_is_published_at_its_key(client: LanguageClient) -> None:
    text = PLAN.replace("value = 100", "valeu = 100")
    uri = await opened(client, text)
    found = await published_again(client, uri)
    start = position_of(text, "valeu")
    assert [("SP003", start)] == [(d.code, d.range.start) for d in found if d.code == "SP003"]


async def complete(client: LanguageClient, uri: str, position: types.Position) -> list[str]:
    result = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), position)
    )
    assert isinstance(result, types.CompletionList)
    return sorted(item.label for item in result.items)


async def test_supports_completes_business_goals_only(client: LanguageClient) -> None:
    text = PLAN.replace('["😀é", "grwo"]', '["g"]')
    uri = await opened(client, text)
    assert ["grow", "keep"] == await complete(client, uri, position_of(text, '["g"]', 2))


async def test_measures_completes_objectives(client: LanguageClient) -> None:
    uri = await opened(client, PLAN)
    assert ["aware"] == await complete(client, uri, position_of(PLAN, '["aware"]', 2))


async def test_a_vocabulary_completes_its_values(client: LanguageClient) -> None:
    text = PLAN.replace('name = "Café plan"', 'name = "Café plan"\nreach = ""')
    uri = await opened(client, text)
    labels = await complete(client, uri, position_of(text, 'reach = ""', 9))
    assert ["international", "local", "national"] == labels


async def test_keys_complete_with_their_docs(client: LanguageClient) -> None:
    text = PLAN.replace('unit = "followers"\n', 'unit = "followers"\nd\n')
    uri = await opened(client, text)
    position = position_of(text, "\nd\n", 2)
    result = await client.text_document_completion_async(
        types.CompletionParams(types.TextDocumentIdentifier(uri), position)
    )
    assert isinstance(result, types.CompletionList)
    items = {item.label: item for item in result.items}
    assert {"value", "unit", "baseline", "deadline"} <= set(items)
    documentation = items["deadline"].documentation
    assert isinstance(documentation, types.MarkupContent)
    assert documentation.value.startswith("`deadline` (optional): a date")


async def test_a_half_typed_document_still_completes(client: LanguageClient) -> None:
    uri = await opened(client, PLAN)
    typed = PLAN + '\n[objectives.reach]\ntitle = "Reach"\nsupports = ["'
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            [types.TextDocumentContentChangeWholeDocument(text=typed)],
        )
    )
    end = position_of(typed, 'supports = ["', len('supports = ["'))
    end = types.Position(typed.count("\n"), end.character)
    assert ["grow", "keep"] == await complete(client, uri, end)
    found = await published(client, uri)
    assert ["SP001"] == [d.code for d in found]


async def hover_text(client: LanguageClient, uri: str, position: types.Position) -> str:
    result = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), position)
    )
    assert result is not None
    assert isinstance(result.contents, types.MarkupContent)
    return result.contents.value


async def test_hover_on_a_key_shows_its_reference(client: LanguageClient) -> None:
    uri = await opened(client, PLAN)
    text = await hover_text(client, uri, position_of(PLAN, "unit =", 1))
    assert text.startswith("`unit` (required): text.")


async def test_hover_on_an_id_shows_the_part(client: LanguageClient) -> None:
    uri = await opened(client, PLAN)
    text = await hover_text(client, uri, position_of(PLAN, '["locals"]', 3))
    assert "**Audience** `locals` (audiences)\n\nLocals" == text


async def test_hover_on_a_finding_shows_why_and_fix(client: LanguageClient) -> None:
    from socialplan.rules import all_rules

    rule = next(r for r in all_rules() if r.code == "SP101")
    uri = await opened(client, PLAN)
    text = await hover_text(client, uri, position_of(PLAN, '"grwo"', 2))
    assert f"*Why.* {rule.why}" in text
    assert f"*How to fix.* {rule.fix}" in text


async def test_definition_of_an_id(client: LanguageClient) -> None:
    uri = await opened(client, PLAN)
    result = await client.text_document_definition_async(
        types.DefinitionParams(types.TextDocumentIdentifier(uri), position_of(PLAN, '["aware"]', 3))
    )
    start = position_of(PLAN, "aware]")
    assert types.Location(uri, types.Range(start, position_of(PLAN, "aware]", 5))) == result


async def test_references_of_an_id(client: LanguageClient) -> None:
    uri = await opened(client, PLAN)
    result = await client.text_document_references_async(
        types.ReferenceParams(
            text_document=types.TextDocumentIdentifier(uri),
            position=position_of(PLAN, "aware]", 1),
            context=types.ReferenceContext(include_declaration=False),
        )
    )
    assert result is not None
    assert [position_of(PLAN, '["aware"]', 2)] == [location.range.start for location in result]


async def test_rename_follows_every_reference(client: LanguageClient) -> None:
    uri = await opened(client, PLAN)
    result = await client.text_document_rename_async(
        types.RenameParams(
            types.TextDocumentIdentifier(uri), position_of(PLAN, "aware]", 1), "known"
        )
    )
    assert result is not None
    assert result.changes is not None
    renamed = apply(PLAN, result.changes[uri])
    expected = PLAN.replace("objectives.aware", "objectives.known").replace(
        '["aware"]', '["known"]'
    )
    assert expected == renamed


def apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    lines = text.split("\n")

    def offset(position: types.Position) -> int:
        line = lines[position.line]
        characters, units = 0, 0
        while units < position.character:
            units += utf16(line[characters])
            characters += 1
        return sum(len(each) + 1 for each in lines[: position.line]) + characters

    for edit in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


async def test_rename_onto_an_existing_id_is_refused(client: LanguageClient) -> None:
    uri = await opened(client, PLAN)
    with pytest.raises(Exception, match=r"business_goals\.keep already exists"):
        await client.text_document_rename_async(
            types.RenameParams(
                types.TextDocumentIdentifier(uri), position_of(PLAN, "grow]", 1), "keep"
            )
        )


async def test_symbols_are_the_parts_by_table(client: LanguageClient) -> None:
    uri = await opened(client, PLAN)
    result = await client.text_document_document_symbol_async(
        types.DocumentSymbolParams(types.TextDocumentIdentifier(uri))
    )
    assert result is not None
    outline = [
        (s.name, [c.name for c in s.children or []])
        for s in result
        if isinstance(s, types.DocumentSymbol)
    ]
    assert [
        ("business_goals", ["grow", "keep"]),
        ("objectives", ["aware"]),
        ("audiences", ["locals"]),
        ("metrics", ["followers"]),
    ] == outline


JSON_PLAN = """\
{
  "format": "socialplan/1",
  "plan": {"name": "Café 😀"},
  "business_goals": {"grow": {"statement": "Grow"}},
  "objectives": {"aware": {"title": "😀 known", "supports": ["grwo"]}}
}
"""


async def test_a_json_plan_is_checked_and_completed(client: LanguageClient) -> None:
    uri = await opened(client, JSON_PLAN, "json")
    found = await published_again(client, uri)
    sp101 = next(d for d in found if d.code == "SP101")
    assert position_of(JSON_PLAN, '"grwo"') == sp101.range.start
    assert ["grow"] == await complete(client, uri, position_of(JSON_PLAN, '"grwo"', 1))


async def test_a_toml_file_that_is_no_plan_gets_no_diagnostics(client: LanguageClient) -> None:
    uri = await opened(client, '[project]\nname = "x"\n')
    assert [] == await published_again(client, uri)

"""Report blocks as one self-contained HTML page: inline style, diagrams as inline SVG.

The page loads nothing from anywhere: its Content-Security-Policy forbids
every source but its own inline style, so even text that slipped through
unescaped could not run a script.
"""

from __future__ import annotations

from collections.abc import Sequence

from .._core.escape import html_text
from ._document import Block, Bullets, Diagram, Fields, Heading, Note, Paragraph, Table

__all__ = ["fragment", "write"]

_STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.5;
margin:0;color:#1d1d1f;background:#fff}
main{max-width:72rem;margin:0 auto;padding:1rem 2rem 4rem}
h1{font-size:2rem;margin-bottom:.2rem}h2{border-bottom:1px solid #ddd;padding-bottom:.2rem;
margin-top:2.5rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem;width:100%}
th,td{border:1px solid #d0d0d0;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#f3f3f3}tr:nth-child(even) td{background:#fafafa}
.note{color:#555;font-style:italic}dl{display:grid;grid-template-columns:max-content 1fr;
gap:.3rem 1rem}dt{font-weight:600}dd{margin:0}
figure{margin:1rem 0;overflow-x:auto}figure svg{max-width:100%;height:auto}
nav ol{columns:2}
@media print{h2{break-before:page}figure{break-inside:avoid}}
""".strip()

_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


_e = html_text


def _block(block: Block) -> str:
    if isinstance(block, Heading):
        anchor = f' id="{_e(block.anchor)}"' if block.anchor else ""
        return f"<h{block.level}{anchor}>{_e(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return f"<p>{_e(block.text)}</p>"
    if isinstance(block, Note):
        return f'<p class="note">{_e(block.text)}</p>'
    if isinstance(block, Fields):
        items = "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in block.items)
        return f"<dl>{items}</dl>"
    if isinstance(block, Bullets):
        items = "".join(f"<li>{_e(item)}</li>" for item in block.items)
        label = f"<p><strong>{_e(block.label)}</strong></p>" if block.label else ""
        return f"{label}<ul>{items}</ul>"
    if isinstance(block, Table):
        head = "".join(f"<th>{_e(h)}</th>" for h in block.head)
        body = "".join(
            "<tr>" + "".join(f"<td>{_e(c)}</td>" for c in row) + "</tr>" for row in block.rows
        )
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if isinstance(block, Diagram):
        from ._svg import to_svg

        return f"<figure>{to_svg(block.graph, title=block.title, legend=block.legend)}</figure>"
    raise TypeError(f"not a report block: {block!r}")


def fragment(blocks: Sequence[Block], css_class: str) -> str:
    """The blocks as one ``<div>`` of HTML, with no page around it: for a notebook's cell."""
    return f"<div class='{_e(css_class)}'>" + "".join(_block(b) for b in blocks) + "</div>"


def _opens_section(block: Block) -> bool:
    """Whether the contents go before *block*: the first section after the summary."""
    return isinstance(block, Heading) and block.level == 2 and block.anchor != "summary"


def write(blocks: Sequence[Block], contents: str, lang: str) -> str:
    """The whole report as an HTML document, a table of contents before the first section."""
    title = next((b.text for b in blocks if isinstance(b, Heading) and b.level == 1), "")
    sections = [b for b in blocks if isinstance(b, Heading) and b.level == 2]
    toc = "".join(f'<li><a href="#{_e(h.anchor)}">{_e(h.text)}</a></li>' for h in sections)
    body: list[str] = []
    placed = False
    for block in blocks:
        if _opens_section(block) and not placed and toc:
            body.append(f"<nav><h2>{_e(contents)}</h2><ol>{toc}</ol></nav>")
            placed = True
        body.append(_block(block))
    return (
        f'<!DOCTYPE html>\n<html lang="{_e(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="generator" content="socialplan">\n'
        f"<title>{_e(title)}</title>\n<style>\n{_STYLE}\n</style>\n</head>\n<body>\n<main>\n"
        + "\n".join(body)
        + "\n</main>\n</body>\n</html>\n"
    )

"""A page of HTML as a browser would see it, for the tests of the HTML outputs."""

from __future__ import annotations

from html.parser import HTMLParser


class Page(HTMLParser):
    """The tags with their attributes, the text, and each table's cells."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.tables: list[list[list[str]]] = []
        self.text: list[str] = []
        self._cell: list[str] | None = None

    @property
    def attributes(self) -> list[tuple[str, str, str]]:
        """Every attribute as (tag, name, value)."""
        return [
            (tag, name, value or "") for tag, attrs in self.tags for name, value in attrs.items()
        ]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "table":
            self.tables.append([])
        elif tag == "tr":
            self.tables[-1].append([])
        elif tag in ("td", "th"):
            self._cell = []

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None:
            self.tables[-1][-1].append("".join(self._cell))
            self._cell = None

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._cell is not None:
            self._cell.append(data)


def page(html: str) -> Page:
    """*html* parsed."""
    parsed = Page()
    parsed.feed(html)
    parsed.close()
    return parsed

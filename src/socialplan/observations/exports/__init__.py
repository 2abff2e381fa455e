"""Platform exports: the analytics files social media teams already have, read as data.

:func:`read_export` reads one file (:func:`read_exports` several) exported from Meta
Business Suite (Facebook and Instagram), LinkedIn page analytics, X, YouTube Studio, TikTok
Studio, Google Analytics 4 or a listening tool, and returns an :class:`Export`: which
platform and layout it is, how its rows are cut (per post, per day, per period), the period
it covers and its rows, each cell read by the file's locale. Everything is detected from
the file: its encoding, a ``sep=`` line, a preamble, rows of totals, the platform from its
headers (English, Spanish or a legacy layout's); :func:`layout_of` says which layout a file
is without reading its cells.

Problems raise :class:`~socialplan.LoadError` with all of them at once, each located by
file, line and column; the codes are those of observation files: ``SP001`` (the file
cannot be read as an export), ``SP004`` (a column or a date's year missing), ``SP005`` (a
cell that is not a number or a date), ``SP006`` (a cell read two ways: an ambiguous
``1,200``, a date that does not exist or reads two ways), ``SP008`` (too big).

>>> export = read_export(b"Date,Video Views,Profile Views,Likes\\nAugust 31,\\"1,2K\\",40,7\\n",
...                      name="Overview.csv", year=2026)
>>> export.platform, export.layout, export.shape, export.rows[0].values["video_views"]
('tiktok', 'overview', 'per_day', 1200)
"""

from __future__ import annotations

from ._layouts import PLATFORMS
from ._model import Export, ExportRow, Shape
from ._read import layout_of, read_export, read_exports

__all__ = [
    "PLATFORMS",
    "Export",
    "ExportRow",
    "Shape",
    "layout_of",
    "read_export",
    "read_exports",
]

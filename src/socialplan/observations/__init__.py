"""Observations: the numbers a team measures after launch, checked against the plan.

An :class:`Observation` is a metric's measured value at a date, optionally on
one channel (no channel: the metric's total). Observations come from a CSV
file (``metric,date,value`` then optional ``channel`` and ``note`` columns, in
any order; a qualitative metric's reading in the optional ``positive``, ``neutral``,
``negative``, ``keywords``, ``active`` and ``influential`` columns), from a JSON
or TOML file (a list of ``observations`` records with the same keys), or from
Python records (:func:`from_records`), or from the platforms' analytics exports, by the
feeds of the plan's metrics (:func:`from_exports`).

Loading checks every metric id, channel, date and value against the plan and
raises :class:`~socialplan.LoadError` with every problem at once, each located
by file, line and path (``observations[3].value``, counting data rows from 0):

- ``SP001`` the file is not UTF-8 text or not valid CSV, JSON or TOML, or a CSV
  row has more cells than the header has columns, or a column is written twice;
- ``SP003`` an unknown column or key (the hint suggests the nearest);
- ``SP004`` a required column, key or value is missing;
- ``SP005`` a value of the wrong type: a value that is not a number (``"1,200"``:
  no thousands separators), a metric id that is not text;
- ``SP006`` an invalid value: a date that does not exist, ``nan`` or ``inf``;
- ``SP009`` a metric the plan does not have;
- ``SP010`` a channel the plan does not have, or one the metric is not taken on;
- ``SP011`` a second value for the same metric, date and channel.

The result is sorted by metric, date and channel (no channel first), so the
same observations in any order load the same.

>>> import socialplan
>>> plan = socialplan.loads('''
... format = "socialplan/1"
... [plan]
... name = "Demo"
... [channels.fb]
... platform = "facebook"
... [metrics.followers]
... name = "Followers"
... channels = ["fb"]
... ''')
>>> found = loads("metric,date,value,channel\\nfollowers,2027-03-01,1200,fb\\n", plan)
>>> found[0].value, found[0].channel
(1200, 'fb')
"""

from __future__ import annotations

from typing import TypeAlias

from . import _record
from ._feeds import Imported, from_exports
from ._read import from_records, load, loads
from ._record import Observation, format_of
from ._write import dump, dumps

__all__ = [
    "COLUMNS",
    "Imported",
    "Observation",
    "ObservationFormat",
    "dump",
    "dumps",
    "format_of",
    "from_exports",
    "from_records",
    "load",
    "loads",
]

# Named here, not only imported, so that the API reference shows what they are.

#: The formats observations are read from and written to.
ObservationFormat: TypeAlias = _record.ObservationFormat

#: The columns (CSV) or keys (JSON, TOML, records) of an observation, in writing order.
COLUMNS = _record.COLUMNS

"""Write observations.csv: a season of measured results for the cartoon studio's plan.

The season runs from the launch (2027-03-01) to the end of June 2027: the
weekly metrics are read every Sunday, the monthly ones at the end of each
month. Every series starts near the plan's baseline and ends where the story
of the season needs it, with a small fixed wobble in between:

- followers (community_size) on track for 45,000 by September;
- mentions and interactions past their April targets: achieved;
- posts by users (user_posts) short of the pace for September: at risk;
- requests from social media on track, but last counted in April: stale;
- visits to the website far behind the pace for March 2028: off track;
- shares on track for March 2028;
- the qualitative metrics (sentiment, keywords, advocates) followed as numbers,
  with no target to judge them against.

Run it from anywhere; it rewrites observations.csv next to itself, and the
same script always writes the same file:

    python examples/cartoon/make_observations.py
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 2027

#: Every Sunday from the first after the launch to the end of June.
SUNDAYS = [dt.date(2027, 3, 7) + dt.timedelta(weeks=week) for week in range(17)]
#: The last day of each month of the season that has ended by then.
MONTH_ENDS = [dt.date(2027, 3, 31), dt.date(2027, 4, 30), dt.date(2027, 5, 31)]

# metric: (dates, {channel or "": (first value, last value)}, curve exponent, wobble, rises only)
# An exponent under 1 grows fast and then slows; over 1 starts slowly. The wobble is the
# largest relative step off the curve; a metric that only rises (a follower count) never drops.
SERIES: dict[str, tuple[list[dt.date], dict[str, tuple[int, int]], float, float, bool]] = {
    "community_size": (
        SUNDAYS,
        {"facebook": (17_240, 26_800), "twitter": (410, 3_100), "youtube": (1_330, 6_600)},
        0.9,
        0.01,
        True,
    ),
    "brand_mentions": (SUNDAYS, {"": (350, 1_060)}, 0.35, 0.04, False),
    "interactions": (
        SUNDAYS,
        {"facebook": (1_480, 4_100), "youtube": (560, 2_050), "blog": (70, 300)},
        0.7,
        0.04,
        False,
    ),
    "site_visits": (
        SUNDAYS,
        {"facebook": (2_580, 3_500), "twitter": (480, 650), "youtube": (790, 1_150)},
        1.0,
        0.04,
        False,
    ),
    "user_posts": (MONTH_ENDS, {"facebook": (22, 49), "twitter": (6, 17)}, 1.0, 0.0, False),
    # Counted at the end of March and April; nobody counted them in May or June.
    "requests": (
        MONTH_ENDS[:2],
        {"facebook": (7, 9), "twitter": (3, 4), "blog": (3, 6)},
        1.0,
        0.0,
        False,
    ),
    "shares": (
        MONTH_ENDS,
        {"facebook": (380, 610), "twitter": (120, 240), "youtube": (160, 290), "blog": (40, 100)},
        1.0,
        0.0,
        False,
    ),
    # The qualitative metrics have no target, but a number to follow: the share of
    # positive posts (%), how many of the four words we want (fun, learning, safe,
    # quality) are among the twenty most associated with us, and how many advocates
    # the team knows by name.
    "sentiment": (MONTH_ENDS, {"": (74, 82)}, 1.0, 0.0, False),
    "associated_keywords": ([dt.date(2027, 3, 31)], {"": (2, 2)}, 1.0, 0.0, False),
    "top_users": (MONTH_ENDS, {"facebook": (8, 21), "youtube": (3, 9)}, 1.0, 0.0, True),
}


def rows() -> list[tuple[str, str, str, str]]:
    """Every observation as (metric, date, value, channel), sorted by metric, date and channel."""
    wobble = random.Random(SEED)
    out: list[tuple[str, str, str, str]] = []
    for metric, (dates, channels, exponent, noise, rises) in SERIES.items():
        for channel, (first, last) in channels.items():
            previous = first
            for index, day in enumerate(dates):
                share = (index / (len(dates) - 1)) ** exponent if len(dates) > 1 else 1.0
                value = first + (last - first) * share
                # The first and last readings are exact: they decide the verdicts.
                if 0 < index < len(dates) - 1:
                    value *= 1 + wobble.uniform(-noise, noise)
                whole = round(value)
                if rises:
                    whole = max(whole, previous)
                previous = whole
                out.append((metric, day.isoformat(), str(whole), channel))
    return sorted(out, key=lambda row: (row[0], row[1], row[3]))


def render() -> str:
    """The CSV text: a header, then one observation a line."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["metric", "date", "value", "channel"])
    writer.writerows(rows())
    return buffer.getvalue()


def main() -> None:
    (HERE / "observations.csv").write_text(render(), encoding="utf-8", newline="\n")


if __name__ == "__main__":
    main()

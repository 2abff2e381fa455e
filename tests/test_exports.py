"""Reading the platforms' analytics exports (issue #20): one test per fixture of
tests/exports/, the number and date readers' round trips, and the problems they report."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from socialplan import Diagnostic, LoadError
from socialplan.observations.exports import Export, read_export, read_exports

HERE = Path(__file__).parent / "exports"
D = dt.date


def read(name: str, **options: object) -> Export:
    return read_export(HERE / name, **options)  # type: ignore[arg-type]


def problems(data: bytes, **options: object) -> list[tuple[int | None, str, str]]:
    with pytest.raises(LoadError) as caught:
        read_export(data, name="export.csv", **options)  # type: ignore[arg-type]
    return [(d.line, d.code, d.path) for d in caught.value.diagnostics]


# --- One test per fixture: platform, layout, shape, period, columns, a few values -------------

FIXTURES: dict[str, Any] = {
    "facebook_posts.csv": (
        ("facebook", "posts", "per_post", (D(2026, 7, 14), D(2026, 8, 2))),
        (
            "post_id",
            "page_id",
            "page_name",
            "title",
            "description",
            "duration",
            "publish_time",
            "permalink",
            "post_type",
            "data_comment",
            "date",
            "views",
            "reach",
            "reactions",
            "comments",
            "shares",
            "clicks",
            "link_clicks",
            "other_clicks",
        ),
        (1, D(2026, 7, 21), "111111111111111_222222222222202", {"views": 12400, "reach": 9870}),
    ),
    "instagram_posts.csv": (
        ("instagram", "posts", "per_post", (D(2026, 7, 14), D(2026, 8, 3))),
        (
            "post_id",
            "account_id",
            "account_username",
            "account_name",
            "description",
            "duration",
            "publish_time",
            "permalink",
            "post_type",
            "data_comment",
            "date",
            "views",
            "reach",
            "likes",
            "shares",
            "new_followers",
            "comments",
            "saves",
        ),
        (1, D(2026, 7, 22), "17900000000000002", {"likes": 2105, "saves": 301, "views": 48900}),
    ),
    "instagram_posts_es.csv": (
        ("instagram", "posts", "per_post", (D(2026, 7, 14), D(2026, 7, 22))),
        (
            "post_id",
            "account_username",
            "account_name",
            "description",
            "publish_time",
            "permalink",
            "post_type",
            "date",
            "views",
            "reach",
            "likes",
            "comments",
            "saves",
        ),
        (1, D(2026, 7, 22), "17900000000000102", {"views": 48900, "reach": 31200, "likes": 2105}),
    ),
    "facebook_page_reach.csv": (
        ("facebook", "daily", "per_day", (D(2026, 7, 14), D(2026, 7, 16))),
        ("date", "reach"),
        (2, D(2026, 7, 16), None, {"reach": 2310}),
    ),
    "linkedin_posts_legacy.csv": (
        ("linkedin", "posts", "per_post", (D(2026, 7, 14), D(2026, 7, 28))),
        (
            "title",
            "permalink",
            "post_type",
            "campaign_name",
            "posted_by",
            "created_date",
            "campaign_start_date",
            "campaign_end_date",
            "audience",
            "impressions",
            "clicks",
            "ctr",
            "likes",
            "comments",
            "reposts",
            "new_followers",
            "engagement_rate",
        ),
        (
            1,
            D(2026, 7, 28),
            "https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000002",
            {"impressions": 3905, "reposts": 19, "engagement_rate": 0.0912},
        ),
    ),
    "x_posts.csv": (
        ("x", "posts", "per_post", (D(2026, 7, 14), D(2026, 7, 22))),
        (
            "post_id",
            "date",
            "text",
            "permalink",
            "impressions",
            "likes",
            "engagements",
            "bookmarks",
            "shares",
            "new_followers",
            "replies",
            "reposts",
            "profile_visits",
            "detail_expands",
            "url_clicks",
            "hashtag_clicks",
            "permalink_clicks",
        ),
        (0, D(2026, 7, 14), "1900000000000000001", {"impressions": 2140, "new_followers": 3}),
    ),
    "x_overview.csv": (
        ("x", "overview", "per_day", (D(2026, 7, 14), D(2026, 7, 16))),
        (
            "date",
            "impressions",
            "likes",
            "engagements",
            "bookmarks",
            "shares",
            "new_followers",
            "unfollows",
            "replies",
            "reposts",
            "profile_visits",
            "posts_published",
            "video_views",
            "media_views",
        ),
        (0, D(2026, 7, 14), None, {"impressions": 2410, "engagements": 151}),
    ),
    "x_posts_legacy.csv": (
        ("x", "posts", "per_post", (D(2023, 7, 14), D(2023, 7, 17))),
        (
            "post_id",
            "permalink",
            "text",
            "publish_time",
            "impressions",
            "engagements",
            "engagement_rate",
            "reposts",
            "replies",
            "likes",
            "profile_visits",
            "url_clicks",
            "hashtag_clicks",
            "detail_expands",
            "permalink_clicks",
            "app_opens",
            "app_installs",
            "new_followers",
            "email_tweet",
            "dial_phone",
            "media_views",
            "media_engagements",
        ),
        (1, D(2023, 7, 17), "1800000000000000002", {"impressions": 830, "likes": 6}),
    ),
    "youtube_content.zip": (
        ("youtube", "content", "per_post", (D(2026, 7, 14), D(2026, 8, 2))),
        (
            "content_id",
            "title",
            "publish_time",
            "duration",
            "views",
            "watch_time_hours",
            "subscribers",
            "impressions",
            "impressions_ctr",
        ),
        (
            1,
            D(2026, 8, 2),
            "vidAAAAAAA2",
            {"views": 1221, "watch_time_hours": 70.618, "impressions_ctr": 0.0321},
        ),
    ),
    "tiktok_content.csv": (
        ("tiktok", "content", "per_post", (D(2026, 8, 30), D(2026, 8, 31))),
        (
            "title",
            "permalink",
            "post_time",
            "total_likes",
            "total_comments",
            "total_shares",
            "views",
        ),
        (
            0,
            D(2026, 8, 30),
            "https://www.tiktok.com/@panaderiasol/video/7400000000000000001",
            {"total_likes": 1200, "views": 15400},
        ),
    ),
    "ga4_traffic.csv": (
        ("ga4", "traffic", "per_period", (D(2026, 8, 1), D(2026, 8, 31))),
        (
            "channel_group",
            "sessions",
            "engaged_sessions",
            "engagement_rate",
            "average_engagement_time",
            "events_per_session",
            "event_count",
            "key_events",
            "total_revenue",
        ),
        (
            0,
            None,
            None,
            {"channel_group": "Organic Social", "sessions": 1210, "engagement_rate": 0.625},
        ),
    ),
    "ga4_landing_pages.csv": (
        ("ga4", "landing_pages", "per_period", (D(2026, 8, 1), D(2026, 8, 31))),
        (
            "landing_page",
            "sessions",
            "active_users",
            "new_users",
            "average_engagement_time",
            "key_events",
            "total_revenue",
        ),
        (1, None, None, {"landing_page": "/menu", "sessions": 612, "key_events": 11}),
    ),
    "listening_mentions.csv": (
        ("listening", "mentions", "per_post", (D(2026, 8, 3), D(2026, 8, 5))),
        (
            "date",
            "headline",
            "url",
            "source",
            "author",
            "country",
            "language",
            "reach",
            "engagement",
            "sentiment",
            "keywords",
        ),
        (
            2,
            D(2026, 8, 5),
            "https://forum.example.com/t/123",
            {"sentiment": "Negative", "reach": 150, "keywords": "hours"},
        ),
    ),
}
WITH_YEAR: dict[str, Any] = {
    "tiktok_overview.csv": (
        ("tiktok", "overview", "per_day", (D(2026, 8, 29), D(2026, 8, 31))),
        ("date", "video_views", "profile_views", "likes", "comments", "shares"),
        (0, D(2026, 8, 29), None, {"video_views": 1204, "likes": 88}),
    ),
    "tiktok_overview_es.csv": (
        ("tiktok", "overview", "per_day", (D(2026, 8, 30), D(2026, 8, 31))),
        ("date", "video_views", "profile_views", "likes", "comments", "shares"),
        (0, D(2026, 8, 30), None, {"video_views": 1200}),
    ),
    "tiktok_followers.csv": (
        ("tiktok", "followers", "per_day", (D(2026, 8, 30), D(2026, 8, 31))),
        ("date", "followers", "followers_change"),
        (1, D(2026, 8, 31), None, {"followers": 1492, "followers_change": 12}),
    ),
}


def _seen(export: Export, index: int, names: Mapping[str, object]) -> tuple[object, ...]:
    row = export.rows[index]
    picked = {name: row.values[name] for name in names}
    return (
        (export.platform, export.layout, export.shape, export.period),
        export.columns,
        (index, row.date, row.key, picked),
    )


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_each_fixture_reads_as_its_layout(name: str) -> None:
    expected = FIXTURES[name]
    assert expected == _seen(read(name), expected[2][0], expected[2][3])


@pytest.mark.parametrize("name", sorted(WITH_YEAR))
def test_each_yearless_fixture_reads_with_the_year_given(name: str) -> None:
    expected = WITH_YEAR[name]
    assert expected == _seen(read(name, year=2026), expected[2][0], expected[2][3])


def test_the_youtube_total_row_is_not_a_row() -> None:
    export = read("youtube_content.zip")
    assert [3, 4] == [row.line for row in export.rows]


def test_a_youtube_zip_reads_as_its_table() -> None:
    assert read("youtube_table_data.csv").rows == read("youtube_content.zip").rows


def test_a_linkedin_workbook_gives_one_export_per_sheet_it_knows() -> None:
    found = read_exports([HERE / "linkedin_content.xlsx", HERE / "linkedin_followers.xlsx"])
    assert [("Metrics", "daily"), ("All posts", "posts"), ("New followers", "followers")] == [
        (e.sheet, e.layout) for e in found
    ]


def test_a_linkedin_sheet_reads_its_columns() -> None:
    metrics = read("linkedin_content.xlsx", sheet="Metrics")
    assert (3, D(2026, 7, 14), 1520, 0.0737) == (
        metrics.rows[0].line,
        metrics.rows[0].date,
        metrics.rows[0].values["impressions_total"],
        metrics.rows[0].values["engagement_rate_total"],
    )


def test_a_workbook_of_several_exports_needs_a_sheet() -> None:
    with pytest.raises(LoadError) as caught:
        read("linkedin_content.xlsx")
    assert ["SP001"] == [d.code for d in caught.value.diagnostics]


def test_a_legacy_xls_workbook_is_refused_saying_how_to_save_it() -> None:
    (problem,) = _diagnostics(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100))
    assert ("SP001", "open it and save it as .xlsx (Excel Workbook) or as CSV UTF-8") == (
        problem.code,
        problem.hint,
    )


def test_a_zip_without_a_table_is_refused() -> None:
    stream = io.BytesIO()
    with zipfile.ZipFile(stream, "w") as archive:
        archive.writestr("Chart data.csv", "Date,Views\n2026-07-14,3\n")
    (problem,) = _diagnostics(stream.getvalue())
    assert ("SP001", 'a zip without "Table data.csv" (it holds "Chart data.csv")') == (
        problem.code,
        problem.message,
    )


def _diagnostics(data: bytes, **options: object) -> tuple[Diagnostic, ...]:
    with pytest.raises(LoadError) as caught:
        read_export(data, name="export.csv", **options)  # type: ignore[arg-type]
    return caught.value.diagnostics


def test_utf16_without_sep_line_reads_too() -> None:
    text = '"Reach"\n"Date","Primary"\n"2026-07-14T00:00:00","12"\n'
    export = read_export(text.encode("utf-16"), name="reach.csv")
    assert ("facebook", {"reach": 12}) == (export.platform, dict(export.rows[0].values))


def test_an_unknown_file_is_refused_with_its_header() -> None:
    (problem,) = _diagnostics(b"metric,date,value\nleads,2026-07-14,3\n")
    assert ("SP001", 1, 'not an export socialplan knows: its header is "metric,date,value"') == (
        problem.code,
        problem.line,
        problem.message,
    )


# --- Numbers: round trips in every locale form, and no silent misreads ------------------------


def _english(n: int) -> str:
    return f"{n:,}"


def _spanish(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def _spaced(n: int) -> str:
    return f"{n:,}".replace(",", "\u00a0")


def _cells(texts: list[str]) -> bytes:
    rows = "".join(f'"Tue, Jul {14 + i % 10}, 2026","{t}",1,2\n' for i, t in enumerate(texts))
    return ("Date,Impressions,Likes,Engagements\n" + rows).encode()


def _impressions(texts: list[str], **options: object) -> list[object]:
    export = read_export(_cells(texts), name="overview.csv", **options)  # type: ignore[arg-type]
    return [row.values["impressions"] for row in export.rows]


WHOLE = st.integers(min_value=0, max_value=10**12)


@settings(max_examples=60)
@given(st.lists(WHOLE, min_size=1, max_size=6), st.sampled_from([str, _english, _spanish, _spaced]))
def test_whole_numbers_read_back_in_every_grouping(numbers: list[int], form: object) -> None:
    written = [form(n) for n in numbers]  # type: ignore[operator]
    assert numbers == _impressions(written)


@settings(max_examples=60)
@given(
    st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=5),
    st.integers(min_value=1, max_value=9),
    st.booleans(),
)
def test_decimals_read_back_with_either_mark(whole: list[int], tenths: int, comma: bool) -> None:
    def written(n: int) -> str:
        text = f"{n:,}.{tenths}"
        return text.translate(str.maketrans(",.", ".,")) if comma else text

    assert [n + tenths / 10 for n in whole] == _impressions([written(n) for n in whole])


@settings(max_examples=60)
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=1, max_value=9),
    st.sampled_from([("K", 10**3), ("M", 10**6)]),
    st.booleans(),
    st.booleans(),
)
def test_abbreviated_numbers_read_back(
    whole: int, tenth: int, scale: tuple[str, int], comma: bool, spaced: bool
) -> None:
    mark, blank = ("," if comma else "."), (" " if spaced else "")
    text = f"{whole}{mark}{tenth}{blank}{scale[0]}"
    assert [(whole * 10 + tenth) * scale[1] // 10] == _impressions([text])


@settings(max_examples=60)
@given(
    st.integers(min_value=0, max_value=1000),
    st.integers(min_value=0, max_value=9),
    st.booleans(),
    st.booleans(),
)
def test_percentages_read_back_as_shares(whole: int, tenth: int, comma: bool, spaced: bool) -> None:
    text = f"{whole}{',' if comma else '.'}{tenth}{' ' if spaced else ''}%"
    data = (
        f'Date,Impressions,Engagements,Engagement rate\n"Tue, Jul 14, 2026",1,2,"{text}"\n'
    ).encode()
    (row,) = read_export(data, name="overview.csv").rows
    assert round((whole * 10 + tenth) / 1000, 12) == round(row.values["engagement_rate"], 12)  # type: ignore[arg-type]


@settings(max_examples=60)
@given(
    st.integers(min_value=1, max_value=999),
    st.integers(min_value=0, max_value=999),
    st.integers(min_value=1, max_value=9),
    st.booleans(),
)
def test_a_grouped_number_with_the_files_decimal_mark_is_an_error(
    thousands: int, units: int, tenths: int, comma: bool
) -> None:
    decimal, grouped = ("," if comma else "."), f"{thousands}{',' if comma else '.'}{units:03d}"
    found = problems(_cells([f"12{decimal}{tenths}", grouped]))
    assert [(3, "SP006", "rows[1].impressions")] == found


def test_the_issues_ambiguous_1200_in_a_decimal_comma_file_is_an_error() -> None:
    data = b'Date,Impressions,Engagements,Engagement rate\n"Tue, Jul 14, 2026","1,200",3,"62,5 %"\n'
    (problem,) = _diagnostics(data)
    assert (2, "SP006", "rows[0].impressions") == (problem.line, problem.code, problem.path)


def test_a_file_that_groups_with_both_marks_is_an_error_at_each() -> None:
    assert [(2, "SP006", "rows[0].impressions"), (3, "SP006", "rows[1].impressions")] == problems(
        _cells(["1,200", "1.500"])
    )


def test_a_file_proving_both_decimal_marks_reports_the_fewer() -> None:
    assert [(4, "SP006", "rows[2].impressions")] == problems(_cells(["2.5", "3.5", "4,5"]))


def test_decimal_given_reads_as_told() -> None:
    assert [1.2, 12.5] == _impressions(["1,200", "12,5"], decimal=",")


def test_a_cell_that_is_no_number_is_located() -> None:
    (problem,) = _diagnostics(_cells(["12", "lots"]))
    assert (3, "SP005", 'column 2 ("Impressions"): "lots" is not a number') == (
        problem.line,
        problem.code,
        problem.message,
    )


def test_a_column_no_layout_lists_keeps_its_text() -> None:
    # A platform adds a column (a campaign tag) that socialplan does not know: its words are
    # read as text, not refused as numbers that nobody asked for.
    data = b'Date,Impressions,Engagements,Campaign tag\n"Tue, Jul 14, 2026",12,1,summer\n'
    export = read_export(data, name="overview.csv")
    assert [{"impressions": 12, "engagements": 1, "campaign_tag": "summer"}] == [
        row.values for row in export.rows
    ]


def test_a_column_no_layout_lists_keeps_its_numbers() -> None:
    data = b'Date,Impressions,Engagements,Saves to board\n"Tue, Jul 14, 2026",12,1,"1,204"\n'
    export = read_export(data, name="overview.csv")
    assert [1204] == [row.values["saves_to_board"] for row in export.rows]


def test_every_problem_is_reported_at_once() -> None:
    data = (
        b"Date,Impressions,Likes,Engagements\n"
        b'"Tue, Jul 14, 2026",lots,1,2\n'
        b'"Tue, Feb 30, 2026",3,1,2\n'
        b'"someday",4,many,2\n'
    )
    assert [
        (2, "SP005", "rows[0].impressions"),
        (3, "SP006", "rows[1].date"),
        (4, "SP005", "rows[2].date"),
        (4, "SP005", "rows[2].likes"),
    ] == problems(data)


# --- Dates: every form of the issue, round trips, and no silent misreads ----------------------

DAYS = st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 12, 31))
FORMS: dict[str, Callable[[dt.date], str]] = {
    "iso": lambda d: d.isoformat(),
    "meta": lambda d: d.isoformat() + "T09:00:00",
    "ga4": lambda d: d.strftime("%Y%m%d"),
    "x": lambda d: d.strftime("%a, %b ") + f"{d.day}, {d.year}",
    "youtube": lambda d: d.strftime("%b ") + f"{d.day}, {d.year}",
    "us": lambda d: d.strftime("%m/%d/%Y"),
    "eu": lambda d: d.strftime("%d/%m/%Y"),
}


def _dated(texts: list[str], **options: object) -> list[dt.date | None]:
    rows = "".join(f'"{t}",1,2\n' for t in texts)
    data = ("Date,Impressions,Engagements\n" + rows).encode()
    export = read_export(data, name="overview.csv", **options)  # type: ignore[arg-type]
    return [row.date for row in export.rows]


@settings(max_examples=80)
@given(st.lists(DAYS, min_size=1, max_size=5), st.sampled_from(sorted(FORMS)))
def test_dates_read_back_in_every_form(days: list[dt.date], form: str) -> None:
    written = [FORMS[form](d) for d in days]
    options = {"day_first": form == "eu"} if form in ("us", "eu") else {}
    assert days == _dated(written, **options)


@settings(max_examples=60)
@given(st.lists(DAYS, min_size=1, max_size=5), st.booleans())
def test_slash_dates_take_their_order_from_a_day_over_12(
    days: list[dt.date], day_first: bool
) -> None:
    proof = D(2026, 7, 14)  # its day, 14, cannot be a month
    form = FORMS["eu" if day_first else "us"]
    assert [proof, *days] == _dated([form(d) for d in [proof, *days]])


@settings(max_examples=60)
@given(
    st.lists(st.dates(min_value=D(2026, 1, 1), max_value=D(2026, 12, 31)), min_size=1, max_size=5)
)
def test_yearless_dates_read_back_with_the_year_given(days: list[dt.date]) -> None:
    written = [d.strftime("%B ") + str(d.day) for d in days]
    assert days == _dated(written, year=2026)


def test_a_slash_date_that_reads_two_ways_is_an_error() -> None:
    assert [(2, "SP006", "rows[0].date")] == problems(
        b"Date,Impressions,Engagements\n07/08/2026,1,2\n"
    )


def test_slash_dates_in_both_orders_are_an_error_at_each() -> None:
    assert [(2, "SP006", "rows[0].date"), (3, "SP006", "rows[1].date")] == problems(
        b"Date,Impressions,Engagements\n07/14/2026,1,2\n14/07/2026,1,2\n"
    )


def test_a_date_without_a_year_is_an_error_without_year_or_period() -> None:
    (problem,) = _diagnostics(b"Date,Video Views,Profile Views\nAugust 31,1,2\nAugust 30,1,2\n")
    assert ("SP004", 2, "rows[0].date") == (problem.code, problem.line, problem.path)


def test_a_yearless_date_takes_the_year_of_the_period() -> None:
    data = (
        b"# Start date: 20261215\n# End date: 20270115\nDate,Sessions\nDecember 31,4\nJanuary 2,5\n"
    )
    assert [D(2026, 12, 31), D(2027, 1, 2)] == [r.date for r in read_export(data).rows]


def test_a_period_preamble_is_the_exports_period() -> None:
    data = b"# Start date: 20260801\n# End date: 20260831\nDate,Sessions\n20260802,4\n"
    assert (D(2026, 8, 1), D(2026, 8, 31)) == read_export(data).period

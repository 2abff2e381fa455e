"""Write the fixtures that are not plain UTF-8 text: Meta's UTF-16 page file, a YouTube
Studio zip and LinkedIn's workbooks (``python tests/exports/make_fixtures.py``; needs
openpyxl). Every value is made up; the layouts follow the platforms' published columns."""

from __future__ import annotations

import zipfile
from pathlib import Path

HERE = Path(__file__).parent


def meta_daily() -> None:
    text = (
        'sep=,\n"Facebook reach"\n"Date","Primary"\n'
        '"2026-07-14T00:00:00","1,204"\n"2026-07-15T00:00:00","980"\n'
        '"2026-07-16T00:00:00","2,310"\n'
    )
    (HERE / "facebook_page_reach.csv").write_bytes(text.encode("utf-16"))  # BOM, little-endian


def youtube_zip() -> None:
    table = (HERE / "youtube_table_data.csv").read_bytes()
    with zipfile.ZipFile(HERE / "youtube_content.zip", "w") as archive:
        for name, data in [
            ("Table data.csv", table),
            (
                "Chart data.csv",
                b"Date,Content,Views\n2026-07-14,vidAAAAAAA1,310\n",
            ),
            ("Totals.csv", b"Date,Views\n2026-07-14,310\n"),
        ]:
            info = zipfile.ZipInfo(name, date_time=(2026, 9, 1, 0, 0, 0))
            archive.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED)


def linkedin() -> None:
    import openpyxl  # type: ignore[import-untyped]

    book = openpyxl.Workbook()
    metrics = book.active
    metrics.title = "Metrics"
    metrics.append(["Aggregated metrics for all posts, including sponsored content."])
    names = ["Impressions", "Clicks", "Reactions", "Comments", "Reposts", "Engagement rate"]
    metrics.append(
        ["Date", *(f"{n} ({v})" for n in names for v in ("organic", "sponsored", "total"))]
    )
    metrics.append(
        ["07/14/2026", 1520, 0, 1520, 64, 0, 64, 38, 0, 38, 4, 0, 4, 6, 0, 6, 0.0737, 0, 0.0737]
    )
    metrics.append(
        ["07/15/2026", 410, 0, 410, 12, 0, 12, 9, 0, 9, 1, 0, 1, 0, 0, 0, 0.0537, 0, 0.0537]
    )
    posts = book.create_sheet("All posts")
    posts.append(["All posts published on the page in the period."])
    posts.append(
        [
            "Post title",
            "Post link",
            "Post type",
            "Campaign name",
            "Posted by",
            "Created date",
            "Campaign start date",
            "Campaign end date",
            "Audience",
            "Impressions",
            "Views (excluding off-site video views)",
            "Off-site views",
            "Clicks",
            "Click through rate (CTR)",
            "Likes",
            "Comments",
            "Reposts",
            "Follows",
            "Engagement rate",
            "Content Type",
        ]
    )
    posts.append(
        [
            "Our rye loaf is out",
            "https://www.linkedin.com/feed/update/urn:li:activity:7000000000000000001",
            "Organic",
            "",
            "Ana Example",
            "07/14/2026",
            "",
            "",
            "All followers",
            1520,
            "",
            "",
            64,
            0.0421,
            38,
            4,
            6,
            2,
            0.0737,
            "Image",
        ]
    )
    book.save(HERE / "linkedin_content.xlsx")

    book = openpyxl.Workbook()
    followers = book.active
    followers.title = "New followers"
    followers.append(
        [
            "Date",
            "Sponsored followers",
            "Organic followers",
            "Auto-invited followers",
            "Total followers",
        ]
    )
    followers.append(["07/14/2026", 0, 5, 1, 6])
    followers.append(["07/15/2026", 2, 3, 0, 5])
    location = book.create_sheet("Location")
    location.append(["Location", "Total followers"])
    location.append(["Madrid", 120])
    book.save(HERE / "linkedin_followers.xlsx")


if __name__ == "__main__":
    meta_daily()
    youtube_zip()
    linkedin()

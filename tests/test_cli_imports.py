"""``socialplan observations import`` and ``socialplan score PLAN EXPORT...`` (issue #20), end to
end over the platforms' export fixtures of tests/exports/: the real readers, the plan's feeds,
the commands. The expected observations are worked out by hand from the fixtures' cells.

How rows map in the edge cases (combining, clashes, channels) is tested on stand-in exports in
test_feeds.py.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from helpers import HEAD, Write, run

EXPORTS = Path(__file__).parent / "exports"

#: A channel per platform, and a metric per platform fed from one column of its export.
PLAN = (
    HEAD
    + """
[channels.fb]
platform = "facebook"
[channels.ig]
platform = "instagram"
[channels.li]
platform = "linkedin"
[channels.x]
platform = "x"
[channels.yt]
platform = "youtube"
[channels.tt]
platform = "tiktok"
[channels.web]
platform = "website"

[objectives.seen]
title = "Be seen"
[objectives.seen.target]
unit = "people"
value = 100000
deadline = 2026-12-31

[metrics.fb_reach]
name = "Reach of the Facebook posts"
channels = ["fb"]
measures = ["seen"]
feeds = [{platform = "facebook", layout = "posts", column = "reach", combine = "sum"}]

[metrics.fb_page_reach]
name = "Reach of the Facebook page"
channels = ["fb"]
feeds = [{platform = "facebook", layout = "daily", column = "reach", combine = "sum"}]

[metrics.ig_follows]
name = "Instagram follows the posts brought"
channels = ["ig"]
feeds = [{platform = "instagram", column = "new_followers", combine = "sum"}]

[metrics.ig_reach]
name = "Reach of the Instagram posts"
channels = ["ig"]
feeds = [{platform = "instagram", column = "reach", combine = "sum"}]

[metrics.li_follows]
name = "New LinkedIn followers"
channels = ["li"]
[[metrics.li_follows.feeds]]
platform = "linkedin"
layout = "followers"
column = "new_followers_total"
combine = "sum"

[metrics.x_impressions]
name = "Impressions of the posts on X"
channels = ["x"]
feeds = [{platform = "x", layout = "posts", column = "impressions", combine = "sum"}]

[metrics.yt_views]
name = "YouTube views"
channels = ["yt"]
feeds = [{platform = "youtube", column = "views", combine = "sum"}]

[metrics.tt_views]
name = "TikTok video views"
channels = ["tt"]
feeds = [{platform = "tiktok", layout = "overview", column = "video_views", combine = "sum"}]

[metrics.tt_followers]
name = "TikTok followers"
channels = ["tt"]
feeds = [{platform = "tiktok", layout = "followers", column = "followers", combine = "last"}]

[metrics.sessions]
name = "Sessions of the website"
channels = ["web"]
feeds = [{platform = "ga4", layout = "traffic", column = "sessions", combine = "sum"}]

[metrics.mentions]
name = "Mentions"
feeds = [{platform = "listening", column = "url", combine = "count"}]

[metrics.mention_reach]
name = "Reach of the mentions"
feeds = [{platform = "listening", column = "reach", combine = "sum"}]
"""
)

HEADER = "metric,date,value,channel\n"

#: Per fixture, the observations it gives, worked out from its cells.
CASES = {
    # Three posts, their lifetime reach by publish date ("Lifetime" in the Date column).
    "facebook_posts.csv": "fb_reach,2026-07-14,2980,fb\nfb_reach,2026-07-21,9870,fb\n"
    "fb_reach,2026-08-02,760,fb\n",
    # UTF-16, a "Facebook reach" line over "Date","Primary": a value per day.
    "facebook_page_reach.csv": "fb_page_reach,2026-07-14,1204,fb\nfb_page_reach,2026-07-15,980,fb\n"
    "fb_page_reach,2026-07-16,2310,fb\n",
    # Follows and reach of three posts, one date each.
    "instagram_posts.csv": "ig_follows,2026-07-14,12,ig\nig_follows,2026-07-22,40,ig\n"
    "ig_follows,2026-08-03,1,ig\nig_reach,2026-07-14,8150,ig\nig_reach,2026-07-22,31200,ig\n"
    "ig_reach,2026-08-03,870,ig\n",
    # Spanish: "8.150" and "31.200" with a dot for thousands, day-first dates; no follows column.
    "instagram_posts_es.csv": "ig_reach,2026-07-14,8150,ig\nig_reach,2026-07-22,31200,ig\n",
    # The workbook's "New followers" sheet: the total column, 0+5+1 and 2+3+0.
    "linkedin_followers.xlsx": "li_follows,2026-07-14,6,li\nli_follows,2026-07-15,5,li\n",
    "x_posts.csv": "x_impressions,2026-07-14,2140,x\nx_impressions,2026-07-22,987,x\n",
    # The zip's Table data.csv: its first row, the totals (5,321), is not a video's.
    "youtube_content.zip": "yt_views,2026-07-14,4100,yt\nyt_views,2026-08-02,1221,yt\n",
    # "August 29" has no year: --year 2026.
    "tiktok_overview.csv": "tt_views,2026-08-29,1204,tt\ntt_views,2026-08-30,980,tt\n"
    "tt_views,2026-08-31,2310,tt\n",
    "tiktok_followers.csv": "tt_followers,2026-08-30,1480,tt\ntt_followers,2026-08-31,1492,tt\n",
    # The period's totals (1,210 + 904 + 433) at the last day of its "# End date".
    "ga4_traffic.csv": "sessions,2026-08-31,2547,web\n",
    # A mention a day; a listening tool's values are the metric's total.
    "listening_mentions.csv": "mention_reach,2026-08-03,12000\nmention_reach,2026-08-04,900\n"
    "mention_reach,2026-08-05,150\nmentions,2026-08-03,1\nmentions,2026-08-04,1\n"
    "mentions,2026-08-05,1\n",
}


def fixture(name: str) -> str:
    return str(EXPORTS / name)


def printed(rows: str) -> str:
    """The CSV import prints for *rows*: the channel column only when a row has a channel."""
    return (HEADER if rows.count(",") > rows.count("\n") * 2 else "metric,date,value\n") + rows


@pytest.mark.parametrize("name", sorted(CASES))
def test_import_of_each_platform_s_export_prints_its_observations(
    name: str, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", PLAN)
    command = ["observations", "import", fixture(name), "-p", plan, "--year", "2026"]
    code, out, _ = run(command, capsys)
    assert (0, printed(CASES[name])) == (code, out)


def test_import_says_on_stderr_what_was_mapped_and_what_was_skipped(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", HEAD + PLAN.split(HEAD)[1].split("[metrics.fb_page_reach]")[0])
    posts = fixture("facebook_posts.csv")
    expected = (
        f"{posts}: reach -> fb_reach on fb (sum): 3 rows, 3 dates\n"
        f"{posts}: columns no feed names: duration, views, reactions, comments, shares, clicks, "
        "link_clicks, other_clicks\n"
    )
    code, _, err = run(["observations", "import", posts, "-p", plan], capsys)
    assert (0, expected) == (code, err)


@pytest.mark.parametrize("name", sorted(CASES))
def test_score_scores_the_observations_of_an_export(
    name: str, write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", PLAN.replace('measures = ["seen"]\n', ""))
    metric = CASES[name].split(",", 1)[0]
    text = plan_measuring(Path(plan).read_text(), metric)
    Path(plan).write_text(text)
    code, out, _ = run(["score", plan, fixture(name), "--year", "2026", "--format", "json"], capsys)
    (measured,) = json.loads(out)["objectives"][0]["metrics"]
    series = [
        [day, int(value)]
        for line in CASES[name].splitlines()
        for m, day, value, *_ in [line.split(",")]
        if m == metric
    ]
    assert (0, metric, series) == (code, measured["metric"], measured["series"])


def plan_measuring(text: str, metric: str) -> str:
    """*text* with *metric* the one metric that measures the objective."""
    head = f"[metrics.{metric}]\n"
    start = text.index(head) + len(head)
    return text[:start] + 'measures = ["seen"]\n' + text[start:]


def test_importing_an_export_twice_counts_each_post_once(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, posts = write("plan.toml", PLAN), fixture("x_posts.csv")
    code, out, _ = run(["observations", "import", posts, posts, "-p", plan], capsys)
    assert (0, HEADER + CASES["x_posts.csv"]) == (code, out)


def test_a_later_export_of_the_same_posts_replaces_their_totals(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", PLAN)
    # A month on: the first post's reach grew from 2,980 to 3,100; a fourth post.
    later = (EXPORTS / "facebook_posts.csv").read_text(encoding="utf-8-sig")
    later = later.replace('"3,410","2,980"', '"3,600","3,100"')
    later += (
        later.splitlines()[-1]
        .replace("222222222222203", "222222222222204")
        .replace("08/02/2026", "08/20/2026")
        + "\n"
    )
    path = write("later.csv", later)
    expected = (
        "fb_reach,2026-07-14,3100,fb\nfb_reach,2026-07-21,9870,fb\n"
        "fb_reach,2026-08-02,760,fb\nfb_reach,2026-08-20,760,fb\n"
    )
    for order in ([fixture("facebook_posts.csv"), path], [path, fixture("facebook_posts.csv")]):
        code, out, _ = run(["observations", "import", *order, "-p", plan], capsys)
        assert (0, HEADER + expected) == (code, out)


def test_overlapping_daily_exports_take_the_later_file_s_days(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", PLAN)
    english, spanish = fixture("tiktok_overview.csv"), fixture("tiktok_overview_es.csv")
    command = ["observations", "import", english, spanish, "-p", plan, "--year", "2026"]
    code, out, _ = run(command, capsys)
    # Both end on August 31: the one given last is the later; "1,2 mil" is 1200.
    expected = (
        "tt_views,2026-08-29,1204,tt\ntt_views,2026-08-30,1200,tt\ntt_views,2026-08-31,2310,tt\n"
    )
    assert (0, HEADER + expected) == (code, out)


def test_every_bad_cell_of_every_export_is_told_at_once_with_file_row_column_and_value(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", PLAN)
    text = (EXPORTS / "x_posts.csv").read_text(encoding="utf-8")
    posts = write("posts.csv", text.replace('"2,140"', "lots").replace(",987,", ",9 8 7x,"))
    overview = (EXPORTS / "tiktok_overview.csv").read_text(encoding="utf-8")
    days = write("Overview.csv", overview.replace("August 30,980", "August 30,n.a."))
    command = ["observations", "import", posts, days, "-p", plan, "--year", "2026"]
    code, out, err = run(command, capsys)
    number = "(expected a number such as 1200, 1,200, 1.2K or 62.5%)"
    expected = [
        f'{posts}:2: SP005 rows[0].impressions: column 5 ("Impressions"): "lots" is not a '
        f"number {number}",
        f'{posts}:3: SP005 rows[1].impressions: column 5 ("Impressions"): "9 8 7x" is not a '
        f"number {number}",
        f'{days}:3: SP005 rows[1].video_views: column 2 ("Video Views"): "n.a." is not a '
        f"number {number}",
    ]
    assert (1, "", expected) == (code, out, [line.strip() for line in err.splitlines()[1:]])


def test_a_text_cell_where_a_feed_adds_numbers_is_located_by_file_row_and_column(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write(
        "plan.toml", PLAN.replace('"url", combine = "count"', '"sentiment", combine = "sum"')
    )
    mentions = fixture("listening_mentions.csv")
    code, _, err = run(["observations", "import", mentions, "-p", plan], capsys)
    expected = [
        f'{mentions}:{line}: SP005 column 10 (sentiment): "{text}" is not a number (expected a '
        'number, for metrics.mentions.feeds[0] (combine = "sum"))'
        for line, text in [(2, "Positive"), (3, "Neutral"), (4, "Negative")]
    ]
    assert (1, expected) == (code, [line.strip() for line in err.splitlines()[1:]])


def test_import_writes_the_observations_atomically_to_o(
    write: Write, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan, target = write("plan.toml", PLAN), tmp_path / "seen.csv"
    command = ["observations", "import", fixture("x_posts.csv"), "-p", plan, "-o", str(target)]
    code, out, _ = run(command, capsys)
    assert (0, "", HEADER + CASES["x_posts.csv"]) == (code, out, target.read_text())


def test_import_never_writes_over_an_export_it_read(
    write: Write, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan, posts = write("plan.toml", PLAN), tmp_path / "posts.csv"
    shutil.copy(EXPORTS / "x_posts.csv", posts)
    code, _, err = run(["observations", "import", str(posts), "-p", plan, "-o", str(posts)], capsys)
    kept = posts.read_bytes() == (EXPORTS / "x_posts.csv").read_bytes()
    assert (2, True, True) == (code, kept, f"cannot write {posts}" in err)


def test_import_of_a_file_that_is_not_there_exits_2(
    write: Write, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan = write("plan.toml", PLAN)
    code, _, err = run(["observations", "import", str(tmp_path / "gone.csv"), "-p", plan], capsys)
    assert (2, True) == (code, "cannot read" in err)


def test_score_takes_exports_beside_observations_files_telling_them_apart_by_content(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", PLAN)
    typed = write("typed.csv", "metric,date,value,channel\nfb_reach,2026-09-01,11000,fb\n")
    command = ["score", plan, fixture("facebook_posts.csv"), typed, "--format", "json"]
    code, out, _ = run(command, capsys)
    (measured,) = json.loads(out)["objectives"][0]["metrics"]
    assert (0, 2980, 11000) == (code, measured["baseline"], measured["latest"])


def test_score_refuses_a_value_an_export_and_a_file_both_give(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", PLAN)
    typed = write("typed.csv", "metric,date,value,channel\nfb_reach,2026-07-21,9000,fb\n")
    code, _, err = run(["score", plan, fixture("facebook_posts.csv"), typed], capsys)
    assert (1, True) == (code, "a second value for fb_reach on 2026-07-21 on fb" in err)


def test_an_observations_file_with_a_misspelt_header_is_still_read_as_observations(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", PLAN)
    typed = write("typed.csv", "metrc,date,value\nfb_reach,2026-08-01,900\n")
    code, _, err = run(["score", plan, typed], capsys)
    assert (1, True) == (code, 'did you mean "metric"?' in err)


def test_score_reads_an_export_with_a_column_named_like_metric_as_an_export(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    # A column the platform added, "Metrics": the readers know the layout, and so does score.
    plan = write("plan.toml", plan_measuring(PLAN.replace('measures = ["seen"]\n', ""), "tt_views"))
    lines = (EXPORTS / "tiktok_overview.csv").read_text(encoding="utf-8").splitlines()
    text = f"{lines[0]},Metrics\n" + "".join(f"{line},3\n" for line in lines[1:])
    days = write("Overview.csv", text)
    command = ["score", plan, days, "--year", "2026", "--format", "json"]
    code, out, _ = run(command, capsys)
    (measured,) = json.loads(out)["objectives"][0]["metrics"]
    expected = [["2026-08-29", 1204], ["2026-08-30", 980], ["2026-08-31", 2310]]
    assert (0, expected) == (code, measured["series"])


# --- A listening tool's mentions as a qualitative metric's readings -----------------------------

#: A qualitative metric read from the listening fixture's sentiment column.
READING_PLAN = (
    HEAD
    + """
[objectives.liked]
title = "Be spoken well of"

[metrics.sentiment]
name = "Sentiment of mentions"
kind = "qualitative"
measures = ["liked"]

[metrics.sentiment.expects]
negative = 50
keywords = ["hours"]

[[metrics.sentiment.feeds]]
platform = "listening"
column = "sentiment"
combine = "reading"
"""
)

#: The fixture's three mentions, one a day: "Positive" (rye; bakery), "Neutral" (queue),
#: "Negative" (hours); keywords seen as often are in the order of their names.
READINGS = (
    "metric,date,value,positive,neutral,negative,keywords\n"
    "sentiment,2026-08-03,1,1,0,0,bakery; rye\n"
    "sentiment,2026-08-04,1,0,1,0,queue\n"
    "sentiment,2026-08-05,1,0,0,1,hours\n"
)


def test_import_of_the_mentions_gives_a_reading_a_day(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", READING_PLAN)
    command = ["observations", "import", fixture("listening_mentions.csv"), "-p", plan]
    code, out, _ = run(command, capsys)
    assert (0, READINGS) == (code, out)


def test_importing_the_mentions_twice_counts_each_mention_once(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan, mentions = write("plan.toml", READING_PLAN), fixture("listening_mentions.csv")
    code, out, _ = run(["observations", "import", mentions, mentions, "-p", plan], capsys)
    assert (0, READINGS) == (code, out)


def test_score_judges_what_a_qualitative_metric_expects_from_the_mentions_export(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = write("plan.toml", READING_PLAN)
    command = ["score", plan, fixture("listening_mentions.csv"), "--format", "json"]
    code, out, _ = run(command, capsys)
    (measured,) = json.loads(out)["objectives"][0]["metrics"]
    # The latest reading, 2026-08-05's: its one mention negative (100% > 50%), "hours" seen.
    quality = measured["quality"]
    found = (measured["verdict"], quality["negative"], quality["keywords_seen"], quality["met"])
    assert (0, ("on track", 1.0, ["hours"], 1)) == (code, found)


def test_a_reading_feed_of_a_quantitative_metric_is_a_plan_error_for_import(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    text = READING_PLAN.replace('kind = "qualitative"\n', "")
    plan = write(
        "plan.toml",
        text.replace("[metrics.sentiment.expects]\nnegative = 50\n", "").replace(
            'keywords = ["hours"]\n', ""
        ),
    )
    command = ["observations", "import", fixture("listening_mentions.csv"), "-p", plan]
    code, _, err = run(command, capsys)
    said = 'SP006 metrics.sentiment.feeds[0].combine: combine = "reading" is for a qualitative'
    assert (1, True) == (code, said in err)

"""The second precision pass of issue #18: a finding that repeats another's cause on the
same plan is folded into it, and a channel meant for everyone is not asked for an audience.

Each change: the plan where the rule used to speak twice (or wrongly), and the near plan
where it still speaks (tests/test_rules.py has every rule's main case).
"""

from __future__ import annotations

import pytest

import socialplan
from helpers import plan_of


def groups(body: str, code: str) -> list[tuple[str, str | None]]:
    """What rule *code* reports on the plan *body*, as (path, group)."""
    return [(d.path, d.group) for d in socialplan.validate(plan_of(body), select=[code])]


# --- SP213: the goals no objective serves are one gap, said once ---------------------------

GOALS = """
[business_goals.sales]
statement = "Sell more bread"
[business_goals.brand]
statement = "Be the town's bakery"
[business_goals.staff]
statement = "Hire two bakers"
[objectives.awareness]
title = "Be known"
supports = ["brand"]
"""


def test_the_goals_no_objective_serves_are_one_group() -> None:
    words = "2 of 3 business goals are served by no objective"
    assert [("business_goals.sales", words), ("business_goals.staff", words)] == groups(
        GOALS, "SP213"
    )


def test_one_goal_no_objective_serves_is_a_group_of_one() -> None:
    body = GOALS.replace('supports = ["brand"]', 'supports = ["brand", "staff"]')
    assert [("business_goals.sales", "1 of 3 business goals is served by no objective")] == (
        groups(body, "SP213")
    )


# --- SP302: the organisation's website is for everyone who comes to it ---------------------

AUDIENCE = '[audiences.parents]\nname = "Parents"\n'


def test_a_website_needs_no_audience() -> None:
    body = AUDIENCE + '[channels.site]\nplatform = "website"\n'
    assert [] == groups(body, "SP302")


def test_a_website_is_not_counted_among_the_channels_that_need_an_audience() -> None:
    body = (
        AUDIENCE
        + '[channels.site]\nplatform = "website"\n'
        + '[channels.blog]\nplatform = "blog"\n'
        + '[channels.fb]\nplatform = "facebook"\naudiences = ["parents"]\n'
    )
    assert [("channels.blog.audiences", "1 of 2 channels reaches no audience")] == groups(
        body, "SP302"
    )


# --- SP403: a channel that lacks more kinds of route joins those that lack fewer ------------

CHANNELS = """
[channels.fb]
platform = "facebook"
[channels.x]
platform = "x"
[channels.blog]
platform = "blog"
[[routing]]
message = "inquiry"
to = "cm"
channels = ["fb", "x"]
"""


def test_a_channel_lacking_every_route_joins_those_lacking_some_of_them() -> None:
    words = (
        "3 of 3 channels have no route for suggestions, complaints and crises"
        " (blog: nor for inquiries)"
    )
    assert [
        ("channels.blog", words),
        ("channels.fb", words),
        ("channels.x", words),
    ] == groups(CHANNELS, "SP403")


def test_each_channel_still_says_every_kind_it_lacks() -> None:
    report = socialplan.validate(plan_of(CHANNELS), select=["SP403"])
    assert {
        "channels.fb": 'channel "fb" has no route for: suggestion, complaint, crisis',
        "channels.blog": 'channel "blog" has no route for: inquiry, suggestion, complaint, crisis',
    } == {d.path: d.message for d in report if d.path != "channels.x"}


def test_channels_that_lack_different_kinds_stay_apart() -> None:
    body = CHANNELS.replace(
        'channels = ["fb", "x"]',
        'channels = ["fb", "x"]\n'
        '[[routing]]\nmessage = "crisis"\nto = "pr"\nchannels = ["blog"]\n'
        '[[routing]]\nmessage = "suggestion"\nto = "cm"\n[[routing]]\nmessage = "complaint"\n'
        'to = "cm"\n',
    )
    assert [
        ("channels.blog", "1 of 3 channels has no route for inquiries"),
        ("channels.fb", "2 of 3 channels have no route for crises"),
        ("channels.x", "2 of 3 channels have no route for crises"),
    ] == groups(body, "SP403")


def test_when_most_channels_lack_more_the_line_names_those_that_do_not() -> None:
    body = CHANNELS.replace('channels = ["fb", "x"]', 'channels = ["fb"]')
    words = (
        "3 of 3 channels have no route for suggestions, complaints and crises"
        " (all but fb: nor for inquiries)"
    )
    assert [("channels.blog", words), ("channels.fb", words), ("channels.x", words)] == groups(
        body, "SP403"
    )


# --- SP501: a channel nobody writes to on needs no rules of engagement ---------------------

ENGAGED = '[channels.fb]\nplatform = "facebook"\n[engagement.fb]\ntone = "warm"\n'


@pytest.mark.parametrize("platform", ["newsletter", "podcast", "website"])
def test_a_one_way_channel_needs_no_engagement_rule(platform: str) -> None:
    body = ENGAGED + f'[channels.out]\nplatform = "{platform}"\n'
    assert [] == groups(body, "SP501")


def test_a_one_way_channel_is_not_counted_among_those_that_need_engagement_rules() -> None:
    body = ENGAGED + '[channels.site]\nplatform = "website"\n[channels.x]\nplatform = "x"\n'
    assert [("channels.x", "1 of 2 channels has no engagement rule")] == groups(body, "SP501")


def test_a_website_needs_no_response_time_either() -> None:
    body = '[channels.site]\nplatform = "website"\n[engagement.site]\ntone = "warm"\n'
    assert [] == groups(body, "SP502")

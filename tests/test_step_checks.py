"""Every completion check of socialplan.steps, and the maturity assessment.

Each check has a small plan that completes it (nothing missing) and one or more
plans that do not, with the exact list of what the check reports missing.
The cases follow each check's docstring and the "done when" column of the domain
notes.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

import socialplan
from helpers import plan_of
from socialplan.steps import CHECKS

EXAMPLES = sorted((Path(__file__).parent.parent / "examples").glob("*/plan.toml"))


class Done(NamedTuple):
    check: str
    name: str
    plan: str


class NotDone(NamedTuple):
    check: str
    name: str
    plan: str
    missing: list[str]


# Fragments shared by several cases.
ROUTES = """
    [[routing]]
    message = "inquiry"
    to = "cm"
    [[routing]]
    message = "suggestion"
    to = "cm"
    [[routing]]
    message = "complaint"
    to = "cm"
"""

CM = """
    [roles.cm]
    title = "Community manager"
    function = "community_manager"
    duties = ["answer comments"]
"""

THINKING = """
    [business_goals.growth]
    statement = "Grow"
    [objectives.awareness]
    title = "Be known"
    supports = ["growth"]
    [audiences.families]
    name = "Families"
    channels = ["instagram"]
    [channels.instagram]
    platform = "instagram"
    purpose = "Show the bread"
    audiences = ["families"]
"""

ACTING = """
    [channels.instagram]
    platform = "instagram"
    [[calendar]]
    date = 2027-02-01
    channel = "instagram"
    title = "First loaves"
    [resources.cm_time]
    kind = "people"
    name = "Community manager"
"""

DONE = [
    Done(
        "objectives",
        "one-objective-supporting-a-goal",
        """
        [business_goals.growth]
        statement = "Grow"
        [objectives.awareness]
        title = "Be known"
        supports = ["growth"]
        """,
    ),
    Done(
        "stakeholder_input",
        "survey-with-findings",
        """
        [stakeholder_input.staff]
        method = "survey"
        findings = ["Customers ask for the specials"]
        """,
    ),
    Done(
        "audiences",
        "audience-with-channels",
        """
        [audiences.families]
        name = "Families"
        channels = ["instagram"]
        """,
    ),
    Done(
        "influence_map",
        "influencer-with-audiences",
        """
        [influencers.blogger]
        name = "Food blogger"
        influences = ["families"]
        """,
    ),
    Done(
        "responsibility_map",
        "community-manager-with-duties-and-three-routes",
        CM + ROUTES,
    ),
    Done(
        "channels",
        "channel-with-purpose-and-audience",
        """
        [channels.instagram]
        platform = "instagram"
        purpose = "Show the bread"
        audiences = ["families"]
        """,
    ),
    Done(
        "content_strategy",
        "pillar-source-and-keywords",
        """
        [content]
        keywords = ["sourdough"]
        [content.pillars.craft]
        theme = "How bread is made"
        objectives = ["awareness"]
        [content.sources.booklet]
        title = "Recipe booklet"
        """,
    ),
    Done(
        "metrics",
        "objective-measured-by-a-metric",
        """
        [objectives.awareness]
        title = "Be known"
        [metrics.followers]
        name = "Followers"
        measures = ["awareness"]
        """,
    ),
    Done(
        "channel_setup",
        "channel-with-profile-and-customizations",
        """
        [channels.instagram]
        platform = "instagram"
        customizations = ["pinned post"]
        [channels.instagram.profile]
        handle = "@demo"
        """,
    ),
    Done(
        "engagement_framework",
        "channel-with-a-full-rule",
        """
        [channels.instagram]
        platform = "instagram"
        [engagement.instagram]
        tone = "warm"
        response_time = "4h"
        message_length = "short"
        topics = ["bread"]
        """,
    ),
    Done(
        "policy",
        "full-policy",
        """
        [policy]
        acceptable = ["our products"]
        off_limits = ["politics"]
        confidential = ["prices"]
        company_capacity = "Only the community manager speaks for the shop"
        personal_capacity = "Staff say they work here"
        """,
    ),
    Done(
        "initial_content",
        "calendar-covering-the-channel",
        """
        [channels.instagram]
        platform = "instagram"
        [[calendar]]
        date = 2027-02-01
        channel = "instagram"
        title = "First loaves"
        """,
    ),
    Done(
        "monitoring",
        "metric-with-source-and-cadence",
        """
        [metrics.followers]
        name = "Followers"
        source = "Instagram Insights"
        cadence = "weekly"
        """,
    ),
    Done(
        "internal_networks",
        "ambassadors",
        """
        [advocacy]
        ambassadors = ["Lucía"]
        """,
    ),
    Done(
        "internal_networks",
        "actions",
        """
        [advocacy]
        actions = ["a monthly photo walk"]
        """,
    ),
    Done(
        "launch",
        "date-and-review",
        """
        [launch]
        date = 2027-03-01
        review = "monthly"
        """,
    ),
    Done(
        "briefing",
        "presence-objectives-and-audience",
        """
        [briefing]
        online_presence = "A Facebook page"
        objectives = "More visits"
        target_audience = "Families"
        """,
    ),
    Done(
        "analysis",
        "company-sector-competitors-and-situation",
        """
        [analysis]
        company = "Good reviews"
        sector = "Bakeries that post grow"
        competitors = ["Horno Norte"]
        current_situation = "Known on the street"
        """,
    ),
    Done(
        "scenarios",
        "plan-b",
        """
        [scenarios.plan_b]
        name = "Plan B"
        """,
    ),
    Done(
        "vision",
        "vision-mission-and-channel-purpose",
        """
        vision = "The favourite bakery"
        mission = "Bake honest bread"
        [channels.instagram]
        platform = "instagram"
        purpose = "Show the bread"
        """,
    ),
    Done(
        "trial",
        "trial-until",
        """
        [launch]
        date = 2027-03-01
        trial_until = 2027-02-22
        """,
    ),
    Done(
        "promotion",
        "launch-campaign",
        """
        [launch]
        campaign = ["flyer in every bag"]
        """,
    ),
    Done(
        "resources",
        "every-kind-and-every-horizon",
        """
        [resources.cm_time]
        kind = "people"
        name = "Community manager"
        horizon = "short"
        [resources.scheduler]
        kind = "tool"
        name = "Scheduler"
        horizon = "medium"
        [resources.ads]
        kind = "budget"
        name = "Ads"
        horizon = "long"
        """,
    ),
    Done(
        "tools",
        "a-tool",
        """
        [resources.scheduler]
        kind = "tool"
        name = "Scheduler"
        """,
    ),
    Done(
        "short_term",
        "short-term-objective",
        """
        [objectives.followers]
        title = "Followers"
        horizon = "short"
        """,
    ),
    Done(
        "medium_term",
        "medium-term-objective",
        """
        [objectives.followers]
        title = "Followers"
        horizon = "medium"
        """,
    ),
    Done(
        "long_term",
        "long-term-objective",
        """
        [objectives.followers]
        title = "Followers"
        horizon = "long"
        """,
    ),
    Done(
        "roi",
        "sales-target-and-a-cost",
        """
        [objectives.sales]
        title = "Sell more"
        kind = "sales"
        [objectives.sales.target]
        value = 20
        unit = "%"
        [resources.ads]
        kind = "budget"
        name = "Ads"
        cost = 600
        """,
    ),
    Done(
        "think",
        "objectives-audiences-messages-channels",
        THINKING
        + """
        [content.messages]
        families = ["Fresh bread on your way from school"]
        """,
    ),
    Done(
        "act",
        "calendar-resources-and-indicator",
        ACTING
        + """
        [metrics.followers]
        name = "Followers"
        audiences = ["families"]
        channels = ["instagram"]
        """,
    ),
    Done(
        "monitor",
        "four-families-each-monitored",
        """
        [metrics.shares]
        name = "Shares"
        family = "content_value"
        source = "Insights"
        cadence = "weekly"
        [metrics.followers]
        name = "Followers"
        family = "community_size"
        source = "Insights"
        cadence = "weekly"
        [metrics.mentions]
        name = "Mentions"
        family = "influence"
        source = "Insights"
        cadence = "weekly"
        [metrics.comments]
        name = "Comments"
        family = "engagement"
        source = "Insights"
        cadence = "weekly"
        """,
    ),
]


NOT_DONE = [
    # objectives
    NotDone("objectives", "empty-plan", "", ["no objective yet"]),
    NotDone(
        "objectives",
        "objective-supporting-nothing",
        """
        [objectives.awareness]
        title = "Be known"
        """,
        ['objective "awareness" supports no business goal'],
    ),
    NotDone(
        "objectives",
        "objective-supporting-an-unknown-goal",
        """
        [business_goals.growth]
        statement = "Grow"
        [objectives.awareness]
        title = "Be known"
        supports = ["grwoth"]
        """,
        ['objective "awareness" supports no business goal'],
    ),
    NotDone(
        "objectives",
        "one-of-two-objectives-unaligned",
        """
        [business_goals.growth]
        statement = "Grow"
        [objectives.awareness]
        title = "Be known"
        supports = ["growth"]
        [objectives.fun]
        title = "Have fun"
        """,
        ['objective "fun" supports no business goal'],
    ),
    # stakeholder_input
    NotDone("stakeholder_input", "empty-plan", "", ["no stakeholder input with findings yet"]),
    NotDone(
        "stakeholder_input",
        "input-without-findings",
        """
        [stakeholder_input.staff]
        method = "survey"
        """,
        ["no stakeholder input with findings yet"],
    ),
    # audiences
    NotDone("audiences", "empty-plan", "", ["no audience yet"]),
    NotDone(
        "audiences",
        "audience-without-channels",
        """
        [audiences.families]
        name = "Families"
        """,
        ['audience "families" does not say where it is (channels)'],
    ),
    # influence_map
    NotDone("influence_map", "empty-plan", "", ["no influencer with the audiences it sways yet"]),
    NotDone(
        "influence_map",
        "influencer-without-audiences",
        """
        [influencers.blogger]
        name = "Food blogger"
        """,
        ["no influencer with the audiences it sways yet"],
    ),
    # responsibility_map
    NotDone(
        "responsibility_map",
        "empty-plan",
        "",
        [
            "no role yet",
            "no route for inquiries",
            "no route for suggestions",
            "no route for complaints",
        ],
    ),
    NotDone(
        "responsibility_map",
        "role-without-duties",
        """
        [roles.cm]
        title = "Community manager"
        function = "community_manager"
        """
        + ROUTES,
        ['role "cm" has no duties'],
    ),
    NotDone(
        "responsibility_map",
        "no-community-manager",
        """
        [roles.cm]
        title = "Owner"
        function = "management"
        duties = ["decide"]
        """
        + ROUTES,
        ["no community manager"],
    ),
    NotDone(
        "responsibility_map",
        "suggestions-and-complaints-unrouted",
        CM
        + """
        [[routing]]
        message = "inquiry"
        to = "cm"
        """,
        ["no route for suggestions", "no route for complaints"],
    ),
    NotDone(
        "responsibility_map",
        "inquiries-unrouted",
        CM
        + """
        [[routing]]
        message = "suggestion"
        to = "cm"
        [[routing]]
        message = "complaint"
        to = "cm"
        """,
        ["no route for inquiries"],
    ),
    NotDone(
        "responsibility_map",
        "only-a-crisis-route",
        CM
        + """
        [[routing]]
        message = "crisis"
        to = "cm"
        [[routing]]
        message = "inquiry"
        to = "cm"
        """,
        ["no route for suggestions", "no route for complaints"],
    ),
    # channels
    NotDone("channels", "empty-plan", "", ["no channel yet"]),
    NotDone(
        "channels",
        "bare-channel",
        """
        [channels.instagram]
        platform = "instagram"
        """,
        ['channel "instagram" has no purpose', 'channel "instagram" reaches no audience'],
    ),
    NotDone(
        "channels",
        "second-channel-without-audience",
        """
        [channels.instagram]
        platform = "instagram"
        purpose = "Show the bread"
        audiences = ["families"]
        [channels.facebook]
        platform = "facebook"
        purpose = "Events"
        """,
        ['channel "facebook" reaches no audience'],
    ),
    # content_strategy
    NotDone(
        "content_strategy",
        "empty-plan",
        "",
        ["no content pillar yet", "no content source to reuse", "no keywords"],
    ),
    NotDone(
        "content_strategy",
        "keywords-only",
        """
        [content]
        keywords = ["sourdough"]
        """,
        ["no content pillar yet", "no content source to reuse"],
    ),
    NotDone(
        "content_strategy",
        "pillar-without-objectives",
        """
        [content]
        keywords = ["sourdough"]
        [content.pillars.craft]
        theme = "How bread is made"
        [content.sources.booklet]
        title = "Recipe booklet"
        """,
        ['content pillar "craft" serves no objective'],
    ),
    # metrics
    NotDone("metrics", "empty-plan", "", ["no metric yet"]),
    NotDone(
        "metrics",
        "objective-without-metrics",
        """
        [objectives.awareness]
        title = "Be known"
        """,
        ["no metric yet", 'objective "awareness" is measured by no metric'],
    ),
    NotDone(
        "metrics",
        "metric-measuring-nothing",
        """
        [objectives.awareness]
        title = "Be known"
        [metrics.likes]
        name = "Likes"
        """,
        [
            'objective "awareness" is measured by no metric',
            'metric "likes" measures no objective of the plan',
        ],
    ),
    # channel_setup
    NotDone("channel_setup", "empty-plan", "", ["no channel to set up"]),
    NotDone(
        "channel_setup",
        "bare-channel",
        """
        [channels.instagram]
        platform = "instagram"
        """,
        [
            'channel "instagram" has no profile identity',
            'channel "instagram" has no customizations',
        ],
    ),
    NotDone(
        "channel_setup",
        "profile-without-customizations",
        """
        [channels.instagram]
        platform = "instagram"
        [channels.instagram.profile]
        handle = "@demo"
        """,
        ['channel "instagram" has no customizations'],
    ),
    # engagement_framework
    NotDone("engagement_framework", "empty-plan", "", ["no channel to engage on"]),
    NotDone(
        "engagement_framework",
        "channel-without-rule",
        """
        [channels.instagram]
        platform = "instagram"
        """,
        ['channel "instagram" has no engagement rule'],
    ),
    NotDone(
        "engagement_framework",
        "rule-for-another-channel",
        """
        [channels.instagram]
        platform = "instagram"
        [engagement.facebook]
        tone = "warm"
        response_time = "4h"
        message_length = "short"
        topics = ["bread"]
        """,
        ['channel "instagram" has no engagement rule'],
    ),
    NotDone(
        "engagement_framework",
        "rule-with-hours-only",
        """
        [channels.instagram]
        platform = "instagram"
        [engagement.instagram]
        hours = "Mon-Sat"
        """,
        [
            'the engagement rule of "instagram" has no tone',
            'the engagement rule of "instagram" has no response time',
            'the engagement rule of "instagram" has no message length',
            'the engagement rule of "instagram" has no topics',
        ],
    ),
    # policy
    NotDone("policy", "empty-plan", "", ["no policy yet"]),
    NotDone(
        "policy",
        "policy-with-approver-only",
        """
        [policy]
        approver = "owner"
        """,
        [
            "the policy says nothing acceptable",
            "the policy says nothing off limits",
            "the policy says nothing confidential",
            "the policy does not set company apart from personal capacity",
        ],
    ),
    NotDone(
        "policy",
        "no-personal-capacity",
        """
        [policy]
        acceptable = ["our products"]
        off_limits = ["politics"]
        confidential = ["prices"]
        company_capacity = "Only the community manager speaks for the shop"
        """,
        ["the policy does not set company apart from personal capacity"],
    ),
    # initial_content
    NotDone("initial_content", "empty-plan", "", ["no calendar entry yet"]),
    NotDone(
        "initial_content",
        "channel-without-calendar",
        """
        [channels.instagram]
        platform = "instagram"
        """,
        ["no calendar entry yet", 'channel "instagram" has nothing in the calendar'],
    ),
    NotDone(
        "initial_content",
        "one-of-two-channels-scheduled",
        """
        [channels.instagram]
        platform = "instagram"
        [channels.facebook]
        platform = "facebook"
        [[calendar]]
        date = 2027-02-01
        channel = "instagram"
        title = "First loaves"
        """,
        ['channel "facebook" has nothing in the calendar'],
    ),
    # monitoring
    NotDone("monitoring", "empty-plan", "", ["no metric to monitor"]),
    NotDone(
        "monitoring",
        "bare-metric",
        """
        [metrics.followers]
        name = "Followers"
        """,
        ['metric "followers" has no source', 'metric "followers" has no cadence'],
    ),
    NotDone(
        "monitoring",
        "metric-without-cadence",
        """
        [metrics.followers]
        name = "Followers"
        source = "Instagram Insights"
        """,
        ['metric "followers" has no cadence'],
    ),
    # internal_networks
    NotDone(
        "internal_networks",
        "empty-plan",
        "",
        ["no internal advocacy plan (ambassadors, actions)"],
    ),
    NotDone(
        "internal_networks",
        "advocacy-with-description-only",
        """
        [advocacy]
        description = "The bakers show their work"
        """,
        ["no internal advocacy plan (ambassadors, actions)"],
    ),
    # launch
    NotDone("launch", "empty-plan", "", ["no launch date", "no review cadence"]),
    NotDone(
        "launch",
        "date-without-review",
        """
        [launch]
        date = 2027-03-01
        """,
        ["no review cadence"],
    ),
    NotDone(
        "launch",
        "review-without-date",
        """
        [launch]
        review = "monthly"
        """,
        ["no launch date"],
    ),
    # briefing
    NotDone("briefing", "empty-plan", "", ["no briefing yet"]),
    NotDone(
        "briefing",
        "media-plan-only",
        """
        [briefing]
        media_plan = "Flyers point to Instagram"
        """,
        [
            "the briefing says nothing of online presence",
            "the briefing says nothing of objectives",
            "the briefing says nothing of target audience",
        ],
    ),
    # analysis
    NotDone("analysis", "empty-plan", "", ["no analysis yet"]),
    NotDone(
        "analysis",
        "strengths-only",
        """
        [analysis]
        strengths = ["sourdough"]
        """,
        [
            "the analysis says nothing of company",
            "the analysis says nothing of sector",
            "the analysis says nothing of competitors",
            "the analysis says nothing of current situation",
        ],
    ),
    # scenarios
    NotDone("scenarios", "empty-plan", "", ["no plan B or plan C"]),
    # vision
    NotDone("vision", "empty-plan", "", ["no vision", "no mission"]),
    NotDone(
        "vision",
        "channel-without-purpose",
        """
        vision = "The favourite bakery"
        mission = "Bake honest bread"
        [channels.instagram]
        platform = "instagram"
        """,
        ['channel "instagram" has no purpose of its own'],
    ),
    # trial
    NotDone("trial", "empty-plan", "", ["no trial period (launch.trial_until)"]),
    NotDone(
        "trial",
        "launch-without-trial",
        """
        [launch]
        date = 2027-03-01
        """,
        ["no trial period (launch.trial_until)"],
    ),
    # promotion
    NotDone("promotion", "empty-plan", "", ["no launch campaign (launch.campaign)"]),
    NotDone(
        "promotion",
        "launch-without-campaign",
        """
        [launch]
        date = 2027-03-01
        """,
        ["no launch campaign (launch.campaign)"],
    ),
    # resources
    NotDone(
        "resources",
        "empty-plan",
        "",
        [
            "no people resources",
            "no tool resources",
            "no budget resources",
            "no resources for the short term",
            "no resources for the medium term",
            "no resources for the long term",
        ],
    ),
    NotDone(
        "resources",
        "one-short-term-tool",
        """
        [resources.scheduler]
        kind = "tool"
        name = "Scheduler"
        horizon = "short"
        """,
        [
            "no people resources",
            "no budget resources",
            "no resources for the medium term",
            "no resources for the long term",
        ],
    ),
    # tools
    NotDone("tools", "empty-plan", "", ["no tool among the resources"]),
    NotDone(
        "tools",
        "people-only",
        """
        [resources.cm_time]
        kind = "people"
        name = "Community manager"
        """,
        ["no tool among the resources"],
    ),
    # short_term, medium_term, long_term
    NotDone("short_term", "empty-plan", "", ["no objective for the short term"]),
    NotDone(
        "short_term",
        "long-term-objective-only",
        """
        [objectives.followers]
        title = "Followers"
        horizon = "long"
        """,
        ["no objective for the short term"],
    ),
    NotDone("medium_term", "empty-plan", "", ["no objective for the medium term"]),
    NotDone(
        "medium_term",
        "objective-without-horizon",
        """
        [objectives.followers]
        title = "Followers"
        """,
        ["no objective for the medium term"],
    ),
    NotDone("long_term", "empty-plan", "", ["no objective for the long term"]),
    NotDone(
        "long_term",
        "short-term-objective-only",
        """
        [objectives.followers]
        title = "Followers"
        horizon = "short"
        """,
        ["no objective for the long term"],
    ),
    # roi
    NotDone(
        "roi",
        "empty-plan",
        "",
        ["no sales, conversions or leads objective with a target", "no resource with a cost"],
    ),
    NotDone(
        "roi",
        "sales-objective-without-target",
        """
        [objectives.sales]
        title = "Sell more"
        kind = "sales"
        [resources.ads]
        kind = "budget"
        name = "Ads"
        cost = 600
        """,
        ["no sales, conversions or leads objective with a target"],
    ),
    NotDone(
        "roi",
        "awareness-objective-with-target",
        """
        [objectives.awareness]
        title = "Be known"
        kind = "awareness"
        [objectives.awareness.target]
        value = 1500
        unit = "followers"
        [resources.ads]
        kind = "budget"
        name = "Ads"
        cost = 600
        """,
        ["no sales, conversions or leads objective with a target"],
    ),
    NotDone(
        "roi",
        "leads-target-without-cost",
        """
        [objectives.leads]
        title = "Orders by message"
        kind = "leads"
        [objectives.leads.target]
        value = 30
        unit = "orders/month"
        [resources.ads]
        kind = "budget"
        name = "Ads"
        """,
        ["no resource with a cost"],
    ),
    # think
    NotDone(
        "think",
        "empty-plan",
        "",
        ["no objective yet", "no audience yet", "no channel yet"],
    ),
    NotDone("think", "everything-but-messages", THINKING, ['no messages for audience "families"']),
    NotDone(
        "think",
        "bare-objective-audience-and-channel",
        """
        [objectives.awareness]
        title = "Be known"
        [audiences.families]
        name = "Families"
        [content.messages]
        families = ["Fresh bread"]
        [channels.instagram]
        platform = "instagram"
        """,
        [
            'objective "awareness" supports no business goal',
            'audience "families" does not say where it is (channels)',
            'channel "instagram" has no purpose',
            'channel "instagram" reaches no audience',
        ],
    ),
    # act
    NotDone(
        "act",
        "empty-plan",
        "",
        [
            "no calendar entry yet",
            "no resources assigned",
            "no indicator by audience and channel",
        ],
    ),
    NotDone(
        "act",
        "indicator-by-channel-only",
        ACTING
        + """
        [metrics.followers]
        name = "Followers"
        channels = ["instagram"]
        """,
        ["no indicator by audience and channel"],
    ),
    NotDone(
        "act",
        "unscheduled-channel",
        """
        [channels.instagram]
        platform = "instagram"
        [resources.cm_time]
        kind = "people"
        name = "Community manager"
        [metrics.followers]
        name = "Followers"
        audiences = ["families"]
        channels = ["instagram"]
        """,
        ["no calendar entry yet", 'channel "instagram" has nothing in the calendar'],
    ),
    # monitor
    NotDone(
        "monitor",
        "empty-plan",
        "",
        [
            "no metric to monitor",
            "no content value metric",
            "no community size metric",
            "no influence metric",
            "no engagement metric",
        ],
    ),
    NotDone(
        "monitor",
        "one-monitored-community-metric",
        """
        [metrics.followers]
        name = "Followers"
        family = "community_size"
        source = "Insights"
        cadence = "weekly"
        """,
        ["no content value metric", "no influence metric", "no engagement metric"],
    ),
    NotDone(
        "monitor",
        "unmonitored-community-metric",
        """
        [metrics.followers]
        name = "Followers"
        family = "community_size"
        """,
        [
            'metric "followers" has no source',
            'metric "followers" has no cadence',
            "no content value metric",
            "no influence metric",
            "no engagement metric",
        ],
    ),
]


NOT_DONE += [
    NotDone(
        "metrics",
        "metric-measuring-an-unknown-objective",
        """
        [objectives.awareness]
        title = "Be known"
        [metrics.followers]
        name = "Followers"
        measures = ["awareness"]
        [metrics.likes]
        name = "Likes"
        measures = ["awarness"]
        """,
        ['metric "likes" measures no objective of the plan'],
    ),
    NotDone(
        "channel_setup",
        "empty-profile-table",
        """
        [channels.instagram]
        platform = "instagram"
        customizations = ["pinned post"]
        [channels.instagram.profile]
        """,
        ['channel "instagram" has no profile identity'],
    ),
    NotDone(
        "think",
        "messages-for-one-of-two-audiences",
        THINKING
        + """
        [audiences.offices]
        name = "Office workers"
        channels = ["instagram"]
        [content.messages]
        families = ["Fresh bread on your way from school"]
        """,
        ['no messages for audience "offices"'],
    ),
    NotDone(
        "trial",
        "trial-ending-after-the-launch",
        """
        [launch]
        date = 2027-03-01
        trial_until = 2027-03-15
        """,
        ["the trial ends (2027-03-15) after the launch (2027-03-01)"],
    ),
]


def _done_id(case: Done) -> str:
    return f"{case.check}-{case.name}"


@pytest.mark.parametrize("case", DONE, ids=_done_id)
def test_check_reports_nothing_missing_when_complete(case: Done) -> None:
    assert [] == CHECKS[case.check](plan_of(case.plan))


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            case,
            id=f"{case.check}-{case.name}",
        )
        for case in NOT_DONE
    ],
)
def test_check_reports_what_is_missing(case: NotDone) -> None:
    assert case.missing == CHECKS[case.check](plan_of(case.plan))


def test_every_check_has_a_complete_case() -> None:
    covered = {case.check for case in DONE}
    assert [] == [name for name in CHECKS if name not in covered]


def test_every_check_has_an_incomplete_case() -> None:
    covered = {case.check for case in NOT_DONE}
    assert [] == [name for name in CHECKS if name not in covered]


def test_cases_name_only_existing_checks() -> None:
    named = {case.check for case in DONE} | {case.check for case in NOT_DONE}
    assert [] == sorted(named - set(CHECKS))


# Maturity (seed 002). Issue #18 split each stage's evidence into planned and practised:
# these plans show planned evidence only, so they *plan* the stages (Maturity.planned) and
# practise none beyond listening (Maturity.stage); test_maturity.py tests the practice.

STAGES_1_AND_2 = """
    [analysis]
    company = "Good reviews"
    [metrics.followers]
    name = "Followers"
    level = 1
    source = "Instagram Insights"
    [reporting.monthly]
    title = "Monthly results"
    to = ["management"]
    [channels.instagram]
    platform = "instagram"
"""

STAGES_1_AND_3 = """
    [analysis]
    company = "Good reviews"
    [metrics.followers]
    name = "Followers"
    source = "Instagram Insights"
    [reporting.monthly]
    title = "Monthly results"
    to = ["management"]
    [engagement.instagram]
    hours = "Mon-Sat"
    [[calendar]]
    date = 2027-02-01
    channel = "instagram"
    title = "First loaves"
"""


def test_empty_plan_is_at_stage_zero() -> None:
    assert 0 == socialplan.maturity(plan_of("")).stage


def test_empty_plan_is_not_started() -> None:
    assert "not started" == socialplan.maturity(plan_of("")).name


def test_empty_plan_next_is_listening_with_every_piece_missing() -> None:
    upcoming = socialplan.maturity(plan_of("")).next
    assert upcoming is not None
    expected = (
        "Listening and reporting",
        (
            "no metric says where it is read",
            "no report planned for anyone",
            "no analysis or stakeholder finding written",
        ),
    )
    assert expected == (upcoming.name, upcoming.missing)


def test_evidence_for_stages_one_and_two_plans_stage_two() -> None:
    assert 2 == socialplan.maturity(plan_of(STAGES_1_AND_2)).planned


def test_evidence_for_stages_one_and_two_practises_stage_one_only() -> None:
    assert 1 == socialplan.maturity(plan_of(STAGES_1_AND_2)).stage


def test_stage_three_without_stage_two_plans_stage_one() -> None:
    assert 1 == socialplan.maturity(plan_of(STAGES_1_AND_3)).planned


def test_stage_three_without_stage_two_still_shows_stage_three_planned() -> None:
    stage_3 = socialplan.maturity(plan_of(STAGES_1_AND_3)).stages[2]
    assert (3, True) == (stage_3.number, stage_3.planned)


@pytest.mark.parametrize(
    ("path", "planned"),
    # The cartoon has no sales, conversions or leads objective with a target (A–S step S).
    list(zip(EXAMPLES, [10, 9], strict=True)),
    ids=lambda p: getattr(p, "parent", Path()).name,
)
def test_example_plans_its_stage(path: Path, planned: int) -> None:
    assert planned == socialplan.maturity(socialplan.load(path)).planned


def test_both_examples_are_assessed() -> None:
    assert ["bakery", "cartoon"] == [path.parent.name for path in EXAMPLES]

"""Every rule of the catalog: a small plan that breaks it, and the same plan fixed.

Each case is a TOML plan (appended to a shared header), the diagnostics the rule
reports on it, as (code, severity, path), and the smallest edit that fixes it:
the text to replace and what to replace it with.
"""

from __future__ import annotations

from typing import NamedTuple

import pytest

import socialplan
import socialplan.rules
from helpers import HEAD, plan_of

Found = list[tuple[str, str, str]]


def found(body: str, code: str) -> Found:
    """What rule *code* reports on the plan *body*, as (code, severity, path), its suppression
    comments applied as ``check`` applies them (unused ones reported)."""
    plan = plan_of(body)
    report = socialplan.validate(plan, select=[code])
    shown = socialplan.rules.suppress(report, HEAD + body, plan=plan).report(unused=True)
    return [(d.code, str(d.severity), d.path) for d in shown]


def only(body: str, code: str) -> socialplan.Diagnostic:
    """The one diagnostic rule *code* reports on the plan *body*."""
    plan = plan_of(body)
    (diagnostic,) = socialplan.validate(plan, select=[code])
    return diagnostic


class Case(NamedTuple):
    code: str
    plan: str
    expected: Found
    fix: tuple[str, str]  # (text in the plan, its replacement) that fixes the problem


CASES = [
    Case(
        "SP101",
        """
        [objectives.awareness]
        title = "Be known"
        [metrics.likes]
        name = "Likes"
        measures = ["awarness"]
        """,
        [("SP101", "error", "metrics.likes.measures[0]")],
        ('["awarness"]', '["awareness"]'),
    ),
    Case(
        "SP102",
        """
        [steps.metrcs]
        status = "done"
        """,
        [("SP102", "error", "steps.metrcs")],
        ("[steps.metrcs]", "[steps.metrics]"),
    ),
    Case(
        "SP103",
        """
        [audiences.parents]
        name = "Parents"
        [audiences.mums]
        name = "parents"
        """,
        [("SP103", "warning", "audiences.mums")],
        ('name = "parents"', 'name = "Mums"'),
    ),
    Case(
        "SP104",
        """
        [channels.fb]
        platform = "facebok"
        """,
        [("SP104", "warning", "channels.fb.platform")],
        ('"facebok"', '"facebook"'),
    ),
    Case(
        "SP201",
        """
        [objectives.awareness]
        title = "Be known"
        [metrics.reach]
        name = "Reach"
        measures = []
        """,
        [("SP201", "warning", "objectives.awareness")],
        ("measures = []", 'measures = ["awareness"]'),
    ),
    Case(
        "SP202",
        """
        [objectives.awareness]
        title = "Be known"
        [metrics.reach]
        name = "Reach"
        measures = ["awareness"]
        [metrics.followers]
        name = "Followers"
        """,
        [("SP202", "warning", "metrics.followers.measures")],
        ('name = "Followers"', 'name = "Followers"\nmeasures = ["awareness"]'),
    ),
    Case(
        "SP203",
        """
        [objectives.awareness]
        title = "Be known"
        """,
        [("SP203", "warning", "objectives.awareness")],
        ('title = "Be known"', 'title = "Be known"\ntarget = { value = 1500, unit = "followers" }'),
    ),
    Case(
        "SP204",
        """
        [objectives.awareness]
        title = "Be known"
        target = { value = 1500, unit = "followers" }
        """,
        [("SP204", "warning", "objectives.awareness.target")],
        ('unit = "followers" }', 'unit = "followers", deadline = 2027-06-30 }'),
    ),
    Case(
        "SP205",
        """
        [objectives.awareness]
        title = "Be known"
        target = { value = 5000, unit = "likes" }
        [metrics.visits]
        name = "Visits"
        unit = "visits"
        measures = ["awareness"]
        """,
        [("SP205", "error", "objectives.awareness.target.unit")],
        ('unit = "visits"', 'unit = "likes"'),
    ),
    Case(
        "SP206",
        """
        [objectives.awareness]
        title = "Be known"
        target = { value = 800, unit = "likes", baseline = 1200 }
        [metrics.likes]
        name = "Likes"
        unit = "likes"
        measures = ["awareness"]
        """,
        [("SP206", "error", "objectives.awareness.target.value")],
        ("value = 800", "value = 1500"),
    ),
    Case(
        "SP207",
        """
        [objectives.image]
        title = "Be seen as caring"
        measure = "qualitative"
        [metrics.likes]
        name = "Likes"
        measures = ["image"]
        """,
        [("SP207", "warning", "objectives.image")],
        ('name = "Likes"', 'name = "Likes"\nkind = "qualitative"'),
    ),
    Case(
        "SP208",
        """
        [objectives.awareness]
        title = "Be known"
        stage = "awareness"
        [metrics.sales]
        name = "Sales"
        level = 3
        measures = ["awareness"]
        """,
        [("SP208", "warning", "objectives.awareness.stage")],
        ("level = 3", "level = 1"),
    ),
    Case(
        "SP209",
        """
        [business_goals.positioning]
        statement = "Be the bakery of the neighbourhood"
        [objectives.followers]
        title = "More followers"
        """,
        [("SP209", "warning", "objectives.followers.supports")],
        ('title = "More followers"', 'title = "More followers"\nsupports = ["positioning"]'),
    ),
    Case(
        "SP210",
        """
        start = 2027-01-10
        [objectives.awareness]
        title = "Be known"
        target = { value = 1500, unit = "followers", deadline = 2026-12-31 }
        """,
        [("SP210", "error", "objectives.awareness.target.deadline")],
        ("deadline = 2026-12-31", "deadline = 2027-06-30"),
    ),
    Case(
        "SP211",
        """
        [metrics.response]
        name = "Response time"
        baseline = 4
        target = 8
        direction = "decrease"
        """,
        [("SP211", "error", "metrics.response.target")],
        ("target = 8", "target = 2"),
    ),
    Case(
        "SP212",
        """
        [audiences.parents]
        name = "Parents"
        [objectives.awareness]
        title = "Be known"
        """,
        [("SP212", "info", "objectives.awareness.audiences")],
        ('title = "Be known"', 'title = "Be known"\naudiences = ["parents"]'),
    ),
    Case(
        "SP213",
        """
        [business_goals.sales]
        statement = "Sell more bread"
        [business_goals.brand]
        statement = "Be the town's bakery"
        [objectives.awareness]
        title = "Be known"
        supports = ["brand"]
        """,
        [("SP213", "warning", "business_goals.sales")],
        ('supports = ["brand"]', 'supports = ["brand", "sales"]'),
    ),
    Case(
        "SP214",
        """
        [objectives.orders]
        title = "More online orders"
        kind = "sales"
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        measures = ["orders"]
        """,
        [("SP214", "warning", "objectives.orders")],
        ('unit = "followers"', 'unit = "orders"'),
    ),
    Case(
        "SP215",
        """
        [objectives.subscribers]
        title = "Reach 100 YouTube subscribers"
        target = { value = 100, unit = "subscribers" }
        [objectives.signups]
        title = "More sign-ups for workshops"
        """,
        [("SP215", "warning", "objectives.subscribers.target")],
        (
            'title = "More sign-ups for workshops"',
            'title = "More sign-ups for workshops"\ntarget = { value = 40, unit = "sign-ups" }',
        ),
    ),
    Case(
        "SP216",
        """
        [objectives.growth]
        title = "Followers grow by 10 %"
        target = { value = 10, unit = "%", relative = "baseline" }
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        measures = ["growth"]
        """,
        [("SP216", "warning", "objectives.growth.target")],
        ('relative = "baseline" }', 'relative = "baseline", baseline = 4200 }'),
    ),
    Case(
        "SP220",
        """
        [objectives.growth]
        title = "Followers rise every month"
        target = { unit = "followers", relative = "previous" }
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        measures = ["growth"]
        cadence = "monthly"
        """,
        [("SP220", "warning", "objectives.growth.target")],
        ('unit = "followers", relative', 'value = 5, unit = "%", relative'),
    ),
    Case(
        "SP217",
        """
        [objectives.engagement]
        title = "At least 3 % engagement, averaged across the channels"
        target = { value = 3, unit = "%", aggregate = "average" }
        """,
        [("SP217", "info", "objectives.engagement.target.aggregate")],
        ('aggregate = "average"', 'aggregate = "each"'),
    ),
    Case(
        "SP301",
        """
        [audiences.teachers]
        name = "Teachers"
        [channels.fb]
        platform = "facebook"
        audiences = []
        """,
        [("SP301", "warning", "audiences.teachers")],
        ("audiences = []", 'audiences = ["teachers"]'),
    ),
    Case(
        "SP302",
        """
        [audiences.teens]
        name = "Teens"
        [channels.tiktok]
        platform = "tiktok"
        audiences = []
        """,
        [("SP302", "warning", "channels.tiktok.audiences")],
        ("audiences = []", 'audiences = ["teens"]'),
    ),
    Case(
        "SP303",
        """
        [audiences.parents]
        name = "Parents"
        channels = ["facebook"]
        [channels.facebook]
        platform = "facebook"
        audiences = ["parents"]
        [channels.tiktok]
        platform = "tiktok"
        audiences = ["parents"]
        """,
        [("SP303", "error", "channels.tiktok.audiences[0]")],
        ('channels = ["facebook"]', 'channels = ["facebook", "tiktok"]'),
    ),
    Case(
        "SP304",
        """
        [audiences.parents]
        name = "Parents"
        channels = ["youtube"]
        [channels.youtube]
        platform = "youtube"
        audiences = []
        """,
        [("SP304", "warning", "audiences.parents.channels[0]")],
        ("audiences = []", 'audiences = ["parents"]'),
    ),
    Case(
        "SP305",
        """
        [channels.facebook]
        platform = "facebook"
        cross_posts_to = ["x"]
        [channels.x]
        platform = "x"
        cross_posts_to = ["facebook"]
        """,
        [("SP305", "error", "channels.facebook.cross_posts_to")],
        ('cross_posts_to = ["facebook"]', "cross_posts_to = []"),
    ),
    Case(
        "SP306",
        """
        [channels.tiktok]
        platform = "tiktok"
        """,
        [("SP306", "warning", "channels")],
        (
            'platform = "tiktok"',
            'platform = "tiktok"\npurpose = "Recipes in a minute for students"',
        ),
    ),
    Case(
        "SP307",
        """
        [channels.facebook]
        platform = "facebook"
        purpose = "News from the town hall"
        [channels.x]
        platform = "x"
        purpose = "News from the town hall"
        """,
        [("SP307", "warning", "channels.x.purpose")],
        (
            'platform = "x"\n        purpose = "News from the town hall"',
            'platform = "x"\n        purpose = "Events for families"',
        ),
    ),
    Case(
        "SP308",
        """
        [audiences.residents]
        name = "Residents"
        """,
        [("SP308", "warning", "audiences.residents")],
        ('residents]\n        name = "Residents"', 'parents]\n        name = "Parents"'),
    ),
    Case(
        "SP313",
        """
        [audiences.clients]
        name = "Clients"
        [audiences.designers]
        name = "Designers"
        [audiences.developers]
        name = "Developers"
        [audiences.founders]
        name = "Founders"
        [audiences.students]
        name = "Design students"
        """,
        [("SP313", "warning", "audiences")],
        ('name = "Clients"', 'name = "Clients"\npriority = "primary"'),
    ),
    Case(
        "SP309",
        """
        [channels.x]
        platform = "x"
        [resources.scheduler]
        kind = "tool"
        name = "A scheduling tool"
        """,
        [("SP309", "warning", "resources")],
        ('kind = "tool"', 'kind = "people"'),
    ),
    Case(
        "SP310",
        """
        [roles.cm]
        title = "Community manager"
        [channels.podcast]
        platform = "podcast"
        status = "proposed"
        owner = "cm"
        """,
        [("SP310", "warning", "channels.podcast.status")],
        ('status = "proposed"', 'status = "conditional"\nstatus_note = "Once we have a host"'),
    ),
    Case(
        "SP401",
        """
        [roles.cm]
        title = "Community manager"
        [channels.youtube]
        platform = "youtube"
        """,
        [("SP401", "warning", "channels.youtube.owner")],
        ('platform = "youtube"', 'platform = "youtube"\nowner = "cm"'),
    ),
    Case(
        "SP402",
        """
        [roles.marketing]
        title = "Marketing"
        function = "marketing"
        [channels.youtube]
        platform = "youtube"
        status = "proposed"
        """,
        [("SP402", "warning", "roles")],
        ('function = "marketing"', 'function = "community_manager"'),
    ),
    Case(
        "SP403",
        """
        [channels.fb]
        platform = "facebook"
        [[routing]]
        message = "inquiry"
        to = "cm"
        [[routing]]
        message = "suggestion"
        to = "cm"
        [[routing]]
        message = "complaint"
        to = "pr"
        """,
        [("SP403", "warning", "channels.fb")],
        ('to = "pr"', 'to = "pr"\n[[routing]]\nmessage = "crisis"\nto = "pr"'),
    ),
    Case(
        "SP404",
        """
        [raci.steps.metrics]
        responsible = ["analyst"]
        """,
        [("SP404", "warning", "raci.steps.metrics.accountable")],
        ('responsible = ["analyst"]', 'responsible = ["analyst"]\naccountable = ["owner"]'),
    ),
    Case(
        "SP405",
        """
        [raci.steps.metrics]
        accountable = ["cm", "pr"]
        """,
        [("SP405", "error", "raci.steps.metrics.accountable")],
        ('["cm", "pr"]', '["cm"]'),
    ),
    Case(
        "SP406",
        """
        [roles.cm]
        title = "Community manager"
        escalate_to = "pr"
        [roles.pr]
        title = "PR"
        escalate_to = "cm"
        """,
        [("SP406", "error", "roles.cm.escalate_to")],
        ('escalate_to = "cm"', ""),
    ),
    Case(
        "SP407",
        """
        [roles.board]
        title = "Board"
        people = ["Ana"]
        [roles.cm]
        title = "Community manager"
        [channels.x]
        platform = "x"
        owner = "cm"
        """,
        [("SP407", "warning", "roles.cm.people")],
        ('title = "Community manager"', 'title = "Community manager"\npeople = ["Luis"]'),
    ),
    Case(
        "SP408",
        """
        [roles.cm]
        title = "Community manager"
        people = ["Ana"]
        [channels.facebook]
        platform = "facebook"
        owner = "cm"
        [channels.instagram]
        platform = "instagram"
        owner = "cm"
        [channels.x]
        platform = "x"
        owner = "cm"
        """,
        [("SP408", "warning", "roles.cm")],
        ('people = ["Ana"]', 'people = ["Ana", "Luis"]'),
    ),
    Case(
        "SP501",
        """
        [channels.x]
        platform = "x"
        [engagement.facebook]
        tone = "warm"
        """,
        [("SP501", "warning", "channels.x")],
        ("[engagement.facebook]", "[engagement.x]"),
    ),
    Case(
        "SP502",
        """
        [engagement.facebook]
        tone = "warm"
        """,
        [("SP502", "warning", "engagement.facebook.response_time")],
        ('tone = "warm"', 'tone = "warm"\nresponse_time = "2h"'),
    ),
    Case(
        "SP503",
        """
        [channels.fb]
        platform = "facebook"
        [[routing]]
        message = "crisis"
        to = "pr"
        within = "1 day"
        [[routing]]
        message = "inquiry"
        to = "cm"
        within = "2h"
        """,
        [("SP503", "error", "routing[0].within")],
        ('within = "1 day"', 'within = "1h"'),
    ),
    Case(
        "SP504",
        """
        [policy]
        off_limits = ["politics"]
        [[calendar]]
        date = 2027-02-01
        channel = "fb"
        title = "Our view on politics"
        """,
        [("SP504", "error", "calendar[0].title")],
        ('"Our view on politics"', '"Our view on sourdough"'),
    ),
    Case(
        "SP505",
        """
        [objectives.talk]
        title = "Start conversations with residents"
        [[moderation.rules]]
        when = "All comments"
        action = "hide"
        """,
        [("SP505", "error", "objectives.talk")],
        ('when = "All comments"', 'when = "Abuse and personal data"'),
    ),
    Case(
        "SP601",
        """
        [content.pillars.fun]
        theme = "Fun facts"
        """,
        [("SP601", "warning", "content.pillars.fun.objectives")],
        ('theme = "Fun facts"', 'theme = "Fun facts"\nobjectives = ["awareness"]'),
    ),
    Case(
        "SP602",
        """
        [content.pillars.craft]
        theme = "How the bread is made"
        share = 60
        [content.pillars.street]
        theme = "Life in the street"
        share = 50
        """,
        [("SP602", "error", "content.pillars")],
        ("share = 50", "share = 40"),
    ),
    Case(
        "SP603",
        """
        [content.pillars.craft]
        theme = "How the bread is made"
        share = 60
        [content.pillars.street]
        theme = "Life in the street"
        """,
        [("SP603", "warning", "content.pillars.street.share")],
        ('theme = "Life in the street"', 'theme = "Life in the street"\nshare = 40'),
    ),
    Case(
        "SP604",
        """
        [channels.youtube]
        platform = "youtube"
        [[calendar]]
        date = 2027-02-01
        channel = "instagram"
        title = "The first loaves"
        """,
        [("SP604", "warning", "channels.youtube")],
        ('channel = "instagram"', 'channel = "youtube"'),
    ),
    Case(
        "SP605",
        """
        start = 2027-01-10
        [[calendar]]
        date = 2026-01-10
        channel = "fb"
        title = "Opening day"
        """,
        [("SP605", "warning", "calendar[0].date")],
        ("date = 2026-01-10", "date = 2027-01-10"),
    ),
    Case(
        "SP606",
        """
        [engagement.fb]
        posting_frequency = "daily"
        [[calendar]]
        date = 2027-02-01
        channel = "fb"
        title = "Fresh bread"
        """,
        [("SP606", "warning", "engagement.fb.posting_frequency")],
        ('title = "Fresh bread"', 'title = "Fresh bread"\nrepeat = "daily"'),
    ),
    Case(
        "SP607",
        """
        [approval]
        before = "scheduled"
        [channels.x]
        platform = "x"
        [[calendar]]
        date = 2026-03-02
        channel = "x"
        title = "Opening"
        status = "scheduled"
        """,
        [("SP607", "warning", "approval.approver")],
        ('before = "scheduled"', 'before = "scheduled"\napprover = "head"'),
    ),
    Case(
        "SP608",
        """
        [launch]
        date = 2026-03-01
        trial_until = 2026-03-15
        """,
        [("SP608", "error", "launch.trial_until")],
        ("trial_until = 2026-03-15", "trial_until = 2026-02-15"),
    ),
    Case(
        "SP609",
        """
        [channels.x]
        platform = "x"
        """,
        [("SP609", "info", "launch.review")],
        ('platform = "x"', 'platform = "x"\n[launch]\nreview = "quarterly"'),
    ),
    Case(
        "SP610",
        """
        [scenarios.weak]
        name = "Weak account"
        trigger = "Its quality could be better"
        actions = ["close the account"]
        """,
        [("SP610", "warning", "scenarios.weak.actions[0]")],
        ("Its quality could be better", "No post in 3 months"),
    ),
    Case(
        "SP904",
        """
        [tactics.mapping]
        title = "Map the channels"
        description = "The posting guide is provisional until then."
        """,
        [("SP904", "warning", "tactics.mapping.description")],
        ('title = "Map the channels"', 'title = "Map the channels"\nends = 2027-03-31'),
    ),
    Case(
        "SP612",
        """
        [scenarios.dark]
        name = "Going dark"
        actions = ["pause every post"]
        """,
        [("SP612", "warning", "scenarios.dark.actions[0]")],
        ('["pause every post"]', '["pause every post", "resume when the lead says so"]'),
    ),
    Case(
        "SP613",
        """
        [launch]
        review = "yearly"
        [roles.cm]
        title = "CM"
        """,
        [("SP613", "warning", "launch.review")],
        ('title = "CM"', 'title = "CM"\n[raci.steps.launch]\naccountable = ["cm"]'),
    ),
    Case(
        "SP701",
        """
        [metrics.likes]
        name = "Likes"
        """,
        [("SP701", "info", "metrics.likes.source")],
        ('name = "Likes"', 'name = "Likes"\nsource = "Facebook Insights"'),
    ),
    Case(
        "SP702",
        """
        [metrics.likes]
        name = "Likes"
        """,
        [("SP702", "warning", "metrics.likes.cadence")],
        ('name = "Likes"', 'name = "Likes"\ncadence = "weekly"'),
    ),
    Case(
        "SP703",
        """
        [metrics.likes]
        name = "Likes"
        """,
        [("SP703", "warning", "metrics.likes.unit")],
        ('name = "Likes"', 'name = "Likes"\nunit = "likes"'),
    ),
    Case(
        "SP704",
        """
        [metrics.likes]
        name = "Likes"
        """,
        [("SP704", "info", "metrics.likes.level")],
        ('name = "Likes"', 'name = "Likes"\nlevel = 1'),
    ),
    Case(
        "SP705",
        """
        [metrics.likes]
        name = "Likes"
        """,
        [("SP705", "info", "metrics.likes.channels")],
        ('name = "Likes"', 'name = "Likes"\nchannels = ["fb"]'),
    ),
    Case(
        "SP706",
        """
        [objectives.aware]
        title = "Be known"
        audiences = ["parents"]
        [audiences.parents]
        name = "Parents"
        [audiences.teens]
        name = "Teens"
        [channels.yt]
        platform = "youtube"
        audiences = ["teens"]
        [metrics.views]
        name = "Views"
        measures = ["aware"]
        channels = ["yt"]
        """,
        [("SP706", "warning", "metrics.views.channels[0]")],
        ('audiences = ["teens"]', 'audiences = ["teens", "parents"]'),
    ),
    Case(
        "SP707",
        """
        [metrics.coverage]
        name = "Advertising value equivalency of press coverage"
        unit = "EUR"
        """,
        [("SP707", "warning", "metrics.coverage.name")],
        ("Advertising value equivalency of press", "Share of voice in"),
    ),
    Case(
        "SP708",
        """
        [metrics.library_rating]
        name = "Residents who rate the library well"
        family = "perception"
        unit = "%"
        target = 80
        [metrics.magazine_rating]
        name = "Residents who find the magazine useful"
        family = "perception"
        unit = "%"
        """,
        [("SP708", "warning", "metrics.magazine_rating.target")],
        ('magazine useful"', 'magazine useful"\ntarget = 70'),
    ),
    Case(
        "SP709",
        """
        [reporting.monthly]
        title = "Monthly campaign report"
        every = "monthly"
        """,
        [("SP709", "warning", "reporting.monthly.to")],
        ('every = "monthly"', 'every = "monthly"\nto = ["marketing lead"]'),
    ),
    Case(
        "SP218",
        """
        [objectives.events]
        title = "Fill every event"
        [objectives.grow]
        title = "Reach people outside the community"
        [tactics.reminders]
        title = "Remind a day before each event"
        objectives = ["events"]
        """,
        [("SP218", "warning", "objectives.grow")],
        ('objectives = ["events"]', 'objectives = ["events", "grow"]'),
    ),
    Case(
        "SP413",
        """
        [channels.x]
        platform = "x"
        [content.pillars.alerts]
        theme = "Emergencies and incidents"
        [roles.editors]
        title = "Editors"
        duties = ["publish the posts"]
        """,
        [("SP413", "warning", "roles")],
        ('"publish the posts"', '"publish the posts", "decide what is said in a crisis"'),
    ),
    Case(
        "SP409",
        """
        [channels.x]
        platform = "x"
        """,
        [("SP409", "warning", "policy")],
        ('platform = "x"', 'platform = "x"\n[policy]\noff_limits = ["clients\' names"]'),
    ),
    Case(
        "SP410",
        """
        [roles.cm]
        title = "Community manager"
        people = ["Ana", "Luis (shadow)"]
        [channels.x]
        platform = "x"
        owner = "cm"
        [approval]
        approver = "cm"
        four_eyes = true
        """,
        [("SP410", "warning", "approval.four_eyes")],
        ('"Luis (shadow)"', '"Luis"'),
    ),
    Case(
        "SP411",
        """
        [roles.editor]
        title = "Editor"
        [channels.blog]
        platform = "blog"
        [channels.x]
        platform = "x"
        [channels.linkedin]
        platform = "linkedin"
        [approval]
        approver = "editor"
        exempt = ["social media posts"]
        """,
        [("SP411", "warning", "approval.exempt")],
        ('"social media posts"', '"replies to comments"'),
    ),
    Case(
        "SP412",
        """
        [roles.lead]
        title = "Lead"
        people = ["Ana", "Luis"]
        [roles.cm]
        title = "Community manager"
        people = ["Ana"]
        escalate_to = "lead"
        [channels.x]
        platform = "x"
        owner = "cm"
        """,
        [("SP412", "warning", "roles.cm.people")],
        ('people = ["Ana"]', 'people = ["Marta"]'),
    ),
    Case(
        "SP506",
        """
        [objectives.talk]
        title = "Start conversations with residents"
        [channels.facebook]
        platform = "facebook"
        """,
        [("SP506", "warning", "moderation")],
        (
            'platform = "facebook"',
            'platform = "facebook"\n[moderation]\nhouse_rules = "No abuse, no spam"',
        ),
    ),
    Case(
        "SP711",
        """
        [metrics.visits]
        name = "Visits to the website"
        """,
        [("SP711", "warning", "reporting")],
        (
            'name = "Visits to the website"',
            'name = "Visits to the website"\n[reporting.monthly]\ntitle = "Monthly"\n'
            'to = ["board"]\nmetrics = ["visits"]',
        ),
    ),
    Case(
        "SP801",
        """
        [methodology.steps.plan]
        needs = ["review"]
        [methodology.steps.review]
        needs = ["plan"]
        """,
        [("SP801", "error", "methodology.steps.plan.needs")],
        ('needs = ["plan"]', "needs = []"),
    ),
    Case(
        "SP802",
        """
        [methodology.steps.goals]
        check = "objectives"
        [methodology.steps.launch]
        needs = ["gaols"]
        """,
        [("SP802", "error", "methodology.steps.launch.needs[0]")],
        ('["gaols"]', '["goals"]'),
    ),
    Case(
        "SP803",
        """
        [methodology.steps.goals]
        check = "objetives"
        """,
        [("SP803", "error", "methodology.steps.goals.check")],
        ('"objetives"', '"objectives"'),
    ),
    Case(
        "SP804",
        """
        [methodology]
        name = "a-z"
        """,
        [("SP804", "error", "methodology.name")],
        ('"a-z"', '"a-s"'),
    ),
    Case(
        "SP805",
        """
        [steps.objectives]
        status = "done"
        """,
        [("SP805", "warning", "steps.objectives.status")],
        ('"done"', '"in_progress"'),
    ),
    Case(
        "SP806",
        """
        [steps.audiences]
        status = "done"
        note = "Personas agreed with sales."
        """,
        [("SP806", "warning", "steps.audiences")],
        (
            "[steps.audiences]",
            '[steps.objectives]\nstatus = "skipped"\nnote = "n"\n[steps.audiences]',
        ),
    ),
    Case(
        "SP807",
        """
        [steps.influence_map]
        status = "skipped"
        """,
        [("SP807", "warning", "steps.influence_map.note")],
        ('status = "skipped"', 'status = "skipped"\nnote = "No influencers in this niche."'),
    ),
    Case(
        "SP808",
        """
        [business_goals.brand]
        statement = "Strengthen the brand"
        [objectives.awareness]
        title = "Be known"
        supports = ["brand"]
        [steps.objectives]
        status = "in_progress"
        """,
        [("SP808", "info", "steps.objectives.status")],
        ('"in_progress"', '"done"'),
    ),
    Case(
        "SP809",
        """
        [audiences.locals]
        name = "Locals"
        [roles.cm]
        title = "Community manager"
        [channels.facebook]
        platform = "facebook"
        [[routing]]
        message = "inquiry"
        to = "cm"
        [[calendar]]
        date = 2026-01-05
        channel = "facebook"
        title = "Hello"
        """,
        [("SP809", "info", "")],
        ('platform = "facebook"', 'platform = "facebook"\n[engagement.facebook]\ntone = "warm"'),
    ),
    Case(
        "SP901",
        """
        [objectives.awareness]
        title = "TODO: what social media should achieve"
        """,
        [("SP901", "info", "objectives.awareness.title")],
        ('"TODO: what social media should achieve"', '"Be known"'),
    ),
    Case(
        "SP414",
        """
        [governance]
        requires = ["a goal", "two people to run it"]
        approver = "comms"
        [roles.comms]
        title = "Comms"
        """,
        [("SP414", "warning", "governance")],
        ('approver = "comms"', 'approver = "comms"\nclosure = ["no post for six months"]'),
    ),
    Case(
        "SP415",
        """
        [moderation]
        house_rules = "Every comment is moderated"
        [roles.cm]
        title = "Community manager"
        duties = ["moderate the comments"]
        """,
        [("SP415", "warning", "moderation")],
        (
            'duties = ["moderate the comments"]',
            'duties = ["moderate the comments"]\n[engagement.x]\nresponse_time = "24h"',
        ),
    ),
    Case(
        "SP712",
        """
        [channels.news]
        platform = "newsletter"
        [channels.masto]
        platform = "mastodon"
        [metrics.opens]
        name = "Opens"
        channels = ["news"]
        """,
        [("SP712", "warning", "channels.masto")],
        ('channels = ["news"]', 'channels = ["news", "masto"]'),
    ),
    Case(
        "SP507",
        """
        [channels.tw]
        platform = "twitter"
        priority = 1
        [engagement.blog]
        posting_frequency = "2 per week"
        [channels.blog]
        platform = "blog"
        """,
        [("SP507", "warning", "channels.tw")],
        ("priority = 1", 'priority = 1\n[engagement.tw]\nposting_frequency = "daily"'),
    ),
    Case(
        "SP902",
        """
        [objectives.awareness]  # socialplan: ignore[SP9]
        title = "Be known"
        """,
        [("SP902", "warning", "")],
        ("  # socialplan: ignore[SP9]", ""),
    ),
    Case(
        "SP903",
        """
        [objectives.awareness]  # socialplan: ignore[SP2O4]
        title = "Be known"
        """,
        [("SP903", "warning", "")],
        ("SP2O4", "SP204"),
    ),
    Case(
        "SP219",
        """
        [objectives.reach]
        title = "Be seen"
        stage = "awareness"
        measure = "qualitative"
        [objectives.campaigns]
        title = "Campaigns seen"
        kind = "awareness"
        measure = "qualitative"
        """,
        [("SP219", "warning", "objectives")],
        ('kind = "awareness"', 'kind = "awareness"\nstage = "action"'),
    ),
    Case(
        "SP713",
        """
        [channels.x]
        platform = "x"
        status = "retired"
        status_since = 2025-06-25
        [channels.news]
        platform = "newsletter"
        purpose = "Where X followers are signposted"
        """,
        [("SP713", "warning", "channels.x")],
        (
            'signposted"',
            'signposted"\n[metrics.subs]\nname = "Subscribers"\nchannels = ["news"]',
        ),
    ),
    Case(
        "SP416",
        """
        [channels.a]
        platform = "x"
        [channels.b]
        platform = "facebook"
        [channels.c]
        platform = "instagram"
        [channels.d]
        platform = "linkedin"
        [channels.e]
        platform = "youtube"
        [channels.f]
        platform = "tiktok"
        [policy]
        off_limits = ["staff opening brand accounts"]
        """,
        [("SP416", "warning", "governance")],
        ("[policy]", '[governance]\nrequests = "An issue to the social team"\n[policy]'),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=[case.code for case in CASES])
def test_rule_reports_the_broken_plan(case: Case) -> None:
    assert case.expected == found(case.plan, case.code)


@pytest.mark.parametrize("case", CASES, ids=[case.code for case in CASES])
def test_rule_is_silent_on_the_fixed_plan(case: Case) -> None:
    old, new = case.fix
    assert 1 == case.plan.count(old)
    assert [] == found(case.plan.replace(old, new), case.code)


def test_every_rule_of_the_catalog_has_a_triggering_case() -> None:
    catalog = {r.code for r in socialplan.rules.all_rules() if not r.code.startswith("SP0")}
    triggered = {case.code for case in CASES if case.expected}
    assert [] == sorted(catalog - triggered)


class Edge(NamedTuple):
    id: str
    code: str
    plan: str
    expected: Found


EDGES = [
    Edge(
        "SP101-only-the-missing-id-of-a-list",
        "SP101",
        """
        [objectives.awareness]
        title = "Be known"
        [metrics.likes]
        name = "Likes"
        measures = ["awareness", "sales"]
        """,
        [("SP101", "error", "metrics.likes.measures[1]")],
    ),
    Edge(
        "SP101-keys-of-messages-engagement-and-raci-channels",
        "SP101",
        """
        [content.messages]
        kids = ["Bread is fun"]
        [engagement.tiktok]
        tone = "playful"
        [raci.channels.tiktok]
        accountable = []
        """,
        [
            ("SP101", "error", "content.messages.kids"),
            ("SP101", "error", "engagement.tiktok"),
            ("SP101", "error", "raci.channels.tiktok"),
        ],
    ),
    Edge(
        "SP102-raci-step",
        "SP102",
        """
        [raci.steps.budget]
        accountable = ["owner"]
        """,
        [("SP102", "error", "raci.steps.budget")],
    ),
    Edge(
        "SP103-accents-case-and-spaces-folded",
        "SP103",
        """
        [objectives.known]
        title = "Ser  conocidos en el barrio"
        [objectives.famous]
        title = "ser conocidos en el BARRIÓ "
        """,
        [("SP103", "warning", "objectives.famous")],
    ),
    Edge(
        "SP103-same-name-in-different-tables",
        "SP103",
        """
        [audiences.parents]
        name = "Parents"
        [influencers.parents]
        name = "Parents"
        """,
        [],
    ),
    Edge(
        "SP104-far-from-any-known-value",
        "SP104",
        """
        [channels.shop]
        platform = "shop_window"
        """,
        [],
    ),
    Edge(
        "SP205-qualitative-metrics-ignored",
        "SP205",
        """
        [objectives.awareness]
        title = "Be known"
        target = { value = 5000, unit = "likes" }
        [metrics.tone]
        name = "Tone of comments"
        kind = "qualitative"
        unit = "mood"
        measures = ["awareness"]
        """,
        [],
    ),
    Edge(
        "SP206-decrease-target-above-baseline",
        "SP206",
        """
        [objectives.service]
        title = "Answer faster"
        target = { value = 8, unit = "hours", baseline = 4 }
        [metrics.response]
        name = "Response time"
        unit = "hours"
        direction = "decrease"
        measures = ["service"]
        """,
        [("SP206", "error", "objectives.service.target.value")],
    ),
    Edge(
        "SP206-decrease-target-below-baseline",
        "SP206",
        """
        [objectives.service]
        title = "Answer faster"
        target = { value = 2, unit = "hours", baseline = 4 }
        [metrics.response]
        name = "Response time"
        unit = "hours"
        direction = "decrease"
        measures = ["service"]
        """,
        [],
    ),
    Edge(
        "SP206-metrics-disagree-on-direction",
        "SP206",
        """
        [objectives.service]
        title = "Answer faster"
        target = { value = 8, unit = "hours", baseline = 4 }
        [metrics.response]
        name = "Response time"
        unit = "hours"
        direction = "decrease"
        measures = ["service"]
        [metrics.attention]
        name = "Hours attended"
        unit = "hours"
        measures = ["service"]
        """,
        [],
    ),
    Edge(
        "SP208-one-metric-at-the-right-level-is-enough",
        "SP208",
        """
        [objectives.sales]
        title = "Sell more"
        stage = "action"
        [metrics.visits]
        name = "Visits"
        level = 1
        measures = ["sales"]
        [metrics.orders]
        name = "Orders"
        level = 3
        measures = ["sales"]
        """,
        [],
    ),
    Edge(
        "SP210-after-the-long-term-horizon",
        "SP210",
        """
        start = 2027-01-10
        [plan.horizons]
        long = 2027-12-31
        [objectives.awareness]
        title = "Be known"
        target = { value = 1500, unit = "followers", deadline = 2028-01-01 }
        """,
        [("SP210", "error", "objectives.awareness.target.deadline")],
    ),
    Edge(
        "SP303-audience-that-lists-no-channel",
        "SP303",
        """
        [audiences.parents]
        name = "Parents"
        [channels.tiktok]
        platform = "tiktok"
        audiences = ["parents"]
        """,
        [],
    ),
    Edge(
        "SP305-self-loop",
        "SP305",
        """
        [channels.blog]
        platform = "blog"
        cross_posts_to = ["blog"]
        """,
        [("SP305", "error", "channels.blog.cross_posts_to")],
    ),
    Edge(
        "SP305-three-channel-cycle",
        "SP305",
        """
        [channels.instagram]
        platform = "instagram"
        cross_posts_to = ["facebook"]
        [channels.facebook]
        platform = "facebook"
        cross_posts_to = ["x"]
        [channels.x]
        platform = "x"
        cross_posts_to = ["instagram"]
        """,
        [("SP305", "error", "channels.facebook.cross_posts_to")],
    ),
    Edge(
        "SP305-chain-without-cycle",
        "SP305",
        """
        [channels.instagram]
        platform = "instagram"
        cross_posts_to = ["facebook"]
        [channels.facebook]
        platform = "facebook"
        cross_posts_to = ["blog"]
        [channels.blog]
        platform = "blog"
        """,
        [],
    ),
    Edge(
        "SP402-no-channels-no-community-manager-needed",
        "SP402",
        """
        [roles.marketing]
        title = "Marketing"
        """,
        [],
    ),
    Edge(
        "SP403-route-limited-to-another-channel",
        "SP403",
        """
        [channels.fb]
        platform = "facebook"
        [channels.ig]
        platform = "instagram"
        [[routing]]
        message = "inquiry"
        to = "cm"
        [[routing]]
        message = "suggestion"
        to = "cm"
        [[routing]]
        message = "complaint"
        to = "cm"
        [[routing]]
        message = "crisis"
        to = "pr"
        channels = ["fb"]
        """,
        [("SP403", "warning", "channels.ig")],
    ),
    Edge(
        "SP405-raci-channel",
        "SP405",
        """
        [raci.channels.fb]
        accountable = ["cm", "owner"]
        """,
        [("SP405", "error", "raci.channels.fb.accountable")],
    ),
    Edge(
        "SP503-complaint-slower-than-suggestion",
        "SP503",
        """
        [channels.fb]
        platform = "facebook"
        [[routing]]
        message = "complaint"
        to = "cm"
        within = "1 day"
        [[routing]]
        message = "suggestion"
        to = "cm"
        within = "2h"
        """,
        [("SP503", "error", "routing[0].within")],
    ),
    Edge(
        "SP503-inquiry-and-suggestion-not-compared",
        "SP503",
        """
        [channels.fb]
        platform = "facebook"
        [[routing]]
        message = "inquiry"
        to = "cm"
        within = "1 day"
        [[routing]]
        message = "suggestion"
        to = "cm"
        within = "2h"
        """,
        [],
    ),
    Edge(
        "SP503-routes-on-different-channels-not-compared",
        "SP503",
        """
        [channels.fb]
        platform = "facebook"
        [channels.ig]
        platform = "instagram"
        [[routing]]
        message = "crisis"
        to = "pr"
        within = "1 day"
        channels = ["fb"]
        [[routing]]
        message = "inquiry"
        to = "cm"
        within = "2h"
        channels = ["ig"]
        """,
        [],
    ),
    Edge(
        "SP503-equal-times-allowed",
        "SP503",
        """
        [channels.fb]
        platform = "facebook"
        [[routing]]
        message = "crisis"
        to = "pr"
        within = "2h"
        [[routing]]
        message = "inquiry"
        to = "cm"
        within = "120 min"
        """,
        [],
    ),
    Edge(
        "SP504-accents-and-case-folded",
        "SP504",
        """
        [policy]
        off_limits = ["politica"]
        [content.pillars.local]
        theme = "Política del barrio"
        """,
        [("SP504", "error", "content.pillars.local.theme")],
    ),
    Edge(
        "SP504-whole-words-only",
        "SP504",
        """
        [policy]
        off_limits = ["war"]
        [[calendar]]
        date = 2027-02-01
        channel = "fb"
        title = "Our award-winning bread"
        """,
        [],
    ),
    Edge(
        "SP504-engagement-topics-and-keywords",
        "SP504",
        """
        [policy]
        off_limits = ["competitors' products"]
        [content]
        keywords = ["sourdough", "Competitors products"]
        [engagement.fb]
        topics = ["bread", "competitors’ products"]
        """,
        [
            ("SP504", "error", "content.keywords[1]"),
            ("SP504", "error", "engagement.fb.topics[1]"),
        ],
    ),
    Edge(
        "SP504-every-text-of-a-field-is-looked-at",
        "SP504",
        """
        [policy]
        off_limits = ["local elections", "gossip"]
        [content.pillars.town]
        theme = "Our town"
        description = "What the local elections mean for bakers"
        [content.messages]
        parents = ["Fresh bread daily", "No gossip here"]
        [[calendar]]
        date = 2027-02-01
        channel = "fb"
        title = "Bread"
        [[calendar]]
        date = 2027-02-02
        channel = "fb"
        title = "Local news, not elections"
        [[calendar]]
        date = 2027-02-03
        channel = "fb"
        title = "Local  Elections: we bake for both sides"
        """,
        [
            ("SP504", "error", "calendar[2].title"),
            ("SP504", "error", "content.messages.parents[1]"),
            ("SP504", "error", "content.pillars.town.description"),
        ],
    ),
    Edge(
        "SP602-shares-of-60-and-40",
        "SP602",
        """
        [content.pillars.craft]
        theme = "How the bread is made"
        share = 60
        [content.pillars.street]
        theme = "Life in the street"
        share = 40
        """,
        [],
    ),
    Edge(
        "SP602-shares-under-100",
        "SP602",
        """
        [content.pillars.craft]
        theme = "How the bread is made"
        share = 30
        [content.pillars.street]
        theme = "Life in the street"
        share = 30
        """,
        [("SP602", "error", "content.pillars")],
    ),
    Edge(
        "SP602-partial-shares-left-to-SP603",
        "SP602",
        """
        [content.pillars.craft]
        theme = "How the bread is made"
        share = 60
        [content.pillars.street]
        theme = "Life in the street"
        """,
        [],
    ),
    Edge(
        "SP603-no-shares-at-all",
        "SP603",
        """
        [content.pillars.craft]
        theme = "How the bread is made"
        [content.pillars.street]
        theme = "Life in the street"
        """,
        [],
    ),
    Edge(
        "SP605-after-the-long-term-horizon",
        "SP605",
        """
        start = 2027-01-10
        [plan.horizons]
        long = 2027-12-31
        [[calendar]]
        date = 2028-01-01
        channel = "fb"
        title = "New year"
        """,
        [("SP605", "warning", "calendar[0].date")],
    ),
    Edge(
        "SP606-recurring-daily-entry-against-weekly",
        "SP606",
        """
        [engagement.fb]
        posting_frequency = "weekly"
        [[calendar]]
        date = 2027-02-01
        channel = "fb"
        title = "Fresh bread"
        repeat = "daily"
        """,
        [("SP606", "warning", "engagement.fb.posting_frequency")],
    ),
    Edge(
        "SP606-one-off-posts-over-their-span",
        "SP606",
        """
        [engagement.fb]
        posting_frequency = "3 per week"
        [[calendar]]
        date = 2027-02-01
        channel = "fb"
        title = "Monday"
        [[calendar]]
        date = 2027-02-03
        channel = "fb"
        title = "Wednesday"
        [[calendar]]
        date = 2027-02-05
        channel = "fb"
        title = "Friday"
        """,
        [],
    ),
    Edge(
        "SP606-twice-the-frequency-tolerated",
        "SP606",
        """
        [engagement.fb]
        posting_frequency = "weekly"
        [[calendar]]
        date = 2027-02-01
        channel = "fb"
        title = "Monday"
        [[calendar]]
        date = 2027-02-04
        channel = "fb"
        title = "Thursday"
        """,
        [],
    ),
    Edge(
        "SP606-channel-with-empty-calendar-left-to-SP604",
        "SP606",
        """
        [engagement.fb]
        posting_frequency = "daily"
        """,
        [],
    ),
    Edge(
        "SP901-any-string-at-any-depth",
        "SP901",
        """
        organization = "TODO"
        [analysis]
        strengths = ["Fresh bread", "TODO: another one"]
        [channels.fb]
        platform = "facebook"
        profile = { bio = "Bakery. TODO" }
        [content.messages]
        kids = ["TODO"]
        [[calendar]]
        date = 2027-02-01
        channel = "fb"
        title = "Monday: (TODO)"
        """,
        [
            ("SP901", "info", "analysis.strengths[1]"),
            ("SP901", "info", "calendar[0].title"),
            ("SP901", "info", "channels.fb.profile.bio"),
            ("SP901", "info", "content.messages.kids[0]"),
            ("SP901", "info", "plan.organization"),
        ],
    ),
    Edge(
        "SP901-only-the-word-in-capitals",
        "SP901",
        """
        [analysis]
        strengths = ["todo el pan del día", "TODOS LOS DÍAS", "TODOLIST", "TODO_1", "ToDo"]
        [steps.objectives]
        status = "todo"
        """,
        [],
    ),
    Edge(
        "SP213-left-to-SP209-when-no-objective-names-a-goal",
        "SP213",
        """
        [business_goals.sales]
        statement = "Sell more bread"
        [objectives.awareness]
        title = "Be known"
        """,
        [],
    ),
    Edge(
        "SP213-every-goal-no-objective-serves",
        "SP213",
        """
        [business_goals.sales]
        statement = "Sell more bread"
        [business_goals.brand]
        statement = "Be the town's bakery"
        [business_goals.staff]
        statement = "Hire two bakers"
        [objectives.awareness]
        title = "Be known"
        supports = ["brand", "nope"]
        """,
        [
            ("SP213", "warning", "business_goals.sales"),
            ("SP213", "warning", "business_goals.staff"),
        ],
    ),
    Edge(
        "SP214-a-stage-beyond-awareness-by-unit",
        "SP214",
        """
        [objectives.visits]
        title = "People come to the shop"
        stage = "action"
        [metrics.likes]
        name = "Page likes"
        unit = "likes"
        measures = ["visits"]
        [metrics.reach]
        name = "Reach"
        family = "community_size"
        measures = ["visits"]
        """,
        [("SP214", "warning", "objectives.visits")],
    ),
    Edge(
        "SP214-awareness-by-followers-is-fine",
        "SP214",
        """
        [objectives.known]
        title = "Be known"
        kind = "awareness"
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        measures = ["known"]
        """,
        [],
    ),
    Edge(
        "SP214-the-stage-the-plan-gives-wins-over-the-kind",
        "SP214",
        """
        [objectives.orders]
        title = "People hear of the online shop"
        kind = "sales"
        stage = "awareness"
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        measures = ["orders"]
        """,
        [],
    ),
    Edge(
        "SP214-the-level-the-plan-gives-wins-over-the-unit",
        "SP214",
        """
        [objectives.orders]
        title = "More online orders"
        kind = "sales"
        [metrics.shares]
        name = "Shares that bring orders"
        unit = "likes"
        level = 3
        measures = ["orders"]
        """,
        [],
    ),
    Edge(
        "SP214-left-to-SP208-when-stage-and-levels-say-it",
        "SP214",
        """
        [objectives.orders]
        title = "More online orders"
        stage = "action"
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        level = 1
        measures = ["orders"]
        """,
        [],
    ),
    Edge(
        "SP214-one-outcome-metric-is-enough",
        "SP214",
        """
        [objectives.orders]
        title = "More online orders"
        kind = "sales"
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        measures = ["orders"]
        [metrics.orders]
        name = "Orders"
        unit = "orders"
        measures = ["orders"]
        """,
        [],
    ),
    Edge(
        "SP215-one-finding-for-every-exposure-target",
        "SP215",
        """
        [objectives.subscribers]
        title = "Reach 100 YouTube subscribers"
        target = { value = 100, unit = "subscribers" }
        [objectives.growth]
        title = "Followers grow by 10 %"
        target = { value = 10, unit = "%", relative = "baseline", baseline = 900 }
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        level = 1
        measures = ["growth"]
        target = 1000
        """,
        [("SP215", "warning", "objectives.subscribers.target")],
    ),
    Edge(
        "SP215-a-metric-target-beyond-exposure-is-enough",
        "SP215",
        """
        [objectives.subscribers]
        title = "Reach 100 YouTube subscribers"
        target = { value = 100, unit = "subscribers" }
        [metrics.signups]
        name = "Workshop sign-ups"
        unit = "sign-ups"
        target = 40
        """,
        [],
    ),
    Edge(
        "SP215-a-placeholder-unit-is-no-target-yet",
        "SP215",
        """
        [objectives.awareness]
        title = "Be known"
        target = { value = 1000, unit = "TODO: followers" }
        [metrics.reach]
        name = "Reach"
        level = 1
        unit = "TODO: followers"
        measures = ["awareness"]
        target = 1000
        """,
        [],
    ),
    Edge(
        "SP215-a-target-in-per-cent-is-a-target",
        "SP215",
        """
        [objectives.subscribers]
        title = "Reach 100 YouTube subscribers"
        target = { value = 100, unit = "subscribers" }
        [objectives.clicks]
        title = "More clicks from the newsletter"
        target = { value = 5, unit = "%" }
        [metrics.click_rate]
        name = "Newsletter click rate"
        unit = "%"
        level = 3
        measures = ["clicks"]
        """,
        [],
    ),
    Edge(
        "SP216-the-metric-gives-the-baseline",
        "SP216",
        """
        [objectives.growth]
        title = "Followers grow by 10 %"
        target = { value = 10, unit = "%", relative = "baseline" }
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        baseline = 4200
        measures = ["growth"]
        """,
        [],
    ),
    Edge(
        "SP216-an-absolute-target-needs-no-baseline",
        "SP216",
        """
        [objectives.engagement]
        title = "At least 3 % engagement"
        target = { value = 3, unit = "%" }
        """,
        [],
    ),
    Edge(
        "SP205-a-relative-percent-target-is-measured-in-the-metric-s-unit",
        "SP205",
        """
        [objectives.growth]
        title = "Followers grow by 10 %"
        target = { value = 10, unit = "%", relative = "baseline", baseline = 4200 }
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        measures = ["growth"]
        """,
        [],
    ),
    Edge(
        "SP205-a-relative-target-in-units-still-needs-a-metric-in-them",
        "SP205",
        """
        [objectives.growth]
        title = "500 more followers"
        target = { value = 500, unit = "followers", relative = "baseline", baseline = 4200 }
        [metrics.likes]
        name = "Likes"
        unit = "likes"
        measures = ["growth"]
        """,
        [("SP205", "error", "objectives.growth.target.unit")],
    ),
    Edge(
        "SP206-a-relative-target-is-a-change-not-a-level",
        "SP206",
        """
        [objectives.growth]
        title = "500 more followers"
        target = { value = 500, unit = "followers", relative = "baseline", baseline = 4200 }
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        measures = ["growth"]
        """,
        [],
    ),
    Edge(
        "SP206-a-relative-percent-fall-for-a-metric-that-should-rise",
        "SP206",
        """
        [objectives.growth]
        title = "Followers fall by 10 %"
        target = { value = -10, unit = "%", relative = "baseline", baseline = 4200 }
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        measures = ["growth"]
        """,
        [("SP206", "error", "objectives.growth.target.value")],
    ),
    Edge(
        "SP707-AVE-in-the-unit-and-the-Spanish-name",
        "SP707",
        """
        [metrics.press]
        name = "Press coverage"
        unit = "AVE (EUR)"
        [metrics.prensa]
        name = "Valor publicitario equivalente de la prensa"
        [metrics.avenue]
        name = "Visitors to the shop on Park Ave"
        [metrics.ave_lowercase]
        name = "Average reach"
        """,
        [
            ("SP707", "warning", "metrics.prensa.name"),
            ("SP707", "warning", "metrics.press.unit"),
        ],
    ),
    Edge(
        "SP708-a-baseline-and-no-target",
        "SP708",
        """
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        baseline = 4200
        """,
        [("SP708", "warning", "metrics.followers.target")],
    ),
    Edge(
        "SP708-the-objective-s-target-counts",
        "SP708",
        """
        [objectives.growth]
        title = "Followers grow by 10 %"
        target = { value = 10, unit = "%", relative = "baseline" }
        [metrics.followers]
        name = "Followers"
        unit = "followers"
        baseline = 4200
        measures = ["growth"]
        """,
        [],
    ),
    Edge(
        "SP703-qualitative-metric-needs-no-unit",
        "SP703",
        """
        [metrics.sentiment]
        name = "Sentiment"
        kind = "qualitative"
        """,
        [],
    ),
]


@pytest.mark.parametrize("edge", EDGES, ids=[edge.id for edge in EDGES])
def test_rule_edge(edge: Edge) -> None:
    assert edge.expected == found(edge.plan, edge.code)


def case_of(code: str) -> Case:
    """The case of the table for rule *code*."""
    return next(c for c in CASES if c.code == code)


def test_unknown_reference_hint_suggests_the_nearest_id() -> None:
    diagnostic = only(case_of("SP101").plan, "SP101")
    assert 'did you mean "awareness"?' == diagnostic.hint


def test_unknown_reference_hint_offers_to_add_the_missing_pillar() -> None:
    body = """
    [channels.fb]
    platform = "facebook"
    [[calendar]]
    date = 2027-02-01
    channel = "fb"
    title = "Fresh bread"
    pillar = "craft"
    """
    diagnostic = only(body, "SP101")
    assert ("calendar[0].pillar", "add [content.pillars.craft]") == (
        diagnostic.path,
        diagnostic.hint,
    )


def test_unknown_step_hint_suggests_the_nearest_step() -> None:
    diagnostic = only('[steps.metrcs]\nstatus = "done"\n', "SP102")
    assert 'did you mean "metrics"?' == diagnostic.hint


def test_unknown_step_hint_lists_the_steps_when_none_is_near() -> None:
    diagnostic = only('[steps.budget]\nstatus = "done"\n', "SP102")
    assert (
        "expected one of: objectives, stakeholder_input, audiences, influence_map, "
        "responsibility_map, channels, content_strategy, metrics, channel_setup, "
        "engagement_framework, policy, initial_content, monitoring, internal_networks, launch"
    ) == diagnostic.hint


def test_cross_posting_cycle_message_walks_the_cycle() -> None:
    edge = next(e for e in EDGES if e.id == "SP305-three-channel-cycle")
    diagnostic = only(edge.plan, "SP305")
    assert (
        "cross-posting goes round in a circle: facebook → x → instagram → facebook"
        == diagnostic.message
    )


def test_unrouted_messages_lists_the_missing_kinds_in_order() -> None:
    diagnostic = only(  # routing started on another channel only
        '[channels.fb]\nplatform = "facebook"\n[channels.x]\nplatform = "x"\nstatus = "retired"\n'
        '[[routing]]\nmessage = "inquiry"\nto = "cm"\nchannels = ["x"]\n',
        "SP403",
    )
    assert 'channel "fb" has no route for: inquiry, suggestion, complaint, crisis' == (
        diagnostic.message
    )


def test_unknown_reference_in_a_step_owner() -> None:
    assert [("SP101", "error", "steps.metrics.owner")] == found(
        '[steps.metrics]\nowner = "nobody"\n', "SP101"
    )


def test_near_miss_content_format() -> None:
    assert [("SP104", "warning", "content.formats[0]")] == found(
        '[content]\nformats = ["phto"]\n', "SP104"
    )


def test_near_miss_pillar_format() -> None:
    assert [("SP104", "warning", "content.pillars.p.formats[0]")] == found(
        '[content.pillars.p]\ntheme = "t"\nformats = ["vidoe"]\n', "SP104"
    )


def test_off_limits_matches_sharp_s_as_ss() -> None:
    text = '[policy]\noff_limits = ["Straße"]\n[[calendar]]\ndate = 2027-01-01\n'
    text += 'channel = "c"\ntitle = "Die Strasse"\n'
    assert [("SP504", "error", "calendar[0].title")] == found(text, "SP504")


def test_off_limits_covers_messages_per_audience() -> None:
    text = '[policy]\noff_limits = ["politics"]\n[content.messages]\n'
    text += 'parents = ["No politics here"]\n'
    assert [("SP504", "error", "content.messages.parents[0]")] == found(text, "SP504")


def test_todo_left_hint_shows_the_placeholder_on_one_line() -> None:
    diagnostic = only('[business_goals.growth]\nstatement = "TODO:\\n  say \\"why\\""\n', "SP901")
    assert (
        "still a placeholder, not the plan's own words",
        'write the plan\'s own words in place of "TODO: say \\"why\\""',
    ) == (diagnostic.message, diagnostic.hint)


def test_a_cycle_is_reported_at_its_first_channel_even_among_several_loops() -> None:
    text = '[channels.a]\nplatform = "blog"\ncross_posts_to = ["b"]\n'
    text += '[channels.b]\nplatform = "blog"\ncross_posts_to = ["c", "a"]\n'
    text += '[channels.c]\nplatform = "blog"\ncross_posts_to = ["b"]\n'
    assert [("SP305", "error", "channels.a.cross_posts_to")] == found(text, "SP305")


@pytest.mark.parametrize("enabled", [True, False])
def test_validation_leaves_the_garbage_collector_as_it_found_it(enabled: bool) -> None:
    import gc

    plan = plan_of('[objectives.a]\ntitle = "A"\n')
    before = gc.isenabled()
    (gc.enable if enabled else gc.disable)()
    try:
        socialplan.validate(plan)
        after = gc.isenabled()
    finally:
        (gc.enable if before else gc.disable)()
    assert enabled == after

"""The starter plan that ``socialplan new`` writes: every table, commented, with TODOs.

>>> import socialplan
>>> plan = socialplan.loads(starter("Panadería Sol"))
>>> plan.name
'Panadería Sol'
>>> socialplan.validate(plan).ok
True
"""

from __future__ import annotations

import datetime as dt
from string import Template

__all__ = ["DEFAULT_START", "starter"]

#: The start date of a starter plan when none is given (a Monday).
DEFAULT_START = dt.date(2027, 1, 4)

_TEMPLATE = Template(
    """\
# A social-media strategy plan, in the socialplan/1 format (docs/file-format.md).
#
# Every table of the format is here, each with the step of the 14-step work plan
# (docs/steps.md) it serves. Replace each value that says TODO with your own words:
# `socialplan check` lists the ones left as SP901 info findings. The ids between brackets
# ([objectives.awareness], [channels.main]…) are yours to rename; rename the
# references to them too (`supports = [...]`, `channel = "..."`), or SP101 says where.
# Dates are placeholders counted from the start date: change them to yours.
# Remove what the plan does not need; add more entries by copying a table.

format = "socialplan/1"

# The plan's header: the strategic report's opening (seed 000), vision and mission
# (seed 003, stage E), and the time it covers.
[plan]
$name
organization = "TODO: the company or brand"
vision = "TODO: where the brand wants to go"
mission = "TODO: who the brand is and what its purpose means"
reach = "local"  # local, national or international
start = $start
currency = "TODO: the currency of every cost, e.g. EUR"
# The ends of the short, medium and long term (seed 003, steps P to R).
horizons = { short = $short, medium = $medium, long = $long }
# Sections kept in another document, with where (delete what this plan holds itself).
elsewhere = { policy = "TODO: where the social media policy is kept, if not here" }

# The briefing (seed 000): what the company brings to the table.
[briefing]
online_presence = "TODO: the online presence today; create, improve or extend it?"
objectives = "TODO: the objectives as the client states them"
target_audience = "TODO: who the plan is for"
market_value = "TODO: what the market and its audience are worth"
media_plan = "TODO: the media plan, crossing online and offline"
online_experience = "TODO: how well the team handles social platforms and tools"
required_profile = "TODO: the profile the company needs"
touchpoints = ["TODO: where customers and the brand meet"]

# Step 1: why be on social media at all? A question, and its answer.
[[briefing.questions]]
ask = "Why be on social media?"
answer = "TODO: what the brand gains there, and loses by staying off"

# Listen and learn (seed 001): internal and external analysis.
[analysis]
company = "TODO: what is said about the company online, and where"
sector = "TODO: how the sector behaves on social media"
audiences = "TODO: what the analysis found about the publics"
competitors = ["TODO: a direct competitor, what it does well and badly"]
current_situation = "TODO: where the brand stands today"
strengths = ["TODO: a strong point"]
weaknesses = ["TODO: a weak point"]
improvement_points = ["TODO: what to improve"]

# What the company wants: every objective supports one (step 1).
[business_goals.growth]
statement = "TODO: a business goal, e.g. strengthen the brand's positioning"
description = "TODO: more about it"

# Step 1: what social media should achieve, measurable and with a deadline.
[objectives.awareness]
title = "TODO: the objective in a sentence"
kind = "awareness"  # awareness, engagement, traffic, leads, sales, seo, reputation…
measure = "quantitative"  # or qualitative: judged, not counted
stage = "awareness"  # awareness, interest, desire, action or recommendation
supports = ["growth"]
audiences = ["customers"]
# The unit must be the unit of a metric that measures the objective (step 7).
target = { value = 1000, unit = "TODO: followers", baseline = 0, deadline = $medium }
horizon = "medium"  # short, medium or long
description = "TODO: more about it"

# Step 1b: input from the people involved: a survey, interviews, a workshop.
[stakeholder_input.team]
method = "TODO: survey, interview or workshop"
who = "TODO: who was asked"
date = $start
findings = ["TODO: what came out of it"]

# Step 2: where the customers are: the personas and their channels.
[audiences.customers]
name = "TODO: the persona's name"
description = "TODO: who they are"
needs = ["TODO: what they need"]
interests = ["TODO: what they like"]
habits = ["TODO: how they behave, online and off"]
market_value = "TODO: what this audience is worth to the business"
channels = ["main"]

# Step 5: the channels, each with its own purpose under one strategic line.
[channels.main]
platform = "TODO: instagram, facebook, linkedin, tiktok, youtube, blog, newsletter…"
purpose = "TODO: what this channel is for, unlike the others"
owner = "cm"
audiences = ["customers"]
cross_posts_to = []  # channels that what is published here also goes to
# Step 8: the channel's identity and customizations.
customizations = ["TODO: a welcome tab, a pinned post, story highlights…"]

[channels.main.profile]
handle = "TODO: @handle"
display_name = "TODO: the name shown"
bio = "TODO: the profile text"
url = "TODO: the profile's address"
avatar = "TODO: the profile picture, a file or an address"

# Step 3: the influence map: who sways the audiences.
[influencers.someone]
name = "TODO: a blogger, journalist, partner, competitor, customer or employee"
kind = "blogger"  # blogger, journalist, partner, competitor, customer, employee…
influences = ["customers"]
channels = ["main"]
followers = 0
url = "TODO: where to find them"
notes = "TODO: anything else"

# Step 4: the responsibility map: roles, who answers which message, RACI.
[roles.cm]
title = "TODO: community manager"
function = "community_manager"  # pr, advertising, customer_service, legal, management…
people = ["TODO: a name"]
duties = ["TODO: what the role does"]
escalate_to = "lead"

[roles.lead]
title = "TODO: the person the community manager hands over to"
function = "management"
people = ["TODO: a name"]
duties = ["TODO: what the role does"]

# Who executes each element of the work (seed 000): a role, or a team.
[work.social]
area = "social-media"  # seo, web, apps, online-marketing, social-media, community…
executor = "cm"
team = "internal"  # internal, external or crowdsourced
note = "TODO: why this team, on what terms"

# Which team answers which kind of message, and how soon: the more urgent, the sooner.
[[routing]]
message = "crisis"
to = "lead"
within = "1h"

[[routing]]
message = "complaint"
to = "cm"
within = "4h"
escalate_to = "lead"

[[routing]]
message = "inquiry"
to = "cm"
within = "24h"

[[routing]]
message = "suggestion"
to = "cm"
within = "24h"

# RACI per step (ids as under [steps]) and per channel: one role accountable each.
[raci.steps.objectives]
responsible = ["cm"]
accountable = ["lead"]

[raci.channels.main]
responsible = ["cm"]
accountable = ["cm"]
informed = ["lead"]

# Step 6: the content strategy: pillars tied to objectives, sources, keywords, messages.
[content]
formats = ["photo"]  # photo, video, reel, story, article, newsletter…
keywords = ["TODO: a keyword people search for"]

[content.pillars.pillar]
theme = "TODO: a theme the content returns to"
objectives = ["awareness"]
share = 100  # percent of the content; the shares add up to 100
formats = ["photo"]
keywords = ["TODO: a keyword of this pillar"]
description = "TODO: more about it"

[content.sources.source]
title = "TODO: material to reuse: a white paper, a case study, a video"
kind = "TODO: white_paper, case_study, op_ed, video…"
url = "TODO: where it is"
pillars = ["pillar"]

[content.messages]
customers = ["TODO: a message for this audience"]

# How the strategy is carried out: tactics per objective and funnel stage.
[tactics.tactic]
title = "TODO: what is done"
description = "TODO: more about it"
objectives = ["awareness"]
stage = "awareness"  # the funnel stage it works at
channels = ["main"]
audiences = ["customers"]
pillars = ["pillar"]
owner = "cm"
medium = "online"  # online, offline or both
starts = $launch
ends = $long

# Step 11: the editorial calendar. `repeat` makes an entry recur, until `until`.
[[calendar]]
date = $launch
channel = "main"
title = "TODO: what goes out"
pillar = "pillar"
format = "photo"
owner = "cm"
status = "idea"  # idea, draft, approved, scheduled or published
repeat = "weekly"
until = $long

# Step 7: the metrics, each measuring an objective; step 12: where and how often
# each is read.
[metrics.reach]
name = "TODO: what is measured"
kind = "quantitative"
level = 1  # 1 exposure, 2 interaction, 3 conversion: the objective's stage
family = "community_size"  # content_value, community_size, influence or engagement
unit = "TODO: followers"
measures = ["awareness"]
channels = ["main"]
audiences = ["customers"]
baseline = 0
target = 1000
direction = "increase"
cadence = "weekly"
source = "TODO: the tool or report it is read from"

# Who receives the results, how often, and where they are published.
[reporting.monthly]
title = "TODO: the monthly results"
to = ["lead"]  # roles, or who else: a board, a cabinet
every = "monthly"
where = "TODO: where the report is published"
owner = "cm"
metrics = ["reach"]

# Step 9: the engagement framework, per channel.
[engagement.main]
tone = "TODO: how the brand sounds here"
response_time = "4h"
message_length = "short"  # short, medium, long, or a number of characters
topics = ["TODO: what the brand talks about here"]
posting_frequency = "weekly"  # the calendar should keep this pace
hours = "TODO: when someone answers, e.g. Mon-Fri 09:00-18:00"

# Step 10: the social media policy.
[policy]
acceptable = ["TODO: what may be said"]
off_limits = ["TODO: a topic never to post about"]
confidential = ["TODO: what is never disclosed"]
company_capacity = "TODO: who speaks for the company, and how"
personal_capacity = "TODO: what staff may say in their own name"
approver = "lead"

# Other accounts of the organisation: how one is asked for, approved and closed.
[governance]
requests = "TODO: how a department asks for an account of its own"
requires = ["TODO: what it submits first, e.g. a plan"]
approver = "lead"
review = "yearly"
closure = ["TODO: when an account is closed"]

# What is done with visitors' posts, apart from the policy for our own.
[moderation]
house_rules = "TODO: the house rules, or where they are published"

[[moderation.rules]]
when = "TODO: a kind of post, e.g. spam"
action = "hide"  # hide, delete, report, escalate, reply, block or keep

# Drafts are approved before they reach a calendar status (seed 003, I.3).
[approval]
approver = "lead"
before = "scheduled"
exempt = ["TODO: what needs no approval, e.g. replies to comments"]
four_eyes = true  # nobody approves their own

# People, tools and money, for the short, medium and long term (seed 003).
[resources.team]
kind = "people"  # people, tool or budget
name = "TODO: who, for how many hours"
horizon = "short"
cost = 0
channel = "main"
notes = "TODO: anything else"

# The budget: its total and how it is spent; the lines should add up to the total.
[budget]
total = 0
currency = "EUR"  # an ISO 4217 code

[[budget.lines]]
amount = 0
category = "TODO: people, tools, advertising…"
horizon = "short"
channel = "main"

# Plan B and plan C: what happens if things go otherwise (seed 003).
[scenarios.plan_b]
name = "TODO: plan B"
trigger = "TODO: what tells that plan A is not working"
description = "TODO: what changes"
actions = ["TODO: an action of plan B"]

# Step 13: the internal networks: employees and ambassadors.
[advocacy]
description = "TODO: how the team shares the brand"
ambassadors = ["TODO: who"]
actions = ["TODO: what they are given to do it"]

# Step 14: the launch, after a trial period, and how often the plan is reviewed.
[launch]
date = $launch
trial_until = $trial_until
review = "monthly"
campaign = ["TODO: an action of the launch campaign, online or offline"]

# The go/no-go conditions of the launch: open, passed or failed.
[[launch.gates]]
condition = "TODO: what must be true before the launch"
approver = "lead"
status = "open"

# Steps marked by hand, by step id: status (todo, in_progress, done or skipped),
# owner, due date, duration and a note.
[steps.objectives]
owner = "lead"
due = $due
note = "TODO: a note on this step"

# The methodology the plan follows: 14-steps, a-s or listen-think-act-monitor
# (docs/steps.md), or steps of its own.
[methodology]
name = "14-steps"

# Which validation rules run on this plan (docs/validation.md), for example:
# select = ["SP2"], ignore = ["SP901"], strict = true.
[check]
ignore = []
"""
)


def starter(name: str | None = None, *, start: dt.date | None = None) -> str:
    """A commented starter plan, as TOML text: every table, TODO where values go.

    *name* is the plan's name (a TODO when not given); every date is counted
    from *start* (:data:`DEFAULT_START` when not given): the horizons end 3, 6
    and 12 months later. The text loads, validates with no error or warning,
    and has an SP901 info finding for each TODO left; the same arguments give the
    same text.
    """
    import tomli_w

    first = start or DEFAULT_START

    def day(offset: int) -> str:
        return (first + dt.timedelta(days=offset)).isoformat()

    return _TEMPLATE.substitute(
        name=tomli_w.dumps({"name": "TODO: the plan's name" if name is None else name}).strip(),
        start=day(0),
        short=day(90),
        medium=day(181),
        long=day(364),
        trial_until=day(46),
        launch=day(60),
        due=day(7),
    )

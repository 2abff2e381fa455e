"""Generated plans of any size, for benchmarks and scaling tests.

:func:`plan_data` builds the plain data (the JSON form, as
``socialplan.to_data(plan, "json")`` gives it) of a realistic, aligned plan
with a given number of metrics and every other part in proportion, so that
each rule has work that grows with the plan. :func:`broken_plan_data` is the
same plan with one part in ten naming a near miss of an id that exists
(``"objective-00042x"``), so that loading and validation exercise the
did-you-mean suggestions. :func:`misaligned_plan_data` is the same plan with
a quarter of its metrics taken on a channel that reaches none of their
objective's audiences, so that a big plan has many findings (an SP706
warning each) and ``socialplan check`` pays for reporting and locating them.
:func:`observation_records` measures a plan: a number of observations of
each metric, as the records :func:`socialplan.observations.from_records`
reads.

All are deterministic: the same arguments give the same data.

>>> import json, socialplan
>>> data = plan_data(100)
>>> len(data["metrics"]), len(data["objectives"]), len(data["calendar"])
(100, 10, 50)
>>> plan = socialplan.loads(json.dumps(data), "json")
>>> socialplan.validate(plan).diagnostics
()
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Mapping
from typing import Any

__all__ = ["broken_plan_data", "misaligned_plan_data", "observation_records", "plan_data"]

_START = dt.date(2027, 1, 4)
_SHORT = _START + dt.timedelta(days=119)
_MEDIUM = _START + dt.timedelta(days=364)
_LONG = _START + dt.timedelta(days=729)
_HORIZON_END = {"short": _SHORT, "medium": _MEDIUM, "long": _LONG}

#: Seed 000's work elements (the vocabulary's areas).
_WORK_AREAS = ("seo", "web", "apps", "online-marketing", "social-media", "community")

_STAGES = ("awareness", "interest", "desire", "action", "recommendation")
#: The KPI level that measures each funnel stage (seed 004), as SP208 wants it.
_STAGE_LEVEL = {"awareness": 1, "interest": 2, "desire": 2, "action": 3, "recommendation": 3}
_STAGE_KIND = {
    "awareness": ("awareness", "visibility", "notoriety", "exposure"),
    "interest": ("engagement", "added_value", "seo"),
    "desire": ("engagement", "trust", "feedback"),
    "action": ("traffic", "leads", "sales", "conversions", "brand_management"),
    "recommendation": ("loyalty", "reputation", "customer_service"),
}
_STAGE_UNIT = {
    "awareness": ("followers", "impressions", "mentions/month"),
    "interest": ("interactions/month", "comments/month", "saves/month"),
    "desire": ("user posts/month", "sign-ups/month"),
    "action": ("visits/month", "leads/month", "sales/month"),
    "recommendation": ("shares/month", "reviews/month"),
}
_SOURCES = (
    "Google Analytics",
    "Meta Business Suite",
    "YouTube Studio",
    "LinkedIn Page analytics",
    "Brandwatch",
    "CRM report",
    "Quarterly survey",
)
_PLATFORMS = (
    "facebook",
    "instagram",
    "x",
    "youtube",
    "linkedin",
    "tiktok",
    "blog",
    "newsletter",
    "pinterest",
    "threads",
)
_FORMATS = ("post", "video", "story", "reel", "article", "infographic", "live", "newsletter")
_INFLUENCER_KINDS = ("blogger", "creator", "journalist", "partner", "expert", "customer", "media")
_ROLE_FUNCTIONS = (
    "content",
    "customer_service",
    "pr",
    "advertising",
    "analytics",
    "design",
    "sales",
    "legal",
    "marketing",
    "support",
)
_TOPICS = (
    "recipes",
    "gardening",
    "travel",
    "fitness",
    "reading",
    "music",
    "design",
    "cycling",
    "coffee",
    "photography",
    "podcasts",
    "crafts",
)
_PEOPLE = ("parents", "students", "teachers", "retirees", "founders", "nurses", "gamers")
_STATUSES = ("idea", "draft", "approved", "scheduled", "published")


def _ids(prefix: str, count: int) -> list[str]:
    width = max(5, len(str(count - 1)))
    return [f"{prefix}-{i:0{width}d}" for i in range(count)]


#: The parts whose number :func:`plan_data` may be given (``counts``), and the fewest of each.
COUNTED = {"roles": 8, "scenarios": 2, "reporting": 1, "stakeholder_input": 1}


def _sizes(
    items: int, channels: int | None = None, counts: Mapping[str, int] | None = None
) -> dict[str, int]:
    """How many of each part a plan with *items* metrics (and *channels* and *counts*, if
    given) has."""
    channels = min(40, max(4, items // 25)) if channels is None else channels
    return {
        "metrics": items,
        "objectives": max(1, items // 10),
        "business_goals": max(2, items // 100),
        "audiences": max(channels, items // 50),
        "channels": channels,
        "roles": max(8, items // 100),
        "influencers": max(2, items // 20),
        "calendar": max(channels, items // 2),
        "pillars": max(2, items // 100),
        "sources": max(1, items // 100),
        "resources": max(3, items // 50),
        "scenarios": max(2, items // 1000),
        "stakeholder_input": max(1, items // 1000),
        "tactics": max(2, items // 100),
        "reporting": max(1, items // 1000),
    } | dict(counts or {})


def _frequency(count: int, first: dt.date, last: dt.date) -> str:
    """A posting frequency that *count* posts between *first* and *last* keep (SP606)."""
    per_week = count / (max((last - first).days + 1, 7) / 7)
    if per_week >= 7:
        return f"{round(per_week / 7)} per day"
    if per_week >= 1:
        return f"{round(per_week)} per week"
    if per_week * 30 / 7 >= 1.5:
        return f"{round(per_week * 30 / 7)} per month"
    return f"{max(1, round(per_week * 365 / 7))} per year"


def plan_data(
    items: int,
    *,
    seed: int = 0,
    channels: int | None = None,
    counts: Mapping[str, int] | None = None,
) -> dict[str, Any]:
    """The JSON-form data of an aligned plan with *items* metrics.

    Every other part is in proportion: an objective for every ten metrics, a
    calendar entry for every two, an influencer for every twenty, a business
    goal, a role, a content pillar and a content source for every hundred,
    an audience and a resource for every fifty; between 4 and 40 channels
    (one for every 25 metrics), each with its engagement rule, its four
    routes and its RACI entry; a tactic for every hundred metrics, a report for
    every thousand, the six work elements, two briefing questions, governance,
    moderation, approval, two launch gates, a trigger per scenario and a budget
    whose lines add up to its total. Ids look like ``"metric-00042"``. The plan
    validates with no diagnostics at all. *seed* varies the words, numbers
    and dates, not the shape. *channels* fixes the number of channels (at
    least 2): with few, each channel reaches a share of the audiences that
    grows with the plan, as in a plan of 100,000 metrics on 40 channels. *counts* fixes how
    many roles, scenarios, reports or stakeholder inputs it has (:data:`COUNTED` names them,
    with the fewest of each), where the proportions above keep a few whatever the size.

    >>> data = plan_data(1000, seed=1)
    >>> sorted(data["metrics"])[:2]
    ['metric-00000', 'metric-00001']
    >>> data == plan_data(1000, seed=1)
    True
    """
    if items < 1:
        raise ValueError(f"a plan needs at least one metric, not {items}")
    if channels is not None and channels < 2:
        raise ValueError(f"a generated plan needs at least two channels, not {channels}")
    for part, count in (counts or {}).items():
        if part not in COUNTED:
            raise ValueError(f"counts: {part!r} is not one of {', '.join(COUNTED)}")
        if count < COUNTED[part]:
            raise ValueError(f"counts: a generated plan needs {COUNTED[part]} {part} at least")
    from .steps import FOURTEEN_STEPS

    rng = random.Random(f"socialplan-{seed}-{items}")
    size = _sizes(items, channels, counts)
    goal_ids = _ids("goal", size["business_goals"])
    objective_ids = _ids("objective", size["objectives"])
    audience_ids = _ids("audience", size["audiences"])
    channel_ids = _ids("channel", size["channels"])
    role_ids = _ids("role", size["roles"])
    pillar_ids = _ids("pillar", size["pillars"])
    metric_ids = _ids("metric", size["metrics"])
    n_channels, n_audiences, n_roles = len(channel_ids), len(audience_ids), len(role_ids)

    # Roles: a tree of escalation under the first (management); the second is
    # the community manager, who owns every other channel.
    role_table: dict[str, Any] = {}
    for i, key in enumerate(role_ids):
        function = (
            "management"
            if i == 0
            else "community_manager"
            if i == 1
            else _ROLE_FUNCTIONS[i % len(_ROLE_FUNCTIONS)]
        )
        role: dict[str, Any] = {
            "title": f"{function.replace('_', ' ').title()} team {i}",
            "function": function,
            "people": [f"Person {i}-{j}" for j in range(1 + i % 3)],
            "duties": [f"Look after the {_TOPICS[(i + j) % len(_TOPICS)]} work" for j in range(2)],
        }
        if i:
            role["escalate_to"] = role_ids[(i - 1) // 3]
        role_table[key] = role

    # Audiences are each on two channels; a channel targets exactly the
    # audiences that say they are on it (SP303, SP304).
    on_channel: dict[str, list[str]] = {key: [] for key in channel_ids}
    audiences: dict[str, Any] = {}
    for i, key in enumerate(audience_ids):
        where = sorted({channel_ids[i % n_channels], channel_ids[(i * 3 + 1) % n_channels]})
        for channel_id in where:
            on_channel[channel_id].append(key)
        topic, people = _TOPICS[i % len(_TOPICS)], _PEOPLE[i % len(_PEOPLE)]
        audiences[key] = {
            "name": f"{people.title()} into {topic}, group {i}",
            "description": f"{people.title()} who follow {topic} content, segment {i}.",
            "needs": [f"Practical {topic} ideas", "Quick answers"],
            "interests": [topic, _TOPICS[(i + 5) % len(_TOPICS)]],
            "habits": [f"Check {rng.choice(_PLATFORMS)} every evening"],
            "market_value": f"About {rng.randint(2, 90)} % of yearly sales.",
            "channels": where,
        }
        if i == 0:  # the audience served first (SP313)
            audiences[key]["priority"] = "primary"

    channel_table: dict[str, Any] = {}
    for i, key in enumerate(channel_ids):
        platform = _PLATFORMS[i % len(_PLATFORMS)]
        channel: dict[str, Any] = {
            "platform": platform,
            "purpose": f"Reach our audiences on {platform} with channel {i}'s own line.",
            "owner": role_ids[1] if i % 2 == 0 else role_ids[2 + i % (n_roles - 2)],
            "audiences": on_channel[key],
        }
        if i % 3 == 0 and i + 1 < n_channels:  # forward only: no cycle (SP305)
            channel["cross_posts_to"] = [channel_ids[i + 1]]
        channel["profile"] = {
            "handle": f"@brand{i}",
            "display_name": f"Brand on {platform} {i}",
            "url": f"https://{platform}.example/brand{i}",
        }
        channel["customizations"] = ["Pinned post with the next launch", "Header image"]
        channel_table[key] = channel
    reaches = {key: set(audience["channels"]) for key, audience in audiences.items()}

    goals = {
        key: {
            "statement": f"Business goal {i}: grow the {_TOPICS[i % len(_TOPICS)]} line",
            "description": f"Revenue from line {i} up by {rng.randint(5, 40)} % this year.",
        }
        for i, key in enumerate(goal_ids)
    }

    objectives: dict[str, Any] = {}
    units: dict[str, str | None] = {}
    for i, key in enumerate(objective_ids):
        # The first objective is about action, so that some target counts an outcome, not
        # only exposure (SP215); then every stage in turn.
        stage = _STAGES[(i + _STAGES.index("action")) % len(_STAGES)]
        concerns = sorted({audience_ids[i % n_audiences], audience_ids[(i * 7 + 3) % n_audiences]})
        objective: dict[str, Any] = {
            "title": f"Objective {i}: {stage} among {audiences[concerns[0]]['name'].lower()}",
            "kind": rng.choice(_STAGE_KIND[stage]),
        }
        horizon = ("short", "medium", "long")[i % 3]
        qualitative = i % 10 == 9
        if qualitative:
            objective["measure"] = "qualitative"
            units[key] = None
        objective["stage"] = stage
        objective["supports"] = sorted({goal_ids[i % len(goal_ids)], goal_ids[i // 10 % 2]})
        objective["audiences"] = concerns
        if not qualitative:
            unit = rng.choice(_STAGE_UNIT[stage])
            baseline = rng.randint(100, 50_000)
            deadline = _HORIZON_END[horizon] - dt.timedelta(days=rng.randint(0, 60))
            objective["target"] = {
                "value": baseline + rng.randint(1, 50_000),
                "unit": unit,
                "baseline": baseline,
                "deadline": deadline.isoformat(),
            }
            units[key] = unit
        objective["horizon"] = horizon
        objective["description"] = f"Objective {i}, reviewed every month."
        objectives[key] = objective
    # Every business goal is served (SP213): one no objective names goes to an objective, in turn.
    served = {goal for objective in objectives.values() for goal in objective["supports"]}
    unserved = [goal for goal in goal_ids if goal not in served]
    for i, goal in enumerate(unserved):
        supports = objectives[objective_ids[i % len(objective_ids)]]["supports"]
        supports.append(goal)
        supports.sort()

    metrics: dict[str, Any] = {}
    for i, key in enumerate(metric_ids):
        # Each objective is measured by a run of consecutive metrics.
        number = i * len(objective_ids) // items
        measured = objective_ids[number]
        objective = objectives[measured]
        # Taken only where the objective's audiences are (SP706).
        where = sorted({c for a in objective["audiences"] for c in reaches[a]})
        metric_unit = units[measured]
        metric: dict[str, Any] = {
            "name": f"Metric {i}: {metric_unit or 'opinion'} of objective {number}",
        }
        if metric_unit is None:
            metric["kind"] = "qualitative"
        metric["level"] = _STAGE_LEVEL[objective["stage"]]
        metric["family"] = ("content_value", "community_size", "influence", "engagement")[i % 4]
        if metric_unit is not None:
            metric["unit"] = metric_unit
        metric["measures"] = [measured]
        metric["channels"] = sorted(rng.sample(where, min(2, len(where))))
        metric["audiences"] = objective["audiences"][:1]
        if metric_unit is not None:
            baseline = rng.randint(0, 20_000)
            metric["baseline"] = baseline
            metric["target"] = baseline + rng.randint(1, 20_000)
        metric["cadence"] = ("weekly", "monthly", "quarterly")[i % 3]
        metric["source"] = _SOURCES[i % len(_SOURCES)]
        if metric_unit is not None and i % 5 == 0:
            metric["unit_value"] = rng.randint(1, 80)
        metrics[key] = metric

    influencers: dict[str, Any] = {}
    for i, key in enumerate(_ids("influencer", size["influencers"])):
        sways = audience_ids[(i * 11) % n_audiences]
        influencers[key] = {
            "name": f"Influencer {i} ({_TOPICS[i % len(_TOPICS)]})",
            "kind": _INFLUENCER_KINDS[i % len(_INFLUENCER_KINDS)],
            "influences": [sways],
            "channels": audiences[sways]["channels"],
            "followers": rng.randint(500, 2_000_000),
            "url": f"https://influencer{i}.example",
        }

    n_pillars = len(pillar_ids)
    shares: list[int] | None = None
    if n_pillars <= 100:  # whole percentages that add up to 100 (SP602)
        shares = [100 // n_pillars + (1 if i < 100 % n_pillars else 0) for i in range(n_pillars)]
    pillars: dict[str, Any] = {}
    for i, key in enumerate(pillar_ids):
        topic = _TOPICS[i % len(_TOPICS)]
        pillar: dict[str, Any] = {
            "theme": f"Pillar {i}: {topic} for every day",
            # Every objective is served by some pillar (SP218): the i-th of each n_pillars.
            "objectives": sorted(
                {objective_ids[(i * 10 + j) % len(objective_ids)] for j in range(3)}
                | set(objective_ids[i::n_pillars])
            ),
        }
        if shares is not None:
            pillar["share"] = shares[i]
        pillar["formats"] = [_FORMATS[i % len(_FORMATS)], _FORMATS[(i + 3) % len(_FORMATS)]]
        pillar["keywords"] = [topic, f"{topic} tips"]
        pillar["description"] = f"How-tos and stories about {topic}."
        pillars[key] = pillar
    sources = {
        key: {
            "title": f"Source {i}: the {_TOPICS[i % len(_TOPICS)]} guide",
            "kind": "guide",
            "url": f"https://brand.example/guides/{i}",
            "pillars": [pillar_ids[i % n_pillars]],
        }
        for i, key in enumerate(_ids("source", size["sources"]))
    }
    content = {
        "pillars": pillars,
        "sources": sources,
        "formats": list(_FORMATS),
        "keywords": ["brand", "how to", "community"],
        "messages": {
            key: [f"Message {i}: we make {_TOPICS[i % len(_TOPICS)]} simple."]
            for i, key in enumerate(audience_ids)
        },
    }

    # One-off calendar entries, round-robin over the channels and spread over
    # the plan's two years.
    n_entries = size["calendar"]
    first_day, days = _START + dt.timedelta(days=14), (_LONG - _START).days - 14
    calendar: list[dict[str, Any]] = []
    for i in range(n_entries):
        channel_id = channel_ids[i % n_channels]
        entry: dict[str, Any] = {
            "date": (first_day + dt.timedelta(days=i * days // n_entries)).isoformat(),
            "channel": channel_id,
            "title": f"Post {i}: {_TOPICS[rng.randrange(len(_TOPICS))]} idea of the week",
            "pillar": pillar_ids[i % n_pillars],
            "format": _FORMATS[i % len(_FORMATS)],
            "owner": channel_table[channel_id]["owner"],
        }
        if i % len(_STATUSES):  # "idea", the default, goes without saying
            entry["status"] = _STATUSES[i % len(_STATUSES)]
        calendar.append(entry)
    dates_of: dict[str, list[str]] = {key: [] for key in channel_ids}
    for entry in calendar:
        dates_of[entry["channel"]].append(entry["date"])

    engagement = {
        key: {
            "tone": "Warm and helpful",
            "response_time": ("1h", "2h", "4h", "1 day")[i % 4],
            "message_length": ("short", "medium", "long")[i % 3],
            "topics": [_TOPICS[i % len(_TOPICS)], "product news"],
            "posting_frequency": _frequency(
                len(dates_of[key]),
                dt.date.fromisoformat(dates_of[key][0]),
                dt.date.fromisoformat(dates_of[key][-1]),
            ),
            "hours": "Mon-Fri 09:00-18:00",
        }
        for i, key in enumerate(channel_ids)
    }
    # Every channel routes every kind of message, the more urgent the sooner.
    within = {"crisis": "1h", "complaint": "6h", "inquiry": "24h", "suggestion": "3 days"}
    routing = [
        {
            "message": message,
            "to": role_ids[1 + (i + j) % (n_roles - 1)],
            "channels": [key],
            "within": within[message],
            "escalate_to": role_ids[0],
        }
        for i, key in enumerate(channel_ids)
        for j, message in enumerate(within)
    ]

    def raci(i: int) -> dict[str, Any]:
        return {
            "responsible": [role_ids[1 + i % (n_roles - 1)]],
            "accountable": [role_ids[0]],
            "consulted": [role_ids[1 + (i + 1) % (n_roles - 1)]],
            "informed": [role_ids[1]],
        }

    step_ids = FOURTEEN_STEPS.ids
    resources: dict[str, Any] = {}
    for i, key in enumerate(_ids("resource", size["resources"])):
        kind = ("people", "tool", "budget")[i % 3]
        resource: dict[str, Any] = {
            "kind": kind,
            "name": f"Resource {i}: {kind} for the {_TOPICS[i % len(_TOPICS)]} line",
            "horizon": ("short", "medium", "long")[i % 3],
            "cost": rng.randint(100, 50_000),
        }
        if i % 2:
            resource["channel"] = channel_ids[i % n_channels]
        resources[key] = resource

    # The parts issue #17 added: tactics, work elements, reporting, governance,
    # moderation, approval, launch gates, a budget whose lines add up, triggers.
    tactics: dict[str, Any] = {}
    for i, key in enumerate(_ids("tactic", size["tactics"])):
        aim = objective_ids[i % len(objective_ids)]
        concerns = objectives[aim]["audiences"]
        starts = _START + dt.timedelta(days=14 + (i * 30) % 600)
        tactics[key] = {
            "title": f"Tactic {i}: a {_TOPICS[i % len(_TOPICS)]} challenge for objective {aim}",
            "objectives": [aim],
            "stage": objectives[aim]["stage"],
            "channels": sorted({c for a in concerns for c in reaches[a]})[:2],
            "audiences": concerns,
            "pillars": [pillar_ids[i % n_pillars]],
            "owner": role_ids[1 + i % (n_roles - 1)],
            "medium": ("online", "offline", "both")[i % 3],
            "starts": starts.isoformat(),
            "ends": (starts + dt.timedelta(days=27)).isoformat(),
        }
    work = {
        area: {
            "area": area,
            "executor": role_ids[1 + i % (n_roles - 1)],
            "team": ("internal", "external", "crowdsourced")[i % 3],
        }
        for i, area in enumerate(sorted(_WORK_AREAS))
    }
    reporting = {
        key: {
            "title": f"Results report {i} for the management team",
            "to": [role_ids[0]],
            "every": ("monthly", "quarterly")[i % 2],
            "where": "The management meeting",
            "owner": role_ids[1],
            "metrics": metric_ids[i :: size["reporting"]][:5],
        }
        for i, key in enumerate(_ids("report", size["reporting"]))
    }
    lines = [
        {
            "amount": sum(r["cost"] for r in resources.values() if r["horizon"] == horizon),
            "category": "people, tools and budget",
            "horizon": horizon,
        }
        for horizon in ("short", "medium", "long")
    ]
    budget = {"total": sum(line["amount"] for line in lines), "lines": lines}

    return {
        "format": "socialplan/1",
        "plan": {
            "name": f"Generated plan with {items} metrics",
            "organization": "Example Brands Ltd",
            "vision": "Be the brand people ask their friends about.",
            "mission": "Make everyday hobbies simple, with a community that helps.",
            "reach": "international",
            "start": _START.isoformat(),
            "horizons": {
                "short": _SHORT.isoformat(),
                "medium": _MEDIUM.isoformat(),
                "long": _LONG.isoformat(),
            },
            "currency": "EUR",
        },
        "briefing": {
            "online_presence": "A website and a few channels opened years ago.",
            "objectives": "Grow every product line through its community.",
            "target_audience": "Hobbyists of every age.",
            "touchpoints": ["Website", "Shops", "Events"],
            "questions": [
                {"ask": "Why be on social media?", "answer": "Our customers talk there."},
                {"ask": "What do we want from it?", "answer": "A community that helps."},
            ],
        },
        "analysis": {
            "company": "A group of hobby brands.",
            "competitors": ["Other hobby brands"],
            "strengths": ["Loyal customers"],
            "weaknesses": ["Slow replies"],
        },
        "business_goals": goals,
        "objectives": objectives,
        "stakeholder_input": {
            key: {
                "method": "survey",
                "who": f"Staff of unit {i}",
                "date": (_START + dt.timedelta(days=3 + i % 10)).isoformat(),
                "findings": ["Customers ask the same questions", "Staff want to help"],
            }
            for i, key in enumerate(_ids("input", size["stakeholder_input"]))
        },
        "audiences": audiences,
        "channels": channel_table,
        "influencers": influencers,
        "roles": role_table,
        "work": work,
        "routing": routing,
        "raci": {
            "steps": {key: raci(i) for i, key in enumerate(step_ids)},
            "channels": {key: raci(i) for i, key in enumerate(channel_ids)},
        },
        "content": content,
        "tactics": tactics,
        "calendar": calendar,
        "metrics": metrics,
        "reporting": reporting,
        "engagement": engagement,
        "policy": {
            "acceptable": ["Product news", "Answers to customers"],
            "off_limits": ["politics", "religion", "gambling"],
            "confidential": ["Unreleased products"],
            "company_capacity": "Only the roles of this plan speak for the brand.",
            "personal_capacity": "Staff speak for themselves.",
            "approver": role_ids[0],
        },
        "governance": {
            "requests": "A team that wants its own account sends a plan for it first.",
            "requires": ["the account's audience", "who answers on it"],
            "approver": role_ids[0],
            "review": "yearly",
            "closure": ["no post for three months"],
        },
        "moderation": {
            "house_rules": "https://brand.example/community-rules",
            "rules": [
                {"when": "Spam or scams", "action": "delete"},
                {"when": "Insults or threats", "action": "escalate", "escalate_to": role_ids[0]},
            ],
        },
        "approval": {
            "approver": role_ids[0],
            "before": "scheduled",
            "exempt": ["replies to comments"],
            "four_eyes": True,
        },
        "resources": resources,
        "budget": budget,
        "scenarios": {
            key: {
                "name": f"Scenario {i}: a channel goes quiet",
                "trigger": "Reach halves for two months.",
                "actions": ["Move the budget", "Review the calendar"],
                "when": [{"metric": metric_ids[i % items], "below": 1}],
            }
            for i, key in enumerate(_ids("scenario", size["scenarios"]))
        },
        "advocacy": {
            "description": "Staff share what they like.",
            "ambassadors": ["Sales team"],
            "actions": ["A weekly e-mail with two posts to share"],
        },
        "launch": {
            "date": (_START + dt.timedelta(days=14)).isoformat(),
            "trial_until": (_START + dt.timedelta(days=10)).isoformat(),
            "review": "monthly",
            "campaign": ["Launch week on every channel"],
            "gates": [
                {"condition": "The community rules are published", "approver": role_ids[0]},
                {"condition": "Every channel has its first posts", "status": "passed"},
            ],
        },
        "steps": {
            key: {"status": "done", "owner": role_ids[i % n_roles]}
            for i, key in enumerate(step_ids)
        },
    }


def broken_plan_data(items: int, *, seed: int = 0) -> dict[str, Any]:
    """:func:`plan_data` with one part in ten naming a near miss of an existing id.

    Every tenth metric (positions 9, 19, 29…) measures ``"<objective>x"``
    instead of its objective, every tenth calendar entry names
    ``"<pillar>x"`` as its pillar, and every tenth influencer sways
    ``"<audience>x"``: each is an SP101 error whose hint suggests the id it
    was made from.

    >>> data = broken_plan_data(100)
    >>> data["metrics"]["metric-00009"]["measures"]
    ['objective-00000x']
    """
    data = plan_data(items, seed=seed)
    for table in (data["metrics"], dict(enumerate(data["calendar"])), data["influencers"]):
        for position, part in enumerate(table.values()):
            if position % 10 != 9:
                continue
            if "measures" in part:
                part["measures"] = [part["measures"][0] + "x"]
            elif "pillar" in part:
                part["pillar"] += "x"
            else:
                part["influences"] = [part["influences"][0] + "x"]
    return data


def misaligned_plan_data(items: int, *, seed: int = 0) -> dict[str, Any]:
    """:func:`plan_data` with a quarter of the metrics measured where their audiences are not.

    Every fourth metric (positions 3, 7, 11…) is taken on one channel only:
    the first channel, counting on from the metric's position, that reaches
    none of the audiences of the objective it measures. Each is an SP706
    warning, and the plan has no other finding: ``items // 4`` in all from
    125 metrics on (five channels or more). In smaller plans an objective's
    audiences may be on every channel, and such a metric is left as it was.

    >>> plan_data(1000)["metrics"]["metric-00003"]["channels"]
    ['channel-00000', 'channel-00003']
    >>> misaligned_plan_data(1000)["metrics"]["metric-00003"]["channels"]
    ['channel-00004']
    """
    data = plan_data(items, seed=seed)
    channel_ids = list(data["channels"])
    reaches = {key: set(channel["audiences"]) for key, channel in data["channels"].items()}
    for position, metric in enumerate(data["metrics"].values()):
        if position % 4 != 3:
            continue
        audiences = set(data["objectives"][metric["measures"][0]]["audiences"])
        for step in range(len(channel_ids)):
            channel_id = channel_ids[(position + step) % len(channel_ids)]
            if reaches[channel_id].isdisjoint(audiences):
                metric["channels"] = [channel_id]
                break
    return data


def observation_records(
    data: dict[str, Any], per_metric: int = 10, *, seed: int = 0
) -> list[dict[str, Any]]:
    """*per_metric* observations of every metric of the plan *data*, as plain records.

    A metric taken on channels is observed on each of them in turn, a week
    apart for each round, from the week after the plan starts; a metric with
    no channel is observed in total. Values run from the baseline toward the
    target that :func:`socialplan.score` judges the metric against, at a pace
    of its own (seeded: some ahead, some behind, one in twenty past the
    target already), split between its channels, so that every verdict comes
    up. Records are ``{"metric", "date" (ISO), "value", "channel"}`` (no
    ``"channel"`` for a total), in the plan's order of metrics:
    ``len(data["metrics"]) * per_metric`` of them.

    >>> records = observation_records(plan_data(100), 4)
    >>> len(records)
    400
    >>> records[0]
    {'metric': 'metric-00000', 'date': '2027-01-11', 'value': 33950, 'channel': 'channel-00000'}
    """
    rng = random.Random(f"socialplan-observations-{seed}-{per_metric}")
    start = dt.date.fromisoformat(data["plan"]["start"])
    long_end = dt.date.fromisoformat(data["plan"]["horizons"]["long"])
    records: list[dict[str, Any]] = []
    for key, metric in data["metrics"].items():
        slots: list[str | None] = list(metric.get("channels") or [None])
        # What score() judges the metric against: its objective's target, else its own.
        goal = data["objectives"].get(metric["measures"][0], {}).get("target")
        if goal is not None:
            baseline, target = goal["baseline"], goal["value"]
            deadline = dt.date.fromisoformat(goal["deadline"])
        else:
            baseline, target = metric.get("baseline", 3), metric.get("target", 5)
            deadline = long_end
        needed = (target - baseline) / max((deadline - start).days / 7, 1)  # per week
        pace = needed * rng.uniform(0.0, 1.6)
        if rng.random() < 0.05:  # one in twenty is there already by its last observation
            pace = (target - baseline) * 1.2 / max(1, -(-per_metric // len(slots)))
        for number in range(per_metric):
            week = 1 + number // len(slots)
            value = baseline + pace * week * rng.uniform(0.9, 1.1)
            record: dict[str, Any] = {
                "metric": key,
                "date": (start + dt.timedelta(weeks=week)).isoformat(),
                "value": max(0, round(value / len(slots))),
            }
            channel = slots[number % len(slots)]
            if channel is not None:
                record["channel"] = channel
            records.append(record)
    return records

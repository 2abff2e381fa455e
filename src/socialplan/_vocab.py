"""The plan's vocabularies: closed ones as enums, open ones as known values.

Closed vocabularies (a funnel stage, a reach) accept only their members.
Open vocabularies (platforms, influencer kinds, objective kinds, role
functions, content formats) accept any value, but know the common ones so
that a near miss such as ``"facebok"`` can be answered with a suggestion.
"""

from __future__ import annotations

import difflib
import enum
from collections.abc import Iterable

__all__ = [
    "CONTENT_FORMATS",
    "INFLUENCER_KINDS",
    "OBJECTIVE_KINDS",
    "PLATFORMS",
    "ROLE_FUNCTIONS",
    "CalendarStatus",
    "Direction",
    "FunnelStage",
    "Horizon",
    "KpiLevel",
    "Measure",
    "MessageKind",
    "MessageLength",
    "MetricFamily",
    "Reach",
    "ResourceKind",
    "StepStatus",
    "did_you_mean",
]


class FunnelStage(enum.StrEnum):
    """A stage of the conversion funnel (seed 004)."""

    AWARENESS = "awareness"
    INTEREST = "interest"
    DESIRE = "desire"
    ACTION = "action"
    RECOMMENDATION = "recommendation"


class Reach(enum.StrEnum):
    """How far the plan reaches (seed 000's briefing)."""

    LOCAL = "local"
    NATIONAL = "national"
    INTERNATIONAL = "international"


class Horizon(enum.StrEnum):
    """A planning horizon (seed 003)."""

    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


class Measure(enum.StrEnum):
    """Whether an objective or a metric is counted or judged."""

    QUANTITATIVE = "quantitative"
    QUALITATIVE = "qualitative"


class KpiLevel(enum.IntEnum):
    """The three KPI levels of seed 004."""

    EXPOSURE = 1
    INTERACTION = 2
    CONVERSION = 3


class MetricFamily(enum.StrEnum):
    """The four metric families of seed 001."""

    CONTENT_VALUE = "content_value"
    COMMUNITY_SIZE = "community_size"
    INFLUENCE = "influence"
    ENGAGEMENT = "engagement"


class Direction(enum.StrEnum):
    """Which way a metric should move."""

    INCREASE = "increase"
    DECREASE = "decrease"


class MessageKind(enum.StrEnum):
    """The kinds of incoming message that need a route (seed 004)."""

    INQUIRY = "inquiry"
    SUGGESTION = "suggestion"
    COMPLAINT = "complaint"
    CRISIS = "crisis"


class MessageLength(enum.StrEnum):
    """A message length in words, when not given as a number of characters."""

    SHORT = "short"
    MEDIUM = "medium"
    LONG = "long"


class StepStatus(enum.StrEnum):
    """A step's status as marked by hand."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    SKIPPED = "skipped"


class CalendarStatus(enum.StrEnum):
    """Where a calendar entry stands; drafts are approved before publishing."""

    IDEA = "idea"
    DRAFT = "draft"
    APPROVED = "approved"
    SCHEDULED = "scheduled"
    PUBLISHED = "published"


class ResourceKind(enum.StrEnum):
    """What a resource is (seed 003): people, tools or money."""

    PEOPLE = "people"
    TOOL = "tool"
    BUDGET = "budget"


#: Platforms a channel is commonly on.
PLATFORMS = frozenset(
    {
        "blog",
        "facebook",
        "flickr",
        "forum",
        "google_business",
        "instagram",
        "linkedin",
        "mastodon",
        "newsletter",
        "pinterest",
        "podcast",
        "reddit",
        "slideshare",
        "snapchat",
        "telegram",
        "threads",
        "tiktok",
        "twitch",
        "twitter",
        "website",
        "whatsapp",
        "x",
        "youtube",
        "bluesky",
    }
)

#: Kinds of influencer of seed 004's influence map.
INFLUENCER_KINDS = frozenset(
    {
        "blogger",
        "celebrity",
        "competitor",
        "customer",
        "employee",
        "expert",
        "institution",
        "journalist",
        "media",
        "partner",
        "supplier",
        "creator",
    }
)

#: Objective kinds named by seeds 000, 001 and 004.
OBJECTIVE_KINDS = frozenset(
    {
        "awareness",
        "brand_management",
        "conversions",
        "customer_service",
        "engagement",
        "exposure",
        "leads",
        "loyalty",
        "notoriety",
        "added_value",
        "reputation",
        "sales",
        "seo",
        "traffic",
        "trust",
        "visibility",
        "feedback",
    }
)

#: Functions a role can have in the responsibility map (seed 004).
ROLE_FUNCTIONS = frozenset(
    {
        "advertising",
        "community_manager",
        "customer_service",
        "design",
        "legal",
        "management",
        "marketing",
        "pr",
        "sales",
        "seo",
        "support",
        "web",
        "content",
        "analytics",
    }
)

#: Common content formats.
CONTENT_FORMATS = frozenset(
    {
        "article",
        "case_study",
        "event",
        "infographic",
        "live",
        "newsletter",
        "op_ed",
        "photo",
        "podcast",
        "post",
        "reel",
        "story",
        "thread",
        "video",
        "webinar",
        "white_paper",
        "contest",
    }
)


def did_you_mean(value: str, known: Iterable[str]) -> str | None:
    """Return the known value closest to *value*, if one is close enough.

    >>> did_you_mean("facebok", PLATFORMS)
    'facebook'
    >>> did_you_mean("facebook", PLATFORMS) is None
    True
    >>> did_you_mean("zzz", PLATFORMS) is None
    True
    """
    choices = sorted(set(known))
    if value in choices:
        return None
    folded = value.casefold()
    for choice in choices:
        if choice.casefold() == folded:
            return choice
    matches = difflib.get_close_matches(value, choices, n=1, cutoff=0.75)
    return matches[0] if matches else None

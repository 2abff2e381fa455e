"""The plan's vocabularies: closed ones as enums, open ones as known values.

Closed vocabularies (a funnel stage, a reach) accept only their members.
Open vocabularies (platforms, influencer kinds, objective kinds, role
functions, content formats) accept any value, but know the common ones so
that a near miss such as ``"facebok"`` can be answered with a suggestion.
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Iterable
from functools import cached_property

__all__ = [
    "CONTENT_FORMATS",
    "INFLUENCER_KINDS",
    "OBJECTIVE_KINDS",
    "ONE_WAY_PLATFORMS",
    "OPEN_TO_ALL_PLATFORMS",
    "PLATFORMS",
    "ROLE_FUNCTIONS",
    "WORK_AREAS",
    "CalendarStatus",
    "ChannelStatus",
    "Combine",
    "Direction",
    "ExportPlatform",
    "FunnelStage",
    "GateStatus",
    "Horizon",
    "KpiLevel",
    "Measure",
    "Medium",
    "MessageKind",
    "MessageLength",
    "MetricFamily",
    "MetricMethod",
    "Priority",
    "ModerationAction",
    "Reach",
    "ResourceKind",
    "StepStatus",
    "Suggester",
    "TargetAggregate",
    "TargetRelative",
    "WorkTeam",
    "ascii_fold",
    "close_matches",
    "did_you_mean",
]


class FunnelStage(enum.StrEnum):
    """A stage of the conversion funnel (seed 004)."""

    AWARENESS = "awareness"
    INTEREST = "interest"
    DESIRE = "desire"
    ACTION = "action"
    RECOMMENDATION = "recommendation"


class Medium(enum.StrEnum):
    """Where a tactic runs: online, offline, or across both (seed 000's media plan)."""

    ONLINE = "online"
    OFFLINE = "offline"
    BOTH = "both"


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
    #: What people think of the organisation, asked by survey: off the KPI ladder, and not
    #: one of seed 001's four.
    PERCEPTION = "perception"


class Priority(enum.StrEnum):
    """Whether an audience or a metric comes first, or after."""

    PRIMARY = "primary"
    SECONDARY = "secondary"


class MetricMethod(enum.StrEnum):
    """How a metric's figure is taken: from the platform, web analytics, a survey, by hand."""

    PLATFORM = "platform"
    ANALYTICS = "analytics"
    SURVEY = "survey"
    MANUAL = "manual"


class TargetRelative(enum.StrEnum):
    """What a relative target's value is a change over: the baseline, or the previous period
    (each measurement of the metrics that measure the objective, taken at their cadence, over
    the one before it)."""

    BASELINE = "baseline"
    PREVIOUS = "previous"


class TargetAggregate(enum.StrEnum):
    """How a target is read across channels: their average, their total, or on each one."""

    AVERAGE = "average"
    TOTAL = "total"
    EACH = "each"


class Direction(enum.StrEnum):
    """Which way a metric should move."""

    INCREASE = "increase"
    DECREASE = "decrease"


class ChannelStatus(enum.StrEnum):
    """Where a channel is in its life; a channel without one is in use, as before."""

    PROPOSED = "proposed"
    CONDITIONAL = "conditional"
    ACTIVE = "active"
    RETIRING = "retiring"
    RETIRED = "retired"


class MessageKind(enum.StrEnum):
    """The kinds of incoming message that need a route (seed 004)."""

    INQUIRY = "inquiry"
    SUGGESTION = "suggestion"
    COMPLAINT = "complaint"
    CRISIS = "crisis"


class ModerationAction(enum.StrEnum):
    """What is done with a visitor's post that a moderation rule covers."""

    HIDE = "hide"
    DELETE = "delete"
    REPORT = "report"
    ESCALATE = "escalate"
    REPLY = "reply"
    BLOCK = "block"
    KEEP = "keep"


class ExportPlatform(enum.StrEnum):
    """Where an analytics export comes from: a platform's own tool, web analytics, listening."""

    FACEBOOK = "facebook"
    INSTAGRAM = "instagram"
    LINKEDIN = "linkedin"
    X = "x"
    YOUTUBE = "youtube"
    TIKTOK = "tiktok"
    GA4 = "ga4"
    LISTENING = "listening"


class Combine(enum.StrEnum):
    """How the rows of an export that fall on one date make one value of a metric."""

    SUM = "sum"
    LAST = "last"
    MEAN = "mean"
    MAX = "max"
    MIN = "min"
    COUNT = "count"
    #: A qualitative metric's reading: the mentions counted by sentiment, their keywords.
    READING = "reading"


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


class GateStatus(enum.StrEnum):
    """Where a go/no-go condition of the launch stands."""

    OPEN = "open"
    PASSED = "passed"
    FAILED = "failed"


class WorkTeam(enum.StrEnum):
    """Who carries out a work element (seed 000): the organisation's own people or others."""

    INTERNAL = "internal"
    EXTERNAL = "external"
    CROWDSOURCED = "crowdsourced"


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

#: Platforms that speak one way: the audience receives, and has no reply on the platform
#: itself (a newsletter is read, a podcast listened to, a website visited; answers come by
#: other channels). Rules about answering the people who write to a channel (rules of
#: engagement, a response time) leave them out.
ONE_WAY_PLATFORMS = frozenset({"newsletter", "podcast", "website"})

#: Platforms whose audience is whoever comes: the organisation's own website is the door for
#: everyone (residents, students, customers alike). Rules that ask a channel whom it is for
#: leave them out.
OPEN_TO_ALL_PLATFORMS = frozenset({"website"})

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

#: The work elements of seed 000's process, each assigned to whoever executes it.
WORK_AREAS = frozenset({"seo", "web", "apps", "online-marketing", "social-media", "community"})


def ascii_fold(text: str) -> str:
    """*text* in lowercase ASCII: no case, and no accents (other non-ASCII letters dropped).

    >>> ascii_fold("Política Ñandú"), ascii_fold("Plain")
    ('politica nandu', 'plain')
    """
    if text.isascii():  # most names: nothing to take off but the case
        return text.lower()
    return unicodedata.normalize("NFKD", text.casefold()).encode("ascii", "ignore").decode()


def did_you_mean(value: str, known: Iterable[str]) -> str | None:
    """Return the known value closest to *value*, if one is close enough.

    >>> did_you_mean("facebok", PLATFORMS)
    'facebook'
    >>> did_you_mean("facebook", PLATFORMS) is None
    True
    >>> did_you_mean("zzz", PLATFORMS) is None
    True

    It compares *value* with every known value: to ask about many values
    against a large set (the broken references of a big plan), build a
    :class:`Suggester` once instead.
    """
    choices = sorted(set(known))
    if value in choices:
        return None
    return _closest(value, choices)


def close_matches(value: str, known: Iterable[str]) -> list[str]:
    """The known values close to *value*, best first, at most two: one is a clear did-you-mean.

    A fix offered with no doubt has one candidate; two are a guess between them.

    >>> close_matches("facebok", PLATFORMS)
    ['facebook']
    >>> close_matches("retir", ["retired", "retiring", "active"])
    ['retired', 'retiring']
    """
    choices = sorted(set(known))
    if value in choices:
        return []
    return _candidates(value, choices)


def _candidates(value: str, choices: list[str]) -> list[str]:
    folded = value.casefold()
    same = [choice for choice in choices if choice.casefold() == folded]
    if same:
        return same[:2]
    import difflib

    return difflib.get_close_matches(value, choices, n=2, cutoff=0.75)


def _closest(value: str, choices: list[str]) -> str | None:
    """The first of the sorted *choices* equal to *value* but for case, else the closest."""
    folded = value.casefold()
    for choice in choices:
        if choice.casefold() == folded:
            return choice
    import difflib  # only on a miss: importing socialplan stays fast

    matches = difflib.get_close_matches(value, choices, n=1, cutoff=0.75)
    return matches[0] if matches else None


#: Up to this many known values, a :class:`Suggester` compares a value with each of them.
EXHAUSTIVE = 64

#: How many sorted neighbours on each side, forwards and backwards, a large set offers.
_NEIGHBOURS = 3


def _deletions(text: str) -> set[str]:
    """*text* and every string one character shorter that it contains in order."""
    return {text, *(text[:i] + text[i + 1 :] for i in range(len(text)))}


class Suggester:
    """:func:`did_you_mean` against one set of known values, asked many times.

    Up to :data:`EXHAUSTIVE` known values it answers exactly as
    :func:`did_you_mean`. Over that, the work per question is bounded by the
    length of the value, not by the size of the set: the value is compared
    only with the known values within two single-character edits of it (a
    typo, a letter left out or added, two letters swapped) and with its
    nearest neighbours in sorted order, forwards and read backwards (ids that
    share a beginning or an end with it), then scored as
    :func:`did_you_mean` scores. The indexes are built on the first miss.

    >>> suggest = Suggester(f"objective-{i:05d}" for i in range(10_000))
    >>> suggest("objective-00042x")
    'objective-00042'
    >>> suggest("Objective-00042")
    'objective-00042'
    >>> suggest("objective-00042") is None
    True
    >>> suggest("audience-00042") is None
    True
    """

    def __init__(self, known: Iterable[str]) -> None:
        self._choices = sorted(set(known))
        self._known = frozenset(self._choices)
        self._longest = max(map(len, self._choices), default=0)

    def __call__(self, value: str) -> str | None:
        """The known value closest to *value*, ``None`` if it is known or nothing is close."""
        if value in self._known:
            return None
        if len(self._choices) <= EXHAUSTIVE:
            return _closest(value, self._choices)
        same = self._folded.get(value.casefold())
        if same is not None:
            return same
        import difflib  # only on a miss: importing socialplan stays fast

        matches = difflib.get_close_matches(value, sorted(self._near(value)), n=1, cutoff=0.75)
        return matches[0] if matches else None

    def candidates(self, value: str) -> list[str]:
        """The known values close to *value*, best first, at most two (:func:`close_matches`)."""
        if value in self._known:
            return []
        if len(self._choices) <= EXHAUSTIVE:
            return _candidates(value, self._choices)
        return _candidates(value, sorted(self._near(value) | self._same_case(value)))

    def _same_case(self, value: str) -> set[str]:
        same = self._folded.get(value.casefold())
        return set() if same is None else {same}

    @cached_property
    def _folded(self) -> dict[str, str]:
        """Each known value by its case-folded form; of two, the first in sorted order."""
        folded: dict[str, str] = {}
        for choice in self._choices:
            folded.setdefault(choice.casefold(), choice)
        return folded

    @cached_property
    def _shorter(self) -> dict[str, list[str]]:
        """The known values by each of their :func:`_deletions`."""
        shorter: dict[str, list[str]] = {}
        for choice in self._choices:
            for key in _deletions(choice):
                shorter.setdefault(key, []).append(choice)
        return shorter

    @cached_property
    def _backwards(self) -> list[str]:
        """The known values read backwards, sorted."""
        return sorted(choice[::-1] for choice in self._choices)

    def _near(self, value: str) -> set[str]:
        """The known values worth scoring against *value*: a bounded number of them."""
        import bisect

        near: set[str] = set()
        if len(value) <= self._longest + 1:  # longer, it is no deletion away from any
            for key in _deletions(value):
                near.update(self._shorter.get(key, ()))
        at = bisect.bisect_left(self._choices, value)
        near.update(self._choices[max(at - _NEIGHBOURS, 0) : at + _NEIGHBOURS])
        backwards = value[::-1]
        at = bisect.bisect_left(self._backwards, backwards)
        near.update(c[::-1] for c in self._backwards[max(at - _NEIGHBOURS, 0) : at + _NEIGHBOURS])
        return near

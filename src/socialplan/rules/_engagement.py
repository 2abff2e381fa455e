"""SP5: every channel has rules of engagement; nothing said falls under the policy's ban."""

from __future__ import annotations

from collections.abc import Iterator

from .._core.text import show
from .._core.vocab import ONE_WAY_PLATFORMS, MessageKind, ascii_fold
from .._model import Plan
from ._absence import LIVE, channels_in, grouped, not_started
from ._context import Context
from ._registry import Finding, rule
from ._responsibility import routes_by_channel

#: How soon each kind of message must be answered, most urgent first.
URGENCY = (MessageKind.CRISIS, MessageKind.COMPLAINT, MessageKind.INQUIRY, MessageKind.SUGGESTION)


@rule(
    "SP501",
    "channel-without-engagement",
    "warning",
    summary="A channel with no rules of engagement.",
    why="Seed 004's engagement framework says, per channel, what to answer, how, where and how "
    "often; a channel without one is answered by mood."
    " It is about running channels (no `status`, or `active`); proposed, conditional, "
    "retiring and retired ones are left out, and so are one-way channels, where nobody "
    "writes to us (a newsletter, a podcast, the website: `ONE_WAY_PLATFORMS` in socialplan's "
    "vocabulary). Silent while the plan has no engagement rule at all: SP809 says that once. "
    "Evidence: the corpus of real strategies (tests/realworld/), where a strategist labelled "
    "York's website 'not a conversation channel' and its e-newsletter and Kubernetes' LWKD "
    "digest 'no conversation to set rules for'.",
    fix="Add an `[engagement.<channel>]` table.",
    example='[channels.x]\nplatform = "x"  # no [engagement.x]',
)
def channel_without_engagement(context: Context) -> Iterator[Finding]:
    if not_started(context, "SP501"):
        return  # no engagement rule at all: SP809 says it once
    # Running channels where people write to us: a newsletter or a website has no conversation.
    running = {
        k: c
        for k, c in channels_in(context.plan, LIVE).items()
        if c.platform not in ONE_WAY_PLATFORMS
    }
    yield from grouped(
        (
            (
                f"channels.{key}",
                f'channel "{key}" has no engagement rule',
                f"add [engagement.{key}] with tone and response_time",
            )
            for key in running
            if key not in context.plan.engagement
        ),
        len(running),
        "channels",
        ("has no engagement rule", "have no engagement rule"),
    )


@rule(
    "SP502",
    "engagement-without-response-time",
    "warning",
    summary="An engagement rule that does not say how fast to answer.",
    why="The response time is the promise a channel makes to the people who write to it."
    " The rules of channels that are not running are left out, and so are those of one-way "
    "channels, where nobody writes to us (a newsletter, a podcast, the website: "
    "`ONE_WAY_PLATFORMS` in "
    "socialplan's vocabulary); their replies come through other channels. Evidence: "
    "nonprofit-carpentries' newsletter in the corpus (tests/realworld/), labelled "
    "'nobody answers a newsletter'.",
    fix='Set `response_time` ("2h", "1 day"…).',
    example='[engagement.facebook]\ntone = "warm"',
)
def engagement_without_response_time(context: Context) -> Iterator[Finding]:
    plan = context.plan
    # The rules of running channels: a retired or proposed one answers nobody, nor does a
    # one-way one (a newsletter), where nobody writes to us.
    rules = {
        k: e
        for k, e in plan.engagement.items()
        if k not in plan.channels
        or (plan.channels[k].status in LIVE and plan.channels[k].platform not in ONE_WAY_PLATFORMS)
    }
    yield from grouped(
        (
            (
                f"engagement.{key}.response_time",
                f'the engagement rule of "{key}" sets no response time',
                'set response_time, e.g. "2h"',
            )
            for key, engagement in rules.items()
            if engagement.response_time is None
        ),
        len(rules),
        "engagement rules",
        ("sets no response time", "set no response time"),
    )


@rule(
    "SP503",
    "response-times-against-urgency",
    "error",
    summary="A more urgent kind of message is answered later than a less urgent one.",
    why="A crisis is answered before a complaint, a complaint before an inquiry or a suggestion; "
    "routing that gives a crisis more time than an inquiry contradicts itself.",
    fix="Shorten the `within` of the more urgent route, or lengthen the other.",
    example='[[routing]]\nmessage = "crisis"\nto = "pr"\nwithin = "1 day"\n'
    '[[routing]]\nmessage = "inquiry"\nto = "cm"\nwithin = "2h"',
)
def response_times_against_urgency(context: Context) -> Iterator[Finding]:
    routing = context.plan.routing

    def fastest_of(positions: dict[MessageKind, list[int]]) -> dict[MessageKind, tuple[int, int]]:
        fastest: dict[MessageKind, tuple[int, int]] = {}
        for kind, indexes in positions.items():
            timed = [(routing[i].within.seconds, i) for i in indexes if routing[i].within]  # type: ignore[union-attr]
            if timed:
                fastest[kind] = min(timed)
        return fastest

    everywhere, named = routes_by_channel(context)
    common = fastest_of(everywhere)  # once, not once per channel
    reported: set[tuple[int, int]] = set()
    for positions in named.values():
        fastest = dict(common)
        for kind, quickest in fastest_of(positions).items():
            fastest[kind] = min(quickest, fastest.get(kind, quickest))
        for rank, urgent in enumerate(URGENCY):
            for calmer in URGENCY[rank + 1 :]:
                if urgent not in fastest or calmer not in fastest:
                    continue
                (slow, i), (quick, j) = fastest[urgent], fastest[calmer]
                if urgent is MessageKind.INQUIRY:  # inquiries and suggestions rank alike
                    continue
                if slow > quick and (i, j) not in reported:
                    reported.add((i, j))
                    yield Finding(
                        f"routing[{i}].within",
                        f"a {urgent} is answered within {routing[i].within}, later than a "
                        f"{calmer} (routing[{j}], within {routing[j].within})",
                        f"answer a {urgent} sooner than a {calmer}",
                    )


#: Every ASCII character but lowercase letters and digits, turned into a space (a table of
#: bytes: the folded text is ASCII, and bytes translate much faster than text).
_SPACES = bytes(c if chr(c).islower() or chr(c).isdigit() else 32 for c in range(128)).ljust(
    256, b" "
)


def _words(text: str) -> list[str]:
    """The words of *text*, without case, accents or punctuation.

    >>> _words("¡Política, y más!")
    ['politica', 'y', 'mas']
    """
    return _spaced(text).split()


def _spaced(text: str) -> str:
    """*text* without case or accents, every character but letters and digits a space."""
    return ascii_fold(text).encode("ascii").translate(_SPACES).decode("ascii")


@rule(
    "SP504",
    "off-limits-content",
    "error",
    summary="Content, a calendar entry or an engagement topic falls under an off-limits topic.",
    why="The policy (step 10) says what is off limits; a pillar, a post or a topic of "
    "conversation that goes there contradicts it.",
    fix="Change the content, or revise the policy if the topic is in fact allowed.",
    example='[policy]\noff_limits = ["politics"]\n[[calendar]]\ntitle = "Our view on politics"',
)
def off_limits_content(context: Context) -> Iterator[Finding]:
    plan = context.plan
    if plan.policy is None or not plan.policy.off_limits:
        return
    # A topic is found when its words come one after the other in the text: each text is
    # looked up by its runs of words, so the work does not grow with the number of topics.
    banned: dict[tuple[str, ...], int] = {}
    topics = plan.policy.off_limits
    for position, topic in enumerate(topics):
        banned.setdefault(tuple(_words(topic)), position)
    banned.pop((), None)
    if not banned:
        return
    runs = sorted({len(words) for words in banned})
    # A text that touches a topic holds its first word, between spaces once spaced out: a
    # field's texts are screened together, one search a word, and looked at one by one only
    # when they hold one.
    first_words = sorted({f" {words[0]} " for words in banned})
    for head, tail, texts in _texts(plan):
        spaced = f" {_spaced(' '.join(texts))} "
        if not any(word in spaced for word in first_words):
            continue
        for position, text in enumerate(texts):
            words = _words(text)
            found = [
                banned[run]
                for length in runs
                for start in range(len(words) - length + 1)
                if (run := tuple(words[start : start + length])) in banned
            ]
            if found:  # the first topic of the policy that the text touches
                topic = topics[min(found)]
                yield Finding(
                    head if tail is None else f"{head}[{position}]{tail}",
                    f"{show(text)} touches {show(topic)}, which the policy puts off limits",
                )


def _texts(plan: Plan) -> Iterator[tuple[str, str | None, list[str]]]:
    """The texts the policy applies to, field by field, with where they are.

    Yields (head, tail, texts): the i-th text is at ``{head}[{i}]{tail}``, or at
    *head* when *tail* is None (a field of one text).
    """
    if plan.content is not None:
        for key, pillar in plan.content.pillars.items():
            base = f"content.pillars.{key}"
            yield f"{base}.theme", None, [pillar.theme]
            yield f"{base}.keywords", "", list(pillar.keywords)
            if pillar.description:
                yield f"{base}.description", None, [pillar.description]
        yield "content.keywords", "", list(plan.content.keywords)
        for key, messages in plan.content.messages.items():
            yield f"content.messages.{key}", "", list(messages)
    yield "calendar", ".title", [entry.title for entry in plan.calendar]
    for key, engagement in plan.engagement.items():
        yield f"engagement.{key}.topics", "", list(engagement.topics)

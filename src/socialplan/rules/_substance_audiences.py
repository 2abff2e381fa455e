"""Who decides in a crisis, and whom the plan serves first (issue #18, recall).

Each rule decides from the plan's data alone: a plan that expects crises (in a scenario, a
content pillar, an objective, a tactic or a channel's purpose, in English or Spanish) and
names nobody to decide in one; a plan with many audiences and none marked as coming first.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping

from .._core.placeholders import is_placeholder
from .._core.vocab import MessageKind
from .._model import Audience, Plan
from ._absence import LIVE, NOT_RETIRED, channels_in
from ._context import Context
from ._registry import Finding, rule
from ._substance_channels import _folded, _same_text

#: Words for a crisis, compared on :func:`_same_text` (case and accents aside): English,
#: Spanish and Catalan. "emergenc" alone would take "emergence"; "incidencia" is any issue.
_CRISIS = re.compile(r"\b(?:crisis|crises|crisi|emergenc(?:y|ies|ia|ias)|incidents?|incidentes?)\b")


def _may_say_crisis(text: str) -> bool:
    """False when no word of *text* can be one of :data:`_CRISIS` (a screen: a word that is
    one, folded, leaves its stem in the whole text folded, since folding goes a character at
    a time and a word's characters stand together)."""
    folded = text.lower() if text.isascii() else _folded(text)
    return "cris" in folded or "emergenc" in folded or "incident" in folded


def _crisis_word(*texts: str | None) -> str | None:
    """The first word about a crisis in *texts*, as the plan writes it, or None."""
    for text in texts:
        if text and _may_say_crisis(text) and not is_placeholder(text):
            words: list[str] = re.findall(r"[^\W_]+", text)
            for word in words:
                if _CRISIS.fullmatch(_same_text(word)):
                    return word
    return None


def _about_crises(*texts: str | None) -> bool:
    return _crisis_word(*texts) is not None


def _expecting_crises(plan: Plan) -> list[str]:
    """The parts of *plan* that expect crises, as words ('scenario "fire" (says "emergency")'),
    in file order: the part and the word in it that a reader finds in the file."""
    parts: list[tuple[str, str, tuple[str | None, ...]]] = [
        *(
            ("objective", key, (o.title, o.kind, o.description))
            for key, o in plan.objectives.items()
        ),
        *(("channel", key, (c.purpose,)) for key, c in channels_in(plan, NOT_RETIRED).items()),
        *(
            ("content pillar", key, (p.theme, p.description))
            for key, p in (plan.content.pillars.items() if plan.content is not None else ())
        ),
        *(("tactic", key, (t.title, t.description)) for key, t in plan.tactics.items()),
        *(
            ("scenario", key, (s.name, s.trigger, s.description))
            for key, s in plan.scenarios.items()
        ),
    ]
    found: list[str] = []
    for kind, key, texts in parts:
        word = _crisis_word(*texts)
        if word is not None:
            found.append(f'{kind} "{key}" (says "{word}")')
    return found


def _crisis_authority(plan: Plan) -> bool:
    """Whether *plan* names someone to decide in a crisis: a route for crisis messages, or a
    role whose title or a duty is about crises."""
    if any(r.message is MessageKind.CRISIS and not is_placeholder(r.to) for r in plan.routing):
        return True
    return any(
        _about_crises(role.title) or any(_about_crises(duty) for duty in role.duties)
        for role in plan.roles.values()
    )


@rule(
    "SP413",
    "crisis-without-authority",
    "warning",
    summary="The plan expects crises and names nobody to decide or approve what is said in one.",
    why="Seed 003 (B) plans for failure with a plan B and C, and seed 004 routes crises to a "
    "team: in a crisis the question is not only who answers the messages (SP403) but who "
    "decides what the organisation says, and who approves it, at any hour. A plan that "
    "names emergencies as a topic, a pillar or a scenario and gives nobody that authority "
    "leaves it to whoever is on the account. Seen in the corpus: regional-gov-generalitat-es "
    "makes emergencies a reason to post more and names nobody to decide or approve, and "
    "university-csbsju makes emergencies a broadcast topic with no crisis authority.",
    fix="Give one role the duty to decide and approve what is posted in a crisis (its "
    "`duties`, or a role for it, such as a crisis cell), and route `crisis` messages to it "
    'with a `[[routing]]` rule (`message = "crisis"`).',
    example='[content.pillars.alerts]\ntheme = "Emergencies"  # and no role decides in one',
)
def crisis_without_authority(context: Context) -> Iterator[Finding]:
    plan = context.plan
    if not channels_in(plan, LIVE):
        return
    expecting = _expecting_crises(plan)
    if expecting and not _crisis_authority(plan):
        yield Finding(
            "roles",
            f"the plan expects crises ({', '.join(expecting)}), but names nobody to decide or "
            "approve what is said in one: no role has a crisis or emergency duty and no "
            "routing rule takes crisis messages",
            "give a role the duty to decide and approve what is posted in a crisis, "
            "and route crisis messages to it",
        )


#: From this many audiences on, a plan that ranks none spreads one voice over all of them.
_MANY_AUDIENCES = 5


def _ranked_by_channels(plan: Plan, audiences: Mapping[str, Audience]) -> bool:
    """Whether the plan's channel ranking ranks *audiences*: every audience is on a channel,
    each one a running channel reaches is on a ranked running channel, and their best
    ranks are not all the same (an audience only on a channel not running yet waits)."""
    live = channels_in(plan, LIVE)
    best: dict[str, int | None] = {}
    for key, audience in audiences.items():
        on = {c for c, ch in plan.channels.items() if key in ch.audiences}
        on |= {c for c in audience.channels if c in plan.channels}
        if not on:
            return False
        running = [live[c].priority for c in on if c in live]
        if running:
            ranks = [r for r in running if r is not None]
            best[key] = min(ranks) if ranks else None
    return bool(best) and None not in best.values() and len(set(best.values())) > 1


@rule(
    "SP313",
    "audiences-without-priority",
    "warning",
    summary="Five or more audiences, and none comes first.",
    why="Seed 001 asks who the targets are and seed 003 (F) to make a difference only where "
    "the plan can, leaving the rest: with many audiences and no priority, every post, "
    "channel and budget line is shared among all of them, and the ones who matter most "
    "(the clients who buy, the people a public body must reach) get no more than anyone. Up "
    "to four audiences can each get their own messages; from five on, the corpus plans that "
    "rank none spread one voice over all. Seen in the corpus: smallbiz-hanno lists twelve "
    "kinds of reader and does not single out its clients; university-csbsju names its "
    "primary audience and is silent.",
    fix='Mark the audience or two that matter most with `priority = "primary"` (and the rest '
    '`"secondary"`), and aim the objectives and channels at them first. '
    "A plan that ranks its channels (`channels.*.priority`) and whose audiences are "
    "the followers of ranked channels of different ranks has said whom it serves first: "
    "company-gitlab, whose audiences are each platform's followers, is silent.",
    example='[audiences.clients]\nname = "Clients"  # and four more, none with a priority',
)
def audiences_without_priority(context: Context) -> Iterator[Finding]:
    written = {k: a for k, a in context.plan.audiences.items() if not context.placeholder(a)}
    if (
        len(written) >= _MANY_AUDIENCES
        and all(a.priority is None for a in written.values())
        and not _ranked_by_channels(context.plan, written)
    ):
        yield Finding(
            "audiences",
            f"{len(written)} audiences and none has a priority: nothing says whom the plan "
            "serves first when time, budget or a post's message has to choose",
            'mark the one or two that matter most with priority = "primary"',
        )

"""SP9: a decision the plan puts off until something happens that nobody will make happen.

A plan may say that part of it holds only for now ("provisional until the channel mapping",
"until owners are found"). That is honest, and it is a weakness when nobody is charged with
the thing awaited and no date says when it is looked at again: what waits on it waits for
good (issue #18, recall, third round).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .._core.text import show
from ._context import Context
from ._registry import Finding, rule
from ._substance_channels import _same_text

#: Words that make a text hold only until something else happens.
_FOR_NOW = re.compile(
    r"\b(?:provisional|provisionally|interim|for the time being|for now|until|till|pending"
    r"|hasta que|mientras no|de momento|por ahora|pendiente de|provisionalmente)\b"
)
#: A date or a number: "until 2026-06-30", "until week 3" is a time limit, not a wait.
_DATED = re.compile(r"\d")


def _waits(text: str | None) -> str | None:
    """The clause of *text* that makes it hold only until something happens, with no date
    to it ("the posting guide is provisional until then"), or None."""
    if text is None or _DATED.search(text):
        return None
    for sentence in re.split(r"(?<=[.;:])\s+", text):
        for clause in reversed(sentence.split(",")):
            if _FOR_NOW.search(_same_text(clause)):
                return clause.strip().rstrip(".;:")
    return None


@rule(
    "SP904",
    "waits-on-nobody",
    "warning",
    summary="Part of the plan holds only until something happens, with nobody to make it "
    "happen and no date.",
    why="Seed 003 asks every action of the plan to have someone responsible and a date. A "
    "tactic or a policy line that holds 'until' an exercise is done or people are found is "
    "an honest interim, but with no owner and no date nobody brings the awaited thing "
    "about, and what waits on it stays provisional for good. Seen in the corpus: "
    "council-york's posting guide is provisional until a channel mapping that no one is "
    "charged with; opensource-kubernetes keeps enhancement proposals off its channels "
    "until owners who can approve them are found.",
    fix="Charge someone with what the plan waits for, with a date (a tactic with an `owner` "
    "and `starts`/`ends`), or decide now and drop the 'until'.",
    example='[tactics.mapping]\ntitle = "Map the channels"\n'
    'description = "The posting guide is provisional until then."',
)
def waits_on_nobody(context: Context) -> Iterator[Finding]:
    plan = context.plan
    for key, tactic in plan.tactics.items():
        if context.placeholder(tactic) or tactic.owner or tactic.starts or tactic.ends:
            continue
        for field in ("title", "description"):
            clause = _waits(getattr(tactic, field))
            if clause is not None:
                yield Finding(
                    f"tactics.{key}.{field}",
                    f'tactic "{key}" says part of the plan holds only until something '
                    f"happens ({show(clause)}), with nobody to make it happen and no date",
                    "give the tactic an owner and a date, or decide now",
                )
                break
    policy = plan.policy
    if policy is None:
        return
    for field in ("acceptable", "off_limits", "confidential"):
        for index, text in enumerate(getattr(policy, field)):
            clause = _waits(text)
            if clause is not None:
                yield Finding(
                    f"policy.{field}[{index}]",
                    f"the policy holds a line only until something happens ({show(clause)}), "
                    "with nobody to make it happen and no date",
                    "charge someone with it, with a date (a tactic with an owner), or decide now",
                )

"""Rules about who decides in a crisis and whom the plan serves first (issue #18, recall):
crises expected with nobody named to decide in one, many audiences with no priority.

The table of every rule (tests/test_rules.py) has the main case of each; these draw its edges.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import socialplan
from helpers import paths, plan_of


def message(body: str, code: str) -> str:
    (diagnostic,) = socialplan.validate(plan_of(body), select=[code])
    return diagnostic.message


# --- SP413: crises expected, and nobody named to decide in one ------------------------------

CHANNEL = '[channels.x]\nplatform = "x"\n'


@pytest.mark.parametrize(
    "expects",
    [
        '[content.pillars.alerts]\ntheme = "Incidents and emergencies"\n',
        '[content.pillars.alertas]\ntheme = "Comunicación de crisis"\n',
        '[scenarios.fire]\nname = "Fire"\ntrigger = "An emergency such as a fire"\n',
        '[scenarios.incendio]\nname = "Incendio"\ntrigger = "Una emergencia, como un incendio"\n',
        '[objectives.warn]\ntitle = "Warn the public in emergencies"\n',
        '[tactics.broadcast]\ntitle = "Broadcast"\ndescription = "Events, emergencies, news"\n',
        '[channels.y]\nplatform = "y"\npurpose = "Informar de la agenda y las emergencias"\n',
    ],
)
def test_sp413_reads_crises_expected_in_each_part_and_either_language(expects: str) -> None:
    assert ["roles"] == paths(CHANNEL + expects, "SP413")


def test_sp413_is_silent_when_the_plan_expects_no_crisis() -> None:
    body = CHANNEL + '[content.pillars.news]\ntheme = "News of the emerging scene"\n'
    assert [] == paths(body, "SP413")


def test_sp413_is_silent_without_running_channels() -> None:
    body = (
        '[channels.x]\nplatform = "x"\nstatus = "proposed"\n'
        '[content.pillars.alerts]\ntheme = "Emergencies"\n'
    )
    assert [] == paths(body, "SP413")


def test_sp413_accepts_a_role_with_a_crisis_duty() -> None:
    body = (
        CHANNEL
        + '[content.pillars.alerts]\ntheme = "Emergencies"\n'
        + '[roles.command]\ntitle = "Emergency command"\n'
        + 'duties = ["decide when the account posts during an emergency"]\n'
    )
    assert [] == paths(body, "SP413")


def test_sp413_accepts_a_role_whose_title_is_the_crisis_authority() -> None:
    body = (
        CHANNEL
        + '[content.pillars.alerts]\ntheme = "Emergencies"\n'
        + '[roles.cell]\ntitle = "Célula de crisis"\n'
    )
    assert [] == paths(body, "SP413")


def test_sp413_accepts_a_route_for_crisis_messages() -> None:
    body = (
        CHANNEL
        + '[content.pillars.alerts]\ntheme = "Emergencies"\n'
        + '[roles.lead]\ntitle = "Communications lead"\n'
        + '[[routing]]\nmessage = "crisis"\nto = "lead"\n'
    )
    assert [] == paths(body, "SP413")


def test_sp413_does_not_count_a_placeholder_duty_as_the_authority() -> None:
    body = (
        CHANNEL
        + '[content.pillars.alerts]\ntheme = "Emergencies"\n'
        + '[roles.lead]\ntitle = "Communications lead"\nduties = ["TBD: crisis role"]\n'
    )
    assert ["roles"] == paths(body, "SP413")


def test_sp413_names_what_expects_crises_and_says_it_is_about_who_decides() -> None:
    body = (
        CHANNEL
        + '[content.pillars.alerts]\ntheme = "Emergencies"\n'
        + '[scenarios.fire]\nname = "Fire"\n'
    )
    body += '[scenarios.storm]\nname = "Storm"\ntrigger = "A weather emergency"\n'
    expected = (
        'the plan expects crises (content pillar "alerts" (says "Emergencies"), scenario '
        '"storm" (says "emergency")), but names '
        "nobody to decide or approve what is said in one: no role has a crisis or emergency "
        "duty and no routing rule takes crisis messages"
    )
    assert expected == message(body, "SP413")


# --- SP313: many audiences and none comes first ----------------------------------------------


def audiences(count: int, extra: str = "") -> str:
    return "".join(f'[audiences.a{i}]\nname = "Group {i}"\n{extra}' for i in range(count))


def test_sp313_reports_five_audiences_with_no_priority() -> None:
    assert ["audiences"] == paths(audiences(5), "SP313")


def test_sp313_is_silent_on_four_audiences() -> None:
    assert [] == paths(audiences(4), "SP313")


def test_sp313_is_silent_when_one_audience_comes_first() -> None:
    body = audiences(5) + '[audiences.clients]\nname = "Clients"\npriority = "primary"\n'
    assert [] == paths(body, "SP313")


def test_sp313_does_not_count_placeholder_audiences() -> None:
    body = audiences(4) + '[audiences.later]\nname = "TBD"\n'
    assert [] == paths(body, "SP313")


def test_sp313_says_how_many_audiences_share_the_plan() -> None:
    expected = (
        "6 audiences and none has a priority: nothing says whom the plan serves first when "
        "time, budget or a post's message has to choose"
    )
    assert expected == message(audiences(6), "SP313")


@settings(max_examples=40, deadline=None)
@given(
    count=st.integers(min_value=0, max_value=9),
    ranked=st.lists(st.sampled_from(["primary", "secondary"]), max_size=3),
)
def test_sp313_fires_exactly_from_five_audiences_when_none_is_ranked(
    count: int, ranked: list[str]
) -> None:
    body = audiences(count) + "".join(
        f'[audiences.r{i}]\nname = "Ranked {i}"\npriority = "{p}"\n' for i, p in enumerate(ranked)
    )
    expected = ["audiences"] if count >= 5 and not ranked else []
    assert expected == paths(body, "SP313")


def ranked_platform_audiences(ranks: list[int | None]) -> str:
    """Five audiences, each the followers of one running channel of the given rank."""
    body = ""
    for i, rank in enumerate(ranks):
        body += f'[channels.c{i}]\nplatform = "x"\naudiences = ["a{i}"]\n'
        body += f"priority = {rank}\n" if rank is not None else ""
    return audiences(len(ranks)) + body


def test_sp313_is_silent_when_ranked_channels_rank_the_audiences() -> None:
    assert [] == paths(ranked_platform_audiences([1, 2, 3, 4, 5]), "SP313")


def test_sp313_reports_audiences_all_on_one_ranked_channel() -> None:
    body = audiences(5) + '[channels.x]\nplatform = "x"\npriority = 1\n'
    body += 'audiences = ["a0", "a1", "a2", "a3", "a4"]\n'
    assert ["audiences"] == paths(body, "SP313")


def test_sp313_reports_an_audience_on_an_unranked_running_channel() -> None:
    assert ["audiences"] == paths(ranked_platform_audiences([1, 2, 3, 4, None]), "SP313")


def test_sp313_is_default_on() -> None:
    assert ["SP313"] == [
        d.code for d in socialplan.validate(plan_of(audiences(5))) if d.code == "SP313"
    ]


# The crisis words are screened in the whole text before its words are folded one by one
# (issue #21, validation speed): the screen must never hide a word the walk would find.
_CRISIS_PIECES = st.sampled_from(
    [
        "crisis", "CRISES", "Crisi", "emergency", "EMERGENCIES", "emergència", "Emergéncias",
        "incident", "Incidentes", "ｃｒｉｓｉｓ", "ＥＭＥＲＧＥＮＣＹ", "crísis", "i\u0301ncident",
        "emergence", "incidencia", "_", " ", "-", "my", "TODO", "ſ", "İ", "ß", "ﬁ", "½", "\u0301",
    ]
)  # fmt: skip


def _crisis_word_walked(text: str) -> str | None:
    """The first crisis word of *text*, as SP413 defines it, every word folded."""
    import re

    from socialplan._core.placeholders import is_placeholder
    from socialplan.rules._substance_audiences import _CRISIS
    from socialplan.rules._substance_channels import _same_text

    if not text or is_placeholder(text):
        return None
    return next((w for w in re.findall(r"[^\W_]+", text) if _CRISIS.fullmatch(_same_text(w))), None)


@given(st.lists(st.one_of(_CRISIS_PIECES, st.text(max_size=3)), max_size=6).map("".join))
def test_the_crisis_screen_hides_no_crisis_word(text: str) -> None:
    from socialplan.rules._substance_audiences import _crisis_word

    assert _crisis_word_walked(text) == _crisis_word(text)

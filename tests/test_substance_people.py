"""Channels left undecided and people the plan leans on too hard (issue #18): SP310, SP410,
SP411 and SP412.

Each rule: a plan that triggers it and near plans that do not; the table of every rule
(tests/test_rules.py) has the main case, these are the cases that draw its edges.
"""

from __future__ import annotations

import pytest

from helpers import findings_of as found
from helpers import paths

# --- SP310: a channel in limbo -----------------------------------------------------------

PODCAST = '[channels.podcast]\nplatform = "podcast"\nstatus = "proposed"\n'


def test_a_proposed_channel_with_no_date_and_no_owner_is_in_limbo() -> None:
    expected = [
        (
            "channels.podcast.status",
            'channel "podcast" is proposed with nothing that decides it: no date it opens, '
            "no launch gate about it, and nobody owns the decision",
        )
    ]
    assert expected == found(PODCAST, "SP310")


@pytest.mark.parametrize(
    "decides",
    [
        '[tactics.pilot]\ntitle = "Pilot episodes"\nchannels = ["podcast"]\nstarts = 2027-03-01\n',
        '[[calendar]]\ndate = 2027-03-01\nchannel = "podcast"\ntitle = "First episode"\n',
        '[[launch.gates]]\ncondition = "Two hosts for the Podcast are found"\n',
    ],
    ids=["dated-tactic", "calendar-entry", "launch-gate"],
)
def test_a_proposed_channel_with_a_date_or_a_gate_is_decided(decides: str) -> None:
    assert [] == paths(PODCAST + decides, "SP310")


def test_an_undated_tactic_does_not_decide_a_channel() -> None:
    tactic = '[tactics.pilot]\ntitle = "Pilot episodes"\nchannels = ["podcast"]\n'
    assert ["channels.podcast.status"] == paths(PODCAST + tactic, "SP310")


def test_a_conditional_channel_with_its_condition_written_is_decided() -> None:
    body = PODCAST.replace("proposed", "conditional") + 'status_note = "Only if a host is found"\n'
    assert [] == paths(body, "SP310")


def test_a_conditional_channel_whose_condition_is_a_placeholder_is_in_limbo() -> None:
    body = PODCAST.replace("proposed", "conditional") + 'status_note = "TBD"\n'
    assert ["channels.podcast.status"] == paths(body, "SP310")


def test_a_retiring_channel_with_the_date_it_winds_down_from_is_decided() -> None:
    body = PODCAST.replace("proposed", "retiring") + "status_since = 2027-01-31\n"
    assert [] == paths(body, "SP310")


@pytest.mark.parametrize("status", ["active", "retired"])
def test_a_running_or_retired_channel_is_never_in_limbo(status: str) -> None:
    assert [] == paths(PODCAST.replace("proposed", status), "SP310")


# --- SP410: four eyes with one pair ------------------------------------------------------

FOUR_EYES = """
[roles.cm]
title = "Community manager"
people = ["Ana"]
[channels.x]
platform = "x"
owner = "cm"
[approval]
approver = "cm"
four_eyes = true
"""


def test_the_only_approver_running_a_channel_alone_is_found() -> None:
    expected = [
        (
            "approval.four_eyes",
            'four eyes says nobody approves their own post, but "Ana" is the only one who '
            'approves (role "cm") and alone runs 1 channel: x; nobody else can approve those '
            "posts",
        )
    ]
    assert expected == found(FOUR_EYES, "SP410")


def test_without_four_eyes_the_approver_may_approve_their_own_posts() -> None:
    assert [] == paths(FOUR_EYES.replace("four_eyes = true", "four_eyes = false"), "SP410")


def test_a_channel_run_by_someone_else_has_its_second_pair_of_eyes() -> None:
    body = FOUR_EYES.replace('owner = "cm"', 'owner = "writers"')
    body += '[roles.writers]\ntitle = "Writers"\npeople = ["Luis"]\n'
    assert [] == paths(body, "SP410")


def test_a_raci_that_makes_another_person_accountable_signs_the_posts_off() -> None:
    body = FOUR_EYES + '[roles.boss]\ntitle = "Manager"\npeople = ["Javier"]\n'
    body += '[raci.channels.x]\nresponsible = ["cm"]\naccountable = ["boss"]\n'
    assert [] == paths(body, "SP410")


# --- SP411: an approval that exempts most channels ---------------------------------------

EXEMPT = """
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
exempt = [{exempt}]
"""


def test_exempting_social_media_posts_leaves_most_channels_unapproved() -> None:
    expected = [
        (
            "approval.exempt",
            "the approval exempts 'social media posts': 2 of 3 running channels post with "
            "nobody approving: x, linkedin",
        )
    ]
    assert expected == found(EXEMPT.format(exempt='"social media posts"'), "SP411")


def test_exemptions_that_name_channels_add_up() -> None:
    body = EXEMPT.format(exempt='"tweets", "LinkedIn updates"')
    expected = [
        (
            "approval.exempt",
            "the approval exempts 'tweets', 'LinkedIn updates': 2 of 3 running channels post "
            "with nobody approving: x, linkedin",
        )
    ]
    assert expected == found(body, "SP411")


@pytest.mark.parametrize(
    "exempt",
    ['"replies to comments"', '"emergency alerts"', '"replies to comments on X and LinkedIn"'],
)
def test_exempting_a_kind_of_post_is_not_exempting_channels(exempt: str) -> None:
    assert [] == paths(EXEMPT.format(exempt=exempt), "SP411")


def test_exempting_one_channel_of_three_is_not_most_of_them() -> None:
    assert [] == paths(EXEMPT.format(exempt='"LinkedIn"'), "SP411")


# --- SP412: one person in several roles the plan relies on --------------------------------

TWO_ROLES = """
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
[approval]
approver = "cm"
"""


def test_one_person_alone_in_one_relied_on_role_and_in_another_is_found() -> None:
    expected = [
        (
            "roles.cm.people",
            '"Ana" holds 2 roles the plan relies on and is the only one in "cm": "lead" takes '
            'escalations; "cm" approves posts, runs 1 channel',
        )
    ]
    assert expected == found(TWO_ROLES, "SP412")


def test_a_second_person_who_can_act_in_the_role_is_a_backup() -> None:
    body = TWO_ROLES.replace('people = ["Ana"]', 'people = ["Ana", "Marta"]')
    assert [] == paths(body, "SP412")


def test_a_shadow_is_not_a_second_person_who_can_act() -> None:
    body = TWO_ROLES.replace('people = ["Ana"]', 'people = ["Ana", "Marta (shadow)"]')
    assert ["roles.cm.people"] == paths(body, "SP412")


def test_a_second_role_the_plan_does_not_rely_on_is_no_load() -> None:
    body = TWO_ROLES.replace('escalate_to = "lead"\n', "")
    assert [] == paths(body, "SP412")


def test_where_one_person_runs_every_channel_sp408_says_it_alone() -> None:
    body = TWO_ROLES + "".join(
        f'[channels.{c}]\nplatform = "{c}"\nowner = "cm"\n' for c in ("facebook", "instagram")
    )
    assert (["roles.cm"], []) == (paths(body, "SP408"), paths(body, "SP412"))

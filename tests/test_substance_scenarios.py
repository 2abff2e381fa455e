"""Plan B and plan C that cannot be carried out as written (issue #18, recall, third round):
accounts closed on a judgement nobody can measure, a pause of every post with no way back,
and what the plan waits for with nobody to bring it about."""

from __future__ import annotations

import pytest

import socialplan
from helpers import paths, plan_of

# --- SP610 -----------------------------------------------------------------------------------

WEAK = (
    '[scenarios.weak]\nname = "Weak account"\n'
    'trigger = "The central team judges its activity could be better"\n'
    'actions = ["meet the account\'s managers", "if it seems right, close the account"]\n'
)


def test_sp610_reports_accounts_closed_on_a_judgement() -> None:
    assert ["scenarios.weak.actions[1]"] == paths(WEAK, "SP610")


def test_sp610_quotes_the_judgement_it_rests_on() -> None:
    (finding,) = socialplan.validate(plan_of(WEAK), select=["SP610"])
    assert (
        'scenario "weak" closes accounts on a judgement ("The central team judges its '
        'activity could be better"): no metric and no threshold say when, so it is applied '
        "arbitrarily or never"
    ) == finding.message


def test_sp610_reads_spanish() -> None:
    body = (
        '[scenarios.mejorable]\nname = "Cuenta mejorable"\n'
        'trigger = "La unidad considera mejorable la cuenta"\n'
        'actions = ["si se cree adecuado, cerrar la cuenta"]\n'
    )
    assert ["scenarios.mejorable.actions[0]"] == paths(body, "SP610")


def test_sp610_is_silent_with_a_threshold_in_the_trigger() -> None:
    body = WEAK.replace("judges its activity could be better", "sees no post in 3 months")
    assert [] == paths(body, "SP610")


def test_sp610_is_silent_with_a_condition_on_a_metric() -> None:
    body = WEAK + (
        '[[scenarios.weak.when]]\nmetric = "posts"\nbelow = 4\n'
        '[metrics.posts]\nname = "Posts a month"\n'
    )
    assert [] == paths(body, "SP610")


def test_sp610_is_silent_on_a_scenario_that_stops_posting_and_keeps_the_accounts() -> None:
    body = (
        '[scenarios.leave]\nname = "Leave X"\ntrigger = "X no longer fits our values"\n'
        'actions = ["stop posting on X", "keep the account, undeleted, against impersonation"]\n'
    )
    assert [] == paths(body, "SP610")


# --- SP904 -----------------------------------------------------------------------------------

MAPPING = (
    '[tactics.mapping]\ntitle = "Map the channels"\n'
    'description = "Posting times follow what monitoring shows, so the guide is provisional '
    'until then."\n'
)


def test_sp904_reports_a_tactic_that_holds_until_nobody_does_something() -> None:
    (finding,) = socialplan.validate(plan_of(MAPPING), select=["SP904"])
    expected = (
        "tactics.mapping.description",
        'tactic "mapping" says part of the plan holds only until something happens ("so the '
        'guide is provisional until then"), with nobody to make it happen and no date',
    )
    assert expected == (finding.path, finding.message)


def test_sp904_reports_a_policy_line_that_waits_in_spanish() -> None:
    body = '[policy]\noff_limits = ["los proyectos, hasta que haya quien los apruebe"]\n'
    assert ["policy.off_limits[0]"] == paths(body, "SP904")


@pytest.mark.parametrize(
    "extra", ['owner = "cm"\n[roles.cm]\ntitle = "CM"\n', "ends = 2027-03-31\n"]
)
def test_sp904_is_silent_on_a_tactic_someone_carries_or_dates(extra: str) -> None:
    assert [] == paths(MAPPING + extra, "SP904")


def test_sp904_is_silent_on_a_dated_limit() -> None:
    body = '[policy]\noff_limits = ["the new logo, until the launch on 2027-03-01"]\n'
    assert [] == paths(body, "SP904")


# --- SP612 -----------------------------------------------------------------------------------

DARK = (
    '[scenarios.dark]\nname = "Going dark"\ntrigger = "A tragedy in the news"\n'
    'actions = ["tell stakeholders", "pause every post on the brand channels"]\n'
)


def test_sp612_reports_a_pause_of_every_post_with_no_way_back() -> None:
    assert ["scenarios.dark.actions[1]"] == paths(DARK, "SP612")


def test_sp612_is_silent_when_the_scenario_says_what_ends_it() -> None:
    body = DARK.replace('brand channels"]', 'brand channels", "resume when the lead says so"]')
    assert [] == paths(body, "SP612")


def test_sp612_is_silent_on_a_pause_of_some_posts() -> None:
    body = DARK.replace("pause every post", "pause the scheduled promotions")
    assert [] == paths(body, "SP612")


def test_sp612_reads_spanish() -> None:
    body = (
        '[scenarios.luto]\nname = "Luto oficial"\n'
        'actions = ["detener todas las publicaciones programadas"]\n'
    )
    assert ["scenarios.luto.actions[0]"] == paths(body, "SP612")

"""Rules a plan writes and nobody keeps (issue #18, recall, second round): account
governance with no gatekeeper, moderation with nobody to do it, running channels neither
measured nor run by rules, the first channel with no posting rhythm."""

from __future__ import annotations

import socialplan
from helpers import paths, plan_of

REQUIRES = '[governance]\nrequires = ["a goal", "two people to run it"]\n'


def codes(body: str, code: str) -> list[str]:
    return [d.code for d in socialplan.validate(plan_of(body)) if d.code == code]


# --- SP414 -----------------------------------------------------------------------------------


def test_sp414_reports_requirements_with_no_approver_and_no_closure() -> None:
    assert ["governance"] == paths(REQUIRES, "SP414")


def test_sp414_is_silent_with_an_approver_and_a_closure() -> None:
    body = REQUIRES + 'approver = "comms"\nclosure = ["no post for six months"]\n'
    body += '[roles.comms]\ntitle = "Comms"\n'
    assert [] == paths(body, "SP414")


def test_sp414_says_what_is_missing() -> None:
    body = REQUIRES + 'closure = ["no post for six months"]\n'
    (d,) = socialplan.validate(plan_of(body), select=["SP414"])
    expected = "a new account must have 2 things, but nobody approves a new account (no `approver`)"
    assert expected == d.message


def test_sp414_is_silent_without_requirements() -> None:
    assert [] == paths('[governance]\nclosure = ["unused"]\n', "SP414")


def test_sp414_is_default_on() -> None:
    assert ["SP414"] == codes(REQUIRES, "SP414")


# --- SP415 -----------------------------------------------------------------------------------

MODERATED = '[moderation]\n[[moderation.rules]]\nwhen = "Spam"\naction = "delete"\n'


def test_sp415_reports_moderation_with_nobody_and_no_time() -> None:
    assert ["moderation"] == paths(MODERATED, "SP415")


def test_sp415_is_silent_with_a_moderating_role_and_a_time() -> None:
    body = MODERATED + '[roles.cm]\ntitle = "CM"\nduties = ["moderate the comments"]\n'
    body += '[[routing]]\nmessage = "complaint"\nto = "cm"\nwithin = "24h"\n'
    assert [] == paths(body, "SP415")


def test_sp415_reports_a_moderator_with_no_time() -> None:
    body = MODERATED + '[roles.cm]\ntitle = "CM"\nduties = ["moderar los comentarios"]\n'
    (d,) = socialplan.validate(plan_of(body), select=["SP415"])
    assert "visitors' posts are moderated (1 moderation rule), but no time is set for it" == (
        d.message
    )


def test_sp415_is_silent_without_moderation() -> None:
    assert [] == paths('[channels.x]\nplatform = "x"\n', "SP415")


# --- SP712 -----------------------------------------------------------------------------------

MEASURED = (
    '[channels.news]\nplatform = "newsletter"\n[channels.masto]\nplatform = "mastodon"\n'
    '[channels.site]\nplatform = "website"\n'
    '[metrics.opens]\nname = "Opens"\nchannels = ["news"]\n'
)


def test_sp712_reports_a_channel_neither_measured_nor_run() -> None:
    assert ["channels.masto"] == paths(MEASURED, "SP712")


def test_sp712_is_silent_on_a_channel_with_rules_of_engagement() -> None:
    body = MEASURED + '[engagement.masto]\nresponse_time = "2h"\n'
    assert [] == paths(body, "SP712")


def test_sp712_is_silent_on_a_channel_a_tactic_runs() -> None:
    body = MEASURED + '[tactics.t]\ntitle = "Welcome each new member"\nchannels = ["masto"]\n'
    assert [] == paths(body, "SP712")


def test_sp712_is_silent_on_a_channel_an_objective_target_counts() -> None:
    body = MEASURED + (
        '[objectives.o]\ntitle = "Reach 100 Mastodon followers"\n'
        '[objectives.o.target]\nvalue = 100\nunit = "followers"\n'
    )
    assert [] == paths(body, "SP712")


def test_sp712_still_reports_a_channel_an_untargeted_objective_names() -> None:
    body = MEASURED + '[objectives.o]\ntitle = "Be present on Mastodon"\n'
    assert ["channels.masto"] == paths(body, "SP712")


def test_sp712_is_silent_when_no_metric_names_a_channel() -> None:
    body = '[channels.masto]\nplatform = "mastodon"\n[metrics.m]\nname = "Reach"\n'
    assert [] == paths(body, "SP712")


def test_sp712_leaves_unranked_channels_out_when_the_plan_ranks_them() -> None:
    body = MEASURED.replace('platform = "newsletter"\n', 'platform = "newsletter"\npriority = 1\n')
    assert [] == paths(body, "SP712")


def test_sp712_leaves_retired_channels_out() -> None:
    body = MEASURED.replace('"mastodon"\n', '"mastodon"\nstatus = "retired"\n')
    assert [] == paths(body, "SP712")


# --- SP507 -----------------------------------------------------------------------------------

RANKED = (
    '[channels.tw]\nplatform = "twitter"\npriority = 1\n'
    '[channels.li]\nplatform = "linkedin"\npriority = 2\n'
    '[channels.blog]\nplatform = "blog"\n'
    '[engagement.blog]\nposting_frequency = "2 per week"\n'
)


def test_sp507_reports_the_first_channel_with_no_rhythm() -> None:
    assert ["channels.tw"] == paths(RANKED, "SP507")


def test_sp507_is_silent_when_the_first_channel_has_a_rhythm() -> None:
    body = RANKED + '[engagement.tw]\nposting_frequency = "daily"\n'
    assert [] == paths(body, "SP507")


def test_sp507_is_silent_when_no_channel_has_a_rhythm() -> None:
    body = RANKED.replace('posting_frequency = "2 per week"', 'tone = "warm"')
    assert [] == paths(body, "SP507")


def test_sp507_is_silent_when_the_plan_ranks_no_channel() -> None:
    assert [] == paths(RANKED.replace("priority = 1\n", "").replace("priority = 2\n", ""), "SP507")

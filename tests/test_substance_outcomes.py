"""What being seen and leaving a channel should lead to (issue #18, recall, third round):
objectives all about being seen, a channel exit nobody measures, many accounts with no
process that opens or closes them."""

from __future__ import annotations

import socialplan
from helpers import findings_of, paths, plan_of


def codes(body: str, code: str) -> list[str]:
    return [d.code for d in socialplan.validate(plan_of(body)) if d.code == code]


# --- SP219 -----------------------------------------------------------------------------------

SEEN = (
    '[objectives.reach]\ntitle = "Be seen"\nstage = "awareness"\nmeasure = "qualitative"\n'
    '[objectives.campaigns]\ntitle = "Campaigns seen"\nkind = "visibilidad"\n'
    'measure = "qualitative"\n'
)


def test_sp219_reports_objectives_all_about_being_seen() -> None:
    assert ["objectives"] == paths(SEEN, "SP219")


def test_sp219_names_the_objectives() -> None:
    expected = [
        (
            "objectives",
            "all 2 objectives are about being seen (reach, campaigns): none says what people "
            "should do after seeing (interest, action, loyalty)",
        )
    ]
    assert expected == findings_of(SEEN, "SP219")


def test_sp219_is_silent_with_an_objective_about_what_people_do() -> None:
    body = SEEN + '[objectives.signups]\ntitle = "Sign-ups"\nstage = "action"\n'
    assert [] == paths(body, "SP219")


def test_sp219_is_silent_when_a_stage_overrides_an_awareness_kind() -> None:
    body = SEEN.replace('kind = "visibilidad"', 'kind = "visibilidad"\nstage = "interest"')
    assert [] == paths(body, "SP219")


def test_sp219_is_silent_on_an_objective_of_no_kind_and_no_stage() -> None:
    body = SEEN + '[objectives.other]\ntitle = "Something else"\nmeasure = "qualitative"\n'
    assert [] == paths(body, "SP219")


def test_sp219_is_silent_on_one_objective() -> None:
    body = '[objectives.reach]\ntitle = "Be seen"\nstage = "awareness"\n'
    assert [] == paths(body, "SP219")


def test_sp219_leaves_exposure_targets_to_sp215() -> None:
    body = SEEN.replace(
        'measure = "qualitative"\n[objectives.campaigns]',
        'target = { value = 100, unit = "followers" }\n[objectives.campaigns]',
    )
    assert ([], ["SP215"]) == (paths(body, "SP219"), codes(body, "SP215"))


def test_sp219_is_default_on() -> None:
    assert ["SP219"] == codes(SEEN, "SP219")


# --- SP713 -----------------------------------------------------------------------------------

EXIT = (
    '[channels.x]\nplatform = "x"\nstatus = "retired"\nstatus_since = 2025-06-25\n'
    '[channels.news]\nplatform = "newsletter"\npurpose = "Where X followers are signposted"\n'
    '[channels.fb]\nplatform = "facebook"\n'
    '[metrics.fans]\nname = "Fans"\nchannels = ["fb"]\n'
)


def test_sp713_reports_an_exit_with_no_metric_on_where_followers_go() -> None:
    expected = [
        (
            "channels.x",
            'channel "x" was retired on 2025-06-25 and its followers are pointed to news, but '
            "no metric is taken on it: nobody will know how many made the move",
        )
    ]
    assert expected == findings_of(EXIT, "SP713")


def test_sp713_finds_the_successor_by_the_exit_date() -> None:
    body = EXIT.replace("Where X followers are signposted", "Main account since 2025-06-25")
    assert ["channels.x"] == paths(body, "SP713")


def test_sp713_does_not_read_a_lowercase_x_as_the_platform() -> None:
    body = EXIT.replace("Where X followers are signposted", "x-rays and 3x more news")
    assert [] == paths(body, "SP713")


def test_sp713_is_silent_when_the_successor_is_measured() -> None:
    body = EXIT + '[metrics.subs]\nname = "Subscribers"\nchannels = ["news"]\n'
    assert [] == paths(body, "SP713")


def test_sp713_is_silent_with_no_retirement_date() -> None:
    body = EXIT.replace("status_since = 2025-06-25\n", "")
    assert [] == paths(body, "SP713")


def test_sp713_is_silent_when_no_channel_takes_the_followers() -> None:
    body = EXIT.replace("Where X followers are signposted", "Monthly digest")
    assert [] == paths(body, "SP713")


def test_sp713_is_default_on() -> None:
    assert ["SP713"] == codes(EXIT, "SP713")


# --- SP416 -----------------------------------------------------------------------------------

SIX = "".join(
    f'[channels.c{i}]\nplatform = "{p}"\n'
    for i, p in enumerate(["x", "facebook", "instagram", "linkedin", "youtube", "tiktok"])
)
OPENING = SIX + '[policy]\noff_limits = ["team members opening brand accounts"]\n'


def test_sp416_reports_many_accounts_a_policy_on_opening_them_and_no_governance() -> None:
    assert ["governance"] == paths(OPENING, "SP416")


def test_sp416_reads_the_policy_in_spanish() -> None:
    body = SIX + '[policy]\noff_limits = ["abrir cuentas sin permiso del departamento"]\n'
    assert ["governance"] == paths(body, "SP416")


def test_sp416_is_silent_with_a_governance() -> None:
    body = OPENING + '[governance]\nrequests = "An issue to the social team"\n'
    assert [] == paths(body, "SP416")


def test_sp416_is_silent_when_governance_is_kept_elsewhere() -> None:
    body = OPENING.replace(
        "[channels.c0]", '[plan.elsewhere]\ngovernance = "The brand handbook"\n\n[channels.c0]'
    )
    assert [] == paths(body, "SP416")


def test_sp416_is_silent_on_few_channels() -> None:
    body = OPENING.replace('[channels.c5]\nplatform = "tiktok"\n', "")
    assert [] == paths(body, "SP416")


def test_sp416_is_silent_when_the_policy_does_not_speak_of_opening_accounts() -> None:
    body = SIX + '[policy]\noff_limits = ["running down competitors"]\n'
    assert [] == paths(body, "SP416")


def test_sp416_is_default_on() -> None:
    assert ["SP416"] == codes(OPENING, "SP416")

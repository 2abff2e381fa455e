"""Progress from content: placeholders never count, and `status` does not contradict what is
written (issue #18)."""

from __future__ import annotations

import json

import pytest

import socialplan
from helpers import HEAD, Write, plan_of, run
from socialplan._starter import starter
from socialplan.steps import StepState

#: A channel written in full (platform, purpose, audience) and the audience it reaches, with no
#: objective: the audiences step is written but needs the objectives, and nothing is done.
CHANNEL_WRITTEN = (
    '[audiences.locals]\nname = "Locals"\nchannels = ["ig"]\n'
    '[channels.ig]\nplatform = "instagram"\npurpose = "Show the day\'s bread"\n'
    'audiences = ["locals"]\n'
)


@pytest.mark.parametrize("methodology", ["14-steps", "a-s", "listen-think-act-monitor"])
def test_the_starter_has_no_step_done_nor_written(methodology: str) -> None:
    current = socialplan.progress(socialplan.loads(starter("Demo")), methodology)
    assert [] == [s.id for s in current if s.state in (StepState.DONE, StepState.WRITTEN)]


def test_status_of_the_starter_shows_no_step_done(
    write: Write, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write("plan.toml", starter("Demo"))
    code, out, _ = run(["status", path, "--format", "json"], capsys)
    counts = json.loads(out)["counts"]
    assert (0, 0, 0, 1) == (code, counts["done"], counts["written"], counts["ready"])


def test_a_written_step_whose_need_is_not_done_is_written_but_needs_it() -> None:
    step = socialplan.progress(plan_of(CHANNEL_WRITTEN))["channels"]
    assert (StepState.WRITTEN, True, ("audiences", "stakeholder_input")) == (
        step.state,
        step.complete,
        step.blocked_by,
    )


def test_status_says_written_but_needs(write: Write, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["status", write("plan.toml", HEAD + CHANNEL_WRITTEN)], capsys)
    row = next(line for line in out.splitlines() if " channels " in line)
    assert "written, but needs audiences, stakeholder_input" in row


def test_a_partly_written_step_is_written_not_blocked() -> None:
    plan = plan_of('[channels.ig]\nplatform = "instagram"\n')
    step = socialplan.progress(plan)["channels"]
    assert (StepState.WRITTEN, 'channel "ig" has no purpose') == (step.state, step.missing[0])


def test_a_step_with_nothing_written_and_a_need_not_done_is_blocked() -> None:
    step = socialplan.progress(plan_of(CHANNEL_WRITTEN))["metrics"]
    assert (StepState.BLOCKED, ("objectives", "channels")) == (step.state, step.blocked_by)


def test_a_step_of_placeholders_only_is_not_written() -> None:
    plan = plan_of('[channels.ig]\nplatform = "TODO: instagram"\npurpose = "TBD"\n')
    assert StepState.BLOCKED == socialplan.progress(plan)["channels"].state


def test_a_placeholder_purpose_is_missing_from_a_real_channel() -> None:
    plan = plan_of(CHANNEL_WRITTEN.replace("Show the day's bread", "TODO"))
    assert 'channel "ig" has no purpose' in socialplan.progress(plan)["channels"].missing


def test_a_written_step_can_be_worked_on_next_when_its_needs_are_done() -> None:
    plan = plan_of('[objectives.o]\ntitle = "Sell more bread"\n')
    current = socialplan.progress(plan)
    assert (StepState.WRITTEN, ["objectives"]) == (current["objectives"].state, current.next())


def test_a_complete_step_marked_open_is_advised_done_only_when_its_needs_are() -> None:
    plan = plan_of(CHANNEL_WRITTEN + '[steps.channels]\nstatus = "in_progress"\n')
    assert [] == [d for d in socialplan.validate(plan).diagnostics if d.code == "SP808"]


def test_the_report_says_written_but_needs_in_spanish() -> None:
    from socialplan.render import report

    text = report(plan_of(CHANNEL_WRITTEN), lang="es")
    assert "escrito, pero necesita Audiencias, Aportes de los interesados" in text


def test_spanish_has_a_word_for_every_step_state() -> None:
    from socialplan.render._i18n import words

    table = words("es")
    assert [] == [s for s in StepState if f"StepState.{s}" not in table]


# Rules: a placeholder is as absent as a missing value.


def _codes(body: str) -> list[tuple[str, str]]:
    return [(d.code, d.path) for d in socialplan.validate(plan_of(body)).diagnostics]


def test_a_placeholder_owner_counts_as_no_owner() -> None:
    # A role exists, so roles are started: SP401 speaks (with no role at all, SP809 would).
    found = _codes(
        '[roles.cm]\ntitle = "Community manager"\n'
        '[channels.ig]\nplatform = "instagram"\nowner = "TBD"\n'
    )
    assert (True, False) == (
        ("SP401", "channels.ig.owner") in found,
        any(code == "SP101" for code, _ in found),
    )


def test_a_placeholder_target_counts_as_no_target() -> None:
    body = (
        '[objectives.o]\ntitle = "Sell more bread"\n'
        'target = { value = 0, unit = "TBD", deadline = 2027-06-01 }\n'
    )
    assert ("SP203", "objectives.o") in _codes(body)


def test_a_placeholder_source_counts_as_no_source() -> None:
    body = '[metrics.m]\nname = "Visits"\nunit = "visits"\nsource = "TBD"\ncadence = "weekly"\n'
    assert ("SP701", "metrics.m.source") in _codes(body)


def test_a_part_of_placeholders_only_is_not_flagged_for_what_it_lacks() -> None:
    body = '[metrics.m]\nname = "TODO: what is measured"\nsource = "TODO"\n'
    assert [] == [code for code, _ in _codes(body) if code in ("SP701", "SP702", "SP703")]


# SP901: one message per cause, so that a reader sees one thing to do.


def test_every_todo_of_the_starter_has_the_same_message() -> None:
    found = socialplan.validate(socialplan.loads(starter("Demo"))).diagnostics
    messages = {d.message for d in found if d.code == "SP901"}
    assert (True, 1) == (len(found) > 50, len(messages))


def test_sp901_flags_every_kind_of_placeholder() -> None:
    found = _codes('[business_goals.b]\nstatement = "TBD"\ndescription = "Coming soon"\n')
    assert {"business_goals.b.statement", "business_goals.b.description"} == {
        path for code, path in found if code == "SP901"
    }


def test_a_step_kept_open_with_a_note_saying_why_is_not_advised_to_be_done() -> None:
    # The cartoon's launch is written long before the go/no-go meeting; its record says so.
    plan = socialplan.load("examples/cartoon/plan.toml")
    noted = [k for k, record in plan.steps.items() if record.note]
    found = [d.path for d in socialplan.validate(plan, select=["SP808"]).diagnostics]
    assert (True, []) == (len(noted) >= 3, [p for p in found if p.split(".")[1] in noted])

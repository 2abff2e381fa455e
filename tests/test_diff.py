"""diff(old, new) says what changed between two versions of a plan, in a reviewer's terms."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from typing import Any

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import socialplan
from socialplan import (
    CalendarEntry,
    CalendarStatus,
    Channel,
    CheckSettings,
    ContentPillar,
    ContentStrategy,
    Duration,
    EngagementRule,
    MessageKind,
    Objective,
    Plan,
    Policy,
    Raci,
    RaciEntry,
    Resource,
    ResourceKind,
    RoutingRule,
    Severity,
)
from socialplan.testing import loadable_plans

BASE = """
format = "socialplan/1"

[plan]
name = "Bakery 2027"

[objectives.awareness]
title = "Be known by families"
audiences = ["teens", "families"]
target = { value = 5000, unit = "followers", deadline = 2027-06-30 }

[channels.instagram]
platform = "instagram"
owner = "ana"

[channels.tiktok]
platform = "tiktok"
"""

PLAN = socialplan.loads(BASE)
AWARENESS = PLAN.objectives["awareness"]
INSTAGRAM = PLAN.channels["instagram"]
LAUNCH = CalendarEntry(date=dt.date(2027, 3, 1), channel="instagram", title="Launch video")


def with_target(plan: Plan, **changes: Any) -> Plan:
    aim = plan.objectives["awareness"]
    assert aim.target is not None
    return plan.with_objective(
        "awareness", attrs.evolve(aim, target=attrs.evolve(aim.target, **changes))
    )


def messages(old: Plan, new: Plan) -> list[str]:
    return [change.message for change in socialplan.diff(old, new)]


def summary(old: Plan, new: Plan) -> list[tuple[str, str, Any, Any]]:
    return [(c.kind, c.path, c.old, c.new) for c in socialplan.diff(old, new)]


# The examples -------------------------------------------------------


def test_an_added_objective_is_named_by_its_id_and_title() -> None:
    new = PLAN.with_objective("reach", Objective(title="Reach offices", kind="traffic"))
    assert [
        (
            "added",
            "objectives.reach",
            None,
            {"title": "Reach offices", "kind": "traffic"},
            'objective "reach" added ("Reach offices")',
        )
    ] == [(c.kind, c.path, c.old, c.new, c.message) for c in socialplan.diff(PLAN, new)]


def test_a_raised_target_says_both_values_with_thousands_separators_and_the_unit() -> None:
    new = with_target(PLAN, value=8000)
    assert [
        (
            "changed",
            "objectives.awareness.target.value",
            5000,
            8000,
            'objective "awareness": target raised from 5,000 to 8,000 followers',
        )
    ] == [(c.kind, c.path, c.old, c.new, c.message) for c in socialplan.diff(PLAN, new)]


def test_a_lowered_target_says_lowered() -> None:
    new = with_target(PLAN, value=1250.5)
    assert ['objective "awareness": target lowered from 5,000 to 1,250.5 followers'] == messages(
        PLAN, new
    )


def test_a_dropped_channel_is_removed_with_its_data() -> None:
    new = PLAN.without_part("channels", "tiktok")
    assert [
        ("removed", "channels.tiktok", {"platform": "tiktok"}, None, 'channel "tiktok" dropped')
    ] == [(c.kind, c.path, c.old, c.new, c.message) for c in socialplan.diff(PLAN, new)]


def test_a_changed_owner_says_from_whom_to_whom() -> None:
    new = PLAN.with_part("channels", "instagram", attrs.evolve(INSTAGRAM, owner="luis"))
    assert [
        (
            "changed",
            "channels.instagram.owner",
            "ana",
            "luis",
            'channel "instagram": owner changed from "ana" to "luis"',
        )
    ] == [(c.kind, c.path, c.old, c.new, c.message) for c in socialplan.diff(PLAN, new)]


# Fields -----------------------------------------------------------------------


def test_a_list_of_ids_says_what_was_added_and_removed() -> None:
    new = PLAN.with_objective(
        "awareness", attrs.evolve(AWARENESS, audiences=("families", "parents"))
    )
    assert [
        (
            "changed",
            "objectives.awareness.audiences",
            ["teens", "families"],
            ["families", "parents"],
        )
    ] == summary(PLAN, new)
    assert ['objective "awareness": audiences: added "parents"; removed "teens"'] == messages(
        PLAN, new
    )


def test_a_list_in_another_order_is_reordered() -> None:
    new = PLAN.with_objective("awareness", attrs.evolve(AWARENESS, audiences=("families", "teens")))
    assert ['objective "awareness": audiences: reordered'] == messages(PLAN, new)


def test_a_list_filled_from_empty_is_added() -> None:
    new = PLAN.with_part("channels", "tiktok", Channel(platform="tiktok", audiences=("teens",)))
    assert [
        (
            "added",
            "channels.tiktok.audiences",
            None,
            ["teens"],
            'channel "tiktok": audiences: added "teens"',
        )
    ] == [(c.kind, c.path, c.old, c.new, c.message) for c in socialplan.diff(PLAN, new)]


def test_a_long_text_is_said_to_have_changed_and_kept_whole_in_the_data() -> None:
    old_vision = "Every family within two kilometres knows where its bread comes from."
    new_vision = "Every family within five kilometres knows where its bread comes from."
    old, new = PLAN.evolve(vision=old_vision), PLAN.evolve(vision=new_vision)
    assert [("changed", "plan.vision", old_vision, new_vision)] == summary(old, new)
    assert ["plan: vision changed"] == messages(old, new)


def test_a_short_text_is_shown_in_quotes() -> None:
    assert ['plan: name changed from "Bakery 2027" to "Bakery 2028"'] == messages(
        PLAN, PLAN.evolve(name="Bakery 2028")
    )


def test_a_value_set_and_a_value_removed() -> None:
    new = PLAN.evolve(organization="Panadería Sol")
    assert [
        'plan: organization set to "Panadería Sol"',
    ] == messages(PLAN, new)
    assert ['plan: organization removed (was "Panadería Sol")'] == messages(new, PLAN)


def test_a_moved_deadline_says_moved_and_its_data_are_iso_dates() -> None:
    new = with_target(PLAN, deadline=dt.date(2027, 9, 30))
    assert [
        (
            "changed",
            "objectives.awareness.target.deadline",
            "2027-06-30",
            "2027-09-30",
            'objective "awareness": target deadline moved from 2027-06-30 to 2027-09-30',
        )
    ] == [(c.kind, c.path, c.old, c.new, c.message) for c in socialplan.diff(PLAN, new)]


def test_a_target_in_another_unit_is_changed_not_raised() -> None:
    new = with_target(PLAN, value=8000, unit="visits")
    assert [
        'objective "awareness": target changed from 5,000 followers to 8,000 visits',
        'objective "awareness": target unit changed from "followers" to "visits"',
    ] == messages(PLAN, new)


def test_a_target_added_is_summarised() -> None:
    new = PLAN.with_objective(
        "awareness",
        attrs.evolve(AWARENESS, target=None),
    )
    assert [
        'objective "awareness": target removed (was 5,000 followers by 2027-06-30)'
    ] == messages(PLAN, new)
    assert ['objective "awareness": target set to 5,000 followers by 2027-06-30'] == messages(
        new, PLAN
    )


def test_an_enum_is_shown_as_the_file_writes_it() -> None:
    new = PLAN.with_objective(
        "awareness", attrs.evolve(AWARENESS, stage=socialplan.FunnelStage.INTEREST)
    )
    assert [
        (
            "added",
            "objectives.awareness.stage",
            None,
            "interest",
            'objective "awareness": stage set to "interest"',
        )
    ] == [(c.kind, c.path, c.old, c.new, c.message) for c in socialplan.diff(PLAN, new)]


def test_a_cost_is_counted_in_the_plans_currency() -> None:
    old = PLAN.evolve(
        currency="EUR",
        resources={"ads": Resource(kind=ResourceKind.BUDGET, name="Ads", cost=500)},
    )
    new = old.with_part(
        "resources", "ads", Resource(kind=ResourceKind.BUDGET, name="Ads", cost=800)
    )
    assert ['resource "ads": cost raised from 500 to 800 EUR'] == messages(old, new)


def test_a_pillar_share_is_a_percentage() -> None:
    def plan(share: int) -> Plan:
        pillar = ContentPillar(theme="Recipes", share=share)
        return PLAN.evolve(content=ContentStrategy(pillars={"recipes": pillar}))

    assert ['content pillar "recipes": share raised from 20% to 35%'] == messages(
        plan(20), plan(35)
    )


def test_durations_of_the_same_length_are_the_same() -> None:
    def plan(text: str) -> Plan:
        rule = EngagementRule(response_time=Duration.parse(text))
        return PLAN.evolve(engagement={"instagram": rule})

    assert [
        [],
        ['engagement rule for channel "instagram": response time changed from "2h" to "1h"'],
    ] == [
        messages(plan("2h"), plan("120 min")),
        messages(plan("2h"), plan("1h")),
    ]


def test_a_duration_is_its_text_in_the_data() -> None:
    old = PLAN.evolve(engagement={"instagram": EngagementRule(response_time=Duration.parse("2h"))})
    new = PLAN.evolve(engagement={"instagram": EngagementRule(response_time=Duration.parse("1d"))})
    assert [("changed", "engagement.instagram.response_time", "2h", "1d")] == summary(old, new)


# Nested tables and sections ---------------------------------------------------------


def test_a_raci_entry_is_named_by_its_step() -> None:
    old = PLAN.evolve(raci=Raci(steps={"objectives": RaciEntry(responsible=("cm",))}))
    new = PLAN.evolve(raci=Raci(steps={"objectives": RaciEntry(responsible=("cm", "pr"))}))
    assert [
        (
            "raci.steps.objectives.responsible",
            'RACI for step "objectives": responsible: added "pr"',
        )
    ] == [(c.path, c.message) for c in socialplan.diff(old, new)]


def test_a_severity_override_is_a_value_of_the_check_settings() -> None:
    old = PLAN.evolve(check=CheckSettings())
    new = PLAN.evolve(check=CheckSettings(severity={"SP2": Severity.ERROR}))
    assert [
        (
            "added",
            "check.severity.SP2",
            None,
            "error",
            'check settings: severity of "SP2" set to "error"',
        )
    ] == [(c.kind, c.path, c.old, c.new, c.message) for c in socialplan.diff(old, new)]


def test_a_section_added_and_removed() -> None:
    new = PLAN.evolve(policy=Policy(off_limits=("politics",)))
    assert [("added", "policy", None, {"off_limits": ["politics"]}, "policy added")] == [
        (c.kind, c.path, c.old, c.new, c.message) for c in socialplan.diff(PLAN, new)
    ]
    assert ["policy removed"] == messages(new, PLAN)


def test_a_field_of_a_section_is_named_by_the_section() -> None:
    old = PLAN.evolve(policy=Policy(approver="legal"))
    new = PLAN.evolve(policy=Policy(approver="cm"))
    assert [("policy.approver", 'policy: approver changed from "legal" to "cm"')] == [
        (c.path, c.message) for c in socialplan.diff(old, new)
    ]


# Lists without ids --------------------------------------------------------------


def test_a_calendar_entry_added_is_named_by_title_date_and_channel() -> None:
    new = PLAN.evolve(calendar=(LAUNCH,))
    assert [
        (
            "added",
            'calendar[2027-03-01,"instagram","Launch video"]',
            None,
            {"date": "2027-03-01", "channel": "instagram", "title": "Launch video"},
            'calendar entry "Launch video" on 2027-03-01 (instagram) added',
        )
    ] == [(c.kind, c.path, c.old, c.new, c.message) for c in socialplan.diff(PLAN, new)]


def test_a_calendar_entry_approved_is_changed_in_place() -> None:
    old = PLAN.evolve(calendar=(attrs.evolve(LAUNCH, status=CalendarStatus.DRAFT),))
    new = PLAN.evolve(calendar=(attrs.evolve(LAUNCH, status=CalendarStatus.APPROVED),))
    assert [
        (
            'calendar[2027-03-01,"instagram","Launch video"].status',
            'calendar entry "Launch video" on 2027-03-01 (instagram): status changed from "draft" '
            'to "approved"',
        )
    ] == [(c.path, c.message) for c in socialplan.diff(old, new)]


def test_a_calendar_entry_moved_to_another_date_is_dropped_on_one_and_added_on_the_other() -> None:
    old = PLAN.evolve(calendar=(LAUNCH,))
    new = PLAN.evolve(calendar=(attrs.evolve(LAUNCH, date=dt.date(2027, 3, 3)),))
    assert [
        'calendar entry "Launch video" on 2027-03-01 (instagram) dropped',
        'calendar entry "Launch video" on 2027-03-03 (instagram) added',
    ] == messages(old, new)


def test_calendar_changes_come_in_date_order_and_a_reorder_is_reported() -> None:
    later = CalendarEntry(date=dt.date(2027, 4, 1), channel="tiktok", title="Easter")
    old = PLAN.evolve(calendar=(LAUNCH, later))
    new = PLAN.evolve(calendar=(later, LAUNCH))
    assert [("changed", "calendar", "calendar reordered")] == [
        (c.kind, c.path, c.message) for c in socialplan.diff(old, new)
    ]


def test_two_entries_alike_are_told_apart_by_their_rank() -> None:
    old = PLAN.evolve(calendar=(LAUNCH,))
    new = PLAN.evolve(calendar=(LAUNCH, LAUNCH))
    assert [
        (
            'calendar[2027-03-01,"instagram","Launch video"#2]',
            'calendar entry "Launch video" on 2027-03-01 (instagram) (#2) added',
        )
    ] == [(c.path, c.message) for c in socialplan.diff(old, new)]


def test_a_routing_rule_is_named_by_its_message_and_team() -> None:
    rule = RoutingRule(message=MessageKind.COMPLAINT, to="cm", channels=("instagram",))
    old = PLAN.evolve(routing=(rule,))
    new = PLAN.evolve(routing=(attrs.evolve(rule, channels=("instagram", "tiktok")),))
    assert [
        (
            'routing[complaint,"cm"].channels',
            'routing rule "complaint" → "cm": channels: added "tiktok"',
        )
    ] == [(c.path, c.message) for c in socialplan.diff(old, new)]


# The whole diff -------------------------------------------------------------------------


def test_changes_come_in_the_files_order() -> None:
    new = (
        with_target(PLAN, value=8000)
        .without_part("channels", "tiktok")
        .evolve(name="Bakery 2028", policy=Policy())
    )
    assert [
        "plan.name",
        "objectives.awareness.target.value",
        "channels.tiktok",
        "policy",
    ] == [c.path for c in socialplan.diff(PLAN, new)]


def test_to_text_is_one_line_per_change() -> None:
    new = with_target(PLAN, value=8000).without_part("channels", "tiktok")
    assert (
        'objective "awareness": target raised from 5,000 to 8,000 followers\n'
        'channel "tiktok" dropped\n'
    ) == socialplan.diff(PLAN, new).to_text()


def test_nothing_changed_is_an_empty_false_diff() -> None:
    same = socialplan.diff(PLAN, socialplan.loads(BASE))
    assert (False, 0, "", {"changes": [], "counts": {"added": 0, "removed": 0, "changed": 0}}) == (
        bool(same),
        len(same),
        same.to_text(),
        same.to_dict(),
    )


def test_to_dict_counts_the_changes_by_kind() -> None:
    new = PLAN.with_objective("reach", Objective(title="Reach")).without_part("channels", "tiktok")
    assert {"added": 1, "removed": 1, "changed": 0} == socialplan.diff(PLAN, new).to_dict()[
        "counts"
    ]


def test_the_plans_text_cannot_break_a_line_or_a_quote() -> None:
    new = PLAN.evolve(name='Bakery\u2028"2028"\x1b[31m')
    assert [
        'plan: name changed from "Bakery 2027" to "Bakery\\u2028\\"2028\\"\\u001b[31m"'
    ] == messages(PLAN, new)


def test_the_markdown_table_escapes_the_plans_text() -> None:
    new = PLAN.evolve(name="A | B")
    rows = socialplan.diff(PLAN, new)._repr_markdown_().splitlines()
    assert (
        '| changed | plan: name changed from "Bakery 2027" to "A \\| B" | plan.name |' == rows[-1]
    )


def test_an_empty_list_kept_in_a_table_is_there() -> None:
    old = PLAN.evolve(content=ContentStrategy())
    new = PLAN.evolve(content=ContentStrategy(messages={"families": ()}))
    assert [
        (
            "added",
            "content.messages.families",
            None,
            [],
            'content strategy: messages for audience "families" added (empty list)',
        )
    ] == [(c.kind, c.path, c.old, c.new, c.message) for c in socialplan.diff(old, new)]


# Properties ---------------------------------------------------------------------------

#: The plan's fields, to copy from one drawn plan into another.
FIELDS = [field.name for field in attrs.fields(Plan)]


@st.composite
def edited_pairs(draw: st.DrawFn) -> tuple[Plan, Plan]:
    """A plan, and a copy with a few of its fields taken from another plan or reversed."""
    plan = draw(loadable_plans(max_items=2))
    other = draw(loadable_plans(max_items=2))
    taken = draw(st.lists(st.sampled_from(FIELDS), max_size=3, unique=True))
    edited = plan.evolve(**{name: getattr(other, name) for name in taken})
    if draw(st.booleans()):
        edited = edited.evolve(calendar=edited.calendar[::-1], routing=edited.routing[::-1])
    return plan, edited


def reversed_tables(plan: Plan) -> Plan:
    """The same plan with every table's keys in the opposite order."""
    return plan.evolve(
        **{
            field.name: dict(reversed(getattr(plan, field.name).items()))
            for field in attrs.fields(Plan)
            if isinstance(getattr(plan, field.name), Mapping)
        }
    )


FAST = settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(loadable_plans())
def test_a_plan_has_no_changes_from_itself_or_its_reloaded_copy(plan: Plan) -> None:
    reloaded = socialplan.loads(socialplan.dumps(plan))
    assert ((), ()) == (
        socialplan.diff(plan, plan).changes,
        socialplan.diff(plan, reloaded).changes,
    )


@FAST
@given(edited_pairs())
def test_a_diff_is_true_exactly_when_the_plans_differ(pair: tuple[Plan, Plan]) -> None:
    old, new = pair
    assert (old != new) == bool(socialplan.diff(old, new))


@FAST
@given(loadable_plans(max_items=2), loadable_plans(max_items=2))
def test_two_unrelated_plans_differ_exactly_when_unequal(old: Plan, new: Plan) -> None:
    assert (old != new) == bool(socialplan.diff(old, new))


SWAP = {"added": "removed", "removed": "added", "changed": "changed"}


@FAST
@given(edited_pairs())
def test_the_diff_backwards_swaps_added_and_removed_old_and_new(pair: tuple[Plan, Plan]) -> None:
    old, new = pair
    forwards = [(SWAP[c.kind], c.path, c.new, c.old) for c in socialplan.diff(old, new)]
    backwards = [(c.kind, c.path, c.old, c.new) for c in socialplan.diff(new, old)]
    assert forwards == backwards


@FAST
@given(edited_pairs())
def test_to_dict_is_json_and_ignores_the_order_of_table_keys(pair: tuple[Plan, Plan]) -> None:
    old, new = pair
    data = socialplan.diff(old, new).to_dict()
    shuffled = socialplan.diff(reversed_tables(old), reversed_tables(new)).to_dict()
    assert (data, data) == (json.loads(json.dumps(data)), shuffled)


@FAST
@given(edited_pairs())
def test_to_text_has_one_line_per_change(pair: tuple[Plan, Plan]) -> None:
    changes = socialplan.diff(*pair)
    assert len(changes) == len(changes.to_text().splitlines())

"""The Python DSL builds the same plans as the file format, and checks them the same way."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import socialplan
from helpers import plan_of as toml
from socialplan import Objective
from socialplan.dsl import PlanBuilder, Ref
from socialplan.testing import loadable_plans


def builder() -> PlanBuilder:
    return PlanBuilder("Demo")


def test_the_header_is_the_plan_table() -> None:
    p = PlanBuilder(
        "Demo", organization="Org", reach="national", start="2027-01-10",
        horizons={"short": "2027-03-31"}, currency="EUR",
    )  # fmt: skip
    expected = socialplan.loads(
        'format = "socialplan/1"\n[plan]\nname = "Demo"\norganization = "Org"\n'
        'reach = "national"\nstart = 2027-01-10\ncurrency = "EUR"\n'
        "horizons = { short = 2027-03-31 }\n"
    )
    assert expected == p.build()


def test_business_goals_and_objectives() -> None:
    p = builder()
    brand = p.business_goal("brand", "Strengthen the brand")
    p.objective(
        "awareness", "Be known", stage="awareness", supports=[brand],
        target=p.target(5000, "likes", by="2027-06-30", baseline=1200), horizon="short",
    )  # fmt: skip
    assert (
        toml(
            '[business_goals.brand]\nstatement = "Strengthen the brand"\n'
            '[objectives.awareness]\ntitle = "Be known"\nstage = "awareness"\n'
            'supports = ["brand"]\nhorizon = "short"\n'
            "target = { value = 5000, unit = 'likes', baseline = 1200, deadline = 2027-06-30 }\n"
        )
        == p.build()
    )


def test_audiences_channels_and_roles() -> None:
    p = builder()
    parents = p.audience("parents", "Parents", needs=["Safe content"])
    cm = p.role("cm", "Community manager", function="community_manager", duties=["Answer"])
    p.channel(
        "fb", platform="facebook", purpose="Care", owner=cm, reaches=[parents],
        profile={"handle": "@demo"}, customizations=["Cover"],
    )  # fmt: skip
    assert (
        toml(
            '[audiences.parents]\nname = "Parents"\nneeds = ["Safe content"]\nchannels = ["fb"]\n'
            '[channels.fb]\nplatform = "facebook"\npurpose = "Care"\nowner = "cm"\n'
            'audiences = ["parents"]\ncustomizations = ["Cover"]\nprofile = { handle = "@demo" }\n'
            '[roles.cm]\ntitle = "Community manager"\nfunction = "community_manager"\n'
            'duties = ["Answer"]\n'
        )
        == p.build()
    )


def test_an_audience_that_says_where_it_is_keeps_it() -> None:
    p = builder()
    parents = p.audience("parents", "Parents", on=[])
    p.channel("fb", platform="facebook", reaches=[parents])
    assert () == p.build().audiences["parents"].channels


def test_influencers_routing_and_raci() -> None:
    p = builder()
    parents = p.audience("parents", "Parents", on=[])
    cm = p.role("cm", "CM")
    fb = p.channel("fb", platform="facebook")
    p.influencer("mum_blog", "Mum blog", kind="blogger", influences=[parents], followers=900)
    p.route("crisis", to=cm, channels=[fb], within="1h")
    p.raci("metrics", accountable=cm)
    p.raci(fb, accountable=cm, informed=[cm])
    assert (
        toml(
            '[audiences.parents]\nname = "Parents"\n[roles.cm]\ntitle = "CM"\n'
            '[channels.fb]\nplatform = "facebook"\n'
            '[influencers.mum_blog]\nname = "Mum blog"\nkind = "blogger"\n'
            'influences = ["parents"]\nfollowers = 900\n'
            '[[routing]]\nmessage = "crisis"\nto = "cm"\nchannels = ["fb"]\nwithin = "1h"\n'
            '[raci.steps.metrics]\naccountable = ["cm"]\n'
            '[raci.channels.fb]\naccountable = ["cm"]\ninformed = ["cm"]\n'
        )
        == p.build()
    )


def test_content_and_calendar() -> None:
    p = builder()
    parents = p.audience("parents", "Parents", on=[])
    fb = p.channel("fb", platform="facebook")
    aware = p.objective("aw", "Be known")
    fun = p.pillar("fun", "Fun", serves=[aware], share=100)
    p.content_source("case", "A case study", kind="case_study", pillars=[fun])
    p.content(keywords=["cartoons"], messages={parents: ["Safe fun"]})
    p.post("2027-02-01", fb, "Hello", pillar=fun, repeat="weekly", until="2027-06-30")
    assert (
        toml(
            '[audiences.parents]\nname = "Parents"\n[channels.fb]\nplatform = "facebook"\n'
            '[objectives.aw]\ntitle = "Be known"\n'
            '[content]\nkeywords = ["cartoons"]\nmessages = { parents = ["Safe fun"] }\n'
            '[content.pillars.fun]\ntheme = "Fun"\nobjectives = ["aw"]\nshare = 100\n'
            '[content.sources.case]\ntitle = "A case study"\nkind = "case_study"\n'
            'pillars = ["fun"]\n'
            '[[calendar]]\ndate = 2027-02-01\nchannel = "fb"\ntitle = "Hello"\npillar = "fun"\n'
            'repeat = "weekly"\nuntil = 2027-06-30\n'
        )
        == p.build()
    )


def test_metrics_and_engagement() -> None:
    p = builder()
    fb = p.channel("fb", platform="facebook")
    aware = p.objective("aw", "Be known")
    p.metric("likes", "Likes", level=1, unit="likes", measures=[aware], on=[fb],
             cadence="weekly", source="Insights")  # fmt: skip
    p.engagement(fb, tone="warm", response_time="2h", message_length="short",
                 posting_frequency="3 per week")  # fmt: skip
    assert (
        toml(
            '[channels.fb]\nplatform = "facebook"\n[objectives.aw]\ntitle = "Be known"\n'
            '[metrics.likes]\nname = "Likes"\nlevel = 1\nunit = "likes"\nmeasures = ["aw"]\n'
            'channels = ["fb"]\ncadence = "weekly"\nsource = "Insights"\n'
            '[engagement.fb]\ntone = "warm"\nresponse_time = "2h"\nmessage_length = "short"\n'
            'posting_frequency = "3 per week"\n'
        )
        == p.build()
    )


def test_policy_resources_scenarios_advocacy_launch_and_steps() -> None:
    p = builder()
    p.policy(off_limits=["politics"], company_capacity="Speak for the brand")
    p.resource("cm_time", "people", "CM half time", horizon="short", cost=900)
    p.scenario("plan_b", "Plan B", trigger="No growth by June", actions=["Paid ads"])
    p.advocacy(ambassadors=["Ana"])
    p.launch(date="2027-03-01", review="monthly")
    p.step("objectives", status="done", due="2027-01-22")
    p.stakeholder_input("survey", "survey", findings=["Staff want guidance"])
    p.briefing(online_presence="A website")
    p.analysis(competitors=["Other Co"])
    assert (
        toml(
            '[policy]\noff_limits = ["politics"]\ncompany_capacity = "Speak for the brand"\n'
            '[resources.cm_time]\nkind = "people"\nname = "CM half time"\nhorizon = "short"\n'
            "cost = 900\n"
            '[scenarios.plan_b]\nname = "Plan B"\ntrigger = "No growth by June"\n'
            'actions = ["Paid ads"]\n[advocacy]\nambassadors = ["Ana"]\n'
            '[launch]\ndate = 2027-03-01\nreview = "monthly"\n'
            '[steps.objectives]\nstatus = "done"\ndue = 2027-01-22\n'
            '[stakeholder_input.survey]\nmethod = "survey"\nfindings = ["Staff want guidance"]\n'
            '[briefing]\nonline_presence = "A website"\n[analysis]\ncompetitors = ["Other Co"]\n'
        )
        == p.build()
    )


@given(loadable_plans())
def test_from_plan_then_build_gives_the_same_plan(plan: socialplan.Plan) -> None:
    assert plan == PlanBuilder.from_plan(plan).build()


def test_editing_a_loaded_plan_then_dumping_it_changes_only_the_edit() -> None:
    path = Path("examples/cartoon/plan.toml")
    p = PlanBuilder.from_plan(socialplan.load(path))
    p.business_goal("new_goal", "Open a new market")
    before = socialplan.dumps(socialplan.load(path)).splitlines()
    after = socialplan.dumps(p.build()).splitlines()
    added = [line for line in after if line not in before]
    assert ["[business_goals.new_goal]", 'statement = "Open a new market"'] == added


def test_a_bad_value_is_a_load_error_at_its_dotted_path() -> None:
    p = builder()
    fb = p.channel("fb", platform="facebook")
    p.engagement(fb, response_time="soon")
    with pytest.raises(socialplan.LoadError) as info:
        p.build()
    assert [("SP006", "engagement.fb.response_time")] == [
        (d.code, d.path) for d in info.value.diagnostics
    ]


def test_a_reference_by_a_wrong_id_is_a_load_error() -> None:
    p = builder()
    p.metric("likes", "Likes", measures=["awarness"])
    with pytest.raises(socialplan.LoadError) as info:
        p.build()
    assert [("SP101", "metrics.likes.measures[0]")] == [
        (d.code, d.path) for d in info.value.diagnostics
    ]


def build_problems(p: PlanBuilder) -> list[tuple[str, str]]:
    with pytest.raises(socialplan.LoadError) as info:
        p.build()
    return [(d.code, d.path) for d in info.value.diagnostics]


def test_a_load_error_does_not_hide_a_reference_to_a_missing_part() -> None:
    p = builder()
    p.briefing(bogus="x")
    p.channel("fb", platform="facebook", owner="nobody")
    assert [("SP003", "briefing.bogus"), ("SP101", "channels.fb.owner")] == build_problems(p)


def test_a_part_with_a_load_error_is_not_reported_as_missing() -> None:
    p = builder()
    p.objective("aware", 3)  # type: ignore[arg-type]  # a title that is no text
    p.metric("m", "M", measures=["aware", "nothing"])
    assert [("SP005", "objectives.aware.title"), ("SP101", "metrics.m.measures[1]")] == (
        build_problems(p)
    )


def test_a_reference_after_a_broken_calendar_entry_keeps_its_position() -> None:
    p = builder()
    fb = p.channel("fb", platform="facebook")
    p.post("2027-13-01", fb, "a")
    p.post("2027-02-01", "nowhere", "b")
    assert [("SP006", "calendar[0].date"), ("SP101", "calendar[1].channel")] == build_problems(p)


# A calendar entry as the builder is given it: fine, with a date that does not exist, on a
# channel the plan does not have, or both.
ENTRIES = st.sampled_from(["fine", "bad date", "no channel", "both"])


@given(st.lists(ENTRIES, min_size=1, max_size=8))
def test_every_problem_of_a_builder_is_raised_together(entries: list[str]) -> None:
    p = builder()
    fb = p.channel("fb", platform="facebook")
    expected: list[tuple[str, str]] = []
    for index, entry in enumerate(entries):
        bad_date, no_channel = entry in ("bad date", "both"), entry in ("no channel", "both")
        p.post("2027-02-30" if bad_date else "2027-02-01", "tw" if no_channel else fb, "post")
        expected += [("SP006", f"calendar[{index}].date")] if bad_date else []
        expected += [("SP101", f"calendar[{index}].channel")] if no_channel else []
    if not expected:
        assert len(entries) == len(p.build().calendar)
        return
    assert sorted(expected) == sorted(build_problems(p))


def test_ref_finds_a_part_already_in_the_plan() -> None:
    p = PlanBuilder.from_plan(socialplan.load("examples/cartoon/plan.toml"))
    assert Ref(Objective, "awareness_reach") == p.ref(Objective, "awareness_reach")


def test_ref_to_a_missing_part_suggests_the_nearest() -> None:
    p = PlanBuilder.from_plan(socialplan.load("examples/cartoon/plan.toml"))
    with pytest.raises(KeyError, match='did you mean "awareness_reach"'):
        p.ref(Objective, "awareness_rech")


def _mypy(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


TYPING = Path(__file__).parent / "typing"


def test_the_type_checker_rejects_a_reference_of_the_wrong_kind() -> None:
    result = _mypy(TYPING / "wrong_reference.py")
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert (1, ["wrong_reference.py:7"], True) == (
        len(errors),
        [":".join(Path(e.split(": error:")[0]).name.split(":")[:2]) for e in errors],
        "Ref[Channel]" in errors[0],
    )


def test_the_type_checker_accepts_references_of_the_right_kind() -> None:
    result = _mypy(TYPING / "right_references.py")
    assert 0 == result.returncode, result.stdout

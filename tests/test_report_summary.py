"""The report's executive summary: goals, headline targets, what is missing, the main findings."""

from __future__ import annotations

import re

import socialplan
from socialplan.render import report

SMALL = """\
format = "socialplan/1"
[plan]
name = "Corner café"

[business_goals.footfall]
statement = "More people through the door"

[objectives.grow]
title = "Grow the community"
supports = ["footfall"]
target = { value = 2000, unit = "followers", baseline = 800, deadline = 2027-06-30 }

[objectives.talk]
title = "Talk with the neighbours"
supports = ["footfall"]
"""

# Four channels that reach no audience (one cause on four parts, among others), one objective
# that supports a goal that does not exist (an error).
NOISY = (
    SMALL
    + """
[audiences.locals]
name = "Locals"

[objectives.broken]
title = "Broken"
supports = ["nowhere"]

[channels.instagram]
platform = "instagram"
[channels.facebook]
platform = "facebook"
[channels.tiktok]
platform = "tiktok"
[channels.blog]
platform = "blog"

[[calendar]]
date = 2027-03-01
channel = "blog"
title = "Opening"
"""
)


def summary(text: str) -> list[str]:
    """The lines of the Markdown report's summary section, blank lines left out."""
    section = text.split("## Summary\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line]


def test_the_summary_is_the_first_section_before_the_contents() -> None:
    text = report(socialplan.loads(SMALL))
    headings = re.findall(r"^## (.+)$", text, flags=re.MULTILINE)
    assert ["Summary", "Contents"] == headings[:2]


def test_the_summary_lists_the_business_goals_and_the_headline_targets() -> None:
    lines = summary(report(socialplan.loads(SMALL)))
    goals = lines.index("**Business goals**")
    targets = lines.index("**Headline targets**")
    assert ["- More people through the door"] == lines[goals + 1 : targets]
    assert "- Grow the community: 2,000 followers by 2027-06-30 (from 800)" == lines[targets + 1]


def test_the_summary_says_what_is_missing() -> None:
    lines = summary(report(socialplan.loads(SMALL)))
    missing = lines[lines.index("**What is missing**") + 1 :]
    assert missing[0].startswith("- Not started yet: vision and mission, briefing,")
    assert missing[1].startswith("- Steps not done (14 of 15): ")


def test_the_summary_groups_one_cause_on_many_parts_and_puts_errors_first() -> None:
    lines = summary(report(socialplan.loads(NOISY)))
    found = lines[lines.index("**Most important findings**") + 1 :]
    assert found[0].startswith("- SP101 (error): ")
    assert (
        "- SP302 (warning): 4 of 4 channels reach no audience: blog, facebook, instagram, tiktok"
        == (found[1])
    )
    assert 5 >= len([line for line in found if line.startswith("- SP")])


def test_the_summary_shows_at_most_five_findings_and_says_how_many_more() -> None:
    # NOISY's findings are twelve: SP101, SP203 (a group), SP215 (a café after footfall whose
    # only target counts followers), SP301, SP302 (a group), SP306 (no channel states a
    # purpose), SP604 (a group), SP212 (a group) and SP809 (roles, routing, metrics and
    # engagement not started: said once; SP402 is silent with no role at all); and two about
    # the practice it leaves out: SP309 (no staff time or budget), SP409 (no policy for what
    # is posted) and SP609 (no review cadence): twelve.
    lines = summary(report(socialplan.loads(NOISY)))
    found = lines[lines.index("**Most important findings**") + 1 :]
    shown = [line for line in found if line.startswith("- SP")]
    assert (5, "_And 7 more: see the validation findings._") == (len(shown), found[-1])


def test_the_spanish_summary_is_in_spanish() -> None:
    text = report(socialplan.loads(NOISY), lang="es")
    section = text.split("## Resumen\n", 1)[1].split("\n## ", 1)[0]
    assert [
        "**Metas de negocio**",
        "**Metas principales**",
        "**Qué falta**",
        "**Hallazgos más importantes**",
    ] == [line for line in section.splitlines() if line.startswith("**")]
    assert (
        "en 4 canales: Un canal que no llega a ninguna audiencia. "
        "(blog, facebook, instagram, tiktok)" in (section)
    )


def test_the_html_summary_comes_before_the_contents() -> None:
    page = report(socialplan.loads(SMALL), format="html")
    assert page.index('<h2 id="summary">Summary</h2>') < page.index("<nav>")


DATED = """\
format = "socialplan/1"
[plan]
name = "Town hall"
start = 2027-01-10
horizons = { short = 2027-04-30, long = 2028-03-31 }

[objectives.grow]
title = "Grow the community"
target = { value = 2000, unit = "followers", deadline = 2027-06-30 }

[objectives.later]
title = "Be trusted"

[tactics.fair]
title = "Stand at the spring fair"
starts = 2027-05-02
ends = 2027-05-04

[launch]
date = 2027-03-01
trial_until = 2027-02-15
review = "monthly"
gates = [
  { condition = "The cabinet signs the policy", status = "passed" },
  { condition = "Two people trained to moderate" },
]

[reporting.cabinet]
title = "Results to the cabinet"
to = ["cabinet"]
every = "quarterly"
"""


def timeline(text: str, heading: str = "Timeline") -> list[str]:
    """The rows of the Markdown report's timeline table."""
    section = text.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| ")][2:]


def test_the_timeline_lists_every_date_of_the_plan_in_order() -> None:
    assert [
        "| 2027-01-10 | Plan starts |  |",
        "| 2027-02-15 | End of the trial period |  |",
        "| 2027-03-01 | Launch gate | The cabinet signs the policy (passed) |",
        "| 2027-03-01 | Launch gate | Two people trained to moderate (open) |",
        "| 2027-03-01 | Launch |  |",
        "| 2027-04-30 | End of the short term |  |",
        "| 2027-05-02 | Tactic starts | Stand at the spring fair |",
        "| 2027-05-04 | Tactic ends | Stand at the spring fair |",
        "| 2027-06-30 | Objective deadline | Grow the community: 2,000 followers |",
        "| 2028-03-31 | End of the long term |  |",
        "| monthly | Review of results |  |",
        "| quarterly | Report | Results to the cabinet, to cabinet |",
    ] == timeline(report(socialplan.loads(DATED)))


def test_the_spanish_timeline_is_in_spanish() -> None:
    rows = timeline(report(socialplan.loads(DATED), lang="es"), "Calendario del plan")
    assert "| 2027-01-10 | Empieza el plan |  |" == rows[0]
    assert "| 2027-03-01 | Lanzamiento |  |" == rows[4]


def test_a_recurrence_written_as_an_amount_reads_every() -> None:
    rows = timeline(report(socialplan.loads(DATED.replace('"monthly"', '"4 weeks"'))))
    assert "| every 4 weeks | Review of results |  |" in rows


def test_a_plan_without_dates_has_no_timeline() -> None:
    assert "## Timeline" not in report(socialplan.loads(SMALL.replace("deadline = 2027-06-30", "")))


def progress_rows(text: str, heading: str = "Step progress and next steps") -> list[list[str]]:
    """The cells of the step progress table of a Markdown report."""
    section = text.split(f"## {heading}\n\n", 1)[1]
    table = section.split("\n\n")[1]
    return [row.strip("| ").split(" | ") for row in table.splitlines()[2:]]


def test_the_steps_have_neutral_labels_with_the_method_s_words_alongside() -> None:
    rows = progress_rows(report(socialplan.Plan(name="Town hall")))
    assert ["14", "Launch", "Take off!", "blocked"] == rows[-1][:4]
    assert ["1", "Objectives", "Set your objectives", "ready"] == rows[0][:4]


def test_the_summary_the_next_steps_and_the_diagram_use_the_neutral_labels() -> None:
    text = report(socialplan.Plan(name="Town hall"))
    table = text.split("## Step progress and next steps\n\n", 1)[1].split("\n\n")[1]
    assert "Take off!" not in text.replace(table, "")
    assert "- Objectives" in text.split("### Next steps", 1)[1].splitlines()


def test_the_spanish_report_labels_the_steps_in_spanish() -> None:
    rows = progress_rows(
        report(socialplan.Plan(name="Ayuntamiento"), lang="es"),
        "Progreso de los pasos y próximos pasos",
    )
    assert ["14", "Lanzamiento", "Take off!"] == rows[-1][:3]


def test_a_methodology_of_the_plan_s_own_keeps_its_titles_and_no_second_column() -> None:
    plan = socialplan.loads(
        'format = "socialplan/1"\n[plan]\nname = "Own"\n'
        '[methodology.steps.listen]\ntitle = "Listen first"\n'
    )
    assert [["1", "Listen first", "ready"]] == [row[:3] for row in progress_rows(report(plan))]

"""The corpus of real strategies (tests/realworld/): each plan loads, carries its header, and every
finding `socialplan check` gives for it has exactly one strategist's label.

A failure here is not fixed by editing a label: a new or vanished finding means a rule changed,
and the labels are what the change is measured against (tests/realworld/README.md).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import socialplan
from realworld import measure

PLANS = measure.plans()


def _ids(path: Path) -> str:
    return path.stem


@pytest.mark.parametrize("plan", PLANS, ids=_ids)
def test_plan_loads_with_no_load_error(plan: Path) -> None:
    try:
        socialplan.load(plan)
    except socialplan.LoadError as error:
        problems = [str(d) for d in error.diagnostics]
    else:
        problems = []
    assert [] == problems


@pytest.mark.parametrize("plan", PLANS, ids=_ids)
def test_every_finding_has_exactly_one_label(plan: Path) -> None:
    problems = measure.label_problems(plan, measure.findings(plan))
    assert [] == problems, "\n".join(problems)


@pytest.mark.parametrize("plan", PLANS, ids=_ids)
def test_header_cites_the_source_and_says_what_is_left_out(plan: Path) -> None:
    problems = measure.header_problems(plan)
    assert [] == problems, "\n".join(problems)


def test_corpus_has_at_least_eight_sources() -> None:
    assert 8 <= len(PLANS), [p.name for p in PLANS]


def test_corpus_has_a_plan_in_spanish() -> None:
    assert "es" in {measure.language(p) for p in PLANS}


def test_corpus_covers_every_kind_of_organisation_of_issue_17() -> None:
    covered = set().union(*(measure.kinds(p) for p in PLANS))
    assert [] == [kind for kind in measure.KINDS if kind not in covered]


# The checks themselves, on small files: each must be able to fail.

PLAN = """\
# Source: A strategy, Someone, 2024, https://example.org/strategy
# Kind: small business
#
# Not in the source:
# - targets
#
# The format cannot hold (yet):
# - tactics

format = "socialplan/1"

[plan]
name = "Demo"

[channels.blog]
platform = "blog"
"""


def _write(folder: Path, plan: str, labels: str | None) -> Path:
    path = folder / "demo.toml"
    path.write_text(plan, encoding="utf-8")
    if labels is not None:
        (folder / "demo.labels.toml").write_text(labels, encoding="utf-8")
    return path


def _label(code: str, where: str, label: str = "true", reason: str = "A reason.") -> str:
    return (
        f'[[finding]]\ncode = "{code}"\npath = "{where}"\nlabel = "{label}"\nreason = "{reason}"\n'
    )


def test_a_finding_without_a_label_is_named(tmp_path: Path) -> None:
    plan = _write(tmp_path, PLAN, 'source = "demo.toml"\n')
    expected = ["demo.labels.toml: unlabelled finding SP401 channels.blog.owner"]
    assert expected == measure.label_problems(plan, [("SP401", "channels.blog.owner")])


def test_a_label_whose_finding_vanished_stays_as_the_record(tmp_path: Path) -> None:
    # A rule change that silences a finding must not force its label out: the label is what
    # the change is measured against (a vanished true is a weakness no longer found).
    plan = _write(tmp_path, PLAN, 'source = "demo.toml"\n' + _label("SP604", "channels.gone"))
    assert [] == measure.label_problems(plan, [])


def test_a_vanished_true_label_is_a_weakness_no_longer_found(tmp_path: Path) -> None:
    labels = 'source = "demo.toml"\n' + _label("SP604", "channels.a") + _label("SP604", "b")
    plan = _write(tmp_path, PLAN, labels)
    assert (1, 2) == measure.weaknesses(plan, [("SP604", "b")])


def test_a_missed_weakness_is_found_when_check_gives_the_finding_it_names(
    tmp_path: Path,
) -> None:
    labels = (
        'source = "demo.toml"\n'
        '[[missed]]\nwhat = "No goal is served."\ncode = "SP210"\n'
        '[[missed]]\nwhat = "The blog has no purpose."\ncode = "SP410"\npath = "channels.blog"\n'
        '[[missed]]\nwhat = "Nothing catches this yet."\n'
    )
    plan = _write(tmp_path, PLAN, labels)
    assert (2, 3) == measure.weaknesses(
        plan, [("SP210", "business_goals.x"), ("SP410", "channels.blog")]
    )


def test_a_missed_weakness_names_a_rule_code_and_a_path_only_with_a_code(
    tmp_path: Path,
) -> None:
    labels = (
        'source = "demo.toml"\n'
        '[[missed]]\nwhat = "A."\ncode = "410"\n'
        '[[missed]]\nwhat = "B."\npath = "channels.blog"\n'
    )
    plan = _write(tmp_path, PLAN, labels)
    expected = [
        "demo.labels.toml: missed[0]: code '410' is not a rule code",
        "demo.labels.toml: missed[1]: path needs a code and must be one line",
    ]
    assert expected == measure.label_problems(plan, [])


def test_a_finding_given_twice_needs_two_labels(tmp_path: Path) -> None:
    plan = _write(tmp_path, PLAN, 'source = "demo.toml"\n' + _label("SP403", "channels.blog"))
    expected = ["demo.labels.toml: unlabelled finding SP403 channels.blog"]
    assert expected == measure.label_problems(plan, [("SP403", "channels.blog")] * 2)


def test_a_label_outside_the_three_words_an_empty_reason_and_a_wrong_source_are_named(
    tmp_path: Path,
) -> None:
    labels = (
        'source = "other.toml"\n'
        + _label("SP401", "x", "maybe")
        + _label("SP402", "y", "true", " ")
    )
    plan = _write(tmp_path, PLAN, labels)
    expected = [
        "demo.labels.toml: source = 'other.toml', expected 'demo.toml'",
        "demo.labels.toml: finding[0] SP401 x: label 'maybe' is not one of "
        "('true', 'false-positive', 'noise')",
        "demo.labels.toml: finding[1] SP402 y: reason must be a non-empty line",
    ]
    assert expected == measure.label_problems(plan, [("SP401", "x"), ("SP402", "y")])


def test_a_missing_labels_file_is_named(tmp_path: Path) -> None:
    plan = _write(tmp_path, PLAN, None)
    expected = ["demo.labels.toml: missing (label every finding of demo.toml)"]
    assert expected == measure.label_problems(plan, [])


def test_the_findings_are_those_check_gives(tmp_path: Path) -> None:
    plan = _write(tmp_path, PLAN, None)
    report = socialplan.validate(socialplan.load(plan))
    expected = sorted((d.code, d.path) for d in report.diagnostics)
    assert expected == sorted(measure.findings(plan))


def test_a_header_without_its_sections_or_an_address_is_named(tmp_path: Path) -> None:
    plan = _write(tmp_path, "# Source: told by a friend\n" + PLAN.split("\n\n", 1)[1], None)
    expected = [
        "demo.toml: the header has no 'Not in the source:' section",
        "demo.toml: the header has no 'The format cannot hold (yet):' section",
        "demo.toml: the header gives no source address (github:… or http…)",
    ]
    assert expected == measure.header_problems(plan)


def test_a_complete_header_passes(tmp_path: Path) -> None:
    assert [] == measure.header_problems(_write(tmp_path, PLAN, None))


def test_the_kind_comes_from_the_kind_line_or_the_file_name(tmp_path: Path) -> None:
    plan = _write(tmp_path, PLAN, None)
    renamed = plan.rename(tmp_path / "09-regional-gov-x.toml")
    renamed.write_text(PLAN.replace("# Kind: small business\n", ""), encoding="utf-8")
    assert ({"small business"}, {"public body or city"}) == (
        measure.kinds(_write(tmp_path, PLAN, None)),
        measure.kinds(renamed),
    )


def test_the_language_comes_from_the_texts_when_the_header_does_not_say(tmp_path: Path) -> None:
    spanish = (
        PLAN + '[objectives.a]\ntitle = "Dar a conocer los servicios de la ciudad en las redes"\n'
    )
    assert ("en", "es") == (
        measure.language(_write(tmp_path, PLAN, None)),
        measure.language(_write(tmp_path, spanish, None)),
    )


def test_a_group_is_true_if_any_part_is_else_false_positive_if_any_is_else_noise() -> None:
    assert ["true", "false-positive", "noise"] == [
        measure.group_label(["noise", "true", "false-positive"]),
        measure.group_label(["noise", "false-positive"]),
        measure.group_label(["noise", "noise"]),
    ]


def test_the_grouped_view_counts_a_group_once_and_a_finding_alone_as_its_own(
    tmp_path: Path,
) -> None:
    labels = 'source = "demo.toml"\n' + "".join(
        _label(code, where, label)
        for code, where, label in [
            ("SP401", "channels.a.owner", "noise"),
            ("SP401", "channels.b.owner", "true"),
            ("SP401", "channels.c.owner", "noise"),
            ("SP101", "x", "false-positive"),
            ("SP101", "y", "noise"),
        ]
    )
    plan = _write(tmp_path, PLAN, labels)
    given = [
        ("SP401", "channels.a.owner", "warning", "3 of 3 channels have no owner"),
        ("SP401", "channels.b.owner", "warning", "3 of 3 channels have no owner"),
        ("SP401", "channels.c.owner", "warning", "3 of 3 channels have no owner"),
        ("SP101", "x", "error", None),
        ("SP101", "y", "error", None),
    ]
    table = measure.group_tally([plan], given=lambda _: given)
    assert {
        "SP401": {"findings": 1, "true": 1},
        "SP101": {"findings": 2, "false-positive": 1, "noise": 1},
    } == {code: dict(row) for code, row in table.items()}


def test_the_measure_prints_the_view_per_part_and_per_group(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    plan = _write(tmp_path, PLAN, 'source = "demo.toml"\n')
    measure.main([str(plan)])
    out = capsys.readouterr().out
    assert (True, True) == (
        "per part (one entry of `check --format json` each):\ncode " in out,
        "per group (one finding as a reader sees it" in out and "\ncode   groups" in out,
    )


def test_a_true_finding_silenced_because_its_section_is_not_started_is_found_by_sp809(
    tmp_path: Path,
) -> None:
    # PLAN has a running blog and no routing rule at all: SP403 is silent and SP809 names
    # message routing, which says the labelled weakness once.
    plan = _write(tmp_path, PLAN, 'source = "demo.toml"\n' + _label("SP403", "channels.blog"))
    found = measure.findings(plan)
    assert (True, (1, 1)) == (("SP809", "") in found, measure.weaknesses(plan, found))


def test_a_missed_entry_naming_a_true_finding_is_one_weakness(tmp_path: Path) -> None:
    labels = (
        'source = "demo.toml"\n'
        + _label("SP306", "channels")
        + '[[missed]]\nwhat = "No channel says why."\ncode = "SP306"\npath = "channels"\n'
    )
    plan = _write(tmp_path, PLAN, labels)
    assert (1, 1) == measure.weaknesses(plan, [("SP306", "channels")])


def test_a_true_vanity_metric_silenced_because_no_metric_names_an_objective_is_found_by_sp201(
    tmp_path: Path,
) -> None:
    # No metric names the objective: SP202 is silent on the metric and SP201 says the same
    # missing link once, on the objective, which finds the labelled weakness.
    plan = _write(
        tmp_path,
        PLAN + '[objectives.known]\ntitle = "Be known"\n[metrics.likes]\nname = "Likes"\n',
        'source = "demo.toml"\n' + _label("SP202", "metrics.likes.measures"),
    )
    found = measure.findings(plan)
    assert (True, (1, 1)) == (
        ("SP201", "objectives.known") in found,
        measure.weaknesses(plan, found),
    )


def test_a_true_vanity_metric_is_not_found_by_sp201_while_some_metric_names_an_objective(
    tmp_path: Path,
) -> None:
    body = (
        '[objectives.known]\ntitle = "Be known"\n[objectives.sold]\ntitle = "Sell"\n'
        '[metrics.visits]\nname = "Visits"\nmeasures = ["sold"]\n'
        '[metrics.likes]\nname = "Likes"\nkind = "qualitative"\n'
    )
    labels = 'source = "demo.toml"\n' + _label("SP202", "metrics.likes.measures")
    plan = _write(tmp_path, PLAN + body, labels)
    found = measure.findings(plan)
    assert (True, (0, 1)) == (
        ("SP201", "objectives.known") in found,
        measure.weaknesses(plan, found),
    )


# The measure itself, on the corpus: the page that shows it, and the floors it may not fall below.

#: Where the checker stands on the corpus (issue #18), per group of default warnings and
#: errors: the share true and the share of weaknesses found. They only go up; both are now
#: the targets of the issue (measure.TARGETS), met (docs/precision.md).
FLOORS = {"precision": 0.85, "recall": 0.80}


def test_no_default_on_rule_is_wrong_more_than_once_in_five() -> None:
    # Issue #18: such a rule becomes opt-in or changes; counted per group and per part.
    assert [] == measure.over_the_limit(PLANS)


def test_docs_precision_page_is_current() -> None:
    page = Path(__file__).parent.parent / "docs" / "precision.md"
    assert measure.page() == page.read_text(encoding="utf-8"), (
        "regenerate it: python -m tests.realworld.measure --page > docs/precision.md"
    )


def test_the_checker_stays_at_least_as_precise_and_finds_at_least_as_much() -> None:
    from collections import Counter

    total: Counter[str] = Counter()
    for row in measure.group_tally(PLANS, ("error", "warning")).values():
        total.update(row)
    hit, weak = measure.recall(PLANS)
    assert (True, True) == (
        total["true"] >= FLOORS["precision"] * total["findings"],
        hit >= FLOORS["recall"] * weak,
    ), (total, hit, weak)

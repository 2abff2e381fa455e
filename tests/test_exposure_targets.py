"""SP215 counts targets as a strategist does: a target written on an objective and again on
its metric is one target."""

from __future__ import annotations

import socialplan

HEAD = 'format = "socialplan/1"\n[plan]\nname = "D"\n'
OBJECTIVE = (
    '[objectives.grow]\ntitle = "Grow"\n'
    'target = { value = 1500, unit = "followers", deadline = 2027-06-30 }\n'
)


def _messages(body: str) -> list[str]:
    plan = socialplan.loads(HEAD + body)
    return [d.message for d in socialplan.validate(plan, select=["SP215"]).diagnostics]


def test_a_target_repeated_on_its_metric_is_the_plans_only_target() -> None:
    metric = (
        '[metrics.f]\nname = "Followers"\nunit = "followers"\nmeasures = ["grow"]\ntarget = 1500\n'
    )
    (message,) = _messages(OBJECTIVE + metric)
    assert message.startswith("the plan's only target counts exposure")


def test_two_exposure_targets_are_both_targets() -> None:
    metric = (
        '[metrics.f]\nname = "Followers"\nunit = "followers"\nmeasures = ["grow"]\ntarget = 900\n'
    )
    (message,) = _messages(OBJECTIVE + metric)
    assert message.startswith("both targets of the plan count exposure")

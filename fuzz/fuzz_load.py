"""Coverage-guided fuzzing of plan loading (atheris, libFuzzer).

Each input is a file's bytes, read as a TOML plan and as a JSON plan. The property:
``socialplan.loads`` returns a plan, which ``socialplan.validate`` checks and
``socialplan.dumps`` writes without raising, or raises ``socialplan.LoadError`` whose
problems each have a code, a message and a place (a dotted path or a line). Any other
exception, or a problem without a place, is a crash.

Run it through nox (``nox -s fuzz -- 600`` for ten minutes), or directly::

    python fuzz/fuzz_load.py tests/corpus fuzz/findings -max_total_time=180 \
        -timeout=10 -rss_limit_mb=4096 -dict=fuzz/plan.dict

New interesting inputs go to the first corpus directory given. The test suite replays
every file of tests/corpus through :func:`check` (tests/test_hostile_input.py), so the
corpus is a regression suite without atheris.
"""

from __future__ import annotations

import re
import sys

import socialplan

FORMATS: tuple[socialplan.Format, ...] = ("toml", "json")
_CODE = re.compile(r"\ASP\d{3}\Z")


def check_load_error(error: socialplan.LoadError) -> None:
    """Every problem of *error* is located and said: a code, a message, a path or a line."""
    assert error.diagnostics, "a LoadError with no problem in it"
    for problem in error.diagnostics:
        assert _CODE.match(problem.code), f"no code: {problem!r}"
        assert problem.severity is socialplan.Severity.ERROR, f"not an error: {problem!r}"
        assert problem.message.strip(), f"no message: {problem!r}"
        assert problem.path or problem.line is not None, f"not located: {problem!r}"


def check(data: bytes) -> list[str]:
    """Load *data* as TOML and as JSON: what each gave, ``"Plan"`` or ``"LoadError"``.

    Anything else raises: the fuzzer reports it as a crash.
    """
    outcomes: list[str] = []
    for fmt in FORMATS:
        try:
            plan = socialplan.loads(data, fmt, file="fuzzed")
        except socialplan.LoadError as error:
            check_load_error(error)
            outcomes.append("LoadError")
            continue
        socialplan.validate(plan)
        for out in FORMATS:
            socialplan.dumps(plan, out).encode("utf-8")
        outcomes.append("Plan")
    return outcomes


def main(argv: list[str]) -> None:  # pragma: no cover - needs atheris and runs for minutes
    import atheris  # type: ignore[import-untyped]

    # Load what a run uses (socialplan's lazy modules, tomli, tomli_w, cattrs), then
    # instrument every function loaded so far, so that coverage guides the search.
    check(b'format = "socialplan/1"\n[plan]\nname = "x"\n')
    check(b'{"format": "socialplan/1", "plan": {"name": "x"}}')
    atheris.instrument_all()
    atheris.Setup(argv, check)
    atheris.Fuzz()


if __name__ == "__main__":
    main(sys.argv)

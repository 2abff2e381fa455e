"""Development sessions: `nox -l` lists them, `nox` runs the default ones."""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.default_venv_backend = "venv"


@nox.session
def tests(session: nox.Session) -> None:
    """Run the whole test suite: unit, property, docs and docstring examples."""
    session.install("-e", ".[tests]")
    session.run("pytest", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """Check style and common mistakes with ruff."""
    session.install("ruff")
    session.run("ruff", "check", "src", "tests", "noxfile.py", "conftest.py")
    session.run("ruff", "format", "--check", "src", "tests", "noxfile.py", "conftest.py")


@nox.session
def typecheck(session: nox.Session) -> None:
    """Check types of the sources and the tests with mypy --strict."""
    session.install("-e", ".[tests]", "mypy")
    session.run("mypy", "--strict", "src", "tests")


@nox.session
def docs(session: nox.Session) -> None:
    """Run every example in docs/ and README.md as a test, then build the site (build/docs).

    Warnings are errors: a broken link, a missing page or a bad docstring fails the build.
    """
    session.install("-e", ".[tests,docs]")
    session.run("pytest", "docs", "README.md", "tests/test_docs.py", *session.posargs)
    session.run("sphinx-build", "-W", "--keep-going", "-b", "html", "docs", "build/docs")


@nox.session
def bench(session: nox.Session) -> None:
    """Measure the performance targets of issue #8 (not a default session).

    Prints a table of ratios against baselines and writes build/bench.json;
    arguments go to the script, e.g. `nox -s bench -- --quick`.
    """
    session.install("-e", ".[fast]", "pydantic>=2", "tomli")
    session.run("python", "benchmarks/bench.py", "--json", "build/bench.json", *session.posargs)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Fuzz plan loading with atheris (not a default session): `nox -s fuzz -- SECONDS`.

    Runs 300 seconds by default, starting from tests/corpus; new inputs go to
    build/fuzz/corpus, a failing input to build/fuzz/crash-*: once fixed, it belongs in
    tests/corpus, whose every file the test suite replays.
    """
    from pathlib import Path

    seconds = session.posargs[0] if session.posargs else "300"
    Path("build/fuzz/corpus").mkdir(parents=True, exist_ok=True)
    session.install("-e", ".", "atheris")
    session.run(
        "python",
        "fuzz/fuzz_load.py",
        "build/fuzz/corpus",
        "tests/corpus",
        f"-max_total_time={seconds}",
        "-timeout=10",
        "-rss_limit_mb=4096",
        "-dict=fuzz/plan.dict",
        "-artifact_prefix=build/fuzz/",
    )

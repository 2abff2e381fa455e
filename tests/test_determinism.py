"""Every writer gives the same bytes for the same plan: in any process, under any hash seed.

Each output is written in this process and in fresh interpreters started with other
``PYTHONHASHSEED`` values (set and dict order of strings changes with it), then compared
byte for byte.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent

# Run as a script in a fresh interpreter, and imported here: name -> sha256 of each output.
WRITERS = r"""
import hashlib, io, json, contextlib, datetime as dt

import socialplan
from socialplan import graphs, observations
from socialplan._cli import main
from socialplan.export import to_csv, to_ics
from socialplan.render import report, scorecard
from socialplan.render._svg import to_svg
from socialplan.schema import schema_text


def outputs():
    out = {}
    for name in ("cartoon", "bakery"):
        plan = socialplan.load(f"examples/{name}/plan.toml")
        out[f"{name} dumps toml"] = socialplan.dumps(plan, "toml")
        out[f"{name} dumps json"] = socialplan.dumps(plan, "json")
        for lang in ("en", "es"):
            out[f"{name} report md {lang}"] = report(plan, lang=lang)
            out[f"{name} report html {lang}"] = report(plan, format="html", lang=lang)
        for what in ("influence", "channels", "routing", "alignment"):
            graph = graphs.build(plan, what)
            out[f"{name} graph {what} mermaid"] = graphs.to_mermaid(graph)
            out[f"{name} graph {what} dot"] = graphs.to_dot(graph)
            out[f"{name} graph {what} svg"] = to_svg(graph, title=what)
        out[f"{name} export csv"] = to_csv(plan)
        out[f"{name} export ics"] = to_ics(plan)
        out[f"{name} trace"] = socialplan.trace(plan).to_text()
        out[f"{name} validate"] = json.dumps([str(d) for d in socialplan.validate(plan)])
    cartoon = socialplan.load("examples/cartoon/plan.toml")
    found = observations.load("examples/cartoon/observations.csv", cartoon)
    card = socialplan.score(cartoon, found, as_of=dt.date(2027, 6, 30))
    for fmt in ("text", "markdown", "html", "json"):
        out[f"cartoon score {fmt}"] = scorecard(card, format=fmt)
    bakery = socialplan.load("examples/bakery/plan.toml")
    out["diff"] = socialplan.diff(bakery, cartoon).to_text()
    out["schema"] = schema_text()
    for command in (["status", "examples/cartoon/plan.toml"], ["rules"]):
        stream = io.StringIO()
        with contextlib.redirect_stdout(stream):
            main(command)
        out[" ".join(command)] = stream.getvalue()
    return {key: hashlib.sha256(text.encode("utf-8")).hexdigest() for key, text in out.items()}


if __name__ == "__main__":
    print(json.dumps(outputs()))
"""


def _here() -> dict[str, str]:
    namespace: dict[str, object] = {"__name__": "writers"}
    exec(compile(WRITERS, "writers", "exec"), namespace)
    outputs = namespace["outputs"]
    assert callable(outputs)
    result: dict[str, str] = outputs()
    return result


def _elsewhere(seed: str) -> dict[str, str]:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env.pop("SOURCE_DATE_EPOCH", None)
    done = subprocess.run(
        [sys.executable, "-c", WRITERS],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, str] = json.loads(done.stdout)
    return result


@pytest.fixture(scope="module")
def here() -> dict[str, str]:
    return _here()


def test_every_writer_is_covered(here: dict[str, str]) -> None:
    kinds = {" ".join(key.split()[1:3]) for key in here}
    assert {
        "dumps toml",
        "dumps json",
        "report md",
        "report html",
        "graph influence",
        "export csv",
        "export ics",
        "score html",
    } <= kinds


@pytest.mark.parametrize("seed", ["0", "1", "4242"])
def test_every_output_is_the_same_under_another_hash_seed(here: dict[str, str], seed: str) -> None:
    elsewhere = _elsewhere(seed)
    assert [] == sorted(key for key in here if here[key] != elsewhere.get(key))


def test_every_output_is_the_same_the_second_time(here: dict[str, str]) -> None:
    assert here == _here()

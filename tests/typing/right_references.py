"""References of the right kind: mypy accepts them (see tests/test_dsl.py)."""

from socialplan import Objective
from socialplan.dsl import PlanBuilder, Ref

p = PlanBuilder("Demo")
fb = p.channel("facebook", platform="facebook")
aware: Ref[Objective] = p.objective("awareness", "Be known")
p.metric("likes", "Likes", measures=[aware, "awareness"], on=[fb])

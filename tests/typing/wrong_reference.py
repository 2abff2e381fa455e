"""A metric that measures a channel: mypy must reject it (see tests/test_dsl.py)."""

from socialplan.dsl import PlanBuilder

p = PlanBuilder("Demo")
fb = p.channel("facebook", platform="facebook")
p.metric("likes", "Likes", measures=[fb])  # error: a channel is not an objective

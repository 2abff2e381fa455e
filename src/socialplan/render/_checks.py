"""placeholder"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

RENDERERS: dict[str, Callable[[Sequence[Any]], str]] = {}

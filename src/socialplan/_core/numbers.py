"""The range of a plan's numbers: finite, at most 1e15 in size, and 0 or at least 1e-15.

Loading refuses a number outside it (docs/robustness.md), observations too, and the
outputs write numbers knowing that nothing smaller than the smallest is there.
"""

from __future__ import annotations

__all__ = [
    "EXPECTED_LARGEST",
    "EXPECTED_SMALLEST",
    "LARGEST",
    "SMALLEST",
    "is_finite",
    "out_of_range",
]

#: The largest size of any number of a plan or of an observation, and the smallest but 0.
#: Past 2**53 (9e15) a float cannot hold every whole number, so a score computed from such
#: numbers would be silently wrong; and a ratio of numbers within both bounds stays finite
#: (the scorecard divides by differences of targets and baselines). Counts, money and rates
#: of any plan fit.
LARGEST = 10**15
SMALLEST = 1e-15
EXPECTED_LARGEST = "a number of at most 1e15 in size"
EXPECTED_SMALLEST = "0, or a number of at least 1e-15 in size"


def out_of_range(number: int | float) -> str | None:
    """What *number* is not, when it is a finite number beyond the range of a plan's numbers.

    >>> out_of_range(10**16), out_of_range(1e-300), out_of_range(0.0), out_of_range(-1e15)
    ('a number of at most 1e15 in size', '0, or a number of at least 1e-15 in size', None, None)
    """
    size = abs(number)
    if size > LARGEST:
        return EXPECTED_LARGEST
    if size < SMALLEST and number != 0:
        return EXPECTED_SMALLEST
    return None


def is_finite(number: int | float) -> bool:
    """Whether *number* is a number at all: not NaN, not infinite (any int is).

    >>> is_finite(10**400), is_finite(float("nan")), is_finite(float("-inf")), is_finite(0.5)
    (True, False, False, True)
    """
    return isinstance(number, int) or (number == number and abs(number) != float("inf"))

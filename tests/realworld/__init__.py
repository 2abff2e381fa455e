"""The corpus of real published strategies, and the measure of the checker on it."""

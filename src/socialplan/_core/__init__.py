"""The core layer: vocabulary, durations, diagnostics, limits, escaping, text and graph helpers.

It imports nothing else of socialplan; every other layer may import it (docs/architecture.md).
"""

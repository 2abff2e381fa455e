"""The io layer: from text to the model and back (parsing, structuring, positions, writing).

It imports only the core and the model (docs/architecture.md).
"""

"""Altair chart builders. Each takes tidy frames and catalogue objects, and returns a chart; no I/O.

Importing this package does not import Altair (about 0.6 s): the pages only need Altair when a chart
spec is not already cached, and serve.py warms those caches while the server starts.
"""

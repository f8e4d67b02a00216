"""Saved rules and watch mode: the planner writes a rule once; `fileagent watch` runs it on the
files that arrive, without the model, through the same engine as `fileagent apply`.

rules.py (the rule files), batch.py (one rule over some items: one normal run), watcher.py (events,
settling, batches, signals).
"""

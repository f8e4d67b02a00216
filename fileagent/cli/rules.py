"""The bodies of `fileagent rule ...` and `fileagent watch` (the typer commands in app.py call them).

Kept apart from app.py so that file stays the list of commands; like apply.py it must not import
typer, and it imports the planner only inside `rule add` (watch loads no model).
"""

from __future__ import annotations

from typing import Any

from fileagent.cli.apply import _read_plan_text
from fileagent.cli.support import IO, _session, _write_json
from fileagent.errors import UsageError

MAX_SETTLE = 3600.0


def do_rule_add(
    name: str, request: str | None, from_plan: str | None, root: str | None, config: str | None, as_json: bool, io: IO
) -> int:
    """Plan once (or read a plan), refuse what a rule cannot be, preview against the tree now, save."""
    from fileagent.watch.batch import compile_rule
    from fileagent.watch.rules import RuleStore, check_name, check_rule, new_rule

    if (request is None) == (from_plan is None):
        raise UsageError("give either a REQUEST or --from-plan PLAN.json, not both or neither")
    check_name(name)
    s = _session(root, config, io)
    store = RuleStore(s.root)
    if store.find(name) is not None:
        raise UsageError(
            f"a rule named {store.find(name)!r} exists already; remove it first (fileagent rule remove {name})"
        )
    if from_plan is not None:
        from fileagent.agent.plan.io import load_plan_checked

        plan = load_plan_checked(_read_plan_text(from_plan, io))
        cs = compile_rule(s, plan, None)
    else:
        if not request or not request.strip():
            raise UsageError("the request is empty")
        from fileagent.agent.planner.planner import plan_request

        plan, cs = plan_request(request, root=s.root, compile=lambda p: compile_rule(s, p, None), later=True)
    check_rule(plan, s.guard)
    rule = new_rule(name, request, plan)
    path = store.save(rule, new=True)
    lang, reading = _reading(rule)
    if as_json:
        _write_json({"rule": rule.to_dict(), "path": str(path), "reading": reading, "totals": cs.totals()}, io)
        return 0
    from fileagent.agent.engine.preview import render, render_reading
    from fileagent.agent.plan.text import to_text

    io.out.write(to_text(plan) + "\n")
    render_reading(reading, io.out, lang)
    if cs.mutating_actions:
        io.out.write("On the tree as it is now, the rule would do this (nothing is changed now):\n")
        render(plan, cs, file=io.out, no_color=io.no_color(), lang=lang)
    else:
        io.out.write("Nothing matches it yet; it waits for the files to arrive.\n")
    io.out.write(f"saved rule {name} ({path}); 'fileagent watch' applies it to new files\n")
    return 0


def _reading(rule: Any) -> tuple[str, list[str]]:
    """The rule's plan in words, in its request's language; no counts: they change as files arrive."""
    from fileagent.agent.engine.reading import read_back
    from fileagent.agent.plan.language import language_of

    lang = language_of(rule.request) if rule.request else "en"
    return lang, read_back(rule.plan, None, lang)


def _rule_summary(rule: Any) -> dict:
    return {**rule.to_dict(), "reading": _reading(rule)[1]}


def do_rule_list(root: str | None, config: str | None, as_json: bool, io: IO) -> int:
    from fileagent.watch.rules import RuleStore

    s = _session(root, config, io)
    rules, errors = RuleStore(s.root).load_all()
    if as_json:
        _write_json(
            {"rules": [_rule_summary(r) for r in rules], "broken": [{"name": n, "error": str(e)} for n, e in errors]},
            io,
        )
        return 0
    if not rules and not errors:
        io.out.write('no rules (add one with: fileagent rule add --name NAME "REQUEST")\n')
    width = max([len(r.name) for r in rules] + [len(n) for n, _ in errors] + [4])
    for r in rules:
        what = r.request if r.request else "; ".join(_reading(r)[1])
        io.out.write(f"{r.name:<{width}}  {'paused' if r.paused else 'active':<6}  {what}\n")
    for n, e in errors:
        io.out.write(f"{n:<{width}}  broken  {e}\n")
    return 0


def do_rule_show(name: str, root: str | None, config: str | None, as_json: bool, io: IO) -> int:
    from fileagent.agent.plan.text import to_text
    from fileagent.watch.rules import RuleStore

    s = _session(root, config, io)
    store = RuleStore(s.root)
    rule = store.load(name)
    if as_json:
        _write_json(_rule_summary(rule), io)
        return 0
    io.out.write(
        f"rule {rule.name} ({'paused' if rule.paused else 'active'}), created {rule.created}\n"
        f"file: {store.path(rule.name)}\n"
    )
    if rule.request:
        io.out.write(f"request: {rule.request}\n")
    io.out.write(to_text(rule.plan) + "\n")
    lang, reading = _reading(rule)
    from fileagent.agent.engine.preview import render_reading

    render_reading(reading, io.out, lang)
    return 0


def do_rule_remove(name: str, root: str | None, config: str | None, io: IO) -> int:
    from fileagent.watch.rules import RuleStore

    s = _session(root, config, io)
    path = RuleStore(s.root).remove(name)
    io.out.write(f"removed rule {path.stem}\n")
    return 0


def do_rule_pause(name: str, paused: bool, root: str | None, config: str | None, io: IO) -> int:
    from fileagent.watch.rules import RuleStore

    s = _session(root, config, io)
    rule = RuleStore(s.root).set_paused(name, paused)
    io.out.write(f"rule {rule.name} {'paused' if paused else 'resumed'}\n")
    return 0


def do_watch(
    root: str | None, config: str | None, yes: bool, once: bool, settle: float, poll: bool, preview: bool, io: IO
) -> int:
    if not 0 <= settle <= MAX_SETTLE:
        raise UsageError(f"--settle must be between 0 and {MAX_SETTLE:g} seconds, not {settle:g}")
    s = _session(root, config, io)
    from fileagent.watch.watcher import Watcher

    w = Watcher(s, settle=settle, apply=yes, out=io.out, err=io.err, poll=poll, preview=preview, no_color=io.no_color())
    return w.once() if once else w.run()

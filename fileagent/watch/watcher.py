"""`fileagent watch`: apply the saved rules to the items that appear or change under the root.

How one item goes through:
1. watchdog's observer (inotify, FSEvents, ReadDirectoryChangesW; polling where there is none)
   reports it: created, written, closed after writing, or moved in. Deletions, opens and reads
   are not news. Events inside ROOT/.fileagent are dropped, except that a change to the rules
   folder makes the loop reload the rules.
2. It settles: it counts once its size and mtime (and inode) have not changed for `settle`
   seconds, so a file still being written is never moved half way. A folder waits for every
   item below it that is still settling.
3. Settled items are debounced into one batch: the batch starts once no event has come for
   `quiet` seconds (or the oldest settled item has waited `max_wait`).
4. Items the rules themselves just wrote or moved (the same fingerprint as right after the run)
   and items the Guard hides or denies are dropped; the rest are the batch's scope, and each
   active rule, in name order, runs over it as one normal run (batch.apply_rule). An item an
   earlier rule moved is no longer where the later rules look.

One line per batch on stdout; an error is one line on stderr and the watcher goes on; a rule that
fails `max_failures` batches in a row is paused (rule resume NAME brings it back). SIGINT and
SIGTERM stop the loop; during a run the executor itself catches them and rolls the run back
(InterruptedRun), like any interrupted run, and `history.undo.recover` finishes what a second
signal leaves unfinished; the watcher then returns 0.
"""

from __future__ import annotations

import os
import queue
import signal
import stat as stat_mod
import time
from typing import Any, TextIO

from fileagent.agent.history import journal as jr
from fileagent.errors import ActionError, FileAgentError, InterruptedRun, StaleError
from fileagent.watch.batch import apply_rule, fingerprint
from fileagent.watch.rules import RULES_DIR, RuleStore

_RULES = "\0rules"  # queue markers (never a path: paths hold no NUL)
_LOST = "\0lost"
_WAKE = "\0wake"
OURS_TTL = 300.0  # seconds a path the rules produced is remembered
OURS_WALK_CAP = 10_000  # items below a folder a rule moved that are remembered one by one


class _Pending:
    __slots__ = ("fp", "last_event", "since")

    def __init__(self, now: float) -> None:
        self.fp: tuple | None = None
        self.since = now
        self.last_event = now


def _fp(path: str) -> tuple | None:
    try:
        st = os.lstat(path)
    except OSError:
        return None
    return st.st_size, st.st_mtime_ns, st.st_ino, stat_mod.S_ISDIR(st.st_mode)


class Watcher:
    def __init__(
        self,
        session: Any,
        *,
        settle: float,
        apply: bool,
        out: TextIO,
        err: TextIO,
        poll: bool = False,
        preview: bool = False,
        no_color: bool = False,
        quiet: float = 0.3,
        max_wait: float = 3.0,
        max_failures: int = 3,
    ) -> None:
        self.session = session
        self.root = os.fspath(session.root)
        self.store = RuleStore(session.root)
        self.settle, self.apply, self.out, self.err = settle, apply, out, err
        self.poll, self.preview, self.no_color = poll, preview, no_color
        self.quiet, self.max_wait, self.max_failures = min(quiet, settle or quiet), max_wait, max_failures
        self.tick = max(0.02, min(0.1, settle / 4))
        self.events: queue.SimpleQueue[str] = queue.SimpleQueue()  # put() is safe in a signal handler
        self.pending: dict[str, _Pending] = {}
        self.ours: dict[str, tuple[tuple | None, float]] = {}
        self.failures: dict[str, int] = {}
        self.known: dict[str, bool] | None = None
        self.last_event = 0.0
        self.stopping = False
        self.in_batch = False
        self.requeued = False
        self.started_wall = time.time()
        state = os.path.join(self.root, jr.state_dir("").name)
        self.state_prefix = state + os.sep
        self.rules_prefix = os.path.join(state, RULES_DIR)

    # ------------------------------------------------------------------ output

    def _line(self, text: str) -> None:
        self.out.write(f"{time.strftime('%Y-%m-%dT%H:%M:%S')} {text}\n")
        self.out.flush()

    def _note(self, text: str) -> None:
        self.err.write(f"fileagent: {text}\n")
        self.err.flush()

    def _error(self, text: str) -> None:
        self.err.write(f"fileagent: error: {' '.join(str(text).split())}\n")
        self.err.flush()

    # ------------------------------------------------------------------ events (observer thread)

    def on_event(self, event: Any) -> None:
        kind = event.event_type
        if kind == "moved":
            path = event.dest_path
        elif kind in ("created", "closed") or (kind == "modified" and not event.is_directory):
            path = event.src_path
        elif kind == "events_lost":  # the kernel's event queue overflowed
            self.events.put(_LOST)
            return
        else:
            return
        path = os.fsdecode(path)
        if path.startswith(self.state_prefix):
            if path.startswith(self.rules_prefix):
                self.events.put(_RULES)
            return
        self.events.put(path)

    def _start_observer(self) -> Any:
        from watchdog import events as ev
        from watchdog.events import FileSystemEventHandler

        watcher = self

        class Handler(FileSystemEventHandler):
            def on_any_event(self, event: Any) -> None:
                watcher.on_event(event)

        wanted = [
            ev.FileCreatedEvent,
            ev.DirCreatedEvent,
            ev.FileModifiedEvent,
            ev.FileMovedEvent,
            ev.DirMovedEvent,
            ev.FileClosedEvent,
            ev.EventsLostEvent,
        ]
        if not self.poll:
            from watchdog.observers import Observer

            try:
                obs = Observer()
                obs.schedule(Handler(), self.root, recursive=True, event_filter=wanted)
                obs.start()
                return obs
            except OSError as e:  # e.g. the inotify watch limit: polling still works
                self._note(f"native file watching is unavailable ({e.strerror or e}); polling instead")
        from watchdog.observers.polling import PollingObserver

        obs = PollingObserver(timeout=1.0)
        obs.schedule(Handler(), self.root, recursive=True, event_filter=wanted)
        obs.start()
        return obs

    # ------------------------------------------------------------------ signals

    def _on_signal(self, signum: int, frame: Any) -> None:
        self.stopping = True
        self.events.put(_WAKE)
        if self.in_batch:
            raise KeyboardInterrupt

    def _install_signals(self) -> dict:
        old = {}
        for sig in (signal.SIGINT, getattr(signal, "SIGTERM", None)):
            if sig is not None:
                old[sig] = signal.signal(sig, self._on_signal)
        return old

    # ------------------------------------------------------------------ rules

    def _active_rules(self) -> list:
        rules, errors = self.store.load_all()
        state = {r.name: r.paused for r in rules}
        if self.known is not None and state != self.known:
            for name in sorted(state.keys() - self.known.keys()):
                self._note(f"watch: rule {name} added" + (" (paused)" if state[name] else ""))
            for name in sorted(self.known.keys() - state.keys()):
                self._note(f"watch: rule {name} removed")
            for name in sorted(state.keys() & self.known.keys()):
                if state[name] != self.known[name]:
                    self._note(f"watch: rule {name} {'paused' if state[name] else 'resumed'}")
        if self.known is None or state != self.known:
            for name, e in errors:
                self._error(f"rule {name} does not load and is skipped: {e}")
        self.known = state
        return [r for r in rules if not r.paused]

    # ------------------------------------------------------------------ the loop

    def run(self) -> int:
        old = self._install_signals()
        observer = None
        try:
            observer = self._start_observer()
            rules = self._active_rules()
            names = ", ".join(r.name for r in rules) or "none yet"
            mode = "applying" if self.apply else "preview only unless the config allows it (--yes applies)"
            self._note(
                f"watching {self.root}: {len(rules)} active rule(s) ({names}); settle {self.settle:g} s; "
                f"{mode}; Ctrl-C stops"
            )
            while not self.stopping:
                self._drain(self.tick if self.pending else 1.0)
                if self.stopping:
                    break
                now = time.monotonic()
                self._settle(now)
                batch = self._take_ready(now)
                if batch:
                    self._run_batch(batch)
        finally:
            for sig, handler in old.items():
                signal.signal(sig, handler)
            if observer is not None:
                observer.stop()
                observer.join(timeout=2.0)
        self._note("watch: stopped")
        return 0

    def once(self) -> int:
        """Every active rule over the whole root, once. 1 when a rule failed, else 0."""
        old = self._install_signals()
        failed = False
        try:
            for rule in self._active_rules():
                if self.stopping:
                    break
                failed |= not self._apply(rule, None)
        finally:
            for sig, handler in old.items():
                signal.signal(sig, handler)
        return 1 if failed else 0

    def _drain(self, timeout: float) -> None:
        try:
            item = self.events.get(timeout=timeout)
        except queue.Empty:
            return
        now = time.monotonic()
        while True:
            if item == _RULES:
                self._active_rules()
            elif item == _LOST:
                self._rescan(now)
            elif item != _WAKE:
                p = self.pending.get(item)
                if p is None:
                    self.pending[item] = _Pending(now)
                else:
                    p.last_event = now
                self.last_event = now
            try:
                item = self.events.get_nowait()
            except queue.Empty:
                return

    def _rescan(self, now: float) -> None:
        """Events were lost: every item changed since the watcher started is news again."""
        self._note("watch: the system dropped file events; rescanning the root")
        for dirpath, dirnames, filenames in os.walk(self.root):
            if dirpath == self.root:
                dirnames[:] = [d for d in dirnames if os.path.join(dirpath, d) + os.sep != self.state_prefix]
            for name in dirnames + filenames:
                path = os.path.join(dirpath, name)
                try:
                    if os.lstat(path).st_ctime >= self.started_wall and path not in self.pending:
                        self.pending[path] = _Pending(now)
                except OSError:
                    continue
        self.last_event = now

    def _settle(self, now: float) -> None:
        for path, p in list(self.pending.items()):
            fp = _fp(path)
            if fp is None:
                del self.pending[path]
            elif fp != p.fp:
                p.fp, p.since = fp, now

    def _take_ready(self, now: float) -> list[tuple[str, tuple]]:
        settle = self.settle
        ready: list[tuple[str, tuple]] = []
        waiting: list[str] = []
        oldest = now
        for path, p in self.pending.items():
            t = max(p.since, p.last_event)
            if p.fp is not None and now - t >= settle:
                ready.append((path, p.fp))
                oldest = min(oldest, t + settle)
            else:
                waiting.append(path)
        if not ready or (now - self.last_event < self.quiet and now - oldest < self.max_wait):
            return []
        if waiting:  # a folder waits for what is still settling below it
            unsettled = tuple(w + os.sep for w in waiting)
            ready = [(r, fp) for r, fp in ready if not (fp[3] and any(w.startswith(r + os.sep) for w in unsettled))]
        for r, _ in ready:
            del self.pending[r]
        return ready

    # ------------------------------------------------------------------ batches

    def _scope(self, batch: list[tuple[str, tuple]]) -> set[str]:
        guard = self.session.guard
        now = time.monotonic()
        self.ours = {k: v for k, v in self.ours.items() if now - v[1] < OURS_TTL}
        scope = set()
        for path, fp in batch:
            rel = os.path.relpath(path, self.root)
            if rel.startswith(os.pardir) or os.path.isabs(rel):
                continue
            rel = rel.replace(os.sep, "/")
            mine = self.ours.get(rel)
            if mine is not None and mine[0] == fp[:3]:
                continue
            if guard.is_hidden(path) or guard.denied_by(rel):
                continue
            scope.add(rel)
        return scope

    def _run_batch(self, batch: list[tuple[str, tuple]]) -> None:
        scope = self._scope(batch)
        if not scope:
            return
        self.requeued = False
        for rule in self._active_rules():
            if self.stopping or self.requeued:  # interrupted, or the whole batch waits to be retried
                return
            self._apply(rule, scope, batch)

    def _apply(self, rule: Any, scope: set[str] | None, batch: list | None = None) -> bool:
        """One rule over one scope. False when it failed (or was interrupted)."""
        preview_to = self.out if (self.preview or not self.apply) else None
        try:
            self.in_batch = True
            result = apply_rule(
                self.session, rule, scope, apply=self.apply, preview_to=preview_to, no_color=self.no_color
            )
        except KeyboardInterrupt:  # a signal outside the run itself (compiling, say)
            self.in_batch = False
            self.stopping = True
            self._roll_back(rule.name)
            return False
        except InterruptedRun as e:  # the run caught the signal and rolled itself back
            self.in_batch = False
            self.stopping = True
            self._note(f"watch: stopped during a batch of rule {rule.name}: {e}")
            self._roll_back(rule.name)  # what a second signal left unfinished
            return False
        except StaleError as e:
            self.in_batch = False
            if batch:
                self._note(f"watch: rule {rule.name}: {e}; trying again once the items settle")
                self._requeue(batch)
            else:
                self._failed(rule.name, e)
            return False
        except ActionError as e:
            self.in_batch = False
            if batch and "another fileagent process" in str(e):  # the root's lock: not the rule's fault
                self._note(f"watch: rule {rule.name}: {e}; trying again shortly")
                self._requeue(batch)
                return False
            self._failed(rule.name, e)
            return False
        except (FileAgentError, OSError, ValueError) as e:
            self.in_batch = False
            self._failed(rule.name, e)
            return False
        finally:
            self.in_batch = False
        self.failures[rule.name] = 0
        if result.status != "nothing":
            self._line(result.summary())
        if result.produced:
            self._remember(result.produced)
        return True

    def _requeue(self, batch: list[tuple[str, tuple]]) -> None:
        self.requeued = True
        now = time.monotonic()
        for path, _ in batch:
            self.pending.setdefault(path, _Pending(now))
        self.last_event = now

    def _remember(self, produced: list[str]) -> None:
        now = time.monotonic()
        left = OURS_WALK_CAP
        for rel in produced:
            path = os.path.join(self.root, rel.replace("/", os.sep))
            fp = fingerprint(path)
            self.ours[rel] = (fp, now)
            if fp is not None and os.path.isdir(path) and not os.path.islink(path):
                for dirpath, dirnames, filenames in os.walk(path):
                    for name in dirnames + filenames:
                        if left <= 0:
                            return
                        left -= 1
                        child = os.path.join(dirpath, name)
                        self.ours[os.path.relpath(child, self.root).replace(os.sep, "/")] = (fingerprint(child), now)

    def _failed(self, name: str, e: BaseException) -> None:
        msg = f"{e.strerror or e}: {e.filename}" if isinstance(e, OSError) and e.filename else str(e)
        self._error(f"rule {name}: {msg}")
        n = self.failures[name] = self.failures.get(name, 0) + 1
        if n >= self.max_failures:
            try:
                self.store.set_paused(name, True)
                self.known = None if self.known is None else {**self.known, name: True}
                self._error(
                    f"rule {name} failed {n} batches in a row and is paused; fix it, then "
                    f"'fileagent rule resume {name}'"
                )
            except (FileAgentError, OSError) as again:
                self._error(f"rule {name} failed {n} batches in a row and could not be paused: {again}")
            self.failures[name] = 0

    def _roll_back(self, name: str) -> None:
        from fileagent.agent.history.undo import recover

        try:
            rep = recover(self.session.root, audit_path=self.session.audit_path)
        except (FileAgentError, OSError) as e:
            self._error(
                f"watch: stopped during a batch of rule {name}; its rollback could not finish "
                f"({e}): run 'fileagent recover'"
            )
            return
        for run, n in rep.rolled_back.items():
            self._note(f"watch: stopped during a batch of rule {name}: rolled back run {run} ({n} action(s) reversed)")

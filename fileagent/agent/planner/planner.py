"""The planner: request text -> (Plan, ChangeSet), by the shipped model under the plan grammar.

`plan_request` is what `fileagent run` and `fileagent plan` call. The model
(NumPy runtime: no torch on this path) beam-searches plan text constrained by
the plan grammar, whose quoted values are spans of the request or paths that
exist under the root. Where the model folder holds a channel model (channel.npz),
the finished candidates are first reordered by how well each also accounts for
the request (channel.py). Candidates are tried best first (that order, but one
that leaves out less of what the request writes goes ahead: order.py):
parse, check against
plan.schema.json, compile (the caller's `compile`, which raises PlanError or
PolicyError). The first that compiles wins, except that a lower candidate never
brings in a deletion the best one does not have. If none does, the best
candidate's PolicyError is raised as is (the request asks for something
refused: exit 3), anything else becomes NoPlannerError (exit 4). If no
candidate compiles and the whole tree under the root is known (under MAX_PATHS
paths), the request is decoded again with the first step kept to paths that
exist (existing_tree.py); a retry candidate is held to the first decode's best
reading as a lower candidate is (no new deletion, no change where it looked).
A file job whose reading tried first names, in its first step, something that is
not there ends as a refusal of class "absent" with the compiler's hint of what
is there (refusal.named_absent), not as a job for another program.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path

from fileagent.agent.engine.changeset import ChangeSet
from fileagent.agent.plan.model import Plan
from fileagent.agent.planner.existing_tree import spelled_as_on_disk
from fileagent.agent.planner.grounding import ungrounded
from fileagent.agent.planner.order import refusal, request_order
from fileagent.agent.planner.plausibility import changes_nothing, implausible
from fileagent.agent.planner.refusal import (
    REFUSAL_CLASSES,
    REFUSAL_OP,
    Refusal,
    RequestRefused,
    named_absent,
    parse_refusal,
)
from fileagent.errors import NoPlannerError, PlanError
from fileagent.policies.paths import STATE_DIR

SHIPPED_DIR = Path(__file__).resolve().parents[2] / "llm" / "shipped"
MODEL_FILE, TOKENIZER_FILE, CHANNEL_FILE = "planner.npz", "tokenizer.model", "channel.npz"
CALIBRATION_FILE = "calibration.json"
MAX_PATHS = 5000
BEAM = 4
MAX_NEW = 160


def model_dir() -> Path:
    env = os.environ.get("FILEAGENT_MODEL_DIR")
    return Path(env) if env else SHIPPED_DIR


class Planner:
    """A loaded model + tokenizer + grammar: `candidates(prompt, paths)` -> plan texts, best first."""

    def __init__(self, directory: Path):
        from fileagent.agent.planner.grammar import PlanGrammar
        from fileagent.llm.runtime import NumpyGPT
        from fileagent.llm.tokenizer import Tokenizer

        self.model = NumpyGPT.load(directory / MODEL_FILE)
        self.tokenizer = Tokenizer(directory / TOKENIZER_FILE)
        # The channel model (plan -> request) reranks the beam where the run trained one (channel.py).
        self.channel = NumpyGPT.load(directory / CHANNEL_FILE) if (directory / CHANNEL_FILE).is_file() else None
        if self.channel is not None and self.channel.vocab_size != self.model.vocab_size:
            raise NoPlannerError(
                f"{directory / CHANNEL_FILE} does not match {MODEL_FILE} "
                f"(vocabulary {self.channel.vocab_size}, not {self.model.vocab_size})"
            )
        calibration = directory / CALIBRATION_FILE
        self.calibration = json.loads(calibration.read_text(encoding="utf-8")) if calibration.is_file() else {}
        from fileagent.agent.plan.model import OPS

        self.pieces = self.tokenizer.token_bytes()
        self.grammar = PlanGrammar(
            self.pieces, self.tokenizer.eos_id, op_tokens={op: self.tokenizer.encode(op) for op in (*OPS, REFUSAL_OP)}
        )

    def prompt_ids(self, prompt: str) -> list[int]:
        return self.tokenizer.prompt(prompt)

    def refusal_margin(self, prompt: str, plan_text: str) -> tuple[float, str]:
        """(log P(plan | request) - log P(best refusal | request), that refusal's class), both on the
        plain model: how much more the model believes the plan than not acting at all."""
        from fileagent.llm.decode import sequence_logprobs

        texts = [plan_text] + [Refusal(why).text() for why in REFUSAL_CLASSES]
        scores = sequence_logprobs(
            self.model, self.prompt_ids(prompt), [self.tokenizer.encode(t) for t in texts], self.tokenizer.eos_id
        )
        k = max(range(len(REFUSAL_CLASSES)), key=lambda i: scores[1 + i])
        return scores[0] - scores[1 + k], REFUSAL_CLASSES[k]

    @property
    def min_margin(self) -> float | None:
        """The acceptance rule's threshold from the model folder's calibration.json, if any."""
        return self.calibration.get("min_margin")

    def candidates(
        self, prompt: str, paths: list[str], *, beam: int = BEAM, constrained: bool = True, whole_tree: bool = False
    ) -> list[tuple[str, bool]]:
        """(plan text, finished) per beam candidate, in the model's order, reranked by the channel
        model where there is one (`pick` tries them in request order, order.py).
        `whole_tree`: `paths` are all the paths under the root, so the first step may only select
        one of them."""
        from fileagent.agent.planner.constraint import PlanConstraint
        from fileagent.llm.decode import beam_search

        ids = self.prompt_ids(prompt)
        if len(ids) >= self.model.block_size - 8:
            raise NoPlannerError(
                f"could not plan this request: it is too long ({len(ids)} tokens, at most {self.model.block_size - 8})"
            )
        constraint = PlanConstraint(self.grammar, prompt, paths, whole_tree=whole_tree) if constrained else None
        found = beam_search(
            self.model,
            ids,
            eos_id=self.tokenizer.eos_id,
            constraint=constraint,
            beam=beam,
            max_new=MAX_NEW,
            pieces=self.pieces,
        )
        if self.channel is not None:
            from fileagent.agent.planner.channel import rerank as channel_rerank

            found = channel_rerank(self.model, self.channel, self.tokenizer, ids, prompt, found)
        return [(self.tokenizer.decode(c.ids), c.finished) for c in found]


@lru_cache(maxsize=4)
def load_planner(directory: Path) -> Planner:
    missing = [n for n in (MODEL_FILE, TOKENIZER_FILE) if not (directory / n).is_file()]
    if missing:
        raise NoPlannerError(f"no planner model installed (missing {', '.join(missing)} in {directory})")
    return Planner(directory)


def existing_paths(root: Path, cap: int = MAX_PATHS) -> list[str]:
    """Root-relative "/" paths of files and folders under root (breadth first, at most `cap`),
    leaving out the agent's own state folder."""
    out: list[str] = []
    queue = [("", str(root))]
    while queue and len(out) < cap:
        rel, folder = queue.pop(0)
        try:
            entries = sorted(os.scandir(folder), key=lambda e: e.name)
        except OSError:
            continue
        for e in entries:
            if not rel and e.name == STATE_DIR:
                continue
            path = rel + e.name
            out.append(path)
            if len(out) >= cap:
                break
            try:
                if e.is_dir(follow_symlinks=False):
                    queue.append((path + "/", e.path))
            except OSError:
                pass
    return out


def parse_candidate(text: str) -> Plan:
    """Plan text -> Plan, checked against plan.schema.json; PlanError when it is not a valid plan."""
    from fileagent.agent.plan.text import PlanTextError, from_text

    try:
        return from_text(text)  # Plan.from_dict checks the schema
    except (PlanTextError, PlanError) as e:
        raise PlanError(f"model wrote an invalid plan {text!r}: {str(e).splitlines()[0]}") from None


def screen(
    text: str,
    finished: bool,
    root: Path | None,
    compile: Callable[[Plan], ChangeSet] | None = None,
    prompt: str = "",
    later: bool = False,
) -> tuple[Plan, ChangeSet | None]:
    """A candidate as a Plan (and its ChangeSet, with `compile`), if it is one a request could mean:
    finished, valid, compiling, plausible. PlanError says why not. Compiling comes before the
    plausibility checks, so a candidate the policy refuses is refused (PolicyError), never passed
    over for a lower one. `later`: the plan is a saved rule for files still to come, so changing
    nothing on the tree as it is now is fine."""
    if not finished:
        raise PlanError(f"model did not finish a plan (stopped at {text[:60]!r})")
    plan = parse_candidate(text)
    loose = ungrounded(plan, prompt) if prompt else None
    if loose:
        raise PlanError(f"plan {text!r}: {loose}")
    try:
        changes = compile(plan) if compile is not None else None
    except PlanError as e:
        e.context["compile"] = True
        raise
    odd = implausible(plan, root, prompt)
    if odd:
        raise PlanError(f"plan {text!r} {odd}")
    if changes is not None and not later and changes_nothing(plan, changes):
        raise PlanError(f"plan {text!r} would change nothing")
    return plan, changes


def choose(
    candidates: list[tuple[str, bool]],
    compile: Callable[[Plan], ChangeSet],
    root: Path | None = None,
    prompt: str = "",
    best: str | None = None,
    later: bool = False,
) -> tuple[Plan, ChangeSet]:
    """The first candidate that parses, validates and compiles.

    A candidate the policy refuses ends the search with that refusal: a lower
    candidate that compiles is a different request ("delete the files one level
    up" must not become "delete docs"), so it is never run in its place."""
    _, plan, changes = pick(candidates, compile, root, prompt, best, later)
    assert changes is not None  # pick compiles whenever it is given `compile`
    return plan, changes


def pick(
    candidates: list[tuple[str, bool]],
    compile: Callable[[Plan], ChangeSet] | None,
    root: Path | None = None,
    prompt: str = "",
    best: str | None = None,
    later: bool = False,
) -> tuple[int, Plan, ChangeSet | None]:
    """`choose`, with the index of the chosen candidate in `candidates` (the model's order); without
    `compile` (the held-out evaluation has no tree) a candidate only has to be finished, valid and
    plausible. They are tried in request order, each held to the model's best reading `best`
    (default: the first candidate): `refusal` says which may not stand in for it."""
    tried: list[tuple[str, Exception]] = []  # each failed candidate's text beside its error
    if best is None:
        best = candidates[0][0] if candidates else ""
    for text, finished in request_order(candidates, prompt):
        refused = parse_refusal(text) if finished else None
        if refused is not None:
            # the model reads the request as not a file job ahead of every plan left: refuse
            raise RequestRefused(refused.why, prompt, after=tried[0] if tried else None)
        try:
            why = refusal(best, text, prompt) if text != best else None
            if why:
                raise PlanError(f"plan {text!r} {why}")
            return (candidates.index((text, finished)), *screen(text, finished, root, compile, prompt, later))
        except PlanError as e:
            if later and e.context.get("compile"):
                # A rule's selections may match nothing, so a reading fails to compile only when it
                # names something absent; a lower reading that compiles is another request.
                raise NoPlannerError(f"could not plan this request: {e}") from None
            tried.append((text, e))
    if not tried:
        raise NoPlannerError("could not plan this request: the model produced no candidate")
    raise NoPlannerError(f"could not plan this request: {tried[0][1]}", after=tried[0])


def plan_request(
    prompt: str, *, root: Path, compile: Callable[[Plan], ChangeSet], later: bool = False
) -> tuple[Plan, ChangeSet]:
    """`later`: plan a saved rule, which may change nothing on the tree as it is now (see `screen`)."""
    if not prompt.strip():
        raise NoPlannerError("could not plan this request: it is empty")
    planner = load_planner(model_dir().resolve())
    paths = existing_paths(Path(root))
    first = planner.candidates(prompt, paths)
    try:
        return accept(planner, prompt, *choose(first, compile, Path(root), prompt, later=later))
    except RequestRefused as refused:
        raise _or_absent(planner, prompt, refused) from None
    except NoPlannerError as e:
        error = e
    if len(paths) >= MAX_PATHS or not first:
        raise _or_absent(planner, prompt, error)
    # No reading compiled, and the whole tree is known: decode again with the first step kept to
    # paths that exist. A retry may not delete, or change files, where the model's best reading
    # did not (request_order.refusal); if none compiles, the error is the first decode's, which names what
    # the request asked for.
    found = planner.candidates(prompt, paths, whole_tree=True)
    retry = list(zip(spelled_as_on_disk([t for t, _ in found], paths), [done for _, done in found], strict=True))
    kept = [c for c in retry if refusal(first[0][0], c[0], prompt) is None and _names_its_target(c[0], prompt)]
    try:
        return accept(planner, prompt, *choose(kept, compile, Path(root), prompt, best=first[0][0], later=later))
    except RequestRefused as refused:
        raise _or_absent(planner, prompt, refused, error.context.get("after")) from None
    except NoPlannerError:
        raise _or_absent(planner, prompt, error) from None


def _or_absent(
    planner: Planner, prompt: str, error: NoPlannerError, after: tuple[str, Exception] | None = None
) -> NoPlannerError:
    """`error`, or in its place a refusal of class "absent" where the first decode's reading tried
    first (`after`, else the one `error` records) names nothing that exists (refusal.named_absent).
    Small talk stays small talk."""
    if isinstance(error, RequestRefused):
        if error.why == "chat":
            return error
        after = after or error.after
    else:
        after = after or error.context.get("after")
    return named_absent(planner, prompt, after) or error


def _names_its_target(text: str, prompt: str) -> bool:
    """A retry candidate's first step selects an existing path the request itself names: the retry
    mends how a name is written (case, form, a typo), never swaps one target for another."""
    from fileagent.agent.plan.text import PlanTextError, from_text
    from fileagent.agent.planner.existing_tree import named_by

    try:
        step = from_text(text).steps[0]
    except (PlanTextError, ValueError):
        return False
    sel = getattr(step, "select", None)
    values = [getattr(sel, "path", None), getattr(sel, "in_", None)] if sel is not None else []
    values.append(getattr(step, "path", None))
    return all(named_by(prompt, v) for v in values if isinstance(v, str))


def accept(planner: Planner, prompt: str, plan: Plan, changes: ChangeSet) -> tuple[Plan, ChangeSet]:
    """The acceptance rule: a plan stands only when the model believes it clearly more than its
    best refusal reading (margin calibrated on held-out requests: calibration.json)."""
    threshold = planner.min_margin
    if threshold is None:
        return plan, changes
    from fileagent.agent.plan.text import to_text

    margin, why = planner.refusal_margin(prompt, to_text(plan))
    if margin < threshold:
        raise RequestRefused(why, prompt)
    return plan, changes

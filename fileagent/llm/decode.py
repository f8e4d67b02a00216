"""Beam search over the NumPy runtime, optionally constrained by a grammar.

A Constraint walks a state machine over token ids. At every step the model's
log-probabilities are renormalised over the tokens the grammar allows (the
rest are -inf). Tokens the grammar forces are appended without scoring and fed
to the model in the same forward call as the token that led to them.

Scores are plain sums of log-probabilities of the chosen (unforced) tokens, not
length-normalised: forced text costs nothing, so dividing by length would
reward plans for how much of them the grammar wrote.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np

from fileagent.llm.runtime import Cache, NumpyGPT


class Constraint(Protocol):
    def start(self) -> object: ...  # initial grammar state
    def allowed(self, state) -> np.ndarray | None: ...  # bool mask (vocab,) allowed now; None = any
    def forced(self, state) -> list[int]: ...  # tokens the grammar forces next (maybe empty)
    def advance(self, state, token: int) -> object: ...  # new state; never mutates `state`
    def done(self, state) -> bool: ...  # complete: eos is the only continuation


@dataclass
class Candidate:
    ids: list[int]  # generated ids after the prompt, forced ones included, eos excluded
    logprob: float  # sum of the scored tokens' log-probabilities (eos included)
    finished: bool  # ended with eos (or the grammar completed)


@dataclass
class _Beam:
    ids: list[int]
    logprob: float
    state: object
    cache: Cache | None = None
    logits: np.ndarray | None = field(default=None, repr=False)  # (V,) after the last fed token
    text: bytes = b""  # what ids spell (with `pieces`)


def _log_softmax(logits: np.ndarray, mask: np.ndarray | None) -> np.ndarray:
    x = logits.astype(np.float64)
    if mask is not None:
        x = np.where(mask, x, -np.inf)
    top = x.max()
    return x - (top + np.log(np.exp(x - top).sum()))


def _force(constraint: Constraint | None, state, limit: int) -> tuple[list[int], object]:
    """Follow the grammar's forced tokens (at most `limit` of them)."""
    forced: list[int] = []
    if constraint is None:
        return forced, state
    while len(forced) <= limit:
        step = constraint.forced(state)
        if not step:
            break
        for token in step:
            state = constraint.advance(state, token)
        forced += step
    return forced, state


def beam_search(
    model: NumpyGPT,
    prompt_ids: Sequence[int],
    *,
    eos_id: int,
    constraint: Constraint | None = None,
    beam: int = 4,
    max_new: int = 160,
    pieces: Sequence[bytes] | None = None,
) -> list[Candidate]:
    """Up to `beam` candidates, best first (finished ones before unfinished). beam=1 is greedy.

    With `pieces` (each token's bytes), hypotheses that spell the same text in other pieces
    ("notes" + ".md", "note" + "s.md") are one: only the best is kept, so the beam's slots go to
    different plans."""
    spell = (lambda ids: b"".join(pieces[t] for t in ids)) if pieces is not None else (lambda ids: b"")
    if len(prompt_ids) >= model.block_size:
        raise ValueError(f"prompt of {len(prompt_ids)} tokens leaves no room in block_size {model.block_size}")
    max_new = min(max_new, model.block_size - len(prompt_ids))
    state = constraint.start() if constraint is not None else None
    forced, state = _force(constraint, state, max_new)
    if constraint is not None and constraint.done(state):
        return [Candidate(forced, 0.0, True)] if len(forced) <= max_new else []
    if len(forced) >= max_new:
        return [Candidate(forced[:max_new], 0.0, False)]
    cache = model.new_cache()
    logits = model.forward(list(prompt_ids) + forced, cache)[-1]
    alive = [_Beam(forced, 0.0, state, cache, logits, spell(forced))]
    finished: list[Candidate] = []
    unfinished: list[Candidate] = []

    done_texts: set[bytes] = set()
    while alive:
        step_texts: set[bytes] = set()
        # Score every (beam, token) extension; keep the best `beam` overall.
        options: list[tuple[float, int, int]] = []  # (score, beam index, token)
        for b, bm in enumerate(alive):
            mask = constraint.allowed(bm.state) if constraint is not None else None
            if mask is not None and not mask.any():
                continue  # grammar dead end: drop the beam
            assert bm.logits is not None  # every alive beam has been fed
            logp = _log_softmax(bm.logits, mask)
            k = min(beam, int(np.isfinite(logp).sum()))
            for token in np.argpartition(-logp, k - 1)[:k]:
                options.append((bm.logprob + float(logp[token]), b, int(token)))
        options.sort(key=lambda o: (-o[0], o[1], o[2]))

        children: list[tuple[_Beam, int]] = []  # (child, parent index)
        taken = 0
        for score, b, token in options:
            if taken == beam:
                break
            parent = alive[b]
            if token == eos_id:
                if pieces is not None and parent.text in done_texts:
                    continue
                done_texts.add(parent.text)
                finished.append(Candidate(parent.ids, score, True))
                taken += 1
                continue
            state = constraint.advance(parent.state, token) if constraint is not None else None
            forced, state = _force(constraint, state, max_new - len(parent.ids) - 1)
            child = _Beam(parent.ids + [token] + forced, score, state, text=parent.text + spell([token] + forced))
            done = constraint is not None and constraint.done(state)
            if pieces is not None and child.text in (done_texts if done else step_texts):
                continue
            taken += 1
            if done:
                # Only eos may follow, with probability 1 after masking: no model call needed.
                done_texts.add(child.text)
                finished.append(Candidate(child.ids, score, True))
            elif len(child.ids) >= max_new:
                unfinished.append(Candidate(child.ids[:max_new], score, False))
            else:
                step_texts.add(child.text)
                children.append((child, b))

        # Children of one parent share its cache: the last one takes it, the others copy it first.
        last_child = {b: i for i, (_, b) in enumerate(children)}
        for i, (child, b) in enumerate(children):
            parent_cache = alive[b].cache
            assert parent_cache is not None
            child.cache = parent_cache if last_child[b] == i else parent_cache.copy()
        for child, b in children:
            assert child.cache is not None
            new_tokens = child.ids[len(alive[b].ids) :]
            child.logits = model.forward(new_tokens, child.cache)[-1]
        alive = [child for child, _ in children]

        if len(finished) >= beam and alive:
            kth_best = sorted((c.logprob for c in finished), reverse=True)[beam - 1]
            if kth_best >= max(bm.logprob for bm in alive):
                break  # scores only fall as beams grow: none alive can enter the top `beam`

    finished.sort(key=lambda c: -c.logprob)
    unfinished.sort(key=lambda c: -c.logprob)
    return (finished + unfinished)[:beam]


def sequence_logprobs(
    model: NumpyGPT, prompt_ids: Sequence[int], continuations: Sequence[Sequence[int]], eos_id: int
) -> list[float]:
    """log P(ids, eos | prompt) for each continuation `ids`: every token scored by the plain model
    (nothing forced, no mask), so texts decoded under different constraints compare on one scale;
    -inf for one that does not fit. The prompt is run once and its cache shared."""
    if not prompt_ids or len(prompt_ids) >= model.block_size:
        return [float("-inf")] * len(continuations)
    shared = model.new_cache()
    model.forward(list(prompt_ids[:-1]), shared)
    scores = []
    for ids in continuations:
        target = list(ids) + [eos_id]
        if len(prompt_ids) + len(target) > model.block_size:
            scores.append(float("-inf"))
            continue
        # fed: the prompt's last token and all of the target but eos; row t predicts target[t]
        logits = model.forward([prompt_ids[-1]] + target[:-1], shared.copy()).astype(np.float64)
        logits -= logits.max(-1, keepdims=True)
        logp = logits - np.log(np.exp(logits).sum(-1, keepdims=True))
        scores.append(float(logp[np.arange(len(target)), target].sum()))
    return scores


def sequence_logprob(model: NumpyGPT, prompt_ids: Sequence[int], ids: Sequence[int], eos_id: int) -> float:
    """log P(ids, eos | prompt) of one continuation (sequence_logprobs)."""
    return sequence_logprobs(model, prompt_ids, [ids], eos_id)[0]

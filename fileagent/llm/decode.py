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
    cache = model.new_cache(len(prompt_ids) + max_new)
    fed = list(prompt_ids) + forced
    logits = model.forward(fed, cache, logits_from=len(fed) - 1)[-1]
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
        caches = []
        for i, (child, b) in enumerate(children):
            parent_cache = alive[b].cache
            assert parent_cache is not None
            child.cache = parent_cache if last_child[b] == i else parent_cache.copy()
            caches.append(child.cache)
        # All children in one call; each needs the logits after its last new token only.
        rows = [child.ids[len(alive[b].ids) :] for child, b in children]
        step_logits = model.forward_rows(rows, caches, [len(r) - 1 for r in rows])
        for (child, _), logits in zip(children, step_logits, strict=True):
            child.logits = logits[-1]
        alive = [child for child, _ in children]

        if len(finished) >= beam and alive:
            kth_best = sorted((c.logprob for c in finished), reverse=True)[beam - 1]
            if kth_best >= max(bm.logprob for bm in alive):
                break  # scores only fall as beams grow: none alive can enter the top `beam`

    finished.sort(key=lambda c: -c.logprob)
    unfinished.sort(key=lambda c: -c.logprob)
    return (finished + unfinished)[:beam]


def pair_logprobs(model: NumpyGPT, pairs: Sequence[tuple[Sequence[int], Sequence[int]]], eos_id: int) -> list[float]:
    """log P(ids, eos | prompt) for each (prompt, ids): every token scored by the plain model
    (nothing forced, no mask), so texts decoded under different constraints compare on one scale;
    -inf for a pair that does not fit. All pairs run in one batched forward; the longest start they
    share (short of where scoring begins) runs once, its cache copied to each."""
    scores = [float("-inf")] * len(pairs)
    fits = [i for i, (prompt, ids) in enumerate(pairs) if prompt and len(prompt) + len(ids) < model.block_size]
    if not fits:
        return scores
    # fed: the prompt and all of the target but eos; from the prompt's last token on, row t predicts target[t]
    fed = [list(pairs[i][0]) + list(pairs[i][1]) for i in fits]
    first = [len(pairs[i][0]) - 1 for i in fits]  # where the scored rows begin
    n = 0
    while n < min(first) and all(seq[n] == fed[0][n] for seq in fed):
        n += 1
    shared = model.new_cache(max(len(seq) for seq in fed))
    model.forward(fed[0][:n], shared, logits_from=n)
    caches = [shared.copy() for _ in fits[1:]] + [shared]
    rows = model.forward_rows([seq[n:] for seq in fed], caches, [f - n for f in first])
    for i, logits in zip(fits, rows, strict=True):
        target = np.asarray(list(pairs[i][1]) + [eos_id], dtype=np.int64)
        # float32 is exact enough for the normaliser (pairwise sums of values in [0, 1]); the
        # difference that makes each log-probability is taken in float64.
        top = logits.max(-1)
        total = np.exp(logits - top[:, None]).sum(-1)
        picked = logits[np.arange(len(target)), target].astype(np.float64)
        scores[i] = float((picked - top - np.log(total.astype(np.float64))).sum())
    return scores


def sequence_logprobs(
    model: NumpyGPT, prompt_ids: Sequence[int], continuations: Sequence[Sequence[int]], eos_id: int
) -> list[float]:
    """log P(ids, eos | prompt) for each continuation `ids` of one prompt (pair_logprobs)."""
    return pair_logprobs(model, [(prompt_ids, ids) for ids in continuations], eos_id)


def sequence_logprob(model: NumpyGPT, prompt_ids: Sequence[int], ids: Sequence[int], eos_id: int) -> float:
    """log P(ids, eos | prompt) of one continuation (pair_logprobs)."""
    return pair_logprobs(model, [(prompt_ids, ids)], eos_id)[0]

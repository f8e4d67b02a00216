"""Noisy-channel reranking of the planner's beam.

The planner's model scores log P(plan | request). Read alone, that favours plans that are likely
whatever the request says: a plan that leaves out a step or an argument the request asks for, or an
op the model has seen next to similar words ("relocate" read as copy, "would you mind deleting X"
as a move to "deleting"). A second model, the channel, is trained on the same corpus turned round
(plan -> request) and scores log P(request | plan): how well a plan accounts for every word of the
request. The finished candidates are put in the order of

    log P(plan | request) + CHANNEL_WEIGHT * log P(request | plan)

each term scored by its plain model over the whole text (decode.pair_logprobs), so candidates
that the grammar forced into shape compare on one scale. Every candidate explains the same request,
so the channel term needs no length correction. Only the order changes: the planner still parses,
checks and compiles each candidate (planner.pick).

CHANNEL_WEIGHT was chosen on held-out pairs of a corpus seed that no reported figure uses
(docs/planner.md).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING

from fileagent.llm.decode import Candidate, pair_logprobs, sequence_logprobs

if TYPE_CHECKING:
    from fileagent.llm.runtime import NumpyGPT
    from fileagent.llm.tokenizer import Tokenizer

CHANNEL_WEIGHT = 0.3


def rerank(
    forward: NumpyGPT,
    channel: NumpyGPT,
    tokenizer: Tokenizer,
    prompt_ids: Sequence[int],
    request: str,
    found: list[Candidate],
    weight: float = CHANNEL_WEIGHT,
) -> list[Candidate]:
    """`found` (a beam, best first) with its finished candidates in the order of the combined score,
    ahead of the unfinished ones as before; ties keep the beam's order. A beam where some candidate
    cannot be scored both ways (too long for a model) keeps its order."""
    finished = [c for c in found if c.finished]
    if len(finished) < 2:
        return found
    request_ids = tokenizer.encode(request)
    there = sequence_logprobs(forward, prompt_ids, [c.ids for c in finished], tokenizer.eos_id)
    back = pair_logprobs(
        channel, [(tokenizer.prompt(tokenizer.decode(c.ids)), request_ids) for c in finished], tokenizer.eos_id
    )
    scores = [t + weight * b for t, b in zip(there, back, strict=True)]
    if not all(math.isfinite(s) for s in scores):
        return found
    order = sorted(range(len(finished)), key=lambda i: (-scores[i], i))
    return [finished[i] for i in order] + [c for c in found if not c.finished]

"""Batched inference gives the numbers one-at-a-time inference gives: forward_rows against forward,
pair_logprobs against a plain log-softmax per pair, beam search with its batched steps against the
same search fed one sequence per call."""

from __future__ import annotations

import numpy as np
import pytest

from fileagent.llm.decode import beam_search, pair_logprobs, sequence_logprobs
from fileagent.llm.runtime import NumpyGPT

VOCAB, EOS = 40, 3
CONFIG = dict(
    vocab_size=VOCAB, block_size=64, n_layer=2, n_head=2, n_embd=32, mlp_hidden=48, rope_theta=10000.0, norm_eps=1e-5
)


def random_model(seed: int) -> NumpyGPT:
    rng = np.random.default_rng(seed)
    C, H = CONFIG["n_embd"], CONFIG["mlp_hidden"]
    w = {"wte.weight": rng.normal(0, 1.0, (VOCAB, C)), "norm.weight": rng.uniform(0.5, 1.5, C)}
    for i in range(CONFIG["n_layer"]):
        w |= {
            f"blocks.{i}.attn_norm.weight": rng.uniform(0.5, 1.5, C),
            f"blocks.{i}.mlp_norm.weight": rng.uniform(0.5, 1.5, C),
            f"blocks.{i}.attn.qkv.weight": rng.normal(0, 0.3, (3 * C, C)),
            f"blocks.{i}.attn.proj.weight": rng.normal(0, 0.3, (C, C)),
            f"blocks.{i}.mlp.gate_up.weight": rng.normal(0, 0.3, (2 * H, C)),
            f"blocks.{i}.mlp.down.weight": rng.normal(0, 0.3, (C, H)),
        }
    return NumpyGPT(CONFIG, w)


def ids(seed: int, n: int) -> list[int]:
    return np.random.default_rng(seed).integers(4, VOCAB, n).tolist()


def filled(model: NumpyGPT, prefix: list[int]):
    cache = model.new_cache(1)  # the smallest cache: every forward below has to grow it
    model.forward(prefix, cache)
    return cache


def test_forward_rows_match_forward_row_by_row():
    model = random_model(0)
    prefixes = [ids(1, 9), ids(2, 30), [], ids(4, 3)]
    news = [ids(5, 4), ids(6, 1), ids(7, 12), []]
    starts = [0, 0, 11, 0]  # all rows, all rows, the last row only, nothing
    alone = [model.forward(n, filled(model, p), s) for p, n, s in zip(prefixes, news, starts, strict=True)]
    caches = [filled(model, p) for p in prefixes]
    together = model.forward_rows(news, caches, starts)
    for a, b, n, s in zip(alone, together, news, starts, strict=True):
        assert b.shape == (len(n) - s if n else 0, VOCAB)
        np.testing.assert_allclose(b, a, atol=1e-5)
    # the caches went on as if each row had run alone: a next token scores the same either way
    for p, n, cache in zip(prefixes, news, caches, strict=True):
        assert cache.length == len(p) + len(n)
        np.testing.assert_allclose(
            model.forward([7], cache), model.forward(p + n + [7], model.new_cache())[-1:], atol=1e-5
        )


def test_logits_from_leaves_out_the_rows_before_it():
    model = random_model(1)
    seq = ids(8, 20)
    full = model.forward(seq, model.new_cache())
    np.testing.assert_allclose(model.forward(seq, model.new_cache(), 15), full[15:], atol=1e-5)
    assert model.forward(seq, model.new_cache(), 20).shape == (0, VOCAB)


def test_forward_rows_needs_a_cache_of_its_own_per_row():
    model = random_model(0)
    cache = model.new_cache()
    with pytest.raises(ValueError):
        model.forward_rows([[5], [6]], [cache, cache])
    with pytest.raises(ValueError):
        model.forward_rows([[5] * 40, [6] * 30], [model.new_cache(), filled(model, [4] * 40)])  # 70 > block 64


def reference_logprob(model: NumpyGPT, prompt: list[int], cont: list[int]) -> float:
    """log P(cont, eos | prompt) from one full forward, in float64."""
    logits = model.forward(prompt + cont, model.new_cache()).astype(np.float64)[len(prompt) - 1 :]
    top = logits.max(-1, keepdims=True)
    logp = logits - top - np.log(np.exp(logits - top).sum(-1, keepdims=True))
    return float(sum(logp[t, tok] for t, tok in enumerate(cont + [EOS])))


def test_pair_logprobs_score_each_pair_as_alone():
    model = random_model(2)
    shared = [1, 9, 9, 9]
    # prompts that share a start (run once), one that shares nothing, and one too long to fit
    pairs = [
        (shared + [5, 2], ids(10, 6)),
        (shared + [6, 7, 8, 2], ids(11, 1)),
        (shared + [5, 2], []),
        ([1, 20, 2], ids(12, 9)),
        (shared + [2], ids(13, 70)),
    ]
    got = pair_logprobs(model, pairs, EOS)
    for (prompt, cont), score in zip(pairs[:4], got, strict=False):
        assert score == pytest.approx(reference_logprob(model, prompt, cont), abs=1e-4)
    assert got[4] == float("-inf")
    assert pair_logprobs(model, [([], [5])], EOS) == [float("-inf")]
    # one prompt for all: the shared start is the whole prompt but its last token
    conts = [ids(14, 5), ids(15, 2)]
    assert sequence_logprobs(model, shared + [2], conts, EOS) == pytest.approx(
        [reference_logprob(model, shared + [2], c) for c in conts], abs=1e-4
    )


class OneRowAtATime:
    """The model fed one sequence per call, as beam search did before it batched a step's beams."""

    def __init__(self, model: NumpyGPT):
        self.model, self.block_size, self.calls = model, model.block_size, 0

    def new_cache(self, *args):
        return self.model.new_cache(*args)

    def forward(self, ids, cache, logits_from=0):
        self.calls += 1
        return self.model.forward(ids, cache, logits_from)

    def forward_rows(self, rows, caches, logits_from=None):
        starts = logits_from or [0] * len(rows)
        return [self.forward(r, c, s) for r, c, s in zip(rows, caches, starts, strict=True)]


class Forcing:
    """Any token, but one divisible by 3 is always followed by 6 and 7 (forced): beams then feed rows
    of 1 and 3 tokens."""

    def start(self):
        return "free"

    def allowed(self, state):
        return None

    def forced(self, state):
        return {"trigger": [6], "after6": [7]}.get(state, [])

    def advance(self, state, token):
        if state == "free" and token % 3 == 0:
            return "trigger"
        return "after6" if (state, token) == ("trigger", 6) else "free"

    def done(self, state):
        return False


@pytest.mark.parametrize("constraint", [None, Forcing()], ids=["free", "forced"])
@pytest.mark.parametrize("seed", range(4))
def test_batched_beam_search_equals_one_row_at_a_time(seed, constraint):
    model, prompt = random_model(seed), [1, *ids(seed, 6), 2]
    single = OneRowAtATime(model)
    batched = beam_search(model, prompt, eos_id=EOS, constraint=constraint, beam=4, max_new=30)
    alone = beam_search(single, prompt, eos_id=EOS, constraint=constraint, beam=4, max_new=30)
    assert single.calls > 4  # the search went several steps
    if constraint is not None:
        assert any(6 in c.ids for c in alone)  # some beam took the forced run
    assert [c.ids for c in batched] == [c.ids for c in alone]
    assert [c.finished for c in batched] == [c.finished for c in alone]
    np.testing.assert_allclose([c.logprob for c in batched], [c.logprob for c in alone], atol=1e-5)

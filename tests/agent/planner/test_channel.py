"""Noisy-channel reranking: the beam's finished candidates in the order of the combined score."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from fileagent.agent.planner import channel
from fileagent.agent.planner.planner import CHANNEL_FILE, MODEL_FILE, SHIPPED_DIR, TOKENIZER_FILE, Planner
from fileagent.errors import NoPlannerError
from fileagent.llm.decode import Candidate, sequence_logprob
from fileagent.llm.runtime import NumpyGPT
from fileagent.llm.tokenizer import Tokenizer

REQUEST = "please put a.txt into b"
PLANS = ['move path="a.txt" to="b"', 'copy path="a.txt" to="b"', 'delete path="a.txt"', 'read path="a.txt"']


def random_weights(seed: int, vocab: int) -> tuple[dict, dict[str, np.ndarray]]:
    rng = np.random.default_rng(seed)
    C, H = 32, 64
    config = dict(
        vocab_size=vocab, block_size=96, n_layer=1, n_head=2, n_embd=C, mlp_hidden=H, rope_theta=10000.0, norm_eps=1e-5
    )
    w = {
        "wte.weight": rng.normal(0, 1.0, (vocab, C)),
        "norm.weight": np.ones(C),
        "blocks.0.attn_norm.weight": np.ones(C),
        "blocks.0.mlp_norm.weight": np.ones(C),
        "blocks.0.attn.qkv.weight": rng.normal(0, 0.3, (3 * C, C)),
        "blocks.0.attn.proj.weight": rng.normal(0, 0.3, (C, C)),
        "blocks.0.mlp.gate_up.weight": rng.normal(0, 0.3, (2 * H, C)),
        "blocks.0.mlp.down.weight": rng.normal(0, 0.3, (C, H)),
    }
    return config, w


def random_model(seed: int, vocab: int) -> NumpyGPT:
    return NumpyGPT(*random_weights(seed, vocab))


def setup():
    tok = Tokenizer(SHIPPED_DIR / TOKENIZER_FILE)
    forward, back = random_model(1, tok.vocab_size), random_model(2, tok.vocab_size)
    prompt = tok.prompt(REQUEST)
    beam = [Candidate(tok.encode(p), -float(i), True) for i, p in enumerate(PLANS)]
    return tok, forward, back, prompt, beam


def texts(tok, found):
    return [tok.decode(c.ids) for c in found]


def test_rerank_orders_finished_candidates_by_forward_plus_weighted_channel_score():
    tok, forward, back, prompt, beam = setup()
    there = {p: sequence_logprob(forward, prompt, tok.encode(p), tok.eos_id) for p in PLANS}
    request_ids = tok.encode(REQUEST)
    back_score = {p: sequence_logprob(back, tok.prompt(p), request_ids, tok.eos_id) for p in PLANS}
    by_forward = sorted(PLANS, key=lambda p: -there[p])
    by_channel = sorted(PLANS, key=lambda p: -back_score[p])
    assert by_forward != by_channel  # the random models disagree, so the weight shows
    assert texts(tok, channel.rerank(forward, back, tok, prompt, REQUEST, beam, weight=0.0)) == by_forward
    assert texts(tok, channel.rerank(forward, back, tok, prompt, REQUEST, beam, weight=1e6)) == by_channel
    mixed = sorted(PLANS, key=lambda p: -(there[p] + 0.3 * back_score[p]))
    assert texts(tok, channel.rerank(forward, back, tok, prompt, REQUEST, beam, weight=0.3)) == mixed


def test_unfinished_candidates_stay_behind_and_unscorable_beams_keep_their_order():
    tok, forward, back, prompt, beam = setup()
    unfinished = Candidate(tok.encode('move path="a.txt" to='), -0.5, False)
    found = channel.rerank(forward, back, tok, prompt, REQUEST, beam[:2] + [unfinished] + beam[2:])
    assert found[-1] is unfinished and sorted(texts(tok, found[:-1])) == sorted(PLANS)
    # a candidate too long for the models' block: no score, so the beam's order stands
    long = Candidate(tok.encode('move path="' + "x" * 200 + '" to="b"'), -9.0, True)
    assert channel.rerank(forward, back, tok, prompt, REQUEST, [long] + beam) == [long] + beam
    assert channel.rerank(forward, back, tok, prompt, REQUEST, beam[:1]) == beam[:1]


def test_a_channel_model_of_another_vocabulary_is_refused_when_the_planner_loads(tmp_path):
    for name in (MODEL_FILE, TOKENIZER_FILE):
        shutil.copyfile(SHIPPED_DIR / name, tmp_path / name)
    config, weights = random_weights(3, 500)
    with open(tmp_path / CHANNEL_FILE, "wb") as f:
        np.savez(f, config=np.array(json.dumps(config)), **weights)
    with pytest.raises(NoPlannerError, match="does not match"):
        Planner(tmp_path)

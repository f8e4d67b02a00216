from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

torch = pytest.importorskip("torch")

import torch.nn.functional as F  # noqa: E402

from fileagent.llm.model import GPT, GPTConfig, KVCache, export_npz  # noqa: E402
from fileagent.llm.runtime import NumpyGPT  # noqa: E402

SMALL = GPTConfig(vocab_size=300, block_size=64, n_layer=2, n_head=4, n_embd=64, mlp_hidden=160)


def random_model(cfg: GPTConfig, seed: int = 0) -> GPT:
    """Weights large enough that logits spread over tens of units (a weak parity test otherwise)."""
    torch.manual_seed(seed)
    model = GPT(cfg).eval()
    with torch.no_grad():
        for name, p in model.named_parameters():
            if "norm" in name:
                p.uniform_(0.5, 1.5)
            else:
                p.normal_(0.0, 0.15)
    return model


def torch_logits(model, ids):
    with torch.no_grad():
        return model(torch.tensor([ids]))[0][0].numpy()


@pytest.mark.parametrize("cfg", [SMALL, GPTConfig()], ids=["small", "default"])
def test_numpy_matches_torch_full_and_incremental(cfg, tmp_path):
    model = random_model(cfg)
    ids = np.random.default_rng(1).integers(0, cfg.vocab_size, 48).tolist()
    reference = torch_logits(model, ids)  # (T, V)
    assert np.abs(reference).max() > 5.0

    npm = NumpyGPT.load(export_npz(model, tmp_path / "m.npz", dtype=np.float32))
    full = npm.forward(ids, npm.new_cache())
    assert np.abs(full - reference).max() <= 1e-4

    cache, parts = npm.new_cache(), []
    for lo, hi in [(0, 17), (17, 18), (18, 25), (25, 26), (26, 48)]:  # prefill, single, forced runs
        parts.append(npm.forward(ids[lo:hi], cache))
    assert cache.length == 48
    assert np.abs(np.concatenate(parts) - reference).max() <= 1e-4

    kv, parts = KVCache(cfg.n_layer), []
    with torch.no_grad():
        for lo, hi in [(0, 20), (20, 21), (21, 48)]:
            parts.append(model(torch.tensor([ids[lo:hi]]), cache=kv)[0][0].numpy())
    assert np.abs(np.concatenate(parts) - reference).max() <= 1e-4


def test_fp16_export_loads_and_matches(tmp_path):
    model = random_model(SMALL)
    ids = list(range(5, 45))
    path = export_npz(model, tmp_path / "m16.npz")
    with np.load(path) as data:
        assert data["wte.weight"].dtype == np.float16
    npm = NumpyGPT.load(path)
    assert npm.wte.dtype == np.float32
    reference = torch_logits(model, ids)
    # Rounding weights to fp16 moves logits by ~1e-3 relative.
    assert np.abs(npm.forward(ids, npm.new_cache()) - reference).max() <= 2e-2 * np.abs(reference).max()


def test_cache_copy_is_independent():
    npm = NumpyGPT(*_weights(SMALL))
    base = npm.new_cache()
    npm.forward([1, 2, 3], base)
    fork = base.copy()
    a = npm.forward([7], base)
    b = npm.forward([9], fork)
    again = npm.forward([7], npm_prefix(npm, [1, 2, 3]))
    assert np.allclose(a, again) and not np.allclose(a, b)
    assert base.length == fork.length == 4


def _weights(cfg):
    model = random_model(cfg)
    from dataclasses import asdict

    return asdict(cfg), {k: v.numpy() for k, v in model.state_dict().items()}


def npm_prefix(npm, ids):
    cache = npm.new_cache()
    npm.forward(ids, cache)
    return cache


def test_loss_only_where_masked():
    model = random_model(SMALL)
    idx = torch.randint(0, SMALL.vocab_size, (2, 10))
    targets = torch.randint(0, SMALL.vocab_size, (2, 10))
    mask = torch.zeros(2, 10)
    mask[:, 6:] = 1
    _, loss = model(idx, targets, mask)
    other = targets.clone()
    other[:, :6] = (other[:, :6] + 1) % SMALL.vocab_size  # change unmasked targets only
    _, same = model(idx, other, mask)
    assert torch.allclose(loss, same)
    other[:, 7] = (other[:, 7] + 1) % SMALL.vocab_size
    assert not torch.allclose(loss, model(idx, other, mask)[1])


@pytest.mark.parametrize("smoothing", [0.0, 0.1])
@pytest.mark.parametrize("dtype", [torch.float32, torch.bfloat16])
def test_masked_cross_entropy_matches_pytorch(dtype, smoothing):
    from fileagent.llm.model import MaskedCrossEntropy

    torch.manual_seed(0)
    base = torch.randn(12, 50) * 3
    targets = torch.randint(0, 50, (12,))
    weights = torch.rand(12)
    ours_in = base.clone().to(dtype).requires_grad_()
    ref_in = base.clone().to(dtype).float().requires_grad_()
    ours = MaskedCrossEntropy.apply(ours_in, targets, weights, smoothing)
    ref = (
        F.cross_entropy(ref_in, targets, reduction="none", label_smoothing=smoothing) * weights
    ).sum() / weights.sum()
    (ours * 2).backward()
    (ref * 2).backward()
    assert torch.allclose(ours, ref, atol=1e-5)
    assert ours_in.grad.dtype == dtype
    assert torch.allclose(ours_in.grad.float(), ref_in.grad, atol=1e-2 if dtype == torch.bfloat16 else 1e-6)
    assert torch.equal(ours_in.detach(), base.to(dtype))  # the caller's logits are untouched


def test_label_smoothing_reaches_the_loss_on_both_head_paths():
    model = random_model(SMALL).train()
    torch.manual_seed(2)
    idx = torch.randint(0, SMALL.vocab_size, (2, 10))
    targets = torch.randint(0, SMALL.vocab_size, (2, 10))
    mask = torch.ones(2, 10)
    plain_masked, plain_full = model(idx, targets, mask)[1], model(idx, targets)[1]
    model.label_smoothing = 0.2
    logits, smoothed = model(idx, targets, mask)
    ref = F.cross_entropy(logits.float(), targets.flatten(), label_smoothing=0.2)
    assert torch.allclose(smoothed, ref, atol=1e-5) and not torch.allclose(smoothed, plain_masked)
    assert torch.allclose(model(idx, targets)[1], smoothed, atol=1e-5)
    assert torch.allclose(plain_full, plain_masked, atol=1e-5)


def test_head_rows_rounded_up_give_the_same_loss_and_gradients():
    model = random_model(SMALL).train()
    torch.manual_seed(1)
    idx = torch.randint(0, SMALL.vocab_size, (3, 12))
    targets = torch.randint(0, SMALL.vocab_size, (3, 12))
    mask = torch.zeros(3, 12)
    mask[0, 5:] = 1
    mask[1, 8:11] = 1
    mask[2, 2:4] = 0.5  # 12 masked rows, one weighted less
    results = []
    for multiple in (1, 8):
        model.zero_grad()
        logits, loss = model(idx, targets, mask, row_multiple=multiple)
        loss.backward()
        results.append((logits.shape[0], loss.detach(), {n: p.grad.clone() for n, p in model.named_parameters()}))
    (rows, loss, grads), (rows8, loss8, grads8) = results
    assert (rows, rows8) == (12, 16)
    assert torch.allclose(loss, loss8, atol=1e-6)
    assert all(torch.allclose(grads[n], grads8[n], atol=1e-6) for n in grads)


def test_round_rows_up_adds_the_first_unkept_positions_only_where_it_can():
    from fileagent.llm.model import round_rows_up

    keep = torch.tensor([False, True, False, True, True, False])
    assert round_rows_up(keep, 4).tolist() == [True, True, False, True, True, False]
    assert keep.tolist() == [False, True, False, True, True, False]  # the caller's mask is untouched
    assert round_rows_up(keep, 3) is keep  # already a multiple
    assert round_rows_up(keep, 8) is keep  # 3 unkept positions cannot make 8


def test_default_config_size():
    n = GPT(GPTConfig()).num_params()
    assert 2_500_000 <= n <= 3_500_000  # fp16 on disk: ~5 MB


def test_too_long_sequence_is_refused():
    npm = NumpyGPT(*_weights(SMALL))
    with pytest.raises(ValueError):
        npm.forward(list(range(SMALL.block_size + 1)), npm.new_cache())


def test_runtime_never_imports_torch(tmp_path):
    path = export_npz(random_model(SMALL), tmp_path / "m.npz")
    code = (
        "import sys; from fileagent.llm.runtime import NumpyGPT; from fileagent.llm.decode import beam_search;"
        f"m = NumpyGPT.load({str(path)!r}); beam_search(m, [2, 5, 6], eos_id=3, beam=2, max_new=8);"
        "assert 'torch' not in sys.modules"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_plain_attention_matches_the_fused_kernel():
    model = random_model(SMALL)
    ids = torch.tensor([np.random.default_rng(3).integers(0, SMALL.vocab_size, 40).tolist()])
    with torch.no_grad():
        fused = model(ids)[0]
        model.use_plain_attention()
        plain = model(ids)[0]
    assert model.blocks[0].attn.plain
    assert torch.allclose(plain, fused, atol=1e-4), (plain - fused).abs().max()


def test_dropout_acts_only_while_training(tmp_path):
    """A model trained with dropout exports the same network: eval mode (and the NumPy runtime) is
    deterministic and dropout-free; train mode drops activations."""
    cfg = GPTConfig(vocab_size=300, block_size=64, n_layer=2, n_head=4, n_embd=64, mlp_hidden=160, dropout=0.3)
    model = random_model(cfg)
    ids = np.random.default_rng(2).integers(0, cfg.vocab_size, 20).tolist()
    reference = torch_logits(model, ids)
    npm = NumpyGPT.load(export_npz(model, tmp_path / "m.npz", dtype=np.float32))
    assert np.abs(npm.forward(ids, npm.new_cache()) - reference).max() <= 1e-4
    model.train()
    with torch.no_grad():
        noisy = model(torch.tensor([ids]))[0][0].numpy()
    assert np.abs(noisy - reference).max() > 1e-2

"""NumPy inference for the model in fileagent.llm.model, without torch.

`NumpyGPT.load(path)` reads the .npz written by `export_npz` (float16 weights,
upcast to float32 here). `forward(ids, cache)` runs any number of new tokens at
once on top of the cache (prompt prefill, or a chosen token plus the tokens a
grammar forces) and returns their logits. Caches are preallocated arrays plus a
length, so forking one for a beam is one copy of the filled part.

Shapes: T new tokens, P cached tokens, C n_embd, H n_head, D head dim, V vocab.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

# The matmuls here are tiny: BLAS threads only add spin-waiting, which on a busy
# 2-core machine made decoding 5-10x slower. Only effective if numpy is not yet imported.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402


def rope_tables(head_dim: int, length: int, theta: float) -> tuple[np.ndarray, np.ndarray]:
    """cos, sin tables (length, head_dim) for rotate-half RoPE, float32 (the torch model uses these too)."""
    inv_freq = 1.0 / theta ** (np.arange(0, head_dim, 2, dtype=np.float64) / head_dim)
    angles = np.outer(np.arange(length, dtype=np.float64), inv_freq)
    angles = np.concatenate([angles, angles], axis=1)
    return np.cos(angles).astype(np.float32), np.sin(angles).astype(np.float32)


class Cache:
    """Per-layer keys and values, (n_layer, H, block_size, D) each, filled up to `length`."""

    def __init__(self, k: np.ndarray, v: np.ndarray, length: int = 0):
        self.k, self.v, self.length = k, v, length

    def copy(self) -> Cache:
        k, v = np.empty_like(self.k), np.empty_like(self.v)
        k[:, :, : self.length] = self.k[:, :, : self.length]
        v[:, :, : self.length] = self.v[:, :, : self.length]
        return Cache(k, v, self.length)


class NumpyGPT:
    def __init__(self, config: dict, weights: dict[str, np.ndarray]):
        self.config = dict(config)
        c = self.config
        self.vocab_size, self.block_size = c["vocab_size"], c["block_size"]
        self.n_layer, self.n_head, self.n_embd = c["n_layer"], c["n_head"], c["n_embd"]
        self.head_dim, self.hidden, self.eps = self.n_embd // self.n_head, c["mlp_hidden"], c["norm_eps"]
        w = {name: np.asarray(a, dtype=np.float32) for name, a in weights.items()}
        self.wte = w["wte.weight"]  # (V, C)
        self.head = self.wte.T  # (C, V) tied output head
        self.final_norm = w["norm.weight"]
        # Linear weights are stored (out, in) as in torch; x @ W.T uses the transposed views as they
        # are (BLAS reads either layout), so loading copies nothing beyond the float32 cast.
        self.layers = [
            dict(
                attn_norm=w[f"blocks.{i}.attn_norm.weight"],
                qkv=w[f"blocks.{i}.attn.qkv.weight"].T,  # (C, 3C)
                proj=w[f"blocks.{i}.attn.proj.weight"].T,  # (C, C)
                mlp_norm=w[f"blocks.{i}.mlp_norm.weight"],
                gate_up=w[f"blocks.{i}.mlp.gate_up.weight"].T,  # (C, 2*hidden)
                down=w[f"blocks.{i}.mlp.down.weight"].T,
            )  # (hidden, C)
            for i in range(self.n_layer)
        ]
        self.cos, self.sin = rope_tables(self.head_dim, self.block_size, c["rope_theta"])  # (L, D)
        self.scale = np.float32(1.0 / np.sqrt(self.head_dim))

    @classmethod
    def load(cls, path: Path | str) -> NumpyGPT:
        with np.load(path, allow_pickle=False) as data:
            config = json.loads(str(data["config"]))
            weights = {name: data[name] for name in data.files if name != "config"}
        return cls(config, weights)

    def new_cache(self) -> Cache:
        shape = (self.n_layer, self.n_head, self.block_size, self.head_dim)
        return Cache(np.empty(shape, np.float32), np.empty(shape, np.float32))

    def _rmsnorm(self, x: np.ndarray, weight: np.ndarray) -> np.ndarray:
        return x / np.sqrt((x * x).mean(-1, keepdims=True) + self.eps) * weight

    def _rope(self, x: np.ndarray, cos: np.ndarray, sin: np.ndarray) -> np.ndarray:
        # x: (H, T, D); cos, sin: (T, D)
        half = self.head_dim // 2
        rotated = np.concatenate([-x[..., half:], x[..., :half]], axis=-1)
        return x * cos + rotated * sin

    def forward(self, ids: Sequence[int], cache: Cache) -> np.ndarray:
        """Logits (T, V) for the T new `ids`; appends their keys and values to `cache`."""
        T, P = len(ids), cache.length
        if T == 0:
            return np.empty((0, self.vocab_size), np.float32)
        if P + T > self.block_size:
            raise ValueError(f"sequence of {P + T} tokens exceeds block_size {self.block_size}")
        H, D, C = self.n_head, self.head_dim, self.n_embd
        cos, sin = self.cos[P : P + T], self.sin[P : P + T]
        # Causal mask for the new block: query t sees keys 0..P+t.
        mask = np.triu(np.full((T, P + T), -np.inf, np.float32), k=P + 1) if T > 1 else None
        x = self.wte[np.asarray(ids, dtype=np.int64)]  # (T, C)
        for i, layer in enumerate(self.layers):
            h = self._rmsnorm(x, layer["attn_norm"]) @ layer["qkv"]  # (T, 3C)
            q, k, v = h.reshape(T, 3, H, D).transpose(1, 2, 0, 3)  # 3 x (H, T, D)
            q, k = self._rope(q, cos, sin), self._rope(k, cos, sin)
            cache.k[i, :, P : P + T] = k
            cache.v[i, :, P : P + T] = v
            keys, values = cache.k[i, :, : P + T], cache.v[i, :, : P + T]  # (H, P+T, D)
            scores = (q @ keys.transpose(0, 2, 1)) * self.scale  # (H, T, P+T)
            if mask is not None:
                scores += mask
            scores = np.exp(scores - scores.max(-1, keepdims=True))
            scores /= scores.sum(-1, keepdims=True)
            y = (scores @ values).transpose(1, 0, 2).reshape(T, C)  # (T, C)
            x = x + y @ layer["proj"]
            gate, up = np.split(self._rmsnorm(x, layer["mlp_norm"]) @ layer["gate_up"], 2, axis=-1)
            silu = gate * (0.5 + 0.5 * np.tanh(0.5 * gate))  # gate * sigmoid(gate)
            x = x + (silu * up) @ layer["down"]
        cache.length = P + T
        return self._rmsnorm(x, self.final_norm) @ self.head  # (T, V)

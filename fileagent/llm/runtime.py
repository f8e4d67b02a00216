"""NumPy inference for the model in fileagent.llm.model, without torch.

`NumpyGPT.load(path)` reads the .npz written by `export_npz` (float16 weights,
upcast to float32 here). `forward(ids, cache)` runs any number of new tokens at
once on top of the cache (prompt prefill, or a chosen token plus the tokens a
grammar forces) and returns their logits. `forward_rows` does the same for
several sequences in one pass, each on its own cache: the per-token work
(projections, MLP, output head) runs as one matrix product over all their
tokens, and only attention goes row by row. Either computes the output head
only for the positions asked for (`logits_from`), since it is the largest
matrix of the model and a prefill or a beam step needs few of its rows.

Caches hold what has been filled and grow as needed, so forking one for a beam
is one copy of the filled part.

Shapes: T new tokens, P cached tokens, C n_embd, H n_head, D head dim, V vocab.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

# The matmuls here are tiny: BLAS threads only add spin-waiting, which on a busy
# 2-core machine made decoding 5-10x slower. Only effective if numpy is not yet imported
# (the command line sets it first thing: fileagent/__main__.py).
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("MKL_NUM_THREADS", "1")

import numpy as np  # noqa: E402

_GROW = 64  # positions a cache grows by at least, so a decode reallocates a few times, not per token


def rope_tables(head_dim: int, length: int, theta: float) -> tuple[np.ndarray, np.ndarray]:
    """cos, sin tables (length, head_dim) for rotate-half RoPE, float32 (the torch model uses these too)."""
    inv_freq = 1.0 / theta ** (np.arange(0, head_dim, 2, dtype=np.float64) / head_dim)
    angles = np.outer(np.arange(length, dtype=np.float64), inv_freq)
    angles = np.concatenate([angles, angles], axis=1)
    return np.cos(angles).astype(np.float32), np.sin(angles).astype(np.float32)


class Cache:
    """Per-layer keys and values, (n_layer, H, capacity, D) each, filled up to `length`."""

    def __init__(self, k: np.ndarray, v: np.ndarray, length: int = 0):
        self.k, self.v, self.length = k, v, length

    def copy(self, room: int = 0) -> Cache:
        """An independent cache with the same contents and space for at least `room` more positions."""
        n = self.length
        shape = (*self.k.shape[:2], max(self.k.shape[2], n + room), self.k.shape[3])
        k, v = np.empty(shape, np.float32), np.empty(shape, np.float32)
        k[:, :, :n] = self.k[:, :, :n]
        v[:, :, :n] = self.v[:, :, :n]
        return Cache(k, v, n)

    def reserve(self, size: int, limit: int) -> None:
        """Make room for `size` positions (at most `limit`, the model's block size)."""
        if size > self.k.shape[2]:
            bigger = self.copy(min(max(size, self.k.shape[2] + _GROW), limit) - self.length)
            self.k, self.v = bigger.k, bigger.v


class NumpyGPT:
    def __init__(self, config: dict, weights: dict[str, np.ndarray]):
        self.config = dict(config)
        c = self.config
        self.vocab_size, self.block_size = c["vocab_size"], c["block_size"]
        self.n_layer, self.n_head, self.n_embd = c["n_layer"], c["n_head"], c["n_embd"]
        self.head_dim, self.hidden, self.eps = self.n_embd // self.n_head, c["mlp_hidden"], c["norm_eps"]

        def vector(name: str) -> np.ndarray:
            return np.asarray(weights[name], dtype=np.float32)

        def linear(name: str) -> np.ndarray:
            # Stored (out, in) as in torch; kept as a contiguous (in, out) copy, since BLAS multiplies
            # a few rows by that layout 1.3-5x faster than by the transposed view.
            return np.ascontiguousarray(np.asarray(weights[name]).T, dtype=np.float32)

        self.wte = vector("wte.weight")  # (V, C): rows are the token embeddings
        self.head = linear("wte.weight")  # (C, V) tied output head
        self.final_norm = vector("norm.weight")
        self.layers = [
            dict(
                attn_norm=vector(f"blocks.{i}.attn_norm.weight"),
                qkv=linear(f"blocks.{i}.attn.qkv.weight"),  # (C, 3C)
                proj=linear(f"blocks.{i}.attn.proj.weight"),  # (C, C)
                mlp_norm=vector(f"blocks.{i}.mlp_norm.weight"),
                gate_up=linear(f"blocks.{i}.mlp.gate_up.weight"),  # (C, 2*hidden)
                down=linear(f"blocks.{i}.mlp.down.weight"),  # (hidden, C)
            )
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

    def new_cache(self, capacity: int = _GROW) -> Cache:
        shape = (self.n_layer, self.n_head, min(capacity, self.block_size), self.head_dim)
        return Cache(np.empty(shape, np.float32), np.empty(shape, np.float32))

    def _rmsnorm(self, x: np.ndarray, weight: np.ndarray) -> np.ndarray:
        return x / np.sqrt((x * x).mean(-1, keepdims=True) + self.eps) * weight

    def _rope(self, x: np.ndarray, cos: np.ndarray, sin: np.ndarray) -> np.ndarray:
        # x: (N, H, D); cos, sin: (N, 1, D)
        half = self.head_dim // 2
        rotated = np.concatenate([-x[..., half:], x[..., :half]], axis=-1)
        return x * cos + rotated * sin

    def forward(self, ids: Sequence[int], cache: Cache, logits_from: int = 0) -> np.ndarray:
        """Logits (T - logits_from, V) for the T new `ids` from position `logits_from` on (T: all
        of them by default, none for a prefill); appends their keys and values to `cache`."""
        return self.forward_rows([ids], [cache], [logits_from])[0]

    def forward_rows(
        self, rows: Sequence[Sequence[int]], caches: Sequence[Cache], logits_from: Sequence[int] | None = None
    ) -> list[np.ndarray]:
        """`forward` for several sequences at once: row b's new ids go on top of caches[b] (distinct
        caches), and its logits start at its position logits_from[b] (default 0: all)."""
        if len(rows) != len(caches) or len({id(c) for c in caches}) != len(caches):
            raise ValueError("forward_rows needs one distinct cache per row")
        starts = [0] * len(rows) if logits_from is None else list(logits_from)
        spans: list[tuple[int, int, int]] = []  # (first, end) of each row in the flat batch, cached length
        positions: list[int] = []
        flat: list[int] = []
        for ids, cache in zip(rows, caches, strict=True):
            P, T = cache.length, len(ids)
            if P + T > self.block_size:
                raise ValueError(f"sequence of {P + T} tokens exceeds block_size {self.block_size}")
            cache.reserve(P + T, self.block_size)
            spans.append((len(flat), len(flat) + T, P))
            positions.extend(range(P, P + T))
            flat.extend(ids)
        if not flat:
            return [np.empty((0, self.vocab_size), np.float32) for _ in rows]
        H, D, C = self.n_head, self.head_dim, self.n_embd
        N = len(flat)
        pos = np.asarray(positions, dtype=np.int64)
        cos, sin = self.cos[pos][:, None], self.sin[pos][:, None]  # (N, 1, D)
        x = self.wte[np.asarray(flat, dtype=np.int64)]  # (N, C)
        # Causal mask of each row's new block: query t sees keys 0..P+t.
        masks = [
            np.triu(np.full((hi - lo, P + hi - lo), -np.inf, np.float32), k=P + 1) if hi - lo > 1 else None
            for lo, hi, P in spans
        ]
        y = np.empty((N, H, D), np.float32)
        for i, layer in enumerate(self.layers):
            h = (self._rmsnorm(x, layer["attn_norm"]) @ layer["qkv"]).reshape(N, 3, H, D)
            q, k = self._rope(h[:, 0], cos, sin), self._rope(h[:, 1], cos, sin)  # (N, H, D)
            v = h[:, 2]
            for (lo, hi, P), cache, mask in zip(spans, caches, masks, strict=True):
                T = hi - lo
                if T == 0:
                    continue
                cache.k[i, :, P : P + T] = k[lo:hi].transpose(1, 0, 2)
                cache.v[i, :, P : P + T] = v[lo:hi].transpose(1, 0, 2)
                keys, values = cache.k[i, :, : P + T], cache.v[i, :, : P + T]  # (H, P+T, D)
                scores = (q[lo:hi].transpose(1, 0, 2) @ keys.transpose(0, 2, 1)) * self.scale  # (H, T, P+T)
                if mask is not None:
                    scores += mask
                scores = np.exp(scores - scores.max(-1, keepdims=True))
                scores /= scores.sum(-1, keepdims=True)
                y[lo:hi] = (scores @ values).transpose(1, 0, 2)  # (T, H, D)
            x = x + y.reshape(N, C) @ layer["proj"]
            gate, up = np.split(self._rmsnorm(x, layer["mlp_norm"]) @ layer["gate_up"], 2, axis=-1)
            silu = gate * (0.5 + 0.5 * np.tanh(0.5 * gate))  # gate * sigmoid(gate)
            x = x + (silu * up) @ layer["down"]
        for (lo, hi, P), cache in zip(spans, caches, strict=True):
            cache.length = P + hi - lo
        wanted = [(min(lo + max(0, s), hi), hi) for (lo, hi, _), s in zip(spans, starts, strict=True)]
        if len(wanted) == 1:
            picked = x[wanted[0][0] :]
        else:
            picked = x[np.asarray([j for a, b in wanted for j in range(a, b)], dtype=np.int64)]
        logits = self._rmsnorm(picked, self.final_norm) @ self.head  # (positions asked for, V)
        bounds = np.cumsum([0] + [b - a for a, b in wanted])
        return [logits[bounds[r] : bounds[r + 1]] for r in range(len(wanted))]

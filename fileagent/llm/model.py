"""A small decoder-only Transformer in PyTorch (training side).

Pre-norm blocks: x + attn(rmsnorm(x)), x + mlp(rmsnorm(x)). Attention is causal
with rotary position embeddings (rotate-half convention) and an optional KV
cache; the MLP is SwiGLU; the token embedding doubles as the output head; no
biases anywhere. fileagent.llm.runtime is a line-by-line NumPy port of this
file, and `export_npz` writes the weights it loads.

Shapes: B batch, T time, C n_embd, H n_head, D head dim (C // H), V vocab.
"""

from __future__ import annotations

import json
import math
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from fileagent.llm.runtime import rope_tables


@dataclass
class GPTConfig:
    vocab_size: int = 4000
    block_size: int = 256
    n_layer: int = 4
    n_head: int = 4
    n_embd: int = 192
    mlp_hidden: int = 512
    rope_theta: float = 10000.0
    norm_eps: float = 1e-5
    dropout: float = 0.0  # training only: on the embeddings and on each residual-stream write


def apply_rope(x: torch.Tensor, cos: torch.Tensor, sin: torch.Tensor) -> torch.Tensor:
    # x: (B, H, T, D); cos, sin: (T, D). In x's dtype: fp32 tables would turn autocast's bf16 q and k
    # back into fp32, and attention would run at fp32 speed.
    half = x.shape[-1] // 2
    rotated = torch.cat([-x[..., half:], x[..., :half]], dim=-1)
    return x * cos.to(x.dtype) + rotated * sin.to(x.dtype)


class RMSNorm(nn.Module):
    def __init__(self, dim: int, eps: float):
        super().__init__()
        self.eps = eps
        self.weight = nn.Parameter(torch.ones(dim))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + self.eps) * self.weight


class KVCache:
    """Keys and values seen so far, per layer: lists of (B, H, T_past, D) tensors."""

    def __init__(self, n_layer: int):
        self.k: list[torch.Tensor | None] = [None] * n_layer
        self.v: list[torch.Tensor | None] = [None] * n_layer

    @property
    def length(self) -> int:
        return 0 if self.k[0] is None else self.k[0].shape[2]


class Attention(nn.Module):
    def __init__(self, cfg: GPTConfig):
        super().__init__()
        self.n_head = cfg.n_head
        self.qkv = nn.Linear(cfg.n_embd, 3 * cfg.n_embd, bias=False)
        self.proj = nn.Linear(cfg.n_embd, cfg.n_embd, bias=False)
        self.plain = False  # GPT.use_plain_attention: matmul-softmax-matmul instead of PyTorch's kernels

    def forward(self, x, cos, sin, cache: KVCache | None = None, layer: int = 0):
        B, T, C = x.shape
        q, k, v = self.qkv(x).split(C, dim=2)  # 3 x (B, T, C)
        q, k, v = (t.view(B, T, self.n_head, C // self.n_head).transpose(1, 2) for t in (q, k, v))  # (B, H, T, D)
        q, k = apply_rope(q, cos, sin), apply_rope(k, cos, sin)
        past = 0
        if cache is not None:
            past_k, past_v = cache.k[layer], cache.v[layer]
            if past_k is not None and past_v is not None:
                past = past_k.shape[2]
                k = torch.cat([past_k, k], dim=2)  # (B, H, past+T, D)
                v = torch.cat([past_v, v], dim=2)
            cache.k[layer], cache.v[layer] = k, v
        if past == 0 and self.plain:
            att = (q @ k.transpose(-2, -1)) * (1.0 / math.sqrt(C // self.n_head))  # (B, H, T, T)
            causal = torch.ones(T, T, dtype=torch.bool, device=x.device).tril()
            y = att.masked_fill(~causal, float("-inf")).softmax(dim=-1) @ v  # (B, H, T, D)
        elif past == 0:
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True)  # (B, H, T, D)
        else:  # new queries see every cached key plus the causal part of their own block
            mask = torch.ones(T, past + T, dtype=torch.bool, device=x.device).tril(diagonal=past)
            y = F.scaled_dot_product_attention(q, k, v, attn_mask=mask)
        return self.proj(y.transpose(1, 2).reshape(B, T, C))


class SwiGLU(nn.Module):
    def __init__(self, cfg: GPTConfig):
        super().__init__()
        self.hidden = cfg.mlp_hidden
        self.gate_up = nn.Linear(cfg.n_embd, 2 * cfg.mlp_hidden, bias=False)
        self.down = nn.Linear(cfg.mlp_hidden, cfg.n_embd, bias=False)

    def forward(self, x):
        gate, up = self.gate_up(x).split(self.hidden, dim=-1)  # 2 x (B, T, hidden)
        return self.down(F.silu(gate) * up)


class Block(nn.Module):
    def __init__(self, cfg: GPTConfig):
        super().__init__()
        self.attn_norm = RMSNorm(cfg.n_embd, cfg.norm_eps)
        self.attn = Attention(cfg)
        self.mlp_norm = RMSNorm(cfg.n_embd, cfg.norm_eps)
        self.mlp = SwiGLU(cfg)
        self.drop = nn.Dropout(cfg.dropout)

    def forward(self, x, cos, sin, cache=None, layer=0):
        x = x + self.drop(self.attn(self.attn_norm(x), cos, sin, cache, layer))
        return x + self.drop(self.mlp(self.mlp_norm(x)))


def round_rows_up(keep: torch.Tensor, multiple: int) -> torch.Tensor:
    """`keep` (B*T,) with more positions switched on, the first unkept ones, so that it keeps a
    multiple of `multiple` rows (unchanged where too few unkept positions are left)."""
    if multiple <= 1:
        return keep
    extra = (-int(keep.sum())) % multiple
    if extra == 0:
        return keep
    spare = (~keep).nonzero().squeeze(1)[:extra]
    if len(spare) < extra:
        return keep
    keep = keep.clone()
    keep[spare] = True
    return keep


class MaskedCrossEntropy(torch.autograd.Function):
    """Weighted mean cross-entropy of logits (N, V) against targets (N,), working in one (N, V) buffer.

    Same value and gradient as F.cross_entropy(..., label_smoothing=smoothing) weighted by `weights`
    (the target's probability is 1 - smoothing + smoothing / V, every other token's smoothing / V).
    PyTorch's own path allocates and fills three more (N, V) tensors (log-softmax, its gradient, the
    one-hot scatter); on a 2-core CPU those fresh pages cost about a third of a training step. Here one
    fp32 copy of the logits becomes exp(logits - max) in place, and the backward turns it into the
    gradient in place (so it runs once: no retain_graph).
    """

    @staticmethod
    def forward(ctx, logits, targets, weights, smoothing: float = 0.0):
        z = logits.to(torch.float32, copy=True)  # (N, V), our own buffer
        z.sub_(z.amax(dim=-1, keepdim=True))
        picked = z.gather(1, targets[:, None]).squeeze(1)  # (N,) target logit - max
        if smoothing:
            picked = (1.0 - smoothing) * picked + smoothing * z.mean(dim=-1)
        total = z.exp_().sum(dim=-1)  # (N,) softmax denominators
        losses = total.log() - picked
        count = weights.sum().clamp(min=1.0)
        ctx.save_for_backward(z, total, targets, weights, count)
        ctx.smoothing = smoothing
        return (losses * weights).sum() / count

    @staticmethod
    def backward(ctx, grad):
        z, total, targets, weights, count = ctx.saved_tensors
        probs = z.div_(total[:, None])  # (N, V) softmax
        if ctx.smoothing:
            probs.sub_(ctx.smoothing / probs.shape[1])
        probs[torch.arange(len(targets), device=targets.device), targets] -= 1.0 - ctx.smoothing
        probs.mul_((grad * weights / count)[:, None])
        return probs, None, None, None


class GPT(nn.Module):
    rope_cos: torch.Tensor  # buffers (register_buffer below): (block_size, head_dim)
    rope_sin: torch.Tensor

    def __init__(self, cfg: GPTConfig):
        super().__init__()
        assert cfg.n_embd % cfg.n_head == 0 and (cfg.n_embd // cfg.n_head) % 2 == 0
        self.config = cfg
        self.label_smoothing = 0.0  # training only, set by the trainer: see MaskedCrossEntropy
        self.wte = nn.Embedding(cfg.vocab_size, cfg.n_embd)
        self.drop = nn.Dropout(cfg.dropout)
        self.blocks = nn.ModuleList(Block(cfg) for _ in range(cfg.n_layer))
        self.norm = RMSNorm(cfg.n_embd, cfg.norm_eps)
        cos, sin = rope_tables(cfg.n_embd // cfg.n_head, cfg.block_size, cfg.rope_theta)
        self.register_buffer("rope_cos", torch.from_numpy(cos), persistent=False)
        self.register_buffer("rope_sin", torch.from_numpy(sin), persistent=False)
        self.apply(self._init_weights)
        for name, p in self.named_parameters():  # GPT-2: shrink the residual-stream writers
            if name.endswith(("proj.weight", "down.weight")):
                nn.init.normal_(p, mean=0.0, std=0.02 / math.sqrt(2 * cfg.n_layer))

    @staticmethod
    def _init_weights(module):
        if isinstance(module, (nn.Linear, nn.Embedding)):
            nn.init.normal_(module.weight, mean=0.0, std=0.02)

    def use_plain_attention(self, on: bool = True) -> None:
        """Spell attention out as matmul, softmax, matmul. For bf16 training on a CPU: PyTorch's fused
        kernel has a slow bf16 backward (37% of a step on 2 cores) and its math fallback is slower than
        the same three ops written here (fp32 and CUDA keep the fused kernels)."""
        for m in self.modules():
            if isinstance(m, Attention):
                m.plain = on

    def num_params(self) -> int:
        return sum(p.numel() for p in self.parameters())

    def forward(self, idx, targets=None, loss_mask=None, cache: KVCache | None = None, row_multiple: int = 1):
        """idx (B, T) -> logits (B, T, V); loss = mean cross-entropy where loss_mask is 1.

        With a loss_mask, logits are only computed at the masked positions: (N, V), row-major order.
        row_multiple > 1 adds unmasked positions, with loss weight 0, until N is a multiple of it: the
        same loss and gradients (to float rounding) from a matmul shape that repeats across batches
        (see train.py).

        targets (B, T) are already shifted (targets[:, t] is the token after idx[:, t]).
        With a cache, idx continues the cached sequence and the cache is extended.
        """
        return self.head(self.trunk(idx, cache), targets, loss_mask, row_multiple)

    def trunk(self, idx, cache: KVCache | None = None):
        """idx (B, T) -> final normalized hidden states (B, T, C): everything but the output head."""
        B, T = idx.shape
        start = cache.length if cache is not None else 0
        if start + T > self.config.block_size:
            raise ValueError(f"sequence of {start + T} tokens exceeds block_size {self.config.block_size}")
        cos, sin = self.rope_cos[start : start + T], self.rope_sin[start : start + T]  # (T, D)
        x = self.drop(self.wte(idx))  # (B, T, C)
        for layer, block in enumerate(self.blocks):
            x = block(x, cos, sin, cache, layer)
        return self.norm(x)

    def head(self, x, targets=None, loss_mask=None, row_multiple: int = 1):
        """Hidden states (B, T, C) -> (logits, loss), as `forward` describes."""
        if targets is None:
            return x @ self.wte.weight.T, None  # (B, T, V) tied head
        if loss_mask is None:
            logits = x @ self.wte.weight.T
            return logits, F.cross_entropy(
                logits.flatten(0, 1).float(), targets.flatten(), label_smoothing=self.label_smoothing
            )
        # Only the masked positions need the (costly, V-wide) head: logits come back as (N, V), N
        # including the weight-0 rows that row_multiple adds.
        keep = round_rows_up(loss_mask.flatten() > 0, row_multiple)  # (B*T,)
        logits = x.flatten(0, 1)[keep] @ self.wte.weight.T  # (N, V)
        weights = loss_mask.flatten()[keep].float()
        return logits, MaskedCrossEntropy.apply(logits, targets.flatten()[keep], weights, self.label_smoothing)


def export_npz(model: GPT, path: Path | str, dtype=np.float16) -> Path:
    """Write the weights (as `dtype`) and the config JSON to a .npz the NumPy runtime loads."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    arrays = {name: t.detach().cpu().float().numpy().astype(dtype) for name, t in model.state_dict().items()}
    arrays["config"] = np.array(json.dumps(asdict(model.config)))
    with open(path, "wb") as f:  # np.savez on a path would append ".npz" to other suffixes
        np.savez(f, **arrays)
    return path

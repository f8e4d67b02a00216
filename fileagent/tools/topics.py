"""classify by=topic: group text files by what they talk about, locally and deterministically.

Each file's text (its first TEXT_LIMIT bytes) and name become terms (topic_terms.py): words of
three letters or more (stop words dropped) and, for Chinese and Japanese text, every pair of
adjacent CJK characters, the Chinese words the lexicon knows (lexicon.cjk_units) and, at
CHAR_WEIGHT, each character outside them. Terms weigh by TF-IDF (sublinear counts, smoothed idf);
terms in more than half the files are dropped first. Beside them, weighted MEANING_WEIGHT, sits the
sum of the file's word and character vectors from the lexicon (lexicon.py: WordNet gloss vectors;
Chinese words through their CC-CEDICT definitions), so short notes on one subject that share no
word still meet (docs/topics.md). Groups come from spherical k-means in NumPy with a fixed start (the most typical
file first, then each time the file least like the chosen ones) and, up to MAX_AGGLOMERATE files,
from average-linkage merging, for every k from 2 to the cap; the split with the best mean
silhouette wins (ties: fewer groups, then k-means; every group holds two files or more). When no
split reaches MIN_SILHOUETTE, or with meanings the groups are more alike than MAX_BETWEEN, the
files read as one topic and the plan is refused: one folder for everything sorts nothing. Each
group's folder is named after its two most telling terms (weight in the group minus the mean
weight in the others), words and bigrams of the files, never meanings. Same files, same groups,
every time.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import numpy as np

from fileagent.tools.base import name_of, split_name
from fileagent.tools.lexicon import load, meaning_matrix
from fileagent.tools.topic_terms import bigrams, cjk_chars, terms, words

if TYPE_CHECKING:
    from fileagent.agent.engine.simulation import CompileContext
    from fileagent.agent.engine.treeview import Entry
    from fileagent.agent.plan.model import ClassifyStep

TEXT_LIMIT = 256 * 1024
MAX_FILES = 5000
DEFAULT_GROUPS = 6
MIN_SILHOUETTE = 0.1  # short notes on one topic share few words: their split scores low
# Notes on one subject stay alike across any split of them; notes on different subjects do not:
# with meanings, groups more alike than this on average (cosine) are one topic.
MAX_BETWEEN = 0.2
MAX_AGGLOMERATE = 400  # files: above, average-linkage merging (cubic) costs more than it adds
CHAR_WEIGHT = 0.5
MEANING_WEIGHT = 3.0


def tfidf(docs: list[list[str]], weight: Callable[[str], float] | None = None) -> tuple[np.ndarray, list[str]]:
    # A term in more than half the files (the "note" of note1..note9, a shared header) cannot tell
    # groups apart and, in short texts, outweighs the words that can.
    files_with: dict[str, int] = {}
    for d in docs:
        for t in set(d):
            files_with[t] = files_with.get(t, 0) + 1
    common = {t for t, n in files_with.items() if len(docs) >= 4 and n > len(docs) / 2}
    docs = [[t for t in d if t not in common] for d in docs]
    vocab = sorted({t for d in docs for t in d})
    index = {t: i for i, t in enumerate(vocab)}
    X = np.zeros((len(docs), len(vocab)))
    for r, d in enumerate(docs):
        for t in d:
            X[r, index[t]] += 1.0
    X = np.where(X > 0, 1.0 + np.log(np.maximum(X, 1.0)), 0.0)
    df = (X > 0).sum(axis=0)
    X *= np.log((1.0 + len(docs)) / (1.0 + df)) + 1.0
    if weight is not None:
        X *= np.array([weight(t) for t in vocab])
    return _unit_rows(X), vocab


def _unit_rows(X: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(X, axis=1, keepdims=True)
    return X / np.where(norms == 0, 1.0, norms)


def vectors(texts: list[str], meaning: bool = True) -> tuple[np.ndarray, list[str]]:
    """One row per text: its terms (TF-IDF, CJK characters below bigrams and words) and, weighted
    MEANING_WEIGHT against them, its meaning vector from the lexicon (English words and CJK
    characters). The vocabulary names the first len(vocab) columns; the meaning columns follow
    them unnamed."""
    lex = load() if meaning else None
    # Terms: bigrams, words, every CJK character (球 of 点球 and 球衣) and the Chinese words (a
    # two-character word is also a bigram and counts twice: a word says more than a chance pair).
    # Meanings: words, and the Chinese words with the characters outside them, so that 点球 means
    # a penalty kick and not a dot and a ball.
    parts = []
    for t in texts:
        w, chars = words(t), (cjk_chars(t) if meaning else [])
        units = lex.cjk_units(t) if chars and lex is not None and lex.zh else chars
        parts.append((bigrams(t) + w + chars + [u for u in units if len(u) > 1], w + units))
    W, vocab = tfidf([terms for terms, _ in parts], lambda t: CHAR_WEIGHT if len(t) == 1 else 1.0)
    if lex is None:
        return W, vocab
    F = meaning_matrix(lex, [units for _, units in parts])
    return _unit_rows(np.hstack([W, MEANING_WEIGHT * F])), vocab


def max_between(X: np.ndarray, vocab: list[str]) -> float | None:
    """MAX_BETWEEN when the vectors carry meanings (more columns than terms), else no limit."""
    return MAX_BETWEEN if X.shape[1] > len(vocab) else None


def kmeans(X: np.ndarray, k: int, S: np.ndarray) -> np.ndarray:
    """Labels of spherical k-means from the fixed start the module docstring describes."""
    centers = [int(np.argmax(S.sum(axis=1)))]
    while len(centers) < k:
        near = S[:, centers].max(axis=1)
        near[centers] = np.inf
        centers.append(int(np.argmin(near)))
    C = X[centers].copy()
    labels = np.full(len(X), -1)
    for _ in range(100):
        new = np.argmax(X @ C.T, axis=1)
        if np.array_equal(new, labels):
            break
        labels = new
        for j in range(k):
            members = X[labels == j]
            if len(members):
                c = members.sum(axis=0)
                C[j] = c / (np.linalg.norm(c) or 1.0)
    return labels


def agglomerate(S: np.ndarray, cap: int) -> dict[int, np.ndarray]:
    """Labels for each k from cap down to 2 by average-linkage merging (the two groups with the
    highest mean similarity first; ties: the lowest index). Short notes often share a meaning
    with only one or two others: chains that k-means, pulled to a centroid, breaks apart."""
    n = len(S)
    sim = S.astype(float)
    np.fill_diagonal(sim, -np.inf)
    size = np.ones(n)
    owner = np.arange(n)
    out: dict[int, np.ndarray] = {}
    for count in range(n, 1, -1):
        if count <= cap:
            _, labels = np.unique(owner, return_inverse=True)
            out[count] = labels
        a, b = sorted(np.unravel_index(int(np.argmax(sim)), sim.shape))
        row = (size[a] * sim[a] + size[b] * sim[b]) / (size[a] + size[b])
        sim[a], sim[:, a] = row, row
        sim[a, a] = -np.inf
        sim[b], sim[:, b] = -np.inf, -np.inf
        size[a] += size[b]
        owner[owner == b] = a
    return out


def silhouette(S: np.ndarray, labels: np.ndarray) -> float:
    D = 1.0 - S
    scores = []
    for i in range(len(labels)):
        same = labels == labels[i]
        if same.sum() <= 1:
            scores.append(0.0)
            continue
        a = D[i, same].sum() / (same.sum() - 1)
        b = min(D[i, labels == j].mean() for j in set(labels.tolist()) if j != labels[i])
        scores.append((b - a) / max(a, b, 1e-12))
    return float(np.mean(scores))


def group(X: np.ndarray, cap: int, between: float | None = None) -> np.ndarray:
    """Labels of the best split (all 0: one topic); a split whose groups are on average more
    alike than `between` (cosine) is one topic too."""
    n = len(X)
    if n < 3 or cap < 2:
        return np.zeros(n, dtype=int)
    S = X @ X.T
    best, best_score = np.zeros(n, dtype=int), MIN_SILHOUETTE
    merged = agglomerate(S, cap) if n <= MAX_AGGLOMERATE else {}
    for k in range(2, min(cap, n - 1) + 1):
        for labels in (kmeans(X, k, S), merged.get(k)):
            if labels is None or len(set(labels.tolist())) < k or np.bincount(labels).min() < 2:
                continue  # a topic of one file is no group
            score = silhouette(S, labels)
            if score > best_score + 1e-9:
                best, best_score = labels, score
    apart = best[:, None] != best[None, :]
    if between is not None and apart.any() and S[apart].mean() > between:
        return np.zeros(n, dtype=int)
    return best


def names(X: np.ndarray, labels: np.ndarray, vocab: list[str]) -> dict[int, str]:
    groups = sorted(set(labels.tolist()))
    cents = {j: X[labels == j].mean(axis=0) for j in groups}
    out: dict[int, str] = {}
    used: set[str] = set()
    for j in groups:
        others = [cents[o] for o in groups if o != j]
        score = cents[j] - (np.mean(others, axis=0) if others else 0.0)
        # single CJK characters help group but name poorly: folder names come from words and bigrams
        order = sorted((t for t in range(len(vocab)) if len(vocab[t]) > 1), key=lambda t: (-score[t], vocab[t]))
        top = [vocab[t] for t in order[:2] if cents[j][t] > 0]
        name = "-".join(top) or "misc"
        base, i = name, 2
        while name in used:
            name, i = f"{base}-{i}", i + 1
        used.add(name)
        out[j] = name
    return out


def rule(ctx: CompileContext, step: ClassifyStep, items: list[tuple[str, Entry]]) -> Callable[[str, Entry], str | None]:
    """The classify folder rule for by=topic: the topic folder of each text file (None: stays)."""
    files, texts = [], []
    for rel, e in items:
        if e.is_dir or e.is_link:
            continue
        text = ctx.text_or_none(e, TEXT_LIMIT)
        text = split_name(name_of(rel))[0] + "\n" + text if text is not None else ""
        if not terms(text):
            ctx.skip(rel, "no text to find a topic in")
            continue
        files.append(rel)
        texts.append(text)
    if len(files) > MAX_FILES:
        raise ctx.plan_error(f"topics group at most {MAX_FILES:,} files at a time ({len(files):,} selected)")
    if not files:
        raise ctx.plan_error("none of the selected files holds text to find a topic in")
    X, vocab = vectors(texts)
    labels = group(X, step.max_groups or DEFAULT_GROUPS, max_between(X, vocab))
    folder_of = names(X, labels, vocab)
    if len(folder_of) == 1:
        raise ctx.plan_error(
            f"the {len(files)} text file(s) read as one topic ({folder_of[0]}): no split into topic folders "
            "stands out, so nothing is moved"
        )
    where = {rel: folder_of[int(label)] for rel, label in zip(files, labels, strict=True)}
    for j, name in folder_of.items():
        members = [rel for rel, label in zip(files, labels, strict=True) if label == j]
        shown = ", ".join(name_of(m) for m in members[:8]) + (
            f", ... ({len(members) - 8} more)" if len(members) > 8 else ""
        )
        ctx.note(f"topic {name!r}: {len(members)} file(s): {shown}")
    return lambda rel, e: where.get(rel)

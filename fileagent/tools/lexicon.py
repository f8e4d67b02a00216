"""The meaning lexicon of classify by=topic: English words to shared WordNet meaning features.

Short notes on one subject often share no word ("oven, eggs, flour" and "garlic, simmer,
spaghetti"), but their words share meanings: food, cooking. lexicon.npz (built from WordNet 3.0 by
lexicon_build.py, see docs/topics.md) maps each lemma to a few weighted features: its synsets,
their near hypernyms, their topic domains. A text's words find their lemma by WordNet's own rules
(the exception lists, then the suffix rules of morphy) and bring those features along.

Only by=topic loads the file, once per process (load() is cached): other requests never pay for it.
"""

from __future__ import annotations

import functools
from pathlib import Path

import numpy as np

DATA = Path(__file__).parent / "data" / "lexicon.npz"
# WordNet's morphy detachment rules, all parts of speech together: the text is not tagged.
SUFFIXES = (
    ("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
    ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
    ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
)  # fmt: skip


class Lexicon:
    def __init__(self, arrays: dict[str, np.ndarray]) -> None:
        words = arrays["words"].tobytes().decode().split("\n")
        self.index = {w: i for i, w in enumerate(words)}
        self.starts = arrays["starts"]
        self.ids = arrays["ids"]
        self.weights = arrays["weights"].astype(np.float32) / 100.0
        self.exceptions: dict[str, list[str]] = {}
        for line in arrays["exceptions"].tobytes().decode().split("\n"):
            form, *bases = line.split(" ")
            self.exceptions[form] = bases
        self._labels = arrays["labels"]
        self.n_features = len(self._labels.tobytes().split(b"\n"))

    def lemmas(self, word: str) -> list[str]:
        """The lemmas a text word may be an inflection of (the word itself first when it is one)."""
        out = [word] if word in self.index else []
        for base in self.exceptions.get(word, ()):
            if base not in out:
                out.append(base)
        for suffix, repl in SUFFIXES:
            if not word.endswith(suffix) or len(word) - len(suffix) + len(repl) < 3:
                continue
            stem = word[: len(word) - len(suffix)]
            base = stem + repl
            if base in self.index and base not in out:
                out.append(base)
            # "chopped", "running": the consonant doubled before the ending
            if not repl and len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in self.index:
                if stem[:-1] not in out:
                    out.append(stem[:-1])
        return out

    def features(self, word: str) -> dict[int, float]:
        """The word's meaning features (id -> weight), the most weight any of its lemmas gives."""
        out: dict[int, float] = {}
        for lemma in self.lemmas(word):
            i = self.index[lemma]
            a, b = self.starts[i], self.starts[i + 1]
            for f, w in zip(self.ids[a:b].tolist(), self.weights[a:b].tolist(), strict=True):
                if w > out.get(f, 0.0):
                    out[f] = w
        return out

    def labels(self) -> list[str]:
        """Readable names of the features ("n:food"), for tests and for looking inside."""
        return self._labels.tobytes().decode().split("\n")


@functools.cache
def load(path: Path = DATA) -> Lexicon | None:
    """The shipped lexicon, or None when the file is missing (topics then compares words alone)."""
    try:
        with np.load(path, allow_pickle=False) as z:
            return Lexicon({k: z[k] for k in z.files})
    except FileNotFoundError:
        return None


def meaning_matrix(lex: Lexicon, docs: list[list[str]]) -> np.ndarray:
    """One row per document (its words), rows scaled to length 1 (0 when nothing is shared).

    Only features that two documents or more have and not all of them count: the others cannot
    tell groups apart. Each word brings its counted features as one vector of length 1, so a word
    with many readings weighs no more than a plain one; a document sums its words' vectors.
    Features weigh alike: with a handful of short notes, a feature that all the notes
    of one subject share is the one that matters, and an idf would weigh it below a chance pair."""
    per_doc = [[lex.features(w) for w in words] for words in docs]
    df: dict[int, int] = {}
    for feats in per_doc:
        for f in set().union(*feats):
            df[f] = df.get(f, 0) + 1
    counted = sorted(f for f, n in df.items() if 1 < n < len(docs))
    col = {f: i for i, f in enumerate(counted)}
    F = np.zeros((len(docs), len(counted)))
    for r, feats in enumerate(per_doc):
        for fv in feats:
            kept = {col[f]: v for f, v in fv.items() if f in col}
            norm = sum(v * v for v in kept.values()) ** 0.5
            for c, v in kept.items():
                F[r, c] += v / norm
    norms = np.linalg.norm(F, axis=1, keepdims=True)
    return F / np.where(norms == 0, 1.0, norms)

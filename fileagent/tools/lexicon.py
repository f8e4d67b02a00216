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
MEANING_WORDS = 400
MEANING_COLUMNS = 4096
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
    of one subject share is the one that matters, and an idf would weigh it below a chance pair.
    Long texts meet on their terms already: only each document's first MEANING_WORDS words
    bring meanings, and at most MEANING_COLUMNS features count (the most shared), which bounds
    time and memory on thousands of long files."""
    seen: dict[str, dict[int, float]] = {}
    counts: list[dict[str, int]] = []
    for words in docs:
        c: dict[str, int] = {}
        for w in words[:MEANING_WORDS]:
            c[w] = c.get(w, 0) + 1
            if w not in seen:
                seen[w] = lex.features(w)
        counts.append(c)
    df: dict[int, int] = {}
    for c in counts:
        for f in set().union(*(seen[w] for w in c)):
            df[f] = df.get(f, 0) + 1
    shared = sorted((-n, f) for f, n in df.items() if 1 < n < len(docs))
    col = {f: i for i, (_, f) in enumerate(sorted(shared[:MEANING_COLUMNS], key=lambda t: t[1]))}
    vec: dict[str, tuple[list[int], np.ndarray]] = {}
    F = np.zeros((len(docs), len(col)))
    for r, c in enumerate(counts):
        for w, n in c.items():
            if w not in vec:
                kept = [(col[f], v) for f, v in seen[w].items() if f in col]
                v = np.array([x for _, x in kept])
                vec[w] = ([i for i, _ in kept], v / (np.linalg.norm(v) or 1.0))
            cols, v = vec[w]
            F[r, cols] += n * v
    norms = np.linalg.norm(F, axis=1, keepdims=True)
    return F / np.where(norms == 0, 1.0, norms)

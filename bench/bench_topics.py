"""How often classify by=topic groups folders of short notes exactly right, words alone (the peer:
TF-IDF over words and CJK bigrams, as before the lexicon) against words with meaning (the shipped
lexicon's vectors for English words and CJK characters), on the same sampled folders.

Notes come from bench/topic_notes/*.txt (one note a line, "## subject" lines). Each folder holds
2 or 3 subjects with 2 to 4 notes each (a split is right when the groups equal the subjects), and
one-subject folders of 4 to 6 notes (right when refused as one topic). *_tune sets chose the
weights (the *_heldout figures were printed beside them, never the basis of a choice).
    python bench/bench_topics.py [--folders 300] [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from fileagent.tools import topics  # noqa: E402

NOTES = Path(__file__).parent / "topic_notes"


def read_set(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    subject = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            subject = line[3:].strip()
        elif line.strip() and not line.startswith("#"):
            out.setdefault(subject, []).append(line.strip())
    return out


def folders(notes: dict[str, list[str]], n: int, seed: int) -> list[tuple[list[str], list[str]]]:
    """n folders: (texts, their subjects); a fifth of them hold one subject only."""
    rng = random.Random(seed)
    out = []
    subjects = sorted(notes)
    for i in range(n):
        if i % 5 == 4:
            s = rng.choice(subjects)
            picked = [(s, t) for t in rng.sample(notes[s], min(len(notes[s]), rng.randint(4, 6)))]
        else:
            picked = []
            for s in rng.sample(subjects, rng.choice((2, 3))):
                picked += [(s, t) for t in rng.sample(notes[s], rng.randint(2, 4))]
        rng.shuffle(picked)
        # the file name comes first, as the topics rule reads it: note1, note2, ...
        out.append(([f"note{j + 1}\n{t}" for j, (_, t) in enumerate(picked)], [s for s, _ in picked]))
    return out


def right(labels: list[int], subjects: list[str]) -> bool:
    def blocks(xs: list) -> set[frozenset[int]]:
        return {frozenset(i for i, y in enumerate(xs) if y == x) for x in set(xs)}

    return blocks(labels) == blocks(subjects)


def score(sample: list[tuple[list[str], list[str]]], meaning: bool) -> tuple[float, float, float]:
    """(share of multi-subject folders split exactly right, share of their note pairs put right
    (together or apart), share of one-subject folders refused)."""
    split, pairs, one = [], [], []
    for texts, subjects in sample:
        X, vocab = topics.vectors(texts, meaning=meaning)
        labels = topics.group(X, topics.DEFAULT_GROUPS, topics.max_between(X, vocab)).tolist()
        if len(set(subjects)) == 1:
            one.append(len(set(labels)) == 1)
            continue
        split.append(right(labels, subjects))
        n = len(labels)
        pairs += [(labels[i] == labels[j]) == (subjects[i] == subjects[j]) for i in range(n) for j in range(i)]
    return sum(split) / len(split), sum(pairs) / len(pairs), sum(one) / len(one)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--folders", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    print(
        f"{'set':<11} {'terms: exact':>12} {'pairs':>6} {'one':>5}  {'meaning: exact':>14} {'pairs':>6} {'one':>5} {'pairs ratio':>11}"
    )
    for path in sorted(NOTES.glob("*.txt")):
        sample = folders(read_set(path), args.folders, args.seed)
        (we, wp, wo), (me, mp, mo) = score(sample, False), score(sample, True)
        print(f"{path.stem:<11} {we:>12.0%} {wp:>6.0%} {wo:>5.0%}  {me:>14.0%} {mp:>6.0%} {mo:>5.0%} {mp / wp:>11.2f}")
    print("exact: multi-subject folders grouped exactly by subject; pairs: their note pairs put right;")
    print("one: one-subject folders refused as one topic; pairs ratio: meaning pairs / terms pairs.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""SentencePiece tokenizer: training from memory and a byte-exact view of every piece.

Model type is *unigram*: its Viterbi segmentation is stable under small context
changes (a name tokenizes the same in the request and in the plan, which helps
copying) and, unlike BPE, it scores any segmentation, so a grammar that forces a
non-canonical split still gets a sensible model. Byte fallback plus the
"identity" normalizer mean every string, full-width punctuation and emoji
included, round-trips byte for byte.

`token_bytes()` is what a grammar works on: the exact UTF-8 bytes each id adds
to the output ("▁" is a space, "<0xNN>" one raw byte, control ids nothing,
user symbols such as "<sep>" their literal text, since that is what encodes
to them).

sentencepiece is imported lazily, so `import fileagent.llm` stays cheap.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

PAD_ID, UNK_ID, BOS_ID, EOS_ID = 0, 1, 2, 3
SEP = "<sep>"
_SPACE = "\u2581"  # sentencepiece's visible space "▁"


def train_tokenizer(
    texts: Iterable[str], out_prefix: Path, vocab_size: int = 4000, user_symbols: Sequence[str] = ()
) -> Path:
    """Train a SentencePiece model on `texts`; write `<out_prefix>.model` and return its path.

    Deterministic for a fixed input (no sampling of sentences, and always two threads: the EM sums
    depend on how sentences are split among threads, so the count is fixed rather than the machine's;
    two take 44 s where one took 76 s on 240k texts). The vocabulary is a soft limit, so tiny
    corpora still train.
    """
    import sentencepiece as spm

    out_prefix = Path(out_prefix)
    out_prefix.parent.mkdir(parents=True, exist_ok=True)
    symbols = [SEP] + [s for s in user_symbols if s != SEP]
    # No newlines inside a sentence: sentencepiece reads its input line by line.
    sentences = (line for text in texts for line in text.split("\n") if line)
    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=sentences,
        model_writer=model,
        model_type="unigram",
        vocab_size=vocab_size,
        hard_vocab_limit=False,
        character_coverage=0.9995,
        byte_fallback=True,
        normalization_rule_name="identity",
        add_dummy_prefix=False,
        remove_extra_whitespaces=False,
        split_digits=True,
        allow_whitespace_only_pieces=True,
        max_sentence_length=1 << 16,
        pad_id=PAD_ID,
        unk_id=UNK_ID,
        bos_id=BOS_ID,
        eos_id=EOS_ID,
        user_defined_symbols=symbols,
        input_sentence_size=0,
        shuffle_input_sentence=False,
        num_threads=2,
        minloglevel=2,
    )
    path = out_prefix.with_name(out_prefix.name + ".model")
    path.write_bytes(model.getvalue())
    return path


class Tokenizer:
    """A trained SentencePiece model with the ids the planner relies on."""

    def __init__(self, model_path: Path | str):
        import sentencepiece as spm

        self.model_path = Path(model_path)
        self._sp = spm.SentencePieceProcessor(model_file=str(self.model_path))
        self.vocab_size: int = self._sp.get_piece_size()
        self.pad_id: int = self._sp.pad_id()
        self.bos_id: int = self._sp.bos_id()
        self.eos_id: int = self._sp.eos_id()
        self.unk_id: int = self._sp.unk_id()
        self.sep_id: int = self._sp.piece_to_id(SEP)
        if (self.pad_id, self.unk_id, self.bos_id, self.eos_id) != (
            PAD_ID,
            UNK_ID,
            BOS_ID,
            EOS_ID,
        ) or self.sep_id == self.unk_id:
            raise ValueError(f"{model_path}: not a tokenizer made by train_tokenizer (special ids differ)")
        self._bytes: list[bytes] | None = None

    def encode(self, text: str, sample_alpha: float = 0.0) -> list[int]:
        """Ids that spell `text` exactly: the most likely segmentation, or with `sample_alpha` > 0 one
        drawn at random (sentencepiece's subword sampling over all segmentations, each weighted by its
        probability to the power alpha: the lower alpha, the flatter the draw; `seed_sampling` fixes it)."""
        options: dict[str, Any]
        if sample_alpha > 0:
            options = dict(out_type=int, enable_sampling=True, alpha=sample_alpha, nbest_size=-1)
        else:
            options = dict(out_type=int)
        if _SPACE not in text:
            return self._sp.encode(text, **options)
        # sentencepiece reads a literal "▁" as a space; spell it as its three raw bytes instead.
        literal = [self._sp.piece_to_id(f"<0x{b:02X}>") for b in _SPACE.encode()]
        ids: list[int] = []
        for k, part in enumerate(text.split(_SPACE)):
            if k:
                ids += literal
            if part:
                ids += self._sp.encode(part, **options)
        return ids

    def prompt(self, text: str) -> list[int]:
        """bos text sep: what a model reads before it writes (the request for the planner, the plan for
        the channel model), in training and in planning alike."""
        return [self.bos_id] + self.encode(text) + [self.sep_id]

    @staticmethod
    def seed_sampling(seed: int) -> None:
        """Fix the draws of `encode(..., sample_alpha)` from here on (sentencepiece has one global generator)."""
        import sentencepiece as spm

        spm.set_random_generator_seed(seed)

    def decode(self, ids: Sequence[int]) -> str:
        """Exact inverse of encode; a cut-off UTF-8 sequence decodes to U+FFFD."""
        table = self.token_bytes()
        return b"".join(table[i] for i in ids).decode("utf-8", errors="replace")

    def piece(self, token_id: int) -> str:
        return self._sp.id_to_piece(token_id)

    def token_bytes(self) -> list[bytes]:
        """Each id's exact surface bytes (cached)."""
        if self._bytes is None:
            sp = self._sp
            table = []
            # One call for all pieces; the per-id kind checks only where a piece looks like "<...>".
            for i, piece in enumerate(sp.id_to_piece(list(range(self.vocab_size)))):
                if piece.startswith("<") and (sp.is_control(i) or sp.is_unknown(i)):
                    table.append(b"")
                elif piece.startswith("<0x") and sp.is_byte(i):  # "<0xAB>"
                    table.append(bytes([int(piece[3:5], 16)]))
                else:  # normal and user-defined pieces
                    table.append(piece.replace(_SPACE, " ").encode("utf-8"))
            self._bytes = table
        return self._bytes

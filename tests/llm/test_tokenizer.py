from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fileagent.llm.tokenizer import BOS_ID, EOS_ID, PAD_ID, Tokenizer, train_tokenizer

CORPUS = [
    'move every pdf in "inbox" to archive/scans',
    "把 下载 文件夹里的 jpg 图片 移到 “照片/2024” 里",
    'delete path="old notes.txt" then list in="docs"',
    "rename 报告_v2.docx to 报告_final.docx， 谢谢！",
    "copy   the file  2024-05-01 backup.zip to backups",
] * 20

TRICKY = [
    "",
    " ",
    "  two  spaces  ",
    "\ttab\nnewline\r\n",
    'quote " and \\ backslash \\"',
    "全角，标点。“引号”（括号）！",
    "ｆｕｌｌｗｉｄｔｈ ＡＢＣ１２３",
    "emoji 📁🗂️👍🏽 done",
    "e\u0301 vs é",
    "a<sep>b",
    "literal \u2581 lower block",
    "\x00\x01\x7f",
    "数字 1234567890",
    "Ω≈ç√∫ 𝕏 𠀀",
]


@pytest.fixture(scope="module")
def tok(tmp_path_factory):
    path = train_tokenizer(iter(CORPUS), tmp_path_factory.mktemp("tok") / "toy", vocab_size=400)
    return Tokenizer(path)


def test_special_ids(tok):
    assert (tok.pad_id, tok.bos_id, tok.eos_id) == (PAD_ID, BOS_ID, EOS_ID)
    assert tok.sep_id not in (tok.pad_id, tok.unk_id, tok.bos_id, tok.eos_id)
    table = tok.token_bytes()
    assert len(table) == tok.vocab_size
    assert table[tok.pad_id] == table[tok.bos_id] == table[tok.eos_id] == b""


def check_round_trip(tok, text):
    ids = tok.encode(text)
    assert tok.unk_id not in ids
    table = tok.token_bytes()
    assert b"".join(table[i] for i in ids) == text.encode("utf-8")
    assert tok.decode(ids) == text


@pytest.mark.parametrize("text", TRICKY)
def test_round_trip_tricky(tok, text):
    check_round_trip(tok, text)


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=60))
def test_round_trip_random_unicode(tok, text):
    check_round_trip(tok, text)


def test_no_normalization(tok):
    # NFKC would turn these into ASCII; identity keeps them distinct.
    assert tok.encode("，") != tok.encode(",")
    assert tok.encode("ＡＢＣ") != tok.encode("ABC")


def test_digits_split(tok):
    pieces = [tok.piece(i) for i in tok.encode("2024")]
    assert pieces == ["2", "0", "2", "4"]


def test_sampled_segmentations_spell_the_text_vary_and_follow_the_seed(tok):
    text = 'please move every pdf in "inbox" to archive/scans \u2581 报告 done'
    tok.seed_sampling(5)
    first = [tok.encode(text, sample_alpha=0.1) for _ in range(20)]
    assert all(tok.decode(ids) == text for ids in first)
    assert len({tuple(ids) for ids in first}) > 5
    tok.seed_sampling(5)
    assert [tok.encode(text, sample_alpha=0.1) for _ in range(20)] == first
    assert tok.encode(text, sample_alpha=0.0) == tok.encode(text)


def test_training_is_deterministic_and_leaves_no_files(tmp_path):
    a = train_tokenizer(CORPUS, tmp_path / "a" / "tok", vocab_size=400, user_symbols=["<x>"])
    b = train_tokenizer(CORPUS, tmp_path / "b" / "tok", vocab_size=400, user_symbols=["<x>"])
    assert a.read_bytes() == b.read_bytes()
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["tok.model"]
    assert Tokenizer(a).encode("<x>") == [Tokenizer(a)._sp.piece_to_id("<x>")]


def test_package_import_is_lazy():
    code = (
        "import sys, fileagent.llm, fileagent.llm.runtime, fileagent.llm.decode, fileagent.llm.tokenizer;"
        "bad = [m for m in ('torch', 'sentencepiece') if m in sys.modules]; assert not bad, bad"
    )
    subprocess.run([sys.executable, "-c", code], check=True)

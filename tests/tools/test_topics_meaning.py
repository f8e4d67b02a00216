"""Topics by meaning: the WordNet lexicon (builder, lemma lookup, features), short notes that share
no word grouped by what their words mean, CJK characters next to bigrams, the one-topic refusal."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from fileagent.errors import PlanError
from fileagent.tools import lexicon, lexicon_build, topics
from fileagent.tools.topic_terms import cjk_chars, terms
from tests.tools.capkit import Kit

WORDNET = Path("/usr/share/wordnet")

# A tiny WordNet in its own file format: food and sport, each under a common top.
DATA_NOUN = """\
  1 This line and the next are the license header of a real data file.
  2 They start with spaces.
00000100 03 n 01 entity 0 000 | that which exists
00000200 13 n 01 food 0 001 @ 00000100 n 0000 | any substance eaten
00000300 04 n 01 cooking 0 001 @ 00000100 n 0000 | the act of preparing food
00000400 13 n 01 flour 0 002 @ 00000200 n 0000 ;c 00000300 n 0000 | fine powdery foodstuff
00000500 13 n 02 sugar 0 saccharide 0 001 @ 00000200 n 0000 | a white crystalline carbohydrate
00000600 04 n 01 sport 0 001 @ 00000100 n 0000 | an active diversion
00000700 18 n 01 goalkeeper 0 002 @ 00000100 n 0000 ;c 00000600 n 0000 | the player who guards the goal
00000800 18 n 01 referee 0 002 @ 00000100 n 0000 ;c 00000600 n 0000 | the official at a match
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
00000900 36 v 01 bake 0 002 @ 00001000 v 0000 ;c 00000300 n 0000 01 + 02 00 | cook in an oven
00001000 36 v 01 cook 0 001 @ 00000900 v 0000 01 + 02 00 | prepare food
"""
INDEX_VERB = "bake v 1 2 @ ; 1 0 00000900\ncook v 1 1 @ 1 0 00001000\n"


@pytest.fixture
def tiny_wordnet(tmp_path, make_tree):
    return make_tree(
        tmp_path / "wn",
        {
            "data.noun": DATA_NOUN,
            "index.noun": INDEX_NOUN,
            "data.verb": DATA_VERB,
            "index.verb": INDEX_VERB,
            "data.adj": "",
            "index.adj": "",
            "noun.exc": "sugars sugar\n",
            "verb.exc": "baked bake\nbaken bake\n",
            "adj.exc": "",
        },
    )


def _shared(lex: lexicon.Lexicon, a: str, b: str) -> set[str]:
    labels = lex.labels()
    return {labels[f] for f in set(lex.features(a)) & set(lex.features(b))}


def test_builder_reads_wordnet_files_into_shared_features(tiny_wordnet, tmp_path):
    arrays = lexicon_build.build(tiny_wordnet, depth=2, max_cover=5)
    lex = lexicon.Lexicon(arrays)
    assert _shared(lex, "flour", "sugar") == {"n:food", "lexfile:13"}  # a hypernym, noun.food
    assert "n:cooking" in _shared(lex, "flour", "bake")  # a topic domain (";c")
    assert _shared(lex, "goalkeeper", "referee") == {"n:sport", "lexfile:18"}
    assert not _shared(lex, "flour", "referee")  # entity covers every lemma: dropped
    assert "n:entity" not in lex.labels()
    assert "sugar" in lex.lemmas("saccharide") or _shared(lex, "sugar", "saccharide")


def test_builder_output_is_byte_identical_from_run_to_run(tiny_wordnet, tmp_path):
    a, b = tmp_path / "a.npz", tmp_path / "b.npz"
    lexicon_build.save(lexicon_build.build(tiny_wordnet, max_cover=5), a)
    lexicon_build.save(lexicon_build.build(tiny_wordnet, max_cover=5), b)
    assert a.read_bytes() == b.read_bytes()
    assert lexicon.load(a) is not None and lexicon.load(tmp_path / "missing.npz") is None


def test_builder_cli_refuses_a_folder_without_wordnet(tmp_path, capsys):
    with pytest.raises(SystemExit) as err:
        lexicon_build.main(["--wordnet", str(tmp_path), "--out", str(tmp_path / "x.npz")])
    assert err.value.code == 2 and "no WordNet database" in capsys.readouterr().err


def test_lemmas_follow_wordnet_exceptions_and_suffix_rules(tiny_wordnet):
    lex = lexicon.Lexicon(lexicon_build.build(tiny_wordnet, max_cover=5))
    assert lex.lemmas("baked") == ["bake"]  # verb.exc
    assert lex.lemmas("sugars") == ["sugar"]
    assert lex.lemmas("baking") == ["bake"]  # ing -> e
    assert lex.lemmas("cooks") == ["cook"]
    assert lex.lemmas("referees") == ["referee"]
    assert lex.lemmas("spaghetti") == []


@pytest.mark.skipif(not (WORDNET / "data.noun").is_file(), reason="WordNet 3.0 is not installed (wordnet-base)")
def test_shipped_lexicon_is_what_the_builder_makes_from_wordnet(tmp_path):
    out = tmp_path / "lexicon.npz"
    assert lexicon_build.main(["--wordnet", str(WORDNET), "--out", str(out)]) == 0
    assert out.read_bytes() == lexicon.DATA.read_bytes()


def test_shipped_lexicon_links_words_of_one_subject():
    lex = lexicon.load()
    assert lex is not None
    assert lex.lemmas("knives") == ["knife"] and "chop" in lex.lemmas("chopped")
    assert "n:food" in _shared(lex, "butter", "noodles")
    assert "n:athlete" in _shared(lex, "striker", "goalie")
    assert "n:sport" in _shared(lex, "umpire", "referee")


def test_cjk_characters_come_apart_from_bigrams():
    assert terms("点球大战") == ["点球", "球大", "大战"]
    assert cjk_chars("我们的点球") == ["点", "球"]  # grammar characters left out


def test_chinese_notes_sharing_no_bigram_meet_in_a_character():
    notes = ["点球大战我们赢了", "新球衣周五到", "球队周末训练", "税款月底前交", "纳税申报表填好", "退税已经到账"]
    same = [(0, 1), (0, 2), (1, 2), (3, 4), (3, 5), (4, 5)]
    across = [(i, j) for i in range(3) for j in range(3, 6)]
    bigrams, _ = topics.vectors(notes, meaning=False)
    chars, _ = topics.vectors(notes)
    assert all((bigrams @ bigrams.T)[p] == 0 for p in same)
    S = chars @ chars.T
    assert min(S[p] for p in same) > 0 and max(S[p] for p in across) < 1e-9


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

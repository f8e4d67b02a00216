"""Topics: text files grouped by what they talk about (TF-IDF over words and CJK bigrams, spherical
k-means in NumPy from a fixed start), folders named from each group's telling terms, a cap on
groups, the preview shows each group; same files, same groups."""

from __future__ import annotations

import pytest

from fileagent.agent.plan.io import validate_plan_dict
from fileagent.agent.plan.text import from_text, to_text
from fileagent.errors import PlanError
from fileagent.tools.topics import group, names, terms, tfidf
from tests.tools.capkit import Kit, fa, plan_file

K8S = "kubernetes cluster pods deployment kubectl container scheduling nodes kubernetes pods"
BAKE = "bread flour yeast oven dough baking sourdough loaf flour yeast"
ZH_ML = "机器学习模型训练数据集神经网络梯度下降 机器学习 训练数据"
NOTES = {
    "notes/k1.md": K8S + " ingress",
    "notes/k2.md": "deploy pods to the kubernetes cluster with kubectl nodes",
    "notes/k3.md": "kubernetes nodes scheduling container pods cluster",
    "notes/b1.md": BAKE + " crust",
    "notes/b2.md": "sourdough bread needs flour yeast and a hot oven dough",
    "notes/b3.txt": "baking a loaf: dough, flour, yeast, oven",
    "notes/z1.md": ZH_ML,
    "notes/z2.md": "神经网络的训练数据和梯度下降 机器学习",
    "notes/z3.md": "机器学习 数据集 模型训练 神经网络",
    "notes/pic.png": b"\x89PNG\x00\x00binary",
}


@pytest.fixture
def kit(tmp_path, make_tree):
    return Kit(make_tree(tmp_path / "r", NOTES), tmp_path / "audit.jsonl")


def _groups(cs):
    out: dict[str, set[str]] = {}
    for a in cs.actions:
        if a.kind == "move":
            out.setdefault(a.dst.split("/")[1], set()).add(a.src.split("/")[-1])
    return out


def test_terms_words_and_cjk_bigrams():
    assert terms("The Kubernetes pods, and 机器学习!") == [
        "机器",
        "器学",
        "学习",
        "kubernetes",
        "pods",
    ]


def test_groups_by_topic_with_telling_names(kit):
    cs = kit.compile([{"op": "classify", "select": {"in": "notes"}, "by": "topic"}])
    groups = _groups(cs)
    assert sorted(map(frozenset, groups.values()), key=sorted) == sorted(
        [
            frozenset({"k1.md", "k2.md", "k3.md"}),
            frozenset({"b1.md", "b2.md", "b3.txt"}),
            frozenset({"z1.md", "z2.md", "z3.md"}),
        ],
        key=sorted,
    )
    names = {name: files for name, files in groups.items()}
    k8s_name = next(n for n, f in names.items() if "k1.md" in f)
    assert any(t in k8s_name for t in ("kubernetes", "pods", "cluster", "nodes"))
    zh_name = next(n for n, f in names.items() if "z1.md" in f)
    assert any(t in zh_name for t in ("机器", "学习", "训练", "神经"))
    assert any(path == "notes/pic.png" for _, path, _ in cs.skipped)
    assert sum(1 for _, n in cs.notes if n.startswith("topic ")) == 3


def test_deterministic(kit):
    steps = [{"op": "classify", "select": {"in": "notes"}, "by": "topic"}]
    a = [(x.src, x.dst) for x in kit.compile(steps).actions]
    b = [(x.src, x.dst) for x in kit.compile(steps).actions]
    assert a == b


def test_cap_on_groups(kit):
    cs = kit.compile([{"op": "classify", "select": {"in": "notes"}, "by": "topic", "max_groups": 2}])
    assert len(_groups(cs)) <= 2


def test_one_topic_stays_one_group():
    X, _ = tfidf(
        [
            terms(K8S),
            terms("kubernetes pods cluster"),
            terms("kubectl pods kubernetes nodes"),
        ]
    )
    assert set(group(X, 6).tolist()) == {0}


def test_files_on_one_topic_are_refused_not_moved_into_one_folder(tmp_path, make_tree):
    kit = Kit(
        make_tree(tmp_path / "r", {"k/a.md": K8S, "k/b.md": "kubernetes pods cluster", "k/c.md": "kubectl pods"}),
        tmp_path / "audit.jsonl",
    )
    with pytest.raises(PlanError, match="one topic"):
        kit.compile([{"op": "classify", "select": {"in": "k"}, "by": "topic"}])


def test_execute_then_undo(kit, read_tree):
    before = read_tree(kit.root)
    kit.run([{"op": "classify", "select": {"in": "notes"}, "by": "topic"}])
    after = read_tree(kit.root)
    assert after["notes/pic.png"] == NOTES["notes/pic.png"] and len([k for k in after if k.count("/") == 2]) == 9
    kit.undo()
    assert read_tree(kit.root) == before


def test_bad_input(kit):
    with pytest.raises(PlanError, match="'max_groups' only goes with by=topic"):
        validate_plan_dict({"steps": [{"op": "classify", "select": {}, "by": "type", "max_groups": 3}]})
    with pytest.raises(PlanError, match='by=topic needs "version": 2'):
        validate_plan_dict({"version": 1, "steps": [{"op": "classify", "select": {}, "by": "topic"}]})
    with pytest.raises(PlanError, match="no.* text"):
        kit.compile([{"op": "classify", "select": {"path": "notes/pic.png"}, "by": "topic"}])


def test_text_form_round_trip():
    text = 'classify in="notes" by=topic max_groups=4'
    assert to_text(from_text(text)) == text


def test_cli_subprocess(kit, tmp_path, read_tree):
    r = fa(
        [
            "apply",
            "--root",
            str(kit.root),
            "--yes",
            plan_file(tmp_path, [{"op": "classify", "select": {"in": "notes"}, "by": "topic"}]),
        ],
        tmp_path,
    )
    assert r.returncode == 0, r.stderr
    assert "topic" in r.stdout
    assert len([k for k in read_tree(kit.root) if k.count("/") == 2]) == 9


def test_short_notes_on_three_topics_split_even_when_their_names_share_a_word():
    texts = [
        "Pay the electricity bill and check the bank statement for March.",
        "The bank charged a fee on my credit card statement again.",
        "Budget: rent, groceries, and the credit card payment due Friday.",
        "Tomatoes need water every morning; the garden beds want compost.",
        "Prune the roses and plant basil in the garden this weekend.",
        "Buy seeds and compost for the vegetable garden.",
        "Flight to Lisbon on May 3, hotel booked near the old town.",
        "Pack passport and charger; the train from the airport to the hotel.",
        "Lisbon trip: visit the castle, book a tram tour, hotel checkout at noon.",
    ]
    X, vocab = tfidf([terms(f"note{i}\n{t}") for i, t in enumerate(texts)])
    labels = group(X, 6).tolist()
    assert labels[0:3] == [labels[0]] * 3 and labels[3:6] == [labels[3]] * 3 and labels[6:9] == [labels[6]] * 3
    assert len({labels[0], labels[3], labels[6]}) == 3
    assert not any("note" in name for name in names(X, group(X, 6), vocab).values())

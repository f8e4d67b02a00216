"""Train the planner end to end: corpus -> tokenizer -> model -> held-out evaluation -> export.

    fileagent train [--n 60000] [--steps 4000] [--time-limit 1500] [--ship | --out DIR] [--smoke]
                    [--init-from RUN]
    python -m fileagent.agent.train_planner ...

Held-out pairs come from corpus templates never used in training, so the
scores measure phrasings the model has not seen. The final evaluation reports
exact plan-text match for greedy decoding without the grammar and for the
constrained beam search the planner ships with, plus how often each yields a
plan that parses and passes plan.schema.json. Everything lands in the output
folder: planner.npz, tokenizer.model, metrics.json, failures.jsonl.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import time
from collections import Counter
from dataclasses import asdict, replace
from pathlib import Path
from typing import Sequence

NAME_KEYS = ("path", "in", "to", "new_name", "dest", "then", "else")
_QUOTED_RE = re.compile(r'"((?:[^"\\]|\\.)*)"')
_ASCII_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_. -]*")


# Real words that people give folders and files, some of them also type words or verb-like nouns of
# the requests ("Photos", "images", "trash", "backup"): a name that reads like a request word is still
# a name, and only its place in the request says so. Bare command verbs (sort, delete, list) are left
# out: with them the model took the verb of "sort X by ..." for the folder when X was an odd word.
# So are words that mean a place in requests (here, root, all).
_NAME_WORDS = ("stuff", "keep", "trash", "backup", "share", "sync", "upload", "photos", "Photos", "music",
               "Music", "videos", "Videos", "Documents", "games", "books", "code", "home", "files", "folder",
               "extra", "latest", "current", "done", "later", "new", "empty", "type", "size", "year", "month",
               "name", "text", "dump", "pile", "bin", "junk", "outbox", "saved", "export", "import", "output",
               "input", "ideas", "wip", "hold", "check", "test", "demo", "sample", "images", "pictures",
               "archives", "logs", "spreadsheets", "notes", "old", "misc", "temp", "final", "review")
WORD_NAME_P = 0.3       # share of made-up name words that are real words


_CONSONANTS, _VOWELS = "bcdfghjklmnprstvwxz", "aeiouy"


def _made_up_word(rng: random.Random) -> str:
    """Letters in the shapes people's names take: open syllables ("tekava"), closed ones ("lib",
    "legmor"), consonant abbreviations ("src", "tmp") and single letters or letter+digit ("a", "b2"),
    so copying is learned for any letters, not only for names that read like the corpus's pools."""
    r = rng.random()
    if r < 0.4:
        return "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) for _ in range(rng.randint(1, 4)))
    if r < 0.7:
        return "".join(rng.choice(_CONSONANTS) + rng.choice(_VOWELS) + rng.choice(_CONSONANTS)
                       for _ in range(rng.randint(1, 3)))
    if r < 0.85:
        return "".join(rng.choice(_CONSONANTS) for _ in range(rng.randint(2, 4)))
    return rng.choice("abcdefghijklmnopqrstuvwxyz") + (str(rng.randint(1, 9)) if rng.random() < 0.4 else "")


def _fresh_name(rng: random.Random, like: str) -> str:
    """A made-up name shaped like `like` (same extension, word count, some digits/case); some words
    are real ones (`_NAME_WORDS`)."""
    stem, ext = (like.rsplit(".", 1) if "." in like[1:] else (like, None))
    words = []
    for _ in range(stem.count(" ") + 1):
        if rng.random() < WORD_NAME_P:
            words.append(rng.choice(_NAME_WORDS))
            continue
        w = _made_up_word(rng)
        if rng.random() < 0.25:
            w += rng.choice("_-") + str(rng.randint(1, 2030))
        words.append(w.capitalize() if rng.random() < 0.2 else w)
    return " ".join(words) + ("." + ext if ext else "")


def fresh_names(src: str, tgt: str, rng: random.Random) -> tuple[str, str]:
    """The same request and plan with the folder and file names replaced by made-up ones.

    The corpus draws names from fixed pools, so a model can score by recalling
    pool names instead of copying from the request; names it never saw make it
    copy. Only plain-ASCII names written in the request are replaced, as whole
    words, in the request and inside the plan's quoted values."""
    from .plan_text import PlanTextError, tokenize_steps

    try:
        steps = tokenize_steps(tgt)
    except PlanTextError:
        return src, tgt
    names = {seg for _, fields in steps for key, value in fields if key in NAME_KEYS and isinstance(value, str)
             for seg in value.split("/") if _ASCII_NAME.fullmatch(seg) and seg not in (".", "..") and seg in src}
    for name in sorted(names, key=len, reverse=True):
        pattern = re.compile(r"(?<![A-Za-z0-9])" + re.escape(name) + r"(?![A-Za-z0-9])")
        if not pattern.search(src):
            continue
        new = _fresh_name(rng, name)
        if re.search(r"(?<![A-Za-z0-9])" + re.escape(new) + r"(?![A-Za-z0-9])", src):
            continue        # a word the request already has: the swap would merge two mentions
        src = pattern.sub(lambda m: new, src)
        tgt = _QUOTED_RE.sub(lambda m: '"' + pattern.sub(lambda _: new, m.group(1)) + '"', tgt)
    return src, tgt


_EN_WORDS = ("the", "a", "to", "and", "of", "for", "on", "at", "in", "is", "new", "old", "call", "send", "check",
             "fix", "plan", "team", "report", "update", "meeting", "notes", "budget", "review", "next", "week",
             "today", "tomorrow", "list", "item", "ready", "final", "draft", "please", "thanks", "idea", "home")
_ZH_CHARS = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种"
             "面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把"
             "性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气"
             "第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及"
             "管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据"
             "处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更"
             "单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传")
# Everyday words for made-up texts: real text is words, and the tokenizer has pieces for common ones
# ("下午", "meeting"); texts of random characters alone teach copying only one piece at a time.
_EN_TEXT_WORDS = _EN_WORDS + (
    "water", "plants", "buy", "milk", "bread", "eggs", "call", "mom", "dad", "dentist", "doctor", "office",
    "back", "out", "until", "monday", "friday", "sunday", "morning", "evening", "noon", "lunch", "dinner",
    "pay", "rent", "bills", "invoice", "client", "project", "deadline", "release", "version", "build", "server",
    "deploy", "bug", "fixed", "done", "pending", "approved", "rejected", "remember", "don't", "forget", "ask",
    "about", "with", "from", "by", "before", "after", "this", "that", "all", "my", "our", "your", "room",
    "door", "key", "car", "train", "flight", "hotel", "trip", "book", "read", "write", "email", "reply",
    "password", "changed", "moved", "to", "pm", "am", "hello", "world", "welcome", "copyright", "draft",
    "confidential", "internal", "only", "status", "owner", "team", "lead", "data", "backup", "old", "new")
_ZH_TEXT_WORDS = (
    "今天", "明天", "后天", "上午", "下午", "晚上", "周一", "周三", "周五", "周末", "三点", "十点", "开会", "会议", "项目", "报告", "修复", "登录", "问题",
    "测试", "文档", "检查", "提交", "代码", "版本", "更新", "发布", "总结", "需要", "准备", "材料", "客户", "合同", "付款", "发票", "预算", "审核", "通过",
    "确认", "联系", "电话", "邮件", "回复", "老师", "同事", "经理", "家里", "超市", "买", "牛奶", "鸡蛋", "面包", "水果", "记得", "不要", "忘记", "带上",
    "钥匙", "护照", "出差", "旅行", "酒店", "机票", "火车", "医生", "体检", "交", "房租", "水电费", "作业", "考试", "复习", "年度", "目标", "数据", "备份",
    "服务器", "上线", "已", "未", "待", "的", "和", "在", "把", "给", "请", "我们", "大家", "注意", "重要", "紧急", "内部", "资料", "版权所有",
    "欢迎", "你好", "世界", "状态", "负责人", "小组", "会议室", "打印", "签字")
_TEXT_FORMS = ("{}", "{}", "{}", "TODO: {}", "# {}", "- {}", "{}!", "{} {}", "{}, {}", "note: {}")
_ZH_FORMS = ("{}", "{}", "{}", "待办：{}", "# {}", "{}，{}", "备注：{}", "{}！")


def _fresh_text(rng: random.Random, like: str) -> str:
    """Made-up free text (content, replace strings) in the language of `like`."""
    if re.search(r"[\u4e00-\u9fff]", like):
        def part() -> str:
            if rng.random() < 0.6:
                return "".join(rng.choice(_ZH_TEXT_WORDS) for _ in range(rng.randint(1, 5)))
            return "".join(rng.choice(_ZH_CHARS) for _ in range(rng.randint(2, 6)))
        form = rng.choice(_ZH_FORMS)
    else:
        def part() -> str:
            words = [rng.choice(_EN_TEXT_WORDS) if rng.random() < 0.6 else _fresh_name(rng, "x")
                     for _ in range(rng.randint(1, 5))]
            if rng.random() < 0.2:
                words.append(str(rng.randint(1, 2030)))
            return " ".join(words)
        form = rng.choice(_TEXT_FORMS)
    return form.format(*(part() for _ in range(form.count("{}"))))


def fresh_texts(src: str, tgt: str, rng: random.Random) -> tuple[str, str]:
    """The same request and plan with each free text (content, append/replace text, find) replaced
    by made-up text, so the model copies texts instead of recalling the corpus's short list. Only a
    text written exactly once in the request (and with no quote or backslash) is replaced."""
    from .plan_text import FREE_TEXT_KEYS, PlanTextError, tokenize_steps

    try:
        steps = tokenize_steps(tgt)
    except PlanTextError:
        return src, tgt
    texts = {value for _, fields in steps for key, value in fields
             if key in FREE_TEXT_KEYS and isinstance(value, str) and value and src.count(value) == 1
             and not set(value) & set('"\\')}
    for text in sorted(texts, key=len, reverse=True):
        if src.count(text) != 1:
            continue
        new = _fresh_text(rng, text)
        if new in src or '"' + new + '"' in tgt:
            continue
        src = src.replace(text, new)
        tgt = tgt.replace('"' + text + '"', '"' + new + '"')
    return src, tgt


SMOKE = dict(n=600, vocab=1200, steps=60, n_layer=1, n_head=2, n_embd=32, mlp_hidden=64, batch=16, eval_n=20)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="fileagent train", description=__doc__.split("\n")[0])
    p.add_argument("--n", type=int, default=60000, help="corpus pairs to generate")
    p.add_argument("--seed", type=int, default=0, help="corpus seed")
    p.add_argument("--vocab", type=int, default=4000, help="tokenizer vocabulary size")
    p.add_argument("--steps", type=int, default=4000)
    p.add_argument("--batch", type=int, default=48)
    p.add_argument("--lr", type=float, default=3e-3)
    p.add_argument("--time-limit", type=float, default=None, help="stop training (and export) after N seconds")
    p.add_argument("--time-budget", type=float, default=None, metavar="S",
                   help="stop training S seconds after the run began, corpus and tokenizer included")
    p.add_argument("--tok-pairs", type=int, default=0, metavar="N",
                   help="train the tokenizer on N training pairs spread over the corpus (0 = all)")
    p.add_argument("--device", default="auto", help="auto, cpu or cuda")
    p.add_argument("--threads", type=int, default=0, help="CPU threads (0 = all cores; 1 is faster on a busy box)")
    p.add_argument("--precision", default="auto", choices=["auto", "fp32", "bf16"],
                   help="training matmul precision (auto: bf16 on a GPU, fp32 on a CPU)")
    p.add_argument("--resume", action="store_true", help="continue the checkpoint in --out")
    p.add_argument("--init-from", type=Path, default=None, metavar="RUN",
                   help="warm start: a run folder's ckpt.pt weights, model config and tokenizer.model, "
                        "with a fresh step count and lr schedule")
    p.add_argument("--smoke", action="store_true", help="tiny corpus and model: trains in seconds (tests)")
    p.add_argument("--fresh-names", type=float, default=0.5,
                   help="share of training pairs whose names are replaced by made-up ones (copying practice)")
    p.add_argument("--fresh-texts", type=float, default=0.5,
                   help="share of training pairs whose free texts (content, text, find) are made up")
    p.add_argument("--eval-n", type=int, default=600, help="held-out pairs in the final evaluation")
    p.add_argument("--eval-every", type=int, default=1000)
    p.add_argument("--out", type=Path, default=None, help="output folder (default runs/planner-TIME)")
    p.add_argument("--ship", action="store_true", help="also install the result as the shipped model")
    for name, default in (("n_layer", 4), ("n_head", 4), ("n_embd", 192), ("mlp_hidden", 512), ("block_size", 256)):
        p.add_argument("--" + name.replace("_", "-"), type=int, default=default)
    return p


def evaluate(planner, pairs: Sequence[tuple[str, str, str]]) -> tuple[dict, list[dict]]:
    """Exact match and schema validity, greedy unconstrained and constrained beam; failures listed.

    Two beam figures: the top candidate as the model ranks it, and the planner's pick, the first
    candidate that `planner.pick` takes without a tree to compile against (finished, valid,
    plausible, no deletion the top candidate lacks), which is what `plan` would take before compiling."""
    from ..errors import NoPlannerError
    from .planner import parse_candidate, pick
    from .plausibility import deletes

    def planner_pick(beam, src: str) -> str:
        try:
            return beam[pick(beam, None, prompt=src)[0]][0]
        except NoPlannerError:
            return ""

    def valid(text: str, finished: bool) -> bool:
        try:
            return finished and parse_candidate(text) is not None
        except Exception:
            return False

    counts: Counter = Counter()
    failures: list[dict] = []
    by_template: Counter = Counter()
    for src, tgt, template in pairs:
        greedy_text, greedy_done = planner.candidates(src, [], beam=1, constrained=False)[0]
        beam = planner.candidates(src, [])
        best_text, best_done = beam[0] if beam else ("", False)
        counts["greedy_exact"] += greedy_done and greedy_text == tgt
        counts["greedy_valid"] += valid(greedy_text, greedy_done)
        counts["beam_exact"] += best_done and best_text == tgt
        counts["beam_valid"] += valid(best_text, best_done)
        picked = planner_pick(beam, src)
        counts["planner_exact"] += picked == tgt
        counts["planner_spurious_delete"] += deletes(picked) and not deletes(tgt)
        if not (best_done and best_text == tgt) or picked != tgt:
            by_template[template] += 1
            failures.append({"template": template, "src": src, "tgt": tgt, "got": best_text,
                             "picked": picked, "greedy": greedy_text})
    n = max(1, len(pairs))
    metrics = {
        "heldout_pairs": len(pairs),
        "accuracy_constrained_beam": counts["beam_exact"] / n,
        "accuracy_planner_pick": counts["planner_exact"] / n,
        "accuracy_greedy_unconstrained": counts["greedy_exact"] / n,
        "schema_valid_constrained": counts["beam_valid"] / n,
        "schema_valid_unconstrained": counts["greedy_valid"] / n,
        "planner_pick_spurious_delete": counts["planner_spurious_delete"] / n,
        "failures_by_template": dict(by_template.most_common()),
    }
    return metrics, failures


def checkpoint_from_npz(path: Path) -> dict:
    """A training checkpoint (weights, model config; no optimizer or RNG state) from an exported .npz."""
    import numpy as np
    import torch

    from ..llm.model import GPT, GPTConfig

    with np.load(path) as z:
        model = GPT(GPTConfig(**json.loads(str(z["config"]))))
        model.load_state_dict({k: torch.from_numpy(z[k].astype(np.float32)) for k in model.state_dict()})
    return {"model": model.state_dict(), "config": {"model": asdict(model.config)}, "step": 0, "history": []}


def seed_from_run(run: Path, out: Path, args: argparse.Namespace) -> None:
    """Start `out` from `run`: its tokenizer, its model config (into args) and a checkpoint holding its
    weights (and optimizer moments, if `run` has a ckpt.pt rather than only planner.npz) at step 0, so resuming runs a new warmup + cosine schedule."""
    import torch

    from .planner import MODEL_FILE, TOKENIZER_FILE

    if (run / "ckpt.pt").exists():
        ckpt = torch.load(run / "ckpt.pt", map_location="cpu", weights_only=False)
    else:  # a shipped model folder: fp16 weights only, so the optimizer starts fresh
        ckpt = checkpoint_from_npz(run / MODEL_FILE)
    for key, value in ckpt["config"]["model"].items():
        if hasattr(args, key) and key != "vocab_size":
            setattr(args, key, value)
    shutil.copyfile(run / TOKENIZER_FILE, out / TOKENIZER_FILE)
    ckpt.update(step=0, history=[])
    torch.save(ckpt, out / "ckpt.pt")


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.smoke:
        for k, v in SMOKE.items():
            if getattr(args, k) == parser().get_default(k):
                setattr(args, k, v)
    from ..llm.model import GPTConfig
    from ..llm.tokenizer import Tokenizer, train_tokenizer
    from ..llm.train import TrainConfig, train
    from .corpus import generate
    from .corpus.build import heldout_record
    from .plan_grammar import tokenizer_symbols
    from .planner import MODEL_FILE, SHIPPED_DIR, TOKENIZER_FILE, Planner

    out = args.out or Path("runs") / time.strftime("planner-%Y%m%d-%H%M%S")
    out.mkdir(parents=True, exist_ok=True)
    t0 = t_start = time.perf_counter()
    examples = generate(args.n, seed=args.seed)
    heldout = [e for e in examples if e.split == "heldout"]
    rng = random.Random(args.seed)
    train_pairs = [fresh_names(e.src, e.tgt, rng) if rng.random() < args.fresh_names else (e.src, e.tgt)
                   for e in examples if e.split == "train"]
    train_pairs = [fresh_texts(src, tgt, rng) if rng.random() < args.fresh_texts else (src, tgt)
                   for src, tgt in train_pairs]
    t_corpus = time.perf_counter() - t0
    print(f"corpus: {len(train_pairs)} train, {len(heldout)} held-out pairs ({t_corpus:.1f}s)", file=sys.stderr)

    t0 = time.perf_counter()
    tok_path = out / TOKENIZER_FILE
    if args.init_from is not None and not args.resume:
        seed_from_run(args.init_from, out, args)
        args.resume = True
    if not (args.resume and tok_path.exists()):
        every = max(1, len(train_pairs) // args.tok_pairs) if args.tok_pairs else 1
        texts = [t for pair in train_pairs[::every] for t in pair]
        made = train_tokenizer(texts, out / "tokenizer", vocab_size=args.vocab, user_symbols=tokenizer_symbols())
        made.replace(tok_path)
    tokenizer = Tokenizer(tok_path)
    t_tok = time.perf_counter() - t0

    model = GPTConfig(vocab_size=tokenizer.vocab_size, block_size=args.block_size, n_layer=args.n_layer,
                      n_head=args.n_head, n_embd=args.n_embd, mlp_hidden=args.mlp_hidden)
    cfg = TrainConfig(model=model, steps=args.steps, batch_size=args.batch, lr=args.lr, min_lr=args.lr / 10,
                      device=args.device, threads=args.threads, precision=args.precision,
                      eval_every=args.eval_every, eval_samples=200, ckpt_every=max(100, args.eval_every))
    if args.smoke:
        cfg = replace(cfg, warmup=5, eval_every=0, log_every=20)
    limits = [t for t in (args.time_limit, args.time_budget and args.time_budget - (time.perf_counter() - t_start))
              if t is not None]
    metrics = train(cfg, tokenizer, train_pairs, [(e.src, e.tgt) for e in heldout],
                    out, resume=args.resume, time_limit_s=min(limits) if limits else None)

    t0 = time.perf_counter()
    planner = Planner(out)
    step = max(1, len(heldout) // args.eval_n) if heldout else 1
    sample = [(e.src, e.tgt, e.template) for e in heldout[::step][:args.eval_n]]
    final, failures = evaluate(planner, sample)
    final["eval_seconds"] = time.perf_counter() - t0
    metrics.update(final)
    metrics.update({
        "corpus_pairs": len(examples), "corpus_seed": args.seed, "corpus_seconds": t_corpus,
        "tokenizer_seconds": t_tok, "seconds_to_export": t0 - t_start, "vocab_size": tokenizer.vocab_size,
        "model_bytes": (out / MODEL_FILE).stat().st_size, "tokenizer_bytes": tok_path.stat().st_size,
        "args": {k: str(v) if isinstance(v, Path) else v for k, v in vars(args).items()},
        "heldout_templates": heldout_record(),
    })
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False), encoding="utf-8")
    with open(out / "failures.jsonl", "w", encoding="utf-8") as f:
        for row in failures:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    if args.ship:
        SHIPPED_DIR.mkdir(parents=True, exist_ok=True)
        for name in (MODEL_FILE, TOKENIZER_FILE, "metrics.json"):
            shutil.copyfile(out / name, SHIPPED_DIR / name)
    keys = ("accuracy_constrained_beam", "accuracy_greedy_unconstrained", "schema_valid_constrained",
            "schema_valid_unconstrained", "train_seconds", "tokens_per_sec", "model_bytes", "tokenizer_bytes")
    print(json.dumps({k: metrics.get(k) for k in keys} | {"out": str(out)}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The planner's model layer: tokenizer, Transformer, NumPy inference, constrained decoding, training.

Generic: nothing here knows about plans; the planner hands in data and a grammar.
Importing this package imports neither torch nor sentencepiece.

Public API (import from the submodules):
- tokenizer: `train_tokenizer(texts, out_prefix, vocab_size=4000, user_symbols=()) -> Path`,
  `Tokenizer(model_path)` with encode/decode/vocab_size/pad_id/bos_id/eos_id/sep_id/token_bytes().
- model (torch): `GPTConfig`, `GPT` (forward(idx, targets=None, loss_mask=None, row_multiple=1) -> (logits, loss)),
  `export_npz(model, path)`.
- runtime (NumPy only): `NumpyGPT.load(path)`, `.new_cache()`, `.forward(ids, cache, logits_from=0) -> logits`,
  `.forward_rows(rows, caches, logits_from=None) -> [logits]` (several sequences in one pass), `Cache.copy()`.
- decode (NumPy only): `Constraint` protocol, `beam_search(model, prompt_ids, *, eos_id, constraint=None,
  beam=4, max_new=160) -> list[Candidate]`, `Candidate(ids, logprob, finished)`, `pair_logprobs(model, pairs,
  eos_id)` / `sequence_logprobs(model, prompt_ids, continuations, eos_id)` (plain-model scores, one batched pass).
- train (torch): `TrainConfig`, `train(cfg, tokenizer, train_pairs, eval_pairs, out_dir, ...) -> dict`,
  `encode_pair(tokenizer, src, tgt)`; CLI `python -m fileagent.llm.train --data corpus.jsonl ...`.

A model sees `bos + encode(src) + sep` and writes `encode(tgt) + eos`.
"""

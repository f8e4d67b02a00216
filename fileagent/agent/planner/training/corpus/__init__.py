"""Synthetic bilingual (request, plan text) corpus for training the planner model.

    from fileagent.agent.planner.training.corpus import generate, write_jsonl
    examples = generate(200_000, seed=0)

See build.py for the template hold-out, intents.py for what each intent produces,
en.py / zh.py for the phrasings and names.py for the value pools.
"""

from fileagent.agent.planner.training.corpus.build import Example, generate, write_jsonl

__all__ = ["Example", "generate", "write_jsonl"]

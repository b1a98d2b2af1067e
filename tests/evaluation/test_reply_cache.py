"""An interrupted evaluation resumes from the greedy batches it finished, with the same replies."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from quantreason.evaluation import load_questions, run_evaluation
from quantreason.evaluation.reply_cache import FAIL_AT_BATCH_ENV, REPLY_CACHE, ReplyCache
from quantreason.models import TINY_RANDOM

SCOPE = {"base": "m", "adapter": None, "max_new_tokens": 5}


def test_cache_keeps_batches_across_instances_and_scopes(tmp_path: Path) -> None:
    path = tmp_path / REPLY_CACHE
    first = ReplyCache(path, SCOPE)
    first.put(["p1", "p2"], ["r1", "r2"])
    again = ReplyCache(path, dict(reversed(SCOPE.items())))  # the same scope, keys reordered
    assert again.get(["p1", "p2"]) == ["r1", "r2"] and again.hits == 1
    assert again.get(["p2", "p1"]) is None  # another batch order is another batch
    assert again.get(["p1"]) is None
    other_model = ReplyCache(path, SCOPE | {"adapter": "abc123"})
    assert other_model.get(["p1", "p2"]) is None and len(other_model) == 1
    with pytest.raises(ValueError, match="1 replies for 2 prompts"):
        first.put(["p1", "p2"], ["r1"])


def test_a_line_cut_short_is_ignored_and_not_joined(tmp_path: Path) -> None:
    path = tmp_path / REPLY_CACHE
    ReplyCache(path, SCOPE).put(["a"], ["x"])
    with path.open("a") as handle:
        handle.write('{"key": "abc", "repl')  # the write a kill interrupted
    cache = ReplyCache(path, SCOPE)
    assert cache.get(["a"]) == ["x"] and len(cache) == 1
    cache.put(["b"], ["y"])  # lands on its own line, after the torn one
    assert ReplyCache(path, SCOPE).get(["b"]) == ["y"]


def test_generate_answers_a_kept_batch_and_keeps_the_others(tiny_base: str) -> None:
    from quantreason.generation import generate, load_model

    loaded = load_model(tiny_base)
    questions = ["short?", "a much longer question about drawdowns?", "mid question?"]
    plain = generate(loaded, questions, max_new_tokens=5, batch_size=2)
    kept: dict[tuple[str, ...], list[str]] = {}

    class DictStore:
        def get(self, prompts):
            return kept.get(tuple(prompts))

        def put(self, prompts, replies):
            kept[tuple(prompts)] = list(replies)

    assert generate(loaded, questions, max_new_tokens=5, batch_size=2, store=DictStore()) == plain
    assert sorted(len(batch) for batch in kept) == [1, 2]  # both batches kept
    # a kept batch is answered from the store, not generated again
    single = next(batch for batch in kept if len(batch) == 1)
    kept[single] = ["from the store"]
    again = generate(loaded, questions, max_new_tokens=5, batch_size=2, store=DictStore())
    assert again.count("from the store") == 1
    assert [a for a in again if a != "from the store"] == [
        p for p, a in zip(plain, again, strict=True) if a != "from the store"
    ]


def _questions(path: Path, count: int) -> Path:
    rows = [
        {"id": f"q{i}", "family": "cagr", "answer": 10.0, "unit": "percent",
         "question": f"Grew {100 + i} to {121 + i} in 2 years; what CAGR, case {i}?"}
        for i in range(count)
    ]  # fmt: skip
    path.write_text("".join(json.dumps(row) + "\n" for row in rows))
    return path


@pytest.mark.slow
def test_a_killed_evaluation_resumes_with_the_replies_of_an_uninterrupted_one(
    tiny_base: str, tiny_adapter: Path, tmp_path: Path
) -> None:
    from quantreason.consensus import SelfConsistency

    questions = _questions(tmp_path / "many.jsonl", 30)  # 15 batches of 2 a model
    out = tmp_path / "killed"
    # Dies like a kill after the base model's 15 batches and 3 of the fine-tuned model's.
    killed = subprocess.run(
        [sys.executable, "-m", "quantreason", "eval", "--base", TINY_RANDOM,
         "--adapter", str(tiny_adapter), "--questions", str(questions), "--out", str(out),
         "--batch-size", "2", "--max-new-tokens", "8", "--samples", "2"],
        capture_output=True, text=True, timeout=600, check=False,
        env={**os.environ, FAIL_AT_BATCH_ENV: "18"},
    )  # fmt: skip
    assert killed.returncode == 137, killed.stderr[-2000:]
    assert not (out / "results.json").exists()
    assert len((out / REPLY_CACHE).read_text().splitlines()) == 18
    fresh = tmp_path / "fresh"  # the same leftovers, run again without resume
    shutil.copytree(out, fresh)

    sets = {"many": load_questions(questions)}
    kwargs = {
        "batch_size": 2,
        "max_new_tokens": 8,
        "progress": False,
        "self_consistency": SelfConsistency(samples=2),  # the command's vote
    }
    run_evaluation(TINY_RANDOM, tiny_adapter, sets, out, resume=True, **kwargs)
    meta = json.loads((out / "eval_meta.json").read_text())
    assert meta["resumed_batches"] == {"base": 15, "finetuned": 3}
    assert not (out / REPLY_CACHE).exists()  # finished: nothing left to resume
    run_evaluation(TINY_RANDOM, tiny_adapter, sets, fresh, **kwargs)  # starts afresh
    meta = json.loads((fresh / "eval_meta.json").read_text())
    assert meta["resumed_batches"] == {"base": 0, "finetuned": 0}
    resumed = (out / "predictions.jsonl").read_text()
    assert resumed == (fresh / "predictions.jsonl").read_text()  # votes included
    assert {json.loads(line)["model"] for line in resumed.splitlines()} == {
        "base", "finetuned", "finetuned_sc"
    }  # fmt: skip


def test_resume_needs_padded_batches(tmp_path: Path, questions_file: Path) -> None:
    with pytest.raises(ValueError, match="continuous batching has none"):
        run_evaluation(TINY_RANDOM, None, {"x": load_questions(questions_file)}, tmp_path,
                       resume=True, continuous_batching=True)  # fmt: skip
    assert not (tmp_path / "results.json").exists()


def test_a_model_directory_is_fingerprinted_by_what_its_replies_depend_on(tmp_path: Path) -> None:
    from quantreason.hashing import WHOLE_FILE_HASH_BELOW, directory_fingerprint

    model = tmp_path / "model"
    model.mkdir()
    (model / "config.json").write_text('{"layers": 2}')
    weights = model / "model.safetensors"
    weights.write_bytes(b"\0" * WHOLE_FILE_HASH_BELOW)  # large: by size and time
    first = directory_fingerprint(model)
    assert directory_fingerprint(model) == first
    (model / "config.json").write_text('{"layers": 3}')  # small: by content
    second = directory_fingerprint(model)
    assert second != first
    os.utime(weights, ns=(1, 1))  # re-written weights of the same size
    assert directory_fingerprint(model) != second
    assert directory_fingerprint("org/some-model") != directory_fingerprint("org/other")


def test_each_model_of_an_evaluation_has_its_own_scope(tmp_path: Path) -> None:
    from quantreason.evaluation.reply_cache import evaluation_scope, reply_scope

    adapter = tmp_path / "adapter"
    adapter.mkdir()
    (adapter / "adapter_config.json").write_text('{"r": 8}')
    settings = {"device": "cpu", "dtype": "torch.float32", "versions": {"torch": "2.13.0"}}
    shared = evaluation_scope(TINY_RANDOM, max_new_tokens=48, **settings)
    base, tuned = reply_scope(shared, None), reply_scope(shared, adapter)
    assert base["adapter"] is None and tuned["adapter"] is not None
    assert {**tuned, "adapter": None} == base
    longer = reply_scope(evaluation_scope(TINY_RANDOM, max_new_tokens=64, **settings), adapter)
    scopes = [json.dumps(s, sort_keys=True) for s in (base, tuned, longer)]
    assert len(set(scopes)) == 3  # none answers for another's batches

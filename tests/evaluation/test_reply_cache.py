"""An interrupted evaluation resumes from the greedy batches it finished, with the same replies."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from quantreason.evaluation import load_questions, run_evaluation
from quantreason.evaluation.reply_cache import REPLY_CACHE, ReplyCache
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


def test_a_killed_evaluation_resumes_with_the_replies_of_an_uninterrupted_one(
    tiny_base: str, tmp_path: Path
) -> None:
    questions = _questions(tmp_path / "many.jsonl", 80)
    out = tmp_path / "killed"
    command = [sys.executable, "-m", "quantreason", "eval", "--base", TINY_RANDOM,
               "--questions", str(questions), "--out", str(out), "--batch-size", "2",
               "--max-new-tokens", "8"]  # fmt: skip
    process = subprocess.Popen(  # its own session: the kill reaches nothing else
        command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True
    )
    cache = out / REPLY_CACHE
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and process.poll() is None:
        if cache.is_file() and cache.read_text().count("\n") >= 3:
            break
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    finished_before = len(ReplyCache(cache, {})) if cache.is_file() else 0
    assert finished_before >= 3, "the evaluation never got three batches in"
    assert not (out / "results.json").exists()  # it really was cut short

    fresh = tmp_path / "fresh"  # the same leftovers, run again without --resume
    shutil.copytree(out, fresh)
    sets = {"many": load_questions(questions)}
    kwargs = {"batch_size": 2, "max_new_tokens": 8, "progress": False}
    run_evaluation(TINY_RANDOM, None, sets, out, resume=True, **kwargs)
    meta = json.loads((out / "eval_meta.json").read_text())
    assert meta["resumed_batches"]["base"] >= finished_before - 1  # the last may be torn
    assert not cache.exists()  # finished: nothing left to resume
    run_evaluation(TINY_RANDOM, None, sets, fresh, **kwargs)  # starts its cache afresh
    assert json.loads((fresh / "eval_meta.json").read_text())["resumed_batches"] == {"base": 0}
    assert (out / "predictions.jsonl").read_text() == (fresh / "predictions.jsonl").read_text()

"""End to end on the tiny random model: plumbing and file shapes, not accuracy."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from quantreason.cli import app
from quantreason.evaluation import load_questions, run_evaluation
from quantreason.models import TINY_RANDOM

OUTPUTS = ("results.json", "results.md", "accuracy.png", "predictions.jsonl", "failures.jsonl")


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_base_and_finetuned_on_the_same_questions(
    tiny_base: str, tiny_adapter: Path, questions_file: Path, tmp_path: Path
) -> None:
    questions = load_questions(questions_file)
    sets = {"mine": questions, "again": questions[:1]}
    rows = run_evaluation(
        TINY_RANDOM, tiny_adapter, sets, tmp_path, batch_size=2, max_new_tokens=6, progress=False
    )
    assert all((tmp_path / name).is_file() for name in OUTPUTS)
    assert json.loads((tmp_path / "results.json").read_text()) == rows
    # model x split x (all + families): mine has 2 families, again has 1
    assert [(r["model"], r["split"], r["family"]) for r in rows] == [
        (model, split, family)
        for model in ("base", "finetuned")
        for split, family in [("mine", "all"), ("mine", "beta"), ("mine", "cagr"),
                              ("again", "all"), ("again", "cagr")]
    ]  # fmt: skip
    predictions = read_jsonl(tmp_path / "predictions.jsonl")
    assert len(predictions) == 2 * (3 + 1)
    by_model = {m: [p["id"] for p in predictions if p["model"] == m] for m in ("base", "finetuned")}
    assert by_model["base"] == by_model["finetuned"] == ["q1", "q2", "q3", "q1"]
    # a random model answers nothing: every reply is wrong and listed as a failure
    failures = read_jsonl(tmp_path / "failures.jsonl")
    assert len(failures) == sum(not p["correct"] for p in predictions)
    assert sum(r["correct"] for r in rows if r["family"] == "all") == sum(
        p["correct"] for p in predictions
    )
    # the adapter changes the replies (so the fine-tuned model really was loaded)
    replies = {m: [p["reply"] for p in predictions if p["model"] == m] for m in by_model}
    assert replies["base"] != replies["finetuned"]
    meta = json.loads((tmp_path / "eval_meta.json").read_text())
    assert meta["question_sets"] == {"mine": 3, "again": 1} and meta["dtype"] == "float32"


def test_replies_match_unstopped_generation_and_keep_order(tiny_base: str) -> None:
    from quantreason.generation import generate, load_model

    loaded = load_model(tiny_base)
    questions = ["short?", "a much longer question about drawdowns?", "mid question?"]
    mine = generate(loaded, questions, max_new_tokens=5, batch_size=2, stop_at_answer=True)
    theirs = generate(loaded, questions, max_new_tokens=5, batch_size=2)
    # the random model never writes an answer line, so the stopping rule must change nothing
    assert mine == theirs


def test_adapter_must_be_a_peft_directory(tmp_path: Path, questions_file: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"adapter_config\.json"):
        run_evaluation(TINY_RANDOM, tmp_path, {"x": load_questions(questions_file)}, tmp_path)
    with pytest.raises(ValueError, match="nothing to evaluate"):
        run_evaluation(TINY_RANDOM, None, {}, tmp_path)
    with pytest.raises(ValueError, match="precision must be one of"):
        run_evaluation(TINY_RANDOM, None, {"x": load_questions(questions_file)}, tmp_path,
                       precision="fp16")  # fmt: skip
    assert not (tmp_path / "results.json").exists()


def test_cli_evaluates_an_external_file(
    tiny_base: str, tiny_adapter: Path, questions_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    args = ["eval", "--questions", str(questions_file), "--base", TINY_RANDOM,
            "--adapter", str(tiny_adapter), "--out", str(out), "--limit", "2",
            "--base-limit", "1", "--max-new-tokens", "4", "--precision", "bf16"]  # fmt: skip
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "eval_meta.json").read_text())
    assert (meta["precision"], meta["dtype"]) == ("bf16", "bfloat16")
    rows = json.loads((out / "results.json").read_text())
    assert {(r["model"], r["split"], r["n"]) for r in rows if r["family"] == "all"} == {
        ("base", "mine", 1),  # --base-limit
        ("finetuned", "mine", 2),
    }


def test_cli_bad_row_fails_with_the_row_named(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text('{"id": "x1", "question": "q?", "answer": "ten", "unit": "count"}\n')
    result = CliRunner().invoke(
        app, ["eval", "--questions", str(path), "--base", TINY_RANDOM, "--out", str(tmp_path)]
    )
    assert result.exit_code != 0
    assert "bad.jsonl line 1 (id 'x1'): 'answer' must be a number" in result.output
    assert not (tmp_path / "results.json").exists()


def test_cli_without_model_flags_uses_the_last_run(
    tiny_adapter: Path, questions_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUANTREASON_RUNS", str(tmp_path / "runs"))
    out = tmp_path / "out"
    args = ["eval", "--questions", str(questions_file), "--out", str(out), "--max-new-tokens", "2"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code != 0 and "quantreason pipeline" in result.output
    (tmp_path / "runs").mkdir()
    latest = {"base": TINY_RANDOM, "adapter": str(tiny_adapter), "data": None}
    (tmp_path / "runs" / "latest.json").write_text(json.dumps(latest))
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "eval_meta.json").read_text())
    assert meta["adapter"] == str(tiny_adapter) and meta["base"] == TINY_RANDOM


def test_self_consistency_votes_on_the_chosen_sets_and_reports_risk_coverage(
    tiny_base: str, tiny_adapter: Path, questions_file: Path, tmp_path: Path
) -> None:
    from quantreason.consensus import SelfConsistency

    questions = load_questions(questions_file)
    sets = {"mine": questions, "other": questions[:1]}
    rows = run_evaluation(
        TINY_RANDOM,
        tiny_adapter,
        sets,
        tmp_path,
        batch_size=4,
        max_new_tokens=5,
        progress=False,
        self_consistency=SelfConsistency(samples=2, seed=1),
        consistency_sets=["mine"],
    )
    voted = [r for r in rows if r["model"] == "finetuned_sc"]
    assert {r["split"] for r in voted} == {"mine"}  # only the chosen set is voted on
    assert next(r for r in voted if r["family"] == "all")["n"] == 3
    summary = json.loads((tmp_path / "consistency.json").read_text())
    mine = summary["sets"]["mine"]
    assert mine["n"] == 3 and len(mine["risk_coverage"]) == len(summary["thresholds"])
    # a random model writes no formula: nothing is grounded, so nothing is answered above 0
    assert [r["answered"] for r in mine["risk_coverage"]][:2] == [3, 0]
    assert (tmp_path / "risk_coverage.png").stat().st_size > 0
    assert "Self-consistency and abstention" in (tmp_path / "results.md").read_text()
    details = read_jsonl(tmp_path / "consistency_predictions.jsonl")
    assert [d["id"] for d in details] == ["q1", "q2", "q3"]
    assert all(d["confidence"] == 0.0 and not d["grounded"] for d in details)
    with pytest.raises(ValueError, match="not being evaluated"):
        run_evaluation(
            TINY_RANDOM,
            tiny_adapter,
            sets,
            tmp_path,
            self_consistency=SelfConsistency(samples=1),
            consistency_sets=["nope"],
        )


def test_checked_answers_every_set_as_the_endpoint_does(
    tiny_base: str, tiny_adapter: Path, questions_file: Path, tmp_path: Path
) -> None:
    from quantreason.consensus import SelfConsistency

    questions = load_questions(questions_file)
    sets = {"mine": questions, "other": questions[:1]}
    rows = run_evaluation(
        TINY_RANDOM,
        tiny_adapter,
        sets,
        tmp_path,
        batch_size=4,
        max_new_tokens=5,
        progress=False,
        checked=SelfConsistency(retry_samples=2, seed=1),
    )
    headline = [r for r in rows if r["family"] == "all"]
    checked = {r["split"]: r["n"] for r in headline if r["model"] == "finetuned_checked"}
    greedy = {r["split"]: r["n"] for r in headline if r["model"] == "finetuned"}
    assert checked == greedy == {"mine": 3, "other": 1}
    assert not any(r["model"] == "finetuned_sc" for r in rows)  # no vote was asked for
    predictions = read_jsonl(tmp_path / "predictions.jsonl")
    by_model = {
        m: [p["reply"] for p in predictions if p["model"] == m]
        for m in ("finetuned", "finetuned_checked")
    }
    # a random model's greedy reply fails every check and so do its retries: the answer
    # falls back to the greedy reply, as the endpoint's does
    assert by_model["finetuned_checked"] == by_model["finetuned"]


def test_sampling_gives_k_replies_per_question_reproducibly(tiny_base: str) -> None:
    from quantreason.generation import load_model, sample

    loaded = load_model(tiny_base)
    questions = ["short?", "a much longer question about drawdowns?", "mid question?"]
    first = sample(loaded, questions, 3, max_new_tokens=4, batch_size=4, seed=5)
    again = sample(loaded, questions, 3, max_new_tokens=4, batch_size=4, seed=5)
    assert [len(replies) for replies in first] == [3, 3, 3]
    assert first == again
    assert len({reply for replies in first for reply in replies}) > 3  # sampled, not greedy


def test_base_limit_evaluates_the_base_model_on_fewer_questions(
    tiny_base: str, tiny_adapter: Path, questions_file: Path, tmp_path: Path
) -> None:
    questions = load_questions(questions_file)
    rows = run_evaluation(
        TINY_RANDOM,
        tiny_adapter,
        {"mine": questions},
        tmp_path,
        batch_size=4,
        max_new_tokens=3,
        progress=False,
        base_limit=2,
    )
    totals = {r["model"]: r["n"] for r in rows if r["family"] == "all"}
    assert totals == {"base": 2, "finetuned": 3}
    base_ids = [p["id"] for p in read_jsonl(tmp_path / "predictions.jsonl") if p["model"] == "base"]
    assert base_ids == ["q1", "q3"]  # spread over the two families

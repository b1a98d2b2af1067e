"""Evaluate the base model and the fine-tuned model on the same questions with the same prompt.

Writes into ``out_dir``:

``results.json``     rows per model x split x family (see :mod:`quantreason.evaluation.report`)
``results.md``       the same as markdown tables, with example failures
``accuracy.png``     base vs fine-tuned accuracy per family, one panel per split
``predictions.jsonl`` every reply with its scores
``failures.jsonl``   the replies scored wrong (headline)
``eval_meta.json``   models, settings, seconds per model, library versions
``task_check.json``  per set: replies the task check rewrote, right before and after (with a
                     task classifier)

With self-consistency (``self_consistency.samples > 0``) on some sets, the fine-tuned model
(the base model when there is no adapter) also answers those sets by vote
(:mod:`quantreason.consensus`): model ``finetuned_sc`` in the tables (abstention off), and
``consistency.json`` / ``risk_coverage.png`` hold accuracy and coverage per confidence threshold
beside the greedy baseline.

With a task classifier (:mod:`quantreason.task_check`), the fine-tuned model's greedy reply to a
question whose task the classifier reads confidently, and which names another task, is written
again for that task before it is scored or voted on; each such prediction keeps its first reply
(``first_reply``) and every fine-tuned prediction says what the check read (``task_check``).
"""

from __future__ import annotations

import functools
import gc
import itertools
import json
import logging
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from quantreason.consensus import Consensus, SelfConsistency
from quantreason.evaluation.consistency import (
    consistency_markdown,
    consistency_summary,
    plot_risk_coverage,
)
from quantreason.evaluation.reply_cache import (
    REPLY_CACHE,
    ReplyCache,
    evaluation_scope,
    reply_scope,
)
from quantreason.evaluation.report import (
    markdown_report,
    plot_accuracy,
    summarise,
    task_check_markdown,
    task_check_summary,
    write_jsonl,
)
from quantreason.evaluation.scoring import score_reply
from quantreason.generation import DEFAULT_MAX_NEW_TOKENS, DEFAULT_TOP_P, BatchStore
from quantreason.naming import ADAPTER_CONFIG, is_adapter_dir
from quantreason.precision import DEFAULT_PRECISION
from quantreason.provenance import package_versions
from quantreason.task_check import MIN_PROBABILITY, TaskReading, check_classifier, check_tasks
from quantreason.tasks.classifier import TaskClassifier

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 32
# Off: padded batches. The engine answers the same greedy replies, but on evaluation-sized work
# it is slower here: 92 validation questions (batch 64, 2 quiet cores) took 41.5 s padded vs
# 98.4 s through the engine for the fine-tuned model, 59.7 s vs 127.5 s for the base model
# (reports/local/experiments.md, run I). The engine stays the endpoint's path (concurrent
# requests) and `quantreason eval --continuous-batching`.
DEFAULT_CONTINUOUS_BATCHING = False


def run_evaluation(
    base: str,
    adapter: str | Path | None,
    question_sets: Mapping[str, Sequence[dict[str, Any]]],
    out_dir: str | Path,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    max_new_tokens: int = DEFAULT_MAX_NEW_TOKENS,
    progress: bool = True,
    self_consistency: SelfConsistency | None = None,
    consistency_sets: Sequence[str] | None = None,
    base_limit: int | None = None,
    continuous_batching: bool = DEFAULT_CONTINUOUS_BATCHING,
    task_classifier: TaskClassifier | None = None,
    task_check_probability: float = MIN_PROBABILITY,
    precision: str = DEFAULT_PRECISION,
    checked: SelfConsistency | None = None,
    resume: bool = False,
) -> list[dict[str, Any]]:
    """Evaluate ``base`` (a model spec) and, if given, ``base`` + ``adapter`` (merged).

    ``continuous_batching`` generates through the serving batcher (up to ``batch_size``
    questions at once, a finished one making room for the next at once) instead of padded
    batches of ``batch_size`` that run as long as their longest row; the replies are the same
    (``tests/inference/test_request_batching.py``).

    ``question_sets`` maps a split name to validated question rows (see
    :func:`quantreason.evaluation.questions.question_sets`). ``self_consistency`` with samples
    also votes on ``consistency_sets`` (default: every set) for the last model. ``base_limit``
    evaluates the base model (when there is an adapter too) on at most that many questions per
    set, spread over families: it rambles to the token budget, so it is the costly one.
    ``task_classifier`` turns the task check on for the fine-tuned model (never for the base
    model: it names no task, and both must see the same prompt). ``precision``: the weights'
    format (:func:`quantreason.precision.inference_dtype`: fp32, bf16, or auto: bf16 where the
    device computes it natively). ``checked`` (a rule without samples, retries only) also
    answers every question of every set the way the endpoint does by default, for the last
    model: model ``<label>_checked`` in the tables. ``resume`` answers from the greedy batches
    an interrupted evaluation into the same ``out_dir`` finished (its ``reply_cache.jsonl``; see
    :mod:`quantreason.evaluation.reply_cache`); without it that file is started afresh. A
    finished evaluation removes it. Returns the results rows.
    """
    from quantreason.models import resolve_model
    from quantreason.precision import inference_dtype

    dtype = inference_dtype(precision, _device())  # a bad name fails before any model loads

    if not question_sets or not any(question_sets.values()):
        raise ValueError("question_sets is empty: nothing to evaluate")
    if adapter is not None and not is_adapter_dir(adapter):
        raise FileNotFoundError(
            f"{adapter} is not a PEFT adapter ({ADAPTER_CONFIG} + adapter_model.* expected)"
        )
    if resume and continuous_batching:
        raise ValueError("resume keeps padded greedy batches; continuous batching has none to keep")
    if task_classifier is not None:
        check_classifier(task_classifier, adapter)  # before any model is loaded
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    cache_path = out / REPLY_CACHE
    if not resume:
        cache_path.unlink(missing_ok=True)
    base_path = resolve_model(base)
    items = [(split, row) for split, rows in question_sets.items() for row in rows]
    models: list[tuple[str, str | None]] = [("base", None)]
    if adapter is not None:
        models.append(("finetuned", str(adapter)))

    voting = self_consistency is not None and (
        self_consistency.samples > 0 or self_consistency.retry_samples > 0
    )
    chosen_sets = set(question_sets if consistency_sets is None else consistency_sets)
    unknown = chosen_sets - set(question_sets)
    if voting and unknown:
        raise ValueError(f"self-consistency sets {sorted(unknown)} are not being evaluated")
    voted = [i for i, (split, _) in enumerate(items) if split in chosen_sets] if voting else []

    predictions: list[dict[str, Any]] = []
    consistency: list[dict[str, Any]] = []
    seconds: dict[str, float] = {}
    resumed_batches: dict[str, int] = {}
    versions = package_versions()
    shared_scope = evaluation_scope(
        base_path,
        device=_device(),
        dtype=str(dtype),
        max_new_tokens=max_new_tokens,
        versions=versions,
    )
    for position, (label, adapter_path) in enumerate(models):
        started = time.perf_counter()
        subset = items
        if label == "base" and adapter is not None and base_limit is not None:
            subset = _limited(items, base_limit)
        voted_here = voted if position == len(models) - 1 else []
        check = (task_classifier, task_check_probability) if adapter_path is not None else None
        store = ReplyCache(cache_path, reply_scope(shared_scope, adapter_path))
        replies, decisions, readings, checked_decisions = _replies(
            label,
            base_path,
            adapter_path,
            [row["question"] for _, row in subset],
            batch_size=batch_size,
            max_new_tokens=max_new_tokens,
            progress=progress,
            voted=voted_here,
            self_consistency=self_consistency,
            continuous_batching=continuous_batching,
            task_check=check,
            precision=precision,
            checked=checked if position == len(models) - 1 else None,
            store=store,
        )
        resumed_batches[label] = store.hits
        seconds[label] = round(time.perf_counter() - started, 2)
        predictions += [
            _prediction(label, split, row, reply) | _reading_fields(reading, row)
            for (split, row), reply, reading in zip(subset, replies, readings, strict=True)
        ]
        log.info("%s: %d replies in %.1f s", label, len(replies), seconds[label])
        for index, decision in zip(voted_here, decisions, strict=True):
            split, row = items[index]
            greedy = _prediction(label, split, row, replies[index])
            voted_row = _prediction(f"{label}_sc", split, row, decision.reply)
            predictions.append(voted_row)
            consistency.append(_consistency_row(voted_row, greedy, decision))
        if checked_decisions:
            predictions += [
                _prediction(f"{label}_checked", split, row, decision.reply)
                for (split, row), decision in zip(subset, checked_decisions, strict=True)
            ]

    rows = summarise(predictions)
    failures = [p for p in predictions if not p["correct"]]
    (out / "results.json").write_text(json.dumps(rows, indent=2) + "\n")
    (out / "results.md").write_text(markdown_report(rows, failures))
    checked = task_check_summary(predictions)
    if checked:
        (out / "task_check.json").write_text(json.dumps(checked, indent=2) + "\n")
        with (out / "results.md").open("a") as handle:
            handle.write("\n" + task_check_markdown(checked))
    plot_accuracy(rows, out / "accuracy.png")
    write_jsonl(out / "predictions.jsonl", predictions)
    write_jsonl(out / "failures.jsonl", failures)
    meta = {
        "base": base,
        "base_path": base_path,
        "adapter": str(adapter) if adapter is not None else None,
        "question_sets": {name: len(rows) for name, rows in question_sets.items()},
        "base_limit": base_limit,
        "batch_size": batch_size,
        "continuous_batching": continuous_batching,
        "max_new_tokens": max_new_tokens,
        "dtype": str(dtype).removeprefix("torch."),
        "precision": precision,
        "decoding": (
            "greedy, "
            + ("continuous batching" if continuous_batching else "left padding")
            + ", stop after a complete 'Formula:' (or 'Answer:') line"
        ),
        "seconds": seconds,
        # greedy batches an earlier, interrupted attempt had finished (``seconds``: this one's)
        "resumed_batches": resumed_batches,
        "versions": versions,
    }
    if task_classifier is not None and adapter is not None:
        meta["task_check"] = {
            "min_probability": task_check_probability,
            "rewritten": sum(
                bool(p.get("task_check", {}).get("rewritten"))
                for p in predictions
                if p["model"] == "finetuned"
            ),
        }
    if consistency:
        summary = consistency_summary(consistency)
        (out / "consistency.json").write_text(json.dumps(summary, indent=2) + "\n")
        write_jsonl(out / "consistency_predictions.jsonl", consistency)
        plot_risk_coverage(summary, out / "risk_coverage.png")
        with (out / "results.md").open("a") as handle:
            handle.write("\n" + consistency_markdown(summary))
        meta["self_consistency"] = {
            **vars(self_consistency),
            "sets": sorted(chosen_sets),
        }
    (out / "eval_meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    cache_path.unlink(missing_ok=True)  # finished: nothing left to resume
    return rows


def _limited(items: list[tuple[str, dict[str, Any]]], limit: int) -> list[tuple[str, Any]]:
    from quantreason.evaluation.questions import limit_questions

    by_set: dict[str, list[dict[str, Any]]] = {}
    for split, row in items:
        by_set.setdefault(split, []).append(row)
    return [(split, row) for split, rows in by_set.items() for row in limit_questions(rows, limit)]


def _reading_fields(check: tuple[TaskReading, str] | None, row: dict[str, Any]) -> dict[str, Any]:
    """A prediction's record of the task check, with the first reply and whether it was right
    when it was rewritten (nothing when the check did not run)."""
    if check is None:
        return {}
    reading, first_reply = check
    fields: dict[str, Any] = {"task_check": reading.to_dict()}
    if reading.rewritten:
        fields["first_reply"] = first_reply
        fields["first_correct"] = _prediction("", "", row, first_reply)["correct"]
    return fields


def _consistency_row(
    voted: dict[str, Any], greedy: dict[str, Any], decision: Consensus
) -> dict[str, Any]:
    return {
        "model": voted["model"],
        "split": voted["split"],
        "id": voted["id"],
        "family": voted["family"],
        "correct": voted["correct"],
        "greedy_correct": greedy["correct"],
        "greedy_checked": _greedy_checked(greedy),
        "confidence": decision.confidence,
        "grounded": decision.grounded,
        "fits_task": decision.fits_task,
        "votes": decision.votes,
        "formula": decision.formula,
    }


def _device() -> str:
    """Where :func:`quantreason.generation.load_model` puts the model."""
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def _greedy_checked(greedy: dict[str, Any]) -> bool:
    """The greedy reply alone passes the vote's checks (grounded, fits its task)."""
    from quantreason.consensus import read_candidate

    return read_candidate(greedy["reply"], greedy["question"]).votes


def _replies(
    label: str,
    base_path: str,
    adapter: str | None,
    questions: list[str],
    *,
    batch_size: int,
    max_new_tokens: int,
    progress: bool,
    voted: Sequence[int] = (),
    self_consistency: SelfConsistency | None = None,
    continuous_batching: bool = DEFAULT_CONTINUOUS_BATCHING,
    task_check: tuple[TaskClassifier | None, float] | None = None,
    precision: str = DEFAULT_PRECISION,
    checked: SelfConsistency | None = None,
    store: BatchStore | None = None,
) -> tuple[list[str], list[Consensus], list[tuple[TaskReading, str] | None], list[Consensus]]:
    """Greedy replies for every question (task-checked when ``task_check`` holds a
    classifier), then decisions (sampled votes) for ``voted``, and with ``checked`` a checked
    answer for every question (the endpoint's default: more replies only where the greedy one
    fails the checks). ``store`` keeps and answers padded greedy batches (the engine's
    continuous batching has no fixed batches to keep)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from quantreason.generation import load_model, question_hidden_states, reply_start_log_probs

    loaded = load_model(base_path, adapter, merge=True, precision=precision)  # merged: faster
    try:
        with Progress(
            f"[bold]{label}[/]",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            disable=not progress,
        ) as bar:
            task = bar.add_task(
                label, total=len(questions) + len(voted) + (len(questions) if checked else 0)
            )
            if continuous_batching:
                from quantreason.serving.batching import engine_available

                # The inference container's older transformers has no engine: padded batches.
                continuous_batching = engine_available()
            greedy = functools.partial(
                _greedy,
                loaded,
                max_new_tokens=max_new_tokens,
                batch_size=batch_size,
                continuous_batching=continuous_batching,
                store=store,
            )
            replies = greedy(questions, on_batch=lambda done: bar.advance(task, done))
            checks: list[tuple[TaskReading, str] | None] = [None] * len(replies)
            if task_check is not None and task_check[0] is not None:
                continue_replies = greedy  # (questions, reply starts): the same decoding
                first_replies = replies
                score_starts = functools.partial(
                    reply_start_log_probs, loaded, batch_size=batch_size
                )
                replies, readings = check_tasks(
                    task_check[0],
                    questions,
                    first_replies,
                    continue_replies,
                    score_starts,
                    task_check[1],
                    question_states=functools.partial(
                        question_hidden_states, loaded, batch_size=batch_size
                    ),
                )
                checks = list(zip(readings, first_replies, strict=True))

            def decide(
                model: Any, indices: Sequence[int], rule: SelfConsistency
            ) -> list[Consensus]:
                from quantreason.consensus import decide_batch

                sampler = None
                if continuous_batching:
                    # The vote's replies share the engine's steps too (no row waits for the
                    # longest of a padded batch).
                    from quantreason.serving.batching import sample_continuous

                    draw = functools.partial(
                        sample_continuous,
                        model,
                        max_new_tokens=max_new_tokens,
                        temperature=rule.temperature,
                        top_p=DEFAULT_TOP_P,
                        max_sequences=batch_size,
                    )
                    seeds = itertools.count(rule.seed)  # a retry round: a new seed

                    def sampler(asked: Sequence[str], samples: int) -> list[list[str]]:
                        return draw(asked, samples, seed=next(seeds))

                return decide_batch(
                    model,
                    [questions[i] for i in indices],
                    [replies[i] for i in indices],
                    rule,
                    max_new_tokens=max_new_tokens,
                    batch_size=batch_size,
                    on_batch=lambda done: bar.advance(task, done),
                    sampler=sampler,
                    # only replies for the task the question confidently reads as vote
                    question_tasks=[
                        check[0].voting_task if check is not None else None
                        for check in (checks[i] for i in indices)
                    ],
                )

            decisions = (
                decide(loaded, voted, self_consistency) if voted and self_consistency else []
            )
            checked_decisions = (
                decide(loaded, range(len(questions)), checked) if checked is not None else []
            )
            return replies, decisions, checks, checked_decisions
    finally:
        del loaded
        gc.collect()  # free the first model before the second is loaded


def _greedy(
    loaded: Any,
    questions: Sequence[str],
    reply_starts: Sequence[str] | None = None,
    *,
    max_new_tokens: int,
    batch_size: int,
    continuous_batching: bool,
    on_batch: Any = None,
    store: BatchStore | None = None,
) -> list[str]:
    """Greedy replies, stopped at the answer (continuations of ``reply_starts`` when given):
    through the engine, or as padded batches. ``on_batch(n)``: questions done."""
    if continuous_batching:
        from quantreason.serving.batching import generate_continuous

        replies = generate_continuous(
            loaded,
            questions,
            max_new_tokens=max_new_tokens,
            max_sequences=batch_size,
            stop_at_answer=True,
            reply_starts=reply_starts,
        )
        if on_batch is not None:
            on_batch(len(questions))
        return replies
    from quantreason.generation import generate

    return generate(
        loaded,
        questions,
        max_new_tokens=max_new_tokens,
        batch_size=batch_size,
        on_batch=on_batch,
        stop_at_answer=True,
        reply_starts=reply_starts,
        store=store,
    )


def _prediction(model: str, split: str, row: dict[str, Any], reply: str) -> dict[str, Any]:
    score = score_reply(
        reply, row["answer"], row["unit"], row.get("tolerance"), sign_free=row["sign_free"]
    )
    return {
        "model": model,
        "split": split,
        "id": row["id"],
        "family": row["family"],
        "question": row["question"],
        "expected": row["answer"],
        "unit": row["unit"],
        "tolerance": row.get("tolerance"),
        "reply": reply,
        **score.to_dict(),
    }

"""Evaluate the base model and the fine-tuned model on the same questions with the same prompt.

Writes into ``out_dir``:

``results.json``     rows per model x split x family (see :mod:`quantreason.evaluation.report`)
``results.md``       the same as markdown tables, with example failures
``accuracy.png``     base vs fine-tuned accuracy per family, one panel per split
``predictions.jsonl`` every reply with its scores
``failures.jsonl``   the replies scored wrong (headline)
``eval_meta.json``   models, settings, seconds per model, library versions
"""

from __future__ import annotations

import gc
import json
import logging
import time
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from quantreason.evaluation.report import markdown_report, plot_accuracy, summarise, write_jsonl
from quantreason.evaluation.scoring import score_reply
from quantreason.generation import DEFAULT_MAX_NEW_TOKENS

log = logging.getLogger(__name__)

DEFAULT_BATCH_SIZE = 32
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
    continuous_batching: bool = DEFAULT_CONTINUOUS_BATCHING,
) -> list[dict[str, Any]]:
    """Evaluate ``base`` (a model spec) and, if given, ``base`` + ``adapter`` (merged, fp32).

    ``continuous_batching`` generates through the serving batcher (up to ``batch_size``
    questions at once, a finished one making room for the next) instead of padded batches of
    ``batch_size``; the replies are the same (``tests/inference/test_batching.py``).

    ``question_sets`` maps a split name to validated question rows (see
    :func:`quantreason.evaluation.questions.question_sets`). Returns the results rows.
    """
    from quantreason.models import resolve_model

    if not question_sets or not any(question_sets.values()):
        raise ValueError("question_sets is empty: nothing to evaluate")
    if adapter is not None and not (Path(adapter) / "adapter_config.json").is_file():
        raise FileNotFoundError(f"{adapter} is not a PEFT adapter (no adapter_config.json)")
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    base_path = resolve_model(base)
    items = [(split, row) for split, rows in question_sets.items() for row in rows]
    models: list[tuple[str, str | None]] = [("base", None)]
    if adapter is not None:
        models.append(("finetuned", str(adapter)))

    predictions: list[dict[str, Any]] = []
    seconds: dict[str, float] = {}
    for label, adapter_path in models:
        started = time.perf_counter()
        replies = _replies(
            label,
            base_path,
            adapter_path,
            [row["question"] for _, row in items],
            batch_size=batch_size,
            max_new_tokens=max_new_tokens,
            progress=progress,
            continuous_batching=continuous_batching,
        )
        seconds[label] = round(time.perf_counter() - started, 2)
        predictions += [
            _prediction(label, split, row, reply)
            for (split, row), reply in zip(items, replies, strict=True)
        ]
        log.info("%s: %d replies in %.1f s", label, len(replies), seconds[label])

    rows = summarise(predictions)
    failures = [p for p in predictions if not p["correct"]]
    (out / "results.json").write_text(json.dumps(rows, indent=2) + "\n")
    (out / "results.md").write_text(markdown_report(rows, failures))
    plot_accuracy(rows, out / "accuracy.png")
    write_jsonl(out / "predictions.jsonl", predictions)
    write_jsonl(out / "failures.jsonl", failures)
    meta = {
        "base": base,
        "base_path": base_path,
        "adapter": str(adapter) if adapter is not None else None,
        "question_sets": {name: len(rows) for name, rows in question_sets.items()},
        "batch_size": batch_size,
        "continuous_batching": continuous_batching,
        "max_new_tokens": max_new_tokens,
        "dtype": "float32",
        "decoding": "greedy, left padding, stop after a complete 'Answer:' line",
        "seconds": seconds,
        "versions": _versions(),
    }
    (out / "eval_meta.json").write_text(json.dumps(meta, indent=2) + "\n")
    return rows


def _replies(
    label: str,
    base_path: str,
    adapter: str | None,
    questions: list[str],
    *,
    batch_size: int,
    max_new_tokens: int,
    progress: bool,
    continuous_batching: bool,
) -> list[str]:
    import torch
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeElapsedColumn

    from quantreason.generation import generate, load_model

    # fp32 so that figures reproduce (bf16 changes ~14 % of greedy outputs); merged for speed.
    loaded = load_model(base_path, adapter, merge=True, dtype=torch.float32)
    try:
        if continuous_batching:
            from quantreason.serving.batching import generate_continuous

            return generate_continuous(
                loaded,
                questions,
                max_new_tokens=max_new_tokens,
                max_sequences=batch_size,
                stop_at_answer=True,
            )
        with Progress(
            f"[bold]{label}[/]",
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            disable=not progress,
        ) as bar:
            task = bar.add_task(label, total=len(questions))
            return generate(
                loaded,
                questions,
                max_new_tokens=max_new_tokens,
                batch_size=batch_size,
                on_batch=lambda done: bar.advance(task, done),
                stop_at_answer=True,
            )
    finally:
        del loaded
        gc.collect()  # free the first model before the second is loaded


def _prediction(model: str, split: str, row: dict[str, Any], reply: str) -> dict[str, Any]:
    score = score_reply(
        reply, row["answer"], row["unit"], row.get("tolerance"), family=row["family"]
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


def _versions() -> dict[str, str]:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("quantreason", "torch", "transformers", "peft"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found

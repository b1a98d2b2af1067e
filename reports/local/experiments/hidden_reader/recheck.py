"""Session 35: the task check with and without the hidden-state reader, on the tuning sets,
with run BR's first greedy replies fixed (greedy decoding is deterministic, so only the check's
own passes run: its weighing and the rewritten replies).

For every fine-tuned prediction of the given prediction files on a tuning set
(handwritten_dev, the probes, validation_ood 1-3, validation), the first reply (``first_reply``
when the check rewrote it, else ``reply``) goes through ``check_tasks`` again with
  1. run BR's n-gram classifier (must reproduce the stored replies: a check of the method),
  2. the same classifier with a hidden-state reader fitted now on run BR's adapter
     (``fit_dataset_classifier``'s rows and layer, the product's code),
and each reply is scored. Report sets (test*, handwritten) are never read.

Usage (repository root):
  python -u reports/local/experiments/hidden_reader/recheck.py ADAPTER DATA_DIR NGRAM.npz \
      OUT_DIR PREDICTIONS.jsonl...
Session 52: ``RECHECK_QUESTIONS=a.jsonl:b.jsonl`` adds tuning sets (``validation_oblique``).
Writes OUT_DIR/task_classifier.npz (the fitted reader; a later call reads it instead of fitting
again) and OUT_DIR/recheck.json; prints a table. With no prediction files it only fits.
"""

from __future__ import annotations

import collections
import functools
import json
import os
import sys
import time
from pathlib import Path

from quantreason.data import load_split
from quantreason.evaluation.questions import load_questions, load_split_questions
from quantreason.evaluation.runner import _greedy, _prediction
from quantreason.generation import load_model, question_hidden_states, reply_start_log_probs
from quantreason.models import resolve_model
from quantreason.serving.batching import engine_available
from quantreason.task_check import check_classifier, check_tasks
from quantreason.tasks.classifier import TaskClassifier
from quantreason.tasks.classifier_fitting import fit_hidden_reader, hidden_training_rows

REPORT_SETS = ("test", "test_ood_range", "test_ood_template", "handwritten")


def group(split: str) -> str:
    if split.startswith("handwritten_probe"):
        return "probes"
    if split.startswith("validation_ood"):
        return "validation_ood"
    if split.startswith("validation_oblique"):
        return "validation_oblique"
    return split


def asked_questions(
    data: Path, predictions: list[str], *, report: bool, extra: list[Path]
) -> list[tuple[dict, dict, str]]:
    """(prediction, question record, first greedy reply) for every fine-tuned prediction of
    the tuning sets (``report``: of the report splits only) in ``predictions``; ``extra``
    adds question files (``validation_oblique``)."""
    sources = [
        Path("benchmarks/handwritten_dev.jsonl"),
        *Path("benchmarks").glob("handwritten_probe*.jsonl"),
    ]
    sources += [
        Path(f"reports/local/experiments/{v}/{v}.jsonl")
        for v in ("validation_ood", "validation_ood2", "validation_ood3")
    ]
    sources += extra
    rows: dict[tuple[str, str], dict] = {}
    for source in sources:
        for row in load_questions(source):
            rows[(row["id"], row["question"])] = row
    if report:
        for row in load_questions(Path("benchmarks/handwritten.jsonl")):
            rows[(row["id"], row["question"])] = row
    for split in ("validation", *(REPORT_SETS[:3] if report else ())):
        for row in load_split_questions(data, split):
            rows[(row["id"], row["question"])] = row
    asked = []
    for path in predictions:
        for line in Path(path).read_text().splitlines():
            p = json.loads(line)
            if (
                p["model"] != "finetuned"
                or (p["split"] in REPORT_SETS or p["split"].startswith("test")) != report
            ):
                continue
            first = p.get("first_reply") if p.get("task_check", {}).get("rewritten") else p["reply"]
            asked.append((p, rows[(p["id"], p["question"])], first))
    return asked


def checked_answers(
    asked: list, classifier: TaskClassifier, continue_replies, score_starts, question_states
) -> tuple[list[bool], list]:
    """The task check (the product's ``check_tasks`` at its default ``MIN_PROBABILITY``) over
    the fixed first replies, each checked reply scored: (right or not, the check's reading) per
    question."""
    replies, readings = check_tasks(
        classifier,
        [row["question"] for _, row, _ in asked],
        [first for _, _, first in asked],
        continue_replies,
        score_starts,
        question_states=question_states if classifier.hidden else None,
    )
    correct = [
        _prediction("finetuned", p["split"], row, reply)["correct"]
        for (p, row, _), reply in zip(asked, replies, strict=True)
    ]
    return correct, readings


def tally(asked: list, correct: list[bool], readings: list) -> dict[str, dict[str, int]]:
    """Per tuning group: answers right, questions, tasks read right, replies rewritten."""
    table = collections.defaultdict(lambda: [0, 0, 0, 0])
    for (p, row, _), ok, reading in zip(asked, correct, readings, strict=True):
        cell = table[group(p["split"])]
        cell[0] += ok
        cell[1] += 1
        cell[2] += reading.question_task == row["family"]
        cell[3] += reading.rewritten
    return {
        g: dict(zip(("right", "n", "task_right", "rewritten"), v, strict=True))
        for g, v in sorted(table.items())
    }


def changed_answers(asked: list, before: list[bool], after: list[bool]) -> dict[str, int]:
    """How many answers of each group went wrong -> right and right -> wrong."""
    changed = collections.Counter(
        (group(p["split"]), a, b)
        for (p, _, _), a, b in zip(asked, before, after, strict=True)
        if a != b
    )
    return {
        f"{g}: {'right' if a else 'wrong'} -> {'right' if b else 'wrong'}": n
        for (g, a, b), n in sorted(changed.items())
    }


def main() -> None:
    adapter, data, ngram_path, out = map(Path, sys.argv[1:5])
    out.mkdir(parents=True, exist_ok=True)
    # Session 52: more tuning sets (validation_oblique), colon-separated; RECHECK_REPORT=1
    # rechecks the report splits only, after a rule has decided (printed, deciding nothing);
    # otherwise they are never read
    extra = [Path(s) for s in os.environ.get("RECHECK_QUESTIONS", "").split(":") if s]
    report = os.environ.get("RECHECK_REPORT") == "1"
    asked = asked_questions(data, sys.argv[5:], report=report, extra=extra)
    print(
        len(asked),
        "tuning questions",
        collections.Counter(group(p["split"]) for p, _, _ in asked),
        flush=True,
    )

    started = time.time()
    loaded = load_model(resolve_model("embedded"), adapter, merge=True, precision="auto")
    ngram = TaskClassifier.load(ngram_path)
    train = load_split(data, "train")
    sample = hidden_training_rows(train)
    fitted = out / "task_classifier.npz"
    if fitted.is_file():  # fitted by an earlier call for this adapter: read, not refitted
        hidden = check_classifier(TaskClassifier.load(fitted), adapter)
        reader = hidden.hidden
    else:
        reader = fit_hidden_reader(
            loaded, [r["question"] for r in sample], [r["family"] for r in sample], ngram.tasks
        )
        hidden = ngram.with_hidden(reader)
        hidden.save(fitted)
    print(
        f"reader: {len(sample)} questions, layer {reader.layer}, {time.time() - started:.0f} s",
        flush=True,
    )

    if not asked:
        return  # only the reader was asked for
    greedy = functools.partial(
        _greedy, loaded, max_new_tokens=224, batch_size=64, continuous_batching=engine_available()
    )
    score = functools.partial(reply_start_log_probs, loaded, batch_size=64)
    states = functools.partial(question_hidden_states, loaded, batch_size=64)
    results: dict[str, dict] = {}
    per_question: dict[str, list] = {}
    for name, classifier in (("ngram", ngram), ("hidden", hidden)):
        t = time.time()
        correct, readings = checked_answers(asked, classifier, greedy, score, states)
        per_question[name] = correct
        results[name] = tally(asked, correct, readings)
        print(name, f"{time.time() - t:.0f} s", json.dumps(results[name]), flush=True)
    stored = [p["correct"] for p, _, _ in asked]
    results["ngram_reproduces_stored"] = sum(
        a == b for a, b in zip(stored, per_question["ngram"], strict=True)
    ) / len(stored)
    results["changed"] = changed_answers(asked, per_question["ngram"], per_question["hidden"])
    (out / "recheck.json").write_text(json.dumps(results, indent=2) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

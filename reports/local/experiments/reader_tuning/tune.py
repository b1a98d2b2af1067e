"""Session 53: the hidden-state reader's settings, tuned on `validation_oblique` (the tuning
set written for wording no training piece has) with the other tuning sets as guards.

With run CC's first greedy replies fixed (as ``hidden_reader/recheck.py``), the task check of
the product (``check_tasks``) runs once per configuration; only the settings differ:
  C0  the committed reader (run CC's, ``/work/exp/obliqueCC/task_classifier.npz``: layer 20,
      16 training questions per family) at HIDDEN_WEIGHT 0.5 (what `full` serves now);
  R20 a reader refitted here at layer 20 from this script's own states (a check of the
      method: it must reproduce C0's answers);
  A   C0's reader at HIDDEN_WEIGHT 0.75;   B  C0's reader at HIDDEN_WEIGHT 1.0;
  C   a reader at layer 15 (same training questions), weight 0.5;
  D   a reader at layer 25 (same training questions), weight 0.5;
  ngram  run CC's n-gram classifier alone (must reproduce run CC's stored answers).
Greedy continuations and reply-start scores are deterministic functions of (question, reply
start), so they are cached (``CACHE/``) and each configuration pays only for new pairs.
Report sets are never read unless ``RECHECK_REPORT=1`` (after the rule, deciding nothing:
then only ``REPORT_CONFIGS`` run on the report splits).

  python -u reports/local/experiments/reader_tuning/tune.py ADAPTER DATA NGRAM.npz READER.npz \
      CACHE OUT.json PREDICTIONS.jsonl...
"""

from __future__ import annotations

import collections
import functools
import json
import os
import sys
import time
from pathlib import Path

import numpy as np

import quantreason.task_check as task_check_module
import quantreason.tasks.classifier as classifier_module
from quantreason.data import load_split
from quantreason.evaluation.runner import _greedy
from quantreason.generation import (
    load_model,
    question_hidden_states_by_layer,
    reply_start_log_probs,
)
from quantreason.models import resolve_model
from quantreason.serving.batching import engine_available
from quantreason.task_check import check_classifier
from quantreason.tasks.classifier import TaskClassifier
from quantreason.tasks.classifier_fitting import fit_reader_on_states, hidden_training_rows

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hidden_reader"))
from recheck import (  # session 52's loading, grouping, check and counts
    asked_questions,
    changed_answers,
    checked_answers,
    group,
    tally,
)

LAYERS = (15, 20, 25)
# name: (reader: "stored" or a layer to refit, HIDDEN_WEIGHT, the model's weight in the
# check's weighing, CANDIDATES)
CONFIGS = {
    "C0": ("stored", 0.5, 1.0, 3),
    "R20": (20, 0.5, 1.0, 3),
    "A": ("stored", 0.75, 1.0, 3),
    "B": ("stored", 1.0, 1.0, 3),
    "C": (15, 0.5, 1.0, 3),
    "D": (25, 0.5, 1.0, 3),
    # session 53's second rule (decide_weighing.py), written after the first's output:
    "E": ("stored", 0.5, 0.5, 3),
    "F": ("stored", 0.5, 0.75, 3),
    "G": ("stored", 0.5, 1.0, 5),
}


class Cache:
    """A JSON dict on disk keyed by question + reply start."""

    def __init__(self, path: Path):
        self.path = path
        self.data = json.loads(path.read_text()) if path.is_file() else {}

    def missing(self, keys):
        return [k for k in dict.fromkeys(keys) if k not in self.data]

    def save(self):
        self.path.write_text(json.dumps(self.data))


def key(question: str, start: str) -> str:
    return question + "\x00" + start


def main() -> None:
    adapter, data, ngram_path, reader_path, cache_dir, out_json = map(Path, sys.argv[1:7])
    cache_dir.mkdir(parents=True, exist_ok=True)
    report = os.environ.get("RECHECK_REPORT") == "1"
    configs = os.environ.get("REPORT_CONFIGS", "C0").split(",") if report else list(CONFIGS)
    if os.environ.get("TUNE_CONFIGS"):  # a subset (C0 first: the others are compared to it)
        configs = os.environ["TUNE_CONFIGS"].split(",")

    oblique = Path("reports/local/experiments/validation_oblique/validation_oblique.jsonl")
    asked = asked_questions(data, sys.argv[7:], report=report, extra=[oblique])
    print(
        len(asked),
        "questions",
        collections.Counter(group(p["split"]) for p, _, _ in asked),
        flush=True,
    )

    loaded = load_model(resolve_model("embedded"), adapter, merge=True, precision="auto")
    ngram = TaskClassifier.load(ngram_path)
    stored = check_classifier(TaskClassifier.load(reader_path), adapter)
    questions = [row["question"] for _, row, _ in asked]

    # pooled states: the readers' training questions and the asked questions, every layer
    train_file = cache_dir / "train_states.npz"
    states_file = cache_dir / ("states_report.npz" if report else "states.npz")
    sample = hidden_training_rows(load_split(data, "train"))
    t = time.time()
    if not train_file.is_file():
        train_states = question_hidden_states_by_layer(
            loaded, [r["question"] for r in sample], LAYERS, batch_size=64
        )
        np.savez(train_file, **{f"train{layer}": train_states[layer] for layer in LAYERS})
    if not states_file.is_file():
        asked_states = question_hidden_states_by_layer(loaded, questions, LAYERS, batch_size=64)
        np.savez(states_file, **{f"asked{layer}": asked_states[layer] for layer in LAYERS})
    print(f"states {time.time() - t:.0f} s", flush=True)
    arrays = {**np.load(train_file), **np.load(states_file)}
    by_question = {
        layer: dict(zip(questions, arrays[f"asked{layer}"], strict=True)) for layer in LAYERS
    }

    def question_states(qs, layer):
        return np.stack([by_question[layer][q] for q in qs])

    readers = {"stored": stored}
    for layer in {CONFIGS[c][0] for c in configs if CONFIGS[c][0] != "stored"}:
        reader = fit_reader_on_states(
            arrays[f"train{layer}"],
            [r["family"] for r in sample],
            ngram.tasks,
            layer=layer,
            digest=stored.hidden.adapter_digest,
        )
        readers[layer] = ngram.with_hidden(reader)

    scores = Cache(cache_dir / "scores.json")
    continuations = Cache(cache_dir / "continuations.json")
    greedy = functools.partial(
        _greedy, loaded, max_new_tokens=224, batch_size=64, continuous_batching=engine_available()
    )

    model_weight = [1.0]  # the configuration's weight on the model's log-probabilities

    def score_starts(qs, starts):
        keys = [key(q, s) for q, s in zip(qs, starts, strict=True)]
        todo = scores.missing(keys)
        if todo:
            got = reply_start_log_probs(
                loaded,
                [k.split("\x00")[0] for k in todo],
                [k.split("\x00")[1] for k in todo],
                batch_size=64,
            )
            scores.data.update(zip(todo, got, strict=True))
            scores.save()
        return [model_weight[0] * scores.data[k] for k in keys]

    def continue_replies(qs, starts):
        keys = [key(q, s) for q, s in zip(qs, starts, strict=True)]
        todo = continuations.missing(keys)
        if todo:
            print(f"  generating {len(todo)} continuations", flush=True)
            got = greedy([k.split("\x00")[0] for k in todo], [k.split("\x00")[1] for k in todo])
            continuations.data.update(zip(todo, got, strict=True))
            continuations.save()
        return [continuations.data[k] for k in keys]

    results, per_question, details = {}, {}, {}
    for name in ["ngram", *configs]:
        t = time.time()
        if name == "ngram":
            classifier, weight, model_weight[0], candidates = ngram, 0.5, 1.0, 3
        else:
            which, weight, model_weight[0], candidates = CONFIGS[name]
            classifier = readers[which]
        # both read at call time (TaskClassifier.probabilities, check_tasks)
        classifier_module.HIDDEN_WEIGHT = weight
        task_check_module.CANDIDATES = candidates
        correct, readings = checked_answers(
            asked, classifier, continue_replies, score_starts, question_states
        )
        per_question[name] = correct
        details[name] = [
            {
                "split": p["split"],
                "family": row["family"],
                "question": row["question"],
                "reply_task": reading.reply_task,
                "chosen": reading.question_task,
                "probability": reading.probability,
                "weighed": reading.weighed,
                "correct": ok,
            }
            for (p, row, _), ok, reading in zip(asked, correct, readings, strict=True)
        ]
        results[name] = tally(asked, correct, readings)
        print(name, f"{time.time() - t:.0f} s", json.dumps(results[name]), flush=True)
    stored_correct = [p["correct"] for p, _, _ in asked]
    results["ngram_reproduces_stored"] = float(
        np.mean([a == b for a, b in zip(stored_correct, per_question["ngram"], strict=True)])
    )
    results["changed_vs_C0"] = {}
    for name in configs:
        if name == "C0":
            continue
        results["changed_vs_C0"][name] = changed_answers(
            asked, per_question["C0"], per_question[name]
        )
        if name == "R20":
            results["R20_reproduces_C0"] = float(
                np.mean(
                    [a == b for a, b in zip(per_question["C0"], per_question["R20"], strict=True)]
                )
            )
    Path(out_json).write_text(json.dumps(results, indent=2) + "\n")
    if os.environ.get("TUNE_DETAILS"):  # every question's reading per configuration
        Path(os.environ["TUNE_DETAILS"]).write_text(json.dumps(details) + "\n")
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()

"""Score each candidate task of a run's questions with the model and the classifier (session 10).

For every fine-tuned prediction of the given splits: the classifier's 5 likeliest tasks and the
task the model's first reply named, each with the model's log-probability of its reasoning line
after the prompt (:func:`quantreason.generation.reply_start_log_probs`) and the classifier's
probability. ``task_weighing_rules.py`` compares the ways of choosing a task on the output.

    PYTHONPATH=. .venv/bin/python reports/local/experiments/task_weighing.py \\
        SPLITS RUN_DIR PREDICTIONS[,PREDICTIONS...] OUT.jsonl
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from quantreason.generation import load_model, reply_start_log_probs
from quantreason.models import resolve_model
from quantreason.task_check import reply_start
from quantreason.tasks.classifier import TaskClassifier

TOP = 5


def main(splits: str, run: str, predictions: str, out: str) -> None:
    wanted = set(splits.split(","))
    classifier = TaskClassifier.load(Path(run) / "classifier" / "task_classifier.npz")
    loaded = load_model(resolve_model("embedded"), Path(run) / "train" / "adapter")
    rows = []
    started = time.perf_counter()
    for path in predictions.split(","):
        for line in Path(path).read_text().splitlines():
            p = json.loads(line)
            if p["model"] != "finetuned" or p["split"] not in wanted:
                continue
            probabilities = classifier.probabilities(p["question"])
            top = sorted(probabilities, key=probabilities.__getitem__, reverse=True)[:TOP]
            reply_task = p["task_check"]["reply_task"]
            candidates = list(dict.fromkeys(top + ([reply_task] if reply_task else [])))
            scores = reply_start_log_probs(
                loaded, [p["question"]] * len(candidates), [reply_start(t) for t in candidates]
            )
            rows.append(
                {
                    "split": p["split"],
                    "id": p["id"],
                    "label": p["family"],
                    "correct": p["correct"],
                    "reply_task": reply_task,
                    "cands": candidates,
                    "lp_model": scores,
                    "p_clf": [probabilities[t] for t in candidates],
                }
            )
    Path(out).write_text("".join(json.dumps(r) + "\n" for r in rows))
    print(f"{len(rows)} questions in {time.perf_counter() - started:.0f} s -> {out}")


if __name__ == "__main__":
    main(*sys.argv[1:5])

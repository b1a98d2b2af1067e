"""Run T's adapter: per question the greedy reply (free and task-checked), 7 free samples and,
unless --free-only, 7 samples continued from the classifier's task start. Saves every reply.

    python task_check_votes.py                         # handwritten_dev (and validation, stopped
                                                       # after dev): runT_task_check_votes.json
    python task_check_votes.py validation --free-only  # runT_task_check_votes_validation.json
"""

import json
import sys
import time
from pathlib import Path

from quantreason.evaluation.questions import load_questions, load_split_questions
from quantreason.generation import generate, load_model, sample
from quantreason.task_check import check_tasks, reply_start
from quantreason.tasks.classifier import TaskClassifier

D = "runs/full/data"
OUT = Path("reports/local/experiments")
args = [a for a in sys.argv[1:] if not a.startswith("--")]
free_only = "--free-only" in sys.argv
clf = TaskClassifier.load("runs/full/classifier/task_classifier.npz")
every_set = {
    "handwritten_dev": lambda: load_questions("benchmarks/handwritten_dev.jsonl"),
    "validation": lambda: load_split_questions(D, "validation"),
}
sets = {name: every_set[name]() for name in (args or every_set)}
out_path = OUT / (
    "runT_task_check_votes_validation.json" if free_only else "runT_task_check_votes.json"
)
loaded = load_model(
    "/root/.cache/quantreason/models/smollm2-135m-instruct", "runs/full/train/adapter"
)


def greedy(questions, starts=None):
    return generate(
        loaded, questions, max_new_tokens=128, batch_size=48, stop_at_answer=True,
        reply_starts=starts,
    )  # fmt: skip


out = {}
for name, rows in sets.items():
    t = time.time()
    qs = [r["question"] for r in rows]
    free = greedy(qs)
    checked, readings = check_tasks(clf, qs, free, greedy)
    samples = sample(loaded, qs, 7, max_new_tokens=128, seed=0, batch_size=64)
    forced = [[] for _ in qs]
    if not free_only:
        starts = [reply_start(r.question_task) for r in readings]
        drawn = sample(
            loaded, qs, 7, max_new_tokens=128, seed=0, batch_size=64, reply_starts=starts
        )
        forced = [[f"{s} {c.strip()}" for c in cs] for s, cs in zip(starts, drawn, strict=True)]
    out[name] = [
        {
            "id": r["id"], "family": r["family"], "question": r["question"],
            "answer": r["answer"], "unit": r["unit"], "tolerance": r.get("tolerance"),
            "sign_free": r.get("sign_free", False), "free": f, "checked": c,
            "reading": rd.to_dict(), "samples": s, "forced": fs,
        }
        for r, f, c, rd, s, fs in zip(rows, free, checked, readings, samples, forced, strict=True)
    ]  # fmt: skip
    print(name, len(rows), "%.0fs" % (time.time() - t), flush=True)
    out_path.write_text(json.dumps(out))

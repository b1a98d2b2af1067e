"""Run T's adapter on validation + handwritten_dev: greedy (free and task-checked), 7 free
samples, 7 samples continued from the classifier's task start. Saves every reply."""

import json
import time
from pathlib import Path

from quantreason.evaluation.questions import load_questions, load_split_questions
from quantreason.generation import generate, load_model, sample
from quantreason.task_check import check_tasks, reply_start
from quantreason.tasks.classifier import TaskClassifier

D = "runs/full/data"
clf = TaskClassifier.load("runs/full/classifier/task_classifier.npz")
sets = {
    "handwritten_dev": load_questions("benchmarks/handwritten_dev.jsonl"),
    "validation": load_split_questions(D, "validation"),
}
loaded = load_model(
    "/root/.cache/quantreason/models/smollm2-135m-instruct", "runs/full/train/adapter"
)
out = {}
for name, rows in sets.items():
    t = time.time()
    qs = [r["question"] for r in rows]
    free = generate(loaded, qs, max_new_tokens=128, batch_size=48, stop_at_answer=True)

    def cont(q, s):
        return generate(
            loaded, q, max_new_tokens=128, batch_size=48, stop_at_answer=True, reply_starts=s
        )

    checked, readings = check_tasks(clf, qs, free, cont)
    samples = sample(loaded, qs, 7, max_new_tokens=128, seed=0, batch_size=64)
    starts = [reply_start(r.question_task) for r in readings]
    forced = sample(loaded, qs, 7, max_new_tokens=128, seed=0, batch_size=64, reply_starts=starts)
    forced = [[f"{s} {c.strip()}" for c in cs] for s, cs in zip(starts, forced, strict=False)]
    out[name] = [
        dict(
            id=r["id"],
            family=r["family"],
            question=r["question"],
            answer=r["answer"],
            unit=r["unit"],
            tolerance=r.get("tolerance"),
            sign_free=r.get("sign_free", False),
            free=f,
            checked=c,
            reading=rd.to_dict(),
            samples=s,
            forced=fs,
        )
        for r, f, c, rd, s, fs in zip(rows, free, checked, readings, samples, forced, strict=False)
    ]
    print(name, len(rows), "%.0fs" % (time.time() - t), flush=True)
    Path("reports/local/experiments/runT_task_check_votes.json").write_text(json.dumps(out))

"""validation: task-checked greedy + 7 free samples (run T's adapter), for the vote filter."""

import json
import time
from pathlib import Path

from quantreason.evaluation.questions import load_split_questions
from quantreason.generation import generate, load_model, sample
from quantreason.task_check import check_tasks
from quantreason.tasks.classifier import TaskClassifier

clf = TaskClassifier.load("runs/full/classifier/task_classifier.npz")
rows = load_split_questions("runs/full/data", "validation")
loaded = load_model(
    "/root/.cache/quantreason/models/smollm2-135m-instruct", "runs/full/train/adapter"
)
t = time.time()
qs = [r["question"] for r in rows]
free = generate(loaded, qs, max_new_tokens=128, batch_size=48, stop_at_answer=True)


def cont(q, s):
    return generate(
        loaded, q, max_new_tokens=128, batch_size=48, stop_at_answer=True, reply_starts=s
    )


checked, readings = check_tasks(clf, qs, free, cont)
samples = sample(loaded, qs, 7, max_new_tokens=128, seed=0, batch_size=64)
out = {
    "validation": [
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
            forced=[],
        )
        for r, f, c, rd, s in zip(rows, free, checked, readings, samples, strict=False)
    ]
}
Path("reports/local/experiments/runT_task_check_votes_validation.json").write_text(json.dumps(out))
print("validation", len(rows), "%.0fs" % (time.time() - t), flush=True)

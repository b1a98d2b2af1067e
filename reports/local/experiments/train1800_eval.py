import json, time, torch
from quantreason.evaluation.questions import question_sets
from quantreason.evaluation.scoring import score_reply
from quantreason.generation import generate, load_model
sets = question_sets("runs/full-train1800/data", ["test", "test_ood_range", "test_ood_template"], ["benchmarks/handwritten.jsonl"])
m = load_model("/root/.cache/quantreason/models/smollm2-135m-instruct", "runs/full-train1800/train/adapter", merge=True, dtype=torch.float32)
out = {}
for name, rows in sets.items():
    t = time.time()
    replies = generate(m, [r["question"] for r in rows], max_new_tokens=128, batch_size=64, stop_at_answer=True)
    ok = sum(score_reply(rep, r["answer"], r["unit"], r.get("tolerance"), family=r.get("family")).correct for rep, r in zip(replies, rows))
    out[name] = {"n": len(rows), "correct": ok, "accuracy": ok / len(rows), "seconds": round(time.time() - t, 1)}
    print(name, out[name], flush=True)
json.dump(out, open("runs/exp-eval/finetuned_train1800.json", "w"), indent=2)

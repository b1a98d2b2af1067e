import json
import sys
from pathlib import Path

from quantreason.consensus import decide
from quantreason.reply import is_correct, split_response
from quantreason.tasks import family_for_reasoning

# argv[1]: runT_task_check_votes.json (handwritten_dev, with samples continued from the
# classifier's task) or runT_task_check_votes_validation.json (validation, free samples only)
R = json.loads(
    Path(
        sys.argv[1] if len(sys.argv) > 1 else "reports/local/experiments/runT_task_check_votes.json"
    ).read_text()
)


def task_of(reply):
    f = family_for_reasoning(split_response(reply).reasoning)
    return f.name if f else None


def policy(rec, name):
    rd = rec["reading"]
    S = rec["samples"]
    F = rec["forced"]
    g = rec["checked"]

    def filt(rs):
        return [
            r if not (rd["probability"] >= 0.5 and task_of(r) != rd["question_task"]) else ""
            for r in rs
        ]

    if name == "greedy":
        return [g]
    if name == "free3+4":
        first, more = S[:3], S[3:7]
    elif name == "free3+4 filtered":
        first, more = filt(S[:3]), filt(S[3:7])
    elif name == "forced3+4":
        first, more = F[:3], F[3:7]
    elif name == "free7":
        first, more = S, []
    elif name == "forced7":
        first, more = F, []
    elif name == "free3+forced3":
        first, more = S[:3] + F[:3], []
    elif name == "free3+4 +forced3":
        first, more = S[:3] + F[:3], S[3:7]
    replies = [g, *first]
    d = decide(rec["question"], replies)
    if more and not d.votes:
        replies += more
    return replies


names = [
    "greedy",
    "free3+4",
    "free3+4 filtered",
    "forced3+4",
    "free7",
    "forced7",
    "free3+forced3",
    "free3+4 +forced3",
]
for split, recs in R.items():
    n = len(recs)
    print(f"== {split} n={n}")
    for name in names:
        out = []
        for rec in recs:
            reps = policy(rec, name)
            d = decide(rec["question"], reps)
            ok = d.value is not None and is_correct(
                d.value, rec["answer"], rec["unit"], rec["tolerance"], sign_free=rec["sign_free"]
            )
            out.append((d.confidence, ok, len(reps) - 1))
        acc = sum(o for _, o, _ in out) / n
        cells = []
        for t in [1.0, 0.9, 0.8, 0.75, 0.7, 0.6, 0.5]:
            a = [o for c, o, _ in out if c >= t]
            if a:
                cells.append(f">={t}: {len(a) / n:.2f}/{sum(a) / len(a):.3f}")
        print(
            f"  {name:18s} acc {acc:.3f} samples {sum(s for *_, s in out) / n:.2f} | "
            + "  ".join(cells)
        )

if len(sys.argv) > 2:
    for rec in R["handwritten_dev"]:
        reps = policy(rec, "forced3+4")
        d = decide(rec["question"], reps)
        ok = d.value is not None and is_correct(
            d.value, rec["answer"], rec["unit"], rec["tolerance"], sign_free=rec["sign_free"]
        )
        free = [decide(rec["question"], [s]).value for s in rec["samples"][:3]]
        fa = sum(
            v is not None
            and d.value is not None
            and abs(v - d.value) <= 1e-4 * max(abs(v), abs(d.value), 1e-9)
            for v in free
        )
        if d.confidence >= 1.0 and not ok:
            print(
                rec["id"],
                rec["family"],
                rec["reading"]["question_task"],
                rec["reading"]["probability"],
                rec["reading"]["rewritten"],
                "free agree",
                fa,
                "|",
                d.formula,
                "| expected",
                rec["answer"],
            )
            print("   ", rec["question"][:160])

import json
from pathlib import Path

from quantreason.consensus import decide, read_candidate
from quantreason.reply import is_correct

R = json.loads(Path("reports/local/experiments/runT_task_check_votes.json").read_text())


def agree(a, b):
    return a is not None and b is not None and abs(a - b) <= 1e-4 * max(abs(a), abs(b), 1e-9)


for split, recs in R.items():
    n = len(recs)
    rows = []
    for rec in recs:
        for kind in ("samples", "forced"):
            S = rec[kind]
            reps = [rec["checked"], *S[:3]]
            d = decide(rec["question"], reps)
            if not d.votes:
                reps += S[3:7]
                d = decide(rec["question"], reps)
            g = read_candidate(rec["checked"], rec["question"])
            ok = d.value is not None and is_correct(
                d.value, rec["answer"], rec["unit"], rec["tolerance"], sign_free=rec["sign_free"]
            )
            rows.append(
                dict(
                    kind=kind,
                    ok=ok,
                    conf=d.confidence,
                    gv=g.votes,
                    gagree=agree(g.value, d.value),
                    p=rec["reading"]["probability"],
                    rw=rec["reading"]["rewritten"],
                )
            )
    print("==", split, n)
    for kind in ("samples", "forced"):
        rs = [r for r in rows if r["kind"] == kind]
        rules = {
            "vote>=0.75": lambda r: r["conf"] >= 0.75,
            "vote==1": lambda r: r["conf"] >= 1.0,
            "greedy checked": lambda r: r["gv"],
            "greedy checked & agrees with vote": lambda r: r["gv"] and r["gagree"],
            "greedy checked & vote>=0.5": lambda r: r["gv"] and r["gagree"] and r["conf"] >= 0.5,
            "greedy checked & vote>=0.75": lambda r: r["gv"] and r["gagree"] and r["conf"] >= 0.75,
            "greedy checked & not rewritten": lambda r: r["gv"] and not r["rw"],
            "greedy checked & p>=0.9": lambda r: r["gv"] and r["p"] >= 0.9,
            "greedy checked & vote>=0.5 & p>=0.8": lambda r: (
                r["gv"] and r["gagree"] and r["conf"] >= 0.5 and r["p"] >= 0.8
            ),
        }
        print(" ", kind, "vote acc %.3f" % (sum(r["ok"] for r in rs) / n))
        for name, f in rules.items():
            a = [r["ok"] for r in rs if f(r)]
            print(f"    {name:40s} answered {len(a) / n:.3f} right {sum(a) / max(1, len(a)):.3f}")

"""How often each way of choosing a task picks the question's own (``task_weighing.py``'s output).

python reports/local/experiments/task_weighing_rules.py SCORES.jsonl [...]
"""

from __future__ import annotations

import collections
import json
import math
import sys


def _log(p: float) -> float:
    return math.log(max(p, 1e-12))


def pick(row: dict, rule: str) -> str | None:
    """The task ``rule`` chooses for one scored question."""
    tasks, model, clf = row["cands"], row["lp_model"], row["p_clf"]
    by_clf = sorted(range(len(tasks)), key=lambda i: -clf[i])
    if rule == "reply":
        return row["reply_task"]
    if rule == "threshold 0.5":
        return tasks[by_clf[0]] if clf[by_clf[0]] >= 0.5 else row["reply_task"]
    if rule == "classifier":
        return tasks[by_clf[0]]
    if rule == "model":
        return tasks[max(range(len(tasks)), key=model.__getitem__)]
    if rule.startswith("product"):  # "product W": model log-prob + W * log classifier
        weight = float(rule.split()[1])
        return tasks[max(range(len(tasks)), key=lambda i: model[i] + weight * _log(clf[i]))]
    if rule.startswith("disagree"):  # "disagree K": weigh only when they disagree, top K
        if tasks[by_clf[0]] == row["reply_task"]:
            return row["reply_task"]
        keep = set(by_clf[: int(rule.split()[1])])
        keep |= {i for i, t in enumerate(tasks) if t == row["reply_task"]}
        return tasks[max(keep, key=lambda i: model[i] + _log(clf[i]))]
    raise ValueError(rule)


RULES = (
    "reply",
    "threshold 0.5",
    "classifier",
    "model",
    "product 1",
    "product 0.5",
    "product 2",
    "disagree 2",
    "disagree 3",
    "disagree 5",
)

if __name__ == "__main__":
    by_split = collections.defaultdict(list)
    for path in sys.argv[1:]:
        with open(path) as handle:
            for line in handle:
                row = json.loads(line)
                by_split[row["split"]].append(row)
    for split, rows in by_split.items():
        right = {rule: sum(pick(r, rule) == r["label"] for r in rows) for rule in RULES}
        print(split, len(rows), right)

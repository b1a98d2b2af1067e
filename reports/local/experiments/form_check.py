"""The form check and the retry round, judged offline on run S's replies (session 7).

Usage: PYTHONPATH=. python reports/local/experiments/form_check.py \
    reports/local/experiments/runS_replies.json DATA_DIR [validation_samples.json]

``runS_replies.json``: run S's adapter, greedy replies to `validation` and `handwritten_dev`
and 7 samples (temperature 0.7) per `handwritten_dev` question (``vote_k.py``'s output);
``validation_samples.json`` (optional): 7 samples per `validation` question
(``sample_validation.py``). DATA_DIR holds run S's `validation.jsonl` (seed 7).

For each set and number of samples k, two rules: *grounding* (a reply votes when its formula
is grounded: the rule before session 7) and *grounding + form* (it must also fit its task:
``quantreason.consensus.decide`` today). Then the retry policies: k samples first, more only
for a question none of whose replies passed the checks.
"""

import json
import sys
from pathlib import Path

from quantreason.consensus import _agree, decide, read_candidate
from quantreason.evaluation.questions import question_sets
from quantreason.reply import is_correct


def grounding_only(question: str, replies: list[str]) -> tuple[float | None, float]:
    """The vote before session 7: grounded replies vote, whatever their form."""
    candidates = [read_candidate(reply, question) for reply in replies]
    groups: list[list[int]] = []
    for index, c in enumerate(candidates):
        if c.value is None or not c.grounded:
            continue
        for group in groups:
            if _agree(candidates[group[0]].value, c.value):
                group.append(index)
                break
        else:
            groups.append([index])
    if not groups:
        return candidates[0].fallback, 0.0
    best = max(groups, key=lambda g: (len(g), 0 in g, -g[0]))
    return candidates[best[0]].value, len(best) / len(replies)


def with_form(question: str, replies: list[str]) -> tuple[float | None, float]:
    decision = decide(question, replies)
    return decision.value, decision.confidence


def right(value: float | None, row: dict) -> bool:
    return value is not None and is_correct(
        value, row["answer"], row["unit"], row.get("tolerance"), sign_free=row["sign_free"]
    )


def summary(outcomes: list[tuple[float, bool]]) -> str:
    n = len(outcomes)
    accuracy = sum(ok for _, ok in outcomes) / n
    rows = []
    for threshold in sorted({c for c, _ in outcomes}, reverse=True)[:4]:
        answered = [ok for c, ok in outcomes if c >= threshold - 1e-9]
        rows.append(
            f"≥{threshold:.2f}: {100 * len(answered) / n:.1f} % answered, "
            f"{100 * sum(answered) / len(answered):.1f} % right"
        )
    return f"accuracy {100 * accuracy:.1f} % | " + "; ".join(rows)


def main() -> None:
    replies = json.loads(Path(sys.argv[1]).read_text())
    sets = question_sets(
        sys.argv[2], splits=["validation"], files=["benchmarks/handwritten_dev.jsonl"]
    )
    if len(sys.argv) > 3:
        replies["validation"]["samples"] = json.loads(Path(sys.argv[3]).read_text())["samples"]
    for name, rows in sets.items():
        greedy, samples = replies[name]["greedy"], replies[name]["samples"]
        have = len(samples[0]) if samples and samples[0] else 0
        print(f"## {name} (n = {len(rows)}, run S's adapter)")
        for k in sorted({0, min(3, have), have}):
            for label, rule in (("grounding", grounding_only), ("grounding + form", with_form)):
                outcomes = []
                for row, g, s in zip(rows, greedy, samples, strict=True):
                    value, confidence = rule(row["question"], [g, *s[:k]])
                    outcomes.append((confidence, right(value, row)))
                print(f"k={k} {label}: {summary(outcomes)}")
        for first, retry in ((0, min(3, have)), (min(3, have), have - min(3, have))):
            if not retry:
                continue
            outcomes, drawn = [], 0
            for row, g, s in zip(rows, greedy, samples, strict=True):
                votes = [g, *s[:first]]
                if not any(read_candidate(r, row["question"]).votes for r in votes):
                    votes = [g, *s[: first + retry]]
                drawn += len(votes) - 1
                value, confidence = with_form(row["question"], votes)
                outcomes.append((confidence, right(value, row)))
            print(
                f"k={first} + {retry} on retry ({drawn / len(rows):.2f} samples per question): "
                f"{summary(outcomes)}"
            )
        print()


if __name__ == "__main__":
    main()

"""Two pipeline runs side by side: accuracy per split with 95 % Wilson intervals, and paired
gains / losses where both runs answered the same questions (the hand-written sets; generated
splits change with the generator, so they are compared unpaired).

    python reports/local/experiments/compare_runs.py RUN_A/eval RUN_B/eval [--model finetuned]
        [--json OUT.json]

Each directory holds a run's ``predictions.jsonl`` (``quantreason eval``'s output).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path

from quantreason.evaluation.scoring import wilson_interval


def _rows(eval_dir: Path, model: str) -> Iterator[dict]:
    """One model's rows of an evaluation's directory (its ``predictions.jsonl``) or of a
    predictions file itself."""
    path = eval_dir / "predictions.jsonl" if eval_dir.is_dir() else eval_dir
    with path.open() as handle:
        for line in handle:
            row = json.loads(line)
            if row["model"] == model:
                yield row


def load(eval_dir: Path, model: str) -> dict[str, dict[str, bool]]:
    """split -> question id -> correct, for one model's rows of ``eval_dir``."""
    by_split: dict[str, dict[str, bool]] = {}
    for row in _rows(eval_dir, model):
        by_split.setdefault(row["split"], {})[row["id"]] = bool(row["correct"])
    return by_split


Key = tuple[str, str]  # (set, question id)


def load_keyed(paths: list[Path], model: str = "finetuned") -> dict[Key, bool]:
    """(set, question id) -> correct for one model, over several predictions files or eval
    directories (a run's pipeline evaluation and its extra evaluations)."""
    return {
        (split, question): right
        for path in paths
        for split, answers in load(path, model).items()
        for question, right in answers.items()
    }


def load_questions_keyed(paths: list[Path], model: str = "finetuned") -> dict[Key, str]:
    """(set, question id) -> the question's text: generated splits keep their ids when the
    generator changes, so a paired count must also check that the question is the same."""
    return {(row["split"], row["id"]): row["question"] for p in paths for row in _rows(p, model)}


def paired_net(
    a: dict[Key, bool], b: dict[Key, bool], keys: list[Key], label: str, names: str = "A B"
) -> tuple[int, int]:
    """Print and return (B's gains - losses against A, questions both answered) over ``keys``."""
    keys = [key for key in keys if key in a and key in b]
    gained = sum(b[key] and not a[key] for key in keys)
    lost = sum(a[key] and not b[key] for key in keys)
    first, second = names.split()
    print(
        f"{label:44s} n={len(keys):4d}  {first} {sum(a[k] for k in keys):4d}  "
        f"{second} {sum(b[k] for k in keys):4d}  +{gained}/-{lost}"
    )
    return gained - lost, len(keys)


def summary(correct: dict[str, bool]) -> dict[str, float]:
    right, n = sum(correct.values()), len(correct)
    low, high = wilson_interval(right, n)
    return {
        "n": n,
        "right": right,
        "accuracy": 100 * right / n,
        "low": 100 * low,
        "high": 100 * high,
    }


def compare(a: dict[str, dict[str, bool]], b: dict[str, dict[str, bool]]) -> dict[str, dict]:
    rows = {}
    for split in sorted(set(a) | set(b)):
        row: dict[str, object] = {}
        if split in a:
            row["a"] = summary(a[split])
        if split in b:
            row["b"] = summary(b[split])
        if split in a and split in b and set(a[split]) == set(b[split]):
            row["b_gains"] = sum(b[split][q] and not a[split][q] for q in a[split])
            row["b_losses"] = sum(a[split][q] and not b[split][q] for q in a[split])
        rows[split] = row
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("run_a", type=Path)
    parser.add_argument("run_b", type=Path)
    parser.add_argument("--model", default="finetuned", help="finetuned | finetuned_sc | base")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    rows = compare(load(args.run_a, args.model), load(args.run_b, args.model))
    print(f"{'split':<20} {'A':>22} {'B':>22}  paired (B vs A)")
    for split, row in rows.items():
        cells = []
        for side in ("a", "b"):
            s = row.get(side)
            cells.append(
                f"{s['accuracy']:5.1f} [{s['low']:4.1f},{s['high']:5.1f}] n={s['n']}" if s else "-"
            )
        paired = f"+{row['b_gains']} / -{row['b_losses']}" if "b_gains" in row else "unpaired"
        print(f"{split:<20} {cells[0]:>22} {cells[1]:>22}  {paired}")
    if args.json:
        args.json.write_text(json.dumps({"model": args.model, "splits": rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()

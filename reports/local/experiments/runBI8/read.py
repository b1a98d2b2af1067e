"""Run BI8: run BI at training seed 8. Written (session 26's reading, experiments.md) before any
figure of run BI8 existed.

The question: is run BI's drop on the 68 older families' `test_ood_template` questions (run BG
157 -> run BI 146 of 204, the same questions) a cost of the eighteen new families, or seed
noise? Read it so: run BI8 >= 155 of those 204: within seed spread (BI's drop not confirmed);
<= 148: the drop holds at a second seed; between: unresolved. Every other set is printed beside
it (runs BI and BI8 paired by question text) and decides nothing.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBI8/read.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve()


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bi = _load("run_bi_rule", HERE.parents[1] / "runBI/decide.py")
bg = bi.bg


def main() -> None:
    older = bg.by_text(bg.rows("runBG"))
    seed7, seed8 = bg.by_text(bg.rows("runBI")), bg.by_text(bg.rows("runBI8"))
    held_out = [
        key
        for key, row in seed8.items()
        if key[0] == "test_ood_template" and row["family"] not in bi.NEW_FAMILIES
    ]
    print("(columns: BB = the first run named, BG = the second)")
    bg.paired(older, seed7, held_out, "older families' test_ood_template: BG -> BI")
    bg.paired(older, seed8, held_out, "older families' test_ood_template: BG -> BI8")
    right = sum(seed8[k]["correct"] for k in held_out)
    reading = (
        "within seed spread: BI's drop not confirmed"
        if right >= 155
        else "the drop holds at a second seed"
        if right <= 148
        else "unresolved"
    )
    print(f"run BI8: {right} of {len(held_out)} -> {reading}")
    print("\nrun BI (seed 7) -> run BI8 (seed 8), same questions (decides nothing):")
    for name in (
        *bi.PROBES,
        "handwritten_probe7",
        "handwritten_dev",
        *bg.VALIDATION,
        *bg.TESTS,
        "handwritten",
    ):
        keys = [key for key in seed8 if key[0] == name]
        bg.paired(seed7, seed8, keys, f"   {name}")
        fresh = [k for k in keys if seed8[k]["family"] in bi.NEW_FAMILIES]
        if fresh:
            bg.paired(seed7, seed8, fresh, f"   {name}, the eighteen newer families")


if __name__ == "__main__":
    main()

"""Run BI: eighteen more task families (experiments.md, session 23). Written before any figure of
run BI existed.

Run BI is main after run BG's adoption plus the eighteen families of `interest`, `multiples`,
`fx`, `options`, `payoffs`, `statistics` and `changes` (86 families, 140 training records each:
12,040), data seed 7, training seed 7, the whole `full` pipeline. It pairs with run BG (same
seed; the 68 older families' records are run BG's, byte for byte, in every split) by question
text. Adopt (merge the branch) only if every condition holds:
1. probe7 (48 questions written blind this session, every one over a new task): at least +12;
2. the six read probes' 20 questions of the new tasks (READ_OWN below): at least +6;
3. every other question of the six probes: at least -8;
4. handwritten_dev: at least -4;
5. validation + validation_ood + validation_ood2, same questions: at least -8;
6. run BI's own validation questions of the new families: at least 60 % right.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBI/decide.py
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

HERE = Path(__file__).resolve()
_spec = importlib.util.spec_from_file_location("run_bg_rule", HERE.parents[1] / "runBG/decide.py")
assert _spec and _spec.loader
bg = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bg)

PROBES = (*bg.PROBES, "handwritten_probe6")
NEW_FAMILIES = {
    "simple_interest",
    "simple_interest_maturity",
    "zero_coupon_yield",
    "pe_ratio",
    "price_target",
    "ev_ebitda",
    "fx_cross",
    "fx_conversion",
    "fx_forward",
    "black_scholes_call",
    "black_scholes_put",
    "put_call_parity",
    "option_pnl",
    "option_breakeven",
    "return_stdev",
    "irr",
    "percent_change",
    "convexity_price_change",
}
# Questions of the six probes (read before this rule) that ask one of the new tasks, listed
# before run BI's figures existed; the families' writers never saw them.
READ_OWN = {
    ("handwritten_probe", "p03"),  # a rent's percent increase
    ("handwritten_probe", "p34"),  # a zero's annual yield from its price
    ("handwritten_probe2", "q16"),  # three call contracts' P&L at expiry
    ("handwritten_probe2", "q36"),  # a P/E ratio (dividend shown beside it)
    ("handwritten_probe3", "r16"),  # the put from the call by parity
    ("handwritten_probe3", "r34"),  # an IRR
    ("handwritten_probe3", "r40"),  # a EUR/USD forward
    ("handwritten_probe3", "r58"),  # EV/EBITDA
    ("handwritten_probe4", "s02"),  # a sample standard deviation of returns
    ("handwritten_probe4", "s13"),  # a Black-Scholes call
    ("handwritten_probe4", "s43"),  # a price change with convexity
    ("handwritten_probe5", "u20"),  # a EUR/JPY cross
    ("handwritten_probe5", "u51"),  # a covered call's breakeven
    ("handwritten_probe6", "v04"),  # a term deposit's simple interest
    ("handwritten_probe6", "v05"),  # a Black-Scholes call
    ("handwritten_probe6", "v21"),  # a card payment converted with a fee
    ("handwritten_probe6", "v31"),  # a Black-Scholes put
    ("handwritten_probe6", "v39"),  # a price target from a forward P/E
    ("handwritten_probe6", "v45"),  # a Black-Scholes call
    ("handwritten_probe6", "v54"),  # the put from the call by parity
}


def main() -> None:
    old, new = bg.by_text(bg.rows("runBG")), bg.by_text(bg.rows("runBI"))
    ids = {key: (row["split"], row["id"]) for key, row in new.items()}

    def in_sets(*sets: str) -> list[tuple[str, str]]:
        return [key for key in new if key[0] in sets]

    blind = in_sets("handwritten_probe7")
    read_own = [k for k in in_sets(*PROBES) if ids[k] in READ_OWN]
    rest = [k for k in in_sets(*PROBES) if k not in set(read_own)]
    print("(columns: BB = run BG, BG = run BI)")
    nets = {
        "blind": bg.paired(old, new, blind, "1. probe7: 48 questions over the new tasks"),
        "read": bg.paired(old, new, read_own, "2. six read probes: the new tasks' questions"),
        "rest": bg.paired(old, new, rest, "3. six probes: every other question"),
        "dev": bg.paired(old, new, in_sets("handwritten_dev"), "4. handwritten_dev"),
        "validation": bg.paired(old, new, in_sets(*bg.VALIDATION), "5. validation sets"),
    }
    new_validation = [k for k in in_sets("validation") if new[k]["family"] in NEW_FAMILIES]
    right = sum(new[k]["correct"] for k in new_validation)
    share = right / max(len(new_validation), 1)
    print(f"6. validation, the new families (run BI alone): {right} / {len(new_validation)}")
    for name in (*PROBES, "handwritten_probe7", *bg.VALIDATION):
        bg.paired(old, new, in_sets(name), f"   {name}")
    for name in (*bg.TESTS, "handwritten"):
        bg.paired(old, new, in_sets(name), f"   {name}, same questions (decides nothing)")
        fresh = [k for k in in_sets(name) if new[k]["family"] in NEW_FAMILIES]
        if fresh:
            right_fresh = sum(new[k]["correct"] for k in fresh)
            print(f"   {name}, the new families (decides nothing): {right_fresh} / {len(fresh)}")
    held = {
        "1. probe7 >= +12": nets["blind"] >= 12,
        "2. read new-task questions >= +6": nets["read"] >= 6,
        "3. other probe questions >= -8": nets["rest"] >= -8,
        "4. handwritten_dev >= -4": nets["dev"] >= -4,
        "5. validation sets >= -8": nets["validation"] >= -8,
        "6. new families' validation >= 60 %": share >= 0.6,
    }
    for condition, ok in held.items():
        print(f"  {condition:40s} {'holds' if ok else 'FAILS'}")
    print("ADOPT" if all(held.values()) else "NOT ADOPTED")


if __name__ == "__main__":
    main()

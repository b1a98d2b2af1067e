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


def rule(
    old_run: str,
    new_run: str,
    *,
    blind_set: str,
    probes: tuple[str, ...],
    read_own: set[tuple[str, str]],
    new_families: set[str],
    blind_min: int,
    read_min: int,
) -> bool:
    """The six conditions of a run that adds families (runs BI and BJ), printed; True: adopt.
    ``probes`` are the read probe sets, ``read_own`` their questions over the new tasks and
    ``blind_set`` the set written blind over them."""
    old, new = bg.by_text(bg.rows(old_run)), bg.by_text(bg.rows(new_run))
    ids = {key: (row["split"], row["id"]) for key, row in new.items()}
    reads = len(probes)
    words = {6: "six", 7: "seven"}.get(reads, str(reads))

    def in_sets(*sets: str) -> list[tuple[str, str]]:
        return [key for key in new if key[0] in sets]

    blind = in_sets(blind_set)
    own = [k for k in in_sets(*probes) if ids[k] in read_own]
    rest = [k for k in in_sets(*probes) if k not in set(own)]
    short = blind_set.removeprefix("handwritten_")
    print(f"(columns: BB = run {old_run[3:]}, BG = run {new_run[3:]})")
    nets = {
        "blind": bg.paired(
            old, new, blind, f"1. {short}: {len(blind)} questions over the new tasks"
        ),
        "read": bg.paired(old, new, own, f"2. {words} read probes: the new tasks' questions"),
        "rest": bg.paired(old, new, rest, f"3. {words} probes: every other question"),
        "dev": bg.paired(old, new, in_sets("handwritten_dev"), "4. handwritten_dev"),
        "validation": bg.paired(old, new, in_sets(*bg.VALIDATION), "5. validation sets"),
    }
    new_validation = [k for k in in_sets("validation") if new[k]["family"] in new_families]
    right = sum(new[k]["correct"] for k in new_validation)
    share = right / max(len(new_validation), 1)
    alone = f"run {new_run[3:]} alone"
    print(f"6. validation, the new families ({alone}): {right} / {len(new_validation)}")
    for name in (*probes, blind_set, *bg.VALIDATION):
        bg.paired(old, new, in_sets(name), f"   {name}")
    for name in (*bg.TESTS, "handwritten"):
        bg.paired(old, new, in_sets(name), f"   {name}, same questions (decides nothing)")
        fresh = [k for k in in_sets(name) if new[k]["family"] in new_families]
        if fresh:
            right_fresh = sum(new[k]["correct"] for k in fresh)
            print(f"   {name}, the new families (decides nothing): {right_fresh} / {len(fresh)}")
    held = {
        f"1. {short} >= +{blind_min}": nets["blind"] >= blind_min,
        f"2. read new-task questions >= +{read_min}": nets["read"] >= read_min,
        "3. other probe questions >= -8": nets["rest"] >= -8,
        "4. handwritten_dev >= -4": nets["dev"] >= -4,
        "5. validation sets >= -8": nets["validation"] >= -8,
        "6. new families' validation >= 60 %": share >= 0.6,
    }
    for condition, ok in held.items():
        print(f"  {condition:40s} {'holds' if ok else 'FAILS'}")
    print("ADOPT" if all(held.values()) else "NOT ADOPTED")
    return all(held.values())


def main() -> None:
    rule(
        "runBG",
        "runBI",
        blind_set="handwritten_probe7",
        probes=PROBES,
        read_own=READ_OWN,
        new_families=NEW_FAMILIES,
        blind_min=12,
        read_min=6,
    )


if __name__ == "__main__":
    main()

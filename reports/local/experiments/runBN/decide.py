"""Run BN: helpers where the model had to add up in its head, the option's kind named in its
payoff, cross rates as a chain of legs, and prose sentences for the figures a task never uses
(experiments.md, session 30).
Written before any figure of run BN existed.

Run BN is main at the commit `chainBN.sh` checks out (session 30): run BM's code (the eleven
everyday ratios) plus
- `payback(outlay, cf1, ...)` in the formula language: `payback_period`'s formula copies the
  outlay and the flows in year order instead of writing the whole years and their sum;
- `call_payoff(S, K)` and `put_payoff(S, K)`: `option_pnl` names the payoff for the kind the
  question says instead of `max(S,K)-K` against `max(S,K)-S`;
- `fx_cross` as a chain of its two dollar legs, each inverted where quoted the other way round
  (`(1/0.80)*150`), instead of one of four fused forms (`150/0.80`);
- `Family.aside`: written questions of the draws holding a purchase price (`loan_payment`,
  `loan_instalment`) or a side figure (`vol_annualisation`, `npv`, `capm_premium`) open with a
  sentence about it (until now only composed questions showed them).
Eight families' records change; every other family's are byte-identical. Seeds 7/7, the whole
`full` pipeline, extras as run BM's.

The baseline is the adopted run: run BM if `runBM/decide.py` adopts it, else run BL.
Targets, chosen by their wording in session 30 before run BN's figures (read questions):
- FORMS: every question of the fixed sets and probe9 that asks an option's P&L at expiry, a
  simple payback period or a cross rate from two dollar quotes (15; run BL answered 1);
- PROSE: the loan questions that name the purchase price in prose (run BK's five) and the
  questions with a side figure in prose (run BL's eight): 13, run BL 6 right.
Adopt only if every condition holds (against the baseline, paired by question text):
1. probes 1-8 + validation_ood + validation_ood2, less both target sets: at least -8;
2. FORMS: at least +5;
3. PROSE: at least +2;
4. handwritten_dev: at least -4;
5. probe10 (blind; no reply of it has been read): at least -3;
5b. probe11 (written blind in session 30 over the eight changed tasks, five questions each;
   no reply of it has been read): at least +4;
6. `validation` (new draw): within 3 points of the baseline's;
7. run BN's own `validation` questions of the eight changed families: at least 24 of 32
   (run BL: 21 of 32 on its own draw).
The report set `handwritten` and the test splits are printed and decide nothing.

Run from the repository root:
    .venv/bin/python reports/local/experiments/runBN/decide.py
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
from pathlib import Path

HERE = Path(__file__).resolve()


def _load(run: str, name: str):
    spec = importlib.util.spec_from_file_location(name, HERE.parents[1] / run / "decide.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bg = _load("runBG", "run_bg_rule")
bm = _load("runBM", "run_bm_rule")

CHANGE = "runBN"
CHANGED_FAMILIES = (
    "payback_period",
    "option_pnl",
    "loan_payment",
    "loan_instalment",
    "vol_annualisation",
    "npv",
    "capm_premium",
    "fx_cross",
)
PROBES = tuple(f"handwritten_probe{n}" for n in ("", 2, 3, 4, 5, 6, 7, 8))
FIXED = (*PROBES, "validation_ood", "validation_ood2")
FORMS = {
    ("handwritten_probe2", "q16"),  # 3 calls bought, P&L at expiry
    ("handwritten_probe3", "r28"),  # payback
    ("handwritten_probe5", "u08"),  # payback
    ("handwritten_probe7", "p7-32"),
    ("handwritten_probe7", "p7-33"),
    ("handwritten_probe7", "p7-34"),
    ("handwritten_probe8", "p8-22"),
    ("handwritten_probe8", "p8-23"),
    ("handwritten_probe8", "p8-24"),
    ("handwritten_probe9", "p9-43"),
    ("handwritten_probe9", "p9-48"),
    ("handwritten_probe5", "u20"),  # cross rates
    ("handwritten_probe7", "p7-14"),
    ("handwritten_probe7", "p7-15"),
    ("handwritten_probe7", "p7-16"),
}
PROSE = {
    # a loan beside the purchase price, in prose (run BK's targets)
    ("handwritten_probe2", "q25"),
    ("handwritten_probe3", "r01"),
    ("handwritten_probe3", "r53"),
    ("handwritten_probe4", "s01"),
    ("handwritten_probe5", "u01"),
    # a side figure in prose (run BL's targets)
    ("handwritten_probe2", "q15"),
    ("handwritten_probe3", "r13"),
    ("handwritten_probe4", "s10"),
    ("handwritten_probe2", "q57"),
    ("handwritten_probe3", "r23"),
    ("handwritten_probe5", "u05"),
    ("handwritten_probe6", "v18"),
    ("handwritten_probe4", "s26"),
}


def baseline() -> str:
    """The adopted run: run BM where its own rule adopts it, else run BL."""
    with contextlib.redirect_stdout(io.StringIO()):
        return "runBM" if bm.main() else "runBL"


def main() -> bool:
    base = baseline()
    old, new = bg.by_text(bg.rows(base)), bg.by_text(bg.rows(CHANGE))
    ids = {key: (row["split"], row["id"]) for key, row in new.items()}
    print(f"(baseline: run {base[3:]}; columns: BB = baseline, BG = run {CHANGE[3:]})")

    def in_sets(*sets: str) -> list[tuple[str, str]]:
        return [key for key in new if key[0] in sets]

    forms = [key for key in new if ids[key] in FORMS]
    prose = [key for key in new if ids[key] in PROSE]
    assert len(forms) == len(FORMS) and len(prose) == len(PROSE), "a target is missing"
    rest = [key for key in in_sets(*FIXED) if ids[key] not in FORMS | PROSE]
    nets = {
        "fixed": bg.paired(old, new, rest, "1. probes 1-8 + validation_ood(2), not targeted"),
        "forms": bg.paired(old, new, forms, "2. options' P&L, paybacks, cross rates (read)"),
        "prose": bg.paired(old, new, prose, "3. purchases and side figures in prose (read)"),
        "dev": bg.paired(old, new, in_sets("handwritten_dev"), "4. handwritten_dev"),
        "probe10": bg.paired(old, new, in_sets("handwritten_probe10"), "5. probe10 (blind)"),
        "probe11": bg.paired(old, new, in_sets("handwritten_probe11"), "5b. probe11 (blind)"),
    }
    for name in (*FIXED, "handwritten_probe9", "validation_ood3"):
        bg.paired(old, new, in_sets(name), f"   {name}")  # validation_ood3: decides nothing
    bg.paired(old, new, in_sets("handwritten"), "   handwritten (report set, decides nothing)")
    rates = {}
    for run, found in ((base, old), (CHANGE, new)):
        right, total = bm.accuracy(found, "validation")
        rates[run] = right / max(total, 1)
        print(f"6. validation, run {run[3:]}: {right} / {total} = {100 * rates[run]:.1f} %")
    own_right, own_total = bm.accuracy(new, "validation", CHANGED_FAMILIES)
    print(f"7. run BN's validation, the eight changed families: {own_right} / {own_total}")
    for split in ("test", "test_ood_range", "test_ood_template"):
        counts = {run: bm.accuracy(found, split) for run, found in ((base, old), (CHANGE, new))}
        line = ", ".join(f"run {run[3:]} {r} / {t}" for run, (r, t) in counts.items())
        print(f"   {split} (new draws, decides nothing): {line}")
    held = {
        "1. fixed questions, not targeted >= -8": nets["fixed"] >= -8,
        "2. options' P&L, paybacks, cross rates >= +5": nets["forms"] >= 5,
        "3. purchases and side figures in prose >= +2": nets["prose"] >= 2,
        "4. handwritten_dev >= -4": nets["dev"] >= -4,
        "5. probe10 >= -3": nets["probe10"] >= -3,
        "5b. probe11 >= +4": nets["probe11"] >= 4,
        "6. validation within 3 points": rates[CHANGE] >= rates[base] - 0.03,
        "7. the eight families' validation >= 24 of 32": own_total == 32 and own_right >= 24,
    }
    for condition, ok in held.items():
        print(f"  {condition:48s} {'holds' if ok else 'FAILS'}")
    print("ADOPT" if all(held.values()) else "NOT ADOPTED")
    return all(held.values())


if __name__ == "__main__":
    main()

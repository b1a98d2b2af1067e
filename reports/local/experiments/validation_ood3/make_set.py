"""Build validation_ood3.jsonl: 3 questions for every family that validation_ood2 does not cover
(the families added since session 21), made the way validation_ood2 is made, from FRESH phrasing
pieces (pieces.json + the four presentations below) that appear neither in training, nor in the
held-out pieces, nor in validation_ood or validation_ood2.

Built on ../validation_ood2/make_set.py and, through it, ../validation_ood/make_set.py
(imported: same construction, same checks, more texts to stay away from). Run (from the
project root, so the project imports):

    PYTHONPATH=. .venv/bin/python reports/local/experiments/validation_ood3/make_set.py

Families: every family of quantreason.tasks.FAMILIES that validation_ood2.jsonl has no question
of, in FAMILIES order. Per family (seed 2032, one random stream
``quantreason:2032:validation_ood3``):
  - with Parts: 3 composed questions, as quantreason.data.make_record composes them: the numbers
    from family.draw(rng, ood=False); for a family with optional list items (Family.optional) a
    leading run of them kept, of random length (none to all, rng.randint), as make_record does;
    family.texts(rng, nums) (the family's render hook, which writes hidden numbers into the
    texts of the labelled items: a currency pair, an option kind, a day-count basis, a
    frequency word); then one new label per labelled parameter that the texts hold (rng.choice,
    in the order of family.parts.labels, as compose does; side figures and purchase figures
    included, since they are labelled items too), items shuffled, then one of the 4 new
    presentations (spreadsheet cells "A1: label / B1: value", an indented "label: value" block
    under a heading, the ask over a numbered "(1) label → value" list, a value-first "Inputs —
    value (label); value (label)." line). Each family uses 3 different presentations: the k-th
    composed family leaves out presentation k mod 4, the other three in shuffled order. Asks:
    the first two questions use the family's 2 new asks, the third uses ask k mod 2. No ask
    wrapper (the training/held-out wrappers are existing phrasing).
  - without Parts: 3 questions from its 2 new templates (template 0, template 1, template
    k mod 2), filled from family.texts. (Neither such family has an aside or a term count, so
    nothing is added to the written question; the script checks that.)
Records: quantreason.data.build_record. The first letter is capitalised (as make_record does),
then the question is dressed with the NEW frames / distractors / closers with dress()'s
probabilities (0.5 / 0.25 / 0.2) and separator rule. No new distractor dismisses anything
(fees, taxes, rounding...), so none needs the ``uses`` filter of dress().

Texts the new pieces must stay away from ("reference texts"): everything validation_ood2 stays
away from (all families' templates, ood_templates, labels, ood_labels, asks, ood_asks;
training_parts_text(), held_out_parts_text(); validation_tune templates.json; validation_ood's
pieces, presentation wording and questions; the questions of benchmarks/*.jsonl), plus
validation_ood2's pieces (every piece and its presentations' fixed wording) and its questions.

Checks (exit 1 if any fails):
  1. structure of pieces.json, for exactly the families validation_ood2 leaves out (labels for
     exactly the family's labelled parameters, 2 each; 2 asks; 2 templates with the family's
     placeholder set, each placeholder once; 6 frames, 4 distractors, 4 closers); 4
     presentations, none of them one of validation_ood's or validation_ood2's; labels without
     the presentations' separators; distractors with no digit and no word that dismisses a
     topic a task may weigh;
  2. exact (normalised) match of any new piece with a reference text;
  3. six-word disjointness of every new piece (and the presentations' fixed wording) against
     the reference texts, both tokenisations of validation_tune/make_set.py;
  4. six-word disjointness of every generated question's skeleton (values -> placeholder)
     against the reference texts;
  5. each composed question lists every (label, value) item and holds its ask;
  6. every question fully filled (no "{name}" placeholder, no brace); formula evaluates to the
     answer within 1e-6 relative and the reference solver agrees; records pass
     quantreason.data._validate with RECORD_FIELDS order; no two questions normalise alike and
     none normalises like a validation_ood, validation_ood2 or benchmarks question; every
     covered family has exactly 3 questions;
  7. grounding: every number the formula writes is in the question, or structural, or implied
     by a word of it (quantreason.consensus.ungrounded_numbers, the rule evaluation uses).
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import sys
from collections import Counter
from pathlib import Path

from quantreason.consensus import ungrounded_numbers
from quantreason.data import build_record, normalise_question
from quantreason.tasks import FAMILIES

HERE = Path(__file__).resolve().parent
PIECES = HERE / "pieces.json"
OUT = HERE / "validation_ood3.jsonl"
VOOD2_DIR = HERE.parent / "validation_ood2"
SPLIT = "validation_ood3"
SEED = 2032
PER_FAMILY = 3

# validation_ood2's make_set (which loads validation_ood's and validation_tune's).
_spec = importlib.util.spec_from_file_location("vood2_make_set", VOOD2_DIR / "make_set.py")
vood2 = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(vood2)  # type: ignore[union-attr]
vood = vood2.vood
vt = vood2.vt

# The families validation_ood2 covers, and the ones this set covers (the rest, FAMILIES order).
COVERED_BEFORE = frozenset(r["family"] for r in vood2._jsonl(vood2.OUT))
NEW_FAMILIES = tuple(name for name in FAMILIES if name not in COVERED_BEFORE)


# --- the four new presentations ---------------------------------------------------------------
Items = vood.Items
CELL_LEADS = ("Copied out of my spreadsheet:", "Straight from the workbook:", "My sheet says:")


def _cells(items: Items, ask: str, rng: random.Random) -> str:
    """Spreadsheet cells: a lead line, one "A1: label / B1: value" row per item, the ask below."""
    rows = "\n".join(
        f"A{i}: {label} / B{i}: {value}" for i, (label, value) in enumerate(items, start=1)
    )
    return f"{rng.choice(CELL_LEADS)}\n{rows}\n{ask}"


BLOCK_HEADINGS = ("params:", "assumptions:", "my numbers:")


def _yaml_block(items: Items, ask: str, rng: random.Random) -> str:
    """A YAML-like block: a heading, then one indented "label: value" line per item, the ask
    below."""
    lines = "\n".join(f"  {label}: {value}" for label, value in items)
    return f"{rng.choice(BLOCK_HEADINGS)}\n{lines}\n{ask}"


def _arrow_list(items: Items, ask: str, rng: random.Random) -> str:
    """The ask first, then a numbered "(1) label → value" list."""
    lines = "\n".join(f"({i}) {label} → {value}" for i, (label, value) in enumerate(items, start=1))
    return f"{ask}\n{lines}"


INPUTS_LEAD = "Inputs —"


def _inputs_line(items: Items, ask: str, rng: random.Random) -> str:
    """One line, values first, labels in brackets: "Inputs — 5% (label); $200 (label). Ask"."""
    facts = "; ".join(f"{value} ({label})" for label, value in items)
    return f"{INPUTS_LEAD} {facts}. {ask}"


PRESENTATIONS = (_cells, _yaml_block, _arrow_list, _inputs_line)
PRESENTATION_NAMES = {
    _cells: "cells",
    _yaml_block: "block",
    _arrow_list: "arrows",
    _inputs_line: "inputs",
}
PRESENTATION_TEXTS = (*CELL_LEADS, *BLOCK_HEADINGS, INPUTS_LEAD)  # fixed wording they add
# Characters a label must not contain: validation_ood2's list (separators, quotes, braces),
# plus the brackets of the value-first line and the arrow.
LABEL_FORBIDDEN = (*vood2.LABEL_FORBIDDEN, "(", ")", "→")
# A distractor must dismiss nothing a task may weigh (quantreason.tasks.phrasing.REMARK_TOPICS)
# and carry no number.
DISTRACTOR_FORBIDDEN = re.compile(
    r"\d|ignore|disregard|fee|tax|cost|commission|leverag|margin|currenc|round|short|borrow",
    re.I,
)


# --- checks on the pieces ---------------------------------------------------------------------
def new_pieces(pieces: dict) -> list[tuple[str, str]]:
    """(where, text) for every piece written for this set."""
    return vood.new_pieces(pieces, PRESENTATION_TEXTS)


def reference_texts() -> list[tuple[str, str]]:
    """validation_ood2's reference texts, plus its pieces and its questions."""
    texts = vood2.reference_texts()
    vood2_pieces = json.loads((VOOD2_DIR / "pieces.json").read_text(encoding="utf-8"))
    texts += [
        (f"validation_ood2/{where}", t)
        for where, t in vood.new_pieces(vood2_pieces, vood2.PRESENTATION_TEXTS)
    ]
    texts += [(f"validation_ood2/{r['id']}", r["question"]) for r in vood2._jsonl(vood2.OUT)]
    return texts


_FAMILY_PREFIX = re.compile(r"([a-z][a-z0-9_]*)[:/]")


def check_structure(pieces: dict) -> list[str]:
    """validation_ood's structure check on this set's families (its findings about families
    validation_ood2 covers are dropped: this set has no pieces for them), plus: pieces for no
    other family, no presentation of validation_ood's or validation_ood2's, labels without
    separator characters, distractors that dismiss nothing."""
    bad = []
    for line in vood.check_structure(pieces, PRESENTATIONS):
        match = _FAMILY_PREFIX.match(line)
        if match and match.group(1) in COVERED_BEFORE:
            continue
        bad.append(line)
    written = set(pieces["labels"]) | set(pieces["asks"]) | set(pieces["templates"])
    bad += [f"{name}: covered by validation_ood2" for name in sorted(written & COVERED_BEFORE)]
    old = {f.__name__ for f in (*vood.PRESENTATIONS, *vood2.PRESENTATIONS)}
    bad += [
        f"presentation {f.__name__} is one of validation_ood's or validation_ood2's"
        for f in PRESENTATIONS
        if f.__name__ in old
    ]
    bad += [
        f"{where}: {text!r} contains {ch!r}"
        for where, text in new_pieces(pieces)
        if "/label:" in where
        for ch in LABEL_FORBIDDEN
        if ch in text
    ]
    bad += [
        f"distractor {d!r} has a number or dismisses something"
        for d in pieces["distractors"]
        if DISTRACTOR_FORBIDDEN.search(d)
    ]
    for name in NEW_FAMILIES:  # written questions get no aside and no restated term
        family = FAMILIES[name]
        if family.parts is None and (family.aside is not None or family.term_count is not None):
            bad.append(f"{name}: written templates with an aside or a term count")
    return bad


def taken_questions() -> set[str]:
    """Normalised questions of validation_ood, validation_ood2 and the benchmark sets."""
    taken = vood2.taken_questions()
    taken |= {normalise_question(r["question"]) for r in vood2._jsonl(vood2.OUT)}
    return taken


# --- generation -------------------------------------------------------------------------------
# validation_ood2's plan with this set's presentations.
plans = vood2.rotating_plans(PRESENTATIONS, PRESENTATION_NAMES, "vood3")


def compose_new(
    family, labels: dict, ask: str, texts: dict[str, str], presenter, rng: random.Random
) -> tuple[str, list[tuple[str, str]]]:
    """quantreason.tasks.phrasing.compose with the new labels, ask and presentation: an item for
    every labelled parameter the texts hold, in the family's label order, then shuffled."""
    parts = family.parts
    first, second = rng.choice(parts.names) if parts.names else ("", "")
    items = []
    for name in parts.labels:
        if name not in texts:  # a list item or a side figure this draw leaves out
            continue
        label = rng.choice(labels[name])
        if parts.names:
            label = label.format(a=first, b=second)
        items.append((label, texts[name]))
    rng.shuffle(items)
    return presenter(items, ask, rng), items


def draw(family, rng: random.Random) -> tuple[dict, dict[str, str]]:
    """Numbers and their texts, as make_record draws them for a composed question."""
    nums = family.draw(rng, ood=False)
    if family.optional and family.parts is not None:
        nums = family.keeping(nums, rng.randint(0, len(family.optional)))
    return nums, family.texts(rng, nums)


def generate(pieces: dict, taken: set[str]) -> tuple[list[dict], list[str], list]:
    """Records for NEW_FAMILIES in FAMILIES order (taken: normalised questions a new question
    must not equal); generation failures; question skeletons."""
    rng = random.Random(f"quantreason:{SEED}:{SPLIT}")
    records: list[dict] = []
    seen: set[str] = set()
    failures: list[str] = []
    skeletons: list[tuple[str, str]] = []
    done: Counter[bool] = Counter()  # families planned so far: composed (True), templated
    for name in NEW_FAMILIES:
        family = FAMILIES[name]
        composed = family.parts is not None
        family_plans = plans(name, family, pieces, rng, done[composed])
        done[composed] += 1
        for how, ask, tid in family_plans:
            for _attempt in range(200):
                nums, texts = draw(family, rng)
                if ask is not None:
                    question, items = compose_new(
                        family, pieces["labels"][name], ask, texts, how, rng
                    )
                    shown = [v for _, v in items]
                    if ask not in question:
                        failures.append(f"{name}: composed question lacks its ask")
                    missing = [it for it in items if it[0] not in question or it[1] not in question]
                    if missing:
                        failures.append(f"{name}: items missing from question: {missing}")
                else:
                    question = how.format(**texts)
                    shown = [texts[f] for f in vt.fields(how)]
                question = question[0].upper() + question[1:]
                question = vood.dress_new(question, pieces, rng)
                record = build_record(family, nums, question, SPLIT, len(records), f"{name}/{tid}")
                key = normalise_question(question)
                if key not in seen and key not in taken:
                    seen.add(key)
                    break
            else:
                failures.append(f"{name}: no new question after 200 draws")
            record["_solver"] = family.answer(nums)
            skeletons.append((f"{record['id']} ({name})", vood.skeleton(question, shown)))
            records.append(record)
    return records, failures, skeletons


# --- checks on the records --------------------------------------------------------------------
def filled(record: dict) -> bool:
    """No "{name}" placeholder and no brace at all (no presentation here uses braces)."""
    return "{" not in record["question"] and "}" not in record["question"]


def check_grounding(records: list[dict]) -> list[str]:
    """Every number of every formula is in its question (or structural, or implied)."""
    bad = []
    for r in records:
        missing = ungrounded_numbers(r["formula"], r["question"])
        if missing:
            bad.append(f"{r['id']} ({r['family']}): {missing} not in the question: {r['formula']}")
    print(
        f"[grounded] {'OK' if not bad else 'FAIL'}: {len(records) - len(bad)}/{len(records)} "
        "formulas write only numbers the question shows, implies or treats as structural"
    )
    for line in bad:
        print("   ", line)
    return bad


def check_per_family(records: list[dict]) -> list[str]:
    """Every family of NEW_FAMILIES has exactly PER_FAMILY records, and no other family any."""
    per_family = Counter(r["family"] for r in records)
    wrong = {f: per_family.get(f, 0) for f in {*NEW_FAMILIES, *per_family}}
    wrong = {f: n for f, n in wrong.items() if n != (PER_FAMILY if f in NEW_FAMILIES else 0)}
    print(
        f"[per-family] {'OK' if not wrong else 'FAIL'}: {len(per_family)} families x "
        f"{PER_FAMILY} = {len(records)} records ({len(COVERED_BEFORE)} families left to "
        f"validation_ood2, {len(FAMILIES)} in all)"
    )
    return [f"per-family counts wrong: {wrong}"] if wrong else []


def main() -> int:
    pieces = json.loads(PIECES.read_text(encoding="utf-8"))
    failures = vood.report_structure(pieces, check_structure(pieces))
    bad, indexes = vood.check_texts(new_pieces(pieces), reference_texts())
    failures += bad

    taken = taken_questions()
    records, gen_failures, skeletons = generate(pieces, taken)
    failures += vood.check_records(
        records, gen_failures, skeletons, indexes, filled=filled, filled_text="have no brace"
    )
    clash = [r["id"] for r in records if normalise_question(r["question"]) in taken]
    print(
        f"[unique/external] {'OK' if not clash else 'FAIL'}: {len(clash)} questions normalise "
        "like a validation_ood, validation_ood2 or benchmarks question"
    )
    failures += [f"same as an existing question: {i}" for i in clash]
    failures += check_grounding(records)
    failures += check_per_family(records)

    vood.write_records(records, OUT)
    vood2.print_counts(records, NEW_FAMILIES)
    return vt.verdict(failures)


if __name__ == "__main__":
    sys.exit(main())

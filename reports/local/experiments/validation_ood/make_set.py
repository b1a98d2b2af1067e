"""Build validation_ood.jsonl: 200 questions (4 per family) made the way test_ood_template is
made, but from FRESH phrasing pieces (pieces.json + the four presentations below) that appear
neither in training nor in the held-out pieces.

Run (from the project root, so the project imports):

    PYTHONPATH=. .venv/bin/python reports/local/experiments/validation_ood/make_set.py

Per family (seed 2027, one random stream ``quantreason:2027:validation_ood``):
  - with Parts: 4 composed questions, as quantreason.tasks.phrasing.compose does: one new label
    per labelled parameter (rng.choice), items shuffled, then one of the 4 new presentations.
    Each family uses every new presentation once (order shuffled) and each of its 2 new asks
    twice. No ask wrapper (the training/held-out wrappers are existing phrasing).
  - without Parts: 4 questions from its 2 new templates (2 each).
Numbers: family.draw(rng, ood=False), family.texts(rng, nums); record: build_record. The first
letter is capitalised (as make_record does), then the question is dressed with the NEW frames /
distractors / closers with dress()'s probabilities (0.5 / 0.25 / 0.2) and separator rule.

Checks (exit 1 if any fails):
  1. structure of pieces.json (labels for exactly the family's labelled parameters, 2 each;
     2 asks; 2 templates with the family's placeholder set, each placeholder once; 6 frames,
     4 distractors, 4 closers);
  2. exact (normalised) match of any new piece with an existing text (all families' templates,
     ood_templates, labels, ood_labels, asks, ood_asks; training_parts_text(),
     held_out_parts_text(); validation_tune templates.json) or with a family's existing
     template (for the new templates);
  3. six-word disjointness of every new piece (and the presentations' fixed wording) against
     the same texts, both tokenisations of validation_tune/make_set.py;
  4. six-word disjointness of every generated question's skeleton (values -> placeholder)
     against the same texts (catches runs spanning a label and the words around it);
  5. each composed question lists every (label, value) item and ends with its ask;
  6. every question fully filled; formula evaluates to the answer within 1e-6 relative and the
     reference solver agrees; records pass quantreason.data._validate with RECORD_FIELDS order;
     no two questions normalise alike; every family has exactly 4 questions.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from quantreason.data import RECORD_FIELDS, _validate, build_record, normalise_question
from quantreason.tasks import FAMILIES

HERE = Path(__file__).resolve().parent
PIECES = HERE / "pieces.json"
OUT = HERE / "validation_ood.jsonl"
TUNE_DIR = HERE.parent / "validation_tune"
SPLIT = "validation_ood"
SEED = 2027
PER_FAMILY = 4
REL_TOL = 1e-6

# Reuse validation_tune's checking code (shingles, placeholders, existing texts, closeness).
_spec = importlib.util.spec_from_file_location("vt_make_set", TUNE_DIR / "make_set.py")
vt = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(vt)  # type: ignore[union-attr]


# --- the four new presentations ---------------------------------------------------------------
Items = Sequence[tuple[str, str]]


def _lower_first(ask: str) -> str:
    """Lower the first letter unless the first word is an acronym (CAPM, NPV...)."""
    if len(ask) > 1 and ask[1].isupper():
        return ask
    return ask[0].lower() + ask[1:]


def _csv_field(text: str) -> str:
    if "," in text or '"' in text:
        return '"' + text.replace('"', '""') + '"'
    return text


def _csv_rows(items: Items, ask: str, rng: random.Random) -> str:
    """A spreadsheet paste: CSV header of labels, one row of values, then the ask."""
    header = ",".join(_csv_field(label) for label, _ in items)
    row = ",".join(_csv_field(value) for _, value in items)
    return f"{header}\n{row}\n{ask}"


DASH_INTRO = "Here's what I've got"


def _dashed(items: Items, ask: str, rng: random.Random) -> str:
    """One sentence, the figures set off by dashes: "Here's what I've got — a: 1; b: 2 — ask"."""
    facts = "; ".join(f"{label}: {value}" for label, value in items)
    return f"{DASH_INTRO} — {facts} — {_lower_first(ask)}"


def _data_line(items: Items, ask: str, rng: random.Random) -> str:
    """A "Data: a=1, b=2" line (";" between items when a value has a comma), the ask below."""
    sep = "; " if any("," in value for _, value in items) else ", "
    pairs = sep.join(f"{label}={value}" for label, value in items)
    return f"Data: {pairs}\n{ask}"


def _pipe_line(items: Items, ask: str, rng: random.Random) -> str:
    """A one-line log-style record: "a: 1 | b: 2 | ask"."""
    return " | ".join([*(f"{label}: {value}" for label, value in items), ask])


PRESENTATIONS = (_csv_rows, _dashed, _data_line, _pipe_line)
PRESENTATION_TEXTS = (DASH_INTRO, "Data:")  # fixed wording the presentations add


def compose_new(
    labels: dict[str, list[str]], ask: str, texts: dict[str, str], presenter, rng: random.Random
) -> tuple[str, list[tuple[str, str]]]:
    items = [(rng.choice(choices), texts[name]) for name, choices in labels.items()]
    rng.shuffle(items)
    return presenter(items, ask, rng), items


def dress_new(question: str, pieces: dict, rng: random.Random) -> str:
    """quantreason.tasks.phrasing.dress with the new frames / distractors / closers."""
    out = []
    if rng.random() < 0.5:
        out.append(rng.choice(pieces["frames"]))
    if rng.random() < 0.25:
        out.append(rng.choice(pieces["distractors"]))
    out.append(question)
    if rng.random() < 0.2:
        out.append(rng.choice(pieces["closers"]))
    return ("\n" if "\n" in question else " ").join(out)


# --- checks on the pieces ---------------------------------------------------------------------
def new_pieces(
    pieces: dict, presentation_texts: Sequence[str] = PRESENTATION_TEXTS
) -> list[tuple[str, str]]:
    """(where, text) for every piece written for this set (presentation_texts: the fixed
    wording its presentations add)."""
    out = []
    for fam, params in pieces["labels"].items():
        for key, labels in params.items():
            out += [(f"{fam}/label:{key}#{i}", t) for i, t in enumerate(labels)]
    for fam, asks in pieces["asks"].items():
        out += [(f"{fam}/ask#{i}", t) for i, t in enumerate(asks)]
    for fam, temps in pieces["templates"].items():
        out += [(f"{fam}/template#{i}", t) for i, t in enumerate(temps)]
    for kind in ("frames", "distractors", "closers"):
        out += [(f"{kind}#{i}", t) for i, t in enumerate(pieces[kind])]
    out += [(f"presentation#{i}", t) for i, t in enumerate(presentation_texts)]
    return out


def reference_texts() -> list[tuple[str, str]]:
    tune = json.loads((TUNE_DIR / "templates.json").read_text(encoding="utf-8"))
    texts = vt.existing_texts()
    texts += [(f"{n}/validation_tune", t) for n, temps in tune.items() for t in temps]
    return texts


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9%$]+", re.sub(r"\{\w+\}", " X ", text.lower())))


def check_structure(pieces: dict, presentations: Sequence = PRESENTATIONS) -> list[str]:
    bad = []
    for name, fam in FAMILIES.items():
        if fam.parts is not None:
            labels = pieces["labels"].get(name)
            if labels is None or set(labels) != set(fam.parts.labels):
                bad.append(
                    f"{name}: label keys {sorted(labels or {})}, want {sorted(fam.parts.labels)}"
                )
            else:
                bad += [f"{name}/{k}: {len(v)} labels" for k, v in labels.items() if len(v) != 2]
            if len(pieces["asks"].get(name, ())) != 2:
                bad.append(f"{name}: asks must be 2")
            if name in pieces["templates"]:
                bad.append(f"{name}: has parts, templates not expected")
        else:
            temps = pieces["templates"].get(name, [])
            if len(temps) != 2:
                bad.append(f"{name}: {len(temps)} templates, want 2")
            want = vt.expected_fields(fam)
            for k, t in enumerate(temps):
                got = vt.fields(t)
                if set(got) != want or len(got) != len(set(got)):
                    bad.append(
                        f"{name}/template#{k}: placeholders {sorted(got)}, want {sorted(want)}"
                    )
    extra = (set(pieces["labels"]) | set(pieces["asks"]) | set(pieces["templates"])) - set(FAMILIES)
    if extra:
        bad.append(f"unknown families {sorted(extra)}")
    for kind, n in (("frames", 6), ("distractors", 4), ("closers", 4)):
        if len(pieces[kind]) != n:
            bad.append(f"{kind}: {len(pieces[kind])}, want {n}")
    if len(presentations) != 4:
        bad.append("presentations must be 4")
    return bad


def check_exact(named: list[tuple[str, str]], reference: list[tuple[str, str]]) -> list[str]:
    """Pieces in named (as new_pieces lists them) that normalise like a reference text."""
    index = {}
    for where, text in reference:
        index.setdefault(_plain(text), where)
    return [
        f"{where}: {text!r} equals {index[_plain(text)]}"
        for where, text in named
        if _plain(text) in index
    ]


def shingle_index(reference, tok):
    index: dict[tuple[str, ...], str] = {}
    for where, text in reference:
        for gram in tok(text):
            index.setdefault(gram, where)
    return index


def check_shingles(named: list[tuple[str, str]], indexes: dict) -> dict[str, list[str]]:
    problems = {}
    for label, (tok, index) in indexes.items():
        found = []
        for where, text in named:
            for gram in sorted(tok(text)):
                if gram in index:
                    found.append(f"{where}: {' '.join(gram)!r} (also in {index[gram]})")
        problems[label] = found
    return problems


def skeleton(question: str, values: list[str]) -> str:
    for value in sorted(set(values), key=len, reverse=True):
        question = question.replace(value, "{x}")
    return question


# --- generation -------------------------------------------------------------------------------
# plans(name, family, pieces, rng, k) -> [(presenter or template, ask or None, template id tail)];
# k counts the families before this one of the same kind (composed, or templated only).
Plans = Callable[[str, Any, dict, random.Random, int], list[tuple[Any, Any, str]]]


def plans_vood(name: str, family, pieces: dict, rng: random.Random, k: int) -> list:
    """This set's plan: every presentation once (order shuffled), each ask twice; or each of
    the 2 templates twice."""
    if family.parts is not None:
        order = list(range(len(PRESENTATIONS)))
        rng.shuffle(order)
        return [
            (PRESENTATIONS[p], pieces["asks"][name][i % 2], "vood-composed")
            for i, p in enumerate(order)
        ]
    return [(pieces["templates"][name][i // 2], None, f"vood{i // 2}") for i in range(PER_FAMILY)]


def generate(
    pieces: dict,
    plans: Plans = plans_vood,
    *,
    split: str = SPLIT,
    seed: int = SEED,
    lowered_ask: tuple = (_dashed,),
    taken: Collection[str] = frozenset(),
) -> tuple[list[dict], list[str], list[tuple[str, str]]]:
    """Records in FAMILIES order (lowered_ask: the presenters that lower the ask's first
    letter; taken: normalised questions a new question must not equal)."""
    rng = random.Random(f"quantreason:{seed}:{split}")
    records, seen, failures, skeletons = [], set(), [], []
    done: Counter[bool] = (
        Counter()
    )  # families planned so far, composed (True) and templated (False)
    for name, family in FAMILIES.items():
        composed = family.parts is not None
        family_plans = plans(name, family, pieces, rng, done[composed])
        done[composed] += 1
        for how, ask, tid in family_plans:
            for _attempt in range(200):
                nums = family.draw(rng, ood=False)
                texts = family.texts(rng, nums)
                if ask is not None:
                    labels = pieces["labels"][name]
                    question, items = compose_new(labels, ask, texts, how, rng)
                    shown = [v for _, v in items]
                    if not question.endswith(ask if how not in lowered_ask else _lower_first(ask)):
                        failures.append(f"{name}: composed question does not end with its ask")
                    missing = [it for it in items if it[0] not in question or it[1] not in question]
                    if missing:
                        failures.append(f"{name}: items missing from question: {missing}")
                else:
                    question = how.format(**texts)
                    shown = [texts[f] for f in vt.fields(how)]
                question = question[0].upper() + question[1:]
                question = dress_new(question, pieces, rng)
                record = build_record(family, nums, question, split, len(records), f"{name}/{tid}")
                key = normalise_question(question)
                if key not in seen and key not in taken:
                    seen.add(key)
                    break
            else:
                failures.append(f"{name}: no new question after 200 draws")
            record["_solver"] = family.answer(nums)
            skeletons.append((f"{record['id']} ({name})", skeleton(question, shown)))
            records.append(record)
    return records, failures, skeletons


# --- the checks' report -----------------------------------------------------------------------
def report_structure(pieces: dict, bad: list[str]) -> list[str]:
    """Print check 1's outcome (bad: check_structure's findings); the failures."""
    print(
        f"[structure] {'OK' if not bad else 'FAIL'}: "
        f"{sum(f.parts is not None for f in FAMILIES.values())} families with parts, "
        f"{len(pieces['templates'])} with templates"
    )
    for line in bad:
        print("   ", line)
    return list(bad)


def check_texts(
    pieces_list: list[tuple[str, str]], reference: list[tuple[str, str]]
) -> tuple[list[str], dict]:
    """Checks 2 and 3 on the new pieces, printed; the failures and the shingle indexes."""
    failures: list[str] = []
    bad = check_exact(pieces_list, reference)
    print(
        f"[exact] {'OK' if not bad else 'FAIL'}: {len(pieces_list)} new pieces, none equal to "
        f"any of {len(reference)} existing texts (normalised)"
    )
    failures += bad
    for line in bad:
        print("   ", line)

    indexes = {
        "brief": (vt.shingles_brief, shingle_index(reference, vt.shingles_brief)),
        "project": (vt.shingles_project, shingle_index(reference, vt.shingles_project)),
    }
    for label, found in check_shingles(pieces_list, indexes).items():
        print(
            f"[disjointness/pieces/{label}] {'OK' if not found else 'FAIL'}: "
            f"{len(found)} shared 6-word runs"
        )
        failures += found
        for line in found:
            print("   ", line)
    return failures, indexes


def no_braces(record: dict) -> bool:
    return "{" not in record["question"] and "}" not in record["question"]


def check_records(
    records: list[dict],
    gen_failures: list[str],
    skeletons: list[tuple[str, str]],
    indexes: dict,
    filled: Callable[[dict], bool] = no_braces,
    filled_text: str = "have no '{' or '}' left",
) -> list[str]:
    """Checks 4 to 6 (but the per-family count) on generate()'s output, printed; the failures
    (gen_failures first). Takes "_solver" off every record."""
    failures = list(gen_failures)
    for line in gen_failures:
        print("   ", line)
    # Runs made only of written words fail; runs that include a number slot (a value next to a
    # short generic phrase such as "What is the stock's") are listed for information only.
    for label, found in check_shingles(skeletons, indexes).items():
        hard = [f for f in found if not re.search(r"'[^']*(<n>|\bX\b)[^']*' \(also", f)]
        soft = [f for f in found if f not in hard]
        print(
            f"[disjointness/questions/{label}] {'OK' if not hard else 'FAIL'}: "
            f"{len(hard)} shared all-word 6-word runs in {len(skeletons)} question skeletons "
            f"(info: {len(soft)} runs that include a number slot)"
        )
        failures += hard
        for line in hard:
            print("   ", line)
        for line in soft:
            print("    info:", line)

    bad_fill, bad_eval, bad_valid = [], [], []
    for r in records:
        solver = r.pop("_solver")
        if not filled(r):
            bad_fill.append(r["id"])
        problem = vt.formula_problem(r, solver)
        if problem:
            bad_eval.append(problem)
            continue
        try:
            _validate(r, r["id"])
            if tuple(r) != RECORD_FIELDS:
                raise ValueError(f"{r['id']}: fields {tuple(r)}")
        except ValueError as err:
            bad_valid.append(str(err))
    n = len(records)
    print(
        f"[filled] {'OK' if not bad_fill else 'FAIL'}: {n - len(bad_fill)}/{n} questions "
        + filled_text
    )
    print(
        f"[formula] {'OK' if not bad_eval else 'FAIL'}: {n - len(bad_eval)}/{n} formulas "
        f"evaluate to the answer within {REL_TOL:g} relative (solver agrees too)"
    )
    print(
        f"[validate] {'OK' if not bad_valid else 'FAIL'}: {n - len(bad_valid)}/{n} records "
        "pass quantreason.data._validate with RECORD_FIELDS"
    )
    for line in bad_fill + bad_eval + bad_valid:
        print("   ", line)
    failures += bad_fill + bad_eval + bad_valid

    keys = Counter(normalise_question(r["question"]) for r in records)
    dupes = [k for k, c in keys.items() if c > 1]
    print(
        f"[unique] {'OK' if not dupes else 'FAIL'}: {len(keys)} distinct normalised questions"
        f" of {n}"
    )
    failures += [f"duplicate: {k}" for k in dupes]
    return failures


def check_per_family(records: list[dict], per_family_want: int) -> list[str]:
    """Every family has exactly per_family_want records, printed; the failures."""
    n = len(records)
    per_family = Counter(r["family"] for r in records)
    wrong = {f: per_family.get(f, 0) for f in FAMILIES if per_family.get(f, 0) != per_family_want}
    print(
        f"[per-family] {'OK' if not wrong and n == per_family_want * len(FAMILIES) else 'FAIL'}: "
        f"{len(per_family)} families x {per_family_want} = {n} records"
    )
    if wrong or n != per_family_want * len(FAMILIES):
        return [f"per-family counts wrong: {wrong}"]
    return []


def write_records(records: list[dict], out: Path) -> None:
    out.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    print(
        f"[written] {out}: {len(records)} records; template_ids "
        f"{dict(Counter(r['template_id'].split('/')[1] for r in records))}"
    )


def main() -> int:
    pieces = json.loads(PIECES.read_text(encoding="utf-8"))
    failures = report_structure(pieces, check_structure(pieces))
    bad, indexes = check_texts(new_pieces(pieces), reference_texts())
    failures += bad
    records, gen_failures, skeletons = generate(pieces)
    failures += check_records(records, gen_failures, skeletons, indexes)
    failures += check_per_family(records, PER_FAMILY)
    write_records(records, OUT)
    return vt.verdict(failures)


if __name__ == "__main__":
    sys.exit(main())

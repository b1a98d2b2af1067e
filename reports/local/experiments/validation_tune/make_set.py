"""Build validation_tune.jsonl: questions from templates.json (wordings never seen in training).

Run from the project root so the project's machinery is importable:

    PYTHONPATH=. .venv/bin/python reports/local/experiments/validation_tune/make_set.py

For every family and each of its new templates, two questions are drawn with the family's own
machinery (Family.draw with ood=False, i.e. training ranges; Family.texts; Family.build_formula;
Family.answer), and written as records with the project's fields (quantreason.data.RECORD_FIELDS).
Unlike quantreason.data.make_record the question is NOT dressed with frames/distractors/closers:
those are training (or held-out) phrasing pieces, and this set is meant to measure unseen wording.

Checks (the script exits non-zero if any fails):
  1. every new template uses exactly the placeholder set of the family's existing templates,
     each placeholder once;
  2. six-word disjointness: no 6-word shingle shared with any existing template (training and
     held-out, of every family), nor with any family's parts labels/asks (training and held-out),
     nor with the generic phrasing pieces (frames, closers, distractors, ask wrappers...).
     Two tokenisations are checked: (a) the brief's: lower-case, {placeholders} -> X, split on
     whitespace; (b) the project's test tokeniser (tests/data/test_data_families.py:
     re.findall(r"\\{\\w+\\}|[a-z0-9%$-]+"), placeholders -> <n>), which ignores punctuation and is
     stricter;
  3. every question is fully filled (no '{' or '}' left);
  4. every formula evaluates (quantreason.formula.evaluate) to the record's answer within 1e-6
     relative, and the family's reference solver agrees;
  5. records pass quantreason.data's own record validation; no two questions normalise alike.
"""

from __future__ import annotations

import json
import random
import re
import string
import sys
from collections import Counter
from pathlib import Path

from quantreason.data import RECORD_FIELDS, _validate, build_record, normalise_question
from quantreason.formula import evaluate
from quantreason.tasks import FAMILIES
from quantreason.tasks.phrasing import held_out_parts_text, training_parts_text

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE / "templates.json"
OUT = HERE / "validation_tune.jsonl"
SPLIT = "validation_tune"
SEED = 2026
PER_TEMPLATE = 2
SIZE = 6
REL_TOL = 1e-6


# --- placeholders ---------------------------------------------------------------------------
def fields(template: str) -> list[str]:
    return [f for _, f, _, _ in string.Formatter().parse(template) if f]


def expected_fields(family) -> frozenset[str]:
    """The placeholder set most of the family's existing templates use."""
    sets = Counter(frozenset(fields(t)) for t in (*family.templates, *family.ood_templates))
    return sets.most_common(1)[0][0]


# --- six-word shingles ----------------------------------------------------------------------
def shingles_brief(text: str) -> set[tuple[str, ...]]:
    words = re.sub(r"\{[^{}]*\}", "X", text.lower()).split()
    return {tuple(words[i : i + SIZE]) for i in range(len(words) - SIZE + 1)}


def shingles_project(text: str) -> set[tuple[str, ...]]:
    words = re.findall(r"\{\w+\}|[a-z0-9%$-]+", text.lower())
    words = ["<n>" if w.startswith("{") else w for w in words]
    return {tuple(words[i : i + SIZE]) for i in range(len(words) - SIZE + 1)}


def existing_texts() -> list[tuple[str, str]]:
    """(where, text) for every existing phrasing the new templates must not share runs with."""
    texts: list[tuple[str, str]] = []
    for name, fam in FAMILIES.items():
        texts += [(f"{name}/template", t) for t in fam.templates]
        texts += [(f"{name}/ood_template", t) for t in fam.ood_templates]
        parts = fam.parts
        if parts is not None:
            for key, labels in parts.labels.items():
                texts += [(f"{name}/label:{key}", t) for t in labels]
            for key, labels in parts.ood_labels.items():
                texts += [(f"{name}/ood_label:{key}", t) for t in labels]
            texts += [(f"{name}/ask", t) for t in parts.asks]
            texts += [(f"{name}/ood_ask", t) for t in parts.ood_asks]
    texts += [("phrasing/training_part", t) for t in training_parts_text()]
    texts += [("phrasing/held_out_part", t) for t in held_out_parts_text()]
    return texts


def disjointness(new: dict[str, list[str]]) -> dict[str, list[str]]:
    """Problems per tokenisation: new template sharing a 6-word run with an existing text."""
    existing = existing_texts()
    problems: dict[str, list[str]] = {}
    for label, tok in (("brief", shingles_brief), ("project", shingles_project)):
        index: dict[tuple[str, ...], str] = {}
        for where, text in existing:
            for gram in tok(text):
                index.setdefault(gram, where)
        found = []
        for name, temps in new.items():
            for k, t in enumerate(temps):
                for gram in sorted(tok(t)):
                    if gram in index:
                        found.append(f"{name}/tune{k}: {' '.join(gram)!r} (also in {index[gram]})")
        problems[label] = found
    return problems


def internal_overlap(new: dict[str, list[str]]) -> list[str]:
    """Informational: 6-word runs shared between two of the new templates."""
    seen: dict[tuple[str, ...], str] = {}
    shared = []
    for name, temps in new.items():
        for k, t in enumerate(temps):
            for gram in shingles_project(t):
                where = f"{name}/tune{k}"
                if gram in seen and seen[gram] != where:
                    shared.append(f"{where} ~ {seen[gram]}: {' '.join(gram)!r}")
                seen.setdefault(gram, where)
    return shared


# --- records --------------------------------------------------------------------------------
def make_record(family, template: str, k: int, rng: random.Random, index: int) -> dict:
    nums = family.draw(rng, ood=False)
    question = template.format(**family.texts(rng, nums))
    question = question[0].upper() + question[1:]
    record = build_record(family, nums, question, SPLIT, index, f"{family.name}/tune{k}")
    return record | {"_solver": family.answer(nums)}


def close(a: float, b: float) -> bool:
    return abs(a - b) <= REL_TOL * max(abs(a), abs(b), 1e-12)


def formula_problem(record: dict, solver: float) -> str | None:
    """Why ``record``'s formula (or the family's solver) misses its answer; None when both hit."""
    try:
        value = evaluate(record["formula"])
    except Exception as err:
        return f"{record['id']} {record['formula']}: {err}"
    if not (close(value, record["answer"]) and close(solver, record["answer"])):
        return f"{record['id']} formula={value} solver={solver} answer={record['answer']}"
    return None


def verdict(failures: list[str]) -> int:
    """Print the outcome; the exit status (1 when any check failed)."""
    if failures:
        print(f"\nFAILED: {len(failures)} problem(s)")
        return 1
    print("\nALL CHECKS PASSED")
    return 0


def main() -> int:
    new: dict[str, list[str]] = json.loads(TEMPLATES.read_text(encoding="utf-8"))
    failures: list[str] = []

    missing = [n for n in FAMILIES if n not in new]
    extra = [n for n in new if n not in FAMILIES]
    if missing or extra:
        failures.append(f"families missing {missing}, unknown {extra}")

    # 1. placeholders
    for name, temps in new.items():
        want = expected_fields(FAMILIES[name])
        if len(temps) != 2:
            failures.append(f"{name}: {len(temps)} templates, expected 2")
        for k, t in enumerate(temps):
            got = fields(t)
            dupes = [f for f, c in Counter(got).items() if c > 1]
            if set(got) != want or dupes:
                failures.append(f"{name}/tune{k}: placeholders {sorted(got)}, want {sorted(want)}")
    print(
        f"[placeholders] {'OK' if not failures else 'FAIL'}: "
        f"{sum(map(len, new.values()))} templates in {len(new)} families"
    )

    # 2. six-word disjointness
    problems = disjointness(new)
    n_existing = len(existing_texts())
    for label, found in problems.items():
        print(
            f"[disjointness/{label}] {'OK' if not found else 'FAIL'}: "
            f"{len(found)} shared 6-word runs against {n_existing} existing texts"
        )
        for line in found:
            print("   ", line)
        failures += [f"disjointness/{label}: {p}" for p in found]
    shared = internal_overlap(new)
    print(f"[info] 6-word runs shared between two new templates: {len(shared)}")
    for line in shared:
        print("   ", line)

    # 3-5. draw the records
    rng = random.Random(f"quantreason:{SEED}:{SPLIT}")
    records, seen = [], set()
    for name, family in FAMILIES.items():
        for k, template in enumerate(new.get(name, ())):
            for _ in range(PER_TEMPLATE):
                for _attempt in range(200):
                    record = make_record(family, template, k, rng, len(records))
                    key = normalise_question(record["question"])
                    if key not in seen:
                        seen.add(key)
                        break
                else:
                    failures.append(f"{name}/tune{k}: no new question after 200 draws")
                records.append(record)

    bad_fill, bad_eval = [], []
    for r in records:
        solver = r.pop("_solver")
        if "{" in r["question"] or "}" in r["question"]:
            bad_fill.append(r["id"])
        problem = formula_problem(r, solver)
        if problem:
            bad_eval.append(problem)
            continue
        _validate(r, r["id"])
        assert tuple(r) == RECORD_FIELDS, r.keys()
    print(
        f"[filled] {'OK' if not bad_fill else 'FAIL'}: {len(records) - len(bad_fill)}"
        f"/{len(records)} questions have no '{{' or '}}' left"
    )
    print(
        f"[formula] {'OK' if not bad_eval else 'FAIL'}: {len(records) - len(bad_eval)}"
        f"/{len(records)} formulas evaluate to the answer within {REL_TOL:g} relative "
        "(solver agrees too)"
    )
    for line in bad_fill + bad_eval:
        print("   ", line)
    failures += bad_fill + bad_eval

    OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    per_family = Counter(r["family"] for r in records)
    print(
        f"[written] {OUT}: {len(records)} records, {len(per_family)} families, "
        f"{len({r['template_id'] for r in records})} templates, "
        f"{len(seen)} distinct normalised questions"
    )

    print("\n10 sample questions:")
    sample = random.Random(SEED).sample(records, 10)
    for r in sample:
        print(
            f"- [{r['template_id']}] {r['question']!r}\n    formula={r['formula']}  "
            f"answer={r['answer']} {r['unit']}"
        )

    return verdict(failures)


if __name__ == "__main__":
    sys.exit(main())

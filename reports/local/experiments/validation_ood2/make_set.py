"""Build validation_ood2.jsonl: 168 questions (3 per family, all 56 families) made the way
test_ood_template is made, from FRESH phrasing pieces (pieces.json + the four presentations
below) that appear neither in training, nor in the held-out pieces, nor in validation_ood.

Adapted from ../validation_ood/make_set.py (same construction, same checks, plus more texts to
stay away from). Run (from the project root, so the project imports):

    PYTHONPATH=. .venv/bin/python reports/local/experiments/validation_ood2/make_set.py

Per family (seed 2031, one random stream ``quantreason:2031:validation_ood2``), in FAMILIES order:
  - with Parts: 3 composed questions, as quantreason.tasks.phrasing.compose does: one new label
    per labelled parameter (rng.choice), items shuffled, then one of the 4 new presentations
    (chat message with dashed lines, JSON-like object, "a = 1 / b = 2" slash line,
    "I'm working with a of 1, b of 2 and c of 3" sentence). Each family uses 3 different
    presentations: the k-th composed family leaves out presentation k mod 4 (so every
    presentation is used equally often overall), the other three in shuffled order. Asks: the
    first two questions use the family's 2 new asks, the third uses ask k mod 2. No ask wrapper
    (the training/held-out wrappers are existing phrasing).
  - without Parts: 3 questions from its 2 new templates (template 0, template 1, template k mod 2).
Numbers: family.draw(rng, ood=False), family.texts(rng, nums); record: build_record. The first
letter is capitalised (as make_record does), then the question is dressed with the NEW frames /
distractors / closers with dress()'s probabilities (0.5 / 0.25 / 0.2) and separator rule.

Texts the new pieces must stay away from ("reference texts"): all families' templates,
ood_templates, labels, ood_labels, asks, ood_asks; training_parts_text(), held_out_parts_text();
validation_tune templates.json; validation_ood's pieces.json (every piece), the fixed wording of
its four presentations and the questions of validation_ood.jsonl; the questions of the
hand-written sets benchmarks/*.jsonl.

Checks (exit 1 if any fails):
  1. structure of pieces.json (labels for exactly the family's labelled parameters, 2 each;
     2 asks; 2 templates with the family's placeholder set, each placeholder once; 6 frames,
     4 distractors, 4 closers); 4 presentations, none of them one of validation_ood's;
  2. exact (normalised) match of any new piece with a reference text or with a family's
     existing template (for the new templates);
  3. six-word disjointness of every new piece (and the presentations' fixed wording) against
     the reference texts, both tokenisations of validation_tune/make_set.py;
  4. six-word disjointness of every generated question's skeleton (values -> placeholder)
     against the reference texts (catches runs spanning a label and the words around it);
  5. each composed question lists every (label, value) item and ends with its ask;
  6. every question fully filled (no "{name}" placeholder left; no brace at all outside the
     JSON-like presentation, which has exactly one "{" and one "}"); formula evaluates to the
     answer within 1e-6 relative and the reference solver agrees; records pass
     quantreason.data._validate with RECORD_FIELDS order; no two questions normalise alike and
     none normalises like a validation_ood or benchmarks question; every family has exactly 3
     questions.
"""

from __future__ import annotations

import importlib.util
import json
import random
import re
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from quantreason.data import RECORD_FIELDS, _validate, build_record, normalise_question
from quantreason.tasks import FAMILIES

HERE = Path(__file__).resolve().parent
PIECES = HERE / "pieces.json"
OUT = HERE / "validation_ood2.jsonl"
TUNE_DIR = HERE.parent / "validation_tune"
VOOD_DIR = HERE.parent / "validation_ood"
BENCH_DIR = HERE.parents[3] / "benchmarks"
SPLIT = "validation_ood2"
SEED = 2031
PER_FAMILY = 3
REL_TOL = 1e-6

# Reuse validation_tune's checking code (shingles, placeholders, existing texts, closeness).
_spec = importlib.util.spec_from_file_location("vt_make_set", TUNE_DIR / "make_set.py")
vt = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(vt)  # type: ignore[union-attr]
# ... and validation_ood's (its presentations' fixed wording, its piece enumeration).
_spec = importlib.util.spec_from_file_location("vood_make_set", VOOD_DIR / "make_set.py")
vood = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(vood)  # type: ignore[union-attr]


# --- the four new presentations ---------------------------------------------------------------
Items = Sequence[tuple[str, str]]


def _lower_first(ask: str) -> str:
    """Lower the first letter unless the first word is an acronym (CAPM, NPV...)."""
    if len(ask) > 1 and ask[1].isupper():
        return ask
    return ask[0].lower() + ask[1:]


CHAT_OPENERS = ("hey — quick one:", "ok here's the setup:", "so I've got these numbers:")


def _chat_lines(items: Items, ask: str, rng: random.Random) -> str:
    """A chat message with line breaks: "hey — quick one:\n- a is 1\n- b is 2\nask"."""
    lines = "\n".join(f"- {label} is {value}" for label, value in items)
    return f"{rng.choice(CHAT_OPENERS)}\n{lines}\n{_lower_first(ask)}"


_PLAIN_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _json_value(value: str) -> str:
    return value if _PLAIN_NUMBER.fullmatch(value) else json.dumps(value, ensure_ascii=False)


def _json_object(items: Items, ask: str, rng: random.Random) -> str:
    """A pasted JSON-like object ({"a": 1, "b": "5.8%"}; bare numbers unquoted), the ask below."""
    body = ", ".join(
        f"{json.dumps(label, ensure_ascii=False)}: {_json_value(value)}" for label, value in items
    )
    return "{" + body + "}\n" + ask


def _slash_pairs(items: Items, ask: str, rng: random.Random) -> str:
    """One "a = 1 / b = 2 / c = 3" line, the ask below."""
    return " / ".join(f"{label} = {value}" for label, value in items) + f"\n{ask}"


OF_LIST_LEAD = "I'm working with"


def _of_list(items: Items, ask: str, rng: random.Random) -> str:
    """A sentence list: "I'm working with a of 1, b of 2 and c of 3. ask" (";" between items
    when a value has a comma)."""
    parts = [f"{label} of {value}" for label, value in items]
    sep = "; " if any("," in value for _, value in items) else ", "
    joined = sep.join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    return f"{OF_LIST_LEAD} {joined}. {ask}"


PRESENTATIONS = (_chat_lines, _json_object, _slash_pairs, _of_list)
PRESENTATION_NAMES = {
    _chat_lines: "chat",
    _json_object: "json",
    _slash_pairs: "slash",
    _of_list: "oflist",
}
PRESENTATION_TEXTS = (*CHAT_OPENERS, OF_LIST_LEAD)  # fixed wording the presentations add
# Characters a label must not contain: they would blur the presentations' separators
# (JSON quotes, "=" and "/", the "is"/"of" lines, and the header/value pairing of
# quantreason.tables, which splits lines on "," ";" and tabs).
LABEL_FORBIDDEN = (",", ";", "\t", ":", "=", "/", '"', "|", "{", "}")


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
def new_pieces(pieces: dict) -> list[tuple[str, str]]:
    """(where, text) for every piece written for this set."""
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
    out += [(f"presentation#{i}", t) for i, t in enumerate(PRESENTATION_TEXTS)]
    return out


def reference_texts() -> list[tuple[str, str]]:
    tune = json.loads((TUNE_DIR / "templates.json").read_text(encoding="utf-8"))
    texts = vt.existing_texts()
    texts += [(f"{n}/validation_tune", t) for n, temps in tune.items() for t in temps]
    # validation_ood: every piece, its presentations' fixed wording, its questions.
    vood_pieces = json.loads((VOOD_DIR / "pieces.json").read_text(encoding="utf-8"))
    texts += [(f"validation_ood/{where}", t) for where, t in vood.new_pieces(vood_pieces)]
    texts += [(f"validation_ood/{r['id']}", r["question"]) for r in _jsonl(vood.OUT)]
    # the hand-written benchmark sets
    for path in sorted(BENCH_DIR.glob("*.jsonl")):
        texts += [(f"benchmarks/{path.stem}/{r['id']}", r["question"]) for r in _jsonl(path)]
    return texts


def _jsonl(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def check_labels(pieces: dict) -> list[str]:
    """Labels must not contain characters the presentations use as separators."""
    return [
        f"{where}: {text!r} contains {ch!r}"
        for where, text in new_pieces(pieces)
        if "/label:" in where
        for ch in LABEL_FORBIDDEN
        if ch in text
    ]


def _plain(text: str) -> str:
    return " ".join(re.findall(r"[a-z0-9%$]+", re.sub(r"\{\w+\}", " X ", text.lower())))


def check_structure(pieces: dict) -> list[str]:
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
    if len(PRESENTATIONS) != 4:
        bad.append("presentations must be 4")
    old = {f.__name__ for f in vood.PRESENTATIONS}
    bad += [
        f"presentation {f.__name__} is one of validation_ood's"
        for f in PRESENTATIONS
        if f.__name__ in old
    ]
    bad += check_labels(pieces)
    return bad


def check_exact(pieces: dict, reference: list[tuple[str, str]]) -> list[str]:
    index = {}
    for where, text in reference:
        index.setdefault(_plain(text), where)
    return [
        f"{where}: {text!r} equals {index[_plain(text)]}"
        for where, text in new_pieces(pieces)
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


def taken_questions() -> set[str]:
    """Normalised questions of validation_ood and the hand-written benchmark sets."""
    paths = [vood.OUT, *sorted(BENCH_DIR.glob("*.jsonl"))]
    return {normalise_question(r["question"]) for path in paths for r in _jsonl(path)}


# --- generation -------------------------------------------------------------------------------
def generate(pieces: dict) -> tuple[list[dict], list[str], list[tuple[str, str]]]:
    rng = random.Random(f"quantreason:{SEED}:{SPLIT}")
    records, seen, failures, skeletons = [], set(), [], []
    taken = taken_questions()
    n_composed = n_templated = 0
    for name, family in FAMILIES.items():
        if family.parts is not None:
            left_out = n_composed % len(PRESENTATIONS)
            order = [p for p in range(len(PRESENTATIONS)) if p != left_out]
            rng.shuffle(order)
            asks = [0, 1, n_composed % 2]
            plans = [
                (
                    PRESENTATIONS[p],
                    pieces["asks"][name][a],
                    f"vood2-{PRESENTATION_NAMES[PRESENTATIONS[p]]}",
                )
                for p, a in zip(order, asks, strict=True)
            ]
            n_composed += 1
        else:
            plans = [
                (pieces["templates"][name][t], None, f"vood2-t{t}") for t in (0, 1, n_templated % 2)
            ]
            n_templated += 1
        for how, ask, tid in plans:
            for _attempt in range(200):
                nums = family.draw(rng, ood=False)
                texts = family.texts(rng, nums)
                if ask is not None:
                    labels = pieces["labels"][name]
                    question, items = compose_new(labels, ask, texts, how, rng)
                    shown = [v for _, v in items]
                    if not question.endswith(ask if how is not _chat_lines else _lower_first(ask)):
                        failures.append(f"{name}: composed question does not end with its ask")
                    missing = [it for it in items if it[0] not in question or it[1] not in question]
                    if missing:
                        failures.append(f"{name}: items missing from question: {missing}")
                else:
                    question = how.format(**texts)
                    shown = [texts[f] for f in vt.fields(how)]
                question = question[0].upper() + question[1:]
                question = dress_new(question, pieces, rng)
                record = build_record(family, nums, question, SPLIT, len(records), f"{name}/{tid}")
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


def filled(question: str, json_like: bool) -> bool:
    """No "{name}" placeholder left; no brace at all, except the JSON-like object's two."""
    if re.search(r"\{[A-Za-z_]\w*\}", question):
        return False
    if json_like:
        return question.count("{") == 1 and question.count("}") == 1
    return "{" not in question and "}" not in question


def main() -> int:
    pieces = json.loads(PIECES.read_text(encoding="utf-8"))
    failures: list[str] = []

    bad = check_structure(pieces)
    print(
        f"[structure] {'OK' if not bad else 'FAIL'}: "
        f"{sum(f.parts is not None for f in FAMILIES.values())} families with parts, "
        f"{len(pieces['templates'])} with templates"
    )
    failures += bad
    for line in bad:
        print("   ", line)

    reference = reference_texts()
    pieces_list = new_pieces(pieces)
    bad = check_exact(pieces, reference)
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

    records, gen_failures, skeletons = generate(pieces)
    failures += gen_failures
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
        if not filled(r["question"], r["template_id"].endswith("-json")):
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
        "have no placeholder left (braces only around the JSON-like objects)"
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
    clash = [r["id"] for r in records if normalise_question(r["question"]) in taken_questions()]
    print(
        f"[unique/external] {'OK' if not clash else 'FAIL'}: {len(clash)} questions normalise "
        "like a validation_ood or benchmarks question"
    )
    failures += [f"same as an existing question: {i}" for i in clash]

    per_family = Counter(r["family"] for r in records)
    wrong = {f: per_family.get(f, 0) for f in FAMILIES if per_family.get(f, 0) != PER_FAMILY}
    print(
        f"[per-family] {'OK' if not wrong and n == PER_FAMILY * len(FAMILIES) else 'FAIL'}: "
        f"{len(per_family)} families x {PER_FAMILY} = {n} records"
    )
    if wrong or n != PER_FAMILY * len(FAMILIES):
        failures.append(f"per-family counts wrong: {wrong}")

    OUT.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8"
    )
    print(
        f"[written] {OUT}: {n} records; template_ids "
        f"{dict(Counter(r['template_id'].split('/')[1] for r in records))}"
    )
    print("\nper family:")
    for name in FAMILIES:
        kinds = Counter(r["template_id"].split("/")[1] for r in records if r["family"] == name)
        print(f"  {name:26s} {per_family.get(name, 0)}  {dict(sorted(kinds.items()))}")
    print("per presentation / template:")
    for kind, count in sorted(Counter(r["template_id"].split("/")[1] for r in records).items()):
        print(f"  {kind:14s} {count}")

    return vt.verdict(failures)


if __name__ == "__main__":
    sys.exit(main())

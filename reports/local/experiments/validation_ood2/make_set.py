"""Build validation_ood2.jsonl: 168 questions (3 per family, all 56 families) made the way
test_ood_template is made, from FRESH phrasing pieces (pieces.json + the four presentations
below) that appear neither in training, nor in the held-out pieces, nor in validation_ood.

Built on ../validation_ood/make_set.py (imported: same construction, same checks, plus more
texts to stay away from). Run (from the project root, so the project imports):

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
from pathlib import Path

from quantreason.data import normalise_question
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

# Reuse validation_tune's checking code (shingles, placeholders, existing texts, closeness).
_spec = importlib.util.spec_from_file_location("vt_make_set", TUNE_DIR / "make_set.py")
vt = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(vt)  # type: ignore[union-attr]
# ... and validation_ood's: its construction and checks (this set differs in its presentations,
# plans, reference texts and a few extra checks), its pieces and questions to stay away from.
_spec = importlib.util.spec_from_file_location("vood_make_set", VOOD_DIR / "make_set.py")
vood = importlib.util.module_from_spec(_spec)  # type: ignore[arg-type]
_spec.loader.exec_module(vood)  # type: ignore[union-attr]


# --- the four new presentations ---------------------------------------------------------------
Items = vood.Items
_lower_first = vood._lower_first


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


# --- checks on the pieces ---------------------------------------------------------------------
def new_pieces(pieces: dict) -> list[tuple[str, str]]:
    """(where, text) for every piece written for this set."""
    return vood.new_pieces(pieces, PRESENTATION_TEXTS)


def reference_texts() -> list[tuple[str, str]]:
    texts = vood.reference_texts()
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


def check_structure(pieces: dict) -> list[str]:
    """validation_ood's structure check, plus: no presentation of validation_ood's, labels
    without separator characters."""
    bad = vood.check_structure(pieces, PRESENTATIONS)
    old = {f.__name__ for f in vood.PRESENTATIONS}
    bad += [
        f"presentation {f.__name__} is one of validation_ood's"
        for f in PRESENTATIONS
        if f.__name__ in old
    ]
    bad += check_labels(pieces)
    return bad


def taken_questions() -> set[str]:
    """Normalised questions of validation_ood and the hand-written benchmark sets."""
    paths = [vood.OUT, *sorted(BENCH_DIR.glob("*.jsonl"))]
    return {normalise_question(r["question"]) for path in paths for r in _jsonl(path)}


# --- generation -------------------------------------------------------------------------------
def rotating_plans(presentations: tuple, names: dict, prefix: str):
    """A plan (k: composed or templated families before this one) in which the k-th composed
    family leaves out presentation k mod 4, the other three shuffled, with asks 0, 1, k mod 2;
    a templated family uses templates 0, 1, k mod 2. validation_ood3 reuses it with its own
    presentations."""

    def plans(name: str, family, pieces: dict, rng: random.Random, k: int) -> list:
        if family.parts is not None:
            left_out = k % len(presentations)
            order = [p for p in range(len(presentations)) if p != left_out]
            rng.shuffle(order)
            asks = [0, 1, k % 2]
            return [
                (
                    presentations[p],
                    pieces["asks"][name][a],
                    f"{prefix}-{names[presentations[p]]}",
                )
                for p, a in zip(order, asks, strict=True)
            ]
        return [(pieces["templates"][name][t], None, f"{prefix}-t{t}") for t in (0, 1, k % 2)]

    return plans


plans = rotating_plans(PRESENTATIONS, PRESENTATION_NAMES, "vood2")


def filled(record: dict) -> bool:
    """No "{name}" placeholder left; no brace at all, except the JSON-like object's two."""
    question = record["question"]
    if re.search(r"\{[A-Za-z_]\w*\}", question):
        return False
    if record["template_id"].endswith("-json"):
        return question.count("{") == 1 and question.count("}") == 1
    return "{" not in question and "}" not in question


def main() -> int:
    pieces = json.loads(PIECES.read_text(encoding="utf-8"))
    failures = vood.report_structure(pieces, check_structure(pieces))
    bad, indexes = vood.check_texts(new_pieces(pieces), reference_texts())
    failures += bad

    taken = taken_questions()
    records, gen_failures, skeletons = vood.generate(
        pieces, plans, split=SPLIT, seed=SEED, lowered_ask=(_chat_lines,), taken=taken
    )
    failures += vood.check_records(
        records,
        gen_failures,
        skeletons,
        indexes,
        filled=filled,
        filled_text="have no placeholder left (braces only around the JSON-like objects)",
    )
    clash = [r["id"] for r in records if normalise_question(r["question"]) in taken]
    print(
        f"[unique/external] {'OK' if not clash else 'FAIL'}: {len(clash)} questions normalise "
        "like a validation_ood or benchmarks question"
    )
    failures += [f"same as an existing question: {i}" for i in clash]

    failures += vood.check_per_family(records, PER_FAMILY)
    vood.write_records(records, OUT)
    print_counts(records, FAMILIES)
    return vt.verdict(failures)


def print_counts(records: list, families) -> None:
    """Questions per family (by template kind) and per presentation or template."""
    per_family = Counter(r["family"] for r in records)
    print("\nper family:")
    for name in families:
        kinds = Counter(r["template_id"].split("/")[1] for r in records if r["family"] == name)
        print(f"  {name:26s} {per_family.get(name, 0)}  {dict(sorted(kinds.items()))}")
    print("per presentation / template:")
    for kind, count in sorted(Counter(r["template_id"].split("/")[1] for r in records).items()):
        print(f"  {kind:14s} {count}")


if __name__ == "__main__":
    sys.exit(main())

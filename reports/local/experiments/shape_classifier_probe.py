"""Session 47, offline probe: can a per-family classifier over the question's words tell which
taught shape (the variant: call or put, long or short, sample or population ...) an answer
needs, where run BR's greedy reply chose the wrong one? Reads saved predictions only (no model
inference); needs run BY's data (`/work/exp/by/runs/full/data`: run BR's validation split, and
its training split, run BR's plus 2,640 records). Output: shape_classifier_probe.txt. First, what
kind of miss each of run BR's wrong greedy replies is, per set.

    .venv/bin/python reports/local/experiments/shape_classifier_probe.py
"""

import collections
import json
import re
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

import quantreason.consensus as cs
from quantreason.reply.formatting import question_as_read
from quantreason.tasks import family_for_reasoning
from quantreason.tasks.classifier import question_features
from quantreason.tasks.shapes import reply_shapes, task_constants, taught_shapes

DATA = Path("/work/exp/by/runs/full/data")
RUN_BR = Path(__file__).parent / "runBR"
THRESHOLDS = (0.5, 0.8, 0.95)
TAUGHT = taught_shapes()
CONSTANTS = task_constants()


def read_jsonl(path: Path) -> list[dict]:
    with path.open() as handle:
        return [json.loads(line) for line in handle]


def named_family(reply: str | None):
    """The family whose taught reasoning sentence the reply opens with, or None."""
    named = re.search(r"Reasoning:(.*)", reply or "")
    return family_for_reasoning(named.group(1)) if named else None


def shapes_of(family: str, formula: str, question: str) -> frozenset[str]:
    shown = frozenset(cs.shown_numbers(question))
    return reply_shapes(formula, CONSTANTS[family], shown) & TAUGHT[family]


def miss_kinds(path: Path) -> dict[str, collections.Counter]:
    """Per set, run BR's greedy replies: right, another task named, no taught reasoning, a
    formula of no shape the task teaches, or a taught shape with (un)grounded numbers."""
    kinds = collections.defaultdict(collections.Counter)
    for row in read_jsonl(path):
        if row["model"] != "finetuned":
            continue
        name = row["split"] if row["split"] != "questions" else row["id"].rsplit("-", 1)[0]
        family = named_family(row["reply"])
        if row["correct"]:
            kind = "right"
        elif family is None or not row["formula"]:
            kind = "no taught reasoning or formula"
        elif family.name != row["family"]:
            kind = "another task"
        elif not shapes_of(family.name, row["formula"], row["question"]):
            kind = "untaught shape"
        elif cs.ungrounded_numbers(row["formula"], row["question"]):
            kind = "taught shape, ungrounded"
        else:
            kind = "taught shape, grounded"
        kinds[name][kind] += 1
    return kinds


def fit_shape_models() -> dict[str, tuple[TfidfVectorizer, LogisticRegression]]:
    by_family = collections.defaultdict(list)
    for record in read_jsonl(DATA / "train.jsonl"):
        family = record["family"]
        if len(TAUGHT.get(family, ())) > 1:
            shapes = shapes_of(family, record["formula"], record["question"])
            if len(shapes) == 1:
                by_family[family].append((question_as_read(record["question"]), *shapes))
    models = {}
    for family, rows in by_family.items():
        if len({shape for _, shape in rows}) < 2:
            continue
        vectorizer = TfidfVectorizer(analyzer=question_features, sublinear_tf=True, min_df=2)
        matrix = vectorizer.fit_transform([question for question, _ in rows])
        labels = [shape for _, shape in rows]
        models[family] = (vectorizer, LogisticRegression(C=10, max_iter=3000).fit(matrix, labels))
    return models


def evaluate(models, gold: dict[str, dict], path: Path, name: str) -> None:
    stats = collections.Counter()
    for row in read_jsonl(path):
        if row["model"] != "finetuned" or row["family"] not in models or not row["formula"]:
            continue
        family = named_family(row["reply"])
        if family is None or family.name != row["family"]:
            continue  # the task check's business, not the shape's
        reply = shapes_of(family.name, row["formula"], row["question"])
        vectorizer, model = models[family.name]
        probs = model.predict_proba(vectorizer.transform([question_as_read(row["question"])]))[0]
        top, share = model.classes_[int(np.argmax(probs))], float(np.max(probs))
        record = gold.get(row["question"])
        wanted = shapes_of(family.name, record["formula"], record["question"]) if record else None
        outcome = "right" if row["correct"] else "miss"
        for tau in THRESHOLDS:
            flagged = share >= tau and top not in reply
            stats[outcome, flagged, tau] += 1
            if wanted is not None and flagged and not row["correct"]:
                stats["flag_is_gold", tau] += top in wanted
        if wanted is not None:
            stats["with_gold"] += 1
            stats["top_is_gold"] += top in wanted
            if not row["correct"]:
                stats["misses"] += 1
                stats["miss_wrong_shape"] += not (reply & wanted)
    print(f"== {name}")
    for tau in THRESHOLDS:
        misses = stats["miss", True, tau] + stats["miss", False, tau]
        rights = stats["right", True, tau] + stats["right", False, tau]
        found = f" (top=gold {stats['flag_is_gold', tau]})" if stats["with_gold"] else ""
        print(
            f"  tau {tau}: misses flagged {stats['miss', True, tau]}/{misses}{found},"
            f" rights flagged {stats['right', True, tau]}/{rights}"
        )
    if stats["with_gold"]:
        print(
            f"  classifier top = gold shape {stats['top_is_gold']}/{stats['with_gold']};"
            f" misses with the wrong shape {stats['miss_wrong_shape']}/{stats['misses']}"
        )


def main() -> None:
    for path in ("predictions_validation.jsonl", "predictions_extra.jsonl"):
        for name, kinds in sorted(miss_kinds(RUN_BR / path).items()):
            print(
                f"{name:20s} n={sum(kinds.values()):4d} "
                + ", ".join(f"{kind} {count}" for kind, count in kinds.most_common())
            )
    models = fit_shape_models()
    print("families with a shape model:", len(models))
    gold = {record["question"]: record for record in read_jsonl(DATA / "validation.jsonl")}
    evaluate(models, gold, RUN_BR / "predictions_validation.jsonl", "validation (gold)")
    fixed = "fixed sets (probes 1-11, validation_ood1-3)"
    evaluate(models, gold, RUN_BR / "predictions_extra.jsonl", fixed)
    evaluate(models, gold, RUN_BR / "predictions_probe1216.jsonl", "probes 12-16")


if __name__ == "__main__":
    main()

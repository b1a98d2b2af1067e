"""The dataset: generation, splits, de-duplication, manifest, and ``load_split``.

Splits (``DIR/<split>.jsonl``):

- ``train``, ``validation``, ``test``: training templates, training parameter ranges;
- ``test_ood_range``: training templates, parameters outside the training ranges;
- ``test_ood_template``: held-out templates (never used elsewhere), training ranges.

Families are filled round-robin (and templates round-robin within a family), so every family
is in every split that has at least one question per family. Evaluation splits are generated
first and train last; a question whose normalised text was already produced is redrawn, so no
evaluation question (or near-duplicate) appears in train. Each record has its own random
stream, seeded from ``(seed, split, family, the family's question number in the split)``
(:func:`record_rng`): the same seed gives byte-identical files, and a change to one family's
drawing (a new template, a new parameter) changes that family's records only, so a data change
can be measured against the same questions of every other family.
"""

from __future__ import annotations

import hashlib
import json
import math
import random
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from quantreason.tasks import FAMILIES, Family, get_family
from quantreason.tasks.base import Values
from quantreason.tasks.term_counts import TERM_COUNT_SHARE, restate_term, with_count

SPLITS = ("train", "validation", "test", "test_ood_range", "test_ood_template")
# Test splits: 5 questions per family up to 60 families, so that a family with phrasing parts
# (held-out templates alternate with held-out composed questions) shows all 3 held-out templates.
DEFAULT_SIZES = {
    "train": 900,
    "validation": 200,
    "test": 300,
    "test_ood_range": 300,
    "test_ood_template": 300,
}
# Evaluation splits first: train must avoid their questions, never the other way round.
GENERATION_ORDER = ("test", "test_ood_range", "test_ood_template", "validation", "train")
RECORD_FIELDS = (
    "id",
    "family",
    "template_id",
    "split",
    "question",
    "reasoning",
    "formula",
    "answer",
    "unit",
    "tolerance",
    "sign_free",
)
MANIFEST = "manifest.json"
_MAX_REDRAWS = 200


def normalise_question(text: str) -> str:
    """Key for near-duplicate detection: case, separators, currency and % signs ignored."""
    text = text.lower()
    text = re.sub(r"(?<=\d),(?=\d{3})", "", text)  # 12,500 -> 12500
    text = re.sub(r"\bpercent\b", "%", text)
    text = re.sub(r"\b(?:usd|dollars)\b|\$", "", text)
    return " ".join(re.findall(r"[a-z]+|\d+(?:\.\d+)?|%", text))


def make_record(
    family: Family, template_index: int, rng: random.Random, split: str, index: int
) -> dict[str, Any]:
    """One record of ``family`` for ``split``: its ``template_index``-th template, or (for a
    family with :class:`~quantreason.tasks.base.Parts`, every other question) a question
    composed from parts; either is then dressed in a frame, a distractor and a closer
    (:mod:`quantreason.tasks.phrasing`). ``test_ood_template`` uses held-out pieces only."""
    from quantreason.tasks.phrasing import compose, dress

    held_out = split == "test_ood_template"
    templates = family.ood_templates if held_out else family.templates
    nums = family.draw(rng, ood=split == "test_ood_range")
    prefix = "ood" if held_out else "t"
    if family.parts is not None:  # alternate: template, composed, next template, ...
        template_index, composed = divmod(template_index, 2)
    else:
        composed = 0
    template = templates[template_index % len(templates)]
    if family.optional:  # a list of several lengths: see Family.optional
        if composed:
            kept = rng.randint(0, len(family.optional))
        else:
            kept = sum(1 for name in family.optional if "{" + name + "}" in template)
        nums = family.keeping(nums, kept)
    texts = family.texts(rng, nums)
    if composed:
        question = compose(family.parts, texts, rng, held_out)  # type: ignore[arg-type]
        template_id = f"{family.name}/{prefix}-composed"
    else:
        question = template.format(**texts)
        template_id = f"{family.name}/{prefix}{template_index % len(templates)}"
        if family.term_count is not None and rng.random() < TERM_COUNT_SHARE:
            restated = restate_term(question, texts, nums, family.term_count, rng)
            if restated is not None:  # "over 60 monthly payments": the formula takes the 60
                question, nums = restated, with_count(nums, family.term_count)
        aside = family.aside(rng, nums, texts, held_out) if family.aside is not None else ""
        if aside:  # "The house costs $400,000 and we put 20% down. What is the payment on..."
            question = f"{aside} {question[0].upper()}{question[1:]}"
    question = question[0].upper() + question[1:]
    dressed = dress(question, rng, held_out, family.uses)
    return build_record(family, nums, dressed, split, index, template_id)


def build_record(
    family: Family, nums: Values, question: str, split: str, index: int, template_id: str
) -> dict[str, Any]:
    """The record of one written question: its target (reasoning, formula) and its answer."""
    answer = family.answer(nums)
    if family.unit in ("rank", "count"):
        answer_value: float | int = round(answer)
    else:
        answer_value = float(f"{answer:.10g}")  # 10 significant digits: exact enough, stable
    return {
        "id": f"{split}-{index:05d}",
        "family": family.name,
        "template_id": template_id,
        "split": split,
        "question": question,
        "reasoning": family.reasoning,
        "formula": family.build_formula(nums),
        "answer": answer_value,
        "unit": family.unit,
        "tolerance": family.tolerance,
        "sign_free": family.sign_free,
    }


def generate_dataset(
    seed: int = 0,
    sizes: dict[str, int] | None = None,
    families: Sequence[str] | None = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
    train_weights: Mapping[str, float] | None = None,
) -> dict[str, list[dict[str, Any]]]:
    """All splits as lists of records (see the module docstring for the guarantees).

    ``train_weights``: a family's share of ``train`` relative to the others (default 1 each);
    the evaluation splits keep every family equal, so their figures stay comparable."""
    sizes = _checked_sizes(sizes)
    if families is not None and not families:
        raise ValueError("no task families selected")
    chosen = [get_family(name) for name in families] if families else list(FAMILIES.values())
    weights = checked_train_weights(train_weights, [family.name for family in chosen])
    seen: set[str] = set()
    dataset: dict[str, list[dict[str, Any]]] = {}
    for split in GENERATION_ORDER:
        order = interleaved(weights if split == "train" else [1.0] * len(chosen), sizes[split])
        drawn = [0] * len(chosen)  # questions of each family so far: its next template
        records = []
        for index, which in enumerate(order):
            template_index, drawn[which] = drawn[which], drawn[which] + 1
            family = chosen[which]
            rng = record_rng(seed, split, family.name, template_index)
            record = _unique_record(family, template_index, rng, split, index, seen)
            records.append(record)
            if on_record is not None:
                on_record(record)
        dataset[split] = records
    return {split: dataset[split] for split in SPLITS}


def record_rng(seed: int, split: str, family: str, number: int) -> random.Random:
    """The random stream of the ``number``-th question of ``family`` in ``split``. One stream per
    record, not per split: with a stream per split, any change to how one family draws (one
    more random number) shifted every later record of every family, so two generator versions
    differed like two seeds and no data change could be judged apart from a new draw."""
    return random.Random(f"quantreason:{seed}:{split}:{family}:{number}")


def checked_train_weights(weights: Mapping[str, float] | None, names: Sequence[str]) -> list[float]:
    """One weight per family in ``names`` (1 where ``weights`` names none); an unknown or
    unselected family, or a weight that is not positive, is an error."""
    weights = dict(weights or {})
    unknown = sorted(set(weights) - set(names))
    if unknown:
        raise ValueError(f"train weights name unknown or unselected families: {', '.join(unknown)}")
    bad = sorted(name for name, weight in weights.items() if not weight > 0)
    if bad:
        raise ValueError(f"train weights must be > 0: {', '.join(bad)}")
    return [float(weights.get(name, 1.0)) for name in names]


def interleaved(weights: Sequence[float], size: int) -> list[int]:
    """``size`` family indices, each family's count in proportion to its weight and its
    questions spread evenly through the split (smooth weighted round-robin). Equal weights
    give plain round-robin: 0, 1, ..., n-1, 0, 1, ..."""
    total = sum(weights)
    current = [0.0] * len(weights)
    order = []
    for _ in range(size):
        current = [c + w for c, w in zip(current, weights, strict=True)]
        which = max(range(len(current)), key=lambda i: (current[i], -i))
        current[which] -= total
        order.append(which)
    return order


def _unique_record(
    family: Family, template_index: int, rng: random.Random, split: str, index: int, seen: set[str]
) -> dict[str, Any]:
    for _ in range(_MAX_REDRAWS):
        record = make_record(family, template_index, rng, split, index)
        key = normalise_question(record["question"])
        if key not in seen:
            seen.add(key)
            return record
    raise RuntimeError(f"family {family.name}: no new question after {_MAX_REDRAWS} draws")


def _checked_sizes(sizes: dict[str, int] | None) -> dict[str, int]:
    merged = dict(DEFAULT_SIZES)
    for split, size in (sizes or {}).items():
        if split not in merged:
            raise ValueError(f"unknown split {split!r}; expected one of {', '.join(SPLITS)}")
        if not isinstance(size, int) or size < 0:
            raise ValueError(f"size of split {split!r} must be a whole number >= 0, got {size!r}")
        merged[split] = size
    return merged


def _jsonl_bytes(records: Iterable[dict[str, Any]]) -> bytes:
    lines = (json.dumps(record, ensure_ascii=False) + "\n" for record in records)
    return "".join(lines).encode("utf-8")


def write_dataset(
    out_dir: str | Path,
    seed: int = 0,
    sizes: dict[str, int] | None = None,
    families: Sequence[str] | None = None,
    on_record: Callable[[dict[str, Any]], None] | None = None,
    train_weights: Mapping[str, float] | None = None,
) -> dict[str, Any]:
    """Write every split and ``manifest.json`` under ``out_dir``; returns the manifest."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    dataset = generate_dataset(seed, sizes, families, on_record, train_weights)
    files: dict[str, dict[str, Any]] = {}
    for split, records in dataset.items():
        payload = _jsonl_bytes(records)
        (out / f"{split}.jsonl").write_bytes(payload)
        files[f"{split}.jsonl"] = {
            "records": len(records),
            "sha256": hashlib.sha256(payload).hexdigest(),
        }
    manifest = {
        "generator": "quantreason.data",
        "seed": seed,
        "train_weights": dict(sorted((train_weights or {}).items())),
        "sizes": {split: len(records) for split, records in dataset.items()},
        "families": sorted({r["family"] for records in dataset.values() for r in records}),
        "counts": {
            split: dict(sorted(Counter(r["family"] for r in records).items()))
            for split, records in dataset.items()
        },
        "files": files,
    }
    (out / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
    return manifest


def load_split(data_dir: str | Path, split: str) -> list[dict[str, Any]]:
    """Records of ``DIR/<split>.jsonl``, validated; ``ValueError`` naming the bad line."""
    path = Path(data_dir) / f"{split}.jsonl"
    if not path.is_file():
        raise FileNotFoundError(
            f"{path} not found; generate the dataset with `quantreason data --out {data_dir}`"
        )
    records = []
    with path.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as err:
                raise ValueError(f"{path}:{number}: not valid JSON ({err.msg})") from None
            _validate(record, f"{path}:{number}")
            records.append(record)
    return records


def _validate(record: Any, where: str) -> None:
    from quantreason.reply import UNITS

    if not isinstance(record, dict):
        raise ValueError(f"{where}: a record must be a JSON object")
    missing = [name for name in RECORD_FIELDS if name not in record]
    if missing:
        raise ValueError(f"{where}: missing field(s) {', '.join(missing)}")
    if not isinstance(record["question"], str) or not record["question"].strip():
        raise ValueError(f"{where}: 'question' must be a non-empty string")
    answer = record["answer"]
    if isinstance(answer, bool) or not isinstance(answer, int | float) or not math.isfinite(answer):
        raise ValueError(f"{where}: 'answer' must be a finite number, got {answer!r}")
    if record["unit"] not in UNITS:
        raise ValueError(f"{where}: unit {record['unit']!r} is not one of {', '.join(UNITS)}")


def family_summary(manifest: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows for the per-family table: unit, template counts and questions per split."""
    rows = []
    for name in manifest["families"]:
        family = FAMILIES[name]
        row: dict[str, Any] = {
            "family": name,
            "unit": family.unit,
            "templates": len(family.templates),
            "held_out": len(family.ood_templates),
        }
        for split in SPLITS:
            row[split] = manifest["counts"][split].get(name, 0)
        rows.append(row)
    return rows

"""Session 36: a tuning proxy for held-out wording (rule: decide.py, committed first).

Run BR's train split (runs/full/data, 159 families), grouped by written template: each
family's written templates (``t0``, ``t1``, ...) go to fold index mod 4; composed questions
(``t-composed``) are never held out. For each fold, the n-gram classifier is fitted as served
(``fit_task_classifier``) on every train record but that fold's templates' records, and the
hidden-state reader (``fit_reader_on_states``, served settings) on the states of the served
fit sample (``hidden_training_rows``: 16 a family) minus that fold's templates. Tested: one
train record per written template (seed 1, none of the fit sample), each in its own fold.

States: the **base** SmolLM2 (no adapter; it never trained on any template), the served
layer and pooling (``question_hidden_states``), the full profile's precision. Serving reads
the fine-tuned model's states (session 34: alike on the tuning sets), whose adapter trained on
every template here, so it cannot be held out of them.

Writes scores.json (one row per tested question: family, template, fold, n-gram top task,
combined top task, reader-alone top task). ``python -u compute.py [STATES.npz]`` from the
repository root; the states are cached in STATES.npz (default /tmp/heldout_states.npz)."""

import json
import random
import sys
import time
from pathlib import Path

import numpy as np

from quantreason.data import load_split
from quantreason.generation import load_model, question_hidden_states
from quantreason.models import resolve_model
from quantreason.tasks.classifier_fitting import (
    fit_reader_on_states,
    fit_task_classifier,
    hidden_layer_for,
    hidden_training_rows,
)

FOLDS = 4
HERE = Path(__file__).parent
STATES = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/heldout_states.npz")


def fold_of(template_id: str) -> int | None:
    """Written template ``family/tN`` -> N mod FOLDS; composed questions -> None."""
    tail = template_id.rsplit("/", 1)[1]
    return None if tail.endswith("composed") else int(tail[1:]) % FOLDS


train = load_split("runs/full/data", "train")
fit_sample = hidden_training_rows(train)
fit_ids = {r["id"] for r in fit_sample}
by_template: dict[str, list[dict]] = {}
for row in train:
    if fold_of(row["template_id"]) is not None and row["id"] not in fit_ids:
        by_template.setdefault(row["template_id"], []).append(row)
rng = random.Random(1)
tested = [rng.choice(by_template[t]) for t in sorted(by_template)]
print(f"{len(train)} train records, fit sample {len(fit_sample)}, tested {len(tested)}")

if STATES.is_file():
    cached = np.load(STATES)
    fit_states, test_states, layer = cached["fit"], cached["test"], int(cached["layer"])
else:
    loaded = load_model(resolve_model("embedded", prepare=False), None, precision="auto")
    layer = hidden_layer_for(loaded.model)
    start = time.time()
    fit_states = question_hidden_states(loaded, [r["question"] for r in fit_sample], layer)
    test_states = question_hidden_states(loaded, [r["question"] for r in tested], layer)
    print(f"states: {len(fit_sample) + len(tested)} questions, {time.time() - start:.0f} s")
    np.savez(STATES, fit=fit_states, test=test_states, layer=layer)

out = []
for fold in range(FOLDS):
    start = time.time()
    kept = [r for r in train if fold_of(r["template_id"]) != fold]
    ngram = fit_task_classifier([r["question"] for r in kept], [r["family"] for r in kept])
    keep = np.array([fold_of(r["template_id"]) != fold for r in fit_sample])
    reader = fit_reader_on_states(
        fit_states[keep],
        [r["family"] for r, k in zip(fit_sample, keep, strict=True) if k],
        ngram.tasks,
        layer=layer,
        digest="base-model",
    )
    combined = ngram.with_hidden(reader)
    for row, state in zip(tested, test_states, strict=True):
        if fold_of(row["template_id"]) != fold:
            continue
        out.append(
            {
                "family": row["family"],
                "template_id": row["template_id"],
                "fold": fold,
                "ngram": ngram.top(row["question"])[0],
                "combined": combined.top(row["question"], state)[0],
                "reader": ngram.tasks[int(np.argmax(reader.log_probabilities(state)))],
            }
        )
    print(f"fold {fold}: {time.time() - start:.0f} s", flush=True)
(HERE / "scores.json").write_text(json.dumps(out, indent=0) + "\n")
print(f"wrote {len(out)} rows")

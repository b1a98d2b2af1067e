"""Which task a question asks for, read from its words alone: the question side of the checks.

The fine-tuned model names the task it took a question for in its reasoning line; on phrasings
it never saw it often names a neighbour (a dividend "just paid" read as next year's, a beta read
as a volatility). A linear classifier over word and character n-grams, fitted on the training
questions, reads the task from the question and generalises to unseen wording better than the
135M model does (``reports/local/experiments.md``, session 8). :mod:`quantreason.task_check`
uses it to rewrite a reply whose task disagrees with a confident reading.

On asks worded like no template (``test_ood_template``) the n-grams put the right task first
for only ~58 % of questions. The classifier can also hold a :class:`HiddenStateReader`: a
logistic regression over the served model's own mean-pooled hidden states of the question,
which reads meaning the n-grams miss. Combined as P_ngram x P_hidden^:data:`HIDDEN_WEIGHT`, the
right task came first for 77 % there, and for more of the tuning sets' questions too
(``reports/local/experiments.md``, sessions 34-35). The states come from the fine-tuned model
(adapter merged), so a reader belongs to one adapter: it records that adapter's digest and
:func:`quantreason.task_check.check_classifier` refuses another.

scikit-learn fits it (:mod:`quantreason.tasks.classifier_fitting`, which serving never imports);
:class:`TaskClassifier` applies it with numpy from a ``.npz`` (no pickle), and
:func:`question_features` is the one feature rule for both.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

CLASSIFIER_FILE = "task_classifier.npz"
CHAR_NGRAMS = (3, 4, 5)
# The hidden-state reading's exponent in the product (0.5 on handwritten_dev, probes and
# validation_ood; 1.0 lost questions the n-grams read right: experiments.md, session 34).
HIDDEN_WEIGHT = 0.5

_NUMBER_RE = re.compile(r"\d[\d,.]*")
_WORD_RE = re.compile(r"[a-z]+|0")


def question_features(question: str) -> list[str]:
    """The n-grams a question is read by: words, word pairs and 3-5 character pieces of words,
    with every number written as 0 (the task is in the words, not in the values)."""
    text = _NUMBER_RE.sub("0", question.lower())
    words = _WORD_RE.findall(text)
    features = [f"w:{word}" for word in words]
    features += [f"b:{a} {b}" for a, b in itertools.pairwise(words)]
    for word in words:
        padded = f" {word} "
        for n in CHAR_NGRAMS:
            features += [f"c:{padded[i : i + n]}" for i in range(max(1, len(padded) - n + 1))]
    return features


@dataclass(frozen=True)
class HiddenStateReader:
    """A logistic regression over one layer's mean-pooled hidden states of a question
    (:func:`quantreason.generation.question_hidden_states`), standardised first."""

    layer: int  # hidden_states[layer] of the model (0: the embeddings)
    adapter_digest: str  # the fine-tuned weights whose states it was fitted on
    mean: np.ndarray  # (width,)
    scale: np.ndarray  # (width,)
    weights: np.ndarray  # (tasks, width)
    bias: np.ndarray  # (tasks,)

    def __post_init__(self) -> None:
        width = self.mean.shape[0] if self.mean.ndim == 1 else -1
        if self.layer < 0 or width < 1 or self.scale.shape != (width,):
            raise ValueError("hidden-state reader needs a layer >= 0 and one mean/scale per unit")
        if self.weights.ndim != 2 or self.weights.shape[1] != width:
            raise ValueError("hidden-state reader weights do not match its width")
        if self.bias.shape != (self.weights.shape[0],):
            raise ValueError("hidden-state reader needs one bias per task")

    @property
    def width(self) -> int:
        """The hidden size it reads."""
        return int(self.mean.shape[0])

    def log_probabilities(self, state: np.ndarray) -> np.ndarray:
        """Each task's log-probability for one question's pooled state, in the reader's order."""
        state = np.asarray(state, dtype=np.float64)
        if state.shape != (self.width,):
            raise ValueError(
                f"a hidden state of width {self.width} expected, got shape {state.shape}: "
                "the classifier was fitted on another model"
            )
        logits = self.weights @ ((state - self.mean) / self.scale) + self.bias
        shifted = logits - logits.max()
        return shifted - np.log(np.exp(shifted).sum())


@dataclass(frozen=True)
class TaskClassifier:
    """A fitted classifier: vocabulary, inverse document frequencies, a weight row per task."""

    tasks: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray  # (features,)
    weights: np.ndarray  # (tasks, features)
    bias: np.ndarray  # (tasks,)
    # Reads the served model's hidden states too (rows in ``tasks`` order); None: n-grams only.
    hidden: HiddenStateReader | None = None

    def __post_init__(self) -> None:
        features = len(self.vocabulary)
        if self.idf.shape != (features,) or self.weights.shape != (len(self.tasks), features):
            raise ValueError("task classifier arrays do not match its vocabulary and tasks")
        if self.bias.shape != (len(self.tasks),):
            raise ValueError("task classifier needs one bias per task")
        if self.hidden is not None and self.hidden.weights.shape[0] != len(self.tasks):
            raise ValueError("the hidden-state reader needs one weight row per task")

    def _vector(self, question: str) -> np.ndarray:
        # TF-IDF as scikit-learn computes it with sublinear_tf: (1 + ln tf) * idf, L2-normalised.
        vector = np.zeros(len(self.vocabulary))
        for feature, count in Counter(question_features(question)).items():
            index = self.vocabulary.get(feature)
            if index is not None:
                vector[index] = (1.0 + np.log(count)) * self.idf[index]
        norm = np.linalg.norm(vector)
        return vector / norm if norm > 0 else vector

    def probabilities(self, question: str, state: np.ndarray | None = None) -> dict[str, float]:
        """Each task's probability for ``question`` (they sum to 1): the n-grams' reading, times
        the hidden-state reading to the power :data:`HIDDEN_WEIGHT` when ``state`` (the
        question's pooled hidden state) is given. A classifier with a hidden-state reader
        must be given the state (``ValueError``): without it, it would read worse unnoticed."""
        logits = self.weights @ self._vector(question) + self.bias
        if (self.hidden is None) != (state is None):
            raise ValueError(
                "this classifier reads hidden states: pass the question's state"
                if self.hidden is not None
                else "this classifier has no hidden-state reader: pass no state"
            )
        if self.hidden is not None and state is not None:
            logits = logits + HIDDEN_WEIGHT * self.hidden.log_probabilities(state)
        exp = np.exp(logits - logits.max())
        return dict(zip(self.tasks, (exp / exp.sum()).tolist(), strict=True))

    def top(self, question: str, state: np.ndarray | None = None) -> tuple[str, float]:
        """The most likely task and its probability."""
        probabilities = self.probabilities(question, state)
        task = max(probabilities, key=probabilities.__getitem__)
        return task, probabilities[task]

    def with_hidden(self, hidden: HiddenStateReader | None) -> TaskClassifier:
        """This classifier with ``hidden`` as its hidden-state reader (None: n-grams only)."""
        return dataclasses.replace(self, hidden=hidden)

    def save(self, path: str | Path) -> Path:
        """Write the arrays as a compressed ``.npz`` (strings as unicode arrays, no pickle)."""
        path = Path(path)
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        hidden = {}
        if self.hidden is not None:
            hidden = {
                "hidden_layer": np.array(self.hidden.layer),
                "hidden_adapter": np.array(self.hidden.adapter_digest),
                "hidden_mean": self.hidden.mean.astype(np.float32),
                "hidden_scale": self.hidden.scale.astype(np.float32),
                "hidden_weights": self.hidden.weights.astype(np.float32),
                "hidden_bias": self.hidden.bias.astype(np.float32),
            }
        with path.open("wb") as handle:  # a file handle: numpy adds no ".npz" to the name
            np.savez_compressed(
                handle,
                tasks=np.array(self.tasks),
                features=np.array(names),
                idf=self.idf.astype(np.float32),
                weights=self.weights.astype(np.float32),
                bias=self.bias.astype(np.float32),
                **hidden,
            )
        return path

    @classmethod
    def load(cls, path: str | Path) -> TaskClassifier:
        """Read a classifier written by :meth:`save`; a clear error for anything else."""
        try:
            with np.load(path, allow_pickle=False) as arrays:
                features = [str(name) for name in arrays["features"]]
                hidden = None
                if "hidden_weights" in arrays:
                    hidden = HiddenStateReader(
                        layer=int(arrays["hidden_layer"]),
                        adapter_digest=str(arrays["hidden_adapter"]),
                        mean=arrays["hidden_mean"].astype(np.float64),
                        scale=arrays["hidden_scale"].astype(np.float64),
                        weights=arrays["hidden_weights"].astype(np.float64),
                        bias=arrays["hidden_bias"].astype(np.float64),
                    )
                return cls(
                    tasks=tuple(str(task) for task in arrays["tasks"]),
                    vocabulary={name: i for i, name in enumerate(features)},
                    idf=arrays["idf"].astype(np.float64),
                    weights=arrays["weights"].astype(np.float64),
                    bias=arrays["bias"].astype(np.float64),
                    hidden=hidden,
                )
        except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile) as err:
            # a truncated archive is a BadZipFile; a bare .npy renamed .npz a TypeError
            raise ValueError(f"{path} is not a task classifier: {err}") from err

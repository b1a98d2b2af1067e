"""Which task a question asks for, read from its words alone: the question side of the checks.

The fine-tuned model names the task it took a question for in its reasoning line; on phrasings
it never saw it often names a neighbour (a dividend "just paid" read as next year's, a beta read
as a volatility). A linear classifier over word and character n-grams, fitted on the training
questions, reads the task from the question and generalises to unseen wording better than the
135M model does (``reports/local/experiments.md``, session 8). :mod:`quantreason.task_check`
uses it to rewrite a reply whose task disagrees with a confident reading.

scikit-learn fits it (:mod:`quantreason.tasks.classifier_fitting`, which serving never imports);
:class:`TaskClassifier` applies it with numpy from a ``.npz`` (no pickle), and
:func:`question_features` is the one feature rule for both.
"""

from __future__ import annotations

import itertools
import re
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

CLASSIFIER_FILE = "task_classifier.npz"
CHAR_NGRAMS = (3, 4, 5)

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
class TaskClassifier:
    """A fitted classifier: vocabulary, inverse document frequencies, a weight row per task."""

    tasks: tuple[str, ...]
    vocabulary: dict[str, int]
    idf: np.ndarray  # (features,)
    weights: np.ndarray  # (tasks, features)
    bias: np.ndarray  # (tasks,)

    def __post_init__(self) -> None:
        features = len(self.vocabulary)
        if self.idf.shape != (features,) or self.weights.shape != (len(self.tasks), features):
            raise ValueError("task classifier arrays do not match its vocabulary and tasks")
        if self.bias.shape != (len(self.tasks),):
            raise ValueError("task classifier needs one bias per task")

    def _vector(self, question: str) -> np.ndarray:
        # TF-IDF as scikit-learn computes it with sublinear_tf: (1 + ln tf) * idf, L2-normalised.
        vector = np.zeros(len(self.vocabulary))
        for feature, count in Counter(question_features(question)).items():
            index = self.vocabulary.get(feature)
            if index is not None:
                vector[index] = (1.0 + np.log(count)) * self.idf[index]
        norm = np.linalg.norm(vector)
        return vector / norm if norm > 0 else vector

    def probabilities(self, question: str) -> dict[str, float]:
        """Each task's probability for ``question`` (they sum to 1)."""
        logits = self.weights @ self._vector(question) + self.bias
        exp = np.exp(logits - logits.max())
        return dict(zip(self.tasks, (exp / exp.sum()).tolist(), strict=True))

    def top(self, question: str) -> tuple[str, float]:
        """The most likely task and its probability."""
        probabilities = self.probabilities(question)
        task = max(probabilities, key=probabilities.__getitem__)
        return task, probabilities[task]

    def save(self, path: str | Path) -> Path:
        """Write the arrays as a compressed ``.npz`` (strings as unicode arrays, no pickle)."""
        path = Path(path)
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        np.savez_compressed(
            path,
            tasks=np.array(self.tasks),
            features=np.array(names),
            idf=self.idf.astype(np.float32),
            weights=self.weights.astype(np.float32),
            bias=self.bias.astype(np.float32),
        )
        return path

    @classmethod
    def load(cls, path: str | Path) -> TaskClassifier:
        """Read a classifier written by :meth:`save`; a clear error for anything else."""
        try:
            with np.load(path, allow_pickle=False) as arrays:
                features = [str(name) for name in arrays["features"]]
                return cls(
                    tasks=tuple(str(task) for task in arrays["tasks"]),
                    vocabulary={name: i for i, name in enumerate(features)},
                    idf=arrays["idf"].astype(np.float64),
                    weights=arrays["weights"].astype(np.float64),
                    bias=arrays["bias"].astype(np.float64),
                )
        except (OSError, KeyError, ValueError, TypeError, zipfile.BadZipFile) as err:
            # a truncated archive is a BadZipFile; a bare .npy renamed .npz a TypeError
            raise ValueError(f"{path} is not a task classifier: {err}") from err

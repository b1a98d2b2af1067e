"""Grouped cross-validation of the task classifier on the train split: whole templates held out
(the generalisation test_ood_template asks for, measured on training data only)."""

import itertools
import json
import re
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from quantreason.tasks.classifier import question_features

rows = [json.loads(line) for line in Path("runs/full/data/train.jsonl").read_text().splitlines()]
Q = [r["question"] for r in rows]
Y = np.array([r["family"] for r in rows])
G = [r["template_id"] for r in rows]


def words_only(q):
    return [f for f in question_features(q) if not f.startswith("c:")]


def variant(q, ngr):
    t = re.sub(r"\d[\d,.]*", "0", q.lower())
    words = re.findall(r"[a-z]+|0", t)
    out = ["w:" + w for w in words] + ["b:" + a + " " + b for a, b in itertools.pairwise(words)]
    for w in words:
        p = f" {w} "
        for n in ngr:
            out += ["c:" + p[i : i + n] for i in range(max(1, len(p) - n + 1))]
    return out


configs = {
    "current C10": (question_features, 10, 3),
    "C1": (question_features, 1, 3),
    "C3": (question_features, 3, 3),
    "C30": (question_features, 30, 3),
    "words only": (words_only, 10, 3),
    "char 2-4": (lambda q: variant(q, (2, 3, 4)), 10, 3),
    "char 3-6": (lambda q: variant(q, (3, 4, 5, 6)), 10, 3),
    "mindf1": (question_features, 10, 1),
}
for name in sys.argv[1:] or configs:
    fn, C, mindf = configs[name]
    t = time.time()
    right = 0
    for tr, te in GroupKFold(5).split(Q, Y, G):
        v = TfidfVectorizer(analyzer=fn, sublinear_tf=True, min_df=mindf)
        X = v.fit_transform([Q[i] for i in tr])
        m = LogisticRegression(C=C, max_iter=3000).fit(X, Y[tr])
        right += (m.predict(v.transform([Q[i] for i in te])) == Y[te]).sum()
    print(
        f"{name:12s} held-out-template top1 {right / len(Q):.3f}  ({time.time() - t:.0f}s)",
        flush=True,
    )

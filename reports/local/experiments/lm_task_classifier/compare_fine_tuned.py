"""Base vs fine-tuned (run BQ's adapter) hidden states, 8 training questions per family each."""

import collections

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from quantreason.tasks.classifier import TaskClassifier

clf = TaskClassifier.load("runs/full/classifier/task_classifier.npz")
tasks = list(clf.tasks)


def group(s):
    return "validation_ood" if s.startswith("validation_ood") else s


def run(path, name):
    d = np.load(path)
    sets, fams, qs = d["sets"], d["fams"], d["questions"]
    keep = np.ones(len(sets), bool)
    seen = collections.Counter()
    for i, (s, f) in enumerate(zip(sets, fams, strict=True)):
        if s == "train":
            seen[f] += 1
            keep[i] = seen[f] <= 8
        elif s.startswith("probe"):
            keep[i] = False
    sets, fams, qs = sets[keep], fams[keep], qs[keep]
    g = np.array([group(s) for s in sets])
    tr = g == "train"
    known = np.array([f in tasks for f in fams])
    y = np.array([tasks.index(f) if f in tasks else -1 for f in fams])
    ngram = np.array([[p[t] for t in tasks] for p in map(clf.probabilities, qs)])
    for layer in ("l10", "l20", "l30"):
        X = d[layer][keep]
        sc = StandardScaler().fit(X[tr])
        lr = LogisticRegression(C=1.0, max_iter=300).fit(sc.transform(X[tr]), y[tr])
        P = np.zeros((len(qs), len(tasks)))
        P[:, lr.classes_] = lr.predict_proba(sc.transform(X))
        for label, M in (
            (f"{name} {layer} alone", P),
            (f"{name} {layer} sqrt x ngram", np.sqrt(P) * ngram),
        ):
            print(f"{label:32s}", top1(M, g, known, y), flush=True)
    print(f"{'ngram':32s}", top1(ngram, g, known, y))


def top1(M, g, known, y):
    """Right task first, per set: 'right/n'."""
    out = {}
    for G in ("handwritten_dev", "validation_ood", "REPORT_test_ood_template"):
        m = (g == G) & known
        out[G] = f"{(M[m].argmax(1) == y[m]).sum()}/{m.sum()}"
    return out


run("runs/lm_task_classifier_embeds.npz", "base")
run("runs/lm_task_classifier_embeds_ft.npz", "BQ-ft")

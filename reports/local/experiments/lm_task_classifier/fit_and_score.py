"""Session 34: a logistic regression on embed.py's features against the n-gram task classifier
(run BR's, runs/full/classifier), alone and combined (P_lm x P_ngram, sqrt(P_lm) x P_ngram);
top-1 task accuracy per set. Output: fit_and_score.txt beside this file."""

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import StandardScaler

from quantreason.tasks.classifier import TaskClassifier

d = np.load("runs/lm_task_classifier_embeds.npz")
sets, fams, qs = d["sets"], d["fams"], d["questions"]
clf = TaskClassifier.load("runs/full/classifier/task_classifier.npz")
tasks = list(clf.tasks)
tr = sets == "train"
ngram = np.array([[p[t] for t in tasks] for p in map(clf.probabilities, qs)])
known = np.array([f in tasks for f in fams])
y = np.array([tasks.index(f) if f in tasks else -1 for f in fams])
groups = ["handwritten_dev", "probes", "validation_ood", "REPORT_test_ood_template"]


def group(s):
    return (
        "probes"
        if s.startswith("probe")
        else ("validation_ood" if s.startswith("validation_ood") else s)
    )


g = np.array([group(s) for s in sets])


def acc(P, name):
    out = {}
    for G in groups:
        m = (g == G) & known
        out[G] = f"{(P[m].argmax(1) == y[m]).sum()}/{m.sum()}"
    print(f"{name:28s}", out)


acc(ngram, "ngram (BR classifier)")
for layer in ("l20", "l30", "l10"):
    X = d[layer]
    sc = StandardScaler().fit(X[tr])
    for C in (1.0,):
        lr = LogisticRegression(C=C, max_iter=300).fit(sc.transform(X[tr]), y[tr])
        P = np.zeros((len(qs), len(tasks)))
        P[:, lr.classes_] = lr.predict_proba(sc.transform(X))
        acc(P, f"lm {layer} C={C}")
        acc(P * ngram, "  x ngram")
        acc(np.sqrt(P) * ngram, "  sqrt x ngram")

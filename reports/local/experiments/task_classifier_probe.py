import itertools
import json
import re
import time
from pathlib import Path

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

D = "runs/full/data/"


def load(p):
    return [json.loads(line) for line in Path(p).read_text().splitlines()]


train = load(D + "train.jsonl")
WORD = re.compile(r"[a-z]+|0")


def features(q):
    t = re.sub(r"\d[\d,\.]*", "0", q.lower())
    words = WORD.findall(t)
    out = ["w:" + w for w in words] + ["b:" + a + " " + b for a, b in itertools.pairwise(words)]
    for w in words:
        w = " " + w + " "
        for n in (3, 4, 5):
            out += ["c:" + w[i : i + n] for i in range(max(1, len(w) - n + 1))]
    return out


for mindf in []:
    for C in [3, 10, 30]:
        t = time.time()
        vec = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=mindf)
        X = vec.fit_transform([r["question"] for r in train])
        clf = LogisticRegression(C=C, max_iter=3000).fit(X, [r["family"] for r in train])
        res = []
        for name, p in [
            ("validation", D + "validation.jsonl"),
            ("handwritten_dev", "benchmarks/handwritten_dev.jsonl"),
        ]:
            rows = load(p)
            P = clf.predict_proba(vec.transform([r["question"] for r in rows]))
            res.append(
                "{} {:.3f}".format(
                    name,
                    sum(
                        clf.classes_[pr.argmax()] == r["family"]
                        for r, pr in zip(rows, P, strict=False)
                    )
                    / len(rows),
                )
            )
        print(mindf, C, X.shape, res, "%.0fs" % (time.time() - t))
vec = TfidfVectorizer(analyzer=features, sublinear_tf=True, min_df=3)
X = vec.fit_transform([r["question"] for r in train])
clf = LogisticRegression(C=10, max_iter=3000).fit(X, [r["family"] for r in train])
out = {}
for p in [D + "validation.jsonl", "benchmarks/handwritten_dev.jsonl"]:
    rows = load(p)
    P = clf.predict_proba(vec.transform([r["question"] for r in rows]))
    for r, pr in zip(rows, P, strict=False):
        out[r["question"]] = {
            c: float(x) for c, x in zip(clf.classes_, pr, strict=False) if x > 0.001
        }
Path("clf_single.json").write_text(json.dumps(out))

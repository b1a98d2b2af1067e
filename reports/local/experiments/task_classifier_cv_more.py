import json
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold

from quantreason.data import generate_dataset
from quantreason.tasks.classifier import question_features

rows = [json.loads(line) for line in Path("runs/full/data/train.jsonl").read_text().splitlines()]
Q = [r["question"] for r in rows]
Y = np.array([r["family"] for r in rows])
G = np.array([r["template_id"] for r in rows])
t = time.time()
extra = generate_dataset(
    seed=int(sys.argv[2]) if len(sys.argv) > 2 else 11, sizes={"train": int(sys.argv[1])}
)["train"]
print("generated", len(extra), "%.0fs" % (time.time() - t), flush=True)
seen = set(Q)
extra = [r for r in extra if r["question"] not in seen]
for C in (10, 30):
    right = 0
    t = time.time()
    for tr, te in GroupKFold(5).split(Q, Y, G):
        held = set(G[te])
        add = [r for r in extra if r["template_id"] not in held]
        xs = [Q[i] for i in tr] + [r["question"] for r in add]
        ys = list(Y[tr]) + [r["family"] for r in add]
        v = TfidfVectorizer(analyzer=question_features, sublinear_tf=True, min_df=3)
        m = LogisticRegression(C=C, max_iter=3000).fit(v.fit_transform(xs), ys)
        right += (m.predict(v.transform([Q[i] for i in te])) == Y[te]).sum()
    print(
        f"+{len(extra)} extra, C={C}: held-out-template top1 {right / len(Q):.3f}",
        f"({time.time() - t:.0f}s)",
        flush=True,
    )

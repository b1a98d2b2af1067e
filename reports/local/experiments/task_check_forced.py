"""For each tuning question: free greedy reply, the model's log-prob of each candidate task's
reasoning line, and a greedy formula forced after each candidate's reasoning line."""

import json
import sys
import time
from pathlib import Path

import torch

from quantreason.consensus import read_candidate
from quantreason.evaluation.questions import load_questions, load_split_questions
from quantreason.evaluation.scoring import score_reply
from quantreason.generation import encode_prompts, load_model
from quantreason.reply.contract import FORMULA_PREFIX, REASONING_PREFIX
from quantreason.tasks import FAMILIES

clf = json.loads(Path(sys.argv[1]).read_text())
out_path = sys.argv[2]
D = "runs/full/data"
sets = {
    "validation": load_split_questions(D, "validation"),
    "handwritten_dev": load_questions("benchmarks/handwritten_dev.jsonl"),
}
loaded = load_model(
    "/root/.cache/quantreason/models/smollm2-135m-instruct", "runs/full/train/adapter"
)
tok, model = loaded.tokenizer, loaded.model
torch.manual_seed(0)


def prefix(fam):
    return f"{REASONING_PREFIX} {FAMILIES[fam].reasoning.strip()}\n{FORMULA_PREFIX}"


@torch.inference_mode()
def gen(texts, bs=48):
    outs = [None] * len(texts)
    order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
    for s in range(0, len(order), bs):
        ids = order[s : s + bs]
        enc = tok(
            [texts[i] for i in ids], return_tensors="pt", padding=True, add_special_tokens=False
        )
        g = model.generate(
            **enc,
            max_new_tokens=96,
            do_sample=False,
            pad_token_id=tok.pad_token_id,
            eos_token_id=tok.eos_token_id,
        )
        for r, i in enumerate(ids):
            outs[i] = tok.decode(g[r, enc["input_ids"].shape[1] :], skip_special_tokens=True)
    return outs


@torch.inference_mode()
def logprob(prompts, conts, bs=32):
    res = []
    for s in range(0, len(prompts), bs):
        P, C = prompts[s : s + bs], conts[s : s + bs]
        plen = [len(tok(p, add_special_tokens=False)["input_ids"]) for p in P]
        full = [
            tok(p + c, add_special_tokens=False)["input_ids"] for p, c in zip(P, C, strict=False)
        ]
        L = max(map(len, full))
        ids = torch.full((len(full), L), tok.pad_token_id)
        att = torch.zeros_like(ids)
        for r, f in enumerate(full):
            ids[r, : len(f)] = torch.tensor(f)
            att[r, : len(f)] = 1
        logits = model(input_ids=ids, attention_mask=att).logits.log_softmax(-1)
        for r, f in enumerate(full):
            lp = sum(logits[r, t - 1, f[t]].item() for t in range(plen[r], len(f)))
            res.append((lp, len(f) - plen[r]))
    return res


result = {}
for name, rows in sets.items():
    t = time.time()
    qs = [r["question"] for r in rows]
    prompts = encode_prompts(tok, qs)
    greedy = gen(prompts)
    jobs = []  # (row index, family)
    for i, r in enumerate(rows):
        gtask = read_candidate(greedy[i], r["question"]).task
        probs = clf[r["question"]]
        cands = [f for f, p in sorted(probs.items(), key=lambda x: -x[1])[:3] if p >= 0.02]
        for f in set(cands) | ({gtask} if gtask else set()):
            jobs.append((i, f))
    lps = logprob([prompts[i] for i, f in jobs], [prefix(f) for i, f in jobs])
    need = [(i, f) for i, f in jobs if f != read_candidate(greedy[i], rows[i]["question"]).task]
    forced = gen([prompts[i] + prefix(f) for i, f in need])
    forced_by = {(i, f): prefix(f) + o for (i, f), o in zip(need, forced, strict=False)}
    raw = {"greedy": greedy, "jobs": jobs, "lps": lps, "forced": forced, "need": need}
    Path(out_path + "." + name + ".raw").write_text(json.dumps(raw))
    recs = []
    for i, r in enumerate(rows):

        def sc(reply, r=r):
            s = score_reply(
                reply,
                r["answer"],
                r["unit"],
                r.get("tolerance"),
                sign_free=r.get("sign_free", False),
            )
            c = read_candidate(reply, r["question"])
            return {
                "reply": reply,
                "correct": s.correct,
                "task": c.task,
                "votes": c.votes,
                "value": c.value,
            }

        g = sc(greedy[i])
        cand = {}
        for (j, f), lp in zip(jobs, lps, strict=False):
            if j != i:
                continue
            rep = forced_by.get((i, f), greedy[i])
            cand[f] = dict(sc(rep), lp=lp[0], ntok=lp[1], clf=clf[r["question"]].get(f, 0.0))
        recs.append({"id": r["id"], "family": r["family"], "greedy": g, "cands": cand})
    result[name] = recs
    print(name, len(rows), len(jobs), len(need), "%.0fs" % (time.time() - t), flush=True)
Path(out_path).write_text(json.dumps(result))

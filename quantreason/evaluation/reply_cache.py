"""Greedy replies of finished batches, kept on disk so that an interrupted evaluation resumes.

An evaluation of the full profile runs for over an hour on a 2-core CPU, and its greedy pass is
most of that. Every batch the greedy pass finishes is appended to one JSONL file in the output
directory (one line a batch, flushed and synced), keyed by a sha256 over the cache's scope
(:func:`reply_scope`: the base model's and the adapter's files, device, dtype, token budget,
generation code, library versions) and the batch's prompts. A resumed run answers a batch it
finds there instead of generating it; since a batch's make-up depends only on the questions and
the batch size, the resumed run's replies are the ones the uninterrupted run would have
written. Sampled replies (votes, retries) are drawn again: their seeds make them the same. A
line cut short by a kill is ignored. One evaluation at a time per output directory: a run
without resume starts the file afresh.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from quantreason.hashing import directory_fingerprint, sha256_file

log = logging.getLogger(__name__)

REPLY_CACHE = "reply_cache.jsonl"  # in the evaluation's output directory
# Tests: the process dies (like a kill) right after keeping this many batches (all models).
FAIL_AT_BATCH_ENV = "QUANTREASON_FAIL_AT_BATCH"
_KEPT_IN_PROCESS = itertools.count(1)


def evaluation_scope(
    base_path: str,
    *,
    device: str,
    dtype: str,
    max_new_tokens: int,
    versions: Mapping[str, str],
) -> dict[str, Any]:
    """What every model of one evaluation shares and its greedy replies (stopped at the
    answer) depend on: the base model's files, where and in which format it runs, the token
    budget, the decoding code and the libraries. Computed once per evaluation (it reads the
    base model's files); :func:`reply_scope` adds the adapter."""
    from quantreason.imports import module_closure

    decoding = hashlib.sha256()
    for source in module_closure("quantreason.generation", "quantreason.stopping"):
        decoding.update(sha256_file(source).encode())
    return {
        "base": directory_fingerprint(base_path),
        "device": device,
        "dtype": dtype,
        "max_new_tokens": max_new_tokens,
        "stop_at_answer": True,
        "decoding_code": decoding.hexdigest(),
        "versions": dict(versions),
    }


def reply_scope(shared: Mapping[str, Any], adapter: str | Path | None) -> dict[str, Any]:
    """One model's scope: the evaluation's (:func:`evaluation_scope`) and the files of the
    adapter merged into the base model, if any."""
    return {
        **shared,
        "adapter": directory_fingerprint(adapter) if adapter is not None else None,
    }


class ReplyCache:
    """A :class:`quantreason.generation.BatchStore` on disk for one model's greedy replies.

    ``scope`` names everything besides the prompts that the replies depend on; two caches with
    different scopes can share one file without ever answering for each other. ``hits``
    counts the batches answered from what an earlier attempt kept."""

    def __init__(self, path: str | Path, scope: Mapping[str, Any]) -> None:
        self.path = Path(path)
        self._scope = json.dumps(dict(scope), sort_keys=True)
        self._kept: dict[str, list[str]] = {}
        self._earlier: set[str] = set()  # keys an earlier attempt wrote
        self._torn = False  # the file ends inside a line: the next put starts a new one
        self._fail_at = int(os.environ.get(FAIL_AT_BATCH_ENV, "0") or 0)
        self.hits = 0
        if self.path.is_file():
            self._load()

    def _key(self, prompts: Sequence[str]) -> str:
        text = json.dumps([self._scope, list(prompts)], ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    def _load(self) -> None:
        text = self.path.read_text()
        self._torn = bool(text) and not text.endswith("\n")
        torn = 0
        for line in text.splitlines():
            try:
                row = json.loads(line)
                key, replies = row["key"], row["replies"]
            except (json.JSONDecodeError, KeyError, TypeError):
                torn += 1  # a write cut short by the interruption
                continue
            if isinstance(key, str) and isinstance(replies, list):
                self._kept[key] = [str(reply) for reply in replies]
        self._earlier = set(self._kept)
        if torn:
            log.warning("%s: ignored %d unreadable line(s)", self.path, torn)

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, prompts: Sequence[str]) -> list[str] | None:
        key = self._key(prompts)
        replies = self._kept.get(key)
        if replies is None or len(replies) != len(prompts):
            return None
        self.hits += key in self._earlier
        return list(replies)

    def put(self, prompts: Sequence[str], replies: Sequence[str]) -> None:
        if len(replies) != len(prompts):
            raise ValueError(f"{len(replies)} replies for {len(prompts)} prompts")
        key = self._key(prompts)
        self._kept[key] = list(replies)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a") as handle:
            if self._torn:  # never join the line a kill cut short
                handle.write("\n")
                self._torn = False
            handle.write(json.dumps({"key": key, "replies": list(replies)}) + "\n")
            handle.flush()
            os.fsync(handle.fileno())
        if self._fail_at and next(_KEPT_IN_PROCESS) == self._fail_at:
            os._exit(137)  # like a kill: nothing else flushed, nothing cleaned up

"""Greedy replies of finished batches, kept on disk so that an interrupted evaluation resumes.

An evaluation of the full profile runs for over an hour on a 2-core CPU, and its greedy pass is
most of that. Every batch the greedy pass finishes is appended to one JSONL file in the output
directory (one line a batch, flushed and synced), keyed by a sha256 over the cache's scope (the
model and adapter weights, dtype, token budget, library versions) and the batch's prompts. A
resumed run answers a batch it finds there instead of generating it; since a batch's make-up
depends only on the questions and the batch size, the resumed run's replies are the ones the
uninterrupted run would have written. Sampled replies (votes, retries) are drawn again: their
seeds make them the same. A line cut short by a kill is ignored.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

REPLY_CACHE = "reply_cache.jsonl"  # in the evaluation's output directory


class ReplyCache:
    """A :class:`quantreason.generation.BatchStore` on disk for one model's greedy replies.

    ``scope`` names everything besides the prompts that the replies depend on; two caches with
    different scopes can share one file without ever answering for each other."""

    def __init__(self, path: str | Path, scope: Mapping[str, Any]) -> None:
        self.path = Path(path)
        self._scope = json.dumps(dict(scope), sort_keys=True)
        self._kept: dict[str, list[str]] = {}
        self.hits = 0
        if self.path.is_file():
            self._load()

    def _key(self, prompts: Sequence[str]) -> str:
        text = json.dumps([self._scope, list(prompts)], ensure_ascii=False)
        return hashlib.sha256(text.encode()).hexdigest()

    def _load(self) -> None:
        text = self.path.read_text()
        if text and not text.endswith("\n"):
            with self.path.open("a") as handle:  # the next line must not join a torn one
                handle.write("\n")
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
        if torn:
            log.warning("%s: ignored %d unreadable line(s)", self.path, torn)

    def __len__(self) -> int:
        return len(self._kept)

    def get(self, prompts: Sequence[str]) -> list[str] | None:
        replies = self._kept.get(self._key(prompts))
        if replies is None or len(replies) != len(prompts):
            return None
        self.hits += 1
        return list(replies)

    def put(self, prompts: Sequence[str], replies: Sequence[str]) -> None:
        if len(replies) != len(prompts):
            raise ValueError(f"{len(replies)} replies for {len(prompts)} prompts")
        key = self._key(prompts)
        self._kept[key] = list(replies)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self.path.open("a") as handle:
            handle.write(json.dumps({"key": key, "replies": list(replies)}) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

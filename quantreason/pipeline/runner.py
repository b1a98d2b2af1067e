"""A small content-addressed stage runner: a stage is skipped when its outputs are up to date.

Each stage records, in ``<run>/<stage>.stage.json``, the hash of its inputs (its settings plus
the output hashes of the stages it reads) and the sha256 of each output file. On a re-run a stage
is skipped when the input hash is unchanged and every recorded output still has its hash, so an
interrupted pipeline resumes where it stopped and ``--force`` redoes everything.

A stage that can pick up its own work (training, from its last checkpoint) gives ``resume``:
the runner notes the input hash in ``<stage>.running.json`` before the stage starts and removes
the note when it ends, so a note with the same inputs means the last attempt was interrupted
with nothing changed since, and ``resume`` runs instead of ``run``.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from quantreason.hashing import sha256_file


def hash_files(paths: Iterable[Path], relative_to: Path | None = None) -> dict[str, str]:
    """sha256 of every file under the given files/directories, keyed by path: relative to
    ``relative_to`` for the files under it (a key must not change when the directory moves),
    absolute for the others."""
    hashes: dict[str, str] = {}
    for path in paths:
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for file in files:
            if file.exists():
                inside = relative_to is not None and file.is_relative_to(relative_to)
                hashes[file.relative_to(relative_to).as_posix() if inside else str(file)] = (
                    sha256_file(file)
                )
    return hashes


def hash_json(value: Any) -> str:
    """Stable sha256 of a JSON-serialisable value."""
    return hashlib.sha256(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


@dataclass
class Stage:
    """One pipeline step: what it depends on, what it writes, and how to run it."""

    name: str
    description: str
    run: Callable[[], dict[str, Any] | None]
    outputs: list[Path]
    settings: dict[str, Any] = field(default_factory=dict)
    after: list[str] = field(default_factory=list)
    # Continues an interrupted attempt with the same inputs (None: the stage always starts over).
    resume: Callable[[], dict[str, Any] | None] | None = None


@dataclass
class StageResult:
    """What happened to a stage in this run."""

    name: str
    description: str
    skipped: bool
    seconds: float
    summary: dict[str, Any]
    resumed: bool = False  # continued an interrupted attempt (``Stage.resume``)


class StageRunner:
    """Runs stages in order, skipping those whose recorded inputs and outputs still match."""

    def __init__(self, state_dir: Path, *, force: bool = False) -> None:
        self.state_dir = state_dir
        self.force = force
        self.output_hashes: dict[str, dict[str, str]] = {}
        self.results: list[StageResult] = []
        state_dir.mkdir(parents=True, exist_ok=True)

    def _hash_outputs(self, stage: Stage) -> dict[str, str]:
        # Keyed relative to the run directory, so a copied or moved run is still up to date.
        return hash_files(stage.outputs, relative_to=self.state_dir.parent)

    def _state_path(self, stage: Stage) -> Path:
        return self.state_dir / f"{stage.name}.stage.json"

    def _running_path(self, stage: Stage) -> Path:
        return self.state_dir / f"{stage.name}.running.json"

    def was_interrupted(self, stage: Stage) -> bool:
        """True when an earlier attempt at this stage, with the same inputs, never finished."""
        path = self._running_path(stage)
        if self.force or not path.exists():
            return False
        return json.loads(path.read_text()).get("inputs_hash") == self._inputs_hash(stage)

    def _inputs_hash(self, stage: Stage) -> str:
        upstream = {name: self.output_hashes.get(name, {}) for name in stage.after}
        return hash_json({"settings": stage.settings, "upstream": upstream})

    def is_up_to_date(self, stage: Stage) -> bool:
        """True when the stage ran before with the same inputs and its outputs are unchanged."""
        path = self._state_path(stage)
        if self.force or not path.exists():
            return False
        state = json.loads(path.read_text())
        if state.get("inputs_hash") != self._inputs_hash(stage):
            return False
        recorded: dict[str, str] = state.get("outputs", {})
        if not recorded or not all(Path(p).exists() for p in map(str, stage.outputs)):
            return False
        return self._hash_outputs(stage) == recorded

    def run(
        self, stage: Stage, on_start: Callable[[Stage, str], None] | None = None
    ) -> StageResult:
        """Run (or skip, or resume) one stage and record its outputs; ``on_start`` hears which:
        ``"skip"``, ``"resume"`` or ``"run"``."""
        up_to_date = self.is_up_to_date(stage)
        resuming = not up_to_date and stage.resume is not None and self.was_interrupted(stage)
        if on_start is not None:
            on_start(stage, "skip" if up_to_date else "resume" if resuming else "run")
        started = time.perf_counter()
        if up_to_date:
            state = json.loads(self._state_path(stage).read_text())
            self.output_hashes[stage.name] = state["outputs"]
            result = StageResult(
                stage.name, stage.description, True, state.get("seconds", 0.0), state["summary"]
            )
        else:
            running = self._running_path(stage)
            running.write_text(json.dumps({"inputs_hash": self._inputs_hash(stage)}) + "\n")
            summary = (stage.resume() if resuming and stage.resume else stage.run()) or {}
            running.unlink()
            seconds = time.perf_counter() - started
            missing = [str(p) for p in stage.outputs if not p.exists()]
            if missing:
                raise RuntimeError(f"stage {stage.name!r} did not write {missing}")
            outputs = self._hash_outputs(stage)
            self.output_hashes[stage.name] = outputs
            self._state_path(stage).write_text(
                json.dumps(
                    {
                        "inputs_hash": self._inputs_hash(stage),
                        "outputs": outputs,
                        "seconds": round(seconds, 1),
                        "summary": summary,
                    },
                    indent=2,
                    sort_keys=True,
                )
                + "\n"
            )
            result = StageResult(
                stage.name, stage.description, False, seconds, summary, resumed=resuming
            )
        self.results.append(result)
        return result

"""Training progress on rank 0 (other ranks stay silent): a rich progress bar on a terminal,
and plain log lines where nobody watches a terminal (a pipeline's log file, a SageMaker job's
CloudWatch stream), so that a two-hour run is never silent until its end.

The log lines carry ``loss=`` and ``tok/s=``; :data:`METRIC_DEFINITIONS` are the regular
expressions a SageMaker training job reads them with (its console's loss and throughput plots).
"""

from __future__ import annotations

import logging
import time
from types import TracebackType
from typing import Any

log = logging.getLogger(__name__)

LOG_LINES = 20  # plain lines per run (one every 5 % of the steps), plus the last step
METRIC_DEFINITIONS = (
    {"Name": "train:loss", "Regex": r"loss=([0-9.]+)"},
    {"Name": "train:tokens_per_s", "Regex": r"tok/s=([0-9.]+)"},
)


def progress_line(record: dict[str, Any], total: int, elapsed_s: float, done: int) -> str:
    """``step 120/765 loss=0.0312 tok/s=440 elapsed 13.2 min, ~71.0 min left`` (the time left
    from this attempt's pace over its ``done`` steps)."""
    left = (total - record["step"]) * elapsed_s / max(done, 1)
    return (
        f"step {record['step']}/{total} loss={record['loss']:.4f} "
        f"tok/s={record['tokens_per_s']:.0f} elapsed {elapsed_s / 60:.1f} min, "
        f"~{left / 60:.1f} min left"
    )


class StepProgress:
    """Shows step, loss and tokens/s; a no-op when ``enabled`` is false. ``interactive``
    (default: whether stdout is a terminal) picks the bar over the log lines."""

    def __init__(
        self, total: int, completed: int, enabled: bool, interactive: bool | None = None
    ) -> None:
        self.enabled = enabled
        self.total = total
        self._progress: Any = None
        self._task: Any = None
        self._every = max(1, total // LOG_LINES)
        self._started = time.perf_counter()
        self._done = 0
        if not enabled:
            return
        from rich.console import Console

        if interactive is None:
            interactive = Console().is_terminal
        if interactive:
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("[bold]train"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("loss {task.fields[loss]}  {task.fields[tps]} tok/s"),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
            )
            self._task = self._progress.add_task(
                "train", total=total, completed=completed, loss="-", tps="-"
            )

    def __enter__(self) -> StepProgress:
        if self._progress is not None:
            self._progress.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._progress is not None:
            self._progress.stop()

    def advance(self, record: dict[str, Any]) -> None:
        """One step done; ``record`` is the step's metrics."""
        if not self.enabled:
            return
        self._done += 1
        if self._progress is not None:
            self._progress.update(
                self._task,
                advance=1,
                loss=f"{record['loss']:.4f}",
                tps=f"{record['tokens_per_s']:.0f}",
            )
        elif self._done == 1 or record["step"] % self._every == 0 or record["step"] == self.total:
            elapsed = time.perf_counter() - self._started
            log.info(progress_line(record, self.total, elapsed, self._done))

"""Training progress where no terminal watches: plain lines SageMaker's metric regexes read."""

from __future__ import annotations

import logging
import re

from quantreason.training.progress import METRIC_DEFINITIONS, StepProgress, progress_line


def _record(step: int) -> dict:
    return {"step": step, "loss": 2.0 / step, "tokens_per_s": 400.0 + step}


def test_a_progress_line_says_step_loss_speed_and_time_left() -> None:
    # 120 of 765 steps in 792 s: 6.6 s a step, 645 steps left = 4,257 s = 71.0 min.
    line = progress_line({"step": 120, "loss": 0.03121, "tokens_per_s": 440.4}, 765, 792.0, 120)
    assert line == "step 120/765 loss=0.0312 tok/s=440 elapsed 13.2 min, ~71.0 min left"
    found = {d["Name"]: re.search(d["Regex"], line).group(1) for d in METRIC_DEFINITIONS}
    assert found == {"train:loss": "0.0312", "train:tokens_per_s": "440"}


def test_without_a_terminal_rank_zero_logs_every_twentieth_of_the_run(caplog) -> None:
    caplog.set_level(logging.INFO, logger="quantreason.training.progress")
    # A resumed run: steps 11-40 of 40; lines every 2 steps (40 // 20), the first and the last.
    with StepProgress(40, 10, enabled=True, interactive=False) as progress:
        for step in range(11, 41):
            progress.advance(_record(step))
    steps = [int(re.match(r"step (\d+)/40 ", m).group(1)) for m in caplog.messages]
    assert steps == [11, *range(12, 41, 2)]


def test_other_ranks_and_terminals_write_no_lines(caplog) -> None:
    caplog.set_level(logging.INFO, logger="quantreason.training.progress")
    for enabled, interactive in ((False, False), (True, True)):
        with StepProgress(4, 0, enabled=enabled, interactive=interactive) as progress:
            for step in range(1, 5):
                progress.advance(_record(step))
    assert caplog.messages == []

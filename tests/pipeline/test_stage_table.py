"""The report's stage table: what each stage cost, a resumed training run counted whole."""

from quantreason.pipeline.report import stage_table
from quantreason.pipeline.runner import StageResult


def _rows(table: str) -> dict[str, list[str]]:
    cells = [[c.strip() for c in line.strip("|").split("|")] for line in table.splitlines()[2:]]
    return {row[0]: row[1:] for row in cells}


def test_a_resumed_training_counts_every_steps_time_over_all_attempts() -> None:
    table = stage_table(
        [
            StageResult("data", "generate", True, 30.0, {}),
            # this attempt ran 5 minutes; the steps of both attempts took 96
            StageResult("train", "LoRA", False, 300.0, {"step_seconds": 5760.0}, resumed=True),
            StageResult("eval", "evaluate", False, 720.0, {}),
        ]
    )
    rows = _rows(table)
    assert rows["train"][1] == "96.0 min"
    assert "5.0 min this attempt" in rows["train"][2]
    assert rows["**total**"][1] == "**108.5 min**"  # 0.5 + 96 + 12


def test_other_stages_show_their_own_time() -> None:
    rows = _rows(
        stage_table(
            [
                StageResult("train", "LoRA", False, 600.0, {"step_seconds": 550.0}),
                StageResult("serve", "bench", False, 60.0, {}, resumed=True),
            ]
        )
    )
    assert rows["train"][1:] == ["10.0 min", "ran"]  # not resumed: the stage's wall time
    assert rows["serve"][2] == "resumed (time of this attempt only)"  # no step times to sum
    assert rows["**total**"][1] == "**11.0 min**"

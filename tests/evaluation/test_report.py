import json
from pathlib import Path

from quantreason.evaluation.report import markdown_report, plot_accuracy, summarise


def pred(model: str, split: str, family: str, correct: bool, stated: bool, parsed: bool = True):
    return {
        "model": model, "split": split, "family": family, "id": f"{family}-x",
        "question": "q?", "expected": 1.5, "unit": "ratio", "reply": "Answer: 9",
        "correct": correct, "stated_correct": stated, "parse_failed": not parsed,
        "formula_value": None, "stated_value": 9.0,
    }  # fmt: skip


PREDICTIONS = [
    pred("base", "test", "beta", False, False, parsed=False),
    pred("base", "test", "cagr", False, False),
    pred("base", "test", "cagr", True, False),
    pred("finetuned", "test", "beta", True, False),
    pred("finetuned", "test", "cagr", True, True),
    pred("finetuned", "test", "cagr", False, False),
]


def test_rows_per_model_split_family_with_all_first() -> None:
    rows = summarise(PREDICTIONS)
    keys = [(r["model"], r["family"]) for r in rows]
    assert keys == [
        ("base", "all"), ("base", "beta"), ("base", "cagr"),
        ("finetuned", "all"), ("finetuned", "beta"), ("finetuned", "cagr"),
    ]  # fmt: skip
    base_all, ft_all = rows[0], rows[3]
    assert (base_all["n"], base_all["correct"], base_all["parse_failures"]) == (3, 1, 1)
    assert (ft_all["correct"], ft_all["stated_correct"]) == (2, 1)
    assert ft_all["accuracy"] == 2 / 3 and ft_all["stated_accuracy"] == 1 / 3
    assert ft_all["ci_low"] < ft_all["accuracy"] < ft_all["ci_high"]
    required = {"model", "split", "family", "n", "correct", "accuracy", "ci_low", "ci_high",
                "parse_failures"}  # fmt: skip
    assert all(required <= row.keys() for row in rows)
    json.dumps(rows)  # plain JSON


def test_markdown_has_headline_per_family_and_failures(tmp_path: Path) -> None:
    rows = summarise(PREDICTIONS)
    failures = [p for p in PREDICTIONS if not p["correct"]]
    text = markdown_report(rows, failures)
    assert "| test | 3 | 33.3 % [" in text
    assert "66.7 % [" in text
    assert "### test by family" in text and "| cagr | 2 |" in text
    # examples are the fine-tuned model's failures when there is a fine-tuned model
    assert "**finetuned / test / cagr / cagr-x**" in text
    assert "**base /" not in text
    plot_accuracy(rows, tmp_path / "accuracy.png")
    assert (tmp_path / "accuracy.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_the_n_column_shows_each_models_count_when_they_differ() -> None:
    base_subset = [p for p in PREDICTIONS if p["model"] == "base"][:1]
    rows = summarise(base_subset + [p for p in PREDICTIONS if p["model"] == "finetuned"])
    text = markdown_report(rows)
    assert "| test | 1 / 3 | " in text  # base on 1 question, fine-tuned on 3
    assert "| test | 3 | " not in text


def test_base_only_report_has_no_finetuned_columns() -> None:
    rows = summarise([p for p in PREDICTIONS if p["model"] == "base"])
    text = markdown_report(rows)
    assert "finetuned" not in text and "base (formula)" in text


def test_a_model_that_stated_no_number_gets_a_dash_not_zero_percent() -> None:
    silent = [p | {"stated_value": None} for p in PREDICTIONS if p["model"] == "finetuned"]
    rows = summarise([p for p in PREDICTIONS if p["model"] == "base"] + silent)
    ft_all = next(r for r in rows if r["model"] == "finetuned" and r["family"] == "all")
    assert ft_all["stated_answers"] == 0
    lines = markdown_report(rows).splitlines()
    headline = next(line for line in lines if line.startswith("| test |"))
    # base (formula), base (stated), finetuned (formula), finetuned (stated), parse failures
    cells = [c.strip() for c in headline.strip("|").split("|")][2:]
    assert cells[1] != "–" and cells[2].startswith("66.7 %") and cells[3] == "–"


def test_task_check_summary_counts_what_the_rewrite_changed() -> None:
    from quantreason.evaluation.report import task_check_markdown, task_check_summary

    def prediction(split: str, rewritten: bool, first: bool, now: bool) -> dict:
        row = {"split": split, "correct": now, "task_check": {"rewritten": rewritten}}
        return row | ({"first_correct": first} if rewritten else {})

    predictions = [
        prediction("dev", True, False, True),  # fixed
        prediction("dev", True, True, False),  # broken
        prediction("dev", True, False, True),  # fixed
        prediction("dev", False, False, True),  # untouched
        prediction("test", False, False, False),
        {"split": "dev", "correct": True},  # the base model: not checked
    ]
    summary = task_check_summary(predictions)
    assert summary == {
        "dev": {"n": 4, "rewritten": 3, "first_right": 1, "right_after": 2},
        "test": {"n": 1, "rewritten": 0, "first_right": 0, "right_after": 0},
    }
    table = task_check_markdown(summary)
    assert "| dev | 4 | 3 | 1 | 2 | +1 |" in table and "| test | 1 | 0 | 0 | 0 | +0 |" in table

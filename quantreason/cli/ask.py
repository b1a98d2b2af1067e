"""``quantreason ask``: answer a question (or a file of them) locally with the endpoint's own
predictor, showing the formula, the computed answer, the confidence and whether it abstained."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from quantreason.cli.options import (
    RetryOption,
    TaskClassifierOption,
    latest_run,
    task_classifier_or_latest,
)
from quantreason.cli.output import fail
from quantreason.consensus import CHECKED_RETRY
from quantreason.generation import DEFAULT_MAX_NEW_TOKENS

CHUNK = 16  # questions per predictor call (the endpoint's default request limit)


def register(app: typer.Typer) -> None:
    """Add this area's commands to ``app``."""
    app.command("ask")(ask)


def read_questions(question: str | None, file: Path | None) -> list[str]:
    """The question argument, or the questions of ``file``: one per line, or JSONL rows with a
    ``question`` field (blank lines skipped). ``ValueError`` naming the problem otherwise."""
    if (question is None) == (file is None):
        raise ValueError("give either a QUESTION or --file PATH")
    if question is not None:
        if not question.strip():
            raise ValueError("the question is empty")
        return [question.strip()]
    assert file is not None
    if not file.is_file():
        raise ValueError(f"{file} is not a file")
    questions = []
    for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
        text = line.strip()
        if not text:
            continue
        if text.startswith("{"):
            try:
                text = str(json.loads(text)["question"]).strip()
            except (json.JSONDecodeError, KeyError, TypeError):
                raise ValueError(f"{file}:{number}: a JSON line needs a 'question' field") from None
        questions.append(text)
    if not questions:
        raise ValueError(f"{file} holds no questions")
    return questions


def read_as(question: str) -> str | None:
    """The question as the model read it, where that differs from what was typed (numbers
    rewritten, "3,8 %" -> "3.8 %", or pasted rows paired); None where it reads as typed."""
    from quantreason.reply import question_as_read

    read = question_as_read(question)
    return read if read != question.strip() else None


def ask(
    question: Annotated[str | None, typer.Argument(help="The question, in quotes.")] = None,
    file: Annotated[
        Path | None,
        typer.Option("--file", help="Questions, one per line (or JSONL with 'question')."),
    ] = None,
    adapter: Annotated[
        Path | None,
        typer.Option("--adapter", help="Adapter (model) directory; default: the last run's."),
    ] = None,
    base: Annotated[
        str | None, typer.Option("--base", help="Base model spec; default: the last run's.")
    ] = None,
    samples: Annotated[
        int, typer.Option("--samples", min=0, max=16, help="Sampled replies besides greedy.")
    ] = 4,
    retry: RetryOption = CHECKED_RETRY,
    threshold: Annotated[
        float,
        typer.Option("--threshold", min=0.0, max=1.0, help="Abstain below this confidence."),
    ] = 0.0,
    max_new_tokens: Annotated[
        int, typer.Option("--max-new-tokens", min=1)
    ] = DEFAULT_MAX_NEW_TOKENS,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
    task_classifier: TaskClassifierOption = None,
) -> None:
    """Answer questions locally with the same predictor as the endpoint (the checked vote)."""
    from quantreason.consensus import SelfConsistency
    from quantreason.serving.predictor import load_predictor
    from quantreason.serving.protocol import InferenceRequest
    from quantreason.serving.settings import ServingSettings

    try:
        questions = read_questions(question, file)
    except ValueError as err:
        fail(err)
    if base is None or adapter is None:
        latest = latest_run()
        if base is None and adapter is None and not latest:
            fail("no --base/--adapter and no previous pipeline run: run 'quantreason pipeline'")
        base = base or latest.get("base", "embedded")
        if adapter is None and latest.get("adapter"):
            adapter = Path(latest["adapter"])
    settings = ServingSettings(
        base_model=base,
        warmup=False,
        self_consistency=SelfConsistency(samples=samples, threshold=threshold, retry_samples=retry),
    )
    predictor = load_predictor(
        adapter, settings, task_classifier_or_latest(task_classifier, adapter)
    )
    records: list[dict[str, Any]] = []
    for start in range(0, len(questions), CHUNK):
        chunk = tuple(questions[start : start + CHUNK])
        answered = predictor.predict(InferenceRequest(chunk, False, max_new_tokens))
        assert isinstance(answered, list)
        records += [
            {"question": q, "read_as": read_as(q), **r}
            for q, r in zip(chunk, answered, strict=True)
        ]
    if as_json:
        for record in records:
            typer.echo(json.dumps(record, sort_keys=True))
        return
    _print(records)


def _print(records: list[dict[str, Any]]) -> None:
    from rich.console import Console

    from quantreason.reply import format_answer_number, unit_symbol

    console = Console(soft_wrap=True)
    for record in records:
        console.print(f"[bold]Q:[/] {record['question']}", markup=True, highlight=False)
        if record.get("read_as"):
            # the numbers the model was given, where they differ from what was typed
            console.print(f"  read as:    {record['read_as']}", markup=False, highlight=False)
        console.print(f"  formula:    {record['formula']}", markup=False, highlight=False)
        if record["abstained"]:
            answer = f"abstained ({record['abstain_reason']})"
        elif record["answer"] is None:
            answer = f"none ({record.get('formula_error') or 'no number in the reply'})"
        else:
            symbol = unit_symbol(record["unit"])
            answer = f"{format_answer_number(record['answer'])} {symbol}".rstrip()
        console.print(f"  answer:     {answer}", markup=False, highlight=False)
        # the task the reply's reasoning sentence names: what the model took the question for
        console.print(f"  task:       {record.get('task') or 'unknown'}", markup=False)
        check = record.get("task_check")
        if check is not None and check["rewritten"]:
            # the reply first named another task than the question reads as: say so
            console.print(
                f"  rewritten:  the model first named {check['reply_task'] or 'no task'}; the "
                f"question reads as {check['question_task']} (p = {check['probability']:.2f})",
                markup=False,
                highlight=False,
            )
        console.print(
            f"  confidence: {record['confidence']:.2f} of {record['samples'] + 1} replies, "
            f"grounded: {'yes' if record['grounded'] else 'no'}, "
            f"fits its task: {'yes' if record.get('fits_task') else 'no'}",
            markup=False,
            highlight=False,
        )

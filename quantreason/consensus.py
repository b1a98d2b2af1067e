"""Self-consistency and grounding at answer time: one rule for evaluation, serving and the CLI.

Given the greedy reply and ``k`` sampled replies to one question, every reply's formula is
evaluated (:mod:`quantreason.formula`, never ``eval``). A formula is *grounded* when every number
it writes is in the question, is a structural constant (:data:`STRUCTURAL_CONSTANTS`), or is
implied by a word in the question ("quarterly" gives 4, "daily" 365/360/252, "2 million"
2000000). It *fits its task* when its shape is one the task its reply names teaches
(:mod:`quantreason.tasks.shapes`: ``pv(6, 20, 12000)`` for a 6 % annuity does not), cancels no
number against itself, divides a yearly rate only by a frequency the question names
(:mod:`quantreason.frequency`: ``/100/3`` for "three-monthly" does not), lists no cash flow
more often than the question gives it, puts a long option's breakeven on the side of its
strike the question's call or put says and moves each cash flow the way the question says
(:mod:`quantreason.reading_checks`), and puts no number
in a parameter's place it could not hold (``((7/3595)**(1/2140)-1)``: 2140 years), and its
value has a sign the task's taught formulas give (``floor(40000*2/100/(1.60-2))``: a negative
number of shares; :func:`quantreason.tasks.shapes.untaught_sign`). Replies
that are both vote for their value; replies that agree within
:data:`AGREEMENT_TOLERANCE` form one group; the largest group wins (ties: the group holding the
greedy reply, then the earliest). ``confidence`` is the winning group's share of *all* replies,
so ungrounded or unreadable replies lower it. Below a threshold the caller may abstain.
"""

from __future__ import annotations

import ast
import functools
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from quantreason.amounts import NUMBER_WORDS, scaled_amounts
from quantreason.formula import syntax_tree
from quantreason.frequency import (
    count_read_as_years,
    days_read_as_years,
    frequency_mismatch,
    named_periods,
    years_read_as_count,
)
from quantreason.reading_checks import flow_direction, option_side, repeated_flow, stdev_basis
from quantreason.reply import interpret_response, question_as_read, split_response
from quantreason.tasks import family_for_reasoning
from quantreason.tasks.shapes import (
    copied_numbers,
    fits_task,
    misplaced_numbers,
    untaught_sign,
)

if TYPE_CHECKING:
    from quantreason.generation import LoadedModel, Sampler

# Numbers a formula may write that a question need not show: conversions and periods.
STRUCTURAL_CONSTANTS = frozenset({1.0, 2.0, 3.0, 12.0, 100.0, 252.0, 52.0})
AGREEMENT_TOLERANCE = 1e-4  # relative: two formulas "agree" when their values match this closely

_NUMBER_RE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")
# A number grouped in thousands ("1,250,000", "2,500.75"), not a list of numbers: the first group
# follows no digit or decimal point, so "357.08,341.98" (two CSV fields) is not one number.
_GROUPED_RE = re.compile(r"(?<![\d.])(?<!\d,)\d{1,3}(?:,\d{3})+(?!\d|,\d)")
# Words that imply a number the formula may use besides periods a year
# (:func:`quantreason.frequency.named_periods`): months, days a week, multiples.
_IMPLIED: tuple[tuple[re.Pattern[str], tuple[float, ...]], ...] = (
    (re.compile(r"semi-?annual|half-?year|six-?month|twice|every 6 months", re.I), (6.0,)),
    (re.compile(r"\bweek", re.I), (7.0,)),
    # "25 bp", and "25bp" written against its number
    (re.compile(r"basis points?|(?<![a-z])bps?\b", re.I), (10000.0,)),
    # a forward's points or pips are its price gap times 10,000 (times 100 for yen: structural)
    (re.compile(r"\bpips?\b|\b(?:forward|swap) points\b", re.I), (10000.0,)),
    (re.compile(r"\btriple", re.I), (3.0,)),
    (re.compile(r"\bquadruple", re.I), (4.0,)),
)


def question_numbers(question: str) -> set[float]:
    """Every number a formula may use for ``question``: shown, scaled, implied or structural."""
    return shown_numbers(question) | STRUCTURAL_CONSTANTS


@functools.lru_cache(maxsize=256)  # read_candidate reads one question ~3 times per reply
def ungrouped_question(question: str) -> str:
    """``question`` as the model reads it (:func:`quantreason.reply.question_as_read`), with
    thousands separators dropped."""
    text = question_as_read(question)
    return _GROUPED_RE.sub(lambda m: m.group().replace(",", ""), text)


def shown_counts(question: str) -> Counter[float]:
    """How many times ``question`` gives each number: as written, scaled ("$12.8k" once more as
    12800) or implied by a word ("quarterly" 4, "daily" 365, 360 and 252, "twice" 6 months)."""
    text = ungrouped_question(question)
    counts = Counter(float(m) for m in _NUMBER_RE.findall(text))
    counts.update(amount for amount, _ in scaled_amounts(text))  # "$1.2M": 1200000
    implied = set(named_periods(text))  # "quarterly": 4, "daily": 365, 360, 252
    for pattern, numbers in _IMPLIED:
        if pattern.search(text):
            implied.update(numbers)
    words = set(re.findall(r"[a-z]+", text.lower()))
    implied.update(value for word, value in NUMBER_WORDS.items() if word in words)
    counts.update(implied)
    return counts


def shown_numbers(question: str) -> set[float]:
    """The numbers ``question`` shows, scaled ("2 million") or implies ("quarterly" 4)."""
    return set(shown_counts(question))


def ungrounded_numbers(formula: str, question: str) -> list[str]:
    """The literals of ``formula`` that ``question`` does not account for (empty: grounded)."""
    allowed = question_numbers(question)
    return [lit for lit in _NUMBER_RE.findall(formula) if float(lit) not in allowed]


def self_cancelling(formula: str, question: str) -> str | None:
    """The part of ``formula`` that subtracts or divides a term by itself, when that term holds a
    number the question shows only once (``(36.18-36.18)``, ``(8976/8976)``: a value copied into
    the slot of another, the result 0 or 1 whatever the data); None when there is none. A number
    the question shows twice (a price bought and sold at 50) may cancel."""
    tree = syntax_tree(formula)
    if tree is None:
        return None
    shown = Counter(float(m) for m in _NUMBER_RE.findall(ungrouped_question(question)))
    for node in ast.walk(tree):
        if not (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub | ast.Div)):
            continue
        if ast.dump(node.left) != ast.dump(node.right):
            continue
        numbers = [
            float(n.value)
            for n in ast.walk(node.left)
            if isinstance(n, ast.Constant) and isinstance(n.value, int | float)
        ]
        if any(shown[v] == 1 and v not in STRUCTURAL_CONSTANTS for v in numbers):
            return ast.get_source_segment(formula, node) or ast.unparse(node)
    return None


@dataclass(frozen=True)
class Candidate:
    """One reply read for voting."""

    reply: str
    formula: str | None
    value: float | None  # the formula's value
    grounded: bool
    error: str | None
    fallback: float | None = None  # the formula's value, else the stated number (as served)
    task: str | None = None  # the family whose reasoning sentence the reply opens with
    fits_task: bool = False  # grounded, and the formula has a shape that task teaches
    on_task: bool = True  # names the task the question confidently reads as (when one is known)

    @property
    def votes(self) -> bool:
        """A reply votes when its formula evaluated, is grounded, fits its task, and that task
        is the one the question reads as (:mod:`quantreason.task_check`), when one is known."""
        return self.value is not None and self.grounded and self.fits_task and self.on_task


def read_candidate(reply: str, question: str, question_task: str | None = None) -> Candidate:
    """Interpret ``reply``; check its formula's grounding in ``question``, its shape against
    the task the reply names, and that task against ``question_task`` (the task the question
    confidently reads as, when known)."""
    interpreted = interpret_response(reply)
    formula = interpreted.formula
    missing = ungrounded_numbers(formula, question) if formula else []
    error = interpreted.formula_error
    if missing:
        error = f"numbers not in the question: {', '.join(missing)}"
    grounded = formula is not None and interpreted.formula_value is not None and not missing
    family = family_for_reasoning(split_response(reply).reasoning)
    task = family.name if family is not None else None
    given = shown_counts(question)
    shown = frozenset(given)
    fits = (
        grounded and task is not None and fits_task(task, formula, shown)  # type: ignore[arg-type]
    )
    if grounded and not fits:
        error = (
            f"the formula does not have a form the task {task!r} teaches"
            if task is not None
            else "the reply names no task"
        )
    cancelled = self_cancelling(formula, question) if fits else None  # type: ignore[arg-type]
    if cancelled is not None:
        fits = False
        error = f"the formula cancels a number against itself: {cancelled}"
    mismatch = frequency_mismatch(formula, question) if fits else None  # type: ignore[arg-type]
    if fits and mismatch is None:
        mismatch = count_read_as_years(formula, question)  # type: ignore[arg-type]
    if fits and mismatch is None:
        mismatch = years_read_as_count(formula, question)  # type: ignore[arg-type]
    if fits and mismatch is None:
        mismatch = days_read_as_years(formula, ungrouped_question(question))  # type: ignore[arg-type]
    if fits and mismatch is None:
        mismatch = repeated_flow(formula, question, given)  # type: ignore[arg-type]
    if fits and mismatch is None:
        mismatch = option_side(task, formula, question)  # type: ignore[arg-type]
    if fits and mismatch is None:
        mismatch = flow_direction(task, formula, ungrouped_question(question))  # type: ignore[arg-type]
    if fits and mismatch is None:
        mismatch = stdev_basis(formula, question)  # type: ignore[arg-type]
    if mismatch is not None:
        fits = False
        error = mismatch
    misplaced = misplaced_numbers(task, formula, shown) if fits else []  # type: ignore[arg-type]
    if misplaced:
        fits = False
        error = "numbers in a place they cannot hold: " + ", ".join(
            f"{value:g} as {key!r}" for value, key in misplaced
        )
    copied = copied_numbers(task, formula, shown, given) if fits else None  # type: ignore[arg-type]
    if copied is not None:
        fits = False
        value, first, second = copied
        error = f"{value:g} fills both {first!r} and {second!r}; the question gives it once"
    signed = untaught_sign(task, interpreted.formula_value) if fits else None  # type: ignore[arg-type]
    if signed is not None:
        fits = False
        error = signed
    on_task = question_task is None or task == question_task
    if fits and not on_task:
        error = f"the reply is for {task!r}; the question reads as {question_task!r}"
    return Candidate(
        reply,
        formula,
        interpreted.formula_value,
        grounded,
        error,
        interpreted.answer,
        task,
        fits,
        on_task,
    )


@dataclass(frozen=True)
class Consensus:
    """The decision for one question."""

    answer: float | None  # None when abstaining or when no reply held a number
    value: float | None  # the chosen value even when abstaining (for risk-coverage tables)
    formula: str | None
    reply: str  # the reply that represents the winning group (the greedy one if it is in it)
    confidence: float  # winning group's share of all replies, 0..1
    grounded: bool  # the chosen reply's formula uses only the question's numbers
    fits_task: bool  # ... and has a form the task it names teaches
    task: str | None  # that task (the family whose reasoning sentence the reply opens with)
    replies: int
    votes: dict[str, int] = field(default_factory=dict)  # value (repr) -> votes
    abstained: bool = False
    reason: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready fields."""
        return asdict(self)


def _agree(a: float, b: float) -> bool:
    return abs(a - b) <= AGREEMENT_TOLERANCE * max(abs(a), abs(b), 1e-9)


def decide(
    question: str,
    replies: Sequence[str],
    threshold: float = 0.0,
    question_task: str | None = None,
) -> Consensus:
    """Vote among ``replies`` (``replies[0]`` is the greedy one); abstain below ``threshold``.
    With ``question_task`` (the task check's confident reading), only replies for that task vote.

    With a single reply this is plain greedy decoding plus the checks: confidence 1 when its
    formula is grounded and fits its task, 0 otherwise.
    """
    if not replies:
        raise ValueError("decide() needs at least one reply")
    if not 0.0 <= threshold <= 1.0:
        raise ValueError(f"threshold must be between 0 and 1, got {threshold}")
    candidates = [read_candidate(reply, question, question_task) for reply in replies]
    groups: list[list[int]] = []
    for index, candidate in enumerate(candidates):
        if not candidate.votes:
            continue
        for group in groups:
            if _agree(candidates[group[0]].value, candidate.value):  # type: ignore[arg-type]
                group.append(index)
                break
        else:
            groups.append([index])
    greedy = candidates[0]
    if not groups:
        # No reply passed the checks: report the greedy reading (as served without voting),
        # never confidently, and say which check it failed.
        if not any(c.grounded for c in candidates):
            reason = "no grounded formula"
        elif not any(c.fits_task for c in candidates):
            reason = "no grounded formula has a form its task teaches"
        else:
            reason = f"no checked formula is for the task the question reads as ({question_task})"
        return _finish(greedy, greedy.fallback, 0.0, len(candidates), {}, threshold, reason)
    best = max(groups, key=lambda g: (len(g), 0 in g, -g[0]))
    chosen = candidates[best[0]]
    votes = {repr(candidates[g[0]].value): len(g) for g in groups}
    return _finish(
        chosen, chosen.value, len(best) / len(candidates), len(candidates), votes, threshold
    )


def _finish(
    chosen: Candidate,
    value: float | None,
    confidence: float,
    replies: int,
    votes: dict[str, int],
    threshold: float,
    reason: str | None = None,
) -> Consensus:
    abstained = threshold > 0 and confidence < threshold
    if abstained and reason is None:
        reason = f"confidence {confidence:.2f} is below the threshold {threshold:.2f}"
    elif abstained:
        reason = f"{reason}; confidence {confidence:.2f} is below the threshold {threshold:.2f}"
    return Consensus(
        answer=None if abstained else value,
        value=value,
        formula=chosen.formula,
        reply=chosen.reply,
        confidence=round(confidence, 4),
        grounded=chosen.grounded,
        fits_task=chosen.fits_task,
        task=chosen.task,
        replies=replies,
        votes=votes,
        abstained=abstained,
        reason=reason if abstained or not chosen.votes else None,
    )


@dataclass(frozen=True)
class SelfConsistency:
    """How answers are decided: ``samples`` sampled replies besides the greedy one (0: greedy
    only, still checked), their temperature, and the confidence below which the answer is
    withheld (0: never abstain). ``retry_samples`` more are drawn only for a question none of
    whose replies passed the checks (grounded, fits its task): the cost goes where the first
    replies failed."""

    samples: int = 0
    temperature: float = 0.7
    threshold: float = 0.0
    seed: int = 0
    retry_samples: int = 0

    def __post_init__(self) -> None:
        if self.samples < 0 or self.samples > MAX_SAMPLES:
            raise ValueError(f"samples must be between 0 and {MAX_SAMPLES}, got {self.samples}")
        if self.retry_samples < 0 or self.retry_samples > MAX_SAMPLES:
            raise ValueError(
                f"retry_samples must be between 0 and {MAX_SAMPLES}, got {self.retry_samples}"
            )
        if not 0 < self.temperature <= 2:
            raise ValueError(f"temperature must be in (0, 2], got {self.temperature}")
        if not 0 <= self.threshold <= 1:
            raise ValueError(f"threshold must be between 0 and 1, got {self.threshold}")


MAX_SAMPLES = 16  # per question and round; the cost grows linearly
# The endpoint's default: greedy, and 4 sampled replies only where the greedy one fails the
# checks (experiments.md, session 32: run BN's adapter, +11 net of 1,110 tuning questions and
# +2 of 727 probe questions over greedy; 7 % of questions drew the extra replies).
CHECKED_RETRY = 4


def decide_batch(
    loaded: LoadedModel | None,
    questions: Sequence[str],
    greedy_replies: Sequence[str],
    settings: SelfConsistency,
    *,
    max_new_tokens: int,
    batch_size: int = 32,
    on_batch: Any = None,
    sampler: Sampler | None = None,
    question_tasks: Sequence[str | None] | None = None,
) -> list[Consensus]:
    """Decisions for ``questions`` given their greedy replies: draws ``settings.samples`` more
    per question, then ``settings.retry_samples`` more for each question none of whose replies
    passed the checks, and votes. The one entry point for evaluation, serving and
    ``quantreason ask``.

    The replies come from ``sampler(questions, samples)`` when given (the callers that hold
    the continuous-batching engine pass one: ``serving.batching.sample_continuous`` or a
    sampling batcher, which this core module may not import: serving depends on it), else
    from ``loaded`` as padded batches (:func:`quantreason.generation.sample`). ``loaded`` may
    be None when no samples are asked for or a sampler is given. ``question_tasks``: per
    question, the task it confidently reads as (:mod:`quantreason.task_check`) or None; only
    replies for that task vote."""
    if len(questions) != len(greedy_replies):
        raise ValueError("one greedy reply per question")
    tasks = list(question_tasks) if question_tasks is not None else [None] * len(questions)
    if len(tasks) != len(questions):
        raise ValueError("one question task (or None) per question")
    replies = [[greedy] for greedy in greedy_replies]
    draw = functools.partial(_draw, loaded, settings, max_new_tokens, batch_size, sampler)
    first = draw(questions, settings.samples, 0, on_batch)
    for question_replies, more in zip(replies, first, strict=True):
        question_replies.extend(more)
    if settings.retry_samples:
        failed = [
            index
            for index, (question, question_replies, task) in enumerate(
                zip(questions, replies, tasks, strict=True)
            )
            if not any(read_candidate(reply, question, task).votes for reply in question_replies)
        ]
        # no progress callback: the caller sized its bar for the first round
        retried = draw([questions[i] for i in failed], settings.retry_samples, 1, None)
        for index, more in zip(failed, retried, strict=True):
            replies[index].extend(more)
    return [
        decide(question, question_replies, settings.threshold, task)
        for question, question_replies, task in zip(questions, replies, tasks, strict=True)
    ]


def _draw(
    loaded: LoadedModel | None,
    settings: SelfConsistency,
    max_new_tokens: int,
    batch_size: int,
    sampler: Sampler | None,
    questions: Sequence[str],
    samples: int,
    round_index: int,
    on_batch: Any,
) -> list[list[str]]:
    """``samples`` sampled replies per question. Padded batches of round 1 (the retry) draw
    with another seed; a ``sampler`` must give new replies on each call itself."""
    if not samples or not questions:
        return [[] for _ in questions]
    if sampler is not None:
        sampled = sampler(questions, samples)
        if len(sampled) != len(questions) or any(len(s) != samples for s in sampled):
            raise ValueError(f"the sampler must give {samples} replies per question")
        if on_batch is not None:
            on_batch(len(questions))
        return sampled
    if loaded is None:
        raise ValueError("sampling needs a loaded model")
    from quantreason.generation import sample

    return sample(
        loaded,
        questions,
        samples,
        max_new_tokens=max_new_tokens,
        temperature=settings.temperature,
        seed=settings.seed + round_index,
        batch_size=batch_size,
        on_batch=on_batch,
    )


def response_fields(decision: Consensus) -> dict[str, Any]:
    """The fields a served answer takes from a decision (``answer`` is null when abstaining)."""
    answer = decision.answer
    if answer is not None and not math.isfinite(answer):
        answer = None  # JSON has no inf/nan
    return {
        "answer": answer,
        "formula": decision.formula,
        "confidence": decision.confidence,
        "grounded": decision.grounded,
        "fits_task": decision.fits_task,
        "abstained": decision.abstained,
        "abstain_reason": decision.reason if decision.abstained else None,
        "samples": decision.replies - 1,
    }


def risk_coverage(
    outcomes: Sequence[tuple[float, bool]], thresholds: Sequence[float]
) -> list[dict[str, float]]:
    """Rows ``threshold, coverage, answered, accuracy_answered`` for (confidence, correct) pairs:
    a question is answered when its confidence is at least the threshold."""
    rows = []
    total = len(outcomes)
    for threshold in thresholds:
        answered = [correct for confidence, correct in outcomes if confidence >= threshold]
        rows.append(
            {
                "threshold": threshold,
                "answered": len(answered),
                "coverage": len(answered) / total if total else 0.0,
                "accuracy_answered": sum(answered) / len(answered) if answered else 0.0,
            }
        )
    return rows

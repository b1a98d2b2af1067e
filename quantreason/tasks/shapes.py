"""Formula shapes: does a reply's formula have a form its own task teaches?

Most wrong answers on hand-written questions are grounded formulas (every number is from the
question) of a wrong form: a rate left in percent (``pv(6, 20, 12000)``), the arguments of
``pmt`` swapped, a growth rate without its ``/100``, a reply that names one task and writes
another's formula. Neither the vote nor grounding sees these, since samples repeat them.

A formula's *shape* is its syntax tree with every number that comes from the question written
``N``; conversion constants (``/100``, ``/12``, ``1+``) stay as written. Sums and products are
compared as unordered lists of terms (``rf + b*(m - rf)`` is ``b*(m - rf) + rf``), a term's
minus signs belong to the sum (``1 + -x/100`` is ``1 - x/100``), a sum and its negation
share a shape (``-a*b - c*d`` is ``a*b + c*d``: data signs decide it), and a repeated
compound factor or a repeated argument of a variadic function counts once, so three monthly
returns chained take the shape of four (a repeated number does not: ``/100/100`` is not
``/100``).

Each family's taught shapes come from its own formula builder on drawn parameters written as
sentinels, so data and constants are told apart exactly. A number in a reply may be data or a
constant (a 12-year loan writes ``12`` twice), so :func:`fits_task` tries both readings of
every number written like a constant of that task's formulas (``1`` and ``100``, not ``1.0``)
that the question also shows.

A shape also fixes where each data number sits, except in a list or among terms written alike.
:func:`misplaced_numbers` uses that to find a number in a parameter's place it could not hold
(a value copied into the years of a CAGR: ``((7/3595)**(1/2140)-1)``), judged against what
that parameter could be: only counts of years or periods and confidence levels have such a
range (:func:`plausible_range`); amounts and rates are written at any size.
"""

from __future__ import annotations

import ast
import itertools
import math
import random
import re
from collections.abc import Mapping
from functools import cache, lru_cache
from typing import NamedTuple

from quantreason.formula import ANY_ORDER, FUNCTIONS, FormulaError, evaluate
from quantreason.tasks import FAMILIES
from quantreason.tasks.base import Family, Param
from quantreason.tasks.term_counts import COUNT_KEY, with_count

DATA = "N"
LABEL = "L"  # a quoted label argument (a currency pair in cross())
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
DRAWS_PER_FAMILY = 64  # half in the training ranges, half out of them; ~0.5 s for all families
MAX_AMBIGUOUS = 8  # numbers read both ways: 2**8 readings at most, the rest stay constants
# Functions whose arguments are a list of like items (prices, cash flows, candidates).
VARIADIC = frozenset(name for name, (_, _, most) in FUNCTIONS.items() if most is None)


# A shape and the data numbers it holds, in the order the shape writes them; None where that
# order is not fixed (like terms of a sum, a collapsed run of variadic arguments).
Slots = tuple[float | None, ...]


class _Shaper:
    """Writes the shape of one parsed formula, each number data or constant by ``is_data``."""

    def __init__(self, source: str, is_data: dict[int, bool]) -> None:
        self.source = source
        self.is_data = is_data  # id(number node) -> written as N

    def shape(self, node: ast.AST) -> str:
        return self.read(node)[0]

    def read(self, node: ast.AST) -> tuple[str, Slots]:
        """The shape of ``node`` and its data numbers in the shape's order."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return LABEL, ()  # a currency pair: the evaluator reads it, any pair fits the shape
        if isinstance(node, ast.Constant):
            if self.is_data.get(id(node), False):
                return DATA, (_as_float(node.value),)
            return _text(node, self.source), ()
        if isinstance(node, ast.Name):
            return node.id, ()
        if isinstance(node, ast.UnaryOp):
            return self.read(node.operand)
        if isinstance(node, ast.BinOp):
            if isinstance(node.op, ast.Add | ast.Sub):
                return self._chain(node, ast.Add, ast.Sub, "+", "-")
            if isinstance(node.op, ast.Mult | ast.Div):
                return self._chain(node, ast.Mult, ast.Div, "*", "/")
            operator = "**" if isinstance(node.op, ast.Pow) else type(node.op).__name__
            (left, left_slots), (right, right_slots) = self.read(node.left), self.read(node.right)
            return f"({left}{operator}{right})", left_slots + right_slots
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
            args = [self.read(arg) for arg in node.args]
            if node.func.id in VARIADIC:
                args = _collapse(args)
            if node.func.id in ANY_ORDER:  # a reply copies the pairs in the question's order
                args = [(shape, _unordered(slots)) for shape, slots in args]
            shapes = ",".join(shape for shape, _ in args)
            return f"{node.func.id}({shapes})", tuple(v for _, slots in args for v in slots)
        return f"<{type(node).__name__}>", ()

    def _chain(self, node: ast.BinOp, plus: type, minus: type, p: str, m: str) -> tuple[str, Slots]:
        """``a - b + c`` as the sorted terms ``+a``, ``+c``, ``-b``. In a sum, a term's own
        minus signs (``-x``, ``a*-x``) move to the term, so ``1 + -x/100`` is ``1 - x/100``."""
        terms: list[tuple[str, Slots]] = []

        def walk(item: ast.AST, sign: str) -> None:
            if isinstance(item, ast.BinOp) and isinstance(item.op, plus | minus):
                walk(item.left, sign)
                flipped = (m if sign == p else p) if isinstance(item.op, minus) else sign
                walk(item.right, flipped)
                return
            if plus is ast.Add:
                item, negative = _pull_sign(item)
                if negative:
                    sign = m if sign == p else p
            shape, slots = self.read(item)
            terms.append((sign + shape, slots))

        walk(node, p)
        # A repeated compound term counts once ((1+a)(1+b)(1+c) ~ (1+a)(1+b)); a repeated
        # number does not (z * sigma * V keeps all three; /100/100 is not /100).
        distinct: list[tuple[str, Slots]] = []
        for term, slots in sorted(terms, key=lambda t: t[0]):
            if "(" in term and any(term == seen for seen, _ in distinct):
                distinct = [(seen, _unordered(s) if seen == term else s) for seen, s in distinct]
                continue
            distinct.append((term, slots))
        if plus is ast.Add:
            # A sum and its negation share a shape: which way round it is written follows the
            # data's signs (two negative returns), not the task.
            negated = sorted(
                (((m if t[0] == p else p) + t[1:], s) for t, s in distinct), key=lambda t: t[0]
            )
            if _joined(negated) < _joined(distinct):
                distinct = negated
        return _joined(distinct), _ordered(distinct)


def _as_float(value: float) -> float:
    try:
        return float(value)
    except OverflowError:  # an integer literal beyond float range
        return math.inf


def _joined(terms: list[tuple[str, Slots]]) -> str:
    return "(" + " ".join(term for term, _ in terms) + ")"


def _unordered(slots: Slots) -> Slots:
    return (None,) * len(slots)


def _ordered(terms: list[tuple[str, Slots]]) -> Slots:
    """The terms' data numbers in order; a term written like another has no fixed place."""
    shapes = [term for term, _ in terms]
    return tuple(
        v for term, slots in terms for v in (_unordered(slots) if shapes.count(term) > 1 else slots)
    )


def _pull_sign(node: ast.AST) -> tuple[ast.AST, bool]:
    """``node`` without its minus signs (through products and quotients), and whether an odd
    number of them was taken out."""
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        inner, negative = _pull_sign(node.operand)
        return inner, not negative
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult | ast.Div):
        left, left_negative = _pull_sign(node.left)
        right, right_negative = _pull_sign(node.right)
        if left_negative or right_negative:
            return ast.BinOp(left, node.op, right), left_negative != right_negative
    return node, False


def _collapse(items: list[tuple[str, Slots]]) -> list[tuple[str, Slots]]:
    """Consecutive equal items once: ``max_drawdown(N,N,N,N)`` is ``max_drawdown(N)`` (its
    numbers, like items in a list, then have no fixed place)."""
    kept: list[tuple[str, Slots]] = []
    for shape, slots in items:
        if kept and kept[-1][0] == shape:
            kept[-1] = (shape, _unordered(kept[-1][1] + slots))
        else:
            kept.append((shape, slots))
    return kept


def _text(node: ast.AST, source: str) -> str:
    """A number as written: a model copies ``1.0`` from "1.0 %"; a conversion is written ``1``."""
    if "\n" in source or not source.isascii():  # col offsets count UTF-8 bytes
        return ast.get_source_segment(source, node) or ""
    return source[node.col_offset : node.end_col_offset]  # type: ignore[attr-defined]


def _numbers(tree: ast.AST) -> list[ast.Constant]:
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, int | float)
    ]


def _parse(formula: str) -> ast.Expression | None:
    try:
        return ast.parse(formula.strip(), mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


SENTINEL = 987_001  # data numbers while reading taught formulas: 987001.25, 987002.25, ...


class _Taught(NamedTuple):
    """One drawn formula of a family: as the builder writes it, and for each number (in
    :func:`_numbers` order) whether it is data; ``marked`` is the same formula written on
    sentinels (None when it could not be, see :func:`_taught_formulas`) and ``keys`` the
    parameters in sentinel order."""

    formula: str
    data: tuple[bool, ...]
    marked: str | None
    keys: tuple[str, ...]


@cache
def _taught_formulas() -> dict[str, tuple[_Taught, ...]]:
    """Per family: its formula builder's output for drawn parameters, each number marked data
    or constant. The builder is run a second time on sentinels (sign kept), so data and
    constants are not confused where their digits coincide (a 12-year monthly loan writes 12 as
    both). A builder whose form depends on the values (an annual loan drops its ``/1``), or that
    cannot take a sentinel, is read by digits instead: a number is data when a parameter shows
    it. Each family draws from its own seed, so adding or reordering families changes no other
    family's shapes."""
    formulas: dict[str, tuple[_Taught, ...]] = {}
    for family in FAMILIES.values():
        rng = random.Random(f"shapes:{family.name}")
        read: list[_Taught] = []
        for draw in range(DRAWS_PER_FAMILY):
            nums = family.draw(rng, ood=draw % 2 == 1)
            if family.term_count is not None and draw % 4 >= 2:  # the term as a count, too
                nums = with_count(nums, family.term_count)
            if family.optional:  # lists of every length the questions show, not only the longest
                nums = family.keeping(nums, draw // 2 % (len(family.optional) + 1))
            real = family.build_formula(nums).strip()
            try:
                marked: str | None = family.formula(
                    {
                        key: f"{'-' if num.value < 0 else ''}{SENTINEL + index}.25"
                        for index, (key, num) in enumerate(nums.items())
                    }
                ).strip()
            except (ValueError, LookupError, TypeError, ArithmeticError):  # a choice's index
                marked = None
            if marked and _skeleton(real) == _skeleton(marked):
                data = tuple(_is_sentinel(_text(n, marked)) for n in _numbers(_parsed(marked)))
            else:
                marked = None
                digits = {num.formula.lstrip("-") for num in nums.values()}
                data = tuple(_text(n, real) in digits for n in _numbers(_parsed(real)))
            read.append(_Taught(real, data, marked, tuple(nums)))
        formulas[family.name] = tuple(read)
    return formulas


def _skeleton(formula: str) -> str:
    """The formula without its numbers' digits."""
    return _NUMBER.sub("0", formula)


def _is_sentinel(text: str) -> bool:
    return text.endswith(".25") and text[:-3].isdigit() and int(text[:-3]) >= SENTINEL


def _parsed(formula: str) -> ast.Expression:
    tree = _parse(formula)
    if tree is None:
        raise ValueError(f"a task's formula does not parse: {formula!r}")
    return tree


@cache
def taught_shapes() -> dict[str, frozenset[str]]:
    """Every family's taught shapes, from its own formula builder on drawn parameters."""
    shapes: dict[str, frozenset[str]] = {}
    for name, formulas in _taught_formulas().items():
        found = set()
        for formula, data, _, _ in formulas:
            tree = _parsed(formula)
            is_data = {id(n): d for n, d in zip(_numbers(tree), data, strict=True)}
            found.add(_Shaper(formula, is_data).shape(tree.body))
        shapes[name] = frozenset(found)
    return shapes


@cache
def task_constants() -> dict[str, frozenset[str]]:
    """Per family, the numbers its taught formulas write as constants, as written (``100``,
    ``12``, ``1``): only these may be read as a constant in a reply to that task."""
    constants: dict[str, frozenset[str]] = {}
    for name, formulas in _taught_formulas().items():
        found: set[str] = set()
        for formula, data, _, _ in formulas:
            texts = [_text(n, formula) for n in _numbers(_parsed(formula))]
            found.update(text for text, d in zip(texts, data, strict=True) if not d)
        constants[name] = frozenset(found)
    return constants


@lru_cache(maxsize=4096)
def reply_readings(
    formula: str, constants: frozenset[str], shown: frozenset[float] | None = None
) -> frozenset[tuple[str, Slots]]:
    """Every (shape, data numbers) reading of ``formula``. A number written like one of
    ``constants`` is a constant, and also data when the question shows it (``shown``; None:
    always), read both ways for the first :data:`MAX_AMBIGUOUS` such numbers (breadth first)
    and as a constant beyond them."""
    formula = formula.strip()
    tree = _parse(formula)
    if tree is None:
        return frozenset()
    numbers = _numbers(tree)
    like_constant = [n for n in numbers if _text(n, formula) in constants]
    ambiguous = [n for n in like_constant if shown is None or float(n.value) in shown][
        :MAX_AMBIGUOUS
    ]
    fixed = {id(n): not any(n is c for c in like_constant) for n in numbers}
    readings = set()
    for reading in itertools.product((True, False), repeat=len(ambiguous)):
        is_data = dict(fixed)
        is_data.update({id(n): as_data for n, as_data in zip(ambiguous, reading, strict=True)})
        readings.add(_Shaper(formula, is_data).read(tree.body))
    return frozenset(readings)


def reply_shapes(
    formula: str, constants: frozenset[str], shown: frozenset[float] | None = None
) -> frozenset[str]:
    """Every shape ``formula`` may have (see :func:`reply_readings`)."""
    return frozenset(shape for shape, _ in reply_readings(formula, constants, shown))


def fits_task(task: str, formula: str, shown: frozenset[float] | None = None) -> bool:
    """True when ``formula`` has a shape the family ``task`` teaches; ``shown``: the numbers
    the question shows (a constant-like number it does not show is read as a constant only)."""
    taught = taught_shapes().get(task)
    if not taught:
        return False
    return not reply_shapes(formula, task_constants()[task], shown).isdisjoint(taught)


# How far beyond the ranges a family draws a count of periods from a number may go before it
# reads as put in another parameter's place: people write 100-year bonds, not 2140-year CAGRs.
SLOT_SLACK = 10.0


def plausible_range(param: Param) -> tuple[float, float] | None:
    """The values a person could write for ``param``, for the two kinds of parameter that have
    them: a count of years, periods or days (a whole number the generator draws up to 100 or
    less) is at most :data:`SLOT_SLACK` times the largest it draws; a confidence level (a
    percentage drawn from 90, 95, 99) is at most 100 and above a tenth of the smallest. None
    for the rest: amounts, prices and rates are written at any size (a $1 deposit, BRK.A at
    $600,000, 0.12 for 12 %)."""
    if param.choices:
        if param.kind == "pct" and min(param.choices) >= 50:
            return min(param.choices) / SLOT_SLACK, 100.0
        return None
    ranges = (param.train, *param.ood)
    largest = max(high for _, high in ranges)
    whole = param.kind == "plain" and param.decimals == 0 and not param.log
    if whole and param.train[0] <= 2 and largest <= 100:
        return 0.0, largest * SLOT_SLACK
    return None


def _slot_range(family: Family, key: str | None) -> tuple[float, float] | None:
    """:func:`plausible_range` of the parameter ``key`` of ``family``; for a term given as a
    number of payments, the term's range in years times the most payments a year."""
    if key == COUNT_KEY and family.term_count is not None:
        years = plausible_range(family.params[family.term_count.years])
        per_year = family.term_count.per_year
        most = max(family.params[per_year].choices) if isinstance(per_year, str) else per_year
        return None if years is None else (years[0], years[1] * most)
    return plausible_range(family.params[key]) if key in family.params else None


@cache
def taught_slots() -> dict[str, dict[str, tuple[str | None, ...]]]:
    """Per family and taught shape, the parameter each data number of the shape stands for
    (None where the place is not fixed, or the shape came from a builder that cannot take
    sentinels)."""
    slots: dict[str, dict[str, tuple[str | None, ...]]] = {}
    for name, formulas in _taught_formulas().items():
        found: dict[str, tuple[str | None, ...]] = {}
        for taught in formulas:
            if taught.marked is None:
                continue  # read by digits: no slots
            tree = _parsed(taught.marked)
            is_data = dict(zip(map(id, _numbers(tree)), taught.data, strict=True))
            shape, values = _Shaper(taught.marked, is_data).read(tree.body)
            keys = taught.keys
            if any(v is not None and not 0 <= int(v) - SENTINEL < len(keys) for v in values):
                continue  # the builder did arithmetic on a sentinel: its places are unknown
            read = tuple(None if v is None else keys[int(v) - SENTINEL] for v in values)
            known = found.setdefault(shape, read)
            if len(known) != len(read):  # a list of any length (a path, cash flows, returns)
                found[shape] = (None,) * max(len(known), len(read))
                continue
            found[shape] = tuple(a if a == b else None for a, b in zip(known, read, strict=True))
        slots[name] = found
    return slots


def misplaced_numbers(
    task: str, formula: str, shown: frozenset[float] | None = None
) -> list[tuple[float, str]]:
    """The numbers of ``formula`` that sit in the place of a parameter of ``task`` they could
    not be (:func:`plausible_range`), with that parameter's name: ``2140`` as the years of a
    CAGR, ``2.326`` (a z-score) as a confidence level. Zero is never judged. Empty when some
    reading of the formula puts every number where it could be, or none can be placed."""
    slots = taught_slots().get(task, {})
    family = FAMILIES.get(task)
    first: list[tuple[float, str]] = []
    for shape, values in reply_readings(formula, task_constants().get(task, frozenset()), shown):
        keys = slots.get(shape)
        if keys is None or len(keys) != len(values):  # not taught, or a list of another length
            continue
        outliers = []
        for value, key in zip(values, keys, strict=True):
            plausible = _slot_range(family, key) if value and family is not None else None
            if plausible is not None and not plausible[0] <= abs(value) <= plausible[1]:
                outliers.append((value, key))
        if not outliers:
            return []
        first = min(first, sorted(outliers)) if first else sorted(outliers)  # set order aside
    return first


def copied_numbers(
    task: str, formula: str, shown: frozenset[float] | None, given: Mapping[float, int]
) -> tuple[float, str, str] | None:
    """A number of ``formula`` that fills the places of two different parameters of ``task``
    while the question gives it once (``given``: how many times the question gives each
    number), with the two parameters' names: ``252*sqrt(252)`` for a daily vol annualised over
    252 days, ``(14-14)`` for a discount's days and its net days. A value copied into a second
    parameter's place gives a grounded formula of a taught form whatever the data. None when
    some reading of the formula puts each such number in one parameter, or none can be placed
    (a list's items have no fixed places)."""
    slots = taught_slots().get(task, {})
    first: tuple[float, str, str] | None = None
    for shape, values in reply_readings(formula, task_constants().get(task, frozenset()), shown):
        keys = slots.get(shape)
        if keys is None or len(keys) != len(values):  # not taught, or a list of another length
            continue
        holder: dict[float, str] = {}
        copied = None
        for value, key in zip(values, keys, strict=True):
            if not value or key is None:
                continue
            if holder.setdefault(value, key) != key and given.get(abs(value), 0) <= 1:
                copied = (value, holder[value], key)
                break
        if copied is None:
            return None
        first = first or copied
    return first


_SIGN_WORDS = {-1: "negative", 0: "zero", 1: "positive"}


@cache
def taught_signs() -> dict[str, frozenset[int]]:
    """Per family, the signs (-1, 0, 1) of its taught formulas' values on the drawn parameters
    (in and out of the training ranges): a share count, a price or a payment is always
    positive, a return or an NPV takes either sign."""
    signs: dict[str, frozenset[int]] = {}
    for name, formulas in _taught_formulas().items():
        found = set()
        for taught in formulas:
            try:
                value = evaluate(taught.formula)
            except (FormulaError, ArithmeticError):
                continue
            found.add((value > 0) - (value < 0))
        signs[name] = frozenset(found)
    return signs


def untaught_sign(task: str, value: float) -> str | None:
    """Why ``value`` cannot be an answer to ``task``: a sign its taught formulas never give (a
    negative number of shares, a zero or negative quick ratio), or None. Zero passes for a task
    taught both signs. On the tuning sets (run CB: validation, handwritten_dev, the fixed
    probes) every one of the 31 greedy answers this names was wrong (experiments.md, session
    51)."""
    taught = taught_signs().get(task)
    if not taught or math.isnan(value):
        return None
    sign = (value > 0) - (value < 0)
    if sign in taught or (sign == 0 and {-1, 1} <= taught):
        return None
    allowed = " or ".join(_SIGN_WORDS[s] for s in sorted(taught))
    return f"a {_SIGN_WORDS[sign]} answer, where the task {task!r} is always {allowed}"

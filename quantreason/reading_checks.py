"""Checks that read the question's words against where a formula puts its numbers.

Two kinds of wrong reply pass grounding and the shape check, since every number is the
question's and the form is one the task teaches:

- **a cash-flow list that repeats a figure the question gives once** (``npv(11/100, 70000,
  85000, 60000, 60000)-180000`` for three inflows; ``irr(-21603,-21603,10000,...)``): the model
  pads or copies a flow. A question that describes a recurring flow ("every year", "for five
  years", "the same amount", "years 2-4") is not judged, since there one figure stands for
  several flows;
- **a long option's breakeven on the wrong side of its strike** (``85-4.35`` for a long call
  at 85): the question says call or put, and only the sign tells them apart, which the shape
  check reads as one shape. Covered calls, written or sold options and spreads are not judged;
  likewise a straddle's or strangle's breakeven on the other side than the one asked for
  (``550-(8.68+27.12)`` for an "upper breakeven"), when the question names one side only;
- **a cash flow with the wrong direction** in a time- or money-weighted return: a withdrawal
  added back (``(12750+4800)`` before "a withdrawal of 4800"), a deposit given the sign of the
  money taken out in an IRR list (``irr(-393,-98,...)`` for "I withdrew 98"). The question's
  clause around each figure says which way it went ("withdrew", "taken out" against "deposited",
  "paid in", "added"); a clause naming both ("deposit or withdrawal: 5,500 paid in" names one
  once the label is set aside) or neither decides nothing;
- **a standard deviation on the other basis** than the question asks: ``stdev`` (n - 1) where
  it says "population" or "divide by n", ``pstdev`` where it says "sample" or "n - 1".

Measured on runs BL's and BN's stored greedy replies (experiments.md, session 33): 27, 11, 31
and 10 wrong replies flagged, no right one, and no reference formula of the generated records;
the straddle side (session 34) flagged 9 more wrong replies of runs BL, BN and BQ, no right one.
"""

from __future__ import annotations

import ast
import re
from collections import Counter

from quantreason.amounts import scaled_amounts
from quantreason.formula import BREAKEVEN_SIDES, FLOW_DIRECTIONS, LABEL_ARGUMENTS, syntax_tree

# Functions whose arguments after the first ``skip`` are one flow each (a dated list's time
# labels among them are not numbers, so they are not counted).
CASH_FLOW_LISTS = {
    "npv": 1,
    "irr": 0,
    "payback": 1,
    "dated_npv": 1,
    "dated_irr": 0,
    "dated_payback": 0,
}
# Words that describe a flow that recurs, so one figure may stand for several list items.
RECURRING = re.compile(
    r"\bevery\b|\beach\b|\bper year\b|\ba year\b|\bannually\b|\bannual\b|\bper annum\b"
    r"|\blevel\b|\bsame\b|\bequal\b|\bconstant\b|\bflat\b|\bthrough\b|\bthereafter\b"
    r"|\bafter that\b|\bthen\b|\bagain\b|\brepeat|\bfrom year\b|\bfor \w+ (?:more )?years\b"
    r"|\byears? \d+\s*(?:-|–|to|through|and)\s*(?:year\s*)?\d+\b(?![,.]\d)",
    re.I,
)
_CALL = re.compile(r"\bcalls?\b", re.I)
_PUT = re.compile(r"\bputs?\b", re.I)
# Positions whose breakeven is not strike +/- premium of one long option.
_NOT_ONE_LONG_OPTION = re.compile(
    r"covered|straddle|strangle|spread|collar|short|sold|sell|wrote|write", re.I
)


def _signed_number(node: ast.AST) -> float | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        value = _signed_number(node.operand)
        return None if value is None else -value
    if isinstance(node, ast.Constant) and isinstance(node.value, int | float):
        return float(node.value)
    return None


def repeated_flow(formula: str, question: str, shown: Counter[float]) -> str | None:
    """Why ``formula`` lists a cash flow more often than ``question`` gives it (``shown``: how
    many times the question writes each number), or None. Not judged where the question
    describes a recurring flow (:data:`RECURRING`)."""
    tree = syntax_tree(formula)
    if tree is None:
        return None
    for node in ast.walk(tree):
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in CASH_FLOW_LISTS
        ):
            continue
        flows = (_signed_number(arg) for arg in node.args[CASH_FLOW_LISTS[node.func.id] :])
        used = Counter(abs(flow) for flow in flows if flow)
        for value, times in used.items():
            if times > 1 and 0 < shown[value] < times and not RECURRING.search(question):
                return (
                    f"{node.func.id}(...) lists {value:g} {times} times; the question gives it "
                    f"{shown[value]} time{'s' * (shown[value] > 1)}"
                )
    return None


# Which breakeven of a straddle or strangle a question asks for: the words of each side.
_UPPER_SIDE = re.compile(r"\b(?:upper|upside|higher|rises?|rising|above)\b", re.I)
_LOWER_SIDE = re.compile(r"\b(?:lower|downside|falls?|falling|below|drops?)\b", re.I)


def option_side(task: str | None, formula: str, question: str) -> str | None:
    """Why a breakeven formula lies on the wrong side of its strike: an ``option_breakeven``
    long call's below it or a long put's above it; a ``straddle_breakeven`` upper breakeven
    below its strike or a lower one above it. Read from the sign (``85-4.35``) or from the side
    a ``breakeven(...)`` call names (``breakeven("put", 85, 4.35)`` for a long call). None
    otherwise (other tasks, positions other than one long option, and questions that name both
    calls and puts, or both sides of a straddle, are not judged)."""
    if task == "straddle_breakeven":
        return _straddle_side(formula, question)
    if task != "option_breakeven" or _NOT_ONE_LONG_OPTION.search(question):
        return None
    call, put = bool(_CALL.search(question)), bool(_PUT.search(question))
    sign = _side_sign(formula, two_numbers=True)
    if call == put or sign is None:
        return None
    if call and sign < 0:
        return "a long call breaks even above its strike: strike + premium"
    if put and sign > 0:
        return "a long put breaks even below its strike: strike - premium"
    return None


def _side_sign(formula: str, two_numbers: bool = False) -> float | None:
    """+1 where ``formula`` puts its breakeven above the strike, -1 below, None where it is
    neither ``breakeven(side, ...)`` nor a sum or difference (of two numbers, ``two_numbers``)."""
    tree = syntax_tree(formula)
    body = tree.body if tree is not None else None
    if (
        isinstance(body, ast.Call)
        and isinstance(body.func, ast.Name)
        and body.func.id == "breakeven"
        and body.args
        and isinstance(body.args[0], ast.Constant)
        and isinstance(body.args[0].value, str)
    ):
        return BREAKEVEN_SIDES.get(body.args[0].value.strip().upper())
    if not (isinstance(body, ast.BinOp) and isinstance(body.op, ast.Add | ast.Sub)):
        return None
    if two_numbers and None in map(_signed_number, (body.left, body.right)):
        return None
    return 1.0 if isinstance(body.op, ast.Add) else -1.0


def _straddle_side(formula: str, question: str) -> str | None:
    upper, lower = bool(_UPPER_SIDE.search(question)), bool(_LOWER_SIDE.search(question))
    sign = _side_sign(formula)
    if upper == lower or sign is None:
        return None
    if upper and sign < 0:
        return "the upper breakeven is above the strike: strike + both premiums"
    if lower and sign > 0:
        return "the lower breakeven is below the strike: strike - both premiums"
    return None


# A label that names both directions ("deposit or withdrawal", "flow into or out of"): set aside
# before a clause's direction is read.
_EITHER_WAY = re.compile(
    r"(?:deposits?|contributions?|inflows?|flows?|payments?)\s+or\s+"
    r"(?:withdrawals?|redemptions?|outflows?)"
    r"|(?:withdrawals?|redemptions?|outflows?)\s+or\s+(?:deposits?|contributions?|inflows?)"
    r"|in(?:to)?\s+or\s+out(?:\s+of)?|out\s+or\s+in|paid\s+in\s+or\s+(?:taken|paid)\s+out",
    re.I,
)
_OUT = re.compile(
    r"withdr\w*|taken out|took out|take out|redeem\w*|redemption|outflow|paid out|pulled out"
    r"|cash(?:ed)? out|removed",
    re.I,
)
_IN = re.compile(
    r"deposit\w*|\badded\b|\badds?\b|paid in|contribut\w*|top-?up|topped up|inject\w*|put in"
    r"|fresh|invested|inflow|paid into|subscription",
    re.I,
)
# Clause boundaries: lines, list and table separators, sentence ends, commas, "and", "then".
_CLAUSE = re.compile(r"\n|;|\||(?<=[.!?])\s|,\s|\s/\s|\band\b|\bthen\b", re.I)
_FIGURE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?")
FLOW_TASKS = ("time_weighted_return", "money_weighted_return", "modified_dietz")
# Functions whose flows are labelled: a direction word at each label position, its size next.
_LABELLED_FLOWS = ("time_weighted", "modified_dietz")


def flow_directions(text: str) -> dict[float, str]:
    """Each figure of ``text`` (a question with thousands separators dropped) whose clause says
    which way the money went: ``"in"`` or ``"out"``. A figure read both ways is left out."""
    found: dict[float, str] = {}
    both: set[float] = set()
    for clause in _CLAUSE.split(text):
        clause = _EITHER_WAY.sub(" ", clause or "")
        out, into = bool(_OUT.search(clause)), bool(_IN.search(clause))
        if out == into:
            continue
        figures = [float(m) for m in _FIGURE.findall(clause)]
        figures += [amount for amount, _ in scaled_amounts(clause)]
        for figure in figures:
            direction = "out" if out else "in"
            if found.setdefault(figure, direction) != direction:
                both.add(figure)
    return {figure: way for figure, way in found.items() if figure not in both}


def flow_direction(task: str | None, formula: str, text: str) -> str | None:
    """Why a time- or money-weighted return's ``formula`` moves a cash flow the other way than
    ``text`` (the question, thousands separators dropped) says, or None. A time-weighted
    return's sub-period starts from ``value + deposit`` or ``value - withdrawal``; in a money-
    weighted return's ``irr(...)`` list deposits share the first flow's sign, withdrawals take
    the other."""
    if task not in FLOW_TASKS:
        return None
    tree = syntax_tree(formula)
    if tree is None:
        return None
    directions: dict[float, str] | None = None
    for node in ast.walk(tree):
        if task == "time_weighted_return" and isinstance(node, ast.BinOp):
            flow, value = _signed_number(node.right), _signed_number(node.left)
            if not isinstance(node.op, ast.Add | ast.Sub) or value is None or not flow or flow < 0:
                continue
            directions = flow_directions(text) if directions is None else directions
            way = directions.get(flow)
            if way == "out" and isinstance(node.op, ast.Add):
                return f"adds {flow:g} to the value, but the question says it was taken out"
            if way == "in" and isinstance(node.op, ast.Sub):
                return f"subtracts {flow:g} from the value, but the question says it was paid in"
        elif isinstance(node, ast.Call) and _called(node) in _LABELLED_FLOWS:
            directions = flow_directions(text) if directions is None else directions
            why = _labelled_flow(node, directions)
            if why is not None:
                return why
        elif task == "money_weighted_return" and isinstance(node, ast.Call):
            if not (isinstance(node.func, ast.Name) and node.func.id == "irr" and node.args):
                continue
            flows = [_signed_number(arg) for arg in node.args]
            if not flows[0]:
                continue
            directions = flow_directions(text) if directions is None else directions
            for flow in flows[1:]:
                way = directions.get(abs(flow)) if flow else None
                if way is not None and ((flow > 0) == (flows[0] > 0)) != (way == "in"):
                    return (
                        f"{abs(flow):g} was {'paid in' if way == 'in' else 'taken out'} but has "
                        f"the sign of money {'taken out' if way == 'in' else 'paid in'}"
                    )
    return None


def _called(node: ast.Call) -> str | None:
    return node.func.id if isinstance(node.func, ast.Name) else None


def _labelled_flow(node: ast.Call, directions: dict[float, str]) -> str | None:
    """Why a ``time_weighted(...)`` or ``modified_dietz(...)`` call names a flow's direction
    against the question's words, or None."""
    for position in sorted(LABEL_ARGUMENTS[_called(node) or ""]):
        if position + 1 >= len(node.args):
            break
        label, size = node.args[position], _signed_number(node.args[position + 1])
        if not (isinstance(label, ast.Constant) and isinstance(label.value, str)) or not size:
            continue
        named = FLOW_DIRECTIONS.get(label.value.strip().upper())
        way = directions.get(abs(size))
        if named is not None and way is not None and (named > 0) != (way == "in"):
            said = "paid in" if way == "in" else "taken out"
            named_as = label.value.strip().lower()
            return f"names {abs(size):g} a {named_as}, but the question says it was {said}"
    return None


_POPULATION = re.compile(r"population|divide by n\b|\bby n\)", re.I)
_SAMPLE = re.compile(r"\bsample\b|\bn ?- ?1\b", re.I)
_STDEV_CALL = re.compile(r"\b(p?stdev)\(")


def stdev_basis(formula: str, question: str) -> str | None:
    """Why ``formula`` takes a standard deviation on the other basis than ``question`` names
    (population: ``pstdev``, divide by n; sample: ``stdev``, n - 1), or None; a question naming
    both or neither is not judged."""
    population, sample = bool(_POPULATION.search(question)), bool(_SAMPLE.search(question))
    calls = set(_STDEV_CALL.findall(formula))
    if population == sample or len(calls) != 1:
        return None
    if population and calls == {"stdev"}:
        return "the question asks for a population standard deviation (pstdev, divide by n)"
    if sample and calls == {"pstdev"}:
        return "the question asks for a sample standard deviation (stdev, n - 1)"
    return None

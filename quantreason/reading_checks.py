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
  check reads as one shape. Covered calls, written or sold options and spreads are not judged.

Measured on runs BL's and BN's stored greedy replies (experiments.md, session 33): 27 and 11
wrong replies flagged, no right one, and no reference formula of 8,904 generated records.
"""

from __future__ import annotations

import ast
import re
from collections import Counter

# Functions whose arguments after the first ``skip`` are one flow each.
CASH_FLOW_LISTS = {"npv": 1, "irr": 0, "payback": 1}
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


def _parsed(formula: str) -> ast.Expression | None:
    try:
        return ast.parse(formula, mode="eval")
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return None


def repeated_flow(formula: str, question: str, shown: Counter[float]) -> str | None:
    """Why ``formula`` lists a cash flow more often than ``question`` gives it (``shown``: how
    many times the question writes each number), or None. Not judged where the question
    describes a recurring flow (:data:`RECURRING`)."""
    tree = _parsed(formula)
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


def option_side(task: str | None, formula: str, question: str) -> str | None:
    """Why an ``option_breakeven`` formula puts a long call's breakeven below its strike or a
    long put's above it, or None (other tasks, positions other than one long option, and
    questions that name both calls and puts are not judged)."""
    if task != "option_breakeven" or _NOT_ONE_LONG_OPTION.search(question):
        return None
    call, put = bool(_CALL.search(question)), bool(_PUT.search(question))
    tree = _parsed(formula)
    if call == put or tree is None:
        return None
    body = tree.body
    if not isinstance(body, ast.BinOp) or None in map(_signed_number, (body.left, body.right)):
        return None
    if call and isinstance(body.op, ast.Sub):
        return "a long call breaks even above its strike: strike + premium"
    if put and isinstance(body.op, ast.Add):
        return "a long put breaks even below its strike: strike - premium"
    return None

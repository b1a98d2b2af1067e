"""Questions composed from parts, beyond the fixed templates.

A question is assembled from independent choices: who is asking and why (a *frame*), how the
numbers are presented (prose, a list, a table row, a chat message, ``key=value``), what each
number is called (the family's :class:`~quantreason.tasks.base.Parts` labels), how the quantity
is asked for, an optional irrelevant remark (a *distractor*), and the order of the numbers.
Written templates are wrapped in frames and distractors too, so one family yields thousands
of distinct phrasings.

Every part list has a training half and a held-out half (``OOD_*``); held-out parts appear only
in ``test_ood_template``, and a test checks that no training part shares a six-word run with a
held-out one.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from quantreason.tasks.base import Parts

# Who is asking and why: a sentence before the question.
FRAMES = (
    "I'm revising for my finance exam.",
    "Quick question from the trading desk.",
    "Homework help, please.",
    "My manager asked me to check this before the meeting.",
    "Client question:",
    "For a spreadsheet I'm building:",
    "Studying for CFA level 1 here.",
    "Can you help with a calculation?",
    "Need this for a report due today.",
    "Risk team here, one quick number.",
    "From the investment committee pack:",
    "Practice problem:",
    "My dad asked me this and I couldn't work it out.",
    "Sanity-checking a model output.",
    "Question from a retail investor:",
    "Textbook exercise:",
    "Reviewing a colleague's numbers.",
    "Interview prep question.",
)
OOD_FRAMES = (
    "Our treasurer wants a figure by noon.",
    "Tutorial sheet, question four:",
    "A friend at the pub bet me I could not work this one out.",
    "Compliance is double-checking a disclosure.",
    "Due diligence note for the allocator:",
)
# Something after the question.
CLOSERS = (
    "Thanks!",
    "Show the formula please.",
    "Thanks in advance.",
    "Just the number is fine.",
    "Cheers.",
    "Appreciate it.",
)
OOD_CLOSERS = ("Much obliged.", "Ta very much.")
# Irrelevant remarks: details a reader must ignore (some carry numbers of their own).
DISTRACTORS = (
    "The account is held at a large online broker.",
    "Ignore taxes and fees.",
    "Assume no transaction costs.",
    "The position was opened in 2019.",
    "This is for a pension account.",
    "The fund is domiciled in Luxembourg.",
    "My broker charges a flat fee per trade, which you can ignore.",
    "The data come from the fund's annual report.",
    "It's one of about 40 holdings in the portfolio.",
    "The office closes at 6 today, so no rush.",
)
OOD_DISTRACTORS = (
    "The custodian bank is based in Zurich.",
    "Its ticker changed in 2021, which does not matter here.",
)


def _prose(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    linkers = ("is", "was", "comes to", "stands at")
    clauses = [f"the {label} {rng.choice(linkers)} {value}" for label, value in items]
    joined = ", ".join(clauses[:-1]) + " and " + clauses[-1] if len(clauses) > 1 else clauses[0]
    return f"{joined[0].upper()}{joined[1:]}. {ask}"


def _article(word: str) -> str:
    return "an" if word[:1].lower() in "aeio" else "a"


def _given_prose(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    parts = [f"{_article(label)} {label} of {value}" for label, value in items]
    joined = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    return f"With {joined}: {ask[0].lower()}{ask[1:]}"


def _bullets(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    mark = rng.choice(("-", "*", "•"))
    lines = "\n".join(f"{mark} {label}: {value}" for label, value in items)
    return f"{ask}\n{lines}"


def _table_row(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    header = " | ".join(label for label, _ in items)
    row = " | ".join(value for _, value in items)
    return f"{header}\n{row}\n{ask}"


def _key_values(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    pairs = rng.choice(("; ", ", ")).join(f"{label} = {value}" for label, value in items)
    return f"{pairs}. {ask}"


def _chat(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    pairs = ", ".join(f"{label} {value}" for label, value in items)
    opener = rng.choice(("hey,", "hi all,", "quick one:", "ok so"))
    return f"{opener} {pairs}. {ask[0].lower()}{ask[1:]}"


# Held-out presentations.
def _colon_block(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    lines = "\n".join(f"{label.capitalize()} -> {value}" for label, value in items)
    return f"Inputs\n{lines}\nTask: {ask}"


def _suppose(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    parts = [f"that the {label} equals {value}" for label, value in items]
    return "Suppose " + ", ".join(parts) + f". {ask}"


Presenter = Callable[[Sequence[tuple[str, str]], str, random.Random], str]
PRESENTATIONS: tuple[Presenter, ...] = (
    _prose,
    _given_prose,
    _bullets,
    _table_row,
    _key_values,
    _chat,
)
OOD_PRESENTATIONS: tuple[Presenter, ...] = (_colon_block, _suppose)


def compose(parts: Parts, texts: dict[str, str], rng: random.Random, held_out: bool) -> str:
    """A question for ``parts`` with the numbers written as in ``texts`` (param -> text).

    Only parameters that have labels are shown (a hidden helper parameter is not); their
    order is shuffled.
    """
    asks = parts.ood_asks if held_out and parts.ood_asks else parts.asks
    presentations = OOD_PRESENTATIONS if held_out else PRESENTATIONS
    items = []
    for name, labels in parts.labels.items():
        choices = parts.ood_labels.get(name, labels) if held_out else labels
        items.append((rng.choice(choices), texts[name]))
    rng.shuffle(items)
    return rng.choice(presentations)(items, rng.choice(asks), rng)


def dress(question: str, rng: random.Random, held_out: bool) -> str:
    """Wrap a question in a frame, a distractor and a closer, each with some probability."""
    frames = OOD_FRAMES if held_out else FRAMES
    distractors = OOD_DISTRACTORS if held_out else DISTRACTORS
    closers = OOD_CLOSERS if held_out else CLOSERS
    pieces = []
    if rng.random() < 0.5:
        pieces.append(rng.choice(frames))
    if rng.random() < 0.25:
        pieces.append(rng.choice(distractors))
    pieces.append(question)
    if rng.random() < 0.2:
        pieces.append(rng.choice(closers))
    separator = "\n" if "\n" in question else " "
    return separator.join(pieces)


def training_parts_text() -> list[str]:
    """Every fixed training part, for the held-out-phrasing test."""
    return [*FRAMES, *CLOSERS, *DISTRACTORS]


def held_out_parts_text() -> list[str]:
    """Every fixed held-out part, for the held-out-phrasing test."""
    return [*OOD_FRAMES, *OOD_CLOSERS, *OOD_DISTRACTORS]

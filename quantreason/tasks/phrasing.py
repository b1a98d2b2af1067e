"""Questions composed from parts, beyond the fixed templates.

A question is assembled from independent choices: who is asking and why (a *frame*), how the
numbers are presented (prose, a list, a table row, a chat message, ``key=value``), what each
number is called (the family's :class:`~quantreason.tasks.base.Parts` labels), how the quantity
is asked for (the family's asks, often reworded by a generic *ask wrapper*: "Could you work out
the CAGR?", "Please compute: ...", lowercase chat), an optional irrelevant remark (a
*distractor*), and the order of the numbers. Presentations range from prose and one sentence
per number to lists, markdown tables, a "Q:" line, numbers in parentheses and a short email.
Written templates are wrapped in frames and distractors too, so one family yields thousands
of distinct phrasings.

Every part list has a training half and a held-out half (``OOD_*``); held-out parts appear only
in ``test_ood_template``, and a test checks that no training part shares a six-word run with a
held-out one.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence

from quantreason.tasks.base import Parts

# Who is asking and why: a sentence before the question. Many registers: students, analysts,
# retail investors, managers, non-native speakers, terse notes and lowercase chat.
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
    # students
    "Stuck on this problem set.",
    "Our lecturer set this in class today.",
    "I have an exam tomorrow and this keeps tripping me up.",
    "Revision question from my corporate finance module:",
    "Past paper question:",
    "Working through the end-of-chapter problems.",
    # analysts and professionals
    "Analyst here, checking a figure for a note.",
    "Building a pitch deck and need one number.",
    "Portfolio review prep:",
    "Double-checking before this goes to the client.",
    "From an equity research draft:",
    "Quant desk, quick check.",
    "Working on a valuation model.",
    # retail investors
    "I'm new to investing and trying to understand my account.",
    "Looking at my brokerage statement.",
    "Trying to plan my savings.",
    "I manage my own portfolio on the side.",
    "Thinking about a trade and want to get this right.",
    # managers
    "My boss wants this in the slide deck.",
    "The CFO asked for this figure.",
    "For the board update:",
    "Team lead here, can someone confirm this?",
    # non-native English
    "Please I need help for this calculation.",
    "Sorry for my English, the question is below.",
    "Hello, kindly help me with below question.",
    "I am not sure how to calculate this one.",
    "Please can you explain me this problem.",
    # very short
    "Quick one.",
    "Help?",
    "Urgent:",
    "Question:",
    "One more:",
    # lowercase chat
    "ok so i have this question",
    "pls help!",
    "anyone know how to do this?",
    "my prof gave us this and im lost:",
    "hey quick finance q:",
    "not a finance person but here goes:",
)
OOD_FRAMES = (
    "Our treasurer wants a figure by noon.",
    "Tutorial sheet, question four:",
    "A friend at the pub bet me I could not work this one out.",
    "Compliance is double-checking a disclosure.",
    "Due diligence note for the allocator:",
    "Footnote in the board pack, please verify:",
    "Drafting a letter to a pensioner and want to be sure.",
    "yo, settle an argument for me",
)
# Something after the question.
CLOSERS = (
    "Thanks!",
    "Show the formula please.",
    "Thanks in advance.",
    "Just the number is fine.",
    "Cheers.",
    "Appreciate it.",
    "Thank you so much.",
    "thx",
    "ty!",
    "Please keep it short.",
    "A formula would help.",
    "Many thanks.",
    "Much appreciated.",
    "Can you show the working?",
    "No need for a long explanation.",
    "Thanks, you're a lifesaver.",
    "Please explain the steps.",
    "thanks!!",
)
OOD_CLOSERS = ("Much obliged.", "Ta very much.", "Grateful for your time.", "Bless you.")
# Irrelevant remarks: details a reader must ignore. Some carry numbers of their own (years,
# counts, tickers, fees), always plainly beside the point; none names a compounding frequency,
# a horizon or a rate that a question could use.
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
    "The stock trades under the ticker XYZ.",
    "Ignore the $4.95 commission on each trade.",
    "There is a 0.5% platform fee, but please ignore it.",
    "I first saw this in a textbook from 2015.",
    "The company was founded in 1987.",
    "Our team covers about 250 stocks.",
    "This is question 7 on the problem set.",
    "The fund has roughly 1,200 investors.",
    "Assume the figures are accurate.",
    "Round however you like.",
    "Don't worry about currency conversion.",
    "The numbers are from last quarter's review.",
    "My spreadsheet has 15 tabs, so I want to get this one right.",
    "The shares are listed in London.",
    "It's a long-only mandate.",
    "The trade was placed on a Tuesday.",
    "The client is based in Singapore.",
    "The stock is one of 500 in the index.",
    "It's my first time investing.",
    "Same thing came up in a 2022 exam paper.",
    "There were 30 people in the seminar when this came up.",
    "Ticker ABC, listed since 2008; neither matters here.",
    "No leverage is involved.",
)
# Asides that dismiss something a task may weigh: a family whose ``uses`` names the topic never
# gets them (a break-even after commissions cannot be told to ignore commissions).
REMARK_TOPICS: dict[str, frozenset[str]] = {
    "Ignore taxes and fees.": frozenset({"taxes", "costs"}),
    "Assume no transaction costs.": frozenset({"costs"}),
    "My broker charges a flat fee per trade, which you can ignore.": frozenset({"costs"}),
    "Ignore the $4.95 commission on each trade.": frozenset({"costs"}),
    "There is a 0.5% platform fee, but please ignore it.": frozenset({"costs"}),
    "No leverage is involved.": frozenset({"leverage", "shorting"}),
    "Don't worry about currency conversion.": frozenset({"currency"}),
    # a whole count (contracts, shares) is rounded as the question says, never "however"
    "Round however you like.": frozenset({"rounding"}),
    "It's a long-only mandate.": frozenset({"shorting"}),  # beside a short futures hedge
}
OOD_DISTRACTORS = (
    "The custodian bank is based in Zurich.",
    "Its ticker changed in 2021, which does not matter here.",
    "The auditors signed off in 2018, beside the point.",
    "Head office relocated to Dublin.",
    "Our desk has seven traders; disregard that.",
)

# Generic ways to ask: each entry is a pattern that must match a whole ask and the forms it
# may take ({ask} is the whole ask, other slots are named groups; {verb} is lowercased).
# Patterns are narrow so that every form stays grammatical for every ask that matches it
# (a test checks them against every family's asks).
AskWrapper = tuple[str, tuple[str, ...]]
# "What is the X?" where X is a noun phrase: not "What is the bond worth?", nor a comma aside.
WHAT_IS_X = r"What is (?P<x>(?:the|its) (?![^?]*\bworth\b)[^,?]+)\?"
ASK_WRAPPERS: tuple[AskWrapper, ...] = (
    (
        r"(?P<ask>.+[.?)])",
        (
            "Please compute: {ask}",
            "{ask} Thanks.",
            "Can you help? {ask}",
            "My question is this. {ask}",
            "{ask} Formula please.",
            "Here is what I need to know. {ask}",
        ),
    ),
    (
        WHAT_IS_X,
        (
            "Could you work out {x}?",
            "I need {x}.",
            "Can you calculate {x}?",
            "Please find {x}.",
            "What's {x}?",
            "Tell me {x}.",
            "I'd like to know {x}.",
            "How do I get {x}?",
        ),
    ),
    (
        r"(?P<verb>Compute|Value|Annualise|Convert) (?P<x>[^,?]+)\.",
        (
            "Could you {verb} {x}?",
            "Please {verb} {x}.",
            "Can you {verb} {x}?",
            "Help me {verb} {x}.",
        ),
    ),
)
OOD_ASK_WRAPPERS: tuple[AskWrapper, ...] = (
    (
        r"(?P<ask>.+[.?)])",
        (
            "Kindly determine the following. {ask}",
            "{ask} Grateful for any pointers.",
            "Here's my query: {ask}",
        ),
    ),
    (
        WHAT_IS_X,
        ("Would you be so good as to determine {x}?", "Let me know {x}, please."),
    ),
)


def _matching_forms(wrappers: Sequence[AskWrapper], ask: str) -> list[tuple[str, dict[str, str]]]:
    forms = []
    for pattern, templates in wrappers:
        match = re.fullmatch(pattern, ask)
        if match:
            slots = match.groupdict()
            if "verb" in slots:
                slots["verb"] = slots["verb"].lower()
            forms.extend((template, slots) for template in templates)
    return forms


def wrap_ask(ask: str, rng: random.Random, held_out: bool) -> str:
    """``ask`` in another form: a generic wrapper for any ask, or a rewording for one shape
    ("What is the X?", "Compute X."); training asks are sometimes lowercased, as in chat."""
    forms = _matching_forms(OOD_ASK_WRAPPERS if held_out else ASK_WRAPPERS, ask)
    if forms:
        template, slots = rng.choice(forms)
        ask = template.format(**slots)
    if not held_out:
        casing = rng.random()
        if casing < 0.15:
            ask = ask.lower()
        elif casing < 0.3:
            ask = ask[0].lower() + ask[1:]
    return ask


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


def _lower_first(ask: str) -> str:
    return ask[0].lower() + ask[1:]


# Fixed wording used by the presentations below (covered by the held-out-phrasing test).
EMAIL_GREETINGS = ("Hi team,", "Hello,", "Hi all,", "Dear colleague,", "Morning,")
EMAIL_LEADS = ("Here are the figures I have:", "Some numbers for you:", "The details:")
EMAIL_SIGN_OFFS = ("Best,", "Thanks,", "Regards,", "Cheers,", "Kind regards,")
EMAIL_NAMES = ("Sam", "Priya", "Tom", "Ana", "J.", "Lena", "Chris")
SENTENCE_STEMS = (
    "We have {a} {label} of {value}.",
    "Assume the {label} is {value}.",
    "The {label} is {value}.",
    "Take the {label} to be {value}.",
    "Let the {label} be {value}.",
    "Say the {label} is {value}.",
    "Use {value} for the {label}.",
    "I've got {a} {label} of {value}.",
)


def _email(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    greeting, lead = rng.choice(EMAIL_GREETINGS), rng.choice(EMAIL_LEADS)
    lines = "\n".join(f"{label}: {value}" for label, value in items)
    sign_off = f"{rng.choice(EMAIL_SIGN_OFFS)}\n{rng.choice(EMAIL_NAMES)}"
    return f"{greeting}\n\n{lead}\n{lines}\n\n{ask}\n\n{sign_off}"


def _parenthesised(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    style = rng.randrange(3)
    if style == 0:
        inside = ", ".join(f"{label} {value}" for label, value in items)
    elif style == 1:
        inside = "; ".join(f"{label}: {value}" for label, value in items)
    else:
        inside = ", ".join(f"{label} = {value}" for label, value in items)
    return f"{ask} ({inside})"


def _markdown_table(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    if rng.random() < 0.5:  # one column per number
        header = "| " + " | ".join(label for label, _ in items) + " |"
        rule = "|" + "|".join("---" for _ in items) + "|"
        rows = "| " + " | ".join(value for _, value in items) + " |"
    else:  # one row per number
        header = "| " + rng.choice(("Input", "Item", "Parameter")) + " | Value |"
        rule = "|---|---|"
        rows = "\n".join(f"| {label} | {value} |" for label, value in items)
    table = f"{header}\n{rule}\n{rows}"
    return f"{table}\n\n{ask}" if rng.random() < 0.5 else f"{ask}\n\n{table}"


def _q_line(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    given = ", ".join(f"{label} = {value}" for label, value in items)
    if rng.random() < 0.5:
        return f"Q: {ask}\nGiven: {given}"
    return f"Given: {given}\nQ: {ask}"


def _sentences(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    sentences = []
    for label, value in items:
        stem = rng.choice(SENTENCE_STEMS)
        sentences.append(stem.format(a=_article(label), label=label, value=value))
    return " ".join(sentences) + f" {ask}"


def _semicolons(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    linker = rng.choice((" is ", ": ", " "))
    facts = "; ".join(f"{label}{linker}{value}" for label, value in items)
    return f"{facts[0].upper()}{facts[1:]}. {ask}"


def _numbered(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    mark = rng.choice(("{}.", "{})", "({})"))
    lines = "\n".join(
        f"{mark.format(i)} {label}: {value}" for i, (label, value) in enumerate(items, 1)
    )
    return f"{lines}\n{ask}" if rng.random() < 0.5 else f"{ask}\n{lines}"


# Held-out presentations.
def _colon_block(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    lines = "\n".join(f"{label.capitalize()} -> {value}" for label, value in items)
    return f"Inputs\n{lines}\nTask: {ask}"


def _suppose(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    parts = [f"that the {label} equals {value}" for label, value in items]
    return "Suppose " + ", ".join(parts) + f". {ask}"


def _known_values(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    lines = "\n".join(f"  {label} ........ {value}" for label, value in items)
    return f"Known values\n{lines}\nRequired: {ask}"


def _if_clause(items: Sequence[tuple[str, str]], ask: str, rng: random.Random) -> str:
    parts = [f"the {label} were {value}" for label, value in items]
    joined = ", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]
    return f"If {joined}, {_lower_first(ask)}"


Presenter = Callable[[Sequence[tuple[str, str]], str, random.Random], str]
PRESENTATIONS: tuple[Presenter, ...] = (
    _prose,
    _given_prose,
    _bullets,
    _table_row,
    _key_values,
    _chat,
    _email,
    _parenthesised,
    _markdown_table,
    _q_line,
    _sentences,
    _semicolons,
    _numbered,
)
OOD_PRESENTATIONS: tuple[Presenter, ...] = (_colon_block, _suppose, _known_values, _if_clause)
# How each held-out presentation starts (for tests).
OOD_PRESENTATION_STARTS = ("Inputs\n", "Suppose ", "Known values\n", "If ")
ASK_WRAP_PROBABILITY = 0.5


def compose(parts: Parts, texts: dict[str, str], rng: random.Random, held_out: bool) -> str:
    """A question for ``parts`` with the numbers written as in ``texts`` (param -> text).

    Only parameters that have labels are shown (a hidden helper parameter is not); their
    order is shuffled. A family that names two assets draws one pair of names per question.
    The ask is reworded by :func:`wrap_ask` half of the time.
    """
    asks = parts.ood_asks if held_out and parts.ood_asks else parts.asks
    presentations = OOD_PRESENTATIONS if held_out else PRESENTATIONS
    first, second = rng.choice(parts.names) if parts.names else ("", "")
    items = []
    for name, labels in parts.labels.items():
        if name not in texts:  # a list item or a side figure this question leaves out
            continue
        choices = parts.ood_labels.get(name, labels) if held_out else labels
        label = rng.choice(choices)
        if parts.names:
            label = label.format(a=first, b=second)
        items.append((label, texts[name]))
    rng.shuffle(items)
    ask = rng.choice(asks)
    if rng.random() < ASK_WRAP_PROBABILITY:
        ask = wrap_ask(ask, rng, held_out)
    return rng.choice(presentations)(items, ask, rng)


def dress(
    question: str, rng: random.Random, held_out: bool, uses: frozenset[str] = frozenset()
) -> str:
    """Wrap a question in a frame, a distractor and a closer, each with some probability; no
    distractor dismisses a topic in ``uses`` (what the task weighs)."""
    frames = OOD_FRAMES if held_out else FRAMES
    distractors = OOD_DISTRACTORS if held_out else DISTRACTORS
    if uses:
        distractors = tuple(d for d in distractors if not REMARK_TOPICS.get(d, frozenset()) & uses)
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


def _wrapper_texts(wrappers: Sequence[AskWrapper]) -> list[str]:
    return [form for _, forms in wrappers for form in forms]


def training_parts_text() -> list[str]:
    """Every fixed training part, for the held-out-phrasing test (slots such as ``{x}`` count
    as one word there)."""
    return [
        *FRAMES,
        *CLOSERS,
        *DISTRACTORS,
        *_wrapper_texts(ASK_WRAPPERS),
        *EMAIL_GREETINGS,
        *EMAIL_LEADS,
        *EMAIL_SIGN_OFFS,
        *SENTENCE_STEMS,
    ]


def held_out_parts_text() -> list[str]:
    """Every fixed held-out part, for the held-out-phrasing test."""
    return [*OOD_FRAMES, *OOD_CLOSERS, *OOD_DISTRACTORS, *_wrapper_texts(OOD_ASK_WRAPPERS)]

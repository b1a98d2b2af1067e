"""Building blocks of a task family: parameter specs, number rendering, the family record.

A family draws numbers (:class:`Num`), writes them into a question template in a randomly
chosen human format (``$12,500``, ``12500 USD``, ``5.5 %``), and copies the *same digits*
without thousands separators into the ground-truth formula: the model learns to copy numbers
verbatim and does every conversion (percent to fraction, ×100) inside the formula.
"""

from __future__ import annotations

import math
import random
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from quantreason.amounts import SUFFIXES, expanded_digits
from quantreason.reply.contract import DEFAULT_RELATIVE_TOLERANCE

Range = tuple[float, float]


@dataclass(frozen=True)
class Num:
    """A number as it appears in one question: its value, decimals shown, and kind.

    ``scale`` (1, 1e3, 1e6, 1e9) marks an amount shown scaled ("$1.2M"): ``decimals`` then
    counts the digits shown before the scale. The prompt writes it out in full
    (:func:`quantreason.amounts.expand_scaled_amounts`), and so does the formula: ``1200000``.
    """

    value: float
    decimals: int
    kind: str  # money | pct | plain
    scale: float = 1.0

    @property
    def shown(self) -> str:
        """The digits shown in the question, before any scale, without separators."""
        return f"{self.value / self.scale:.{self.decimals}f}"

    @property
    def formula(self) -> str:
        """The digits written in formulas: exactly as the prompt shows them, no separators."""
        if self.scale != 1:
            return expanded_digits(self.shown, self.scale)
        return self.shown

    def text(
        self,
        rng: random.Random,
        grouped: bool | None = None,
        money_style: int | None = None,
        scale_style: int | None = None,
    ) -> str:
        """A human rendering for the question text; the style is drawn from ``rng`` unless
        ``money_style`` (from :func:`money_style`) fixes the currency and ``scale_style`` the
        scale's spelling ("M" or " million") for a whole question."""
        digits = self.shown
        if self.scale != 1:
            suffixes = SUFFIXES[self.scale]
            style = rng.randrange(len(suffixes)) if scale_style is None else scale_style
            digits += suffixes[style % len(suffixes)]
        else:
            if grouped is None:
                grouped = rng.random() < 0.5
            if grouped and abs(self.value) >= 1000:
                digits = f"{self.value:,.{self.decimals}f}"
        if self.kind == "money":
            style = draw_money_style(rng) if money_style is None else money_style
            return (
                f"${digits}",
                f"{digits} dollars",
                f"USD {digits}",
                f"${digits}",
                f"€{digits}",
                f"£{digits}",
                f"{digits} EUR",
                f"{digits} GBP",
            )[style]
        if self.kind == "pct":
            return (f"{digits}%", f"{digits} %", f"{digits} percent")[rng.randrange(3)]
        return digits


def draw_money_style(rng: random.Random) -> int:
    """One currency rendering (index into :meth:`Num.text`'s styles): dollars 80 % of the time,
    euros or pounds otherwise (same digits, another symbol)."""
    return rng.randrange(4) + (4 if rng.random() < 0.2 else 0)


@dataclass(frozen=True)
class Param:
    """How one parameter is drawn: training range, out-of-range intervals, decimals."""

    kind: str  # money | pct | plain
    train: Range
    ood: tuple[Range, ...]
    decimals: int = 0
    ood_decimals: int | None = None  # OOD draws may show more digits
    log: bool = False  # log-uniform: spreads magnitudes (3- to 6-digit amounts)
    choices: tuple[float, ...] = ()  # when set: one of these values (train and OOD alike)

    def draw(
        self,
        rng: random.Random,
        ood: bool,
        band: int = 0,
        scaled: bool = False,
        round_figures: bool = False,
    ) -> Num:
        """Draw a value (rounded to the decimals shown, so solver and text agree).

        ``band`` picks the OOD interval; one band is shared by all parameters of a question
        so that related numbers (a price and its dividend) move out of range together.
        ``scaled``: the question shows large amounts scaled ("$1.2M").
        ``round_figures``: the question uses round numbers, as people write them ("$60,000",
        "8%", "$48"): see :func:`_round_figure`.
        """
        if self.choices:
            return Num(float(rng.choice(self.choices)), self.decimals, self.kind)
        low, high = self.ood[band % len(self.ood)] if ood else self.train
        decimals = self.ood_decimals if ood and self.ood_decimals is not None else self.decimals
        if self.log:
            raw = math.exp(rng.uniform(math.log(low), math.log(high)))
        else:
            raw = rng.uniform(low, high)
        if scaled and self.kind == "money":
            shown_scaled = _draw_scaled(rng, raw)
            if shown_scaled is not None:
                return shown_scaled
        if round_figures and not ood:
            rounded = _round_figure(rng, self.kind, raw, decimals)
            if rounded is not None and low <= rounded.value <= high:
                return rounded
        value = round(raw, decimals)
        if value == 0:
            value = 10.0**-decimals if decimals else 1.0
        return Num(value, decimals, self.kind)

    def describe(self, ood: bool) -> str:
        """Human description of the range, for the README's family table."""
        if self.choices:
            return ", ".join(_fmt(c) for c in self.choices)
        ranges = self.ood if ood else (self.train,)
        return " or ".join(f"{_fmt(lo)}–{_fmt(hi)}" for lo, hi in ranges)


# Share of questions whose large amounts are shown scaled ("$1.2M", "$250k") rather than in
# full; within such a question, amounts from 10,000 to a million are scaled half the time
# ("from $850,000 to $1.2M" is how people write). The prompt writes them out in full again.
SCALED_QUESTION_SHARE = 0.3


# Share of (in-range) questions written with round numbers, as people write them: "$60,000",
# "$1,000,000", "8%", "a stop at $45". Drawn values have all their digits ("$63,612", "8.0%"),
# and the model, which copies digits one token at a time, had never seen a run of zeros to
# count: it wrote 600000 for "$60,000" and 1000000000 for "$1,000,000" (session 13).
ROUND_QUESTION_SHARE = 0.25


def _round_figure(rng: random.Random, kind: str, raw: float, decimals: int) -> Num | None:
    """``raw`` as a round number, or None where rounding does not apply: an amount to one or
    two significant figures, a percentage to a whole or half point, a price of 10 or more to a
    whole number. Small bare numbers (betas, correlations) and whole-number counts stay."""
    if kind == "money" and abs(raw) >= 10:
        exponent = math.floor(math.log10(abs(raw))) + 1 - rng.choice((1, 2))
        return Num(float(round(raw / 10**exponent) * 10**exponent), 0, kind)
    if kind == "pct" and abs(raw) >= 1 and decimals > 0:
        value = round(raw * 2) / 2
        return Num(value, 0 if value.is_integer() else 1, kind)
    if kind == "plain" and abs(raw) >= 10 and decimals > 0:
        return Num(float(round(raw)), 0, kind)
    return None


def _draw_scaled(rng: random.Random, raw: float) -> Num | None:
    """``raw`` shown with a scale ("$1.2M", "$3.75bn", "$250k"), or None to show it in full."""
    size = abs(raw)
    if size >= 1e6:
        factor, decimals = (1e9 if size >= 1e9 else 1e6), rng.choice((0, 1, 1, 2))
    elif size >= 1e4 and rng.random() < 0.5:
        factor, decimals = 1e3, rng.choice((0, 0, 1))
    else:
        return None
    shown = round(raw / factor, decimals)
    if shown == 0:
        return None
    return Num(shown * factor, decimals, "money", factor)


def _fmt(x: float) -> str:
    return f"{x:,.0f}" if abs(x) >= 1000 else f"{x:g}"


Values = Mapping[str, Num]


@dataclass(frozen=True)
class Parts:
    """Pieces a question is composed from: what each number is called, how the quantity is
    asked for. ``ood_*`` pieces appear only in ``test_ood_template``; a parameter missing from
    ``ood_labels`` keeps its training labels there (labels are a few words, the test of
    held-out phrasing looks at six-word runs)."""

    labels: Mapping[str, tuple[str, ...]]
    asks: tuple[str, ...]
    ood_labels: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    ood_asks: tuple[str, ...] = ()
    # What two assets are called, one pair per question ("stocks" and "bonds", "fund X" and
    # "fund Y"): labels written with ``{a}`` and ``{b}`` take them ("weight of {a}").
    names: tuple[tuple[str, str], ...] = ()


# Positions of list items past the third (Family.optional): number, ordinal, word.
LATER_POSITIONS = ((4, "fourth", "four"), (5, "fifth", "five"), (6, "sixth", "six"))


def later_item_labels(prefix: str, forms: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """Labels of list items 4 to 6 (``prefix`` + number), each form written with ``{n}``,
    ``{ordinal}`` and ``{word}``: ``("year-{n} cash flow", ...)`` -> ``{"cf4": ("year-4 cash
    flow", ...), ...}``."""
    return {
        f"{prefix}{n}": tuple(form.format(n=n, ordinal=ordinal, word=word) for form in forms)
        for n, ordinal, word in LATER_POSITIONS
    }


def number_texts(rng: random.Random, nums: Values) -> dict[str, str]:
    """Each number as the question writes it, with one currency and one spelling of scales
    ("M" or " million") for the whole question: the rule render hooks start from too."""
    money_style = draw_money_style(rng)
    scale_style = rng.randrange(4)
    return {
        k: n.text(rng, money_style=money_style, scale_style=scale_style) for k, n in nums.items()
    }


@dataclass(frozen=True)
class TermCount:
    """A term in years that questions may state as a number of payments instead ("60 monthly
    payments", "a 48-month loan"): :mod:`quantreason.tasks.term_counts` restates it and the
    formula builder then receives the count as ``N``. ``years`` names the parameter holding
    the term; ``per_year`` the parameter holding the payments a year, or that number itself
    (a family that is always monthly); ``nouns`` what one payment is called."""

    years: str = "n"
    per_year: str | float = "m"
    nouns: tuple[str, ...] = ("payments", "instalments", "repayments")


@dataclass(frozen=True)
class Family:
    """One kind of question: templates, parameter ranges, reference solver and formula.

    ``solve`` computes the answer from the numbers independently of the formula text;
    ``formula`` builds the ground-truth formula from the numbers' formula digits.
    Templates use ``{name}`` for parameters; ``ood_templates`` appear only in
    ``test_ood_template``.
    """

    name: str
    unit: str
    reasoning: str
    params: Mapping[str, Param]
    formula: Callable[[Mapping[str, str]], str]
    solve: Callable[[Mapping[str, float]], float]
    templates: tuple[str, ...]
    ood_templates: tuple[str, ...]
    convention: str
    valid: Callable[[Mapping[str, float]], bool] = lambda v: True
    sign_free: bool = False  # a loss is reported as a positive size; either sign accepted
    tolerance: float = DEFAULT_RELATIVE_TOLERANCE
    # Optional hooks: custom sampling (variable-length paths), derived numbers (a weight
    # that is 100 minus another), and custom text for numbers (a frequency shown as a word).
    sample: Callable[[random.Random, bool], dict[str, Num]] | None = field(default=None)
    derive: Callable[[dict[str, Num]], dict[str, Num]] | None = field(default=None)
    render: Callable[[random.Random, Values], dict[str, str]] | None = field(default=None)
    # Composable phrasing (quantreason.tasks.phrasing): labels for the numbers and ways to ask
    # for the quantity; questions are assembled from these beside the written templates.
    parts: Parts | None = field(default=None)
    # Some questions state the term as a number of payments (quantreason.tasks.term_counts).
    term_count: TermCount | None = field(default=None)
    # Items of a list past the ones every question has (a fourth and fifth cash flow, a third
    # fund), in list order. They are drawn with the rest; a written template keeps those it
    # names, a composed question a leading run of them of random length (none to all), so
    # lists come in several lengths, as people write them. ``formula`` and ``solve`` read the
    # items present.
    optional: tuple[str, ...] = ()
    # What the task itself weighs (quantreason.tasks.phrasing.REMARK_TOPICS: "costs", "taxes",
    # "leverage", "currency", "rounding", "shorting"): an aside telling the reader to ignore it
    # would contradict the question.
    uses: frozenset[str] = frozenset()
    # A sentence a written template's question opens with where the draw holds figures no
    # written template names (a purchase price beside the loan, a side figure): composed
    # questions list them with labels, and people write them in prose too. Called with the
    # draw, its texts and whether the split is held out (``test_ood_template`` has sentences
    # of its own); returns "" (and draws nothing from ``rng``) when the draw has none.
    aside: Callable[[random.Random, Values, Mapping[str, str], bool], str] | None = field(
        default=None
    )

    def draw(self, rng: random.Random, ood: bool) -> dict[str, Num]:
        """Parameters for one question, redrawn until :attr:`valid` accepts them."""
        bands = band_count(self.params)
        for _ in range(500):
            if self.sample is not None:
                nums = self.sample(rng, ood)
            else:
                nums = draw_params(self.params, rng, ood, bands)
            if self.derive is not None:
                nums = self.derive(nums)
            if self.valid({k: n.value for k, n in nums.items()}):
                return nums
        raise RuntimeError(f"family {self.name}: could not draw valid parameters")

    def keeping(self, nums: Values, kept: int) -> dict[str, Num]:
        """``nums`` with only the first ``kept`` of the :attr:`optional` list items."""
        dropped = set(self.optional[kept:])
        return {name: num for name, num in nums.items() if name not in dropped}

    def texts(self, rng: random.Random, nums: Values) -> dict[str, str]:
        """How each number is written in the question (formats drawn from ``rng``)."""
        if self.render is not None:
            return self.render(rng, nums)
        return number_texts(rng, nums)

    def build_formula(self, nums: Values) -> str:
        """The ground-truth formula for these numbers."""
        return self.formula({k: n.formula for k, n in nums.items()})

    def answer(self, nums: Values) -> float:
        """The reference solver's answer for these numbers."""
        return float(self.solve({k: n.value for k, n in nums.items()}))


def time_to_reach(short: Callable[[float], bool]) -> float:
    """The time (>= 0) at which ``short(t)`` stops holding, for a ``short`` that holds up to some
    point and not after it (a balance below its target until it gets there): a bracket doubled
    until it holds the point, then halved 200 times. Solvers use it where a formula would take a
    logarithm."""
    low, high = 0.0, 1.0
    while short(high):
        low, high = high, high * 2
    for _ in range(200):
        middle = (low + high) / 2
        if short(middle):
            low = middle
        else:
            high = middle
    return (low + high) / 2


def significant(value: float, figures: int, whole: bool = False) -> float:
    """``value`` to ``figures`` significant figures, as people quote amounts ($541,000, 0.047);
    ``whole``: never finer than whole units (a side amount of 38.6 stays 39)."""
    exponent = math.floor(math.log10(abs(value))) + 1 - figures
    if whole:
        exponent = max(exponent, 0)
    return float(round(value / 10**exponent) * 10**exponent)


def amount_beside(rng: random.Random, raw: float, like: Num) -> Num:
    """A figure drawn from the same accounts as ``like`` (inventory within current assets, D&A
    beside EBIT): two to four significant figures, as people quote them, and shown with
    ``like``'s scale ("$0.92M" beside "$2.3M"), or the next one down where that would take a
    run of zeros ("$25M" beside "$3.6bn", not "$0.025bn")."""
    scale = like.scale
    while scale > 1 and raw < 0.1 * scale:
        scale = 1.0 if scale == 1e3 else scale / 1e3
    if scale != 1:
        shown = significant(raw / scale, 2)
        decimals = max(0, 1 - math.floor(math.log10(shown)))
        while decimals > 0 and round(shown, decimals - 1) == round(shown, decimals):
            decimals -= 1  # "$6M", not "$6.0M"
        return Num(round(shown, decimals) * scale, decimals, "money", scale)
    return Num(significant(raw, rng.choice((2, 3, 3, 4)), whole=True), 0, "money")


def band_count(params: Mapping[str, Param]) -> int:
    """How many out-of-range bands the parameters offer (one is drawn per question)."""
    return max((len(p.ood) for p in params.values()), default=1)


def draw_params(
    params: Mapping[str, Param], rng: random.Random, ood: bool, bands: int | None = None
) -> dict[str, Num]:
    """Every parameter drawn in one band and one style (scaled amounts or round figures) for
    the whole question: what a family without its own ``sample`` draws."""
    band = rng.randrange(band_count(params) if bands is None else bands)
    scaled = rng.random() < SCALED_QUESTION_SHARE
    round_figures = not scaled and rng.random() < ROUND_QUESTION_SHARE
    return {name: spec.draw(rng, ood, band, scaled, round_figures) for name, spec in params.items()}


# Of a family's draws with side figures: composed questions show them beside the inputs.
SIDE_FIGURE_SHARE = 0.4


def sample_with_side_figures(
    params: Mapping[str, Param], side: Mapping[str, Param], share: float = SIDE_FIGURE_SHARE
) -> Callable[[random.Random, bool], dict[str, Num]]:
    """A ``sample`` hook: the parameters as :func:`draw_params` draws them and, in ``share`` of
    draws, figures people write beside them that the task does not use (a mean return beside
    a volatility, a cost already spent beside a project's cash flows). Side figures are drawn
    in their training range in every split (a distractor, not an input); composed questions
    show those with labels, written templates none, and neither formula nor solver reads them."""
    bands = band_count(params)

    def sample(rng: random.Random, ood: bool) -> dict[str, Num]:
        nums = draw_params(params, rng, ood, bands)
        if rng.random() < share:
            for name, spec in side.items():
                nums[name] = spec.draw(rng, False)
        return nums

    return sample


def side_sentences(
    forms: Mapping[str, tuple[str, ...]],
) -> Callable[[random.Random, Values, Mapping[str, str], bool], str]:
    """An :attr:`Family.aside` hook: for each side figure the draw holds (a key of ``forms``),
    one of its sentences, filled from the texts. Each figure's last sentence is held out: only
    ``test_ood_template`` uses it, and only it."""

    def aside(rng: random.Random, nums: Values, texts: Mapping[str, str], held_out: bool) -> str:
        return " ".join(
            rng.choice(held_out_or_not(sentences, held_out)).format(**texts)
            for name, sentences in forms.items()
            if name in nums
        )

    return aside


def held_out_or_not(forms: tuple[str, ...], held_out: bool) -> tuple[str, ...]:
    """The last of ``forms`` for a held-out split, the others for every other split."""
    return forms[-1:] if held_out else forms[:-1]


def pct(train: Range, ood: tuple[Range, ...], decimals: int = 1, **kw: object) -> Param:
    """A percentage parameter (shown as ``5.5%``, ``5.5 %`` or ``5.5 percent``)."""
    return Param("pct", train, ood, decimals, **kw)  # type: ignore[arg-type]


def money(train: Range, ood: tuple[Range, ...], decimals: int = 0, **kw: object) -> Param:
    """A currency amount (shown as ``$12,500``, ``12500 dollars``, ``USD 12,500``...)."""
    kw.setdefault("log", True)
    return Param("money", train, ood, decimals, **kw)  # type: ignore[arg-type]


def plain(train: Range, ood: tuple[Range, ...], decimals: int = 0, **kw: object) -> Param:
    """A bare number: years, prices, ratios, counts."""
    return Param("plain", train, ood, decimals, **kw)  # type: ignore[arg-type]


def article(text: str) -> str:
    """ "a" or "an" before ``text`` as it is read aloud: a number first ("an 8% discount", "an
    $18,000 deposit", "a 0.5% discount", "an 11-day window"), else by its first letter ("a
    USD 8,000 deposit", said "you")."""
    body = text.lstrip("$€£+-")
    if not body[:1].isdigit():
        return "an" if body[:1].lower() in "aeio" else "a"
    whole = re.match(r"[\d,]+", body)
    digits = whole.group().replace(",", "") if whole else body
    lead = digits[: len(digits) % 3 or 3]  # the digits read before "thousand", "million"
    return "an" if lead.startswith("8") or lead in ("11", "18") else "a"


def sentence_case(text: str) -> str:
    """``text`` with its first letter upper case (the rest as written: "USD", "P&L" stay)."""
    return text[0].upper() + text[1:]


def with_article(text: str) -> str:
    """``text`` after its article: "an 8% discount", "a 91-day bill"."""
    return f"{article(text)} {text}"

"""The article before a number in a generated question ("an 8 % coupon", "a 12 % rate", "a loan
of $5,000", never "a $5,000 loan"), checked alike by the family modules' tests."""

from __future__ import annotations

import re

# "a" before a number read with a vowel sound (8, 11, 18, 80, 800, 11.5, 18-month) is wrong, and
# "an" before any other; "&" keeps "S&A" out of it.
A_BEFORE_VOWEL_NUMBER = re.compile(r"(?<![\w&])[Aa] [$€£]?(8|11\b|18\b|11[,.-]|18[,.-])")
AN_BEFORE_CONSONANT_NUMBER = re.compile(r"(?<![\w&])[Aa]n [$€£]?(?!8|11\b|18\b|11[,.-]|18[,.-])\d")
# An amount is never an adjective after an article ("a 83.7k dollars loan", "A 18912 GBP
# advance", "a $8.50 stock"): templates say "a loan of {L}", "a stock priced at {P}".
MONEY_AFTER_ARTICLE = re.compile(
    r"(?<![\w&])[Aa]n? (?:[$€£]|(?:USD|EUR|GBP) )\d|(?<![\w&])[Aa]n? \d[\d,.]*\s?[A-Za-z]{0,7} ?"
    r"(?:dollars|euros|pounds|USD|EUR|GBP)\b"
)


def assert_articles_read_right(question: str, money: bool = True) -> None:
    """Fail where ``question`` puts the wrong article before a number, or (``money``) any
    article before a money amount."""
    assert not A_BEFORE_VOWEL_NUMBER.search(question), question
    assert not AN_BEFORE_CONSONANT_NUMBER.search(question), question
    if money:
        assert not MONEY_AFTER_ARTICLE.search(question), question

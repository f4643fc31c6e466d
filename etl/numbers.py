"""Quantities written in news text: "3.73 million", "about 34,000", "$500 million", "two dozen".

`find_quantities(text)` is pure: it reads a string and returns every stated quantity with its
value, its span and the qualifier written before it ("more than", "about", "only"). It leaves
out what is a number but not a quantity of anything: percentages, ages, durations, dates and
years, times, ordinals, vote tallies and scores, per-period prices, identifiers ("Resolution
2254", "No. 87982"), list markers and the singular "one"/"a". Vague amounts ("thousands",
"tens of thousands", "dozens", "millions of Syrians") carry no number and are never matched.
Which quantities count something worth a `figures` row is decided in `etl.figures`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

RULES_DIR = Path(__file__).parent / "rules"

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "trillion": 1_000_000_000_000}  # fmt: skip
# Abbreviated scales written straight after digits ("1.2m", "$5bn", "40k").
SHORT_SCALES = {"m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000, "b": 1_000_000_000,
                "k": 1_000, "tn": 1_000_000_000_000}  # fmt: skip

# Currency marks before the number and currency words after it; the value stays in the unit
# written (no conversion), `currency` says which.
# Dirhams ("Dh250 million", "Dh 250 million", "AED 40 million") are written by Gulf outlets, which
# report pledges in their own currency first and restate them in dollars in parentheses; "Dh" is
# matched in its own case only, so "DHS 300 officers" (an agency) stays a count.
CURRENCY_PREFIX = (
    r"(?:US\$|U\.S\.\s?\$|C\$|CA\$|Can\$|CAD\s?\$?|A\$|AU\$|Aus\$|NZ\$|USD\s?|EUR\s?|GBP\s?"
    r"|(?-i:Dhs?)\s?(?=\d)|AED\s?|\$|€|£)"
)
# A bare "pounds" is as often weight as money; only "pounds sterling" is read as money, and
# "pounds" restated at once in another currency ("286 million pounds, or $374 million").
CURRENCY_WORDS = (
    r"(?:U\.S\.\s|US\s|American\s|Canadian\s)?(?:dollars|euros|pounds\s+sterling"
    r"|pounds(?=\s*(?:,\s*or\s|\()\s*(?:about\s+|some\s+|around\s+)?(?:US\$|\$|€|£)\s?\d))"
)
CURRENCY_CODES = {"$": "USD", "US$": "USD", "U.S.$": "USD", "USD": "USD", "C$": "CAD",
                  "CA$": "CAD", "Can$": "CAD", "CAD": "CAD", "A$": "AUD", "AU$": "AUD",
                  "Aus$": "AUD", "NZ$": "NZD", "Dh": "AED", "Dhs": "AED", "AED": "AED",
                  "€": "EUR", "EUR": "EUR", "£": "GBP", "GBP": "GBP"}  # fmt: skip

# Fractions of a scale word: "half a million", "a quarter of a million".
_FRACTION_WORDS = {"half": 1 / 2, "quarter": 1 / 4, "quarters": 1 / 4, "third": 1 / 3,
                   "thirds": 1 / 3}  # fmt: skip

_WORD = "|".join(sorted(list(UNITS) + list(SCALES) + ["dozen"], key=len, reverse=True))
_FIRST_WORD = "|".join(sorted(UNITS, key=len, reverse=True))  # "thousand" alone is vague
# Thousands are grouped by commas ("800,000"), in the SI style by spaces ("800 000"), or in the
# continental style by full stops ("1.250.000"; one group alone, "85.000", is read in
# `find_quantities`, as a decimal point before a scale word is a decimal: "4.504 million").
_DIGITS = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?: \d{3})+(?!\d|[,.]\d)|\d{1,3}(?:\.\d{3}){2,}(?!\d|[,.]\d)"
    r"|\d+(?:\.\d+)?"
)
# "Brazil about 85.000 refugees": digits grouped by full stops, with no scale word or currency,
# are a whole count in the continental style; English copy never writes a count of people with
# three decimals.
_DOT_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
_SCALE_WORDS = r"(?:hundred|thousand|million|billion|trillion|dozen)"
_NUMBER = (
    rf"(?P<cur>{CURRENCY_PREFIX})?"
    r"(?P<num>"
    # digits with an optional scale word ("3.73 million", "$1.2-billion", "$11billion") or short
    # scale ("1.2m")
    rf"(?:(?:{_DIGITS})(?:(?:\s|-)?(?:{_SCALE_WORDS})\b|(?:mn|bn|tn|m|b|k)\b|\s(?-i:M)(?![\w.-]))?)"
    # "half a million", "half-a-million", "a quarter of a million", "three quarters of a million"
    rf"|(?:(?:(?:an?|one|two|three)[\s-]+)?(?:half|quarters?|thirds?)(?:[\s-]+of)?[\s-]+an?[\s-]+"
    rf"{_SCALE_WORDS}\b)"
    # "a million", "a dozen", "a hundred" (but never a bare "a")
    rf"|(?:an?\s+(?:{_SCALE_WORDS})\b(?:(?:\s+and\s+|\s|-)(?:{_WORD})\b)*)"
    # spelled-out numbers: "six million", "twenty-five", "one hundred and twenty"
    rf"|(?:(?:{_FIRST_WORD})\b(?:(?:\s+and\s+|\s|-)(?:{_WORD})\b)*)"
    r")"
    rf"(?P<curword>\s+{CURRENCY_WORDS}\b)?"
)
NUMBER_RE = re.compile(rf"(?<![\w$€£.,:/#-]){_NUMBER}", re.IGNORECASE)

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)


@dataclass(frozen=True)
class Quantity:
    """A number stated in text, with what was written around it."""

    value: float
    value_text: str  # as written, currency included: "$500 million", "3.73 million"
    start: int  # span of value_text in the text searched (plus the offset given)
    end: int
    qualifier: str | None = None  # "more than", "about", "only"... lower-cased
    currency: str | None = None  # ISO code when the quantity is money
    spelled: bool = False  # written in words ("six million"), not digits

    @property
    def is_money(self) -> bool:
        return self.currency is not None


def _read_phrases(name: str) -> tuple[str, ...]:
    """Phrases from a commented rules file, one per line, longest first."""
    lines = (RULES_DIR / name).read_text(encoding="utf-8").splitlines()
    phrases = {ln.split("#", 1)[0].strip().lower() for ln in lines}
    return tuple(sorted((p for p in phrases if p), key=len, reverse=True))


@lru_cache(maxsize=1)
def qualifiers() -> tuple[str, ...]:
    """Approximation and limit words written before a quantity, from figure_qualifiers.txt."""
    return _read_phrases("figure_qualifiers.txt")


def words_to_number(words: str) -> float | None:
    """The value of a spelled-out number ("twenty-five", "six million", "two dozen")."""
    tokens = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if not tokens:
        return None
    if tokens[-1] in SCALES and len(tokens) >= 3 and tokens[-2] in ("a", "an"):
        # "half a million", "a quarter of a million", "three quarters of a million"
        parts = [t for t in tokens[:-2] if t != "of"]
        share = _FRACTION_WORDS.get(parts[-1]) if parts else None
        if share is not None and len(parts) <= 2:
            count = (
                1 if len(parts) == 1 else UNITS.get(parts[0], 1 if parts[0] in ("a", "an") else 0)
            )
            return SCALES[tokens[-1]] * share * count if count else None
    if tokens[0] in ("a", "an"):
        tokens[0] = "one"
    total, current = 0.0, 0.0
    for token in tokens:
        if token in UNITS:
            current += UNITS[token]
        elif token == "dozen":
            current = max(current, 1) * 12
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in SCALES:
            total += max(current, 1) * SCALES[token]
            current = 0.0
        else:
            return None
    return total + current


def parse_number(text: str) -> float | None:
    """The value of a number as written in digits or words, with any scale ("1.2m", "3 million")."""
    text = text.strip()
    match = re.fullmatch(
        rf"({_DIGITS})(?:[\s-]*({_SCALE_WORDS}|mn|bn|tn|m|b|k))?", text, re.IGNORECASE
    )
    if match:
        # Decimal keeps "34.2 billion" exact (a float product gives 34200000000.000004)
        digits = match.group(1)
        if digits.count(".") > 1:
            digits = digits.replace(".", "")  # "1.250.000": continental grouping
        base = Decimal(digits.replace(",", "").replace(" ", ""))
        scale = (match.group(2) or "").lower()
        if scale == "dozen":
            return float(base * 12)
        return float(base * SCALES.get(scale, SHORT_SCALES.get(scale, 1)))
    return words_to_number(text)


# What follows a number that makes it something other than a quantity of things.
_NOT_A_QUANTITY_AFTER = re.compile(
    r"""^(?:
        \s*(?:%|per\s?cent\b|percent\b|pc\b|percentage\s+points?\b)       # shares
      | -?\s*(?:years?|months?|weeks?|days?)[\s-]old\b                  # ages
      | -(?!(?:hundred|thousand|million|billion|trillion|dozen|strong)\b)[a-z]  # "two-day", "12-month"
      | (?:st|nd|rd|th)\b                                               # ordinals
      | \s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|gmt|utc|hrs\b)             # times
      | \s*[-–]\s*\d                                                    # tallies, ranges, phones
      | [:/]\d                                                          # times, fractions, dates
      | \s+\d                                                           # "87982 7913"
      | \s*(?:per|a|an|every|each|/)\s*(?:week|month|year|day|issue|person|head|capita|litre|liter
            |kilo|kg|barrel|gallon|share|ticket|night|hour)\b             # prices and rates
      | \s*(?:to|-|–)\s*[$€£]?\d[\d.,]*\s*(?:per|a|an|every|each|/)\s*(?:week|month|year|day
            |person|head|capita|litre|liter|kilo|kg)\b                  # "from $12 to $10 per person"
      | \s+(?:to|-)\s+\d+\s+(?:vote|in\s+favou?r)                        # "12 to 3 vote"
      | \s*(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|centur(?:y|ies))\b
      | [a-z]                                                           # units: "5km", "24weeks"
      | \s+(?:in|out\s+of(?:\s+the)?)\s+(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)\b
        (?![\d,.]|\s+(?:years?|months?|weeks?|days?|hours?))         # ratios: "2 in 3"
      | \s+(?:halves|thirds|quarters|fifths|tenths)\b                    # fractions
      | \)\s*\d                                                        # "(613) 288-2529"
      | (?-i:(?:\s+[A-Z][\w.]*){1,3}\s+(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Boulevard|Drive))\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# What comes before a number that makes it an age, identifier, date or tally.
_NOT_A_QUANTITY_BEFORE = re.compile(
    rf"""(?:
        \b(?:aged|age|ages)\s+$|\bages?\s+of\s+$                 # "aged 12", "the age of five"
      | \b(?:no\.|nos\.|number|\#|resolutions?|articles?|chapters?|flight|route|room|suite|unit|
            pages?|sections?|paragraphs?|clauses?|vol\.|volume|item|line|seat|class|grade|level|
            phase|box)\s*$
      | \b(?:sections?|articles?|paragraphs?|clauses?|pages?|chapters?|resolutions?)\s+\d+\s*
            (?:to|and|through|-|–)\s*$                         # "Sections 77 to 79"
      | \b(?:{MONTHS})\.?\s+$                                   # "June 16", "Nov. 11"
      | \bvoted?\s+$|\bvote\s+of\s+$                            # "voted 12 to 3"
      | \d\s*[-–]\s*$                                             # second half of "13-2"
      | \d\s+$                                                  # "87982 7913"
      | (?:(?<![\d,.])\d{{1,3}}|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))
            \s+(?:in|out\s+of(?:\s+the)?)\s+$  # "1 in 5" (not "26,000 out of 32,000 refugees")
      | \bvot(?:e|ed|es|ing)(?:\s+\w+){{0,3}}\s+\d+\s+(?:to|against)\s+$   # "voted 12 to 3"
    )""",
    re.IGNORECASE | re.VERBOSE,
)
# "killed 40-50 people": a range of a count of people is read as its lower bound (its upper
# bound is left out by the rule for the second half of "13-2").
_RANGE_OF_PEOPLE = re.compile(
    r"^\s*[-–]\s*\d[\d,]*\s+(?:people|persons|civilians|children|soldiers|troops|fighters|"
    r"refugees|migrants|residents|families|dead|killed|wounded|injured)\b",
    re.IGNORECASE,
)
# "about 1,200 to 1,300 people per day": the upper bound of a range written with "to" (the
# lower bound is the figure, as with "40-50 people"); "rose from 36,000 to 150,000" is a level
# from one count to another, and both are read.
_RANGE_UPPER = re.compile(
    r"(?<![\w.,])(?P<lead>\w+\s+)?\d[\d,]*(?:\.\d+)?(?:\s*(?:million|thousand|billion))?\s+to\s+$",
    re.IGNORECASE,
)
_LEVEL_LEADS = ("from", "between", "rose", "risen", "increased", "grew", "grown", "climbed",
                "jumped", "fell", "fallen", "dropped", "declined", "decreased", "swelled", "soared")  # fmt: skip
# "2.5 to 3 million people": the lower bound of a range takes the upper bound's scale word.
_SCALED_UPPER = re.compile(
    r"\s+to\s+\d[\d,]*(?:\.\d+)?\s+(million|billion|thousand)\b", re.IGNORECASE
)
# "climbing by more than 3,000 per day": a count of people per day or week is a figure (daily
# arrivals, GOLD.md); money per period stays a price or a grant, and small numbers ("three
# meals a day") stay out.
_ARRIVALS_RATE = re.compile(r"^\s*(?:per|a|every|each)\s+(?:day|week)\b", re.IGNORECASE)


# A sum restated in another currency after a comma and "or": "286 million pounds, or $374
# million," is one figure, the first written.
_OR_RESTATED = re.compile(
    rf"\s*,\s*or\s+(?:about\s+|some\s+|around\s+|roughly\s+)?{CURRENCY_PREFIX}\s?\d"
)


# The inside of parentheses that only restate a sum in other currencies: "(459m euros; £396m)".
# Each sum is an atomic group: the spaces between sums could otherwise be shared out between the
# optional parts in exponentially many ways, and "(2019 2020 2021 … n/a)" would hang the ETL.
_CONVERSIONS = re.compile(
    r"(?:(?>[\s;,/]*(?:about|around|roughly|approximately|approx\.|or|some|~|≈)?\s*"
    rf"{CURRENCY_PREFIX}?\s*\d[\d.,]*\s*(?:million|billion|trillion|mn|bn|tn|m)?\s*"
    r"(?:euros?|dollars?|pounds(?:\s+sterling)?|[A-Z]{3})?[\s;,/]*))+"
)


def _value_of_digits(number: str) -> float:
    try:
        return float(number.replace(",", "").replace(" ", ""))
    except ValueError:
        return 0.0


_MONTH_AFTER = re.compile(rf"^\s+(?:of\s+)?(?:{MONTHS})\b", re.IGNORECASE)
_YEAR = re.compile(r"^(?:1[89]|20)\d\d$")
_YEAR_BEFORE = re.compile(r"(?<![\d,.])(?:19|20)\d\d\s+$")


def _is_list_marker(text: str, start: int, end: int) -> bool:
    """'1. Follow topics': a number opening a line and closed by '.' or ')'."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and text[end : end + 1] in (".", ")")


def _is_identifier(line_before: str) -> bool:
    """A number straight after a capitalised word names something ("Resolution 2254", "Astana
    14"); a capitalised word opening the sentence ("About 450") or a possessive does not."""
    prev_word = re.search(r"([A-Z][\w.]*)\s+$", line_before)
    if not prev_word or prev_word.group(1).lower().rstrip(".") in _qualifier_words():
        return False
    return not re.search(r"(?:^|[.!?:;\"“”(]\s*)[A-Z][\w.]*\s+$", line_before)


_DOTTED_AFTER = re.compile(r"\.\d")
_DOTTED_BEFORE = re.compile(r"\d\.$")


def _in_dotted_run(text: str, start: int, end: int) -> bool:
    """Digits that a full stop joins to more digits before or after them: a dotted date, a
    version or an address ("12.03.2022", "2.14.3", "192.168.1.20"), of which the pattern read
    only a part. A sentence's full stop has a space or an end after it."""
    if not text[start : start + 1].isdigit():
        return False
    return bool(
        _DOTTED_AFTER.match(text, end) or _DOTTED_BEFORE.search(text[max(0, start - 2) : start])
    )


def _excluded(text: str, start: int, end: int, number: str, is_money: bool) -> bool:
    """True when the number at text[start:end] is not a quantity of things (see module doc)."""
    line_before = text[max(0, start - 40) : start].rsplit("\n", 1)[-1]
    after = text[end : end + 40]
    if _is_list_marker(text, start, end):
        return True
    if text[start - 1 : start] == "[" and text[end : end + 1] == "]" and not is_money:
        return True  # a citation mark: "… since 25 August 2017.[4]"
    if (
        _NOT_A_QUANTITY_AFTER.match(after)
        and not _RANGE_OF_PEOPLE.match(after)
        and not (not is_money and _ARRIVALS_RATE.match(after) and _value_of_digits(number) >= 100)
    ):
        return True
    if _NOT_A_QUANTITY_BEFORE.search(line_before) and not (
        re.fullmatch(r"\d{1,3}(?:,\d{3})+", number) and _YEAR_BEFORE.search(line_before)
    ):
        return True  # (a grouped number after a year is a row: "Returnees Jan-April 2019 216,200")
    if is_money:
        return False
    upper = _RANGE_UPPER.search(line_before)
    if upper and (upper.group("lead") or "").strip().lower() not in _LEVEL_LEADS:
        return True
    if _YEAR.match(number):  # "in 2011", "2002-2022"
        return True
    if _MONTH_AFTER.match(after) and re.fullmatch(r"\d{1,2}", number):  # "16 June"
        return True
    # "Resolution 2254", "Astana 14" name things; a number with thousands separators after a
    # name is a table row or list entry ("North Lebanon 241,102"), and a number written in words
    # or with a scale word is a count ("UPDATE Two people fell", "departed to Ukraine 1.795
    # million"): names and models are numbered in bare digits
    return (
        not re.fullmatch(r"\d{1,3}(?:,\d{3})+", number)
        and not _IN_WORDS_OR_SCALED.search(number)
        and _is_identifier(line_before)
    )


# A number written in words, or with a scale word or short scale: never part of a name.
_IN_WORDS_OR_SCALED = re.compile(
    rf"^[^\d]*$|\d\s*(?:-\s*)?(?:{_SCALE_WORDS}|mn|bn|tn|m|b|k)\b", re.IGNORECASE
)


@lru_cache(maxsize=1)
def _qualifier_words() -> frozenset[str]:
    return frozenset(w for q in qualifiers() for w in q.split())


def _qualifier_before(text: str, start: int) -> str | None:
    """The qualifier written just before `start` ("more than", "about"), lower-cased."""
    before = text[max(0, start - 40) : start].lower()
    for phrase in qualifiers():
        if re.search(rf"(?:^|\W){re.escape(phrase)}\s+$", before):
            return phrase
    return None


def _valid_spelled_prefix(number: str) -> str:
    """Cut a spelled number where it stops being one: "two and three" is two numbers, while
    "one hundred and twenty" is one ("and" only follows hundred/thousand/million)."""
    match = re.search(
        r"\b(?!hundred|thousand|million|billion|trillion)\w+\s+and\s",
        number,
        re.IGNORECASE,
    )
    return number[: match.start() + len(match.group(0).split()[0])] if match else number


def _other_currency(restatement: str, currency: str) -> bool:
    """The restatement ", or $374 million" is written in a currency other than `currency`."""
    mark = re.search(CURRENCY_PREFIX, restatement)
    return (
        mark is not None and CURRENCY_CODES.get(re.sub(r"\s", "", mark.group(0)), "USD") != currency
    )


def _currency_of(match: re.Match[str]) -> str | None:
    if match.group("cur"):
        return CURRENCY_CODES.get(re.sub(r"\s", "", match.group("cur")), "USD")
    if match.group("curword"):
        word = match.group("curword").lower()
        return "EUR" if "euro" in word else "GBP" if "pound" in word else "USD"
    return None


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """Every quantity stated in `text`, in order; spans are shifted by `offset`."""
    found: list[Quantity] = []
    position = 0
    conversion_end = -1  # the closing parenthesis after a sum: "$600m (459m euros; £396m)"
    while match := NUMBER_RE.search(text, position):
        position = match.end()
        start, end = match.span()
        number = match.group("num")
        trimmed = _valid_spelled_prefix(number)
        if trimmed != number:
            # "between two and three million": the first bound of a range; read on from "and"
            position = match.start("num") + len(trimmed)
            continue
        currency = _currency_of(match)
        lowered = number.lower()
        if re.fullmatch(r"(?:one|zero|an?)", lowered):
            continue  # "one Russian official", "one of the worst": a single thing is no count
        if lowered.startswith(("a ", "an ")) and lowered.split()[-1] == "hundred" and not currency:
            continue  # "a hundred" reads as a round, vague amount in news copy
        if _excluded(text, start, end, number, currency is not None):
            continue
        if _in_dotted_run(text, match.start("num"), match.end("num")):
            continue  # "12.03.2022", "version 2.14.3", "192.168.1.20": no count, a fragment of one
        value = parse_number(number)
        if currency is None and _DOT_GROUPED.fullmatch(number):
            value = float(number.replace(".", ""))  # "85.000 refugees": 85,000
        scaled = _SCALED_UPPER.match(text, end) if re.fullmatch(_DIGITS, number) else None
        if value is not None and scaled:
            value *= SCALES[scaled.group(1).lower()]  # "2.5 to 3 million": 2.5 million
        if value is None or value < 2:
            continue  # "1 soldier", "$1": a single thing is never a count
        if currency is not None:
            if start < conversion_end:
                continue  # the same sum in other currencies is no second figure
            opened = re.match(r"\s*\(", text[end : end + 5])
            close = text.find(")", end, end + 60) if opened else -1
            inside = text[end + opened.end() : close] if opened and close != -1 else ""
            conversion_end = close if _CONVERSIONS.fullmatch(inside) else -1
            restated = _OR_RESTATED.match(text, end)
            if conversion_end == -1 and restated and _other_currency(restated.group(0), currency):
                conversion_end = restated.end()  # "… pounds, or $374 million": the same sum
        value_text = text[start:end]
        found.append(
            Quantity(
                value=value,
                value_text=value_text,
                start=start + offset,
                end=end + offset,
                qualifier=_qualifier_before(text, start),
                currency=currency,
                spelled=not any(ch.isdigit() for ch in number),
            )
        )
    return found

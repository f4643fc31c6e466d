"""Counts in lists: lists written in prose and rows of tables or lists of numbers.

In prose, a count listed after a place ("Jordan (205,000)", "Lebanon, 154,387; Jordan, ...",
"..., Slovakia 128,000") or after another count in its sentence belongs to the list, and takes
its category. For the rows `etl.figure_tables` finds, `read_row` decides what each row counts:
its label's category, else its heading's, else its column's; `NOT_A_FIGURE` for a row that
counts things rather than people or money.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from etl.figure_categories import (
    CategoryRules,
    _any_phrase,
    _counts_people,
    _Reading,
    phrase_category,
)
from etl.figure_tables import Row
from etl.numbers import Quantity, qualifiers


def _listed_after_place(num: Token) -> bool:
    """A number in brackets straight after a place name: "Jordan (205,000)"."""
    doc = num.doc
    first = num.i
    while first > 0 and doc[first - 1].like_num:
        first -= 1  # "Peru (1.22 million)": the number's first word
    if first < 2 or num.i + 1 >= len(doc):
        return False
    before, after = doc[first - 1], doc[num.i + 1]
    if doc[first - 2].pos_ != "PROPN":
        return False
    if before.text == "(" and after.text == ")":
        return True
    # "are: Lebanon, 154,387; Jordan, 142,664; ... and North Africa, 11,740."
    return before.text == "," and after.text in (";", ".") and _semicolon_list(num)


def _semicolon_list(num: Token) -> bool:
    """The sentence lists places and numbers separated by semicolons ("Place, N; Place, N")."""
    sent = num.sent
    pairs = sum(
        1
        for t in sent
        if t.like_num
        and t.i >= sent.start + 2
        and t.doc[t.i - 1].text == ","
        and t.doc[t.i - 2].pos_ == "PROPN"
    )
    return pairs >= 2 and any(t.text == ";" for t in sent)


def _in_enumeration(num: Token) -> bool:
    """An elliptical count listed after another in its sentence: "1,830,711 people fled to
    Poland, 459,485 – to Romania", "293 crossed from Lebanon and 42 from Jordan"."""
    doc = num.doc
    before = doc[num.i - 1] if num.i > 0 else None
    return (
        num.dep_ in ("conj", "appos")
        or (before is not None and before.text in (",", "and", ";") and num.dep_ != "nsubj")
        # "1.3 million Venezuelans are in Colombia, while 768,000 are in Peru"
        or (before is not None and before.lower_ in ("while", "whereas"))
        or _after_listed_place(num)
    )


def _after_listed_place(num: Token) -> bool:
    """A count straight after a place name that follows a comma or "and": the elliptical rows
    of a list in prose ("Hungary has received 180,000 refugees, Slovakia 128,000, Romania
    79,000 and Moldova 82,000")."""
    doc = num.doc
    i = _before_qualifier(num)
    if i < 1 or doc[i].pos_ != "PROPN":  # the tagger may take a country for an organisation
        return False
    while i > 0 and doc[i].pos_ == "PROPN":
        i -= 1
    while i > 0 and (doc[i].pos_ == "ADJ" or doc[i].tag_ == "HYPH"):  # "strife-torn Iraq 227,000"
        i -= 1
    return doc[i].text in (",", "and", ";")


def _before_qualifier(num: Token) -> int:
    """The index of the token before a count and the qualifier written before it ("Chile [over]
    100,000", "Brazil [about] 85.000", "Ecuador [more than] 220,000"): a qualifier of
    `rules/figure_qualifiers.txt`, up to three words."""
    doc = num.doc
    first = num.i
    while first > 0 and doc[first - 1].like_num:
        first -= 1  # "Peru [half a] million": the number's first word
    for size in (3, 2, 1):
        if first - size < 1:
            continue
        words = " ".join(t.lower_ for t in doc[first - size : first])
        if words in qualifiers():
            return first - size - 1
    return first - 1


def _tokens_of(doc, span: tuple[int, int] | None) -> Span | None:
    if span is None or span[1] <= span[0]:
        return None
    return doc.char_span(span[0], span[1], alignment_mode="expand")


NOT_A_FIGURE = _Reading("", None, frozenset())  # a row that counts things, not people or money


def _counted_by_number_of(label: Span) -> Token | None:
    """The noun of a row label "Number of Syrians ...", "Total number of flights ..."."""
    for token in label:
        if token.lemma_.lower() in ("number", "total", "count", "tally"):
            for of in token.rights:
                if of.lower_ == "of":
                    objects = [c for c in of.children if c.dep_ == "pobj"]
                    return objects[0] if objects else None
    return None


def read_row(doc, row: Row, quantity: Quantity, rules: CategoryRules) -> _Reading | None:
    """A table or list row's figure: the category its label says (when it describes what is
    counted), else its heading's, else its column's; None when none of them names a count."""
    parts = [
        _tokens_of(doc, row.label),
        _tokens_of(doc, row.unit),
        _tokens_of(doc, row.heading),
        _tokens_of(doc, row.column),
    ]
    if row.label_first and parts[0] is not None:
        counted = _counted_by_number_of(parts[0])
        if counted is not None and not _counts_people(counted, rules):
            return NOT_A_FIGURE  # "21: Number of flights scheduled": not people, forces or money
    described = [p for p in parts[:3] if p is not None]  # label, the cell's words, heading
    parts = [p for p in parts if p is not None]
    if quantity.is_money or any("$" in p.text or "funding" in p.text.lower() for p in described):
        aid = any(_any_phrase(rules.aid_words, doc, range(p.start, p.end)) for p in parts)
        return _Reading("aid_money" if aid else "other", None, frozenset())
    readings = [r for p in parts if (r := phrase_category(p, rules)) is not None]
    outer = _tokens_of(doc, row.outer)
    if (
        outer is not None
        and (said := phrase_category(outer, rules))
        and _outer_decides(readings, said)
    ):
        readings = [said]
    if not readings:
        heading = _tokens_of(doc, row.heading)
        label = _tokens_of(doc, row.label)
        if heading is not None and label is not None and _nationals_abroad(heading, label):
            return _Reading("refugees", None, frozenset())
        return None
    # the first part that names a category decides; a bare count of people only as a last resort
    strong = [r for r in readings if r[0] > 0]
    category = (strong or readings)[0][1]
    return _Reading(category, None, frozenset())


def _outer_decides(readings: list[tuple[int, str]], outer: tuple[int, str]) -> bool:
    """The heading line above a heading decides a row's category when the row, its label and
    its heading name nothing ("Which countries host the most refugees?" / "Here are the
    numbers:"), or name only people and the line above says what they are ("Ireland received
    3,275 asylum applications." / "The main countries of citizenship of applicants were:")."""
    if any(strength > 0 for strength, _ in readings):
        return False
    return not readings or outer[0] > 0


def _nationals_abroad(heading: Span, label: Span) -> bool:
    """A heading that counts a nation's people ("Venezuelans are distributed as follows") over
    rows labelled with other places ("Colombia: 1.84 million"): people counted outside their
    own country, refugees (GOLD.md: people who have fled their country)."""
    nations = [
        t for t in heading if t.ent_type_ == "NORP" and t.tag_ in ("NNPS", "NNS") and len(t) > 3
    ]
    place = label.text.strip(" :–—-|").lower()
    if not nations or not place or not label.text.strip()[:1].isupper():
        return False
    return all(place[:4] != t.lower_[:4] for t in nations)

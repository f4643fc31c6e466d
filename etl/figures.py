"""Humanitarian and conflict figures: counts of people, forces and money stated in an article.

`extract_figures(ctx, statements)` reads every quantity `etl.numbers` finds in the body and keeps
those that count people, forces or money. What a number counts is read from its parse: the noun
it modifies ("82 people", "50 soldiers"), or, for an elliptical count ("forced 3.73 million to
flee"), a category cue in its clause. Category cues and counted nouns are data, in
`rules/figure_categories.txt`; reporting verbs for attribution in `rules/figure_sources.txt`.

Choices, so that analysts know what a row means:
- A figure is attributed to the actor named by "according to X" in its sentence, else to the
  subject of a reporting verb governing its clause ("the UN estimates that..."), else to the
  speaker of a statement containing it or its sentence, else to nobody.
- `as_of_date` is an explicit date in the sentence ("by the end of 2016", "in April 2017"), at
  the precision written; "since 2011" opens a period and is not an as-of date. Without one, the
  figure is as of the article's published date, at that date's precision.
  A year-precision date is stored as 1 January of that year ("by the end of 2016" → 2016);
  a month without a year ("in April") is the latest such month not after publication.
- Small spelled-out numbers ("the two leaders") and numbers after a definite determiner below a
  hundred ("its 28 members") are narrative, not figures, unless a casualty or displacement cue
  says what happened to those counted ("the two soldiers killed").
- An elliptical count with no cue of its own that refers back ("About 30,000 have been
  relocated", "3.3 million of them") takes the category of the figure just before it, if that
  is at most two sentences back.
- Money is `aid_money` when aid words say so, `other` otherwise; prices, fares and wages ("costs
  20,000 pounds", "$10 per person") and sums outside the subject (a market value, a national
  budget) are not figures.
- Each row of a table or list of numbers (found by `etl.figure_tables`) is a figure with the
  category its label says, else its heading's, else its column's; its place is the row label.
  Counts listed in a sentence ("Jordan (205,000)", "459,485 – to Romania") take the list's.
- A level is counted by its subject: "the number of refugees rose from 36,000 to 150,000".
- In an article about a country's resettlement programme (`etl.figure_resettlement`), refugees
  counted in that country are `resettled`, people who fled stay `refugees`; people in need of
  aid, food insecure, waiting, returning or enrolled for aid are `other`.
- People taken in from a country not their own, or the object of an admitting verb, are
  `resettled` whatever they were before ("welcome 12,000 displaced Syrians").
- A clause that describes a noun takes that noun's cue ("the flight carrying 163 refugees",
  "the intake, which is capped at 13,700"); a count in an aside ("with 20 million refugees
  worldwide, the world faces …") is not read by the main verb.
- A handful owned by someone ("her four children") is no figure.
- What happened to those counted, told by their own verb (resettle, die, be injured), beats words
  that only describe who they are ("100 refugees in need of protection will resettle in …",
  "four internally displaced people dying from hunger"); displaced people who entered or
  crossed into a named country are refugees.
- A count after "these"/"those" with the value of an earlier figure is that figure again, with
  its category ("these 100 women and children").
- "Lives in danger" (at risk, under threat) are a threatened population, civilians; the strength
  of a force or mission ("its 9,500-strong mission") is troops; "casualty figures" beside a
  separate count of the injured are the dead.
- A list under a line that names nothing ("Here are the numbers:") takes the heading above it.
- One sentence or article stating a figure twice in different forms ("more than six million" and
  "6,029,705 refugees") keeps the most exact form; exact repeats keep one row per mention. A
  table row and a sentence, or counts given by two different sources, are two figures.
- Money spent on refugees or displaced people or their camps is aid; people a verb of aid
  reached ("assisted with rations", "enrolled for cash") are beneficiaries, `other`; people in
  camps or shelters with no word of refugees are displaced; people who left a named country are
  refugees; people a foreign aircraft evacuates in a sentence set in another country are
  resettled.
- Page furniture gives no figures: citation marks ("[4]"), a sum's conversions in parentheses,
  a line that names a web address without ending like a sentence (a link to another page).
- A population living in, or trapped in, a place (no siege named) and a place's residents are
  civilians; asylum applications are refugees, and so are refugees said to be displaced;
  "a dozen", densities and a weekday's date in parentheses are no figures; a sum in billions
  with no currency is money (aid only where aid words say so).
- Counts after the same verb as a figure before them ("Turkey has taken 3 million refugees.
  Lebanon has taken 1 million") or compared with it ("compared to 1,450 in 2014") take its
  category; a count a pledge governs ("committed to taking 4,000") is resettled.
- Round of real_dev8: a nation's people counted in another country are refugees when the article
  calls them refugees or migrants or tells of flight from their country
  (`figure_movement._nationals_abroad`); refugees whose return is only planned or done to them
  stay refugees (`figure_reading._return_not_made`); "Of them, N …" is a part of the figure
  before; people counted by their office (officials, members) are `other` outside a vote; key
  figures laid out as a number over its label are table rows (`figure_tables._card_row`), and so
  are "Label: N – comment" lines; a count of people with a fraction has lost its scale word.
- Round of real_dev9: a count restated by "the number/figure was N", a change of the figure
  ("an increase of 346"), a count in apposition to people and "they amount to N" count what the
  figure or noun before counts (`figure_references`); a sum restated after ", or" in another
  currency is one figure and the parts of a total split after a colon are none
  (`numbers`, `figure_spurious.breakdown_parts`); people who fled a camp or sought refuge in a
  town are displaced (`figure_movement._refuge_within`); "the bodies of N people" are killed;
  aircraft are `other`.
- Round of real_dev10: thousands grouped by full stops ("85.000") are one count (`numbers`);
  "Label (N; share)" lines are list rows (`figure_tables._bracketed_row`, kept by `clean`); a
  qualifier between a listed place and its count keeps it a row ("Chile over 100,000"); "the
  number of X has increased to N" and a level verb joined to another take the count subject
  (`figure_clauses._level_of`); the level of a nation's refugees counts people who fled
  (`figure_movement._nation_refugees_level`); people a country tells were evacuated (a passive)
  in a sentence set in another country are resettled.
- Round of real_dev11: sums in dirhams and Australian dollars are money; a density per mile is
  no figure; the verb after a hearsay verb ("are estimated to have fled their homes") is the
  count's own (`figure_clauses._HEARSAY_VERBS`); a count-noun subject of a level verb ("the death
  toll reached 61") decides before a trailing aside; a flight told by its cause ("fleeing
  violence") is displaced (`figure_movement._FLIGHT_CAUSES`); "will take N refugees" is a planned
  intake (`figure_movement._promised_intake`), and so are people "brought into Canada" by a
  pronoun of the next verb (`figure_movement._then_brought_in`); people gone to neighbouring
  countries are refugees (`figure_movement._went_abroad`); fighters counted with their families are people on the move
  (`figure_reading._with_families`); "stranded" is no cue of `other`.
- Round 14 (detection, pooled over every real set): a people the article names by a word it writes
  before a noun of people ("Rohingya refugees", "Masalit refugees") is counted by that name alone
  ("800,000 Rohingyas are now living in the settlements"), as what the article calls them, when
  the tagger knows it as no nation and the article has not counted it yet
  (`etl.figure_peoples`); a count written in words or with a scale word after a capitalised word
  is no name's number ("UPDATE Two people", "to Ukraine 1.795 million": `numbers`).
- Round 17 (the parse, not word order, pooled over every real set): a noun a category names as
  counted ("8,500 injuries", "310 fatalities") is a count of people; a verb's cue phrase is read
  through the parse when words stand between the verb and its preposition ("crossed from
  Lebanon into Syria" is "cross into"); a verb of an act done to someone (help, assist, detain,
  kill) with an object says what its active subject does, not what happened to it ("6,000
  troops are helping to evacuate" are troops); what a part after "including" is said to be is
  the part's, not the whole's; "amount to", "total" and "number" are verbs of a level; "26,000
  out of 32,000 refugees" holds two counts (`numbers`: only a small number opens a ratio); a key
  figure alone on its line is named by the short line above it when the line below names
  nothing (`etl.figure_tables`).

Where each decision is made (this module reads an article's numbers in order and builds rows):
- `etl.figure_categories`: the rules files as data, and where their phrases are written;
- `etl.figure_clauses`: the noun a number counts and the clause that says what happened;
- `etl.figure_reading`: whether a number in prose is a figure, and its category;
- `etl.figure_references`: counts read from the figure or subject around them (comparisons,
  parallel verbs, totals, a refugee sentence's bare people, the whole of a share);
- `etl.figure_movement`: refugees, displaced or resettled, by the verbs of flight and admission;
- `etl.figure_aid`: money spent on a crisis's people, aid beneficiaries, people in shelters;
- `etl.figure_lists`: counts listed in prose, and what a table or list row counts
  (rows found by `etl.figure_tables`);
- `etl.figure_spurious`: narrative numbers and page furniture, which are no figures;
- `etl.figure_sources`, `etl.figure_places`, `etl.figure_dates`: attribution, place, as-of date;
- `etl.figure_resettlement`, `etl.figure_asylum`: article-wide corrections of refugees and
  resettled people, after every number is read.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Sequence

from spacy.tokens import Span

from etl.context import ArticleContext
from etl.docindex import DocIndex
from etl.figure_asylum import hosted_by_neighbours
from etl.figure_categories import (
    STRONG_CUES,
    _default_rules,
    _noun_in,
    _Reading,
    load_category_rules,
)
from etl.figure_clauses import _clause_verb, _counted_noun, _nearest_cue
from etl.figure_dates import as_of
from etl.figure_lists import NOT_A_FIGURE, read_row
from etl.figure_movement import (
    _evacuated_abroad,
    _fled,
    _fled_within,
    _left_country,
    _nation_refugees_level,
    _nationals_abroad,
    _refuge_within,
)
from etl.figure_peoples import people_names as article_people_names
from etl.figure_places import _main_country, _row_place, locate
from etl.figure_reading import _named_before, read_quantity
from etl.figure_resettlement import resettled_in_host
from etl.figure_sources import _SpeakerIndex, attribute
from etl.figure_spurious import (
    _in_list_of_headlines,
    _on_link_line,
    breakdown_parts,
    is_vague_or_no_count,
)
from etl.figure_tables import find_rows
from etl.numbers import Quantity, find_quantities
from etl.types import Figure, Statement, stable_id

# The public names other modules import from here.
__all__ = ["as_of", "extract_figures", "load_category_rules"]


# A number with thousands separators ("11,740") is no date, whatever the tagger reads.
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+")
# A number the model reads as one of these is not a count (a table cell is, whatever it reads).
_NOT_COUNT_LABELS = ("DATE", "TIME", "PERCENT", "ORDINAL")


# A sentence that opens on a part of the count before it: "Of them, …", "Among those, …".
_PART_OF_BEFORE = re.compile(r"^\W*(?:of|among)\s+(?:them|these|those)\b", re.IGNORECASE)


_PHRASE_BY_CATEGORY = {
    "refugees": "people who fled",
    "displaced": "displaced people",
    "killed": "people killed",
    "injured": "people injured",
    "besieged": "people under siege",
    "resettled": "refugees resettled",
    "civilians": "civilians",
    "troops": "troops",
}


def _evidence_span(body: str, sent: Span, start: int, end: int) -> tuple[int, int]:
    """The sentence around a figure, clipped to its line and stripped of surrounding space."""
    lo = max(sent.start_char, body.rfind("\n", 0, start) + 1)
    newline = body.find("\n", end)
    hi = min(sent.end_char, newline if newline != -1 else len(body))
    while lo < hi and body[lo].isspace():
        lo += 1
    while hi > lo and body[hi - 1].isspace():
        hi -= 1
    return lo, hi


def _subject_phrase(reading: _Reading, quantity: Quantity) -> str:
    """A short noun phrase for what is counted ("government-sponsored refugees")."""
    noun = reading.noun
    if noun is None:
        return "money" if quantity.is_money else _PHRASE_BY_CATEGORY.get(reading.category, "people")
    generic = noun.lemma_.lower() in ("people", "person", "individual")
    if generic and reading.category in _PHRASE_BY_CATEGORY:
        return _PHRASE_BY_CATEGORY[reading.category]  # "people" alone says less than the verb
    keep = [noun]
    for child in noun.lefts:
        if child.dep_ in ("compound", "amod", "nmod") and child.idx >= quantity.end:
            keep.extend(child.subtree)
    for child in noun.rights:
        if child.dep_ == "prep" and child.lower_ in (
            "from",
            "in",
            "of",
            "inside",
            "within",
        ):
            keep.extend(list(child.subtree)[:6])
            break
    tokens = sorted({t.i: t for t in keep if not t.like_num}.values(), key=lambda t: t.i)
    words: list[str] = []
    for prev, token in zip([None, *tokens], tokens, strict=False):
        glue = prev is not None and prev.i + 1 == token.i and not prev.whitespace_
        words.append(token.text if glue or not words else " " + token.text)
    return "".join(words).strip(" ,.;")[:80]


def _significant_digits(value_text: str) -> int:
    return len(re.sub(r"\D", "", value_text).rstrip("0"))


def _drop_restatements(
    figures: list[Figure], row_starts: frozenset[int] = frozenset()
) -> list[Figure]:
    """An article that states one figure in two ways ("more than six million" and "6,029,705
    refugees") keeps its most exact statement: same category, different values within 2%.
    Repeats of the very same value stay, one row per mention. A row of a table or list
    (`row_starts`: its number's offset) and a sentence are two statements, kept both."""
    # Kept figures per category, sorted by value, so that the candidates within 2% of a value
    # are found by bisection rather than by a pass over every figure kept so far.
    kept: dict[str, list[tuple[float, int, Figure]]] = {}
    for order, figure in enumerate(figures):
        same = kept.setdefault(figure.category, [])
        lo = bisect.bisect_left(same, (figure.value * 0.979,))
        hi = bisect.bisect_right(same, (figure.value / 0.979,))
        twins = [
            item
            for item in same[lo:hi]
            if item[0] != figure.value
            and abs(item[0] - figure.value) <= 0.02 * max(item[0], figure.value)
            # rows of a list by place are distinct figures: "Turkey (177,000), Lebanon (179,000)"
            and (item[2].location == figure.location or None in (item[2].location, figure.location))
            and ((item[2].value_start in row_starts) == (figure.value_start in row_starts))
            # two sources' counts are two figures: "more than 30,000, the UN said" and "30,542,
            # its spokesman told Reuters"
            and (
                item[2].attributed_to_id == figure.attributed_to_id
                or None in (item[2].attributed_to_id, figure.attributed_to_id)
            )
        ]
        if not twins:
            bisect.insort(same, (figure.value, order, figure))
        elif all(
            _significant_digits(figure.value_text) > _significant_digits(t.value_text)
            for _, _, t in twins
        ):
            for twin in twins:
                same.remove(twin)
            bisect.insort(same, (figure.value, order, figure))
    survivors = [figure for same in kept.values() for _, _, figure in same]
    return sorted(survivors, key=lambda f: f.value_start or 0)


def _previous_sentence(sent: Span, body: str) -> Span | None:
    """The sentence before, when it is in the same paragraph."""
    if sent.start == 0:
        return None
    before = DocIndex.of(sent.doc).sentence_of(sent.start - 1)
    if "\n" in body[before.end_char : sent.start_char] or "\n" in before.text.strip():
        return None
    return before


def _same_noun_again(
    num, sent: Span, rules, figures: Sequence[Figure], recent: str
) -> _Reading | None:
    """A count of a noun that counts people only under a cue ("places", "cases"), with no cue
    of its own, of the same noun as the figure just before ("Currently there are 13,750 places
    in the humanitarian program. That will be increased to 18,750 places"): the same count at
    another level, with its category."""
    noun = _counted_noun(num, sent)
    if noun is None or not figures or not _noun_in(noun, rules.noun_classes["cued"]):
        return None
    last = figures[-1]
    if last.category != recent or noun.lower_ not in last.subject.lower().split():
        return None
    # the clause points back at that count: "That will be increased to …", "It rises to …"
    verb = _clause_verb(noun, num)
    if verb is None or not any(
        c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in _POINTING_BACK for c in verb.children
    ):
        return None
    return _Reading(recent, noun, frozenset())


_POINTING_BACK = {"that", "this", "it"}


def extract_figures(ctx: ArticleContext, statements: Sequence[Statement]) -> list[Figure]:
    """Every figure stated in the article: counts of people, forces and money, one per number."""
    rules, _ = _default_rules()
    doc, body, article = ctx.doc, ctx.body, ctx.article
    index = DocIndex.of(doc)
    speakers = _SpeakerIndex(statements)
    figures: list[Figure] = []
    # sentence number, category and flight (see _fled) of the last figure
    previous: tuple[int, str, bool] | None = None
    fled: set[str] = set()  # ids of figures of people who fled (never resettled)
    nationals: set[str] = set()  # ids of figures counting a nation's people
    casualties: list[tuple[int, int]] = []  # (figure index, sentence) of counts of casualties
    injured: list[int] = []  # sentences of counts of injured
    people_names: set[str] = set()  # proper nouns counted as people ("Rohingya")
    peoples = article_people_names(doc, rules)  # names the article writes as a people
    quantities = find_quantities(body)
    rows = find_rows(body, quantities)
    row_lines = {body.rfind("\n", 0, start) + 1 for start in rows}
    parts = breakdown_parts(body, quantities)
    for quantity in quantities:
        row = rows.get(quantity.start)
        if row is None and quantity.start in parts:
            continue  # a part of a total split into named kinds after a colon
        if (
            row is None
            and body.rfind("\n", 0, quantity.start) + 1 not in row_lines  # a row's other numbers
            and (_in_list_of_headlines(body, quantity.start) or _on_link_line(body, quantity.start))
        ):
            continue
        if row is None and is_vague_or_no_count(body, quantity):
            continue
        if not quantity.is_money and quantity.value != int(quantity.value):
            continue  # "11.7" people: a count of people is whole, its scale word was lost
        span = doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        numbers = [
            t for t in span if t.like_num or t.lower_ in ("million", "billion", "thousand", "dozen")
        ]
        num = numbers[-1] if numbers else span[-1]
        sentence_number = index.sentence_number(num)
        sent = index.sents[sentence_number]
        entity = index.ent_at(num)
        if (
            row is None
            and entity is not None
            and entity.label_ in _NOT_COUNT_LABELS
            and not (entity.label_ == "DATE" and _GROUPED.fullmatch(quantity.value_text))
        ):
            continue  # the model reads it as a date, time, share or rank: not a count
        recent = previous[1] if previous and sentence_number - previous[0] <= 2 else None
        place = None
        reading = read_row(doc, row, quantity, rules) if row is not None else None
        if reading is not None:
            place = _row_place(ctx, doc, row)
        else:
            in_sentence = previous[1] if previous and previous[0] == sentence_number else None
            reading = read_quantity(
                quantity,
                num,
                sent,
                rules,
                recent,
                _previous_sentence(sent, body),
                in_sentence,
                frozenset(people_names),
                peoples,
            )
        if reading is None and row is None and recent is not None:
            reading = _same_noun_again(num, sent, rules, figures, recent)
        if reading is None or reading is NOT_A_FIGURE:
            continue
        if (
            row is None
            and recent is not None
            and reading.category != recent
            and _PART_OF_BEFORE.match(sent.text)
            # a cue of its own says what happened to this part ("have sought refuge")
            and not _nearest_cue(rules.cues, STRONG_CUES, set(), set(reading.window), num)
        ):
            # "Of them, 229,000 Rohingyas are living in makeshift settlements": a part of the
            # count before, with its category (as "including" and "among them")
            reading = dataclasses.replace(reading, category=recent)
        named = _named_before(figures, quantity, num)
        if named is not None and named != reading.category:
            reading = dataclasses.replace(reading, category=named)  # "these 100 women"
        if reading.category == "displaced" and _evacuated_abroad(ctx, reading, num):
            reading = dataclasses.replace(reading, category="resettled")
        elif (
            reading.category == "refugees"
            and row is None
            and (_fled_within(ctx, reading, num) or _refuge_within(ctx, reading, num))
        ):
            reading = dataclasses.replace(reading, category="displaced")
        elif reading.category in ("other", "civilians") and _left_country(ctx, reading, num):
            reading = dataclasses.replace(reading, category="refugees")  # "people who left Sudan"
        flight = (
            _fled(reading, doc)
            or _nation_refugees_level(reading, num)
            or (
                reading.noun is None
                and recent == reading.category
                and previous is not None
                and previous[2]
            )
        )
        previous = (sentence_number, reading.category, flight)
        location = place or locate(ctx, sent, reading, num)
        if (
            row is None
            and reading.category in ("other", "civilians")
            and not _nearest_cue(rules.cues, ("other",), set(), set(reading.window), num)
            and _nationals_abroad(ctx, reading, location)
        ):
            reading = dataclasses.replace(reading, category="refugees")  # "Venezuelans in Uruguay"
            # what refers back to this figure ("when the figure was 21,413") counts refugees too
            previous = (sentence_number, reading.category, flight)
        start, end = _evidence_span(body, sent, quantity.start, quantity.end)
        as_of_date, precision = as_of(
            body[start:end], article.published_date, article.published_precision
        )
        figures.append(
            Figure(
                figure_id=stable_id(article.article_id, quantity.start, quantity.value_text),
                article_id=article.article_id,
                value=quantity.value,
                value_text=quantity.value_text,
                category=reading.category,
                subject=_subject_phrase(reading, quantity),
                location=location,
                attributed_to_id=attribute(ctx, speakers, sent, num, quantity),
                as_of_date=as_of_date,
                evidence=body[start:end],
                char_start=start,
                char_end=end,
                value_start=quantity.start,
                value_end=quantity.end,
                as_of_precision=precision,
                qualifier=quantity.qualifier,
            )
        )
        if reading.category == "other" and any(
            doc[i].lemma_.lower() == "casualty" for i in reading.window
        ):
            casualties.append((len(figures) - 1, sentence_number))
        elif reading.category == "injured":
            injured.append(sentence_number)
        if flight:
            fled.add(figures[-1].figure_id)
        if reading.noun is not None and reading.noun.ent_type_ == "NORP":
            nationals.add(figures[-1].figure_id)
        if reading.noun is not None and reading.noun.pos_ == "PROPN" and not quantity.is_money:
            people_names.add(reading.noun.lower_)
    for at, sentence_number in casualties:
        # "casualty figures exceeding 16,200 people" beside "40,000 have been injured": the
        # casualties counted apart from the injured are the dead
        if any(0 <= s - sentence_number <= 2 for s in injured):
            figures[at] = dataclasses.replace(figures[at], category="killed")
    figures = resettled_in_host(ctx, figures, _main_country, fled, nationals)
    return _drop_restatements(hosted_by_neighbours(body, figures), frozenset(rows))

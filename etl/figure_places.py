"""Where a figure is: the place its words name.

`locate` gives the place a figure is about: a listed place ("Jordan (205,000)"), the host of
resettled or hosted people, a place in its noun phrase, in its clause, in its sentence, or "the
country" resolved to the one named before it or to the article's main country. `_row_place`
gives a table or list row's place, from its label, else its heading. Place names that are
actors rather than places (a person the tagger took for a place, a possessive) are left out.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from etl.context import ArticleContext
from etl.docindex import DocIndex
from etl.figure_categories import _Reading
from etl.figure_clauses import _SUBJECT_DEPS, _governing_verb
from etl.figure_lists import _after_listed_place, _before_qualifier, _listed_after_place, _tokens_of
from etl.figure_tables import Row

_PLACE_LABELS = ("GPE", "LOC", "FAC")


# Verbs whose subject is where those counted are: "Turkey is hosting 3.6 million refugees".
_HOST_VERBS = {"host", "shelter", "house", "receive", "admit", "welcome", "accept", "resettle",
               "take", "bring"}  # fmt: skip


def _place_name(ent: Span) -> str:
    return re.sub(r"^(?:the)\s+", "", ent.text, flags=re.IGNORECASE)


def _main_country(ctx: ArticleContext) -> str | None:
    """The country the article is mostly about, when one clearly leads its mentions."""
    ranked = ctx.country_counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] * 3 > ranked[0][1] * 2):
        return None
    return ctx.name_of(ranked[0][0])


def _places(ctx: ArticleContext, sent: Span) -> list[Span]:
    """Place names in a sentence, leaving out what is an actor rather than a place: a person or
    organisation the tagger took for a place, and possessives ("Russia's envoy")."""
    places = []
    for ent in DocIndex.of(sent.doc).ents_within(sent.start, sent.end):
        if ent.label_ not in _PLACE_LABELS or ent.root.dep_ == "poss":
            continue
        actor = ctx.actors.get(ctx.actor_at(ent.start_char, ent.end_char) or "")
        if actor is not None and actor.kind not in ("country", "government"):
            continue
        places.append(ent)
    return places


def locate(ctx: ArticleContext, sent: Span, reading: _Reading, num: Token) -> str | None:
    """The place a figure is about: the host of resettled or hosted people, a place in its noun
    phrase, a place in its clause, a place in its sentence, or "the country" resolved to the
    article's main country."""
    places = _places(ctx, sent)
    if reading.category == "resettled":
        # "receive 2,000 Syrian refugees from Lebanon": where they are taken from is not where
        # they are resettled
        places = [ent for ent in places if ent.root.head.lower_ != "from"]
    if _listed_after_place(num):
        first = num.i
        while first > 0 and num.doc[first - 1].like_num:
            first -= 1  # "Peru (1.22 million)"
        for ent in places:
            if ent.end == first - 1:
                return _place_name(ent)  # "Jordan (205,000)"
        return num.doc[first - 2].text
    if reading.noun is None and _after_listed_place(num):
        last = _before_qualifier(num)  # "…, Chile over 100,000": the place before "over"
        first = last
        while first > sent.start and num.doc[first - 1].pos_ == "PROPN":
            first -= 1
        return num.doc[first : last + 1].text  # "…, Slovakia 128,000"
    anchor = reading.noun if reading.noun is not None else num
    verb = _governing_verb(anchor)
    if verb is not None and (reading.category == "resettled" or verb.lemma_.lower() in _HOST_VERBS):
        for child in verb.children:
            if child.dep_ in _SUBJECT_DEPS:
                subject = {t.i for t in child.subtree}
                for ent in places:
                    if ent.start in subject:
                        return _place_name(ent)
    subtree = {t.i for t in anchor.subtree}
    for ent in places:
        if ent.start in subtree and ent.start != num.i:
            return _place_name(ent)
    for ent in places:
        if ent.start in reading.window:
            return _place_name(ent)
    if places:
        return _place_name(places[0])
    country = re.search(r"\bthe (?:war-torn |war-ravaged )?country\b", sent.text, re.IGNORECASE)
    if country:
        # "the Syrian civil war has forced 3.73 million to flee the country": the country named
        # earlier in the sentence, else the one the article is mostly about
        before = ctx.mentions_in(sent.start_char, sent.start_char + country.start())
        countries = [ctx.country_of(m.actor_id) for m in before if ctx.country_of(m.actor_id)]
        return ctx.name_of(countries[-1]) if countries else _main_country(ctx)
    return None


def _row_place(ctx: ArticleContext, doc, row: Row) -> str | None:
    """A row's place: a place named in its label ("Turkey 1,200,000", "Bekaa | 344,013"), else
    one named in its heading."""
    for span in (row.label, row.heading):
        words = _tokens_of(doc, span)
        if words is None:
            continue
        places = _places(ctx, words)
        if places:
            return _place_name(places[0])
        if span is row.label and not row.label_first:
            text = words.text.strip(" :–—-|")
            if 0 < len(text.split()) <= 3 and text[:1].isupper() and text.lower() != "total":
                return text
    return None

"""Whose government a bare "the government" is: one resolver for statements and stances.

"The government said ..." (a statement's speaker, `etl.statement_speakers`) and "the government,
backed by Russia and Iran, ..." (a stance's side, `etl.stance_actors`) name the same thing: the
government of the country the article is about at that point. Both ask `story_government`:
1. a government just named with its country or seat, earlier in the noun's sentence or in the one
   before ("The government in Kyiv condemned the attack, and the government thanked ..."): its
   country, or none when the place it is named by is no country's name or capital;
2. else the country whose government the article has named most before the noun's sentence (by
   its name, capital or its government's own name: "Syria", "Damascus", "the Syrian army"; a
   demonym names a people, "Syrian refugees", not a government), leaving out the countries named
   in the noun's sentence (the backers in "The government, backed by Russia and Iran"), except
   those in what the government itself says ("the Government announced that Australia would
   welcome ..." is Australia's);
3. else, when the article names no country before the sentence, the one the whole article names
   at least three times and twice as often as any other.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from etl.context import ArticleContext

# Nouns that, bare and definite, name a government the article is about.
BARE_GOVERNMENTS = {"government", "regime", "govt"}


def story_government(ctx: ArticleContext, noun: Token) -> str | None:
    """The country whose government a bare "the government" at `noun` is (module docstring)."""
    just_named = _government_just_named(ctx, noun)
    if just_named is not None:
        return just_named or None
    own = _named_beside(ctx, noun)
    counts = _counts(ctx, 0, noun.sent.start_char, leave_out=own)
    if counts:
        return max(counts, key=lambda a: counts[a])
    # Nothing named before: the whole page, when one country leads it clearly.
    counts = _counts(ctx, 0, len(ctx.body), leave_out=own)
    ranked = sorted(counts, key=lambda a: counts[a], reverse=True)
    if not ranked or counts[ranked[0]][0] < 3:
        return None
    if len(ranked) > 1 and counts[ranked[1]][0] * 2 > counts[ranked[0]][0]:
        return None
    return ranked[0]


def _named_beside(ctx: ArticleContext, noun: Token) -> set[str]:
    """Actors the noun's sentence names as other parties: all of them, except those in what the
    government itself says or announces ("the Government announced that Australia would ...")."""
    sent = noun.sent
    said = [
        c
        for c in noun.head.children
        if noun.dep_ in ("nsubj", "nsubjpass") and c.dep_ in ("ccomp", "xcomp")
    ]
    inside = [(c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)) for c in said]
    return {
        m.actor_id
        for m in ctx.mentions_in(sent.start_char, sent.end_char)
        if not any(start <= m.char_start < end for start, end in inside)
    }


def _government_country(ctx: ArticleContext, mention) -> str | None:
    actor = ctx.actors.get(mention.actor_id)
    if actor is None or mention.how in ("demonym", "pronoun"):
        return None
    if actor.kind == "country":
        return actor.actor_id
    if actor.kind == "government" and actor.country_id:
        return actor.country_id
    return None


def _counts(
    ctx: ArticleContext, start: int, end: int, *, leave_out: set[str]
) -> dict[str, tuple[int, int]]:
    """Country -> (times named in body[start:end], minus its first offset): first named wins a
    tie when compared."""
    counts: dict[str, tuple[int, int]] = {}
    for mention in ctx.mentions_in(start, end):
        country = _government_country(ctx, mention)
        if country is None or country in leave_out:
            continue
        seen, first = counts.get(country, (0, -mention.char_start))
        counts[country] = (seen + 1, first)
    return counts


def _government_just_named(ctx: ArticleContext, noun: Token) -> str | None:
    """The country of the last government or regime named with its country ("the government
    in Kyiv", "Ukraine's government", "the Ukrainian government", "the government of
    Ukraine") before `noun`, in its own sentence or the one before; "" when the place it is
    named by is no country's name or capital; None when no government was just named so."""
    doc = noun.doc
    start = noun.sent.start
    if start > 0:
        start = doc[start - 1].sent.start
    for token in reversed(doc[start : noun.i]):
        if token.lower_ not in BARE_GOVERNMENTS or token.pos_ not in ("NOUN", "PROPN"):
            continue
        owners = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
        owners += [
            g
            for c in token.children
            if c.dep_ == "prep" and c.lower_ in ("of", "in")
            for g in c.children
            if g.dep_ == "pobj"
        ]
        countries = []
        for owner in owners:
            actor_id = ctx.actor_at(owner.idx, owner.idx + len(owner.text))
            actor = ctx.actors.get(actor_id) if actor_id is not None else None
            if actor is None:
                # "the government in Kyiv": a capital after "in" is read as a place, no
                # mention; the gazetteer's capitals still say whose seat it is
                if owner.ent_type_ == "GPE" or owner.pos_ == "PROPN":
                    countries.append(_capitals().get(owner.text, ""))
                continue
            if actor.kind == "country":
                countries.append(actor.actor_id)
            elif actor.kind == "government" and actor.country_id:
                countries.append(actor.country_id)
        if len(set(countries)) == 1:
            return countries[0]
    return None


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """The actor gazetteer's capitals ("Kyiv") -> their country's id."""
    from etl.actors import Gazetteer

    gazetteer = Gazetteer.load()
    return {f.text: f.actor_id for f in gazetteer.forms if f.how == "capital"}

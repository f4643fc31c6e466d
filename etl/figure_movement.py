"""People on the move: refugees, displaced or resettled, told by the verbs of what happened.

A country hosting another nation's people hosts refugees; a nation's people who left, entered
or crossed into a named country, or are registered, are refugees; people admitted, received
from a country not their own, brought in, or evacuated out of a country are resettled; people
who fled a town or region and went nowhere named abroad are displaced inside their country
(GOLD.md). Each rule reads the count's own clause (`etl.figure_clauses`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.figure_categories import _Reading
from etl.figure_clauses import _SUBJECT_DEPS, _clause_verb, _level_of
from etl.figure_places import _PLACE_LABELS
from etl.numbers import Quantity

# Verbs of giving people a place to stay (as opposed to admitting them for good: resettled).
_SHELTER_VERBS = {"host", "shelter", "house", "harbour", "harbor"}
# Verbs that place people somewhere: a nation's people who are in another country fled there.
_STAY_VERBS = {"be", "stay", "remain", "register", "live"}


def _hosted_nationals(noun: Token | None, anchor: Token, num: Token) -> bool:
    """A country hosting a count of another nation's people hosts refugees: "Turkey hosts 3.6
    million Syrians", "Uganda is sheltering 1.5 million South Sudanese"."""
    if noun is None or noun.ent_type_ != "NORP":
        return False
    verb = _clause_verb(anchor, num)
    if verb is None:
        return False
    if verb.lemma_.lower() in _SHELTER_VERBS:
        return True
    if verb.lemma_.lower() == "have" and noun.dep_ == "dobj":
        # "the country had more than 550,000 Venezuelans": a country counting another nation's
        # people in it
        return any(
            c.dep_ in _SUBJECT_DEPS
            and (c.lemma_.lower() == "country" or c.ent_type_ == "GPE")
            and c.lower_[:4] != noun.lower_[:4]
            for c in verb.children
        )
    # "1.3 million Venezuelans are in Colombia": a nation's people counted in another country
    return (
        verb.lemma_.lower() in _STAY_VERBS
        and noun.dep_ in _SUBJECT_DEPS
        and any(
            prep.dep_ == "prep"
            and prep.lower_ in ("in", "inside")
            and any(
                place.ent_type_ == "GPE"
                and place.lower_[:4] != noun.lower_[:4]  # not "Syrians in Syria"
                # "in Colombia", "in camps in Bangladesh"
                and (place.head.i == prep.i or place.head.head.head.i == prep.i)
                and place.dep_ == "pobj"
                for place in prep.subtree
            )
            for prep in verb.children
        )
    )


_LEAVE_VERBS = {"leave", "emigrate", "exit"}


def _nationals_left(noun: Token | None, anchor: Token, num: Token) -> bool:
    """A nation's people who "have left" (their country, said or not) are refugees (GOLD.md):
    "More than 2.3 million Venezuelans have left since 2015"."""
    if noun is None or noun.ent_type_ != "NORP" or noun.dep_ not in _SUBJECT_DEPS:
        return False
    verb = _clause_verb(anchor, num)
    return verb is not None and verb.lemma_.lower() in _LEAVE_VERBS


def _hosted_before(quantity: Quantity, num: Token) -> bool:
    """A bare count right after a verb of sheltering ("hosts about 3.6 million"), read from the
    words, as the tagger often takes "hosts" for a noun."""
    span = num.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    first = span.start if span is not None else num.i
    for token in reversed(num.doc[max(0, first - 3) : first]):
        if token.is_punct:
            return False
        if token.lemma_.lower() in _SHELTER_VERBS or token.lower_.rstrip("s") in _SHELTER_VERBS:
            return True
    return False


_ENTER_VERBS = {"enter", "cross"}


def _entered_country(anchor: Token, num: Token) -> bool:
    """People who entered or crossed into a named country ("had entered Armenia", "crossed
    into Chad") have fled theirs: refugees (GOLD.md), whatever word describes them."""
    verb = _clause_verb(anchor, num)
    if verb is None or verb.lemma_.lower() not in _ENTER_VERBS:
        return False
    places = [c for c in verb.children if c.dep_ == "dobj"]
    places += [g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(p.ent_type_ == "GPE" for p in places)


# Verbs of going somewhere: with "to" or "into" other countries they take people abroad.
_GO_VERBS = {"go", "move", "head", "travel", "cross", "flee", "escape", "walk"}
# Words that make "countries" other than the one people left: "the neighbouring countries".
_OTHER_COUNTRY_WORDS = {"neighbouring", "neighboring", "surrounding", "bordering"}
# Counted nouns that may have gone abroad in flight; students, workers or tourists go abroad for
# study, work or leisure.
_FLEEING_NOUNS = {"people", "person", "civilian", "refugee", "child", "woman", "man",
                  "individual", "family", "resident", "migrant"}  # fmt: skip


def _went_abroad(anchor: Token, num: Token) -> bool:
    """People who went to or into other countries ("over 120,000 people that have gone to all of
    the neighbouring countries") have left their own: refugees (GOLD.md), told by the verb of
    the count's clause or of a clause on the counted noun."""
    if anchor.i != num.i and not (
        anchor.lemma_.lower() in _FLEEING_NOUNS or anchor.ent_type_ == "NORP"
    ):
        return False
    verbs = [c for c in anchor.children if c.dep_ in ("relcl", "acl")]
    verb = _clause_verb(anchor, num)
    if verb is not None and anchor.dep_ in _SUBJECT_DEPS:
        verbs.append(verb)
    for verb in verbs:
        if verb.lemma_.lower() not in _GO_VERBS or any(c.dep_ == "neg" for c in verb.children):
            continue
        if _for_a_purpose(verb):
            continue  # "travelled to neighbouring countries to shop / for the tournament"
        for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
            for place in prep.subtree:
                if (
                    place.lemma_.lower() == "country"
                    and place.dep_ == "pobj"
                    and any(m.lower_ in _OTHER_COUNTRY_WORDS for m in place.children)
                ):
                    return True
    return False


# What people go abroad for when they flee: "to escape the fighting", "to seek safety", "for
# safety". Any other purpose ("to shop", "for the harvest") makes the trip no flight.
_FLIGHT_PURPOSES = {"escape", "flee", "seek", "find", "avoid", "evade", "survive", "safety",
                    "refuge", "shelter", "protection", "asylum", "security", "life", "lives"}  # fmt: skip


def _for_a_purpose(verb: Token) -> bool:
    """The going verb states a purpose other than flight: an infinitive clause ("to study", "to
    shop") or "for" with its object ("for the harvest", "for the tournament")."""
    for child in verb.children:
        if child.dep_ in ("advcl", "xcomp") and any(
            c.dep_ == "aux" and c.lower_ == "to" for c in child.children
        ):
            if child.lemma_.lower() not in _FLIGHT_PURPOSES:
                return True
        if child.dep_ == "prep" and child.lower_ == "for":
            if any(
                c.dep_ == "pobj" and c.lemma_.lower() not in _FLIGHT_PURPOSES
                for c in child.children
            ):
                return True
        if child.dep_ == "prep" and child.lower_ == "to":
            # the parser may hang "to shop" as a preposition with a bare verb for its object
            if any(
                c.dep_ == "pobj" and c.tag_ == "VB" and c.lemma_.lower() not in _FLIGHT_PURPOSES
                for c in child.children
            ):
                return True
    return False


def _registered(anchor: Token, num: Token) -> bool:
    """People who "are registered" (a passive of register: by a refugee agency or a host
    country) are refugees (GOLD.md: registered refugees); "8,000 registered Russians" living
    in a country are not said to have fled."""
    verb = _clause_verb(anchor, num)
    if verb is None or verb.lemma_.lower() != "register":
        return False
    # passive ("are registered"), or the object of an agency registering them ("we are
    # registering about 1,200 people per day")
    return any(c.dep_ == "auxpass" for c in verb.children) or (
        anchor.dep_ == "dobj" and anchor.head.i == verb.i
    )


# Verbs of admitting people: their object is people a country takes in, whatever words say of
# what they were before ("welcome 12,000 displaced Syrians", "admit 5,000 refugees").
_ADMIT_VERBS = {"welcome", "resettle", "admit", "accept", "sponsor"}
# Verbs of taking people in: taken "from" a country that is not theirs, they are resettled.
_RECEIVE_VERBS = {"receive", "take", "accept", "admit", "welcome", "bring", "relocate"}


def _admitted(anchor: Token, num: Token) -> bool:
    """The counted people are the object of a verb of admission (_ADMIT_VERBS), by the parse or,
    when the parser hangs the noun elsewhere, by the words: the count straight after the verb
    ("Australia will accept 12,000 Iraqi and Syrian refugees and the government ...")."""
    verb = _clause_verb(anchor, num)
    if (
        verb is not None
        and verb.lemma_.lower() in _ADMIT_VERBS
        and anchor.dep_ == "dobj"
        and anchor.head.i == verb.i
    ):
        return True
    before = num.doc[num.i - 1] if num.i > 0 else None
    while (
        before is not None
        and before.i > 0
        and (before.like_num or before.lower_ in _QUALIFIER_WORDS)
    ):
        before = num.doc[before.i - 1]  # "accept [up to] [another] 12,000"
    return (
        before is not None
        and before.pos_ == "VERB"
        and before.lemma_.lower() in _ADMIT_VERBS
        and not any(c.dep_ == "neg" for c in before.children)
    )


# Words between a verb and its count that qualify the count: "accept up to another 12,000".
_QUALIFIER_WORDS = {"up", "to", "another", "an", "additional", "extra", "some", "about",
                    "around", "nearly", "almost", "over", "more", "than", "at", "least",
                    "approximately", "roughly", "a", "further"}  # fmt: skip


def _taken_from_abroad(anchor: Token, num: Token) -> bool:
    """People a country receives from a country that is not their own are resettled from a
    country of first asylum ("would receive 2,000 Syrian refugees from Lebanon"); "received
    1 million refugees from Syria" says where they fled from."""
    verb = _clause_verb(anchor, num)
    if verb is None or verb.lemma_.lower() not in _RECEIVE_VERBS or anchor.i == num.i:
        return False
    nations = [t.lower_[:4] for t in anchor.lefts if t.ent_type_ == "NORP"]
    if not nations:
        return False
    for prep in (c for head in (verb, anchor) for c in head.children):
        if prep.dep_ == "prep" and prep.lower_ == "from":
            places = [c for c in prep.children if c.dep_ == "pobj" and c.ent_type_ == "GPE"]
            if places and all(p.lower_[:4] not in nations for p in places):
                return True
    return False


# Verbs of a pledge, a plan or a target: "committed to taking 4,000", "promised to accept".
_PLEDGE_VERBS = {"commit", "pledge", "promise", "agree", "plan", "aim", "undertake", "offer"}


def _pledged_to_take(anchor: Token) -> bool:
    """The counted people are the object of a verb of receiving that a pledge governs ("we
    have committed to taking 4,000", "pledged to receive 500"): a pledge to bring people in
    (GOLD.md: `resettled` includes plans, pledges and targets)."""
    verb = anchor.head
    if anchor.dep_ != "dobj" or verb.lemma_.lower() not in _RECEIVE_VERBS:
        return False
    if _promised_intake(verb, anchor):
        return True  # "Australia will take an extra 12,000 refugees": a plan to bring them in
    head = verb.head
    if verb.dep_ == "pcomp" and head.dep_ == "prep":
        head = head.head  # "committed [to [taking]]"
    elif verb.dep_ != "xcomp":
        return False
    return head.i != verb.i and head.lemma_.lower() in _PLEDGE_VERBS


# Counted nouns of people a country admits: refugees, or people with nothing said of their trade.
_INTAKE_NOUNS = {"refugee", "migrant", "asylum", "seeker", "people", "person", "child", "orphan",
                 "family", "individual", "woman", "man", "civilian"}  # fmt: skip
# Subjects that take people in for a country: the country itself, its government, "we".
_RECEIVING_SUBJECTS = {"country", "government", "nation", "state", "we", "us"}
# Modals of a plan or a promise: "will take", "would receive".
_FUTURE_MODALS = {"will", "would", "'ll", "shall"}


def _promised_intake(verb: Token, anchor: Token) -> bool:
    """A verb of taking people in that a modal puts in the future ("Australia will take an extra
    12,000 refugees", "Germany would receive 500"), not negated and not taken back ("will take
    back 1,000 migrants" returns them): what a country plans to bring in is `resettled`. Taken
    "to" somewhere ("will take 200 athletes to the Games"), or counted by a noun of people who
    travel for work or sport, they are carried, not admitted."""
    named = anchor.lemma_.lower() in _INTAKE_NOUNS or anchor.ent_type_ == "NORP"
    if not (named or anchor.like_num):
        return False
    return (
        verb.lemma_.lower() in ("take", "receive")
        and not any(c.dep_ == "prep" and c.lower_ in ("to", "into") for c in verb.children)
        and any(c.dep_ == "aux" and c.lower_ in _FUTURE_MODALS for c in verb.children)
        and any(
            c.dep_ in _SUBJECT_DEPS
            and (c.ent_type_ == "GPE" or c.lemma_.lower() in _RECEIVING_SUBJECTS)
            for c in verb.children
        )
        and not any(c.dep_ == "neg" for c in verb.children)
        and not any(
            (c.dep_ == "prt" and c.lower_ != "in") or c.lower_ == "back" for c in verb.children
        )
    )


# Verbs of bringing people into a country: with "in" or "to <country>" they admit them.
_BRING_VERBS = {"bring", "fly"}


def _brought_in(anchor: Token, num: Token) -> bool:
    """People a country brings in or brings to itself are resettled (GOLD.md: plans, pledges or
    targets to bring in): "bring yet in another 10,000 refugees", "bring 5,000 to Canada"."""
    verb = _clause_verb(anchor, num)
    return verb is not None and _brings_in(verb, anchor)


def _brings_in(verb: Token, anchor: Token) -> bool:
    """The verb brings its object (the counted `anchor`) in, or to a named country."""
    if verb.lemma_.lower() not in _BRING_VERBS:
        return False
    for child in verb.children:
        if child.dep_ == "prt" and child.lower_ in ("in", "over"):
            return True
        if child.dep_ not in ("prep", "dative"):
            continue
        objects = [c for c in child.children if c.dep_ == "pobj"]
        if child.lower_ == "in" and any(o.i == anchor.i for o in objects):
            return True  # the parser hangs "in" on the verb and the count under it
    # "bring 25,000 people hit by war over here to our country of Canada": the destination may
    # hang on a clause of the counted noun
    for token in verb.subtree:
        if token.dep_ == "advmod" and token.lower_ == "here":
            return True
        if token.dep_ == "prep" and token.lower_ in ("to", "into"):
            for place in (c for c in token.children if c.dep_ == "pobj"):
                named = [
                    place,
                    *(g for c in place.children if c.lower_ == "of" for g in c.children),
                ]
                if any(p.ent_type_ == "GPE" for p in named):
                    return True
    return False


def _then_brought_in(anchor: Token, num: Token) -> bool:
    """People the next verb of the same clause brings in by a pronoun ("a plan to rescue 25,000
    refugees … and to bring them into Canada", "select 10,000 Syrians and fly them to Germany"):
    what is done to "them" is done to those counted (GOLD.md: plans to bring in). Done already,
    it is an intake only when a country or its government did it."""
    verb = _clause_verb(anchor, num)
    if verb is None or anchor.i == num.i:
        return False
    for then in (c for c in verb.children if c.dep_ == "conj" and c.i > num.i):
        if not any(c.dep_ == "dobj" and c.lower_ == "them" for c in then.children):
            continue
        if then.tag_ != "VB" and not _by_a_receiving_country(verb):
            continue  # "smugglers carried 60 people and brought them into Spain": no intake
        if then.lemma_.lower() in _ADMIT_VERBS:
            return True
        if then.lemma_.lower() in _BRING_VERBS and _to_a_country(then):
            return True
    return False


def _by_a_receiving_country(verb: Token) -> bool:
    """The verb's subject is a country, its government or "we": one that takes people in. What
    smugglers, traffickers or rescuers did ("carried 60 people and brought them into Spain") is
    no intake; a plan still to come (the next verb bare: "to bring them", "will fly them") is
    told by `_then_brought_in` whoever its subject."""
    return any(
        c.dep_ in _SUBJECT_DEPS
        and (c.ent_type_ == "GPE" or c.lemma_.lower() in _RECEIVING_SUBJECTS)
        for c in verb.children
    )


def _to_a_country(verb: Token) -> bool:
    """The verb takes its object in, or to or into a country the gazetteer names ("bring them
    into Canada"; not "to Idlib", a town inside the country they are in)."""
    if any(c.dep_ == "prt" and c.lower_ in ("in", "over") for c in verb.children):
        return True
    nations = _default_gazetteer().nation_words()
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("to", "into")):
        for place in (c for c in prep.children if c.dep_ == "pobj"):
            name = place.doc[place.left_edge.i : place.i + 1].text.lower()
            found = nations.get(name) or nations.get(place.lower_)
            if place.ent_type_ == "GPE" and found is not None and found[1] != "demonym":
                return True
    return False


_EVACUATING = ("evacuate", "airlift", "fly")


def _evacuated_abroad(ctx: ArticleContext, reading: _Reading, num: Token) -> bool:
    """People evacuated out of a country ("Canada evacuated 3,700 people from Afghanistan") are
    taken in by the country that flies them out: resettled (GOLD.md). Evacuated out of a town
    or a district, they are displaced."""
    verb = _clause_verb(reading.noun if reading.noun is not None else num, num)
    if (verb is None or verb.lemma_.lower() not in _EVACUATING) and reading.noun is not None:
        # "the number of people evacuated from Syria increased to 1,500": the verb that
        # describes the counted noun
        verb = next(
            (
                c
                for c in reading.noun.children
                if c.dep_ in ("acl", "relcl") and c.lemma_.lower() in _EVACUATING
            ),
            verb,
        )
    if verb is None or verb.lemma_.lower() not in _EVACUATING:
        return False
    # "evacuated 70,000 people from Kabul": the parser may hang "from" on the counted noun
    heads = (verb,) if reading.noun is None else (verb, reading.noun)
    left_a_place = False
    for prep in (c for head in heads for c in head.children):
        if prep.dep_ != "prep" or prep.lower_ != "from":
            continue
        for place in prep.children:
            if place.dep_ != "pobj":
                continue
            actor = ctx.actors.get(ctx.actor_at(place.idx, place.idx + len(place)) or "")
            if actor is not None and actor.kind == "country":
                return True
            # "the US has evacuated 70,000 people from Kabul": a country's capital, left by
            # people another country flies out
            capital_of = _capitals().get(place.text.lower())
            if capital_of is not None and capital_of not in _subject_countries(ctx, verb):
                return True
            left_a_place = True  # "evacuated from Idlib": a town or district, not a country
    return _flown_out_by_another_country(ctx, verb, told=not left_a_place)


def _flown_out_by_another_country(ctx: ArticleContext, verb: Token, told: bool = False) -> bool:
    """ "A German A400M has landed in Kabul but evacuated only 7 people": an evacuation whose
    subject belongs to one country, in a sentence set in another country (named, or by its
    capital), flies people out of that other country."""
    # the nearest verb with a subject: "has landed in Kabul but evacuated ...", "... to evacuate"
    subject_verb = next(
        (
            v
            for v in (verb, *verb.ancestors)
            if v.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECT_DEPS for c in v.children)
        ),
        None,
    )
    if subject_verb is None:
        return False
    if told and subject_verb.i == verb.i and _only_passive_subject(verb):
        # "the U.S. planned to keep its flights going, saying 113,500 people had been evacuated":
        # the evacuated are the passive's subject; the country that tells of its evacuation is
        # the subject of a verb above it (`told`: no town or district is named as left)
        subject_verb = next(
            (v for v in verb.ancestors if v.pos_ in ("VERB", "AUX") and _subject_countries(ctx, v)),
            subject_verb,
        )
    own = _subject_countries(ctx, subject_verb)
    if not own:
        return False
    sent = verb.sent
    for token in sent:
        if token.ent_type_ != "GPE" or token.ent_iob_ != "B":
            continue
        capital_of = _capitals().get(token.text.lower())
        country = capital_of or ctx.country_of(ctx.actor_at(token.idx, token.idx + len(token)))
        if country is not None and country not in own:
            return True
    return False


@lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """Capital (lower case) -> country id, from the gazetteer's `capitals` column."""
    from etl.actors import DEFAULT_GAZETTEER
    from etl.derived import seats_of_government

    return seats_of_government(DEFAULT_GAZETTEER)


def _only_passive_subject(verb: Token) -> bool:
    """The verb's only subject is a passive one: "113,500 people [had been evacuated]"."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    return bool(subjects) and all(c.dep_ == "nsubjpass" for c in subjects)


def _subject_countries(ctx: ArticleContext, verb: Token) -> set[str]:
    """The countries of the actors named in a verb's subject."""
    found = set()
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            start = child.left_edge.idx
            end = child.right_edge.idx + len(child.right_edge)
            for mention in ctx.mentions_in(start, end):
                country = ctx.country_of(mention.actor_id)
                if country is not None:
                    found.add(country)
    return found


_FLIGHT_VERBS = {"flee", "escape", "leave"}
_DESTINATION_PREPS = ("to", "into", "across", "towards", "for")


def _fled_within(ctx: ArticleContext, reading: _Reading, num: Token) -> bool:
    """People who fled a town, district or region, not a country, and went nowhere named
    abroad, are displaced inside their country (GOLD.md): "133,000 people have fled Eastern
    Ghouta". Fleeing a country, or to or into one, they are refugees."""
    noun = reading.noun
    if noun is not None and noun.dep_ == "compound" and noun.head.lemma_.lower() in _FLIGHT_VERBS:
        return _fled_nowhere_named(noun.head, reading)  # "800,000 people [flee]" read as a noun
    verb = _clause_verb(noun if noun is not None else num, num)
    if verb is None or verb.lemma_.lower() not in _FLIGHT_VERBS:
        return False
    places = []
    causes = set()  # "fleeing widespread violence": what they fled from is no place
    for child in verb.children:
        if child.dep_ == "dobj" and child.lemma_.lower() in _FLIGHT_CAUSES:
            if any(c.dep_ == "prep" and c.lower_ in _DESTINATION_PREPS for c in child.children):
                return False  # "fled the fighting into Chad": the parser hangs where on what
            causes.add(child.i)
        elif child.dep_ == "dobj":
            places.append(child)
        elif child.dep_ == "prep" and child.lower_ == "from":
            places.extend(c for c in child.children if c.dep_ == "pobj")
        elif child.dep_ == "prep" and child.lower_ in _DESTINATION_PREPS:
            return False  # a destination: where they went decides, not where they left
        elif child.dep_ == "advmod" and child.lower_ in ("abroad", "overseas"):
            return False
    if not places:
        return _fled_nowhere_named(verb, reading, causes)
    if any(
        c.dep_ == "prep" and c.lower_ in _DESTINATION_PREPS
        for place in places
        for c in place.children
    ):
        return False  # "fled Nagorno-Karabakh for Armenia": the parser hangs "for" on the place
    for place in places:
        if place.lemma_.lower() in _PLACES_WITHIN and not _named_refugees(reading):
            continue  # "400,000 people have since fled the camp": a place inside a country
        if place.ent_type_ not in _PLACE_LABELS and place.pos_ != "PROPN":
            return False  # "fled their homes", "fled the country": the cue words decide
        start = place.doc[place.left_edge.i].idx
        actor = ctx.actors.get(ctx.actor_at(start, place.idx + len(place)) or "")
        if actor is not None and actor.kind in ("country", "government"):
            return False
    return True


# What people flee that is no place ("fleeing widespread violence", "fled the shelling"): a
# flight told by its cause names no country left, as "fled the fighting" does not.
_FLIGHT_CAUSES = {"violence", "fighting", "war", "conflict", "clash", "attack", "bombing",
                  "bombardment", "shelling", "airstrike", "hostility", "insecurity", "unrest",
                  "persecution", "offensive", "assault", "flood", "flooding", "drought",
                  "famine", "hunger", "danger", "combat", "battle"}  # fmt: skip
# Places named by a common noun that lie inside a country: fleeing one, people stay in it.
_PLACES_WITHIN = {"camp", "city", "town", "village", "area", "district", "region", "province",
                  "neighbourhood", "neighborhood", "enclave", "suburb", "settlement"}  # fmt: skip
# Nouns of refuge: "sought refuge in Tawila", "took shelter in the town".
_REFUGE_NOUNS = {"refuge", "shelter", "safety", "sanctuary"}
# Continents and world regions, which lie beyond any one country: refuge "in Europe" is abroad.
_WORLD_REGIONS = {"europe", "africa", "asia", "america", "north america", "south america",
                  "latin america", "central america", "middle east", "the middle east", "oceania",
                  "the west", "the gulf", "scandinavia", "the balkans", "the caribbean"}  # fmt: skip


def _named_refugees(reading: _Reading) -> bool:
    """The counted noun names refugees, migrants or a nation: they keep their own name."""
    noun = reading.noun
    return noun is not None and (
        noun.ent_type_ == "NORP" or noun.lemma_.lower() in ("refugee", "migrant", "asylum")
    )


def _refuge_within(ctx: ArticleContext, reading: _Reading, num: Token) -> bool:
    """People who sought refuge in a town or region, not in a country ("nearly 10,000 people
    sought refuge in Tawila"), are displaced inside their country (GOLD.md); refuge "in Chad",
    "in other countries" or "abroad" makes them refugees."""
    if _named_refugees(reading):
        return False
    verb = _clause_verb(reading.noun if reading.noun is not None else num, num)
    if verb is None or verb.lemma_.lower() not in ("seek", "take", "find"):
        return False
    refuge = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _REFUGE_NOUNS]
    if not refuge:
        return False
    preps = [c for head in (verb, refuge[0]) for c in head.children if c.dep_ == "prep"]
    places = [g for p in preps if p.lower_ == "in" for g in p.children if g.dep_ == "pobj"]
    if not places or any(p.lower_ in ("to", "into", "across", "abroad") for p in preps):
        return False
    for place in places:
        if place.lemma_.lower() in ("country", "countries", "nation", "state"):
            return False
        phrase = place.doc[place.left_edge.i : place.i + 1].text.lower()
        if phrase in _WORLD_REGIONS or place.lower_ in _WORLD_REGIONS:
            return False  # "sought refuge in Europe": abroad, a continent away
        if place.ent_type_ not in _PLACE_LABELS and place.lemma_.lower() not in _PLACES_WITHIN:
            return False
        start = place.doc[place.left_edge.i].idx
        actor = ctx.actors.get(ctx.actor_at(start, place.idx + len(place)) or "")
        if actor is not None and actor.kind in ("country", "government"):
            return False
        if place.ent_type_ in _PLACE_LABELS and _is_country_name(ctx, place.text):
            return False
    return True


def _is_country_name(ctx: ArticleContext, name: str) -> bool:
    """The name is a country's name or alias in the actor gazetteer (not a demonym)."""
    found = _nation_words(ctx).get(name.lower())
    return found is not None and found[1] != "demonym"


def _left_country(ctx: ArticleContext, reading: _Reading, num: Token) -> bool:
    """People who left, fled or escaped a named country are refugees (GOLD.md: "people who have
    fled their country"): "more than 250,000 people who have left Sudan"."""
    anchor = reading.noun if reading.noun is not None else num
    verbs = [c for c in anchor.children if c.dep_ in ("relcl", "acl")]
    verb = _clause_verb(anchor, num)
    if verb is not None and anchor.dep_ in _SUBJECT_DEPS:
        verbs.append(verb)
    for verb in verbs:
        if verb.lemma_.lower() not in _FLIGHT_VERBS:
            continue
        places = [c for c in verb.children if c.dep_ == "dobj"] + [
            g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children
        ]
        for place in places:
            actor = ctx.actors.get(ctx.actor_at(place.idx, place.idx + len(place)) or "")
            if place.ent_type_ == "GPE" and actor is not None and actor.kind == "country":
                return True
    return False


def _fled_nowhere_named(verb: Token, reading: _Reading, causes: set[int] = frozenset()) -> bool:
    """ "An assault could see 800,000 people flee": a flight that names no place, border or
    country left says nothing of a country crossed, so the people are displaced (GOLD.md:
    refugees have fled their country). People named as refugees or as a nation, or fleeing in a
    sentence that counts refugees ("four million people have fled, and the agency counted
    3,960,000 refugees"), stay refugees."""
    noun = reading.noun
    if verb.lemma_.lower() not in ("flee", "escape") or (
        noun is not None
        and (noun.ent_type_ == "NORP" or noun.lemma_.lower() in ("refugee", "migrant"))
    ):
        return False
    if any(t.lemma_.lower() in ("refugee", "migrant") for t in verb.sent):
        return False
    return not any(
        c.dep_ in ("prep", "dobj", "advmod", "xcomp", "advcl", "npadvmod") and c.i not in causes
        for c in verb.children
    )


def _fled(reading: _Reading, doc) -> bool:
    """A refugee figure said to have fled ("have fled Syria", "escaped the country")."""
    return reading.category == "refugees" and any(
        doc[i].lemma_.lower() in _FLIGHT_VERBS for i in reading.window
    )


def _nation_refugees_level(reading: _Reading, num: Token) -> bool:
    """ "the number of Syrian refugees surpassed four million": the level of a nation's refugees
    counts the people who fled that country (wherever they are), not refugees a resettling
    country took in."""
    noun = reading.noun
    if reading.category != "refugees" or noun is None or noun.lemma_.lower() != "refugee":
        return False
    level = _level_of(num)
    if level is None or level.i != noun.i:
        return False
    return any(c.dep_ == "amod" and c.ent_type_ == "NORP" for c in noun.children)


def _nationals_abroad(ctx: ArticleContext, reading: _Reading, location: str | None) -> bool:
    """A nation's people counted in another country ("the number of Venezuelans in Uruguay is
    22,000", "Colombia alone brings together 2.48 million Venezuelans"): people outside their
    own country, refugees (GOLD.md; docs/gold-conventions.md). The nation is the country the
    counted noun names as a demonym; the place is the figure's, when it is a country."""
    noun = reading.noun
    if noun is None or not location or noun.tag_ not in ("NNPS", "NNS"):
        return False
    nation = ctx.country_of(ctx.actor_at(noun.idx, noun.idx + len(noun)))
    words = _nation_words(ctx)
    if nation is None:
        # the gazetteer's demonyms are singular: "Venezuelans" is the people of "Venezuelan"
        found = words.get(noun.lower_) or words.get(noun.lower_[:-1])
        nation = found[0] if found else None
    if nation is None:
        return False
    wanted = location.lower()
    host = next(
        (
            actor.actor_id
            for actor in ctx.actors.values()
            if actor.kind == "country"
            and wanted in (name.lower() for name in (actor.name, *actor.aliases))
        ),
        None,
    )
    if host is None or host == nation:
        return False
    names = tuple(sorted(w for w, (c, _) in words.items() if c == nation and len(w) > 2))
    demonyms = tuple(w for w in names if words[w][1] == "demonym")
    return _said_to_be_refugees(ctx.body, names, demonyms)


@lru_cache(maxsize=32)
def _said_to_be_refugees(body: str, names: tuple[str, ...], demonyms: tuple[str, ...]) -> bool:
    """The article names this nation's people refugees or migrants, or tells of flight from the
    country ("Venezuelan migrants", "refugees from Syria", "fleeing the crisis in Venezuela"):
    foreigners who merely live in a country
    ("8,000 registered Russians" in Syria) are not said to have fled. `names` are the nation's
    country names, aliases and demonyms, `demonyms` its demonyms alone: only a demonym straight
    before the noun names its people ("Jordan accepted refugees" is a host, not a nation that
    fled). Cached per (body, nation): a figure's every candidate asks it again."""
    if not names:
        return False
    alternatives = "|".join(sorted((re.escape(w) for w in names), key=len, reverse=True))
    patterns = [
        rf"\b(?:refugees?|migrants?)\s+(?:[\w-]+\s+){{0,3}}from\s+(?:the\s+)?(?:{alternatives})\b",
        # "fleeing the serious crisis in Venezuela", "have fled Syria"
        rf"\b(?:fle[de]\w*|escap\w*)\s+(?:[\w-]+\s+){{0,4}}(?:{alternatives})\b",
    ]
    if demonyms:
        people = "|".join(sorted((re.escape(w) for w in demonyms), key=len, reverse=True))
        # "Venezuelan migrants", "Syrian refugee exodus"
        patterns.insert(0, rf"\b(?:{people})s?\s+(?:refugees?|migrants?|asylum|exodus)\b")
    return bool(re.search("|".join(patterns), body, re.IGNORECASE))


def _nation_words(ctx: ArticleContext) -> dict[str, tuple[str, str]]:
    """Country names, aliases and demonyms (lower case) -> (country id, how), from the
    gazetteer the article's mentions were resolved with."""
    return (ctx.gazetteer or _default_gazetteer()).nation_words()


@lru_cache(maxsize=1)
def _default_gazetteer():
    """The default actor gazetteer, for a context built without one (tests)."""
    from etl.actors import Gazetteer

    return Gazetteer.load()

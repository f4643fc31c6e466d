"""Reading a number in prose: whether it is a figure and of which category.

`read_quantity` decides a number's category from its counted noun and clause: money (aid or
other), a force's strength, a place's population, cues of what happened to those counted
(which beat words that only describe them), the counted noun's own category, and for an
elliptical count the list or the figure before it. The rules of flight and admission are in
`etl.figure_movement`, those of lists in `etl.figure_lists`, and numbers that are no figures in
`etl.figure_spurious`. `_named_before` gives a demonstrative count ("these 100 women") the
category of the figure it points back to.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spacy.tokens import Span, Token

from etl.figure_aid import _given_aid, _in_shelter, _spent_on_people_who_fled
from etl.figure_categories import (
    DISPLACEMENT_CUES,
    STRONG_CUES,
    WEAK_CUES,
    CategoryRules,
    _any_phrase,
    _noun_in,
    _phrases_ending_at,
    _Reading,
    phrase_category,
)
from etl.figure_clauses import (
    _LEVEL_VERBS,
    _SUBJECT_DEPS,
    _clause_verb,
    _clause_window,
    _count_subject,
    _counted_noun,
    _nearest_cue,
    _negated,
)
from etl.figure_lists import _in_enumeration, _listed_after_place
from etl.figure_movement import (
    _admitted,
    _brought_in,
    _entered_country,
    _hosted_before,
    _hosted_nationals,
    _nationals_left,
    _pledged_to_take,
    _registered,
    _taken_from_abroad,
    _then_brought_in,
    _went_abroad,
)
from etl.figure_references import (
    _apposed_to_people,
    _bare_billions,
    _change_of,
    _compared,
    _estimated_them_at,
    _parallel_clause,
    _people_of_a_refugee_sentence,
    _refugees_said_displaced,
    _restated_count,
    _total_of_nothing,
    _whole_cue,
)
from etl.figure_spurious import _is_narrative, _owned_few
from etl.numbers import Quantity
from etl.types import Figure

# The whole of a partitive counted with these nouns is a population: "of Gaza's 2.3 million people".
_POPULATION_NOUNS = {
    "people",
    "person",
    "resident",
    "inhabitant",
    "civilian",
    "population",
}


# Entity labels the tagger gives a people's name it does not know ("1,140 Rohingya").
_UNKNOWN_PEOPLE = ("", "NORP", "PRODUCT")
# A fraction of a count is a share, not a second count: the count keeps the sentence's category.
_FRACTIONS = {"half", "third", "quarter", "fifth", "tenth", "thirds", "quarters", "fifths"}


def _counted_by_container(num: Token, rules: CategoryRules) -> Token | None:
    """The people or forces noun a bare count is 'of': "a force of 2,000", "an army of 10,000",
    "a crowd of 5,000 people" is read by its own noun first."""
    of = num.head
    if num.dep_ != "pobj" or of.lower_ != "of" or of.head.i == of.i:
        return None
    container = of.head
    if container.pos_ not in ("NOUN", "PROPN"):
        return None
    if _noun_in(container, rules.noun_classes["forces"]) or _noun_in(
        container, rules.noun_classes["people"]
    ):
        return container
    return None


def _is_whole_of_partitive(anchor: Token, num: Token) -> bool:
    """'1.7 million of Gaza's [2.3 million people]': the second number is the whole population,
    and what the sentence says happened belongs to the part."""
    of = anchor.head
    return (
        num.i > of.i
        and of.lower_ == "of"
        and of.dep_ == "prep"
        and of.head.lemma_.lower() not in _FRACTIONS  # "two-thirds of the 6,800 refugees"
        and (of.head.like_num or any(c.dep_ == "nummod" for c in of.head.children))
    )


def _casualty_after(num: Token, rules: CategoryRules) -> Token | None:
    """A casualty word straight after a bare count is what it counts: "and 36 [dead]"."""
    if num.i + 1 >= len(num.doc):
        return None
    nxt = num.doc[num.i + 1]
    for category in ("killed", "injured"):
        if _noun_in(nxt, rules.nouns.get(category, frozenset())):
            return nxt
    return None


def _refers_back(num: Token) -> bool:
    """An elliptical count that takes its meaning from an earlier figure: a subject ("About
    30,000 have been relocated"), a partitive ("3.3 million of them"), or an inclusion
    ("including more than 110,000 into Egypt")."""
    nxt = num.doc[num.i + 1] if num.i + 1 < len(num.doc) else None
    verb = num.head.head if num.dep_ == "pobj" else num.head
    return (
        num.dep_ in ("nsubj", "nsubjpass")
        or (verb.lemma_.lower() in _LEVEL_VERBS and _count_subject(verb) is not None)
        # a series of levels by date: "..., and by October 2014, 1,151,057"
        or (num.dep_ == "appos" and num.head.ent_type_ == "DATE")
        or (nxt is not None and nxt.lower_ == "of")
        or num.head.lemma_.lower() == "include"
        # "the remainder, who number over 200": a count of a group named before
        or (verb.lemma_.lower() == "number" and verb.pos_ == "VERB")
        # "195,042 enrolled out of 360,000 targeted": the whole a part is counted out of
        or (num.dep_ == "pobj" and num.head.lower_ == "of" and num.head.head.lower_ == "out")
        or _total_of_nothing(num, verb)
        or _estimated_them_at(num, verb)
        # "The actual number was closer to 700", "when the figure was 21,413"
        or _restated_count(num)
    )


def read_quantity(
    quantity: Quantity,
    num: Token,
    sent: Span,
    rules: CategoryRules,
    previous_category: str | None = None,
    previous_sentence: Span | None = None,
    same_sentence_category: str | None = None,
    people_names: frozenset[str] = frozenset(),
    peoples: Mapping[str, str | None] | None = None,
) -> _Reading | None:
    """Decide whether a quantity is a figure and of which category; None when it is not one.

    `previous_category` is the category of the figure just before, when it is in this sentence
    or the two before it (an elliptical count may refer back to it); `previous_sentence` is the
    sentence before in the same paragraph (it may say what a sum of money is for);
    `people_names` are proper nouns the article has already counted as people; `peoples` the
    names the article writes as a people, with the category of the noun they modify there
    (`etl.figure_peoples`)."""
    peoples = peoples or {}
    noun = (
        _counted_noun(num, sent)
        or _counted_by_container(num, rules)
        or _casualty_after(num, rules)
        or _apposed_to_people(num, rules)  # "Most of the migrants, specifically 5.75 million"
    )
    if noun is not None and _verb_taken_for_noun(noun, quantity, rules):
        # "some 5,000 [flee] the country": the count is the verb's subject; "800,000 people
        # [flee]": the people before the verb are what is counted
        noun = _people_before(noun, quantity, rules)
    anchor = noun if noun is not None else num
    core, window = _clause_window(anchor, num, sent)
    doc = sent.doc
    bare_sum = _bare_billions(quantity, noun, rules)
    if (
        quantity.is_money
        or (noun is not None and _noun_in(noun, rules.noun_classes["money"]))
        or bare_sum
    ):
        if _any_phrase(rules.not_money, doc, window):
            return None  # a price or a wage, not a figure
        aid = _any_phrase(rules.aid_words, doc, range(sent.start, sent.end)) or (
            # a sum with no currency written is aid only where aid words say so ("its pledge")
            not bare_sum and _any_phrase(rules.aid_near, doc, window)
        )
        if (
            not aid
            and previous_sentence is not None
            and _any_phrase(rules.aid_breakdown, doc, window)
        ):
            aid = _any_phrase(
                rules.aid_words,
                doc,
                range(previous_sentence.start, previous_sentence.end),
            )
        if not aid and _spent_on_people_who_fled(num, rules):
            aid = True  # "spend $44 million supplying 240,000 refugees with cash, food, water"
        if not aid and _any_phrase(rules.not_subject, doc, window):
            return None  # a market value or a national budget: not the article's subject
        return _Reading("aid_money" if aid else "other", noun, frozenset(window))
    if noun is not None and _noun_in(noun, rules.noun_classes["aircraft"]):
        if _is_narrative(quantity, num) or _owned_few(quantity, num):
            return None  # "the two helicopters", "three warplanes": a small set in a story
        return _Reading("other", noun, frozenset(window))  # "32 Russian aircraft were sent"
    if _strength_of_force(noun, num, rules):
        return _Reading("troops", noun, frozenset(window))  # "its 9,500-strong mission"
    if _population_of_place(anchor, num, rules):
        return _Reading("civilians", noun, frozenset(window))  # "a city of 100,000 people"
    whole = _is_whole_of_partitive(anchor, num)
    strong_categories = STRONG_CUES
    if (
        noun is not None
        and (_noun_in(noun, rules.noun_classes["forces"]) or _noun_in(noun, rules.not_displaced))
        and not _with_families(noun)
    ):
        strong_categories = tuple(c for c in STRONG_CUES if c not in DISPLACEMENT_CUES)
    if whole:
        strong = _whole_cue(rules, strong_categories, anchor, num, window)
    else:
        acts = _acts_of(anchor)  # "2,000 troops assisting the SDF": what they do to others
        strong = _nearest_cue(rules.cues, strong_categories, core - acts, window - acts, num)
    if strong == "refugees" and (refuge := _refuge_at_home(anchor)):
        # "the church provided refuge to 300 people": a shelter, not a country, gave it
        strong = _nearest_cue(rules.cues, strong_categories, core - refuge, window - refuge, num)
    if (
        strong in (None, "refugees")
        and "resettled" in strong_categories
        and _brought_in(anchor, num)
    ):
        strong = "resettled"  # "the goal of bringing 10,000 Syrian refugees to Canada"
    if (
        strong in (None, "refugees", "displaced")
        and "resettled" in strong_categories
        and (
            _admitted(anchor, num)
            or _taken_from_abroad(anchor, num)
            or _then_brought_in(anchor, num)
        )
    ):
        strong = "resettled"  # "Australia would welcome 12,000 displaced Syrians"
    if (
        strong in (None, "refugees")
        and "resettled" in strong_categories
        and _pledged_to_take(anchor)
    ):
        strong = "resettled"  # "we have committed to taking 4,000"
    if strong in (None, "other") and noun is not None and _bodies_of(noun):
        strong = "killed"  # "the bodies of 502 people have been recovered": the dead
    if strong in _DESCRIBING_CUES:
        happened = _verb_cue(rules, strong_categories, anchor, num)
        if happened in _HAPPENING_CUES and happened != strong:
            strong = happened  # "100 refugees in need of protection will resettle in ..."
    if strong is None and noun is not None and _included_in_count(noun):
        # "dozens of people were injured, including at least 17 children": a part of a count
        # (vague or not) takes what its clause says happened to the whole (gold-conventions)
        strong = _cue_of_the_whole(rules, strong_categories, noun, num)
    if strong == "other" and _return_not_made(rules, noun, anchor, num, core, window):
        strong = "refugees"  # "Turkey will repatriate 3 million Syrian refugees": still refugees
    if strong in ("displaced", "refugees") and _given_aid(anchor, num):
        strong = "other"  # "264,500 newly displaced people assisted with rations": beneficiaries
    if strong == "displaced" and _refugees_said_displaced(noun, window, rules):
        strong = "refugees"  # "5 million displaced refugees outside their own country"
    if strong == "displaced" and _entered_country(anchor, num):
        strong = "refugees"  # '70,500 "forcibly displaced persons" had entered Armenia'
    if (
        strong in (None, "displaced")
        and "refugees" in strong_categories
        and _went_abroad(anchor, num)
    ):
        strong = "refugees"  # "120,000 people that have gone to the neighbouring countries"
    if strong is None and "refugees" in strong_categories and _registered(anchor, num):
        strong = "refugees"  # "509,559 Syrians are either already registered"
    if strong is None and _sums_up_before(anchor, num):
        # "… refugees to be resettled … (this amounts to 380,000 people)": the count sums up
        # what the sentence said before it, and takes its cue
        before = set(range(sent.start, num.i))
        strong = _nearest_cue(rules.cues, strong_categories, set(), before, num)
    if (
        strong is None
        and not (noun is not None and noun.ent_type_ == "NORP")
        # a people the article calls refugees ("Rohingya refugees"): their name is the
        # refugees' own word, which decides over a camp ("900,000 Rohingya remain in the camps")
        and not (
            noun is not None
            and _new_people_name(noun, peoples, people_names)
            and peoples[noun.lower_] == "refugees"
        )
        and _in_shelter(doc, window)
    ):
        strong = "displaced"  # "90,000 individuals are now in camps and reception centres"
    if _owned_few(quantity, num):
        return None  # "her four children": a family, not a count, whatever happened to it
    if _is_narrative(quantity, num) and (
        strong is None
        or (
            strong == "other"
            and not (noun is not None and _noun_in(noun, rules.noun_classes["people"]))
        )
    ):
        return None  # "the two leaders"; "all five members needed": a small set, not a count
    is_people = noun is not None and (
        _noun_in(noun, rules.noun_classes["people"])
        or _noun_in(noun, rules.noun_classes["forces"])
        # a noun that names a category itself counts what happened to people ("8,500
        # injuries", "300 fatalities"): the category's own counted nouns are counts of people
        or _names_a_category(noun, rules)
        or (noun.ent_type_ == "NORP" and noun.tag_ in ("NNPS", "NNS", "NNP"))
        or (strong is not None and _noun_in(noun, rules.noun_classes["cued"]))
        or _staff_counted(quantity, noun, rules)
        # "a quota of 750 urgent protection cases": cases a country admits are people
        or (strong == "resettled" and _noun_in(noun, rules.noun_classes["admitted"]))
        # "over 100 people, including 11 local leaders": a part of the count before it
        or (
            same_sentence_category is not None
            and _included_in_count(noun)
            and _noun_in(noun, rules.noun_classes["cued"])
        )
        # a people named by a proper noun the tagger does not know ("740,000 Rohingya fled")
        or (strong is not None and noun.pos_ == "PROPN" and noun.ent_type_ in _UNKNOWN_PEOPLE)
        # a people's name the article has already counted as people ("24,000 Rohingya were
        # killed" before "116,000 Rohingya were beaten"), however the tagger reads it here
        or (noun.pos_ == "PROPN" and noun.lower_ in people_names)
        # a people the article names by a word it writes before a noun of people ("Rohingya
        # refugees"): "800,000 Rohingyas are now living in the settlements"
        or _new_people_name(noun, peoples, people_names)
        # "some 3,000 Rohingya arrived": a people the tagger takes for an organisation, counted
        # and said to have fled, arrived or died
        or (
            strong in ("refugees", "displaced", "killed", "injured")
            and noun.pos_ == "PROPN"
            and noun.ent_type_ == "ORG"
            and noun.tag_ in ("NNP", "NNPS")
            and noun.dep_ in _SUBJECT_DEPS
        )
    )
    if noun is not None and not is_people:
        return None  # "1.6 million chargers", "2,000 airstrikes": not people, forces or money
    if (
        noun is not None
        and noun.lemma_.lower() == "life"
        and strong not in ("killed", "injured")
        and _nearest_cue(rules.cues, ("civilians",), core, window, num) is not None
    ):
        return _Reading("civilians", noun, frozenset(window))  # "750,000 lives are in danger"
    if strong is not None and noun is not None and strong != "other":
        # a casualty noun says what happened itself: "a siege could cost 90,000 lives",
        # "1,134 people were injured and 36 dead"
        for category in ("killed", "injured"):
            if _noun_in(noun, rules.nouns.get(category, frozenset())):
                return _Reading(category, noun, frozenset(window))
    if strong is not None:
        return _Reading(strong, noun, frozenset(window))
    if _hosted_nationals(noun, anchor, num) or _nationals_left(noun, anchor, num):
        return _Reading("refugees", noun, frozenset(window))
    weak = _nearest_cue(rules.cues, WEAK_CUES, core, window, num)
    if noun is None:
        if weak is not None:
            return _Reading(weak, None, frozenset(window))
        if same_sentence_category is not None and (
            _in_enumeration(num) or _compared(num) or _change_of(num)
        ):
            # "3,275 asylum applications in 2015, compared to 1,450 in 2014"
            return _Reading(same_sentence_category, None, frozenset(window))
        if previous_category is not None and _parallel_clause(num, sent):
            # "Turkey has taken some 3 million refugees. Lebanon has taken approximately 1
            # million": the same verb with a count of the same people
            return _Reading(previous_category, None, frozenset(window))
        if _hosted_before(quantity, num):
            return _Reading("refugees", None, frozenset(window))  # "Turkey hosts 3.6 million"
        if previous_category is not None and _refers_back(num):
            return _Reading(previous_category, None, frozenset(window))
        if _listed_after_place(num):
            # "Turkey (177,000), Lebanon (179,000) ... host most of the refugees": the list's
            # sentence says what its numbers count
            said = phrase_category(sent, rules)
            if said is not None and said[0] > 0:
                return _Reading(said[1], None, frozenset(window))
        return None  # an elliptical number with no cue says nothing about what it counts
    if _new_people_name(noun, peoples, people_names) and peoples.get(noun.lower_):
        # "1.1 million Rohingya in Cox's Bazar" where the article writes "Rohingya refugees":
        # the people's name counts what the article calls them, as a counted noun would
        return _Reading(peoples[noun.lower_], noun, frozenset(window))
    for category, nouns in rules.nouns.items():
        if _noun_in(noun, nouns) and not (category == "troops" and _with_families(noun)):
            return _Reading(category, noun, frozenset(window))
    if whole and weak is None and noun.lemma_.lower() in _POPULATION_NOUNS:
        return _Reading("civilians", noun, frozenset(window))  # a population
    if weak is None and same_sentence_category is not None and _included_in_count(noun):
        # "four million refugees, including 350 thousand Kurds": a part of the count before
        return _Reading(same_sentence_category, noun, frozenset(window))
    if weak is None and _people_of_a_refugee_sentence(noun, sent, rules):
        # "Record numbers of refugees headed into Poland, with the total expected to surpass
        # one million people": bare people in a sentence about refugees are those refugees
        return _Reading("refugees", noun, frozenset(window))
    return _Reading(weak or "other", noun, frozenset(window))


# Verbs of an act done to someone ("help", "detain", "kill"): their subject does it, their object
# or passive subject undergoes it. Verbs whose subject undergoes what they say ("die", "flee",
# "need", "return") are not here.
_ACT_LEMMAS = {"help", "assist", "feed", "save", "sanction", "detain", "arrest", "deport",
               "expel", "abduct", "kidnap", "capture", "imprison", "jail", "release",
               "exchange", "swap", "neutralize", "neutralise", "kill", "execute", "massacre",
               "slay", "injure", "wound", "maim", "besiege", "encircle", "blockade",
               "repatriate"}  # fmt: skip


def _acts_of(anchor: Token) -> set[int]:
    """Verbs of an act that the counted noun does, not undergoes: the noun is the verb's active
    subject ("6,000 troops are helping to evacuate ...") or the verb, in its -ing form, describes
    the noun ("2,000 troops advising and assisting the SDF"), with verbs joined to it; the verb
    has an object or a verb after it (who is helped, what is done) and is no past participle. A
    cue such a verb carries says what the counted do to others, not what happened to them."""
    heads = []
    if anchor.dep_ == "nsubj" and anchor.head.pos_ == "VERB":
        heads.append(anchor.head)
    heads.extend(c for c in anchor.children if c.dep_ == "acl" and c.tag_ == "VBG")
    acts: set[int] = set()
    for head in heads:
        for verb in (head, *head.conjuncts):
            if (
                verb.lemma_.lower() in _ACT_LEMMAS
                and verb.pos_ == "VERB"
                and verb.tag_ != "VBN"  # "16 people killed": a participle they underwent
                and any(c.dep_ in ("dobj", "xcomp") for c in verb.children)  # done to someone
            ):
                acts.add(verb.i)
    return acts


def _names_a_category(noun: Token, rules: CategoryRules) -> bool:
    """The noun is one of a category's own counted nouns (`noun <category>` in the rules)."""
    return any(_noun_in(noun, nouns) for nouns in rules.nouns.values())


def _new_people_name(
    noun: Token, peoples: Mapping[str, str | None], people_names: frozenset[str]
) -> bool:
    """A proper noun that the article writes as a people (`etl.figure_peoples`) and that
    nothing else makes a count of people: not a nation the tagger knows ("Syrians" are read by
    the rules of nations) and not a name the article has counted as people already (whose
    later counts keep their own reading, docs/gold-conventions.md)."""
    return (
        noun.pos_ == "PROPN"
        and noun.ent_type_ != "NORP"
        and noun.lower_ in peoples
        and noun.lower_ not in people_names
    )


# Cues that may only describe who is counted ("in need of protection", "internally displaced
# people") and cues of what happened to them that beat such a description when the count's own
# verb carries them ("... will resettle in New Zealand", "... dying from hunger"): GOLD.md
# decides the category by what is counted, deaths "of anyone".
_DESCRIBING_CUES = ("other", "displaced", "refugees")
_HAPPENING_CUES = ("resettled", "killed", "injured")


def _verb_cue(
    rules: CategoryRules, categories: Sequence[str], anchor: Token, num: Token
) -> str | None:
    """The category of a cue carried by the count's own verb: the verb of its clause (with its
    particle or infinitive) or a verb describing the counted noun ("people dying from hunger");
    None when the verb carries none."""
    verbs = [c for c in anchor.children if c.dep_ in ("acl", "relcl") and c.pos_ == "VERB"]
    verb = _clause_verb(anchor, num)
    if verb is not None:
        verbs.append(verb)
        verbs.extend(c for c in verb.children if c.dep_ in ("prt", "xcomp") and c.pos_ == "VERB")
    for token in verbs:
        if _negated(token):
            continue
        for category in categories:
            if category in _HAPPENING_CUES and _phrases_ending_at(
                rules.cues.get(category, frozenset()), token.doc, token.i
            ):
                return category
    return None


# Nouns of the dead that a count of people is "of": "the bodies of 502 people".
# A singular "body of 12 experts" is a group of the living: only the plural counts the dead.
_DEAD_CONTAINERS = {"bodies", "remains", "corpses"}


# Verbs of giving refuge ("provided refuge to", "offered refuge for") and who gives it as a
# country: a country, its government or people, a nation; anyone else shelters people at home.
_REFUGE_VERBS = {"provide", "give", "offer", "grant", "extend"}
_COUNTRY_SUBJECTS = {"country", "government", "nation", "state", "we", "kingdom", "republic"}


def _refuge_at_home(anchor: Token) -> set[int]:
    """The tokens of "provided refuge" when those counted were given refuge "to" or "for" by a
    subject that is no country ("the church provided refuge to 300 people during the storm",
    "the shelter gave refuge to 50 women"): a roof, not asylum, so the phrase is no cue of
    refugees (GOLD.md: refugees have fled their country). Given by a country ("Chad has
    provided refuge to 600,000 Sudanese") or with no subject said, the cue stands."""
    prep = anchor.head
    if anchor.dep_ != "pobj" or prep.lower_ not in ("to", "for"):
        return set()
    verb = prep.head
    if verb.lemma_.lower() not in _REFUGE_VERBS:
        return set()
    refuge = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() == "refuge"]
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not refuge or not subjects:
        return set()
    if any(
        s.ent_type_ in ("GPE", "NORP") or s.lemma_.lower() in _COUNTRY_SUBJECTS for s in subjects
    ):
        return set()
    return {verb.i, refuge[0].i}


# Nouns of the families that go with fighters: "5,000 rebel fighters and their families leave".
_FAMILY_NOUNS = {"family", "families", "relative", "relatives", "dependant", "dependants",
                 "dependent", "dependents"}  # fmt: skip


def _with_families(noun: Token) -> bool:
    """Fighters counted together with their families ("some 5,000 rebel fighters and their
    families leave", "50,000 opposition fighters and family members have fled") are people on
    the move, read by the cues of flight and evacuation like any other people."""
    for conj in (c for c in noun.children if c.dep_ == "conj"):
        if conj.lower_ in _FAMILY_NOUNS or any(
            c.dep_ == "compound" and c.lower_ in _FAMILY_NOUNS for c in conj.children
        ):
            return True
    return False


def _bodies_of(noun: Token) -> bool:
    """The counted people are those whose bodies or remains the sentence counts ("the bodies of
    502 people have been recovered"): deaths (GOLD.md: `killed` counts deaths of anyone)."""
    of = noun.head
    return (
        noun.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.i != of.i
        and of.head.lower_ in _DEAD_CONTAINERS
    )


# Bodies whose strength ("a 9,500-strong mission") counts the troops in them.
_FORCE_BODIES = {"mission", "contingent", "garrison", "unit", "deployment", "coalition"}


def _strength_of_force(noun: Token | None, num: Token, rules: CategoryRules) -> bool:
    """ "NATO withdrew its 9,500-strong mission": the strength of a force or a military mission
    counts troops (GOLD.md: forces deployed or committed)."""
    if noun is None or num.head.lower_ != "strong" or num.head.head.i != noun.i:
        return False
    return noun.lemma_.lower() in _FORCE_BODIES or _noun_in(noun, rules.noun_classes["forces"])


def _included_in_count(noun: Token) -> bool:
    """A counted noun introduced by "including" or "among them": a subgroup of a count."""
    head = noun.head
    return noun.dep_ == "pobj" and head.lower_ in ("including", "includes", "among")


def _sums_up_before(anchor: Token, num: Token) -> bool:
    """ "(this amounts to 380,000 people)", "which comes to 12,000": a count that a pronoun
    standing for the words before it amounts to."""
    verb = _clause_verb(anchor, num)
    return (
        verb is not None
        and verb.lemma_.lower() in ("amount", "come", "total", "equal")
        # "this amounts to", and "they now amount to" after the people the sentence named
        and any(
            c.dep_ == "nsubj" and c.lower_ in ("this", "which", "that", "they", "these", "those")
            for c in verb.children
        )
    )


def _people_before(noun: Token, quantity: Quantity, rules: CategoryRules) -> Token | None:
    """The people noun between a count and a verb the tagger took for its noun ("800,000
    [people] flee"), None when the count stands straight before the verb."""
    between = noun.doc[quantity_end_token(noun, quantity) : noun.i]
    return between[-1] if len(between) else None


def _verb_taken_for_noun(noun: Token, quantity: Quantity, rules: CategoryRules) -> bool:
    """A singular 'noun' right after a count greater than one (or after the count and a people
    noun hung on it as a compound) that is a verb of flight, death or displacement: the tagger
    read the verb as the counted noun ("5,000 flee the country", "800,000 people flee")."""
    end = quantity_end_token(noun, quantity)
    between = noun.doc[end : noun.i] if end >= 0 else ()
    if noun.tag_ != "NN" or quantity.value < 2 or end < 0 or noun.i < end:
        return False
    if len(between) > 1 or any(
        t.dep_ != "compound" or t.head.i != noun.i or not _noun_in(t, rules.noun_classes["people"])
        for t in between
    ):
        return False
    word = (noun.lemma_.lower(),)
    return any(
        word in rules.cues.get(category, frozenset())
        for category in ("refugees", "displaced", "killed")
    )


def quantity_end_token(noun: Token, quantity: Quantity) -> int:
    """The index of the token straight after a quantity's last character."""
    span = noun.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    return span.end if span is not None else -1


# Places whose size in people is their population: "a city of 3 million".
_PLACE_NOUNS = {"city", "town", "village", "province", "region", "country", "enclave",
                "district", "governorate", "island", "nation", "capital", "municipality",
                "state", "territory", "strip"}  # fmt: skip


def _population_of_place(anchor: Token, num: Token, rules: CategoryRules) -> bool:
    """A count that is the size of a place ("the city of just under 3 million", "a town of
    about 100,000 people"): its population, civilians (GOLD.md)."""
    if anchor.i != num.i and anchor.lemma_.lower() not in _POPULATION_NOUNS:
        return False
    of = anchor.head
    return (
        anchor.dep_ == "pobj"
        and of.lower_ == "of"
        and of.head.i != of.i
        and of.head.lemma_.lower() in _PLACE_NOUNS
        and of.head.i < num.i
    )


_DEMONSTRATIVES = {"these", "those"}


def _named_before(figures: Sequence[Figure], quantity: Quantity, num: Token) -> str | None:
    """The category of the figure a demonstrative count points back to: "these 100 desperate
    women and children" after "resettle up to 100 Syrians" is the same 100."""
    span = num.doc.char_span(quantity.start, quantity.end, alignment_mode="expand")
    first = span.start if span is not None else num.i
    if first == 0 or num.doc[first - 1].lower_ not in _DEMONSTRATIVES:
        return None
    same = [f.category for f in figures if f.value == quantity.value]
    return same[-1] if same else None


# Words of going home: people who have returned are `other` (returnees); refugees whose return
# is only planned, asked for or done to them are still refugees.
_RETURN_LEMMAS = {"return", "repatriate", "repatriation", "returnee"}


def _return_not_made(
    rules: CategoryRules,
    noun: Token | None,
    anchor: Token,
    num: Token,
    core: set[int],
    window: set[int],
) -> bool:
    """Refugees whose return the sentence names without their having gone home ("Turkey will
    repatriate 3 million Syrian refugees", "a list of 8,000 refugees to begin the repatriation"):
    the return cue is a noun or a verb whose object they are, and no other cue of `other` (need,
    detention) is in their clause. Refugees who "have returned" are returnees (`other`)."""
    if noun is None or not _noun_in(noun, rules.nouns.get("refugees", frozenset())):
        return False
    doc = num.doc
    returns = [doc[i] for i in window if doc[i].lemma_.lower() in _RETURN_LEMMAS]
    if not returns:
        return False
    for token in returns:
        if token.pos_ in ("VERB", "AUX") and not (
            anchor.head.i == token.i and anchor.dep_ in ("dobj", "obj")
        ):
            return False  # "200,000 refugees have returned home": they went back
        if token.pos_ not in ("VERB", "AUX") and _told_as_done(token):
            return False  # "UNHCR recorded the return of 300,000 refugees": it took place
    others = {
        category: frozenset(p for p in phrases if not set(p) & _RETURN_LEMMAS)
        for category, phrases in rules.cues.items()
        if category == "other"
    }
    return _nearest_cue(others, ("other",), core, window - {t.i for t in returns}, num) is None


# Verbs that tell a return took place (in a past tense): "recorded the return", "the
# repatriation was completed"; verbs of plans and talks ("agreed", "announced") do not.
_DONE_VERBS = {"complete", "record", "begin", "start", "take", "finish", "conclude", "carry",
               "facilitate", "organise", "organize", "oversee", "witness", "register", "see",
               "end", "happen", "occur"}  # fmt: skip
# Auxiliaries that make a past participle a plan or a possibility, not a thing done ("will be
# completed", "could be carried out").
_NOT_DONE_AUX = {"will", "would", "shall", "should", "could", "can", "may", "might", "must", "to"}


def _told_as_done(cue: Token) -> bool:
    """The return noun ("the return of 300,000 refugees") is the subject or object of a verb
    in a past tense that tells it happened ("UNHCR recorded the return ...", "the repatriation
    ... was completed in March"); a plan ("to begin the repatriation", "will be completed") is
    not done; a return named as a purpose ("handed over for repatriation") is not told."""
    verb = cue.head
    if cue.dep_ not in ("nsubj", "nsubjpass", "dobj", "obj") or verb.pos_ not in ("VERB", "AUX"):
        return False  # "handed over for repatriation": a purpose, not a thing told as done
    if verb.lemma_.lower() not in _DONE_VERBS:
        return False  # "Myanmar agreed the repatriation of ...": agreed, not done
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a in _NOT_DONE_AUX for a in auxes):
        return False
    if verb.tag_ == "VBD":
        return True
    return verb.tag_ == "VBN" and bool(auxes)


# People counted by their office ("500 Canadian officials", "1,149 ISIS members"): a count of
# people (GOLD.md: every other count of people is `other`) once it is no small narrative set.
_OFFICE_NOUNS = {"official", "officials", "member", "members", "delegate", "delegates",
                 "employee", "employees"}  # fmt: skip


# Words of a vote: "the other 13 members voted in favour" is a tally, no figure (GOLD.md).
_VOTE_LEMMAS = {"vote", "abstain", "favour", "favor", "veto", "ballot", "council", "unanimously"}


# Bodies whose members are states: "NATO's 30 members", "the bloc's 27 members", "all 57
# members of the Organisation of Islamic Cooperation" count countries, not people.
_BLOC_WORDS = {"bloc", "alliance", "union", "council", "organisation", "organization", "league",
               "commonwealth", "coalition", "nato", "eu", "asean", "opec", "oic"}  # fmt: skip


def _staff_counted(quantity: Quantity, noun: Token, rules: CategoryRules) -> bool:
    """A count of people named by their office, outside a vote ("the 13 other members voted"),
    and not the member states of a bloc ("NATO's 30 members")."""
    return (
        quantity.value >= 10
        and not quantity.spelled
        and noun.lower_ in _OFFICE_NOUNS
        and not any(t.lemma_.lower() in _VOTE_LEMMAS for t in noun.sent)
        and not _members_of_a_bloc(noun)
    )


def _members_of_a_bloc(noun: Token) -> bool:
    """'members' whose owner ("NATO's", "the bloc's", "EU"), or whose "of" phrase, is a bloc of
    states: its members are countries."""
    if noun.lemma_.lower() != "member":
        return False
    for child in noun.children:
        if child.dep_ in ("poss", "compound") or (child.dep_ == "prep" and child.lower_ == "of"):
            if any(t.lower_ in _BLOC_WORDS for t in child.subtree):
                return True
    return False


def _cue_of_the_whole(
    rules: CategoryRules, categories: Sequence[str], noun: Token, num: Token
) -> str | None:
    """The cue of the clause a part introduced by "including" / "among" hangs on, outside the
    part itself ("Hundreds of people were killed, including 40 children" → killed)."""
    including = noun.head
    whole = including.head
    if whole.i == including.i:
        return None
    outside = {t.i for t in whole.subtree} - {t.i for t in including.subtree}
    return _nearest_cue(rules.cues, categories, set(), outside, num)

"""Counts read from the words around them: the figure or the subject they refer to.

A bare count compared with a figure ("compared to 1,450 in 2014"), after the same verb as a
figure just before ("Turkey has taken 3 million refugees. Lebanon has taken 1 million"), a total
that names nothing it is of ("bringing the total to 922,400") or an estimate of a pronoun ("the
UN estimated them at 76,000") counts what that figure counted. Bare people in a sentence whose
subject is refugees are those refugees; refugees said to be displaced stay refugees; the whole
of a share is read by its own words; a sum in billions with no currency is money. Each rule is
one function, so that it is easy to find, test and switch off; `etl.figure_reading` calls them.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from etl.figure_categories import CategoryRules, _counts_people, _noun_in
from etl.figure_clauses import _COUNT_NOUNS, _nearest_cue
from etl.numbers import Quantity


def _estimated_them_at(num: Token, verb: Token) -> bool:
    """ "The UN estimated them at 76,000": an estimate of people named before by a pronoun."""
    return (
        num.dep_ == "pobj"
        and num.head.lower_ == "at"
        and verb.lemma_.lower() in ("estimate", "put", "place", "number", "count")
        and any(c.dep_ == "dobj" and c.pos_ == "PRON" for c in verb.children)
    )


def _total_of_nothing(num: Token, verb: Token) -> bool:
    """ "..., bringing the total to 922,400": a level of a total that names nothing it is of
    refers back to the count before it."""
    return (
        num.dep_ == "pobj"
        and num.head.lower_ == "to"
        and any(
            c.dep_ in ("dobj", "nsubj", "nsubjpass")
            and c.lemma_.lower() in _COUNT_NOUNS
            and not any(g.lower_ == "of" for g in c.children)
            for c in verb.children
        )
    )


def _whole_cue(
    rules: CategoryRules,
    categories: Sequence[str],
    anchor: Token,
    num: Token,
    window: frozenset[int] | set[int],
) -> str | None:
    """The whole of a partitive takes no cue of its part, only of its own words: "56% of the
    1.7 million [who arrived in Colombia]"."""
    own = {t.i for t in anchor.subtree if t.i != num.i} & set(window)
    return _nearest_cue(rules.cues, categories, own, own, num) if own else None


def _bare_billions(quantity: Quantity, noun: Token | None, rules: CategoryRules) -> bool:
    """A count in billions that names no people ("more than double its pledge to 2.3
    billion"): no crisis counts billions of people, so the number is a sum of money."""
    if quantity.value < 1e9 or quantity.spelled or quantity.is_money:
        return False
    return noun is None or not _counts_people(noun, rules)


def _refugees_said_displaced(
    noun: Token | None, window: frozenset[int] | set[int], rules: CategoryRules
) -> bool:
    """Refugees said to be displaced ("5 million displaced refugees outside their own country",
    "Four million Syrian refugees are now displaced") are refugees (GOLD.md: people who fled
    their country); only refugees said to be displaced within their country are not."""
    if noun is None or noun.lemma_.lower() not in ("refugee", "asylum"):
        if noun is None or not _noun_in(noun, rules.nouns.get("refugees", frozenset())):
            return False
        if noun.lemma_.lower() in ("arrival", "migrant"):
            return False  # "migrants displaced by the fighting" may be moving inside a country
    doc = noun.doc
    return not any(doc[i].lower_ in ("internally", "within", "inside") for i in window)


# How far before a sentence a parallel verb is looked for, in tokens (about two sentences).
_PARALLEL_REACH = 60


def _compared(num: Token) -> bool:
    """A bare count a sentence compares its figure with ("compared to 1,450 in 2014", "up from
    900", "against 1,100 a year before"): the same count at another time."""
    if num.dep_ != "pobj":
        return False
    prep = num.head
    if prep.lower_ in ("against", "versus"):
        return True
    return prep.lower_ in ("to", "with", "from") and (
        prep.head.lemma_.lower() == "compare"
        or (prep.lower_ == "from" and prep.head.lower_ in ("up", "down"))
    )


def _parallel_clause(num: Token, sent: Span) -> bool:
    """A bare count that is the object of the same verb as a count just before it, in this
    sentence or the one before ("Turkey has taken some 3 million refugees. Lebanon has taken
    approximately 1 million, Jordan has taken approximately 700,000"): a list in prose, each
    count of what the first one counted. The verb before is looked for in this sentence and
    the words just before it (the list may open a new paragraph)."""
    verb = num.head
    if num.dep_ not in ("dobj", "attr") or verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    if lemma in ("be", "have"):
        return False
    for token in num.doc[max(0, sent.start - _PARALLEL_REACH) : verb.i]:
        if token.lemma_.lower() != lemma or token.pos_ not in ("VERB", "AUX"):
            continue
        for child in token.children:
            if child.dep_ in ("dobj", "attr") and (
                child.like_num or any(c.like_num and c.dep_ == "nummod" for c in child.children)
            ):
                return True
    return False


_GENERIC_PEOPLE = {"people", "person", "individual"}


def _people_of_a_refugee_sentence(noun: Token, sent: Span, rules: CategoryRules) -> bool:
    """A count of bare people ("one million people") whose sentence's subject is refugees
    (a refugees noun heading the main clause's subject) and names no other count of people."""
    if noun.lemma_.lower() not in _GENERIC_PEOPLE:
        return False
    refugees = rules.nouns.get("refugees", frozenset())
    root = sent.root
    subjects = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")]
    if root.pos_ in ("NOUN", "PROPN"):
        subjects.append(root)  # a headline-like sentence parsed as one noun phrase
    for subject in subjects:
        words = [subject, *(g for c in subject.children if c.lower_ == "of" for g in c.children)]
        if any(_noun_in(w, refugees) and w.lemma_.lower() != "arrival" for w in words):
            own = {t.i for t in noun.subtree}
            return not any(t.like_num for t in subject.subtree if t.i not in own)
    return False


# Count nouns that restate a count ("the figure was 21,413"); a tally or a count may be of
# votes, and a sentence of a vote restates no count of people.
_RESTATING_NOUNS = {"number", "figure", "total", "toll"}
_VOTE_WORDS = {"vote", "voted", "ballot", "tally", "abstain", "abstention", "veto", "seat"}
# Adjectives of nearness a count may hang on: "The actual number was closer to 700".
_NEAR_WORDS = {"close", "near"}


def _restated_count(num: Token) -> bool:
    """A bare count that a count noun naming nothing it is of is said to be ("The actual number
    was closer to 700", "when the figure was 21,413"): the count before it, at another time or
    by another estimate. "The number of airstrikes was 300" names what it counts, so it is not
    one."""
    complement = num
    if (
        num.dep_ == "pobj"
        and num.head.lower_ == "to"
        and num.head.head.lemma_.lower() in _NEAR_WORDS
    ):
        complement = num.head.head  # "was [closer] to 700"
    verb = complement.head
    if complement.dep_ not in ("attr", "acomp") or verb.lemma_.lower() != "be":
        return False
    if any(t.lemma_.lower() in _VOTE_WORDS for t in num.sent):
        return False  # "In the vote, the final tally was 120": a tally of votes
    return any(
        c.dep_ in ("nsubj", "nsubjpass")
        and c.lemma_.lower() in _RESTATING_NOUNS
        and not any(g.dep_ == "prep" and g.lower_ == "of" for g in c.children)
        for c in verb.children
    )


# Nouns of a change in a count: "marking an increase of 346", "a drop of 1,200".
_CHANGE_NOUNS = {"increase", "rise", "decrease", "drop", "fall", "decline", "jump"}


def _change_of(num: Token) -> bool:
    """A bare count that is the size of a change in the figure of its sentence ("22,000,
    marking an increase of 346 compared to July"): a count of the same people."""
    return (
        num.dep_ == "pobj"
        and num.head.lower_ == "of"
        and num.head.head.lemma_.lower() in _CHANGE_NOUNS
    )


def _apposed_to_people(num: Token, rules: CategoryRules) -> Token | None:
    """The people noun a bare count stands in apposition to ("Most of the migrants,
    specifically 5.75 million, have ended up in ..."): the count counts that noun."""
    if num.dep_ != "appos":
        return None
    # the people noun is written straight before the comma that opens the count's phrase: "the
    # migrants, specifically 5.75 million"; not "Iran, 780,000; and Tajikistan, 11,740"
    first = num.left_edge.i
    if first < 2 or num.doc[first - 1].lower_ != ",":
        return None
    noun = num.doc[first - 2]
    head = num.head
    heads_of = [
        g for c in head.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
    ]
    if noun.i != head.i and noun not in heads_of:
        return None
    if noun.pos_ in ("NOUN", "PROPN") and (
        _noun_in(noun, rules.noun_classes["people"])
        # a people named in the plural ("the Rohingyas, some 700,000"), not a place the tagger
        # takes for one ("Tajikistan, 11,740")
        or (noun.ent_type_ == "NORP" and noun.tag_ in ("NNPS", "NNS"))
    ):
        return noun
    return None

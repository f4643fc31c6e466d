"""Reporting verbs that tell what was done to their subject, not what it said.

A reporting verb read from the parse is no statement of the subject when
- it is a participle clause without a subject or auxiliary of its own under a negated main
  clause ("When asked where the refugees are, the minister did not give a firm answer"): the
  subject of the main clause was asked, and answered nothing;
- it is a passive that raises a hearsay complement ("58 people were reported killed", "only one
  is reported to be back in service"): nobody is named, and the sentence before did not say it;
- it is "welcome" said of a visitor or arrivals received in person ("Assad welcomes Iran's
  Foreign Minister Zarif before a meeting", "welcomed them to Canada and gave them coats"), a
  photo caption or a greeting at an airport, not words about a decision or a plan.

Seen as spurious statements on real_dev, real_dev4, real_dev10 and real_dev11.
"""

from __future__ import annotations

from spacy.tokens import Token

_OWN_CLAUSE_DEPS = ("nsubj", "nsubjpass", "aux", "auxpass", "csubj")


def asked_not_asking(verb: Token) -> bool:
    """ "When asked …, X did not give an answer": a past participle heading an adverbial clause
    with no subject or auxiliary of its own is done to the main clause's subject, and a main
    clause that is negated or declines says nothing. ("Asked about the ceasefire, Tedros offered
    his own story" and "Asked …, X declined to blame Y, saying …" still speak: real_dev10,
    dev_corpus.)"""
    if not (
        verb.tag_ == "VBN"
        and verb.dep_ == "advcl"
        and not any(c.dep_ in _OWN_CLAUSE_DEPS for c in verb.children)
    ):
        return False
    head = verb.head
    return any(c.dep_ == "neg" for c in head.children) and not any(
        c.dep_ in ("ccomp", "advcl") and c.i != verb.i for c in head.children
    )


# Verbs of hearsay that raise their subject ("is said to", "were reported killed"); not a call
# or an appeal made to the subject ("the regime is called to respect the law").
_HEARSAY = {"report", "say", "allege", "believe", "rumour", "rumor", "think", "understand"}


def hearsay_passive(verb: Token) -> bool:
    """ "were reported killed", "is reported to be back in service", "are said to have fled": a
    passive verb of hearsay whose complement is a predicate of its subject, not a clause."""
    return (
        verb.lemma_.lower() in _HEARSAY
        and any(c.dep_ == "auxpass" for c in verb.children)
        and any(c.dep_ in ("xcomp", "oprd") for c in verb.children)
    )


# Nouns of people one receives in person: "welcomed the minister", "welcomes the delegation".
_VISITOR_NOUNS = {
    "minister",
    "president",
    "prime",
    "premier",
    "king",
    "queen",
    "emir",
    "prince",
    "chancellor",
    "secretary",
    "ambassador",
    "envoy",
    "delegation",
    "counterpart",
    "guest",
    "guests",
    "visitor",
    "visitors",
    "leader",
    "pope",
}
_PLACE_PREPS = {"to", "into", "at", "in"}


def welcomes_visitor(verb: Token) -> bool:
    """ "Assad welcomes Iran's Foreign Minister Zarif before a meeting", "welcomed them to
    Canada": "welcome" whose object is a person received in person. Not "welcomed the decision",
    "welcomed Kenya's offer", nor "welcomed him as a partner" (a judgement in words)."""
    if verb.lemma_.lower() != "welcome":
        return False
    if any(c.dep_ in ("ccomp", "xcomp") for c in verb.children):
        return False
    preps = {c.lower_ for c in verb.children if c.dep_ == "prep"}
    if "as" in preps:
        return False
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    if len(objects) != 1:
        return False
    obj = objects[0]
    if obj.lower_ in ("him", "her", "us"):
        return True
    if obj.lower_ == "them":
        return bool(preps & _PLACE_PREPS)
    if obj.ent_type_ == "PERSON" and obj.pos_ == "PROPN":
        return True
    return obj.pos_ in ("NOUN", "PROPN") and obj.lemma_.lower() in _VISITOR_NOUNS  # "the Pope"

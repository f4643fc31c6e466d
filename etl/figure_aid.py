"""Aid and shelter: money spent on the people of a crisis, the people aid reached, and people in
camps or shelters (GOLD.md: `aid_money` is money "spent for humanitarian ... assistance";
people in need of assistance are `other`; `displaced` people live inside their own country).

Each rule reads the count's own clause (`etl.figure_clauses`) and is called from
`etl.figure_reading.read_quantity`.
"""

from __future__ import annotations

from spacy.tokens import Token

from etl.figure_categories import CategoryRules, _noun_in
from etl.figure_clauses import _clause_verb, _governing_verb, _negated

# Verbs of spending: a sum spent on people who fled or were displaced is assistance to them.
_SPEND_VERBS = {"spend", "allocate", "earmark"}


def _spent_on_people_who_fled(num: Token, rules: CategoryRules) -> bool:
    """A sum spent on refugees or displaced people, or on their camps, is money for assistance
    (GOLD.md: aid_money is money "spent for humanitarian ... assistance"): "spend $44 million
    supplying 240,000 refugees with cash", "spent $600m setting up 17 refugee camps"."""
    verb = _governing_verb(num)
    if verb is None or verb.lemma_.lower() not in _SPEND_VERBS:
        return False
    for category in ("refugees", "displaced"):
        nouns = rules.nouns.get(category, frozenset())
        if any(_noun_in(t, nouns) for t in verb.subtree if t.i != num.i):
            return True
    return False


# Places where people who lost their homes stay: a count of people in (or outside) them, with
# no word of refugees, counts the displaced (GOLD.md: displaced inside their own country).
_SHELTER_PLACES = {"camp", "centre", "center", "shelter"}


def _in_shelter(doc, window) -> bool:
    """The count's clause puts those counted in camps or shelters ("are now in camps and
    reception centres", "living outside camps") or says they are sheltering somewhere."""
    tokens = [doc[i] for i in sorted(window)]
    if any(t.lemma_.lower() == "refugee" for t in tokens):
        return False  # "refugees in camps": the refugees' own word decides
    for token in tokens:
        lemma = token.lemma_.lower()
        if lemma == "shelter" and token.pos_ == "VERB" and token.tag_ == "VBG":
            return True  # "672,000 residents sheltering in schools"
        if lemma in _SHELTER_PLACES and token.dep_ in ("pobj", "conj"):
            prep = token.head if token.dep_ == "pobj" else token.head.head
            if prep.lower_ in ("in", "outside", "inside", "at"):
                return True
    return False


# Verbs of delivering aid to people: those counted as assisted, fed, enrolled or reached are
# beneficiaries (GOLD.md: people in need of assistance are `other`), whoever they are.
_AID_DELIVERY_VERBS = {"assist", "feed", "enrol", "enroll", "reach", "serve"}


def _given_aid(anchor: Token, num: Token) -> bool:
    """The count's own verb says aid reached those counted: a participle on the counted noun
    ("displaced people assisted with rations") or the clause's verb with the count as its
    object or passive subject ("refugees enrolled for cash assistance", "WFP reached 1,000")."""
    verbs = [c for c in anchor.children if c.dep_ in ("acl", "relcl") and c.tag_ == "VBN"]
    verb = _clause_verb(anchor, num)
    if verb is not None and (
        anchor.dep_ in ("dobj", "nsubjpass")
        or verb.lemma_.lower() in ("enrol", "enroll")
        or (verb.tag_ == "VBN" and anchor.dep_ != "nsubj")
    ):
        verbs.append(verb)
    return any(v.lemma_.lower() in _AID_DELIVERY_VERBS and not _negated(v) for v in verbs)

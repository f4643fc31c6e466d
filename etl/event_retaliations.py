"""Acts of retaliation told without a date of their own: the page's news of its day.

"Turkey retaliated against the attack to destroy all enemy targets", "In response, Turkish forces
attacked Syrian government military facilities": a strike told as the answer to an attack the
page reports is part of that news, and in a page dated to the day (or the month) it is an
`attack` of the publication day (or month), as the annotators of three real sets recorded it
(real_dev3 hn03, real_dev8 ht15, real_dev10 hv16; events12b). Only a past verb of the sentence's
own clause (not negated, no auxiliary: "would retaliate", "vowed to retaliate", "has not
retaliated" date nothing), outside quotation marks, whose sentence holds an attack cue of its own
("the attack", "attacked", "airstrikes"): "retaliated by expelling diplomats" is no attack.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from etl.dates import DateMention
from etl.event_briefings import page_date_on
from etl.event_quotes import in_quotation
from etl.types import PartialDate

RETALIATION_TYPES = frozenset({"attack"})
_ANSWER_NOUNS = frozenset({"response", "retaliation", "reprisal", "revenge"})
# verbs of striking that an answer to an attack is told by
STRIKE_VERBS = frozenset({"attack", "strike", "shell", "bomb", "hit", "pound", "target", "raid"})
_MAIN_DEPS = frozenset({"ROOT", "ccomp", "conj", "parataxis"})


def retaliation_day(sent: Span, published: PartialDate | None) -> DateMention | None:
    """The publication day (or month) pinned on a past verb of retaliation, or None."""
    if published is None or published.precision not in {"day", "month"}:
        return None
    for verb in sent:
        if verb.tag_ != "VBD" or verb.pos_ != "VERB" or verb.dep_ not in _MAIN_DEPS:
            continue
        if in_quotation(verb) or any(c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children):
            continue
        if verb.dep_ != "ROOT" and not _reported_by_past(verb):
            continue
        # pinned beside the cue: on "retaliated" (its "against the attack" stays the cue), or on
        # the "in" of "in response" (the strike verb stays the cue)
        pin = _retaliating(verb) if verb.lemma_.lower() == "retaliate" else _answering(verb)
        if pin is None:
            continue
        return page_date_on(pin, published)
    return None


def _retaliating(verb: Token) -> Token | None:
    """ "retaliated against the attack", "retaliated with airstrikes"; not "retaliated by
    expelling two diplomats" (a means that strikes nothing)."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ == "by":
            means = [c for c in prep.children if c.dep_ == "pcomp"]
            if means and not any(m.lemma_.lower() in STRIKE_VERBS for m in means):
                return None
    return verb


def _reported_by_past(verb: Token) -> bool:
    """ "Turkey retaliated …, he said": a clause under (or beside) a past main verb."""
    head = verb.head
    return (
        head.tag_ == "VBD"
        and head.dep_ == "ROOT"
        and not any(c.dep_ in {"aux", "neg"} for c in head.children)
    )


def _answering(verb: Token) -> Token | None:
    """ "In response, Turkish forces attacked …", "In retaliation, the army shelled …": the verb
    opens with "in response" or "in retaliation" and is itself a strike ("In response, the
    ministry issued a statement condemning the attack" is none)."""
    if verb.lemma_.lower() not in STRIKE_VERBS:
        return None
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ != "in" or prep.i > verb.i:
            continue
        for noun in prep.children:
            if noun.dep_ == "pobj" and noun.lemma_.lower() in _ANSWER_NOUNS:
                return prep
    return None

"""Whether a date anchors its clause (`etl.events`): a date in a future or scheduled clause ("will
meet on Friday", "is due to take effect on Monday", "agreed to resume talks in August") points
forward, the event is planned and left out; a present tense is a timetable; a bound ("since 2011",
"by the end of 2016") dates nothing unless a happening is told with it ("since fighting erupted on
April 15"; a war's "since", `WAR_SINCE`; a decision's infinitive, `DECIDED_TO`)."""

from __future__ import annotations

import re
from datetime import timedelta

from spacy.tokens import Span, Token

from etl import event_cues
from etl.dates import UPCOMING_DAYS, DateMention
from etl.docindex import DocIndex
from etl.event_cues import _armed_words
from etl.event_dates import present_under_past
from etl.event_merges import _contains
from etl.event_rules import EventRules
from etl.event_trees import _clause_verb, _time_clause
from etl.event_wars import war_started_since, war_state_verb
from etl.types import PartialDate

# Switches of the real_dev7 round (issue 9), for ablation: set False to measure without.
WAR_SINCE = True
DECIDED_TO = True
# a decision to do something dates what is decided forward ("agreed to resume talks in August")
_DECISION_VERBS = frozenset({"agree", "decide", "vow", "pledge", "promise"})


def _overlap(a: DateMention, b: DateMention) -> bool:
    return a.char_start < b.char_end and b.char_start < a.char_end


def _not_before(mention: DateMention, published: PartialDate) -> bool:
    """The date is not before the publication day: "will meet on Friday", or the current period
    named as such, "will take place before the end of this month"."""
    value = mention.value
    if value.value >= published.value:
        return True
    current = re.search(r"\b(?:this|the current)\s+(?:month|year)\b", mention.text, re.I)
    return bool(current) and value.precision in {"month", "year"} and _contains(value, published)


def _points_forward(span: Span, rules: EventRules) -> bool:
    """Whether the clause holding a date speaks of the future or of a timetable.

    "will meet on Friday", "is due to take effect on Monday", "plans to visit on Dec. 20", "he said
    the sides would meet again in January", "talks expected in late January", "when the talks
    move to Geneva on Friday". A schedule told in the past ("was scheduled to begin Wednesday")
    is not: by publication that day may have come.
    """
    # "expected in late January", "scheduled for Friday", "due on Monday" right before the date
    window = span.doc[max(span.start - 3, span.sent.start) : span.start]
    if any(_schedule_word(t, rules) for t in window):
        return True
    verb = _clause_verb(span.root)
    if verb is None:
        return False
    chain = [verb]
    while chain[-1].dep_ in {"xcomp", "conj", "advcl", "pcomp"} and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    for clause in chain:
        auxes = [c for c in clause.children if c.dep_ in {"aux", "auxpass"}]
        if any(a.lower_ in rules.future_aux for a in auxes):
            return True
        if any(a.tag_ == "TO" for a in auxes) and (
            clause.dep_ == "ROOT" or clause.head.pos_ in {"NOUN", "PROPN"}
        ):
            return True  # headline future: "Dhaka, Naypyidaw to resume talks in October"
        if clause.dep_ == "xcomp" and _schedule_word(clause.head, rules, participle=False):
            return True
        if (
            DECIDED_TO
            and clause.dep_ == "xcomp"
            and clause.head.lemma_.lower() in _DECISION_VERBS
            and any(a.tag_ == "TO" for a in auxes)
        ):
            return True  # "agreed to resume the next round of talks in late August"
        if _reported_future(clause, auxes):
            return True
    for token in span.root.ancestors:
        if token.i == verb.i:
            break
        if _schedule_word(token, rules):
            return True
    return False


def _present_timetable(span: Span, rules: EventRules) -> bool:
    """A present-tense timetable: "the talks move to Geneva on Friday", "the summit opens Monday"
    (reporting verbs excepted: "Kuleba says Monday" is a report dated by its publication; so is
    a present under a past, "his remarks came as the factions hold talks on Monday")."""
    verb = _clause_verb(span.root)
    if verb is None or verb.tag_ not in {"VBZ", "VBP"}:
        return False
    if verb.lemma_.lower() in rules.statement_verbs | {"be", "have"}:
        return False
    return not present_under_past(verb)


def _schedule_word(token: Token, rules: EventRules, *, participle: bool = True) -> bool:
    """ "due", "scheduled", "expected", "plans" — unless told in the past ("was scheduled")."""
    if token.lemma_.lower() not in rules.future_heads:
        return False
    if participle and token.tag_ not in {"VBN", "JJ"}:
        return False
    if token.tag_ == "VBD":
        return False  # "analysts expected talks in May": a past expectation
    governors = [token, token.head]
    return not any(
        c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD" for g in governors for c in g.children
    )


def _reported_future(clause: Token, auxes: list[Token]) -> bool:
    """ "he said the two sides would meet again": a future seen from a past report."""
    words = {a.lower_ for a in auxes}
    return (
        "would" in words
        and "have" not in words
        and clause.dep_ == "ccomp"
        and clause.head.pos_ in {"VERB", "AUX"}
    )


def _latest_plausible(published: PartialDate) -> object:
    value = published.value
    if published.precision == "month":
        value = value.replace(day=28) + timedelta(days=4)
    elif published.precision == "year":
        value = value.replace(month=12, day=31)
    return value + timedelta(days=UPCOMING_DAYS)


def _is_bound(span: Span, rules: EventRules) -> bool:
    """ "since 2011", "by the end of 2016", "until May", "two years ago": not an event date.

    A bounding word opening a clause with its own verb does not bound the date of that verb:
    "since the Taliban seized Kabul on August 15, 2021" dates the seizure.
    """
    if _time_clause(span.root) is not None:
        return False  # "since April 2023, when fighting erupted": the date of the "when" clause
    return _bounded(span, rules)


def _bounded(span: Span, rules: EventRules) -> bool:
    """The words around a date make it a bound ("since 2011", "by the end of 2016")."""
    before = span.doc[max(span.start - 4, span.sent.start) : span.start]
    if WAR_SINCE and war_started_since(span):
        return False  # "has been at war with the rebels since March 2015": the war's start
    if event_cues.WAR_STATE_SINCE and war_state_verb(span, _armed_words()) is not None:
        return False  # "has been in the throes of a civil war since November 2020"
    if any(t.lower_ in rules.not_anchoring for t in before[-1:]):
        return True
    words = [t.lower_ for t in before[-4:]]
    if words[-4:-2] == ["by", "the"] and words[-1:] == ["of"]:
        return True  # "by the end of 2016" (but not "seized by the Taliban on August 15")
    if span.doc[span.end : span.end + 1].text.lower() == "ago":
        return True
    lead = DocIndex.of(span.doc).text[
        max(span.sent.start_char, span.start_char - 40) : span.start_char
    ]
    if _RANGE_END.search(lead):
        return True  # "between January and mid-August this year": a range's end bounds it
    below = span.root
    for ancestor in span.root.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return False
        if ancestor.pos_ in {"NOUN", "PROPN"} and _names_a_happening(ancestor, below, rules):
            return False  # "since the beginning of the conflict in March 2015": its start
        if ancestor.lower_ in rules.not_anchoring and ancestor.dep_ in {"prep", "mark"}:
            return True
        below = ancestor
    return False


def _names_a_happening(noun: Token, below: Token, rules: EventRules) -> bool:
    """Whether a date reached from `below` dates the noun, a happening, rather than the bound
    around it: a cue noun ("through the resolution in December 2016", "since the attack in
    March") or an onset with its own date ("the beginning of the conflict in March 2015"), but
    not an onset of the date itself ("since the start of 2015" is a bound)."""
    lemma = noun.lemma_.lower()
    if lemma in rules.onsets:
        return below.dep_ == "prep" and below.lower_ != "of"
    return lemma in rules.happening_nouns and not (below.dep_ == "prep" and below.lower_ == "of")


_RANGE_END = re.compile(
    r"\bbetween\s+\S+(?:\s+\S+){0,3}\s+and\s+(?:mid-?|early\s+|late\s+)?$", re.I
)

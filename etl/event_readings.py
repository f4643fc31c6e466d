"""How a cue reads in its clause: denied ("no exchange of gunfire"), a shared view ("agreed that
the attack bore the hallmarks of…"), or spoken by an unnamed official body ("officials said").
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from spacy.tokens import Token


def denied_by_no(head: Token) -> bool:
    """ "there was no exchange of gunfire", "no talks took place": "no" before the cue, or before
    the noun whose "of" holds it, denies the happening."""
    nouns = [head]
    if head.dep_ == "pobj" and head.head.lower_ == "of":
        nouns.append(head.head.head)
    return any(c.dep_ == "det" and c.lower_ == "no" for n in nouns for c in n.children)


def agrees_on_a_view(head: Token) -> bool:
    """ "Britain and the United States agreed on Monday that the attack bore the hallmarks…":
    agreeing *that* something is so is a statement of a shared view, not an agreement reached
    (which is agreed *to*, *on* or *with*, or has an object)."""
    if head.pos_ not in {"VERB", "AUX"} or head.lemma_.lower() != "agree":
        return False
    children = list(head.children)
    if any(c.dep_ in {"dobj", "xcomp"} for c in children):
        return False
    if any(
        c.dep_ == "prep"
        and c.lower_ in {"to", "on", "upon", "with"}
        and not any(g.ent_type_ in {"DATE", "TIME"} for g in c.children)  # "agreed on Monday"
        for c in children
    ):
        return False
    return any(
        c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
        for c in children
    )


def unnamed_official(head: Token, voices: frozenset[str]) -> bool:
    """Whether a reporting cue's speaker is an unnamed official body ("officials said", "in a
    briefing Monday, officials said", "the ministry announced"), or a document issued ("it was
    issued on 11 May")."""
    verb = head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    for child in verb.children:
        if child.dep_ == "nsubjpass" and verb.lemma_.lower() in _DOCUMENT_VERBS:
            # "It was issued on 11 May", "The statement was released on Friday": a document
            # put out that day (but "he was released" is a person freed, not a statement)
            return child.lower_ in {"it", "this"} or child.lemma_.lower() in _DOCUMENTS
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return child.lower_ in voices or child.lemma_.lower() in voices
    return False


def named_subject(head: Token) -> bool:
    """Whether a reporting verb's subject is a name the actors did not resolve ("Only on
    Friday, the HNC said …"): a named speaker all the same, unlike "diplomats said"."""
    if head.pos_ not in {"VERB", "AUX"}:
        return False
    return any(
        child.dep_ == "nsubj" and child.pos_ == "PROPN" and child.ent_type_ in _SPEAKER_ENTITIES
        for child in head.children
    )


_SPEAKER_ENTITIES = frozenset({"ORG", "PERSON", "NORP", "GPE"})
_DOCUMENT_VERBS = frozenset({"issue", "release", "publish"})
_DOCUMENTS = frozenset(
    {"statement", "communique", "communiqué", "declaration", "update", "bulletin", "notice"}
)


def inside_other_cue(head: Token, cue_heads: frozenset[int]) -> bool:
    """ "a press conference of the guarantors of the cessation of hostilities", "talks on a
    ceasefire": a cue noun inside another cue noun's prepositional phrase is what that gathering
    or statement was about, not a happening of its own."""
    if head.pos_ not in {"NOUN", "PROPN"}:
        return False
    token = head
    while token.dep_ in {"pobj", "prep", "conj", "compound"} and token.head.i != token.i:
        token = token.head
        if token.pos_ in {"VERB", "AUX"}:
            return False
        if token.i in cue_heads and token.i != head.i and token.pos_ in {"NOUN", "PROPN"}:
            return True
    return False


_PROMPTING_MARKS = frozenset({"after", "when"})


def prompting_cue(
    triggers: Sequence[Any],
    anchor: Token | None,
    date_roots: Sequence[Token],
    strength: Mapping[str, int],
) -> Any:
    """ "Canada issued a scathing retort on Thursday after Russia and China vetoed the
    resolution": a reaction dated by its day, with the happening that prompted it told in an
    undated "after"/"when" clause of the dated verb (`anchor`), dates that happening too (the
    strongest such cue)."""
    if anchor is None:
        return None
    dated = {r.i for r in date_roots}
    found = []
    for trigger in triggers:
        if trigger.event_type == "statement":
            continue
        clause = next(
            (
                t
                for t in [trigger.head, *trigger.head.ancestors]
                if t.dep_ == "advcl"
                and any(c.dep_ == "mark" and c.lower_ in _PROMPTING_MARKS for c in t.children)
            ),
            None,
        )
        if clause is None or clause.head.i != anchor.i:
            continue
        if any(t.i in dated for t in clause.subtree):
            continue
        if trigger.head.i != clause.i and trigger.head.pos_ in {"VERB", "AUX"}:
            continue  # a verb cue deeper in the clause is not the clause's own happening
        found.append(trigger)
    if not found:
        return None
    return min(found, key=lambda t: strength[t.event_type])


# Words before a gathering's noun that make it one still to come: "the upcoming summit".
_AHEAD_MODIFIERS = frozenset({"upcoming", "forthcoming", "planned", "proposed", "future", "next"})
# After the noun: "a meeting … due to be held in Tehran", "talks scheduled for Friday".
_SCHEDULE_WORDS = frozenset({"due", "scheduled", "slated", "expected", "planned", "set"})
_FINITE = frozenset({"VBD", "VBZ", "VBP", "MD"})
_NOUN_PHRASE_REACH = 14  # how far after the noun a schedule word may still describe it


def planned_noun(head: Token) -> bool:
    """ "the date of a meeting on Syria between presidents … due to be held in Tehran has been
    set", "the upcoming summit", "talks scheduled for next week": a happening named by a noun
    that its own phrase places ahead has not happened (issue 9: planned events are left out).
    The phrase ends at the clause's finite verb."""
    if head.pos_ not in {"NOUN", "PROPN"}:
        return False
    if any(c.dep_ in {"amod", "compound"} and c.lower_ in _AHEAD_MODIFIERS for c in head.children):
        return True
    doc = head.doc
    end = min(head.i + _NOUN_PHRASE_REACH, head.sent.end)
    for k in range(head.i + 1, end):
        token = doc[k]
        if token.tag_ in _FINITE or token.text in {";", ":"}:
            return False
        following = doc[k + 1].lower_ if k + 1 < len(doc) else ""
        if token.lower_ in _SCHEDULE_WORDS and following in {"to", "for"}:
            return True
        if token.lower_ == "to" and following == "be" and k + 2 < len(doc):
            if doc[k + 2].lower_ in {"held", "convened", "hosted", "signed"}:
                return True  # "a summit to be held in May"
    return False

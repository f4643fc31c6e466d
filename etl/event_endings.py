"""How a happening's noun reads in its clause: its end, or only a modifier of another noun.

Talks or negotiations that "collapsed", "broke down", "stalled" or "were suspended" on a date are
the breakdown of that day, an `other` event, not a meeting held then ("after the peace talks
collapsed on August 6", real_dev10 hv18; "trade talks … were suspended in September",
holdout_corpus ho06; real_dev6 hr18). A truce that "broke" or "collapsed" is fighting resumed, a
`military_operation` as "fighting … resumed" is ("That truce broke this week", real_dev10 hv26),
and "violated ceasefires" are no ceasefire of the sentence's date (real_dev7 hs25). The verbs are
data: `ending_verbs`, `halting_verbs` and `ending_modifiers` in `etl/rules/event_context.txt`.

A cue noun that is only the first word of a compound naming something else ("the blast site", "an
attack helicopter", "the summit venue") names a thing, not a happening of the sentence's date
(real_dev11 hw15: a photo caption dated to the day the picture was taken, "… opposite the blast
site"). Names ("the Astana talks process") are `etl.event_retyping._inside_name`'s.

A resolution named by its number ("the political settlement envisaged by Security Council
resolution 2254", "in accordance with resolution 2336") is a document the sentence refers to, no
vote of the sentence's date (real_dev3 hn13, real_dev8 ht09), unless a verb of adopting governs it
("the Council adopted resolution 2401 on Saturday"; `adopting_verbs` in event_context.txt).
"""

from __future__ import annotations

from spacy.tokens import Token

# the particle that makes "break" an ending: "talks broke down", "the truce broke" (no object)
_DOWN = "down"
# "broke into a house", "broke with Moscow", "broke through the lines": other senses of "break"
_OTHER_BREAKS = frozenset({"into", "with", "through", "from", "out"})


def _clause_role(noun: Token) -> tuple[str, Token] | None:
    """The noun's role (subject, passive subject, object) and the verb it is that of, climbing
    coordination ("the talks and the truce collapsed")."""
    token = noun
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
    if token.dep_ in {"nsubj", "nsubjpass", "dobj"} and token.head.pos_ in {"VERB", "AUX"}:
        return token.dep_, token.head
    return None


def ended_happening(
    noun: Token, ending_verbs: frozenset[str], halting_verbs: frozenset[str]
) -> bool:
    """Whether the clause tells the end of the happening `noun` names: its subject "collapsed",
    "broke down", "stalled" (`ending_verbs`; "broke" only without an object: "the talks broke
    the deadlock" ends nothing), or someone "suspended", "halted" or "called off" it, or it "was
    suspended" (`halting_verbs`, the noun the verb's object or passive subject)."""
    role = _clause_role(noun)
    if role is None:
        return False
    dep, verb = role
    if any(c.dep_ == "neg" for c in verb.children):
        return False  # "the talks did not collapse": they went on
    lemma = verb.lemma_.lower()
    if dep == "nsubj" and lemma in ending_verbs:
        if lemma == "break":
            return not any(c.dep_ == "dobj" for c in verb.children) and (
                any(c.dep_ == "prt" and c.lower_ == _DOWN for c in verb.children)
                or not any(
                    (c.dep_ == "prt" and c.lower_ != _DOWN)
                    or (c.dep_ == "prep" and c.lower_ in _OTHER_BREAKS)
                    for c in verb.children
                )
            )
        return True
    if dep in {"nsubjpass", "dobj"} and lemma in halting_verbs:
        return True
    if dep == "dobj" and lemma == "call":
        return any(c.dep_ == "prt" and c.lower_ == "off" for c in verb.children)
    return False


def broken_by_modifier(noun: Token, ending_modifiers: frozenset[str]) -> bool:
    """ "a series of violated ceasefires", "the failed truce": a modifier that says the
    happening was broken."""
    return any(
        c.dep_ in {"amod", "compound"} and c.lower_ in ending_modifiers for c in noun.children
    )


def modifier_of_a_thing(noun: Token, cue_words: frozenset[str]) -> bool:
    """ "the blast site", "attack helicopters", "the summit venue": a common cue noun that is a
    compound of another common noun, itself no cue, names that thing."""
    if noun.pos_ != "NOUN" or noun.dep_ != "compound":
        return False
    head = noun.head
    if head.pos_ != "NOUN" or {head.lower_, head.lemma_.lower()} & cue_words:
        return False
    return True


def numbered_document(noun: Token, adopting_verbs: frozenset[str]) -> bool:
    """ "envisaged by resolution 2254", "in accordance with resolution 2336": a resolution its
    number names, which no verb of `adopting_verbs` ("adopted", "passed", "vetoed") governs."""
    doc = noun.doc
    numbered = any(c.like_num and c.dep_ in {"nummod", "appos", "npadvmod"} for c in noun.children)
    following = doc[noun.i + 1] if noun.i + 1 < len(doc) else None
    if not numbered and not (following is not None and following.like_num):
        return False
    for ancestor in noun.ancestors:
        if ancestor.pos_ in {"VERB", "AUX"}:
            return ancestor.lemma_.lower() not in adopting_verbs
    return True


def ended_by_noun(noun: Token, ending_nouns: frozenset[str]) -> bool:
    """ "the rupture in the ceasefire this week", "the collapse of the talks": the happening is
    what a noun of ending (`ending_nouns`) speaks of, through "of" or "in"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in {"of", "in"} or prep.head.i == prep.i:
        return False
    return prep.head.lemma_.lower() in ending_nouns

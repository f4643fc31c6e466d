"""Subjects the parser hid by reading a reporting verb as a reduced relative clause.

After a noisy line ("Editor's Note: This is a developing story."), the parser can read
"Syrian rebels announced on Dec. 8 that they had ousted Assad." as one noun phrase: "rebels" the
root, "announced" a participle describing it (`acl`). A participle that describes a noun cannot
take a finite clause of its own ("*the rebels announced that they had won" is no noun phrase),
so a reporting verb hung so on the sentence's root noun, with a "that"-clause or a clause with
its own subject, is that noun's predicate: the noun phrase is its subject.
"""

from __future__ import annotations

from spacy.tokens import Token

# The tags a participle or past verb carries when the parser reads it as describing a noun.
_VERB_TAGS = {"VBN", "VBD"}


def _finite_clause(verb: Token) -> bool:
    """The verb governs a clause of its own: "that they had ousted", "the city had fallen"."""
    for child in verb.children:
        if child.dep_ != "ccomp":
            continue
        if any(c.dep_ == "mark" and c.lower_ == "that" for c in child.children):
            return True
        if any(c.dep_ in ("nsubj", "nsubjpass") for c in child.children):
            return True
    return False


def root_noun_subject(verb: Token) -> Token | None:
    """The sentence's root noun when `verb` is a reporting verb the parser hung on it as a
    reduced relative clause although the verb governs a finite clause; else None.

    Not for a participle with an agent or a passive auxiliary ("the plan announced by the
    ministry", "a deal that was announced"), nor for a noun after the verb."""
    head = verb.head
    if verb.dep_ != "acl" or verb.tag_ not in _VERB_TAGS or head.i >= verb.i:
        return None
    if head.dep_ != "ROOT" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if any(c.dep_ in ("agent", "auxpass", "aux", "nsubj", "nsubjpass") for c in verb.children):
        return None
    if verb.i - head.i > 4:  # only a noun phrase's own words come between ("rebels in Syria")
        return None
    return head if _finite_clause(verb) else None

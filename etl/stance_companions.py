"""Companions of a subject: "Canada, along with Argentina and Chile, referred ...", "France,
together with Germany, condemned ..." - the companions act with the subject. A name that opens a
list the parser cut off ("Trump, Emmanuel Macron and Theresa May held talks", with "Trump" hung on
the verb) is one of the subjects too. `_StanceFinder.agents` and its joint-action rule add these
to the subject's own actors.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

# "along with", "together with", "alongside", "as well as" (the first word hangs on the subject).
_COMPANION_WORDS = {"along", "together", "alongside"}


def _companion_heads(subject: Token) -> list[Token]:
    heads = []
    # "Canada - along with Peru - referred ...": set off by dashes, the phrase may hang on the
    # verb; between the subject and the verb it is still the subject's.
    verb = subject.head
    between = [c for c in verb.children if subject.i < c.i < verb.i]
    for prep in (*subject.children, *between):
        if prep.dep_ != "prep":
            continue
        if prep.lower_ == "alongside" or (
            # "together with France": the parser may hang "together" on "with"
            prep.lower_ == "with" and any(c.lower_ in _COMPANION_WORDS for c in prep.children)
        ):
            heads.extend(c for c in prep.children if c.dep_ == "pobj")
        elif prep.lower_ in _COMPANION_WORDS:
            heads.extend(
                p
                for w in prep.children
                if w.dep_ == "prep" and w.lower_ == "with"
                for p in w.children
                if p.dep_ == "pobj"
            )
    return heads


def _cut_off_head(finder: _StanceFinder, subject: Token) -> list[Token]:
    """ "Trump, Emmanuel Macron and Theresa May held ...": a name before a listed subject, set off
    by a comma and hung on the verb, opens the same list."""
    if not any(c.dep_ == "conj" for c in subject.children):
        return []
    verb = subject.head
    first = min(t.i for t in subject.subtree)
    doc = subject.doc
    if first < 2 or doc[first - 1].text != ",":
        return []
    name = doc[first - 2]
    while name.dep_ in ("compound", "flat") and name.head.i < first:
        name = name.head
    if name.head.i != verb.i or name.dep_ not in ("advcl", "npadvmod", "dep", "nsubj", "appos"):
        return []
    if name.pos_ != "PROPN" or min(t.i for t in name.subtree) != name.sent.start:
        return []
    return [name]


def companions(finder: _StanceFinder, subject: Token) -> list[str]:
    """Actors acting with a subject: its along-with companions and a cut-off list head."""
    heads = _companion_heads(subject) + _cut_off_head(finder, subject)
    tokens = [
        t for h in heads for c in (h, *finder._conjuncts(h)) for t in finder.phrase(c, deep=False)
    ]
    return finder.actors_of(tokens)

"""A country's sovereignty upheld: "the three countries reiterated their firm commitment to the
sovereignty, independence, unity and territorial integrity of Syria", "remained committed to
Sudan's sovereignty", "respect Ukraine's territorial integrity" - the holder of the commitment
is supportive of the country whose sovereignty it is (a stated policy, GOLD.md's "supporting
... by word"). Cue words are the `[sovereign]` and `[upholding]` sections of
`etl/rules/stance_cues.txt`.

The holder is the subject of the verb that states the commitment ("affirmed their commitment",
"are committed", "respect"), else the speaker of the statement the words sit in (a joint
statement's numbered "Reaffirmed their strong commitment to ..."). A negated commitment, or one
someone is only asked to make ("urged Turkey to respect Syria's sovereignty"), is none.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

_TO = {"to", "for"}


def _chain(noun: Token) -> list[Token]:
    """The nouns listed with `noun` ("the sovereignty, independence and territorial integrity")."""
    head = noun
    while head.dep_ == "conj" and head.head.pos_ in ("NOUN", "PROPN"):
        head = head.head
    found, stack = [], [head]
    while stack:
        token = stack.pop()
        found.append(token)
        stack.extend(c for c in token.children if c.dep_ == "conj")
    return sorted(found, key=lambda t: t.i)


def _owners(finder: _StanceFinder, nouns: list[Token]) -> list[str]:
    """The countries whose sovereignty it is: "Syria's", "of Syria", "of the Syrian Arab
    Republic" (on any noun of the list)."""
    tokens = [
        t
        for n in nouns
        for c in n.children
        if c.dep_ == "poss" or (c.dep_ == "amod" and c.pos_ == "ADJ" and c.lower_ != "territorial")
        for t in c.subtree
    ]
    tokens += [t for n in nouns for o in finder.prep_objects(n, {"of"}) for t in o.subtree]
    return [
        a
        for a in finder.actors_of(tokens, as_target=True)
        if finder.ctx.actors.get(a) is not None and finder.ctx.actors[a].kind == "country"
    ]


def _holding_verb(finder: _StanceFinder, head: Token) -> Token | None:
    """The verb that states a commitment: "affirmed their commitment to", "are committed to",
    "respect" itself; None when the words stand alone (a heading, a list item)."""
    if head.pos_ in ("VERB", "AUX") and head.dep_ != "amod":
        return head
    node = head
    while node.dep_ in ("dobj", "acomp", "attr", "pobj", "prep", "oprd", "conj"):
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def sovereignty_upheld(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    if noun.dep_ == "conj" and noun.head.pos_ in ("NOUN", "PROPN"):
        return  # the list is read once, from its first noun
    nouns = _chain(noun)
    if not any(finder.cues.has("sovereign", n) for n in nouns):
        return
    first = nouns[0]
    # The holding word: "commitment to ...", "committed to ...", "respect ..." (the object).
    if first.dep_ == "pobj" and first.head.lower_ in _TO:
        holder = first.head.head
    elif first.dep_ == "dobj":
        holder = first.head
    else:
        return
    if not finder.cues.has("upholding", holder):
        return
    owners = _owners(finder, nouns)
    if not owners:
        return
    verb = _holding_verb(finder, holder)
    if verb is not None and (finder.negated(verb) or finder._demanded(verb)):
        return
    if finder.negated(holder):
        return
    sources = finder.agents(verb) if verb is not None else finder.speaker(holder)
    sources = [s for s in sources or [] if s not in owners]
    if sources:
        yield edge(tuple(sources), tuple(owners), "supportive", holder)

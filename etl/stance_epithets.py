"""Relations stated in epithets, not in a clause of their own.

- role epithets: "Government ally Russia", "Kremlin ally Belarus" - a supportive role noun
  (`[predicate supportive]`: ally, backer, sponsor ...) set before a name, with the backed as its
  modifier; "government" or "regime" as the modifier is the government of the country the story
  has named most so far;
- friendly epithets: "the President of the friendly Russian Federation", "our brotherly
  neighbour Iraq" said by someone - the speaker supportive of the country so described
  (`[friendly supportive]`).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

_GOVERNMENT = {"government", "regime"}


def _is_role(finder: _StanceFinder, noun: Token) -> bool:
    return any(cue.lemma == noun.lemma_.lower() for cue in finder.cues.cues("predicate supportive"))


def role_epithets(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    if noun.pos_ != "NOUN" or not _is_role(finder, noun) or finder.lapsed(noun):
        return
    owners = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    # The name right after the role ("ally Russia"), not a later one the parser hung on it.
    named = [c for c in noun.children if c.dep_ in ("appos", "compound") and c.i == noun.i + 1]
    if noun.dep_ == "compound" and noun.head.pos_ == "PROPN" and noun.head.i > noun.i:
        named.append(noun.head)  # "Kremlin ally Lukashenko": the name is the head
    if not owners or not named:
        return
    targets = finder.actors_of(owners, as_target=True)
    if not targets and any(o.lower_ in _GOVERNMENT for o in owners):
        home = finder._the_country(noun)
        targets = [home] if home else []
    sources = [a for a in finder.actors_of(named) if a not in targets]
    sources = [s for s in sources if not any(finder.same_side(s, t) for t in targets)]
    if targets and sources:
        yield edge(tuple(sources), tuple(targets), "supportive", noun, context=True)


def friendly_epithets(finder: _StanceFinder, adjective: Token, edge: Any) -> Iterator[Any]:
    if adjective.pos_ != "ADJ" or not finder.cues.has("friendly supportive", adjective):
        return
    head = adjective.head
    while adjective.dep_ == "conj" and head.pos_ == "ADJ":
        head = head.head  # "friendly and fraternal Republic"
    if (adjective.dep_ not in ("amod", "conj")) or head.pos_ not in ("PROPN", "NOUN"):
        return
    words = [t for t in head.subtree if t.i >= adjective.i]
    targets = []
    for actor_id in finder.actors_of(words, as_target=True):
        actor = finder.ctx.actors.get(actor_id)
        if actor is not None and actor.kind == "country":
            targets.append(actor_id)
    speakers = finder.speaker(adjective)
    sources = [s for s in speakers if not any(finder.same_side(s, t) for t in targets)]
    if targets and sources:
        yield edge(tuple(sources), tuple(targets[:1]), "supportive", adjective)


def pejorative_epithets(finder: _StanceFinder, word: Token, edge: Any) -> Iterator[Any]:
    """ "the terrorist organizations of Jabhat al-Nusra and Hurras al-Din", in a spokeswoman's
    words: the speaker labels the named groups, a critical stance (`[pejorative critical]`).
    Narration ("the terrorist group ISIS" in a wire story) has no speaker and yields nothing."""
    if word.dep_ not in ("amod", "compound") or not finder.cues.has("pejorative critical", word):
        return
    if word.pos_ == "PROPN" or (word.is_title and word.i != word.sent.start):
        return  # part of a name: "the International Criminal Court"
    statement = finder.statement_at(word)
    if statement is None or not statement.speaker_id:
        return
    noun = word.head
    named = [noun] if finder.mention_at(noun) is not None else []
    for child in noun.children:
        if child.dep_ == "appos" or (child.dep_ == "compound" and child.i > word.i):
            named.append(child)
    for head in finder.prep_objects(noun, {"of"}):
        named.extend([head, *head.conjuncts])
    tokens = [t for n in named for t in finder.phrase(n, deep=False)]
    targets = finder.actors_of(tokens, as_target=True)
    sources = [statement.speaker_id]
    targets = [t for t in targets if not finder.same_side(t, sources[0])]
    if targets:
        yield edge(tuple(sources), tuple(targets), "critical", word)

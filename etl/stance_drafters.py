"""Who drafted a text that acts against a party (issue 9: policy acts stated as facts; pooled
misses on real_dev6 hr05 and real_dev5 hq07): "The draft resolution on Syria, which would have
opened up the path to sanctions against Syria, was submitted by France, Germany and the UK" -
each drafter `critical` of the party the text's own words act against.

The text is a `[vetoed]` noun ("resolution", "draft", "motion" ...) that a `[drafting]` verb takes
as object or passive subject, or that the verb describes as a participle ("the motion brought
before the House by the Government"); the drafters are that verb's agents. The party is named by
a critical cue inside the text's own phrase (its relative clauses and participles included): a
`[nominal critical]` noun ("sanctions against Syria") or an `[act critical]` verb ("condemning
Syria"). Only critical aims are read: what a text is "on" ("the resolution on Syria") or grants
("authorising a mission to Haiti") says nothing of its drafters' valence. A negated, modal,
planned or asked-for drafting is none, and so is a text someone else drafted that the subject only
backs or debates.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

_AIMED = {"against", "on"}


def _texts(finder: _StanceFinder, verb: Token) -> list[Token]:
    texts = [
        c
        for c in verb.children
        if c.dep_ in ("dobj", "nsubjpass") and finder.cues.has("vetoed", c) and c.pos_ == "NOUN"
    ]
    if verb.dep_ == "acl" and finder.cues.has("vetoed", verb.head) and verb.head.pos_ == "NOUN":
        texts.append(verb.head)  # "the motion brought before the House by the Government"
    return texts


def _agents(finder: _StanceFinder, verb: Token) -> list[str]:
    by = finder.prep_objects(verb, {"by"})
    if by:
        named = [c for o in by for c in (o, *o.conjuncts)]
        return finder.actors_of([t for c in named for t in finder.phrase(c, deep=False)])
    if verb.dep_ == "acl":
        return []
    subject, passive = finder.subject_of(verb)
    if subject is None or passive or subject.pos_ == "PRON":
        return []
    return finder.agents(verb) or []


def _aims(finder: _StanceFinder, text: Token) -> list[str]:
    heads: list[Token] = []
    for token in text.subtree:
        if token.i == text.i:
            continue
        if token.pos_ == "NOUN" and finder.cues.has("nominal critical", token):
            heads += finder.prep_objects(token, _AIMED)
        elif token.pos_ == "VERB" and finder.cues.has("act critical", token):
            heads += [c for c in token.children if c.dep_ == "dobj"]
    return finder.actors_of([t for h in heads for t in finder.phrase(h)], as_target=True)


def drafted_texts(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    if verb.pos_ != "VERB" or not finder.cues.has("drafting", verb):
        return
    texts = _texts(finder, verb)
    if not texts:
        return
    if finder.unrealised(verb):
        return
    sources = _agents(finder, verb)
    if not sources:
        return
    targets = [t for text in texts for t in _aims(finder, text) if t not in sources]
    targets = [t for t in targets if not any(finder.same_side(s, t) for s in sources)]
    if targets:
        yield edge(tuple(sources), tuple(dict.fromkeys(targets)), "critical", verb)

"""Joint acts and the parties named together before them.

- joint documents: "the joint statement of Russia, Iran and Turkey", "Saudi Arabia and the US,
  which also issued a joint statement" - each party supportive of the others (the document's
  parties are those of its "of"/"by" phrase, else the subject of the verb that issues it);
- parties nouns: "The sides expressed their gratitude to Kazakhstan" - a definite "the sides" or
  "the parties" as a subject stands for the last list of two or more actors named together (in
  this sentence before it or in the three sentences before);
- listed members: "thanked those countries that supported the resolution, among them were Egypt,
  Italy and Japan" - a group named by a common noun and listed in a clause of its own.

The document nouns are the `[document]` section of `etl/rules/stance_cues.txt`, the verbs that
issue one `[adopter]` and `[issuer]`, and the parties nouns `[parties noun]`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

_JOINT = {"joint", "common"}
_SUBJECTS = {"nsubj", "nsubjpass"}


def _one_per_side(finder: _StanceFinder, parties: list[str]) -> list[str]:
    sides: dict[str, str] = {}
    for party in parties:
        sides.setdefault(finder.side(party), party)
    return list(sides.values())


def joint_documents(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    if not finder.cues.has("document", noun) or not any(
        # "a joint statement"; in a title-case heading "Joint Statement by Iran, ..." the parser
        # makes "Joint" a compound.
        c.dep_ in ("amod", "compound") and c.lower_ in _JOINT
        for c in noun.children
    ):
        return
    heads = finder.prep_objects(noun, {"of", "by"})
    parties = finder.actors_of([t for h in heads for t in finder.phrase(h, deep=False)])
    if len(parties) < 2:
        # "a joint statement by the foreign ministers of the three countries (Russia, Iran and
        # Turkey)": the issuers are named through their office.
        parties = finder.actors_of([t for h in heads for t in finder.phrase(h)])
    verb = noun.head
    if len(parties) < 2 and noun.dep_ == "dobj" and _issues(finder, verb):
        if finder.negated(verb) or finder.has_modal(verb) or finder._demanded(verb):
            return
        parties = finder.agents(verb) or []
        if verb.dep_ == "relcl":
            # "Saudi Arabia and the US, which issued a joint statement": the clause hangs on the
            # last name of the list; a joint document is the whole list's.
            first = verb.head
            while first.dep_ == "conj" and first.head.i < first.i:
                first = first.head
            parties += finder.actors_of(finder.phrase(first, deep=False))
    parties = _one_per_side(finder, parties)
    if len(parties) < 2:
        return
    for party in parties:
        others = tuple(p for p in parties if p != party)
        yield edge((party,), others, "supportive", noun)


def _issues(finder: _StanceFinder, verb: Token) -> bool:
    return verb.pos_ == "VERB" and (
        finder.cues.has("adopter", verb) or finder.cues.has("issuer", verb)
    )


def is_parties_noun(finder: _StanceFinder, subject: Token) -> bool:
    """ "the sides", "the parties" (not "both sides" of one dispute named elsewhere by number),
    and counted ones: "the three foreign ministers", "the two countries"."""
    if subject.tag_ != "NNS" or not any(
        c.dep_ == "det" and c.lower_ == "the" for c in subject.children
    ):
        return False
    if finder.cues.has("parties noun", subject):
        return not any(c.dep_ in ("compound", "amod", "poss", "prep") for c in subject.children)
    return (
        finder.cues.has("counted parties", subject)
        and any(c.dep_ == "nummod" and c.lower_ in _SMALL_NUMBERS for c in subject.children)
        and not any(c.dep_ in ("poss", "prep") for c in subject.children)
    )


_SMALL_NUMBERS = {"two", "three", "four", "both"}


def named_parties(finder: _StanceFinder, verb: Token) -> list[str]:
    """The last list of two or more actors of different sides named together before `verb`."""
    doc = finder.ctx.doc
    sentence = verb.sent
    before = [s for s in _previous_sentences(finder, sentence, 3)]
    spans = [*before, doc[sentence.start : verb.i]]
    # "the three foreign ministers": a list of three, not the last pair named.
    subject, _passive = finder.subject_of(verb)
    wanted = next(
        (
            _COUNTS[c.lower_]
            for c in (subject.children if subject is not None else ())
            if c.dep_ == "nummod" and c.lower_ in _COUNTS
        ),
        None,
    )
    for span in reversed(spans):
        for token in reversed(list(span)):
            if token.dep_ != "conj" or token.head.i < span.start:
                continue
            first = token.head
            while first.dep_ == "conj" and first.head.i < first.i:
                first = first.head
            parties = _one_per_side(finder, finder.actors_of(finder.phrase(first, deep=False)))
            if len(parties) >= 2 and (wanted is None or len(parties) == wanted):
                return parties
    return []


_COUNTS = {"two": 2, "three": 3, "four": 4}


def _previous_sentences(finder: _StanceFinder, sentence: Any, count: int) -> list[Any]:
    doc = finder.ctx.doc
    found: list[Any] = []
    start = sentence.start
    while start > 0 and len(found) < count:
        previous = doc[start - 1].sent
        found.insert(0, previous)
        start = previous.start
    return found


def listed_members(verb: Token) -> list[Token]:
    """The names of a clause "among them were A, B and C" (or "among them A and B") hanging from
    the verb or its object."""
    found: list[Token] = []
    holders = [verb, *(c for c in verb.children if c.dep_ == "dobj")]
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ not in ("ccomp", "conj", "parataxis", "relcl", "acl", "appos"):
                continue
            if not any(
                c.dep_ == "prep"
                and c.lower_ == "among"
                and any(o.lower_ in ("them", "those", "these") for o in c.children)
                for c in clause.children
            ):
                continue
            for member in clause.children:
                if member.dep_ in ("attr", "nsubj", "appos") and member.pos_ == "PROPN":
                    found.extend([member, *member.conjuncts])
    return found


def guarantors(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "Turkey and Russia will serve as guarantors under the agreement", "Russia and Iran are
    the guarantors of the truce": co-guarantors of one deal, each supportive of the others."""
    if noun.tag_ != "NNS" or not finder.cues.has("guarantor noun", noun):
        return
    if noun.dep_ == "pobj" and noun.head.lower_ == "as":
        verb = noun.head.head
    elif noun.dep_ == "attr":
        verb = noun.head
    else:
        return
    if verb.pos_ not in ("VERB", "AUX") or finder.negated(verb) or verb.dep_ == "xcomp":
        return  # "asked Turkey and Russia to act as guarantors" is no deal yet
    parties = _one_per_side(finder, finder.agents(verb) or [])
    for party in parties if len(parties) >= 2 else ():
        others = tuple(p for p in parties if p != party)
        yield edge((party,), others, "supportive", noun)


_HYPHENS = {"-", "\u2010", "\u2011", "\u2013"}


def hyphenated_partners(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "the American-Saudi initiative", "a Russian-Turkish patrol": two countries joined by a
    hyphen before a joint undertaking (`[joint undertaking]`) are partners in it, each supportive
    of the other. Relations ("Canadian-Russian relations") and wars are no undertaking."""
    if noun.pos_ != "NOUN" or not finder.cues.has("joint undertaking", noun):
        return
    doc = noun.doc
    names: list[Token] = []
    hyphens = 0
    i = noun.i - 1
    while i >= 0:
        token = doc[i]
        if token.text in _HYPHENS:
            hyphens += 1
        elif token.pos_ in ("ADJ", "PROPN") and finder.mention_at(token) is not None:
            names.append(token)
        else:
            break
        i -= 1
    if hyphens == 0 or len(names) < 2:
        return
    parties = []
    for actor_id in finder.actors_of(names):
        actor = finder.ctx.actors.get(actor_id)
        if actor is not None and actor.kind == "country":
            parties.append(actor_id)
    parties = _one_per_side(finder, parties)
    for party in parties if len(parties) >= 2 else ():
        others = tuple(p for p in parties if p != party)
        yield edge((party,), others, "supportive", noun, context=True)

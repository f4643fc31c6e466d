"""Stances stated as facts: pacts, wars, admissions and patrons named in apposition.

Each rule takes the stance finder of `etl.stances` (for its actor lookups and the cue book) and
one token, and yields edges; `_StanceFinder.edges` calls them. Cue words are sections of
`etl/rules/stance_cues.txt`:

- pact: "the army and the RSF signed a ceasefire", "a deal between Israel and Hamas", "Kyiv agreed
  to a truce with Moscow" - each party supportive of the other;
- war: "the war between the army and the RSF", "clashes between Hamas and Fatah" - each party
  critical of the other;
- admit: "Poland waived visas for Ukrainians", "Germany will take in 10,000 Afghan refugees" - the
  host supportive of the country whose people it takes in;
- patrons in apposition: "the junta's patrons Beijing and Moscow" - each patron supportive of
  the possessor.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder

# Head nouns of a people a country takes in ("Afghan refugees", "Ukrainians", "Syrian families").
_PEOPLE = {
    "refugee", "people", "citizen", "national", "family", "child", "asylum", "seeker",
    "evacuee", "civilian", "interpreter", "student", "worker", "migrant", "resident",
}  # fmt: skip
# Verbs whose people come after "for" ("lifted visa requirements for Ukrainians").
_FOR_PEOPLE = {"waive", "lift", "scrap", "ease", "simplify"}


def _one_per_side(finder: _StanceFinder, parties: list[str]) -> list[str]:
    sides: dict[str, str] = {}
    for party in parties:
        sides.setdefault(finder.side(party), party)
    return list(sides.values())


def _both_ways(
    parties: list[str], polarity: str, cue: Token, edge: Any, *, context: bool = False
) -> Iterator[Any]:
    for party in parties:
        others = tuple(p for p in parties if p != party)
        yield edge((party,), others, polarity, cue, context=context)


def _side_tokens(finder: _StanceFinder, head: Token) -> list[Token]:
    """The tokens of a party's phrase ("the army and its rival, the RSF"), without the patrons
    of its backing participles ("troops backed by a Saudi-led coalition", "Iran-aligned")."""
    kept = []
    for token in head.subtree:
        node, patron = token, False
        while node.i != head.i:
            node = node.head
            if finder.cues.has("patron supportive", node) or finder.cues.has("patron leader", node):
                patron = True
                break
        if not patron:
            kept.append(token)
    return kept


def _between(finder: _StanceFinder, noun: Token) -> list[str]:
    heads = finder.prep_objects(noun, {"between"})
    if not heads and noun.dep_ in ("nsubj", "nsubjpass") and noun.head.pos_ == "VERB":
        # "The conflict erupted on April 15 between the army and the RSF": the parser hangs the
        # parties on the verb the war noun is the subject of, or on its date or place.
        carriers = [noun.head, *finder.prep_objects(noun.head, {"on", "in", "at", "near"})]
        heads = [h for c in carriers for h in finder.prep_objects(c, {"between"})]
    if not heads:
        # "fighting escalating between the army and the RSF", "clashes raging between A and B":
        # the parties hang on a participle of the war noun.
        heads = [
            h
            for c in noun.children
            if c.dep_ == "acl" and c.tag_ in ("VBG", "VBN")
            for h in finder.prep_objects(c, {"between"})
        ]
    if not heads and noun.dep_ == "conj":
        # "violations on the rise and fighting escalating between A and B": the parser hung the
        # parties on the conjunct before the war noun; only a "between" after the noun counts.
        heads = [
            o
            for prep in noun.head.children
            if prep.dep_ == "prep" and prep.lower_ == "between" and prep.i > noun.i
            for o in prep.children
            if o.dep_ == "pobj"
        ]
    named = [t for o in heads for t in _side_tokens(finder, o)]
    return finder.actors_of(named, as_target=True)


def _governing_verb(noun: Token) -> Token | None:
    """The verb a pact noun is the object of: "signed a truce", "agreed to a truce"."""
    if noun.dep_ == "dobj":
        return noun.head
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ == "VERB":
        return noun.head.head
    return None


def pacts(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    if noun.pos_ not in ("NOUN", "PROPN") or not finder.cues.has("pact supportive", noun):
        return
    if noun.dep_ == "pobj" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        return  # "talks on a deal between A and B", "hopes for a truce": not yet made
    parties = _between(finder, noun)
    verb = _governing_verb(noun)
    if len(parties) < 2 and verb is not None and finder.cues.has("pact verb", verb):
        if finder.negated(verb) or finder.has_modal(verb) or finder._demanded(verb):
            return
        subject, passive = finder.subject_of(verb)
        if subject is not None and not passive:
            parties = finder.actors_of(finder.phrase(subject, deep=False))
            partners = finder.prep_objects(verb, {"with"}) + finder.prep_objects(noun, {"with"})
            parties += [p for p in finder._targets(partners) if p not in parties]
    if len(parties) < 2:
        # "A ceasefire negotiated by Russia and Turkey": the participle's agents made it.
        for clause in noun.children:
            if clause.dep_ == "acl" and finder.cues.has("pact verb", clause):
                agents = finder.prep_objects(clause, {"by"})
                heads = [t for a in agents for t in (a, *finder._conjuncts(a))]
                parties = finder.actors_of(
                    [t for h in heads for t in finder._conjunct(h)], as_target=True
                )
    parties = _one_per_side(finder, parties)
    if len(parties) >= 2:
        yield from _both_ways(parties, "supportive", noun, edge)


def reciprocal_roles(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "The Taliban and ISIS are enemies", "Russia and Syria are allies": a plural role noun
    with no "of" said of a conjoined subject is each party's stance toward the others."""
    if noun.tag_ not in ("NNS", "NNPS") or finder.prep_objects(noun, {"of"}):
        return
    polarity = next(
        (
            polarity
            for section, polarity in finder.cues.polarity_sections("predicate")
            if any(c.lemma == noun.lemma_.lower() for c in finder.cues.cues(section))
        ),
        None,
    )
    if polarity is None or finder.lapsed(noun):
        return
    verb = noun.head
    if noun.dep_ == "attr" and verb.lemma_ == "be" and verb.dep_ in ("xcomp", "ccomp"):
        verb = verb.head  # "are known to be enemies"
    if noun.dep_ not in ("attr", "oprd") or finder.negated(verb) or finder.has_modal(verb):
        return
    subject, passive = finder.subject_of(verb)
    if subject is None:
        return
    parties = _one_per_side(finder, finder.actors_of(finder.phrase(subject, deep=False)))
    if len(parties) >= 2:
        yield from _both_ways(parties, polarity, noun, edge)


_KEPT = {"maintain", "have", "enjoy", "win", "receive", "retain", "gain", "secure", "keep", "get"}


def support_held(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "Maduro, who maintains the support of Russia, China and Cuba": the ones whose support is
    held are supportive of the holder."""
    if noun.dep_ != "dobj" or not finder.cues.has("help noun", noun):
        return
    verb = noun.head
    if verb.lemma_.lower() not in _KEPT or finder.negated(verb) or finder.has_modal(verb):
        return
    backers = []
    for of_object in finder.prep_objects(noun, {"of", "from"}):
        backers += finder.actors_of(list(of_object.subtree))
    holders = [h for h in finder.agents(verb) or [] if h not in backers]
    if backers and holders:
        yield edge(tuple(dict.fromkeys(backers)), tuple(holders), "supportive", noun)


def wars(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    if (noun.pos_ not in ("NOUN", "PROPN") and noun.tag_ != "VBG") or not finder.cues.has(
        "war critical", noun
    ):
        return
    parties = _one_per_side(finder, _between(finder, noun))
    if len(parties) >= 2:
        # A war "between A and B" is the story's background, not the claim of whoever's words
        # it sits in ("fighting between the army and the RSF, UN officials told the council").
        yield from _both_ways(parties, "critical", noun, edge, context=True)


def admissions(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    cue = finder.cues.match("admit supportive", verb)
    if cue is None or finder._demanded(verb) or finder.negated(verb):
        return
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    # "waived visas for Ukrainians": the people are the beneficiaries, not the object.
    beneficiaries = finder.prep_objects(verb, {"for"}) + [
        o for h in objects for o in finder.prep_objects(h, {"for"})
    ]
    heads = beneficiaries if cue.lemma in _FOR_PEOPLE else objects + beneficiaries
    # "for Syrians arriving by land": the people are the subject of the clause after "for".
    heads = [
        s
        for h in heads
        for s in (
            [h] if h.pos_ != "VERB" else [c for c in h.children if c.dep_ in ("nsubj", "nsubjpass")]
        )
    ]
    countries: list[str] = []
    for head in heads:
        peoples = [head, *finder._conjuncts(head)]
        for people in peoples:
            for token in (people, *people.children):
                mention = finder.mention_at(token)
                if mention is None or mention.how != "demonym":
                    continue
                if token is people or people.lemma_.lower() in _PEOPLE:
                    if mention.actor_id not in countries:
                        countries.append(mention.actor_id)
    if not countries:
        return
    sources = finder.reporter(verb) if finder.has_modal(verb) else finder.agents(verb)
    if sources:
        yield edge(tuple(sources), tuple(countries), "supportive", verb)


def apposed_patrons(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "the junta's patrons Beijing and Moscow": names in apposition to a possessed role noun."""
    if not any(
        cue.lemma == noun.lemma_.lower() for cue in finder.cues.cues("predicate supportive")
    ):
        return
    owners = [c for c in noun.children if c.dep_ == "poss"]
    named = [c for c in noun.children if c.dep_ in ("appos", "compound") and c.i > noun.i]
    if not owners or not named or finder.lapsed(noun):
        return
    targets = finder._targets(owners)
    if not targets and all(o.tag_ == "PRP$" for o in owners):
        # "Assad's government and its backer Russia": "its" is the conjunct before; elsewhere
        # the pronoun's antecedent ("... Syria. Its ally Russia ...").
        if noun.dep_ == "conj":
            targets = finder.actors_of(finder._conjunct(noun.head), as_target=True)
        else:
            antecedent = finder._antecedent(owners[0])
            targets = [antecedent] if antecedent else []
    holders = [t for n in named for t in (n, *finder._conjuncts(n))]
    sources = [a for a in finder.actors_of(holders) if a not in targets]
    if targets and sources:
        # A known alliance named as background, also inside someone's words ("Nauert said
        # Assad's government and its backer Russia needed to be held accountable").
        yield edge(tuple(sources), tuple(targets), "supportive", noun, context=True)


def event_parties(finder: _StanceFinder, heads: list[Token]) -> set[str]:
    """Actors named as the parties "between" whom an event (talks, a truce, a war) takes place,
    anywhere inside the given phrases."""
    parties: set[str] = set()
    for head in heads:
        for token in head.subtree:
            if token.lower_ == "between" and token.dep_ == "prep" and token.head.pos_ == "NOUN":
                named = [
                    t for c in token.children if c.dep_ == "pobj" for t in _side_tokens(finder, c)
                ]
                parties.update(finder.actors_of(named, as_target=True))
    return parties


_FUSED_PATRON = re.compile(r"^(.+)[-\u2010\u2011]([a-z]+)$")


def fused_patrons(finder: _StanceFinder, token: Token, edge: Any) -> Iterator[Any]:
    """ "U.S.-backed, Saudi-led forces": a backing participle the tokenizer fused with its patron
    (one token "U.S.-backed") - the patron supportive of the noun phrase it modifies."""
    match = _FUSED_PATRON.match(token.text)
    if match is None:
        return
    participle = match.group(2).lower()
    if not any(cue.lemma == participle for cue in finder.cues.cues("patron supportive")):
        return
    mention = finder.mention_at(token)
    if mention is None or mention.char_start != token.idx:
        return
    noun = token.head if token.head.pos_ in ("NOUN", "PROPN") and token.head.i > token.i else None
    if noun is None:
        # The parser may hang the fused word elsewhere: the noun it stands before.
        for following in token.doc[token.i + 1 : token.i + 6]:
            if following.pos_ in ("NOUN", "PROPN") and following.dep_ not in (
                "compound",
                "npadvmod",
            ):
                noun = following
                break
            if following.pos_ not in ("PUNCT", "ADJ", "PROPN", "VERB", "DET", "ADV"):
                break
    if noun is None:
        return
    own = [t for t in finder._conjunct(noun) if t.i != token.i]
    deep = [
        t for t in finder.phrase(noun) if t.i != token.i
    ]  # "the U.S.-backed government of Iraq"
    backed = [a for a in finder.actors_of(own, as_target=True) if a != mention.actor_id] or [
        a for a in finder.actors_of(deep, as_target=True) if a != mention.actor_id
    ]
    if backed:
        yield edge((mention.actor_id,), tuple(backed), "supportive", token, context=True)


def praised_conduct(finder: _StanceFinder, adjective: Token, edge: Any) -> Iterator[Any]:
    """In someone's words, praise of an actor's conduct: "The response by Europe has been
    remarkable", "the Polish Government ... mounted a commendable welcome" - the speaker
    supportive of the actor whose conduct it is."""
    if adjective.pos_ != "ADJ" or not finder.cues.has("praise adjective", adjective):
        return
    if any(c.dep_ == "neg" for c in adjective.head.children) or finder.negated(adjective):
        return
    statement = finder.statement_at(adjective)
    if statement is None or not statement.speaker_id:
        return
    owners: list[Token] = []
    head = adjective.head
    if adjective.dep_ == "acomp" and head.lemma_ == "be":
        subject, _ = finder.subject_of(head)
        if subject is not None and subject.pos_ == "NOUN":
            owners += [c for c in subject.children if c.dep_ == "poss"]
            owners += finder.prep_objects(subject, {"by", "of"})
    elif adjective.dep_ in ("amod", "conj") and head.pos_ == "NOUN" and head.dep_ == "dobj":
        subject, passive = finder.subject_of(head.head)
        if subject is not None and not passive:
            owners.append(subject)
    heads = [t for o in owners for t in (o, *finder._conjuncts(o))]
    speaker = statement.speaker_id
    targets = [
        a
        for a in finder.actors_of([t for h in heads for t in finder._conjunct(h)], as_target=True)
        if not finder.same_side(speaker, a)
    ]
    if targets:
        yield edge((speaker,), tuple(targets), "supportive", adjective)

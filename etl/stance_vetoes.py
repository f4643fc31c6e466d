"""Vetoes: a state that vetoes or blocks a text shields the party the text was aimed at, and a
concern voiced after a veto is critical of who vetoed.

- vetoes: "Russia and China vetoed a resolution calling on Assad to step down" - each vetoer
  supportive of Syria; the drafters of the text ("a French draft") are criticised, the body whose
  "move" it was is only the forum, and the text's own demands are no one's stance
  (`in_vetoed_text`, asked by the finder's suppression walk);
- noun_vetoes: "exercised its right of veto over a draft resolution on Syria";
- laments: "disappointed after Russia and China blocked a resolution" - critical of the blockers;
- carried_aim: "Russia and China vetoed the text" (a text that names no party, and no topic of its
  own) shields the party of the resolution the article names elsewhere ("UN resolution on Syria"
  in the headline).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from etl.stance_cuebook import CueBook

if TYPE_CHECKING:  # the finder imports this module
    from etl.stances import _StanceFinder


# Prepositions of a route ("aid to Syria from Turkey", "via Turkey", "through Iraq").
_ROUTE = {"from", "via", "through", "across"}
# Documents whose nationality adjective names who wrote them.
_AUTHORED = {"draft", "text", "proposal"}
# A drafter fused with its participle by a hyphen: "the U.S.-sponsored resolution".
_HYPHENATED = re.compile(r"^[\w.].*[-\u2010\u2011](?P<participle>[a-z]+)$", re.IGNORECASE)
# Participles of drafting verbs that no suffix rule makes from the verb ([drafting] in the cue
# book lists the verbs themselves).
_IRREGULAR_PARTICIPLES = {"write": "written", "bring": "brought", "put": "put"}


def drafting_participle(word: str, cues: CueBook) -> bool:
    """ "drafted", "tabled", "submitted", "written": the past participle of a verb in the cue
    book's [drafting] section."""
    word = word.lower()
    for cue in cues.cues("drafting"):
        verb = cue.lemma
        forms = {verb + "ed", verb + "d", verb + verb[-1:] + "ed", _IRREGULAR_PARTICIPLES.get(verb)}
        if word in forms:
            return True
    return False


def drafters(thing: Token, cues: CueBook) -> list[Token]:
    """Who wrote a vetoed text: "France's resolution", "a French draft", "a US-drafted text",
    "drafted by France" (drafting verbs: the cue book's [drafting] section)."""
    found = [c for c in thing.children if c.dep_ == "poss"]
    # "a French draft resolution", "the Russian text": the nationality of a draft, text or
    # proposal is its drafter's ("the Syrian resolution" is only about Syria).
    if thing.lemma_.lower() in _AUTHORED or any(
        c.dep_ == "compound" and c.lemma_.lower() == "draft" for c in thing.children
    ):
        found += [c for c in thing.children if c.dep_ == "amod" and c.ent_type_ == "NORP"]
    for child in thing.children:
        if child.dep_ in ("amod", "acl") and cues.has("drafting", child):
            # "drafted by France", "the Russian-drafted text" (the adjective hangs on the verb)
            for sub in child.subtree:
                if (sub.pos_ == "PROPN" or sub.ent_type_ == "NORP") and sub.i != child.i:
                    found.append(sub)
        elif child.dep_ in ("amod", "compound") and _hyphen_drafted(child.text, cues):
            found.append(child)  # "the U.S.-sponsored resolution": one token names the drafter
    return [t for head in found for t in (head, *head.conjuncts)]


def _hyphen_drafted(text: str, cues: CueBook) -> bool:
    fused = _HYPHENATED.match(text)
    return fused is not None and drafting_participle(fused.group("participle"), cues)


def _demand_participle(finder: _StanceFinder, token: Token) -> bool:
    return (
        token.tag_ == "VBG"
        and token.dep_ in ("advcl", "acl")
        and any(finder.cues.has(s, token) for s, _ in finder.cues.polarity_sections("demand"))
    )


def text_clauses(finder: _StanceFinder, thing: Token) -> list[Token]:
    """What a vetoed text asks: "vetoed a resolution calling on Assad to step down" - the
    participle hangs from the text or, misparsed, from the veto verb beside it."""
    clauses = [c for c in thing.children if _demand_participle(finder, c)]
    if thing.dep_ == "dobj":
        clauses += [
            c for c in thing.head.children if c.i > thing.i and _demand_participle(finder, c)
        ]
    return clauses


def in_vetoed_text(finder: _StanceFinder, clause: Token) -> bool:
    """A demand participle that is the words of a text someone vetoed or blocked: the demand is
    the text's, not the vetoer's ("Russia vetoed a resolution calling on Assad to step down")."""
    if not _demand_participle(finder, clause):
        return False
    head = clause.head
    if finder.cues.has("vetoed", head) and head.dep_ == "dobj":
        head = head.head
    return finder.cues.has("veto supportive", head) and any(
        c.dep_ == "dobj" and finder.cues.has("vetoed", c) and clause in text_clauses(finder, c)
        for c in head.children
    )


def _shielded(finder: _StanceFinder, thing: Token, sources: list[str]) -> list[str]:
    """Parties a vetoed text was aimed at: actors anywhere in its phrase, bodies and drafters
    left out."""
    found = []
    written_by = set(finder.actors_of(drafters(thing, finder.cues)))
    # "demanding a halt to the bombing campaign ... against rebel-held districts": those the
    # text would protect are no one the veto shields.
    aimed_at = [
        t
        for prep in [*thing.subtree, *(t for c in text_clauses(finder, thing) for t in c.subtree)]
        if prep.dep_ == "prep" and prep.lower_ == "against"
        for t in prep.subtree
    ]
    protected = set(finder.actors_of(aimed_at, as_target=True))
    # "a resolution that would have extended cross-border aid to Syria from Turkey": the country
    # a route leaves from or passes through is a place, not a party the text is aimed at.
    routes = [
        t
        for prep in thing.subtree
        if prep.dep_ == "prep" and prep.lower_ in _ROUTE and prep.i > thing.i
        for t in prep.subtree
    ]
    protected |= set(finder.actors_of(routes, as_target=True))
    words = [*thing.subtree, *(t for clause in text_clauses(finder, thing) for t in clause.subtree)]
    for actor_id in finder.actors_of(words, as_target=True):
        if actor_id in protected:
            continue
        if actor_id in written_by:
            continue
        actor = finder.ctx.actors.get(actor_id)
        if actor is None or actor.kind in ("intergovernmental", "organization", "media"):
            continue
        if any(finder.same_side(actor_id, s) for s in sources) or actor_id in found:
            continue
        found.append(actor_id)
    return found


# Texts whose subject a bare "the text" / "the draft" / "a Security Council resolution" can carry.
_RESOLUTIONS = {"resolution", "draft", "text"}


def aimed_at(finder: _StanceFinder, thing: Token, sources: list[str]) -> list[str]:
    """The parties a vetoed or voted text is aimed at: its own phrase's (`_shielded`), else, when
    its phrase names no actor at all, the article's other resolution's (`carried_aim`)."""
    found = _shielded(finder, thing, sources)
    if found or finder.actors_of(list(thing.subtree), as_target=True):
        return found
    return carried_aim(finder, thing, sources)


def carried_aim(finder: _StanceFinder, thing: Token, sources: list[str]) -> list[str]:
    """ "Russia and China vetoed the text" after "UN resolution on Syria": a text that names no
    party is the one the article names elsewhere, nearest before it first (the headline counts),
    then nearest after it. Only resolutions, drafts and texts carry their aim this way, and only
    when the text has no topic of its own: "vetoed a text on humanitarian access to the border
    crossings" or "a draft calling for a ceasefire" is about what its own phrase says, not about
    the resolution on Yemen the council adopted last week."""
    if thing.lemma_.lower() not in _RESOLUTIONS or _own_topic(thing, finder.cues):
        return []
    others = [
        t
        for t in thing.doc
        if t.i != thing.i and t.pos_ == "NOUN" and t.lemma_.lower() in _RESOLUTIONS
    ]
    others.sort(key=lambda t: (t.i > thing.i, abs(t.i - thing.i)))
    for other in others:
        found = _shielded(finder, other, sources)
        if found:
            return found
    return []


def _own_topic(thing: Token, cues: CueBook) -> bool:
    """A prepositional object ("a text on humanitarian access", "the draft about the crossings")
    or a clause ("a draft calling for a ceasefire", "the text that demanded access") of the text's
    own; a date ("the draft on Tuesday") and who drafted it ("the text put forward by France")
    are none."""
    for child in thing.children:
        if child.dep_ == "prep" and child.lower_ != "by":
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            if any(o.ent_type_ not in ("DATE", "TIME") for o in objects):
                return True
        elif child.dep_ in ("acl", "relcl") and not cues.has("drafting", child):
            return True
    return False


def vetoes(finder: _StanceFinder, verb: Token, edge: Any) -> Iterator[Any]:
    if not finder.cues.has("veto supportive", verb) or finder._demanded(verb):
        return
    things = [c for c in verb.children if c.dep_ == "dobj" and finder.cues.has("vetoed", c)]
    if not things:
        return
    sources = finder.agents(verb)
    if not sources:
        return
    targets = [t for thing in things for t in aimed_at(finder, thing, sources)]
    if targets:
        yield edge(tuple(sources), tuple(targets), "supportive", verb)
    writers = [
        a
        for thing in things
        for a in finder.actors_of(drafters(thing, finder.cues))
        if not any(finder.same_side(a, s) for s in sources)
        # "vetoed the Security Council's move": the council is the forum, not a drafter.
        and getattr(finder.ctx.actors.get(a), "kind", None) != "intergovernmental"
    ]
    if writers:
        yield edge(tuple(sources), tuple(writers), "critical", verb)


def noun_vetoes(finder: _StanceFinder, noun: Token, edge: Any) -> Iterator[Any]:
    """ "Russia has exercised its right of veto over a draft resolution on Syria", "Russia's veto
    of the resolution on Syria": a veto named as a noun shields the text's target like the verb."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() != "veto":
        return
    carrier = noun
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ == "NOUN":
        carrier = noun.head.head  # "its right of veto"
    things = [
        o
        for holder in {noun, carrier}
        for prep in holder.children
        if prep.dep_ == "prep" and prep.lower_ in ("over", "on", "of", "against")
        for o in prep.children
        if o.dep_ == "pobj" and finder.cues.has("vetoed", o)
    ]
    if not things:
        return
    sources: list[str] = []
    verb = carrier.head if carrier.dep_ == "dobj" and carrier.head.pos_ == "VERB" else None
    if verb is not None:
        if finder.negated(verb) or finder.has_modal(verb) or finder._demanded(verb):
            return
        sources = finder.agents(verb) or []
    if not sources:
        owners = [c for h in {noun, carrier} for c in h.children if c.dep_ == "poss"]
        sources = finder.actors_of([t for o in owners for t in finder.phrase(o, deep=False)])
    if not sources:
        return
    targets = [t for thing in things for t in aimed_at(finder, thing, sources)]
    if targets:
        yield edge(tuple(sources), tuple(dict.fromkeys(targets)), "supportive", noun)


def laments(finder: _StanceFinder, token: Token, edge: Any) -> Iterator[Any]:
    """ "disappointed after Russia and China blocked a resolution": critical of who blocked it."""
    if token.pos_ not in ("ADJ", "NOUN", "VERB"):
        return
    if not any(
        finder.cues.has(section, token) for section, _ in finder.cues.polarity_sections("concern")
    ):
        return
    carriers = [token, finder.clause_verb(token)]
    clauses = [
        c
        for carrier in carriers
        for c in carrier.children
        if c.dep_ == "advcl" and finder.cues.has("veto supportive", c)
    ]
    clauses += [
        p
        for carrier in carriers
        for prep in carrier.children
        if prep.dep_ == "prep" and prep.lower_ in ("after", "over", "following")
        for p in prep.children
        if p.dep_ == "pcomp" and finder.cues.has("veto supportive", p)
    ]
    targets = [a for clause in clauses for a in finder.agents(clause) or ()]
    if not targets:
        return
    sources = [s for s in finder.experiencer(token) if s not in targets]
    if sources:
        yield edge(tuple(sources), tuple(targets), "critical", token)

"""Stance rules for verb cues of acts: act, hostility, demand and dispatch sections of the cue book."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Token

from etl import (
    stance_deeds,
    stance_facts,
    stance_joint,
    stance_speech,
    stance_two_way,
)
from etl.context import ArticleContext
from etl.docindex import DocIndex
from etl.stance_cuebook import (
    _FORCE_KINDS,
    _PARTY_NOUNS,
    _PASSIVE_SUBJECTS,
    _SUBJECTS,
    Cue,
    CueBook,
    _dependent,
    _Edge,
)
from etl.types import Statement


class _Acts:
    """Act, hostility, demand and dispatch cues (mixed into `etl.stances._StanceFinder`)."""

    ctx: ArticleContext
    statements: tuple[Statement, ...]
    cues: CueBook

    def unrealised(self, verb: Token) -> bool:
        """An act not done: negated, only possible ("could impose"), planned ("will extend …
        next month") or asked for ("urged the EU to impose"). Mixed in with `etl.stance_clauses`."""
        return (
            self.negated(verb) or self.has_modal(verb) or self.planned(verb) or self._demanded(verb)
        )

    def _demanded(self, verb: Token) -> bool:
        """An act someone is only asked to make ("called on Germany to send tanks")."""
        head = verb.head
        return (
            verb.dep_ in ("xcomp", "ccomp", "advcl")
            and head.i != verb.i
            and any(
                self.cues.has(section, head) for section, _ in self.cues.polarity_sections("demand")
            )
        )

    def _dispatch(self, verb: Token) -> Iterator[_Edge]:
        """ "Egypt sent rescue teams and aid to Libya": what is sent "to" a country supports it."""
        for section, polarity in self.cues.polarity_sections("dispatch"):
            if not self.cues.has(section, verb) or self._demanded(verb):
                continue
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if not any(self.cues.has("dispatched", t) for o in objects for t in o.subtree):
                continue
            carriers = [
                verb,
                *objects,
                *(c for o in objects for c in o.children if c.dep_ == "acl"),
            ]
            places = [
                pobj
                for carrier in carriers
                for prep in carrier.children
                if prep.dep_ in ("prep", "dative") and prep.lower_ == "to"
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ]
            # The recipient itself, not a place it owns ("to Ukraine's border").
            named = [t for p in places for t in (p, *self._conjuncts(p))]
            named += [c for t in list(named) for c in t.children if c.dep_ == "compound"]
            targets = self.actors_of(named, as_target=True)
            if not targets:
                continue
            sources = self.reporter(verb) if self.has_modal(verb) else self.agents(verb)
            if sources:
                yield _Edge(tuple(sources), tuple(targets), polarity, verb)

    @staticmethod
    def _conjuncts(token: Token, deps: tuple[str, ...] = ("conj",)) -> list[Token]:
        found, stack = [], [token]
        while stack:
            for child in stack.pop().children:
                if child.dep_ in deps:
                    found.append(child)
                    stack.append(child)
        return found

    def _objects(self, verb: Token, cue: Cue) -> list[Token]:
        """The phrases a verb cue is aimed at: its direct object, or the object of its particle."""
        objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.pos_ != "ADP"]
        if len(objects) > 1 and any(o.dep_ == "dobj" for o in objects[:-1]):
            # "welcomed the talks between the army and its rival, the RSF": a second direct
            # object set off by a comma is an apposition the parser misplaced, not a target.
            objects = [
                o
                for o in objects
                if not (
                    o.dep_ == "dobj" and o.left_edge.i > 0 and o.doc[o.left_edge.i - 1].text == ","
                )
            ] or objects
        if cue.dependent:
            particle = _dependent(verb, cue.dependent)
            if particle is not None and particle.dep_ in ("prep", "agent", "dative"):
                objects.extend(c for c in particle.children if c.dep_ in ("pobj", "pcomp"))
            elif particle is not None and particle.dep_ in ("ccomp", "oprd", "xcomp"):
                # "hold Russia accountable" is parsed as a small clause with Russia as its subject.
                objects.extend(c for c in particle.children if c.dep_ in _SUBJECTS)
        return objects

    def _targets(self, heads: Iterable[Token]) -> list[str]:
        tokens: list[Token] = []
        for head in heads:
            tokens.extend(self.phrase(head))
        return self.actors_of(tokens, as_target=True)

    def _act(self, verb: Token) -> Iterator[_Edge]:
        for section, polarity in self.cues.polarity_sections("act"):
            cue = self.cues.match(section, verb)
            if cue is None:
                continue
            subject, passive = self.subject_of(verb)
            objects = self._objects(verb, cue)
            # "praised the rescue teams, singling out Greece and Armenia": the singled out share it.
            for child in verb.children:
                singled = (
                    self.cues.match("singling", child)
                    if child.dep_ in ("advcl", "conj", "xcomp")
                    else None
                )
                if singled is not None:
                    objects += self._objects(child, singled)
            if (
                self.cues.has("enabling", verb)
                and subject is not None
                and self.actors_of(self.phrase(subject, deep=False))
            ):
                # "to help Haiti's police fight the gangs": the helped is the clause's subject
                # (only for a named helper: "donors pledged ... to help X" is not the reporter's).
                objects += [
                    s
                    for c in verb.children
                    if c.dep_ in ("ccomp", "xcomp")
                    for s in c.children
                    if s.dep_ in _SUBJECTS
                ]
            targets = self._targets(objects)
            if polarity == "critical":
                targets += [
                    t
                    for t in self.actors_of(
                        [w for a in self._deed_agents(objects) for w in self._conjunct(a)],
                        as_target=True,
                    )
                    if t not in targets
                ]
            if not targets and objects:
                # "thanked those countries that backed the resolution, among them were Egypt and
                # Italy": the unnamed group is listed in a clause of its own.
                targets = self._targets(stance_joint.listed_members(verb))
            if polarity != "critical":
                # "welcomed the talks between A and B": the talks, not A and B, are welcomed.
                parties = stance_facts.event_parties(self, objects)
                targets = [t for t in targets if t not in parties]
            if passive and subject is not None:
                targets = self._targets([subject]) + targets
            if not targets:
                # "Hamas welcomed the resolution": a document is its adopter's act.
                targets = [
                    self.adopted[o.lemma_.lower()]
                    for o in objects
                    if o.lemma_.lower() in self.adopted
                ]
            if not targets:
                # "Ruto hailed the vote": the decision of the body that last acted in the article.
                targets = [
                    body
                    for o in objects
                    if self.cues.has("decision", o) and self._definite(o)
                    for body in [self._deciding_body(o)]
                    if body is not None
                ]
            if not targets and polarity != "neutral":
                # "Russia criticised the strikes": the bare deed told just before, by its doer.
                doers = (t for o in objects for t in stance_deeds.deed_doers(self, o))
                targets = list(dict.fromkeys(doers))
            if not targets:
                continue
            if self.has_modal(verb):
                # "Ottawa should align with Russia" said by Russia: the speaker's wish, aimed at the
                # subject too when it is asked to cooperate. Nobody's wish without a speaker.
                sources = self.reporter(verb)
                if self.cues.has("cooperative", verb) and subject is not None and not passive:
                    targets = self._targets([subject]) + targets
            else:
                sources = self.agents(verb)
            if sources:
                yield _Edge(tuple(sources), tuple(targets), polarity, verb)
                if (
                    polarity == "neutral"
                    and not self.has_modal(verb)
                    and subject is not None
                    and subject.pos_ != "PRON"
                    and not passive
                ):
                    # Met back only by a named subject, not a pronoun read as the speaker.
                    yield from stance_two_way.contact_returned(self, sources, targets, verb, _Edge)

    def _deciding_body(self, decision: Token) -> str | None:
        """The last international body named as a clause's subject before `decision`."""
        for mention in reversed(self.ctx.mentions_in(0, decision.sent.start_char)):
            actor = self.ctx.actors.get(mention.actor_id)
            if actor is None or actor.kind != "intergovernmental":
                continue
            span = self.ctx.doc.char_span(
                mention.char_start, mention.char_end, alignment_mode="expand"
            )
            if span is not None and span.root.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS:
                return actor.actor_id
        return None

    def _hostility(self, verb: Token) -> Iterator[_Edge]:
        for section, polarity in self.cues.polarity_sections("hostility"):
            cue = self.cues.match(section, verb)
            if cue is None:
                continue
            objects = self._objects(verb, cue)
            # "the Taliban seized Kabul": a capital taken or struck is a place, not its government.
            targets = [t for t in self._targets(objects) if not self._only_as_capital(t, objects)]
            if targets:
                sources = self.reporter(verb) if self.has_modal(verb) else self.agents(verb)
                if sources:
                    yield _Edge(tuple(sources), tuple(targets), polarity, verb)
            elif any(self.cues.has("protected", o) for o in objects):
                subject, passive = self.subject_of(verb)
                if passive:
                    agent = self.prep_objects(verb, {"by"})
                    subject = agent[0] if agent else None
                holders = self._targets([subject]) if subject is not None else []
                reporters = self.reporter(verb)
                if holders and reporters:
                    yield _Edge(tuple(reporters), tuple(holders), polarity, verb)
            held = self._holders_of_places([*objects, verb]) if not targets else []
            if held and polarity == "critical":
                sources = self.reporter(verb) if self.has_modal(verb) else self.agents(verb)
                if sources:
                    yield _Edge(tuple(sources), tuple(held), polarity, verb)

    def _holders_of_places(self, objects: Sequence[Token]) -> list[str]:
        """ "bomb residential areas in the rebel-held districts of Aleppo": whoever holds the
        place struck ("rebel-held", "Houthi-controlled") is the one attacked. The places are the
        objects and what they or the verb are "in" or "of"."""
        places = [
            p
            for o in objects
            for p in (o, *(c for prep in o.children if prep.dep_ == "prep" for c in prep.children))
            if p.pos_ == "NOUN" and (o.pos_ != "VERB" or p.dep_ == "pobj")
        ]
        holders: list[str] = []
        for place in places:
            for held in place.children:
                if held.dep_ != "amod" or held.lemma_.lower() not in ("hold", "control", "run"):
                    continue
                words = [t for t in held.subtree if t.i < held.i and t.text not in ("-", "–")]
                holders += [a for a in self.actors_of(words, as_target=True) if a not in holders]
        return holders

    def _only_as_capital(self, actor_id: str, objects: Sequence[Token]) -> bool:
        found = [self.mention_at(t) for o in objects for t in self.phrase(o)]
        named = [m for m in found if m is not None and m.actor_id == actor_id]
        return bool(named) and all(m.how == "capital" for m in named)

    def _complement(self, verb: Token, objects: Sequence[Token]) -> Token | None:
        """The demanded action, an infinitive: "urging X to protect", "calling on X to end" (not
        the quote of "told the council: '...'")."""
        for head in (verb, *objects):
            for child in head.children:
                if (
                    child.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl")
                    and child.pos_ in ("VERB", "AUX")
                    and any(c.dep_ == "aux" and c.lower_ == "to" for c in child.children)
                ):
                    return child
        return None

    def _demand(self, verb: Token) -> Iterator[_Edge]:
        for section, default in self.cues.polarity_sections("demand"):
            cue = self.cues.match(section, verb)
            if cue is None:
                continue
            objects = self._objects(verb, cue)
            pair = self._pair(objects, verb)
            targets = pair or self._targets(objects)
            if not targets:
                continue
            demanded = self._complement(verb, objects)
            polarity = default
            if demanded is None and pair:
                # "urged all parties involved in the conflict to ..." with the asked-for act hung
                # elsewhere by the parser: a call on both sides addresses them without fault.
                polarity = "neutral"
            if demanded is not None and self.cues.has("corrective", demanded):
                polarity = "critical"
            elif demanded is not None and self.cues.has("cooperative", demanded):
                # "asking Ottawa to join its coalition" is an offer of partnership; "urged India to
                # cooperate with the investigation" asks for compliance without faulting; "urged
                # Iran to join the international community" says Iran stands apart from it.
                polarity = (
                    "critical"
                    if self._with_the_community(demanded)
                    else "neutral"
                    if self._with_a_thing(demanded)
                    or stance_speech.third_party_partner(self, verb, demanded)
                    else "supportive"
                )
            if demanded is not None and (
                self._both(objects)
                or self.negated(demanded)
                or (polarity == "none" and self._bodies(targets))
            ):
                # A mediator's call on both parties, a call not to do something, or a request to an
                # international body addresses the target without faulting it.
                polarity = "neutral"
            if polarity == "none":
                continue
            sources = self.agents(verb)
            if sources:
                yield _Edge(tuple(sources), tuple(targets), polarity, verb)

    def _with_the_community(self, verb: Token) -> bool:
        """Joining or working "with the international community": the one asked stands apart."""
        partners = self.prep_objects(verb, {"with", "in"}) + [
            c for c in verb.children if c.dep_ == "dobj"
        ]
        return any(self.cues.has("community", p) for p in partners)

    def _with_a_thing(self, verb: Token) -> bool:
        """Cooperation "with" something that is no actor ("with the investigation")."""
        partners = self.prep_objects(verb, {"with"})
        return bool(partners) and all(self.mention_at(p) is None for p in partners)

    @staticmethod
    def _both(objects: Sequence[Token]) -> bool:
        return any(o.lower_ == "both" for o in objects) or any(
            (c.lower_ in ("both", "all") and c.dep_ in ("det", "preconj", "predet"))
            or (c.lower_ == "two" and c.dep_ == "nummod")
            for o in objects
            for c in o.children
        )

    def _pair(self, objects: Sequence[Token], verb: Token) -> list[str]:
        """ "called on both of them", "urged the two sides": the two parties last named together in
        this sentence before the cue or in the three sentences before it."""
        nouns = [o for o in objects if self.cues.has("pair noun", o)]
        if not self._both(objects) or not nouns:
            return []
        # "both Sudanese parties": both must belong to the named country.
        countries = {
            self.ctx.country_of(a) for a in self.actors_of([t for n in nouns for t in n.children])
        }
        # "Saudi Arabia and the United States urged both sides": the speakers are not the pair.
        subject, _passive = self.subject_of(verb)
        speakers = set(self.actors_of(self.phrase(subject, deep=False))) if subject else set()
        sentence = verb.sent
        sentences = [s for s in self.ctx.doc.sents if s.end <= sentence.start][-3:]
        spans = [*sentences, self.ctx.doc[sentence.start : verb.i]]
        pairs: list[tuple[bool, int, list[str]]] = []
        for distance, span in enumerate(reversed(spans)):
            for token in reversed(list(span)):
                if token.dep_ != "conj" or token.head.i < span.start:
                    continue
                pair = self.actors_of(self._conjunct(token.head), as_target=True)
                pair += self.actors_of(self._conjunct(token), as_target=True)
                if len(pair) != 2 or self.same_side(*pair) or speakers.intersection(pair):
                    continue
                if self._bodies(pair[:1]) or self._bodies(pair[1:]):
                    continue  # "the Council President and the UN envoy": a body is no party
                if countries and any(self.ctx.country_of(a) not in countries for a in pair):
                    continue
                # Parties are named as the ones acting or between whom something happens; a pair
                # just praised or thanked is less likely the pair addressed.
                head = token.head
                party_role = head.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS or head.head.lower_ in (
                    "between",
                    "with",
                )
                pairs.append((not party_role, distance, pair))
        if pairs:
            return min(pairs, key=lambda p: (p[0], p[1]))[2]
        end = verb.idx
        if not countries - {None} and any(n.lemma_.lower() in _PARTY_NOUNS for n in nouns):
            # "The Council urged all parties involved in the conflict": the two forces of the
            # country the story is about, named anywhere in it.
            forces: dict[str, int] = {}
            for mention in self.ctx.mentions:
                actor = self.ctx.actors.get(mention.actor_id)
                if actor is not None and actor.kind in _FORCE_KINDS and actor.country_id:
                    forces[actor.country_id] = forces.get(actor.country_id, 0) + 1
            countries = {max(forces, key=lambda c: forces[c])} if forces else set()
            end = len(DocIndex.of(self.ctx.doc).text)
        if countries - {None}:
            # Named long before: the two forces of that country the article mentions most.
            counts: dict[str, int] = {}
            for mention in self.ctx.mentions_in(0, end):
                actor = self.ctx.actors.get(mention.actor_id)
                if (
                    actor is not None
                    and actor.kind in _FORCE_KINDS
                    and actor.country_id in countries
                ):
                    counts[actor.actor_id] = counts.get(actor.actor_id, 0) + 1
            ranked = sorted(counts, key=lambda a: -counts[a])
            if len(ranked) >= 2 and not self.same_side(ranked[0], ranked[1]):
                return ranked[:2]
        return []

    def _conjunct(self, head: Token) -> list[Token]:
        """One conjunct's own words, without the conjuncts hanging from it."""
        others = {t for c in head.children if c.dep_ == "conj" for t in self.phrase(c, deep=False)}
        return [t for t in self.phrase(head, deep=False) if t not in others]

    def _bodies(self, targets: Sequence[str]) -> bool:
        return all(
            (actor := self.ctx.actors.get(t)) is not None and actor.kind == "intergovernmental"
            for t in targets
        )

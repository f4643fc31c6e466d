"""Stance rules for verdicts and contacts: joint acts, meetings among subjects, characterising,
alleging, designating, blame, refusals, concern and other feelings."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from spacy.tokens import Token

from etl import (
    stance_companions,
    stance_joint,
    stance_two_way,
)
from etl.context import ArticleContext
from etl.stance_cuebook import (
    _CONCERN_PREPOSITIONS,
    _PASSIVE_SUBJECTS,
    _SUBJECTS,
    Cue,
    CueBook,
    _Edge,
    first_person,
)
from etl.types import Statement


class _Verdicts:
    """Verdict, blame, feeling and joint cues (mixed into `etl.stances._StanceFinder`)."""

    ctx: ArticleContext
    statements: tuple[Statement, ...]
    cues: CueBook

    def _joint(self, verb: Token) -> Iterator[_Edge]:
        if self._demanded(verb):
            return  # "urged both sides to agree": the urging parties do not agree together
        for section, polarity in self.cues.polarity_sections("joint"):
            if self.cues.has(section, verb):
                if polarity == "neutral" and not self._contact_between_subjects(verb):
                    continue
                yield from self._among_subjects(verb, polarity, verb)
                return
        if any(
            o.dep_ == "dobj"
            and not self.cues.has("nominal neutral", o)
            and any(c.dep_ == "amod" and c.lower_ == "joint" for c in o.children)
            for o in verb.children
        ) and not (self.negated(verb) or self.has_modal(verb)):
            # "The two countries formed a joint panel": partners in a joint undertaking.
            yield from self._among_subjects(verb, "supportive", verb)
            return
        if any(
            c.dep_ == "advmod" and self.cues.has("jointly", c) for c in verb.children
        ) and not self.cues.has("veto supportive", verb):
            # "Russia and Turkey jointly brokered the deal": partners in whatever they did (not
            # states that "jointly blocked" a text: they shield a third party, see vetoes).
            yield from self._among_subjects(verb, "supportive", verb)

    def _failed_agreement(self, verb: Token) -> Iterator[_Edge]:
        """ "The presidents of Turkey, Iran and Russia failed to agree on a ceasefire": no pact,
        but they met and talked - each neutral toward the others."""
        head = verb.head
        if (
            verb.lemma_.lower() != "agree"
            or verb.dep_ != "xcomp"
            or head.lemma_.lower() != "fail"
            or self.has_modal(head)
            or self.suppressed(head)
        ):
            return
        subject, passive = self._own_subject(head)
        if subject is None or passive:
            return
        # "the presidents of A, B and C": the parties are named through their office.
        words = self.phrase(subject, deep=subject.pos_ == "NOUN")
        parties = self.one_per_side(self.actors_of(words))
        if len(parties) < 2:
            return
        for party in parties:
            others = tuple(p for p in parties if not self.same_side(p, party))
            if others:
                yield _Edge((party,), others, "neutral", verb)

    def _contact_between_subjects(self, verb: Token) -> bool:
        """ "Erdogan and Putin spoke by phone": a contact of the subject's parties with each
        other, not with an object or addressee of the verb ("spoke to reporters", "met the
        envoy"), and not one still planned ("will meet")."""
        if self.planned(verb) or self.has_modal(verb):
            return False
        subject, passive = self.subject_of(verb)
        if (
            subject is None
            or passive
            or not (
                any(c.dep_ == "conj" for c in subject.children)
                or stance_joint.is_parties_noun(self, subject)
            )
        ):
            return False  # "Venezuela's opposition leader spoke": one party, not two
        for child in verb.children:
            if child.dep_ in ("dobj", "dative", "ccomp"):
                return False
            if (
                child.dep_ == "prep"
                and child.lower_ in ("to", "with")
                and not any(g.lower_ in ("other", "another") for g in child.subtree)
            ):
                return False
        return True

    def _among_subjects(
        self, verb: Token, polarity: str, cue: Token, *, fellows: bool = False
    ) -> Iterator[_Edge]:
        """Each party of a conjoined subject toward the others; in someone's words, only the
        speaker's own side toward the others. `fellows`: participants of a gathering held
        ("held the fifth round of talks"), go-betweens and a country's "sides" left out."""
        subject, passive = self.subject_of(verb)
        if subject is not None and not passive:
            # "Delegations from Russia, Iran and Turkey held talks": a subject that names no
            # party itself stands for the bodies its "from" / "of" phrase lists
            parties = self.actors_of(self.phrase(subject, deep=False))
            if subject.pos_ == "NOUN" and self.mention_at(subject) is None:
                parties += [a for a in self._group_of(subject) if a not in parties]
            parties += stance_companions.companions(self, subject)
            if fellows:
                # talks held among a list that names a mediator ("... and the United Nations teams
                # held talks") or "the Syrian sides": those met together are neutral toward each
                # other, go-betweens left out (`stance_two_way._fellow_participants`), and a
                # country's warring sides are not its government
                sides_of = {
                    m.actor_id
                    for t in self.phrase(subject)
                    if t.dep_ == "amod"
                    and self.cues.has("parties noun", t.head)
                    and (m := self.mention_at(t)) is not None
                }
                parties = [
                    p
                    for p in parties
                    if p not in sides_of and not stance_two_way.go_between(self, p)
                ]
            # "(REUTERS, AFP) - Bangladesh and Myanmar agreed": a credited outlet is no party.
            parties = [
                p
                for p in parties
                if (actor := self.ctx.actors.get(p)) is None or actor.kind != "media"
            ]
            sides: dict[str, str] = {}
            for party in parties:
                sides.setdefault(self.side(party), party)
            if len(sides) < 2:
                return
            speaker = self.speaker(verb)
            if speaker:
                own = self.side(speaker[0])
                if own in sides:
                    others = tuple(p for s, p in sides.items() if s != own)
                    yield _Edge((sides[own],), others, polarity, cue)
                return
            for party in sides.values():
                yield _Edge((party,), tuple(p for p in sides.values() if p != party), polarity, cue)

    def _characterise(self, verb: Token) -> Iterator[_Edge]:
        """ "described Russia's conduct of the war as 'barbaric'", "called the vote a disgrace":
        the speaker's verdict on what the object's owner did."""
        if not self.cues.has("characterise", verb):
            return
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not objects:
            return
        verdict = [
            t
            for c in verb.children
            if c.dep_ in ("oprd", "xcomp", "ccomp", "attr", "advcl")
            or (c.dep_ == "prep" and c.lower_ == "as")
            for t in c.subtree
        ]
        verdict += [
            t
            for o in objects
            for c in o.children
            if c.dep_ in ("prep", "acl") and c.lower_ == "as"
            for t in c.subtree
        ]
        for polarity in ("critical", "supportive"):
            words = [
                t
                for t in verdict
                if self.cues.has(f"verdict {polarity}", t)
                or (polarity == "critical" and self.cues.has("blame critical", t))
            ]
            if not words or any(self.negated(w) for w in words):
                continue
            targets = self._targets(objects)
            sources = self.agents(verb) if targets else None
            if sources:
                yield _Edge(tuple(sources), tuple(targets), polarity, verb)
            return

    def _allege(self, verb: Token) -> Iterator[_Edge]:
        for section, polarity in self.cues.polarity_sections("allege"):
            if not self.cues.has(section, verb):
                continue
            clauses = [c for c in verb.children if c.dep_ == "ccomp"]
            subjects = [
                s for c in clauses for s in c.children if s.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS
            ]
            targets = self._targets(subjects)
            sources = self.agents(verb) if targets else None
            if sources:
                yield _Edge(tuple(sources), tuple(targets), polarity, verb)

    def _designate(self, verb: Token) -> Iterator[_Edge]:
        for section, polarity in self.cues.polarity_sections("designate"):
            if not self.cues.has(section, verb):
                continue
            objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
            naming = [
                t
                for c in verb.children
                if c.dep_ in ("oprd", "ccomp", "xcomp", "attr", "dobj")
                or (c.dep_ == "prep" and c.lower_ == "as")  # "listed it as a terrorist group"
                for t in c.subtree
            ]
            if not any(self.cues.has("blame object", t) for t in naming):
                continue
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                objects.extend(s for s in clause.children if s.dep_ in _SUBJECTS)
            if verb.dep_ == "relcl" and any(c.tag_ in ("WDT", "WP") for c in verb.children):
                # "the PKK, which Turkey and the State Department consider terrorists": the
                # relative word stands for the noun, however the parser hung it.
                objects = [verb.head]
            targets = self.actors_of(
                [t for o in objects for t in self.phrase(o, deep=False)], as_target=True
            )
            sources = self.agents(verb) if targets else None
            if sources:
                yield _Edge(tuple(sources), tuple(targets), polarity, verb)

    # ----------------------------------------------------------------------------- faults

    def holders(self, token: Token) -> list[str]:
        """Who a fault word is laid on: its possessor or modifier, its "by" agent, or the subject
        of the verb that carries it ("X bears responsibility", "X was ineffective")."""
        holders: list[str] = []
        if token.pos_ in ("NOUN", "PROPN"):
            holders += self.modifier_actors(token)
            for agent in self.prep_objects(token, {"by"}):
                holders += self._targets([agent])
            for pobj in self.prep_objects(token, {"in", "of"}):
                # "the fallacy in the U.S. policy": the policy's owner; a country named as the
                # place ("violations in Syria") is not a holder, nor a norm broken ("a violation
                # of the Chemical Weapons Convention", "of UN Security Council resolutions").
                if not self.cues.has("violated norm", pobj):
                    holders += self.modifier_actors(pobj)
            for participle in (c for c in token.children if c.dep_ == "acl"):
                for agent in self.prep_objects(participle, {"by"}):
                    holders += self._targets([agent])
        noun = token
        if token.dep_ == "amod":
            noun = token.head
            holders += self.modifier_actors(noun)
        carrier = noun.head
        if noun.dep_ in ("dobj", "attr", "acomp", "oprd", "xcomp") and carrier.pos_ in (
            "VERB",
            "AUX",
        ):
            if self.cues.has("blame carrier", carrier):
                holders += self._subject_actors(carrier)
        elif token.pos_ == "VERB" and token.dep_ not in ("amod", "acl"):
            holders += self._subject_actors(token)
        return list(dict.fromkeys(holders))

    def _subject_actors(self, verb: Token) -> list[str]:
        subject, passive = self.subject_of(verb)
        if passive:
            agents = self.prep_objects(verb, {"by"})
            subject = agents[0] if agents else None
        if subject is None:
            return []
        if subject.tag_ in ("WDT", "WP"):
            # "the Turkish regime, which continues to support the terrorists": the antecedent.
            clause = subject.head
            while clause.dep_ not in ("relcl", "acl") and clause.head.i != clause.i:
                clause = clause.head
            return self._targets([clause.head]) if clause.dep_ in ("relcl", "acl") else []
        return self._targets([subject])

    def _blame(self, token: Token) -> Iterator[_Edge]:
        for section, polarity in self.cues.polarity_sections("blame"):
            if not self.cues.has(section, token):
                continue
            if (
                token.pos_ == "VERB"
                and self.cues.has("act critical", token)
                and self._objects(token, Cue(token.lemma_))
            ):
                continue  # "Canada blamed Russia" is an act, handled there
            holders = self.holders(token)
            reporters = self.reporter(token) if holders else []
            if holders and reporters:
                yield _Edge(tuple(reporters), tuple(holders), polarity, token)
        yield from self._supports_terror(token)

    def located_faults(self) -> Iterator[_Edge]:
        """Blame words without a holder but with a place: "violations ... taking place in Syria"."""
        blame = [section for section, _ in self.cues.polarity_sections("blame")]
        for token in self.words.having(blame):  # the only words that may realise a blame cue
            if token.pos_ not in ("NOUN", "PROPN") or self.suppressed(token) or self.negated(token):
                continue
            if not any(
                self.cues.has(section, token) for section, _ in self.cues.polarity_sections("blame")
            ):
                continue
            if self.holders(token):
                continue
            places = self.prep_objects(token, {"in", "inside"})
            verb = token.head if token.dep_ in (_SUBJECTS | _PASSIVE_SUBJECTS) else None
            if verb is not None:
                places += self.prep_objects(verb, {"in", "inside"})
            countries = [
                a
                for a in self.actors_of(places, as_target=True)
                if (actor := self.ctx.actors.get(a)) is not None and actor.kind == "country"
            ]
            reporters = self.reporter(token) if countries else []
            if reporters:
                yield _Edge(tuple(reporters), tuple(countries), "critical", token)

    def _supports_terror(self, verb: Token) -> Iterator[_Edge]:
        """ "Erdogan's government supports terrorist organizations": an accusation against the supporter."""
        if verb.pos_ != "VERB" or not self.cues.has("act supportive", verb):
            return
        objects = [c for c in verb.children if c.dep_ == "dobj"]
        if not any(
            self.cues.has("blame object", t) for o in objects for t in self.phrase(o, deep=False)
        ):
            return
        holders = self._subject_actors(verb)
        reporters = self.reporter(verb) if holders else []
        if holders and reporters:
            yield _Edge(tuple(reporters), tuple(holders), "critical", verb)

    def _refusal(self, verb: Token) -> Iterator[_Edge]:
        """ "Canada does not accept Russia's annexation of Crimea": refusing to accept an actor's act."""
        if (
            verb.pos_ != "VERB"
            or not self.cues.has("negated acceptance", verb)
            or not self.negated(verb)
        ):
            return
        objects = [c for c in verb.children if c.dep_ in ("dobj", "ccomp")]
        targets = self._targets(
            [
                s
                for o in objects
                for s in (
                    [o] if o.dep_ == "dobj" else [c for c in o.children if c.dep_ in _SUBJECTS]
                )
            ]
        )
        sources = self.agents(verb) if targets else None
        if sources:
            yield _Edge(tuple(sources), tuple(targets), "critical", verb, negated=True)

    def _negated_praise(self, token: Token) -> Iterator[_Edge]:
        if not self.cues.has("negated praise", token) or not self.negated(token):
            return
        holders = self.holders(token)
        reporters = self.reporter(token) if holders else []
        if holders and reporters:
            yield _Edge(tuple(reporters), tuple(holders), "critical", token, negated=True)

    def _concern(self, token: Token) -> Iterator[_Edge]:
        # "concerned about X" (critical); "grateful to X" (supportive, etl/rules [gratitude]).
        kinds = (("concern", _CONCERN_PREPOSITIONS), ("gratitude", {"to"}))
        for kind, prepositions in kinds:
            yield from self._feeling(token, kind, prepositions)

    def _feeling(self, token: Token, kind: str, prepositions: set[str]) -> Iterator[_Edge]:
        for section, polarity in self.cues.polarity_sections(kind):
            if not self.cues.has(section, token):
                continue
            about = self.prep_objects(token, prepositions)
            if token.dep_ in ("dobj", "acomp") and token.head.pos_ in ("VERB", "AUX"):
                about += self.prep_objects(token.head, prepositions - {"by", "on", "with"})
            targets = self._targets(about)
            if polarity == "critical":
                # "appalled by an attack on an UNRWA school": the school's owner is the victim.
                victims = self._victims(t for a in about for t in a.subtree)
                targets = [t for t in targets if t not in victims]
            if not targets:
                continue
            sources = self.experiencer(token)
            if sources:
                yield _Edge(tuple(sources), tuple(targets), polarity, token)

    def _reacted_to(self, noun: Token, polarity: str) -> bool:
        """ "Canada condemned the attack on Israel", "appalled by the news of an attack on X": a
        hostile act that someone reacts to is not the reactor's own (its doer is unnamed)."""
        if polarity != "critical":
            return False
        current = noun
        for _ in range(4):
            head = current.head
            if head.i == current.i:
                return False
            if any(
                self.cues.has(section, head)
                for kind in ("act", "concern")
                for section, _ in self.cues.polarity_sections(kind)
            ):
                return True
            if current.dep_ not in ("dobj", "pobj", "prep"):
                return False
            current = head
        return False

    def _victims(self, tokens: Iterable[Token]) -> set[str]:
        """Actors named only as the owners of protected people or places ("an UNRWA school",
        "Gaza's hospitals")."""
        owners = [
            t
            for t in tokens
            if t.dep_ in ("compound", "poss", "amod") and self.cues.has("protected", t.head)
        ]
        return set(self.actors_of(owners))

    def _deed_agents(self, objects: Sequence[Token]) -> list[Token]:
        """ "condemned the killings committed by the RSF", "denounced the raid by the army": the
        doers of a condemned deed."""
        found = []
        for obj in objects:
            found += self.prep_objects(obj, {"by"})
            for clause in obj.children:
                if clause.dep_ == "acl" and clause.tag_ == "VBN":
                    found += self.prep_objects(clause, {"by"})
        return [t for f in found for t in (f, *self._conjuncts(f))]

    def experiencer(self, token: Token) -> list[str]:
        """Who feels a concern: the subject of "be concerned" / "voice concern", even a passive one."""
        verb = self.clause_verb(token)
        if verb.i != token.i and token.dep_ not in ("acomp", "dobj", "attr", "oprd"):
            return self.reporter(token)
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS), None)
        if subject is None:
            subject, _ = self.subject_of(verb)
        if subject is None or first_person(subject) or subject.pos_ == "PRON":
            return self.speaker(token)
        return self.actors_of(self.phrase(subject, deep=False)) or self.reporter(token)

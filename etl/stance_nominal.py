"""Stance rules for nouns: predicates and apposed roles, money pledged, omissions and nominal cues
("talks with Russia", "Russia's support for Assad")."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from etl import (
    stance_circumstances,
    stance_facts,
    stance_two_way,
)
from etl.context import ArticleContext
from etl.stance_cuebook import (
    _ADDRESSED_ONLY,
    _MET_PREPOSITIONS,
    _PASSIVE_SUBJECTS,
    _SUBJECTS,
    _TARGET_PREPOSITIONS,
    Cue,
    CueBook,
    _Edge,
    first_person,
)
from etl.types import Statement


class _Nominals:
    """Noun cues of the stance finder (mixed into `etl.stances._StanceFinder`)."""

    ctx: ArticleContext
    statements: tuple[Statement, ...]
    cues: CueBook

    def _predicate(self, noun: Token) -> Iterator[_Edge]:
        if noun.dep_ != "attr" or noun.head.lemma_ != "be":
            yield from self._apposed_role(noun)
            return
        if self.lapsed(noun):
            return
        for section, polarity in self.cues.polarity_sections("predicate"):
            if self.cues.match(section, noun) is None:
                continue
            targets = self._targets(self.prep_objects(noun, {"of"}))
            sources = self.agents(noun.head) if targets else None
            if sources:
                yield _Edge(tuple(sources), tuple(targets), polarity, noun)

    def lapsed(self, noun: Token) -> bool:
        """A role held no longer or in name only: "a former ally", "Armenia's nominal ally"."""
        return any(c.dep_ == "amod" and self.cues.has("lapsed", c) for c in noun.children)

    def _apposed_role(self, noun: Token) -> Iterator[_Edge]:
        """ "Iran, Assad's main regional ally, ...", "Poland, a staunch supporter of Ukraine": a role
        noun set off after an actor's name states that actor's relation."""
        holder = self._apposed_to(noun)
        if holder is None or self.lapsed(noun):
            return
        for section, polarity in self.cues.polarity_sections("predicate"):
            if not any(cue.lemma == noun.lemma_.lower() for cue in self.cues.cues(section)):
                continue
            owners = [c for c in noun.children if c.dep_ == "poss"]
            targets = self._targets(owners + self.prep_objects(noun, {"of"}))
            sources = [
                a for a in self.actors_of(self.phrase(holder, deep=False)) if a not in targets
            ]
            if targets and sources:
                yield _Edge(tuple(sources), tuple(targets), polarity, noun, context=True)

    def _apposed_to(self, noun: Token) -> Token | None:
        """The name a noun phrase is in apposition to; the parser sometimes attaches the
        apposition elsewhere, so "NAME, <noun phrase>," counts too."""
        if noun.dep_ == "appos":
            return noun.head
        first = min(t.i for t in noun.subtree)
        doc = noun.doc
        if noun.dep_ == "pobj" and noun.head.lower_ == "as" and noun.head.i >= 2:
            # "Russia and Iran, as supporters of the Assad regime, ...": the names set off before
            # "as"; a plural role covers every name of the list.
            name = doc[noun.head.i - 2] if doc[noun.head.i - 1].text == "," else None
            if name is None or self.mention_at(name) is None or name.pos_ != "PROPN":
                return None
            while noun.tag_ == "NNS" and name.dep_ == "conj" and name.head.i < name.i:
                name = name.head
            return name
        if noun.dep_ in ("npadvmod", "dep", "conj") and first >= 2 and doc[first - 1].text == ",":
            name = doc[first - 2]
            if self.mention_at(name) is not None and name.pos_ == "PROPN":
                return name
        return None

    def _money(self, token: Token) -> Iterator[_Edge]:
        """ "announced $50 million in humanitarian assistance for Ukraine", "EUR 1 billion from the EU
        budget for reconstruction in Turkey": money given is support for its recipient."""
        amount = token.head if token.tag_ == "$" else token
        if token.tag_ != "$" or amount.pos_ != "NUM" or amount.dep_ == "compound":
            return
        recipients: list[Token] = []
        givers: list[Token] = []
        holders = [
            amount,
            *(c for c in amount.children if c.dep_ == "prep" and c.lower_ in ("in", "of")),
        ]
        if amount.dep_ == "pobj" and amount.head.lower_ == "including":
            holders.append(amount.head)
        if amount.dep_ == "dobj":
            holders.append(amount.head)  # "pledged $300 million for Ukraine": the parser's choice
        for holder in list(holders):
            for pobj in self.prep_objects(holder, None):
                holders.append(pobj)
        for holder in holders:
            for prep in (c for c in holder.children if c.dep_ == "prep"):
                for pobj in (c for c in prep.children if c.dep_ == "pobj"):
                    if prep.lower_ in ("for", "to"):
                        recipients.append(pobj)
                    elif prep.lower_ == "from":
                        givers.append(pobj)
                    elif prep.lower_ == "in" and (
                        holder.lower_ == "including" or self.cues.has("money purpose", holder)
                    ):
                        recipients.append(pobj)
        for pobj in list(recipients):
            if self.cues.has("money purpose", pobj):
                recipients.extend(self.prep_objects(pobj, {"in", "to"}))
                # "pledged £10 million for relief in Libya": the parser may hang "in" on the verb.
                recipients.extend(
                    o for h in holders if h.pos_ == "VERB" for o in self.prep_objects(h, {"in"})
                )
        targets = self._targets(recipients)
        if not targets:
            return
        sources = [
            a
            for g in givers
            for a in self.actors_of([t for t in self.phrase(g, deep=False) if t is not g])
        ]
        if not sources:
            verb = self.clause_verb(amount)
            sources = self.agents(verb) or [] if verb is not amount else self.speaker(amount)
        sources = [a for a in sources if a not in targets]
        if sources:
            yield _Edge(tuple(sources), tuple(targets), "supportive", amount)

    def _omission(self, verb: Token) -> Iterator[_Edge]:
        """ "we abstained because the text did not condemn Hamas": a complaint that a document
        fails to condemn an actor is the speaker's charge against that actor."""
        if verb.pos_ != "VERB" or not self.cues.has("act critical", verb) or not self.negated(verb):
            return
        subject, passive = self._own_subject(verb)
        if subject is None or passive or not self.cues.has("document", subject):
            return
        targets = self._targets(self._objects(verb, Cue(verb.lemma_.lower())))
        reporters = self.reporter(verb) if targets else []
        if reporters:
            yield _Edge(tuple(reporters), tuple(targets), "critical", verb, negated=True)

    def _sanction_in_force(self, noun: Token) -> bool:
        """A sanction noun taken by a verb or noun that lifts, eases or escapes it ("lifted
        sanctions on Syria", "the easing of sanctions on Iran", "sanctions ... were waived") is
        no critical act; nor one an imposing verb only plans ("will extend the sanctions next
        month") or is denied. Other nouns and other verbs ("demanded sanctions") are left alone."""
        if not self.cues.has("sanction noun", noun):
            return True
        taker = noun.head
        if noun.dep_ == "pobj" and taker.lower_ == "of":
            taker = taker.head  # "the lifting of sanctions on Syria"
        elif noun.dep_ not in ("dobj", "nsubjpass", "nsubj", "conj"):
            return True
        if taker.i == noun.i:
            return True
        if self.cues.has("sanction lifting", taker):
            return False
        if taker.pos_ == "VERB" and self.cues.has("sanction imposing", taker):
            return not (
                self.negated(taker)
                or self.has_modal(taker)
                or self.planned(taker)
            )  # fmt: skip
        return True

    def _nominal(self, noun: Token) -> Iterator[_Edge]:
        for section, polarity in self.cues.polarity_sections("nominal"):
            cue = self.cues.match(section, noun)
            if cue is None:
                continue
            words = (
                {cue.dependent}
                if cue.dependent in _TARGET_PREPOSITIONS | {"of"}
                else _MET_PREPOSITIONS
                if polarity == "neutral"
                else _TARGET_PREPOSITIONS
            )
            aimed = self.prep_objects(noun, words)
            if noun.dep_ == "dobj" and not cue.dependent:
                # "expressed solidarity with Israel": the parser often hangs the phrase on the verb.
                aimed += self.prep_objects(noun.head, words - {"in"})
            targets = self._targets(aimed)
            if not targets:
                held = _held_through(noun) if polarity == "neutral" else noun
                if (
                    polarity in ("supportive", "neutral")
                    and noun.lemma_.lower() not in _ADDRESSED_ONLY
                ):
                    if held.dep_ == "dobj":
                        # "Russia and China pledged to deepen cooperation", "Trump, Macron and
                        # May held phone consultations", "... held the fifth round of peace
                        # talks": a relation among the subjects.
                        yield from self._among_subjects(
                            held.head, polarity, noun, fellows=held is not noun
                        )
                    elif polarity == "neutral" and _state_of_contact(noun):
                        # "Russia and Turkey are in talks on Idlib", "both governments are in
                        # discussion": contact the subjects are in with each other.
                        yield from self._among_subjects(
                            noun.head.head, polarity, noun, fellows=True
                        )
                continue
            if polarity == "neutral" and any(
                c.dep_ in ("amod", "compound") and self.cues.has("indirect contact", c)
                for c in noun.children
            ):
                continue  # "proximity talks between A and B": A and B never met
            if polarity == "neutral" and self.prep_objects(noun, {"between"}):
                # "talks between the army and the RSF": those who met, not whoever mentions it.
                parties = self.one_per_side(stance_facts.event_parties(self, [noun]))
                for party in parties:
                    others = tuple(p for p in parties if p != party)
                    if others:
                        yield _Edge((party,), others, polarity, noun)
                continue
            verb = self.clause_verb(noun)
            if (
                verb.dep_ == "prep"
                and stance_circumstances.is_circumstance(noun)
                and verb.head.pos_ in ("VERB", "AUX")
            ):
                verb = verb.head  # "changed its policy following a meeting with ...": "changed"
            if polarity == "critical" and not self._sanction_in_force(noun):
                continue  # "The EU lifted sanctions on Syria": no critical act
            negated = False
            if polarity != "critical" and verb is not noun and self.cues.has("breaker", verb):
                polarity, negated = "critical", True
            owners = [c for c in noun.children if c.dep_ == "poss"]
            sources = self.actors_of([t for o in owners for t in self.phrase(o, deep=False)])
            if not owners:
                # "new EU sanctions against Russia", "Russian support for Assad": the modifier owns it.
                modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod")]
                sources = [a for a in self.actors_of(modifiers) if a not in targets]
                owners = modifiers if sources else []
            if any(first_person(o) for o in owners):
                sources = self.speaker(noun)
            elif (
                owners
                and all(o.tag_ == "PRP$" for o in owners)
                and noun.dep_ == "dobj"
                and self.subject_of(verb)[0] is not None
            ):
                # "The sides expressed their gratitude to Kazakhstan": "their" is the subject's.
                sources = self.agents(verb) or sources
            elif (
                not sources
                and not owners
                and noun.dep_ not in _SUBJECTS | _PASSIVE_SUBJECTS
                and not (
                    stance_circumstances.is_circumstance(noun)
                    # "made the decision after discussions with Erdogan": contact "with" a named
                    # partner is the clause's subject's own, the occasion it acts on
                    and not (polarity == "neutral" and self.prep_objects(noun, {"with"}))
                )
                and not self._reacted_to(noun, polarity)
            ):
                # "aid for Syria is channelled through the UN": a subject noun's giver is not said.
                sources = stance_two_way.war_wager(self, noun, verb) or (
                    self.agents(verb) if verb is not noun else self.speaker(noun)
                )
            if sources:
                yield _Edge(tuple(sources), tuple(targets), polarity, noun, negated)


# Nouns that count or divide contact without being any ("the fifth round of peace talks", "a new
# session of consultations"): what is held is the contact they are "of".
_CONTACT_PARTS = {"round", "session", "series", "cycle"}


def _held_through(noun: Token) -> Token:
    """The word that takes a contact noun as a verb's object: itself, or the part noun it is
    "of" ("held the fifth round of Syrian peace talks" -> "round")."""
    prep = noun.head
    if (
        noun.dep_ == "pobj"
        and prep.lower_ == "of"
        and prep.head.pos_ == "NOUN"
        and prep.head.lemma_.lower() in _CONTACT_PARTS
    ):
        return prep.head
    return noun


# Verbs whose subject is "in" a contact ("are in talks", "remain in contact").
_IN_CONTACT = {"be", "remain", "stay", "engage"}


def _state_of_contact(noun: Token) -> bool:
    """ "are in talks", "were in discussion", "remain in contact": a contact noun after "in" on a
    verb of being, with no partner of its own."""
    prep = noun.head
    return (
        noun.dep_ == "pobj"
        and prep.lower_ == "in"
        and prep.dep_ == "prep"
        and prep.head.lemma_.lower() in _IN_CONTACT
        and prep.head.pos_ in ("VERB", "AUX")
    )

"""Stance rules: common nouns and pronouns resolved within the article ("the council", "the
resolution", "both sides", "it") and patrons named by a participle ("Saudi-backed")."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.stance_cuebook import (
    _NUMBER_WORDS,
    CueBook,
    _Edge,
)
from etl.types import Statement


class _References:
    """Article-wide references of the stance finder (mixed into `etl.stances._StanceFinder`)."""

    ctx: ArticleContext
    statements: tuple[Statement, ...]
    cues: CueBook

    def _country_owned(self, tokens: Iterable[Token]) -> set[str]:
        """Bodies of no known country named with a country's possessive ("India's Ministry of
        External Affairs"): the country speaks through them, so they are not a side of their own."""
        owned = set()
        for token in tokens:
            mention = self.mention_at(token)
            if token.dep_ != "poss" or mention is None:
                continue
            owner = self.ctx.actors.get(mention.actor_id)
            body = self.mention_at(token.head)
            actor = self.ctx.actors.get(body.actor_id) if body is not None else None
            if (
                owner is not None
                and owner.kind == "country"
                and actor is not None
                and actor.kind in ("organization", "government")
                and not actor.country_id
            ):
                owned.add(actor.actor_id)
        return owned

    def _group_size(self, noun: Token) -> int:
        """N for "the three countries", "both governments"; 0 when the noun is no such group."""
        if noun.tag_ != "NNS" or not self.cues.has("country group", noun):
            return 0
        for child in noun.children:
            if child.dep_ == "nummod":
                word = child.lower_
                return _NUMBER_WORDS.get(word, int(word) if word.isdigit() else 0)
            if child.lower_ == "both" and child.dep_ in ("det", "preconj", "predet"):
                return 2
        return 0

    def _country_group(self, noun: Token) -> list[str]:
        """The list of that many countries named together most often before `noun`, the latest
        on a tie ("Turkey and Syria" throughout a story, not a pair named once in passing)."""
        size = self._group_size(noun)
        doc = self.ctx.doc
        lists: dict[tuple[str, ...], tuple[int, int]] = {}
        for token in doc[: noun.i]:
            if token.dep_ in ("conj", "appos") or not any(
                c.dep_ in ("conj", "appos") for c in token.children
            ):
                continue
            # "Mali, Burkina Faso and Niger" may be parsed as an apposition with a conjunct.
            members = [token, *self._conjuncts(token, ("conj", "appos"))]
            countries: list[str] = []
            for member in members:
                mention = self.mention_at(member)
                actor = self.ctx.actors.get(mention.actor_id) if mention is not None else None
                if (
                    actor is not None
                    and actor.kind == "country"
                    and actor.actor_id not in countries
                ):
                    countries.append(actor.actor_id)
            if len(countries) == size:
                key = tuple(countries)
                seen = next((k for k in lists if set(k) == set(key)), key)
                lists[seen] = (lists.get(seen, (0, 0))[0] + 1, token.i)
        return list(max(lists, key=lambda k: lists[k])) if lists else []

    def _the_country(self, noun: Token) -> str | None:
        """The country named most often (by name, alias or capital) before `noun`, the first named
        on a tie (a story names its subject early)."""
        counts: dict[str, tuple[int, int]] = {}
        for mention in self.ctx.mentions_in(0, noun.idx):
            actor = self.ctx.actors.get(mention.actor_id)
            if actor is None or actor.kind != "country" or mention.how in ("demonym", "pronoun"):
                continue
            seen, first = counts.get(actor.actor_id, (0, -mention.char_start))
            counts[actor.actor_id] = (seen + 1, first)
        return max(counts, key=lambda a: counts[a]) if counts else None

    def _antecedent(self, pronoun: Token) -> str | None:
        """The nearest earlier actor in the sentence: a person for his/her, else a non-person."""
        wants_person = pronoun.lower_ in ("his", "her")
        sent = pronoun.sent
        for mention in reversed(self.ctx.mentions_in(sent.start_char, pronoun.idx)):
            actor = self.ctx.actors.get(mention.actor_id)
            # Pronoun mentions are themselves guesses; chaining guesses compounds their errors.
            if actor is None or mention.how in ("demonym", "pronoun"):
                continue
            if (actor.kind == "person") == wants_person:
                return mention.actor_id
        return None

    # ----------------------------------------------------------------------------- patrons

    def _hyphen_patrons(self, participle: Token) -> list[Token]:
        """The words before the hyphen of "Saudi-led", "Iran-backed" (the patron's name)."""
        doc = participle.doc
        if participle.i < 2 or doc[participle.i - 1].text not in ("-", "\u2010", "\u2011"):
            return []
        return [
            c
            for c in participle.children
            if c.i < participle.i and c.dep_ not in ("punct", "det", "advmod")
        ]

    def _is_patron(self, token: Token) -> bool:
        participle = token.head
        return token in self._hyphen_patrons(participle) and (
            self.cues.has("patron leader", participle)
            or self.cues.has("patron supportive", participle)
        )

    def _patron_participle(self, token: Token) -> bool:
        """A backing participle whose patron is not part of the backed noun phrase."""
        return self.cues.has("patron supportive", token) and (
            bool(self._hyphen_patrons(token))
            or any(c.dep_ == "agent" for c in token.children)
            or bool(self._setting_agents(token))
        )

    def _setting_agents(self, participle: Token) -> list[Token]:
        """ "backed in the war by Russia and Iran": the parser hangs the agent on the setting."""
        return [
            agent
            for setting in self.prep_objects(participle, {"in", "during", "throughout"})
            for agent in self.prep_objects(setting, {"by"})
        ]

    def _led_nouns(self) -> dict[str, str]:
        """Nouns the article ties to one leader ("the Saudi-led coalition" -> coalition: Saudi Arabia)."""
        leaders: dict[str, set[str]] = {}
        for token in self.words.having(["patron leader"]):
            if token.dep_ != "amod" or not self.cues.has("patron leader", token):
                continue
            patrons = self._hyphen_patrons(token)
            actors = {m.actor_id for t in patrons if (m := self.mention_at(t)) is not None}
            named = self.mention_at(token.head)
            if named is not None and named.actor_id not in actors:
                # "the Saudi-led coalition" is a body of its own in the gazetteer: "the
                # coalition" later is that body, not its leader.
                actors = {named.actor_id}
            if actors and token.head.pos_ == "NOUN":
                leaders.setdefault(token.head.lemma_.lower(), set()).update(actors)
        return {noun: next(iter(actors)) for noun, actors in leaders.items() if len(actors) == 1}

    @staticmethod
    def _definite(noun: Token) -> bool:
        return any(
            c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in noun.children
        ) and not any(
            c.dep_ in ("poss", "compound", "amod") and c.pos_ == "PROPN" for c in noun.children
        )

    def _definite_nouns(self) -> dict[str, str]:
        """Common nouns that name one body in this article: the last word of a body's name
        ("Security Council" -> council) and members named by their body ("ministers from the G7")."""
        bodies: dict[str, set[str]] = {}
        for mention in self.ctx.mentions:
            actor = self.ctx.actors.get(mention.actor_id)
            if (
                actor is None
                or actor.kind not in ("intergovernmental", "organization")
                or mention.how == "pronoun"
            ):
                continue
            span = self.ctx.doc.char_span(
                mention.char_start, mention.char_end, alignment_mode="expand"
            )
            if span is None or len(span) < 2:
                continue
            last = span[-1]
            if last.is_alpha and last.pos_ in ("NOUN", "PROPN"):
                bodies.setdefault(last.lower_, set()).add(actor.actor_id)
                # "of" phrases name members: "Foreign ministers from the Group of Seven".
            owner = span.root
            while owner.dep_ in ("nmod", "compound", "appos") and owner.head.i != owner.i:
                owner = owner.head
            prep = owner.head
            if owner.dep_ == "pobj" and prep.lower_ in ("from", "of"):
                member = prep.head
                if member.pos_ == "NOUN" and member.tag_ == "NNS":
                    bodies.setdefault(member.lower_, set()).add(actor.actor_id)
        return {noun: next(iter(ids)) for noun, ids in bodies.items() if len(ids) == 1}

    def _adopted_documents(self) -> dict[str, str]:
        """Documents the article says one actor adopted ("the council passed a resolution")."""
        adopters: dict[str, set[str]] = {}
        for verb in self.words.having(["adopter"]):
            if verb.pos_ != "VERB" or not self.cues.has("adopter", verb):
                continue
            subject, passive = self._own_subject(verb)
            if passive:
                documents = [subject] if subject is not None else []
                agents = self.prep_objects(verb, {"by"})
            else:
                documents = [c for c in verb.children if c.dep_ == "dobj"]
                agents = [subject] if subject is not None else []
            actors = {a for agent in agents for a in self.actors_of(self.phrase(agent, deep=False))}
            for document in documents:
                if (
                    document is not None
                    and self.cues.has("document", document)
                    and len(actors) == 1
                ):
                    adopters.setdefault(document.lemma_.lower(), set()).update(actors)
        return {noun: next(iter(ids)) for noun, ids in adopters.items() if len(ids) == 1}

    def _patronage(self, participle: Token) -> Iterator[_Edge]:
        """ "Yemen's Saudi-backed government", "militias backed by Iran": the patron supports the
        owner of the backed phrase."""
        if not self._patron_participle(participle) or participle.dep_ not in ("amod", "acl"):
            return
        patrons = self.actors_of(self._hyphen_patrons(participle))
        for agent in self.prep_objects(participle, {"by"}) + self._setting_agents(participle):
            for conjunct in (agent, *self._conjuncts(agent)):
                # "troops backed by a coalition and the Iran-aligned Houthis": a conjunct with a
                # patron of its own is a second party the parser hung here, not a co-patron.
                if any(self._patron_participle(c) for c in conjunct.children):
                    continue
                patrons += self.actors_of(self._conjunct(conjunct))
        if not patrons:
            return
        backed = [a for a in self.actors_of(self._conjunct(participle.head)) if a not in patrons]
        named = participle.head
        while not backed and named.dep_ == "compound" and named.head.pos_ == "PROPN":
            # "the Saudi-backed armed rebel group Army of Islam, or Jaish al-Islam": the backed
            # noun only describes the name it is compounded into.
            named = named.head
            backed = [a for a in self.actors_of(self.phrase(named, deep=False)) if a not in patrons]
        doc = participle.doc
        if not backed and participle.i >= 2 and doc[participle.i - 1].text in ("—", "–", ","):
            # "the inclusion in the HNC - backed by Washington - of rebels": set off by a dash,
            # the participle describes the name just before it, wherever the parser hung it.
            before = self.mention_at(doc[participle.i - 2])
            if before is not None and before.actor_id not in patrons:
                backed = [before.actor_id]
        if not backed and participle.head.pos_ == "NOUN":
            # "the Russia-backed offensive by Assad's regime": the act's doer is the one backed.
            agents = self.prep_objects(participle.head, {"by"})
            backed = [a for a in self.actors_of(t for g in agents for t in self._conjunct(g))]
            backed = [a for a in backed if a not in patrons]
        if backed:
            # Backing named by a participle is background ("the HNC - backed by Washington"),
            # not the claim of whoever's words it sits in.
            yield _Edge(
                tuple(dict.fromkeys(patrons)), tuple(backed), "supportive", participle, context=True
            )

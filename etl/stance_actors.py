"""Stance rules: which actors a phrase names, and who may hold a stance or stands for which side."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.stance_cuebook import (
    _DEEP_PREPOSITIONS,
    _LINK_PARTICIPLES,
    _NOUN_MODIFIERS,
    CueBook,
    _Edge,
    first_person,
)
from etl.types import Mention, Statement


class _ActorLookup:
    """Actor lookups of the stance finder (mixed into `etl.stances._StanceFinder`)."""

    ctx: ArticleContext
    statements: tuple[Statement, ...]
    cues: CueBook

    def may_hold_stance(self, actor_id: str) -> bool:
        """A person found only in this article and tied to no country (a resident, a driver, a
        shopkeeper quoted for colour) speaks for nobody in foreign policy: their blame or praise is
        no stance of a government, organisation or known figure. An outlet found only in the
        text ("the Sky news agency reports") reports others' acts: they are no stance of its."""
        actor = self.ctx.actors.get(actor_id)
        if actor is not None and actor.kind == "media" and actor.source == "discovered":
            return False
        if (
            actor is not None
            and actor.kind == "person"
            and actor.source == "discovered"
            and actor.country_id is None
        ):
            return self._legislator(actor_id)
        return True

    def _legislator(self, actor_id: str) -> bool:
        """A member who speaks a labelled turn of a parliamentary record ("Elizabeth May: Mr.
        Speaker, ..."): GOLD.md's conventions record legislators who do not speak for the
        government by their own name, so they hold stances with no country."""
        if not _PARLIAMENT_PAGE.search(self.ctx.body):
            return False
        return any(s.speaker_id == actor_id and s.cue == "transcript" for s in self.statements)

    def tells_the_news(self, actor_id: str, statement: Statement | None) -> bool:
        """A news outlet, or the source an account is cited from ("according to Yemeni
        officials"): reporting a strike is no stance of theirs."""
        actor = self.ctx.actors.get(actor_id)
        if actor is not None and actor.kind == "media":
            return True
        return (
            statement is not None
            and statement.cue == "according to"
            and self.side(statement.speaker_id or "") == self.side(actor_id)
        )

    def unclaimed(self, sources: Sequence[str], edge: _Edge) -> list[str]:
        """Sources whose act is the article's account, not a party's claim about them.

        "Ukraine said Iran supported Russia with drones" is Ukraine's charge, not an established
        act of Iran's: inside the words of a government or body, a relation between two others
        (neither the claimant nor its target) is the claimant's allegation and yields no edge of
        theirs. A victim's own account ("Kyiv said Russia attacked Ukraine") still counts, and an
        outlet's report ("Reuters reported that Poland condemned Belarus") is narration.
        """
        claimants = [c for c in self._claimed_by(edge.cue) if self._is_party(c)]
        if not claimants:
            return list(sources)
        claimed = {self.side(c) for c in claimants}
        if any(self.side(t) in claimed for t in edge.targets):
            return list(sources)
        if any(self.side(s) in claimed for s in edge.sources):
            # "Freeland said Canada, along with Peru, referred ...": the claimant vouches for an
            # act its own side took part in, and so for its partners in it.
            return list(sources)
        return [s for s in sources if self.side(s) in claimed]

    def _claimed_by(self, token: Token) -> list[str]:
        """Who asserts the clause a token is in: the subject of the nearest verb of saying above it
        ("Ukraine said ..."), else the speaker of a direct quotation around it. Verbs of judging
        ("Canada condemned Russia's attack") take the act as given and claim nothing."""
        current = token
        for _ in range(12):
            if current.head.i == current.i:
                break
            below, current = current, current.head
            if current.pos_ in ("VERB", "AUX") and self.cues.has("claim", current):
                if below.dep_ == "prep" and below.i < current.i:
                    # "During the meeting with Turkey and Russia, he added: ...": the setting
                    # of the words, told by the article, not what they claim.
                    return []
                subject, passive = self._own_subject(current)
                if subject is None or passive:
                    continue
                if first_person(subject):
                    return self.speaker(current)
                return self.actors_of(self.phrase(subject, deep=False))
        statement = self.statement_at(token)
        if statement is not None and statement.is_direct and statement.speaker_id:
            return [statement.speaker_id]
        return []

    def _is_party(self, actor_id: str) -> bool:
        """A government, body or official whose claims are positions, not reporting."""
        actor = self.ctx.actors.get(actor_id)
        if actor is None:
            return False
        if actor.kind in ("country", "government", "intergovernmental"):
            return True
        return actor.kind == "person" and actor.country_id is not None

    def side(self, actor_id: str) -> str:
        """What an actor stands for when sides are compared: people and governments -> country."""
        actor = self.ctx.actors.get(actor_id)
        if actor_id in self.opposition:
            return actor_id  # an opposition leader does not speak for the government
        if actor is not None and actor.kind in ("person", "government") and actor.country_id:
            return actor.country_id
        return actor_id

    def one_per_side(self, actor_ids: Iterable[str]) -> list[str]:
        """One actor per side, the most specific: "Canada's Defence Minister" is the minister,
        "Syrian President Bashar al-Assad" is Assad (a person still stands for the country)."""
        rank = {"person": 0, "government": 1}
        best: dict[str, str] = {}
        for actor_id in actor_ids:
            side = self.side(actor_id)
            kind = self.ctx.actors[actor_id].kind if actor_id in self.ctx.actors else ""
            current = best.get(side)
            current_kind = self.ctx.actors[current].kind if current in self.ctx.actors else ""
            if current is None or rank.get(kind, 2) < rank.get(current_kind, 2):
                best[side] = actor_id
        # "recognized Venezuelan opposition leader X": the demonym describes X, it is no target.
        described = {self.ctx.actors[a].country_id for a in best.values() if a in self.opposition}
        return [a for s, a in best.items() if s not in described]

    def same_side(self, a: str, b: str) -> bool:
        return self.side(a) == self.side(b)

    def mention_at(self, token: Token) -> Mention | None:
        for mention in self.ctx.mentions_in(token.idx - 200, token.idx + len(token.text) + 200):
            if mention.char_start < token.idx + len(token.text) and mention.char_end > token.idx:
                return mention
        return None

    def actors_of(self, tokens: Iterable[Token], *, as_target: bool = False) -> list[str]:
        """Actors named by tokens, in order; possessive pronouns resolve within the sentence."""
        found: list[str] = []
        for token in sorted(set(tokens), key=lambda t: t.i):
            if _after_anti(token):
                continue  # "anti-Damascus militant groups": whom the groups oppose, no party
            mention = self.mention_at(token)
            actor_id = None
            if mention is not None:
                # "urged Syrians to return": a demonym used as a noun names people, not a government.
                if (
                    as_target
                    and mention.how == "demonym"
                    and token.pos_ != "ADJ"
                    and token.dep_ not in ("amod", "compound", "poss")
                    and not self._is_patron(token)
                ):
                    continue
                # "supports Syrian refugees": a demonym on civilians or refugees names people too.
                if (
                    as_target
                    and mention.how == "demonym"
                    and self.cues.has("protected", token.head)
                ):
                    continue
                # "support for Ukraine refugees", "Syria's children", "the children of Syria":
                # a country named only as whose refugees, children or hospitals they are is the
                # place they belong to, not a party helped or harmed (its people, "the people of
                # Syria", are left to `etl.stance_peoples`).
                if as_target and self._owns_protected(token):
                    continue
                # "the Syrian National Coalition": a demonym inside an unknown name is not the country.
                if (
                    mention.how == "demonym"
                    and token.pos_ == "PROPN"
                    and token.dep_ == "compound"
                    and token.head.pos_ == "PROPN"
                    and self.mention_at(token.head) is None
                ):
                    continue
                actor_id = mention.actor_id
            elif token.tag_ == "PRP$" and token.lower_ in ("his", "her", "its", "their"):
                actor_id = self._antecedent(token)
            elif token.pos_ == "NOUN" and token.lemma_.lower() in self.led:
                # "the coalition" after "the Saudi-led coalition": the leader's force.
                actor_id = self.led[token.lemma_.lower()]
            elif token.pos_ == "NOUN" and self._group_size(token):
                # "the three countries": the last list of that many countries named together.
                for member in self._country_group(token):
                    if member not in found:
                        found.append(member)
                continue
            elif token.lower_ in _BARE_GOVERNMENTS and self._bare_definite(token):
                # "The government, backed by Russia and Iran, ...": the story's government.
                actor_id = self._the_government(token)
            elif as_target and token.lower_ == "country" and self._definite(token):
                # "sent planes to the country": the country the article is about so far.
                actor_id = self._the_country(token)
            elif (
                (token.pos_ == "NOUN" or token.is_lower)
                and token.lower_ in self.definite
                and self._definite(token)
            ):
                # "the council" after "the UN Security Council", "the ministers" after
                # "ministers from the G7": the one body the article named that way.
                actor_id = self.definite[token.lower_]
            if actor_id and actor_id not in found:
                found.append(actor_id)
        described = self._described_countries(tokens)
        return [a for a in found if a not in self._country_owned(tokens) and a not in described]

    def _owns_protected(self, token: Token) -> bool:
        """A name that only says whose protected people or things a noun names: its possessor or
        modifier ("Syria's children", "Ukraine refugees") or the object of its "of" / "from"
        ("the children of Syria", "refugees from Syria")."""
        head = token.head
        if token.dep_ == "pobj" and head.lower_ in ("of", "from") and head.dep_ == "prep":
            head = head.head
        elif token.dep_ not in ("poss", "compound", "nmod"):
            return False
        if head.i == token.i or head.pos_ != "NOUN":
            return False
        if self.cues.has("protected", head) and not self.cues.has("people of", head):
            return True
        # "the violation of Ukraine's sovereignty", "breaches of the Iran deal": whose norm a
        # fault breaks is the party wronged or bound, never the one it is laid on or aimed at
        return self.cues.has("violated norm", head) and self._broken(head)

    def _broken(self, norm: Token) -> bool:
        """A norm named as what a fault breaks: the "of" / "in" object of a fault noun ("a
        violation of the ceasefire", "in breach of the deal") or the object of a fault verb
        ("violated the sovereignty of Ukraine")."""
        if norm.dep_ == "pobj" and norm.head.lower_ in ("of", "in") and norm.head.dep_ == "prep":
            fault = norm.head.head
        elif norm.dep_ == "dobj":
            fault = norm.head
        else:
            return False
        return fault.i != norm.i and self.cues.has("blame critical", fault)

    @staticmethod
    def _bare_definite(noun: Token) -> bool:
        """ "the government", "the regime" with nothing that says whose ("the government of
        Syria", "Syria's government" and "the Assad regime" are resolved by their names)."""
        if noun.pos_ not in ("NOUN", "PROPN"):
            return False
        children = list(noun.children)
        return any(c.dep_ == "det" and c.lower_ == "the" for c in children) and not any(
            c.dep_ in ("poss", "compound", "amod", "nmod")
            or (c.dep_ == "prep" and c.lower_ in ("of", "in"))
            for c in children
        )

    def _the_government(self, noun: Token) -> str | None:
        """Whose "the government" is: the speaker's own country when someone who speaks for a
        country says it ("the Government have moved", said by an MP), else the country the
        article is about so far. "The regime" is never the speaker's own government."""
        own = self._speakers_country(noun)
        if noun.lower_ == "government" and own is not None:
            return own
        country = self._story_government(noun)
        return None if country is not None and country == own else country

    def _speakers_country(self, token: Token) -> str | None:
        """The country of the one whose words `token` is in, when they speak for one."""
        statement = self.statement_at(token)
        speaker = self.ctx.actors.get(statement.speaker_id or "") if statement else None
        if speaker is not None and speaker.kind in ("country", "government"):
            return speaker.country_id or speaker.actor_id
        if speaker is not None and speaker.kind == "person":
            return speaker.country_id
        return None

    def _story_government(self, noun: Token) -> str | None:
        """The country whose government the article has named most before `noun` (by its name,
        capital or its government's own name: "Syria", "Damascus", "the Syrian army"), leaving out
        countries named in the noun's own sentence ("The government, backed by Russia and Iran":
        the backers are not the government). A government just named with its country or seat,
        earlier in the noun's sentence or in the one before ("The government in Kyiv condemned
        the attack, and the government thanked ..."), comes first: its country, or none when the
        place it is named by is no country's name or capital."""
        just_named = self._government_just_named(noun)
        if just_named is not None:
            return just_named or None
        sentence = {
            m.actor_id for m in self.ctx.mentions_in(noun.sent.start_char, noun.sent.end_char)
        }
        counts: dict[str, tuple[int, int]] = {}
        for mention in self.ctx.mentions_in(0, noun.sent.start_char):
            actor = self.ctx.actors.get(mention.actor_id)
            if actor is None or mention.how in ("demonym", "pronoun"):
                continue
            if actor.kind == "country":
                country = actor.actor_id
            elif actor.kind == "government" and actor.country_id:
                country = actor.country_id
            else:
                continue
            if country in sentence:
                continue
            seen, first = counts.get(country, (0, -mention.char_start))
            counts[country] = (seen + 1, first)
        return max(counts, key=lambda a: counts[a]) if counts else None

    def _government_just_named(self, noun: Token) -> str | None:
        """The country of the last government or regime named with its country ("the government
        in Kyiv", "Ukraine's government", "the Ukrainian government", "the government of
        Ukraine") before `noun`, in its own sentence or the one before; "" when the place it is
        named by is no country's name or capital; None when no government was just named so."""
        doc = noun.doc
        start = noun.sent.start
        if start > 0:
            start = doc[start - 1].sent.start
        for token in reversed(doc[start : noun.i]):
            if token.lower_ not in _BARE_GOVERNMENTS or token.pos_ not in ("NOUN", "PROPN"):
                continue
            owners = [c for c in token.children if c.dep_ in ("poss", "compound", "amod", "nmod")]
            owners += [
                g
                for c in token.children
                if c.dep_ == "prep" and c.lower_ in ("of", "in")
                for g in c.children
                if g.dep_ == "pobj"
            ]
            countries = []
            for owner in owners:
                mention = self.mention_at(owner)
                actor = self.ctx.actors.get(mention.actor_id) if mention is not None else None
                if actor is None:
                    # "the government in Kyiv": a capital after "in" is read as a place, no
                    # mention; the gazetteer's capitals still say whose seat it is
                    if owner.ent_type_ == "GPE" or owner.pos_ == "PROPN":
                        countries.append(_capitals().get(owner.text, ""))
                    continue
                if actor.kind == "country":
                    countries.append(actor.actor_id)
                elif actor.kind == "government" and actor.country_id:
                    countries.append(actor.country_id)
            if len(set(countries)) == 1:
                return countries[0]
        return None

    def _described_countries(self, tokens: Iterable[Token]) -> set[str]:
        """Countries that only say whose a named organisation or group is ("Syria's High
        Negotiations Committee", "Syria opposition's HNC"): the group is the party, not the
        country's government."""
        described = set()
        for token in tokens:
            if token.dep_ not in ("poss", "compound"):
                continue
            mention = self.mention_at(token)
            actor = self.ctx.actors.get(mention.actor_id) if mention is not None else None
            if actor is None or actor.kind != "country":
                continue
            owner = token
            for _ in range(3):
                if owner.dep_ not in ("poss", "compound") or owner.head.i == owner.i:
                    break
                owner = owner.head
                held = self.mention_at(owner)
                group = self.ctx.actors.get(held.actor_id) if held is not None else None
                if (
                    group is not None
                    and group.actor_id != actor.actor_id
                    and group.kind in ("organization", "armed_group")
                    and group.country_id == actor.actor_id
                ):
                    described.add(actor.actor_id)
                    break
        return described

    # ----------------------------------------------------------------------------- phrases

    def phrase(self, head: Token, *, deep: bool = True) -> list[Token]:
        """The tokens of the noun phrase headed by `head` that can name actors."""
        seen: list[Token] = []
        stack = [head]
        while stack:
            token = stack.pop()
            if token in seen:
                continue
            seen.append(token)
            for child in token.children:
                if child.dep_ == "amod" and (self._patron_participle(child) or fused_patron(child)):
                    continue  # "Yemen's Saudi-backed government" is Yemen's, not Saudi Arabia's
                if child.dep_ in _NOUN_MODIFIERS or child.dep_ == "cc":
                    stack.append(child)
                elif (
                    child.dep_ == "prep"
                    and deep
                    and self._deep_preposition(child)
                    and not self._owned_by_actor(token)
                ):
                    stack.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
                elif child.dep_ == "acl" and child.lemma_.lower() in _LINK_PARTICIPLES:
                    for prep in child.children:
                        if prep.dep_ == "prep":
                            stack.extend(c for c in prep.children if c.dep_ == "pobj")
        return seen

    def _owned_by_actor(self, noun: Token) -> bool:
        """A noun an actor owns ("Kenya's mediation between Ethiopia and Eritrea"): welcoming it
        is aimed at the owner, not at those its own phrase names."""
        return noun.pos_ == "NOUN" and any(
            c.dep_ == "poss" and self.actors_of(self.phrase(c, deep=False)) for c in noun.children
        )

    @staticmethod
    def _deep_preposition(prep: Token) -> bool:
        word = prep.lower_
        return word in _DEEP_PREPOSITIONS or (
            word == "as" and any(c.lower_ == "such" for c in prep.children)
        )

    def prep_objects(self, token: Token, words: set[str] | None) -> list[Token]:
        """Objects of token's prepositions (and passive agents) whose preposition is in `words`."""
        objects = []
        for child in token.children:
            if child.dep_ in ("prep", "agent", "dative") and (
                words is None or child.lower_ in words
            ):
                objects.extend(c for c in child.children if c.dep_ in ("pobj", "pcomp"))
                # "thanks to his Highness and to Kuwait's government": a preposition repeated
                # after "and" is a conjunct of the first one and governs its own object.
                objects.extend(
                    c
                    for again in child.conjuncts
                    if again.pos_ == "ADP" and again.lower_ == child.lower_
                    for c in again.children
                    if c.dep_ in ("pobj", "pcomp")
                )
                if child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN"):
                    objects.append(child)
        return objects

    def modifier_actors(self, noun: Token) -> list[str]:
        """Actors among a noun's possessors and modifiers, not the noun itself ("the U.S. policy")."""
        tokens = [t for t in self.phrase(noun, deep=False) if t is not noun]
        return self.actors_of(tokens, as_target=True)


@functools.lru_cache(maxsize=1)
def _capitals() -> dict[str, str]:
    """The actor gazetteer's capitals ("Kyiv") -> their country's id."""
    from etl.actors import Gazetteer

    gazetteer = Gazetteer.load()
    return {f.text: f.actor_id for f in gazetteer.forms if f.how == "capital"}


# A parliamentary record: the chair addressed, members named by their seat.
_PARLIAMENT_PAGE = re.compile(
    r"\b(?:Mr\.?|Madam|Madame)\s+(?:Deputy\s+)?Speaker\b|\b[Tt]he\s+hon\.\s+(?:member|[Gg]entleman|[Ll]ady)\b"
    r"|\bHansard\b"
)


# A backing participle the tokenizer fused with its patron: "U.S.-backed", "Iran-sponsored".
_FUSED_PATRON = re.compile(
    r"^.+[-\u2010\u2011](?:backed|sponsored|funded|supported|armed|financed|allied|aligned)$",
    re.I,
)


def fused_patron(token: Token) -> bool:
    """ "U.S.-backed" as one token: a patron and its backing participle."""
    return _FUSED_PATRON.match(token.text) is not None


# Nouns that, bare and definite, name a government the article is about (`_the_government`).
_BARE_GOVERNMENTS = {"government", "regime"}


def _after_anti(token: Token) -> bool:
    """A name written after "anti-" ("anti-Damascus", "anti-Assad")."""
    doc, i = token.doc, token.i
    if i >= 1 and doc[i - 1].lower_.endswith("anti-"):
        return True
    return i >= 2 and doc[i - 1].text in ("-", "\u2010", "\u2011") and doc[i - 2].lower_ == "anti"

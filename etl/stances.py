"""Stances: who is critical of, supportive toward or neutrally addressing whom.

A stance needs a cue (a word listed in `etl/rules/stance_cues.txt`), a source and a target, all
tied together by the dependency parse: the target must be governed by the cue (its object, the
phrase it heads, a possessor or modifier, or conjoined with one of those), never merely share the
sentence. Sources are the cue's grammatical subject when it names an actor, else the speaker of
the statement the cue sits in (first person "we" is the speaker too); a cue with no source is
narration and yields nothing.

Cue kinds (sections of the rules file):
- act: "Canada condemned Russia", "Russia has backed Mr. Assad's side" - subject -> object;
- hostility: "destroying ISIS" - subject -> object; against civilians or infrastructure it is an
  accusation against the subject ("al-Nusra was destroying infrastructure");
- demand: "calling on X to end ..." - a demand on X: critical when the demanded act is corrective,
  supportive when cooperative (neutral when "with" a thing, not an actor), neutral when made of
  both parties, of an international body or not to do something, else nothing;
- dispatch: "Egypt sent rescue teams and aid to Libya" - what is sent "to" a country supports it;
- joint: "Putin and Trump agreed to work more closely" - each supportive of the other;
- allege / designate: "alleged that Russia is protecting ...", "declared Hezbollah a terrorist entity";
- characterise: "described Russia's conduct of the war as 'barbaric'" - a verdict on the object's owner;
- blame: "Russia and Iran bear moral responsibility", "the fallacy in the U.S. policy" - the holder
  of the fault is the target, whoever reports it the source;
- concern: "concerned by Russia and Syria's attempt" - the experiencer -> what it is about;
- nominal: "talks with ... Russia", "Russia's support for Assad";
- predicate: "Russia has been a loyal ally of Assad" (a role noun only counts as a predicate), or
  set off after a name: "Iran, Assad's main regional ally, ...";
- patron: "Yemen's Saudi-backed government" - the patron supportive of the backed; "the Saudi-led
  coalition" stands for its leader, and so does "the coalition" later in the same article;
- money: "announced $50 million in aid for Ukraine", "EUR 1 billion for reconstruction in Turkey";
- omission: "the text did not condemn Hamas", said by someone, is that speaker's charge;
- gratitude: "Washington was deeply grateful to Kenya", "expressed their gratitude to Kazakhstan".

Rules in modules of their own (etl.stance_*): pacts, wars, vetoes and patrons in apposition
(facts); joint statements, co-guarantors, "the sides", groups listed "among them" (joint);
acts under a pact with a partner (partners); role,
friendly and pejorative epithets (epithets); relief with no recipient named (relief); mediators,
memberships, ousters, referrals, votes.

A meeting or talks still to come ("would meet", "plans to hold talks") yield no neutral edge, and
a pair a sentence shows critical or supportive is not also neutral there. Relations stated as
context ("Russia and Iran, as supporters of the Assad regime") are not a speaker's claim.

Some common nouns resolve within the article: "the council" after "the UN Security Council", "the
ministers" after "ministers from the G7", "the resolution" to the body that adopted it (for act
cues only), "both sides" / "both Sudanese parties" to the pair named together just before (or the
two forces of that country the article names most). A subject that names no actor itself may
belong to a body ("Foreign ministers from the G7", also after a dateline).

Negation: a negated cue or one under a negating verb ("did not condemn", "refused to criticize",
"denied that ...") yields nothing, because "not supportive" is not critical and "did not
criticize" is not support. Two negations do carry a stance and are recorded with negated=True:
a negated positive evaluation ("the strategy is not effective" -> critical of its holder) and a
relation broken off ("suspended its contact with the Russian government" -> critical). Cues in a
"whether"/"if" clause are hypotheses and yield nothing, and so do cues under a dismissed charge
("rejected claims that ...") or a deliberation ("reviewing its aid to ...").

Who may hold a stance: a person found only in the article with no country (a resident or driver
quoted for colour) holds none. Inside the words of a government, body or official ("Ukraine said
Iran supported Russia"), a relation between two others is the claimant's charge and yields no edge
of theirs, unless the claimant is its target (a victim's own account). An actor's own activity
("welcomed Kenya's mediation between A and B") is aimed at its owner, not at the parties it names.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Span, Token

from etl import (
    stance_blocs,
    stance_circumstances,
    stance_companions,
    stance_epithets,
    stance_facts,
    stance_joint,
    stance_mediation,
    stance_membership,
    stance_model,
    stance_operations,
    stance_opposition,
    stance_ousters,
    stance_partners,
    stance_referrals,
    stance_relief,
    stance_two_way,
    stance_votes,
)
from etl.context import ArticleContext
from etl.types import POLARITIES, Mention, Stance, Statement, stable_id

RULES_DIR = Path(__file__).resolve().parent / "rules"
DEFAULT_CUES = RULES_DIR / "stance_cues.txt"

_FIRST_PERSON = {"i", "we", "us", "our", "my", "me", "ours"}
_MODALS = {"should", "must", "ought", "shall"}
_FUTURE = {"will", "would", "'ll", "wo", "shall"}
_SUBJECTS = {"nsubj", "csubj"}
_PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
# Dependents that stay inside the noun phrase naming an actor ("Syria's Assad regime and Russia").
_NOUN_MODIFIERS = {"poss", "compound", "amod", "nmod", "appos", "npadvmod", "conj", "nummod"}
# Prepositions a target phrase may continue through ("groups like the al-Nusra Front",
# "officials from Canada and Russia").
_DEEP_PREPOSITIONS = {"of", "from", "between", "with", "like", "including", "among"}
_TARGET_PREPOSITIONS = {
    "with",
    "between",
    "for",
    "against",
    "to",
    "on",
    "toward",
    "towards",
    "in",
    "over",
}
# A meeting or talks address those met "with" (or "between" whom they are held), not the subject
# they are "on" or the place they are "in" ("talks on Syria in Nur-Sultan" meet neither).
_MET_PREPOSITIONS = {"with", "between", "to", "among"}
# Relation nouns that are always addressed to someone: "Egypt and Qatar sent condolences" is no
# relation between Egypt and Qatar.
_ADDRESSED_ONLY = {"condolence", "condolences", "sympathy"}
_CONCERN_PREPOSITIONS = {"about", "over", "by", "at", "regarding", "with", "on", "concerning"}
# Participles that tie a group to its patron ("elements linked to al-Qaeda").
_NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
# Nouns for the warring parties of a conflict ("all parties to the conflict").
_PARTY_NOUNS = {"party", "side", "belligerent"}
_FORCE_KINDS = ("government", "armed_group")
_LINK_PARTICIPLES = {"link", "affiliate", "tie", "ally", "associate", "loyal", "connect"}


@dataclass(frozen=True)
class Cue:
    """One cue: a lemma and, for phrases, a dependent lemma that must be present ("call+on")."""

    lemma: str
    dependent: str | None = None


@dataclass(frozen=True)
class CueBook:
    """The stance cues of the rules file, by section ("act critical", "blame carrier", ...)."""

    sections: dict[str, tuple[Cue, ...]]
    # Built once: (section, word) -> positions of the cues that word can realise, and the
    # sections of each kind. A token is checked against its few candidates, not every cue.
    _by_word: dict[tuple[str, str], tuple[int, ...]] = field(init=False, repr=False, compare=False)
    _kinds: dict[str, tuple[tuple[str, str], ...]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_word: dict[tuple[str, str], list[int]] = {}
        for name, cues in self.sections.items():
            for position, cue in enumerate(cues):
                for word in {cue.lemma, cue.dependent} - {None}:
                    by_word.setdefault((name, word), []).append(position)
        kinds: dict[str, list[tuple[str, str]]] = {}
        for name in self.sections:
            head, _, polarity = name.partition(" ")
            if polarity in POLARITIES or polarity == "none":
                kinds.setdefault(head, []).append((name, polarity))
        object.__setattr__(self, "_by_word", {k: tuple(v) for k, v in by_word.items()})
        object.__setattr__(self, "_kinds", {k: tuple(v) for k, v in kinds.items()})

    @classmethod
    def load(cls, path: Path | None = None) -> CueBook:
        sections: dict[str, list[Cue]] = {}
        current: list[Cue] | None = None
        for raw in Path(path or DEFAULT_CUES).read_text(encoding="utf-8").splitlines():
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if line.startswith("[") and line.endswith("]"):
                current = sections.setdefault(line[1:-1].strip(), [])
                continue
            if current is None:
                raise ValueError(f"{path}: cue {line!r} before any [section]")
            for item in line.split(","):
                item = item.strip().lower()
                if item:
                    lemma, _, dependent = item.partition("+")
                    current.append(Cue(lemma.strip(), dependent.strip() or None))
        return cls({name: tuple(cues) for name, cues in sections.items()})

    def cues(self, section: str) -> tuple[Cue, ...]:
        return self.sections.get(section, ())

    def match(self, section: str, token: Token) -> Cue | None:
        """The cue of `section` that `token` realises, phrases (with a dependent) first."""
        # The word as written counts too: a tagger may lemmatise "failed" (an adjective) to "fail".
        lemma, lower = token.lemma_.lower(), token.lower_
        if section == "protected" and token.pos_ == "PROPN" and lemma == lower:
            # A title in capitals is not lemmatised: "Welcoming Syrian Refugees" (only for the
            # people a demonym may describe: "Chemical Weapons Convention" is a name).
            lemma = lower.removesuffix("s")
        found = self._by_word.get((section, lemma), ())
        if lower != lemma:
            found = (*found, *self._by_word.get((section, lower), ()))
        if not found:  # the common case: most words are no cue of this section
            return None
        words = {lemma, lower}
        positions = sorted(set(found))
        cues = self.cues(section)
        plain = None
        for cue in (cues[p] for p in positions):
            if cue.dependent is None:
                if cue.lemma in words:
                    plain = plain or cue
            elif cue.lemma in words and _dependent(token, cue.dependent) is not None:
                return cue
            elif cue.dependent in words and _dependent(token, cue.lemma) is not None:
                # A phrase may be written modifier first: "positive+development", "war+crime".
                return cue
        return plain

    def has(self, section: str, token: Token) -> bool:
        return self.match(section, token) is not None

    def polarity_sections(self, kind: str) -> Iterator[tuple[str, str]]:
        """(section, polarity) for every section of a kind: "act" -> ("act critical", "critical")..."""
        yield from self._kinds.get(kind, ())


@functools.lru_cache(maxsize=4)
def load_cues(path: Path | None = None) -> CueBook:
    return CueBook.load(path)


def _dateline(token: Token) -> bool:
    """A place in capitals opening a wire story ("NAIROBI, Oct 3 -")."""
    return (
        token.is_upper
        and len(token.text) > 2
        and token.i == token.sent.start + (1 if token.sent[0].is_space else 0)
    )


def _dependent(token: Token, lemma: str) -> Token | None:
    """A dependent of token (or of its particle/preposition) with the given lemma."""
    for child in token.children:
        if child.lemma_.lower() == lemma or child.lower_ == lemma:
            return child
    if lemma == "with" and token.pos_ == "VERB":
        # "discussed the crisis with Pompeo": the parser hangs the partner on the object.
        for child in token.children:
            if child.dep_ == "dobj":
                for prep in child.children:
                    if prep.dep_ == "prep" and prep.lower_ == "with":
                        return prep
    return None


@dataclass(frozen=True)
class _Edge:
    sources: tuple[str, ...]
    targets: tuple[str, ...]
    polarity: str
    cue: Token
    negated: bool = False
    # A known relation stated as context ("Russia and Iran, as supporters of the Assad regime"),
    # not a claim of the one whose words it is in.
    context: bool = False


def extract_stances(
    ctx: ArticleContext, statements: Sequence[Statement], cues: CueBook | None = None
) -> list[Stance]:
    """Every stance of one article: the rules' rows, with the learned model applied when
    `etl/rules/stance_model.json` switches it on (`etl.stance_model`)."""
    return stance_model.apply(ctx, statements, rule_stances(ctx, statements, cues))


def rule_stances(
    ctx: ArticleContext, statements: Sequence[Statement], cues: CueBook | None = None
) -> list[Stance]:
    """Every stance the rules find: one row per (source, target, polarity, evidence sentence)."""
    # "N people fled, according to UNHCR" is a citation: the source's statement, not its voice
    # on the actors the sentence names.
    voiced = tuple(s for s in statements if not _cites_a_number(ctx, s))
    finder = _StanceFinder(ctx, voiced, cues or load_cues())
    edges = list(finder.edges())
    # Faults located in a country ("violations ... are still taking place in Syria") only confirm
    # a critical stance the same source already takes toward that country's government here:
    # on their own they cannot tell the government from the place.
    held = {
        (finder.side(s), finder.side(t), e.polarity)
        for e in edges
        for s in e.sources
        for t in e.targets
    }
    for edge in finder.located_faults():
        kept = tuple(
            t
            for t in edge.targets
            if any((finder.side(s), finder.side(t), edge.polarity) in held for s in edge.sources)
        )
        if kept:
            edges.append(_Edge(edge.sources, kept, edge.polarity, edge.cue, edge.negated))
    stances: dict[tuple[str, str, str, int], Stance] = {}
    for edge in edges:
        if edge.polarity == "neutral" and finder.planned(edge.cue):
            continue  # "would meet the Contact Group on June 3": no one has met yet
        sentence = _trimmed(edge.cue.sent)
        statement = finder.statement_at(edge.cue)
        sources = [s for s in edge.sources if finder.may_hold_stance(s)]
        sources = sources if edge.context else finder.unclaimed(sources, edge)
        if finder.cues.has("plain deed", edge.cue):
            sources = [s for s in sources if not finder.tells_the_news(s, statement)]
        targets = edge.targets
        if edge.polarity == "neutral":
            # Addressing a radio host or a resident is no diplomatic contact.
            targets = tuple(t for t in targets if finder.may_hold_stance(t))
        for source in finder.one_per_side(sources):
            for target in finder.one_per_side(targets):
                if finder.same_side(source, target):
                    continue
                key = (source, target, edge.polarity, sentence.start_char)
                if key in stances:
                    continue
                stances[key] = Stance(
                    stance_id=stable_id(
                        ctx.article.article_id, source, target, edge.polarity, sentence.start_char
                    ),
                    article_id=ctx.article.article_id,
                    statement_id=statement.statement_id if statement else None,
                    source_id=source,
                    target_id=target,
                    polarity=edge.polarity,
                    evidence=sentence.text,
                    char_start=sentence.start_char,
                    char_end=sentence.end_char,
                    cue=edge.cue.text,
                    negated=edge.negated,
                )
    # A pair that a sentence already shows critical or supportive is not also merely addressed
    # there ("Russia, Turkey and Iran agree talks": partners in the talks, not only their parties).
    valenced = {
        (s.source_id, s.target_id, s.char_start)
        for s in stances.values()
        if s.polarity != "neutral"
    }
    return sorted(
        (
            s
            for s in stances.values()
            if s.polarity != "neutral" or (s.source_id, s.target_id, s.char_start) not in valenced
        ),
        key=lambda s: (s.char_start, s.source_id, s.target_id, s.polarity),
    )


def _cites_a_number(ctx: ArticleContext, statement: Statement) -> bool:
    if statement.cue != "according to":
        return False
    sent = ctx.sentence_at(statement.char_start)
    return any(t.like_num and t.ent_type_ not in ("DATE", "TIME") for t in sent)


def _trimmed(sent: Span) -> Span:
    start, end = sent.start, sent.end
    while start < end and sent.doc[start].is_space:
        start += 1
    while end > start and sent.doc[end - 1].is_space:
        end -= 1
    return sent.doc[start:end]


class _StanceFinder:
    """Walks one article's parse and yields stance edges; see the module docstring for the rules."""

    def __init__(
        self, ctx: ArticleContext, statements: tuple[Statement, ...], cues: CueBook
    ) -> None:
        self.ctx = ctx
        self.statements = statements
        self.cues = cues
        self.led = self._led_nouns()
        self.definite = self._definite_nouns()
        self.adopted = self._adopted_documents()
        self.opposition = stance_opposition.opposition_figures(ctx)
        self._suppressed: dict[int, bool] = {}  # token index -> suppressed(); the parse is fixed
        self._hedges: dict[int, bool] = {}  # token index -> a hedge on the token itself
        self._negators: dict[int, bool] = {}  # token index -> the token is a negating verb

    # ----------------------------------------------------------------------------- actors

    def may_hold_stance(self, actor_id: str) -> bool:
        """A person found only in this article and tied to no country (a resident, a driver, a
        shopkeeper quoted for colour) speaks for nobody in foreign policy: their blame or praise is
        no stance of a government, organisation or known figure."""
        actor = self.ctx.actors.get(actor_id)
        return not (
            actor is not None
            and actor.kind == "person"
            and actor.source == "discovered"
            and actor.country_id is None
        )

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
                if subject.lower_ in _FIRST_PERSON:
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
        return [a for a in found if a not in self._country_owned(tokens)]

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
            bool(self._hyphen_patrons(token)) or any(c.dep_ == "agent" for c in token.children)
        )

    def _led_nouns(self) -> dict[str, str]:
        """Nouns the article ties to one leader ("the Saudi-led coalition" -> coalition: Saudi Arabia)."""
        leaders: dict[str, set[str]] = {}
        for token in self.ctx.doc:
            if token.dep_ != "amod" or not self.cues.has("patron leader", token):
                continue
            patrons = self._hyphen_patrons(token)
            actors = {m.actor_id for t in patrons if (m := self.mention_at(t)) is not None}
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
        for verb in self.ctx.doc:
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
        for agent in self.prep_objects(participle, {"by"}):
            for conjunct in (agent, *self._conjuncts(agent)):
                # "troops backed by a coalition and the Iran-aligned Houthis": a conjunct with a
                # patron of its own is a second party the parser hung here, not a co-patron.
                if any(self._patron_participle(c) for c in conjunct.children):
                    continue
                patrons += self.actors_of(self._conjunct(conjunct))
        if not patrons:
            return
        backed = [a for a in self.actors_of(self._conjunct(participle.head)) if a not in patrons]
        if not backed and participle.head.pos_ == "NOUN":
            # "the Russia-backed offensive by Assad's regime": the act's doer is the one backed.
            agents = self.prep_objects(participle.head, {"by"})
            backed = [a for a in self.actors_of(t for g in agents for t in self._conjunct(g))]
            backed = [a for a in backed if a not in patrons]
        if backed:
            yield _Edge(tuple(dict.fromkeys(patrons)), tuple(backed), "supportive", participle)

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
                if child.dep_ == "amod" and self._patron_participle(child):
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
                if child.dep_ == "dative" and child.pos_ in ("NOUN", "PROPN"):
                    objects.append(child)
        return objects

    def modifier_actors(self, noun: Token) -> list[str]:
        """Actors among a noun's possessors and modifiers, not the noun itself ("the U.S. policy")."""
        tokens = [t for t in self.phrase(noun, deep=False) if t is not noun]
        return self.actors_of(tokens, as_target=True)

    # ----------------------------------------------------------------------------- clauses

    def statement_at(self, token: Token) -> Statement | None:
        best = None
        for statement in self.statements:
            inside = statement.char_start <= token.idx < statement.char_end
            if inside and (
                best is None
                or statement.char_end - statement.char_start < best.char_end - best.char_start
            ):
                best = statement  # the innermost statement: a quote inside a reported paragraph
        return best

    def speaker(self, token: Token) -> list[str]:
        """Whose words a token is in: the statement's speaker, else the subject of a reporting
        verb above it in the sentence ("She said that ...") when no statement covers it."""
        statement = self.statement_at(token)
        if statement is not None and statement.speaker_id:
            return [statement.speaker_id]
        return self._reported_by(token) or []

    def clause_verb(self, token: Token) -> Token:
        """The verb of the clause a token sits in (itself when it is one)."""
        current = token
        for _ in range(8):
            if current.pos_ in ("VERB", "AUX") or current.dep_ == "ROOT":
                return current
            current = current.head
        return current

    def subject_of(self, verb: Token) -> tuple[Token | None, bool]:
        """The subject a verb's action belongs to, climbing through control and participles.

        Returns (subject, passive): a passive subject is the one acted upon. An action named
        inside a noun phrase ("Western obsession with toppling Assad") belongs to the noun's
        owner, which is returned as the subject.
        """
        current = verb
        for _ in range(6):
            subject, passive = _StanceFinder._own_subject(current)
            if subject is not None:
                return subject, passive
            if current.dep_ in ("xcomp", "conj", "advcl") and current.head.i != current.i:
                current = current.head
            elif (
                current.dep_ == "pcomp"
                and current.head.dep_ == "prep"
                and current.head.head.pos_ in ("VERB", "ADJ", "AUX")
            ) or (
                current.dep_ == "acl"
                and current.head.dep_ in ("dobj", "attr")
                and current.head.head.pos_ in ("VERB", "AUX")
            ):
                # "focused on destroying ISIS", "issued a statement urging ...": the governing verb acts.
                current = current.head.head
            else:
                noun = (
                    current.head.head
                    if current.dep_ == "pcomp"
                    else current.head
                    if current.dep_ == "acl"
                    else None
                )
                if noun is not None and noun.pos_ in ("NOUN", "PROPN"):
                    owner = next(
                        (
                            c
                            for c in noun.children
                            if c.dep_ == "poss" or (c.dep_ == "amod" and c.text[:1].isupper())
                        ),
                        None,
                    )
                    if owner is not None:
                        return owner, False
                break
        return None, False

    @staticmethod
    def _own_subject(verb: Token) -> tuple[Token | None, bool]:
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS | _PASSIVE_SUBJECTS]
        if len(subjects) > 1:
            # "NAIROBI, Oct 3 (Wire) - The UN Security Council authorised ...": a dateline
            # parsed as a second subject; the one nearest the verb acts.
            subjects = [s for s in subjects if not _dateline(s)] or subjects
        if not subjects:
            return None, False
        subject = subjects[-1]
        return subject, subject.dep_ in _PASSIVE_SUBJECTS

    def planned(self, cue: Token) -> bool:
        """A meeting or call still to come: "will meet", "would hold talks", "plans to meet",
        "talks are due to resume" (the clause's verb, or a verb it depends on, says so)."""
        current = self.clause_verb(cue)
        for _ in range(3):
            if current.lemma_.lower() in ("continue", "keep"):
                return False  # "would continue to work with Pakistan": going on already
            if any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in current.children):
                return True
            if current.i != cue.i and self.cues.has("planned", current):
                return True
            if current.dep_ not in ("xcomp", "conj", "acl", "advcl") or current.head.i == current.i:
                return False
            current = current.head
        return False

    def has_modal(self, verb: Token) -> bool:
        current = verb
        for _ in range(3):
            if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in current.children):
                return True
            if current.dep_ not in ("xcomp", "conj", "advcl"):
                return False
            current = current.head
        return False

    def agents(self, verb: Token) -> list[str] | None:
        """Who performs the act of `verb`: its subject's actors, else the statement's speaker.

        An empty list means the subject is a named but unknown party, so there is no source.
        """
        subject, passive = self.subject_of(verb)
        if passive:
            agent = self.prep_objects(verb, {"by"})
            subject = agent[0] if agent else None
        if subject is None or subject.lower_ in _FIRST_PERSON:
            return self.speaker(verb)
        if stance_joint.is_parties_noun(self, subject):
            # "The sides reiterated ...": the parties last named together before.
            return stance_joint.named_parties(self, verb)
        if subject.tag_ in ("WDT", "WP"):
            # "a force that seeks to destroy Israel": the relative clause's noun acts.
            clause = subject.head
            while (
                clause.dep_ not in ("relcl", "acl")
                and clause.head.i != clause.i
                and clause.pos_ in ("VERB", "AUX")
            ):
                clause = clause.head
            antecedent = clause.head if clause.dep_ in ("relcl", "acl") else None
            return (
                self.actors_of(self.phrase(antecedent, deep=False))
                if antecedent is not None
                else []
            )
        actors = (
            self.actors_of(self.phrase(subject, deep=False))
            or self._group_of(subject)
            or stance_blocs.bloc_agents(self, subject)
        )
        if actors:
            actors += [a for a in stance_companions.companions(self, subject) if a not in actors]
        if actors or subject.dep_ in ("poss", "amod"):
            return (
                actors  # an owner that is no known actor ("Western obsession") is nobody's stance
            )
        if subject.pos_ == "PRON" or subject.lower_ in ("country", "government"):
            return self.speaker(verb)
        if subject.tag_ == "NNS" and self.cues.has("other parties", subject):
            # "International donors pledged ..., the EU said": the reporter is not among them.
            return []
        if subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
            return []
        return self.speaker(verb)

    def _group_of(self, subject: Token) -> list[str]:
        """The body a subject belongs to when it names none itself: "Foreign ministers from the G7",
        and after a dateline ("WEISSENHAUS, Germany -- Ministers from the G7 pledged") the last
        apposition that names one."""
        # A dateline can take the subject's place in the parse: "BRUSSELS -- Ministers ... pledged".
        siblings = [c for c in subject.head.children if c.dep_ in _SUBJECTS and c is not subject]
        appositions = [c for c in subject.children if c.dep_ == "appos"]
        for head in (subject, *reversed(appositions), *siblings):
            if head.pos_ != "NOUN":
                continue
            members = [
                t
                for prep in head.children
                if prep.dep_ == "prep" and prep.lower_ in ("from", "of")
                for pobj in prep.children
                if pobj.dep_ == "pobj"
                for t in self.phrase(pobj, deep=False)
            ]
            actors = self.actors_of(members)
            if actors:
                return actors
        return []

    def reporter(self, token: Token) -> list[str]:
        """Who states a fault or concern: the subject of the nearest reporting verb above, else the
        speaker ("as the U.S. asserts" inside a Russian statement is the U.S.'s claim)."""
        reported = self._reported_by(token)
        return reported if reported is not None else self.speaker(token)

    def _reported_by(self, token: Token) -> list[str] | None:
        """Actors of the subject of the nearest reporting verb above token; None when there is no
        reporting verb with a subject of its own, or its subject is the statement's speaker."""
        current = token
        for _ in range(12):
            if current.head.i == current.i:
                return None
            current = current.head
            if current.pos_ not in ("VERB", "AUX") or not self.cues.has("reporting", current):
                continue
            subject, passive = self._own_subject(current)
            if subject is None or passive:
                # "..., asserting that ...": a participle without its own subject; look further up.
                continue
            if subject.lower_ in _FIRST_PERSON:
                return None
            actors = self.actors_of(self.phrase(subject, deep=False))
            return actors or None
        return None

    # ----------------------------------------------------------------------------- negation

    def negated(self, token: Token) -> bool:
        """A negation on the cue or on the verbs and nouns that carry it ("did not condemn", "no support")."""
        current = token
        for _ in range(4):
            if any(
                c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in current.children
            ):
                return True
            if current.dep_ not in (
                "xcomp",
                "acomp",
                "attr",
                "dobj",
                "oprd",
                "amod",
                "pobj",
                "prep",
                "pcomp",
                "conj",
            ):
                return False
            current = current.head
        return False

    def suppressed(self, token: Token) -> bool:
        """Under a negating verb ("refused to criticize", "denied that ...") or in a hypothesis
        ("whether ...", "Qatar may host ...")."""
        known = self._suppressed.get(token.i)
        if known is None:
            known = self._suppressed[token.i] = self._walk_suppressed(token)
        return known

    def _hedged(self, token: Token) -> bool:
        """A hedge on this very token ("could vote", "whether ... voted"); "could not vote"
        states a fact. Cached: every token below it asks again."""
        known = self._hedges.get(token.i)
        if known is None:
            hedges = [c for c in token.children if c.dep_ in ("mark", "aux")]
            known = False
            if hedges and any(self.cues.has("hedge", c) for c in hedges):
                known = not (
                    any(c.dep_ == "neg" for c in token.children)
                    and not any(c.dep_ == "mark" and self.cues.has("hedge", c) for c in hedges)
                )
            self._hedges[token.i] = known
        return known

    def _negator(self, token: Token) -> bool:
        known = self._negators.get(token.i)
        if known is None:
            known = self._negators[token.i] = self.cues.has("negator", token)
        return known

    def _walk_suppressed(self, token: Token) -> bool:
        current = token
        subject = False
        for _ in range(12):
            if self._hedged(current):
                return True
            if current.i != token.i and not subject and self._negator(current):
                return True
            if current.head.i == current.i or current.dep_ == "appos":
                return False  # "Tehran, the rebels' sponsor, denied ...": the apposition stands
            # "Assad's government and its backer Russia deny ...": a denial negates what is
            # denied, not the denier's own phrase.
            subject = current.dep_ in _SUBJECTS
            current = current.head
        return False

    # ----------------------------------------------------------------------------- cues

    def edges(self) -> Iterator[_Edge]:
        for token in self.ctx.doc:
            if token.is_space or token.is_punct:
                continue
            if self.suppressed(token):
                continue
            yield from self._negated_praise(token)
            yield from self._refusal(token)
            yield from self._omission(token)
            if self.negated(token):
                continue
            if token.pos_ in ("VERB", "AUX"):
                yield from self._verb_cues(token)
                yield from self._patronage(token)
            if token.like_num or token.tag_ == "$":
                yield from self._money(token)
            if token.pos_ in ("NOUN", "PROPN", "ADJ", "VERB"):
                yield from self._blame(token)
                yield from self._concern(token)
            if token.pos_ in ("NOUN", "PROPN"):
                yield from stance_two_way.both_ways(self, self._nominal(token), _Edge)
                yield from self._predicate(token)
                yield from stance_facts.pacts(self, token, _Edge)
                yield from stance_facts.wars(self, token, _Edge)
                yield from stance_facts.apposed_patrons(self, token, _Edge)
                yield from stance_facts.reciprocal_roles(self, token, _Edge)
                yield from stance_facts.support_held(self, token, _Edge)
                yield from stance_joint.joint_documents(self, token, _Edge)
                yield from stance_joint.guarantors(self, token, _Edge)
                yield from stance_joint.hyphenated_partners(self, token, _Edge)
                yield from stance_epithets.role_epithets(self, token, _Edge)
                yield from stance_mediation.helpers(self, token, _Edge)
                yield from stance_operations.operation_purposes(self, token, _Edge)
                yield from stance_operations.deeds_told(self, token, _Edge)
                yield from stance_membership.memberships(self, token, _Edge)
                yield from stance_partners.under_pacts(self, token, _Edge)
                yield from stance_partners.backed_with(self, token, _Edge)
                yield from stance_partners.at_war_with(self, token, _Edge)
            if token.tag_ == "VBG":
                yield from stance_facts.wars(self, token, _Edge)  # "fighting between A and B"
            if token.pos_ == "VERB":
                yield from stance_facts.admissions(self, token, _Edge)
                yield from stance_facts.vetoes(self, token, _Edge)
                yield from stance_referrals.referrals(self, token, _Edge)
                yield from stance_relief.unaddressed_relief(self, token, _Edge)
                yield from stance_mediation.mediators(self, token, _Edge)
                yield from stance_votes.votes(self, token, _Edge)
                yield from stance_operations.ground_taken(self, token, _Edge)
                yield from stance_operations.positions_hit(self, token, _Edge)
            yield from stance_facts.laments(self, token, _Edge)
            if token.pos_ == "ADJ":
                yield from stance_facts.praised_conduct(self, token, _Edge)
            if "-" in token.text:
                yield from stance_facts.fused_patrons(self, token, _Edge)
            yield from stance_epithets.friendly_epithets(self, token, _Edge)
            yield from stance_epithets.pejorative_epithets(self, token, _Edge)
            yield from stance_ousters.ousters(self, token, _Edge)

    def _verb_cues(self, verb: Token) -> Iterator[_Edge]:
        yield from self._act(verb)
        yield from self._hostility(verb)
        yield from self._demand(verb)
        yield from self._joint(verb)
        yield from self._allege(verb)
        yield from self._characterise(verb)
        yield from self._designate(verb)
        yield from self._dispatch(verb)

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
            end = len(self.ctx.doc.text)
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

    def _among_subjects(self, verb: Token, polarity: str, cue: Token) -> Iterator[_Edge]:
        """Each party of a conjoined subject toward the others; in someone's words, only the
        speaker's own side toward the others."""
        subject, passive = self.subject_of(verb)
        if subject is not None and not passive:
            parties = self.actors_of(self.phrase(subject, deep=False))
            parties += stance_companions.companions(self, subject)
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
                for t in c.subtree
            ]
            if not any(self.cues.has("blame object", t) for t in naming):
                continue
            for clause in (c for c in verb.children if c.dep_ == "ccomp"):
                objects.extend(s for s in clause.children if s.dep_ in _SUBJECTS)
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
                # place ("violations in Syria") is not a holder.
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
        for token in self.ctx.doc:
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
        if subject is None or subject.lower_ in _FIRST_PERSON or subject.pos_ == "PRON":
            return self.speaker(token)
        return self.actors_of(self.phrase(subject, deep=False)) or self.reporter(token)

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
                if (
                    polarity in ("supportive", "neutral")
                    and noun.dep_ == "dobj"
                    and noun.lemma_.lower() not in _ADDRESSED_ONLY
                ):
                    # "Russia and China pledged to deepen cooperation", "Trump, Macron and May
                    # held phone consultations": a relation among the subjects.
                    yield from self._among_subjects(noun.head, polarity, noun)
                continue
            if polarity == "neutral" and self.prep_objects(noun, {"between"}):
                # "talks between the army and the RSF": those who met, not whoever mentions it.
                parties = self.one_per_side(stance_facts.event_parties(self, [noun]))
                for party in parties:
                    others = tuple(p for p in parties if p != party)
                    if others:
                        yield _Edge((party,), others, polarity, noun)
                continue
            verb = self.clause_verb(noun)
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
            if any(o.lower_ in _FIRST_PERSON for o in owners):
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
                and not stance_circumstances.is_circumstance(noun)
                and not self._reacted_to(noun, polarity)
            ):
                # "aid for Syria is channelled through the UN": a subject noun's giver is not said.
                sources = stance_two_way.war_wager(self, noun, verb) or (
                    self.agents(verb) if verb is not noun else self.speaker(noun)
                )
            if sources:
                yield _Edge(tuple(sources), tuple(targets), polarity, noun, negated)

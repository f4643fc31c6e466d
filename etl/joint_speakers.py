"""Joint statements: a document issued by several parties is a statement of each of them.

"..., says the joint statement of Russia, Iran and Turkey", "the declaration by Kenya and
Ethiopia reads": the issuers are coordinated in the "of"/"by" phrase of a statement noun that is
the subject, and GOLD.md names a statement by its speaker, so each issuer gets its own row. A
later sentence whose subject points back at them ("The sides reiterated ...", "They also called
...") in the same or the next paragraph is theirs too.

Parties coordinated as the subject ("Russia, Iran and Turkey said", "Lavrov and his Iranian
counterpart Zarif issued a joint statement") each get a row too (the convention of the later
development sets and of issue 9; the older sets were brought in line). A later subject pointing
back at them is each of them: "they", "the sides" in the same or the next paragraph; "the three
countries" (their countries), "the ministers", "the top diplomats" (people) further on, the
latest set of that kind. "They" pointing at actors of one kind named together as the subject of
one of the two sentences before ("Erdogan and Putin have reached a deal ... they announced a
ceasefire") is each of them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from etl.context import ArticleContext
from etl.listed_parties import PARTY_KINDS, listed_before_verb, listed_subject
from etl.statement_examples import listed_examples
from etl.types import Statement, stable_id

_STATEMENT_NOUNS = {
    "statement",
    "declaration",
    "communique",
    "communiqué",
    "letter",
    "resolution",
    "readout",
}
# Subjects that point back at the speakers of the last joint statement.
_BACK_REFERENCES = {
    "sides",
    "parties",
    "leaders",
    "presidents",
    "ministers",
    "diplomats",
    "countries",
    "states",
    "nations",
    "governments",
    "guarantors",
    "mediators",
    "sponsors",
    "powers",
}
_BACK_PRONOUNS = {"they", "both"}
_REACH_CHARS = 1500  # how far back "the sides" may point
_TRANSCRIPT_CUES = {"transcript", "document", "interview", "headline"}


def with_joint_speakers(ctx: ArticleContext, statements: list[Statement]) -> list[Statement]:
    """Each statement, plus one copy for every other speaker it was made jointly with.

    A statement whose subject points back ("they", "the three countries", "the ministers")
    and that no joint speakers explain is dropped when its speaker is unknown."""
    out: list[Statement] = []
    recent: list[_Joint] = []  # the joint speakers met so far, in text order
    last_joint: _Joint | None = None  # the speakers of the statement just before, if joint
    for statement in statements:
        if statement.cue in _TRANSCRIPT_CUES:
            out.append(statement)
            last_joint = None
            continue
        subject = _subject_of(ctx, statement)
        speakers = _coordinated(ctx, statement, subject) if statement.speaker_id else []
        if len(speakers) < 2 and statement.speaker_id is not None:
            # a list the parse hid ("The United States, Britain, and France voted ...")
            listed = listed_subject(ctx, subject) or (
                listed_before_verb(ctx, ctx.sentence_at(statement.char_start).root)
                if subject is None
                else []
            )
            speakers = listed if statement.speaker_id in listed else speakers
        pointing = len(speakers) < 2 and is_back_reference(subject)
        if len(speakers) < 2 and _names_the_document(subject):
            # "The statement further underlined …", "…, the communique added": the document
            # the joint speakers just issued, when its author was taken for one of them
            joint = _pointed_at(ctx, statement, subject, recent)
            speakers = joint if statement.speaker_id in joint else speakers
        if pointing:
            speakers = _pointed_at(ctx, statement, subject, recent)
            if len(speakers) < 2 and statement.speaker_id is not None:
                found = plural_antecedent(ctx, ctx.sentence_at(statement.char_start))
                speakers = found if statement.speaker_id in found else []
        if len(speakers) < 2 and _continues(statement, last_joint):
            # an unattributed paragraph of quotation after a joint quote goes on with all of
            # its speakers, not only the first one
            speakers = list(last_joint.speakers)
        if len(speakers) < 2:
            if statement.speaker_id is not None or not pointing:
                out.append(statement)
                last_joint = None
            continue
        recent.append(_Joint(tuple(speakers), statement.char_end))
        last_joint = recent[-1]
        if statement.speaker_id not in speakers:
            statement = _respoken(ctx, statement, speakers[0])
        out.append(statement)
        for actor_id in speakers:
            if actor_id == statement.speaker_id:
                continue
            out.append(_copy_for(ctx, statement, actor_id))
    return out


@dataclass
class _Joint:
    """Speakers named together, and where they last spoke (a back-reference moves it on)."""

    speakers: tuple[str, ...]
    end: int


def _continues(statement: Statement, last: _Joint | None) -> bool:
    """A direct quote with no attribution of its own (carried on from the quote before) whose
    speaker is one of the joint speakers of the statement just before."""
    return (
        last is not None
        and statement.is_direct
        and statement.cue is None
        and statement.speaker_id in last.speakers
        and statement.char_start >= last.end
    )


def _respoken(ctx: ArticleContext, statement: Statement, actor_id: str) -> Statement:
    return replace(statement, speaker_id=actor_id, speaker_text=ctx.name_of(actor_id) or actor_id)


# Back-references by the kind of party they name: "the three countries" are countries, "the
# ministers" people; "they", "the sides" any.
_COUNTRY_REFERENCES = {"countries", "states", "nations", "governments"}
_NAMED_REACH_CHARS = 4000  # "the three countries" may point further back than "they"


def _pointed_at(
    ctx: ArticleContext, statement: Statement, subject: Token | None, recent: list[_Joint]
) -> list[str]:
    """The joint speakers a back-reference subject points at: the latest set of the kind it
    names, within reach (a pronoun in the same or the next paragraph)."""
    if subject is None:
        return []
    word = subject.lower_
    for joint in reversed(recent):
        if joint.end > statement.char_start:
            continue
        gap = ctx.body[joint.end : statement.char_start]
        if word in _BACK_PRONOUNS or word in {"sides", "parties"}:
            if len(gap) > _REACH_CHARS or gap.count("\n\n") > 1:
                return []
        elif len(gap) > _NAMED_REACH_CHARS:
            return []
        kinds = {actor_kind(ctx, a) for a in joint.speakers}
        if word in _COUNTRY_REFERENCES:
            countries = _as_countries(ctx, joint.speakers)
            if not countries:
                continue
            found = countries
        elif word in _PERSON_REFERENCES:
            if kinds != {"person"}:
                continue
            found = list(joint.speakers)
        else:
            found = list(joint.speakers)
        joint.end = statement.char_end
        return found
    return []


def _as_countries(ctx: ArticleContext, speakers: tuple[str, ...]) -> list[str]:
    """The countries of a set of speakers (themselves, or those they speak for), one each."""
    found: list[str] = []
    for actor_id in speakers:
        country = actor_id if actor_kind(ctx, actor_id) == "country" else ctx.country_of(actor_id)
        if country is None or country in found:
            return []
        found.append(country)
    return found


def actor_kind(ctx: ArticleContext, actor_id: str) -> str | None:
    actor = ctx.actors.get(actor_id)
    return actor.kind if actor else None


def _copy_for(ctx: ArticleContext, statement: Statement, actor_id: str) -> Statement:
    return replace(
        statement,
        statement_id=stable_id(
            ctx.article.article_id, statement.char_start, statement.char_end, actor_id
        ),
        speaker_id=actor_id,
        speaker_text=ctx.name_of(actor_id) or actor_id,
    )


def _subject_of(ctx: ArticleContext, statement: Statement) -> Token | None:
    """The subject of the reporting verb of the statement's sentence, or of its own clause when
    the statement is a later clause cut from the sentence ("Both the U.S. and Russia said …, but
    Russia insisted …": the second clause is Russia's alone)."""
    sent = ctx.sentence_at(statement.char_start)
    if statement.is_direct:
        # A quote of several sentences is attributed in its last one: "“We … . We …”, the
        # joint statement of Russia, Turkey and Iran reads."
        last = ctx.sentence_at(max(statement.char_start, statement.char_end - 1))
        if last.start_char > sent.start_char and last.root.idx >= statement.char_end:
            sent = last
    root = sent.root
    if not statement.is_direct and root.idx < statement.char_start:
        span = ctx.doc.char_span(statement.char_start, statement.char_end, alignment_mode="expand")
        if span is not None and span.root.i != root.i:
            root = span.root
    return next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def joint_subject_speakers(ctx: ArticleContext, statement: Statement) -> list[str]:
    """The parties coordinated as the subject of the statement's reporting verb, when its
    speaker is one of them (empty otherwise)."""
    return _coordinated(ctx, statement, _subject_of(ctx, statement))


def _coordinated(ctx: ArticleContext, statement: Statement, subject: Token | None) -> list[str]:
    """The actors coordinated as the subject ("Russia, Iran and Turkey said"), or in the "of"
    phrase of a statement noun that is the subject ("says the joint statement of ...")."""
    if subject is None:
        return []
    if subject.lemma_.lower() in _STATEMENT_NOUNS:
        heads = [
            pobj
            for prep in subject.children
            if prep.dep_ == "prep" and prep.lower_ in {"of", "by", "from"}
            for pobj in prep.children
            if pobj.dep_ == "pobj"
        ]
    elif examples := listed_examples(subject):
        heads = examples[:1]  # "Countries including the UK, Japan and Turkey said"
    elif any(c.dep_ == "conj" for c in subject.children):
        people = _people_in(ctx, subject)
        if len(people) >= 2:  # the parser may hang a name on the wrong conjunct
            return people if statement.speaker_id in people else []
        heads = [subject]
    else:
        return []
    # "by the foreign ministers of the three countries (Russia, Iran and Turkey)": the parties
    # named in apposition to a noun of the phrase
    heads = [*heads, *(t for h in heads for t in h.subtree if t.dep_ == "appos" and t is not h)]
    found: list[str] = []
    for head in heads:
        for token in [head, *_conjuncts(head)]:
            actor_id = _party_of(ctx, token)
            if actor_id is not None and actor_id not in found:
                found.append(actor_id)
    found = _without_own_countries(ctx, found)
    # the speaker found by the statement rules must be one of them
    return found if statement.speaker_id in found or _same_country(ctx, statement, found) else []


def _people_in(ctx: ArticleContext, subject: Token) -> list[str]:
    """The people a coordinated subject names, not their possessors ("Doe's deputy")."""
    start = subject.left_edge.idx
    end = subject.right_edge.idx + len(subject.right_edge)
    found: list[str] = []
    for mention in ctx.mentions_in(start, end):
        if ctx.body[mention.char_end : mention.char_end + 2] in ("'s", "\u2019s"):
            continue
        if actor_kind(ctx, mention.actor_id) == "person" and mention.actor_id not in found:
            found.append(mention.actor_id)
    return found


def _party_of(ctx: ArticleContext, token: Token) -> str | None:
    """The party one conjunct names: a person in its own words ("his Iranian counterpart
    Mohammad Javad Zarif"), else the actor on its head word."""
    nested = {t.i for c in token.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    own = [t for t in token.subtree if t.i not in nested]
    start, end = own[0].idx, own[-1].idx + len(own[-1])
    for mention in ctx.mentions_in(start, end):
        if actor_kind(ctx, mention.actor_id) == "person":
            return mention.actor_id
    return _actor_on(ctx, token)


def _without_own_countries(ctx: ArticleContext, found: list[str]) -> list[str]:
    """ "Canada and its minister Jane Doe said": the minister speaks, not a second party."""
    people_countries = {ctx.country_of(a) for a in found if actor_kind(ctx, a) == "person"}
    return [a for a in found if actor_kind(ctx, a) == "person" or a not in people_countries]


def _conjuncts(token: Token) -> list[Token]:
    out: list[Token] = []
    stack = [c for c in token.children if c.dep_ == "conj"]
    while stack:
        conj = stack.pop(0)
        out.append(conj)
        stack.extend(c for c in conj.children if c.dep_ == "conj")
    return out


def _actor_on(ctx: ArticleContext, token: Token) -> str | None:
    """The actor named by a token (the head of a name, or a word of it)."""
    mentions = ctx.mentions_in(token.idx, token.idx + len(token))
    if not mentions:
        # "President Erdogan": a compound name whose head is the last word
        start = token.left_edge.idx
        mentions = [
            m for m in ctx.mentions_in(start, token.idx + len(token)) if m.char_end >= token.idx
        ]
    for mention in mentions:
        actor = ctx.actors.get(mention.actor_id)
        if actor is not None and actor.kind in PARTY_KINDS:
            return mention.actor_id
    return None


def _same_country(ctx: ArticleContext, statement: Statement, found: list[str]) -> bool:
    country = ctx.country_of(statement.speaker_id)
    return country is not None and country in found


def is_back_reference(subject: Token | None) -> bool:
    if subject is None:
        return False
    if subject.lower_ in _BACK_PRONOUNS:
        return True
    return subject.lower_ in _BACK_REFERENCES and any(
        c.lower_ in {"the", "both", "two", "three", "all"} for c in subject.children
    )


def points_back(phrase: str) -> bool:
    """A subject phrase that only points back ("they", "the three countries")."""
    words = phrase.lower().split()
    return bool(words) and (words[-1] in _BACK_PRONOUNS or words[-1] in _BACK_REFERENCES)


_ANTECEDENT_SENTENCES = 2


# Back-references that stand for people: their antecedents are people.
_PERSON_REFERENCES = {"leaders", "presidents", "ministers", "diplomats"}


def plural_antecedent(ctx: ArticleContext, sent: Span) -> list[str]:
    """ "Erdogan and Putin have reached an agreement ... After talks in Moscow, they announced a
    ceasefire": the actors coordinated before the main verb of one of the two sentences before, in
    the same or the previous paragraph, that "they" / "the two leaders" point back at (empty
    when none is found)."""
    subject = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    kind = "person" if subject is not None and subject.lower_ in _PERSON_REFERENCES else None
    priors: list[Span] = []
    start = sent.start
    while start > 0 and len(priors) < _ANTECEDENT_SENTENCES:
        priors.append(ctx.doc[start - 1].sent)
        start = priors[-1].start
    for prior in priors:
        if ctx.body[prior.end_char : sent.start_char].count("\n\n") > 1:
            break
        found = _coordinated_before_verb(ctx, prior, kind)
        if len(found) >= 2:
            return found
    return []


def _coordinated_before_verb(ctx: ArticleContext, sent: Span, kind: str | None) -> list[str]:
    """Actors of one kind (`kind`, if given) coordinated in the subject of the sentence's main
    verb ("President X and President Y have reached ...", also when a page label before them
    threw the parse off), not in a clause beside it ("... (Russia and China), ambassadors
    authorized ...")."""
    subject = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return []
    for token in subject.subtree:
        if token.dep_ != "conj":
            continue
        found: list[str] = []
        kinds = set()
        for node in [token.head, *_conjuncts(token.head)]:
            actor_id = _actor_on(ctx, node)
            if actor_id is not None and actor_id not in found:
                found.append(actor_id)
                actor = ctx.actors.get(actor_id)
                kinds.add(actor.kind if actor else None)
        if len(found) >= 2 and len(kinds) == 1 and (kind is None or kinds == {kind}):
            return found
    return []


def _names_the_document(subject: Token | None) -> bool:
    """ "The statement", "the communique": a document noun that names no issuer of its own."""
    return (
        subject is not None
        and subject.lemma_.lower() in _STATEMENT_NOUNS
        and any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in subject.children)
        and not any(c.dep_ in ("prep", "compound", "poss") for c in subject.children)
    )

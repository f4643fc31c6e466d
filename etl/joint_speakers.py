"""Joint statements: a document issued by several parties is a statement of each of them.

"..., says the joint statement of Russia, Iran and Turkey", "the declaration by Kenya and
Ethiopia reads": the issuers are coordinated in the "of"/"by" phrase of a statement noun that is
the subject, and GOLD.md names a statement by its speaker, so each issuer gets its own row. A
later sentence whose subject points back at them ("The sides reiterated ...", "They also called
...") in the same or the next paragraph is theirs too.

Two speakers coordinated as the subject ("Riyadh and Washington said") are left to the statement
rules (one row): the development gold counts such a statement once, under the first speaker. But
"they" (or "the two leaders") pointing back at actors of one kind named together as the subject
of one of the two sentences before ("Erdogan and Putin have reached a deal ... they announced a
ceasefire") is each of them: the sentence does not name one first.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from etl.context import ArticleContext
from etl.types import Statement, stable_id

_SPEAKER_KINDS = {"country", "person", "government", "organisation", "organization", "armed_group"}
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
_BACK_REFERENCES = {"sides", "parties", "leaders", "presidents", "ministers", "countries"}
_BACK_PRONOUNS = {"they", "both"}
_REACH_CHARS = 1500  # how far back "the sides" may point
_TRANSCRIPT_CUES = {"transcript", "document", "interview", "headline"}


def with_joint_speakers(ctx: ArticleContext, statements: list[Statement]) -> list[Statement]:
    """Each statement, plus one copy for every other speaker it was made jointly with."""
    out: list[Statement] = []
    last: tuple[list[str], int] | None = None  # the last joint speakers and where they spoke
    for statement in statements:
        out.append(statement)
        if statement.cue in _TRANSCRIPT_CUES or statement.speaker_id is None:
            continue
        speakers = _coordinated(ctx, statement)
        if len(speakers) < 2 and last is not None and _points_back(ctx, statement, last[1]):
            speakers = last[0]
        if len(speakers) < 2 and is_back_reference(_subject_of(ctx, statement)):
            found = plural_antecedent(ctx, ctx.sentence_at(statement.char_start))
            speakers = found if statement.speaker_id in found else []
        if len(speakers) < 2:
            continue
        last = (speakers, statement.char_end)
        for actor_id in speakers:
            if actor_id == statement.speaker_id:
                continue
            out.append(_copy_for(ctx, statement, actor_id))
    return out


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
    """The subject of the reporting verb of the statement's sentence."""
    sent = ctx.sentence_at(statement.char_start)
    root = sent.root
    return next((c for c in root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)


def _coordinated(ctx: ArticleContext, statement: Statement) -> list[str]:
    """The actors coordinated as the subject, or in the "of" phrase of a statement noun."""
    subject = _subject_of(ctx, statement)
    if subject is None:
        return []
    if subject.lemma_.lower() not in _STATEMENT_NOUNS:
        return []
    heads = [
        pobj
        for prep in subject.children
        if prep.dep_ == "prep" and prep.lower_ in {"of", "by", "from"}
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    found: list[str] = []
    for head in heads:
        for token in [head, *_conjuncts(head)]:
            actor_id = _actor_on(ctx, token)
            if actor_id is not None and actor_id not in found:
                found.append(actor_id)
    # the speaker found by the statement rules must be one of them
    return found if statement.speaker_id in found or _same_country(ctx, statement, found) else []


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
        if actor is not None and actor.kind in _SPEAKER_KINDS:
            return mention.actor_id
    return None


def _same_country(ctx: ArticleContext, statement: Statement, found: list[str]) -> bool:
    country = ctx.country_of(statement.speaker_id)
    return country is not None and country in found


def _points_back(ctx: ArticleContext, statement: Statement, last_end: int) -> bool:
    """ "The sides reiterated ...", "They announced ...": a subject pointing back at the last
    joint speakers, in the same paragraph or the next."""
    if statement.char_start - last_end > _REACH_CHARS:
        return False  # bounded, so an article costs time in proportion to its length
    between = ctx.body[last_end : statement.char_start]
    if between.count("\n\n") > 1:
        return False
    subject = _subject_of(ctx, statement)
    if subject is None:
        return False
    word = subject.lower_
    if word in _BACK_PRONOUNS:
        return True
    return word in _BACK_REFERENCES and any(
        c.lower_ in {"the", "both", "two", "three", "all"} for c in subject.children
    )


def is_back_reference(subject: Token | None) -> bool:
    if subject is None:
        return False
    if subject.lower_ in _BACK_PRONOUNS:
        return True
    return subject.lower_ in _BACK_REFERENCES and any(
        c.lower_ in {"the", "both", "two", "three", "all"} for c in subject.children
    )


_ANTECEDENT_SENTENCES = 2


# Back-references that stand for people: their antecedents are people.
_PERSON_REFERENCES = {"leaders", "presidents", "ministers"}


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

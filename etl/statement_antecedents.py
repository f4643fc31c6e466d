"""The body a subject "it" of a reporting verb points back at: "The Gaza Health Ministry said 40
people were killed. It added that ...", "Most of the dead were civilians, it added".

A salience rule, not a cue list: the antecedent of "it" is the subject of the main clause of the
nearest sentence before it, in the same or the previous paragraph, that has one. It speaks only
when that subject names a body (an organisation, an intergovernmental body, a government, a
country, an armed group, a news outlet). When that subject is a person or a thing ("The plan was
approved. It calls for ..."), the pronoun is not a speaker's and nothing is said. A subject that
is itself "it" hands on to the sentence before it; a bare body noun ("The agency added ...") is the body that
spoke last. A document or recording as that subject ("A ministry statement said ...", "Footage
from broadcaster X showed ...") is the body it names, else the one that spoke last, unless it
names a source no actor stands for ("the report prepared by <an unknown group>").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from etl.context import ArticleContext
from etl.statement_speakers import _pick_speaker, _subject_mentions
from etl.statement_verbs import _DOCUMENT_NOUNS as DOCUMENTS
from etl.turns import actor_kind, voice_of

# Kinds of actor "it" may stand for when it speaks.
_IT_KINDS = frozenset(
    {"organization", "intergovernmental", "government", "country", "armed_group", "media"}
)

# Head nouns that name a body without its name ("the agency", "the council"): they stand for
# the body that spoke last.
_BODY_NOUNS = frozenset(
    {
        "agency",
        "ministry",
        "council",
        "group",
        "government",
        "organisation",
        "organization",
        "office",
        "committee",
        "commission",
        "department",
        "movement",
        "coalition",
        "body",
        "bloc",
        "alliance",
        "authority",
        "authorities",
        "mission",
        "monitor",
        "observatory",
        "watchdog",
        "charity",
    }
)

# Documents and recordings a body's words come in: "it" after them is their author's. The
# documents a reporting clause can be given by (`etl.statement_verbs`) and recordings.
_DOCUMENT_NOUNS = DOCUMENTS | {"footage", "video", "broadcast", "bulletin", "update"}

_PRIOR_SENTENCES = 2
# A verb that is the sentence's own main verb, one coordinated with it, or a closing ", it added".
_MAIN_DEPS = ("ROOT", "conj", "parataxis")
_SUBJECTS = ("nsubj", "nsubjpass")


def body_antecedent(
    ctx: ArticleContext,
    sent: Span,
    verb: Token,
    pronoun: Token,
    last: tuple[str | None, str] | None,
) -> tuple[str | None, str] | None:
    """The speaker `pronoun` ("it"), the subject of the reporting `verb` in `sent`, stands for,
    or None. The subject may be the verb's own or one it shares with the verb it is coordinated
    with ("It acknowledged … but said …"). Only a main verb that tells what was said: not one
    under a modal ("if it does, it would warn the council") nor a clause someone else reports
    ("..., diplomats said")."""
    if verb.dep_ not in _MAIN_DEPS or any(c.tag_ == "MD" for c in verb.children):
        return None
    pronoun_at = pronoun.i
    if _subject_before(sent, verb, pronoun_at) is not None:
        return None  # "Since the war broke out, it has claimed ...": the clause before it
    start = sent.start
    for _ in range(_PRIOR_SENTENCES):
        if start <= 0:
            return None
        prior = ctx.doc[start - 1].sent
        start = prior.start
        if ctx.body.count("\n\n", prior.end_char, sent.start_char) > 1:
            return None
        subject = _main_subject(prior)
        if subject is None:
            continue  # a fragment, a dateline: look one sentence further back
        mentions = _subject_mentions(ctx, subject)
        if subject.lemma_.lower() in _DOCUMENT_NOUNS:
            # "A ministry statement said ... it added", "Footage from broadcaster X showed ...,
            # it said": the document speaks for the one it names, else for its author just
            # reported
            if mentions:
                speaker_id, text = _pick_speaker(ctx, mentions)
                return (voice_of(ctx, speaker_id), text) if speaker_id is not None else None
            if any(t.pos_ == "PROPN" for t in subject.subtree):
                return None  # "the report prepared by <a name no actor has>": not the last one
            return last if last is not None and last[0] is not None else None
        if (
            mentions
            and subject.lemma_.lower() in _BODY_NOUNS
            and all(m.how == "reference" for m in mentions)
            and last is not None
            and last[0] is not None
            and actor_kind(ctx, last[0]) in _IT_KINDS
        ):
            return last  # "The agency added ... It added": the body the sentence gave it to
        if mentions:
            speaker_id, text = _pick_speaker(ctx, mentions)
            if speaker_id is None or actor_kind(ctx, speaker_id) not in _IT_KINDS:
                return None  # "Jane Doe said ... It added": a person is no "it"
            if subject.tag_ in ("NNS", "NNPS"):
                return None  # "The rebels said ... It added": the number disagrees
            if not _names_the_head(ctx, subject, mentions):
                return None  # "The agency's correspondents ... It said": not the body
            return voice_of(ctx, speaker_id), text
        if subject.lower_ == "it":
            continue  # "It said ... It added ...": the chain goes on before
        if subject.lemma_.lower() in _BODY_NOUNS and last is not None and last[0] is not None:
            if actor_kind(ctx, last[0]) in _IT_KINDS:
                return last  # "The agency said ... It added": the body just reported
        return None  # a thing is the subject nearest before ("The plan ... It calls for")
    return None


def _subject_before(sent: Span, verb: Token, pronoun_at: int) -> Token | None:
    """The subject of a clause the verb governs, written before the pronoun ("Since the war
    broke out, it ..."); not one of the clause it reports ("Most of the dead were civilians, it
    added")."""
    for token in reversed(sent[: pronoun_at - sent.start]):
        if token.dep_ not in _SUBJECTS or token.head.i == verb.i:
            continue
        node, reported = token.head, False
        while node.i != verb.i and node.head.i != node.i:
            reported = reported or node.dep_ in ("ccomp", "parataxis")
            node = node.head
        if node.i == verb.i and not reported:
            return token
    return None


def _names_the_head(ctx: ArticleContext, subject: Token, mentions: list) -> bool:
    """The subject is the body itself ("The Gaza Health Ministry", "the Jordanian government"),
    not someone or something it owns ("The agency's correspondents")."""
    inside = any(m.char_start <= subject.idx < m.char_end for m in mentions)
    return inside or subject.lemma_.lower() in _BODY_NOUNS


def _main_subject(sent: Span) -> Token | None:
    root = sent.root
    return next((c for c in root.children if c.dep_ in _SUBJECTS), None)

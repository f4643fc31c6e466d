"""Reported speech read from a sentence's reporting verbs and their subjects.

`_reporting_clause` finds the first reporting verb with content and names its speaker from its
subject; the others find further statements in the same sentence: a second coordinated clause
with its own subject, a nested adverbial or relative clause, an unnamed official relaying a
person's words, "as X reported".
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from etl.body_references import (
    acronym_speaker,
    agency_of_parent,
    body_back_reference,
    group_carried_on,
)
from etl.context import ArticleContext
from etl.joint_speakers import (
    is_back_reference,
    joint_subject_speakers,
    plural_antecedent,
)
from etl.listed_parties import around_someone, listed_before_verb
from etl.speaker_choice import (
    described_holder,
    person_before_verb,
    quoted_speaker,
    quoting_subject,
    title_holder,
)
from etl.speech_nouns import described_speaker
from etl.statement_antecedents import body_antecedent
from etl.statement_appositions import person_beside_title
from etl.statement_examples import example_mentions
from etl.statement_marks import _Covered, _inside
from etl.statement_misparsed import root_noun_subject
from etl.statement_rebels import rebels_speaker
from etl.statement_receivers import asked_not_asking, hearsay_passive, welcomes_visitor
from etl.statement_rows import _make, _trim
from etl.statement_speakers import (
    _FOLLOWERS,
    _UNOFFICIAL,
    _anonymous_person,
    _home_country,
    _name_subject,
    _person_over_place,
    _phrase,
    _pick_speaker,
    _subject_mentions,
    _unofficial_group,
    _untagged_before_verb,
    _untagged_name,
)
from etl.statement_verbs import (
    _DECLINE,
    _DOCUMENT_NOUNS,
    _PASSIVE_REPORTING,
    _SPEECH_OBJECTS,
    _SUBJECT_DEPS,
    NEEDS_CLAUSE,
    _absolute_speaker,
    _cue_text,
    _has_clause,
    _has_content,
    _introduces_quote,
    _is_reporting,
    _no_agent,
)
from etl.turns import actor_kind, voice_of
from etl.types import Statement, stable_id


def _nested_as_reported(ctx: ArticleContext, sent: Span, covered: _Covered) -> Statement | None:
    """ "As the UNHCR has stated repeatedly, only a political solution can end the violence"
    inside a minister's quotation is also the UNHCR's statement (reported speech nested in a
    quote is its own speaker's)."""
    start, end = _trim(ctx.body, sent.start_char, sent.end_char)
    if end - start < 15 or not _inside(covered, start, end):
        return None
    speaker = _as_reported(ctx, sent)
    if speaker is None:
        return None
    while start < end and ctx.body[start] in "\"“‘'":
        start += 1
    while end > start and ctx.body[end - 1] in "\"”’'":
        end -= 1
    made = _make(ctx, speaker, start, end, False, "as reported")
    # the quote's own statement may cover the same span: an id of its own
    return replace(
        made, statement_id=stable_id(ctx.article.article_id, start, end, "as", speaker[1])
    )


def _as_reported(ctx: ArticleContext, sent: Span) -> tuple[str | None, str] | None:
    """ "As the broadcaster reported, ...", "as Al Jazeera said": the source of the sentence."""
    for token in sent:
        if not _is_reporting(token) or token.dep_ != "advcl":
            continue
        if not any(c.dep_ == "mark" and c.lower_ == "as" for c in token.children):
            continue
        subject = next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None:
            continue
        mentions = _subject_mentions(ctx, subject)
        if mentions:
            return _pick_speaker(ctx, mentions)
    return None


def _reporting_clause(
    ctx: ArticleContext,
    sent: Span,
    start: int,
    end: int,
    covered: _Covered,
    last: tuple[str | None, str] | None,
) -> Statement | None:
    for token in _reporting_order(ctx, sent):
        if (
            not _is_reporting(token)
            or token.idx < start
            or _inside(covered, token.idx, token.idx + 1)
        ):
            continue
        quoted = quoted_speaker(token) or described_speaker(token)  # "quoted X as saying"
        if quoted is not None and (found := _subject_mentions(ctx, quoted)):
            return _make(ctx, _pick_speaker(ctx, found), start, end, False, "quote")
        quoting = quoting_subject(token) if quoted is not None else None
        if quoting is not None and (found := _subject_mentions(ctx, quoting)):
            # "Reuters quoted an unnamed officer as saying that ...": nobody named is quoted,
            # the one who quotes speaks
            return _make(ctx, _pick_speaker(ctx, found), start, end, False, "quote")
        if asked_not_asking(token) or welcomes_visitor(token):
            continue  # "When asked ..., X did not answer", "X welcomes the visiting minister"
        if (
            token.dep_ in ("relcl", "pcomp", "csubj", "csubjpass") and not _absolute_speaker(token)
        ) or (token.dep_ == "xcomp" and token.head.lemma_ in _DECLINE):
            # "in what the Kremlin describes as", "X failed to mention", "Canada welcoming the
            # flight stands in contrast" (a clause that is the subject): not X's statement
            continue
        if _points_back_only(token):
            continue  # "He expressed this idea in an interview": where words already given were said
        if _describes_document(token):
            continue  # "vetoed a resolution Saturday calling on Assad": the resolution calls
        if token.lemma_.lower() in ("say", "comment", "tell") and any(
            c.dep_ == "neg" for c in token.children
        ):
            continue  # "the minister did not say how many" reports silence, not a statement
        if not _has_content(token, covered) or _introduces_quote(ctx.body, token, covered):
            continue
        if (
            token.lemma_.lower() in NEEDS_CLAUSE
            and not _has_clause(token)
            and not _estimated_at(token)
        ):
            continue
        subject = _own_subject(token)
        if (
            subject is None
            and token.dep_ in ("advcl", "xcomp", "conj", "acl")
            and token.head.i != token.i
        ):
            subject = next((c for c in token.head.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None:
            subject = root_noun_subject(token)  # "Syrian rebels announced ... that" read as a noun
        if ctx.body[start:end].rstrip().endswith("?") and any(
            c.dep_ in _SUBJECT_DEPS and c.lower_ in ("we", "you", "i") for c in token.children
        ):
            continue  # "Mr. President, can we say that ...?": an interviewer's question
        if subject is None and (outlet := _closing_outlet(ctx, sent)) and token.i == sent.root.i:
            # "..., reported Anadolu news agency": the outlet written after its verb
            return _make(ctx, outlet, start, end, False, _cue_text(token))
        if subject is None:
            # The parser lost the subject ("The warning came as the envoy, Jane Doe, said
            # ..."): a person named right before the verb is its speaker.
            named = (
                person_before_verb(ctx, token, subjectless=True)
                if token.dep_ == "ROOT" or _verb_of_root_name(token)
                else None
            )
            if named is not None:
                found = (voice_of(ctx, named.actor_id), named.text)
                return _make(ctx, found, start, end, False, _cue_text(token))
            listed = listed_before_verb(ctx, token) if token.dep_ == "ROOT" else []
            if listed:  # "..., Tehran, Moscow and Ankara reaffirmed": `with_joint_speakers` copies
                first = (listed[0], ctx.name_of(listed[0]) or listed[0])
                return _make(ctx, first, start, end, False, _cue_text(token))
            untagged = _untagged_before_verb(ctx, token) if token.dep_ == "ROOT" else None
            if untagged is not None:  # "..., Deputy Representative to the UN Jane Doe said"
                return _make(ctx, untagged, start, end, False, _cue_text(token))
            continue
        if subject.dep_ == "nsubjpass" and (agent := _agent_speaker(ctx, token)) is not None:
            # "A call for refugees to return has been made by the new Prime Minister X"
            return _make(ctx, agent, start, end, False, _cue_text(token))
        if subject.dep_ == "nsubj" and subject.lower_ == "it":
            body = body_antecedent(ctx, sent, token, subject, last)
            if body is not None:  # "The ministry said ... It added that ...": that body
                return _make(ctx, body, start, end, False, _cue_text(token))
        if subject.dep_ == "nsubjpass" or subject.lower_ == "it":
            if (
                token.lemma_.lower() in _PASSIVE_REPORTING
                and last is not None
                and _no_agent(token)
                and not hearsay_passive(token)  # "58 people were reported killed"
            ):
                return _make(ctx, last, start, end, False, token.lemma_.lower())
            continue
        mentions = _subject_mentions(ctx, subject)
        if not mentions and token.dep_ in ("ROOT", "conj"):
            # "Countries including the UK and Japan said": the listed parties speak (not in
            # a clause someone else reports: "Donors including Japan pledged ..., the UN said")
            mentions = example_mentions(ctx, subject)
        if (
            subject.lower_ in _UNOFFICIAL
            or _unofficial_group(ctx, subject, mentions)
            or _anonymous_person(subject)
        ) and all(actor_kind(ctx, m.actor_id) == "country" for m in mentions):
            continue  # "Activists in Syria say", "Yemeni political sources said": not the state
        if subject.lemma_.lower() in _FOLLOWERS or around_someone(subject):
            continue  # "The loyalists of Saleh had proposed talks": not Saleh's statement
        untagged = (
            _untagged_name(ctx, subject, mentions)
            or _person_over_place(ctx, subject, mentions)
            or person_beside_title(ctx, token, subject, mentions)
        )
        if untagged is not None:  # "Swiss Secretary of State for Migration Mario Gattiker said"
            return _make(ctx, untagged, start, end, False, _cue_text(token))
        holder = title_holder(ctx, subject, mentions)  # "The Minister said"
        if holder is not None:
            return _make(ctx, holder, start, end, False, _cue_text(token))
        if len(mentions) == 1 and mentions[0].how == "reference":
            rebels = rebels_speaker(ctx, subject, mentions[0].actor_id)
            if rebels is not None:  # "The rebels said", Hezbollah named last: the insurgency
                return _make(ctx, rebels, start, end, False, _cue_text(token))
        if _bare_government(ctx, mentions):
            mentions = []  # "The Federal Government has announced": the story's country
        if not mentions:
            if is_back_reference(subject):
                # "they announced", "the three countries rejected": the parties named together
                # before; `with_joint_speakers` gives each its row (or drops the row when
                # nobody was named together)
                joint = plural_antecedent(ctx, sent)
                speaker = (
                    (joint[0], ctx.name_of(joint[0]) or joint[0])
                    if joint
                    else (None, _phrase(subject))
                )
                return _make(ctx, speaker, start, end, False, token.lemma_.lower())
            if subject.lemma_.lower() in _DOCUMENT_NOUNS and last is not None:
                # "The statement repeats that ..." continues the author of the statement.
                return _make(ctx, last, start, end, False, token.lemma_.lower())
            if subject.lower_ in ("he", "she") and _voiced_by_official(ctx, last):
                # "Colombia's director of migration reported ... he said": no person is named,
                # so the pronoun is the official who spoke for the country just before
                return _make(ctx, last, start, end, False, _cue_text(token))
            body = body_back_reference(ctx, subject) or acronym_speaker(ctx, subject)
            if body is not None:  # "The Council urged ...", "the HNC said"
                return _make(ctx, body, start, end, False, _cue_text(token))
            rebels = rebels_speaker(ctx, subject)  # "The rebels said": the page's insurgency
            if rebels is not None:
                return _make(ctx, rebels, start, end, False, _cue_text(token))
            home = _home_country(ctx, subject)
            if home is not None:
                return _make(ctx, home, start, end, False, token.lemma_.lower())
            described = described_holder(ctx, subject)  # "stranded teacher says"
            if described is not None:
                return _make(ctx, described, start, end, False, _cue_text(token))
            named = _name_subject(ctx, subject)  # "Ban urged countries to ..."
            if named is not None:
                return _make(ctx, named, start, end, False, _cue_text(token))
            continue
        speaker_id, speaker_text = _pick_speaker(ctx, mentions)
        if len(mentions) == 1 and mentions[0].how == "reference":
            carried = group_carried_on(ctx, subject, speaker_id, last)  # "the group said"
            if carried is not None:
                return _make(ctx, carried, start, end, False, _cue_text(token))
        agency = agency_of_parent(ctx, subject, speaker_id)  # "the UN agency noted"
        if agency is not None:
            return _make(ctx, agency, start, end, False, _cue_text(token))
        coordinated = any(c.dep_ == "conj" for c in subject.children)  # "X and Y said"
        if not coordinated and (named := person_before_verb(ctx, token)) is not None:
            # "X's envoy, Y, said"
            speaker_id, speaker_text = voice_of(ctx, named.actor_id), named.text
        return _make(ctx, (speaker_id, speaker_text), start, end, False, _cue_text(token))
    return None


_BARE_GOVERNMENTS = {"government", "federal government", "national government"}


def _bare_government(ctx: ArticleContext, mentions: list) -> bool:
    """The only name in the subject is an organisation the tagger found that is just "the
    (Federal) Government", no country named: it is no body of its own."""
    if len(mentions) != 1:
        return False
    actor = ctx.actors.get(mentions[0].actor_id)
    if actor is None or actor.source != "discovered" or actor.country_id:
        return False
    name = actor.name.lower()
    return (name[4:] if name.startswith("the ") else name) in _BARE_GOVERNMENTS


def _own_subject(verb: Token) -> Token | None:
    """The verb's subject; of two (a dateline the parser also hung on the verb: "Dec. 11 (ANI):
    Prime Minister Jane Doe has welcomed ..."), the one nearest before the verb, when it is a
    phrase of its own."""
    subjects = [c for c in verb.children if c.dep_ in _SUBJECT_DEPS]
    before = [c for c in subjects if c.i < verb.i]
    if len(subjects) > 1 and before and _own_subject_piece(before[-1]):
        return before[-1]
    return subjects[0] if subjects else None


def _own_subject_piece(nearest: Token) -> bool:
    """The subject nearest the verb is a noun phrase of its own ("(ANI): Prime Minister Jane
    Doe has welcomed", "The last flight left …, officials acknowledged"), not a piece of a
    subject the parser split ("Representatives of … President Bashar al-Assad - warned": the
    dash, or the "al" of a hyphenated name)."""
    doc = nearest.doc
    hyphenated = (
        not nearest.whitespace_ and nearest.i + 1 < len(doc) and doc[nearest.i + 1].text == "-"
    )
    return nearest.pos_ in ("NOUN", "PROPN") and nearest.text[:1].isalpha() and not hyphenated


def _verb_of_root_name(verb: Token) -> bool:
    """ "Jane Doe, the UN regional coordinator, called on major powers to ...": a finite verb
    the parser hung on the name that opens the sentence (as if it described the name) is that
    name's predicate."""
    head = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ in ("VBD", "VBZ")
        and head.dep_ == "ROOT"
        and head.pos_ == "PROPN"
        and head.i < verb.i
    )


_RELAYING_ROLES = {"official", "spokesman", "spokeswoman", "spokesperson"}


def _relaying_official(ctx: ArticleContext, sent: Span, first: Statement) -> Statement | None:
    """ "General X told Taliban officials not to attack the airport, a US defense official
    said": the unnamed official closing the sentence reports the person's words, and is a
    speaker too, for the official's country (an outlet or a named person closing a sentence
    only relays it, see `_reporting_order`)."""
    root = sent.root
    if not _is_reporting(root) or not any(
        c.dep_ == "ccomp" and c.i < root.i for c in root.children
    ):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.lemma_.lower() not in _RELAYING_ROLES:
        return None
    mentions = _subject_mentions(ctx, subject)
    if not mentions or actor_kind(ctx, mentions[0].actor_id) not in ("country", "government"):
        return None
    speaker = (voice_of(ctx, mentions[0].actor_id), mentions[0].text)
    if speaker[0] == first.speaker_id or (
        first.speaker_id is not None and actor_kind(ctx, first.speaker_id) != "person"
    ):
        return None  # the official's own words, or a body's
    return replace(
        _make(ctx, speaker, first.char_start, first.char_end, False, _cue_text(root)),
        statement_id=stable_id(
            ctx.article.article_id, first.char_start, first.char_end, str(speaker[0])
        ),
    )


# Verbs by which an outlet closing a sentence reports it: ", Reuters reported", "writes CNN".
_OUTLET_VERBS = {"report", "write"}
# Nouns that make a discovered organisation an outlet: "the RIA news agency", "state TV".
_OUTLET_NOUNS = {
    "agency",
    "correspondent",
    "newspaper",
    "daily",
    "tv",
    "television",
    "broadcaster",
    "radio",
    "channel",
    "news",
}


def _closing_outlet(ctx: ArticleContext, sent: Span) -> tuple[str, str] | None:
    """The outlet of a sentence whose root "reported" / "writes" follows the clause it reports,
    its subject before or after the verb ("..., reported Anadolu news agency"). An outlet
    closing a sentence where someone else speaks only relays it (`_reporting_order`)."""
    root = sent.root
    if root.lemma_.lower() not in _OUTLET_VERBS or not any(
        c.dep_ == "ccomp" and c.i < root.i for c in root.children
    ):
        return None
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None) or next(
        (c for c in root.children if c.dep_ in ("dobj", "attr") and c.i > root.i), None
    )
    if subject is None:
        return None
    for mention in _subject_mentions(ctx, subject):
        actor = ctx.actors.get(mention.actor_id)
        if actor is None:
            continue
        words = {t.lower_ for t in subject.subtree}
        if actor.kind == "media" or (
            actor.kind in ("organization", "organisation") and words & _OUTLET_NOUNS
        ):
            return actor.actor_id, mention.text
    return None


def _nested_clauses(
    ctx: ArticleContext, sent: Span, first: Statement, covered: _Covered
) -> list[Statement]:
    """Reported speech nested in a statement's sentence, in an adverbial or relative clause with
    its own named subject ("X said the Government has offered to resettle 100 Syrians after the
    United Nations called upon the international community to help", "the blasts, which the
    Interior Ministry blamed on a car bomb"): also a statement of that subject, the clause its
    evidence."""
    found: list[Statement] = []
    for token in sent:
        if (
            token.dep_ not in ("advcl", "relcl")
            or not _is_reporting(token)
            or _inside(covered, token.idx, token.idx + 1)
            or not _has_content(token, covered)
        ):
            continue
        found_subject = _named_subject_speaker(ctx, token)
        if found_subject is None:
            continue
        subject, speaker = found_subject
        if speaker[0] is None or speaker[0] in (first.speaker_id, ctx.country_of(first.speaker_id)):
            continue
        words = [t for t in token.subtree if t.dep_ != "mark" or t.head is not token]
        start = min(subject.left_edge.idx, words[0].idx)
        if token.dep_ == "relcl":  # "which the Interior Ministry blamed on ...": from "which"
            start = token.left_edge.idx
        end = words[-1].idx + len(words[-1])
        start, end = _trim(ctx.body, start, end)
        if end - start < 20 or not (first.char_start <= start and end <= first.char_end):
            continue
        found.append(
            replace(
                _make(ctx, speaker, start, end, False, _cue_text(token)),
                statement_id=stable_id(ctx.article.article_id, start, end, str(speaker[0])),
            )
        )
    return found


def _named_subject_speaker(
    ctx: ArticleContext, verb: Token
) -> tuple[Token, tuple[str | None, str]] | None:
    """The reporting verb's own subject and the speaker it names, when the subject is a name
    (not a pronoun) that resolves to an actor; else None."""
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return None
    mentions = _subject_mentions(ctx, subject)
    if not mentions:
        return None
    return subject, _pick_speaker(ctx, mentions)


def _voiced_by_official(ctx: ArticleContext, last: tuple[str | None, str] | None) -> bool:
    """The last speaker is a country, government or body (one of its officials spoke)."""
    return (
        last is not None
        and last[0] is not None
        and actor_kind(ctx, last[0]) in ("country", "government", "intergovernmental")
    )


def _second_clause(
    ctx: ArticleContext, sent: Span, first: Statement, covered: _Covered
) -> Statement | None:
    """ "X blamed the rebels, and Y said the claims were false": a reporting verb joined to the
    sentence with a subject of its own is a second statement, its own clause's, when another
    actor speaks it, not one of the parties the first clause's subject coordinates."""
    for token in sent:
        if (
            token.idx <= first.char_start
            or token.dep_ != "conj"
            or not _is_reporting(token)
            or _inside(covered, token.idx, token.idx + 1)
            or not _has_content(token, covered)
        ):
            continue
        found_subject = _named_subject_speaker(ctx, token)
        if found_subject is None:
            continue
        subject, speaker = found_subject
        if speaker[0] == first.speaker_id:
            continue
        if speaker[0] in joint_subject_speakers(ctx, first):
            # "Both the U.S. and Russia said …, but Russia insisted …": one joint sentence,
            # each party's whole (GOLD.md), not a second statement of one of them
            continue
        start, end = _trim(ctx.body, subject.left_edge.idx, sent.end_char)
        return _make(ctx, speaker, start, end, False, _cue_text(token))
    return None


def _reporting_order(ctx: ArticleContext, sent: Span) -> list[Token]:
    """The sentence's tokens, its root first when the root reports a clause written before it
    and a person is its subject: in "Norway has revoked licences and pledged sanctions, Prime
    Minister X announced" the speaker is the one who announced, not the subject of "pledged".
    A news agency closing the sentence (", AFP reports") only relays it and stays behind."""
    root = sent.root
    tokens = list(sent)
    if not _is_reporting(root) or not any(
        c.dep_ == "ccomp" and c.i < root.i for c in root.children
    ):
        return tokens
    subject = next((c for c in root.children if c.dep_ in _SUBJECT_DEPS), None)
    if subject is None or not any(
        actor_kind(ctx, m.actor_id) == "person" for m in _subject_mentions(ctx, subject)
    ):
        return tokens
    tokens.remove(root)
    tokens.insert(0, root)
    return tokens


# Documents a participle after them describes: "a resolution calling on ...", "a draft urging".
_DESCRIBED_DOCUMENTS = _DOCUMENT_NOUNS | {"resolution", "draft", "motion", "bill", "text", "plan"}


def _describes_document(token: Token) -> bool:
    """A reporting participle written right after a document noun (a day or time between them
    allowed) says what the document says, whatever the parser hung it on."""
    if token.tag_ != "VBG" or token.dep_ not in ("advcl", "acl", "xcomp", "conj"):
        return False
    i = token.i - 1
    while i >= 0 and token.doc[i].ent_type_ in ("DATE", "TIME"):
        i -= 1
    return i >= 0 and token.doc[i].lemma_.lower() in _DESCRIBED_DOCUMENTS


def _estimated_at(token: Token) -> bool:
    """ "The UN estimated them at 76,000": an estimate put at a number says it, clause or not."""
    return token.lemma_.lower() == "estimate" and any(
        c.dep_ == "prep" and c.lower_ == "at" and any(t.like_num for t in c.subtree)
        for c in token.children
    )


def _points_back_only(token: Token) -> bool:
    """ "He expressed this idea in an interview", "she made these remarks on Monday": the object
    points back at words already reported, and the verb only says where they were given."""
    if token.lemma_.lower() not in _VOICING or any(
        c.dep_ in ("ccomp", "xcomp") for c in token.children
    ):
        return False
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return bool(objects) and all(
        o.lemma_.lower() in _GIVEN_WORDS
        and any(
            d.dep_ == "det" and d.lower_ in ("this", "that", "these", "those") for d in o.children
        )
        for o in objects
    )


_VOICING = {"express", "voice", "make", "deliver", "give"}
_GIVEN_WORDS = {
    "idea",
    "view",
    "position",
    "opinion",
    "remark",
    "comment",
    "statement",
    "point",
    "thought",
}


def _agent_speaker(ctx: ArticleContext, verb: Token) -> tuple[str | None, str] | None:
    """The named agent of a passive reporting verb ("was announced by Sweden", "has been made
    by the country's new Prime Minister X"): a person named there first, else the body or
    country; an unnamed agent ("by rights groups") names nobody."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if (
        subject is not None
        and subject.lemma_.lower() not in _SPEECH_OBJECTS
        and any(d.dep_ == "det" and d.lower_ in _POINTING_BACK for d in subject.children)
    ):
        return None  # "The sanctions were announced by X at a press conference": told before
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
    if pobj is None:
        return None
    mentions = _subject_mentions(ctx, pobj)
    if not mentions:
        return _untagged_name(ctx, pobj, mentions)
    return _pick_speaker(ctx, mentions)


_POINTING_BACK = {"the", "this", "that", "these", "those"}

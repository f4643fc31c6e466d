"""Passes over an article's extracted statements that revise or add rows with the whole
article in view: speakers carried on by pronouns and passive agents, government bodies speaking
for their country, first-person paragraphs that continue a quote, pull quotes printed twice.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import replace

from etl.context import ArticleContext
from etl.docindex import DocIndex
from etl.statement_marks import _paragraphs, _words
from etl.statement_rows import _make, _respeak
from etl.turns import actor_kind
from etl.types import Statement


def _without_pull_quotes(statements: list[Statement]) -> list[Statement]:
    """A pull quote the page repeats in full elsewhere (a highlighted sentence, then the same
    words inside a longer quotation of the same speaker) is annotated once: the shorter copy
    gives way; so is a sentence the page prints twice with the same speaker."""
    direct = [(s, " ".join(re.findall(r"\w+", s.quote.lower()))) for s in statements if s.is_direct]
    dropped: set[str] = set()
    for short, short_words in direct:
        if short_words.count(" ") < 6 or not re.search(r"[.!?,;\u2026]\W*$", short.quote):
            continue  # a copy the page cuts off mid-word is a page's repeat, not a pull quote
        if any(
            long.char_start != short.char_start
            and len(long_words) > len(short_words)
            and short_words in long_words
            and _same_speaker(long, short)
            for long, long_words in direct
        ):
            dropped.add(short.statement_id)
    kept: list[tuple[Statement, str]] = []
    for statement in statements:  # a sentence the page prints twice (a deck, then the lead)
        words = " ".join(re.findall(r"\w+", statement.quote.lower()))
        if statement.statement_id in dropped or words.count(" ") < 6:
            continue
        if any(_same_speaker(statement, k) and _reprinted(words, w) for k, w in kept):
            dropped.add(statement.statement_id)
        else:
            kept.append((statement, words))
    return [s for s in statements if s.statement_id not in dropped]


def _reprinted(a: str, b: str) -> bool:
    """The same sentence, but for a dateline of up to three words before one copy."""
    short, long = sorted((a, b), key=len)
    return long == short or (long.endswith(" " + short) and long[: -len(short)].count(" ") <= 3)


def _same_speaker(a: Statement, b: Statement) -> bool:
    if a.speaker_id is not None or b.speaker_id is not None:
        return a.speaker_id == b.speaker_id
    return a.speaker_text == b.speaker_text


_OPENS_FIRST_PERSON = re.compile(r"^(?:We|I|Our|My)\b")


def _first_person_carried_on(ctx: ArticleContext, statements: list[Statement]) -> list[Statement]:
    """A paragraph in the first person with no quotation marks ("We will do what is necessary
    ..."), right after a paragraph where a person is quoted and is the last to speak, goes on
    with that person's words (the page lost the marks)."""
    added: list[Statement] = []
    paragraphs = _paragraphs(ctx.body)
    for (prev_start, prev_end), (start, end) in itertools.pairwise(paragraphs):
        text = ctx.body[start:end].strip()
        if not _OPENS_FIRST_PERSON.match(text) or re.search(r"[\"\u201c\u201d]", text):
            continue
        if _words(text) < 8 or any(s.char_start < end and start < s.char_end for s in statements):
            continue
        before = [s for s in statements if prev_start <= s.char_start < prev_end]
        if not before or not any(s.is_direct for s in before):
            continue
        last = before[-1]
        if last.speaker_id is None or actor_kind(ctx, last.speaker_id) != "person":
            continue
        if not any(s.is_direct and s.speaker_id == last.speaker_id for s in before):
            continue
        lead = len(ctx.body[start:end]) - len(ctx.body[start:end].lstrip())
        speaker = (last.speaker_id, last.speaker_text)
        added.append(_make(ctx, speaker, start + lead, start + lead + len(text), True, None))
    return sorted([*statements, *added], key=lambda s: (s.char_start, s.char_end))


def _claimed(claims: Sequence, start: int, end: int) -> bool:
    return any(c.start < end and start < c.end for c in claims)


# A government body by its name: it speaks for its country ("governments are named by their
# country", GOLD.md): "Canada's Immigration Department said" is Canada's statement.
_GOVERNMENT_BODY = re.compile(
    r"\b(?:ministry|department|cabinet|government|embassy|foreign office|presidency)\b", re.I
)


def _government_voice(ctx: ArticleContext, statement: Statement) -> Statement:
    actor = ctx.actors.get(statement.speaker_id) if statement.speaker_id else None
    if (
        actor is None
        or actor.kind not in {"organization", "organisation"}
        or not actor.country_id
        or not _GOVERNMENT_BODY.search(actor.name)
    ):
        return statement
    return _respeak(ctx, statement, actor.country_id)


# A ministry or department named without its country ("the Interior Ministry", "the Ministry of
# Foreign Affairs", "According to the country's Health Ministry").
_MINISTRY_BODY = re.compile(r"\b(?:ministry|department|foreign office|presidency)\b", re.I)


def _page_country(ctx: ArticleContext) -> str | None:
    """The country the page names most (by name, capital or one of its officials or bodies, not
    by demonym), at least three times and more than any other."""
    counts: dict[str, int] = {}
    for mention in ctx.mentions:
        actor = ctx.actors.get(mention.actor_id)
        if actor is None or mention.how == "demonym":
            continue
        if actor.kind == "country":
            country = actor.actor_id
        elif actor.kind in ("government", "person"):
            country = actor.country_id
        else:
            continue
        if country:
            counts[country] = counts.get(country, 0) + 1
    ranked = sorted(counts.values(), reverse=True)
    if not ranked or ranked[0] < 3 or (len(ranked) > 1 and ranked[1] == ranked[0]):
        return None
    return max(counts, key=lambda c: counts[c])


def countryless_ministries(ctx: ArticleContext, statements: Sequence[Statement]) -> list[Statement]:
    """A discovered ministry no words gave a country speaks for the country the page names
    most (`_page_country`), as governments are named by their country (GOLD.md). No such
    country: left as it is."""
    out = []
    leading: str | None | bool = False  # not yet looked for
    for statement in statements:
        actor = ctx.actors.get(statement.speaker_id) if statement.speaker_id else None
        if (
            actor is not None
            and actor.source == "discovered"
            and actor.kind in {"organization", "organisation"}
            and not actor.country_id
            and _MINISTRY_BODY.search(actor.name)
        ):
            if leading is False:
                leading = _page_country(ctx)
            if leading:
                statement = _respeak(ctx, statement, leading)
        out.append(statement)
    return out


# Subjects that point back at what was just reported: "This information was voiced by X".
_ANAPHORIC_SUBJECTS = {
    "this",
    "that",
    "these",
    "those",
    "information",
    "remark",
    "remarks",
    "claim",
    "statement",
    "comment",
    "comments",
    "words",
    "assessment",
    "position",
    "view",
}


def _refine_speakers(ctx: ArticleContext, statements: list[Statement]) -> list[Statement]:
    """Give a country's statement to the official voicing it, when the text says who that is.

    - "According to the Russian side, X. This information was voiced by spokesperson Y":
      the passive agent of the next sentence is the speaker of the one before.
    - "Russia appeals to its partners to ..." inside a paragraph reporting Russia's
      spokesperson continues that spokesperson's statement.
    """
    agents = _passive_agents(ctx)
    refined: list[Statement] = []
    for statement in statements:
        sent = ctx.sentence_at(statement.char_start)
        agent = agents.get(sent.end_char)
        current = statement.speaker_id
        if agent is not None and _same_side(ctx, current, agent):
            statement = _respeak(ctx, statement, agent)
        elif current is not None and actor_kind(ctx, current) == "country" and refined:
            previous = refined[-1]
            if (
                previous.speaker_id
                and actor_kind(ctx, previous.speaker_id) == "person"
                and ctx.country_of(previous.speaker_id) == current
                and _same_paragraph(ctx.body, previous.char_end, statement.char_start)
                and not _sourced_elsewhere(ctx, sent, previous.speaker_id)
            ):
                statement = _respeak(ctx, statement, previous.speaker_id, previous.speaker_text)
        refined.append(statement)
    return refined


def _sourced_elsewhere(ctx: ArticleContext, sent, person: str) -> bool:
    """ "According to the TV channel Fox, Russia demanded ...": a sentence that names its own
    source other than the person who spoke before does not continue that person."""
    from etl.statement_reported import _according_to_phrase  # reported imports the passes' kin

    phrase = _according_to_phrase(sent)
    if phrase is None:
        return False
    return any(m.actor_id != person for m in ctx.mentions_in(*phrase))


def _passive_agents(ctx: ArticleContext) -> dict[int, str]:
    """End offset of a sentence -> the person named as agent in the anaphoric sentence after it."""
    agents: dict[int, str] = {}
    sents = list(ctx.doc.sents)
    for previous, sent in zip(sents, sents[1:]):
        dep = DocIndex.of(sent.doc).words.dep
        first = next((i for i in range(sent.start, sent.end) if dep[i] == "nsubjpass"), None)
        subject = None if first is None else sent.doc[first]
        if subject is None or subject.lemma_.lower() not in _ANAPHORIC_SUBJECTS:
            continue
        for token in sent:
            if token.dep_ == "agent":
                left = token.idx
                right = token.right_edge.idx + len(token.right_edge.text)
                people = [
                    m
                    for m in ctx.mentions_in(left, right)
                    if actor_kind(ctx, m.actor_id) == "person"
                ]
                if people:
                    agents[previous.end_char] = people[0].actor_id
                break
    return agents


def _same_side(ctx: ArticleContext, speaker_id: str | None, person_id: str) -> bool:
    if speaker_id is None:
        return True
    if speaker_id == person_id:
        return False
    return actor_kind(ctx, speaker_id) != "person" and ctx.country_of(person_id) in (
        speaker_id,
        ctx.country_of(speaker_id),
    )


def _same_paragraph(text: str, start: int, end: int) -> bool:
    return start <= end and "\n" not in text[start:end]


def _pronoun_continues_speaker(ctx: ArticleContext, statements: list[Statement]) -> list[Statement]:
    """ "Jane Doe, the deputy chair of the committee, urged ... Such an operation would ..., he
    said": a "he"/"she" speaking right after a person's statement (nobody else named between,
    at most one paragraph break) continues that person, whoever the pronoun was matched to."""
    out: list[Statement] = []
    moved: tuple[str | None, Statement] | None = None  # (pronoun's actor, the one meant)
    for statement in statements:
        previous = out[-1] if out else None
        if (
            moved is not None
            and statement.is_direct
            and statement.speaker_id == moved[0]
            and (statement.cue is None or _same_pronoun_paragraph(ctx, previous, statement))
        ):
            # a quote paragraph carrying on the pronoun's speaker carries on the one meant
            statement = replace(
                statement,
                speaker_id=moved[1].speaker_id,
                speaker_text=moved[1].speaker_text,
            )
        elif (
            previous is not None
            and statement.speaker_text.lower() in {"he", "she"}
            and _named_person(ctx, previous)
            and previous.speaker_id != statement.speaker_id
            and previous.char_end <= statement.char_start
            and ctx.body.count("\n\n", previous.char_end, statement.char_start) <= 1
            and _carries_on(ctx, previous, statement)
        ):
            moved = (statement.speaker_id, previous)
            statement = replace(
                statement, speaker_id=previous.speaker_id, speaker_text=previous.speaker_text
            )
            if previous.speaker_id is not None:
                statement = _respeak(ctx, statement, previous.speaker_id)
        else:
            moved = None
        out.append(statement)
    return out


def _carries_on(ctx: ArticleContext, previous: Statement, statement: Statement) -> bool:
    """No other person is named between the two statements; or only the previous speaker
    (the attribution after a quote), or the pronoun "added" ("He added ..." goes on with the
    one who spoke last, whoever was named between) - those two only when the article does not
    call that person by the other pronoun alone."""
    between = [
        m
        for m in ctx.mentions_in(previous.char_end, statement.char_start)
        if m.how != "pronoun" and actor_kind(ctx, m.actor_id) == "person"
    ]
    if not between:
        return True
    if _other_gender(ctx, previous.speaker_id, statement.speaker_text):
        return False
    return statement.cue == "add" or all(m.actor_id == previous.speaker_id for m in between)


_PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}


def _other_gender(ctx: ArticleContext, person: str | None, pronoun: str) -> bool:
    """The article refers to the person with pronouns of the other gender only ("she" for a
    "he" that would carry her on)."""
    if person is None:
        return False
    wanted = _PRONOUN_GENDER.get(pronoun.lower())
    seen = {
        _PRONOUN_GENDER.get(m.text.lower())
        for m in ctx.mentions
        if m.actor_id == person and m.how == "pronoun"
    } - {None}
    return bool(seen) and wanted not in seen


def _same_pronoun_paragraph(
    ctx: ArticleContext, previous: Statement | None, statement: Statement
) -> bool:
    """ "“…,” he said, directing his remarks to Haley. “…”": a quote of the same paragraph whose
    "he"/"she" is the one just re-resolved carries on the person meant, even when another
    person was named in the attribution between them."""
    return (
        previous is not None
        and statement.speaker_text.lower() in {"he", "she"}
        and previous.char_end <= statement.char_start
        and "\n" not in ctx.body[previous.char_end : statement.char_start]
    )


def _named_person(ctx: ArticleContext, statement: Statement) -> bool:
    """A statement of a known person, or of a name the gazetteer lacks ("Alaa")."""
    if statement.speaker_id is not None:
        return actor_kind(ctx, statement.speaker_id) == "person"
    words = statement.speaker_text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _official_continues_speaker(
    ctx: ArticleContext, statements: list[Statement]
) -> list[Statement]:
    """ "The official described the move as symbolic", "the official noted": a bare "official"
    goes on with the person whose statement was just reported (within a paragraph break), not
    with whoever was named last ("… jointly with the Lebanese minister Y. The official …" is
    still X). The adjective "official" ("the official HNC Twitter feed confirmed") names
    nobody: the body it qualifies speaks."""
    out: list[Statement] = []
    for statement in statements:
        previous = out[-1] if out else None
        mention = _official_mention(ctx, statement)
        if mention is not None:
            span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
            token = span.root if span is not None else None
            if token is not None and token.dep_ == "amod":
                phrase = list(token.head.subtree)
                others = [
                    m
                    for m in ctx.mentions_in(phrase[0].idx, phrase[-1].idx + len(phrase[-1]))
                    if m is not mention and m.actor_id != mention.actor_id
                ]
                if others:
                    speaker_id, speaker_text = _pick_body(ctx, others)
                    statement = _respeak(ctx, statement, speaker_id, speaker_text)
            elif (
                previous is not None
                and _named_person(ctx, previous)
                and previous.speaker_id != statement.speaker_id
                and previous.char_end <= statement.char_start
                and ctx.body.count("\n\n", previous.char_end, statement.char_start) <= 1
            ):
                statement = replace(
                    statement,
                    speaker_id=previous.speaker_id,
                    speaker_text=previous.speaker_text,
                )
        out.append(statement)
    return out


def _official_mention(ctx: ArticleContext, statement: Statement):
    """The mention "official" that gave the statement its speaker, if that is how it got it."""
    if statement.speaker_text.lower() not in ("official", "the official"):
        return None
    sent = ctx.sentence_at(statement.char_start)
    for mention in ctx.mentions_in(sent.start_char, max(sent.end_char, statement.char_end)):
        if mention.actor_id == statement.speaker_id and mention.text.lower() == "official":
            return mention
    return None


def _pick_body(ctx: ArticleContext, mentions) -> tuple[str, str]:
    from etl.statement_speakers import _pick_speaker

    return _pick_speaker(ctx, mentions)


def _pronoun_after_named_subject(
    ctx: ArticleContext, statements: list[Statement]
) -> list[Statement]:
    """ "US Ambassador to the UN Jane Doe condemned the veto: “…,” she said": a "he"/"she"
    attributing a quotation that a clause of the same sentence introduced, with a person's name
    as its subject, is that person, whoever the pronoun was matched to (the tagger may have
    missed the name)."""
    from etl.statement_speakers import _untagged_name

    out: list[Statement] = []
    for statement in statements:
        if statement.speaker_text.lower() in ("he", "she"):
            found = _introducing_subject(ctx, statement, _untagged_name)
            if found is not None and found[0] != statement.speaker_id:
                statement = replace(statement, speaker_id=found[0], speaker_text=found[1])
        out.append(statement)
    return out


def _introducing_subject(ctx: ArticleContext, statement: Statement, untagged):
    sent = ctx.sentence_at(statement.char_start)
    pronoun = next(
        (
            t
            for t in sent
            if t.lower_ == statement.speaker_text.lower() and t.dep_ in ("nsubj", "nsubjpass")
        ),
        None,
    )
    if pronoun is None:
        return None
    for subject in sent:
        if subject.i >= pronoun.i or subject.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if subject.pos_ not in ("PROPN", "NOUN") or subject.head.i >= pronoun.i:
            return None
        between = ctx.body[subject.head.idx : pronoun.idx]
        if not re.search(r"[\"\u201c]", between):
            return None  # no quotation between: the clause does not introduce one
        left, right = subject.left_edge, subject.right_edge
        mentions = ctx.mentions_in(left.idx, right.idx + len(right))
        people = [m for m in mentions if actor_kind(ctx, m.actor_id) == "person"]
        if people:
            return people[-1].actor_id, people[-1].text
        return untagged(ctx, subject, mentions)
    return None

"""Statements: direct quotations and reported speech, each with its speaker.

Direct quotes are found from quotation marks (straight or curly; a straight quote left open runs
to the end of its paragraph, as wire copy does when the next paragraph continues the quote; in
a paragraph without double marks, single marks as British papers print them, when an
attribution or a reporting clause names their speaker or they open a paragraph). A
quote that stands as a clause of its own is a direct statement; its speaker is named in the
attribution after it (", Darchiev said"), before it ("X said:"), or, for an unattributed
paragraph of quotation, is the previous statement's speaker. A quoted phrase embedded in a
sentence ("called it a “failed mission”") is part of that sentence, which is reported speech when
an actor is the subject of a reporting verb, or says "according to X".
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from spacy.tokens import Span, Token

from etl.body_references import acronym_speaker, body_back_reference, group_carried_on
from etl.context import ArticleContext
from etl.debate_summaries import debate_summary_claims
from etl.document_speaker import document_claims, said_colon_claims
from etl.joint_speakers import (
    is_back_reference,
    plural_antecedent,
    points_back,
    with_joint_speakers,
)
from etl.speaker_choice import (
    described_holder,
    holder_of_title,
    person_before_verb,
    quoted_speaker,
    title_holder,
    title_in,
)
from etl.speech_nouns import SPEECH_ADJECTIVE, described_speaker
from etl.transcripts import transcript_claims
from etl.turns import actor_kind, apply_claims, voice_of
from etl.types import Mention, Statement, stable_id

RULES_DIR = Path(__file__).resolve().parent / "rules"
_OPEN = {"\u201c": "\u201d", "\u00ab": "\u00bb"}
_CLOSE = {"\u201d", "\u00bb"}
_MIN_QUOTE_WORDS = 4  # shorter quoted phrases are scare quotes or titles, not statements
_PASSIVE_REPORTING = {
    "emphasize",
    "emphasise",
    "stress",
    "conclude",
    "call",
    "note",
    "say",
    "state",
    "report",
}
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
_DECLINE = {"fail", "decline", "refuse"}


def load_reporting_verbs(
    path: Path | None = None,
) -> tuple[frozenset[str], frozenset[tuple[str, str]], frozenset[str]]:
    """Reporting lemmas, (verb, particle) pairs, and the lemmas that need a clause ("X noted that").

    Read from rules/reporting_verbs.txt.
    """
    path = path or RULES_DIR / "reporting_verbs.txt"
    single, phrasal, needs_clause = set(), set(), set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if line.endswith("*"):
            line = line.rstrip("* ")
            needs_clause.add(line)
        words = line.split()
        if len(words) == 1:
            single.add(words[0])
        else:
            phrasal.add((words[0], words[1]))
            single.add(words[0])
    return frozenset(single), frozenset(phrasal), frozenset(needs_clause)


REPORTING_VERBS, PHRASAL_REPORTING, NEEDS_CLAUSE = load_reporting_verbs()
_DOCUMENT_NOUNS = {
    "statement",
    "report",
    "release",
    "communique",
    "communiqué",
    "letter",
    "declaration",
    "readout",
}


@dataclass(frozen=True)
class QuoteSpan:
    """Character span of a quotation's content (inside the marks)."""

    start: int
    end: int
    closed: bool  # False when a straight quote ran to the end of its paragraph

    @property
    def outer_start(self) -> int:
        return self.start - 1

    @property
    def outer_end(self) -> int:
        return self.end + 1 if self.closed else self.end


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quotation spans in text: curly pairs, and straight quotes paired within each paragraph."""
    quotes: list[QuoteSpan] = []
    for para_start, para_end in _paragraphs(text):
        i = para_start
        open_at: int | None = None
        open_char = ""
        closed_at: int | None = None  # where the paragraph's last curly quote closed
        while i < para_end:
            ch = text[i]
            if open_at is None:
                if ch in _OPEN or (ch == '"'):
                    open_at, open_char = i, ch
                elif ch in _CLOSE and closed_at is not None:
                    quotes += _lost_opening(text, closed_at, i)
                    closed_at = None
            elif (ch == '"' and open_char == '"') or (ch in _CLOSE and open_char in _OPEN):
                if i > open_at + 1:
                    quotes.append(QuoteSpan(open_at + 1, i, True))
                closed_at = i + 1 if ch in _CLOSE else None
                open_at = None
            i += 1
        if open_at is not None:
            quotes.extend(_left_open(text, open_at, para_end))
    return quotes


def _lost_opening(text: str, after: int, close_at: int) -> list[QuoteSpan]:
    """A closing mark with no opening after a closed quote of the same paragraph ("... this
    gesture.” Germany had responded generously. This is going to make a difference.”"): the
    page lost the opening mark, and the quotation runs from the end of the previous one."""
    start = after
    while start < close_at and text[start].isspace():
        start += 1
    if start == after or not text[start : start + 1].isupper() or _words(text[start:close_at]) < 6:
        return []
    return [QuoteSpan(start, close_at, True)]


_SINGLE_OPEN = "'\u2018"
_SINGLE_CLOSE = "'\u2019"
_BEFORE_OPEN = " \t([\u2014\u2013-:"
_AFTER_CLOSE = " \t,.;:!?)\u2014\u2013-"


def find_single_quotes(text: str) -> list[QuoteSpan]:
    """Quotations in single marks, as British papers print them ('We were safe,' he said), in
    paragraphs that use no double marks. An opening mark follows a space, a bracket, a dash or
    a colon and comes before a letter or digit; a closing mark ends a word and comes before a
    space or punctuation, never after a plural's s ("the refugees' camp"); a quote left open
    runs to the end of its paragraph."""
    quotes: list[QuoteSpan] = []
    for para_start, para_end in _paragraphs(text):
        if re.search(r"[\"\u201c\u201d\u00ab\u00bb]", text[para_start:para_end]):
            continue
        open_at: int | None = None
        for i in range(para_start, para_end):
            ch = text[i]
            if open_at is None:
                if (
                    ch in _SINGLE_OPEN
                    and (i == para_start or text[i - 1] in _BEFORE_OPEN or text[i - 1] == "\n")
                    and i + 1 < para_end
                    and text[i + 1].isalnum()
                ):
                    open_at = i
            elif (
                ch in _SINGLE_CLOSE
                and i > open_at + 1
                and not text[i - 1].isspace()
                and (i + 1 == para_end or text[i + 1] in _AFTER_CLOSE or text[i + 1] == "\n")
                and (text[i - 1] != "s" or i + 1 == para_end or text[i + 1] != " ")
            ):
                quotes.append(QuoteSpan(open_at + 1, i, True))
                open_at = None
        if open_at is not None and (
            open_at == para_start or text[max(para_start, open_at - 2) : open_at] == ": "
        ):  # a quote paragraph carried on, or one a colon opens
            quotes.extend(_left_open(text, open_at, para_end))
    return quotes


def _left_open(text: str, open_at: int, para_end: int) -> list[QuoteSpan]:
    """A quotation opened at `open_at` and never closed: it runs to its paragraph's end (less
    trailing space); none when nothing is inside."""
    end = para_end
    while end > open_at + 1 and text[end - 1].isspace():
        end -= 1
    return [QuoteSpan(open_at + 1, end, False)] if end - open_at > 1 else []


def _single_quote_spoken(ctx: ArticleContext, quote: QuoteSpan) -> bool:
    """Single marks also set off titles and scare quotes ("Click to play video: 'Russia ...'",
    "UN chief: 'Aleppo is ...'"): a quote in them counts when an attribution with a speaker
    follows it, when a reporting clause with a speaker introduces it, or when it opens its
    paragraph with nothing attributing it (a paragraph that carries a quote on)."""
    if _attribution_after(ctx, quote) is not None:
        return True
    if quote.outer_start == 0 or ctx.body[quote.outer_start - 1] == "\n":
        para_end = ctx.body.find("\n", quote.outer_end)
        para_end = len(ctx.body) if para_end == -1 else para_end
        return not _has_reporting_verb(ctx, quote.outer_end, para_end)
    lead_start = ctx.sentence_at(quote.outer_start).start_char
    if quote.outer_start > lead_start and _has_reporting_verb(ctx, lead_start, quote.outer_start):
        return _quote_speaker(ctx, quote) is not None
    return False


def _paragraphs(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for match in re.finditer(r"\n\s*\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if e > s]


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def extract_statements(ctx: ArticleContext) -> list[Statement]:
    """Every direct quotation with a speaker and every attributed reported statement, in text order."""
    text = ctx.body
    quotes = [
        q
        for q in sorted(find_quotes(text) + find_single_quotes(text), key=lambda q: q.start)
        if _words(text[q.start : q.end]) >= 1
    ]
    singles = {(q.start, q.end) for q in find_single_quotes(text)}
    standalone = [
        q
        for q in quotes
        if _is_standalone(text, q)
        and ((q.start, q.end) not in singles or _single_quote_spoken(ctx, q))
    ]
    rows: list[tuple[int, Statement]] = []
    last_speaker: tuple[str | None, str] | None = None
    # Every standalone quote is known before sentences are read, so a sentence that only
    # attributes a quote ("“...,” Mr. Dion said.") is not taken for reported speech as well.
    covered = _Covered((q.outer_start, q.outer_end) for q in standalone)
    events = sorted(
        [("quote", q.outer_start, q) for q in standalone]
        + [("sent", s.start_char, s) for s in ctx.doc.sents],
        key=lambda item: (item[1], 0 if item[0] == "quote" else 1),
    )
    for kind, _pos, item in events:
        if kind == "quote":
            quote: QuoteSpan = item
            speaker = _quote_speaker(ctx, quote) or _continuation(last_speaker, ctx, quote)
            if speaker is None:
                continue
            statement = _make(
                ctx, speaker, quote.start, quote.end, True, _attribution_cue(ctx, quote)
            )
            rows.append((quote.start, statement))
            last_speaker = speaker
        else:
            sent: Span = item
            nested = _nested_as_reported(ctx, sent, covered)
            if nested is not None:  # the quote's own speaker stays the one carried on
                rows.append((nested.char_start, nested))
            reported = _reported(ctx, sent, covered, last_speaker)
            if reported is not None:
                rows.append((reported.char_start, reported))
                if reported.speaker_id is not None or not points_back(reported.speaker_text):
                    last_speaker = (reported.speaker_id, reported.speaker_text)
                relay = _relaying_official(ctx, sent, reported)
                if relay is not None:  # "X told them ..., a US defense official said"
                    rows.append((relay.char_start, relay))
                rows += [(n.char_start, n) for n in _nested_clauses(ctx, sent, reported, covered)]
                second = _second_clause(ctx, sent, reported, covered)
                if second is not None:
                    # The first statement ends where the second speaker's clause begins.
                    cut = re.sub(
                        r"[\s,;]*(?:and|but|while|whereas)?[\s,;]*$",
                        "",
                        ctx.body[reported.char_start : second.char_start],
                    )
                    first_end = reported.char_start + len(cut)
                    speaker = (reported.speaker_id, reported.speaker_text)
                    first = _make(ctx, speaker, reported.char_start, first_end, False, reported.cue)
                    rows[-1] = (first.char_start, first)
                    rows.append((second.char_start, second))
                    last_speaker = (second.speaker_id, second.speaker_text)
    sourced = _source_after_colon(ctx)
    if sourced is not None and not any(
        st.char_start < sourced.char_end and sourced.char_start < st.char_end for _s, st in rows
    ):
        rows.append((sourced.char_start, sourced))
    rows.sort(key=lambda r: r[0])
    statements = _pronoun_continues_speaker(
        ctx, _refine_speakers(ctx, [statement for _start, statement in rows])
    )
    # Transcripts and one-speaker documents: each paragraph of a turn is its speaker's.
    turns = transcript_claims(ctx) or debate_summary_claims(ctx)
    if all(c.cue == "headline" for c in turns):  # a headline does not make a transcript
        turns = [*turns, *document_claims(ctx)]
    turns += [c for c in said_colon_claims(ctx) if not _claimed(turns, c.start, c.end)]
    claimed = apply_claims(ctx, statements, turns, _make)
    if not turns:
        claimed = _first_person_carried_on(ctx, claimed)
    claimed = _without_pull_quotes(claimed)
    return with_joint_speakers(ctx, [_government_voice(ctx, s) for s in claimed])


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
            ):
                statement = _respeak(ctx, statement, previous.speaker_id, previous.speaker_text)
        refined.append(statement)
    return refined


def _passive_agents(ctx: ArticleContext) -> dict[int, str]:
    """End offset of a sentence -> the person named as agent in the anaphoric sentence after it."""
    agents: dict[int, str] = {}
    sents = list(ctx.doc.sents)
    for previous, sent in zip(sents, sents[1:]):
        subject = next((t for t in sent if t.dep_ == "nsubjpass"), None)
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
            and statement.cue is None
            and statement.is_direct
            and statement.speaker_id == moved[0]
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
            and not any(
                m.how != "pronoun" and actor_kind(ctx, m.actor_id) == "person"
                for m in ctx.mentions_in(previous.char_end, statement.char_start)
            )
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


def _named_person(ctx: ArticleContext, statement: Statement) -> bool:
    """A statement of a known person, or of a name the gazetteer lacks ("Alaa")."""
    if statement.speaker_id is not None:
        return actor_kind(ctx, statement.speaker_id) == "person"
    words = statement.speaker_text.split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


def _respeak(
    ctx: ArticleContext, statement: Statement, speaker_id: str, speaker_text: str | None = None
) -> Statement:
    from dataclasses import replace

    return replace(
        statement,
        speaker_id=speaker_id,
        speaker_text=speaker_text or ctx.name_of(speaker_id) or speaker_id,
    )


def _is_standalone(text: str, quote: QuoteSpan) -> bool:
    """A quote that is a clause of its own, not a phrase embedded in the narrator's sentence."""
    content = text[quote.start : quote.end].strip()
    if _words(content) < _MIN_QUOTE_WORDS:
        return False
    before = text[max(0, quote.outer_start - 40) : quote.outer_start]
    line_start = before.rfind("\n")
    lead = before[line_start + 1 :].rstrip() if line_start != -1 else before.rstrip()
    after = text[quote.outer_end : quote.outer_end + 60]
    ends_clause = bool(re.search(r"[,.?!\u2026]\s*$", content))
    if lead == "" or lead.rstrip('\u201d"').endswith((":", ".", "?", "!")):
        return True  # starts a paragraph or a sentence (after a quote, too), or follows "X said:"
    if re.search(r",\s*$", lead) and (content[:1].isupper() or ends_clause):
        return True  # "X said, “We ...”" or the second half of an interrupted quote
    if _INTRODUCER.search(lead) and content[:1].isupper():
        return True  # "X noted ..., saying “We hope ...”", "He continued that “Ottawa's ...”"
    if (
        ends_clause
        and re.match(r"\s*(?:[a-z]|[A-Z][a-z]+\s+(?:said|says|added|told))", after)
        and content[:1].isupper()
    ):
        return True
    return False


def _quote_speaker(ctx: ArticleContext, quote: QuoteSpan) -> tuple[str | None, str] | None:
    """Speaker named in the attribution after the quote, or in the clause introducing it."""
    text = ctx.body
    sent_after = _attribution_after(ctx, quote)
    if sent_after is not None:
        return sent_after
    signed = _signature_line(ctx, quote)
    if signed is not None:
        return signed
    # "X said: “...”" / "X said, “...”" / "..., she added, “...”"
    before = text[: quote.outer_start].rstrip()
    if before.endswith(":") and quote.outer_start - len(before) > 1:
        # "X said in a video address:" closing the previous paragraph introduces this quote.
        sent = ctx.sentence_at(len(before) - 1)
        found = _speaker_of_clause(ctx, sent.start_char, len(before))
        if found is not None:
            return found
    lead_start = max(0, quote.outer_start - 200)
    lead = text[lead_start : quote.outer_start]
    cut = max(lead.rfind("\n"), lead.rfind("\u201d"), lead.rfind('"'), lead.rfind(". "))
    clause_start = lead_start + cut + 1
    clause = text[clause_start : quote.outer_start]
    if re.search(r"[:,]\s*$", clause) or (
        _INTRODUCER.search(clause) and _has_reporting_verb(ctx, clause_start, quote.outer_start)
    ):
        return _speaker_of_clause(ctx, clause_start, quote.outer_start)
    return None


# A word that hands over to a quotation written right after it: "saying “…”", "added that “…”".
_INTRODUCER = re.compile(r"\b(?:saying|adding|stating|declaring|that)\s*$")


def _signature_line(ctx: ArticleContext, quote: QuoteSpan) -> tuple[str | None, str] | None:
    """Press-release style: the quote's paragraph ends and the next line signs it.

    “We will not stop until they are safe.”
    – The Honourable Jane Doe, Minister of Immigration
    """
    text = ctx.body
    rest = text[quote.outer_end :]
    match = re.match(r"[ \t]*\n\s*[\u2013\u2014-]{1,2}\s*([^\n]{3,200})", rest)
    if not match:
        return None
    start = quote.outer_end + match.start(1)
    mentions = [
        m
        for m in ctx.mentions_in(start, start + len(match.group(1)))
        if actor_kind(ctx, m.actor_id) == "person"
    ]
    if not mentions:
        return None
    return voice_of(ctx, mentions[0].actor_id), mentions[0].text


def _attribution_after(ctx: ArticleContext, quote: QuoteSpan) -> tuple[str | None, str] | None:
    text = ctx.body
    tail_end = text.find("\n", quote.outer_end)
    tail_end = len(text) if tail_end == -1 else tail_end
    tail = text[quote.outer_end : tail_end]
    # The attribution ends at the next quote or sentence end: ", Darchiev said." / ", said John Kirby, a ..."
    masked = re.sub(
        r"\b(Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Prof|Jr|Sr|U\.S|U\.N)\.",
        lambda m: m.group(1) + "_",
        tail,
    )
    stop = re.search(r"[\u201c\"]|(?<=[a-z0-9)])\.(?:\s|$)", masked)
    clause = tail[: stop.start() if stop else len(tail)]
    if not clause.strip() or len(clause) > 220:
        return None
    content = text[quote.start : quote.end].rstrip()
    if not re.match(r"\s*[,\u2014-]?\s*\S", clause) or (
        content.endswith(".") and not clause.lstrip().startswith(("said", "says"))
    ):
        # A quote ending with a full stop is a finished sentence; what follows is a new one.
        if not re.match(r"\s*[a-z]", clause):
            return None
    if not _has_reporting_verb(ctx, quote.outer_end, quote.outer_end + len(clause)):
        return None
    return _speaker_of_clause(ctx, quote.outer_end, quote.outer_end + len(clause))


def _has_reporting_verb(ctx: ArticleContext, start: int, end: int) -> bool:
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    return span is not None and any(_is_reporting(t) for t in span)


def _is_reporting(token: Token) -> bool:
    if token.pos_ not in ("VERB", "AUX"):
        return False
    lemma = token.lemma_.lower()
    if lemma in REPORTING_VERBS:
        return True
    # Speech carried by its noun: "has today delivered a grim assessment", "gave a speech"
    return lemma in _DELIVERING and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _SPEECH_OBJECTS for c in token.children
    )


_DELIVERING = {"deliver", "give", "make", "raise"}
_SPEECH_OBJECTS = {
    "concern",
    "concerns",
    "assessment",
    "briefing",
    "speech",
    "address",
    "statement",
    "remarks",
    "warning",
    "appeal",
    "plea",
    "ultimatum",
    "testimony",
}


def _speaker_of_clause(ctx: ArticleContext, start: int, end: int) -> tuple[str | None, str] | None:
    """The actor who speaks in an attribution clause: a person first, else an organisation or
    country; never the one spoken to ("X told his counterpart, Y")."""
    mentions = [m for m in ctx.mentions_in(start, end) if not _addressee(ctx, m)]
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    subjects = [
        t
        for t in span or ()
        if t.dep_ == "nsubj" and _is_reporting(t.head) and start <= t.head.idx < end
    ]
    for subject in subjects:
        if not any(m.char_start <= subject.idx < m.char_end for m in mentions):
            named = _name_subject(ctx, subject) or body_back_reference(ctx, subject)
            if named is not None:  # "Ban, at the start of a conference hosted by UNHCR, said:"
                return named
    if not mentions:
        return None
    return _pick_speaker(ctx, mentions)


def _name_subject(ctx: ArticleContext, subject: Token) -> tuple[str | None, str] | None:
    """A capitalised name the tagger left without an actor, as the subject of a reporting verb:
    the person of the article with that surname ("Ban" for Ban Ki-moon), else the name itself
    ("Dana said")."""
    if subject.pos_ != "PROPN" or not subject.text[:1].isupper() or subject.text.isupper():
        return None
    words = [t for t in subject.subtree if t.dep_ in ("compound", "flat") or t.i == subject.i]
    words = [t for t in words if t.i <= subject.i and t.pos_ == "PROPN" and t.text[:1].isupper()]
    if not words or words[-1].i != subject.i or subject.i - words[0].i + 1 != len(words):
        return None
    if len(words) == 1 and subject.i > 0 and subject.doc[subject.i - 1].pos_ in ("PROPN", "DET"):
        return None  # "the Ministry", "Health Ministry": not a bare name
    from etl.turns import bare_name, people_of, resolve_name

    first = words[0]
    before = first.doc[first.i - 1] if first.i > 0 else None
    if (
        before is not None
        and before.text in ("\u201c", '"', "'", "\u2018")
        and not before.whitespace_
    ):
        return None  # "“Aleppo Today” was playing": a title in quotation marks
    name = bare_name(" ".join(t.text for t in words))  # "Mr. Ban" -> "Ban"
    if len(name.split()) > 1:
        return resolve_name(ctx, name, first.idx, first.idx, people_of(ctx))
    for actor_id in people_of(ctx):  # a word of a person's name: "Ban" of Ban Ki-moon
        actor = ctx.actors.get(actor_id)
        if actor is not None and name in actor.name.split():
            return actor_id, actor.name
    if not name or (_opens_sentence(first) and not _named_mid_sentence(ctx, name)):
        return None  # "Gangs have grown ...": a capital that only opens the sentence
    return None, name


def _opens_sentence(token: Token) -> bool:
    """The token opens its sentence (a closing quote or a comma before it does not count)."""
    if not token.is_sent_start or token.i == 0:
        return token.is_sent_start
    return token.doc[token.i - 1].text not in ("\u201d", '"', "'", "\u2019", ",")


def _named_mid_sentence(ctx: ArticleContext, word: str) -> bool:
    """The word is written with its capital inside a sentence somewhere in the article."""
    return any(t.text == word and not t.is_sent_start for t in ctx.doc)


_ADDRESSEE_DEPS = ("dobj", "dative", "iobj")


def _addressee(ctx: ArticleContext, mention: Mention) -> bool:
    """The mention is the object of a reporting verb, or named beside it ("told his
    counterpart, Y"; "said to Y"): the one spoken to."""
    span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    if span is None:
        return False
    node = span.root
    for _ in range(6):
        head = node.head
        if head.i == node.i:
            return False
        if node.dep_ in _ADDRESSEE_DEPS and _is_reporting(head):
            return True
        if (
            node.dep_ == "pobj"
            and head.lower_ == "to"
            and head.head.i != head.i
            and _is_reporting(head.head)
        ):
            return True
        if node.dep_ not in ("appos", "compound", "poss", "amod", "conj", "flat"):
            if node.dep_ not in _ADDRESSEE_DEPS and node.dep_ != "pobj":
                return False
        node = head
    return False


def _pick_speaker(ctx: ArticleContext, mentions: Sequence[Mention]) -> tuple[str | None, str]:
    """A person first, else an organisation or country; a possessor ("Burhan's envoy",
    "Bangladesh's prime minister") only when nothing else is named."""
    owned = [m for m in mentions if not _possessor(ctx, m) or _owns_words(ctx, m)]
    owned = owned or list(mentions)
    people = [m for m in owned if actor_kind(ctx, m.actor_id) == "person"]
    chosen = people[0] if people else owned[0]
    if not people:
        # "the UN World Food Programme": the name that heads the phrase, not its modifier.
        for later in owned[owned.index(chosen) + 1 :]:
            actor = ctx.actors.get(later.actor_id)
            if ctx.body[chosen.char_end : later.char_start].strip() or (
                actor is None or actor.source == "discovered"
            ):
                break
            chosen = later
    if _possessor(ctx, chosen) and _OFFICE.match(ctx.body, chosen.char_end + 2):
        # "the Prime Minister's Office said": the government speaks, that is the country.
        country = ctx.country_of(chosen.actor_id)
        if country is not None:
            actor = ctx.actors.get(country)
            return country, actor.name if actor else country
    if _possessor(ctx, chosen):
        named = _appositive_name(ctx, chosen)
        if named is not None:  # "Mr Youssef's cousin, Alaa, told"
            return named
    return voice_of(ctx, chosen.actor_id), chosen.text


# "'s cousin, Alaa," / "'s spokesman, Chris Day,": the name the possessed noun is given.
_APPOSITIVE_NAME = re.compile(
    r"(?:'s|\u2019s)\s+(?:[a-z-]+\s+){0,3}[a-z-]+,\s+"
    r"(?P<name>[A-Z][\w'\u2019-]+(?:\s+[A-Z][\w'\u2019-]+){0,2}),"
)


def _appositive_name(ctx: ArticleContext, owner: Mention) -> tuple[str | None, str] | None:
    match = _APPOSITIVE_NAME.match(ctx.body, owner.char_end)
    if match is None:
        return None
    start, end = match.start("name"), match.end("name")
    on_name = [m for m in ctx.mentions_in(start, end) if actor_kind(ctx, m.actor_id) == "person"]
    if on_name:
        return voice_of(ctx, on_name[0].actor_id), on_name[0].text
    if ctx.mentions_in(start, end):
        return None  # a country or body named there, not a person
    return None, match.group("name")


_OFFICE = re.compile(r"\s+(?:Office|Department|Ministry|Cabinet)\b")


def _possessor(ctx: ArticleContext, mention: Mention) -> bool:
    return ctx.body[mention.char_end : mention.char_end + 2] in ("'s", "\u2019s")


_OWN_WORDS = re.compile(
    r"(?:'s|\u2019s)\s+(?:latest\s+|recent\s+|own\s+|new\s+|written\s+|opening\s+)?"
    r"(?:statement|remarks|speech|letter|message|address|report|communiqu[eé]|declaration)\b",
    re.I,
)


def _owns_words(ctx: ArticleContext, mention: Mention) -> bool:
    """ "according to Secretary-General Jane Doe's statement": the owner of the words speaks."""
    return bool(_OWN_WORDS.match(ctx.body, mention.char_end))


def _continuation(
    last: tuple[str | None, str] | None, ctx: ArticleContext, quote: QuoteSpan
) -> tuple[str | None, str] | None:
    """An unattributed paragraph of quotation continues the previous speaker."""
    return last


def _attribution_cue(ctx: ArticleContext, quote: QuoteSpan) -> str | None:
    span = ctx.doc.char_span(
        quote.outer_end, min(len(ctx.body), quote.outer_end + 80), alignment_mode="expand"
    )
    if span is None:
        return None
    for token in span:
        if _is_reporting(token):
            return token.lemma_.lower()
        if token.text in ('"', "\u201c", "\n"):
            break
    return None


def _reported(
    ctx: ArticleContext,
    sent: Span,
    covered: _Covered,
    last: tuple[str | None, str] | None,
) -> Statement | None:
    """A sentence of reported speech: an actor is the subject of a reporting verb, or 'according to X'."""
    start, end = _trim(ctx.body, sent.start_char, sent.end_char)
    if end - start < 15 or _inside(covered, start, end):
        return None
    if ctx.body[end - 1] == ":" and covered.any_start_from(end):
        return None  # "X said in a video address:" only introduces the quote that follows
    outside = _outside_words(ctx.body, start, end, covered)
    if outside < 6 or _only_introduces(ctx.body, start, end, covered):
        return None  # just the attribution of a direct quote
    if _attributes_only(ctx, start, end, covered):
        return None  # "“...,” said Jane Doe, the envoy to Libya, referring to the camp."
    found = _reporting_clause(ctx, sent, start, end, covered, last)
    if found is not None:
        return found
    according = re.search(r"\baccording to\b", ctx.body[start:end], re.I)
    # "according to X" is X's reported statement, a number it sources included (GOLD.md).
    if according:
        mentions = _according_to_mentions(ctx, sent)
        document = re.match(
            r"\s*(?:the|its|their|his|her)\s+(\w+)\s*[,;]",
            ctx.body[start + according.end() : end],
        )
        pronoun = re.match(r"\s*(?:him|her)\b", ctx.body[start + according.end() : end])
        if not mentions and pronoun and last is not None:
            return _make(ctx, last, start, end, False, "according to")  # the one just reported
        if not mentions and document and document.group(1).lower() in _DOCUMENT_NOUNS:
            # "According to the communique, ...": the author of the statement just reported,
            # not a country named later in the sentence ("... the Syria crisis").
            if last is None:
                return None
            return _make(ctx, last, start, end, False, "according to")
        mentions = mentions or ctx.mentions_in(start + according.end(), end)
        if mentions:
            speaker_id, speaker_text = _pick_speaker(ctx, mentions[:2])
            return _make(ctx, (speaker_id, speaker_text), start, end, False, "according to")
        document = re.match(
            r"\s*(?:the|its|their|his|her)\s+(\w+)", ctx.body[start + according.end() : end]
        )
        if document and document.group(1).lower() in _DOCUMENT_NOUNS and last is not None:
            # "According to the communique issued by ...": as above.
            return _make(ctx, last, start, end, False, "according to")
    reported_as = _as_reported(ctx, sent)
    if reported_as is not None:
        return _make(ctx, reported_as, start, end, False, "as reported")
    feeling = _declared_feeling(ctx, start, end)
    if feeling is not None:
        return _make(ctx, feeling[0], start, end, False, feeling[1])
    headline = _headline_speaker(ctx, start, end)
    if headline is not None:
        return _make(ctx, headline[0], start, end, False, headline[1])
    return None


# A headline naming its source after a colon: "Venezuela exodus surpasses 4 million: UN".
_COLON_SOURCE = re.compile(
    r"^(?:[^\n]*:\s*)?(?P<text>[^\n:]{12,}?)\s*:\s*(?P<who>[A-Z][^\n:.!?]{0,40})$"
)
# "...: Pentagon official": an unnamed official of a body or country speaks for it.
_OFFICIAL_AFTER = re.compile(r"\s+(?:officials?|spokes(?:man|woman|person)|sources?)$", re.I)
_SOURCE_KINDS = {"person", "organization", "organisation", "intergovernmental"}


def _source_after_colon(ctx: ArticleContext) -> Statement | None:
    """The first line, a headline ending in its source after a colon, is that source's
    statement (the source a name of at most four words, all of it a known person or body, and
    the headline a claim with a finite verb; a country after a colon heads a list)."""
    line = re.match(r"\s*([^\n]+)", ctx.body)
    if line is None:
        return None
    match = _COLON_SOURCE.match(line.group(1).rstrip())
    if match is None or len(match.group("text").split()) < 3 or len(match.group("who").split()) > 4:
        return None
    who_start = line.start(1) + match.start("who")
    who_end = line.start(1) + match.end("who")
    mentions = ctx.mentions_in(who_start, who_end)
    if len(mentions) != 1:
        return None
    who = ctx.body[who_start:who_end].strip()
    official = _OFFICIAL_AFTER.search(who)
    if official is not None:
        who = who[: official.start()]
    kinds = _SOURCE_KINDS | ({"country", "government"} if official else set())
    if actor_kind(ctx, mentions[0].actor_id) not in kinds or who != mentions[0].text:
        return None
    start = line.start(1) + match.start("text")
    end = line.start(1) + match.end("text")
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None or not any(t.tag_ in {"VBZ", "VBD", "VBP", "MD"} for t in span):
        return None  # a label ("Refugees registered in the region: UNHCR"), not a claim
    speaker = (voice_of(ctx, mentions[0].actor_id), mentions[0].text)
    return _make(ctx, speaker, start, end, False, "headline")


# A title-case headline the parser cannot read: "No Benefit in Talks, Head of X's Army Says".
_HEADLINE_SAYS = re.compile(
    r"[^\n]{10,}?,\s+([^,\n]{3,80}?)\s+(Says|Said|Warns|Urges|Tells|Insists|Claims)\s*$"
)


_HEADLINE_VERBS = ("Says", "Said", "Warns", "Urges", "Tells", "Insists", "Claims")


def _headline_speaker(
    ctx: ArticleContext, start: int, end: int
) -> tuple[tuple[str | None, str], str] | None:
    """The speaker phrase ending a title-case headline: a person named there, else the holder
    of its title (of the country it names), else the country or body it names."""
    line = ctx.body[start:end]
    if not line.endswith(_HEADLINE_VERBS):
        return None  # the regular expression only runs on lines it can match
    match = _HEADLINE_SAYS.fullmatch(line)
    if match is None or "\n" in line:
        return None
    phrase_start, phrase_end = start + match.start(1), start + match.end(1)
    mentions = [m for m in ctx.mentions_in(phrase_start, phrase_end)]
    cue = match.group(2).lower()
    cue = {"says": "say", "said": "say"}.get(cue, cue.rstrip("s"))
    people = [m for m in mentions if actor_kind(ctx, m.actor_id) == "person"]
    if people:
        return (voice_of(ctx, people[0].actor_id), people[0].text), cue
    title = title_in(match.group(1))
    if title is not None:
        countries = {ctx.country_of(m.actor_id) for m in mentions} - {None}
        holder = holder_of_title(ctx, phrase_start, title, countries)
        return (holder, cue) if holder is not None else None
    if mentions:
        return _pick_speaker(ctx, mentions), cue
    return None


def _declared_feeling(
    ctx: ArticleContext, start: int, end: int
) -> tuple[tuple[str | None, str], str] | None:
    """ "Canada 'deeply' disappointed after the veto", "Norway is alarmed by the report": the
    sentence opens with an actor declaring a feeling about events; the actor said so."""
    mentions = ctx.mentions_in(start, min(end, start + 120))
    if not mentions or mentions[0].char_start != start or _possessor(ctx, mentions[0]):
        return None
    first = mentions[0]
    if actor_kind(ctx, first.actor_id) not in _FEELING_KINDS:
        return None
    match = SPEECH_ADJECTIVE.match(ctx.body, first.char_end, end)
    if match is None:
        return None
    return (voice_of(ctx, first.actor_id), first.text), match.group(1).lower()


_FEELING_KINDS = ("person", "country", "government", "intergovernmental", "organization")


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


def _according_to_mentions(ctx: ArticleContext, sent: Span) -> list[Mention]:
    """Mentions on the head noun of "according to X", its modifiers or apposition ("according
    to the UN refugee agency, UNHCR"), not inside a further phrase ("the ministry in Gaza")."""
    for token in sent:
        if token.lower_ != "according" or token.i + 1 >= sent.end:
            continue
        to = sent.doc[token.i + 1]
        if to.lower_ != "to":
            continue
        for pobj in (c for c in to.children if c.dep_ == "pobj"):
            tokens = [t for left in pobj.lefts for t in left.subtree] + [pobj]
            tokens += [t for c in pobj.rights if c.dep_ == "appos" for t in c.subtree]
            starts = {t.idx for t in tokens}
            left, right = pobj.left_edge, pobj.right_edge
            found = [
                m
                for m in ctx.mentions_in(left.idx, right.idx + len(right))
                if m.char_start in starts
            ]
            if found:
                return found
    return []


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
        if (
            token.dep_ in ("relcl", "pcomp", "csubj", "csubjpass") and not _absolute_speaker(token)
        ) or (token.dep_ == "xcomp" and token.head.lemma_ in _DECLINE):
            # "in what the Kremlin describes as", "X failed to mention", "Canada welcoming the
            # flight stands in contrast" (a clause that is the subject): not X's statement
            continue
        if token.lemma_.lower() in ("say", "comment", "tell") and any(
            c.dep_ == "neg" for c in token.children
        ):
            continue  # "the minister did not say how many" reports silence, not a statement
        if not _has_content(token, covered) or _introduces_quote(ctx.body, token, covered):
            continue
        if token.lemma_.lower() in NEEDS_CLAUSE and not _has_clause(token):
            continue
        subject = next((c for c in token.children if c.dep_ in _SUBJECT_DEPS), None)
        if (
            subject is None
            and token.dep_ in ("advcl", "xcomp", "conj", "acl")
            and token.head.i != token.i
        ):
            subject = next((c for c in token.head.children if c.dep_ in _SUBJECT_DEPS), None)
        if subject is None:
            # The parser lost the subject ("The warning came as the envoy, Jane Doe, said
            # ..."): a person named right before the verb is its speaker.
            named = (
                person_before_verb(ctx, token, subjectless=True) if token.dep_ == "ROOT" else None
            )
            if named is not None:
                found = (voice_of(ctx, named.actor_id), named.text)
                return _make(ctx, found, start, end, False, _cue_text(token))
            untagged = _untagged_before_verb(ctx, token) if token.dep_ == "ROOT" else None
            if untagged is not None:  # "..., Deputy Representative to the UN Jane Doe said"
                return _make(ctx, untagged, start, end, False, _cue_text(token))
            continue
        if subject.dep_ == "nsubjpass" or subject.lower_ == "it":
            if token.lemma_.lower() in _PASSIVE_REPORTING and last is not None and _no_agent(token):
                return _make(ctx, last, start, end, False, token.lemma_.lower())
            continue
        mentions = _subject_mentions(ctx, subject)
        if (
            subject.lower_ in _UNOFFICIAL
            or _unofficial_group(ctx, subject, mentions)
            or _anonymous_person(subject)
        ) and all(actor_kind(ctx, m.actor_id) == "country" for m in mentions):
            continue  # "Activists in Syria say", "Yemeni political sources said": not the state
        untagged = _untagged_name(ctx, subject, mentions) or _person_over_place(
            ctx, subject, mentions
        )
        if untagged is not None:  # "Swiss Secretary of State for Migration Mario Gattiker said"
            return _make(ctx, untagged, start, end, False, _cue_text(token))
        holder = title_holder(ctx, subject, mentions)  # "The Minister said"
        if holder is not None:
            return _make(ctx, holder, start, end, False, _cue_text(token))
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
        coordinated = any(c.dep_ == "conj" for c in subject.children)  # "X and Y said"
        if not coordinated and (named := person_before_verb(ctx, token)) is not None:
            # "X's envoy, Y, said"
            speaker_id, speaker_text = voice_of(ctx, named.actor_id), named.text
        return _make(ctx, (speaker_id, speaker_text), start, end, False, _cue_text(token))
    return None


_OFFICIALS = {"official", "officials", "authorities", "authority"}
# People who speak from a country without speaking for it.
_UNOFFICIAL = {
    "activists",
    "residents",
    "witnesses",
    "sources",
    "analysts",
    "experts",
    "locals",
    "people",
    "civilians",
    "refugees",
    "observers",
    "campaigners",
    "rebels",
    "insurgents",
    "fighters",
    "militants",
    "protesters",
    "demonstrators",
}


# Qualifiers that make officials or leaders speak for a community, not for a state.
_NON_STATE = {"tribal", "community", "local", "religious", "village", "clan", "camp", "rebel"}


def _anonymous_person(subject: Token) -> bool:
    """ "An Afghan woman who got onto a flight tells the BBC": one unnamed person, described by
    nationality, is no voice of the country (an official is: "a US defense official said")."""
    if subject.pos_ != "NOUN" or subject.lemma_.lower() in _SPEAKING_ROLES:
        return False
    return any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "one", "another") for c in subject.children
    )


# Unnamed people who speak for their state or body when described by its name.
_SPEAKING_ROLES = {
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "minister",
    "diplomat",
    "envoy",
    "ambassador",
    "representative",
    "officer",
    "commander",
    "source",
    "statement",
}


def _unofficial_group(ctx: ArticleContext, subject: Token, mentions: list[Mention]) -> bool:
    """ "Yemeni tribal officials say", "Rohingya leaders in Bangladesh told": officials or leaders
    of a community, the country named only as their qualifier or their place."""
    if subject.lemma_.lower() not in {"official", "leader", "elder", "chief", "representative"}:
        return False
    if any(c.dep_ == "amod" and c.lower_ in _NON_STATE for c in subject.children):
        return True
    located = {
        t.idx for c in subject.children if c.dep_ == "prep" for t in c.subtree
    }  # "in Bangladesh"
    return bool(mentions) and all(m.char_start in located for m in mentions)


def _untagged_name(
    ctx: ArticleContext, subject: Token, mentions: list[Mention]
) -> tuple[str | None, str] | None:
    """The name closing the subject when the tagger missed it ("China's Permanent
    Representative to the UN Ma Zhaoxu said"): two or three capitalised words right before the
    verb, none an actor's mention, after a title; a person of the article with that surname
    when there is one."""
    last = subject.right_edge
    if last.pos_ != "PROPN" or not last.text[:1].isupper():
        return None
    words = [last]
    node = last.doc[last.i - 1] if last.i > subject.left_edge.i else None
    while (
        node is not None
        and len(words) < 3
        and node.pos_ == "PROPN"
        and node.text[:1].isupper()
        and node.lower_ not in _TITLE_WORDS
        and node.i > subject.left_edge.i
        and node.doc[node.i - 1].pos_ not in ("ADP", "DET")
    ):
        words.insert(0, node)
        node = node.doc[node.i - 1]
    if len(words) < 2 or words[0].i <= subject.left_edge.i:
        return None  # a bare name with nothing before it is the tagger's to find
    before = subject.doc[subject.left_edge.i : words[0].i]
    if not any(
        t.lower_ in _TITLE_WORDS - {"state", "affairs", "nations", "council", "un"} for t in before
    ):
        return None  # "the Syrian Observatory for Human Rights": an organisation's name
    start, end = words[0].idx, last.idx + len(last)
    if any(m.char_start < end and m.char_end > start for m in mentions):
        return None
    name = " ".join(w.text for w in words)
    from etl.turns import people_of, resolve_name

    return resolve_name(ctx, name, start, start, people_of(ctx))


def _untagged_before_verb(ctx: ArticleContext, verb: Token) -> tuple[str | None, str] | None:
    """A subjectless reporting verb after a title and a name the tagger missed or swallowed into
    an organisation ("..., Russian Deputy Permanent Representative to the United Nations Jane
    Doe said on Friday"): two or three capitalised words right before the verb, none an actor's
    mention, with a title word among the eight words before them."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and doc[i].lower_ in ("has", "have", "had", "also"):
        i -= 1
    words: list[Token] = []
    while (
        i >= 0
        and len(words) < 3
        and doc[i].pos_ == "PROPN"
        and doc[i].text[:1].isupper()
        and doc[i].lower_ not in _TITLE_WORDS
    ):
        words.insert(0, doc[i])
        i -= 1
    if len(words) < 2:
        return None
    window = doc[max(0, words[0].i - 8) : words[0].i]
    if not any(
        t.lower_ in _TITLE_WORDS - {"state", "affairs", "nations", "council", "un"} for t in window
    ):
        return None
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    if ctx.mentions_in(start, end):
        return None
    name = " ".join(w.text for w in words)
    from etl.turns import people_of, resolve_name

    return resolve_name(ctx, name, start, start, people_of(ctx))


_PLACE_KINDS = {"country", "city", "place", "region"}


def _person_over_place(
    ctx: ArticleContext, subject: Token, mentions: list[Mention]
) -> tuple[str | None, str] | None:
    """A person whose first name is a place ("Paris Aristotle said"): the tagger reads the
    whole name as a person while the gazetteer matched only the place in it."""
    if subject.pos_ != "PROPN" or subject.ent_type_ != "PERSON" or not mentions:
        return None
    if any(m.char_start <= subject.idx < m.char_end for m in mentions):
        return None
    entity = next((e for e in subject.doc.ents if e.start <= subject.i < e.end), None)
    if entity is None or entity.label_ != "PERSON" or len(entity) < 2:
        return None
    inside = [m for m in mentions if entity.start_char <= m.char_start < entity.end_char]
    if not inside or any(actor_kind(ctx, m.actor_id) not in _PLACE_KINDS for m in inside):
        return None
    from etl.turns import people_of, resolve_name

    start = entity.start_char
    return resolve_name(ctx, entity.text, start, start, people_of(ctx))


_TITLE_WORDS = {
    "minister",
    "secretary",
    "president",
    "ambassador",
    "representative",
    "envoy",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "general",
    "director",
    "chief",
    "commissioner",
    "state",
    "affairs",
    "nations",
    "council",
    "un",
    "u.n.",
}


def _home_country(ctx: ArticleContext, subject: Token) -> tuple[str | None, str] | None:
    """ "officials said", "authorities confirmed" with no country named: the government of the
    country the article has named most so far (at least three times), if one leads clearly."""
    if subject.lower_ not in _OFFICIALS or any(
        c.dep_ in ("poss", "amod", "compound", "prep") for c in subject.children
    ):
        return None
    named = _officials_named_before(ctx, subject.idx)
    if named is not None:
        return named
    counts: dict[str, int] = {}
    for mention in ctx.mentions_in(0, subject.idx):
        actor = ctx.actors.get(mention.actor_id)
        country = actor.actor_id if actor and actor.kind == "country" else None
        if country is None and actor is not None and actor.kind in ("government", "person"):
            country = actor.country_id
        if country:
            counts[country] = counts.get(country, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if not ranked or ranked[0][1] < 3 or (len(ranked) > 1 and ranked[1][1] * 2 > ranked[0][1]):
        return None
    country = ranked[0][0]
    actor = ctx.actors.get(country)
    return country, actor.name if actor else country


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
    actor speaks it."""
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


_OFFICIALS_AFTER = re.compile(
    r"(?:\s+(?:government|defen[cs]e|administration|military|state|security|foreign ministry))?"
    r"\s+(?:officials?|authorities)\b",
    re.I,
)
_OFFICIALS_REACH = 2000  # characters searched back for "Canadian officials"


def _officials_named_before(ctx: ArticleContext, before: int) -> tuple[str | None, str] | None:
    """The country of the latest "Canadian officials" / "Norway's authorities" written before,
    for a bare "officials said" that goes on from them."""
    i = bisect.bisect_left(ctx.mentions, before, key=lambda m: m.char_start) - 1
    while i >= 0 and before - ctx.mentions[i].char_start <= _OFFICIALS_REACH:
        mention = ctx.mentions[i]
        i -= 1
        end = mention.char_end
        if ctx.body[end : end + 2] in ("'s", "\u2019s"):
            end += 2
        if not _OFFICIALS_AFTER.match(ctx.body, end, end + 30):
            continue
        country = ctx.country_of(mention.actor_id)
        if country is None:
            return None
        actor = ctx.actors.get(country)
        return country, actor.name if actor else country
    return None


def _subject_mentions(ctx: ArticleContext, subject: Token) -> list[Mention]:
    """Mentions in the subject phrase itself, not in a clause inside it; of a coordinated
    subject ("X and Y said"), those of the first one named.

    "One Russian official, speaking on background because he wasn't authorized, described..."
    speaks for Russia; the "he" of the embedded clause is not the subject.
    """
    sub_start = subject.left_edge.idx
    sub_end = subject.right_edge.idx + len(subject.right_edge.text)
    conjunct = next((c for c in subject.children if c.dep_ == "conj"), None)
    if conjunct is not None:
        first = ctx.mentions_in(sub_start, conjunct.left_edge.idx)
        # A country or body known to the gazetteer before a person ("Canada and its minister
        # X said") leaves the person first in line; a name, even one the tagger took for an
        # organisation, is the first speaker.
        if any(
            actor_kind(ctx, m.actor_id) == "person"
            or getattr(ctx.actors.get(m.actor_id), "source", None) == "discovered"
            for m in first
        ):
            sub_end = conjunct.left_edge.idx
    kept = []
    for mention in ctx.mentions_in(sub_start, sub_end):
        span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is None:
            continue
        node, inside_clause = span.root, False
        while node.i != subject.i and node.head.i != node.i:
            node = node.head
            if node.i != subject.i and node.pos_ in ("VERB", "AUX"):
                inside_clause = True
                break
        if not inside_clause:
            kept.append(mention)
    return kept


def _phrase(token: Token) -> str:
    return " ".join(t.text for t in token.subtree)


def _has_clause(token: Token) -> bool:
    return any(
        c.dep_ in ("ccomp", "xcomp") or (c.dep_ == "mark" and c.lower_ == "that")
        for c in token.children
    )


def _introduces_quote(text: str, token: Token, covered: _Covered) -> bool:
    """'X said, “…”': the verb only attributes the direct quote right after it."""
    end = token.idx + len(token.text)
    match = re.match(r"[,:]?\s*[\"\u201c]", text[end : end + 4])
    return bool(match) and covered.starts_at(end + match.end() - 1)


def _no_agent(token: Token) -> bool:
    return not any(c.dep_ == "agent" for c in token.children)


def _cue_text(token: Token) -> str:
    for child in token.children:
        if (
            child.dep_ in ("prt", "prep")
            and (token.lemma_.lower(), child.lower_) in PHRASAL_REPORTING
        ):
            return f"{token.lemma_.lower()} {child.lower_}"
    return token.lemma_.lower()


def _absolute_speaker(token: Token) -> bool:
    """ "with spokesman X insisting that ...", "despite President X categorically denying that":
    a gerund after a preposition with a named subject of its own is that subject's statement
    ("with both sides blaming each other" names nobody)."""
    return (
        token.dep_ == "pcomp"
        and token.tag_ == "VBG"
        and token.head.lower_ in ("with", "despite", "after", "amid")
        and any(
            c.dep_ == "nsubj" and any(t.pos_ == "PROPN" for t in c.subtree) for c in token.children
        )
    )


def _has_content(token: Token, covered: _Covered) -> bool:
    """The reporting verb governs something said, outside any direct quote it merely attributes."""
    for child in token.children:
        if child.dep_ in (
            "ccomp",
            "xcomp",
            "dobj",
            "prep",
            "advcl",
            "oprd",
            "attr",
            "conj",
            "prt",
            "dative",
        ):
            tokens = [
                t
                for t in child.subtree
                if not _inside(covered, t.idx, t.idx + 1) and not t.is_punct
            ]
            if len(tokens) >= 3:
                return True
    return False


def _inside(covered: _Covered, start: int, end: int) -> bool:
    return covered.contains(start, end)


class _Covered:
    """The spans of an article's direct quotes, sorted, so that each question about them is a
    bisection rather than a pass over every quote (a long article has thousands)."""

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self._starts = [s for s, _ in self.spans]
        self._reach = list(itertools.accumulate((e for _, e in self.spans), max))
        self._longest = max((e - s for s, e in self.spans), default=0)

    def contains(self, start: int, end: int) -> bool:
        """Some span holds [start, end)."""
        k = bisect.bisect_right(self._starts, start)
        return k > 0 and self._reach[k - 1] >= end

    def starts_at(self, position: int) -> bool:
        k = bisect.bisect_left(self._starts, position)
        return k < len(self._starts) and self._starts[k] == position

    def any_start_from(self, position: int) -> bool:
        return bisect.bisect_left(self._starts, position) < len(self._starts)

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans overlapping [start, end), in sorted order."""
        lo = bisect.bisect_right(self._starts, start - self._longest)
        hi = bisect.bisect_left(self._starts, end)
        return [(s, e) for s, e in self.spans[lo:hi] if e > start]


def _only_introduces(text: str, start: int, end: int, covered: _Covered) -> bool:
    """ "Sputnik quoted her as saying in a press conference that “...”": one clause, with no
    comma, that hands over to the quote closing the sentence says nothing of its own."""
    spans = covered.overlapping(start, end)
    if not spans:
        return False
    first_start, last_end = spans[0][0], spans[-1][1]
    lead = text[start:first_start]
    if len(spans) != 1 or re.search(r"\w", text[last_end:end]):
        return False
    if re.search(r":\s*\W?$", lead):
        return True  # "X told the Daily Telegraph: 'The family ...'"
    return not re.search(r"[,;\u2014]", lead) and bool(_INTRODUCER.search(lead))


# The attribution after a quote that opens the sentence: ", said X", ", X told the delegations".
_ATTRIBUTION_TAIL = re.compile(
    r"^[\s,—-]*(?:(?:the\s+)?[\w.'’-]+\s+){0,5}?(?:said|says|told|tells|added|adds|"
    r"stated|explained|wrote|noted|continued|insisted)\b"
)
# A second thing said after the attribution: ", adding that ...", "and urged ...".
_SAYS_MORE = re.compile(
    r"\b(?:adding|saying|stressing|noting|urging|warning|calling|insisting|arguing|explaining|"
    r"and (?:said|added|urged|called|warned))\b|[\"“]"
)


def _only_attributes(text: str, start: int, end: int, covered: _Covered) -> bool:
    """The sentence opens inside or at a direct quote and the rest only says who spoke (and who
    they are, or to whom): the quote is the statement, not the sentence."""
    spans = covered.overlapping(start, end)
    if not spans or spans[0][0] > start + 1:
        return False
    last_end = max(e for _s, e in spans)
    tail = text[last_end:end]
    return bool(_ATTRIBUTION_TAIL.match(tail)) and not _SAYS_MORE.search(tail)


def _attributes_only(ctx: ArticleContext, start: int, end: int, covered: _Covered) -> bool:
    """`_only_attributes`, and no second reporting verb after the first ("..., Trudeau said,
    hours after the general announced that ...")."""
    if not _only_attributes(ctx.body, start, end, covered):
        return False
    last_end = max(e for _s, e in covered.overlapping(start, end))
    span = ctx.doc.char_span(last_end, end, alignment_mode="expand")
    # "referring to the camp", "pointing to a series of conferences" say what the quote is
    # about, "a statement issued in X" where it was said: nothing more is said
    more = [
        t
        for t in span or ()
        if _is_reporting(t) and t.lemma_ not in ("refer", "point") and t.dep_ != "acl"
    ]
    return len(more) <= 1


def _outside_words(text: str, start: int, end: int, covered: _Covered) -> int:
    pieces, cursor = [], start
    for s, e in covered.overlapping(start, end):
        pieces.append(text[cursor : max(cursor, s)])
        cursor = max(cursor, e)
    pieces.append(text[cursor:end])
    return _words(" ".join(pieces))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    # A closing quote glued to the next sentence ('accountable.”She thanked') is not its text.
    while start < end and (text[start].isspace() or text[start] == "\u201d"):
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _make(
    ctx: ArticleContext,
    speaker: tuple[str | None, str],
    start: int,
    end: int,
    is_direct: bool,
    cue: str | None,
) -> Statement:
    start, end = _trim(ctx.body, start, end)
    quote = ctx.body[start:end]
    when, precision = _statement_date(ctx, start, end)
    return Statement(
        statement_id=stable_id(ctx.article.article_id, start, end),
        article_id=ctx.article.article_id,
        speaker_id=speaker[0],
        speaker_text=speaker[1],
        quote=quote,
        is_direct=is_direct,
        statement_date=when,
        char_start=start,
        char_end=end,
        date_precision=precision,
        cue=cue,
    )


# A date led by one of these words tells a period the words speak about ("have fled since 2011",
# "until 2020", "during 2015"), not the day the words were spoken.
_PERIOD_LEADS = frozenset(
    "since until till through throughout during over from between by before after for".split()
)


def _after(day, published) -> bool:
    """Whether `day` falls after the period `published` stands for (its day, month or year)."""
    if published.precision == "year":
        return day.year > published.value.year
    if published.precision == "month":
        return (day.year, day.month) > (published.value.year, published.value.month)
    return day > published.value


def _statement_date(ctx: ArticleContext, start: int, end: int):
    """The day the words were spoken: a date in the statement's sentence that can be that day,
    else the publication date.

    A date in the sentence dates the statement only when it could be the day of speaking: not
    led by a word that makes it a period ("since 2011", "until 2020"), not after publication,
    and, when the publication date is known, more precise than a bare year ("in 2015" in a 2016
    article is what the words are about)."""
    from etl.types import PartialDate

    sent = ctx.sentence_at(start)
    published = (
        PartialDate(ctx.article.published_date, ctx.article.published_precision or "day")
        if ctx.article.published_date
        else None
    )
    from etl.dates import find_dates

    text = ctx.body[sent.start_char : sent.end_char]
    for mention in find_dates(text, published, offset=sent.start_char):
        before = ctx.body[sent.start_char : mention.char_start].split()
        if before and before[-1].lower().strip("(,") in _PERIOD_LEADS:
            continue
        if published is not None and (
            mention.value.precision == "year" or _after(mention.value.value, published)
        ):
            continue
        return mention.value.value, mention.value.precision
    if published is not None:
        return published.value, published.precision
    return None, None

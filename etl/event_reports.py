"""Events of the page's own report and its day (`etl.events`): the lead's news day, a report's
named day and reporter, the page's own statement (broadcasts, reprinted exchanges), sittings and
speech settings dated by the page, and gatherings beside or before an undated report
(`FORUM_BESIDE_REPORT`, `MEETING_BEFORE_REPORT`, read in `etl.events`)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span

from etl.context import ArticleContext
from etl.dates import DateMention, find_dates
from etl.docindex import span_text
from etl.event_briefings import meeting_before_report
from etl.event_dates import (
    issued_document_address,
    issued_document_heading,
    sitting_heading,
    speech_setting_heading,
)
from etl.event_rows import event_row
from etl.event_rules import _GATHERINGS, EventRules, load_event_rules
from etl.event_sentences import _sentence_events
from etl.event_trees import _clause_verb
from etl.types import Event, PartialDate, Statement


def _forum_beside_report(
    ctx: ArticleContext,
    sent: Span,
    forum_day: DateMention,
    found: Sequence[Event],
    statements: Sequence[Statement],
    rules: EventRules,
) -> list[Event]:
    """ "Rouhani said at a meeting with the visiting Speaker …": the day pinned on the gathering
    a past report is set at dates the report (a reporting verb followed at once by its date wins
    the sentence's one event per date) and the gathering too, as `etl.event_forums` tells."""
    if any(e.event_type in _GATHERINGS for e in found) or forum_day.text.lower() == "after":
        return []  # "told reporters after meeting X" is `MEETING_BEFORE_REPORT`'s
    return _sentence_events(ctx, sent, [forum_day], statements, rules, _GATHERINGS)


def _meeting_before_report(
    ctx: ArticleContext,
    sent: Span,
    published: PartialDate | None,
    statements: Sequence[Statement],
) -> list[Event]:
    """The meeting a past report in an undated sentence follows ("told reporters after meeting
    X"), of the report's day (`etl.event_briefings.meeting_before_report`)."""
    rules = load_event_rules()
    if any(find_dates(span_text(sent), published, offset=sent.start_char)):
        return []  # a date of the sentence's own decides
    met = meeting_before_report(sent, published, rules.statement_verbs)
    if met is None:
        return []
    return _sentence_events(ctx, sent, [met], statements, rules, frozenset({"meeting"}))


def _lead_news_day(dates: list[DateMention], published: PartialDate | None) -> PartialDate | None:
    """The day a lead sentence tells its news on: its first relative day in the week before
    publication ("The United States and Canada on Thursday pledged …" in a Friday page)."""
    if published is None or published.precision != "day":
        return None
    for mention in dates:
        value = mention.value
        if (
            mention.relative
            and value.precision == "day"
            and 0 <= (published.value - value.value).days <= 6
        ):
            return value
    return None


def _dates_elsewhere(
    ctx: ArticleContext, pinned: DateMention, dates: list[DateMention], happenings: frozenset[str]
) -> bool:
    """Whether the main verb `pinned` sits on has a happening for its object ("has vetoed a
    draft resolution", "have reached an agreement") and no date of the sentence dates that
    verb: each lies below a noun or in a clause of its own ("last week's attack")."""
    verb = ctx.doc.char_span(pinned.char_start, pinned.char_end, alignment_mode="expand")
    if verb is None or not any(
        c.dep_ == "dobj" and c.lemma_.lower() in happenings for c in verb.root.children
    ):
        return False
    for mention in dates:
        span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is None or span.root.head == verb.root or _clause_verb(span.root) == verb.root:
            return False
    return True


def _named_report_day(ctx: ArticleContext, pinned: DateMention) -> DateMention | None:
    """ "…, Prime Minister Tony Abbott has announced": a closing reporting verb in the present
    perfect whose subject names an actor is that actor's statement of the day, so the day is pinned on
    the subject and the verb stays a cue (an unnamed "sources have said" dates no statement)."""
    span = ctx.doc.char_span(pinned.char_start, pinned.char_end, alignment_mode="expand")
    if span is None:
        return None
    verb = span.root
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    reported = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if subject is None or reported is None or reported.i > verb.i:
        return None  # only the closing attribution; "X has urged both sides to …" dates no one
    names = [subject, *(c for c in subject.children if c.dep_ in {"compound", "flat"})]
    first = min(t.idx for t in names)
    if not ctx.mentions_in(first, subject.idx + len(subject)):
        return None  # "Yemeni political sources have said": no one named
    return DateMention(subject.idx, subject.idx + len(subject), subject.text, pinned.value, True)


def _named_reporter(ctx: ArticleContext, sent: Span, report: DateMention) -> bool:
    """The subject the report's date is pinned on names an actor ("says the joint statement of
    Russia, Iran and Turkey", "says Russia's foreign ministry")."""
    span = ctx.doc.char_span(report.char_start, report.char_end, alignment_mode="expand")
    if span is None or span.root.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    subtree = list(span.root.subtree)
    return bool(ctx.mentions_in(subtree[0].idx, subtree[-1].idx + len(subtree[-1])))


def _own_statement(
    ctx: ArticleContext,
    statements: Sequence[Statement],
    published: PartialDate,
    found: Sequence[Event] = (),
) -> list[Event]:
    """A transcript, speech or statement published on a day (or in a month) is itself a
    statement event of that date: the speech of its first speaker (debates, remarks, speaking
    notes, press statements, a leader's statement for the media, briefing notes). A broadcast's
    talk between a host and guests is a programme, not a statement. Without a speaker's text, a
    page headed as an issued document ("Flash Update #8 ...", "Fact Sheet", "Press Release") is
    the statement of its issuer, its heading the evidence."""
    spoken = [s for s in statements if s.cue in {"transcript", "document"}]
    if spoken and spoken[0].cue == "transcript" and _broadcast(ctx, spoken):
        return []
    if spoken:
        first = spoken[0]
        start, end = first.char_start, first.char_end
        participants: tuple[str, ...] = (first.speaker_id,) if first.speaker_id else ()
    else:
        heading = issued_document_heading(ctx.body) or issued_document_address(
            ctx.article.url, ctx.body
        )
        if heading is None or any(
            e.event_type == "statement" and e.event_date == published.value for e in found
        ):
            return []  # the release's own news ("Today, the Minister announced ...") dates it
        start, end = heading
        if any(e.event_type == "statement" and start <= e.char_start < end for e in found):
            return []  # "Joint Statement by … (25-26 April 2019)": the heading dates itself
        participants = ()
    return [_dated_by_page(ctx, published, start, end, "statement", "document", participants)]


def _reported_sitting(ctx: ArticleContext, published: PartialDate) -> list[Event]:
    """A page headed by a numbered sitting ("9659th Meeting (AM)") reports that meeting, held on
    its publication date (at that date's precision); the heading is the evidence."""
    heading = sitting_heading(ctx.body)
    if heading is None:
        return []
    start, end = heading
    return [_dated_by_page(ctx, published, start, end, "meeting", "sitting", ())]


def _speech_setting(ctx: ArticleContext, published: PartialDate) -> list[Event]:
    """A speech page headed by the gathering it was given at ("Statement by … at a UNSC
    Briefing on Sudan") reports that gathering, held on its publication date (at that date's
    precision); the heading is the evidence (`etl.event_dates.speech_setting_heading`)."""
    heading = speech_setting_heading(ctx.body)
    if heading is None:
        return []
    start, end, kind = heading
    return [_dated_by_page(ctx, published, start, end, kind, "setting", ())]


def _dated_by_page(
    ctx: ArticleContext,
    published: PartialDate,
    start: int,
    end: int,
    event_type: str,
    kind: str,
    participants: tuple[str, ...],
) -> Event:
    """An event the page itself is (its own statement, the sitting it reports), dated by its
    publication date; the text from `start` to `end` is its evidence."""
    return event_row(ctx, start, end, event_type, published, kind, None, participants)


# A host's lines: "NEAL CONAN, host:", "Thanks for joining us", "Call us on ...".
_BROADCAST = re.compile(
    r"\bhost\s*:|\b(?:joins?|joining) (?:us|me)\b|\bjoin the conversation\b|\bcall us\b|"
    r"\b(?:our )?listeners\b",
    re.I,
)


def _broadcast(ctx: ArticleContext, spoken: Sequence[Statement]) -> bool:
    """A radio or television show: a host's cue in a turn or its label; or an exchange a news
    story reprints ("Below is a transcript of the exchange between ...:"), which is the story's
    material, not a document the page issues."""
    first = spoken[0].char_start
    line_start = ctx.body.rfind("\n", 0, first) + 1
    turns = " ".join(s.quote or "" for s in spoken if s.cue == "transcript")
    intro = ctx.body[max(0, line_start - 300) : line_start]
    return bool(
        _BROADCAST.search(ctx.body[line_start:first])
        or _BROADCAST.search(turns)
        or _REPRINTED_EXCHANGE.search(intro)
    )


# The line a story puts above an exchange it reprints.
_REPRINTED_EXCHANGE = re.compile(
    r"\btranscript of (?:the|an|their|this) (?:exchange|interview|conversation|call)\b", re.I
)


def _published(ctx: ArticleContext) -> PartialDate | None:
    article = ctx.article
    if article.published_date is None:
        return None
    return PartialDate(article.published_date, article.published_precision or "day")

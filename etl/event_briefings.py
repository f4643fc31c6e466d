"""A report given to a news conference or briefing, told without a date of its own.

"Filippo Grandi told a news conference: …", "…, Melissa Fleming, told a news briefing in Geneva
today", "In a news conference shortly after his opening speech, de Mistura said …": a past
reporting verb whose audience (the object of "told") or setting ("in", "at", "during") is a
news or press conference or briefing, in a sentence that names no date, is the page's own news:
a `statement` of the publication day, or of the page's month when the page is dated to its
month (real_dev3 hn04, real_dev4 hp16, real_dev9 hu16). `etl.event_forums` already dates a
report "at" a conference in pages dated to the day; this adds the conference told to, "in" a
conference, news briefings told to, and pages dated to the month. A briefing the speaker only
spoke "at" ("said at a press briefing in Tripoli", real_dev4 hp27, no row) is left alone, and so
are reports inside a quotation, negated ("never told a press conference"), future or conditional
verbs and passives ("were announced by Trudeau at a press conference", real_dev rd33).
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

from etl.dates import DateMention
from etl.docindex import DocIndex
from etl.event_quotes import in_quotation
from etl.types import PartialDate

_MEDIA = frozenset({"news", "press", "media"})
_TOLD_TO = frozenset({"conference", "briefing"})  # "told a news briefing"
_HELD_IN = frozenset({"conference"})  # "in a news conference ..., X said"
_SETTING_PREPS = frozenset({"in", "at", "during"})
_AUDIENCE_DEPS = frozenset({"dobj", "dative"})


def briefing_report(
    sent: Span, published: PartialDate | None, report_verbs: frozenset[str]
) -> DateMention | None:
    """The publication day (or month) of a past reporting verb told to or given in a news
    conference or briefing, or None."""
    if published is None or published.precision not in {"day", "month"}:
        return None
    for verb in _plain_past_reports(sent, report_verbs):
        gathering = _audience(verb) or _setting(verb)
        if gathering is None:
            continue
        # pinned on the reporting verb itself: the report, not the gathering, is dated
        return page_date_on(verb, published)
    return None


def page_date_on(token: Token, published: PartialDate) -> DateMention:
    """The page's own date pinned on `token` (a report or a strike the page tells as its news):
    its day, or the first of its month when the page is dated only to its month."""
    value = (
        published
        if published.precision == "day"
        else PartialDate(published.value.replace(day=1), "month")
    )
    return DateMention(token.idx, token.idx + len(token), token.text, value, True)


def _media_noun(noun: Token, lemmas: frozenset[str]) -> bool:
    """ "a news conference", "a press briefing", "a joint news conference"."""
    return noun.lemma_.lower() in lemmas and any(
        c.dep_ in {"compound", "amod"} and c.lower_ in _MEDIA for c in noun.children
    )


def _audience(verb: Token) -> Token | None:
    if verb.lemma_.lower() != "tell":
        return None
    for child in verb.children:
        if child.dep_ in _AUDIENCE_DEPS and _media_noun(child, _TOLD_TO):
            return child
    return None


def _setting(verb: Token) -> Token | None:
    """ "In a news conference ..., de Mistura said", "said during a press conference"."""
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in _SETTING_PREPS:
            continue
        for obj in prep.children:
            if obj.dep_ == "pobj" and _media_noun(obj, _HELD_IN):
                return obj
    return None


_AFTER = frozenset({"after", "following"})


def meeting_before_report(
    sent: Span, published: PartialDate | None, report_verbs: frozenset[str]
) -> DateMention | None:
    """ "the minister told reporters after meeting Kyaw Tint Swe in Dhaka", "Merkel told a press
    conference after meeting with Turkish Prime Minister Ahmet Davutoglu": a meeting a past
    report follows, undated, is the meeting of the report's day (real_dev3 hn28, real_dev8
    ht07); only for pages dated to the day."""
    if published is None or published.precision != "day":
        return None
    for verb in _plain_past_reports(sent, report_verbs):
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in _AFTER:
                continue
            for met in prep.children:
                if met.dep_ == "pcomp" and met.lemma_.lower() == "meet" and _met_someone(met):
                    # pinned on "after", so that "meeting" stays the cue
                    return DateMention(prep.idx, prep.idx + len(prep), prep.text, published, True)
    return None


def _met_someone(met: Token) -> bool:
    """ "meeting Kyaw Tint Swe", "meeting with the prime minister": someone met is named."""
    return any(c.dep_ == "dobj" or (c.dep_ == "prep" and c.lower_ == "with") for c in met.children)


def _plain_past_reports(sent: Span, report_verbs: frozenset[str]) -> Iterator[Token]:
    """The sentence's reporting verbs in the simple past, outside quotation marks, with no
    auxiliary (planned, hypothetical, passive) and not negated: the reports both rules date."""
    words = DocIndex.of(sent.doc).words
    for i in range(sent.start, sent.end):
        if words.tag[i] != "VBD" or words.lemma[i] not in report_verbs:
            continue  # decided on plain strings: no `Token` built for the other words
        verb = sent.doc[i]
        if in_quotation(verb) or any(c.dep_ in {"aux", "auxpass", "neg"} for c in verb.children):
            continue
        yield verb

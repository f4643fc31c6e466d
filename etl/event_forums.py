"""A gathering the day's speaker spoke at, told without a date of its own.

"The Minister spoke at a two-day UNHCR conference, in Geneva", "Lavrov, at a joint news
conference with Turkey's Mevlut Cavusoglu … in Moscow, said …", "the minister told reporters after
meeting Kyaw Tint Swe in Dhaka", "At a high-level side event … in New York, … Rebecca Tran said":
a reporting verb in the past, set at (or after, or during) a conference, meeting or summit, in a
sentence that names no date, tells the page's news, so the gathering (and the report) are events
of the publication day. Only for pages dated to the day; a page that dates the same kind of
event in the days before keeps that date instead (the rows are dropped as headline echoes are).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from etl.dates import DateMention
from etl.docindex import DocIndex
from etl.event_quotes import in_quotation
from etl.types import PartialDate

FORUM_PREPS = frozenset({"at", "after", "during", "on"})
FORUM_TYPES = frozenset({"conference", "meeting", "summit", "statement"})
_SPEECH_VERBS = frozenset({"speak"})


def forum_of_the_day(
    sent: Span, published: PartialDate | None, report_verbs: frozenset[str], forums: frozenset[str]
) -> DateMention | None:
    """The publication day, pinned on the gathering a past reporting verb is set at, or None."""
    if published is None or published.precision != "day":
        return None
    words = DocIndex.of(sent.doc).words
    verbs = report_verbs | _SPEECH_VERBS
    for i in range(sent.start, sent.end):
        if words.tag[i] != "VBD" or words.lemma[i] not in verbs:
            continue  # decided on plain strings: no `Token` built for the other words
        verb = sent.doc[i]
        if in_quotation(verb):
            continue  # a speaker's own account ("“He told reporters after meeting …,” she wrote")
        for prep in _setting_preps(verb):
            if _forum(prep, forums) is not None:
                # pinned on the preposition, so that the gathering's own cue stays a cue
                return DateMention(prep.idx, prep.idx + len(prep), prep.text, published, True)
    return None


def _setting_preps(verb: Token) -> list[Token]:
    """ "spoke at …", and "Lavrov, at a news conference …, said" (the phrase hung on the subject)."""
    found = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in FORUM_PREPS]
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        found.extend(c for c in subject.children if c.dep_ == "prep" and c.lower_ in FORUM_PREPS)
    return found


# "at the start of a ministerial conference", "on the margins of the summit"
_PARTS = frozenset({"start", "beginning", "opening", "end", "close", "margins", "sidelines"})


def _forum(prep: Token, forums: frozenset[str]) -> Token | None:
    for obj in prep.children:
        lemma = obj.lemma_.lower()
        if obj.dep_ == "pobj" and lemma in _PARTS:
            for of in (c for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"):
                inner = _forum(of, forums)
                if inner is not None:
                    return inner
        if obj.dep_ == "pobj" and (
            lemma in forums or (lemma == "event" and any(c.lower_ == "side" for c in obj.children))
        ):
            return obj
        if obj.dep_ == "pcomp" and lemma == "meet":
            return obj
    return None

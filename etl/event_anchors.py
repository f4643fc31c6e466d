"""The dates of a sentence that anchor events (`etl.events`): dates that say when something
happened (not bounds, page furniture or planned dates, `etl.event_timing`), a present-tense caption
scene that is no timetable (`CAPTION_SCENES`, `_dated_scene`), the attack a retaliation answers, a
"the same day" phrase taking the date before, and a date carried to the next sentence whose subject
looks back."""

from __future__ import annotations

import functools
import re
from datetime import timedelta

from spacy.tokens import Span

from etl.context import ArticleContext
from etl.dates import DateMention, find_dates, resolve_forward
from etl.docindex import span_text
from etl.event_dates import is_page_label, recent_periods, timetable_ahead
from etl.event_merges import _contains
from etl.event_quotes import quote_at
from etl.event_rules import EventRules, _cue_words
from etl.event_timing import (
    _is_bound,
    _latest_plausible,
    _not_before,
    _overlap,
    _points_forward,
    _present_timetable,
)
from etl.event_trees import _clause_verb, _noun_phrase
from etl.types import PartialDate

# events14: in a page with no publication date, a present-tense clause dated with its year that
# sets a scene during or after a happening ("Smoke billows following an airstrike … on February 16,
# 2020", photo captions) is no timetable: the happening is not planned (`_dated_scene`)
CAPTION_SCENES = True


def _anchoring_dates(
    ctx: ArticleContext, sent: Span, published: PartialDate | None, rules: EventRules
) -> tuple[list[DateMention], bool]:
    """Dates in the sentence that say when something happened (not bounds, not page furniture),
    and whether the sentence dates something planned ("will meet on Friday", "talks are due to
    resume next month"): a planned event is not recorded as having happened (issue 9), so its
    date anchors nothing."""
    text = span_text(sent)
    found = find_dates(text, published, offset=sent.start_char)
    recent = recent_periods(text, published, offset=sent.start_char)
    found = sorted(
        [*found, *(r for r in recent if not any(_overlap(r, d) for d in found))],
        key=lambda d: d.char_start,
    )
    kept = []
    planned = False
    for mention in found:
        span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is None or _is_bound(span, rules) or is_page_label(sent, mention):
            continue
        if _points_forward(span, rules):
            if mention.relative:
                mention = resolve_forward(mention, published)
            if published is None or _not_before(mention, published):
                planned = True
                continue
        elif _present_timetable(span, rules) and (
            (published is None and not (CAPTION_SCENES and _dated_scene(span, mention, rules)))
            or (published is not None and timetable_ahead(mention, published))
        ):
            planned = True
            continue
        elif published is not None and mention.value.value > _latest_plausible(published):
            continue  # lists of later articles at the foot of a page
        kept.append(mention)
    return kept, planned


_YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")


def _dated_scene(span: Span, mention: DateMention, rules: EventRules) -> bool:
    """In a page with no publication date, a present-tense clause dated with its year that tells
    a scene, not a happening ("Smoke billows following an airstrike … on February 16, 2020", "This
    photo taken on November 15, 2016 shows …": captions and timelines): no timetable. A clause whose
    verb is a cue or whose subject names a happening ("the conference opens on 14 March 2024",
    "leaders meet in Brussels on 5 June 2024") is still one."""
    if not _YEAR.search(mention.text):
        return False
    verb = _clause_verb(span.root)
    if verb is None:
        return False
    cue_words = _cue_words(rules)
    if verb.lemma_.lower() in cue_words or verb.lower_ in cue_words:
        return False
    subjects = [c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(t.lemma_.lower() in cue_words for subject in subjects for t in _noun_phrase(subject)):
        return False
    # the scene is set during or after the happening ("during the conference", "following an
    # airstrike"); a happening it leads to ("travels to Moscow for talks") is still ahead. The
    # date is written after the link, dating the happening the scene follows; a date before it
    # dates the clause's own verb ("Delegations return to Vienna on June 5, 2026, following the
    # talks in Cairo"): a timetable. A date inside the subject ("This photo taken on November
    # 15, 2016 shows … during the conference") dates the picture, and so the scene it shows
    in_subject = any(
        s.left_edge.idx <= mention.char_start < s.right_edge.idx + len(s.right_edge)
        for s in subjects
    )
    return any(
        t.lower_ in _SCENE_LINKS
        and (in_subject or t.idx < mention.char_start)
        and any(w.lemma_.lower() in cue_words for w in t.subtree if w != t)
        for t in verb.subtree
        if t.i >= span.sent.start and t.i < span.sent.end
    )


_SCENE_LINKS = frozenset({"after", "following", "during", "amid"})


_ANSWER_DAYS = 7  # how many days before publication the attack a retaliation answers may lie


def _answered_day(
    previous: DateMention | None, published: PartialDate | None
) -> PartialDate | None:
    """The day an undated retaliation is told of: that of the last date before it when it lies in
    the week before publication ("killed five soldiers on Monday. Turkey retaliated …"), the
    publication's when the page has named no date yet; none when the page last dated something
    further back ("In 2016, jets bombed Aleppo. In response, rebels attacked …" is history)."""
    if previous is None or published is None:
        return published
    told = previous.value
    if published.precision != "day" or told.precision != "day":
        same = _contains(published, told) or _contains(told, published) or told == published
        return published if same else None
    gap = (published.value - told.value).days
    return told if 0 <= gap <= _ANSWER_DAYS else None


@functools.lru_cache(maxsize=1024)
def _phrase_pattern(phrase: str) -> re.Pattern:
    """`phrase` as a whole-word pattern, compiled once (asked for every sentence)."""
    return re.compile(r"\b" + re.escape(phrase) + r"\b")


@functools.lru_cache(maxsize=16)
def _phrases_pattern(phrases: tuple[str, ...]) -> re.Pattern:
    """Whether any of `phrases` occurs as whole words: one pattern, compiled once."""
    return re.compile(r"\b(?:" + "|".join(re.escape(p) for p in phrases) + r")\b")


def _same_day_date(
    ctx: ArticleContext,
    sent: Span,
    previous: DateMention | None,
    rules: EventRules,
    dates: list[DateMention],
) -> DateMention | None:
    """ "held the same day", "a day later" take the last date mentioned before them (earlier in the
    sentence, else in an earlier sentence), shifted by the phrase's offset in days."""
    lowered = span_text(sent).lower()
    if not _phrases_pattern(tuple(phrase for phrase, _ in rules.same_day)).search(lowered):
        return None  # the common case: none of the phrases, found in one pass
    for phrase, offset in rules.same_day:
        at = _phrase_pattern(phrase).search(lowered)
        if at is None:
            continue
        start, end = sent.start_char + at.start(), sent.start_char + at.end()
        if any(d.char_start < end and start < d.char_end for d in dates):
            return None
        before = [d for d in dates if d.char_end <= start]
        reference = before[-1] if before else previous
        if reference is None:
            return None
        quote = quote_at(ctx.body, start)
        if quote is not None and quote_at(ctx.body, reference.char_start) != quote:
            # "“The attack on our soldiers the day before was a turning point,” he said": the
            # speaker counts from the day they spoke, not from the article's last date
            return None
        value = reference.value
        if offset and value.precision == "day":
            value = PartialDate(value.value + timedelta(days=offset), "day")
        return DateMention(start, end, ctx.body[start:end], value, True)
    return None


def _carried_date(sent: Span, orphans: list[DateMention], rules: EventRules) -> DateMention | None:
    """ "Leaders on Thursday ordered a standby force. The decision came at an emergency summit":
    a sentence opening on a reference back ("The decision", "It", "This") takes the date of the
    sentence before when that date dated nothing there."""
    if not orphans:
        return None
    first = sent[0]
    subject = next((c for c in sent.root.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None:
        return None
    if subject.lower_ not in rules.back_references:
        return None  # "The government said…" is news of its own, not a look back
    if subject.i == first.i:
        anchor = subject  # "It was the bloc's second summit"
    elif first.dep_ == "det" and first.head.i == subject.i and first.lower_ in rules.anaphors:
        anchor = first  # "The decision came…", "This latest move…"
    else:
        return None
    if subject.lower_ == "they":
        # "... on Sunday, officials said. They said the envoy met the rebel leader": the
        # sources go on reporting that day's happenings; the date is pinned in what they report
        reported = next((c for c in sent.root.children if c.dep_ == "ccomp"), None)
        if sent.root.lemma_.lower() not in rules.statement_verbs or reported is None:
            return None
        inner = next((c for c in reported.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if inner is None:
            return None
        anchor = inner
    value = orphans[-1].value
    return DateMention(anchor.idx, anchor.idx + len(anchor), anchor.text, value, True)

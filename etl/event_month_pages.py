"""A page dated only to its month: a report's own weekday dates the report to that month.

`etl.dates` resolves no weekday, "today" or "yesterday" on a page whose day is unknown: a
"Wednesday" in a page published "2015-10" may be September 30. Annotators of two real sets
still record the page's own reports told on a weekday at the page's month (real_dev7 hs08 "the
three mediators ... said in a joint statement on Wednesday", real_dev8 ht01 "John Baird said in
a statement issued from Tel-Aviv on Saturday"). Only a report is dated so, and only when the day
hangs on its own reporting verb (or on the statement it issues): a happening's weekday ("The
airstrikes began on Wednesday", seed 002, on September 30 of the month before) stays undated,
and so does a day inside a quotation (the speaker's own time) or on a future verb. "Today" is
left alone: real_dev3 hn04 records "told a news briefing in Geneva today" at its page's month,
but seed 002 (filed under "2015-10", written on September 30) does not record "the U.S. State
Department today disputed ...", which this rule dated to October.
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from etl.dates import DateMention
from etl.event_quotes import in_quotation
from etl.types import PartialDate

_RELATIVE_DAY = re.compile(
    r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", re.I
)
# verbs a report's day may hang on besides the reporting verbs: "a statement issued ... on Saturday"
_ISSUING_VERBS = frozenset({"issue", "release", "publish"})
_FUTURE = frozenset({"will", "shall", "'ll", "wo"})
_HOPS = 4  # "said in a statement issued from Tel-Aviv on Saturday": Saturday-on-issued-statement-in-said


def month_page_report(
    sent: Span, published: PartialDate | None, report_verbs: frozenset[str]
) -> DateMention | None:
    """The page's month, pinned on the weekday of a past reporting verb, or None."""
    if published is None or published.precision != "month":
        return None
    for match in _RELATIVE_DAY.finditer(sent.text):
        start = sent.start_char + match.start()
        span = sent.doc.char_span(start, sent.start_char + match.end(), alignment_mode="expand")
        if span is None or in_quotation(span.root):
            continue
        if _report_verb(span.root, report_verbs) is None:
            continue
        month = PartialDate(published.value.replace(day=1), "month")
        return DateMention(start, start + len(match.group()), match.group(), month, True)
    return None


def _report_verb(day: Token, report_verbs: frozenset[str]) -> Token | None:
    """The past reporting verb the day hangs on, through at most a statement that it issued."""
    issued = False
    for hops, head in enumerate(day.ancestors):
        if hops >= _HOPS:
            return None
        if head.pos_ not in {"VERB", "AUX"}:
            continue
        lemma = head.lemma_.lower()
        if lemma in report_verbs and head.tag_ in {"VBD", "VBN"} and not _future(head):
            return head
        if lemma in _ISSUING_VERBS and not issued and head.tag_ in {"VBD", "VBN"}:
            issued = True  # "a statement issued ... on Saturday": go on to the verb reporting it
            continue
        return None  # the day dates another verb ("began on Wednesday")
    return None


def _future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in _FUTURE for c in verb.children)

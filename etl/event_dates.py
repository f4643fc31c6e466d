"""Dates beyond the sentence's own words: page labels that date nothing, headlines that date
the article's own news.

Saved pages often open with the page's own date behind a label, run into the first sentence by
the sentence splitter ("date 2022-02-23 Canadian Prime Minister … on Tuesday announced …"). That
date is when the page was stamped, not when the sentence's happening took place, and binding it
would mis-date the sentence's event; the publication date is read from the page elsewhere.

A headline in the present tense ("Russia invades Ukraine", "Leaders agree to support the
truce") tells the news of the publication day: its verb, when that verb is an event cue, is an
event of that day. Statements are left to the body (a headline's "says" repeats a quote the
body dates).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Mapping
from datetime import timedelta
from pathlib import Path

from spacy.tokens import Span, Token

from etl.dates import (
    UPCOMING_DAYS,
    DateMention,
    _majority_month,  # noqa: PLC2701  (one rule for a span's month)
    resolve_forward,
)
from etl.docindex import DocIndex, span_text
from etl.types import Event, PartialDate

_LABEL = re.compile(
    r"(?:^|[\n|])\s*(?:date|dated|published|publication date|posted|updated|last updated|"
    r"meeting date|sitting date|date of sitting)"
    r"(?:\s+on)?\s*:?\s*$",
    re.IGNORECASE,
)


def is_page_label(sent: Span, mention: DateMention) -> bool:
    """Whether the date stands behind a furniture label at the start of a line of the sentence."""
    before = DocIndex.of(sent.doc).text[sent.start_char : mention.char_start]
    return _LABEL.search(before) is not None


# --- the article's own news: a headline in the present tense ------------------------------------

_TERMINAL = re.compile(r"[.!?;\u2026][\"'\u201d\u2019)\]]*\s*$")
_PRESENT = {"VBZ", "VBP"}


def _words_of(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def is_headline(title: str | None, sent: Span, first: bool) -> bool:
    """A headline: the article's title, or the body's first line, written without a full stop."""
    text = span_text(sent).strip()
    if not text or _TERMINAL.search(text) or "\n" in text.strip():
        return False
    if first:
        return True
    words = _words_of(text)
    title_words = " " + " ".join(_words_of(title or "")) + " "
    return len(words) >= 3 and (" " + " ".join(words) + " ") in title_words


def headline_date(
    sent: Span, published: PartialDate | None, cue_types: Mapping[str, frozenset[str]]
) -> tuple[DateMention, frozenset[str]] | None:
    """ "Rebels seize the capital", "Leaders agree to a truce": a headline's present-tense verb
    that is itself an event cue tells what happened on the publication day. Returns the date,
    pinned beside that verb (on its subject or another word it governs, so that the verb's own cue stays a cue), and the
    types the verb's cues can give: a noun of the headline ("slams X for vetoes") is what the
    day's news is about, not the day's happening, and yields none."""
    if published is None or published.precision != "day":
        return None
    for token in sent:
        if token.tag_ not in _PRESENT or token.dep_ not in {"ROOT", "conj"}:
            continue
        if any(c.dep_ in {"aux", "auxpass", "neg"} for c in token.children):
            continue
        types = cue_types.get(token.lower_) or cue_types.get(token.lemma_.lower())
        if not types:
            continue
        children = [c for c in token.children if not c.is_punct and not c.is_space]
        subjects = [c for c in children if c.dep_ in {"nsubj", "nsubjpass"}]
        anchor = (subjects or children or [None])[0]
        if anchor is None:
            continue
        return DateMention(
            anchor.idx, anchor.idx + len(anchor), anchor.text, published, True
        ), types
    return None


def drop_echoed_headlines(
    events: list[Event], headline_ids: set[str], days: int = 3
) -> list[Event]:
    """A headline's present tense often tells the news of the day before ("Parties agree a truce"
    over a body's "agreed on Thursday"): a headline event is dropped when the body dates an event
    of its type in the few days before."""
    if not headline_ids:
        return events
    body = [e for e in events if e.event_id not in headline_ids and e.date_precision == "day"]
    kept = []
    for event in events:
        if (
            event.event_id in headline_ids
            and event.event_date is not None
            and any(
                other.event_type == event.event_type
                and other.event_date is not None
                and 0 <= (event.event_date - other.event_date).days <= days
                for other in body
            )
        ):
            continue
        kept.append(event)
    return kept


# --- present tense: a timetable, or a report's present ------------------------------------------


def present_under_past(verb: Token) -> bool:
    """ "His remarks came as the warring factions hold talks in Jeddah on Monday": a present-tense
    clause hanging on a past-tense verb tells what was going on then, not a timetable."""
    return verb.dep_ in {"advcl", "ccomp", "conj"} and verb.head.tag_ == "VBD"


def timetable_ahead(mention: DateMention, published: PartialDate) -> bool:
    """Whether a date in a present-tense clause reads as a coming date of a timetable: an
    explicit date not before publication, or a relative one whose forward reading lies within
    weeks ("the summit opens Monday", "talks resume on June 3"). A month read forward to most
    of a year ahead ("details attacks … in January", in May) is the last such month instead."""
    if not mention.relative:
        return mention.value.value >= published.value
    ahead = resolve_forward(mention, published)
    gap = (ahead.value.value - published.value).days
    horizon = UPCOMING_DAYS * (2 if ahead.value.precision == "month" else 1)
    return 0 <= gap <= horizon and ahead.value.value >= published.value


# --- the article's own news: a present perfect or a present report in the body ------------------

# Adverbs that make a present perfect experiential or durative, not the day's news:
# "Russia has repeatedly vetoed", "the war has long displaced", "has never signed".
_NOT_NEWS_ADVERBS = {
    "already",
    "long",
    "repeatedly",
    "ever",
    "never",
    "often",
    "always",
    "previously",
    "before",
    "so",
    "yet",
    "still",
    "since",
    "consistently",
    "frequently",
    "again",
    "twice",
    "once",
    "recently",
    "lately",
    "increasingly",
}
_DENIALS = {"no", "neither", "none", "nobody", "nothing", "not", "never", "nor"}
# Verbs whose present perfect tells a state that goes on, not a happening: "has continued to".
_DURATIVE = {"continue", "remain", "keep", "stay", "persist", "be", "have", "become", "grow"}
_DURATION_PREPS = {"since", "for", "over", "during", "throughout", "in", "within", "until"}
# events15: an undated present perfect's own verb of taking a place or of fighting stopping ("have
# seized the town", "has stopped") takes the day, not only the cues it governs; other verbs
# ("have agreed to …", "has resigned", "have evacuated") stay out, measured imprecise
NEWS_OWN_VERB = True
LEAD_SENTENCES = 2  # a present-tense report is the day's news only in the article's lead


def news_of_the_day(
    sent: Span,
    published: PartialDate | None,
    report_verbs: frozenset[str],
    own_verbs: frozenset[str] = frozenset(),
) -> tuple[DateMention, bool] | None:
    """An undated sentence whose main verb is in the present perfect tells the publication day's
    news ("Erdogan and Putin have reached an agreement", "A joint statement has been adopted",
    "all military action has stopped"), unless an adverb or a period makes it a record ("has
    repeatedly vetoed", "has hosted refugees since 2011"). The date is pinned on the verb, so
    that the cues it governs take it; the flag says that the verb reports ("sources have
    said ...") and so dates only the report, not what is reported. In a page dated only by
    its month, only "has just ..." ("the Security Council has just voted") says so."""
    if published is None or published.precision not in {"day", "month"}:
        return None
    pos = DocIndex.of(sent.doc).words.pos
    for i in range(sent.start, sent.end):
        if pos[i] not in {"VERB", "AUX"}:
            continue  # not a main verb: no `Token` built for it
        token = sent.doc[i]
        if _main_verb(token) and _present_perfect(token):
            if published.precision == "month" and not _just(token):
                continue  # a page dated by month tells its news as "has just voted"
            # pinned on the verb itself: the verb's own cue ("has urged", "have evacuated") is
            # left out, only the cues it governs ("have reached an agreement") take the day
            reports = token.lemma_.lower() in report_verbs
            pin = token
            if NEWS_OWN_VERB and token.lemma_.lower() in own_verbs:
                # "Rebels have seized the town", "all military action has stopped": a verb of
                # taking a place or of fighting stopping is its own cue; the day is pinned on the
                # auxiliary beside it (events15; `news_own_verbs` in event_context.txt)
                pin = next((c for c in token.children if c.dep_ in {"aux", "auxpass"}), token)
            mention = DateMention(pin.idx, pin.idx + len(pin), pin.text, published, True)
            return mention, reports
    return None


def _just(verb: Token) -> bool:
    return any(c.dep_ == "advmod" and c.lower_ == "just" for c in verb.children)


def lead_report(
    sent: Span, day: PartialDate | None, report_verbs: frozenset[str]
) -> DateMention | None:
    """A present-tense report in the article's lead ("The next round of talks will take place
    in May, says the joint statement", "the statement reads") is a statement of the day: the
    dateline's day, else the publication day. Pinned beside the reporting verb."""
    if day is None or day.precision != "day":
        return None
    for token in sent:
        if (
            token.dep_ == "ROOT"
            and token.tag_ in _PRESENT
            and token.lemma_.lower() in report_verbs
            and not any(c.dep_ in {"aux", "auxpass", "neg"} for c in token.children)
        ):
            return _pinned_beside(token, day)
    return None


def _pinned_beside(verb: Token, day: PartialDate) -> DateMention | None:
    """A date for the verb's clause, pinned on its subject (or another word it governs) so that
    the verb's own cue stays a cue."""
    children = [c for c in verb.children if not c.is_punct and not c.is_space]
    subjects = [c for c in children if c.dep_ in {"nsubj", "nsubjpass"}]
    anchor = (subjects or children or [None])[0]
    if anchor is None:
        return None
    return DateMention(anchor.idx, anchor.idx + len(anchor), anchor.text, day, True)


_DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]{2,}(?:\s*\([^)]*\))?,\s")


def dateline_day(sent: Span, dates: list[DateMention]) -> PartialDate | None:
    """ "NUR-SULTAN, July 8. /TASS/." : the day a dateline gives the lead that follows it."""
    text = span_text(sent).strip()
    if not _DATELINE.match(text) or len(dates) != 1 or dates[0].value.precision != "day":
        return None
    return dates[0].value


def _main_verb(token: Token) -> bool:
    if token.pos_ not in {"VERB", "AUX"}:
        return False
    if token.dep_ == "ROOT":
        return True
    return token.dep_ in {"conj", "ccomp"} and token.head.dep_ == "ROOT"


def is_lead_prose(sent: Span) -> bool:
    """A sentence of running prose (the lead is the first two): not a title, deck or label."""
    words = DocIndex.of(sent.doc).words
    return words.alpha_count(sent.start, sent.end) >= 8 and bool(_TERMINAL.search(span_text(sent)))


def _present_perfect(verb: Token) -> bool:
    if verb.tag_ != "VBN" or verb.lemma_.lower() in _DURATIVE:
        return False
    auxes = [c for c in verb.children if c.dep_ in {"aux", "auxpass"}]
    if not any(a.lower_ in {"has", "have", "'ve", "'s"} and a.tag_ in _PRESENT for a in auxes):
        return False
    if any(a.lower_ in {"will", "would", "could", "may", "might", "should", "must"} for a in auxes):
        return False
    for child in verb.subtree:
        if child.lower_ in _NOT_NEWS_ADVERBS and child.dep_ in {
            "advmod",
            "prep",
            "mark",
            "npadvmod",
        }:
            return False
        if child.dep_ == "neg" or child.lower_ in _DENIALS:
            return False
        if child.dep_ == "prep" and child.head.i == verb.i and child.lower_ in _DURATION_PREPS:
            return False
    return True


# A page that is itself an issued document, by its heading: "OCHA | Flash Update #8 ...",
# "Sudan: Humanitarian Update (12 November 2023)" (OCHA's series, real_dev rd15, real_dev11 hw16;
# events13),
# "Fact Sheet #3", "Situation Report No. 12", "Briefing Notes, 22 January 2013", "Press Release",
# a debate's sitting ("Volume 607: debated on Wednesday 16 March 2016"), and a heading that names
# who issued it ("Comment by the Information and Press Department on …", "Statement of the
# Ministry of Foreign Affairs", "Remarks by …"; ISSUED_BY_HEADING, events10).
_ISSUED_HEADING = re.compile(
    r"\b(?:flash update|situation report|sitrep|fact sheet|briefing notes?|debated on)\b"
    r"|\b(?-i:Humanitarian Update)\b"  # the series' title case: "to issue a humanitarian update" is none
    r"|^(?:press release|news release|press statement|media statement|readout)\b",
    re.I,
)
ISSUED_BY_HEADING = True
_ISSUED_BY = re.compile(
    r"^(?i:(?:joint\s+)?(?:statement|comment|commentary|remarks|declaration|communiqu[eé])\s+"
    r"(?:by|of|from)\s+(?:the\s+)?)[A-Z]"
)
# The issuer a heading names runs to its topic ("… on …", "… at a UNSC Briefing …", "(…"): it is
# a name or title, capitalised words joined by these small words ("Permanent Representative of
# Russia to the UN", "the Ministry of Foreign Affairs"). A lower-case word or a colon there is a
# news headline's verb or comment ("Statement by Putin angers Kyiv", "Comment from the UN: a view
# on …"): the page is a report about the statement, not the statement.
_ISSUER_END = re.compile(
    r"\s(?:on|at|about|regarding|concerning|following|after|during|ahead|upon|in|over|amid|"
    r"with|before)\s|\s*\(",
    re.I,
)
_ISSUER_GLUE = {"of", "the", "and", "for", "to", "de", "du", "al", "bin", "&", "-", "–"}
_HEADING_LINES = 4
# A page's own type given as a label line among its first lines ("Debate Type" / "Ministerial
# Statement" in a parliament's page furniture): the label stands alone on its line.
_TYPE_LABEL = re.compile(r"^(?:ministerial|written|oral|joint|press) statement$", re.I)
_LABEL_LINES = 10
# events13 (issue 9): a legislature's record names its sitting on a line of its own: "Dáil
# debates", "Senate debates", "Dáil Éireann Debate, Wednesday - 23 September 2015", "Meeting of
# the Parliament" (real_dev rd45, real_dev7 hs11/hs12, real_dev9 hu05, real_dev11 hw04 are all a
# statement of their publication date). The chamber is one to three capitalised words (joined by
# "of", "the": "House of Commons debates") and nothing but a date may follow ("Debate" in the
# singular only before its date), so a headline ("Parliament debates Syria strikes", "The Great
# Debate") or a menu's lone "Debates" is none. One of the chamber's words must name a legislature
# (`legislatures` in etl/rules/event_context.txt): a debate series or a site's section ("Munk
# Debates", "Presidential Debates", "Latest Debates") is no sitting (review of the events13 round).
# "Hansard", the Westminster-style record's name, stands for "debates" ("House of Commons Hansard").
DEBATE_HEADING = True
_CHAMBER_WORD = r"[A-Z\u00c0-\u00de][\w'\u2019.\u00c0-\u024f-]*"
_DEBATE_HEADING = re.compile(
    rf"^(?P<chamber>{_CHAMBER_WORD}(?:\s+(?:(?:of|the)\s+){{0,2}}{_CHAMBER_WORD}){{0,2}})\s+"
    r"(?:[Dd]ebates$|Hansard$|Debates?\s*,"
    r"\s*(?:[A-Za-z]+day\b)?[\s,\u2013-]*\d{1,2}\s+[A-Z][a-z]+\s+\d{4}$)"
    r"|^Meeting of the (?:Parliament|House|Assembly|Senate|Chamber)$"
)


@functools.lru_cache(maxsize=1)
def _legislatures() -> frozenset[str]:
    """The words that name a legislature or its chamber (`legislatures` in event_context.txt)."""
    path = Path(__file__).resolve().parent / "rules" / "event_context.txt"
    for raw in path.read_text(encoding="utf-8").splitlines():
        key, _, values = raw.split("#", 1)[0].partition(":")
        if key.strip() == "legislatures":
            return frozenset(v.strip().lower() for v in values.split(",") if v.strip())
    return frozenset()


def debate_heading(line: str) -> bool:
    """ "Dáil debates", "Lok Sabha Debates", "House of Commons Hansard", "Meeting of the
    Parliament": a legislature's record naming its sitting; "Munk Debates" is none."""
    found = _DEBATE_HEADING.match(line)
    if found is None:
        return False
    if found["chamber"] is None:  # "Meeting of the Parliament"
        return True
    words = re.findall(r"[\w\u00c0-\u024f]+", found["chamber"].lower())
    return any(w in _legislatures() for w in words)


# A site's menu ("Home | Donate | Humanitarian Update | Contact": four or more items) or a
# related-links line ("Related: Sudan: Humanitarian Update (October 2023)") among a page's first
# lines names other pages, not this one: a news report under such furniture is no issued document
# (review of the events13 round). A heading's own "|" parts are fewer ("NRC Bangladesh | Fact
# sheet", "Humanitarian Update Syrian Arab Republic - Issue 08 | 28 January 2020").
_LINK_LABEL = re.compile(
    r"^(?:related(?:\s+(?:articles?|stories|content|links|news|reports?))?|see also|read more|"
    r"read also|also read|more on this|recommended|further reading|you may also like)\b\s*[:|\u2013-]",
    re.I,
)
_MENU_SEPARATOR = re.compile(r"\s[|\u2022\u00b7]\s")


def _link_furniture(line: str) -> bool:
    return bool(_LINK_LABEL.match(line)) or len(_MENU_SEPARATOR.split(line)) >= 4


def issued_document_heading(body: str) -> tuple[int, int] | None:
    """The offsets of a heading among the first lines that names the page as an issued
    document (an update, a fact sheet, briefing notes, a press release), else None."""
    for seen, start, line in _first_lines(body, _LABEL_LINES):
        words = len(line.split())
        named = (
            seen <= _HEADING_LINES
            and not _link_furniture(line)
            and (_ISSUED_HEADING.search(line) or (ISSUED_BY_HEADING and _issued_by(line)))
        )
        if (
            words <= 25
            and not line.endswith((".", "?", "!"))
            and (
                named
                or _TYPE_LABEL.match(line)
                or (DEBATE_HEADING and debate_heading(line))
                or (SPEECH_SETTING and seen <= _HEADING_LINES and speech_setting(line))
            )
        ):
            return start, start + len(line)
    return None


# events13 (issue 9): a speech page's heading that names the gathering it was given at
# ("Statement by Permanent Representative Vassily Nebenzia at a UNSC Briefing on Sudan",
# "Remarks at a UN Security Council Briefing on …", "Speech by … Ban Ki-moon at the opening of the
# International Conference of Donors …") is an issued document, and the gathering is held on the
# page's day: a `meeting` (a Council briefing, meeting or session) or a `conference` or `summit`
# (real_dev4 hp23, real_dev10 hv03, real_dev11 hw21). The gathering is named by a capitalised word
# before the topic ("… on Sudan"); "the open VTC of UNSC members" names none (real_dev5 hq16
# records only the statement), and a press or news briefing or conference is the speech itself.
SPEECH_SETTING = True
_SPEECH_HEADING = re.compile(
    r"^(?:(?:opening|closing|keynote|introductory)\s+)?(?:statement|remarks|speech|address|"
    r"intervention)\b",
    re.I,
)
_SETTING = re.compile(r"\s(?:at|during)\s+(?:a|an|the)\s+(?P<setting>.+)$", re.I)
_SETTING_TOPIC = re.compile(r"\s(?:on|regarding|concerning|about)\s|\s*[(:]")
_SETTING_TYPES = {
    "summit": "summit",
    "conference": "conference",
    "briefing": "meeting",
    "meeting": "meeting",
    "session": "meeting",
    "debate": "meeting",
}
_SPEECH_FORUMS = frozenset({"press", "news", "media"})


def speech_setting(line: str) -> str | None:
    """The type of the gathering a speech heading says the speech was given at ("Remarks at a UN
    Security Council Briefing on …" → meeting), else None."""
    if not _SPEECH_HEADING.match(line) or line.endswith((".", "?", "!")):
        return None
    # the gathering comes before the topic: "Statement by the Spokesperson on the talks at the
    # summit" is about a summit, not given at one
    topic = _SETTING_TOPIC.search(line)
    found = _SETTING.search(line[: topic.start()] if topic else line)
    if found is None:
        return None
    setting = found["setting"]
    words = list(re.finditer(r"[\w'\u2019-]+", setting))
    for before, word in zip([None, *words], words, strict=False):
        kind = _SETTING_TYPES.get(word[0].lower())
        if (
            kind
            and word[0][0].isupper()
            and (before is None or before[0].lower() not in _SPEECH_FORUMS)
            and _ends_gathering(setting[word.end() :])
        ):
            return kind
    return None


# What may follow the gathering's word in a speech heading: the end, a date, punctuation, a small
# word that carries its name on ("Conference of Donors", "Summit in Brussels"), or another word of
# a gathering's name ("Summit Plenary Session"). A headline in title case goes on with its verb
# ("Speech at the Summit Angers Beijing", "Remarks at the Meeting Were Cut Short"): it reports
# on a speech, it is not the speech's own page (review of the events13 round).
_GATHERING_GOES_ON = re.compile(
    r"^\s*(?:$|[^\w\s]|\d|(?:of|for|in|on|at|to|with|and|between|among|under|"
    r"regarding|concerning|about|plenary|segment|session|meeting|summit|conference|briefing|"
    r"debate|high-level)\b)",
    re.I,
)


def _ends_gathering(rest: str) -> bool:
    return bool(_GATHERING_GOES_ON.match(rest))


def speech_setting_heading(body: str) -> tuple[int, int, str] | None:
    """The offsets of a speech heading among the page's first lines that names the gathering the
    speech was given at, with the gathering's type, else None."""
    if not SPEECH_SETTING:
        return None
    for _, start, line in _first_lines(body, _HEADING_LINES):
        kind = speech_setting(line) if len(line.split()) <= 40 else None
        if kind is not None:
            return start, start + len(line), kind
    return None


def _issued_by(line: str) -> bool:
    """ "Comment by the Information and Press Department on …", "Statement of the Ministry of
    Foreign Affairs", "Remarks by Vassily Nebenzia, Permanent Representative of Russia to the UN,
    at …": a heading naming its issuer, who is a name or a title up to the topic; not a headline
    whose issuer is followed by a verb or a comment ("Statement by Putin angers Kyiv")."""
    match = _ISSUED_BY.match(line)
    if match is None:
        return False
    rest = line[match.end() - 1 :]
    end = _ISSUER_END.search(rest)
    issuer = rest[: end.start()] if end else rest
    for word in re.findall(r"[^\s,]+", issuer):
        word = re.sub(r"['’]s$", "", word).strip(".")
        if not word or word.lower() in _ISSUER_GLUE:
            continue
        if ":" in word or not (word[0].isupper() or word[0].isdigit()):
            return False
    return True


def _first_lines(body: str, limit: int) -> Iterator[tuple[int, int, str]]:
    """The page's first `limit` lines that hold a word (three letters running), each with its
    number from 1, the offset where its text starts and the text without surrounding space."""
    seen = 0
    for match in re.finditer(r"[^\n]+", body):
        line = match.group(0).strip()
        if not re.search(r"[A-Za-z]{3}", line):
            continue
        seen += 1
        if seen > limit:
            return
        yield seen, match.start() + (len(match.group(0)) - len(match.group(0).lstrip())), line


# A UN meetings-coverage page names its sitting on a line of its own: "9659th Meeting (AM)".
_SITTING = re.compile(r"^\d{2,5}(?:st|nd|rd|th) (?:Meeting|Session)\b[^\n]{0,30}$", re.I)
_SITTING_LINES = 15


def sitting_heading(body: str) -> tuple[int, int] | None:
    """The offsets of a numbered sitting's line among a page's first lines ("9659th Meeting
    (AM)", as UN meetings coverage heads every report), else None: the page reports that
    meeting, held on its publication date."""
    for _, start, line in _first_lines(body, _SITTING_LINES):
        if _SITTING.match(line):
            return start, start + len(line)
    return None


# --- recent periods: "in recent days", "over the past few weeks" --------------------------------

_RECENT = re.compile(
    r"\b(?:in|over|during|within)\s+(?:the\s+)?(?:recent|past|last)\s+(?:few\s+|several\s+)?"
    r"(?P<unit>days|weeks)\b",
    re.IGNORECASE,
)
_RECENT_SPAN = {"days": 7, "weeks": 21}


def recent_periods(text: str, published: PartialDate | None, offset: int = 0) -> list[DateMention]:
    """ "the repeated attacks on El Fasher … in recent days", "drove back the LNA in recent
    days": the days just before publication, dated to the month holding most of them (a
    month-precision date; a page dated only to its month gives that month)."""
    if published is None or published.precision == "year":
        return []
    found = []
    for m in _RECENT.finditer(text):
        if published.precision == "month":
            value = published
        else:
            span = _RECENT_SPAN[m["unit"].lower()]
            value = _majority_month(published.value - timedelta(days=span), published.value)
        found.append(DateMention(m.start() + offset, m.end() + offset, m.group(0), value, True))
    return found


def is_recent_period(mention: DateMention) -> bool:
    """Whether the mention is a recent period ("in recent days"): it tells when something went
    on, so it dates a happening, never a statement, and reaches into what a reporting verb
    speaks of ("condemned the attacks on El Fasher in recent days", the date hung on the verb)."""
    return _RECENT.fullmatch(mention.text) is not None


# The page's address names it an issued document: ".../unhcr-poland-factsheet-10-june-2022",
# ".../fact-sheet/...", ".../news-releases/...", ".../flash-update-8-nes".
_ISSUED_ADDRESS = re.compile(
    r"fact-?sheet|situation-report|sitrep|flash-update|press-releases?|press-statements?|"
    r"news-releases?",
    re.I,
)


def issued_document_address(url: str | None, body: str) -> tuple[int, int] | None:
    """The offsets of the page's first line of text when its address names the page an issued
    document (a fact sheet, a situation report, a press release) that no heading names."""
    if not url or _ISSUED_ADDRESS.search(url) is None:
        return None
    for match in re.finditer(r"[^\n]+", body):
        line = match.group(0)
        if re.search(r"[A-Za-z]{3}", line):
            start = match.start() + (len(line) - len(line.lstrip()))
            return start, match.start() + len(line.rstrip())
    return None

"""Dated events: summits, meetings, attacks, ceasefires, statements… each tied to its sentence.

A sentence yields an event only when it carries a date that anchors something (not "since 2011"
or "by the end of 2016"; but "since fighting erupted on April 15" dates the fighting). Cue words
from `etl/rules/event_types.txt` and reporting frames from `etl/rules/event_statements.txt` are the
candidates; each binds the nearest date in the parse tree that lies in the same scope (a reported
clause is its own scope, so "Moscow reported Friday that its airstrikes…" dates the report, not the
airstrikes; a date in a subordinate clause — "since …", "after …", "when …" — dates only cues
inside that clause). Per sentence and date a cue of the date's own clause wins, then the strongest
type. A date in a future or scheduled clause ("will meet on Friday", "is due to take effect on
Monday") points forward: the event is planned, not yet happened, and is left out (so is any event
dated after a publication day), and its date is carried to no later sentence. Across the article, repeats of one event (same type and date, or a coarser
date holding a finer one) are merged, and statements are kept once per (speaker, date).

Whole articles add three rules: a sentence whose subject looks back ("The decision came at an
emergency summit") takes the date of the sentence before when that date dated nothing there; a
cue in a relative clause ("the soldiers who seized power") or inside a name ("the Collective
Security Treaty Organization") does not take the sentence's date; and a second date of the same
verb well apart from the first ("held in Doha in June 2022 and in Cairo in January") is a second
occurrence of the happening.

Cue families kept in modules of their own: `etl.event_dates` (page labels that date nothing, a
present-tense headline as the publication day's news, the present tense as a timetable only for
dates just ahead), `etl.event_readings` (a cue denied by "no", "agreed that …" as a statement,
unnamed officials speaking, gatherings planned by their own phrase) and `etl.event_duplicates` (a
country and its own official speaking the same day are one statement); `etl.event_quotes` keeps a
quotation, wherever the sentence splitter cut it, the speaker's own scope; recent periods ("in
recent days"), pages whose address names them an issued document and numbered sittings ("9659th
Meeting (AM)") are in `etl.event_dates`.

The extractor itself is split by stage, each switch living in (and read from) the module that
holds its rule: `etl.event_rules` (the rules as data, `load_event_rules`), `etl.event_cues` (cue
matching), `etl.event_retyping` (types that depend on the words around a cue), `etl.event_anchors`
(the dates that anchor a sentence, captions) and `etl.event_timing` (planned and bounded dates),
`etl.event_scopes` (which cue a date dates), `etl.event_sentences` (the events of one sentence),
`etl.event_rows` (the row: participants, place, description), `etl.event_reports` (the page's own
report and its day) and `etl.event_merges` (repeats merged); `etl.event_trees` holds their
parse-tree helpers. This module runs them over the article (`extract_events`).

Five rules of the real_dev7 round, each behind a switch for ablation: a present-perfect main
verb with a happening for object is the day's news beside dates nested elsewhere
(`NEWS_BESIDE_NESTED_DATES`), a war the verb of a "since" phrase tells starts on its date
(`WAR_SINCE`), an infinitive after "agreed"/"decided" points forward (`DECIDED_TO`), and a
reporting verb in the simple present takes no written date (`PRESENT_REPORTS_UNDATED`), and a
gathering a past reporting verb is set at, undated, is of the publication day
(`FORUM_OF_THE_DAY`, `etl.event_forums`).

The events10 round (issue 9) added rules as data and one switch: starts of wars, campaigns and
operations told by their own verb ("operations ... started", "burst into ... war", "launched ...
campaign") and a leader's flight ("president ... fled") are cues in `etl/rules/event_types.txt`
(a campaign or operation only when something armed is said of it, `_unarmed_onset`: "UNICEF
launched a polio vaccination campaign" starts no war);
a heading that names who issued the page ("Comment by the Press Department ...") is the page's
own statement (`etl.event_dates.ISSUED_BY_HEADING`), unless the heading already dates a statement
or is a news headline about one ("Statement by Putin angers Kyiv").

The events11 round (issue 9) added `other` cues as data (sanctions put in place, relief convoys
and drop-offs; a sanctions noun that only modifies another noun is no cue,
`etl.event_acts`) and one switch: in a page dated only to its month, a report's own weekday dates
it to that month (`MONTH_PAGE_REPORTS`, `etl.event_month_pages`).

The events11b round (issue 9) added two switches: a past report told to a news conference or
briefing, or given in one, with no date in its sentence, is the page's statement of its
publication day or month (`BRIEFING_REPORTS`, `etl.event_briefings`); and a meeting such a
report follows ("told reporters after meeting X") is a meeting of the report's day
(`MEETING_BEFORE_REPORT`).

The events12 round (issue 9) added three switches: a war told as a state that a "since" date
qualifies ("has been in the throes of a civil war since November 2020", "has witnessed a conflict
since 2014", "rebels have fought the government since 2004") starts on that date
(`WAR_STATE_SINCE`, `etl.event_wars`; "the war … since it began in 2011" is a cue in
`etl/rules/event_types.txt`); an undated report set at a meeting ("Rouhani said at a meeting with
…") dates the meeting beside the report (`FORUM_BESIDE_REPORT`); and a meeting is one of actors: a
visit to a place (a camp, a school, a border) is `other`, a meeting with people who are no actors
("the children I met in June") none (`MEETINGS_NEED_ACTORS`, `etl.event_visits`).

The events12b round (issue 9) added two switches: a strike told as the answer to an attack, with
no date of its own ("Turkey retaliated against the attack", "In response, Turkish forces attacked
…"), is an attack of the page's news day and never merged with the attack it answers
(`RETALIATIONS`, `etl.event_retaliations`); and a verb cue written in the past ("seized") matches
its present ("seizes") in a sentence with a date of its own, as timelines and captions are told
(`PRESENT_FORMS`).

The events13 round (issue 9) added two page-heading switches in `etl.event_dates`: a
legislature's record that names its sitting on a line of its own ("Dáil debates", "Meeting of the
Parliament") is the page's statement of its publication date, its "Meeting date:" line furniture
(`DEBATE_HEADING`); and a speech heading that names the gathering it was given at ("Remarks at a
UN Security Council Briefing on …") is also that gathering of the publication date
(`SPEECH_SETTING`, `_speech_setting` here); and one here: armed forces that "entered" a place
("Rebel forces entered Damascus on Dec. 8") are a military operation (`ENTERED_PLACES`).

The events13b round (issue 9, precision) added two switches, `etl.event_endings`: the end of a
happening is no happening of the cue's type: talks that "collapsed" or "were suspended" on a date
are that breakdown (`other`), a truce that "broke" is fighting resumed (`military_operation`), and
"violated ceasefires" are none (`ENDED_HAPPENINGS`); a cue noun compounded to another noun that is
no cue ("the blast site", "attack helicopters") names a thing, not a happening (`MODIFIER_NOUNS`).

The events14 round (issue 9, the type chosen when a report and a happening share a sentence) added
one switch: a reporting verb is dated only by a date of its own clause, of a verb coordinated with
it, or of a clause it heads; a date hung on another verb ("the crossing opened on Tuesday, a
decision welcomed by Jordan") or written in the reported clause before the reporter ("…, on
October 4, …, Human Rights Watch said") dates the happening, never the report
(`REPORT_OWN_CLAUSE`, `_date_of_another_verb`); and one on date anchoring: in a page with no
publication date, a present-tense caption dated with its year that sets a scene during or after a
happening ("Smoke billows following an airstrike … on February 16, 2020") is no timetable, so the
happening is not dropped as planned (`CAPTION_SCENES`, `_dated_scene`).

The events16 round (issue 9, the merge of repeats) added one switch, `etl.event_periods`: a
happening dated by a relative period that ends before the publication day ("earlier this month",
"last week", "earlier this year") is merged only with a happening of a day inside that period, so
"the United States, which vetoed a similar resolution … last week" stays apart from the Assembly's
vote "on Tuesday" of the page's own week (`PERIOD_SPANS`).

The events17 round (issue 9, recall) added one switch, `etl.event_deeds`: a sentence that yields
no event but holds a date of its own is an actor's deed of that date when the date hangs on the
main verb written in the simple past or the past perfect and that verb's subject names an actor
("Abbas arrived in Tehran on Monday", "Guaido invoked the constitution in January"): `other`,
`attack` for weapons fired, `meeting` for a talk with someone, `military_operation` for an armed
subject (`DATED_DEEDS`).
"""

from __future__ import annotations

from collections.abc import Sequence

from etl.context import ArticleContext
from etl.dates import DateMention
from etl.event_anchors import (
    _anchoring_dates,
    _answered_day,
    _carried_date,
    _dated_scene,  # noqa: F401  (re-exported)
    _same_day_date,
)
from etl.event_briefings import briefing_report
from etl.event_cues import _find_triggers  # noqa: F401  (re-exported)
from etl.event_dates import (
    LEAD_SENTENCES,
    dateline_day,
    drop_echoed_headlines,
    headline_date,
    is_headline,
    is_lead_prose,
    lead_report,
    news_of_the_day,
)
from etl.event_deeds import dated_deed
from etl.event_forums import FORUM_TYPES, forum_of_the_day
from etl.event_merges import _merge
from etl.event_model import OpenSentence, model_events
from etl.event_month_pages import month_page_report
from etl.event_periods import period_spans
from etl.event_reports import (
    _dates_elsewhere,
    _forum_beside_report,
    _lead_news_day,
    _meeting_before_report,
    _named_report_day,
    _named_reporter,
    _own_statement,
    _published,
    _reported_sitting,
    _speech_setting,
)
from etl.event_retaliations import RETALIATION_TYPES, retaliation_day
from etl.event_retyping import (
    _inside_name,  # noqa: F401  (re-exported)
    _named_operation,  # noqa: F401  (re-exported)
)
from etl.event_rules import _news_cue_types, load_event_rules
from etl.event_scopes import _date_of_another_verb  # noqa: F401  (re-exported)
from etl.event_sentences import _sentence_events
from etl.types import EVENT_TYPES, Event, PartialDate, Statement

ALL_TYPES = frozenset(EVENT_TYPES)
# Switches of this round's rules (issue 9, real_dev7), for ablation: set False to measure without.
NEWS_BESIDE_NESTED_DATES = True
FORUM_OF_THE_DAY = True
# events11 (issue 9): a report's weekday or "today" in a page dated only to its month dates the
# report to that month (`etl.event_month_pages`)
MONTH_PAGE_REPORTS = True
# events11b (issue 9): a report told to (or given in) a news conference or briefing, undated, is
# the page's own statement of its publication day or month (`etl.event_briefings`)
BRIEFING_REPORTS = True
# events11b: "told reporters after meeting X", undated, is also the meeting of the report's day
MEETING_BEFORE_REPORT = True
# events12 (issue 9): "X said at a meeting with Y", undated, is the day's meeting beside the report
# (the report's "said at" took the sentence's one event of that day; real_dev10 hv10)
FORUM_BESIDE_REPORT = True
# events12b (issue 9): an undated strike told as a retaliation ("Turkey retaliated against the
# attack", "In response, Turkish forces attacked …") is an attack of the page's day
# (`etl.event_retaliations`)
RETALIATIONS = True
STATEMENT_ONLY = frozenset({"statement"})


def extract_events(
    ctx: ArticleContext,
    statements: Sequence[Statement],
    *,
    learned: bool = True,
    open_out: list[OpenSentence] | None = None,
) -> list[Event]:
    """Every dated event of one article, merged so that each happening appears once. With
    `learned`, the event model (`etl.event_model`, when switched on) adds its events for the
    sentences the rules leave without one; `open_out` receives those sentences."""
    rules = load_event_rules()
    open_sentences: list[OpenSentence] = []
    published = _published(ctx)
    events: list[Event] = []
    previous: DateMention | None = None
    orphans: list[DateMention] = []  # dates of the last sentence that dated nothing
    first = True
    headline_ids: set[str] = set()
    lead_sentences = 0
    lead_day: PartialDate | None = None  # a dateline's day
    news_day: PartialDate | None = None  # the day the lead tells its news on ("on Thursday")
    answers: set[str] = set()  # retaliations: never merged with the attack they answer
    for number, sent in enumerate(ctx.doc.sents):
        if not any(t.is_alpha for t in sent):
            continue
        dates, planned = _anchoring_dates(ctx, sent, published, rules)
        written = tuple(dates)
        news_types: frozenset[str] | None = None
        if not dates and not planned and is_headline(ctx.article.title, sent, first):
            told = headline_date(sent, published, _news_cue_types(rules))
            if told is not None:
                dates, news_types = [told[0]], told[1]
        first = False
        same_day = _same_day_date(ctx, sent, previous, rules, dates)
        if same_day is not None:
            dates = sorted([*dates, same_day], key=lambda d: d.char_start)
        own = bool(dates)
        if not dates and not planned:
            borrowed = _carried_date(sent, orphans, rules)
            dates = [borrowed] if borrowed is not None else []
        named_report = False
        forum_day: DateMention | None = None
        if dates and own and not planned and NEWS_BESIDE_NESTED_DATES:
            # "Russia has vetoed a draft resolution that would have condemned last week's
            # attack": the sentence's dates sit inside a noun or a subordinate clause, none of
            # them dates the main verb, so its present perfect is still the day's news
            today = news_of_the_day(sent, published, rules.statement_verbs, rules.news_own_verbs)
            if (
                today is not None
                and not today[1]
                and _dates_elsewhere(ctx, today[0], dates, rules.happening_nouns)
            ):
                dates = sorted([*dates, today[0]], key=lambda d: d.char_start)
        if not dates:
            today = news_of_the_day(sent, published, rules.statement_verbs, rules.news_own_verbs)
            # echoes of a dated body event are dropped as a headline's are; in a sentence that
            # plans something ("will begin air strikes within the week, Abbott has announced")
            # only the announcement is the day's news
            if today is not None and (today[1] or not planned):
                told = _named_report_day(ctx, today[0]) if today[1] else None
                named_report = told is not None
                dates = [told or today[0]]
                news_types = STATEMENT_ONLY if today[1] else ALL_TYPES
            elif not planned and FORUM_OF_THE_DAY:
                forum = forum_of_the_day(
                    sent, news_day or published, rules.statement_verbs, rules.forums
                )
                if forum is not None:
                    dates, news_types, forum_day = [forum], FORUM_TYPES, forum
        if not dates and not planned and MONTH_PAGE_REPORTS:
            report = month_page_report(sent, published, rules.statement_verbs)
            if report is not None:
                dates, news_types, named_report = [report], STATEMENT_ONLY, True
        cue_types: frozenset[str] | None = None
        if not dates and not planned and BRIEFING_REPORTS:
            told = briefing_report(sent, news_day or published, rules.statement_verbs)
            if told is not None:
                # only the report: the conference told to is its audience, no gathering's cue
                dates, news_types, cue_types = [told], STATEMENT_ONLY, STATEMENT_ONLY
        if not dates and not planned and RETALIATIONS:
            struck = retaliation_day(sent, _answered_day(previous, news_day or published))
            if struck is not None:
                # no headline's echo: the strike back is news of its own beside the attack
                dates, cue_types = [struck], RETALIATION_TYPES
        found = _sentence_events(ctx, sent, dates, statements, rules, cue_types) if dates else []
        if own and not planned and not found and cue_types is None and news_types is None:
            cued = frozenset(t.i for c in _find_triggers(sent, dates, rules) for t in c.tokens)
            deed = dated_deed(ctx, sent, dates, rules.statement_verbs, cued)
            if deed is not None:
                found = [deed]
        if cue_types is RETALIATION_TYPES:
            answers.update(e.event_id for e in found)  # a strike back, not the attack it answers
        if forum_day is not None and FORUM_BESIDE_REPORT:
            found = [*found, *_forum_beside_report(ctx, sent, forum_day, found, statements, rules)]
        if (
            not planned
            and MEETING_BEFORE_REPORT
            and not any(e.event_type == "meeting" for e in found)
        ):
            found = [*found, *_meeting_before_report(ctx, sent, news_day or published, statements)]
        if (
            lead_sentences < LEAD_SENTENCES
            and is_lead_prose(sent)
            and not any(e.event_type == "statement" for e in found)
        ):
            report = lead_report(sent, lead_day or published, rules.statement_verbs)
            if report is not None and not _named_reporter(ctx, sent, report):
                report = None  # "..., government sources say": no one named
            told = (
                _sentence_events(ctx, sent, [report], statements, rules, STATEMENT_ONLY)
                if report
                else []
            )
            headline_ids.update(e.event_id for e in told)
            found = [*found, *told]
        if news_day is None and lead_sentences < LEAD_SENTENCES and is_lead_prose(sent):
            news_day = _lead_news_day(dates, published)
        lead_sentences += is_lead_prose(sent)
        lead_day = dateline_day(sent, dates) or lead_day
        if dates:
            previous = dates[-1]
        orphans = dates if own and not found else []
        # the event model's candidates: dates of its own no rule event of the sentence took, or,
        # in a sentence with no date and no event, the publication day (`etl.event_model`)
        dated = frozenset(e.event_date for e in found)
        if written or not (dates or found or planned):
            open_sentences.append(OpenSentence(sent, written, planned, number, bool(found), dated))
        if news_types is not None:
            found = [e for e in found if e.event_type in news_types]
            if not named_report:  # a named speaker's own report echoes no one else's
                headline_ids.update(e.event_id for e in found)
        events.extend(found)
    if open_out is not None:
        open_out.extend(open_sentences)
    if learned:
        events.extend(model_events(ctx, open_sentences, statements, published))
    if published is not None and published.precision == "day":
        # An event dated after publication has not happened yet: planned events are left out.
        events = [e for e in events if e.event_date is None or e.event_date <= published.value]
    if published is not None and published.precision in {"day", "month"}:
        events.extend(_own_statement(ctx, statements, published, events))
    if published is not None:
        events.extend(_reported_sitting(ctx, published))
        events.extend(_speech_setting(ctx, published))
    events = drop_echoed_headlines(events, headline_ids)
    return _merge(events, rules, ctx.actors, answers, period_spans(events, published))

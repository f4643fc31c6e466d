"""The events of one sentence (`etl.events`): each cue found (`etl.event_cues`), typed
(`etl.event_retyping`), binds the nearest date of its own scope (`etl.event_scopes`); per sentence
and date a cue of the date's own clause wins, then the strongest type. A reporting verb in the
simple present takes no written date (`PRESENT_REPORTS_UNDATED`) and a reporting verb only a date
of its own clause (`REPORT_OWN_CLAUSE`)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span, Token

from etl.context import ArticleContext
from etl.dates import DateMention
from etl.event_acts import act_noun_not_imposed, modifier_noun_cue
from etl.event_cues import _find_triggers
from etl.event_dates import is_recent_period
from etl.event_quotes import in_quotation
from etl.event_readings import prompting_cue
from etl.event_retyping import _drop_forum_modifiers, _retype
from etl.event_rows import _make_event
from etl.event_rules import EventRules, _Trigger
from etl.event_scopes import (
    _awaited,
    _content_scopes,
    _date_of_another_verb,
    _dates_its_clause,
    _dates_the_noun,
    _in_date_clause,
    _in_time_clause,
    _is_real,
    _is_reference,
    _judged_topic,
    _next_to_cue,
    _premodified_by,
    _reported_dates_of_forum,
    _said_on,
    _shared_press_conference,
    _shares_relative_clause,
    _sibling_dates,
    _statement_after_gathering,
)
from etl.event_trees import _clause_verb, _tree_distance
from etl.types import Event, Statement, stable_id

# Switch of the real_dev7 round (issue 9), for ablation: set False to measure without.
PRESENT_REPORTS_UNDATED = True
# events14 (issue 9): a reporting verb is dated only by a date of its own clause (or of a verb it is
# coordinated with): "Israel targeted the crossing on October 4, …, Human Rights Watch said …" and
# "the mediation began on Thursday, an effort welcomed by …" date the targeting and the start,
# never the report or the welcome
REPORT_OWN_CLAUSE = True


def _present_report(trigger: _Trigger) -> bool:
    """ "when Amnesty says 5,000 people were hanged", "Germany warns of August 31 deadline
    danger": a reporting verb in the simple present speaks at the article's time, so a written
    date beside it ("December 2015", "August 31") dates what is told, never the report; a
    relative day ("Kuleba says Monday") still may."""
    head = trigger.head
    return (
        trigger.event_type == "statement"
        and head.tag_ in {"VBZ", "VBP"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in head.children)
    )


def _claim_clause_tails(
    frames: list[_Trigger], date_roots: list[Token], scopes: dict[int, int]
) -> None:
    """ "Thousands have crossed since Myanmar announced a military build-up earlier this month,
    community leaders said Wednesday": a date the parser hung on a closing reporting verb but
    written before that verb's subject ends the reported clause, and dates what it tells."""
    for frame in frames:
        verb = frame.head
        if verb.pos_ not in {"VERB", "AUX"}:
            continue
        reported = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"} and c.i < verb.i]
        subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if not reported or subject is None or subject.i < reported[0].i:
            continue
        clause = reported[0]
        for root in date_roots:
            if REPORT_OWN_CLAUSE and root.dep_ == "pobj" and root.head.dep_ == "prep":
                root = root.head  # "…, on October 4, …, Human Rights Watch said": the phrase
            if root.head.i != verb.i or root.dep_ not in {"npadvmod", "prep", "advmod"}:
                continue
            if clause.left_edge.i <= root.left_edge.i and root.right_edge.i < subject.left_edge.i:
                for token in root.subtree:
                    scopes[token.i] = clause.i


def _sentence_events(
    ctx: ArticleContext,
    sent: Span,
    dates: list[DateMention],
    statements: Sequence[Statement],
    rules: EventRules,
    only: frozenset[str] | None = None,
) -> list[Event]:
    """The sentence's events, each cue bound to its date; `only` keeps cues of those types."""
    date_roots = []
    for mention in dates:
        span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        date_roots.append(span.root)
    triggers = _drop_forum_modifiers(_find_triggers(sent, dates, rules), date_roots)
    triggers = [t for t in (_retype(ctx, t, rules) for t in triggers) if t is not None]
    # "placed the sanctions question on the agenda": a cue's noun that only modifies another
    # "applied for a waiver from sanctions": a cue's noun that its verb does not impose
    triggers = [
        t
        for t in triggers
        if t.event_type != "other"
        or not (modifier_noun_cue(t.tokens) or act_noun_not_imposed(t.tokens))
    ]
    # a reporting verb inside a quotation is the quoted speaker's account, not the article's
    triggers = [t for t in triggers if t.event_type != "statement" or not in_quotation(t.head)]
    if only is not None:
        triggers = [t for t in triggers if t.event_type in only]
    frames = [t for t in triggers if t.event_type == "statement"]
    cue_heads = frozenset(t.head.i for t in triggers if t.event_type != "statement")
    scopes = _content_scopes(ctx, sent, frames, cue_heads, rules.observation_verbs, rules.onsets)
    _claim_clause_tails(frames, date_roots, scopes)
    recent = [is_recent_period(m) for m in dates]
    bound: dict[int, list[_Trigger]] = {}
    borrowed: set[int] = set()
    for trigger in triggers:
        scope = scopes.get(trigger.head.i)
        real = _is_real(trigger, rules)
        # nearest date in the tree; on a tie, a date below the cue ("… and on Sept. 21 suspended")
        candidates = [
            (_tree_distance(trigger.head, root), trigger.head not in root.ancestors, i)
            for i, root in enumerate(date_roots)
            if (
                scopes.get(root.i) == scope
                or (recent[i] and trigger.event_type != "statement" and scope is not None)
            )
            and not (recent[i] and trigger.event_type == "statement")
            and not (PRESENT_REPORTS_UNDATED and _present_report(trigger) and not dates[i].relative)
            and _dates_its_clause(trigger, root, rules)
            and _in_date_clause(trigger, root)
            and _in_time_clause(trigger, root, rules)
            and _shares_relative_clause(trigger, root)
            and not (REPORT_OWN_CLAUSE and _date_of_another_verb(trigger, root, dates[i]))
            and (real or _dates_the_noun(trigger, root))
            and not (_awaited(trigger, rules) and not _next_to_cue(trigger, root))
        ]
        if not candidates and real:
            candidates = _reported_dates_of_forum(trigger, date_roots, scopes, frames, rules)
            borrowed.update(t.i for t in trigger.tokens)
        if candidates:
            bound.setdefault(min(candidates)[-1], []).append(trigger)
    events = []
    for index, group in sorted(bound.items()):
        mention = dates[index]
        root = date_roots[index]
        clause = _clause_verb(root)
        ranked = sorted(
            group,
            key=lambda t: (
                not _said_on(t, mention),
                _is_reference(t, root, rules) and not _dates_the_noun(t, root),
                # the date's own clause first (a forum the report was made at counts as its own,
                # and so does a date inside the cue's phrase: "a statement released on 2 May")
                _clause_verb(t.head) != clause
                and t.head.i not in borrowed
                and not (t.head.pos_ in {"NOUN", "PROPN"} and t.head in root.ancestors),
                # a cue noun its date names ("the weekend strikes", "its Feb. 1 takeover")
                not _premodified_by(t, root),
                # "On Friday, Washington blamed Hamas for the breakdown in talks": what a
                # judgement dated by its day is about is no happening of that day
                _judged_topic(t, root, rules),
                rules.strength[t.event_type],
                _tree_distance(t.head, root),
            ),
        )
        for trigger in ranked:
            event = _make_event(ctx, sent, mention, trigger, scopes, statements, rules)
            if event is not None:
                events.append(event)
                for other in _sibling_dates(root, mention, dates, date_roots, bound):
                    twin = _make_event(ctx, sent, other, trigger, scopes, statements, rules)
                    if twin is not None:
                        events.append(twin)
                issued = _statement_after_gathering(trigger, triggers, event.event_type)
                if issued is not None:
                    # issued by those who met, named or not ("the three foreign ministers")
                    joint = _make_event(ctx, sent, mention, issued, scopes, statements, rules)
                    events.append(
                        joint
                        or replace(
                            event,
                            event_id=stable_id(event.event_id, "statement"),
                            event_type="statement",
                            location=None,
                        )
                    )
                if event.event_type == "statement":
                    shared = _shared_press_conference(ctx, trigger, triggers, scopes)
                    if shared is not None:
                        events.append(
                            replace(
                                event,
                                event_id=stable_id(event.event_id, "meeting"),
                                event_type="meeting",
                                participant_ids=tuple(
                                    dict.fromkeys((*event.participant_ids, *shared))
                                ),
                            )
                        )
                    cause = prompting_cue(triggers, clause, date_roots, rules.strength)
                    if cause is not None and _is_real(cause, rules):
                        prompted = _make_event(ctx, sent, mention, cause, scopes, statements, rules)
                        if prompted is not None:
                            events.append(prompted)
                break
    return events

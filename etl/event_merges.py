"""Merging events across the article (`etl.events`): repeats of one event (same type and date, or a
coarse date holding a finer one) become one row, and statements are kept once per (speaker, date)
(`etl.event_duplicates`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import date

from etl.event_duplicates import voices_of_one_country
from etl.event_periods import outside_period
from etl.event_rules import EventRules
from etl.types import Actor, Event, PartialDate


def _contains(coarse: PartialDate, fine: PartialDate) -> bool:
    order = {"year": 0, "month": 1, "day": 2}
    if order[coarse.precision] >= order[fine.precision]:
        return False
    if coarse.precision == "year":
        return coarse.value.year == fine.value.year
    return (coarse.value.year, coarse.value.month) == (
        fine.value.year,
        fine.value.month,
    )


def _merge(
    events: list[Event],
    rules: EventRules,
    actors: Mapping[str, Actor] | None = None,
    answers: Collection[str] = (),
    periods: Mapping[str, tuple[date, date]] | None = None,
) -> list[Event]:
    """One event per happening: same type and date (statements: same speaker, or a country and
    its own officials), or a coarser date of one. A retaliation (`answers`, ids of events) is a
    happening of its own beside the attack it answers, even on the same day."""
    kept: list[Event] = []
    for event in events:
        match = next(
            (
                i
                for i, k in enumerate(kept)
                if _same_happening(k, event, rules, actors or {})
                and (event.event_id in answers) == (k.event_id in answers)
                and not (periods and outside_period(periods, k, event))
            ),
            None,
        )
        if match is None:
            kept.append(event)
            continue
        other = kept[match]
        first, second = (other, event) if _finer_or_equal(other, event) else (event, other)
        participants = tuple(dict.fromkeys(first.participant_ids + second.participant_ids))
        kept[match] = Event(
            **{
                **first.__dict__,
                "participant_ids": participants,
                "location": first.location or second.location,
            }
        )
    return kept


def _finer_or_equal(a: Event, b: Event) -> bool:
    order = {"year": 0, "month": 1, "day": 2}
    return order[a.date_precision] >= order[b.date_precision]


def _same_happening(a: Event, b: Event, rules: EventRules, actors: Mapping[str, Actor]) -> bool:
    if a.event_type != b.event_type:
        return False
    if (
        a.event_type == "statement"
        and set(a.participant_ids) != set(b.participant_ids)
        and not voices_of_one_country(a.participant_ids, b.participant_ids, actors)
    ):
        return False
    # two places tell two happenings only of types that recur; a vote, summit or deal of one day
    # is one, whatever place its sentences name ("China's 14th veto" is no vote in China)
    if a.location and b.location and a.location != b.location and a.event_type in rules.repeatable:
        return False
    vague = (
        a.date_precision != "day" and b.date_precision != "day" and a.event_type in rules.repeatable
    )
    if vague and not (a.location and a.location == b.location):
        return (
            False  # two vaguely dated happenings ("in April") are one only when they share a place
        )
    da, db = (
        PartialDate(a.event_date, a.date_precision),
        PartialDate(b.event_date, b.date_precision),
    )
    return da == db or _contains(da, db) or _contains(db, da)

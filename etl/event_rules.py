"""Event rules as data: cue words per type from `etl/rules/event_types.txt`, reporting frames from
`etl/rules/event_statements.txt` and the context word lists (`load_event_rules`); a cue match (a
trigger) and the views of the cue words the other event modules read (`etl.events`)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import Token

from etl.event_trees import _depth
from etl.types import EVENT_TYPES

RULES_DIR = Path(__file__).resolve().parent / "rules"
# Pseudo-types of cues: words to skip, and "take effect" (typed by the deal or truce it starts).
FALSE_FRIEND = "false_friend"
IN_FORCE = "in_force"


@dataclass(frozen=True)
class Cue:
    """One cue of a type: words that follow each other, or two halves with a short gap."""

    event_type: str
    words: tuple[str, ...]
    after_gap: tuple[str, ...] = ()
    verb_only: bool = False  # a reporting verb: "state" the verb, not "state media"
    noun_only: bool = False  # a speech noun: "an address", not "to address the needs"


@dataclass(frozen=True)
class EventRules:
    cues: tuple[Cue, ...]  # every type's cues, statement cues included
    strength: dict[str, int]  # lower is stronger
    statement_verbs: frozenset[str]
    irrealis: frozenset[str]
    background: frozenset[str]
    not_anchoring: frozenset[str]
    same_day: tuple[tuple[str, int], ...]
    heads: tuple[tuple[str, ...], ...]
    future_aux: frozenset[str] = frozenset()
    future_heads: frozenset[str] = frozenset()
    false_friends: tuple[Cue, ...] = ()
    named_documents: frozenset[str] = frozenset()
    repeatable: frozenset[str] = frozenset()
    aid_pledges: frozenset[str] = frozenset()
    forums: frozenset[str] = frozenset()
    reference_preps: frozenset[str] = frozenset()
    awaiting_preps: frozenset[str] = frozenset()
    settings: frozenset[str] = frozenset()
    place_takers: frozenset[str] = frozenset()
    place_nouns: frozenset[str] = frozenset()
    back_references: frozenset[str] = frozenset()
    observation_verbs: frozenset[str] = frozenset()
    anaphors: frozenset[str] = frozenset()
    name_cues: frozenset[str] = frozenset()
    own_clause_cues: frozenset[str] = frozenset()
    judging_verbs: frozenset[str] = frozenset()
    official_voices: frozenset[str] = frozenset()
    onsets: frozenset[str] = frozenset()
    # single-word cues of every type but statements ("attack", "resolution", "offensive")
    happening_nouns: frozenset[str] = frozenset()
    armed_onsets: frozenset[str] = frozenset()
    armed_words: frozenset[str] = frozenset()
    armed_targets: frozenset[str] = frozenset()
    visited_places: frozenset[str] = frozenset()
    ordinary_people: frozenset[str] = frozenset()
    ending_verbs: frozenset[str] = frozenset()
    halting_verbs: frozenset[str] = frozenset()
    ending_modifiers: frozenset[str] = frozenset()
    ending_nouns: frozenset[str] = frozenset()
    adopting_verbs: frozenset[str] = frozenset()
    news_own_verbs: frozenset[str] = frozenset()

    # Values derived from the cues and asked once per sentence: each walks every cue, so each is
    # computed once per rules object (`cached_property` writes past the frozen `__setattr__`).
    @functools.cached_property
    def cue_words(self) -> frozenset[str]:
        """Every word of every cue, gaps included."""
        return frozenset(w for c in self.cues for w in (*c.words, *c.after_gap))

    @functools.cached_property
    def news_cue_types(self) -> dict[str, frozenset[str]]:
        """First word of each cue that can tell a headline's news (any type but a statement) →
        the types its cues give."""
        types: dict[str, set[str]] = {}
        for cue in self.cues:
            if cue.event_type not in {"statement", FALSE_FRIEND, IN_FORCE}:
                types.setdefault(cue.words[0], set()).add(cue.event_type)
        return {word: frozenset(found) for word, found in types.items()}

    @functools.cached_property
    def single_word_cues(self) -> dict[str, frozenset[str]]:
        """Event type → the words of its cues of one word with no gap."""
        found: dict[str, set[str]] = {}
        for cue in self.cues:
            if len(cue.words) == 1 and not cue.after_gap:
                found.setdefault(cue.event_type, set()).add(cue.words[0])
        return {event_type: frozenset(words) for event_type, words in found.items()}


@dataclass(frozen=True)
class _Trigger:
    event_type: str
    tokens: tuple[Token, ...]

    @property
    def head(self) -> Token:
        return min(self.tokens, key=lambda t: _depth(t))


def _read_rules(path: Path) -> list[tuple[str, list[str]]]:
    lines = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.split("#", 1)[0].strip()
        if ":" not in line:
            continue
        key, values = line.split(":", 1)
        lines.append((key.strip(), [v.strip().lower() for v in values.split(",") if v.strip()]))
    return lines


def _cue(event_type: str, phrase: str, *, verb_only: bool = False, noun_only: bool = False) -> Cue:
    first, _, second = phrase.partition("...")
    return Cue(event_type, _words(first), _words(second), verb_only, noun_only)


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s\-]+", text.strip()) if w)


@functools.lru_cache(maxsize=4)
def load_event_rules(rules_dir: Path = RULES_DIR) -> EventRules:
    """Read the event rule files (types in order of strength, statement frames, context words)."""
    cues: list[Cue] = []
    strength: dict[str, int] = {}
    for event_type, phrases in _read_rules(rules_dir / "event_types.txt"):
        if event_type not in EVENT_TYPES:
            raise ValueError(f"unknown event type {event_type!r} in event_types.txt")
        strength.setdefault(event_type, len(strength))
        cues.extend(_cue(event_type, p) for p in phrases)
    strength.setdefault("statement", len(strength))
    statements = dict(_read_rules(rules_dir / "event_statements.txt"))
    cues.extend(_cue("statement", p, verb_only=" " not in p) for p in statements.get("verbs", []))
    cues.extend(_cue("statement", p, noun_only=" " not in p) for p in statements.get("nouns", []))
    context = dict(_read_rules(rules_dir / "event_context.txt"))
    cues.extend(_cue(IN_FORCE, p) for p in context.get("in_force", []))
    same_day = []
    for item in context.get("same_day", []):
        phrase, _, offset = item.partition("=")
        same_day.append((phrase.strip(), int(offset or 0)))
    return EventRules(
        cues=tuple(sorted(cues, key=lambda c: -(len(c.words) + len(c.after_gap)))),
        strength=strength,
        statement_verbs=frozenset(v for v in statements.get("verbs", []) if " " not in v),
        irrealis=frozenset(context.get("irrealis", [])),
        background=frozenset(context.get("background", [])),
        not_anchoring=frozenset(context.get("not_anchoring", [])),
        onsets=frozenset(context.get("onsets", [])),
        armed_onsets=frozenset(context.get("armed_onsets", [])),
        armed_words=frozenset(context.get("armed_words", [])),
        armed_targets=frozenset(context.get("armed_targets", [])),
        visited_places=frozenset(context.get("visited_places", [])),
        ordinary_people=frozenset(context.get("ordinary_people", [])),
        ending_verbs=frozenset(context.get("ending_verbs", [])),
        halting_verbs=frozenset(context.get("halting_verbs", [])),
        ending_modifiers=frozenset(context.get("ending_modifiers", [])),
        adopting_verbs=frozenset(context.get("adopting_verbs", [])),
        news_own_verbs=frozenset(context.get("news_own_verbs", [])),
        ending_nouns=frozenset(context.get("ending_nouns", [])),
        happening_nouns=frozenset(
            c.words[0]
            for c in cues
            if c.event_type not in {"statement", IN_FORCE} and len(c.words) == 1 and not c.after_gap
        ),
        same_day=tuple(sorted(same_day, key=lambda p: -len(p[0]))),
        heads=tuple(tuple(h.split()) for h in context.get("heads", [])),
        future_aux=frozenset(context.get("future_aux", [])),
        future_heads=frozenset(context.get("future_heads", [])),
        false_friends=tuple(
            sorted(
                [
                    *(_cue(FALSE_FRIEND, p) for p in context.get("false_friends", [])),
                    *(
                        _cue(FALSE_FRIEND, p, verb_only=True)
                        for p in context.get("verb_false_friends", [])
                    ),
                ],
                key=lambda c: -(len(c.words) + len(c.after_gap)),
            )
        ),
        named_documents=frozenset(context.get("named_documents", [])),
        repeatable=frozenset(context.get("repeatable", [])),
        aid_pledges=frozenset(context.get("aid_pledges", [])),
        forums=frozenset(context.get("forums", [])),
        reference_preps=frozenset(context.get("reference_preps", [])),
        awaiting_preps=frozenset(context.get("awaiting_preps", [])),
        settings=frozenset(context.get("settings", [])),
        place_takers=frozenset(context.get("place_takers", [])),
        place_nouns=frozenset(context.get("place_nouns", [])),
        back_references=frozenset(context.get("back_references", [])),
        observation_verbs=frozenset(context.get("observation_verbs", [])),
        anaphors=frozenset(context.get("anaphors", [])),
        name_cues=frozenset(context.get("name_cues", [])),
        own_clause_cues=frozenset(context.get("own_clause_cues", [])),
        judging_verbs=frozenset(context.get("judging_verbs", [])),
        official_voices=frozenset(statements.get("official_voices", [])),
    )


_GATHERINGS = {"meeting", "summit", "conference"}


def _cue_words(rules: EventRules) -> frozenset[str]:
    return rules.cue_words


def _news_cue_types(rules: EventRules) -> dict[str, frozenset[str]]:
    return rules.news_cue_types


def _single_word_cues(rules: EventRules, event_type: str) -> frozenset[str]:
    return rules.single_word_cues.get(event_type, frozenset())

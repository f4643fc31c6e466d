"""TODO event_rows."""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from etl.context import ArticleContext
from etl.dates import DateMention
from etl.docindex import DocIndex
from etl.event_readings import named_subject, unnamed_official
from etl.event_rules import EventRules, _Trigger
from etl.event_trees import _depth, _governing_verb, _noun_phrase, _tree_distance
from etl.types import Event, Mention, PartialDate, Statement, stable_id

DESCRIPTION_CHARS = 160
_PLACE_PREPS = {"in", "at", "near", "outside", "inside", "across", "around", "into"}
_PLACE_LABELS = {"GPE", "LOC", "FAC"}


def _make_event(
    ctx: ArticleContext,
    sent: Span,
    mention: DateMention,
    trigger: _Trigger,
    scopes: dict[int, int],
    statements: Sequence[Statement],
    rules: EventRules,
) -> Event | None:
    event_type = trigger.event_type
    if event_type == "statement":
        speaker = _speaker(ctx, sent, trigger, statements)
        if (
            speaker is None
            and not unnamed_official(trigger.head, rules.official_voices)
            and not named_subject(trigger.head)
        ):
            return None
        participants: tuple[str, ...] = (speaker,) if speaker else ()
        location = None
    else:
        # Three or more leaders meeting is a summit: the verb's clause names them all, a noun
        # ("a meeting with President X and President Y") names the guests of a host.
        needed = 3 if trigger.head.pos_ in {"VERB", "AUX"} else 2
        if event_type == "meeting" and _names_heads(trigger, rules) >= needed:
            event_type = "summit"
        participants = _participants(ctx, trigger, scopes)
        location = _location(ctx, sent, trigger, scopes)
    start, end = sentence_evidence(ctx, sent)
    value = _range_end(mention) if event_type == "statement" else mention.value
    return event_row(
        ctx, start, end, event_type, value, value.value.isoformat(), location, participants
    )


def sentence_evidence(ctx: ArticleContext, sent: Span) -> tuple[int, int]:
    """A sentence's offsets as an event's evidence: the sentence without its trailing space."""
    start, end = sent.start_char, sent.end_char
    while end > start and ctx.body[end - 1].isspace():
        end -= 1
    return start, end


def event_row(
    ctx: ArticleContext,
    start: int,
    end: int,
    event_type: str,
    date: PartialDate,
    key: str,
    location: str | None,
    participants: tuple[str, ...],
) -> Event:
    """The event row whose evidence is the text from `start` to `end`; `key` tells apart events
    of one type that share a start (the date written, or how the page itself is the event)."""
    evidence = ctx.body[start:end]
    return Event(
        event_id=stable_id(ctx.article.article_id, start, event_type, key),
        article_id=ctx.article.article_id,
        event_date=date.value,
        date_precision=date.precision,
        event_type=event_type,
        description=_describe(evidence),
        location=location,
        participant_ids=participants,
        evidence=evidence,
        char_start=start,
        char_end=end,
    )


_DAY_RANGE = re.compile(r"\b([0-3]?\d)\s*[-\u2013]\s*([0-3]?\d)\b")


def _range_end(mention: DateMention) -> PartialDate:
    """ "Joint Statement … on the International Meeting (Nor Sultan, 25-26 April 2019)": a
    statement on days that a range spans is issued at their close, on the last day (the
    meeting itself is dated by its first)."""
    value = mention.value
    found = _DAY_RANGE.search(mention.text)
    if value.precision != "day" or found is None or int(found[1]) != value.value.day:
        return value
    try:
        return PartialDate(value.value.replace(day=int(found[2])), "day")
    except ValueError:
        return value


def _names_heads(trigger: _Trigger, rules: EventRules) -> int:
    """How many heads of state or government the cue's own phrase names: for a verb, its subject,
    objects and "with" partners ("Pashinyan and Aliyev met … in a meeting hosted by Chancellor
    Scholz" is a meeting of two, its host named in a phrase of its own)."""
    head = trigger.head
    if head.pos_ in {"VERB", "AUX"}:
        parts = [
            c
            for c in head.children
            if c.dep_ in {"nsubj", "nsubjpass", "dobj", "agent"}
            or (c.dep_ == "prep" and c.lower_ == "with")
        ]
        tokens = sorted((t for c in parts for t in c.subtree), key=lambda t: t.i)
    else:
        tokens = list(head.subtree)
    words = [t.lower_ for t in tokens]
    count = 0
    for head in rules.heads:
        n = len(head)
        count += sum(1 for i in range(len(words) - n + 1) if tuple(words[i : i + n]) == head)
    return count


def _describe(evidence: str) -> str:
    text = " ".join(evidence.split())
    if len(text) <= DESCRIPTION_CHARS:
        return text
    cut = text[: DESCRIPTION_CHARS - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "\u2026"


# --- who and where -----------------------------------------------------------------------------


def _mentions_of(ctx: ArticleContext, tokens: list[Token]) -> list[Mention]:
    if not tokens:
        return []
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t) for t in tokens)
    indices = {t.i for t in tokens}
    found = []
    for mention in ctx.mentions_in(start, end):
        span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        if span is not None and any(t.i in indices for t in span):
            found.append(mention)
    return found


def _subject_tokens(verb: Token) -> list[Token]:
    """Tokens of the verb's subject (the agent of a passive), climbing past 'saying'-style clauses."""
    while True:
        for child in verb.children:
            if child.dep_ == "agent":
                return [t for c in child.children for t in _noun_phrase(c)]
        for child in verb.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return _noun_phrase(child)
        if verb.dep_ in {"advcl", "xcomp", "acl", "conj"} and verb.head.i != verb.i:
            verb = verb.head
            continue
        return []


def _speaker(
    ctx: ArticleContext, sent: Span, frame: _Trigger, statements: Sequence[Statement]
) -> str | None:
    """The actor speaking in a statement frame: subject of the verb, owner of the 'press conference'."""
    head = frame.head
    tokens: list[Token] = []
    if head.pos_ in {"NOUN", "PROPN"}:
        tokens = [c for c in head.children if c.dep_ == "poss"]
        verb = head
        while not tokens and verb.head.i != verb.i and verb.pos_ not in {"VERB", "AUX"}:
            verb = verb.head
        if not tokens and verb.pos_ in {"VERB", "AUX"}:
            tokens = _subject_tokens(verb)
    else:
        tokens = _subject_tokens(head)
    mentions = _mentions_of(ctx, tokens)
    if not mentions:
        tokens = _by_phrase(head) or _inverted_subject(head)
        mentions = _mentions_of(ctx, tokens)
    if mentions:
        return _prefer_person(ctx, mentions, tokens)
    for statement in statements:
        if (
            statement.speaker_id
            and statement.char_start < sent.end_char
            and sent.start_char < statement.char_end
            and not _relays_unnamed(ctx, statement)
        ):
            return statement.speaker_id
    return None


def _relays_unnamed(ctx: ArticleContext, statement: Statement) -> bool:
    """ "Reuters quoted an unnamed officer as saying ...": the outlet's row reports what someone
    said; it is no statement event of the outlet's own."""
    actor = ctx.actors.get(statement.speaker_id or "")
    return statement.cue == "quote" and actor is not None and actor.kind == "media"


def _by_phrase(head: Token) -> list[Token]:
    """ "Statement by Permanent Representative Vassily Nebenzia", "a joint statement by Iran,
    Russia and Turkey": a speech noun's "by" names its speaker."""
    if head.pos_ not in {"NOUN", "PROPN"}:
        return []
    for child in head.children:
        if child.dep_ in {"prep", "agent"} and child.lower_ == "by":
            return [t for g in child.children if g.dep_ == "pobj" for t in _noun_phrase(g)]
    return []


def _inverted_subject(head: Token) -> list[Token]:
    """ "…, in an offensive to seize Tripoli, the World Health Organization (WHO) said
    yesterday": a reporting verb closing its sentence whose subject the parser hung elsewhere;
    the words between the last comma before the verb and the verb name the speaker."""
    if head.pos_ not in {"VERB", "AUX"} or head.dep_ != "ROOT":
        return []
    if any(c.dep_ in {"nsubj", "nsubjpass"} for c in head.children):
        return []
    sent = head.sent
    words: list[Token] = []
    for k in range(head.i - 1, sent.start - 1, -1):
        token = head.doc[k]
        if token.text in {",", "\u201d", '"', ";", ":"}:
            break
        words.append(token)
    return sorted(words, key=lambda t: t.i) if 0 < len(words) <= 12 else []


def _prefer_person(ctx: ArticleContext, mentions: list[Mention], tokens: list[Token]) -> str:
    """The subject's head word names the speaker: "Canada's minister Chrystia Freeland" is Freeland."""
    people = [
        m for m in mentions if (a := ctx.actors.get(m.actor_id)) is not None and a.kind == "person"
    ]
    pool = people or mentions
    root = min(tokens, key=_depth) if tokens else None
    if root is not None:
        for m in pool:
            if m.char_start <= root.idx < m.char_end:
                return m.actor_id
    return pool[-1].actor_id


def _participants(
    ctx: ArticleContext, trigger: _Trigger, scopes: dict[int, int]
) -> tuple[str, ...]:
    """Actors taking part: the cue's own phrase and its clause's subject; for attacks, the perpetrator."""
    head = trigger.head
    scope = scopes.get(head.i)
    tokens: list[Token] = []
    if trigger.event_type == "attack":
        if head.pos_ in {"VERB", "AUX"}:
            tokens = (
                _subject_tokens(head)
                if not any(c.dep_ == "nsubjpass" for c in head.children)
                else []
            )
        else:
            tokens = [t for c in head.children if c.dep_ in {"poss"} for t in c.subtree]
            governor = _governing_verb(head)
            if (
                not tokens
                and governor is not None
                and not any(c.dep_ == "nsubjpass" for c in governor.children)
            ):
                tokens = _subject_tokens(governor)
    else:
        skip_deps = {"relcl", "acl", "advcl", "ccomp", "xcomp"}
        for child in head.children:
            if child.dep_ in skip_deps or (
                child.dep_ == "prep" and child.lower_ in {"on", "about", "over", "against"}
            ):
                continue
            tokens.extend(child.subtree)
        if head.pos_ in {"VERB", "AUX"}:
            tokens = [t for t in tokens if t.dep_ != "dobj" or t.head.i == head.i]
        else:
            governor = _governing_verb(head)
            if governor is not None and not any(
                c.dep_ in {"nsubjpass", "auxpass"} for c in governor.children
            ):
                tokens += _subject_tokens(governor)
    tokens = [t for t in tokens if scopes.get(t.i) == scope]
    ids: list[str] = []
    for mention in _mentions_of(ctx, tokens):
        actor = ctx.actors.get(mention.actor_id)
        if actor is None or actor.kind == "media" or _acts_as_place(ctx, mention):
            continue
        if mention.actor_id not in ids:
            ids.append(mention.actor_id)
    people = [i for i in ids if ctx.actors[i].kind == "person"]
    if (
        people
    ):  # "Syrian President Bashar al-Assad": the person takes part, the demonym is their title
        countries = {ctx.actors[i].country_id for i in people}
        ids = [i for i in ids if i in people or i not in countries]
    return tuple(ids)


def _acts_as_place(ctx: ArticleContext, mention: Mention) -> bool:
    span = ctx.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
    return span is not None and span.root.dep_ == "pobj" and span.root.head.lower_ in _PLACE_PREPS


def _location(
    ctx: ArticleContext, sent: Span, trigger: _Trigger, scopes: dict[int, int]
) -> str | None:
    """The place of the event: a place named after "in"/"at" nearest the cue, else a place it targets."""
    scope = scopes.get(trigger.head.i)
    ranked = []
    for ent in DocIndex.of(sent.doc).ents_within(sent.start, sent.end):
        if ent.label_ not in _PLACE_LABELS or scopes.get(ent.root.i) != scope:
            continue
        root = ent.root
        after_prep = root.dep_ == "pobj" and root.head.lower_ in _PLACE_PREPS
        if not after_prep and root.dep_ in {"compound", "poss", "amod", "nmod"}:
            target = root.head
            while target.dep_ == "compound" and target.head.i != target.i:
                target = target.head
            if not target.is_lower or target.ent_type_:
                continue  # "U.S. President", "Syria's Aleppo": a title or a larger place
        elif not after_prep and root.dep_ != "dobj":
            continue  # "ties with Canada", "between his country and the West": not where it happened
        ranked.append((0 if after_prep else 1, _tree_distance(trigger.head, root), ent.text))
    if not ranked:
        return None
    return min(ranked)[2]

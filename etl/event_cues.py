"""Event cues found in a sentence (`etl.events`): every cue of `etl/rules/event_types.txt` and
`event_statements.txt`, longest first, never overlapping a date or another cue; false friends are
spent first; a past verb cue also matches the verb's present ("seizes", `PRESENT_FORMS`); a war told
as a state a "since" date qualifies is a cue of its own (`WAR_STATE_SINCE`, `etl.event_wars`, also
read by `etl.event_timing`)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from etl.dates import DateMention
from etl.docindex import DocIndex
from etl.event_rules import FALSE_FRIEND, Cue, EventRules, _Trigger, load_event_rules
from etl.event_wars import war_state_verb

_GAP_WORDS = 6  # how far apart the two halves of an "a ... b" cue may lie
# events12: a war told as a state the "since" date qualifies ("has been in the throes of a civil war
# since November 2020", "has witnessed a conflict since 2014") starts then (`etl.event_wars`)
WAR_STATE_SINCE = True
# events12b: a verb cue written in the past ("seized", "retook") also matches the verb's present
# ("seizes", "by retaking") in a sentence with a date of its own: timelines and captions are told
# in the present ("On April 5, the army seizes the airport")
PRESENT_FORMS = True


def _find_triggers(sent: Span, dates: list[DateMention], rules: EventRules) -> list[_Trigger]:
    """Cue matches in the sentence, longest first, never overlapping each other or a date."""
    every = list(sent)  # one `Token` per word, built once
    tokens = [t for t in every if not t.is_punct or t.text not in {"-", "\u2013"}]
    in_date = {t.i for d in dates for t in every if d.char_start <= t.idx < d.char_end}
    taken: set[int] = set(in_date)
    found: list[_Trigger] = []
    # Where each word (as written or as lemma) starts, so a cue is tried only where its first
    # word stands: the same matches in the same order as trying every position.
    starts: dict[str, list[int]] = {}
    words = DocIndex.of(sent.doc).words
    for k, token in enumerate(tokens):
        for form in {words.lower[token.i], words.lemma[token.i], *_past_forms(token)}:
            starts.setdefault(form, []).append(k)
    # false friends first: their words are spent before any cue can use them
    for cue in (*rules.false_friends, *rules.cues):
        for k in starts.get(cue.words[0], ()):
            matched = _match_cue(tokens, k, cue)
            if matched is None or any(t.i in taken for t in matched):
                continue
            taken.update(t.i for t in matched)
            if cue.event_type != FALSE_FRIEND:
                found.append(_Trigger(cue.event_type, matched))
    if WAR_STATE_SINCE:
        for verb in _war_state_verbs(sent, dates):
            if verb.i not in taken:
                taken.add(verb.i)
                found.append(_Trigger("military_operation", (verb,)))
    return found


def _war_state_verbs(sent: Span, dates: list[DateMention]) -> list[Token]:
    """Verbs a "since" date qualifies that tell a war going on (`etl.event_wars`)."""
    verbs = []
    for mention in dates:
        span = sent.doc.char_span(mention.char_start, mention.char_end, alignment_mode="expand")
        verb = war_state_verb(span, _armed_words()) if span is not None else None
        if verb is not None:
            verbs.append(verb)
    return verbs


def _armed_words() -> frozenset[str]:
    return load_event_rules().armed_words


def _match_cue(tokens: list[Token], k: int, cue: Cue) -> tuple[Token, ...] | None:
    """The tokens of `cue` starting at position k ("a ... b": b within a few words), or None."""
    matched = _match_words(tokens, k, cue.words)
    if matched is not None and cue.verb_only and matched[0].pos_ not in {"VERB", "AUX"}:
        return None
    if matched is not None and cue.noun_only and matched[0].pos_ in {"VERB", "AUX"}:
        return None
    if matched is None or not cue.after_gap:
        return matched
    for j in range(k + len(cue.words), min(k + len(cue.words) + _GAP_WORDS, len(tokens))):
        tail = _match_words(tokens, j, cue.after_gap)
        if tail:
            return matched + tail
    return None


def _match_words(tokens: list[Token], k: int, words: tuple[str, ...]) -> tuple[Token, ...] | None:
    if k + len(words) > len(tokens):
        return None
    window = tokens[k : k + len(words)]
    for token, word in zip(window, words, strict=True):
        if word not in {token.lower_, token.lemma_.lower()} and not (
            PRESENT_FORMS and _present_of_past(token, word)
        ):
            return None
    return tuple(window)


# Past forms of verb cues whose lemma no suffix rule gives.
_IRREGULAR_PASTS = {"retook": "retake", "overran": "overrun", "took": "take"}
_PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def _present_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and (
        token.tag_ in _PRESENT_TAGS or (token.tag_ == "VBG" and token.dep_ == "pcomp")
    )


def _past_forms(token: Token) -> set[str]:
    """The past forms a present verb may be written as in a cue list ("seizes" -> "seized")."""
    if not PRESENT_FORMS or not _present_verb(token):
        return set()
    lemma = token.lemma_.lower()
    forms = {lemma + "d", lemma + "ed", lemma + lemma[-1:] + "ed"}
    return forms | {past for past, base in _IRREGULAR_PASTS.items() if base == lemma}


def _present_of_past(token: Token, word: str) -> bool:
    """ "seizes" or "by retaking" for the cue "seized", "retakes" for "retook": a verb cue written
    in the past matches the same verb told in the present (a timeline's "On April 5, the army
    seizes the airport", a caption's "Rebels retake the town, March 3, 2016") or as the object
    of a preposition ("by retaking the town"). The sentence still needs a date of its own: an
    undated present ("the army seizes towns") dates nothing, a future one is planned."""
    if not _present_verb(token):
        return False
    lemma = token.lemma_.lower()
    if word in _IRREGULAR_PASTS:
        return _IRREGULAR_PASTS[word] == lemma
    return len(lemma) > 3 and word.endswith("ed") and lemma in {word[:-1], word[:-2], word[:-3]}

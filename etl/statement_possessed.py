"""Speech named by a noun its speaker owns, as the subject of the page's own sentence: "Russia's
call for a delay needed nine votes", "France's demand that the vote be postponed angered …".

The noun phrase (the owner through the end of what was said) is a reported statement of the
owner (real_dev11; real_dev2 and real_dev10 annotate such nouns too). Not read:
- inside quotation marks or another speaker's words ("We are concerned by the Indian
  government's demand that …", "Rycroft dismissed Russia's claim of …"): holdout_corpus,
  real_dev and real_dev3 give the owner no row there;
- a noun in a phrase of background ("In response to the UNHCR's appeal for Canada to …",
  real_dev3; "as part of the Obama administration's promise to …"): only a clause's subject;
- a pronoun owner ("his pledge", carried by other passes), an administration (the president's
  or the state's: real_dev10 gives it the president), a funding appeal ("the UN's flash appeal
  for Syria"), a noun with nothing said after it ("Russia's call came as …"), and a repeat of
  words the owner already said ("Putin's call for closer co-operation" after "Putin asked for
  closer co-operation", seed 004).
"""

from __future__ import annotations

import re
from dataclasses import replace

from spacy.tokens import Token

from etl.context import ArticleContext
from etl.docindex import DocIndex
from etl.statement_marks import find_quotes
from etl.statement_rows import _make, _trim
from etl.statement_speakers import _pick_speaker, _subject_mentions
from etl.types import Statement, stable_id

# Nouns of speech acts (lemmas) whose owner said something.
SPEECH_NOUNS = {
    "call",
    "claim",
    "insistence",
    "promise",
    "proposal",
    "warning",
    "demand",
    "accusation",
    "denial",
    "assurance",
    "appeal",
    "plea",
    "pledge",
}
_CONTENT_PREPS = {"for", "of"}
_ADMINISTRATIONS = {"administration", "presidency", "camp", "team"}
# Modifiers that make the noun a funding instrument, not words: "the UN's flash appeal for Syria".
_INSTRUMENT_MODIFIERS = {
    "flash",
    "funding",
    "humanitarian",
    "emergency",
    "donor",
    "consolidated",
    "regional",
    "annual",
}
_MIN_WORDS = 5
# Verbs of amount: a speech noun that rises or falls is a quantity ("China's demand for oil rose
# by a third", "Europe's demand for gas has fallen"), not something its owner said.
_AMOUNT_VERBS = {
    "rise",
    "fall",
    "grow",
    "drop",
    "increase",
    "decrease",
    "decline",
    "double",
    "triple",
    "halve",
    "surge",
    "soar",
    "slump",
    "plunge",
    "plummet",
    "outstrip",
    "exceed",
    "outpace",
    "shrink",
    "climb",
    "slow",
}
# Speech nouns that also name a step in court with "of": "Myanmar's appeal of the ruling" is a
# lawsuit; "an appeal for calm", "a plea to the world" are words.
_COURT_NOUNS = {"appeal", "plea"}


def _says_something(noun: Token) -> bool:
    """The noun governs what was said: "call for a delay", "claims to be targeting", "insistence
    that …", "claim of helping"."""
    if noun.dep_ != "ROOT" and noun.head.lemma_.lower() in _AMOUNT_VERBS:
        return False  # "China's demand for oil rose by a third": a quantity
    preps = _CONTENT_PREPS - {"of"} if noun.lemma_.lower() in _COURT_NOUNS else _CONTENT_PREPS
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in preps:
            if any(g.dep_ in ("pobj", "pcomp") for g in child.children):
                return True
        if child.dep_ in ("acl", "relcl", "ccomp") and any(
            g.dep_ in ("aux", "mark") and g.lower_ in ("to", "that") for g in child.children
        ):
            return True
    return False


def _owner(noun: Token) -> Token | None:
    """The owner written before the noun: a possessive ("Russia's call") not a pronoun."""
    for child in noun.children:
        if child.dep_ == "poss" and child.pos_ in ("PROPN", "NOUN"):
            return child
    return None


def possessed_speech(ctx: ArticleContext) -> list[Statement]:
    """One reported statement per owned speech noun with content, its noun phrase the evidence."""
    found: list[Statement] = []
    words = DocIndex.of(ctx.doc).words
    for i, (pos, lemma) in enumerate(zip(words.pos, words.lemma, strict=True)):
        if pos != "NOUN" or lemma not in SPEECH_NOUNS:
            continue  # decided on plain strings: no `Token` built for the other words
        token = ctx.doc[i]
        if token.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
            # "In response to the UNHCR's appeal for …": background, not the news (a root noun is
            # a subject the parser lost: "Russia's call for a delay needed …" read as a phrase)
            continue
        owner = _owner(token)
        if owner is None or not _says_something(token):
            continue
        if owner.lemma_.lower() in _ADMINISTRATIONS:
            continue  # "the Obama administration's promise": the president's or the state's
        if any(
            c.dep_ in ("amod", "compound") and c.lower_ in _INSTRUMENT_MODIFIERS
            for c in token.children
        ):
            continue  # "the UN's flash appeal for Syria, which seeks $397 million"
        mentions = _subject_mentions(ctx, owner)
        if not mentions:
            continue
        speaker = _pick_speaker(ctx, mentions)
        if speaker[0] is None:
            continue
        words = list(token.subtree)
        start, end = _trim(ctx.body, words[0].idx, words[-1].idx + len(words[-1]))
        while end > start and ctx.body[end - 1] in ",;:-–—":
            end -= 1
        if len([t for t in words if not t.is_punct]) < _MIN_WORDS:
            continue
        made = _make(ctx, speaker, start, end, False, token.lemma_.lower())
        found.append(
            replace(
                made,
                statement_id=stable_id(ctx.article.article_id, start, end, "owned", speaker[0]),
            )
        )
    return found


def _content_words(text: str) -> set[str]:
    """Words of four letters or more, cut to five ("terrorists" and "terrorism" are one)."""
    return {w[:5] for w in re.findall(r"[a-z][a-z-]{3,}", text.lower()) if w not in _COMMON}


_COMMON = {"that", "this", "with", "from", "their", "there", "which", "have", "been", "will"}


def _repeats(earlier: Statement, owned: Statement) -> bool:
    """ "Putin's call for closer co-operation in the fight against terrorism" after "Putin asked
    for closer co-operation … in fighting terrorism": the noun points back at words already
    reported (half of its words are in the owner's earlier statement)."""
    said = _content_words(owned.quote) - _content_words(owned.speaker_text or "")
    return bool(said) and len(said & _content_words(earlier.quote)) * 2 >= len(said)


def with_possessed_speech(ctx: ArticleContext, statements: list[Statement]) -> list[Statement]:
    """The statements, with owned speech nouns of the page's own narration added (inside
    quotation marks or someone's reported words, "We are concerned by the Indian government's demand that …", "Rycroft
    dismissed Russia's claim of …", the annotators of holdout_corpus, real_dev and real_dev3 give
    the owner no row) where the owner did not say the same words earlier in the page."""
    quotes = find_quotes(ctx.body)
    added = [
        s
        for s in possessed_speech(ctx)
        if not any(q.start <= s.char_start and s.char_end <= q.end for q in quotes)
        and not any(
            (o.char_start < s.char_end and s.char_start < o.char_end)
            or (o.speaker_id == s.speaker_id and o.char_end <= s.char_start and _repeats(o, s))
            for o in statements
        )
    ]
    if not added:
        return statements
    return sorted([*statements, *added], key=lambda s: s.char_start)

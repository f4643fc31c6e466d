"""Figure categories as data: the rules files and where their phrases are written.

`load_category_rules` reads `rules/figure_categories.txt` (category cues, counted nouns, noun
classes, aid and not-money words) and `load_source_verbs` reads `rules/figure_sources.txt`
(reporting verbs for attribution); each phrase is a tuple of lower-case words, matched against
a parse word by word, as written or as lemma. `phrase_category` says what a heading or row
label names as counted. `_Reading` is what a number was read to count: a category, the counted
noun when one is written, and the clause that says it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from spacy.tokens import Doc, Span, Token

from etl.docindex import DocIndex, DocWords

RULES_DIR = Path(__file__).parent / "rules"

# Cues that say what happened to those counted; they beat the counted noun's own category.
STRONG_CUES = (
    "killed",
    "injured",
    "besieged",
    "resettled",
    "displaced",
    "refugees",
    "other",
)
# Cues of moving people; they never claim forces or envoys, who deploy, withdraw or are expelled.
DISPLACEMENT_CUES = ("refugees", "displaced", "resettled")
# Cues that only describe a situation; a counted noun with a category of its own beats them.
WEAK_CUES = ("civilians", "troops")


@dataclass(frozen=True)
class CategoryRules:
    """The contents of figure_categories.txt, each phrase as a tuple of lower-case words."""

    noun_classes: dict[str, frozenset[tuple[str, ...]]]  # people, forces, money, cued
    cues: dict[str, frozenset[tuple[str, ...]]]  # category -> clause cues
    nouns: dict[str, frozenset[tuple[str, ...]]]  # category -> counted nouns
    aid_words: frozenset[tuple[str, ...]]  # anywhere in the sentence
    aid_near: frozenset[tuple[str, ...]]  # in the sum's clause
    not_money: frozenset[tuple[str, ...]]  # prices and pay
    aid_breakdown: frozenset[tuple[str, ...]]  # "of the total": a share of a sum named before
    # counted nouns that flight, displacement and resettlement cues never claim (envoys)
    not_displaced: frozenset[tuple[str, ...]] = frozenset()
    # sums outside the subject (market values, budgets) unless aid words make them aid money
    not_subject: frozenset[tuple[str, ...]] = frozenset()


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(re.findall(r"\w+|[^\w\s]", phrase.lower()))


def load_category_rules(path: Path | None = None) -> CategoryRules:
    """Read the category rules file (format documented at its top)."""
    path = path or RULES_DIR / "figure_categories.txt"
    sections: dict[tuple[str, str], set[tuple[str, ...]]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or ":" not in line:
            continue
        key, phrases = line.split(":", 1)
        kind, _, name = key.strip().lower().partition(" ")
        entry = sections.setdefault((kind, name.strip()), set())
        entry.update(_words(p) for p in phrases.split(",") if p.strip())
    classes = ("people", "forces", "money", "cued", "admitted", "aircraft")
    return CategoryRules(
        noun_classes={c: frozenset(sections.get(("noun", c), ())) for c in classes},
        cues={n: frozenset(v) for (k, n), v in sections.items() if k == "cue"},
        nouns={
            n: frozenset(v) for (k, n), v in sections.items() if k == "noun" and n not in classes
        },
        aid_words=frozenset(sections.get(("aid", "money"), ())),
        aid_near=frozenset(sections.get(("aid", "near"), ())),
        not_money=frozenset(sections.get(("not", "money"), ())),
        aid_breakdown=frozenset(sections.get(("aid", "breakdown"), ())),
        not_displaced=frozenset(sections.get(("not", "displaced"), ())),
        not_subject=frozenset(sections.get(("not", "subject"), ())),
    )


def load_source_verbs(path: Path | None = None) -> frozenset[str]:
    """Lemmas of the verbs that attribute a figure to their subject (figure_sources.txt)."""
    path = path or RULES_DIR / "figure_sources.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for ln in lines if (w := ln.split("#", 1)[0].strip().lower()))


@lru_cache(maxsize=1)
def _default_rules() -> tuple[CategoryRules, frozenset[str]]:
    return load_category_rules(), load_source_verbs()


def _phrase_ends_at(phrase: tuple[str, ...], words: DocWords | Doc, last: int) -> bool:
    """True when `phrase` is written in the words [...:last+1] (each as written or as lemma);
    `words` is a document's word lists (`DocIndex.words`) or the document itself."""
    if isinstance(words, Doc):
        words = DocIndex.of(words).words
    first = last - len(phrase) + 1
    if first < 0:
        return False
    lower, lemma = words.lower, words.lemma
    return all(word in (lower[first + k], lemma[first + k]) for k, word in enumerate(phrase))


@lru_cache(maxsize=64)
def _by_last_word(phrases: frozenset[tuple[str, ...]]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """The phrases of a rules set grouped by their last word, so that only the phrases that can
    end at a token are tried there (a rules set has hundreds; a token ends a handful)."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        if phrase:
            grouped.setdefault(phrase[-1], []).append(phrase)
    return {word: tuple(found) for word, found in grouped.items()}


def _phrases_ending_at(
    phrases: frozenset[tuple[str, ...]], doc: Doc, last: int
) -> list[tuple[str, ...]]:
    """Every phrase of `phrases` written in doc[...:last+1] (read from the document's word
    lists, `DocIndex.words`, without building a `Token` per word tried)."""
    grouped = _by_last_word(phrases)
    words = DocIndex.of(doc).words
    candidates = {
        p for form in {words.lower[last], words.lemma[last]} for p in grouped.get(form, ())
    }
    return [p for p in candidates if _phrase_ends_at(p, words, last)]


def _noun_in(noun: Token, phrases: frozenset[tuple[str, ...]]) -> bool:
    return bool(_phrases_ending_at(phrases, noun.doc, noun.i))


def _any_phrase(phrases: frozenset[tuple[str, ...]], doc, indices) -> bool:
    return any(_phrases_ending_at(phrases, doc, i) for i in indices)


@dataclass(frozen=True)
class _Reading:
    """What a number counts: its category, noun (if written) and clause."""

    category: str
    noun: Token | None
    window: frozenset[int]


def phrase_category(words: Span, rules: CategoryRules) -> tuple[int, str] | None:
    """What a heading or row label says is counted, and how surely: (2, category) for a cue of
    what happened ("Internally displaced people", "Number of refugees resettled"), (1, category)
    for a counted noun naming one ("Registered refugees"), (0, category) for a weak cue or a
    bare count of people ("Returnees" aside, "Detainees"); None when it names no count."""
    doc, indices = words.doc, range(words.start, words.end)
    found: list[tuple[int, int, int, str]] = []  # (-strength, first word, -length, category)
    for i in indices:
        for category in (*STRONG_CUES, *WEAK_CUES):
            for phrase in _phrases_ending_at(rules.cues.get(category, frozenset()), doc, i):
                strength = -2 if category in STRONG_CUES else 0
                found.append((strength, i - len(phrase) + 1, -len(phrase), category))
        for category, nouns in rules.nouns.items():
            if _phrases_ending_at(nouns, doc, i) and not (
                category == "troops" and _modifies_thing(doc[i], rules)
            ):
                found.append((-1, i, -1, category))
        if _phrases_ending_at(rules.noun_classes["people"], doc, i):
            found.append((0, 10**9 + i, -1, "other"))
    if not found:
        return None
    strength, _, _, category = min(found)  # the first cue, the longest phrase where two start
    return -strength, category


def _modifies_thing(token: Token, rules: CategoryRules) -> bool:
    """A forces word that only modifies a later noun naming no people ("prior to [military]
    operations", "police stations"): the noun phrase's head says what it is about."""
    head = token.head
    return (
        token.dep_ in ("compound", "amod")
        and head.i > token.i
        and head.pos_ in ("NOUN", "PROPN")
        and not _counts_people(head, rules)
    )


def _counts_people(noun: Token, rules: CategoryRules) -> bool:
    return (
        _noun_in(noun, rules.noun_classes["people"])
        or _noun_in(noun, rules.noun_classes["forces"])
        or noun.ent_type_ == "NORP"
        or _noun_in(noun, rules.noun_classes["money"])
    )

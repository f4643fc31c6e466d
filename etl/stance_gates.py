"""Which cue words each stance rule needs: the walk over an article skips a rule where none is.

The stance finder (`etl.stances._StanceFinder.edges`) offers every word of an article to some
fifty rule functions, and nearly every one of them starts by asking whether the word realises a
cue of one of its sections ("pact supportive", the "act" sections...) and stops when it does not.
Asked fifty times per word, those first questions cost most of the stance rules' CPU. Here each
rule declares, once, what it needs (`TRIGGERS`); `Gates` turns the declarations into one table
from a word (lemma or lower-cased form) to the rules that word may start, and the walk asks that
table once per token and calls only the rules it names.

A declaration must be a necessary condition of the rule yielding anything, never a guess:
- `sections` / `kinds`: the token itself realises a cue of one of these sections (a kind stands
  for all its polarity sections, as `CueBook.polarity_sections` lists them): the rule's own first
  test is `cues.has(section, token)` / `cues.match(...)`, or a comparison of the token's lemma with
  the section's cue lemmas;
- `words`: the token's lemma or lower-cased form is one of these words (rules keyed to a word
  list of their own: "vote", "veto");
- `sentence_sections` / `sentence_words`: some token of the token's sentence does (rules that
  look at the token's children or conjuncts: a dependency never leaves its sentence, because the
  sentence boundaries are set before the parser runs, `etl.nlp`).
A rule may declare several; it runs when any holds. A rule with no declaration (not in
`TRIGGERS`) always runs: a new rule is correct by default, and gated once its author declares
what it needs. `tests/test_stance_gates.py` checks that every declared section exists.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from etl.docindex import DocIndex
from etl.stance_cuebook import CueBook, _lower_lemma
from etl.stance_partners import _BACKING


@dataclass(frozen=True)
class Trigger:
    """What a rule needs before it can yield an edge (see the module docstring)."""

    sections: tuple[str, ...] = ()
    kinds: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    sentence_sections: tuple[str, ...] = ()
    sentence_words: tuple[str, ...] = ()


# Rule name (the function's __name__, as `edges` checks it) -> what it needs.
TRIGGERS: dict[str, Trigger] = {
    # _StanceFinder's own cues (stance_acts, stance_verdicts, stance_nominal, stance_references)
    "_failed_agreement": Trigger(words=("agree",)),
    "_negated_praise": Trigger(sections=("negated praise",)),
    "_refusal": Trigger(sections=("negated acceptance",)),
    "_omission": Trigger(sections=("act critical",)),
    "_act": Trigger(kinds=("act",)),
    "_hostility": Trigger(kinds=("hostility",)),
    "_demand": Trigger(kinds=("demand",)),
    # "formed a joint panel" (a child's modifier), "jointly brokered" (a child)
    "_joint": Trigger(
        kinds=("joint",), sentence_words=("joint",), sentence_sections=("jointly",)
    ),
    "_allege": Trigger(kinds=("allege",)),
    "_characterise": Trigger(sections=("characterise",)),
    "_designate": Trigger(kinds=("designate",)),
    "_dispatch": Trigger(kinds=("dispatch",)),
    "_patronage": Trigger(sections=("patron supportive",)),
    # blame cues, and "supports terrorist organizations" (`_supports_terror`)
    "_blame": Trigger(kinds=("blame",), sections=("act supportive",)),
    "_concern": Trigger(kinds=("concern", "gratitude")),
    "_nominal": Trigger(kinds=("nominal",)),
    "_predicate": Trigger(kinds=("predicate",)),
    # rules in modules of their own
    "pacts": Trigger(sections=("pact supportive",)),
    "wars": Trigger(sections=("war critical",)),
    "noun_vetoes": Trigger(words=("veto",)),
    "apposed_patrons": Trigger(sections=("predicate supportive",)),
    "reciprocal_roles": Trigger(kinds=("predicate",)),
    "support_held": Trigger(sections=("help noun",)),
    "joint_documents": Trigger(sections=("document",)),
    "guarantors": Trigger(sections=("guarantor noun",)),
    "hyphenated_partners": Trigger(sections=("joint undertaking",)),
    "role_epithets": Trigger(sections=("predicate supportive",)),
    "helpers": Trigger(sections=("help noun",)),
    "operation_purposes": Trigger(sections=("operation noun",)),
    "deeds_told": Trigger(sections=("told deed",)),
    "memberships": Trigger(sections=("member noun",)),
    "under_pacts": Trigger(sections=("pact supportive",)),
    "backed_with": Trigger(words=tuple(sorted(_BACKING))),
    "at_war_with": Trigger(sections=("war critical",)),
    # "the sovereignty, independence and territorial integrity of Syria": any noun of the list
    "sovereignty_upheld": Trigger(sentence_sections=("sovereign",)),
    "admissions": Trigger(sections=("admit supportive",)),
    "vetoes": Trigger(sections=("veto supportive",)),
    "referrals": Trigger(sections=("referral",)),
    "unaddressed_relief": Trigger(kinds=("dispatch",), sections=("pledge",)),
    "mediators": Trigger(sections=("mediate neutral",)),
    "votes": Trigger(words=("vote",)),
    "ground_taken": Trigger(sections=("taken from",)),
    "positions_hit": Trigger(sections=("hostility critical",)),
    "takeovers": Trigger(sections=("takeover",)),
    "laments": Trigger(kinds=("concern",)),
    "praised_conduct": Trigger(sections=("praise adjective",)),
    "friendly_epithets": Trigger(sections=("friendly supportive",)),
    "pejorative_epithets": Trigger(sections=("pejorative critical",)),
    "ousters": Trigger(sections=("ouster", "ouster noun")),
}

_NONE: frozenset[str] = frozenset()


class Gates:
    """`TRIGGERS` read against one cue book: word -> the rules it may start."""

    def __init__(self, cues: CueBook, triggers: dict[str, Trigger] | None = None) -> None:
        self.cues = cues
        self.triggers = TRIGGERS if triggers is None else triggers
        by_section: dict[str, set[str]] = {}
        by_word: dict[str, set[str]] = {}
        by_sentence_section: dict[str, set[str]] = {}
        by_sentence_word: dict[str, set[str]] = {}
        for name, trigger in self.triggers.items():
            for section in self.sections_of(trigger.sections, trigger.kinds):
                by_section.setdefault(section, set()).add(name)
            for word in trigger.words:
                by_word.setdefault(word, set()).add(name)
            for section in trigger.sentence_sections:
                by_sentence_section.setdefault(section, set()).add(name)
            for word in trigger.sentence_words:
                by_sentence_word.setdefault(word, set()).add(name)
        # Every word of the cue book (or of a word trigger) -> the rules it starts.
        self._token: dict[str, frozenset[str]] = {}
        self._sentence: dict[str, frozenset[str]] = {}
        words = {word for _, word in cues._by_word} | set(by_word) | set(by_sentence_word)
        for word in words:
            sections = cues._sections_by_word.get(word, _NONE)
            token_rules = set(by_word.get(word, ()))
            sentence_rules = set(by_sentence_word.get(word, ()))
            for section in sections:
                token_rules |= by_section.get(section, set())
                sentence_rules |= by_sentence_section.get(section, set())
            if token_rules:
                self._token[word] = frozenset(token_rules)
            if sentence_rules:
                self._sentence[word] = frozenset(sentence_rules)
        # (lemma hash, lower hash) -> rules: a token is looked up once per distinct word form.
        self._seen: dict[tuple[int, int], frozenset[str]] = {}

    def sections_of(self, sections: Iterable[str], kinds: Iterable[str]) -> list[str]:
        found = list(sections)
        for kind in kinds:
            found.extend(section for section, _ in self.cues.polarity_sections(kind))
        return found

    def token_rules(self, token: Token) -> frozenset[str]:
        """The gated rules `token` itself may start (its lemma or its lower-cased form)."""
        key = (token.lemma, token.lower)
        found = self._seen.get(key)
        if found is None:
            if len(self._seen) >= 200_000:
                self._seen.clear()
            lemma, lower = _lower_lemma(token), token.lower_
            found = self._token.get(lemma, _NONE)
            if lower != lemma:
                found = found | self._token.get(lower, _NONE)
            self._seen[key] = found
        return found

    def sentence_rules(self, doc: Doc) -> list[frozenset[str]]:
        """Per token index: the gated rules some word of the token's sentence starts."""
        rules: list[frozenset[str]] = [_NONE] * len(doc)
        if not self._sentence:
            return rules
        for sent in DocIndex.of(doc).sents:
            found: set[str] = set()
            for token in sent:
                lemma, lower = _lower_lemma(token), token.lower_
                found.update(self._sentence.get(lemma, _NONE))
                if lower != lemma:
                    found.update(self._sentence.get(lower, _NONE))
            if found:
                frozen = frozenset(found)
                for i in range(sent.start, sent.end):
                    rules[i] = frozen
        return rules


_GATES: dict[int, tuple[CueBook, Gates]] = {}


def gates_for(cues: CueBook) -> Gates:
    """The gates of a cue book, built once per cue book."""
    kept = _GATES.get(id(cues))
    if kept is None or kept[0] is not cues:
        if len(_GATES) >= 8:
            _GATES.clear()
        kept = _GATES[id(cues)] = (cues, Gates(cues))
    return kept[1]

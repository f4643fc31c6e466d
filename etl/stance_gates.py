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

from spacy.attrs import DEP, HEAD, LEMMA, LOWER
from spacy.tokens import Doc, Token

from etl.docindex import DocIndex
from etl.stance_appeals import _RESPONDING
from etl.stance_backers import BACKING_VERBS, ROLE_NOUNS
from etl.stance_cuebook import CueBook, _lower_lemma
from etl.stance_decisions import DECISION_NOUNS
from etl.stance_operations import _FIGHTING
from etl.stance_partners import _BACKING
from etl.stance_requests import REQUEST_NOUNS
from etl.stance_retaking import RETAKING, WITH_BACK


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
    "_joint": Trigger(kinds=("joint",), sentence_words=("joint",), sentence_sections=("jointly",)),
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
    # "vetoes by Russia prevented ...", "used its veto to block ..."
    "veto_uses": Trigger(words=("veto",)),
    # "X, together with Y, launched ...", "alongside"
    "comrades": Trigger(sentence_words=("together", "along", "alongside")),
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
    "deed_targets": Trigger(sections=("aimed deed",)),
    "soldiers_killed": Trigger(sections=("aimed deed",)),
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
    # "was submitted by France", "the motion brought before the House by the Government"
    "drafted_texts": Trigger(sections=("drafting",)),
    "ground_taken": Trigger(sections=("taken from",)),
    "positions_hit": Trigger(sections=("hostility critical",)),
    "fighters_named": Trigger(words=tuple(sorted(_FIGHTING))),
    "takeovers": Trigger(sections=("takeover",)),
    # "which is backed by Turkey"; "rebel backer Turkey"
    "backed_relatives": Trigger(words=tuple(sorted(BACKING_VERBS))),
    "role_names": Trigger(words=tuple(sorted(ROLE_NOUNS))),
    # "acting at the request of X"
    "acted_on_request": Trigger(words=tuple(sorted(REQUEST_NOUNS))),
    # "extended the sanctions it has imposed on X", "restrictive measures on ministers in X"
    "imposed_measures": Trigger(sections=("sanction noun",), words=("measure",)),
    # "talks brokered by Russia", "Qatari-led negotiations between Israel and Hamas"
    "talks_brokers": Trigger(sections=("contact noun",)),
    # "retake", "recapture"; "take back", "win back" (the verb with its particle)
    "retaken_ground": Trigger(words=tuple(sorted(RETAKING | WITH_BACK))),
    "laments": Trigger(kinds=("concern",)),
    # "responds to UNHCR request", "heeded the call"; "in response to ..."
    "answered_appeals": Trigger(words=tuple(sorted(_RESPONDING | {"response"}))),
    "praised_conduct": Trigger(sections=("praise adjective",)),
    "friendly_epithets": Trigger(sections=("friendly supportive",)),
    "pejorative_epithets": Trigger(sections=("pejorative critical",)),
    "ousters": Trigger(sections=("ouster", "ouster noun")),
    # "the appalling actions of the regime"; "prevented aid workers"; "bomb its own people"
    "conduct_judged": Trigger(sections=("conduct noun",)),
    "relief_obstructed": Trigger(sections=("obstructing",)),
    # "welcome the decision by X to recognize Y"
    "decided_acts": Trigger(words=tuple(sorted(DECISION_NOUNS))),
    "own_people_struck": Trigger(sections=("hostility critical",)),
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
        # (lemma hash, lower hash) -> what a word of that form starts: looked up once per form.
        self._forms: dict[tuple[int, int], _Form] = {}

    def sections_of(self, sections: Iterable[str], kinds: Iterable[str]) -> list[str]:
        found = list(sections)
        for kind in kinds:
            found.extend(section for section, _ in self.cues.polarity_sections(kind))
        return found

    def form(self, key: tuple[int, int], token: Token) -> _Form:
        """The cue sections and gated rules of a word form (`token` is one word of that form)."""
        found = self._forms.get(key)
        if found is None:
            if len(self._forms) >= 200_000:
                self._forms.clear()
            lemma, lower = _lower_lemma(token), token.lower_
            rules = self._token.get(lemma, _NONE)
            around = self._sentence.get(lemma, _NONE)
            if lower != lemma:
                rules = rules | self._token.get(lower, _NONE)
                around = around | self._sentence.get(lower, _NONE)
            found = self._forms[key] = _Form(self.cues.candidate_sections(token), rules, around)
        return found


def _unreal_past(verb: Token) -> bool:
    """A past participle with its own "have" after a modal of the unreal past: "would have
    backed", "should have condemned" (not "would back", a plan, nor "should condemn", a demand)."""
    return verb.tag_ == "VBN" and any(
        c.dep_ == "aux" and c.lemma_.lower() == "have" and c.i < verb.i for c in verb.children
    )


@dataclass(frozen=True)
class _Form:
    sections: frozenset[str]  # the sections `CueBook.match` may find a cue of (candidates)
    rules: frozenset[str]  # the gated rules a word of this form starts
    around: frozenset[str]  # the gated rules it starts in its whole sentence


class ArticleWords:
    """One article's parse as plain lists, read once: heads, dependency labels, the cue sections
    each word may realise (`CueBook.candidate_sections`) and the gated rules live at each word,
    with the words that carry a negation or a hedge among their children. The stance walk asks
    these lists instead of building a spaCy token at each step up the heads."""

    def __init__(self, doc: Doc, cues: CueBook) -> None:
        gates = gates_for(cues)
        self.doc = doc
        n = len(doc)
        # HEAD is an offset (negative ones wrap around in the unsigned array); the rest hashes.
        offsets = doc.to_array(HEAD).astype("int64").tolist() if n else []
        array = doc.to_array([DEP, LEMMA, LOWER]).tolist() if n else []
        strings = doc.vocab.strings
        self.heads: list[int] = [i + offset for i, offset in enumerate(offsets)]
        self.deps: list[str] = [strings[row[0]] for row in array]
        forms = [gates.form((row[1], row[2]), doc[i]) for i, row in enumerate(array)]
        self.sections: list[frozenset[str]] = [f.sections for f in forms]
        self.live: list[frozenset[str]] = [f.rules for f in forms]
        for sent in DocIndex.of(doc).sents:
            around: frozenset[str] = _NONE
            for i in range(sent.start, sent.end):
                if forms[i].around:
                    around = around | forms[i].around
            if around:
                for i in range(sent.start, sent.end):
                    self.live[i] = self.live[i] | around
        self.demand_sections = frozenset(s for s, _ in cues.polarity_sections("demand"))
        no = strings["no"]
        self.negated_heads: set[int] = set()
        self.hedge_heads: set[int] = set()
        # verbs of the unreal past ("would have backed", "should have condemned")
        self.counterfactual_heads: set[int] = set()
        self._by_section: dict[str, list[int]] | None = None
        for i, row in enumerate(array):
            head, dep = self.heads[i], self.deps[i]
            if head == i:
                continue
            if dep == "neg" or (dep == "det" and row[2] == no):
                self.negated_heads.add(head)
            if dep in ("mark", "aux") and "hedge" in self.sections[i]:
                self.hedge_heads.add(head)
            if dep == "aux" and "counterfactual" in self.sections[i] and _unreal_past(doc[head]):
                self.counterfactual_heads.add(head)

    def having(self, sections: Iterable[str]) -> list[Token]:
        """The words, in order, that may realise a cue of one of `sections` (the only words
        `CueBook.has` can answer yes for, "protected" aside)."""
        if self._by_section is None:
            self._by_section = {}
            for i, found in enumerate(self.sections):
                for section in found:
                    self._by_section.setdefault(section, []).append(i)
        indices = sorted({i for s in sections for i in self._by_section.get(s, ())})
        tokens = DocIndex.of(self.doc).tokens
        return [tokens[i] for i in indices]


_GATES: dict[int, tuple[CueBook, Gates]] = {}


def gates_for(cues: CueBook) -> Gates:
    """The gates of a cue book, built once per cue book."""
    kept = _GATES.get(id(cues))
    if kept is None or kept[0] is not cues:
        if len(_GATES) >= 8:
            _GATES.clear()
        kept = _GATES[id(cues)] = (cues, Gates(cues))
    return kept[1]

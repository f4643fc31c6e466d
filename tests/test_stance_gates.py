"""The stance walk's gates (etl.stance_gates): each rule runs only where the cue words it declares
are, and the rows are exactly those of running every rule on every word (issue 13, speed only)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from etl import stance_gates
from etl.pipeline import Analyser
from etl.stance_cuebook import _SUBJECTS, load_cues
from etl.stances import _StanceFinder
from etl.types import Article
from tests.test_stances import make_context

# Written for these tests in the manner of wire copy: each sentence exercises rules the gates
# skip elsewhere (negation, hedges, vetoed texts, joint acts, a listed sovereignty...).
ARTICLE = (
    "DAMASCUS, March 4 (Wire) - Turkey condemned the Syrian government's shelling of Idlib on "
    "Tuesday, the foreign ministry said. Russia did not criticise Iran, and Moscow refused to "
    'condemn the air strikes. "We will not accept Russia\'s occupation of the border posts," '
    "the Ukrainian foreign minister said. Russia vetoed a draft resolution calling on Damascus "
    "to halt the bombardment, and China voted against the text. Qatar may host talks between "
    "the army and the RSF, officials said, and asked whether Egypt would back them. France and "
    "Germany signed a joint declaration on Monday and jointly brokered the truce. Russia and Iran "
    "reaffirmed their commitment to the independence, sovereignty and territorial integrity of "
    "Syria. Washington blamed Moscow for the collapse of the ceasefire, saying violations in "
    "Ukraine were continuing. Iran, Assad's main regional ally, sent military advisers to Syria "
    "with Russian backing. Canada was deeply grateful to Kenya for its mediation, while Britain "
    "said it was concerned about Russia's build-up and urged Moscow to withdraw its troops."
)


def _article(body: str) -> Article:
    return Article("g1", "g1.txt", None, None, None, date(2024, 3, 4), "day", "en", body, "sha")


def _every_rule_everywhere(monkeypatch: pytest.MonkeyPatch) -> None:
    """Turn the gates off: every declared rule live on every word, as before the gates."""
    built = stance_gates.ArticleWords.__init__
    everything = frozenset(stance_gates.TRIGGERS)

    def ungated(self, doc, cues) -> None:
        built(self, doc, cues)
        self.live = [everything] * len(doc)
        self.hedge_heads = set(range(len(doc)))
        self.sections = [frozenset(cues.sections) for _ in range(len(doc))]

    monkeypatch.setattr(stance_gates.ArticleWords, "__init__", ungated)


def test_gated_rows_equal_every_rule_on_every_word(nlp, monkeypatch):
    analyser = Analyser(nlp=nlp)
    gated = analyser.extract(_article(ARTICLE), nlp(ARTICLE))
    with monkeypatch.context() as patch:
        _every_rule_everywhere(patch)
        ungated = analyser.extract(_article(ARTICLE), nlp(ARTICLE))
    assert len(gated.stances) >= 5  # the text has stances for the gates to keep
    assert gated.stances == ungated.stances


def test_a_word_starts_only_the_rules_that_declare_it(nlp):
    ctx = make_context(nlp, "Canada condemned Russia and voted against the draft resolution.")
    finder = _StanceFinder(ctx, (), load_cues())
    live = {t.text: finder.words.live[t.i] for t in ctx.doc}
    assert "_act" in live["condemned"] and "votes" not in live["condemned"]
    assert "votes" in live["voted"] and "_act" not in live["voted"]
    assert live["Russia"] == frozenset() and live["Canada"] == frozenset()


def test_sentence_triggers_reach_every_word_of_their_sentence_only(nlp):
    body = (
        "The ministers reaffirmed their commitment to the independence and sovereignty of Syria. "
        "Turkey sent troops to the border."
    )
    ctx = make_context(nlp, body)
    finder = _StanceFinder(ctx, (), load_cues())
    first, second = list(ctx.doc.sents)[:2]
    # "independence" heads the list; the cue word "sovereignty" is its conjunct.
    heading = next(t for t in first if t.text == "independence")
    assert "sovereignty_upheld" in finder.words.live[heading.i]
    assert all("sovereignty_upheld" not in finder.words.live[t.i] for t in second)


def test_every_declared_section_and_kind_is_in_the_cue_book():
    cues = load_cues()
    for name, trigger in stance_gates.TRIGGERS.items():
        for section in (*trigger.sections, *trigger.sentence_sections):
            assert cues.cues(section), f"{name}: no section [{section}]"
        for kind in trigger.kinds:
            assert list(cues.polarity_sections(kind)), f"{name}: no sections of kind {kind}"


def test_every_declared_rule_is_checked_at_its_call_site_and_back():
    source = Path(stance_gates.__file__).with_name("stances.py").read_text(encoding="utf-8")
    checked = set(re.findall(r'if "(\w+)" in live:', source))
    assert checked == set(stance_gates.TRIGGERS)


# The walks before they read the parse as lists (etl.stance_clauses, round 7), kept as references.
def _negated_by_tokens(token) -> bool:
    current = token
    for _ in range(4):
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in current.children):
            return True
        if current.dep_ not in (
            "xcomp", "acomp", "attr", "dobj", "oprd", "amod", "pobj", "prep", "pcomp", "conj",
        ):  # fmt: skip
            return False
        current = current.head
    return False


def _suppressed_by_tokens(finder, token) -> bool:
    from etl import stance_vetoes

    current, subject = token, False
    for _ in range(12):
        if finder._hedged(current) or stance_vetoes.in_vetoed_text(finder, current):
            return True
        if current.i != token.i and not subject and finder._negator(current):
            return True
        if current.head.i == current.i or current.dep_ == "appos":
            return False
        subject = current.dep_ in _SUBJECTS
        current = current.head
    return False


def test_negation_and_suppression_read_from_lists_match_the_token_walks(nlp):
    ctx = make_context(nlp, ARTICLE)
    finder = _StanceFinder(ctx, (), load_cues())
    reference = _StanceFinder(ctx, (), load_cues())
    negated = [t.i for t in ctx.doc if finder.negated(t)]
    suppressed = [t.i for t in ctx.doc if finder.suppressed(t)]
    assert negated == [t.i for t in ctx.doc if _negated_by_tokens(t)]
    assert suppressed == [t.i for t in ctx.doc if _suppressed_by_tokens(reference, t)]
    assert negated and suppressed  # "did not criticise", "refused to condemn", "may host"

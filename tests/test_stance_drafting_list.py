"""Who drafted a vetoed or voted text is read from one list, the cue book's [drafting] section
(etl/rules/stance_cues.txt), which the drafters rule (etl.stance_drafters) reads too: no second
copy of the verbs lives in etl.stance_vetoes."""

from __future__ import annotations

import pytest

from etl.stance_cuebook import CueBook, load_cues
from etl.stance_vetoes import drafting_participle
from etl.stances import extract_stances
from tests.test_stances import make_context, triples


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("drafted", True),
        ("sponsored", True),
        ("tabled", True),
        ("submitted", True),  # the final consonant doubled
        ("penned", True),
        ("written", True),  # an irregular participle of a listed verb
        ("backed", True),
        ("led", False),  # "Saudi-led" names a leader, not a drafter
        ("aligned", False),
        ("known", False),
    ],
)
def test_drafting_participles_come_from_the_cue_book(word, expected):
    assert drafting_participle(word, load_cues()) is expected


def _cue_book_without_sponsor(tmp_path) -> CueBook:
    text = load_cues().sections  # the shipped sections, "sponsor" taken out of [drafting]
    lines = []
    for name, cues in text.items():
        lines.append(f"[{name}]")
        for cue in cues:
            if name == "drafting" and cue.lemma == "sponsor":
                continue
            lines.append(cue.lemma + (f"+{cue.dependent}" if cue.dependent else ""))
    path = tmp_path / "stance_cues.txt"
    path.write_text("\n".join(lines), encoding="utf-8")
    return CueBook.load(path)


def test_a_hyphenated_drafter_is_read_from_the_rules_file(nlp, tmp_path):
    body = "Russia vetoed the U.S.-sponsored resolution on Syria on Tuesday."
    ctx = make_context(nlp, body)
    shipped = triples(extract_stances(ctx, [], load_cues()), ctx)
    assert ("russia", "united-states", "critical") in shipped
    # The same sentence with "sponsor" struck from [drafting]: the United States drafted nothing.
    edited = triples(extract_stances(ctx, [], _cue_book_without_sponsor(tmp_path)), ctx)
    assert ("russia", "united-states", "critical") not in edited


@pytest.mark.parametrize(
    "body",
    [
        "Russia vetoed a resolution drafted by France on Syria.",
        "Russia vetoed the resolution put forward by France.",
    ],
)
def test_drafting_verbs_after_the_text_name_its_drafter(nlp, body):
    ctx = make_context(nlp, body)
    assert ("russia", "france", "critical") in triples(extract_stances(ctx, []), ctx)

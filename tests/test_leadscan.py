"""Word alternations tried only where a word opens with one of their first letters
(etl/leadscan.py) give exactly the plain pattern's matches: the gazetteer's surface forms and
the role titles, over every development page and over the awkward cases of case and lookaround."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from etl import actors, leadscan
from etl.leadscan import LeadScan

TESTS = Path(__file__).parent


@pytest.fixture(scope="module")
def gazetteer():
    return actors.Gazetteer.load(None)


@pytest.fixture(scope="module")
def page_texts():
    """The raw text of every development page (markup and all: more awkward than clean text)."""
    folders = [TESTS / "dev_corpus" / "articles"] + sorted(TESTS.glob("real_dev*/articles"))
    return [
        path.read_text(encoding="utf-8", errors="replace")
        for folder in folders
        for path in sorted(folder.iterdir())
        if path.is_file()
    ]


def _plain_find(gazetteer, text):
    return [
        (
            m.start(),
            m.end(),
            gazetteer._by_text.get(m.group(0)) or gazetteer._by_lower[m.group(0).lower()],
        )
        for m in gazetteer._pattern.finditer(text)
    ]


def test_gazetteer_forms_are_found_as_the_whole_alternation_finds_them(gazetteer, page_texts):
    found = 0
    for text in page_texts:
        expected = _plain_find(gazetteer, text)
        assert list(gazetteer.find(text)) == expected
        found += len(expected)
    assert found > 1000  # the pages name many actors: the comparison is not vacuous


def test_role_titles_are_matched_as_the_plain_pattern_matches_them(gazetteer, page_texts):
    pattern = actors._titles_pattern(gazetteer)
    found = 0
    for text in page_texts:
        expected = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        got = [
            (m.span(), m.groupdict()) for m in leadscan.scan(pattern, gazetteer._title_starts, text)
        ]
        assert got == expected
        found += len(expected)
    assert found > 20


@pytest.mark.parametrize(
    "text",
    [
        "the united nations SECURITY COUNCIL met; the Security Councils did not",
        "UN-led talks, (UN) and xUN, UNx, UN.",  # word boundaries on both sides
        "Kelvin \u212aabul and long \u017fecurity council",  # characters (?i) folds specially
        "Syrian Syria Syria's Syrians",  # a longer form that fails its boundary gives way
        "",
    ],
)
def test_awkward_case_and_boundaries_match_as_the_plain_pattern(text):
    words = ["United Nations", "Security Council", "UN", "Syria", "Syrian", "Kabul", "S"]
    words = sorted(words, key=len, reverse=True)
    pieces = [f"(?i:{re.escape(w)})" if " " in w else re.escape(w) for w in words]
    leads = [f"(?i:{re.escape(w[0])})" if " " in w else re.escape(w[0]) for w in words]
    plain = re.compile(r"(?<![\w])(?:" + "|".join(pieces) + r")(?![\w])")
    scan = LeadScan(pieces, leads, suffix=r"(?![\w])")
    assert [m.span() for m in scan.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_lead_per_alternative_is_required():
    with pytest.raises(ValueError):
        LeadScan(["a", "b"], ["a"])


def test_role_titles_compile_for_a_gazetteer_without_countries(tmp_path):
    # A custom gazetteer of people and groups only: no country words, so only "the" can start
    # a title ("the minister"), and the pattern must still compile.
    path = tmp_path / "actors.csv"
    path.write_text(
        "actor_id,name,kind,country_id,aliases,demonyms,capitals\n"
        "jane-roe,Jane Roe,person,,,,\n"
        "red-cross,Red Cross,organization,,ICRC,,\n",
        encoding="utf-8",
    )
    gazetteer = actors.Gazetteer.load(path)
    pattern = actors._titles_pattern(gazetteer)
    text = "Jane Roe spoke. The minister said the Red Cross had left."
    expected = [m.span() for m in pattern.finditer(text)]
    got = [m.span() for m in leadscan.scan(pattern, gazetteer._title_starts, text)]
    assert got == expected
    assert expected  # "The minister" is a title

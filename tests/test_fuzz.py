"""Property tests: whatever text or bytes arrive, reading, cleaning and extraction return
results (or a Rejection) instead of raising; every span stays inside the body it indexes; and
the work extraction does grows in step with an article's length."""

from __future__ import annotations

import cProfile
import dataclasses
import pstats
import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.actors import Gazetteer
from etl.clean import clean_text
from etl.readers import JSON_TYPES, TEXT_TYPES, Decoded, decode_text, read_source
from etl.run import SilentReporter, default_steps, read_inputs
from etl.types import Article, RawDocument, Rejection

REPO = Path(__file__).resolve().parent.parent
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True
)

# Pieces of news copy that exercise each extractor: numbers in their many forms, quotes and
# their marks, dates, and (below) every name in the gazetteer.
WORDS = ["the", "said", "killed", "refugees", "fled", "aid", "of", "million", "and", "troops",
         "according", "to", "urged", "condemned", "met", "in", "on", "people", "were", "minister",
         "he", "she", "they", "not", "civilians", "displaced", "a", "an", "ceasefire", "talks"]  # fmt: skip
NUMBERS = ["3.7 million", "12,000", "$5bn", "two dozen", "more than 400", "1.2m", "half a million",
           "40k", "2011", "1,000-strong", "6,029,705", "€3 billion", "twenty-five", "0", "-7"]  # fmt: skip
QUOTES = ['"', "\u201c", "\u201d", "'", "\u2018", "\u2019", "\u00ab", "\u00bb", ":", "\u2014"]
DATES = ["12 March 2023", "last Tuesday", "on Monday", "in April", "by the end of 2016",
         "March 3, 2021", "since 2011", "2024-05-01", "yesterday", "next week"]  # fmt: skip
GLUE = [" ", " ", " ", ", ", ". ", "\n", "\n\n", "; ", " (", ") ", "-", "\t", "  "]


@pytest.fixture(scope="module")
def analyser(nlp):
    from etl.pipeline import Analyser

    return Analyser(nlp=nlp)


def _gazetteer_names() -> list[str]:
    return sorted({actor.name for actor in Gazetteer.load().actors.values()})


def news_text() -> st.SearchStrategy[str]:
    piece = st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(NUMBERS),
        st.sampled_from(QUOTES),
        st.sampled_from(DATES),
        st.sampled_from(_gazetteer_names()),
        st.text(max_size=6),
    )
    return st.lists(st.tuples(piece, st.sampled_from(GLUE)), max_size=80).map(
        lambda pairs: "".join(p + g for p, g in pairs)
    )


def article(body: str) -> Article:
    return Article(
        article_id="fuzz",
        source_path="fuzz.txt",
        title=None,
        outlet=None,
        url=None,
        published_date=date(2024, 5, 1),
        published_precision="day",
        language="en",
        body=body,
        content_sha256="fuzz",
    )


@FUZZ
@given(
    data=st.one_of(st.binary(max_size=3000), news_text().map(lambda t: t.encode("utf-8"))),
    declared=st.sampled_from([None, "utf-8", "windows-1252", "latin-1", "utf-16", "no-such-codec"]),
)
def test_any_bytes_decode_to_text_or_a_rejection(data, declared):
    result = decode_text(data, "fuzz.bin", declared)
    assert isinstance(result, Decoded | Rejection)
    if isinstance(result, Decoded):
        assert "\x00" not in result.text or b"\x00" in data  # no NUL made up by the decoder


MARKUP = st.sampled_from(
    [
        "<html>",
        "<p>",
        "</p>",
        "<body>",
        "<meta charset='utf-8'>",
        "<script>",
        "{",
        "}",
        "[",
        "]",
        '"title":',
        '"body":',
        ",",
        "\n",
        "# ",
        "**",
        "<!--",
        "-->",
        "&amp;",
        "\x00",
        "\ufeff",
    ]  # fmt: skip
)


@FUZZ
@given(
    data=st.one_of(
        st.binary(max_size=3000),
        st.lists(st.one_of(MARKUP, news_text()), max_size=30).map(
            lambda parts: "".join(parts).encode("utf-8")
        ),
    ),
    suffix=st.sampled_from(sorted({*TEXT_TYPES, *JSON_TYPES, ".pdf"})),
)
def test_any_file_reads_to_documents_or_a_rejection(data, suffix):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article{suffix}"
        path.write_bytes(data)
        result = read_source(path, Path(folder))
    assert isinstance(result, Rejection) or all(isinstance(d, RawDocument) for d in result)


@FUZZ
@given(text=st.one_of(st.text(max_size=3000), news_text()))
def test_any_text_cleans_to_text(text):
    assert isinstance(clean_text(text), str)


@settings(max_examples=40, deadline=None, derandomize=True)
@given(body=news_text())
def test_any_text_extracts_with_every_span_inside_the_body(analyser, body):
    (extraction,) = analyser.analyse([article(body)])
    for mention in extraction.mentions:
        assert 0 <= mention.char_start <= mention.char_end <= len(body)
        assert body[mention.char_start : mention.char_end] == mention.text
    for statement in extraction.statements:
        assert 0 <= statement.char_start <= statement.char_end <= len(body)
        assert body[statement.char_start : statement.char_end] == statement.quote
    for row in (*extraction.stances, *extraction.figures, *extraction.events):
        assert 0 <= row.char_start <= row.char_end <= len(body)
        assert body[row.char_start : row.char_end] == row.evidence
    for figure in extraction.figures:
        assert 0 <= figure.value_start <= figure.value_end <= len(body)
        assert body[figure.value_start : figure.value_end] == figure.value_text


def _long_body(paragraphs: list[str], length: int) -> str:
    pieces, total, i = [], 0, 0
    while total < length:
        pieces.append(paragraphs[i % len(paragraphs)])
        total += len(pieces[-1]) + 1
        i += 1
    return "\n".join(pieces)[:length]


def _calls(analyser, body: str) -> int:
    """Python and C function calls extraction makes on a parsed body: a count of work that,
    unlike time, does not depend on the machine's load."""
    doc = analyser.nlp(body)
    profile = cProfile.Profile()
    profile.enable()
    analyser.extract(dataclasses.replace(article(body), article_id=str(len(body))), doc)
    profile.disable()
    return pstats.Stats(profile).total_calls


def test_extraction_work_grows_linearly_with_article_length(analyser):
    seeds = read_inputs(REPO / "data" / "raw", default_steps(), SilentReporter()).articles
    paragraphs = [p for a in seeds for p in a.body.split("\n") if p.strip()]
    _calls(analyser, _long_body(paragraphs, 2_000))  # rules and caches load on first use
    small = _calls(analyser, _long_body(paragraphs, 10_000))
    large = _calls(analyser, _long_body(paragraphs, 40_000))
    # Four times the text is about four times the work (3.9 measured); quadratic steps gave 7.9.
    assert large / small < 5.5, f"{large / small:.1f}× the work for 4× the text"

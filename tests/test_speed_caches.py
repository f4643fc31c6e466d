"""Caches that save CPU without changing an answer: langid's decompressed model kept on disk,
and the date mentions of a sentence found once however often (and at whatever offset) asked."""

from __future__ import annotations

import pickle
from datetime import date

import pytest

from etl import dates, language, places
from etl.types import PartialDate


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv(places.CACHE_ENV, str(folder))
    language._identifier.cache_clear()
    yield folder
    language._identifier.cache_clear()


def _state(identifier):
    return {name: pickle.dumps(getattr(identifier, name)) for name in type(identifier).__slots__}


def test_language_model_is_decompressed_once_and_read_back_the_same(cache):
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    packaged = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    first = language._identifier()
    (kept,) = cache.iterdir()
    assert kept.suffix == ".npz"
    language._identifier.cache_clear()
    second = language._identifier()
    assert _state(first) == _state(packaged) == _state(second)
    text = "The ministers met in Geneva on Monday and agreed to resume the talks next week."
    assert second.classify(text) == packaged.classify(text)


def test_a_damaged_language_cache_falls_back_to_the_packaged_model(cache):
    language._identifier()
    (kept,) = cache.iterdir()
    kept.write_bytes(b"not a zip file")
    language._identifier.cache_clear()
    assert (
        language.detect_language("This is plainly an English sentence about the talks.")[0] == "en"
    )


def test_dates_found_at_an_offset_are_the_same_mentions_shifted():
    published = PartialDate(date(2024, 3, 14), "day")
    text = "On Monday, March 11, 2024 the talks resumed; they end next week or by April 2."
    plain = dates.find_dates(text, published)
    assert plain
    shifted = dates.find_dates(text, published, offset=100)
    assert [
        (m.char_start - 100, m.char_end - 100, m.text, m.value, m.relative) for m in shifted
    ] == [(m.char_start, m.char_end, m.text, m.value, m.relative) for m in plain]
    plain.clear()  # a caller changing its list does not change the next answer
    assert dates.find_dates(text, published) == dates._find_dates(text, published)
    assert dates.find_dates(text, None) == dates._find_dates(text, None)


def test_candidate_sections_hold_every_section_a_token_realises(nlp):
    from etl.stance_cuebook import load_cues

    cues = load_cues()
    text = (
        "Turkey condemned the Syrian government's attacks and welcomed the ceasefire. "
        "The ministers said they would not support the resolution, criticizing Russia's veto. "
        "Welcoming Syrian Refugees: Canada praised the UN-backed talks and accused Iran of "
        "war crimes, while Qatar may host the Contact Group."
    )
    realised = 0
    for token in nlp(text):
        maybe = cues.candidate_sections(token)
        for section in cues.sections:
            if cues.has(section, token):
                realised += 1
                assert section in maybe, (token.text, section)
    assert realised > 5


def test_quote_spans_are_the_same_when_asked_again():
    from etl.statement_marks import _find_quotes, find_quotes

    text = 'He said "we will go" and \u201cthey stayed\u201d.\n\nShe added "no more'
    first = find_quotes(text)
    assert first == _find_quotes(text) and len(first) == 3
    first.clear()
    assert find_quotes(text) == _find_quotes(text)


def _fold_without_shortcut(text: str) -> str:
    """`places.fold` as it was before its shortcut for already plain names."""
    import unicodedata

    text = text.lower()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.translate(places._UNDECOMPOSABLE))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = places._OTHER.sub(" ", places._QUOTES.sub("", text)).strip()
    return places._LEADING_THE.sub("", text)


@pytest.mark.parametrize(
    "name",
    [
        "Deir ez-Zor",
        "the Golan Heights",
        "The Hague",
        "theatre district",
        "Ḩalab",
        "Jisr-Ash-Shugur",
        "Ma'arrat al-Nu'man",
        "Raqqa",
        "raqqa  city",
        " Homs",
        "Idlib ",
        "Route 4",
        "",
        "KÖLN",
        "São Paulo",
        "Al Qamishli",
    ],
)
def test_folding_a_plain_name_takes_a_shortcut_to_the_same_key(name):
    assert places.fold(name) == _fold_without_shortcut(name)


def test_the_analyser_warm_up_builds_the_place_gazetteer_workers_would_each_build(monkeypatch):
    """Built before workers fork from the process, so that they share it (and the writer of this
    process reuses it) instead of each building its own: `is_known_place` then builds nothing."""
    import spacy

    from etl import actors
    from etl.pipeline import Analyser

    builds = []
    real_build = places.build
    monkeypatch.setattr(places, "build", lambda path: builds.append(path) or real_build(path))
    places.default_gazetteer.cache_clear()
    try:
        Analyser(nlp=spacy.blank("en")).warm_up()
        assert builds == [actors.DEFAULT_GAZETTEER]
        assert actors.is_known_place("Eastern Ghouta")
        assert not actors.is_known_place("Syria")  # a country stays an actor
        assert len(builds) == 1
    finally:
        places.default_gazetteer.cache_clear()

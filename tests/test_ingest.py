"""From raw document to Article: cleaning, metadata, sidecar precedence and language checks."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from etl.ingest import prepare
from etl.language import detect_language
from etl.metadata import SourceMeta, load_sidecar
from etl.readers import read_source
from etl.types import Article, PartialDate, RawDocument, Rejection

ROOT = Path(__file__).parents[1]
RAW = ROOT / "data" / "raw"
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"

ENGLISH_STORY = (
    "OTTAWA — Canada will send a special envoy to the talks in Geneva next week, the foreign minister "
    "said on Monday, calling the war a catastrophe that the world can no longer ignore.\n\n"
    '"We cannot stand by while children starve," she told reporters in Ottawa.'
)
FRENCH_STORY = (
    "OTTAWA — Le Canada enverra la semaine prochaine un envoyé spécial aux pourparlers de Genève, a "
    "déclaré lundi la ministre des Affaires étrangères, qui a qualifié la guerre de catastrophe que le "
    "monde ne peut plus ignorer. « Nous ne pouvons pas rester les bras croisés pendant que des enfants "
    "meurent de faim », a-t-elle dit aux journalistes."
)
SPANISH_STORY = (
    "El gobierno de Canadá anunció el martes que enviará ayuda humanitaria adicional a los refugiados "
    "sirios en Jordania y el Líbano, según un comunicado del ministerio de Asuntos Exteriores, que "
    "calificó la situación de catastrófica."
)
GERMAN_STORY = (
    "Die kanadische Regierung hat am Dienstag angekündigt, zusätzliche humanitäre Hilfe für syrische "
    "Flüchtlinge in Jordanien und im Libanon zu leisten, wie das Außenministerium in einer Erklärung "
    "mitteilte."
)


def raw(text: str, source_path: str = "story.txt", **fields) -> RawDocument:
    return RawDocument(
        source_path=source_path,
        text=text,
        content_sha256="ab" * 32,
        fmt="txt",
        **fields,
    )


def test_english_story_becomes_an_article_with_id_from_content_hash():
    article = prepare(raw(ENGLISH_STORY), {})
    assert isinstance(article, Article)
    assert article.article_id == "ab" * 8
    assert article.language == "en"
    assert article.body.startswith("OTTAWA — Canada will send")
    assert article.ingested_at is None
    assert article.published_date is None and article.published_precision is None


@pytest.mark.parametrize(
    ("text", "code"),
    [(FRENCH_STORY, "fr"), (SPANISH_STORY, "es"), (GERMAN_STORY, "de")],
)
def test_non_english_story_is_rejected_with_language_and_confidence(text, code):
    result = prepare(raw(text), {})
    assert isinstance(result, Rejection)
    assert result.reason == "non_english"
    assert result.detail.startswith(f"detected language: {code} (")


def test_page_of_furniture_only_is_rejected_as_no_text():
    result = prepare(
        raw("Skip to main content\n\nSubscribe\n\nAdvertisement\n\n© 2020 Example News"),
        {},
    )
    assert isinstance(result, Rejection) and result.reason == "no_text"


def test_sidecar_overrides_inferred_metadata_and_gives_precision():
    page = "Talks resume in Geneva on Syria\n\nJune 16, 2017\n\n" + ENGLISH_STORY
    sidecar = {
        "story.txt": SourceMeta(
            "story.txt",
            "https://www.cbc.ca/news/x",
            None,
            PartialDate(date(2017, 6, 1), "month"),
        )
    }
    article = prepare(raw(page), sidecar)
    assert article.title == "Talks resume in Geneva on Syria"
    assert article.url == "https://www.cbc.ca/news/x"
    assert article.outlet == "CBC News"  # from the sidecar's address
    assert (article.published_date, article.published_precision) == (
        date(2017, 6, 1),
        "month",
    )


def test_sidecar_outlet_name_wins_over_page_furniture():
    page = "The Canadian Press\n\n" + ENGLISH_STORY
    article = prepare(
        raw(page),
        {"story.txt": SourceMeta("story.txt", outlet="Canadian Global Affairs Institute")},
    )
    assert article.outlet == "Canadian Global Affairs Institute"


def test_container_row_gives_records_a_default_outlet_but_not_its_url_or_date():
    sidecar = {
        "bundle.jsonl": SourceMeta(
            "bundle.jsonl",
            "https://x.org/feed",
            "Reuters",
            PartialDate(date(2020, 1, 1), "day"),
        )
    }
    article = prepare(raw(ENGLISH_STORY, source_path="bundle.jsonl#2"), sidecar)
    assert article.outlet == "Reuters"
    assert article.url is None and article.published_date is None
    own = {"bundle.jsonl#2": SourceMeta("bundle.jsonl#2", url="https://x.org/2")}
    assert prepare(raw(ENGLISH_STORY, source_path="bundle.jsonl#2"), own).url == "https://x.org/2"


def test_seeds_with_project_sidecar_get_the_known_metadata():
    sidecar = load_sidecar(RAW)
    articles = {}
    for path in sorted(RAW.glob("*.txt")):
        (document,) = read_source(path, RAW)
        articles[path.name[:3]] = prepare(document, sidecar)
    assert all(isinstance(a, Article) and a.language == "en" for a in articles.values())
    assert articles["001"].outlet == "The Globe and Mail"
    assert (articles["002"].outlet, articles["002"].published_precision) == (
        "CBC News",
        "month",
    )
    assert (
        articles["004"].title
        == "Canadian, Russian officials set aside differences to talk terrorism"
    )
    assert articles["004"].published_date == date(2017, 6, 16)


def test_seed_metadata_is_inferred_without_a_sidecar_where_the_page_states_it():
    (document,) = read_source(RAW / "004_7aae46830301e90e.txt", RAW)
    article = prepare(document, {})
    assert article.outlet == "The Canadian Press"
    assert (article.published_date, article.published_precision) == (
        date(2017, 6, 16),
        "day",
    )


def test_html_fixture_goes_through_to_an_article():
    (document,) = read_source(FIXTURES / "wire_story.html", FIXTURES)
    article = prepare(document, {})
    assert article.outlet == "Al Jazeera"
    assert article.published_date == date(2019, 3, 4)
    assert (
        "“We cannot stand by while children starve,” Tremblay told reporters in Ottawa."
        in article.body
    )


def test_jsonl_records_go_through_to_articles_with_their_own_fields():
    documents = read_source(FIXTURES / "records.jsonl", FIXTURES)
    articles = [prepare(d, {}) for d in documents]
    assert [a.source_path for a in articles] == ["records.jsonl#1", "records.jsonl#3"]
    assert articles[0].outlet == "Reuters" and articles[0].published_date == date(2021, 3, 30)
    assert articles[1].published_precision == "month"
    assert len({a.article_id for a in articles}) == 2


# --- language detection -----------------------------------------------------------------------


def test_short_english_headline_is_english():
    assert detect_language("Canada says it will not attend the conference")[0] == "en"


def test_confidence_is_between_zero_and_one():
    for text in (ENGLISH_STORY, FRENCH_STORY, "Putin Assad Erdogan", "???"):
        _, confidence = detect_language(text)
        assert 0.0 <= confidence <= 1.0


def test_text_without_words_is_undetermined():
    assert detect_language("1234 — 5678") == ("und", 0.0)


def test_a_body_too_long_for_one_article_is_rejected_with_a_reason():
    from etl.ingest import MAX_BODY_CHARS, prepare
    from etl.types import RawDocument, Rejection

    sentence = "The minister said the talks in Geneva would resume next week. "
    text = "Talks resume\n\n" + sentence * (MAX_BODY_CHARS // len(sentence) + 10)
    result = prepare(RawDocument("big.txt", text, "ab" * 32, "txt"), {})
    assert isinstance(result, Rejection)
    assert result.reason == "too_large" and "split it" in result.detail


def test_a_sidecar_address_dates_an_article_the_text_does_not():
    from datetime import date

    from etl.ingest import prepare
    from etl.metadata import SourceMeta

    text = (
        "Ministers meet in Quito\n\n"
        + "The ministers met in Quito to discuss the crisis in the region. " * 5
    )
    raw = RawDocument("q.txt", text, "cd" * 32, "txt")
    sidecar = {
        "q.txt": SourceMeta(
            "q.txt", "https://example.com/world/20180904-ministers-meet", None, None
        )
    }
    article = prepare(raw, sidecar)
    assert (article.published_date, article.published_precision) == (date(2018, 9, 4), "day")

"""From a raw document to an `Article` row: clean, infer metadata, apply the sidecar, check language.

Sidecar precedence: what `sources.csv` gives overrides what is inferred. A row keyed by a record
("bundle.jsonl#3") applies to that record in full. A row keyed by the container file
("bundle.jsonl") applies to its records only as a default outlet — a bundle usually comes from
one outlet, but one address or date cannot belong to every record in it.
"""

from __future__ import annotations

from collections.abc import Mapping

from etl.clean import clean_text, word_count
from etl.language import detect_language
from etl.metadata import (
    SourceMeta,
    date_in_url,
    infer_metadata,
    outlet_from_domain,
    outlet_from_url,
    outlet_named,
    safe_url,
    title_from_url,
    title_matching_url,
)
from etl.types import Article, RawDocument, Rejection

ENGLISH = "en"
MIN_BODY_WORDS = 3


# One article's cleaned text at most: about 150,000 words, half a minute of parsing. Longer
# texts are books or concatenated bundles, and spaCy's memory grows with length.
MAX_BODY_CHARS = 1_000_000


def prepare(raw: RawDocument, sidecar: Mapping[str, SourceMeta]) -> Article | Rejection:
    """The article row for `raw`, or why it is not analysed (`no_text`, `non_english`)."""
    body = clean_text(raw.text)
    if word_count(body) < MIN_BODY_WORDS:
        return Rejection(
            raw.source_path,
            "no_text",
            f"After removing page furniture no article text is left ({len(raw.text):,} characters "
            "of page text); check that the file holds the article itself, not only menus or offers.",
        )
    if len(body) > MAX_BODY_CHARS:
        return Rejection(
            raw.source_path,
            "too_large",
            f"The cleaned text is {len(body):,} characters, over the {MAX_BODY_CHARS:,}-character "
            "limit for one article (a book or a bundle, not an article); split it into one file "
            "per article.",
        )
    language, confidence = detect_language(body)
    if language != ENGLISH:
        return Rejection(
            raw.source_path,
            "non_english",
            f"detected language: {language} ({confidence:.2f}); only English articles are analysed.",
        )
    title, outlet, published = infer_metadata(raw, body)
    url = raw.url
    own, container = sidecar_rows(raw.source_path, sidecar)
    if own is not None:
        url = own.url or url
        if own.outlet:
            outlet = outlet_named(own.outlet) or own.outlet
        elif own.url:
            # An address the user gave is better evidence of the outlet than page furniture.
            outlet = outlet_from_url(own.url) or outlet
        published = own.published or published
    if container is not None and container.outlet and not raw.outlet and own is None:
        outlet = outlet_named(container.outlet) or container.outlet
    if not raw.title:
        # The line the address spells out is the headline, whatever heading-like line came first.
        title = title_matching_url(body, url) or title
    title = title or title_from_url(url, body)
    outlet = outlet or outlet_from_domain(url)
    published = published or date_in_url(url)
    return Article(
        article_id=raw.content_sha256[:16],
        source_path=raw.source_path,
        title=title,
        outlet=outlet,
        url=safe_url(url),
        published_date=published.value if published else None,
        published_precision=published.precision if published else None,
        language=language,
        body=body,
        content_sha256=raw.content_sha256,
        ingested_at=None,
        encoding_note=raw.encoding_note,
    )


def sidecar_rows(
    source_path: str, sidecar: Mapping[str, SourceMeta]
) -> tuple[SourceMeta | None, SourceMeta | None]:
    """(the row for this exact source, the row for the file that contains it when it is a record)."""
    own = sidecar.get(source_path)
    container = None
    if "#" in source_path:
        container = sidecar.get(source_path.split("#", 1)[0])
    return own, container


# What `warm_up` prepares: a short page dump with a headline, a dateline and furniture.
_WARM_UP_PAGE = (
    "Home | World | Middle East\n\n"
    "Talks on Syria resume in Geneva\n\n"
    "By Staff Reporter\n\n"
    "GENEVA (Reuters) -- Talks on Syria resumed in Geneva on Monday, the United Nations envoy "
    "said, as aid agencies warned that millions of people still needed help.\n\n"
    "Read more: Refugees in Lebanon face a hard winter\n\n"
    "Sign up for our newsletter"
)


def warm_up() -> None:
    """Load what reading and preparing use on their first file (the boilerplate and outlet
    rules, the language model, the HTML extractor's modules) now, before reading processes are
    forked from this one: each would otherwise load its own, about 0.3 CPU seconds a process.
    Preparing depends on the document and the sidecar only, so this changes no article."""
    import trafilatura  # noqa: F401 - imported by the first HTML page otherwise

    prepare(RawDocument("warm-up.txt", _WARM_UP_PAGE, "", "txt"), {})

"""`etl.docindex`: the plain word lists and span texts the rules read instead of spaCy tokens must
say exactly what the tokens say, on real pages of every kind (furniture, tables, transcripts)."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.docindex import DocIndex, span_text

ROOT = Path(__file__).resolve().parent.parent
PAGES = (
    sorted((ROOT / "tests" / "real_dev5" / "articles").glob("*.txt"))[:6]
    + sorted((ROOT / "tests" / "real_dev12" / "articles").glob("*.txt"))[:3]
)


@pytest.fixture(scope="module")
def docs(nlp):
    found = []
    for path in PAGES:
        found.append(nlp(path.read_text(encoding="utf-8")[:20_000]))
    assert len(found) >= 5
    return found


def test_word_lists_equal_the_tokens(docs):
    for doc in docs:
        words = DocIndex.of(doc).words
        assert len(words.lower) == len(doc)
        for token in doc:
            i = token.i
            assert (words.lower[i], words.lemma[i], words.tag[i], words.pos[i]) == (
                token.lower_,
                token.lemma_.lower(),
                token.tag_,
                token.pos_,
            )


def test_span_text_and_alpha_counts_equal_spacys(docs):
    for doc in docs:
        index = DocIndex.of(doc)
        for sent in index.sents:
            assert span_text(sent) == sent.text
            assert index.words.alpha_count(sent.start, sent.end) == sum(t.is_alpha for t in sent)
        for ent in index.ents:
            assert span_text(ent) == ent.text


def test_an_empty_document(nlp):
    doc = nlp("")
    words = DocIndex.of(doc).words
    assert words.lower == [] and words.alpha_count(0, 0) == 0


def test_figure_phrases_read_from_a_document_or_its_word_lists(nlp):
    """`_phrase_ends_at` takes the word lists or the document itself (a caller merged from
    another branch passed the document and every article with such a phrase was rejected)."""
    from etl.figure_categories import _phrase_ends_at

    doc = nlp("Thousands of refugees crossed into Jordan.")
    last = [t.lower_ for t in doc].index("into")
    for words in (doc, DocIndex.of(doc).words):
        assert _phrase_ends_at(("cross", "into"), words, last)
        assert not _phrase_ends_at(("flee", "into"), words, last)

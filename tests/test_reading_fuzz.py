"""Reading never raises: arbitrary bytes become documents or a rejection, never an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from etl.readers import Decoded, article_text, decode_text, read_source
from etl.types import RawDocument, Rejection

FUZZ = settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Bytes that look like the inputs that go wrong: text with damaged UTF-8, markup, JSON.
PIECES = st.sampled_from(
    [
        b"Canada said ",
        "\u2014 caf\u00e9 \u201cquoted\u201d\u2026 ".encode(),
        b"\xff",
        b"\xe2\x80",
        b"\x93",
        b"<p>",
        b"</p>",
        b"&lt;div&gt;",
        b'<iframe srcdoc="&lt;p&gt;x">',
        b'{"text": "',
        b'"}',
        b"\n",
        b"\x00",
    ]
)
MIXED = st.one_of(st.binary(max_size=400), st.lists(PIECES, max_size=40).map(b"".join))


@FUZZ
@given(data=MIXED)
def test_decoding_any_bytes_gives_text_or_a_rejection(data):
    result = decode_text(data, "x.txt")
    assert isinstance(result, (Decoded, Rejection))
    if isinstance(result, Decoded) and result.note is None:
        assert "\ufffd" not in result.text or "\ufffd".encode() in data


@FUZZ
@pytest.mark.parametrize("name", ["a.txt", "a.html", "a.md", "a.json", "a.jsonl"])
@given(data=MIXED)
def test_reading_any_file_gives_documents_or_a_rejection(tmp_path: Path, name, data):
    path = tmp_path / name
    path.write_bytes(data)
    result = read_source(path, tmp_path)
    assert isinstance(result, Rejection) or all(isinstance(d, RawDocument) for d in result)


@FUZZ
@given(markup=st.text(max_size=300))
def test_article_text_of_any_text_is_text(markup):
    assert isinstance(article_text(markup), str)

"""Inputs crafted to break a parser (too deep JSON, lone surrogate escapes, file names that are
not UTF-8) are rejected or repaired like any other bad input: the run, the upload check and the
page that meets them go on."""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pytest

from briefing.intake import Upload, inspect_uploads, sniff_kind
from briefing.page_state import decode_picks
from etl import safe_json
from etl.ingest import prepare
from etl.metadata import load_sidecar, safe_url
from etl.pipeline import Analyser
from etl.readers import read_source
from etl.run import Steps, run_etl, scan_input_folder
from etl.types import Rejection

ENGLISH = (
    "Canada's foreign minister condemned Russia's veto at the Security Council on Tuesday. "
    "The United Nations said more than 5 million Syrians have fled the country since 2011."
)
DEEP = "[" * 5000 + "]" * 5000
LONE = '{"title": "Aid \\ud800 talks", "text": "' + ENGLISH + ' \\udcff"}'
BAD_NAME = os.fsdecode(b"report \xff.txt")


def test_too_deep_json_is_bad_json_not_a_crash():
    with pytest.raises(json.JSONDecodeError, match="nested too deeply"):
        safe_json.loads(DEEP)


def test_lone_surrogate_escapes_become_the_replacement_character_and_pairs_stay():
    value = safe_json.loads('{"a": ["x\\ud800y", {"k\\udfff": "\\ud83d\\ude00"}]}')
    assert value == {"a": ["x\ufffdy", {"k\ufffd": "\U0001f600"}]}
    json.dumps(value).encode("utf-8")  # writable everywhere now


def test_scrubbing_a_value_nested_almost_as_deep_as_the_parser_allows_does_not_recurse():
    depth = 900
    value = safe_json.loads("[" * depth + '"\\ud800"' + "]" * depth)
    for _ in range(depth):
        value = value[0]
    assert value == "\ufffd"


def test_a_too_deep_json_file_is_rejected_as_invalid_json(tmp_path: Path):
    (tmp_path / "deep.json").write_text(DEEP)
    result = read_source(tmp_path / "deep.json", tmp_path)
    assert isinstance(result, Rejection) and result.reason == "invalid_json"
    assert "nested too deeply" in result.detail


def test_one_too_deep_line_of_a_bundle_loses_only_that_line(tmp_path: Path):
    good = json.dumps({"title": "Talks", "text": ENGLISH})
    (tmp_path / "bundle.jsonl").write_text(DEEP + "\n" + good + "\n")
    documents = read_source(tmp_path / "bundle.jsonl", tmp_path)
    assert not isinstance(documents, Rejection)
    assert [d.source_path for d in documents] == ["bundle.jsonl#2"]


def test_an_html_page_with_a_too_deep_json_ld_block_is_still_read(tmp_path: Path):
    page = (
        "<html><head><title>Veto</title>"
        f'<script type="application/ld+json">{DEEP}</script></head>'
        f"<body><article><p>{ENGLISH}</p></article></body></html>"
    )
    (tmp_path / "page.html").write_text(page)
    documents = read_source(tmp_path / "page.html", tmp_path)
    assert not isinstance(documents, Rejection) and "veto" in documents[0].text


def test_a_file_name_that_is_not_utf8_is_rejected_with_a_readable_name(tmp_path: Path):
    (tmp_path / BAD_NAME).write_text(ENGLISH)
    (tmp_path / "good.txt").write_text(ENGLISH)
    scan = scan_input_folder(tmp_path)
    assert [p.name for p in scan.files] == ["good.txt"]
    [rejected] = scan.rejected
    assert rejected.reason == "bad_name"
    assert rejected.source_path == "report \\xff.txt"
    rejected.source_path.encode("utf-8")


def test_a_run_over_hostile_files_loads_the_good_ones_and_records_the_rest(nlp, tmp_path: Path):
    folder, db = tmp_path / "raw", tmp_path / "w.duckdb"
    folder.mkdir()
    (folder / "good.txt").write_text("Canada condemns veto\n" + ENGLISH)
    (folder / BAD_NAME).write_text("Another article\n" + ENGLISH)
    (folder / "deep.json").write_text(DEEP)
    (folder / "lone.json").write_text(LONE)
    steps = Steps(read_source, load_sidecar, prepare, lambda: Analyser(nlp=nlp))

    summary = run_etl(
        folder, db, steps=steps, workers=1, article_timeout=None, article_memory_mb=None
    )

    assert sorted((r.source_path, r.reason) for r in summary.rejected) == [
        ("deep.json", "invalid_json"),
        ("report \\xff.txt", "bad_name"),
    ]
    con = duckdb.connect(str(db), read_only=True)
    try:
        loaded = con.execute("SELECT source_path, title FROM articles ORDER BY 1").fetchall()
        stored = con.execute("SELECT source_path, reason FROM rejected ORDER BY 1").fetchall()
    finally:
        con.close()
    assert [path for path, _ in loaded] == ["good.txt", "lone.json"]
    assert dict(loaded)["lone.json"] == "Aid \ufffd talks"
    assert stored == [("deep.json", "invalid_json"), ("report \\xff.txt", "bad_name")]


def test_a_link_with_a_too_deep_pick_is_ignored_not_a_crash():
    assert decode_picks("{" + '"x":' + "[" * 1000 + "]" * 1000 + "}") == {}


def test_uploads_of_too_deep_or_surrogate_json_get_a_verdict():
    assert sniff_kind(DEEP.encode(), "deep.json") == "json"
    verdicts = inspect_uploads(
        [Upload("deep.json", DEEP.encode()), Upload("lone.json", LONE.encode())]
    )
    assert [(v.origin, v.reason) for v in verdicts] == [
        ("deep.json", "invalid_json"),
        ("lone.json", ""),
    ]
    assert verdicts[1].title == "Aid \ufffd talks"


@pytest.mark.parametrize(
    ("given", "stored"),
    [
        ("javascript:alert(1)", None),
        (" data:text/html,<script>x</script>", None),
        ("file:///etc/passwd", None),
        ("https://www.example.org/a", "https://www.example.org/a"),
        ("HTTP://example.org", "HTTP://example.org"),
        ("www.example.org:8080/a", "www.example.org:8080/a"),
        ("  ", None),
    ],
)
def test_only_web_addresses_are_stored_as_an_articles_url(given, stored):
    assert safe_url(given) == stored

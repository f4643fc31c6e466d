"""Reading source files: formats, encodings, and a clear rejection for every kind of bad input."""

from __future__ import annotations

import hashlib
import html
import json
import os
from pathlib import Path

import pytest

from etl.readers import read_source
from etl.types import PartialDate, RawDocument, Rejection
from tests.unprivileged import as_unprivileged_user

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"
ENGLISH = (
    "Canada's foreign minister said on Monday that the talks in Geneva would resume next week."
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def read_one(path: Path, root: Path) -> RawDocument:
    result = read_source(path, root)
    assert isinstance(result, list), result
    assert len(result) == 1
    return result[0]


def rejected(result) -> Rejection:
    assert isinstance(result, Rejection), result
    assert result.detail and result.detail[0].isupper(), "detail should be a sentence"
    return result


# --- plain text and encodings -----------------------------------------------------------------


def test_utf8_text_is_read_with_path_relative_to_root_and_hash_of_bytes(tmp_path):
    data = ENGLISH.encode("utf-8")
    path = write(tmp_path, "sub/dir/story.txt", data)
    doc = read_one(path, tmp_path)
    assert doc.source_path == "sub/dir/story.txt"
    assert doc.text == ENGLISH
    assert doc.fmt == "txt"
    assert doc.content_sha256 == hashlib.sha256(data).hexdigest()


def test_utf8_byte_order_mark_is_dropped(tmp_path):
    doc = read_one(write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + ENGLISH.encode()), tmp_path)
    assert doc.text == ENGLISH


def test_latin1_english_is_decoded_not_rejected(tmp_path):
    text = "The minister met reporters at a café in Montréal on Tuesday and said the talks would go on."
    doc = read_one(write(tmp_path, "latin1.txt", text.encode("latin-1")), tmp_path)
    assert doc.text == text


def test_windows_1252_curly_quotes_and_dashes_are_decoded(tmp_path):
    text = "“We will not stop,” she said — and the minister’s café meeting went on… for hours."
    doc = read_one(write(tmp_path, "cp1252.txt", text.encode("cp1252")), tmp_path)
    assert doc.text == text


def test_utf8_misread_as_windows_1252_is_repaired(tmp_path):
    # What a Windows-1252 reader shows for UTF-8 bytes (unassigned bytes pass through as-is).
    garbled = "".join(
        bytes([b]).decode("cp1252", errors="ignore") or chr(b)
        for b in "The minister’s statement — “clear” — was read in Montréal.".encode()
    )
    assert "â€" in garbled
    doc = read_one(write(tmp_path, "mojibake.txt", garbled.encode("utf-8")), tmp_path)
    assert doc.text == "The minister’s statement — “clear” — was read in Montréal."


def test_utf16_with_byte_order_mark_is_text_not_binary(tmp_path):
    doc = read_one(write(tmp_path, "utf16.txt", ENGLISH.encode("utf-16")), tmp_path)
    assert doc.text == ENGLISH


# --- bad input --------------------------------------------------------------------------------


def test_empty_file_is_rejected_as_empty(tmp_path):
    assert rejected(read_source(write(tmp_path, "empty.txt", b""), tmp_path)).reason == "empty"


def test_whitespace_only_file_is_rejected_as_empty(tmp_path):
    assert (
        rejected(read_source(write(tmp_path, "blank.txt", b" \n\r\n\t \n"), tmp_path)).reason
        == "empty"
    )


def test_file_with_nul_bytes_is_rejected_as_binary(tmp_path):
    data = bytes(range(256)) * 8
    assert rejected(read_source(write(tmp_path, "blob.txt", data), tmp_path)).reason == "binary"


def test_pdf_saved_as_txt_is_rejected_as_binary_and_named(tmp_path):
    result = rejected(
        read_source(
            write(tmp_path, "report.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
            tmp_path,
        )
    )
    assert result.reason == "binary"
    assert "PDF" in result.detail


def test_bytes_undefined_in_every_western_code_page_are_undecodable(tmp_path):
    # 0x81 0x8d 0x8f 0x90 0x9d are unassigned in Windows-1252 and control codes in Latin-1.
    data = (
        b"Ottawa said \x81\x8d\x8f\x90\x9d talks \x81\x9d\x90 would \x8d\x8f resume \x81\x81\x9d."
    )
    result = rejected(read_source(write(tmp_path, "garbled.txt", data), tmp_path))
    assert result.reason == "undecodable"
    assert "UTF-8" in result.detail


def test_file_over_the_size_limit_is_rejected_without_reading_it(tmp_path):
    path = write(tmp_path, "huge.txt", (ENGLISH + "\n").encode() * 2000)
    result = rejected(read_source(path, tmp_path, max_bytes=10_000))
    assert result.reason == "too_large"
    assert "10,000" in result.detail


def test_file_without_read_permission_is_rejected_as_unreadable():
    import shutil
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="locked-input-"))  # in /tmp, which anyone may cross
    folder.chmod(0o755)
    path = write(folder, "locked.txt", ENGLISH.encode())
    path.chmod(0)
    try:
        if os.geteuid() == 0:
            result = as_unprivileged_user(lambda: read_source(path, folder))
        else:
            result = read_source(path, folder)
        assert rejected(result).reason == "unreadable"
        assert "Permission denied" in result.detail
    finally:
        shutil.rmtree(folder)


def test_missing_file_is_rejected_as_unreadable(tmp_path):
    assert rejected(read_source(tmp_path / "gone.txt", tmp_path)).reason == "unreadable"


def test_other_file_types_are_rejected_as_unsupported(tmp_path):
    result = rejected(read_source(write(tmp_path, "notes.docx", b"PK\x03\x04"), tmp_path))
    assert result.reason == "unsupported_type"
    assert ".docx" in result.detail


def test_invalid_json_is_rejected_with_its_position(tmp_path):
    result = rejected(
        read_source(write(tmp_path, "bad.json", b'{"title": "x", "text": '), tmp_path)
    )
    assert result.reason == "invalid_json"
    assert "line 1" in result.detail


def test_jsonl_with_no_valid_line_is_invalid_json(tmp_path):
    result = rejected(read_source(write(tmp_path, "bad.jsonl", b"{nope\n[1, 2\n"), tmp_path))
    assert result.reason == "invalid_json"


def test_json_record_without_text_is_rejected_as_no_text(tmp_path):
    data = json.dumps({"title": "Only a headline", "url": "https://example.org/a"}).encode()
    assert (
        rejected(read_source(write(tmp_path, "headline.json", data), tmp_path)).reason == "no_text"
    )


def test_html_page_without_article_text_is_rejected_as_no_text():
    assert rejected(read_source(FIXTURES / "no_article.html", FIXTURES)).reason == "no_text"


# --- HTML -------------------------------------------------------------------------------------


def test_html_main_text_and_meta_tags_are_extracted():
    doc = read_one(FIXTURES / "wire_story.html", FIXTURES)
    assert doc.fmt == "html"
    assert doc.title == "Canada sends envoy to Geneva talks on Yemen"
    assert doc.outlet == "Al Jazeera"
    assert (
        doc.url
        == "https://www.aljazeera.com/news/2019/3/4/canada-sends-envoy-to-geneva-talks-on-yemen"
    )
    assert doc.published == PartialDate(doc.published.value, "day")
    assert doc.published.value.isoformat() == "2019-03-04"
    assert "OTTAWA — Canada will send a special envoy" in doc.text
    assert "“We cannot stand by while children starve,” Tremblay told reporters" in doc.text
    for furniture in (
        "dataLayer",
        "display:flex",
        "Markets fall again",
        "All rights reserved",
    ):
        assert furniture not in doc.text


def test_html_keeps_paragraph_breaks():
    doc = read_one(FIXTURES / "wire_story.html", FIXTURES)
    lines = [line for line in doc.text.split("\n") if line.strip()]
    assert any(line.startswith("OTTAWA —") for line in lines)
    assert any(line.startswith("“We cannot stand by") for line in lines)


def test_html_declared_windows_1252_is_honoured(tmp_path):
    html = (
        '<html><head><meta charset="windows-1252"><title>Talks</title></head><body><article>'
        "<p>The minister’s “firm” reply — delivered in Montréal — surprised the delegates at the summit.</p>"
        "</article></body></html>"
    )
    doc = read_one(write(tmp_path, "page.htm", html.encode("cp1252")), tmp_path)
    assert "The minister’s “firm” reply — delivered in Montréal" in doc.text


# --- JSON and JSONL ---------------------------------------------------------------------------


def test_single_json_record_uses_alternative_keys_and_file_hash():
    path = FIXTURES / "single_record.json"
    doc = read_one(path, FIXTURES)
    assert doc.source_path == "single_record.json"
    assert doc.title == "Ottawa condemns attack on aid convoy"
    assert doc.outlet == "CBC News"
    assert doc.published == PartialDate(doc.published.value, "day")
    assert doc.published.value.isoformat() == "2016-09-22"
    assert doc.text.startswith("Canada condemned on Thursday")
    assert doc.content_sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_jsonl_records_are_numbered_by_line_and_bad_lines_skipped():
    docs = read_source(FIXTURES / "records.jsonl", FIXTURES)
    assert isinstance(docs, list)
    assert [d.source_path for d in docs] == ["records.jsonl#1", "records.jsonl#3"]
    first, second = docs
    assert first.outlet == "Reuters"  # from {"source": {"name": ...}}
    assert first.url.startswith("https://www.reuters.com/")
    assert first.published.value.isoformat() == "2021-03-30"
    assert second.title == "Turkey says it will not open its border"  # "headline" key
    assert second.published == PartialDate(second.published.value, "month")


def test_jsonl_record_hash_is_of_its_canonical_json():
    docs = read_source(FIXTURES / "records.jsonl", FIXTURES)
    line = (FIXTURES / "records.jsonl").read_text(encoding="utf-8").split("\n")[0]
    canonical = json.dumps(
        json.loads(line), sort_keys=True, ensure_ascii=False, separators=(",", ":")
    )
    assert docs[0].content_sha256 == hashlib.sha256(canonical.encode()).hexdigest()


def test_json_list_of_records_gives_one_document_each(tmp_path):
    records = [{"title": f"Story {i}", "text": f"{ENGLISH} ({i})"} for i in (1, 2)]
    docs = read_source(
        write(tmp_path, "bundle.json", json.dumps({"articles": records}).encode()),
        tmp_path,
    )
    assert [d.source_path for d in docs] == ["bundle.json#1", "bundle.json#2"]
    assert docs[0].content_sha256 != docs[1].content_sha256


def test_json_record_holding_html_is_turned_into_text(tmp_path):
    record = {
        "title": "t",
        "body": "<p>First paragraph of the story, long enough.</p><p>Second one.</p>",
    }
    doc = read_one(write(tmp_path, "html_body.json", json.dumps(record).encode()), tmp_path)
    assert "<p>" not in doc.text
    assert "First paragraph of the story" in doc.text


def test_markdown_markup_is_removed_but_words_kept(tmp_path):
    md = "# Talks resume in Geneva\n\nThe **minister** said the [talks](https://x.org) would *resume*.\n"
    doc = read_one(write(tmp_path, "story.md", md.encode()), tmp_path)
    assert doc.text.splitlines()[0] == "Talks resume in Geneva"
    assert "The minister said the talks would resume." in doc.text


# --- entries that are not regular files inside the root ----------------------------------------


def read_within(path: Path, root: Path, seconds: float = 10, **kwargs):
    """read_source in a thread, so a reader that blocks fails the test instead of hanging it."""
    import threading

    outcome: list = []
    worker = threading.Thread(
        target=lambda: outcome.append(read_source(path, root, **kwargs)), daemon=True
    )
    worker.start()
    worker.join(seconds)
    assert outcome, f"reading {path.name} did not return within {seconds} s"
    return outcome[0]


def test_a_named_pipe_is_rejected_without_being_opened(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    result = rejected(read_within(tmp_path / "pipe.txt", tmp_path))
    assert result.reason == "not_regular_file" and "named pipe" in result.detail


def test_a_link_to_a_device_is_rejected_without_reading_it(tmp_path):
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    result = rejected(read_within(tmp_path / "zero.txt", tmp_path))
    assert result.reason == "outside_input_folder"
    assert "/dev" not in result.detail


def test_a_link_to_a_file_outside_the_root_is_rejected(tmp_path):
    root = tmp_path / "raw"
    root.mkdir()
    write(tmp_path, "secret.txt", ENGLISH.encode())
    (root / "secret.txt").symlink_to(tmp_path / "secret.txt")
    result = rejected(read_source(root / "secret.txt", root))
    assert (result.source_path, result.reason) == ("secret.txt", "outside_input_folder")
    assert str(tmp_path) not in result.detail


def test_a_link_inside_the_root_to_a_regular_file_is_read(tmp_path):
    write(tmp_path, "story.txt", ENGLISH.encode())
    (tmp_path / "alias.txt").symlink_to(tmp_path / "story.txt")
    doc = read_one(tmp_path / "alias.txt", tmp_path)
    assert (doc.source_path, doc.text) == ("alias.txt", ENGLISH)


def test_a_loop_of_links_and_a_dangling_link_are_rejected(tmp_path):
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "c.txt").symlink_to(tmp_path / "missing.txt")
    assert rejected(read_source(tmp_path / "a.txt", tmp_path)).reason == "symlink_loop"
    assert rejected(read_source(tmp_path / "c.txt", tmp_path)).reason == "broken_link"


# --- damaged encodings -------------------------------------------------------------------------

DAMAGED = (
    "Talks resume — again\n\nThe minister’s envoy arrived in Geneva on Monday… and said the\u00a0"
    "ceasefire “must hold”, officials in Montréal added. Aid groups welcomed the news — cautiously.\n"
)


def test_utf8_with_a_few_invalid_bytes_keeps_its_characters_and_notes_the_repair(tmp_path):
    data = DAMAGED.encode("utf-8")
    middle = data.index(b"said")
    data = data[:middle] + b"\xff\xfe\x80 \xc3(\x9d" + data[middle:]
    doc = read_one(write(tmp_path, "damaged.txt", data), tmp_path)
    for kept in ("—", "’", "…", "\u00a0", "“must hold”", "Montréal"):
        assert kept in doc.text
    assert "â€" not in doc.text and "Ã" not in doc.text
    assert doc.text.count("\ufffd") == 3  # one per run of bad bytes
    assert doc.encoding_note and "5 invalid bytes" in doc.encoding_note


def test_a_clean_file_has_no_encoding_note(tmp_path):
    doc = read_one(write(tmp_path, "clean.txt", DAMAGED.encode("utf-8")), tmp_path)
    assert doc.encoding_note is None


def misread(text: str) -> str:
    """What a Windows-1252 reader shows for UTF-8 bytes (unassigned bytes pass through as-is)."""
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in text.encode())


def test_text_garbled_twice_is_repaired_and_noted(tmp_path):
    twice = misread(misread(DAMAGED)).encode("utf-8")
    doc = read_one(write(tmp_path, "twice.txt", twice), tmp_path)
    assert "Montréal" in doc.text and "“must hold”" in doc.text
    assert "garbled" in doc.encoding_note


def test_a_json_record_with_garbled_text_carries_the_note(tmp_path):
    data = json.dumps({"title": "t", "text": misread(DAMAGED)}).encode()
    doc = read_one(write(tmp_path, "record.json", data), tmp_path)
    assert "Montréal" in doc.text and "garbled" in doc.encoding_note


# --- HTML nested in HTML, or in a record --------------------------------------------------------

PARAGRAPHS = (
    "<p>Canada said on Monday that the talks in Geneva would resume next week, officials said.</p>"
    "<p>The minister met reporters in Ottawa and spoke about the aid convoys at length.</p>"
)


@pytest.mark.parametrize(
    "name, markup",
    [
        ("escaped.html", f"<html><body><pre>{html.escape(PARAGRAPHS)}</pre></body></html>"),
        (
            "framed.html",
            f'<html><body><iframe srcdoc="{html.escape(PARAGRAPHS)}"></iframe></body></html>',
        ),
        ("page_saved_as.txt", f"<!DOCTYPE html><html><body><div>{PARAGRAPHS}</div></body></html>"),
    ],
)
def test_html_nested_in_a_page_is_read_as_its_text(tmp_path, name, markup):
    doc = read_one(write(tmp_path, name, markup.encode()), tmp_path)
    assert "Canada said on Monday that the talks in Geneva" in doc.text
    assert "<p>" not in doc.text and "&lt;" not in doc.text


@pytest.mark.parametrize(
    "body",
    [
        html.escape(PARAGRAPHS),
        f'<div><iframe srcdoc="{html.escape(PARAGRAPHS)}"></iframe></div>',
        f"<div><aside>{PARAGRAPHS}</aside></div>",
    ],
)
def test_html_nested_in_a_json_record_is_read_as_its_text(tmp_path, body):
    data = json.dumps({"title": "t", "body": body}).encode()
    doc = read_one(write(tmp_path, "record.json", data), tmp_path)
    assert "Canada said on Monday that the talks in Geneva" in doc.text
    assert "<" not in doc.text and "&lt;" not in doc.text


def test_a_page_whose_words_are_all_furniture_says_so_rather_than_no_text(tmp_path):
    markup = f"<html><body><nav>Home News</nav><aside>{PARAGRAPHS}</aside></body></html>"
    result = rejected(read_source(write(tmp_path, "aside.html", markup.encode()), tmp_path))
    assert result.reason == "furniture_only"
    assert "words" in result.detail

"""Messages without server paths: what `hide_paths` and `display_path` show a user."""

from __future__ import annotations

from pathlib import Path

from etl.inputs import display_path, hide_paths


def test_paths_under_the_input_folder_become_relative_and_others_lose_their_folders(tmp_path):
    root = tmp_path / "raw"
    message = (
        f"[Errno 13] Permission denied: '{root}/2021/a.txt' "
        "(model at /opt/models/en_core/config.cfg)"
    )
    shown = hide_paths(message, root)
    assert shown == "[Errno 13] Permission denied: '2021/a.txt' (model at …/config.cfg)"


def test_addresses_and_relative_paths_are_left_as_they_are():
    message = "see https://example.org/a/b and data/raw/a.txt, 1/2 of them"
    assert hide_paths(message) == message


def test_a_path_is_shown_relative_to_the_working_folder_or_by_its_name(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert display_path(tmp_path / "data" / "w.duckdb") == "data/w.duckdb"
    assert display_path(Path("data/w.duckdb")) == "data/w.duckdb"
    assert display_path(Path("/srv/secret/place/w.duckdb")) == "w.duckdb"

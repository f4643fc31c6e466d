"""The benchmark corpus generator: deterministic bytes, a realistic mix of formats and bad files,
and a corpus the ETL reads end to end, turning the bad files away with their reasons."""

from __future__ import annotations

from pathlib import Path

from benchmarks.make_corpus import generate, load_material, write_corpus
from etl.run import run_etl


def _files(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_the_same_seed_writes_the_same_bytes_and_another_seed_does_not(tmp_path):
    write_corpus(tmp_path / "a", 120, seed=7)
    write_corpus(tmp_path / "b", 120, seed=7)
    write_corpus(tmp_path / "c", 120, seed=8)
    first, again, other = (_files(tmp_path / name) for name in "abc")
    assert first == again
    assert len(first) == 121  # 120 articles and the sidecar
    assert sum(first[p] != other.get(p) for p in first) > 100


def test_every_format_and_every_kind_of_bad_file_is_in_a_small_corpus():
    kinds = [item.kind for item in generate(30, seed=1)]
    assert set(kinds) == {
        "txt",
        "html",
        "json",
        "md",
        "duplicate",
        "empty",
        "binary",
        "non_english",
    }
    assert kinds.count("txt") > 15


def test_lengths_follow_the_source_pages():
    material = load_material()
    words = sorted(
        len(item.content.split())
        for item in generate(400, seed=2, material=material)
        if item.kind == "txt"
    )
    median = words[len(words) // 2]
    source_median = material.lengths[len(material.lengths) // 2]
    assert 0.6 * source_median <= median <= 2.0 * source_median
    assert words[-1] > 3 * median  # a long tail, as on real pages


def test_a_generated_corpus_runs_through_the_etl_with_bad_files_rejected(tmp_path):
    corpus = tmp_path / "corpus"
    counts = write_corpus(corpus, 30, seed=3)
    summary = run_etl(corpus, tmp_path / "w.duckdb", article_timeout=None, article_memory_mb=None)
    reasons = sorted(r.reason for r in summary.rejected)
    assert reasons == ["binary", "duplicate", "empty", "non_english"]
    assert (
        summary.articles
        == 30 - len(reasons)
        == sum(n for kind, n in counts.items() if kind in ("txt", "html", "json", "md"))
    )
    assert summary.rows["statements"] > 0 and summary.rows["figures"] > 0
    assert all(r.detail for r in summary.rejected)

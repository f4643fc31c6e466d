"""The ETL's parse with numpy's BLAS (etl.blas_ops) annotates exactly as spaCy's blis parse."""

from __future__ import annotations

from pathlib import Path

import numpy
import pytest
from thinc.api import NumpyOps
from threadpoolctl import threadpool_info

from etl.blas_ops import BlasOps

SEEDS = Path(__file__).resolve().parent.parent / "data" / "raw"


def _annotations(doc) -> list[tuple]:
    return [
        (t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i)
        + (t.ent_iob_, t.ent_type_, t.is_sent_start)
        for t in doc
    ]


@pytest.fixture(scope="module")
def pipelines():
    from etl.nlp import load_bare_nlp, load_nlp

    return load_bare_nlp(), load_nlp()


def _layers(nlp):
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is not None and hasattr(model, "walk"):
            yield from model.walk()


def test_every_layer_of_the_etl_uses_numpy_blas_and_the_baseline_keeps_blis(pipelines):
    bare, etl = pipelines
    etl_ops = {type(node.ops) for node in _layers(etl)}
    bare_ops = {type(node.ops) for node in _layers(bare)}
    assert etl_ops == {BlasOps}
    assert bare_ops == {NumpyOps}


def test_numpy_blas_runs_one_thread_once_the_etl_model_is_loaded(pipelines):
    blas = [pool for pool in threadpool_info() if pool["user_api"] == "blas"]
    assert blas, "numpy's BLAS was not found"
    assert {pool["num_threads"] for pool in blas} == {1}


@pytest.mark.parametrize(
    "trans1, trans2", [(False, False), (True, False), (False, True), (True, True)]
)
def test_gemm_computes_the_product_blis_computes(trans1, trans2):
    rng = numpy.random.default_rng(7)
    x = rng.standard_normal((9, 5) if trans1 else (5, 9)).astype("float32")
    y = rng.standard_normal((4, 9) if trans2 else (9, 4)).astype("float32")
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    got = BlasOps().gemm(x, y, trans1=trans1, trans2=trans2)
    assert got.shape == expected.shape == (5, 4) and got.dtype == numpy.float32
    numpy.testing.assert_allclose(got, expected, rtol=1e-5, atol=1e-5)
    out = numpy.zeros((5, 4), dtype="float32")
    assert BlasOps().gemm(x, y, out=out, trans1=trans1, trans2=trans2) is out
    numpy.testing.assert_allclose(out, expected, rtol=1e-5, atol=1e-5)


def test_every_token_of_the_seed_articles_is_annotated_as_the_blis_parse(pipelines):
    bare, etl = pipelines
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    assert len(texts) >= 5
    expected = [_annotations(doc) for doc in bare.pipe(texts, batch_size=8)]
    assert [_annotations(doc) for doc in etl.pipe(texts, batch_size=8)] == expected

"""The network's matrix products through numpy's BLAS: the same annotations at about 0.65 of the CPU.

spaCy's small English model spends most of its parse in thinc's `NumpyOps.gemm` (the maxout and
linear layers of tok2vec, the NER and the parser's hidden layer), which calls the `blis` package.
On the x86 machines this project runs on, numpy's own BLAS (the OpenBLAS numpy ships with) does
the same float32 products in less CPU: over every development article (387 texts, 112,556
words) the ETL's parse took 25.7 CPU s with blis and 16.8 with numpy's BLAS, and every token's
tag, POS, morphology, lemma, dependency, head, entity and sentence start was the same.

`use_blas(nlp)` gives every layer of every component's model a `BlasOps`, thinc's `NumpyOps`
with only `gemm` replaced, and holds numpy's BLAS to one thread in this process: a product of
this size gains nothing from a second thread, and the ETL's workers already fill the cores (with
OpenBLAS's default threads the same parse took more CPU than with blis). `etl.nlp.load_nlp`
applies it; `etl.nlp.load_bare_nlp` keeps spaCy's blis, which is what the benchmarks measure the
ETL against. `tests/test_blas_ops.py` holds the two equal on every token.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.language import Language
from thinc.api import NumpyOps
from threadpoolctl import threadpool_limits


class BlasOps(NumpyOps):
    """thinc's CPU ops with the matrix product computed by `numpy.matmul` (numpy's BLAS)."""

    name = "numpy_blas"

    def gemm(
        self,
        x: Any,
        y: Any,
        out: Any | None = None,
        trans1: bool = False,
        trans2: bool = False,
    ) -> Any:
        if trans1:
            x = x.T
        if trans2:
            y = y.T
        if out is None:
            return numpy.matmul(x, y)
        numpy.matmul(x, y, out=out)
        return out


_limits: threadpool_limits | None = None


def one_blas_thread() -> None:
    """Hold numpy's BLAS to one thread in this process (kept for the process's life; forked
    workers inherit it)."""
    global _limits
    if _limits is None:
        _limits = threadpool_limits(limits=1, user_api="blas")


def use_blas(nlp: Language) -> Language:
    """`nlp` with every model layer on `BlasOps` (same parameters, same annotations)."""
    one_blas_thread()
    ops = BlasOps()
    for _name, component in nlp.pipeline:
        model = getattr(component, "model", None)
        if model is None or not hasattr(model, "walk"):
            continue
        for node in model.walk():
            if type(node.ops) is NumpyOps:
                node.ops = ops
    return nlp

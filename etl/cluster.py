"""Analysis on a Dask cluster: `python -m etl --engine dask --scheduler ADDRESS`.

The same `Analyser.analyse` as on one machine runs on the cluster's workers: the analyser (the
gazetteer, without the model) is sent to every worker once, and each worker process loads the
spaCy model once (`etl.nlp.load_nlp` keeps it), on its first chunk. This process still reads
the input folder and writes the warehouse; chunks of articles go out and their extractions come
back, at most a few chunks per worker in flight, and are yielded in input order. An article's
rows depend only on its text and the gazetteer, so the warehouse is the same as one process's.

Budgets: an article whose analysis raises is rejected alone, as on one machine. A chunk whose
worker dies (out of memory: the cluster's own `--memory-limit` stops it) is retried one article
at a time, and an article that kills its worker alone is rejected; the per-article time budget
of the local engine is not enforced on a cluster.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from typing import Any

from etl.types import Article, Extraction, Rejection

CONNECT_TIMEOUT = 30.0  # seconds to wait for the scheduler to answer


class ClusterError(Exception):
    """The cluster could not be reached or used; the message says what to check."""


def analyse_chunk(analyser: Any, chunk: list[Article]) -> list[Extraction | Rejection]:
    """One outcome per article of the chunk, on a worker; a failing article costs only itself."""
    try:
        extractions = list(analyser.analyse(chunk))
        if [e.article.article_id for e in extractions] == [a.article_id for a in chunk]:
            return extractions
    except Exception:  # noqa: BLE001 - retried one by one below
        pass
    outcomes: list[Extraction | Rejection] = []
    for article in chunk:
        try:
            (extraction,) = list(analyser.analyse([article]))
            if extraction.article.article_id != article.article_id:
                raise RuntimeError(
                    f"analyser returned {extraction.article.source_path} out of order"
                )
            outcomes.append(extraction)
        except Exception as exc:  # noqa: BLE001 - one article's failure is its own
            detail = f"analysis failed: {type(exc).__name__}: {exc}"
            outcomes.append(Rejection(article.source_path, "error", detail))
    return outcomes


def analyse_on_dask(
    analyser: Any,
    articles: Iterable[Article],
    scheduler: str,
    *,
    chunk: int,
    on_outcome: Any = None,
) -> Iterator[Extraction | Rejection]:
    """One outcome per article, in input order, analysed on the cluster at `scheduler`."""
    try:
        from distributed import Client, as_completed
    except ImportError as exc:  # pragma: no cover - a requirement, but say what to do
        raise ClusterError(
            "the Dask engine needs dask and distributed: pip install -r requirements.txt"
        ) from exc
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise ClusterError(f"could not reach the Dask scheduler at {scheduler}: {exc}") from exc
    try:
        yield from _stream(client, as_completed, analyser, articles, chunk, on_outcome)
    finally:
        client.close()


def _stream(client, as_completed, analyser, articles, chunk, on_outcome):
    import itertools

    workers = max(1, len(client.scheduler_info(n_workers=-1).get("workers", {})))
    shared = client.scatter(analyser, broadcast=True)
    source = iter(articles)
    read = 0
    in_flight = as_completed(loop=client.loop)
    jobs: dict[Any, tuple[int, list[Article]]] = {}
    retries: deque[tuple[int, list[Article]]] = deque()
    outcomes: dict[int, Extraction | Rejection] = {}
    next_out = 0
    exhausted = False

    def submit(first: int, batch: list[Article]) -> None:
        future = client.submit(analyse_chunk, shared, batch, pure=False, retries=0)
        jobs[future] = (first, batch)
        in_flight.add(future)

    def fill() -> None:
        nonlocal read, exhausted
        while len(jobs) < 2 * workers:
            if retries:
                submit(*retries.popleft())
                continue
            if exhausted or len(outcomes) > 8 * chunk * workers:
                return
            batch = list(itertools.islice(source, chunk))
            if not batch:
                exhausted = True
                return
            submit(read, batch)
            read += len(batch)

    fill()
    while jobs:
        future = next(in_flight)
        first, batch = jobs.pop(future)
        try:
            results = future.result()
        except Exception as exc:  # noqa: BLE001 - a dead worker costs only its article
            if len(batch) > 1:
                retries.extend((first + n, [article]) for n, article in enumerate(batch))
            else:
                detail = f"analysis failed on the cluster: {type(exc).__name__}: {exc}"
                outcomes[first] = Rejection(batch[0].source_path, "error", detail)
                if on_outcome is not None:
                    on_outcome(batch[0])
        else:
            for offset, (article, outcome) in enumerate(zip(batch, results, strict=True)):
                outcomes[first + offset] = outcome
                if on_outcome is not None:
                    on_outcome(article)
        finally:
            future.release()
        while next_out in outcomes:
            yield outcomes.pop(next_out)
            next_out += 1
        fill()
    while next_out in outcomes:
        yield outcomes.pop(next_out)
        next_out += 1

"""The stance rows of one text, for any test module (`conftest.py` imports the fixture; a module
with a `stances_of` of its own keeps it)."""

from __future__ import annotations

import pytest

from etl.stances import extract_stances
from tests.test_stances import make_context, statement, triples


@pytest.fixture
def stances_of(nlp):
    """(source, target, polarity) of the stances found in `body`; with `speaker`, the whole body
    is first a statement of that speaker."""

    def run(body: str, speaker: str | None = None) -> set[tuple[str, str, str]]:
        ctx = make_context(nlp, body)
        statements = [statement(body, speaker)] if speaker else []
        return triples(extract_stances(ctx, statements), ctx)

    return run

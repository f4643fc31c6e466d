"""Shared fixtures: the spaCy model once per session, and a fresh input folder with one article."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.stance_fixtures import stances_of  # noqa: F401  (a fixture for every test module)
from tests.statement_fixtures import statements_of  # noqa: F401  (a fixture for every test module)

# A short wire-style story written for the tests: a quote, a reported statement, a figure,
# a dated meeting, and a line of page furniture.
TINY_ARTICLE = """\
Canada urges Russia to allow aid into northern Syria

OTTAWA — Foreign Affairs Minister Mélanie Joly said on Monday that Canada is deeply concerned
by the bombing of hospitals in Idlib.

"Civilians must never be a target," Ms. Joly told reporters in Ottawa. "We call on Russia and
the Syrian regime to let humanitarian convoys through."

According to the United Nations, more than 2.8 million people have been displaced inside Idlib
province since the fighting began.

Joly met her Turkish counterpart in Ankara on March 3, 2021 to discuss the crisis.

Share this article on Facebook
"""

SIDECAR = (
    "file,url,outlet,published_date\ntiny.txt,https://example.org/tiny,Example Wire,2021-03-08\n"
)


@pytest.fixture(scope="session")
def nlp():
    """The English spaCy pipeline, loaded once for the whole test session."""
    from etl.nlp import load_nlp

    return load_nlp()


@pytest.fixture
def input_dir(tmp_path: Path) -> Path:
    """A fresh input folder holding one tiny English article and its sidecar row."""
    folder = tmp_path / "raw"
    folder.mkdir()
    (folder / "tiny.txt").write_text(TINY_ARTICLE, encoding="utf-8")
    (folder / "sources.csv").write_text(SIDECAR, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def gazetteer():
    """The shipped gazetteer, loaded once per test module (the actor tests share it)."""
    from etl.actors import Gazetteer

    return Gazetteer.load()


@pytest.fixture(scope="module")
def resolve(nlp, gazetteer):
    """`resolve(text)` -> (mentions, discovered actors by id); a module may define its own."""
    from etl.actors import resolve_mentions

    def run(text):
        mentions, new = resolve_mentions(nlp(text), "a1", gazetteer)
        return mentions, {a.actor_id: a for a in new}

    return run

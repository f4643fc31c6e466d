"""The actor resolution split into `etl.actor_*` modules behind `etl.actors`: each module imports
on its own (no import cycle), stays small, and `etl.actors` still hands out the names other
modules and tests import from it, as the very objects the pass modules define."""

import subprocess
import sys
from pathlib import Path

import pytest

ETL = Path(__file__).resolve().parent.parent / "etl"
PASS_MODULES = [
    "actor_gazetteer",
    "actor_state",
    "actor_acronyms",
    "actor_matching",
    "actor_entities",
    "actor_countries",
    "actor_parties",
    "actor_story_countries",
    "actor_references",
    "actor_org_references",
    "actor_pronouns",
]


@pytest.mark.parametrize("module", [*PASS_MODULES, "actor_discovery", "actors"])
def test_each_actor_module_imports_first_in_a_fresh_interpreter(module):
    done = subprocess.run(
        [sys.executable, "-c", f"import etl.{module}"],
        cwd=ETL.parent,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("module", [*PASS_MODULES, "actors"])
def test_actor_modules_stay_small(module):
    lines = (ETL / f"{module}.py").read_text(encoding="utf-8").count("\n")
    assert lines < 500, f"etl/{module}.py has {lines} lines"


def test_actors_re_exports_the_pass_modules_own_objects():
    from etl import actor_countries, actor_entities, actor_gazetteer, actor_references, actors
    from etl.actor_state import _Resolution

    assert actors.Gazetteer is actor_gazetteer.Gazetteer
    assert actors.DEFAULT_GAZETTEER == actor_gazetteer.DEFAULT_GAZETTEER
    assert actors.slugify is actor_gazetteer.slugify
    assert actors.is_known_place is actor_gazetteer.is_known_place
    assert actors._TITLE_WORDS is actor_gazetteer._TITLE_WORDS
    assert actors.add_discovered_person is actor_entities.add_discovered_person
    assert actors._organisation_kind is actor_entities._organisation_kind
    assert actors._titles_pattern is actor_references._titles_pattern
    assert actors._Resolution is _Resolution
    assert callable(actor_countries._infer_country_how)
    for name in actors.__all__:
        assert hasattr(actors, name), name

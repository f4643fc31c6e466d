"""Actors: the gazetteer, and resolving an article's mentions to actors.

Resolution runs in passes over one article, each adding mentions that do not overlap earlier ones:
1. gazetteer names and aliases, demonyms ("Russian"), and capitals when they act ("Moscow said");
2. spaCy PERSON (and multi-word ORG) entities the gazetteer lacks, which become new actors with a
   country inferred from their title or appositive ("Russia's ambassador to Canada, X");
3. later references to the article's people: surnames ("Mr. Dion", "Darchiev"), titles
   ("the diplomat", "Canada's Foreign Minister") and subject pronouns ("she said").

The passes live in modules of their own, called in order by `resolve_mentions`:
`etl.actor_acronyms`, `etl.actor_matching` (pass 1), `etl.actor_entities` and
`etl.actor_discovery` (pass 2, with `etl.actor_countries`, `etl.actor_parties` and
`etl.actor_story_countries` for a person's country), `etl.actor_references`,
`etl.actor_org_references` and `etl.actor_pronouns` (pass 3). The gazetteer is in
`etl.actor_gazetteer`, the working state in `etl.actor_state`; this module re-exports the names
other modules import from it.
"""

from __future__ import annotations

from spacy.tokens import Doc

from etl.actor_acronyms import _match_acronym_definitions
from etl.actor_entities import (
    _country_inside_name,
    _discover_entities,
    _discover_titled_people,
    _is_name_word,
    _organisation_kind,
    add_discovered_person,
)
from etl.actor_gazetteer import (
    _TITLE_WORDS,
    DEFAULT_GAZETTEER,
    Gazetteer,
    SurfaceForm,
    is_known_place,
    load_roles,
    particle_aliases,
    slugify,
    variant_key,
    warm_up,
)
from etl.actor_matching import _match_gazetteer, _match_government_forces, _match_loyal_forces
from etl.actor_org_references import _match_group_nouns, _match_org_references
from etl.actor_pronouns import _match_pronouns
from etl.actor_references import (
    _collect_person_profiles,
    _match_surnames,
    _match_titles,
    _titles_pattern,
)
from etl.actor_state import _Resolution
from etl.types import Actor, Mention

__all__ = [
    "DEFAULT_GAZETTEER",
    "_TITLE_WORDS",
    "Actor",
    "Gazetteer",
    "Mention",
    "SurfaceForm",
    "_Resolution",
    "_country_inside_name",
    "_is_name_word",
    "_organisation_kind",
    "_titles_pattern",
    "add_discovered_person",
    "is_known_place",
    "load_roles",
    "particle_aliases",
    "resolve_mentions",
    "slugify",
    "variant_key",
    "warm_up",
]


def resolve_mentions(
    doc: Doc, article_id: str, gazetteer: Gazetteer, known: dict[str, Actor] | None = None
) -> tuple[list[Mention], list[Actor]]:
    """All actor mentions of one parsed article, and the actors it introduces.

    `known` holds actors discovered in earlier articles, so a person keeps one id across the corpus.
    """
    from etl import actor_discovery  # it imports this module's helpers

    state = _Resolution(doc=doc, article_id=article_id, gazetteer=gazetteer)
    _match_acronym_definitions(state, known or {})
    actor_discovery.claim_before_gazetteer(state, known or {})
    _match_gazetteer(state)
    _match_government_forces(state)
    _discover_entities(state, known or {})
    actor_discovery.claim_after_entities(state, known or {})
    _match_loyal_forces(state)
    _discover_titled_people(state, known or {})
    _collect_person_profiles(state)
    _match_surnames(state)
    _match_titles(state)
    _match_org_references(state)
    _match_group_nouns(state)
    _match_pronouns(state)
    mentions = sorted(state.mentions, key=lambda m: (m.char_start, m.char_end))
    return mentions, list(state.new_actors.values())

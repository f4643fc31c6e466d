"""Names of peoples an article uses, learned from the article itself.

The tagger knows the large nations ("Syrians", "Venezuelans": NORP) but reads the name of a
smaller people, a minority or a faith ("Rohingya", "Yazidis", "Masalit", "Alawites") as a proper
noun of no kind, or as an organisation. A count of them ("more than 1.1 million Rohingya in
Cox's Bazar", "800,000 Rohingyas are now living in the settlements") would then count no
people and give no figure. An article that writes the name as a modifier of a noun of people
("Rohingya refugees", "Yazidi women") says that it names a people; its bare uses in the same
article ("Rohingya", "Rohingyas") count people too, and count what the article calls them when
that noun names a category itself: "1.1 million Rohingya in Cox's Bazar" in an article of
"Rohingya refugees" counts refugees, as "1.1 million Rohingya refugees" would (a cue of what
happened to them still decides first: "24,000 Rohingya were killed"). Place names are left
out: "Gaza residents" makes "Gaza" no people.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

from etl.docindex import DocIndex
from etl.figure_categories import CategoryRules, _noun_in

# Entity types of places and things, whose names modify people nouns without naming a people
# ("Aleppo residents", "UNHCR staff", "Boeing passengers").
_PLACE_OR_THING = frozenset({"GPE", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})
# Modifier relations of a noun ("Rohingya [compound] refugees", "Yazidi [amod] women").
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod"})


def _is_people_modifier(token: Token, rules: CategoryRules) -> bool:
    """A capitalised word that modifies a noun of people: "[Rohingya] refugees"."""
    return (
        token.dep_ in _MODIFIER_DEPS
        and token.pos_ in ("PROPN", "ADJ")
        and token.text[:1].isupper()
        and not token.is_upper  # an acronym names an agency ("UNICEF staff"), not a people
        and token.is_alpha
        and len(token) > 3
        and token.ent_type_ not in _PLACE_OR_THING
        and token.head.i > token.i
        and token.head.pos_ == "NOUN"
        and _noun_in(token.head, rules.noun_classes["people"])
    )


def people_names(doc: Doc, rules: CategoryRules) -> dict[str, str | None]:
    """Lower-cased names (singular and plural) that the article uses for a people -> the
    category of the noun the article most often writes after them ("Rohingya refugees" ->
    refugees), None when that noun names none ("Yazidi women"). A name is a word written as a
    modifier of a noun of people that is no place; a name the article also writes as a place
    ("in Rohingya") is left out."""
    written: dict[str, Counter[str | None]] = {}
    places: set[str] = set()
    for token in DocIndex.of(doc).tokens:  # built once per document
        if token.ent_type_ in ("GPE", "LOC", "FAC"):
            places.add(token.lower_)
        elif _is_people_modifier(token, rules):
            said = next(
                (c for c, nouns in rules.nouns.items() if _noun_in(token.head, nouns)), None
            )
            written.setdefault(token.lower_, Counter())[said] += 1
    names: dict[str, str | None] = {}
    for name, said in written.items():
        if name in places:
            continue
        category = said.most_common(1)[0][0]
        names[name] = category
        if not name.endswith("s"):
            names.setdefault(name + "s", category)  # "Rohingyas"
    return names

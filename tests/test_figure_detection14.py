"""etl.figures: which numbers become figure rows (issue 9, round 14, pooled over every real set).

Two mechanisms, each general over a class of text rather than a phrase seen once:
- a people the article names by a word it writes before a noun of people ("Rohingya refugees")
  is counted by that name alone ("900,000 Rohingya remain ..."), as what the article calls them;
- a number written in words or with a scale word after a capitalised word is a count, not a
  name's number ("UPDATE Two people", "Ukraine 1.8 million"): names are numbered in digits.
Then the probes of the self-review: sentences that look like the triggers but must not fire.
The sentences are written for the test, not copied from a development page.
"""

from __future__ import annotations

import pytest

from etl.figure_categories import _default_rules
from etl.figure_peoples import people_names
from etl.numbers import find_quantities
from tests.test_figures import found

# --- a people named by the article's own modifier ---------------------------------------------


def test_a_people_the_article_calls_refugees_is_counted_by_its_name(nlp):
    body = (
        "Rohingya refugees in Bangladesh face new ration cuts. About 900,000 Rohingya remain in "
        "the camps of Cox's Bazar, the agency said."
    )
    assert found(nlp, body) == [(900_000, "refugees")]


def test_the_plural_of_the_name_counts_too(nlp):
    body = (
        "Masalit refugees have crossed into Chad for weeks. Aid groups say some 80,000 Masalit "
        "are now sheltering near the border town."
    )
    assert found(nlp, body) == [(80_000, "refugees")]


def test_what_happened_to_the_people_still_decides_first(nlp):
    body = (
        "Rohingya refugees in Bangladesh face new ration cuts. More than 6,000 Rohingya were "
        "killed in the first month of the crackdown."
    )
    assert found(nlp, body) == [(6_000, "killed")]


def test_people_names_are_read_from_modifiers_of_people_nouns(nlp):
    rules = _default_rules()[0]
    doc = nlp("Rohingya refugees queued for food while Gaza residents and UNICEF staff watched.")
    names = people_names(doc, rules)
    assert names.get("rohingya") == "refugees"
    assert names.get("rohingyas") == "refugees"
    assert "gaza" not in names  # a place
    assert "unicef" not in names  # an acronym names an agency


# --- numbers in words or with a scale word are no names' numbers ------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Since the invasion 2.1 million people crossed, and to Ukraine 1.8 million.", 1_800_000),
        ("Live • UPDATE Two people were killed in the blast, police said.", 2),
        ("after World War II. Four million Syrian refugees are now abroad.", 4_000_000),
    ],
)
def test_a_number_in_words_or_with_a_scale_word_is_a_count(text, value):
    assert value in [q.value for q in find_quantities(text)]


def test_a_count_in_words_after_a_capitalised_word_is_a_figure(nlp):
    body = "Market blast\n\n• UPDATE Two people were killed in the blast, police said."
    assert found(nlp, body) == [(2, "killed")]


# --- probes: must not fire --------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Delegates met again for Astana 14 in December, the ministry said.",
        "The Boeing 737 landed safely in Beirut on Tuesday.",
        "Security Council Resolution 2254 calls for a political transition.",
        "The convoy used Route 60 to reach the crossing.",
    ],
)
def test_a_name_numbered_in_digits_stays_a_name(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "body",
    [
        "Kyiv insisted on the Minsk Two agreement.",
        "He served in Brigade Seven for a decade before the war.",
        "Tehran hosted the Astana Seven talks on Syria.",
        "Hamas said Hostages Three and Four would be freed on Saturday.",
        # a people's name before a noun that counts things
        "Rohingya refugees protested. Soldiers burned 350 Rohingya villages in Rakhine.",
        # a place that modifies people is no people
        "Gaza residents queued for bread. Trucks carried 200 Gaza parcels across the crossing.",
        # an acronym that modifies people is an agency
        "UNICEF staff reached the town. The fund sent 300 UNICEF kits on Monday.",
        # a name written as a people elsewhere, before a count of things
        "Uyghur activists spoke in Geneva. The congress was founded with 12 Uyghur groups.",
    ],
)
def test_probes_that_look_like_the_triggers_give_no_figure(nlp, body):
    assert found(nlp, body) == []

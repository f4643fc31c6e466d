"""etl.figures: what a count's own parse says it counts (round 17, pooled over every real set).

Three mechanisms, each general over a class of wording rather than a phrase seen once:
- a noun a category names as counted ("injuries", "fatalities") is a count of people, as
  "deaths" and "wounded" are;
- a cue phrase of a verb and its own preposition, particle or object is read through the parse
  when other words stand between them ("crossed from Lebanon into Syria" is "cross into");
- a verb of an act done to someone ("help", "assist", "detain", "kill") says what happened to
  those counted only when they undergo it: when the counted noun is its active subject and it
  has an object ("6,000 troops are helping to evacuate ..."), it says what they do.
Then probes that look like the triggers but must not fire. The sentences are written for the
test, not copied from a development page.
"""

from __future__ import annotations

import pytest

from tests.test_figures import found

# --- a category's own counted noun is a count of people ---------------------------------------


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (
            "More than 2,300 deaths and 7,400 injuries have been recorded in the province.",
            [(2_300, "killed"), (7_400, "injured")],
        ),
        ("At least 120 new injuries were reported in the camp overnight.", [(120, "injured")]),
        ("Health officials recorded 310 fatalities in the week to Sunday.", [(310, "killed")]),
    ],
)
def test_nouns_that_name_a_category_count_people(nlp, body, expected):
    assert found(nlp, body) == expected


# --- a verb's cue read through the parse ------------------------------------------------------


def test_a_crossing_told_with_its_origin_between_is_a_crossing_into(nlp):
    body = (
        "More than 250,000 people have crossed from Sudan into Chad since the fighting began, "
        "the agency said."
    )
    assert found(nlp, body) == [(250_000, "refugees")]


def test_a_cue_written_whole_still_decides_as_before(nlp):
    body = "About 40,000 people crossed into Chad last month, the agency said."
    assert found(nlp, body) == [(40_000, "refugees")]


def test_a_preposition_of_another_verb_does_not_join_the_phrase(nlp):
    # "into" belongs to "turned", not to "lived": no cue of living in a place joins it
    body = "Some 12,000 people lived near the school that the army turned into a base."
    assert [c for _, c in found(nlp, body)] != ["refugees"]


# --- acts the counted do to others ------------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "The nearly 4,500 British troops are helping to evacuate citizens from the airport.",
        "There are about 1,500 French troops in the region advising and assisting the army.",
        "Some 2,000 peacekeepers are assisting the government in the north.",
    ],
)
def test_troops_who_help_or_assist_are_troops(nlp, body):
    assert [c for _, c in found(nlp, body)] == ["troops"]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # helped, assisted, detained: those counted undergo the act
        ("Aid agencies helped 45,000 people in the camps last month.", "other"),
        ("Some 3,000 people were detained by the security forces.", "other"),
        ("About 1,200 protesters were arrested in the capital.", "other"),
        # a participle the counted underwent, whatever the parser hangs on it
        ("At least 44 people killed as air strike hits market.", "killed"),
        ("Twelve soldiers were killed and 30 wounded in the attack.", "killed"),
    ],
)
def test_acts_done_to_the_counted_still_decide(nlp, body, expected):
    assert found(nlp, body)[0][1] == expected


def test_those_who_kill_are_not_the_killed(nlp):
    body = "About 300 militants attacked the town on Monday and killed 25 soldiers."
    assert (25, "killed") in found(nlp, body)


# --- a part introduced by "including" is the part's ------------------------------------------


def test_what_the_included_part_is_said_to_be_is_not_the_whole(nlp):
    body = (
        "Up to three million people in the north, including one million who are internally "
        "displaced, are in need of humanitarian assistance, the UN said."
    )
    assert found(nlp, body)[0] == (3_000_000, "other")


def test_the_whole_still_takes_its_own_verb_with_a_part_named(nlp):
    body = "At least 300 people, including 40 children, were killed in the air strikes."
    assert found(nlp, body) == [(300, "killed"), (40, "killed")]


def test_a_part_without_a_cue_changes_nothing(nlp):
    body = "More than 5,000 refugees, including many women, arrived in Chad last week."
    assert found(nlp, body) == [(5_000, "refugees")]


# --- "amount to", "total" and "number" are verbs of a level -----------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "In Slovakia the number of refugees registered for protection amounted to 84,000.",
        "By June the number of refugees from Sudan in Chad totalled 160,000, the agency said.",
    ],
)
def test_a_count_noun_that_amounts_to_a_level_counts_its_of_noun(nlp, body):
    assert [c for _, c in found(nlp, body)] == ["refugees"]


def test_a_sum_that_amounts_to_a_share_is_not_read_as_a_level_of_people(nlp):
    body = "The $1.2 billion pledged amounted to less than half of what the UN appeal sought."
    assert found(nlp, body) == [(1_200_000_000, "aid_money")]


# --- "N out of M": the ratio guard reads small numbers only -----------------------------------


def test_both_counts_of_n_out_of_m_grouped_are_quantities():
    from etl.numbers import find_quantities

    text = "In Hungary, some 26,000 out of 32,000 refugees have registered."
    assert [q.value for q in find_quantities(text)] == [26_000, 32_000]


@pytest.mark.parametrize(
    "text",
    [
        "Nine out of 10 people in the camp need food aid.",
        "One in 5 children is malnourished, and 3 in 4 families lack water.",
    ],
)
def test_ratios_stay_no_counts(text):
    from etl.numbers import find_quantities

    assert find_quantities(text) == []


def test_the_whole_of_n_out_of_m_refugees_is_a_figure(nlp):
    body = "Registration is slow: in Hungary some 26,000 out of 32,000 refugees have registered."
    assert (32_000, "refugees") in found(nlp, body)


# --- a fact box may name its figure on the line above -----------------------------------------


def test_a_key_figure_named_on_the_line_above(nlp):
    body = (
        "Sweden\n\nAt a glance\n\nTotal asylum applications by Afghan nationals\n\n41,870\n\n"
        "Percentage share of all Afghan asylum applications lodged in European countries\n\n12%\n\n"
        "Humanitarian aid for Afghanistan and neighbouring countries\n\n€212,400,000\n\n"
        "Percentage share of humanitarian aid given by European countries over the decade\n\n"
        "3.1%\n\nSweden has long resettled refugees under its national programme, the "
        "ministry said in a statement on Monday.\n"
    )
    assert found(nlp, body) == [(41_870, "refugees"), (212_400_000, "aid_money")]


def test_a_key_figure_named_below_keeps_its_label_below(nlp):
    body = (
        "Key figures\n\n5.9M\n\nInternally displaced people\n\n2.1M\n\nReturnees\n\n"
        "Fighting has displaced millions across the country since the war began.\n"
    )
    assert found(nlp, body)[0] == (5_900_000, "displaced")

"""Policy acts and relations stated as facts (issue 9; pooled misses over real_dev … real_dev9):
backing named in a relative clause or by a role noun before a name (`etl.stance_backers`), no
land of a patron taken in a takeover ("the U.S.-backed government"), and acting at someone's
request (`etl.stance_requests`). Each class has sentences that look like its trigger but must not
fire."""

from __future__ import annotations

import pytest

from tests.test_stance_retaking import real_triples


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "The Houthis, who are backed by Iran, said the port was calm.",
            ("iran", "houthis", "supportive"),
            id="backed-in-a-relative-clause",
        ),
        pytest.param(
            "Hezbollah, which is funded and armed by Iran, fought in Syria.",
            ("iran", "hezbollah", "supportive"),
            id="funded-in-a-relative-clause",
        ),
        pytest.param(
            "Syrian rebels and the Syrian government agreed. Government ally Russia and rebel "
            "backer Turkey brokered the deal.",
            ("russia", "syria", "supportive"),
            id="a-role-noun-before-a-name",
        ),
        pytest.param(
            "According to the Kremlin, Russia is acting at the request of the Syrian President "
            "Bashar Assad.",
            ("russia", "syria", "supportive"),
            id="acting-at-the-request-of",
        ),
        pytest.param(
            "Russia, at the request of the Syrian government, investigated the case.",
            ("russia", "syria", "supportive"),
            id="at-the-request-hung-on-the-subject",
        ),
    ],
)
def test_a_policy_act_stated_as_fact_is_a_stance(nlp, body, expected):
    assert expected in real_triples(nlp, body)


@pytest.mark.parametrize(
    ("body", "unwanted"),
    [
        pytest.param(
            "The proposal, which is backed by France, was rejected on Tuesday.",
            "france",
            id="backing-a-thing-is-no-edge",
        ),
        pytest.param(
            "The Houthis, who were once backed by Iran, now act alone, analysts say.",
            "iran",
            id="backing-no-longer-held",
        ),
        pytest.param(
            "Iran denied that the Houthis, who it said are not backed by Tehran, fired the missile.",
            "iran",
            id="negated-backing",
        ),
        pytest.param(
            "Britain's former ally Russia is now a rival.", "russia", id="a-lapsed-role-noun"
        ),
        pytest.param(
            "The meeting was held at the request of the United States.",
            "united-states",
            id="a-request-with-no-actor-acting",
        ),
        pytest.param(
            "Russia said it would act at the request of Syria if asked.",
            "syria",
            id="a-request-not-yet-acted-on",
        ),
        pytest.param(
            "The minister urged Russia to act at the request of the Syrian government.",
            "syria",
            id="an-act-only-asked-for",
        ),
        pytest.param("Russia did not act at the request of Syria.", "syria", id="a-negated-act"),
    ],
)
def test_lookalikes_of_policy_acts_yield_no_supportive_edge(nlp, body, unwanted):
    assert not any(p == "supportive" and unwanted in (s, t) for s, t, p in real_triples(nlp, body))


def test_a_patron_is_no_land_taken_in_a_takeover(nlp):
    found = real_triples(nlp, "Last summer, Taliban forces took over the U.S.-backed government.")
    assert ("taliban", "united-states", "critical") not in found


@pytest.mark.parametrize(
    ("body", "wrong"),
    [
        pytest.param(
            "The offensive against the Kurdish YPG, which is backed by Russia, began on Sunday.",
            ("russia", "ypg", "supportive"),
            id="backing-an-offensive-against-a-name-is-no-support-of-it",
        ),
        pytest.param(
            "The sanctions on Russia, which are supported by Japan, took effect on Monday.",
            ("japan", "russia", "supportive"),
            id="supporting-sanctions-on-a-state-is-no-support-of-it",
        ),
        pytest.param(
            "The campaign against the Houthis, which is funded by Saudi Arabia, has killed "
            "thousands of civilians.",
            ("saudi-arabia", "houthis", "supportive"),
            id="funding-a-campaign-against-a-group-is-no-support-of-it",
        ),
        pytest.param(
            "The Turkish operation in northern Syria, which is backed by Syrian rebels, has drawn "
            "criticism from Washington.",
            ("syrian-opposition", "syria", "supportive"),
            id="backing-an-operation-in-a-country-is-no-support-of-it",
        ),
    ],
)
def test_a_clause_on_what_acts_on_a_name_is_no_backing_of_the_name(nlp, body, wrong):
    """fix11b probes: the parser hangs "which is backed by Y" on the nearest name, but the
    offensive, the sanctions or the campaign before it are what is backed."""
    assert wrong not in real_triples(nlp, body)


def test_who_after_talks_with_a_group_still_names_the_group_backed(nlp):
    body = "Talks with the Houthis, who are armed by Iran, resumed in Muscat on Monday."
    assert ("iran", "houthis", "supportive") in real_triples(nlp, body)

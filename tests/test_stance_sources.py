"""Who holds a stance and toward whom, pooled over real_dev … real_dev9 (issue 9): solidarity with a
people suffering under its rulers is critical of them (etl.stance_peoples); a person's country is
read from their own title, not from a body named elsewhere in the clause (etl.actors); and what a
blocked document says is not its blockers' word (etl.stance_blocked).
Sentences are written for these tests in the style of wire copy and ministry statements."""

from __future__ import annotations

import pytest

from etl.actors import Gazetteer, resolve_mentions
from etl.stances import extract_stances
from etl.types import Actor
from tests.test_stances import ACTORS, FORMS, make_context, statement, triples

_ACTORS = {
    **ACTORS,
    **{
        a.actor_id: a
        for a in (
            Actor("bashar-al-assad", "Bashar al-Assad", "person", "syria"),
            Actor("nicolas-maduro", "Nicolás Maduro", "person", "venezuela"),
            Actor("stephen-harper", "Stephen Harper", "person", "canada"),
            Actor("volodymyr-zelensky", "Volodymyr Zelensky", "person", "ukraine"),
            Actor("recep-erdogan", "Recep Tayyip Erdogan", "person", "turkey"),
            Actor("japan", "Japan", "country", None),
        )
    },
}
_FORMS = (
    *FORMS,
    ("Assad regime", "syria", "alias"),
    ("Assad", "bashar-al-assad", "surname"),
    ("Maduro", "nicolas-maduro", "surname"),
    ("Harper", "stephen-harper", "surname"),
    ("Syrian", "syria", "demonym"),
    ("Venezuelan", "venezuela", "demonym"),
    ("Volodymyr Zelensky", "volodymyr-zelensky", "name"),
    ("Recep Tayyip Erdogan", "recep-erdogan", "name"),
    ("Japan", "japan", "name"),
    ("Tokyo", "japan", "capital"),
    ("Bashar al-Assad", "bashar-al-assad", "name"),
)


def _found(nlp, body: str, speaker: str | None = None) -> set[tuple[str, str, str]]:
    ctx = make_context(nlp, body, _ACTORS, _FORMS)
    said = [statement(body, speaker)] if speaker else []
    return triples(extract_stances(ctx, said), ctx)


# --- solidarity with a country's people ----------------------------------------------------


@pytest.mark.parametrize(
    ("body", "speaker", "expected", "absent"),
    [
        pytest.param(
            "“Canada stands with the people of Syria as they endure terrible suffering at the "
            "hands of the Assad regime,” Harper said.",
            "stephen-harper",
            {("canada", "syria", "critical")},
            {("canada", "syria", "supportive")},
            id="people-suffering-under-the-regime-is-critical-of-it",
        ),
        pytest.param(
            "Australia said it would stand with the people of Syria in their efforts to build a "
            "better future.",
            None,
            {("australia", "syria", "supportive")},
            {("australia", "syria", "critical")},
            id="solidarity-with-no-ruler-named-keeps-its-reading",
        ),
        pytest.param(
            "The United States condemned Venezuela for the crackdown. “We will show Maduro that the "
            "United States stands with the people of Venezuela,” an American official said.",
            "united-states",
            {("united-states", "venezuela", "critical")},
            {("united-states", "venezuela", "supportive")},
            id="the-source-condemns-the-rulers-elsewhere",
        ),
        pytest.param(
            "Ukraine's President Volodymyr Zelensky thanked Canada, which stands with the people "
            "of Ukraine.",
            None,
            set(),
            {("canada", "ukraine", "critical")},
            id="the-leader-as-a-subject-is-no-adversary",
        ),
        pytest.param(
            "Russia stands with Syria in its fight against terrorism, Lavrov said.",
            None,
            {("russia", "syria", "supportive")},
            set(),
            id="standing-with-the-country-itself-stays-supportive",
        ),
    ],
)
def test_solidarity_with_a_people_against_its_rulers_is_critical_of_them(
    nlp, body, speaker, expected, absent
):
    found = _found(nlp, body, speaker)
    assert expected <= found
    assert not (absent & found)


# Self-review probes: the first version took any leader of the country named in the sentence
# for the rulers the people suffer under, and turned the first three of these critical.
@pytest.mark.parametrize(
    "body",
    [
        "Ukrainian President Volodymyr Zelensky thanked Canada, which stands with the people of "
        "Ukraine.",
        "Canada stands with the people of Ukraine, Prime Minister Justin Trudeau told President "
        "Volodymyr Zelensky in Kyiv on Saturday.",
        "Japan supports the people of Turkey after the earthquake, and President Recep Tayyip "
        "Erdogan thanked Tokyo for its help.",
        "Germany stands with people of Libya after floods",
        "If the regime falls, France would stand with the people of Syria, the minister said.",
        "Canada does not stand with the people of Syria against the government, Joly said.",
    ],
)
def test_a_leader_named_otherwise_is_no_ruler_the_people_suffer_under(nlp, body):
    assert not {t for t in _found(nlp, body) if t[2] == "critical"}


# --- what a blocked document says is not its blockers' word ----------------------------------


@pytest.mark.parametrize(
    ("body", "expected", "absent"),
    [
        pytest.param(
            "Russia and China vetoed a resolution calling for Syrian President Bashar al-Assad "
            "to step down.",
            {("russia", "syria", "supportive"), ("china", "syria", "supportive")},
            {("russia", "syria", "critical"), ("china", "syria", "critical")},
            id="vetoed-call-for-a-leader-to-go",
        ),
        pytest.param(
            "Russia and China cast a double veto on Tuesday to block a draft resolution "
            "condemning Syria for the crackdown.",
            {("russia", "syria", "supportive")},
            {("russia", "syria", "critical"), ("china", "syria", "critical")},
            id="blocked-draft-condemning-a-government",
        ),
        pytest.param(
            "France tabled a draft resolution condemning Syria for the chemical attack.",
            {("france", "syria", "critical")},
            set(),
            id="the-drafter-keeps-its-words",
        ),
    ],
)
def test_the_content_of_a_blocked_document_is_not_the_blockers_stance(nlp, body, expected, absent):
    found = _found(nlp, body)
    assert expected <= found
    assert not (absent & found)


# --- a person's country from their own title -----------------------------------------------


@pytest.fixture(scope="module")
def discovered(nlp):
    gazetteer = Gazetteer.load()

    def run(text):
        _, new = resolve_mentions(nlp(text), "a1", gazetteer)
        return {a.name: a for a in new}

    return run


def test_a_title_after_according_to_is_no_host(discovered):
    found = discovered(
        "Cruise missiles struck the air base overnight. According to Pentagon spokesperson "
        "Colonel Rob Tanner, the strike answered the gas attack."
    )
    assert found["Rob Tanner"].country_id == "united-states"


def test_a_body_named_before_after_is_not_the_titled_persons(discovered):
    found = discovered(
        "The UN warning on Friday came a day after Peruvian President Luis Arbizu said his "
        "country would close the border crossing."
    )
    assert found["Luis Arbizu"].country_id == "peru"


def test_an_appositive_title_ends_at_the_verb_of_saying(discovered):
    found = discovered(
        "Canada welcomed the first flight. “We thank our officials,” Maria Lindqvist, Minister of "
        "Health said, “and our partners, the United Nations Refugee Agency and the Red Cross.”"
    )
    assert found["Maria Lindqvist"].country_id != "unhcr"


# fix11b probes: the rulers named in a clause on the people ("the people of X, who have suffered
# under ...") were taken for part of what the cue supports, so the edge stayed supportive.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            "Australia stands with the people of Syria, who have suffered under the Assad regime "
            "for more than a decade.",
            ("australia", "syria", "critical"),
            id="rulers-in-a-relative-clause-on-the-people",
        ),
        pytest.param(
            "Canada stands with the people of Iran, who are being killed by the regime for "
            "protesting peacefully.",
            ("canada", "iran", "critical"),
            id="killed-by-the-regime-in-a-relative-clause",
        ),
        pytest.param(
            "Britain stands with the people of Ukraine, who are defending their country against "
            "the invasion.",
            ("united-kingdom", "ukraine", "supportive"),
            id="a-clause-naming-no-rulers-stays-supportive",
        ),
    ],
)
def test_a_clause_on_the_people_names_the_rulers_they_suffer_under(nlp, body, expected):
    from tests.test_stance_retaking import real_triples

    assert expected in real_triples(nlp, body)

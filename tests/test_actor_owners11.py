"""Who an actor mention is (round of issue 9, actors11): a person whose name opens with a place's,
a state's own security council, and gazetteer rows for bodies the real sets name as sources and
targets. Sentences written for these tests.

Each fix has probes that look like its trigger but must not fire (other senses of the words,
headlines, the UN's council, another party called NDP)."""

import pytest

from etl.actors import resolve_mentions


@pytest.fixture(scope="module")
def resolve(nlp, gazetteer):
    def run(text):
        mentions, new = resolve_mentions(nlp(text), "a1", gazetteer)
        return [(m.text, m.actor_id) for m in mentions], {a.actor_id: a for a in new}

    return run


def _ids_for(mentions, text):
    return {actor_id for said, actor_id in mentions if said == text}


# --- a person whose first name is a capital or a country -------------------------------------


def test_person_named_after_a_capital_is_a_person_not_the_government(resolve):
    mentions, new = resolve(
        "Lima Okafor, a nurse who volunteers at the camp, said the first families would arrive "
        "in the spring."
    )
    assert ("Lima Okafor", "lima-okafor") in mentions
    assert new["lima-okafor"].kind == "person"
    assert not any(actor_id == "peru" for _, actor_id in mentions)


def test_person_named_after_a_country_is_a_person(resolve):
    mentions, new = resolve(
        "Jordan Whitfield, a lawyer for the families, said the ruling was a relief."
    )
    assert ("Jordan Whitfield", "jordan-whitfield") in mentions
    assert not any(actor_id == "jordan" for _, actor_id in mentions)


@pytest.mark.parametrize(
    "text, place, actor_id",
    [
        # the capital acting, with no name after it
        ("Paris said on Monday it would send two envoys to the talks.", "Paris", "france"),
        # a title after the capital: no surname
        ("Moscow Mayor Sergei Sobyanin said the parade would go ahead.", "Moscow", "russia"),
        # a headline: the country, then a leader the gazetteer knows
        ("Turkey Erdogan vows to press on with Syria offensive", "Turkey", "turkey"),
        # a body, not a person, opening with the country's name
        ("Israel Defense Forces said the strike hit a depot.", "Israel Defense Forces", "idf"),
        # the country's river, a place
        ("Jordan River levels fell sharply this summer.", "Jordan", "jordan"),
        # misfires of the first version on real pages: a headline's talks format, a plural
        ("Next Astana Format meeting on Syria to take place this year", "Astana", "kazakhstan"),
        (
            "The security of these temporarily sheltered Myanmar Nationals, said the ministry.",
            "Myanmar",
            "myanmar",
        ),
    ],
)
def test_place_word_before_a_title_or_known_leader_stays_the_government(
    resolve, text, place, actor_id
):
    mentions, new = resolve(text)
    assert actor_id in _ids_for(mentions, place)
    assert not any(a.kind == "person" and a.name.startswith(place) for a in new.values())


# --- a state's own security council ----------------------------------------------------------


def test_demonym_security_council_is_that_state(resolve):
    mentions, _ = resolve(
        "The Russian Security Council said on Friday that Western sanctions had failed."
    )
    assert ("Russian Security Council", "russia") in mentions
    assert not any(actor_id == "un-security-council" for _, actor_id in mentions)


def test_possessive_national_security_council_is_that_state(resolve):
    mentions, _ = resolve(
        "Iran's Supreme National Security Council rejected the proposal in a statement."
    )
    assert any(actor_id == "iran" and "Security Council" in said for said, actor_id in mentions)
    assert not any(actor_id == "un-security-council" for _, actor_id in mentions)


@pytest.mark.parametrize(
    "text",
    [
        "Russia's Security Council veto shielded Damascus for the sixth time.",
        "The British Security Council resolution was put to a vote on Tuesday.",
        "The UN Security Council met behind closed doors on Friday.",
        "The U.N. Security Council failed to agree on a statement.",
        "Diplomats said the Security Council would meet again next week.",
        "The French Security Council presidency ends in July.",
        "As a Security Council member, Russia has blocked six drafts.",
    ],
)
def test_the_un_council_stays_the_un_council(resolve, text):
    mentions, _ = resolve(text)
    assert any(actor_id == "un-security-council" for _, actor_id in mentions)


# --- bodies the real sets name as sources and targets ----------------------------------------


def test_new_democrats_are_the_canadian_party(resolve):
    mentions, _ = resolve("The New Democrats condemned the shelling and called for a ceasefire.")
    assert ("New Democrats", "new-democratic-party") in mentions


def test_us_led_coalition_stays_the_united_states(resolve):
    # Unlike the Saudi-led coalition, the seeds read "the U.S.-led coalition airstrikes" as the
    # United States' (tests/gold 002): a row of its own cost the seeds a stance, so none is kept.
    mentions, _ = resolve(
        "The U.S.-led coalition said its aircraft struck positions near Raqqa overnight."
    )
    # Since stances17 the whole "U.S.-led coalition" is the alias (the United States' row comes
    # before the International coalition's, which also answers to that name when scored).
    assert ("U.S.-led coalition", "united-states") in mentions


def test_ndp_alone_is_no_canadian_party(resolve):
    # "NDP" is also Egypt's National Democratic Party: only "New Democrats" names the Canadian one
    mentions, _ = resolve("Mubarak's NDP won a large majority in the 2010 vote.")
    assert not any(actor_id == "new-democratic-party" for _, actor_id in mentions)


def test_rohingya_insurgents_are_an_armed_group_not_the_people(resolve, gazetteer):
    mentions, _ = resolve("Rohingya insurgents attacked border posts in Rakhine state.")
    assert ("Rohingya insurgents", "rohingya-militants") in mentions
    assert gazetteer.actors["rohingya-militants"].kind == "armed_group"
    # the people themselves are no actor of that group
    mentions, _ = resolve("More than 700,000 Rohingya refugees fled to Bangladesh.")
    assert not any(actor_id == "rohingya-militants" for _, actor_id in mentions)


# --- a count of the world's refugees is no host's intake --------------------------------------

COMMONS_RESETTLEMENT = (
    "Ms Jane Hale (Leeds North) (Lab): This country's resettlement scheme is good, and last year "
    "6,200 Syrian refugees were resettled here, but half of the UNHCR's estimated 1.2 million "
    "refugees {where} are Syrian. We must resettle more, and sponsor more families."
)


def test_a_count_of_the_worlds_refugees_is_placed_in_no_host(nlp):
    from tests.test_figures import found

    worldwide = found(nlp, COMMONS_RESETTLEMENT.format(where="worldwide"))
    assert (1_200_000, "refugees") in worldwide
    assert (6_200, "resettled") in worldwide
    # refugees counted in the host country of a resettlement debate are still taken in
    here = found(nlp, COMMONS_RESETTLEMENT.format(where="here"))
    assert (1_200_000, "resettled") in here

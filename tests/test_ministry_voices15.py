"""A ministry named without its country speaks for the country the page names most
(statements15). Pooled over real_dev, real_dev5 … real_dev12, a discovered "Ministry of Foreign
Affairs", "Interior Ministry" or "Health Ministry" with no country of its own was a common wrong
speaker where gold names the government by its country (GOLD.md). Sentences written for these
tests."""

from etl.event_duplicates import voices_of_one_country
from etl.types import Actor


def _speakers(rows, start):
    return [s.speaker_id for s in rows if s.quote.startswith(start)]


def test_countryless_ministry_speaks_for_the_page_country(statements_of):
    body = (
        "Kenya has opened a new camp for refugees near Dadaab. Kenya said the camp would hold "
        "20,000 people, and aid groups praised Kenya for the decision.\n\n"
        "The Ministry of Interior Affairs said on Friday that the camp would open next month."
    )
    assert _speakers(statements_of(body), "The Ministry of Interior Affairs") == ["kenya"]


def test_countryless_ministry_stays_when_no_country_leads(statements_of):
    body = (
        "Kenya and Uganda met in Nairobi. Kenya and Uganda agreed on a border plan.\n\n"
        "The Ministry of Interior Affairs said on Friday that the plan would start next month."
    )
    rows = _speakers(statements_of(body), "The Ministry of Interior Affairs")
    assert rows and rows[0] not in ("kenya", "uganda")


def test_a_ministry_named_by_its_country_is_unchanged(statements_of):
    body = (
        "Kenya has opened a new camp near Dadaab. Kenya said it would hold 20,000 people. "
        "Kenya thanked donors.\n\n"
        "Uganda's Ministry of Interior Affairs said on Friday that it would send officials."
    )
    assert _speakers(statements_of(body), "Uganda's Ministry") == ["uganda"]


ACTORS = {
    "kenya": Actor("kenya", "Kenya", "country", None),
    "ministry-of-interior": Actor(
        "ministry-of-interior", "Ministry of Interior", "organization", None, source="discovered"
    ),
    "red-cross-kenya": Actor("red-cross-kenya", "Kenya Red Cross", "organization", None),
}


def test_countryless_ministry_is_its_countrys_voice_in_one_statement_event():
    assert voices_of_one_country(("kenya",), ("ministry-of-interior",), ACTORS)
    assert not voices_of_one_country(("kenya",), ("red-cross-kenya",), ACTORS)


def test_the_ministry_refers_back_to_a_ministry_kept_as_an_organisation(statements_of):
    body = (
        "LONDON — Britain's Ministry of Defence said Russia was running short of "
        "artillery near Kharkiv, Ukraine.\n\n"
        "In an intelligence update, the ministry also said on Sunday that the shortages would "
        "slow the offensive."
    )
    rows = _speakers(statements_of(body), "In an intelligence update")
    assert rows == ["united-kingdom"]


def test_the_ministry_after_a_gazetteer_ministry_of_a_place(statements_of):
    body = (
        "The Gaza Health Ministry said 40 people were killed on Tuesday.\n\n"
        "The ministry said rescue teams were still searching the rubble."
    )
    assert _speakers(statements_of(body), "The ministry said rescue") == ["gaza-health-ministry"]


def test_a_leaders_government_speaks_for_the_leaders_country(statements_of):
    body = (
        "Venezuelan President Nicolas Maduro spoke in Caracas on Monday.\n\n"
        "Maduro's government, meanwhile, has asked Venezuelans abroad to return home."
    )
    assert _speakers(statements_of(body), "Maduro's government") == ["venezuela"]


def test_a_leaders_own_words_stay_his(statements_of):
    body = "Maduro's spokesman, Carlos Ruiz, said the border would reopen on Friday."
    assert _speakers(statements_of(body), "Maduro's spokesman") != ["venezuela"]

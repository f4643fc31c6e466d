"""Documents with no person named as speaker (etl.document_speaker, docspeaker13): a statement
"released by" a list of ministers is each one's; a statement headed by a government office is
the office's country's; news about a statement, menus and headlines speak nothing."""

import datetime

import pytest

from etl.actors import Gazetteer, resolve_mentions
from etl.context import ArticleContext
from etl.statements import extract_statements
from etl.types import Article


@pytest.fixture(scope="module")
def rows_of(nlp):
    gazetteer = Gazetteer.load()

    def run(body, outlet=None):
        article = Article(
            "a1", "x.txt", None, outlet, None, datetime.date(2021, 3, 3), "day", "en", body, "sha"
        )
        doc = nlp(body)
        mentions, new = resolve_mentions(doc, "a1", gazetteer)
        actors = {**gazetteer.actors, **{a.actor_id: a for a in new}}
        return extract_statements(ArticleContext(article, doc, tuple(mentions), actors))

    return run


def _documents(rows):
    return [(s.speaker_id or s.speaker_text, s.quote[:12]) for s in rows if s.cue == "document"]


def test_a_statement_released_by_listed_ministers_is_each_ministers(rows_of):
    body = (
        "Joint Statement on the Anniversary of the Siege\n\n"
        "Media Note\n\n"
        "Office of the Spokesperson\n\n"
        "Washington, DC\n\n"
        "The text of the following statement was released by UK Foreign Secretary Boris "
        "Johnson, German Foreign Minister Heiko Maas and French Foreign Minister Jean-Yves Le "
        "Drian.\n\n"
        "Begin Text:\n\n"
        "Five years after the siege began, the town remains cut off from food and medicine.\n\n"
        "We call on all parties to allow humanitarian convoys through without delay.\n\n"
        "End Text"
    )
    found = _documents(rows_of(body))
    speakers = {who for who, _q in found}
    assert len(speakers) == 3
    assert {q for _w, q in found} == {"Five years a", "We call on a"}
    assert len(found) == 6


def test_a_press_statement_under_a_government_office_is_its_countrys(rows_of):
    body = (
        "Press Statement\n\n"
        "Office of the Spokesperson\n\n"
        "U.S. Department of State\n\n"
        "March 3, 2021\n\n"
        "We welcome the release of the detained aid workers and thank all who helped.\n\n"
        "The renewed shelling of the camps must stop immediately."
    )
    found = _documents(rows_of(body))
    assert found == [("united-states", "We welcome t"), ("united-states", "The renewed ")]


def test_a_ministry_statement_takes_its_country_from_the_ministrys_own_site(rows_of):
    body = (
        "Statement of the Ministry of Foreign Affairs\n\n"
        "The Ministry of Foreign Affairs expresses its deep concern over the shelling of the "
        "border villages.\n\n"
        "We call on the parties to return to the negotiating table."
    )
    found = _documents(rows_of(body, outlet="Ministry of Foreign Affairs of Georgia"))
    assert found == [("georgia", "The Ministry"), ("georgia", "We call on t")]


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        # a news report about a statement: the office is named in prose, not a heading block
        (
            "Washington condemns shelling\n\n"
            "In a statement, the State Department said it was alarmed by the shelling.\n\n"
            "We are watching closely, a department official told reporters.",
            "Reuters",
        ),
        # a news site's menu naming a ministry, above a reporter's story
        (
            "Home\n\nWorld\n\nForeign Ministry\n\nPolitics\n\n"
            "Families return to the ruined town as the fighting ebbs.\n\n"
            "We have nothing left, said one mother outside her house.",
            "Daily Star",
        ),
        # a headline about a statement, with a present-tense verb
        (
            "Statement of the Foreign Ministry draws anger in Moscow\n\n"
            "Office of the Spokesperson\n\n"
            "We will not accept any interference, the minister told parliament.",
            "The Times",
        ),
        # a statement planned, not released
        (
            "The following statement will be released by the ministers tomorrow.\n\n"
            "We expect the talks to resume soon, one diplomat said.",
            "AP",
        ),
        # a press release whose paragraphs are not first-person stays with no row
        (
            "Press Release\n\n"
            "Foreign Ministry\n\n"
            "The minister met the visiting delegation on Tuesday to discuss trade.",
            "Ministry of Foreign Affairs of Georgia",
        ),
        # the office named in an ordinary sentence after a "Statement" line that is a section
        (
            "Statement\n\n"
            "The Foreign Office said on Monday that it had summoned the ambassador.\n\n"
            "We regret the decision, the ambassador told reporters.",
            "BBC",
        ),
        # an opinion piece by a journalist mentioning a ministry
        (
            "Opinion: the ministry of foreign affairs has lost its way\n\n"
            "By Jane Roe\n\n"
            "We were promised a foreign policy that put refugees first.",
            "The Guardian",
        ),
        # a statement released by a list that names nobody the page knows as an actor
        (
            "The text of the following statement was released by the co-chairs.\n\n"
            "We welcome the progress made at the conference.",
            "UN News",
        ),
    ],
)
def test_documents_without_an_issuing_office_block_speak_nothing(rows_of, body, outlet):
    assert _documents(rows_of(body, outlet=outlet)) == []


def test_a_ministry_named_by_no_country_is_given_none(rows_of):
    body = (
        "Statement of the Ministry of Foreign Affairs\n\n"
        "We condemn the attack on the convoy in the strongest terms."
    )
    found = _documents(rows_of(body, outlet="Daily Mail"))  # a copy on another site
    assert [who for who, _q in found] == ["ministry-of-foreign-affairs"]  # its own name only


def test_a_comment_by_a_press_department_takes_the_country_of_the_site_not_its_subject(rows_of):
    body = (
        "Comment by the Information and Press Department on the shelling of the convoy near "
        "Aleppo, Syria\n\n"
        "Monday, 9 May 2022\n\n"
        "The convoy was hit on Sunday evening as it left the city.\n\n"
        "We call for an impartial investigation of the incident without delay."
    )
    found = _documents(rows_of(body, outlet="Embassy of Russia in India"))
    assert found == [("russia", "We call for ")]  # the site's country, first person only


def test_a_first_person_page_on_a_government_site_is_the_governments(rows_of):
    body = (
        "We welcome the decision today by Chile and Peru to reopen their embassies.\n\n"
        "The talks will resume in Geneva next month.\n\n"
        "We urge all parties to keep the ceasefire."
    )
    found = _documents(rows_of(body, outlet="Ministry of Foreign Affairs of Georgia"))
    assert found == [("georgia", "We welcome t"), ("georgia", "We urge all ")]


@pytest.mark.parametrize(
    ("body", "outlet"),
    [
        # a story on a government site: it opens in the third person
        (
            "The United States reached its goal of resettling refugees this year.\n\n"
            "We are proud of every family that found a home here, officials wrote.",
            "ShareAmerica (US Department of State)",
        ),
        # a signed piece on a ministry site is its author's
        (
            "Why the ceasefire matters\n\nBy Jane Roe\n\n"
            "We have seen too many truces fail in the past decade.",
            "Ministry of Foreign Affairs of Georgia",
        ),
        # a quoted "we" on a ministry site is the quoted person's
        (
            "\u201cWe will rebuild the schools,\u201d the mayor told visitors on Monday.",
            "Ministry of Foreign Affairs of Georgia",
        ),
        # a news site's "we" editorial: the outlet names no office
        (
            "We believe the council has failed the people of the city.",
            "The Daily Star",
        ),
    ],
)
def test_pages_not_in_a_governments_voice_speak_nothing(rows_of, body, outlet):
    assert _documents(rows_of(body, outlet=outlet)) == []

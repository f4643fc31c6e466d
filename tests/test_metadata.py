"""Metadata: the sources.csv sidecar, and title, outlet and date inferred conservatively."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from etl.clean import clean_text
from etl.metadata import (
    SourceMeta,
    date_in_url,
    infer_metadata,
    load_sidecar,
    outlet_from_url,
    parse_sidecar,
    parse_written_date,
    read_sidecar,
)
from etl.types import PartialDate, RawDocument

ROOT = Path(__file__).parents[1]


def raw(text: str, **fields) -> RawDocument:
    return RawDocument(source_path="a.txt", text=text, content_sha256="0" * 64, fmt="txt", **fields)


def infer(text: str, **fields):
    document = raw(text, **fields)
    return infer_metadata(document, clean_text(text))


# --- sidecar ----------------------------------------------------------------------------------


def test_sidecar_rows_by_file_with_partial_dates_and_empty_columns():
    sidecar = parse_sidecar(
        "file,url,outlet,published_date\n"
        "a.txt,https://www.cbc.ca/news/x,CBC News,2015-10\n"
        "sub\\b.txt,,,2017-06-16\n"
        "./c.txt,,Reuters,2019\n"
        "d.txt,,,\n"
    )
    assert sidecar.problems == ()
    assert sidecar.entries["a.txt"] == SourceMeta(
        "a.txt",
        "https://www.cbc.ca/news/x",
        "CBC News",
        PartialDate(date(2015, 10, 1), "month"),
    )
    assert sidecar.entries["sub/b.txt"].published == PartialDate(date(2017, 6, 16), "day")
    assert sidecar.entries["c.txt"].published == PartialDate(date(2019, 1, 1), "year")
    assert sidecar.entries["d.txt"] == SourceMeta("d.txt")


def test_malformed_sidecar_rows_are_reported_and_the_rest_kept():
    sidecar = parse_sidecar(
        "file,url,outlet,published_date\n"
        "ok.txt,,BBC,2020-01-02\n"
        ",,Reuters,2020\n"
        "bad-date.txt,,Reuters,16/06/2017\n"
        "too,many,cells,here,and,more\n"
        "ok.txt,,BBC News,2020-01-03\n"
    )
    assert len(sidecar.problems) == 4
    assert any("line 3" in p and "empty" in p for p in sidecar.problems)
    assert any("16/06/2017" in p for p in sidecar.problems)
    assert sidecar.entries["bad-date.txt"] == SourceMeta("bad-date.txt", None, "Reuters", None)
    assert sidecar.entries["ok.txt"].published == PartialDate(date(2020, 1, 3), "day")


def test_sidecar_without_file_column_is_reported():
    sidecar = parse_sidecar("name,url\na.txt,\n")
    assert sidecar.entries == {} and "file" in sidecar.problems[0]


def test_missing_sidecar_is_no_metadata(tmp_path):
    assert load_sidecar(tmp_path) == {}
    assert read_sidecar(tmp_path).problems == ()


def test_project_sidecar_describes_the_five_seeds():
    entries = load_sidecar(ROOT / "data" / "raw")
    assert len(entries) == 5
    assert all((ROOT / "data" / "raw" / name).is_file() for name in entries)
    by_prefix = {name[:3]: meta for name, meta in entries.items()}
    assert by_prefix["002"].url.startswith("https://www.cbc.ca/")
    assert by_prefix["000"].published == PartialDate(date(2018, 9, 1), "month")
    assert by_prefix["003"].published == PartialDate(date(2020, 11, 11), "day")


# --- inference --------------------------------------------------------------------------------

HEADED_PAGE = """SUPPORT US

In The Media

Ottawa hosts talks with Moscow on terrorism

by Jane Doe

The Canadian Press
June 16, 2017

OTTAWA — The Canadian government hosted talks with counter-terrorism officials this week, officials said.

The talks were the first in years, a spokeswoman said on Friday, adding that more were planned.

UPCOMING EVENTS
Annual Defence Conference
October 25, 2022
"""


def test_title_outlet_and_standalone_date_from_the_page_head():
    title, outlet, published = infer(HEADED_PAGE)
    assert title == "Ottawa hosts talks with Moscow on terrorism"
    assert outlet == "The Canadian Press"
    assert published == PartialDate(date(2017, 6, 16), "day")


def test_date_in_a_trailing_sidebar_is_not_the_publication_date():
    page = (
        "Talks resume in Geneva on Syria\n\n"
        + "\n\n".join(
            f"Paragraph {i}: the envoy said the talks would resume after a pause of several months."
            for i in range(4)
        )
        + "\n\nRelated\nEnvoy meets ministers\nOctober 25, 2022\n"
    )
    assert infer(page)[2] is None


def test_published_preferred_over_updated_and_time_ignored():
    page = "Last Updated Sunday, May 15, 2022 7:40PM EDT\nPublished Saturday, May 14, 2022 6:12PM EDT\n\nText of the story, which is long enough to be a paragraph of prose."
    assert infer(page)[2] == PartialDate(date(2022, 5, 14), "day")


def test_wire_dateline_names_the_outlet():
    assert (
        infer("BRUSSELS (Reuters) - The European Union pledged aid on Tuesday, officials said.")[1]
        == "Reuters"
    )
    assert (
        infer("BEIRUT (AP) — Syrian troops advanced on Sunday, state media reported.")[1]
        == "Associated Press"
    )


def test_contributing_wire_credit_is_not_the_outlet():
    page = "The minister said on Tuesday that the talks would continue next week in Geneva.\n\nWith files from Reuters"
    assert infer(page)[1] is None


def test_url_domain_names_the_outlet_and_its_path_date():
    assert (
        outlet_from_url("https://www.theglobeandmail.com/politics/article-x/")
        == "The Globe and Mail"
    )
    assert outlet_from_url("https://news.bbc.co.uk/2/hi/world/1.stm") == "BBC News"
    assert outlet_from_url("https://example.org/a") is None
    assert date_in_url("https://www.aljazeera.com/news/2019/3/4/story") == PartialDate(
        date(2019, 3, 4), "day"
    )
    assert date_in_url("https://example.com/2016/12/story.html") == PartialDate(
        date(2016, 12, 1), "month"
    )
    _, outlet, published = infer(
        "Body text of the story goes on here for a while, officials said.",
        url="https://www.cbc.ca/news/2015/10/x",
    )
    assert outlet == "CBC News" and published == PartialDate(date(2015, 10, 1), "month")


def test_fields_of_the_raw_document_win_and_aliases_are_canonical():
    title, outlet, published = infer(
        HEADED_PAGE,
        title="Given title",
        outlet="AP",
        published=PartialDate(date(2017, 6, 15), "day"),
    )
    assert (title, outlet, published) == (
        "Given title",
        "Associated Press",
        PartialDate(date(2017, 6, 15), "day"),
    )


def test_page_that_starts_with_prose_has_no_title():
    assert (
        infer(
            "The minister said on Tuesday that the talks would continue next week in Geneva, officials said."
        )[0]
        is None
    )


def test_written_dates_in_common_forms():
    assert parse_written_date("Dec. 1, 2016") == PartialDate(date(2016, 12, 1), "day")
    assert parse_written_date("16 June 2017") == PartialDate(date(2017, 6, 16), "day")
    assert parse_written_date("Tuesday, December 13, 2016") == PartialDate(
        date(2016, 12, 13), "day"
    )
    assert parse_written_date("September 2018") == PartialDate(date(2018, 9, 1), "month")
    assert parse_written_date("no date here") is None


# --- publication dates beside bylines and in front matter --------------------------------------


def test_abbreviated_weekday_and_month_with_a_reading_time_beside_the_date():
    page = (
        "World\n\nFloods force thousands from their homes in the delta\n\nBy Ann Smith Staff Reporter\n"
        "Thu., Sept. 8, 2011   timer 4 min. read\n\n"
        "DHAKA—Floodwaters rose on Thursday across the delta, officials said, and more rain is forecast."
    )
    assert infer(page)[2] == PartialDate(date(2011, 9, 8), "day")


def test_date_after_a_bar_in_a_credit_line_with_a_time_zone():
    page = (
        "Ceasefire talks stall in the capital\n\n"
        "Staff and agencies | Tuesday 3 March 2015 17:40 UTC\n\n"
        "Negotiators left the talks on Tuesday without a deal, a spokesman for the mediators said."
    )
    assert infer(page)[2] == PartialDate(date(2015, 3, 3), "day")


def md(text: str) -> RawDocument:
    return RawDocument(source_path="a.md", text=text, content_sha256="0" * 64, fmt="md")


def test_markdown_front_matter_gives_title_and_date_but_not_the_clipping_date():
    text = (
        '\ntitle: "Aid convoy reaches besieged town"\nsource: https://example.org/news/aid-convoy\n'
        "date: 2016-01-11T08:30:00Z\nclipped: 2016-04-02\n\n"
        "A convoy of 44 trucks reached the town on Monday, the Red Cross said in a statement."
    )
    title, _, published = infer_metadata(md(text), clean_text(text))
    assert title == "Aid convoy reaches besieged town"
    assert published == PartialDate(date(2016, 1, 11), "day")


def test_a_clipping_date_alone_is_no_publication_date():
    text = (
        "\ntitle: Aid convoy reaches besieged town\nclipped: 2016-04-02\n\n"
        "A convoy of 44 trucks reached the town on Monday, the Red Cross said in a statement."
    )
    assert infer_metadata(md(text), clean_text(text))[2] is None


def test_title_from_the_address_when_the_page_has_none():
    from etl.metadata import title_from_url

    assert (
        title_from_url(
            "https://www.example.com/politics/article-canada-concerned-by-the-conference/"
        )
        == "Canada concerned by the conference"
    )
    assert (
        title_from_url("https://example.org/news/world-middle-east-54321.html")
        == "World middle east"
    )
    assert title_from_url("https://example.org/story/12345") is None
    assert title_from_url(None) is None


def test_compact_date_stamp_in_an_address():
    from datetime import date

    from etl.metadata import date_in_url

    found = date_in_url("https://www.example.com/en/americas/20180904-ministers-meet-in-quito")
    assert (found.value, found.precision) == (date(2018, 9, 4), "day")
    assert date_in_url("https://example.com/news/10036512/story") is None


# --- titles and outlets: never page furniture, never a bare slug, never blank -----------------

STORY = (
    "The minister announced on Thursday that Canada will resettle at least 40,000 Afghans, "
    "doubling its earlier commitment to refugees who helped its forces.\n\n"
    "Officials said the first flights carrying Afghans would land in Toronto next month, and "
    "that private sponsors would take in a share of the refugees."
)


def title_of(page: str, url: str | None = None, **fields) -> str | None:
    """The title the ETL stores for a page, with its sidecar address when given."""
    from etl.ingest import prepare
    from etl.metadata import SourceMeta

    document = raw(page, **fields)
    sidecar = {"a.txt": SourceMeta("a.txt", url=url)} if url else {}
    return prepare(document, sidecar).title


def test_a_breadcrumb_above_the_headline_is_not_the_title():
    page = (
        "Skip to main content\nYou are here: Canada.ca > Immigration, Refugees and Citizenship "
        "Canada > News\n\nNews release\n\nCanada doubles its commitment and will resettle 40,000 "
        "Afghans\n\n" + STORY
    )
    assert title_of(page) == "Canada doubles its commitment and will resettle 40,000 Afghans"


def test_an_app_offer_or_cookie_banner_is_not_the_title():
    page = (
        "Dhaka Tribune\n\nDownload the Dhaka Tribune app: Get the latest news on Android and iOS\n\n"
        "This website uses cookies. By continuing to use this site you consent to our cookie "
        "policy. OK\n\nHome > Bangladesh > Rohingya Crisis\n\nCanada pledges to resettle Afghan "
        "refugees as flights begin\n\nTribune Desk\n\n" + STORY
    )
    assert title_of(page) == "Canada pledges to resettle Afghan refugees as flights begin"


def test_a_line_that_only_dates_the_page_is_not_the_title():
    for stamp in ("20 July 2012 | 14:58", "11th May 2020, 15:26:08 UTC", "(5 years, 9 months ago)"):
        page = f"{stamp}\n\nCanada to resettle Afghans who helped its forces\n\n{STORY}"
        assert title_of(page) == "Canada to resettle Afghans who helped its forces", stamp


def test_a_date_stamp_run_into_the_headline_is_dropped():
    page = f" date 2018-06-11 Canada to resettle Afghans who helped its forces\n\n{STORY}"
    assert title_of(page) == "Canada to resettle Afghans who helped its forces"


def test_a_question_from_the_site_is_not_the_title_of_a_story_it_is_not_about():
    page = (
        "Got a TV Licence?\n\nYou need one to watch live TV on any channel or device, and "
        "programmes on the player. It is the law.\n\n" + STORY
    )
    assert title_of(page) is None


def test_bullets_and_link_rows_are_not_titles():
    page = (
        "Read Full debate Read Hansard Text Read Debate Extracts\n\n"
        "• Canada will resettle forty thousand Afghans over two years\n\n" + STORY
    )
    assert title_of(page) is None


def test_the_line_the_address_spells_out_is_the_title_with_the_pages_own_casing():
    page = (
        "Armed Clashes in Sudan\n\nNo Benefit in Talks Without Truce, Head of Sudan's Armed "
        "Forces Says\n\nThe talks in Jeddah will have no benefit without a ceasefire by the "
        "paramilitary forces, the head of Sudan's armed forces said on Monday in a statement."
    )
    url = "https://en.example.africa/20230509/no-benefit-in-talks-without-truce-head-of-sudans-armed-forces-says-1059132392.html"
    assert title_of(page, url) == (
        "No Benefit in Talks Without Truce, Head of Sudan's Armed Forces Says"
    )


def test_a_headline_printed_twice_at_the_top_is_the_title_even_when_it_ends_with_a_quote():
    headline = (
        "Russia invades Ukraine: Trudeau announces additional Canadian sanctions and ban on "
        'export permits after "horrific, unprovoked attack"'
    )
    page = f"{headline}\n\n{headline}\n\n{STORY}"
    assert title_of(page) == headline


def test_a_slug_title_is_written_as_the_article_writes_its_words():
    from etl.metadata import title_from_url

    url = "https://www.example.com/news/canada/2021/08/23/canada-has-evacuated-1700-people-out-of-kabul-including-900-afghans.html"
    text = "Canada flew 1,700 people out of Kabul. The Afghans who landed in Toronto were met by officials."
    assert title_from_url(url, text) == (
        "Canada has evacuated 1700 people out of Kabul including 900 Afghans"
    )
    assert title_from_url(
        "https://x.org/opinion/un-envoy-to-yemen-hopeful", "The UN envoy to Yemen."
    ) == ("UN envoy to Yemen hopeful")
    # A possessive the address lost comes back from the text; a trailing /amp is no slug.
    assert (
        title_from_url(
            "https://x.org/canadas-plan-to-resettle-refugees/amp", "Canada's plan was announced."
        )
        == "Canada's plan to resettle refugees"
    )
    # Whole titles only from the page: no lower-case slug when the text never names the words.
    page = f"Canada to resettle Afghans who helped its forces\n\n{STORY}"
    assert title_of(page, "https://x.org/news/canada-to-resettle-afghans") == (
        "Canada to resettle Afghans who helped its forces"
    )


def test_no_outlet_left_blank_when_the_page_or_its_address_names_one():
    from etl.ingest import prepare
    from etl.metadata import SourceMeta, outlet_from_domain

    masthead = raw(
        f"thestar.com\n\nMenu\n\nCanada to resettle Afghans who helped its forces\n\n{STORY}"
    )
    assert prepare(masthead, {}).outlet == "Toronto Star"
    unknown = raw(f"Canada to resettle Afghans who helped its forces\n\n{STORY}")
    sidecar = {
        "a.txt": SourceMeta("a.txt", url="https://www.thenews.mx/opinion/deadly-impasse/amp")
    }
    assert prepare(unknown, sidecar).outlet == "thenews.mx"
    assert outlet_from_domain("https://en.tengrinews.kz/politics/x-11612/") == "tengrinews.kz"
    assert outlet_from_domain(None) is None and outlet_from_domain("not an address") is None


def test_a_sentence_sharing_the_slugs_words_is_not_taken_for_the_headline():
    page = (
        "As of 31 January 2020, the official count of Syrian refugees in Lebanon is as "
        "follows: [4]\n\n" + STORY
    )
    url = "https://example.org/en/Refugees_of_the_Syrian_civil_war_in_Lebanon"
    assert title_of(page, url) == "Refugees of the Syrian civil war in Lebanon"


def test_a_heading_repeating_a_short_word_is_still_a_headline():
    page = f"Canada to resettle Afghans, to fly them to Toronto next month\n\n{STORY}"
    assert title_of(page) == "Canada to resettle Afghans, to fly them to Toronto next month"


def test_slug_words_the_text_writes_only_in_longer_forms_are_still_capitalised():
    from etl.metadata import title_from_url

    text = "Syrians fled as Canadians watched; the Nations met."
    assert title_from_url("https://x.org/a/syrian-refugees-and-canadian-aid", text) == (
        "Syrian refugees and Canadian aid"
    )


def test_a_slug_with_percent_encoded_quotes_reads_them_as_written():
    url = "https://example.org/news/%22we-live-in-a-changing-world%22-assad-says"
    from etl.metadata import title_from_url

    title = title_from_url(url, "Assad said: we live in a changing world.")
    assert title == '"we live in a changing world" Assad says'
    assert "%22" not in title

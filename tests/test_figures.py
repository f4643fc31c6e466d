"""etl.figures: counts of people, forces and money, with category, source, place and date.

Sentences are written in the genre of the corpus (wire copy on Syria, Ukraine, Sudan, Gaza,
Yemen, the Rohingya, Afghanistan); contexts are built by hand so these tests do not depend on
the actor resolver.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest

from etl.context import ArticleContext
from etl.figures import as_of, extract_figures, load_category_rules
from etl.nlp import load_nlp
from etl.types import FIGURE_CATEGORIES, Actor, Article, Mention, Statement

ACTORS = {
    a.actor_id: a
    for a in (
        Actor(
            "united-nations",
            "United Nations",
            "intergovernmental",
            None,
            ("UN", "U.N."),
        ),
        Actor(
            "unhcr",
            "UNHCR",
            "intergovernmental",
            "united-nations",
            ("UN refugee agency",),
        ),
        Actor(
            "iom",
            "International Organization for Migration",
            "intergovernmental",
            None,
            ("IOM",),
        ),
        Actor("canada", "Canada", "country", None),
        Actor("syria", "Syria", "country", None, ("Syrian",)),
        Actor("ukraine", "Ukraine", "country", None, ("Ukrainian",)),
        Actor("russia", "Russia", "country", None, ("Russian",)),
        Actor("sudan", "Sudan", "country", None),
        Actor(
            "gaza-health-ministry",
            "Gaza Health Ministry",
            "government",
            None,
            ("health ministry",),
        ),
        Actor("israel", "Israel", "country", None),
        Actor("john-mccallum", "John McCallum", "person", "canada", ("McCallum",)),
        Actor("chrystia-freeland", "Chrystia Freeland", "person", "canada", ("Freeland",)),
    )
}


@pytest.fixture(scope="session")
def nlp():
    return load_nlp()


def make_context(nlp, body: str, published: date | None = date(2023, 6, 15)) -> ArticleContext:
    """An article whose actor mentions are the given actors' names and aliases found in the body."""
    names = sorted(
        (
            (form, actor.actor_id)
            for actor in ACTORS.values()
            for form in (actor.name, *actor.aliases)
        ),
        key=lambda pair: -len(pair[0]),
    )
    mentions: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for form, actor_id in names:
        for match in re.finditer(rf"\b{re.escape(form)}\b", body):
            if any(s < match.end() and match.start() < e for s, e in taken):
                continue
            taken.append(match.span())
            mentions.append(Mention("a1", actor_id, match.start(), match.end(), form))
    article = Article(
        "a1",
        "a1.txt",
        None,
        None,
        None,
        published,
        "day" if published else None,
        "en",
        body,
        "sha",
    )
    return ArticleContext(
        article=article,
        doc=nlp(body),
        mentions=tuple(sorted(mentions, key=lambda m: m.char_start)),
        actors=ACTORS,
    )


def found(nlp, body: str, statements=()) -> list[tuple[float, str]]:
    return [(f.value, f.category) for f in extract_figures(make_context(nlp, body), statements)]


# Sentences of the genre, each with every figure it states (value, category) and nothing else.
CASES = [
    (
        "More than 6.5 million refugees have left Ukraine since February, the UN refugee agency says.",
        [(6_500_000, "refugees")],
    ),
    (
        "More than 5.6 million people have fled Syria since 2011.",
        [(5_600_000, "refugees")],
    ),
    (
        "The long-running civil war has forced 3.73 million to flee the country.",
        [(3_730_000, "refugees")],
    ),
    (
        "An estimated 5.1 million people are internally displaced inside Ukraine, according to the IOM.",
        [(5_100_000, "displaced")],
    ),
    (
        "Fighting in Sudan has displaced nearly 8 million people since April.",
        [(8_000_000, "displaced")],
    ),
    (
        "More than six million people are displaced within the country.",
        [(6_000_000, "displaced")],
    ),
    (
        "At least 40 civilians were killed and 120 wounded in the shelling of Kharkiv, officials said.",
        [(40, "killed"), (120, "injured")],
    ),
    (
        "The health ministry says more than 30,000 Palestinians have been killed.",
        [(30_000, "killed")],
    ),
    (
        "Soldiers were accused of summarily shooting 82 people dead in recaptured districts.",
        [(82, "killed")],
    ),
    (
        "Since 2014, more than 14,000 people have died in the conflict in eastern Ukraine.",
        [(14_000, "killed")],
    ),
    ("More than 200 aid workers have been killed in Gaza.", [(200, "killed")]),
    (
        "About 1.7 million people in Gaza, or 75 per cent of the population, have been displaced.",
        [(1_700_000, "displaced")],
    ),
    (
        "Nearly half a million people have been displaced by fighting in Tigray.",
        [(500_000, "displaced")],
    ),
    (
        "Some 700,000 Rohingya fled to Bangladesh after the 2017 military crackdown in Myanmar.",
        [(700_000, "refugees")],
    ),
    (
        "Turkey is hosting the largest number of registered refugees – 3.6 million, according to the UNHCR.",
        [(3_600_000, "refugees")],
    ),
    (
        "Around 250,000 people remain trapped in besieged eastern Aleppo.",
        [(250_000, "besieged")],
    ),
    (
        "The offensive puts the 3 million civilians in Idlib at risk.",
        [(3_000_000, "civilians")],
    ),
    (
        "Canada is on track to bring in 25,000 government-sponsored refugees by the end of 2016.",
        [(25_000, "resettled")],
    ),
    (
        "Canada has admitted about 34,000 refugees from Syria over the past 12 months.",
        [(34_000, "resettled")],
    ),
    (
        "Canada has resettled more than 40,000 Afghan refugees since August 2021.",
        [(40_000, "resettled")],
    ),
    (
        "Germany will take in 1,000 Afghan refugees a month under the new program.",
        [(1_000, "resettled")],
    ),
    (
        "Canada pledged $50 million in humanitarian assistance for Yemen.",
        [(50_000_000, "aid_money")],
    ),
    (
        "Donors pledged US$1.2 billion at the Brussels conference.",
        [(1_200_000_000, "aid_money")],
    ),
    (
        "The American military has trained only 50 soldiers after spending over $500 million.",
        [(50, "troops"), (500_000_000, "other")],
    ),
    (
        "Russia has massed about 100,000 troops near the border with Ukraine.",
        [(100_000, "troops")],
    ),
    (
        "Britain will send 2,500 soldiers to Estonia as part of the deployment.",
        [(2_500, "troops")],
    ),
    (
        "The paramilitary force has an estimated 100,000 fighters.",
        [(100_000, "troops")],
    ),
    ("The attack on the subway saw 16 people killed in April.", [(16, "killed")]),
    (
        "The fighting has killed at least 300 people and injured 1,400, according to the WHO.",
        [(300, "killed"), (1_400, "injured")],
    ),
    (
        "More than 2 million refugees have crossed into Poland. About 90,000 have stayed in Moldova.",
        [(2_000_000, "refugees"), (90_000, "refugees")],
    ),
    (
        "Over 2.1 million Ukrainians have fled west. Hungary has received 400,000 of them.",
        [(2_100_000, "refugees"), (400_000, "refugees")],
    ),
    (
        "About 1.2 million of Kharkiv's 1.4 million people have been displaced, officials say.",
        [(1_200_000, "displaced"), (1_400_000, "civilians")],
    ),
    (
        "Fourteen members of the crew died when the boat capsized off Libya.",
        [(14, "killed")],
    ),
    (
        "About 15,000 Yazidis fled to Mount Sinjar as the militants advanced.",
        [(15_000, "refugees")],
    ),
    (
        "Some 10 million people face acute food insecurity this winter.",
        [(10_000_000, "other")],
    ),
    (
        "Donors pledged €2 billion for the region. Of the total, €1.5 billion will go to Jordan.",
        [(2_000_000_000, "aid_money"), (1_500_000_000, "aid_money")],
    ),
    ("The World Bank put the damage at $5 billion.", [(5_000_000_000, "other")]),
    (
        "Nearly four million people have fled, and the agency counted 3,960,000 refugees on Friday.",
        [(3_960_000, "refugees")],
    ),
    (
        "The death toll from the strike on the market has climbed to 60, officials said.",
        [(60, "killed")],
    ),
    (
        "The army has lost as many as 9,000 soldiers, according to Western estimates.",
        [(9_000, "killed")],
    ),
    # Not figures: vague amounts, ages, durations, dates, shares, prices, narrative numbers.
    ("Bread now costs 5,000 Syrian pounds in Aleppo.", []),
    ("Rations were cut from $12 to $8 per person a month.", []),
    ("The 15 members of the Security Council met behind closed doors.", []),
    ("Save the Children said children under the age of five are most at risk.", []),
    ("Thousands of people have fled, and tens of thousands more are trapped.", []),
    ("The two leaders met for 90 minutes in Geneva on June 16.", []),
    ("The Security Council voted 13-2, its 14th vote on the crisis.", []),
    ("A four-year-old girl was among the dead, and a 12-year-old boy was injured.", []),
    ("More than 90 per cent of Russian airstrikes hit moderate forces.", []),
    (
        "Coalition airstrikes have hit more than 600 hospitals and 1.6 million homes.",
        [],
    ),
    ("Just $1.99 per week for the first 24 weeks.", []),
    ("One Russian official said it was one of the worst crises in decades.", []),
    ("Only 20 trucks of aid entered Gaza on Saturday.", []),
    ("Dozens of people were killed in the 2017 attack.", []),
]


@pytest.mark.parametrize(("body", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_each_stated_count_of_people_forces_or_money_is_one_figure_of_its_category(
    nlp, body, expected
):
    assert found(nlp, body) == expected


# A wider specification written blind, before the rules were tuned (2023-era crises: Libya
# floods, Karabakh, Haiti, Tigray, DRC, Sahel, Myanmar, Gaza, Afghanistan, Türkiye-Syria quake):
# varied wordings of tolls, missing people, flight, hosting, police and peacekeepers, appeals,
# and things that are not figures (ages, shares, tallies, prices, identifiers, vague amounts,
# sidebar headlines).
WIDER_CASES = [
    # behaviours found while probing
    (
        "Turkey hosts 3.6 million Syrians, the largest refugee population in the world.",
        [(3_600_000, "refugees")],
    ),
    ("The United States will send a force of 2,000 to the region.", [(2_000, "troops")]),
    (
        "Israel says 1,200 people were killed in the attack and 240 were taken hostage.",
        [(1_200, "killed"), (240, "other")],
    ),
    (
        "The UN says 4.1 million people in the northwest rely on humanitarian aid.",
        [(4_100_000, "other")],
    ),
    (
        "The Netherlands announced 10 million euros for the Libyan Red Crescent.",
        [(10_000_000, "aid_money")],
    ),
    (
        "The World Food Programme said it needed $400 million to feed 7 million people.",
        [(400_000_000, "aid_money"), (7_000_000, "other")],
    ),
    (
        "Over 4,000 Ethiopian soldiers crossed into Sudan to escape the fighting.",
        [(4_000, "troops")],
    ),
    ("Gunmen kidnapped 287 pupils from a school in Kaduna.", [(287, "other")]),
    (
        "The death toll from the floods in Derna rose to 5,300 on Wednesday, officials said.",
        [(5_300, "killed")],
    ),
    (
        "At least 11,300 people are missing after the dams burst, the Red Crescent said.",
        [(11_300, "other")],
    ),
    (
        "Some 70,500 ethnic Armenians have crossed into Armenia from Nagorno-Karabakh.",
        [(70_500, "refugees")],
    ),
    ("Kenya has offered to lead a mission of 1,000 police officers to Haiti.", [(1_000, "troops")]),
    (
        "Washington announced $21 million in emergency aid for Libya on Tuesday.",
        [(21_000_000, "aid_money")],
    ),
    (
        "The UN launched an appeal for $71.4 million to help 250,000 people affected by the floods.",
        [(71_400_000, "aid_money"), (250_000, "other")],
    ),
    (
        "The African Union force will include 4,000 peacekeepers from Burundi and Uganda.",
        [(4_000, "troops")],
    ),
    (
        "About 2.3 million Venezuelans have left the country since 2014, the UN said.",
        [(2_300_000, "refugees")],
    ),
    ("The Kutupalong refugee camp hosts 930,000 people.", [(930_000, "refugees")]),
    ("A 12-year-old boy was among those killed in the airstrike on Idlib.", []),
    ("Only 41 per cent of the appeal has been funded, the agency said.", []),
    ("The Security Council voted 13-0 to extend the mission in South Sudan.", []),
    ("Many families in Kabul now live on less than $2 per day.", []),
    ("Resolution 2699 authorises the deployment of a multinational force to Haiti.", []),
    ("Hundreds of thousands of people have fled the fighting in Khartoum.", []),
    ("Moscow ordered 41 diplomats to leave the country.", [(41, "other")]),
    ("Some 20,000 people need shelter in Herat after the earthquake.", [(20_000, "other")]),
    (
        "The missile strike killed 12 people in Dnipro, injuring 230 others.",
        [(12, "killed"), (230, "injured")],
    ),
    ("Azerbaijan had massed 3,000 soldiers near the line of contact.", [(3_000, "troops")]),
    (
        "The town, which has a population of 120,000, was left without power.",
        [(120_000, "civilians")],
    ),
    (
        "The war in Tigray has left 5.2 million people in need of food aid.",
        [(5_200_000, "other")],
    ),
    ("About 60,000 Ethiopians have fled into Sudan since November 2020.", [(60_000, "refugees")]),
    (
        "Fighting in North Kivu has displaced more than 6.9 million people, the IOM said.",
        [(6_900_000, "displaced")],
    ),
    ("Canada has resettled more than 40,000 Afghans since August 2021.", [(40_000, "resettled")]),
    (
        "Israeli strikes have killed more than 30,000 Palestinians in Gaza, the health ministry says.",
        [(30_000, "killed")],
    ),
    (
        "About 1.7 million people in Gaza have been forced from their homes.",
        [(1_700_000, "displaced")],
    ),
    (
        "The World Bank approved a $1.78 billion grant for earthquake recovery.",
        [(1_780_000_000, "aid_money")],
    ),
    ("Across the Sahel, 2.5 million people are internally displaced.", [(2_500_000, "displaced")]),
    (
        "The junta has detained more than 20,000 people since the coup, a rights group said.",
        [(20_000, "other")],
    ),
    ("France will pull its 1,500 troops out of Niger by the end of the year.", [(1_500, "troops")]),
    (
        "Donors pledged $1.5 billion for Sudan at a conference in Paris.",
        [(1_500_000_000, "aid_money")],
    ),
    (
        "The quake left 2,400 dead and 10,000 injured in the province of Herat.",
        [(2_400, "killed"), (10_000, "injured")],
    ),
    ("Wagner is believed to have around 1,500 fighters in Mali.", [(1_500, "troops")]),
    (
        "Some 100,000 civilians remain trapped in the besieged city of Mariupol.",
        [(100_000, "besieged")],
    ),
    ("Fuel now sells for $9 a gallon in Port-au-Prince.", []),
    (
        "Gang violence has displaced 200,000 Haitians, and 2,400 people were killed in the first half of the year.",
        [(200_000, "displaced"), (2_400, "killed")],
    ),
    (
        "Chad is hosting more than 400,000 refugees from Darfur, the UN refugee agency said.",
        [(400_000, "refugees")],
    ),
    (
        "The European Union announced €25 million in humanitarian assistance for the Sahel.",
        [(25_000_000, "aid_money")],
    ),
    (
        "MOST READ\nMorocco earthquake: The 2,946 dead and the villages left behind\nOpinion: Why the Sahel coups matter\n",
        [],
    ),
    (
        "Russia has deployed about 190,000 troops along Ukraine's borders, US officials said.",
        [(190_000, "troops")],
    ),
    ("The number of dead in Antakya climbed to 6,100, rescuers said.", [(6_100, "killed")]),
    ("Officials said 2,000 people were still unaccounted for in Derna.", [(2_000, "other")]),
    (
        "Rwanda has sent 1,000 police and soldiers to Mozambique's Cabo Delgado province.",
        [(1_000, "troops")],
    ),
    (
        "Britain pledged £10 million to support the rescue effort in Syria.",
        [(10_000_000, "aid_money")],
    ),
    (
        "The flash appeal seeks $397 million to reach 5 million people in Turkey.",
        [(397_000_000, "aid_money"), (5_000_000, "other")],
    ),
    ("A total of 2,500 Kenyan police will serve in the security mission.", [(2_500, "troops")]),
    (
        "More than 4 million Afghans have sought refuge in Iran and Pakistan.",
        [(4_000_000, "refugees")],
    ),
    ("The Zaatari camp is home to 80,000 Syrian refugees.", [(80_000, "refugees")]),
    ("The victims included a 7-year-old girl and her 45-year-old father.", []),
    ("Food prices rose by 60 percent in Khartoum last month.", []),
    ("The General Assembly adopted the text by 141 votes to 5.", []),
    ("Bread costs 5,000 pounds a loaf in Juba.", []),
    ("Tens of thousands of Tigrayans remain in camps in eastern Sudan.", []),
    (
        "Some 3.4 million people in South Sudan face acute food insecurity.",
        [(3_400_000, "other")],
    ),
    (
        "The blast killed at least 53 people and wounded more than 100, the Taliban said.",
        [(53, "killed"), (100, "injured")],
    ),
    ("Kyiv says it has trained 20,000 new recruits this year.", [(20_000, "troops")]),
    ("The shelling forced 25,000 people to leave their homes in Rafah.", [(25_000, "displaced")]),
    (
        "The EU has provided €1.2 billion in humanitarian aid to Afghanistan since 2021.",
        [(1_200_000_000, "aid_money")],
    ),
    (  # a population stated by apposition before the number ("home to")
        "The province of Hatay, home to 1.6 million people, was among the worst hit.",
        [(1_600_000, "civilians")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), WIDER_CASES, ids=[c[0][:40] for c in WIDER_CASES])
def test_counts_are_read_across_crises_and_wordings(nlp, body, expected):
    assert found(nlp, body) == expected


# Wordings the rules do not read yet: an uncued demonym with a verb of arrival the cue list
# lacks.
KNOWN_GAPS = [
    (
        "Nearly 100,000 Karabakh Armenians poured into Armenia within a week.",
        [(100_000, "refugees")],
    ),
]


@pytest.mark.xfail(strict=True, reason="not read yet; see KNOWN_GAPS")
@pytest.mark.parametrize(("body", "expected"), KNOWN_GAPS, ids=[c[0][:40] for c in KNOWN_GAPS])
def test_known_gaps_in_reading_counts(nlp, body, expected):
    assert found(nlp, body) == expected


def test_according_to_names_the_source_of_a_figure(nlp):
    body = "An estimated 5.1 million people are internally displaced inside Ukraine, according to the IOM."
    [figure] = extract_figures(make_context(nlp, body), [])
    assert figure.attributed_to_id == "iom"


def test_the_subject_of_a_reporting_verb_is_the_source(nlp):
    body = "The health ministry says more than 30,000 Palestinians have been killed."
    [figure] = extract_figures(make_context(nlp, body), [])
    assert figure.attributed_to_id == "gaza-health-ministry"


def test_a_figure_inside_a_statement_is_attributed_to_its_speaker(nlp):
    body = "Freeland warned of a “disastrous humanitarian impact for the 3 million civilians” in Idlib."
    start = body.index("disastrous")
    end = body.index("”")
    quote = Statement(
        "s1",
        "a1",
        "chrystia-freeland",
        "Freeland",
        body[start:end],
        True,
        None,
        start,
        end,
    )
    [figure] = extract_figures(make_context(nlp, body), [quote])
    assert (figure.category, figure.attributed_to_id) == (
        "civilians",
        "chrystia-freeland",
    )


def test_an_explicit_source_in_the_sentence_beats_the_statement_speaker(nlp):
    body = (
        "McCallum noted that 3.73 million have fled the country, according to the United Nations."
    )
    statement = Statement("s1", "a1", "john-mccallum", "McCallum", body, False, None, 0, len(body))
    [figure] = extract_figures(make_context(nlp, body), [statement])
    assert figure.attributed_to_id == "united-nations"


def test_an_unsourced_figure_has_no_attribution(nlp):
    [figure] = extract_figures(
        make_context(nlp, "More than 200 aid workers have been killed in Gaza."), []
    )
    assert figure.attributed_to_id is None


def test_the_figure_row_carries_value_text_qualifier_and_spans(nlp):
    body = "Aid groups met in Geneva.\n\nMore than 5.6 million people have fled Syria since 2011."
    ctx = make_context(nlp, body)
    [figure] = extract_figures(ctx, [])
    assert (figure.value, figure.value_text, figure.qualifier) == (
        5_600_000,
        "5.6 million",
        "more than",
    )
    assert body[figure.char_start : figure.char_end] == figure.evidence == body.split("\n\n")[1]
    assert body[figure.value_start : figure.value_end] == "5.6 million"


def test_figure_ids_are_stable_across_runs(nlp):
    body = "More than 5.6 million people have fled Syria since 2011."
    first = extract_figures(make_context(nlp, body), [])
    second = extract_figures(make_context(nlp, body), [])
    assert [f.figure_id for f in first] == [f.figure_id for f in second]


@pytest.mark.parametrize(
    ("body", "location"),
    [
        ("More than 5.6 million people have fled Syria since 2011.", "Syria"),
        ("The offensive puts the 3 million civilians in Idlib at risk.", "Idlib"),
        (
            "Canada has admitted about 34,000 refugees from Syria over the past 12 months.",
            "Canada",
        ),
        ("The Syrian civil war has forced 3.73 million to flee the country.", "Syria"),
        ("The American military has trained only 50 soldiers.", None),
    ],
)
def test_the_location_is_the_place_the_figure_is_about(nlp, body, location):
    [figure] = extract_figures(make_context(nlp, body), [])
    assert figure.location == location


def test_the_subject_names_what_is_counted(nlp):
    body = "Canada is on track to bring in 25,000 government-sponsored refugees by the end of 2016."
    [figure] = extract_figures(make_context(nlp, body), [])
    assert figure.subject == "government-sponsored refugees"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("bring in 25,000 refugees by the end of 2016", (date(2016, 1, 1), "year")),
        ("16 people killed on June 3, 2017", (date(2017, 6, 3), "day")),
        ("16 people killed in April", (date(2023, 4, 1), "month")),
        ("16 people killed in September", (date(2022, 9, 1), "month")),
        ("5.6 million people have fled since 2011", (date(2023, 6, 15), "day")),
        ("5.6 million people have fled", (date(2023, 6, 15), "day")),
    ],
)
def test_as_of_is_an_explicit_date_else_the_published_date(sentence, expected):
    assert as_of(sentence, date(2023, 6, 15), "day") == expected


def test_without_a_published_date_an_undated_figure_has_no_as_of_date():
    assert as_of("5.6 million people have fled", None, None) == (None, None)


def test_page_furniture_around_a_story_yields_no_figures(nlp):
    body = (
        "8 years ago\nDuration 1:54\nJust $1.99per week for the first 24weeks\n"
        "1.6 million public chargers needed in Canada for EV transition\n"
        "Suite 1800, 150–9th Avenue SW\nPhone: (613) 288-2529\n"
        "  1. Follow topics and authors relevant to your reading interests.\n"
    )
    assert found(nlp, body) == []


SEEDS = sorted((Path(__file__).parent / "gold").glob("*.json"))
RAW = Path(__file__).parent.parent / "data" / "raw"


@pytest.mark.parametrize("gold_path", SEEDS, ids=[p.stem for p in SEEDS])
def test_seed_articles_yield_exactly_their_gold_figures(nlp, gold_path):
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    body = (RAW / gold["file"]).read_text(encoding="utf-8")
    predicted = {(f.value, f.category) for f in extract_figures(make_context(nlp, body), [])}
    expected = {(float(g["value"]), g["category"]) for g in gold.get("figures", [])}
    assert predicted == expected


def test_category_rules_use_the_contract_vocabulary():
    rules = load_category_rules()
    assert set(rules.cues) <= set(FIGURE_CATEGORIES)
    assert set(rules.nouns) <= set(FIGURE_CATEGORIES)
    assert {"people", "forces", "money", "cued"} <= set(rules.noun_classes)


def test_an_analyst_can_add_a_cue_in_the_rules_file(tmp_path):
    path = tmp_path / "figure_categories.txt"
    path.write_text(
        "# comment\nnoun people: people\ncue killed: perish at sea, lost at sea\naid money: aid\n",
        encoding="utf-8",
    )
    rules = load_category_rules(path)
    assert ("lost", "at", "sea") in rules.cues["killed"]
    assert rules.noun_classes["people"] == frozenset({("people",)})


# --- tables and lists of numbers (GOLD.md: one figure per row, the heading's category) -------

TABLE_CASES = [
    (
        "Refugees registered with UNHCR in the region, by host country:\n\n"
        "Country | Registered | Share |\n---|---|---|\n"
        "Jordan | 612,000 | 40% |\nIraq | 245,300 | 16% |\nEgypt | 131,900 | 9% |",
        [(612_000, "refugees"), (245_300, "refugees"), (131_900, "refugees")],
    ),
    (
        "Registered Afghan refugees by province\n\nBalochistan 320,000\n\nSindh: 74,500\n\n"
        "Punjab – 162,300",
        [(320_000, "refugees"), (74_500, "refugees"), (162_300, "refugees")],
    ),
    (
        "KEY FIGURES\n\nInternally displaced people 2.4 M\n\nPeople killed 12,190\n\n"
        "Response plan 2023\n\n2.6 billion requested (US$)",
        [(2_400_000, "displaced"), (12_190, "killed"), (2_600_000_000, "aid_money")],
    ),
    (
        "The resettlement programme in numbers.\n\n"
        "40,000: Number of Afghans the government pledged to resettle by 2024.\n\n"
        "12: Number of charter flights chartered in March.\n\n"
        "8,215: Number of privately sponsored refugees who have arrived so far.\n\n"
        "3,900: Number of government-assisted refugees who have arrived so far.",
        [(40_000, "resettled"), (8_215, "resettled"), (3_900, "resettled")],
    ),
    (
        "AT A GLANCE\n\nPopulation movements Jan-March 2022 148,300\n\nReturnees 2021 61,900",
        [(148_300, "displaced"), (61_900, "other")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), TABLE_CASES, ids=[c[0][:30] for c in TABLE_CASES])
def test_each_row_of_a_table_or_list_is_a_figure_with_its_headings_category(nlp, body, expected):
    assert found(nlp, body) == expected


def test_a_table_row_takes_its_place_from_its_label(nlp):
    body = (
        "Refugees hosted by neighbouring countries, by country:\n\n"
        "Country | Refugees |\n---|---|\nLebanon | 805,300 |\nTurkey | 3,210,000 |"
    )
    figures = extract_figures(make_context(nlp, body), ())
    assert [(f.value, f.location) for f in figures] == [(805_300, "Lebanon"), (3_210_000, "Turkey")]


def test_numbers_in_a_table_of_things_that_are_not_people_are_not_figures(nlp):
    body = "Damage by district:\n\nDistrict | Buildings destroyed |\n---|---|\nHama | 1,240 |"
    assert found(nlp, body) == []


# --- categories decided by what is counted (GOLD.md), not by the nearest noun ---------------

CATEGORY_CASES = [
    ("About 2 million civilians in Darfur are in need of food aid.", [(2_000_000, "other")]),
    ("Some 600 Afghans were still waiting at the airport gates.", [(600, "other")]),
    ("Nearly 41,000 returnees crossed back into Burundi this year.", [(41_000, "other")]),
    ("The fighting has claimed more than 12,000 lives since April.", [(12_000, "killed")]),
    ("An assault on the port could cost as many as 80,000 lives.", [(80_000, "killed")]),
    ("Britain said it would raise its quota to 20,000 refugees.", [(20_000, "resettled")]),
    ("Ottawa is resettling 4,500 government-assisted Yazidi refugees.", [(4_500, "resettled")]),
    ("The violence has driven 900,000 people out of the country.", [(900_000, "refugees")]),
    (
        "More than 2 million Ukrainians have arrived in neighbouring countries.",
        [(2_000_000, "refugees")],
    ),
    ("At least 4,000 people have left the city since the truce.", [(4_000, "displaced")]),
    (
        "Hospitals reported 212 people injured and 48 dead after the strike.",
        [(212, "injured"), (48, "killed")],
    ),
    (
        "Ottawa has approved about half of the 9,600 Afghans in need of resettlement.",
        [(9_600, "resettled")],
    ),
    (
        "The number of refugees in Chad rose from 120,000 to 410,000 in three months.",
        [(120_000, "refugees"), (410_000, "refugees")],
    ),
    (
        "The number of people who fled Sudan has reached 1,250,600, the agency said.",
        [(1_250_600, "refugees")],
    ),
]


@pytest.mark.parametrize(
    ("body", "expected"), CATEGORY_CASES, ids=[c[0][:40] for c in CATEGORY_CASES]
)
def test_the_category_is_what_is_counted(nlp, body, expected):
    assert found(nlp, body) == expected


def test_a_small_set_needed_by_a_vote_is_not_a_figure(nlp):
    assert found(nlp, "The text needed the support of all five permanent members.") == []


LIST_CASES = [
    (
        "Chad (410,000), Egypt (415,000) and South Sudan (180,000) host most of the refugees "
        "who fled Sudan.",
        [(410_000, "refugees"), (415_000, "refugees"), (180_000, "refugees")],
    ),
    (
        "Some 210,000 people fled to Chad, 98,400 to Egypt and 41,250 to Ethiopia.",
        [(210_000, "refugees"), (98_400, "refugees"), (41_250, "refugees")],
    ),
]


@pytest.mark.parametrize(("body", "expected"), LIST_CASES, ids=[c[0][:40] for c in LIST_CASES])
def test_counts_listed_in_a_sentence_take_the_category_of_the_list(nlp, body, expected):
    assert found(nlp, body) == expected


def test_a_count_listed_after_a_place_is_located_there(nlp):
    body = "Chad (410,000), Egypt (415,000) and South Sudan (180,000) host the refugees."
    figures = extract_figures(make_context(nlp, body), ())
    assert [f.location for f in figures] == ["Chad", "Egypt", "South Sudan"]


def test_refugees_counted_in_a_resettling_country_are_resettled(nlp):
    body = (
        "Canada's resettlement programme for Syrians has passed its target.\n\n"
        "Manitoba is now hosting 2,140 refugees, and Nova Scotia is home to 1,020 refugees.\n\n"
        "Privately sponsored refugees make up half of the total, and resettlement officers say "
        "sponsorship groups in Canada are still forming. Canada expects more in the spring.\n\n"
        "Sudan hosts 1.1 million refugees."
    )
    assert found(nlp, body) == [
        (2_140, "resettled"),
        (1_020, "resettled"),
        (1_100_000, "refugees"),
    ]


def test_refugees_in_the_camps_of_a_first_asylum_country_stay_refugees(nlp):
    body = (
        "Sponsors in Canada pledged to resettle more families from the camps.\n\n"
        "Some 612,000 refugees live in the camps, and resettlement offers remain few. "
        "Resettlement officials visited the camps in Jordan."
    )
    assert found(nlp, body) == [(612_000, "refugees")]


@pytest.mark.parametrize(
    "body",
    [
        "The company's market value of $2.4 trillion dwarfs its rivals.",
        "Parliament approved a defence budget of $52 billion for next year.",
    ],
)
def test_sums_outside_the_subject_are_not_figures(nlp, body):
    assert found(nlp, body) == []


def test_a_budget_sum_for_aid_is_still_aid_money(nlp):
    body = "The EU will give €400 million from its annual budget for humanitarian aid in Sudan."
    assert found(nlp, body) == [(400_000_000, "aid_money")]


def test_a_resettlement_target_is_resettled(nlp):
    body = "Ottawa says it will meet its target of 5,000 people by the end of March."
    assert found(nlp, body) == [(5_000, "resettled")]


def test_people_a_third_country_flies_out_are_resettled(nlp):
    body = "Officials said Germany had flown out 2,300 people on 11 flights from the airport."
    assert found(nlp, body) == [(2_300, "resettled")]


def test_a_bare_count_a_country_hosts_is_refugees(nlp):
    assert found(nlp, "Pakistan hosts 1.3 million, more than any country but Iran.") == [
        (1_300_000, "refugees")
    ]

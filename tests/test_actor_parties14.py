"""A person's country from his party or parliament (round of issue 9, actors14): a legislator the
gazetteer lacks, named with a party in his title, appositive, parentheses or a parliamentary
record's label line, belongs to the party's country (`etl/rules/parties.txt`); a member named on a
label line with no party keeps none (the actors11 convention, re-measured). Pooled
over real_dev … real_dev12, a person with no country or the story's country was the commonest
wrong speaker country, and most of them were members in debates. Sentences written for these tests.

Each rule has probes that look like its trigger but must not fire (other senses of the party words,
prose appositives, headlines, bylines and captions, a citizen who only mentions a parliament)."""

import pytest

from etl.actors import resolve_mentions


@pytest.fixture(scope="module")
def countries(nlp, gazetteer):
    def run(text):
        _, new = resolve_mentions(nlp(text), "a1", gazetteer)
        return {a.actor_id: a.country_id for a in new if a.kind == "person"}

    return run


# --- a party names the country ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person", "country"),
    [
        # a Commons record's label line, on a page about Syria: the member is British
        (
            "Jeremy Corbyn (Islington North) (Lab): The Prime Minister has not made the case "
            "for bombing Syria.",
            "jeremy-corbyn",
            "united-kingdom",
        ),
        (
            "The debate on Syria went late into the night. Syria's war was the only subject.\n"
            "Mary Fenwick (Westfield South) (Con): I thank the Minister for his statement.",
            "mary-fenwick",
            "united-kingdom",
        ),
        (
            "Photo of Jane Holloway Jane Holloway Labour/Co-operative, Leeds East\n"
            "The Syrian regime has used chemical weapons again in Syria.",
            "jane-holloway",
            "united-kingdom",
        ),
        # "Conservative" is British and Canadian: the page's own country decides
        (
            "Chris Bellamy ConservativeParliamentary Secretary to the Minister of Finance\n"
            "Mr. Speaker, Canada must do more for the people of Syria.",
            "chris-bellamy",
            "canada",
        ),
        (
            "Labour leader Tom Hartley said the strikes in Syria were a mistake.",
            "tom-hartley",
            "united-kingdom",
        ),
        (
            "Senator Ann Crowley (R-Ohio) said the administration had no plan for Syria.",
            "ann-crowley",
            "united-states",
        ),
    ],
)
def test_party_gives_the_persons_country(countries, text, person, country):
    assert countries(text)[person] == country


# --- a member with no party keeps no country (the actors11 convention) ------------------------


def test_member_with_only_a_riding_or_a_parliament_gets_no_country(countries):
    # Tried and not kept this round too: the parliament's country on such members moved no
    # gold row and dropped real_dev8 ht02's stance of the Syrian National Council.
    text = (
        "House of Commons debate on Syria.\n"
        "Sophie Tremblay Laval—Les Îles, QC\n"
        "Mr. Speaker, the people of Syria have suffered for five years."
    )
    assert countries(text)["sophie-tremblay"] is None


# --- probes that must not fire -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "person"),
    [
        (
            "Conservative estimates put the toll at 500, aid worker Lina Saad said in Aleppo.",
            "lina-saad",
        ),
        # a headline acts: its party word is no label
        (
            "Activist Omar Nasser slams Labour's silence on Syria\nThe activist lives in Gaziantep.",
            "omar-nasser",
        ),
        # a party named in what he said, not in his title
        (
            "Ali Hamdan, who fled Aleppo in 2016, said the Conservative government in London had "
            "forgotten them.",
            "ali-hamdan",
        ),
        (
            "The Labour market in Syria has collapsed, economist Rana Haddad told reporters.",
            "rana-haddad",
        ),
        ("Farah Mansour\nLiberal arts teacher, Homs", "farah-mansour"),
        (
            "Sami Barakat, a refugee in Jordan, hopes one day to vote for the Democrats in an "
            "American election.",
            "sami-barakat",
        ),
        (
            '"We were forgotten," Karim Aziz told the Labour Party conference in Liverpool.',
            "karim-aziz",
        ),
        # bylines, captions and prose on a page that names a parliament
        (
            "By Sarah Jennings\nLONDON - The House of Commons voted on Wednesday to extend air "
            "strikes against Islamic State into Syria.",
            "sarah-jennings",
        ),
        (
            "Amira Khalil\nThe Commons debate on Syria was watched closely in the camps of "
            "Lebanon, where refugees hope for resettlement.",
            "amira-khalil",
        ),
        (
            "Photo: Daniel Novak\nMembers of the Bundestag debated the deployment of German jets "
            "over Syria.",
            "daniel-novak",
        ),
        # "Labour" in a portfolio is no party
        (
            "Post-Secondary Education, Training and Labour Minister Nadia Cormier said the "
            "province would welcome 1,500 refugees from Syria.",
            "nadia-cormier",
        ),
        (
            "Omar Haddad, a shopkeeper from Homs, said he had followed the House of Commons vote "
            "on television.",
            "omar-haddad",
        ),
        (
            "The Knesset approved the measure. Yossi Levin, a reservist from Haifa, said he would "
            "not serve in Syria.",
            "yossi-levin",
        ),
    ],
)
def test_party_and_parliament_words_outside_a_title_or_label_give_no_country(
    countries, text, person
):
    found = countries(text)
    assert person in found
    assert found[person] is None

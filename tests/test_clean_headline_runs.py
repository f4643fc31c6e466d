"""Other stories' headlines run together on one bullet-separated line (a wire page's "Off the
wire" ticker, real_dev10) are page furniture: each would otherwise read as a statement ("NATO
chief stresses ...", "... denies ..."). Lines invented; the probes must stay."""

from etl.clean import clean_text, is_headline_run

TICKER = (
    "Flood waters reach old town bridge  \u2022 EU envoy urges restraint on border dispute  "
    "\u2022 Copper prices slip on weak demand  \u2022 Navy denies collision with fishing boat  "
    "\u2022 Hospital strike enters third week"
)


def test_a_bullet_run_of_other_stories_headlines_is_dropped():
    page = (
        f"Latest\n{TICKER}\n\nAid convoy reaches the besieged town\n\nThe convoy of 40 trucks "
        "reached the town on Tuesday, the Red Cross said in a statement."
    )
    body = clean_text(page)
    assert "EU envoy urges restraint" not in body
    assert "Navy denies collision" not in body
    assert "the Red Cross said in a statement." in body


def test_the_ticker_line_is_a_headline_run():
    assert is_headline_run(TICKER)


# --- probes: must stay ----------------------------------------------------------------------


def test_probe_a_bullet_run_of_finished_sentences_is_not_a_headline_run():
    line = (
        "\u2022 More than 7,000 people crossed the border on Monday. \u2022 The airport stayed "
        "closed. \u2022 Two convoys were turned back. \u2022 The UN called for calm."
    )
    assert not is_headline_run(line)


def test_probe_a_table_row_with_bars_is_not_a_headline_run():
    assert not is_headline_run("Bekaa | 344,013 | 37.8% | North | 250,112 | 27.1%")


def test_probe_three_bulleted_items_are_not_enough():
    assert not is_headline_run("Aid  \u2022 Refugees  \u2022 Ceasefire talks resume in Geneva")


def test_probe_a_long_bulleted_paragraph_is_not_a_headline_run():
    line = (
        "\u2022 The minister said the government would keep the crossings open for as long as "
        "the fighting lasts and would ask donors for more help with the camps  \u2022 Shelling "
        "resumed  \u2022 Talks stalled  \u2022 Trucks waited"
    )
    assert not is_headline_run(line)

"""Article text is untrusted: it is escaped, and highlights nest without breaking the markup."""

import pandas as pd

from briefing.text import Highlight, article_html, highlight_html


def test_script_tags_in_article_text_are_escaped():
    out = highlight_html(
        "Syria said <script>alert('x')</script> today.",
        [Highlight("actor", 0, 5, "Syria")],
    )
    assert "<script>" not in out
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in out


def test_labels_are_escaped_too():
    out = highlight_html("Canada", [Highlight("actor", 0, 6, '"><img src=x onerror=alert(1)>')])
    assert "<img" not in out


def test_nested_spans_carry_every_kind_covering_them():
    text = "“Russia is complicit,” she said."
    out = highlight_html(text, [Highlight("quote", 0, 22), Highlight("actor", 1, 7, "Russia")])
    assert '<span class="hl hl-actor hl-quote" title="quote; Russia">Russia</span>' in out
    assert '<span class="hl hl-quote" title="quote"> is complicit,”</span>' in out
    assert out.endswith(" she said.")


def test_out_of_range_and_unknown_highlights_are_ignored():
    assert highlight_html("abc", [Highlight("actor", 2, 10), Highlight("weather", 0, 1)]) == "abc"


def test_article_html_has_a_legend_and_keeps_the_text():
    out = article_html("5.6 million fled", [Highlight("figure", 0, 11, "refugees: 5.6 million")])
    assert "figure" in out and "actor mention" in out
    assert 'title="refugees: 5.6 million">5.6 million</span> fled' in out


def test_a_table_shows_a_missing_link_as_a_blank_cell_not_none():
    from briefing.ui import blank_links

    frame = pd.DataFrame({"url": ["https://example.org/a", None, float("nan")], "n": [1, 2, 3]})
    shown = blank_links(frame, ["url", "absent"])
    assert list(shown["url"]) == ["https://example.org/a", "", ""]
    assert list(shown["n"]) == [1, 2, 3]

"""Sourced lines as one block of escaped HTML, and data text as HTML with its addresses linked."""

from __future__ import annotations

from html import escape

from policy_model.schema import Source
from ui.citation import sourced_lines_html
from ui.text import html_escape, md_escape


def test_html_escape_escapes_markup_and_links_the_addresses_md_escape_links():
    text = "<script>x</script> & mail rz.gli@cz.nl of zie www.cz.nl/gli, niet javascript:alert(1) of x@@evil.invalid"
    html = html_escape(text)
    assert "<script>" not in html and "&lt;script&gt;x&lt;/script&gt; &amp;" in html
    assert "<a href='mailto:rz.gli@cz.nl' target='_blank' rel='noopener noreferrer'>rz.gli@cz.nl</a>" in html
    assert "<a href='https://www.cz.nl/gli' target='_blank' rel='noopener noreferrer'>www.cz.nl/gli</a>," in html
    assert html.count("<a ") == 2 == md_escape(text).count("](")  # the same addresses, each showing itself
    assert html_escape("https://a.nl/?a=1&b='2'").startswith("<a href='https://a.nl/?a=1&amp;b=' ")


def test_sourced_lines_carry_section_quote_and_link_escaped_and_drop_empty_sections(cat):
    policy = cat.policy("cz", 2027)
    good = policy.contract_routes[0].source
    hostile = Source(document=good.document, section="2.2 <i>x</i>", quote="“<script>alert(1)</script>” & meer")
    html = sourced_lines_html(cat, [("<b>Kop</b>", [("regel één", good), ("regel twee", [hostile, hostile])]),
                                    ("<b>Leeg</b>", [])])
    assert html.count("<div class='gli-line'>") == 2 and "Leeg" not in html
    assert html.startswith("<div class='gli-lines'><div class='gli-lines-head'><b>Kop</b></div>")
    first, second = html.split("<div class='gli-line'>")[1:]
    assert first.startswith("regel één<details><summary>📄 Bron</summary>")
    assert f"§ {escape(good.section)}" in first and f"<blockquote>“{escape(good.quote)}”</blockquote>" in first
    doc = cat.source(good.document)
    assert f"<a href='{doc.url}' target='_blank' rel='noopener noreferrer'>origineel</a>" in first
    assert second.count("<blockquote>") == 1  # the same source once
    assert "<script>" not in second and "<i>" not in second
    assert "§ 2.2 &lt;i&gt;x&lt;/i&gt;" in second and "&lt;script&gt;alert(1)&lt;/script&gt;” &amp; meer" in second
    assert sourced_lines_html(cat, [("<b>Leeg</b>", [])]) == ""

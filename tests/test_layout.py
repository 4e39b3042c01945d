"""The text door shows the rules what a reader sees (Markdown links as labels, bullets as "-") and keeps the
input's notation in bodies and removals."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import postclean
from postclean.layout import is_markdown, markdown_line, plain_line, reader_lines

MARKDOWN = """\
[ ![gullwing](/data/avatars/m/12.jpg) ](/members/gullwing.12/)

#### [gullwing](/members/gullwing.12/)

##### Well-known member

_Joined_
    Mar 2, 2016

_Messages_
    1,204

  * [ Jun 4, 2024 ](/threads/slipway.5/post-31)
  * [ #1 ](/threads/slipway.5/post-31)

Does the **slipway** at the north pier flood at high water? See [the tide page](https://tides.test/north).

[Reply](/threads/slipway.5/reply?quote=31) [Quote](/threads/slipway.5/quote?p=31) [Report](/posts/31/report)
"""


def test_markdown_line_reads_like_a_reader() -> None:
    assert markdown_line('  * [ __ Reply ](https://forum.test/p/4 "Reply")') == "  - Reply"
    assert markdown_line("_Joined_") == "Joined"
    assert markdown_line("**Posts:** [1,204](/search/?user=7)") == "Posts: 1,204"
    assert markdown_line("> Click to expand...") == "Click to expand..."
    assert markdown_line("[__![Like](/like.png) Like](/posts/4/like)") == "Like"
    assert markdown_line("* [save](javascript:void\\(0\\))") == "- save"
    assert markdown_line("snake_case stays, 3 * 4 stays") == "snake_case stays, 3 * 4 stays"
    assert markdown_line("[kai](/m/7/) _**Staff Member**_") == "kai Staff Member"  # emphasis around strong
    assert markdown_line("  2. [ Tags ](/tags)") == "  - Tags"  # a numbered item is a list item too
    assert markdown_line("     9.   2. Saved items") == "     - Saved items"
    assert (
        markdown_line("1\\. The first of three points.") == "1. The first of three points."
    )  # escaped: prose
    for blank in (
        "* * *",
        "---|---|---",
        "|  |  |",
        "![](/smilies/wave.gif)",
        "[ ](/members/7/)",
        "__",
        ">",
        "  1. [![a](/a.png)](/u/a)",
    ):
        assert markdown_line(blank) == "", blank


def test_markdown_needs_links_on_two_lines() -> None:
    assert is_markdown(MARKDOWN)
    assert not is_markdown("One [link](https://a.test) is not enough.\nA second line without one.")
    assert not is_markdown("The ferry leaves at [7] (or at 8 on Sundays).\nNo link syntax here.")


def test_w3m_nested_bullets_read_as_list_items() -> None:
    lines = ["  \u2022 harbour_hana", "      \u25a1 Join Date: Sep 2011", "      \u25a1 ", "A \u25a1 in the text stays."]
    found = reader_lines(lines)
    assert found is not None
    assert found[0] == ["  \u2022 harbour_hana", "      - Join Date: Sep 2011", "", "A \u25a1 in the text stays."]


def test_plain_bullets_keep_their_length() -> None:
    assert plain_line("      * Jun 4, 2024", bulleted=True) == "      - Jun 4, 2024"
    assert plain_line("    o Share", bulleted=True) == "    - Share"
    assert plain_line("    o Share", bulleted=False) == "    o Share"
    assert plain_line("    *", bulleted=True) == ""
    assert plain_line("*emphasis* starts this line", bulleted=True) == "*emphasis* starts this line"
    assert reader_lines(["Nothing to change here.", "Nor here."]) is None


def test_markdown_bodies_keep_their_notation() -> None:
    doc = postclean.clean(MARKDOWN, kind="text")
    assert "markdown" in doc.flags
    assert doc.text == (
        "Does the **slipway** at the north pier flood at high water? See [the tide page](https://tides.test/north)."
    )
    codes = {r.code for r in doc.removals}
    assert "GEN011" in codes and "GEN003" in codes


def test_markdown_removals_point_into_the_input() -> None:
    doc = postclean.clean(MARKDOWN, kind="text")
    original = MARKDOWN.split("\n")
    for r in doc.removals:
        assert r.lines is not None and r.span is not None
        assert r.text.split("\n")[0] == original[r.lines[0]]
        # the rules read the text without its blank lines and notation-only lines: a removal's lines are the
        # input's lines in its span, in order, with those left out
        covered = iter(MARKDOWN[r.span[0] : r.span[1]].split("\n"))
        assert all(line in covered for line in r.text.split("\n"))


def test_a_cut_keeps_the_bullet_of_a_plain_line() -> None:
    text = "\n".join(
        [
            "  * We moved the ferry times to the summer list. Last edited: Mar 3, 2024",
            "  * The winter list stays as it is.",
            "  * The bus still meets the last boat.",
        ]
    )
    doc = postclean.clean(text, kind="text")
    assert doc.text.split("\n")[0] == "  * We moved the ferry times to the summer list."
    assert doc.posts[0].edit_note == "Last edited: Mar 3, 2024"


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                *MARKDOWN.split("\n"),
                "  * [Home](/)",
                "* __",
                "> The estuary loop floods in March.",
                ">",
                "The tide turned early and the slipway flooded by [noon](https://tides.test/noon).",
                "",
            ]
        ),
        min_size=4,
        max_size=40,
    )
)
def test_markdown_bodies_hold_input_lines(lines: list[str]) -> None:
    text = "\n".join(lines)
    doc = postclean.clean(text, kind="text")
    source = [x.strip() for x in text.split("\n") if x.strip()]
    kept = [x.strip() for x in doc.text.split("\n") if x.strip()]
    it = iter(source)
    assert all(any(k == s or k in s or k in markdown_line(s) for s in it) for k in kept)


def test_indented_bulleted_text_is_read_without_its_indentation() -> None:
    text = "\n".join(
        [
            "            Ferry times",
            "              * Summer list",
            "              * Winter list",
            "              * Bus links",
            "                  We moved the ferry times to the summer list. Last edited: Mar 3, 2024",
            "                  The winter list stays as it is.",
        ]
    )
    doc = postclean.clean(text, kind="text")
    kept = doc.text.split("\n")
    assert kept[4] == "                  We moved the ferry times to the summer list."
    assert kept[5] == "                  The winter list stays as it is."
    assert kept[1] == "              * Summer list"


# lynx -dump writes form buttons as "(BUTTON) label", and an icon button as "(BUTTON)" alone.
LYNX = """\
   Harbour Forum

   harbour_hana

harbour_hana

   Members
     * 1.2k posts
     * 3 Solutions
     * 4.1k Reputation

   harbour_hana

harbour_hana Members

   March 3, 20242 yr

   (BUTTON) Author stats

   March 3, 20242 yr

   The north slipway floods at high water; use the south ramp until the tide turns.
     (BUTTON)
     Quote

   quillpen

quillpen

   Moderator
     * 880 posts
     * 7 Solutions
     * 2.3k Reputation

   quillpen

quillpen Moderator

   March 4, 20242 yr

   (BUTTON) Author stats

   March 4, 20242 yr

   Press the (BUTTON) marker twice, the manual says, and the gate opens.
     (BUTTON)
     Quote

   Powered by Invision Community
"""


def test_lynx_buttons_read_as_their_labels() -> None:
    from postclean.layout import without_widgets

    assert without_widgets("   (BUTTON) Reply (BUTTON) Quote") == "            Reply          Quote"
    assert without_widgets("     (BUTTON)") == ""
    assert without_widgets("no marker here") == "no marker here"
    reader = reader_lines(LYNX.split("\n"))
    assert reader is not None
    assert "(BUTTON)" not in "\n".join(reader[0])


def test_lynx_button_markers_and_stat_lists_leave_the_body() -> None:
    doc = postclean.clean(LYNX, kind="text")
    body = doc.text
    assert doc.engine == "invision"
    assert [p.author.name if p.author else None for p in doc.posts] == ["harbour_hana", "quillpen"]
    assert "Author stats" not in body and "Quote" not in body
    assert "posts" not in body and "Reputation" not in body
    assert "quillpen" not in body  # the name printed twice above the pane goes with it
    assert "The north slipway floods at high water" in body
    # a marker inside a sentence is the sentence's text: the body keeps the input's notation
    assert "Press the (BUTTON) marker twice" in body


# trafilatura's output_format="markdown": no link targets, but **strong** labels and ### headings
TRAF_MARKDOWN = (
    "### Re: Slipway flooding at high water\n\nThe north slipway was under water again at noon today.\n\n"
    "- \n\t\t\t\ttern_spotter\n- Volunteer\n- **Posts:** 412\n- **Joined:** 14. Sep 2019, 16:51\n"
    "- **Location:** Harbourside\n\n### Re: Slipway flooding at high water\n\n"
    "Thanks, the harbour master says the gate seal has failed.\n\n- \n\t\t\t\tquillpen\n- **Posts:** 88\n"
    "- **Joined:** 2. Mar 2021, 09:10\n\n### Re: Slipway flooding at high water\n\n"
    "It is fixed now, the gate closed on the morning tide.\n"
)


def test_strong_labels_on_three_lines_read_as_markdown() -> None:
    assert is_markdown(TRAF_MARKDOWN)
    assert not is_markdown("We **really** mean it.\nTwo **bold** lines are not enough.\n")
    assert not is_markdown("Use 2**10 and 3**4 for the sizes.\nThen x**2 + y**2.\nAnd a**b == c**d too.\n")


def test_member_stats_in_strong_markdown_leave_the_body() -> None:
    body = postclean.clean(TRAF_MARKDOWN, kind="text").text
    assert "Posts:" not in body and "Joined:" not in body and "Location:" not in body
    for sentence in (
        "The north slipway was under water again at noon today.",
        "Thanks, the harbour master says the gate seal has failed.",
        "It is fixed now, the gate closed on the morning tide.",
    ):
        assert sentence in body


# trafilatura's output_format="markdown" on an old-Reddit-style comment page: no links, no **strong**, but every
# user name's underscore and every collapse bracket escaped
TRAF_MARKDOWN_ESCAPED = (
    "## Ferry timetable changes for the winter\n\nall 3 comments\n\n"
    "\\[–\\]harbour\\_cat 41 points42 points43 points (2 children)\n\n"
    "The 7:40 sailing is gone, which hurts anyone on the early shift.\n\n"
    "\\[–\\]gull\\_watch 12 points13 points14 points (0 children)\n\n"
    "They moved it to 8:05, check the new sheet at the terminal.\n\n"
    "\\[–\\]tide\\_table 3 points4 points5 points (0 children)\n\nThanks, that saves me a cold wait.\n"
)


def test_markdown_escapes_on_three_lines_read_as_markdown() -> None:
    """Markdown written with neither links nor strong text still escapes ``[``, ``]`` and ``_``: three lines with
    escapes of two different characters are Markdown; one escape repeated (a shell glob) or escapes on two lines
    are not."""
    assert is_markdown(TRAF_MARKDOWN_ESCAPED)
    assert not is_markdown("ls \\*.txt\nrm \\*.bak\ncp \\*.md /tmp\n")
    assert not is_markdown("a\\_b and c\\[d\nplain line\nplain line\n")
    doc = postclean.clean(TRAF_MARKDOWN_ESCAPED, kind="text")
    assert doc.engine == "reddit"
    assert "points" not in doc.text and "children" not in doc.text
    for sentence in (
        "The 7:40 sailing is gone, which hurts anyone on the early shift.",
        "They moved it to 8:05, check the new sheet at the terminal.",
        "Thanks, that saves me a cold wait.",
    ):
        assert sentence in doc.text


# elinks -dump writes every list item as "•" and a no-break space; a XenForo author block with its post date,
# the post's number and its text, then a prose list item that keeps its notation.
ELINKS = (
    "   Harbour Forum\n\n"
    "   H\n\n    harbour_hana\n\n      Member\n\n   Joined\n   Mar 3, 2015\n\n   Home Port\n   North pier\n\n"
    "     \u2022\xa0Feb 20, 2024\n\n     \u2022\xa0\n\n     \u2022\xa0#1\n\n"
    "   The north slipway floods at high water; use the south ramp until the tide turns.\n\n"
    "     \u2022\xa0Bring boots:\xa0the ramp is muddy.\n\n"
    "   Q\n\n    quillpen\n\n      Moderator\n\n   Joined\n   Apr 12, 2008\n\n   Home Port\n   South quay\n\n"
    "     \u2022\xa0Feb 21, 2024\n\n     \u2022\xa0\n\n     \u2022\xa0#2\n\n"
    "   Thanks, the harbour master says the gate seal has failed.\n"
)


def test_no_break_spaces_after_bullets_read_as_blanks() -> None:
    from postclean.layout import spaced_lead

    assert spaced_lead("     \u2022\xa0#2") == "     \u2022 #2"
    assert spaced_lead("\xa0\xa0Posts: 12") == "  Posts: 12"
    assert spaced_lead("Price:\xa0100\xa0EUR") == "Price: 100 EUR"  # as a reader sees it (bodies keep it)
    assert spaced_lead("     \u2022\xa0") == spaced_lead("  \u2022") == ""  # an empty list item: notation
    assert spaced_lead("   \xb7") == "   \xb7"  # a theme's separator between a post's number and date
    doc = postclean.clean(ELINKS, kind="text")
    assert [p.author.name if p.author else None for p in doc.posts] == ["harbour_hana", "quillpen"]
    assert [str(p.date) for p in doc.posts] == ["2024-02-20", "2024-02-21"]
    assert [p.number for p in doc.posts] == [1, 2]
    body = doc.text
    assert "Joined" not in body and "Home Port" not in body and "#1" not in body
    assert "\u2022\n" not in body + "\n"  # no empty list item left
    assert "The north slipway floods at high water; use the south ramp until the tide turns." in body
    assert "\u2022\xa0Bring boots:\xa0the ramp is muddy." in body  # bodies keep the input's notation


# html2text with ignore_links: no link targets, each <dt> label written as _emphasis_ on its own line
H2T_PLAIN = (
    "harbour_hana __\n\n_Messages_\n    196\n\n_Reaction score_\n    76\n\n"
    "The north slipway floods at high water; use the south ramp until the tide turns.\n\n"
    "quillpen __\n\n__Gold Member\n\n_Messages_\n    19,378\n\n_Reaction score_\n    15,615\n\n"
    "Thanks, the harbour master says the gate seal has failed.\n"
)


def test_emphasised_labels_read_as_markdown() -> None:
    assert is_markdown(H2T_PLAIN)
    assert not is_markdown("_Nicolas_\nHe came.\n_Nicolas_\nHe went.\n_Nicolas_\n")  # one name, repeated
    assert not is_markdown("Use snake_case names.\nAnd my_var_name too.\nAnd _private_ ones.\n")
    doc = postclean.clean(H2T_PLAIN, kind="text")
    assert [p.author.name if p.author else None for p in doc.posts] == ["harbour_hana", "quillpen"]
    assert "Messages" not in doc.text and "Reaction score" not in doc.text
    assert "The north slipway floods at high water; use the south ramp until the tide turns." in doc.text


def test_lynx_image_names_read_as_blank() -> None:
    from postclean.layout import without_image_names

    assert without_image_names("     * [909986532_0_CircleBadge.png]") == ""
    assert without_image_names("   [a.jpg] Nice shot") == "           Nice shot"
    assert without_image_names("See [the notes] and [README.md] here.") == "See [the notes] and [README.md] here."
    # the image between a pane's counts and its name no longer splits the pane (IPS001 takes it whole)
    text = LYNX.replace("     * 4.1k Reputation\n", "     * 4.1k Reputation\n\n     * [badge_gold(1).png]\n", 1)
    doc = postclean.clean(text, kind="text")
    assert [p.author.name if p.author else None for p in doc.posts] == ["harbour_hana", "quillpen"]
    assert "badge_gold" not in doc.text and "Reputation" not in doc.text


def test_trailing_no_break_spaces_read_as_spaces() -> None:
    # a button label with a no-break space after it (``Insert Quotes\xa0``) was left by the whole-line patterns
    # (``[ \t]*$``), then taken on a second pass once the output had lost the no-break space
    text = "\n".join(
        [
            "The harbour lights are on a timer now.",
            "",
            "Save",
            "",
            "Insert Quotes\xa0",
            "",
            "They switch off at midnight.",
        ]
    )
    doc = postclean.clean(text, kind="text")
    assert "Insert Quotes" not in doc.text
    assert postclean.clean(doc.text, kind="text").text == doc.text


#: A w3m dump: a post, an empty text box and check boxes on lines of their own, a check box inside a sentence.
W3M_FIELDS = """\
harbour_hana
Joined: Mar 3, 2015
Posts: 2,114

   The ferry from the north pier now leaves at seven in winter.
   Tick the [ ] box on the form, then write [ ] again in the margin.

   [                    ]
   [ ] [__________]

   Has anyone checked whether the bus still meets it?
"""


def test_text_browser_form_fields_read_as_blanks() -> None:
    from postclean.layout import without_fields

    assert without_fields("   [                    ] [Go]").strip() == "[Go]"
    assert without_fields("  [ ] [__________]") == ""
    assert without_fields("  [ ] Private Messages") == "      Private Messages"
    assert without_fields("Tick the [ ] box") == "Tick the [ ] box"  # inside a line: the sentence's text
    reader = reader_lines(W3M_FIELDS.split("\n"))
    assert reader is not None and reader[0][7:9] == ["", ""]
    doc = postclean.clean(W3M_FIELDS, kind="text")
    assert [r.code for r in doc.removals if r.lines == (7, 8)] == ["GEN011"]
    lines = [x.strip() for x in doc.text.split("\n") if x.strip()]
    assert lines == [
        "The ferry from the north pier now leaves at seven in winter.",
        "Tick the [ ] box on the form, then write [ ] again in the margin.",
        "Has anyone checked whether the bus still meets it?",
    ]
    # a Markdown task list is Markdown's, not a form's
    md = "- [ ] buy rope\n- [x] paint the hull\n\nSee [the notes](https://example.test/n) and [the map](https://example.test/m)."
    assert "- [ ] buy rope" in postclean.clean(md, kind="text").text

"""Typed tables: headers' units, scales and years; cells' numbers; HTML tables with spans, notes and wide layouts."""

from __future__ import annotations

import pytest

from claims.passages import passages_from_delimited, passages_from_html
from claims.tables import parse_cell, parse_header, typed

HEADERS = [
    # (header, caption, kind, unit, scale, year, change)
    ("Population (thousands, 2021)", "", "number", None, 1e3, "2021", False),
    ("Nominal GDP (US$ trillion, 2023)", "", "money", "USD", 1e12, "2023", False),
    ("GDP € bn", "", "money", "EUR", 1e9, None, False),
    ("Revenue (US$ million)", "", "money", "USD", 1e6, None, False),
    ("Share of votes (%)", "", "percent", None, 1.0, None, False),
    ("Area (km²)", "", "measure", "km2", 1.0, None, False),
    ("Catchment (thousand km²)", "", "measure", "km2", 1e3, None, False),
    ("Output (TWh)", "", "measure", "TWh", 1.0, None, False),
    ("Mass (Earth = 1)", "", "measure", "Earth", 1.0, None, False),
    ("Height (ft)", "", "measure", "ft", 1.0, None, False),
    ("Visitors (millions, 2019)", "", "number", None, 1e6, "2019", False),
    ("2019", "Table 3. Share of cyclists in commuting, by city (%)", "percent", None, 1.0, "2019", False),
    ("Change on 2019 (%)", "", "percent", None, 1.0, None, True),
    ("Change, 2011 to 2021 (%)", "", "percent", None, 1.0, None, True),
    ("Growth, 2022 (%)", "", "percent", None, 1.0, "2022", True),
    ("Margin (votes)", "", "number", None, 1.0, None, False),
]


@pytest.mark.parametrize("header,caption,kind,unit,scale,year,change", HEADERS, ids=[h[0] for h in HEADERS])
def test_header_says_unit_scale_and_year(header, caption, kind, unit, scale, year, change):
    column = parse_header(header, caption)
    assert (column.kind, column.unit, column.scale, column.year, column.change) == (kind, unit, scale, year, change)


def test_change_header_keeps_its_span():
    assert parse_header("Change, 2011 to 2021 (%)").span == ("2011", "2021")
    assert parse_header("Change on 2019 (%)").span == ("2019", "")


def test_header_words_leave_out_the_unit_but_keep_other_brackets():
    assert parse_header("Population (thousands, 2021)").words == ("population",)
    assert parse_header("Margin (votes)").words == ("margin", "votes")


CELLS = [
    ("4,262,635", 4262635.0),
    ("120 536", 120536.0),  # a thin space as the thousands separator
    ("120\u2009536", 120536.0),
    ("−0.1", -0.1),  # the Unicode minus
    ("+4.9", 4.9),
    ("81.8", 81.8),
    ("12%", 12.0),
    ("£48m", 48e6),
    ("3.2bn", 3.2e9),
    ("95[a]", 95.0),  # a footnote mark
    ("n/a", None),
    ("—", None),
    ("", None),
    ("Wales", None),
]


@pytest.mark.parametrize("text,number", CELLS, ids=[c[0] or "empty" for c in CELLS])
def test_cell_numbers(text, number):
    assert parse_cell(text).number == number


@pytest.mark.parametrize("text,seconds", [("2:02:57", 7377.0), ("1:59:40", 7180.0), ("3:46.04", 226.04)],
                         ids=["marathon", "sub-two", "mile"])
def test_cell_durations(text, seconds):
    assert parse_cell(text).seconds == pytest.approx(seconds)


@pytest.mark.parametrize("text,years", [("1671–1677", (1671, 1677)), ("2022–23", (2022, 2023)), ("8 October 2023", (2023,))],
                         ids=["span", "short-span", "date"])
def test_cell_years(text, years):
    assert parse_cell(text).years == years


WIDE = """<html><body><main>
<h2>Cycling</h2>
<table><caption>Share of commuters who cycle (%)</caption>
<thead><tr><th>City</th><th>2015</th><th>2019</th></tr></thead>
<tbody>
<tr><td>Utrecht</td><td>41</td><td>45</td></tr>
<tr><td>Ghent</td><td>22</td><td>35</td></tr>
<tr><td colspan="3">Source: city surveys; 2019 figures are provisional.</td></tr>
</tbody></table></main></body></html>"""


def test_wide_table_has_a_year_per_column_and_the_caption_unit():
    source = passages_from_html(WIDE)
    (table,) = source.tables
    tt = typed(table)
    assert [c.year for c in tt.columns] == [None, "2015", "2019"]
    assert [c.kind for c in tt.columns] == ["text", "percent", "percent"]
    assert tt.key == 0
    assert table.notes == ("Source: city surveys; 2019 figures are provisional.",)
    assert len(table.rows) == 2


def test_each_row_points_at_its_passage():
    source = passages_from_html(WIDE)
    (table,) = source.tables
    assert [source.passages[i].text for i in table.passages] == [
        "City: Utrecht | 2015: 41 | 2019: 45",
        "City: Ghent | 2015: 22 | 2019: 35",
    ]


SPANS = """<table>
<tr><th rowspan="2">Party</th><th colspan="2">Seats</th></tr>
<tr><th>2019</th><th>2024</th></tr>
<tr><td>Greens</td><td>12</td><td>18</td></tr>
<tr><td>Liberals</td><td>30</td><td>21</td></tr>
</table>"""


def test_header_rows_join_per_column_and_spans_expand():
    (table,) = passages_from_html(f"<html><body>{SPANS}</body></html>").tables
    assert table.header == ("Party", "Seats 2019", "Seats 2024")
    assert table.rows[1] == ("Liberals", "30", "21")
    assert [c.year for c in typed(table).columns] == [None, "2019", "2024"]


@pytest.mark.parametrize("text,delimiter", [
    ("city,riders (thousands)\nUtrecht,125\nGhent,60\n", None),
    ("city\triders (thousands)\nUtrecht\t125\nGhent\t60\n", None),
    ("city;riders (thousands)\nUtrecht;125\nGhent;60\n", ";"),
], ids=["csv", "tsv", "semicolon"])
def test_delimited_files_are_one_table(text, delimiter):
    source = passages_from_delimited(text, "riders.csv", delimiter)
    (table,) = source.tables
    assert table.rows == (("Utrecht", "125"), ("Ghent", "60"))
    assert typed(table).value(0, 1) == 125_000
    assert source.passages[0].text == "city: Utrecht | riders (thousands): 125"

"""Verification against primary sources: tables, reference pages, releases that never say "false".

Each group is a failure class of the verifier before it read tables and aligned prose; the pages are
written for these tests.
"""

from __future__ import annotations

import pytest

from claims.passages import passages_from_html
from claims.verdict import Document, verify

STATISTICS = """<html><head><title>Population estimates, mid-2021 | Office of Statistics</title></head><body>
<main><article><h1>Population estimates for the UK nations, mid-2021</h1>
<p>The population of the United Kingdom grew to 67.0 million in the year to mid-2021.</p>
<table><caption>Table 1. Population by nation</caption>
<thead><tr><th>Region</th><th>Population (thousands, 2021)</th><th>Change since 2011 (%)</th></tr></thead>
<tbody>
<tr><td>England</td><td>56,490</td><td>6.6</td></tr>
<tr><td>Scotland</td><td>5,480</td><td>2.7</td></tr>
<tr><td>Wales</td><td>3,107</td><td>1.4</td></tr>
<tr><td>Northern Ireland</td><td>1,904</td><td>5.1</td></tr>
</tbody></table></article></main></body></html>"""

SEATS = """<html><head><title>Council election results</title></head><body><main>
<h1>Riverton council election, 2024</h1>
<p>Turnout was 41.5%, down from 44.2% in 2019.</p>
<table><caption>Seats won by party</caption>
<thead><tr><th>Party</th><th>2019</th><th>2024</th></tr></thead>
<tbody><tr><td>Greens</td><td>12</td><td>18</td></tr><tr><td>Liberals</td><td>30</td><td>21</td></tr>
<tr><td>Labour</td><td>9</td><td>12</td></tr></tbody></table></main></body></html>"""

BRIDGE = """<html><head><title>Tamar Crossing</title></head><body><main><article>
<h1>The Tamar Crossing</h1>
<p>The Tamar Crossing opened to traffic on 3 June 1999, after four years of construction. It carries
about 40,000 vehicles a day across the estuary.</p>
<p>The main span is 335 metres long, and the towers rise 73 metres above the water.</p>
<p>The crossing cost £120 million to build.</p>
</article></main></body></html>"""

LAKE = """<html><head><title>Lake Orta</title></head><body><main><article><h1>Lake Orta</h1>
<p>Lake Orta covers 18.2 km² and reaches a depth of 143 metres. In the Cusio valley, Lake Mergozzo
covers 1.8 km².</p></article></main></body></html>"""

OTHER_ESTIMATE = """<html><head><title>Wales in figures</title></head><body><main><article><h1>Wales in figures</h1>
<p>Wales had a population of 3.3 million in 2021, according to the council's own estimate.</p>
</article></main></body></html>"""

SILENT = """<html><head><title>Welsh castles</title></head><body><main><article><h1>Castles of Wales</h1>
<p>Wales has more castles per square mile than any other country in Europe.</p></article></main></body></html>"""

CITIES = """<html><head><title>Cities of Czechia</title></head><body><main><article><h1>Cities of Czechia</h1>
<p>Prague, the capital of Czechia, is the largest city in the country. Brno is the second-largest city in Czechia,
and Ostrava is the third-largest.</p>
<p>Manchester is England's second city. London is the capital of England.</p></article></main></body></html>"""

LAUNCH = """<html><head><title>Mission update</title></head><body><main><article><h1>Sounding rocket mission</h1>
<p>The rocket lifted off from Wallops Island, Virginia, on 3 May 2019, carrying two student experiments.</p>
<p>Lyme disease is not contagious: it cannot be passed from one person to another by touch.</p>
<p>Of the town's 12,000 residents, 3,000 were evacuated before the storm.</p></article></main></body></html>"""

def _page(title: str, *paragraphs: str) -> str:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><main><article><h1>{title}</h1>{body}</article></main></body></html>"


QUESTION = _page("Harbour bridge", "Did the Harbour bridge cost £90 million? It opened in 1932.")
REPORT = _page("Harbour tunnel", "Social media users are claiming that the Harbour tunnel cost £40 million.")
WORDS = _page("Harbour traffic", "The mayor said the Harbour bridge carries 30,000 cars a day.")
SCENARIO = _page("Harbour sea levels", "Sea levels at the Harbour rose by 20 centimetres in the last century.")

PAGES = {name: Document(name, passages_from_html(html)) for name, html in {
    "statistics": STATISTICS, "seats": SEATS, "bridge": BRIDGE, "lake": LAKE, "other-estimate": OTHER_ESTIMATE,
    "silent": SILENT, "cities": CITIES, "launch": LAUNCH, "question": QUESTION,
    "report": REPORT, "words": WORDS, "scenario": SCENARIO}.items()}


def _verdict(claim: str, *pages: str):
    return verify(claim, [PAGES[p] for p in pages])


CASES = [
    # the unit and scale live in the column header; the row's first cell is the entity
    ("scale-in-header", "Wales has about 3.1 million people.", ["statistics"], "supported"),
    ("scale-in-header-wrong", "Wales has about 5 million people.", ["statistics"], "refuted"),
    ("change-column", "The population of Scotland grew by 2.7 percent since 2011.", ["statistics"], "supported"),
    ("change-column-wrong", "The population of Scotland grew by 6.6 percent since 2011.", ["statistics"], "refuted"),
    # near-misses: the claimed number belongs to another row
    ("near-miss-own-figure", "The Liberals won 18 seats in 2024.", ["seats"], "refuted"),
    ("near-miss-no-row", "The Pirates won 18 seats in 2024.", ["seats"], "not_enough_evidence"),
    # multiples and changes from two figures on the page
    ("change-from-two-years", "The Greens' seats rose by 50 percent between 2019 and 2024.", ["seats"], "supported"),
    ("multiple-from-two-years", "The Greens doubled their seats between 2019 and 2024.", ["seats"], "refuted"),
    ("prose-earlier-level", "Turnout in Riverton was 44.2 percent in 2019.", ["seats"], "supported"),
    ("prose-earlier-level-wrong", "Turnout in Riverton was 46 percent in 2019.", ["seats"], "refuted"),
    # dates at the claim's precision, for the right event
    ("event-other-year", "The Tamar Crossing opened on 12 May 1998.", ["bridge"], "refuted"),
    ("event-month", "The Tamar Crossing opened in June 1999.", ["bridge"], "supported"),
    ("event-other-day", "The Tamar Crossing opened on 4 June 1999.", ["bridge"], "refuted"),
    ("event-year", "The Tamar Crossing opened in 1999.", ["bridge"], "supported"),
    ("no-such-event", "The Tamar Crossing closed in 1999.", ["bridge"], "not_enough_evidence"),
    # measures, converted
    ("area", "Lake Orta covers about 18 square kilometres.", ["lake"], "supported"),
    ("depth-wrong-unit", "Lake Orta is 143 feet deep.", ["lake"], "refuted"),
    ("length-in-feet", "The Tamar Crossing's main span is about 1,100 feet long.", ["bridge"], "supported"),
    ("money-bound", "The Tamar Crossing cost more than £100 million to build.", ["bridge"], "supported"),
    ("other-lake-same-sentence", "Lake Mergozzo covers 18.2 square kilometres.", ["lake"], "refuted"),
    # several sources: a silent one changes nothing; a disagreeing one makes it conflicting
    ("silent-source", "Wales has about 3.1 million people.", ["statistics", "silent"], "supported"),
    ("sources-disagree", "Wales has about 3.1 million people.", ["statistics", "other-estimate"], "conflicting"),
    # two figures: one wrong refutes; one not stated leaves it open
    ("two-figures-one-wrong", "Wales has about 3.1 million people, up 6.6 percent since 2011.", ["statistics"], "refuted"),
    ("qualifier-not-stated", "Wales has about 3.1 million people, its highest ever.", ["statistics"], "not_enough_evidence"),
    # the same relation with another object refutes; another relation on the same words is not support
    ("rank-same", "Brno is the second-largest city in Czechia.", ["cities"], "supported"),
    ("rank-other-rank", "Ostrava is the second-largest city in Czechia.", ["cities"], "refuted"),
    ("rank-other-holder", "Brno is the largest city in Czechia.", ["cities"], "refuted"),
    ("role-same", "Prague is the capital of Czechia.", ["cities"], "supported"),
    ("role-other-holder", "Brno is the capital of Czechia.", ["cities"], "refuted"),
    ("other-relation-same-words", "Manchester is the capital of England.", ["cities"], "refuted"),
    ("role-not-stated", "Brno is the capital of Moravia.", ["cities"], "not_enough_evidence"),
    # the place of an event; a denied restatement
    ("event-place", "The rocket lifted off from Wallops Island.", ["launch"], "supported"),
    ("event-other-place", "The rocket lifted off from Cape Canaveral.", ["launch"], "refuted"),
    ("denied-restatement", "Lyme disease can be passed from one person to another by touch.", ["launch"], "refuted"),
    ("part-of-whole", "A quarter of the town's residents were evacuated.", ["launch"], "supported"),
    # a question, a report of the claim being made, someone's words and a scenario decide nothing
    ("question-states-nothing", "The Harbour bridge cost £90 million.", ["question"], "not_enough_evidence"),
    ("report-of-the-claim", "The Harbour tunnel cost £40 million.", ["report"], "not_enough_evidence"),
    ("someones-words", "The Harbour bridge carries 30,000 cars a day.", ["words"], "not_enough_evidence"),
    ("scenario-not-refuted", "Sea levels at the Harbour could rise by 2 metres.", ["scenario"], "not_enough_evidence"),
    ("scenario-control", "Sea levels at the Harbour rose by 2 metres in the last century.", ["scenario"], "refuted"),
    # comparisons worked out from the figures of each subject
    ("compare-rows", "The Greens won more seats than Labour in 2024.", ["seats"], "supported"),
    ("compare-combined", "The Greens won more seats than the Liberals and Labour combined in 2024.", ["seats"], "refuted"),
    ("compare-difference", "The Liberals won about 9 more seats than the Greens in 2024.", ["seats"], "refuted"),
]


@pytest.mark.parametrize("claim,pages,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_primary_source_verdicts(claim, pages, expected):
    assert _verdict(claim, *pages).status == expected


def test_a_cell_verdict_names_the_cell_and_the_comparison():
    verdict = _verdict("Wales has about 3.1 million people.", "statistics")
    assert verdict.reason == "claim 'about 3.1 million people' vs 'Population (thousands, 2021)' = 3,107 (3.11 million) for Wales"
    (evidence,) = verdict.evidence
    passage = PAGES["statistics"].source.passages[evidence.passage]
    assert passage.kind == "table_row" and "Wales" in passage.text and evidence.stance == "supports"


def test_a_conflict_names_both_sides():
    verdict = _verdict("Wales has about 3.1 million people.", "statistics", "other-estimate")
    assert {e.document for e in verdict.evidence if e.stance == "supports"} == {0}
    assert {e.document for e in verdict.evidence if e.stance == "refutes"} == {1}
    assert "3.3 million" in verdict.reason


def test_nothing_decided_still_shows_where_to_look():
    verdict = _verdict("Turnout in Riverton was higher in 2030.", "seats")
    assert verdict.status == "not_enough_evidence"
    assert verdict.evidence and all(e.stance == "neutral" for e in verdict.evidence)

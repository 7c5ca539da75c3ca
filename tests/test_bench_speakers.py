"""How bench/speakers.py decides that a predicted speaker is the annotated one (``same_speaker``).

The speaker figures in docs/benchmarks.md are only as fair as this comparison: a right answer
written another way must count, a wrong one must not."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).parents[1] / "bench"


def _bench():
    sys.path.insert(0, str(BENCH))  # bench/speakers.py imports bench/evaldata.py
    try:
        spec = importlib.util.spec_from_file_location("bench_speakers", BENCH / "speakers.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(BENCH))
    return module


same_speaker = _bench().same_speaker

CASES = [
    # (predicted, gold, also, same)
    ("Ann Reed", "Ann Reed", (), True),
    ("Reed", "Ann Reed", (), True),
    ("Dr Ann Reed", "Ann Reed", (), True),
    ("Mr Reed", "Ann Reed", (), True),
    ("a spokesman for NBC", "A spokesman for NBC News", (), True),
    ("the company", "the company", ("Microsoft",), True),
    ("Microsoft", "the company", ("Microsoft",), True),
    # one name, with and without a lower-case "the" or a capital in front
    ("the International Federation of the Phonographic Industry",
     "International Federation of the Phonographic Industry", (), True),
    ("some commentators on the net", "Some commentators on the net", (), True),
    ("The Department of Justice", "the Department of Justice", (), True),
    # wrong answers
    ("Tom Hale", "Ann Reed", (), False),
    ("Radio", "John Humphrys", (), False),
    ("the Interactive Media", "the Interactive Media in Retail Group", (), False),
    (None, "Ann Reed", (), False),
    ("Ann Reed", None, (), False),
    (None, None, (), True),
]


@pytest.mark.parametrize(("predicted", "gold", "also", "same"), CASES,
                         ids=[f"{p}|{g}" for p, g, _, _ in CASES])
def test_same_speaker(predicted, gold, also, same):
    assert same_speaker(predicted, gold, also) is same


@pytest.mark.parametrize("annotated, scored", [
    pytest.param({"dev/1", "test/1", "dev/2"}, {"dev/1", "dev/2"}, id="a-test-text-annotated-in-dev-too-is-scored-in-dev"),
    pytest.param({"test/1", "dev/2"}, {"test/1", "dev/2"}, id="a-dev-copy-its-batch-skipped-leaves-the-test-text-in-test"),
    pytest.param(None, {"dev/1", "dev/2"}, id="without-annotations-the-first-dev-copy"),
])
def test_scored_articles_one_copy_of_each_text(annotated, scored):
    bench = _bench()
    order = ["test/1", "dev/1", "dev/2"]  # test/1 and dev/1 hold the same text
    articles = {"test/1": "same text", "dev/1": "same text", "dev/2": "another text"}
    split_of = {"test/1": "test", "dev/1": "dev", "dev/2": "dev"}
    assert bench.scored_articles(order, articles, split_of, annotated) == scored

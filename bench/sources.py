"""Benchmark of verification against primary sources: sources-dev and TabFact dev, beside a baseline.

Run ``python bench/sources.py`` from the repo root (``make bench`` runs it). Data directory:
``$CLAIMTRACK_EVAL`` if set, else ``../shared/eval`` relative to the repo root; a data set that is
absent is skipped with a line saying so (exit 0).

* **sources-dev** (``sources-dev/claims.jsonl``, 120 claims over 16 pages written for this project;
  its rules are in its README): each claim checked against its one or two pages, read from disk and
  parsed as any source is (:func:`claims.passages.passages_from_html`). Scored as the set's own
  ``check.py --score`` scores it: macro-F1 over the four verdicts, decisive precision (share of
  supported/refuted answers that are right), coverage (share answered supported/refuted).
* **TabFact dev** (``raw/tabfact/dev``, 987 simple-channel statements over 193 Wikipedia tables;
  lower-cased, tokenised, lemmatised): scored as its ``score.py`` scores it (accuracy with abstentions
  wrong, coverage, decisive precision). Published accuracy on the full simple *test* set: Table-BERT
  79.1, LPA 78.7, TAPEX 93.9 (not comparable one to one: a sample, and accuracy counts abstentions).

The **baseline**, measured in the same run on the same parsed pages: the article reading alone
(:func:`claims.factcheck.decide` on the five passages BM25 ranks highest, as the verifier did before
it read tables), which is what a fact-check article needs and what primary sources defeat.

**Speed**: CPU seconds of :func:`claims.verdict.verify` on one core over every claim of both sets,
the pages already read and parsed (as the flow has them after fetching), the first claim on each page
paying for reading it; claims per CPU-second, and the same for the baseline.

Both sets are tuning sets: the rules were written on them (and tested on examples of their own);
the held-back sets of the same kinds are measured outside the project.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
from evaldata import eval_dir  # noqa: E402  (bench/evaldata.py)

from claims.factcheck import decide  # noqa: E402
from claims.passages import SourceText, passages_from_html  # noqa: E402
from claims.retrieval import rank  # noqa: E402
from claims.verdict import Document, verify  # noqa: E402

FOUR = ("supported", "refuted", "conflicting", "not_enough_evidence")
DECISIVE = ("supported", "refuted")


def load(folder: Path) -> tuple[list[dict], dict[str, SourceText]]:
    claims = [json.loads(line) for line in (folder / "claims.jsonl").open(encoding="utf-8")]
    pages = {name: passages_from_html((folder / "pages" / name).read_bytes())
             for name in sorted({s for c in claims for s in c["sources"]})}
    return claims, pages


def baseline(text: str, documents: Sequence[Document]) -> str:
    """The article reading alone: BM25's top five passages judged by claims.factcheck.decide."""
    hits = rank(text, [d.source for d in documents], 5)
    passages = [documents[h.document].source.passages[h.passage].text for h in hits]
    return decide(text, [], [], passages, sources=[documents[h.document].location for h in hits]).status


def ours(text: str, documents: Sequence[Document]) -> str:
    return verify(text, documents).status


def run(claims: list[dict], pages: dict[str, SourceText], judge: Callable[[str, Sequence[Document]], str]
        ) -> tuple[list[str], float]:
    started = time.process_time()
    predictions = [judge(c["claim"], [Document(s, pages[s]) for s in c["sources"]]) for c in claims]
    return predictions, time.process_time() - started


def scores(gold: Sequence[str], pred: Sequence[str]) -> dict[str, float | None]:
    f1s = []
    for label in FOUR:
        tp = sum(1 for g, p in zip(gold, pred) if g == p == label)
        fp = sum(1 for g, p in zip(gold, pred) if p == label and g != label)
        fn = sum(1 for g, p in zip(gold, pred) if g == label and p != label)
        f1s.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    decided = [(g, p) for g, p in zip(gold, pred) if p in DECISIVE]
    return {
        "macro_f1": sum(f1s) / len(f1s),
        "precision": sum(g == p for g, p in decided) / len(decided) if decided else None,
        "coverage": len(decided) / len(gold) if gold else 0.0,
        "accuracy": sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0,
    }


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.3f}"


def main() -> int:
    root = eval_dir()
    sets = [("sources-dev (120 claims, 16 pages)", root / "sources-dev"),
            ("TabFact simple dev (987 statements, 193 tables)", root / "raw" / "tabfact" / "dev")]
    lines = ["| data set | system | macro-F1 | decisive precision | coverage | accuracy | claims per CPU-second |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: |"]
    speed: list[tuple[str, float, float]] = []
    for name, folder in sets:
        if not (folder / "claims.jsonl").is_file():
            print(f"{name}: skipped, no data at {folder}")
            continue
        claims, pages = load(folder)
        gold = [c["verdict"] for c in claims]
        rates = []
        for system, judge in (("claimtrack", ours), ("baseline: article reading alone", baseline)):
            pred, seconds = run(claims, pages, judge)
            s = scores(gold, pred)
            rate = len(claims) / seconds if seconds else float("inf")
            rates.append(rate)
            macro = _fmt(s["macro_f1"]) if "sources-dev" in name else "–"  # TabFact has two labels; its scorer reports accuracy
            lines.append(f"| {name} | {system} | {macro} | {_fmt(s['precision'])} | {_fmt(s['coverage'])} | "
                         f"{_fmt(s['accuracy'])} | {rate:,.0f} |")
        speed.append((name, rates[0], rates[1]))
    print("\n".join(lines))
    for name, ours_rate, base_rate in speed:
        print(f"speed on {name}: {ours_rate:,.0f} claims per CPU-second, {ours_rate / base_rate:.2f}× the baseline's")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Benchmark of the verification pipeline (fetch → passages → BM25 + boosts → verdict) on third-party data.

Run ``python bench/verification.py`` from the repo root. It prints one table and writes nothing.
Data directory: ``$CLAIMTRACK_EVAL`` if set, else ``../shared/eval`` relative to the repo root; when
it is absent the script says so and exits 0.

Every claim goes through the real ad-hoc path, ``flows.verify.check_claim``: its sources are HTML
pages served by a ``ThreadingHTTPServer`` on 127.0.0.1 (a free port), fetched with httpx under a
``FetchPolicy`` that allows only that host (robots.txt not consulted), parsed into passages,
ranked, and judged. Nothing else touches the network.

Data sets (all under ``raw/``):

* **QuanTemp** sample (``quantemp/test_sample249.jsonl``, test set, never tuned on): 249 numerical
  claims, each with the fact-checker's article (``doc``) as its one source. The article is split
  into sentences and served as ``<p>`` paragraphs of ``SENTENCES_PER_PARAGRAPH`` sentences (the
  text has no paragraph breaks of its own). Two settings: the full article, and the article with
  every sentence that matches ``RATING_WORDS`` removed. Gold True/False/Conflicting →
  supported/refuted/conflicting; macro-F1 over those 3 classes (a ``not_enough_evidence``
  answer is a miss for every class). The GPT-4o row is computed from the third party's
  prediction file (``rayarxti_test_sample249_gpt4o_results.csv``, full-article setting).
* **Climate-FEVER** (``climate-fever/climate-fever.jsonl``, the tuning set): one page per
  Wikipedia article title holding every evidence sentence of that title in the data set, one
  ``<p>`` each; a claim's sources are the pages of its evidence titles. Every ``CLIMATE_STEP``-th
  claim (positions 0, 2, 4, … of the file: 768 of 1,535) to keep the run short. Retrieval recall@5: a
  gold SUPPORTS/REFUTES evidence sentence counts as found when one of the 5 evidence passages
  returned contains its text (whitespace-normalised). Macro-F1 over the 4 classes
  (SUPPORTS/REFUTES/NOT_ENOUGH_INFO/DISPUTED → supported/refuted/not_enough_evidence/conflicting).
* **AVeriTeC dev**, numerical claims (``averitec-dev/dev.json``, ``claim_types`` containing
  "Numerical Claim"; test set): one page per claim, one ``<p>`` per answer holding its question,
  the answer and any boolean explanation. Macro-F1 over the 4 classes (Supported/Refuted/
  Not Enough Evidence/Conflicting Evidence/Cherrypicking). The other 381 dev claims, built the same
  way, are a second tuning set: they are not numerical claims, so they test the wording rules.
* **LIAR-PLUS** (``liar-plus/{val2,test2}.jsonl``), the claims with a digit (508 and 509): one page per
  claim holding PolitiFact's "Our ruling" justification, from which the dataset removed the verdict
  words, so it is a third rating-free setting beside QuanTemp's stripped one. The jsonl keeps the TSV's
  quoting and a space after decimal points; ``_unquote`` undoes both. Labels true/mostly-true →
  supported, false/pants-on-fire → refuted, half-true/barely-true → conflicting; macro-F1 over those
  3 classes. ``val2`` is a tuning set (added in session 3); ``test2`` is reported, not tuned on.

Columns: n; coverage = share of claims given a decisive verdict (supported/refuted); decisive
precision = share of decisive verdicts equal to the gold label; macro-F1; accuracy; claims per
second (wall clock of the whole check, fetch included, ``WORKERS`` forked processes). Under the table,
the F1 of each class for the QuanTemp rows. Rules in
``claims/verdict.py`` were tuned on Climate-FEVER, AVeriTeC's non-numerical claims and LIAR-PLUS val2 only;
QuanTemp, AVeriTeC's numerical claims and LIAR-PLUS test2 are reported, not tuned on.
"""

from __future__ import annotations

import csv
import html
import json
import multiprocessing
import re
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
from evaldata import eval_dir  # noqa: E402  (bench/evaldata.py)

from flows.fetch import FetchPolicy  # noqa: E402
from flows.verify import check_claim  # noqa: E402

DECISIVE = ("supported", "refuted")
QUANTEMP_LABELS = {"True": "supported", "False": "refuted", "Conflicting": "conflicting"}
CLIMATE_LABELS = {"SUPPORTS": "supported", "REFUTES": "refuted", "NOT_ENOUGH_INFO": "not_enough_evidence",
                  "DISPUTED": "conflicting"}
AVERITEC_LABELS = {"Supported": "supported", "Refuted": "refuted", "Not Enough Evidence": "not_enough_evidence",
                   "Conflicting Evidence/Cherrypicking": "conflicting"}
FOUR = ("supported", "refuted", "not_enough_evidence", "conflicting")
THREE = ("supported", "refuted", "conflicting")

# A sentence that states a fact-checker's rating, removed in the "ratings stripped" setting.
RATING_WORDS = re.compile(r"we rate|rated|rating|ruling|verdict|pants on fire|half[- ]true|mostly (true|false)", re.I)
# Sentence ends in the run-together article text: "... the U.S.Oregon, it would ..." has none of
# its own paragraphs, so split after . ! ? (and closing quotes) before a capital or opening quote.
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s*(?=[A-Z\"“‘(])|\n+")
DECIMAL_SPACE = re.compile(r"(\d)\. (\d)")
SENTENCES_PER_PARAGRAPH = 3
CLIMATE_STEP = 2  # every 2nd claim of Climate-FEVER (positions 0, 2, 4, ...), to keep the run near 3 minutes
WORKERS = 2  # processes checking claims (the machines have 2 cores)


# --- the loopback server -------------------------------------------------------------------------

class Pages:
    """HTML pages served on 127.0.0.1 from memory, on a free port, in a background thread."""

    def __init__(self) -> None:
        self.pages: dict[str, bytes] = {}
        pages = self.pages

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                body = pages.get(self.path)
                if body is None:
                    self.send_error(404)
                    return
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:  # quiet
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def add(self, path: str, title: str, paragraphs: Sequence[str]) -> str:
        body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs if p.strip())
        page = f"<!doctype html><html><head><title>{html.escape(title)}</title></head><body><article>\n{body}</article></body></html>"
        self.pages[path] = page.encode("utf-8")
        return self.base + path

    def __enter__(self) -> Pages:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()


POLICY = FetchPolicy(allowed_hosts=frozenset({"127.0.0.1"}), respect_robots=False)


# --- scoring ---------------------------------------------------------------------------------------

@dataclass
class Row:
    name: str
    n: int
    coverage: float | None
    precision: float | None
    macro_f1: float
    accuracy: float
    per_second: float | None
    recall5: float | None = None
    note: str = ""
    per_class: tuple[tuple[str, float], ...] = ()  # F1 of each class, for the table under the main one


def class_f1(gold: Sequence[str], pred: Sequence[str], classes: Sequence[str]) -> list[float]:
    scores = []
    for c in classes:
        tp = sum(1 for g, p in zip(gold, pred) if g == c and p == c)
        fp = sum(1 for g, p in zip(gold, pred) if g != c and p == c)
        fn = sum(1 for g, p in zip(gold, pred) if g == c and p != c)
        scores.append(2 * tp / (2 * tp + fp + fn) if tp else 0.0)
    return scores


def macro_f1(gold: Sequence[str], pred: Sequence[str], classes: Sequence[str]) -> float:
    scores = class_f1(gold, pred, classes)
    return sum(scores) / len(scores)


def score(name: str, gold: Sequence[str], pred: Sequence[str], classes: Sequence[str], seconds: float | None,
          recall5: float | None = None, note: str = "") -> Row:
    decisive = [(g, p) for g, p in zip(gold, pred) if p in DECISIVE]
    return Row(
        name=name,
        n=len(gold),
        coverage=len(decisive) / len(gold) if gold else None,
        precision=sum(g == p for g, p in decisive) / len(decisive) if decisive else None,
        macro_f1=macro_f1(gold, pred, classes),
        accuracy=sum(g == p for g, p in zip(gold, pred)) / len(gold) if gold else 0.0,
        per_second=len(gold) / seconds if seconds else None,
        recall5=recall5,
        note=note,
        per_class=tuple(zip(classes, class_f1(gold, pred, classes))),
    )


def _check(item: tuple[str, list[str]]) -> tuple[str, list[str]]:
    result, _ = check_claim(item[0], item[1], POLICY)
    return result.verdict.status, [r.text for r, _ in result.evidence]


def verify_all(items: Sequence[tuple[str, list[str]]]) -> tuple[list[tuple[str, list[str]]], float]:
    """check_claim on each (claim, source URLs) in WORKERS forked processes (the pages are served by
    this one); per claim its verdict and the texts of its evidence passages, and the wall-clock seconds."""
    started = time.perf_counter()
    if WORKERS > 1:
        with multiprocessing.get_context("fork").Pool(WORKERS) as pool:
            results = pool.map(_check, items, chunksize=4)
    else:
        results = [_check(item) for item in items]
    return results, time.perf_counter() - started


# --- data sets -------------------------------------------------------------------------------------

def sentences(text: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(text) if s and s.strip()]


def paragraphs(sents: Sequence[str], size: int = SENTENCES_PER_PARAGRAPH) -> list[str]:
    return [" ".join(sents[i : i + size]) for i in range(0, len(sents), size)]


def quantemp(raw: Path, pages: Pages) -> list[Row]:
    rows = [json.loads(line) for line in (raw / "quantemp" / "test_sample249.jsonl").open(encoding="utf-8")]
    gold = [QUANTEMP_LABELS[r["label"]] for r in rows]
    out = []
    for setting, keep in (("full article", lambda s: True), ("ratings stripped", lambda s: not RATING_WORDS.search(s))):
        items = []
        for r in rows:
            kept = [s for s in sentences(r["doc"]) if keep(s)]
            slug = "full" if setting == "full article" else "stripped"
            items.append((r["claim"], [pages.add(f"/quantemp/{slug}/{r['row']}", "fact-check", paragraphs(kept))]))
        results, seconds = verify_all(items)
        pred = [status for status, _ in results]
        out.append(score(f"QuanTemp sample, {setting}", gold, pred, THREE, seconds))
    with (raw / "quantemp" / "rayarxti_test_sample249_gpt4o_results.csv").open(encoding="utf-8", newline="") as handle:
        peer = list(csv.DictReader(handle))
    out.append(score("QuanTemp sample, full article: GPT-4o (rayarxti)",
                     [QUANTEMP_LABELS[p["true_label"]] for p in peer],
                     [QUANTEMP_LABELS.get(p["pred_label"], "not_enough_evidence") for p in peer], THREE, None))
    return out


def _norm(text: str) -> str:
    return " ".join(text.split())


def climate_fever(raw: Path, pages: Pages, step: int = CLIMATE_STEP) -> Row:
    records = [json.loads(line) for line in (raw / "climate-fever" / "climate-fever.jsonl").open(encoding="utf-8")]
    by_title: dict[str, list[str]] = {}
    for rec in records:
        for ev in rec["evidences"]:
            sents = by_title.setdefault(ev["article"], [])
            if ev["evidence"] not in sents:
                sents.append(ev["evidence"])
    urls = {title: pages.add(f"/wiki/{n}", title, sents) for n, (title, sents) in enumerate(by_title.items())}
    chosen = records[::step]
    items = [(rec["claim"], list(dict.fromkeys(urls[ev["article"]] for ev in rec["evidences"]))) for rec in chosen]
    results, seconds = verify_all(items)
    pred = [status for status, _ in results]
    found = total = 0
    for rec, (_, evidence) in zip(chosen, results):
        returned = [_norm(text) for text in evidence]
        for ev in rec["evidences"]:
            if ev["evidence_label"] in ("SUPPORTS", "REFUTES"):
                total += 1
                found += any(_norm(ev["evidence"]) in text for text in returned)
    gold = [CLIMATE_LABELS[rec["claim_label"]] for rec in chosen]
    note = "all claims" if step == 1 else f"every {step}nd claim" if step == 2 else f"every {step}th claim"
    return score(f"Climate-FEVER ({note}; tuning set)", gold, pred, FOUR, seconds,
                 recall5=found / total if total else None)


def averitec_claims(raw: Path, numerical: bool) -> list[dict]:
    """AVeriTeC dev claims typed "Numerical Claim" (the test set), or all the others (a tuning set)."""
    return [c for c in json.loads((raw / "averitec-dev" / "dev.json").read_text(encoding="utf-8"))
            if ("Numerical Claim" in (c.get("claim_types") or [])) == numerical]


def averitec_items(claims: Sequence[dict], pages: Pages, prefix: str) -> list[tuple[str, list[str]]]:
    items = []
    for n, c in enumerate(claims):
        paras = []
        for qa in c.get("questions") or []:
            for a in qa.get("answers") or []:
                text = " ".join(x for x in (qa.get("question", ""), a.get("answer", ""), a.get("boolean_explanation", "")) if x)
                paras.append(text)
        items.append((c["claim"], [pages.add(f"/{prefix}/{n}", "evidence", paras)]))
    return items


def averitec(raw: Path, pages: Pages, numerical: bool = True) -> Row:
    claims = averitec_claims(raw, numerical)
    results, seconds = verify_all(averitec_items(claims, pages, "averitec" if numerical else "averitec-other"))
    pred = [status for status, _ in results]
    gold = [AVERITEC_LABELS[c["label"]] for c in claims]
    name = "AVeriTeC dev, numerical claims" if numerical else "AVeriTeC dev, other claims (tuning set)"
    return score(name, gold, pred, FOUR, seconds)


LIAR_LABELS = {"true": "supported", "mostly-true": "supported", "false": "refuted", "pants-fire": "refuted",
               "half-true": "conflicting", "barely-true": "conflicting"}


def _unquote(text: str | None) -> str:
    """A LIAR-PLUS justification as PolitiFact wrote it: the jsonl keeps the TSV's quoting (a field in
    quotation marks, its own marks doubled) and a space after a decimal point ("4. 7 million")."""
    text = (text or "").strip()  # one test2 row has none
    if len(text) > 1 and text.startswith('"') and text.endswith('"'):
        text = text[1:-1].replace('""', '"')
    return DECIMAL_SPACE.sub(r"\1.\2", text)


def liar_plus(raw: Path, pages: Pages, split: str) -> Row:
    claims = [r for r in map(json.loads, (raw / "liar-plus" / f"{split}.jsonl").open(encoding="utf-8"))
              if re.search(r"\d", r["claim"])]
    items = [(r["claim"], [pages.add(f"/liar/{split}/{r['id']}", "ruling", paragraphs(sentences(_unquote(r["justification"]))))])
             for r in claims]
    results, seconds = verify_all(items)
    name = f"LIAR-PLUS {split}, claims with a digit" + (" (tuning set)" if split == "val2" else "")
    return score(name, [LIAR_LABELS[r["label"]] for r in claims], [status for status, _ in results], THREE, seconds)


# --- output ----------------------------------------------------------------------------------------

def _fmt(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def table(rows: Sequence[Row]) -> str:
    head = ["data set / setting", "n", "coverage", "decisive precision", "macro-F1", "accuracy", "recall@5", "claims/s"]
    body = [[r.name, str(r.n), _fmt(r.coverage), _fmt(r.precision), _fmt(r.macro_f1), _fmt(r.accuracy),
             _fmt(r.recall5), _fmt(r.per_second, 1)] for r in rows]
    widths = [max(len(x[i]) for x in [head, *body]) for i in range(len(head))]
    line = lambda cells: "| " + " | ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(cells, widths))) + " |"  # noqa: E731
    rule = "|" + "|".join(("-" * (w + 2)) if i == 0 else ("-" * (w + 1) + ":") for i, w in enumerate(widths)) + "|"
    return "\n".join([line(head), rule, *(line(b) for b in body)])


def main() -> int:
    raw = eval_dir() / "raw"
    if not raw.is_dir():
        print(f"verification benchmark skipped: no evaluation data at {raw}")
        return 0
    only = set(sys.argv[1:])  # optional: quantemp / climate / averitec / averitec-other / liar-val2 / liar-test2
    started = time.perf_counter()
    rows: list[Row] = []
    with Pages() as pages:
        if not only or "quantemp" in only:
            rows += quantemp(raw, pages)
        if not only or "climate" in only:
            rows.append(climate_fever(raw, pages))
        if not only or "averitec" in only:
            rows.append(averitec(raw, pages))
        if not only or "averitec-other" in only:
            rows.append(averitec(raw, pages, numerical=False))
        for split in ("val2", "test2"):
            if not only or f"liar-{split}" in only:
                rows.append(liar_plus(raw, pages, split))
    print(table(rows))
    quantemp_rows = [r for r in rows if r.name.startswith("QuanTemp")]
    if quantemp_rows:
        print("\nF1 per class (QuanTemp):")
        for r in quantemp_rows:
            print(f"  {r.name}: " + ", ".join(f"{c} {f:.3f}" for c, f in r.per_class))
    print(f"\nverdict classes: supported/refuted/conflicting (QuanTemp, LIAR-PLUS), plus not_enough_evidence (others); "
          f"coverage = share decided supported/refuted; total {time.perf_counter() - started:.0f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

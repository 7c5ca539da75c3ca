"""Benchmark of claims.quantities on NewsQuant (CQE evaluation set) and on the peers' test suites.

Run ``python bench/quantities.py`` from the repo root: prints dev and test figures for NewsQuant,
throughput, and the pass rates on the quantulum3 / Recognizers-Text suites. Skips (exit 0) when
the data directory is absent. Data directory: ``$CLAIMTRACK_EVAL`` if set, else
``../shared/eval`` relative to the repo root.

Split (deterministic, declared once): NewsQuant sentence ``i`` (0-based position in
NewsQuant.json) is **test** when ``i % 5 == 0`` and **dev** otherwise (472 dev / 118 test).
Rules are tuned on dev only.

Scoring: per sentence, the multiset of gold values against the multiset of predicted values,
matched greedily with a relative tolerance of 1e-3 (absolute 1e-9); true positives, false
positives and false negatives are summed over sentences (micro average). Both sides are
normalised the same way:

* a value is compared by magnitude (NewsQuant writes "fell 3%" as change=down, value 3; we
  write "-3.5 degrees" as -3.5);
* a range contributes its two endpoints: gold "252.0-287.0" -> {252, 287}; a prediction with
  ``upper`` -> {value, upper}. NewsQuant writes "from $36,040 to $34,935" and "dozens"
  (12-120) as ranges too, so this is the one representation both sides share;
* percentages are numbers of percent on both sides ("20%" -> 20); ratios and fractions
  contribute ``value`` ("one in five" -> 1, NewsQuant's own convention for "one of the ...");
* an amount written in hundredths of a currency is compared as written: we normalise "32 cents"
  to 0.32 USD and "118.5p" to 1.185 GBP, NewsQuant keeps 32 cent and 118.5 p, so the predicted
  side multiplies such an amount back by 100 (its surface says which: cents, pence, p, sen, ...);
* a duration written in several units is compared part by part: we read "24 hours, 39 minutes,
  and 35 seconds" as one duration of 88,775 seconds, NewsQuant as three quantities 24, 39, 35,
  so the predicted side contributes the number of each part. A clock-form duration ("3:46.04",
  226.04 s) is one number on our side; NewsQuant annotates none, so each counts as ours alone.

``main`` prints dev, test and all 590 sentences (pass split names to choose).
"""

from __future__ import annotations

import json
import math
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
if str(REPO / "bench") not in sys.path:  # loaded by file path from the tests too
    sys.path.insert(0, str(REPO / "bench"))
from evaldata import eval_dir  # noqa: E402  (bench/evaldata.py)

from claims.quantities import find_quantities  # noqa: E402

REL_TOL = 1e-3
# Gold range strings: "252.0-287.0", "3.0 - 4.0", "0-62.0" (but not "-1.4" or "1.99E-29").
_GOLD_RANGE = re.compile(r"^\s*(-?\d[\d.]*(?:[eE][-+]?\d+)?)\s*-\s*(-?\d[\d.]*(?:[eE][-+]?\d+)?)\s*$")


def newsquant_path() -> Path:
    return eval_dir() / "raw" / "newsquant-cqe" / "NewsQuant.json"


def in_split(index: int, split: str) -> bool:
    if split == "dev":
        return index % 5 != 0
    if split == "test":
        return index % 5 == 0
    if split == "all":
        return True
    raise ValueError(f"split must be 'dev', 'test' or 'all', not {split!r}")


def gold_values(value: str) -> list[float]:
    """NewsQuant value string -> the numbers it stands for (a range gives both endpoints)."""
    try:
        return [abs(float(value))]
    except (TypeError, ValueError):
        pass
    m = _GOLD_RANGE.match(str(value))
    if m:
        return [abs(float(m.group(1))), abs(float(m.group(2)))]
    return []


# A money amount whose surface writes hundredths of its currency: "32 cents", "118.5p", "10-15 sen".
_SUBUNIT_SURFACE = re.compile(r"(?<!per )\b(?:cents?|pence|sen|paise|kopecks|kopeks)\b|\dp\b")
# The parts of a compound duration: "one minute, 47.97 seconds", "2hr 4min 55sec".
_DURATION_PARTS = re.compile(r",\s*(?:and\s+)?|\s+and\s+|(?<=[A-Za-z])\s+(?=\d)")


def predicted_values(text: str) -> list[float]:
    out: list[float] = []
    for q in find_quantities(text):
        if q.kind == "measure" and q.unit == "seconds" and ":" not in q.text:
            parts = [p for p in _DURATION_PARTS.split(q.text) if p.strip()]
            if len(parts) > 1:  # NewsQuant: one quantity per unit written
                out += [abs(v.value) for p in parts for v in find_quantities(p)]
                continue
        currency = q.unit is not None and len(q.unit) == 3 and q.unit.isupper()
        scale = 100.0 if currency and q.kind in ("money", "range") and _SUBUNIT_SURFACE.search(q.text) else 1.0
        out.append(abs(q.value) * scale)
        if q.upper is not None:
            out.append(abs(q.upper) * scale)
    return out


def match_counts(gold: list[float], pred: list[float]) -> tuple[int, int, int]:
    """Greedy multiset match with relative tolerance -> (tp, fp, fn)."""
    remaining = list(gold)
    tp = 0
    for p in pred:
        for i, g in enumerate(remaining):
            if math.isclose(p, g, rel_tol=REL_TOL, abs_tol=1e-9):
                del remaining[i]
                tp += 1
                break
    return tp, len(pred) - tp, len(remaining)


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def score_cqe_file(path: Path | str, split: str = "all", errors: list | None = None) -> dict:
    """P/R/F1 of find_quantities on a CQE-format JSON file (NewsQuant or recognizers-*)."""
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    tp = fp = fn = 0
    n = exact = 0
    for i, row in enumerate(data):
        if not in_split(i, split):
            continue
        n += 1
        gold = [v for q in row.get("quantities", []) for v in gold_values(q.get("value"))]
        pred = predicted_values(row["text"])
        a, b, c = match_counts(gold, pred)
        tp, fp, fn = tp + a, fp + b, fn + c
        exact += (b == 0 and c == 0)
        if errors is not None and (b or c):
            errors.append((i, row["text"], sorted(gold), sorted(pred)))
    out = _prf(tp, fp, fn)
    out["sentences"] = n
    out["pass_rate"] = exact / n if n else 1.0
    return out


def throughput(texts: list[str], target_chars: int = 1_000_000, repeats: int = 3) -> float:
    """Characters per second of find_quantities on the texts joined into ~target_chars
    (best of ``repeats`` runs: the machines we run on are shared)."""
    block = "\n".join(texts)
    if not block:
        return 0.0
    big = block * max(1, target_chars // len(block))
    best = float("inf")
    for _ in range(repeats):
        t0 = time.perf_counter()
        find_quantities(big)
        best = min(best, time.perf_counter() - t0)
    return len(big) / best if best > 0 else float("inf")


def newsquant_eval(path_to_newsquant_json: Path | str | None = None, split: str = "dev") -> dict:
    """NewsQuant micro P/R/F1 on ``split`` ('dev', 'test' or 'all') plus characters per second."""
    path = Path(path_to_newsquant_json) if path_to_newsquant_json else newsquant_path()
    out = score_cqe_file(path, split)
    data = json.loads(path.read_text(encoding="utf-8"))
    texts = [row["text"] for i, row in enumerate(data) if in_split(i, split)]
    out["chars_per_sec"] = throughput(texts)
    return out


# ---------------------------------------------------------------------------------------------
# Peer suites.
# ---------------------------------------------------------------------------------------------

def _quantulum_rows(path: Path) -> list[tuple[str, list[float]]]:
    rows = []
    for row in json.loads(path.read_text(encoding="utf-8")):
        vals = []
        for q in row["res"]:
            v = float(q["value"])
            u = q.get("uncertainty")
            if u:
                vals += [abs(v - u), abs(v + u)]
            else:
                vals.append(abs(v))
        rows.append((row["req"], vals))
    return rows


def _recognizers_rows(path: Path) -> list[tuple[str, list[float]]]:
    """Recognizers-Text spec file -> (input, expected numeric values)."""
    rows = []
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        vals = []
        for r in case.get("Results", []):
            res = r.get("Resolution") or {}
            v = res.get("value")
            if v is None:
                continue
            try:
                vals.append(abs(float(str(v).rstrip("%").replace(",", ""))))
            except ValueError:
                nums = re.findall(r"-?\d+(?:\.\d+)?", str(v))  # intervals "[20,30)"
                vals += [abs(float(x)) for x in nums]
        rows.append((case["Input"], vals))
    return rows


def _suite_score(rows: list[tuple[str, list[float]]]) -> dict:
    tp = fp = fn = 0
    exact = 0
    for text, gold in rows:
        a, b, c = match_counts(gold, predicted_values(text))
        tp, fp, fn = tp + a, fp + b, fn + c
        exact += (b == 0 and c == 0)
    out = _prf(tp, fp, fn)
    out["cases"] = len(rows)
    out["pass_rate"] = exact / len(rows) if rows else 1.0
    return out


def peer_suite_pass_rates(base: Path | None = None) -> dict[str, dict]:
    """Per suite: pass rate (case exactly right, value multiset) and value-level P/R/F1.

    These are the peers' own suites, used as extra dev material; their conventions differ from
    ours, so read the figures with care: quantulum3 reports years and "a dozen" = 1 dozen;
    Recognizers' NumberWithUnit files annotate only their own type (currency, dimension, ...),
    so their precision counts our other, correct quantities as errors -- recall is the
    meaningful figure there. The cqe/ files are the CQE authors' re-annotation of the same
    Recognizers cases in NewsQuant's schema.
    """
    raw = (base or eval_dir()) / "raw"
    out: dict[str, dict] = {}
    q3 = raw / "quantulum3-tests"
    for name in ("quantities.json", "quantities.ambiguity.json"):
        if (q3 / name).exists():
            out[f"quantulum3/{name}"] = _suite_score(_quantulum_rows(q3 / name))
    if (q3 / "spellout_values.json").exists():
        rows = [(r["req"], [abs(float(x)) for x in r["res"]])
                for r in json.loads((q3 / "spellout_values.json").read_text(encoding="utf-8"))]
        out["quantulum3/spellout_values.json"] = _suite_score(rows)
    if (q3 / "errors.json").exists():
        cases = json.loads((q3 / "errors.json").read_text(encoding="utf-8"))
        ok = 0
        for c in cases:
            try:
                find_quantities(c["req"] if isinstance(c, dict) else str(c))
                ok += 1
            except Exception:  # noqa: BLE001 - counting crashes is the point
                pass
        out["quantulum3/errors.json"] = {"cases": len(cases), "pass_rate": ok / len(cases) if cases else 1.0}
    rt = raw / "recognizers-text-en"
    for name in ("Number/PercentModel.json", "Number/NumberRangeModel.json",
                 "NumberWithUnit/CurrencyModel.json", "NumberWithUnit/DimensionModel.json",
                 "NumberWithUnit/TemperatureModel.json", "NumberWithUnit/AgeModel.json"):
        if (rt / name).exists():
            out[f"recognizers/{name}"] = _suite_score(_recognizers_rows(rt / name))
    nq = raw / "newsquant-cqe"
    for p in sorted(nq.glob("recognizers-*.cqe_format.json")):
        out[f"cqe/{p.name}"] = score_cqe_file(p, "all")
    return out


# Inputs that once made find_quantities quadratic; linearity() times each at two sizes.
PATHOLOGICAL = ["twenty-five ", "one two ", "123 ", "1-", "816\u00a0000\u00a0", "5% ", "1 ",
                "a third of ", "from $10 to ", "http://x.com/1", "one and ", "1 in ", "1m and ",
                "1:02.3 ", "5 minutes, ", "$1, 000, ", "3 cents "]


def linearity(size: int = 50_000) -> dict[str, float]:
    """Time ratio of find_quantities on 2*size vs size characters of each pathological input
    (about 2 when linear; a quadratic rule shows as 4 or more)."""
    out = {}
    for unit in PATHOLOGICAL:
        times = []
        for n in (size, 2 * size):
            text = unit * (n // len(unit))
            t0 = time.perf_counter()
            find_quantities(text)
            times.append(time.perf_counter() - t0)
        out[unit] = times[1] / times[0] if times[0] > 0 else float("inf")
    return out


def main(argv: list[str]) -> int:
    path = newsquant_path()
    if not path.exists():
        print(f"skip: NewsQuant data not found at {path} (set CLAIMTRACK_EVAL)")
        return 0
    splits = argv or ["dev", "test", "all"]
    for split in splits:
        r = newsquant_eval(path, split)
        label = f"{split} {r['sentences']}" if split == "all" else split
        print(f"NewsQuant {label:7s}: P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f} "
              f"(tp={r['tp']} fp={r['fp']} fn={r['fn']}, {r['sentences']} sentences) "
              f"throughput={r['chars_per_sec'] / 1e6:.2f} M chars/s")
    ratios = linearity()
    worst = max(ratios, key=ratios.get)
    print(f"linearity: worst time ratio for doubled input {ratios[worst]:.1f} ({worst!r}); ~2 is linear")
    for name, r in peer_suite_pass_rates().items():
        extra = f" P={r['precision']:.3f} R={r['recall']:.3f} F1={r['f1']:.3f}" if "f1" in r else ""
        print(f"{name:50s} pass={r['pass_rate']:.3f} (n={r.get('cases', r.get('sentences'))}){extra}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))

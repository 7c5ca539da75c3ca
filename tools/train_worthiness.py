#!/usr/bin/env python3
"""Train the check-worthiness model used by ``claims.checkworthiness``.

    python -m venv .venv-train
    .venv-train/bin/pip install -r tools/requirements-train.txt
    .venv-train/bin/python tools/train_worthiness.py

Reads CLEF-2024 CheckThat! Task 1 English from ``$CLAIMTRACK_EVAL`` (or
``../shared/eval`` beside the checkout): ``raw/checkthat-ct24-en/CT24_checkworthy_english_{train,dev,dev-test}.tsv``.
Fits logistic regression on ``train`` over the pure-Python features of
``claims.checkworthiness.featurize`` (so inference uses exactly the training
features), chooses the regularisation strength and the decision threshold on
``dev``, writes ``claims/data/checkworthiness.json.gz`` with the bias shifted so
that a score of 0.5 is that threshold, then prints dev F1 and dev-test F1 (the
positive class, "Yes") and the scorer's throughput.  Deterministic: no random
state is involved beyond fixed seeds.

Options: ``--no-test`` skips the dev-test evaluation (use it while developing,
so dev-test is only looked at once the method is fixed); ``--out PATH``;
``--bench`` only measures the throughput of the committed model.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import os
import random
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from claims.checkworthiness import MODEL_PATH, featurize, load_model, score_checkworthiness  # noqa: E402

GROUPS = ("w", "c", "h")
SEED = 13
# Hyper-parameter grid (small on purpose: 2 shared cores). Chosen on dev by F1 at the best threshold.
C_GRID = (1.0, 2.0, 4.0, 8.0)
CLASS_WEIGHTS = (None, "balanced")
MIN_DF = {"w": 2, "c": 3, "h": 1}
# Weights with |w| below this are dropped from the saved file (keeps it small; effect on scores is negligible).
PRUNE = 2e-3


def eval_root() -> Path:
    env = os.environ.get("CLAIMTRACK_EVAL")
    if env:
        return Path(env)
    return REPO.parent / "shared" / "eval"


def read_ct24(split: str) -> tuple[list[str], list[int]]:
    path = eval_root() / "raw" / "checkthat-ct24-en" / f"CT24_checkworthy_english_{split}.tsv"
    texts, labels = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            texts.append(row["Text"])
            labels.append(1 if row["class_label"].strip() == "Yes" else 0)
    return texts, labels


# ----------------------------------------------------------------------------- features -> matrix


def featurize_all(texts):
    return [featurize(t) for t in texts]


def build_vocab(feats, min_df=MIN_DF):
    vocab = {}
    for gi, g in enumerate(GROUPS):
        df: dict[str, int] = {}
        for f in feats:
            for x in set(f[gi]):
                df[x] = df.get(x, 0) + 1
        keep = sorted(k for k, v in df.items() if v >= min_df[g])
        vocab[g] = {k: i for i, k in enumerate(keep)}
    return vocab


def to_matrix(feats, vocab):
    import numpy as np
    import scipy.sparse as sp

    offsets, off = {}, 0
    for g in GROUPS:
        offsets[g] = off
        off += len(vocab[g])
    rows, cols, vals = [], [], []
    for r, f in enumerate(feats):
        for gi, g in enumerate(GROUPS):
            items = f[gi]
            if not items:
                continue
            scale = 1.0 if g == "h" else 1.0 / math.sqrt(len(items))
            voc, o = vocab[g], offsets[g]
            for x in items:
                j = voc.get(x)
                if j is not None:
                    rows.append(r)
                    cols.append(o + j)
                    vals.append(scale)
    m = sp.csr_matrix((np.asarray(vals), (np.asarray(rows), np.asarray(cols))), shape=(len(feats), off))
    m.sum_duplicates()
    return m, offsets


# ----------------------------------------------------------------------------- metrics


def f1_at(scores, labels, thr):
    tp = fp = fn = 0
    for s, y in zip(scores, labels):
        p = s >= thr
        if p and y:
            tp += 1
        elif p:
            fp += 1
        elif y:
            fn += 1
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def best_threshold(scores, labels):
    """Threshold maximising F1 on (scores, labels); ties -> the one nearest 0.5 (stable)."""
    cands = sorted(set(round(s, 4) for s in scores))
    best = (-1.0, 0.0, 0.5)
    for t in cands:
        f = f1_at(scores, labels, t)
        key = (f, -abs(t - 0.5))
        if key > best[:2]:
            best = (f, -abs(t - 0.5), t)
    return best[2], best[0]


def smoothed_threshold(scores, labels, width=0.05):
    """Threshold maximising the F1 averaged over a window (less noisy than the argmax on 1k sentences)."""
    grid = [i / 200 for i in range(10, 191)]
    f1s = [f1_at(scores, labels, t) for t in grid]
    k = max(1, int(round(width * 200)))
    best_t, best_f = 0.5, -1.0
    for i, t in enumerate(grid):
        lo, hi = max(0, i - k), min(len(grid), i + k + 1)
        f = sum(f1s[lo:hi]) / (hi - lo)
        if f > best_f:
            best_t, best_f = t, f
    return best_t, f1_at(scores, labels, best_t)


# ----------------------------------------------------------------------------- training


def fit_lr(X, y, C, class_weight):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=C, class_weight=class_weight, solver="liblinear", max_iter=2000, random_state=SEED)
    clf.fit(X, y)
    return clf


def export(clf, vocab, offsets, threshold, meta):
    coef = clf.coef_[0]
    bias = float(clf.intercept_[0])
    # Fold the "h" group's always-on feature into the bias; shift so that 0.5 = threshold.
    logit_thr = math.log(threshold / (1.0 - threshold))
    weights = {}
    for g in GROUPS:
        o = offsets[g]
        d = {}
        for k, j in vocab[g].items():
            w = float(coef[o + j])
            if abs(w) >= PRUNE:
                d[k] = float(f"{w:.4g}")
        weights[g] = d
    return {
        "format": "claimtrack-checkworthiness/1",
        "bias": float(f"{bias - logit_thr:.6g}"),
        "weights": weights,
        "meta": meta,
    }


def write_model(model, path: Path):
    path.parent.mkdir(parents=True, exist_ok=True)
    data = json.dumps(model, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
    with open(path, "wb") as raw:
        # mtime=0 and no file name: byte-identical output for identical models.
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as gz:
            gz.write(data)


def bench_throughput(n=20000, path=None):
    """Print and return sentences/s of score_checkworthiness on CT24 dev sentences (one core)."""
    try:
        texts, _ = read_ct24("dev")
    except OSError:
        texts = ["Both provinces make up 20 percent of Georgia's land area, according to DOD."] * 100
    if path is not None:
        import claims.checkworthiness as cw

        cw._MODEL = cw._read_model(Path(path))
    load_model()
    batch = (texts * (n // len(texts) + 1))[:n]
    t0 = time.perf_counter()
    score_checkworthiness(batch)
    dt = time.perf_counter() - t0
    rate = n / dt
    print(f"throughput: {rate:,.0f} sentences/s ({n} sentences, mean {sum(map(len, batch)) / n:.0f} chars)")
    return rate


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--no-test", action="store_true", help="do not evaluate on dev-test")
    ap.add_argument("--bench", action="store_true", help="only measure throughput of the model at --out")
    args = ap.parse_args(argv)
    if args.bench:
        bench_throughput(path=args.out)
        return 0

    random.seed(SEED)
    t0 = time.time()
    tr_x, tr_y = read_ct24("train")
    dv_x, dv_y = read_ct24("dev")
    print(f"train {len(tr_x)} ({sum(tr_y)} Yes), dev {len(dv_x)} ({sum(dv_y)} Yes); eval root {eval_root()}")
    tr_f, dv_f = featurize_all(tr_x), featurize_all(dv_x)
    vocab = build_vocab(tr_f)
    Xtr, offsets = to_matrix(tr_f, vocab)
    Xdv, _ = to_matrix(dv_f, vocab)
    print(f"features: " + ", ".join(f"{g}={len(vocab[g])}" for g in GROUPS) + f"  ({time.time() - t0:.0f}s)")

    best = None
    for cw in CLASS_WEIGHTS:
        for C in C_GRID:
            clf = fit_lr(Xtr, tr_y, C, cw)
            p = clf.predict_proba(Xdv)[:, 1].tolist()
            thr, f = smoothed_threshold(p, dv_y)
            print(f"  C={C:<4} class_weight={cw!s:<8} dev F1={f:.4f} @thr={thr:.3f}  (F1@0.5={f1_at(p, dv_y, 0.5):.4f})")
            if best is None or f > best[0]:
                best = (f, C, cw, thr, clf)
    f, C, cw, thr, clf = best
    print(f"chosen: C={C} class_weight={cw} threshold={thr:.3f} dev F1={f:.4f}")
    meta = {
        "trained_on": "CLEF-2024 CheckThat! Task 1 English train (22,501 sentences)",
        "C": C,
        "class_weight": cw,
        "dev_threshold": thr,
        "dev_f1": round(f, 4),
    }
    model = export(clf, vocab, offsets, thr, meta)

    # Check that the exported pure-Python model reproduces the sklearn decision on dev.
    import claims.checkworthiness as cwmod

    write_model(model, args.out)
    cwmod._MODEL = cwmod._read_model(args.out)
    dv_s = score_checkworthiness(dv_x)
    dev_f1 = f1_at(dv_s, dv_y, 0.5)
    print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, "
          + ", ".join(f"{g}={len(model['weights'][g])}" for g in GROUPS) + ")")
    print(f"dev F1 (pure-Python scorer, 0.5): {dev_f1:.4f}")
    if not args.no_test:
        te_x, te_y = read_ct24("dev-test")
        te_s = score_checkworthiness(te_x)
        print(f"dev-test F1 (pure-Python scorer, 0.5): {f1_at(te_s, te_y, 0.5):.4f}")
    bench_throughput()
    print(f"total {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

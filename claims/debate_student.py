"""The debate student: a static word-piece model distilled from a fine-tuned MiniLM, for transcribed speech.

``claims.checkworthiness`` mixes a news model and a debate model by register (how much a sentence reads like
transcribed speech).  When ``claims/data/debate_student.json.gz`` is there (``make train-debate`` builds it; it is
not in the repository) this model takes the linear debate model's place for speech: a sentence's word pieces (BERT's
uncased WordPiece, as all-MiniLM-L6-v2 cuts them) each have a vector, the sentence's vector is their mean,
L2-normalised, and one hidden layer (ReLU) gives a logit.  ``tools/distill_debate.py`` trains it
(``../shared/MODELS.md`` #10: a model2vec static model regressed on the logits of MiniLM fine-tuned on CT24).

The first layer is linear, so its image of the normalised mean is the sum of each piece's image (``W1 · v``) over
the norm of the sum of the vectors.  The file keeps both per piece as int8 rows (a scale per column), then the
layer's bias, the output layer and the threshold chosen on CT24 dev.  Scoring is pure Python: each piece's rows are
packed once into integers (a 32-bit field per column), a sentence's sums are then two big-integer additions per
piece, and only the norm, the ReLU and the output layer run per column.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import sys
import threading
import unicodedata
from array import array
from itertools import repeat
from operator import add, mul
from pathlib import Path
from typing import Any, Sequence

__all__ = ["DebateStudent", "STUDENT_PATH", "load_student", "wordpieces"]

STUDENT_PATH = Path(__file__).resolve().parent / "data" / "debate_student.json.gz"
FORMAT = "claimtrack-debate-student/1"

_MAX_WORD_CHARS = 100  # BERT's WordPiece: a longer word is unknown
_FIELD = 32  # bits per packed field: a sum of 512 int8 values needs 17
_HALF = 1 << (_FIELD - 1)
_WORD_CACHE_MAX = 500_000
_INT32 = next(code for code in "ilh" if array(code).itemsize == 4)  # the array type code of a 32-bit integer


def _is_punct(ch: str) -> bool:
    o = ord(ch)
    if 33 <= o <= 47 or 58 <= o <= 64 or 91 <= o <= 96 or 123 <= o <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(o: int) -> bool:
    return (0x4E00 <= o <= 0x9FFF or 0x3400 <= o <= 0x4DBF or 0x20000 <= o <= 0x2A6DF or 0x2A700 <= o <= 0x2B73F
            or 0x2B740 <= o <= 0x2B81F or 0x2B820 <= o <= 0x2CEAF or 0xF900 <= o <= 0xFAFF or 0x2F800 <= o <= 0x2FA1F)


def _normalise(text: str) -> str:
    """BERT's uncased normaliser: control characters dropped, white space made ' ', CJK characters spaced out,
    accents stripped (NFD, marks removed), lower case."""
    if text.isascii():
        return "".join(" " if ch in "\t\n\r" else ch for ch in text if ch >= " " and ch != "\x7f" or ch in "\t\n\r").lower()
    out = []
    for ch in text:
        if ch in "\t\n\r":
            out.append(" ")
            continue
        o, cat = ord(ch), unicodedata.category(ch)
        if o == 0 or o == 0xFFFD or cat[0] == "C":
            continue
        if ch.isspace() or cat == "Zs":
            out.append(" ")
        elif _is_cjk(o):
            out.append(f" {ch} ")
        else:
            out.append(ch)
    text = unicodedata.normalize("NFD", "".join(out))
    return "".join(ch for ch in text if unicodedata.category(ch) != "Mn").lower()


def _words(text: str) -> list[str]:
    """BERT's pre-tokeniser: split at white space, and every punctuation character a word of its own."""
    out = []
    for chunk in text.split():
        if chunk.isalnum():
            out.append(chunk)
            continue
        start = 0
        for i, ch in enumerate(chunk):
            if _is_punct(ch):
                if i > start:
                    out.append(chunk[start:i])
                out.append(ch)
                start = i + 1
        if start < len(chunk):
            out.append(chunk[start:])
    return out


def wordpieces(text: str, vocab: dict[str, int], unk: int | None = None, cache: dict | None = None) -> list[int]:
    """The ids of ``text``'s word pieces (greedy longest match, '##' for a word's later pieces); an unknown word
    gives ``unk`` (dropped when None).  ``cache`` (word -> ids) saves cutting a word again."""
    ids: list[int] = []
    for word in _words(_normalise(text)):
        got = cache.get(word) if cache is not None else None
        if got is None:
            got = _pieces_of(word, vocab, unk)
            if cache is not None and len(cache) < _WORD_CACHE_MAX:
                cache[word] = got
        ids.extend(got)
    return ids


def _pieces_of(word: str, vocab: dict[str, int], unk: int | None) -> tuple[int, ...]:
    whole = vocab.get(word)
    if whole is not None:
        return (whole,)
    bad = () if unk is None else (unk,)
    if len(word) > _MAX_WORD_CHARS:
        return bad
    out, start = [], 0
    while start < len(word):
        end = len(word)
        found = None
        while start < end:
            found = vocab.get(word[start:end] if start == 0 else "##" + word[start:end])
            if found is not None:
                break
            end -= 1
        if found is None:
            return bad
        out.append(found)
        start = end
    return tuple(out)


class DebateStudent:
    """The trained debate model: ``logits(texts)``, each minus its threshold (> 0: check-worthy in a debate)."""

    def __init__(self, data: dict[str, Any]):
        if data.get("format") != FORMAT:
            raise ValueError(f"not a debate student file (format {data.get('format')!r}, expected {FORMAT!r})")
        self.pieces: list[str] = data["pieces"]
        self.vocab = {p: i for i, p in enumerate(self.pieces) if p}
        self.max_tokens = int(data.get("max_tokens") or 512)
        self.scale: list[float] = [float(s) for s in data["terms_scale"]]  # per hidden unit: term = int8 x scale
        self.hidden = len(self.scale)
        self.table = base64.b64decode(data["terms"])  # int8 rows, ``hidden`` bytes per piece
        # L2-normalised pooling needs the norm of the sum of the pieces' vectors: their int8 rows and scales.
        self.normalize = bool(data.get("normalize"))
        self.vector_scale: list[float] = [float(s) for s in data.get("vectors_scale") or []]
        self.dims = len(self.vector_scale)
        self.vectors = base64.b64decode(data["vectors"]) if self.normalize else b""
        if (len(self.table) != self.hidden * len(self.pieces)
                or len(self.vectors) != self.dims * len(self.pieces) * self.normalize):
            raise ValueError("debate student: a table does not match its vocabulary")
        if self.max_tokens * 127 >= _HALF:
            raise ValueError("debate student: max_tokens too large for the packed sums")
        self.b1: list[float] = [float(b) for b in data["b1"]]
        self.w2: list[float] = [float(w) for w in data["w2"]]
        self.b2 = float(data["b2"]) - float(data.get("threshold", 0.0))
        self.meta = data.get("meta", {})
        self._bias = _pack([_HALF] * self.hidden)
        self._bias_dims = _pack([_HALF] * self.dims)
        self._empty = self.b2 + sum(map(mul, self.w2, (max(0.0, b) for b in self.b1)))
        self._packed: dict[int, tuple[int, int]] = {}
        self._word_cache: dict[str, tuple[int, ...]] = {}

    def _piece(self, i: int) -> tuple[int, int]:
        """Piece ``i``'s int8 rows (first-layer terms, vector) as packed integers (kept once computed)."""
        got = self._packed.get(i)
        if got is None:
            terms = _pack(array("b", self.table[i * self.hidden:(i + 1) * self.hidden]))
            vector = _pack(array("b", self.vectors[i * self.dims:(i + 1) * self.dims])) if self.normalize else 0
            got = self._packed[i] = (terms, vector)
        return got

    def logit(self, text: str) -> float:
        """The sentence's logit minus the threshold."""
        ids = wordpieces(text[: self.max_tokens * 10], self.vocab, None, self._word_cache)[: self.max_tokens]
        if not ids:
            return self._empty  # model2vec's mean of no vectors is zero
        terms = vector = 0
        for i in ids:
            t, v = self._piece(i)
            terms += t
            vector += v
        if self.normalize:  # the first layer of the normalised mean: the terms' sum over the vectors' sum's norm
            x = list(map(mul, _unpack(vector, self._bias_dims, self.dims), self.vector_scale))
            k = 1.0 / (math.sqrt(sum(map(mul, x, x))) or 1.0)
        else:
            k = 1.0 / len(ids)
        first = map(mul, _unpack(terms, self._bias, self.hidden), self.scale)
        acts = map(max, map(add, map(mul, first, repeat(k)), self.b1), repeat(0.0))
        return self.b2 + sum(map(mul, acts, self.w2))

    def clear_cache(self) -> None:
        """Forget the pieces and words met so far (a benchmark's fresh start)."""
        self._packed.clear()
        self._word_cache.clear()

    def logits(self, texts: Sequence[str]) -> list[float]:
        return [self.logit(t if isinstance(t, str) else str(t)) for t in texts]

    def probabilities(self, texts: Sequence[str]) -> list[float]:
        return [1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z)))) for z in self.logits(texts)]


def _pack(fields: Sequence[int]) -> int:
    """Signed integers as one integer, field i at bit 32·i: a sum of packed values packs the fields' sums."""
    out = 0
    for v in reversed(fields):
        out = (out << _FIELD) + v
    return out


def _unpack(value: int, bias: int, n: int) -> array:
    """The ``n`` signed fields of a packed value; ``bias`` is ``_HALF`` packed in every field.

    Adding ``_HALF`` to every field makes each a non-negative 32-bit digit (no borrow crosses fields) with its top
    bit flipped; the XOR flips it back, which leaves each digit the field's two's complement, read as a signed
    32-bit integer.
    """
    raw = array(_INT32, ((value + bias) ^ bias).to_bytes(n * _FIELD // 8, "little"))
    if sys.byteorder == "big":
        raw.byteswap()
    return raw


_STUDENT: DebateStudent | None = None
_LOCK = threading.Lock()


def load_student(path: str | Path | None = None) -> DebateStudent | None:
    """The shipped debate student (read once, cached), or the one at ``path``; None when the file is absent."""
    global _STUDENT
    if path is not None:
        return _read(Path(path))
    if _STUDENT is None and STUDENT_PATH.exists():
        with _LOCK:
            if _STUDENT is None:
                _STUDENT = _read(STUDENT_PATH)
    return _STUDENT


def _read(path: Path) -> DebateStudent:
    try:
        return DebateStudent(json.loads(gzip.decompress(path.read_bytes())))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"{path}: {exc}; rebuild it with `make train-debate`, or delete it to score debates with "
                         "the linear debate model") from None

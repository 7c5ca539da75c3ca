"""The debate student (``claims/debate_student.py``): BERT's word pieces in pure Python, and its packed-integer
arithmetic against plain floating point."""

from __future__ import annotations

import base64
import math
import random

import pytest

from claims.debate_student import DebateStudent, load_student, wordpieces

# What the Hugging Face tokenizer of all-MiniLM-L6-v2 gives (tokenizers 0.22.2, no special tokens), on a toy
# vocabulary that holds every piece below; the scorer was also checked equal to it on 24,078 CT24 and BBC texts.
TOKENS = [
    ("digits and punctuation", "Unemployment fell to 4.2% in 2019.",
     ["unemployment", "fell", "to", "4", ".", "2", "%", "in", "2019", "."]),
    ("accents stripped", "Café naïve résumé", ["cafe", "naive", "resume"]),
    ("curly quotes and dashes are words", "“Quoted” — he said…", ["“", "quoted", "”", "—", "he", "said", "…"]),
    ("CJK characters one by one", "中文 mixed", ["中", "文", "mixed"]),
    ("no-break space splits, format and control characters vanish", "a\u00a0b\u200bc\u0085d", ["a", "bc", "##d"]),
    ("apostrophe splits", "don't", ["don", "'", "t"]),
    ("longest piece first", "Medicaid's $4,000,000 cuts",
     ["med", "##ica", "##id", "'", "s", "$", "4", ",", "000", ",", "000", "cuts"]),
    ("over 100 characters is unknown", "x" * 101, ["[UNK]"]),
    ("ligature kept, dotted capital I lower-cased", "ﬁne ½ ² İstanbul", ["ﬁ", "##ne", "½", "²", "istanbul"]),
    ("no piece fits: unknown", "😀 ok", ["[UNK]", "ok"]),
]
PIECES = sorted({p for _, _, toks in TOKENS for p in toks} | {"x", "##x"} - {"[UNK]"}) + ["[UNK]"]
VOCAB = {p: i for i, p in enumerate(PIECES)}


@pytest.mark.parametrize("text, expected", [(t, e) for _, t, e in TOKENS], ids=[i for i, _, _ in TOKENS])
def test_wordpieces_as_bert_cuts_them(text, expected):
    unk = VOCAB["[UNK]"]
    assert [PIECES[i] for i in wordpieces(text, VOCAB, unk)] == expected
    assert [PIECES[i] for i in wordpieces(text, VOCAB)] == [p for p in expected if p != "[UNK]"]


def _toy(normalize=True, hidden=7, dims=5, seed=3):
    rng = random.Random(seed)
    terms = [[rng.randint(-127, 127) for _ in range(hidden)] for _ in PIECES]
    vectors = [[rng.randint(-127, 127) for _ in range(dims)] for _ in PIECES]
    data = {
        "format": "claimtrack-debate-student/1",
        "pieces": PIECES,
        "max_tokens": 512,
        "normalize": normalize,
        "terms": base64.b64encode(bytes(v & 0xFF for row in terms for v in row)).decode("ascii"),
        "terms_scale": [rng.uniform(0.001, 0.05) for _ in range(hidden)],
        "vectors": base64.b64encode(bytes(v & 0xFF for row in vectors for v in row)).decode("ascii"),
        "vectors_scale": [rng.uniform(0.001, 0.05) for _ in range(dims)],
        "b1": [rng.gauss(0, 0.2) for _ in range(hidden)],
        "w2": [rng.gauss(0, 1) for _ in range(hidden)],
        "b2": 0.3,
        "threshold": -0.1,
    }
    return data, terms, vectors


def _float_logit(data, terms, vectors, ids):
    """The same model in plain floating point, as model2vec computes it: the first layer's image of the pieces'
    mean (L2-normalised or not), plus the bias, ReLU, the output layer."""
    ts, vs = data["terms_scale"], data["vectors_scale"]
    first = [sum(terms[i][h] * ts[h] for i in ids) for h in range(len(ts))]
    if not ids:
        k = 0.0
    elif data["normalize"]:
        k = 1.0 / math.sqrt(sum(sum(vectors[i][d] * vs[d] for i in ids) ** 2 for d in range(len(vs))))
    else:
        k = 1.0 / len(ids)
    acts = [max(0.0, f * k + b) for f, b in zip(first, data["b1"])]
    return sum(a * w for a, w in zip(acts, data["w2"])) + data["b2"] - data["threshold"]


@pytest.mark.parametrize("normalize", [True, False], ids=["normalised", "plain-mean"])
@pytest.mark.parametrize("text", ["Unemployment fell to 4.2% in 2019.", "Medicaid's cuts " * 200, "", "😀", "x" * 101],
                         ids=["sentence", "past-512-pieces", "empty", "unknown-only", "too-long-word"])
def test_packed_arithmetic_matches_floating_point(normalize, text):
    data, terms, vectors = _toy(normalize)
    student = DebateStudent(data)
    ids = wordpieces(text[:5120], VOCAB)[:512]  # model2vec's cuts: 10 x 512 characters, then 512 pieces
    expected = _float_logit(data, terms, vectors, ids)
    assert student.logits([text])[0] == pytest.approx(expected, abs=1e-9)
    assert student.logits([text])[0] == pytest.approx(expected, abs=1e-9)  # again, from the packed rows kept


@pytest.mark.parametrize("content", [b"garbage", b"{}", b'{"format": "claimtrack-debate-student/0"}'],
                         ids=["not-json", "no-format", "another-format"])
def test_a_broken_student_file_says_how_to_mend_it(tmp_path, content):
    import gzip

    path = tmp_path / "debate_student.json.gz"
    path.write_bytes(gzip.compress(content))
    with pytest.raises(ValueError, match="make train-debate"):
        load_student(path)


def test_a_table_that_does_not_fit_its_vocabulary_is_refused():
    data, _, _ = _toy()
    data["pieces"] = PIECES[:-1]
    with pytest.raises(ValueError, match="does not match its vocabulary"):
        DebateStudent(data)


def test_a_file_of_another_format_is_refused():
    with pytest.raises(ValueError, match="not a debate student"):
        DebateStudent({"format": "claimtrack-debate-student/0"})


SHIPPED = load_student()


@pytest.mark.skipif(SHIPPED is None, reason="no debate student built (make train-debate)")
@pytest.mark.parametrize("worthy, plain", [
    ("Unemployment has gone up by two million people since he took office.", "Thank you so much for having me tonight."),
    ("We spent $700 billion on defence last year, more than the next ten countries combined.",
     "I think the American people are smarter than that."),
    ("He voted against the minimum wage increase 17 times.", "Let me finish, please."),
], ids=["unemployment", "defence-spending", "votes"])
def test_a_built_student_ranks_a_checkable_claim_above_talk(worthy, plain):
    a, b = SHIPPED.logits([worthy, plain])
    assert a > 0 > b

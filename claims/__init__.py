"""claims: article text in, frozen dataclasses out. Pure Python: no Prefect, no database.

Public API (stable; benchmarks and other tools call it):

- ``find_quantities(text) -> list[Quantity]``
- ``find_dates(text, published=None) -> list[DateMention]``
- ``find_quotes(text) -> list[Quote]``
- ``score_checkworthiness(sentences) -> list[float]``
- ``extract(text, *, published=None) -> list[Claim]``
- ``build_article(text, source, *, title=None, published=None) -> Article``
- ``verify(text, documents, *, published=None) -> Verdict`` (:mod:`claims.verdict`): a claim against
  source documents (:class:`claims.documents.Document`), with the evidence that decided it
"""

from importlib import import_module

from claims.model import Article, Claim, DateMention, Quantity, Quote, Sentence

__all__ = [
    "Article",
    "Claim",
    "DateMention",
    "Quantity",
    "Quote",
    "Sentence",
    "build_article",
    "extract",
    "find_dates",
    "find_quantities",
    "find_quotes",
    "score_checkworthiness",
    "verify",
]

# Functions are imported on first use, so importing one part does not load every model.
_LAZY = {
    "build_article": "claims.extract",
    "extract": "claims.extract",
    "find_dates": "claims.dates",
    "find_quantities": "claims.quantities",
    "find_quotes": "claims.quotes",
    "score_checkworthiness": "claims.checkworthiness",
    "verify": "claims.verdict",
}


def __getattr__(name: str):
    if name in _LAZY:
        return getattr(import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'claims' has no attribute {name!r}")

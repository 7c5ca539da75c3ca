"""Review cards: the review queue and each review batch as Markdown a reviewer reads top to bottom.

One card per canonical claim (a decision covers every appearance of it): the claim's full text, its
article's title and date, the pipeline's suggested verdict and confidence, the deciding evidence
(passage or table row) with the comparison that decided it, a link to the source, and "also in N other
articles" when the claim repeats. Everything that comes from an article or a source is untrusted and
goes through :func:`flows.markdown.escape`; only ``http``/``https`` sources become links
(:func:`flows.markdown.link`: the URL percent-encoded so that it cannot leave the link).
"""

from __future__ import annotations

from flows.markdown import escape, link, shorten
from warehouse import Table

__all__ = ["cards_markdown", "choice_label", "source_link"]

EVIDENCE_CHARS = 600  # of the deciding passage on a card (the warehouse keeps all of it)
CHOICE_CHARS = 90  # of the claim text in a Resume form's dropdown label


def cards_markdown(batch: Table, *, heading: str, intro: str = "", empty: str = "Nothing to review.") -> str:
    """``# heading``, an optional intro line, then one card per row of a ``review_batch`` table."""
    lines = [f"# {escape(heading)}", ""]
    if intro:
        lines += [intro, ""]
    if not batch.rows:
        return "\n".join(lines + [escape(empty)]) + "\n"
    cols = batch.columns
    for number, values in enumerate(batch.rows, start=1):
        lines += _card(number, dict(zip(cols, values)))
    return "\n".join(lines) + "\n"


def _card(number: int, row: dict) -> list[str]:
    suggestion = row.get("suggested_status") or "unverified"
    confidence = row.get("confidence")
    verdict = f"**{escape(suggestion)}**" + ("" if confidence is None else f" (confidence {confidence:.2f})")
    article = escape(" ".join(str(row.get("article_title") or row.get("article_id") or "").split()))
    published = row.get("article_published")
    also = row.get("other_articles") or 0
    lines = [
        f"## {number}. Claim {row['claim_id']}: suggested {verdict}",
        "",
        f"> {escape(row.get('text'))}",
        "",
        f"- **Article:** {article}" + (f" ({escape(published)})" if published else "")
        + (f"; also in {also} other article{'s' * (also != 1)}" if also else ""),
    ]
    evidence = row.get("best_evidence")
    if evidence:
        lines.append(f"- **Evidence:** {escape(shorten(evidence, EVIDENCE_CHARS))}")
        if row.get("best_explanation"):
            lines.append(f"- **Why:** {escape(row['best_explanation'])}")
        lines.append(f"- **Source:** {source_link(row.get('best_source'))}")
    elif suggestion == "unverified":
        lines.append("- **Evidence:** not checked yet")
    else:
        lines.append("- **Evidence:** no passage of the sources decides it")
    lines.append("")
    return lines


def source_link(location: object) -> str:
    """A Markdown link for an http(s) URL (``flows.markdown.link``), the escaped text of anything else."""
    text = " ".join(str(location or "").split())
    return str(link(shorten(text, 100), text)) if text else ""


def choice_label(row: dict) -> str:
    """A Resume-form dropdown's title: the claim's text (cut at ~90 characters) and the pipeline's suggestion.

    Field titles are rendered as plain text by the form, not as Markdown, so nothing is escaped here.
    """
    suggestion = row.get("suggested_status") or "unverified"
    if row.get("confidence") is not None:
        suggestion += f" {row['confidence']:.2f}"
    return f"{shorten(row.get('text') or '', CHOICE_CHARS)} (pipeline: {suggestion})"

"""Human review in the Prefect UI: a batch from the review queue, a Resume form, human status events.

- ``review_claims`` (deployment ``review-claims``) posts the batch as review cards (``flows.cards``,
  Markdown artifact ``review-batch``) and pauses with ``pause_flow_run(wait_for_input=...)``; the UI
  shows a Resume form with one verdict dropdown per claim, labelled with the claim's text and the
  pipeline's suggestion, a note and the reviewer's name. On resume each decision becomes a human status event
  (actor = the reviewer); on timeout the claims stay unreviewed and the run completes saying so.
- ``review_claim`` (deployment ``review-claim``) records one decision from the "Custom run" form,
  or from ``claimtrack review``.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field

import pydantic
from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.exceptions import FlowPauseTimeout
from prefect.flow_runs import pause_flow_run
from prefect.input import RunInput

from claims.model import STATUSES
from flows.cards import cards_markdown, choice_label
from flows.dashboard import refresh_dashboard
from flows.localfiles import check_database
from flows.markdown import escape, md_table
from warehouse import DEFAULT_DB, Table
from warehouse.dashboard import review_batch
from warehouse.status import StatusChange, record_status, reviewer_name

__all__ = ["Decision", "ReviewOutcome", "Verdict", "record_review", "review_claim", "review_claims", "review_form"]

# The status vocabulary as an enum, so Prefect renders a dropdown for it.
Verdict = enum.Enum("Verdict", {s: s for s in STATUSES}, type=str, module=__name__)
SKIP = "skip"
# What a reviewer may choose per claim in the Resume form: a verdict, or leave it for later.
Decision = enum.Enum("Decision", {SKIP: SKIP, **{s: s for s in STATUSES if s != "unverified"}},
                     type=str, module=__name__)
BATCH_KEY = "review-batch"
RESULT_KEY = "review-result"
DEFAULT_TIMEOUT_MINUTES = 24 * 60


@dataclass
class ReviewOutcome:
    reviewer: str | None = None
    decided: dict[int, str] = field(default_factory=dict)  # claim id -> status recorded
    skipped: list[int] = field(default_factory=list)
    timed_out: bool = False


def review_form(batch: Table) -> type[RunInput]:
    """A RunInput with one ``claim_<id>`` dropdown per claim of the batch, a note and the reviewer.

    Each dropdown's title is the claim's text cut at ~90 characters and the pipeline's suggestion
    (``flows.cards.choice_label``): the form shows titles as plain text, so article text stays text.
    """
    cols = batch.columns
    fields: dict[str, tuple] = {}
    for row in batch.rows:
        item = dict(zip(cols, row))
        fields[f"claim_{item['claim_id']}"] = (
            Decision, pydantic.Field(default=Decision(SKIP), title=choice_label(item)),
        )
    fields["note"] = (str, pydantic.Field(default="", title="Note (applies to every decision)"))
    fields["reviewer"] = (str, pydantic.Field(title="Reviewer", min_length=1, max_length=100))
    return pydantic.create_model("ReviewDecisions", __base__=RunInput, **fields)


def _leave_expired_pause() -> None:
    """Take this run out of its expired pause, so that it can complete.

    Prefect's server fails a run whose pause has timed out on the next state it proposes
    ("The flow was completed and never resumed"), and its pause-expiration service fails it on its
    own a few seconds later. A review nobody answered is not a failure: the run is forced back to
    Running (the one forced transition of claimtrack), and completes saying which claims stay
    unreviewed. Without a Prefect API (a plain call) there is nothing to do.
    """
    from prefect.client.orchestration import get_client
    from prefect.context import FlowRunContext
    from prefect.states import Running

    context = FlowRunContext.get()
    if context is None or context.flow_run is None:
        return
    with get_client(sync_client=True) as client:
        client.set_flow_run_state(context.flow_run.id, Running(message="the review form expired"), force=True)


# The label of the button under Prefect's Resume form (the run page's "Resume" opens the form).
SUBMIT_BUTTON = "Submit"


def form_description(batch: Table, timeout_minutes: float) -> str:
    """What the Resume form shows above its fields: how to answer, then the batch as review cards."""
    count = len(batch.rows)
    instructions = (
        f"Pick a verdict for each claim below (or leave it on *skip*), add a note and your name, then press "
        f"**{SUBMIT_BUTTON}**. The form expires after {timeout_minutes:g} minutes; unanswered claims stay unreviewed."
    )
    return cards_markdown(batch, heading=f"Review {count} claim{'s' * (count != 1)}", intro=instructions)


@flow(name="review-claims", log_prints=False)
def review_claims(
    db: str = DEFAULT_DB,
    how_many: int = 5,
    article: str | None = None,
    timeout_minutes: float = DEFAULT_TIMEOUT_MINUTES,
    poll_seconds: int = 10,
) -> ReviewOutcome:
    """Pause for a reviewer's verdicts on the next claims of the review queue, then record them."""
    check_database(db)
    logger = get_run_logger()
    batch = review_batch(db, limit=how_many, article=article)
    if not batch.rows:
        create_markdown_artifact(key=RESULT_KEY, markdown="# Review\n\nThe review queue is empty: nothing to review.")
        logger.info("the review queue is empty")
        return ReviewOutcome()
    create_markdown_artifact(key=BATCH_KEY, markdown=cards_markdown(batch, heading="Claims in this review"),
                             description="Claims in this review, as cards")
    form = review_form(batch)
    timeout = max(1, int(timeout_minutes * 60))
    try:
        answer = pause_flow_run(
            wait_for_input=form.with_initial_data(description=form_description(batch, timeout_minutes)),
            timeout=timeout, poll_interval=min(poll_seconds, timeout),
        )
    except FlowPauseTimeout:
        _leave_expired_pause()
        ids = [r[0] for r in batch.rows]
        message = (f"No answer within {timeout_minutes:g} minutes: {len(ids)} claims left unreviewed "
                   f"({', '.join(map(str, ids))}).")
        logger.warning(message)
        create_markdown_artifact(key=RESULT_KEY, markdown=f"# Review timed out\n\n{message}\n")
        return ReviewOutcome(skipped=ids, timed_out=True)
    outcome = record_review(db, answer.model_dump(), [r[0] for r in batch.rows])
    logger.info("%s decided %d claims, skipped %d", outcome.reviewer, len(outcome.decided), len(outcome.skipped))
    create_markdown_artifact(key=RESULT_KEY, markdown=_result_markdown(outcome))
    refresh_dashboard(db)
    return outcome


def record_review(db: str, answer: dict, claim_ids: list[int]) -> ReviewOutcome:
    """Write each non-skipped decision of a Resume form as a human status event."""
    reviewer = reviewer_name(str(answer["reviewer"]))
    note = str(answer.get("note") or "").strip() or None
    outcome = ReviewOutcome(reviewer=reviewer)
    changes = []
    for claim_id in claim_ids:
        choice = answer.get(f"claim_{claim_id}", SKIP)
        choice = getattr(choice, "value", choice)
        if choice == SKIP:
            outcome.skipped.append(claim_id)
            continue
        changes.append(StatusChange(claim_id, choice, actor=reviewer, note=note, human=True))
        outcome.decided[claim_id] = choice
    if changes:
        record_status(changes, db)
    return outcome


@flow(name="review-claim", log_prints=False)
def review_claim(claim_id: int, verdict: Verdict, reviewer: str, note: str = "", db: str = DEFAULT_DB) -> str:
    """Record one reviewer's verdict on a claim as a human status event."""
    check_database(db)
    value = getattr(verdict, "value", verdict)
    name = reviewer_name(reviewer)  # the machine's name is refused
    record_status([StatusChange(claim_id, value, actor=name, note=note.strip() or None, human=True)], db)
    get_run_logger().info("claim %d: %s by %s", claim_id, value, name)
    refresh_dashboard(db)
    return value


def _result_markdown(outcome: ReviewOutcome) -> str:
    rows = [[claim_id, status] for claim_id, status in outcome.decided.items()]
    lines = [f"# Review by {escape(outcome.reviewer)}", "",
             f"{len(outcome.decided)} decided, {len(outcome.skipped)} left unreviewed.", ""]
    if rows:
        lines.append(md_table(["claim", "verdict"], rows))
    return "\n".join(lines) + "\n"

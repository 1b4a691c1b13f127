"""Mystery shopping: external evaluations imported as reviews, so a programme like SeeYou's (4,800 inquiries a
year, a questionnaire and one comment per performance area) runs in the same tables as internal reviews.

The CSV (comma or semicolon separated, UTF-8, a header row):
    ticket        the ticket number (#1234 or 1234), or empty for an inquiry outside wowdesk
    reference     the evaluation's own reference (needed without a ticket)
    evaluator     who evaluated (a mystery shopper's name or code)
    agent         the agent's e-mail (default: the ticket's assignee)
    channel       phone, chat, email, messenger, ... (default: the ticket's)
    date          YYYY-MM-DD (default: today)
    q:QUESTION    one column per question: its id or its text; yes/no/n.a. (ja/nej/nei too) or 1-5
    comment:AREA  one column per performance area: its id or its name

All or nothing: every row is checked first, and one bad row means nothing is imported; the answer lists each
bad row with its line number, column and what is wrong. Rows are then written with bulk inserts in one
transaction (bench/mystery_import.py: 4,800 rows, see bench/RESULTS.md).
"""

import csv
import io
from dataclasses import dataclass, field
from datetime import date, datetime, time

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from wowdesk.accounts.models import User

from . import services
from .models import Answer, Review, Scorecard

MAX_ROWS = 20_000
MAX_BYTES = 20 * 1024 * 1024
MAX_ERRORS = 200


@dataclass
class ImportResult:
    imported: int = 0
    errors: list = field(default_factory=list)  # [{"line", "column", "message"}]

    @property
    def ok(self) -> bool:
        return not self.errors


def _read(data: bytes | str) -> list[dict]:
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    sample = text[:4096]
    delimiter = ";" if sample.count(";") > sample.count(",") else ","
    return list(csv.DictReader(io.StringIO(text), delimiter=delimiter))


def import_csv(*, actor: User, data: bytes | str, scorecard: Scorecard, now: datetime | None = None) -> ImportResult:
    services._require(services.can_review(actor))
    now = now or timezone.now()
    result = ImportResult()
    if len(data) > MAX_BYTES:
        result.errors.append({"line": 0, "column": "file", "message": _("The file is larger than 20 MB.")})
        return result
    try:
        rows = _read(data)
    except (UnicodeDecodeError, csv.Error) as exc:
        result.errors.append(
            {"line": 0, "column": "file", "message": _("Not a UTF-8 CSV file: %(error)s") % {"error": exc}}
        )
        return result
    if not rows:
        result.errors.append({"line": 0, "column": "file", "message": _("The file has no rows.")})
        return result
    if len(rows) > MAX_ROWS:
        result.errors.append({"line": 0, "column": "file", "message": _("At most 20,000 rows in one file.")})
        return result
    areas = services.card_structure(scorecard)
    by_question = {}
    for a in areas:
        for q in a.question_list:
            by_question[str(q.pk)] = q
            by_question[q.text.strip().lower()] = q
    by_area = {str(a.pk): a for a in areas} | {a.name.strip().lower(): a for a in areas}
    header = list(rows[0].keys())
    question_columns, comment_columns = {}, {}
    for column in header:
        name = (column or "").strip()
        if name.lower().startswith("q:"):
            q = by_question.get(name[2:].strip().lower())
            if q is None:
                result.errors.append({"line": 1, "column": name, "message": _("Not a question of this scorecard.")})
            question_columns[column] = q
        elif name.lower().startswith("comment:"):
            a = by_area.get(name[8:].strip().lower())
            if a is None:
                result.errors.append(
                    {"line": 1, "column": name, "message": _("Not a performance area of this scorecard.")}
                )
            comment_columns[column] = a
    if not question_columns:
        result.errors.append({"line": 1, "column": "q:", "message": _("No question columns (q:QUESTION).")})
    if result.errors:
        return result

    numbers = {_number(r.get("ticket")) for r in rows} - {None}
    tickets = {t.number: t for t in services.visible_tickets(actor).filter(number__in=numbers)}
    emails = {(r.get("agent") or "").strip().lower() for r in rows} - {""}
    agents = {u.email: u for u in User.objects.filter(email__in=emails)}
    reviews, answer_rows = [], []
    for line, row in enumerate(rows, start=2):
        errors_before = len(result.errors)

        def bad(column: str, message: str, line=line) -> None:
            if len(result.errors) < MAX_ERRORS:
                result.errors.append({"line": line, "column": column, "message": message})

        raw_ticket = (row.get("ticket") or "").strip()
        ticket = None
        if raw_ticket:
            number = _number(raw_ticket)
            ticket = tickets.get(number) if number else None
            if ticket is None:
                bad("ticket", _("No ticket with this number."))
        reference = (row.get("reference") or "").strip()[:120]
        if not raw_ticket and not reference:
            bad("reference", _("Give a ticket number or the evaluation's reference."))
        agent_email = (row.get("agent") or "").strip().lower()
        agent = agents.get(agent_email) if agent_email else (ticket.assignee if ticket else None)
        if agent_email and agent is None:
            bad("agent", _("No user with this e-mail."))
        raw_date = (row.get("date") or "").strip()
        when = now
        if raw_date:
            try:
                when = timezone.make_aware(datetime.combine(date.fromisoformat(raw_date), time(12)))
            except ValueError:
                bad("date", _("Write the date as YYYY-MM-DD."))
        values = {}
        for column, q in question_columns.items():
            try:
                values[q.pk] = services.parse_value(q, row.get(column), column)
            except services.QualityInputError as exc:
                bad(column, str(exc))
        comments = {}
        for column, a in comment_columns.items():
            text = (row.get(column) or "").strip()
            if len(text) > services.MAX_COMMENT:
                bad(column, _("At most 5000 characters."))
            elif text:
                comments[str(a.pk)] = text
        if len(result.errors) > errors_before or result.errors:
            continue
        reviews.append(
            Review(
                scorecard=scorecard,
                ticket=ticket,
                agent=agent,
                team=ticket.team if ticket else None,
                reviewer=None,
                source=Review.Source.MYSTERY,
                evaluator=(row.get("evaluator") or "").strip()[:120],
                reference=reference,
                channel=((row.get("channel") or "").strip() or (ticket.channel if ticket else ""))[:20],
                comments=comments,
                score=services.weighted_score(areas, values),
                conversation_at=when,
                created_at=when,
            )
        )
        answer_rows.append(values)
    if result.errors:
        return result
    with transaction.atomic():
        created = Review.objects.bulk_create(reviews, batch_size=1000)
        Answer.objects.bulk_create(
            (
                Answer(review_id=review.pk, question_id=qid, value=value)
                for review, values in zip(created, answer_rows, strict=True)
                for qid, value in values.items()
            ),
            batch_size=5000,
        )
        services._audit(actor, "mystery.imported", scorecard, scorecard=scorecard.pk, reviews=len(created))
    result.imported = len(created)
    return result


def _number(raw) -> int | None:
    text = (raw or "").strip().lstrip("#")
    return int(text) if text.isdigit() and len(text) < 12 else None


def template_header(scorecard: Scorecard) -> list[str]:
    """The header of an empty import file for this card."""
    areas = services.card_structure(scorecard)
    return [
        "ticket",
        "reference",
        "evaluator",
        "agent",
        "channel",
        "date",
        *(f"q:{q.pk}" for a in areas for q in a.question_list),
        *(f"comment:{a.name}" for a in areas),
    ]

"""wowdesk.db: the hot path's precompiled INSERT and lookups must write and read exactly what the ORM does."""

import ast
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from django.db import IntegrityError, transaction
from django.db.models import Model
from django.db.models.signals import post_save, pre_save
from django.dispatch import Signal
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from wowdesk.accounts.models import User
from wowdesk.customers.models import Contact, ContactEmail, Organization
from wowdesk.db import CompiledLookup, insert, insert_rows
from wowdesk.tickets.models import NUMBER_OFFSET, Message, Ticket, TicketEvent
from wowdesk.tickets.tasks import announce_created

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]


def _ticket(contact, team) -> Ticket:
    now = timezone.now()
    return Ticket(subject="x", contact=contact, team=team, created_at=now, updated_at=now)


def _row(model, pk) -> dict:
    return model.objects.filter(pk=pk).values().get()


def test_insert_writes_the_same_row_as_save_and_returns_the_generated_number(team_dk):
    contact = Contact.objects.create(email="kunde@example.dk", phones=["+45 12 34 56 78"])
    now = timezone.now()

    def new_ticket():
        return Ticket(
            subject="Ordre mangler",
            channel="api",
            contact=contact,
            team=team_dk,
            language="da",
            created_at=now,
            updated_at=now,
            response_due_at=now + timedelta(hours=4),
        )

    by_save = new_ticket()
    by_save.save(force_insert=True)
    by_insert = insert(new_ticket())

    assert by_insert.pk is not None and by_insert.pk != by_save.pk
    assert by_insert.number == by_insert.pk + NUMBER_OFFSET  # read back from the database, not computed here
    assert not by_insert._state.adding and by_insert._state.db == "default"
    saved, inserted = _row(Ticket, by_save.pk), _row(Ticket, by_insert.pk)
    for field in ("id", "number"):
        saved.pop(field), inserted.pop(field)
    assert inserted == saved


def test_insert_fills_defaults_and_json_like_save_and_sends_the_signals(team_dk):
    contact = Contact.objects.create(email="kunde@example.dk")
    ticket = insert(_ticket(contact, team_dk))
    seen = []

    def record(signal):
        return lambda sender, instance, **kwargs: seen.append((signal, sender, instance.pk, kwargs.get("created")))

    on_pre, on_post = record("pre"), record("post")
    pre_save.connect(on_pre, sender=Message)
    post_save.connect(on_post, sender=Message)
    try:
        message = insert(
            Message(
                ticket=ticket,
                kind=Message.Kind.INBOUND,
                body_text="Hej",
                flags=["malformed MIME"],
                created_at=timezone.now(),
            )
        )
    finally:
        pre_save.disconnect(on_pre, sender=Message)
        post_save.disconnect(on_post, sender=Message)

    assert seen == [("pre", Message, None, None), ("post", Message, message.pk, True)]
    stored = Message.objects.get(pk=message.pk)
    assert stored.flags == ["malformed MIME"] and stored.body_text == "Hej"
    assert ticket.status == Ticket.Status.NEW == Ticket.objects.get(pk=ticket.pk).status


def test_insert_of_a_row_that_breaks_a_constraint_raises_and_the_transaction_carries_on():
    Contact.objects.create(email="kunde@example.dk")
    with transaction.atomic():
        with pytest.raises(IntegrityError), transaction.atomic():
            insert(Contact(email="kunde@example.dk"))
        insert(Contact(email="anden@example.dk"))
    assert sorted(Contact.objects.values_list("email", flat=True)) == ["anden@example.dk", "kunde@example.dk"]


def test_the_task_queue_inserts_task_rows_a_worker_can_run():
    result = announce_created.enqueue(12345, False)
    row = DBTaskResult.objects.get(pk=result.id)
    assert row.task_path == "wowdesk.tickets.services.announce_created"
    assert row.args_kwargs == {"args": [12345, False], "kwargs": {}}
    assert row.status == "READY" and row.enqueued_at is not None
    assert DBTaskResult.objects.ready().filter(pk=result.id).exists()  # run_after filled in by the library


def test_compiled_lookup_returns_what_the_queryset_returns_for_each_value():
    org = Organization.objects.create(name="Butik", domain="butik.dk")
    first = Contact.objects.create(email="a@butik.dk", phones=["+45 1"], organization=org)
    second = Contact.objects.create(email="b@butik.dk")
    ContactEmail.objects.create(contact=second, address="b.privat@example.dk")
    by_email = CompiledLookup(lambda address: Contact.objects.filter(email=address).order_by()[:1])
    by_other = CompiledLookup(lambda address: Contact.objects.filter(other_emails__address=address).order_by()[:1])

    [found] = by_email("a@butik.dk")
    assert (found.pk, found.phones, found.organization_id) == (first.pk, ["+45 1"], org.pk)
    assert [c.pk for c in by_email("b@butik.dk")] == [second.pk]  # the same compiled query, another value
    assert by_email("ingen@butik.dk") == [] and by_email.first("ingen@butik.dk") is None
    assert by_email.first("b@butik.dk").pk == second.pk
    assert [c.pk for c in by_other("b.privat@example.dk")] == [second.pk]
    assert not found._state.adding  # a saved instance: save() updates it
    found.name = "Anna"
    found.save()
    assert Contact.objects.get(pk=first.pk).name == "Anna"


def test_compiled_lookup_refuses_a_query_that_uses_the_value_twice():
    lookup = CompiledLookup(lambda address: Contact.objects.filter(email=address, name=address))
    with pytest.raises(ValueError):
        lookup("a@butik.dk")


def test_insert_event_keeps_its_ticket(team_dk):
    contact = Contact.objects.create(email="kunde@example.dk")
    ticket = insert(_ticket(contact, team_dk))
    event = insert(
        TicketEvent(ticket=ticket, kind=TicketEvent.Kind.CREATED, new_value="api", created_at=timezone.now())
    )
    assert TicketEvent.objects.get(pk=event.pk).ticket_id == ticket.pk


def test_the_task_queue_keeps_its_statistics_current_on_postgresql():
    """Stale statistics made the worker sort the whole backlog for each task it claimed (tickets.0007)."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's autovacuum settings")
    with connection.cursor() as cursor:
        cursor.execute("SELECT reloptions FROM pg_class WHERE relname = 'django_tasks_database_dbtaskresult'")
        options = set(cursor.fetchone()[0])
    assert {"autovacuum_analyze_scale_factor=0", "autovacuum_analyze_threshold=500"} <= options


def test_insert_refuses_a_model_that_overrides_save():
    from wowdesk.mail.models import Mailbox  # normalises its address in save()

    assert Mailbox.save is not Model.save
    with pytest.raises(TypeError, match="overrides save"):
        insert(Mailbox(address="x@example.com"))


def test_no_model_passed_to_insert_overrides_save():
    from django.apps import apps

    by_name = {model.__name__: model for model in apps.get_models()}
    inserted = set()
    for path in (ROOT / "wowdesk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "insert":
                first = node.args[0] if node.args else None
                if isinstance(first, ast.Call) and isinstance(first.func, ast.Name) and first.func.id in by_name:
                    inserted.add(by_name[first.func.id])
    assert {m.__name__ for m in inserted} >= {"Message", "DBTaskResult"}
    inserted |= {Ticket, TicketEvent}  # inserted from a variable (tickets.services._new_ticket, record_event)
    assert [m.__name__ for m in inserted if m.save is not Model.save] == []


def test_insert_sends_exactly_the_signals_save_sends(team_dk, monkeypatch):
    # If Django's save() starts sending another signal (or stops sending one), insert() must follow.
    contact = Contact.objects.create(email="kunde@example.dk")
    sent = []
    original = Signal.send

    def recording(signal, sender, **kwargs):
        sent.append((signal, sender, tuple(sorted(kwargs))))
        return original(signal, sender, **kwargs)

    insert(_ticket(contact, team_dk))  # compiles the statement (which builds a blank Ticket) before we listen
    saved, inserted = _ticket(contact, team_dk), _ticket(contact, team_dk)
    monkeypatch.setattr(Signal, "send", recording)
    saved.save(force_insert=True)
    by_save, sent[:] = list(sent), []
    insert(inserted)
    assert sent == by_save
    assert {signal for signal, _sender, _kwargs in by_save} == {pre_save, post_save}


def test_compiled_query_gives_what_the_queryset_gives_for_each_set_of_values(team_dk, team_no):
    from wowdesk.db import CompiledQuery

    contact = Contact.objects.create(email="kunde@example.dk", name="Kunde")
    older, newer = insert(_ticket(contact, team_dk)), insert(_ticket(contact, team_no))
    TicketEvent.objects.filter(ticket__in=[older, newer]).delete()
    Ticket.objects.filter(pk=older.pk).update(created_at=timezone.now() - timedelta(days=2))

    def tickets(team, since):
        return Ticket.objects.select_related("contact", "team").filter(team=team, created_at__gte=since).order_by("pk")

    by_team = CompiledQuery(tickets, team=int, since=datetime)
    counted = CompiledQuery(tickets, count=True, team=int, since=datetime)
    numbers = CompiledQuery(
        lambda team, since: tickets(team, since).values_list("number", "created_at"), team=int, since=datetime
    )
    flat = CompiledQuery(
        lambda team, since: tickets(team, since).values_list("pk", flat=True), team=int, since=datetime
    )
    for team, since in [
        (team_dk.pk, timezone.now() - timedelta(days=3)),
        (team_dk.pk, timezone.now() - timedelta(days=1)),
        (team_no.pk, timezone.now() - timedelta(days=1)),
    ]:
        found, expected = by_team(team=team, since=since), list(tickets(team, since))
        assert [(t.pk, t.number, t.created_at, t.contact.name, t.team.name) for t in found] == [
            (t.pk, t.number, t.created_at, t.contact.name, t.team.name) for t in expected
        ]
        assert counted(team=team, since=since) == len(expected)
        assert numbers(team=team, since=since) == list(tickets(team, since).values_list("number", "created_at"))
        assert flat(team=team, since=since) == [t.pk for t in expected]
    assert by_team.first(team=team_dk.pk, since=timezone.now()) is None
    [found] = by_team(team=team_no.pk, since=timezone.now() - timedelta(days=1))
    found.subject = "Ny"
    found.save(update_fields=["subject"])  # a saved instance: save() updates it
    assert Ticket.objects.get(pk=newer.pk).subject == "Ny"


def test_compiled_query_refuses_a_value_that_is_not_a_parameter():
    from wowdesk.db import CompiledQuery

    ignored = CompiledQuery(lambda address: Contact.objects.filter(email="fixed@example.dk"), address=str)
    with pytest.raises(ValueError, match="address"):
        ignored(address="a@example.dk")


def test_save_fields_writes_what_save_with_update_fields_writes_and_sends_the_same_signals(team_dk, monkeypatch):
    from django.db import DatabaseError

    from wowdesk.db import save_fields

    contact = Contact.objects.create(email="kunde@example.dk")
    by_save, by_fields = insert(_ticket(contact, team_dk)), insert(_ticket(contact, team_dk))
    later = timezone.now() + timedelta(hours=1)
    sent = []
    original = Signal.send

    def recording(signal, sender, **kwargs):
        sent.append((signal, sender, {k: v for k, v in kwargs.items() if k != "instance"}))
        return original(signal, sender, **kwargs)

    save_fields(by_fields, ["subject"])  # writes the statement before we listen
    monkeypatch.setattr(Signal, "send", recording)
    for ticket, write in ((by_save, lambda t, f: t.save(update_fields=f)), (by_fields, save_fields)):
        ticket.subject, ticket.status, ticket.response_due_at, ticket.assignee_id = "Ny", "open", later, None
        ticket.updated_at = later
        write(ticket, ["subject", "status", "response_due_at", "assignee", "updated_at", "status"])
    signals_of_save, signals_of_fields = sent[: len(sent) // 2], sent[len(sent) // 2 :]
    assert [(s, m, k) for s, m, k in signals_of_fields] == [(s, m, k) for s, m, k in signals_of_save]
    saved, written = _row(Ticket, by_save.pk), _row(Ticket, by_fields.pk)
    for field in ("id", "number", "created_at"):
        saved.pop(field), written.pop(field)
    assert written == saved and written["subject"] == "Ny" and written["response_due_at"] == later

    Ticket.objects.filter(pk=by_fields.pk).delete()
    with pytest.raises(DatabaseError, match="did not affect any rows"):
        save_fields(by_fields, ["subject"])
    with pytest.raises(ValueError):
        save_fields(by_save, ["no_such_field"])


def test_insert_rows_writes_in_one_statement_the_rows_bulk_create_writes(team_dk, django_assert_num_queries):
    contact = Contact.objects.create(email="kunde@example.dk")
    ticket = insert(_ticket(contact, team_dk))
    agent = User.objects.create_user("mette@example.com", "pw-for-tests-1", name="Mette")
    now = timezone.now()

    def events():
        return [
            TicketEvent(ticket=ticket, actor=agent, kind=TicketEvent.Kind.ASSIGNEE, new_value="Mette", created_at=now),
            TicketEvent(ticket=ticket, kind=TicketEvent.Kind.STATUS, old_value="new", new_value="open", created_at=now),
            TicketEvent(ticket=ticket, kind=TicketEvent.Kind.AUTO_REPLY, new_value="sent\u00e6", created_at=now),
        ]

    TicketEvent.objects.bulk_create(events())
    bulk = list(TicketEvent.objects.order_by("pk").values())
    with django_assert_num_queries(1):
        insert_rows(events())
    rows = list(TicketEvent.objects.order_by("pk").values())[len(bulk) :]
    assert [{k: v for k, v in row.items() if k != "id"} for row in rows] == [
        {k: v for k, v in row.items() if k != "id"} for row in bulk
    ]
    assert sorted(r["id"] for r in rows) == [r["id"] for r in rows] and rows[0]["id"] > bulk[-1]["id"]
    one = events()[:1]
    insert_rows(one)
    assert one[0].pk is not None, "one row goes through insert, which reads its id back"

import pytest
from django.conf import settings
from django.utils import translation

from wowdesk.accounts.models import Team, User
from wowdesk.customers.services import get_or_create_contact
from wowdesk.process_cache import clear_all
from wowdesk.tickets.services import NewTicket, create_ticket


@pytest.fixture(autouse=True)
def _attachments_in_tmp(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "attachments"


@pytest.fixture(autouse=True)
def _default_language():
    # A request through the test client leaves its language active in the thread (LocaleMiddleware does not
    # reset it), so a Danish form post made the next test's messages Danish: every test starts in the default.
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def _no_intake_shedding(settings):
    # Nothing runs the tasks that tests queue, so after 10 s of a long test the queue would look behind and new
    # tickets be refused; the tests of that refusal (test_overload.py) set the limit themselves.
    settings.INTAKE_SHED_AFTER_S = 0


@pytest.fixture(autouse=True)
def _fresh_caches():
    # Ids are reused after a test's rollback, so per-process caches must not outlive a test.
    clear_all()


@pytest.fixture
def team_dk(db):
    return Team.objects.create(name="Support Danmark", language="da", time_zone="Europe/Copenhagen")


@pytest.fixture
def team_no(db):
    return Team.objects.create(name="Kundeservice Norge", language="nb", time_zone="Europe/Oslo")


def make_user(email: str, role: str = User.Role.AGENT, teams=(), name: str = "", language: str = "en") -> User:
    user = User.objects.create_user(
        email, password="pw-for-tests-1", name=name or email.split("@")[0], role=role, language=language
    )
    user.teams.set(teams)
    return user


@pytest.fixture
def agent(team_dk):
    return make_user("agent@example.com", teams=[team_dk], name="Mette Agent")


@pytest.fixture
def agent_no(team_no):
    return make_user("agent.no@example.com", teams=[team_no], name="Ola Agent")


@pytest.fixture
def lead(team_dk, team_no):
    return make_user("lead@example.com", role=User.Role.LEAD, teams=[team_dk, team_no], name="Lene Lead")


@pytest.fixture
def reviewer(db):
    return make_user("reviewer@example.com", role=User.Role.REVIEWER, name="Rune Reviewer")


def announce_new_tickets() -> int:
    """Run the queued `announce_created` tasks here, as a worker would after the commit: routing, the
    auto-reply and webhooks for each new ticket. Returns how many ran."""
    from django_tasks_db.models import DBTaskResult

    from wowdesk.tickets.tasks import announce_created

    ran = 0
    for row in DBTaskResult.objects.ready().filter(task_path=announce_created.module_path).order_by("enqueued_at"):
        row.claim("tests")
        announce_created.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.set_successful(None)
        ran += 1
    return ran


def make_ticket(
    team=None,
    subject="Kan ikke logge ind",
    body="Hej, jeg kan ikke logge ind.",
    email="kunde@example.dk",
    language="da",
    now=None,
    **kwargs,
):
    contact, _ = get_or_create_contact(email, name="Kunde Kundesen")
    new = NewTicket(contact=contact, subject=subject, body=body, team=team, language=language, **kwargs)
    return create_ticket(new, now=now)


@pytest.fixture
def ticket(team_dk):
    return make_ticket(team=team_dk)


def pytest_collection_modifyitems(config, items):
    # Browser tests run last: Playwright's sync API keeps an event loop running in the main thread for the rest
    # of the session (the browser fixture is session-scoped), and any later test whose code calls
    # async_to_sync (the live events sent through the Channels layer) would then fail with "You cannot use
    # AsyncToSync in the same thread as an async event loop". The sort is stable, so the order is otherwise kept.
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)

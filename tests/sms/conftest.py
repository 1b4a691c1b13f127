import pytest

from .loopback import SMSServer


@pytest.fixture
def sms_server(settings):
    server = SMSServer()
    settings.SMS_URL = server.url
    yield server
    server.close()


def run_sms_tasks() -> int:
    """Run the queued SMS deliveries that are due, as the worker would. Returns how many ran."""
    from django_tasks_db.models import DBTaskResult

    from wowdesk.sms.tasks import deliver

    ran = 0
    for row in DBTaskResult.objects.ready().filter(task_path=deliver.module_path).order_by("enqueued_at"):
        row.claim("tests")
        deliver.call(*row.args_kwargs["args"], **row.args_kwargs["kwargs"])
        row.set_successful(None)
        ran += 1
    return ran

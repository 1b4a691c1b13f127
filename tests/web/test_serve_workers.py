"""`serve` starts WOWDESK_WORKERS task workers for customer mail and the rest, one for webhooks."""

from wowdesk.web.management.commands.serve import Command


def worker_queues(children) -> list[str]:
    return [c.command[-1] for c in children if "db_worker" in c.command]


def test_serve_starts_as_many_mail_workers_as_wowdesk_workers_asks(monkeypatch):
    monkeypatch.setenv("WOWDESK_WORKERS", "3")
    options = Command().create_parser("wowdesk", "serve").parse_args([])
    assert options.workers == 3
    queues = worker_queues(Command().processes(options.host, options.port, options.workers))
    assert sorted(queues) == ["mail,default", "mail,default", "mail,default", "webhooks"]


def test_serve_starts_one_mail_worker_by_default(monkeypatch):
    monkeypatch.delenv("WOWDESK_WORKERS", raising=False)
    options = Command().create_parser("wowdesk", "serve").parse_args([])
    assert worker_queues(Command().processes(options.host, options.port, options.workers)).count("mail,default") == 1

"""`serve` starts WOWDESK_WORKERS task workers for customer mail and the rest, one for webhooks."""

import os

import pytest

from wowdesk.web.management.commands.serve import Command


def worker_queues(children) -> list[str]:
    return [c.command[-1] for c in children if "db_worker" in c.command]


def test_serve_starts_as_many_mail_workers_as_wowdesk_workers_asks(monkeypatch):
    monkeypatch.setenv("WOWDESK_WORKERS", "3")
    options = Command().create_parser("wowdesk", "serve").parse_args([])
    assert options.workers == 3
    queues = worker_queues(Command().processes(options.host, options.port, options.workers))
    assert sorted(queues) == ["mail,default", "mail,default", "mail,default", "webhooks"]


@pytest.mark.parametrize(("cores", "workers"), [(2, 2), (8, 8), (1, 1), (None, 1)])
def test_serve_starts_one_mail_worker_per_core_by_default(monkeypatch, cores, workers):
    monkeypatch.delenv("WOWDESK_WORKERS", raising=False)
    monkeypatch.setattr(os, "cpu_count", lambda: cores)
    options = Command().create_parser("wowdesk", "serve").parse_args([])
    queues = worker_queues(Command().processes(options.host, options.port, options.workers))
    assert queues.count("mail,default") == workers
    assert queues.count("webhooks") == 1

"""CPU time per created ticket, in-process: POST /api/v1/tickets through Django's test client (without and with
an Idempotency-Key), and mail.services.ingest of a raw mail. No server, no network, no other process:
process_time moves far less with the machine's load than a throughput figure does, so two commits can be
compared on a busy machine.

Usage: .venv/bin/python bench/ticket_cpu.py [--tickets 300]   (from the checkout to measure; SQLite, temporary)
Compare commits by running it from a worktree of each, alternately, several times.
"""

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tickets", type=int, default=300)
    args = parser.parse_args()
    var = tempfile.mkdtemp(prefix="wowdesk-ticketcpu-")
    os.environ["WOWDESK_VAR_DIR"] = var
    os.environ.pop("WOWDESK_DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")
    try:
        run(args.tickets)
    finally:
        shutil.rmtree(var, ignore_errors=True)


def run(count: int) -> None:
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    from wowdesk.accounts.models import Team, User
    from wowdesk.api.models import ApiToken
    from wowdesk.mail import services as mail
    from wowdesk.mail.models import Mailbox

    call_command("migrate", verbosity=0)
    team = Team.objects.create(name="Bench", language="da")
    Mailbox.objects.create(address="support@example.com", team=team, language="da")
    user = User.objects.create_user("cpu-bench@example.com", "x", name="Bench", role="lead")
    user.teams.set([team])
    token, raw = ApiToken.issue(user, "write", "bench")
    token.rate_limit = 10**9
    token.save()
    client = Client()
    headers = {"Authorization": f"Bearer {raw}"}

    def post(i: int) -> None:
        body = {"subject": f"Faktura {i}", "message": "Hvor er min faktura?", "contact": {"email": f"k{i}@kunde.dk"}}
        response = client.post("/api/v1/tickets", json.dumps(body), content_type="application/json", headers=headers)
        assert response.status_code == 201, response.content

    def post_with_key(i: int) -> None:
        # As bench/pipeline.py's API sender: each create with its own Idempotency-Key.
        body = {"subject": f"Faktura {i}", "message": "Hvor er min faktura?", "contact": {"email": f"n{i}@kunde.dk"}}
        response = client.post(
            "/api/v1/tickets",
            json.dumps(body),
            content_type="application/json",
            headers={**headers, "Idempotency-Key": f"cpu-{i}"},
        )
        assert response.status_code == 201, response.content

    def ingest(i: int) -> None:
        raw_mail = (
            f"From: Kunde {i} <m{i}@kunde.dk>\r\nTo: support@example.com\r\nSubject: Spørgsmål {i}\r\n"
            f"Message-ID: <cpu-{i}@kunde.dk>\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nHej, et spørgsmål.\r\n"
        ).encode()
        mail.ingest(raw_mail, ["support@example.com"], f"m{i}@kunde.dk")

    for name, create in (("api", post), ("api with Idempotency-Key", post_with_key), ("mail", ingest)):
        for i in range(20):
            create(100_000 + i)  # warm-up
        started = time.process_time()
        for i in range(count):
            create(i)
        print(f"{name}: {1000 * (time.process_time() - started) / count:.2f} ms CPU per ticket ({count} tickets)")


if __name__ == "__main__":
    main()

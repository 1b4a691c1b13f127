"""Two web processes sharing Redis as the channel layer (WOWDESK_REDIS_URL), as `make run` would start them on
two machines: a chat message sent through one reaches a browser connected to the other, both ways. Real
processes (uvicorn, redis-server) on loopback, Debian's chromium."""

import os
import shutil
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection
from playwright.sync_api import expect

from tests.browser.test_main_flow import log_in
from tests.conftest import make_user
from tests.mail.conftest import ROOT, database_url, free_port, wait_for_port
from wowdesk.chat.models import Widget
from wowdesk.hours.models import OpeningHours
from wowdesk.tickets.models import Ticket

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def redis_url():
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is needed for this test: apt-get install redis-server")
    port = free_port()
    proc = subprocess.Popen(
        [server, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    try:
        wait_for_port(port)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture
def two_web_processes(redis_url):
    env = {
        **os.environ,
        "WOWDESK_DATABASE_URL": database_url(),
        "WOWDESK_VAR_DIR": str(settings.VAR_DIR),
        "WOWDESK_REDIS_URL": redis_url,
        "DJANGO_SETTINGS_MODULE": "wowdesk.settings",
    }
    ports = [free_port(), free_port()]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "wowdesk.asgi:application", "--port", str(port), "--lifespan", "off"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        for port in ports
    ]
    try:
        for port in ports:
            wait_for_port(port, timeout=60)
        yield ports
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(timeout=10)
            except subprocess.TimeoutExpired:  # uvicorn still waiting for a socket to close
                proc.kill()
                proc.wait()
        settle_other_backends()


def settle_other_backends(timeout: float = 10) -> None:
    """On PostgreSQL a server process's backend can still be running a statement (a consumer's disconnect
    handler taking a row lock) after the process is gone; the test's flush (TRUNCATE) then deadlocked with it
    in a full run, and the next tests found the old rows. Wait until no other backend of this database works."""
    if connection.vendor != "postgresql":
        return
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND pid <> pg_backend_pid() AND state NOT IN ('idle')"
            )
            if cursor.fetchone()[0] == 0:
                return
        time.sleep(0.1)


def test_a_message_through_one_process_reaches_a_browser_on_the_other(two_web_processes, team_dk, new_page, shop):
    """The customer's widget speaks to one process, the agent's browser to the other: each sees what the
    other wrote, only through Redis."""
    one, other = (f"http://127.0.0.1:{port}" for port in two_web_processes)
    html, origin = shop
    OpeningHours.objects.create(team=team_dk, weekly={str(d): [["00:00", "23:59"]] for d in range(7)}, holidays="")
    widget = Widget.objects.create(name="Webshop", allowed_origins=origin, team=team_dk)
    make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")
    html["page"] = (
        '<!doctype html><html lang="en"><head><title>Shop</title></head><body>'
        f'<script src="{one}/chat/widget.js" data-key="{widget.public_key}" async></script></body></html>'
    ).encode()
    agent, customer = new_page(), new_page()
    log_in(agent, other, "sofie@example.com")
    agent.select_option("#presence select", "available")
    expect(agent.locator("#presence select")).to_have_value("available")
    customer.goto(origin)
    customer.click(".wowdesk-chat .wdc-launch")
    customer.fill(".wdc-start input[name=email]", "karen@kunde.dk")
    customer.fill(".wdc-start textarea", "Hello?")
    customer.click(".wdc-start button[type=submit]")
    expect(customer.locator(".wdc-status")).to_have_text("Sofie is here")
    ticket = Ticket.objects.get(channel="chat")
    agent.goto(f"{other}/tickets/{ticket.number}/")
    expect(agent.locator("#chat-pane")).to_be_visible()
    customer.locator(".wdc-chat textarea").fill("Where is my parcel?")
    customer.locator(".wdc-chat textarea").press("Enter")
    # Through Redis to the other process: allow for a loaded machine (both suites run side by side in make test).
    expect(agent.locator(".message.inbound").last).to_contain_text("Where is my parcel?", timeout=15_000)
    agent.locator("#chat-body").fill("On its way.")
    agent.locator("#chat-body").press("Enter")
    expect(customer.locator(".wdc-msg.agent")).to_contain_text("On its way.", timeout=15_000)

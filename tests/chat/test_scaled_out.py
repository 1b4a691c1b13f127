"""Two web processes sharing Redis as the channel layer (WOWDESK_REDIS_URL): a chat message sent to one
process reaches a page connected to the other, both ways. Real processes (uvicorn, redis-server) on
loopback, as `make run` would start them on two machines."""

import asyncio
import json
import shutil
import subprocess
import sys

import pytest
import websockets
from django.conf import settings
from django.test import Client
from django.utils import timezone

from tests.conftest import make_user
from tests.mail.conftest import ROOT, database_url, free_port, wait_for_port
from wowdesk.chat.models import Widget
from wowdesk.hours.models import OpeningHours

pytestmark = pytest.mark.django_db(transaction=True)
SHOP = "https://shop.example.dk"


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
    import os

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
            proc.wait(timeout=10)


async def receive(socket, kind, timeout=5):
    while True:
        message = json.loads(await asyncio.wait_for(socket.recv(), timeout))
        if message["type"] == kind:
            return message


def test_a_message_through_one_process_reaches_a_page_on_the_other(two_web_processes, team_dk):
    one, other = two_web_processes
    OpeningHours.objects.create(team=team_dk, weekly={str(d): [["00:00", "23:59"]] for d in range(7)}, holidays="")
    widget = Widget.objects.create(name="Webshop", allowed_origins=SHOP, team=team_dk)
    sofie = make_user("sofie@example.com", teams=[team_dk], name="Sofie Sørensen")
    sofie.presence, sofie.last_seen_at = "available", timezone.now()
    sofie.save()
    client = Client()
    client.force_login(sofie)
    cookie = f"sessionid={client.cookies['sessionid'].value}"

    async def scenario():
        async with websockets.connect(
            f"ws://127.0.0.1:{one}/ws/chat/{widget.public_key}/", origin=SHOP, ping_interval=None
        ) as customer:
            await customer.send(json.dumps({"type": "hello", "language": "en"}))
            await receive(customer, "ready")
            await customer.send(json.dumps({"type": "start", "email": "karen@kunde.dk", "body": "Hello?"}))
            started = await receive(customer, "started")
            number = await asyncio.to_thread(ticket_number)
            headers = {"Cookie": cookie}
            origin = f"http://127.0.0.1:{other}"
            async with (
                websockets.connect(
                    f"ws://127.0.0.1:{other}/ws/tickets/{number}/",
                    origin=origin,
                    additional_headers=headers,
                    ping_interval=None,
                ) as page,
                websockets.connect(
                    f"ws://127.0.0.1:{other}/ws/chat/agent/{number}/",
                    origin=origin,
                    additional_headers=headers,
                    ping_interval=None,
                ) as pane,
            ):
                await receive(pane, "state")
                await customer.send(json.dumps({"type": "message", "body": "Where is my parcel?"}))
                arrived = await receive(page, "message")
                assert arrived["kind"] == "inbound"
                await pane.send(json.dumps({"type": "message", "body": "On its way."}))
                answer = await receive(customer, "message")
                while answer["message"]["from"] != "agent":
                    answer = await receive(customer, "message")
                assert answer["message"]["body"] == "On its way."
                assert started["token"]

    def ticket_number():
        from wowdesk.tickets.models import Ticket

        return Ticket.objects.get(channel="chat").number

    asyncio.run(scenario())


def test_the_redis_layer_waits_longer_on_a_read_than_its_blocking_pop():
    # Otherwise an idle socket's consumer dies after 5 s (redis-py 8's default read timeout is channels-redis's
    # pop of 5 s): bench/chat.py lost all 1,000 widget sockets that way. Checked on the settings, without the
    # 6 s of idling a live check would take.
    from channels_redis.core import RedisChannelLayer

    assert settings.CHANNEL_REDIS_SOCKET_TIMEOUT_S > RedisChannelLayer.brpop_timeout

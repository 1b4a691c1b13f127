"""Chat at scale: N concurrent widget connections on one web process, and how fast a customer's message
reaches the agent's ticket page (customer -> agent delivery: the widget's socket, the database write, the
event on commit, the channel layer, the agent's socket).

Target (issue 18): 1,000 concurrent widget connections on this 2-core machine, delivery p99 < 200 ms, with
the memory per connection recorded; on the in-memory layer and with Redis.
Usage:
  .venv/bin/python bench/chat.py [--connections 1000] [--chats 50] [--messages 5] [--rate 20]
  WOWDESK_REDIS_URL=redis://127.0.0.1:6379/15 .venv/bin/python bench/chat.py ...   (Redis channel layer)

`--connections` widget sockets connect and say hello (an idle visitor with the widget open); `--chats` of
them start a chat, each watched by its agent's ticket page socket; then each of those sends `--messages`
messages, `--rate` per second in all, and the time until the agent's page hears of each one is measured.
The server is one uvicorn process (`wowdesk.asgi:application`) on a fresh SQLite database in a temp dir (or
WOWDESK_DATABASE_URL); its resident memory is read before and after the idle connections.
"""

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
VAR = Path(tempfile.gettempdir()) / "wowdesk-chatbench"
os.environ.setdefault("WOWDESK_VAR_DIR", str(VAR))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "wowdesk.settings")
os.environ.setdefault("WOWDESK_CHAT_LIMIT", "1000")
SITE = "https://shop.example.dk"


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def prepare(agents: int):
    """A fresh database with a team open around the clock, available agents and a widget."""
    import django

    if "WOWDESK_DATABASE_URL" not in os.environ:
        (VAR / "wowdesk.sqlite3").unlink(missing_ok=True)
    django.setup()
    from django.core.management import call_command
    from django.test import Client
    from django.utils import timezone

    call_command("migrate", verbosity=0)
    call_command("flush", interactive=False, verbosity=0)
    from wowdesk.accounts.models import Team, User
    from wowdesk.chat.models import Widget
    from wowdesk.hours.models import OpeningHours

    team = Team.objects.create(name="Bench", language="en")
    OpeningHours.objects.create(team=team, weekly={str(d): [["00:00", "23:59"]] for d in range(7)}, holidays="")
    cookies = {}
    for n in range(agents):
        user = User.objects.create_user(f"agent{n}@bench.example", password="x-bench-x", name=f"Agent {n}")
        user.teams.set([team])
        user.presence, user.last_seen_at = "available", timezone.now() + timezone.timedelta(hours=1)
        user.save()
        client = Client()
        client.force_login(user)
        cookies[user.pk] = client.cookies["sessionid"].value
    widget = Widget.objects.create(name="Bench", allowed_origins=SITE, team=team)
    return widget.public_key, cookies


def ticket_of(token: str) -> tuple[int, int]:
    from django.core import signing

    from wowdesk.chat.models import Chat
    from wowdesk.chat.services import TOKEN_SALT

    chat = Chat.objects.select_related("ticket").get(pk=signing.loads(token, salt=TOKEN_SALT)["chat"])
    return chat.ticket.number, chat.ticket.assignee_id


async def run(args, key, cookies, port, server_pid):
    import websockets

    base = f"ws://127.0.0.1:{port}"

    async def visitor():
        socket = await websockets.connect(f"{base}/ws/chat/{key}/", origin=SITE, ping_interval=None)
        await socket.send(json.dumps({"type": "hello", "language": "en"}))
        ready = json.loads(await socket.recv())
        assert ready["type"] == "ready" and ready["chat"], ready
        return socket

    before = rss_kb(server_pid)
    sockets = []
    started = time.monotonic()
    for batch in range(0, args.connections, 100):
        sockets += await asyncio.gather(*(visitor() for _ in range(min(100, args.connections - batch))))
    connect_s = time.monotonic() - started
    await asyncio.sleep(1)
    after = rss_kb(server_pid)

    chats = []
    for socket in sockets[: args.chats]:
        await socket.send(json.dumps({"type": "start", "email": "bench@kunde.example", "body": "Hello"}))
        while True:
            message = json.loads(await socket.recv())
            if message["type"] == "started":
                break
        number, agent_id = await asyncio.to_thread(ticket_of, message["token"])
        page = await websockets.connect(
            f"{base}/ws/tickets/{number}/",
            origin=f"http://127.0.0.1:{port}",
            additional_headers={"Cookie": f"sessionid={cookies[agent_id]}"},
            ping_interval=None,
        )
        chats.append((socket, page))

    latencies = []

    async def drain_customer(socket):
        try:
            while True:
                await socket.recv()
        except Exception:
            return

    async def watch(page, sent_at: dict):
        while len(latencies) < args.chats * args.messages:
            message = json.loads(await page.recv())
            if message["type"] == "message" and message["kind"] == "inbound":
                sent = sent_at.pop("t", None)
                if sent is not None:
                    latencies.append(time.monotonic() - sent)

    pending = {i: {} for i in range(len(chats))}
    watchers = [asyncio.create_task(watch(page, pending[i])) for i, (_s, page) in enumerate(chats)]
    drains = [asyncio.create_task(drain_customer(s)) for s, _p in chats]
    interval = 1 / args.rate
    for _round in range(args.messages):
        for i, (socket, _page) in enumerate(chats):
            # One message in flight per chat; one not heard of within 10 s counts as lost.
            waited = time.monotonic()
            while "t" in pending[i] and time.monotonic() - waited < 10:
                await asyncio.sleep(0.005)
            pending[i].pop("t", None)
            pending[i]["t"] = time.monotonic()
            await socket.send(json.dumps({"type": "message", "body": f"message {_round}"}))
            await asyncio.sleep(interval)
    deadline = time.monotonic() + 30
    while len(latencies) < args.chats * args.messages and time.monotonic() < deadline:
        await asyncio.sleep(0.1)
    for task in watchers + drains:
        task.cancel()
    latencies.sort()
    ms = [x * 1000 for x in latencies]
    layer = "redis" if os.environ.get("WOWDESK_REDIS_URL") else "in-memory"
    print(
        f"layer={layer} connections={len(sockets)} connect_s={connect_s:.1f} "
        f"rss_before_mb={before / 1024:.0f} rss_after_mb={after / 1024:.0f} "
        f"per_connection_kb={(after - before) / max(1, len(sockets)):.1f}"
    )
    if ms:
        p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))]
        print(
            f"delivery customer->agent: n={len(ms)} p50={statistics.median(ms):.0f} ms p99={p99:.0f} ms "
            f"max={ms[-1]:.0f} ms (rate {args.rate}/s) lost={args.chats * args.messages - len(ms)}"
        )
    for socket in sockets:
        await socket.close()
    for _s, page in chats:
        await page.close()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--connections", type=int, default=1000)
    parser.add_argument("--chats", type=int, default=50)
    parser.add_argument("--messages", type=int, default=5)
    parser.add_argument("--rate", type=float, default=20)
    args = parser.parse_args()
    VAR.mkdir(parents=True, exist_ok=True)
    import resource

    # Every connection is a file descriptor, in this process and in the server's (which inherits the limit).
    _soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    key, cookies = prepare(agents=max(1, args.chats // 3))
    from tests.mail.conftest import free_port, wait_for_port

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "uvicorn", "wowdesk.asgi:application", "--port", str(port), "--lifespan", "off"],
        cwd=ROOT,
        env=os.environ.copy(),
        stderr=(VAR / "server.log").open("w"),  # the server's own complaints, if any, for after the run
    )
    try:
        wait_for_port(port, timeout=60)
        asyncio.run(run(args, key, cookies, port, server.pid))
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:  # still waiting for open sockets to finish
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()

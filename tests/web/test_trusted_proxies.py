"""X-Forwarded-For is believed only from WOWDESK_TRUSTED_PROXIES (issue 13, item 11): a local client cannot
give each login attempt a new address to dodge the lock, neither through Django nor through `serve`'s uvicorn."""

import http.cookiejar
import os
import re
import socket
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings as django_settings
from django.urls import reverse

from tests.mail.conftest import database_url
from wowdesk.web.management.commands.serve import Command

ROOT = Path(__file__).resolve().parents[2]


def _attempts(client, n=3):
    """n - 1 wrong passwords, then the right one, each claiming another address."""
    codes = []
    for i in range(n):
        password = "pw-for-tests-1" if i == n - 1 else "wrong"
        response = client.post(
            reverse("login"),
            {"username": "agent@example.com", "password": password},
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"203.0.113.{i + 1}",
        )
        codes.append(response.status_code)
    return codes


def test_a_local_client_cannot_choose_its_address_to_dodge_the_lock(client, agent, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.TRUSTED_PROXIES = []
    assert _attempts(client)[-1] == 429, "locked, whatever X-Forwarded-For claimed"


def test_behind_a_trusted_proxy_each_client_address_counts_on_its_own(client, agent, settings):
    settings.AXES_FAILURE_LIMIT = 2
    settings.TRUSTED_PROXIES = ["127.0.0.0/8"]
    assert _attempts(client)[-1] == 302, "three clients behind the proxy, one failure each: nobody is locked"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _serve_web(port: int) -> subprocess.Popen:
    command = Command().processes("127.0.0.1", port, 0)[0].command  # the web server exactly as `serve` starts it
    env = {
        **os.environ,
        "WOWDESK_DATABASE_URL": database_url(),
        "WOWDESK_VAR_DIR": str(django_settings.VAR_DIR),
        "WOWDESK_LOGIN_FAILURE_LIMIT": "2",
        "DJANGO_SETTINGS_MODULE": "wowdesk.settings",
    }
    proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return proc
        except OSError:
            if proc.poll() is not None:
                raise RuntimeError(proc.stderr.read().decode()) from None
            time.sleep(0.2)
    proc.kill()
    raise TimeoutError("the web server did not start")


def _login_over_http(port: int, forwarded_for: str, password: str) -> int:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    url = f"http://127.0.0.1:{port}/login/"
    page = opener.open(url).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"username": "agent@example.com", "password": password, "csrfmiddlewaretoken": token}
    ).encode()
    request = urllib.request.Request(url, data=data, headers={"X-Forwarded-For": forwarded_for})
    try:
        return opener.open(request).status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_serve_does_not_let_a_local_client_choose_its_address(transactional_db, agent, settings):
    settings.TRUSTED_PROXIES = []
    port = _free_port()
    proc = _serve_web(port)
    try:
        codes = [_login_over_http(port, f"198.51.100.{i}", "wrong") for i in (1, 2)]
        codes.append(_login_over_http(port, "198.51.100.3", "pw-for-tests-1"))
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    assert codes == [200, 429, 429], "the second failure locks the user name and the real address"
    settings.TRUSTED_PROXIES = ["10.0.0.5"]
    command = Command().processes("127.0.0.1", port, 0)[0].command
    assert command[command.index("--forwarded-allow-ips") + 1] == "10.0.0.5"

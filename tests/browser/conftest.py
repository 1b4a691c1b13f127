import os
import shutil
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser():
    if not shutil.which(CHROMIUM):
        pytest.fail("Debian's chromium is needed for the browser tests: apt-get install chromium")
    # Playwright's sync API runs an event loop in this thread; the ORM calls made by test code here are
    # still synchronous and safe.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-background-networking"]
        )
        yield browser
        browser.close()


@pytest.fixture(autouse=True)
def requests_finish_before_the_flush():
    """A browser test ends while the live server may still be answering the page's last request (a draft saved
    as the page closes, an htmx poll). On PostgreSQL the test database's flush (TRUNCATE of every table) then
    raced that request's transaction: once the flush failed and the next test found the last one's team
    still there (unique name). The live server answers each request in a thread of its own; the flush waits
    for them (set up first, this fixture is torn down after the page and before the flush)."""
    yield
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline and any(
        thread.is_alive() and thread.name.endswith("(process_request_thread)") for thread in threading.enumerate()
    ):
        time.sleep(0.02)


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    yield page
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


@pytest.fixture
def asgi_server(transactional_db):
    """wowdesk's ASGI application (HTTP and WebSockets) served by uvicorn in a thread of this process, as
    `make run` serves it: pytest-django's live_server speaks only WSGI, without WebSockets. In this process,
    so that changes the test makes reach the pages through the same in-memory channel layer."""
    import socket
    import threading
    import time

    import uvicorn

    from wowdesk.asgi import application

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(application, host="127.0.0.1", port=port, lifespan="off", log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        assert time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def new_page(browser):
    """Pages in contexts of their own (separate cookies): two agents, or an agent and a customer."""
    contexts, errors = [], []

    def open_page(locale="en-GB"):
        context = browser.new_context(viewport={"width": 1400, "height": 900}, locale=locale)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.on("pageerror", lambda exc: errors.append(str(exc)))
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert errors == [], f"JavaScript errors on the pages: {errors}"


@pytest.fixture
def shop():
    """The customer's site: another origin, serving one page with the widget's script tag."""
    html = {"page": b""}

    class Page(BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(html["page"])

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Page)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield html, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()

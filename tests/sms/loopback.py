"""A real SMS provider stand-in: an HTTP server on loopback that records what is posted to it."""

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class SMSServer:
    def __init__(self):
        self.received: list[dict] = []
        self.statuses: list[int] = []  # answers to give, in order; then 200
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                status = server.statuses.pop(0) if server.statuses else 200
                server.received.append(
                    {"path": self.path, "headers": dict(self.headers), "body": json.loads(raw), "status": status}
                )
                answer = json.dumps({"id": f"prov-{len(server.received)}"}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    @property
    def url(self) -> str:
        return f"http+json://127.0.0.1:{self.port}/sms/send"

    @property
    def delivered(self) -> list[dict]:
        return [r for r in self.received if r["status"] < 300]

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()

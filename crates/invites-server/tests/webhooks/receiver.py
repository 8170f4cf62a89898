"""A webhook receiver for the server's webhook tests: every delivery is checked with the
`standardwebhooks` library (PyPI), the reference implementation of the Standard Webhooks spec.

Usage: receiver.py

Prints `listening on http://127.0.0.1:PORT` once it accepts connections. The test drives it:

- `POST /_config` `{"secrets": [...], "plan": [500, 200], "default": 200, "delay": 0,
  "redirect": null}`: the secrets to verify with, the statuses to answer next (one per
  delivery, then `default`), seconds to wait before answering, and a URL to answer 302 to.
  Every key is optional; those given replace the current ones.
- `GET /_log`: every delivery so far, in arrival order: `{"id", "timestamp", "signature",
  "body", "status", "verified": [one bool per secret: did the library accept it]}`.

A delivery that no configured secret verifies is answered 400 (and logged), so a signature the
library refuses is never mistaken for a success.
"""

import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from standardwebhooks.webhooks import Webhook

LOCK = threading.Lock()
STATE = {"secrets": [], "plan": [], "default": 200, "delay": 0, "redirect": None}
LOG = []


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body=b"", headers=()):
        self.send_response(status)
        for k, v in headers:
            self.send_header(k, v)
        self.send_header("content-length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/_log":
            with LOCK:
                body = json.dumps(LOG).encode()
            return self.reply(200, body, [("content-type", "application/json")])
        self.reply(404)

    def do_POST(self):
        raw = self.rfile.read(int(self.headers.get("content-length") or 0))
        if self.path == "/_config":
            with LOCK:
                STATE.update(json.loads(raw))
            return self.reply(200)
        headers = {k.lower(): v for k, v in self.headers.items()}
        with LOCK:
            secrets = list(STATE["secrets"])
        verified = []
        for s in secrets:
            try:
                Webhook(s).verify(raw, headers)
                verified.append(True)
            except Exception:
                verified.append(False)
        with LOCK:
            delay = STATE["delay"]
            redirect = STATE["redirect"]
            if not any(verified):
                status = 400
            elif STATE["plan"]:
                status = STATE["plan"].pop(0)
            else:
                status = STATE["default"]
        if delay:
            time.sleep(delay)
        with LOCK:
            LOG.append(
                {
                    "id": headers.get("webhook-id"),
                    "timestamp": headers.get("webhook-timestamp"),
                    "signature": headers.get("webhook-signature"),
                    "body": raw.decode("utf-8", "replace"),
                    "path": self.path,
                    "status": status,
                    "verified": verified,
                }
            )
        if redirect:
            return self.reply(302, headers=[("location", redirect)])
        self.reply(status)


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # A sender that hung up (a killed server, a timed-out send) is part of the tests.
        if isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            return
        super().handle_error(request, client_address)


def main():
    server = Server(("127.0.0.1", 0), Handler)
    print("listening on http://127.0.0.1:%d" % server.server_address[1], flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    sys.exit(0)


if __name__ == "__main__":
    main()

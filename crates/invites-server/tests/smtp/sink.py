"""A real SMTP server for the email tests (aiosmtpd), on 127.0.0.1.

Usage: sink.py --dir OUT [--port N] [--mode ok|451-once|550]

Prints `listening on 127.0.0.1:PORT` once it accepts connections (port 0, the default, picks a
free one). Every message it accepts is written to OUT as NNNNN.eml (the raw message) and
NNNNN.json (envelope recipients and the message parsed by Python's `email` package: headers,
and the decoded text/plain and text/html parts), each file renamed into place once complete.

Modes: `ok` accepts everything; `451-once` answers the first DATA with 451 (a temporary
failure), then accepts; `550` answers every DATA with 550 (a permanent failure).
"""

import argparse
import asyncio
import email
import email.policy
import json
import os
import sys

from aiosmtpd.smtp import SMTP


class Sink:
    def __init__(self, out, mode):
        self.out = out
        self.mode = mode
        self.count = 0
        self.failed_once = False

    async def handle_DATA(self, server, session, envelope):
        if self.mode == "550":
            return "550 5.1.1 mailbox unavailable (test sink)"
        if self.mode == "451-once" and not self.failed_once:
            self.failed_once = True
            return "451 4.3.0 try again later (test sink)"
        self.count += 1
        base = os.path.join(self.out, "%05d" % self.count)
        raw = envelope.original_content or envelope.content
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        parts = {}
        for part in msg.walk():
            ctype = part.get_content_type()
            if ctype in ("text/plain", "text/html") and ctype not in parts:
                parts[ctype] = part.get_content()
        doc = {
            "rcpt_tos": list(envelope.rcpt_tos),
            "mail_from": envelope.mail_from,
            "headers": {k.lower(): str(v) for k, v in msg.items()},
            "content_type": msg.get_content_type(),
            "text": parts.get("text/plain"),
            "html": parts.get("text/html"),
        }
        for suffix, data in ((".eml", raw), (".json", json.dumps(doc).encode())):
            with open(base + suffix + ".tmp", "wb") as f:
                f.write(data)
            os.rename(base + suffix + ".tmp", base + suffix)
        return "250 2.0.0 OK"


async def main():
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--mode", default="ok", choices=["ok", "451-once", "550"])
    args = p.parse_args()
    sink = Sink(args.dir, args.mode)
    loop = asyncio.get_running_loop()
    server = await loop.create_server(
        lambda: SMTP(sink, enable_SMTPUTF8=True), "127.0.0.1", args.port
    )
    port = server.sockets[0].getsockname()[1]
    print("listening on 127.0.0.1:%d" % port, flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        sys.exit(0)

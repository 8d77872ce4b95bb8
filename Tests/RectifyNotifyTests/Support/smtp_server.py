#!/usr/bin/env python3
"""A throwaway SMTP server for RectifyNotify's tests (aiosmtpd).

Listens on 127.0.0.1 (a free port chosen by the kernel), offers STARTTLS with the given
certificate and AUTH LOGIN/PLAIN (only after STARTTLS) for one user. Each message is written
to OUT/msg-N.eml with OUT/msg-N.json (peer, TLS, login, envelope); OUT/connections counts TCP
connections. Prints the port on stdout once listening; exits when stdin closes or after
--timeout seconds, whichever comes first.
"""
import argparse
import asyncio
import json
import logging
import os
import ssl
import sys
import warnings

from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

# aiosmtpd itself sets the deprecated Session.login_data; keep stderr for real trouble.
warnings.filterwarnings("ignore", category=DeprecationWarning)
# A refused TLS handshake is a test case, not news: no tracebacks from aiosmtpd's session log.
logging.getLogger("mail.log").setLevel(logging.CRITICAL)


class Recorder:
    def __init__(self, out, delay=0.0):
        self.out = out
        # A restarted server goes on numbering (it never overwrites what an earlier one stored).
        self.count = len([n for n in os.listdir(out) if n.endswith(".eml")]) if os.path.isdir(out) else 0
        self.delay = delay

    async def handle_DATA(self, server, session, envelope):
        if self.delay:
            # A slow server: the message is accepted only after the delay.
            await asyncio.sleep(self.delay)
        self.count += 1
        base = os.path.join(self.out, f"msg-{self.count}")
        with open(base + ".eml", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        meta = {
            "peer_port": session.peer[1],
            "tls": session.ssl is not None,
            "authenticated": bool(session.authenticated),
            "login": session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else None,
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
        }
        with open(base + ".json", "w") as f:
            json.dump(meta, f)
        return "250 OK stored"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--user", default="alerts")
    p.add_argument("--password", default="secret")
    p.add_argument("--timeout", type=float, default=60)
    # A fixed port lets a test stop and restart "the mail server" (rectifyd's end-to-end tests).
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--delay", type=float, default=0, help="seconds before each message is accepted")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)

    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    recorder = Recorder(args.out, args.delay)
    connections = 0

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == args.user and auth_data.password.decode() == args.password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    def factory():
        nonlocal connections
        connections += 1
        with open(os.path.join(args.out, "connections"), "w") as f:
            f.write(str(connections))
        return SMTP(recorder, hostname="rectifyd-test", tls_context=context, require_starttls=True,
                    auth_required=True, auth_require_tls=True, authenticator=authenticator, decode_data=False)

    async def serve():
        loop = asyncio.get_running_loop()
        server = await loop.create_server(factory, host="127.0.0.1", port=args.port, reuse_address=True)
        print(server.sockets[0].getsockname()[1], flush=True)
        done = loop.create_future()
        # stdin closing (the test finished or died) stops the server.
        loop.add_reader(sys.stdin.fileno(), lambda: os.read(sys.stdin.fileno(), 1024) or (done.done() or done.set_result(None)))
        try:
            await asyncio.wait_for(done, args.timeout)
        except asyncio.TimeoutError:
            pass
        server.close()

    asyncio.run(serve())


if __name__ == "__main__":
    main()

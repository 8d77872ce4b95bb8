#!/usr/bin/env python3
"""An SMTP server for rectifyd's end-to-end tests (aiosmtpd): STARTTLS with the given
certificate, AUTH LOGIN/PLAIN required after STARTTLS, on 127.0.0.1:PORT (fixed, so a test
can stop and restart "the mail server"). Each message goes to OUT/msg-<n>.eml. Prints the
port once listening; exits when stdin closes or after --timeout seconds.
"""
import argparse, asyncio, os, ssl, sys, uuid, warnings
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword

warnings.filterwarnings("ignore", category=DeprecationWarning)

class Recorder:
    def __init__(self, out):
        self.out = out

    async def handle_DATA(self, server, session, envelope):
        name = os.path.join(self.out, f"msg-{uuid.uuid4().hex}.eml")
        with open(name + ".tmp", "wb") as f:
            f.write(envelope.original_content or envelope.content)
        os.rename(name + ".tmp", name)
        return "250 OK"

def main():
    p = argparse.ArgumentParser()
    p.add_argument("--out", required=True)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--user", default="alerts")
    p.add_argument("--password", default="secret")
    p.add_argument("--timeout", type=float, default=60)
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)
    recorder = Recorder(args.out)

    def authenticator(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword)
              and auth_data.login.decode() == args.user and auth_data.password.decode() == args.password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    def factory():
        return SMTP(recorder, hostname="rectifyd-e2e", tls_context=context, require_starttls=True,
                    auth_required=True, auth_require_tls=True, authenticator=authenticator, decode_data=False)

    async def serve():
        loop = asyncio.get_running_loop()
        server = await loop.create_server(factory, host="127.0.0.1", port=args.port, reuse_address=True)
        print(server.sockets[0].getsockname()[1], flush=True)
        done = loop.create_future()
        loop.add_reader(sys.stdin.fileno(), lambda: os.read(sys.stdin.fileno(), 1024) or (done.done() or done.set_result(None)))
        try:
            await asyncio.wait_for(done, args.timeout)
        except asyncio.TimeoutError:
            pass
        server.close()

    asyncio.run(serve())

if __name__ == "__main__":
    main()

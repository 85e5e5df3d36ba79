"""A real SMTP server for the fault tests, run as its own process (started and stopped by PID):
``python tests/faults/smtp_sink.py PORT FOLDER``. It keeps every message it accepts as
``FOLDER/<n>.eml``. While ``FOLDER/hold`` exists it accepts connections but does not greet
them (the client waits, as for a slow server), so a test can catch a sender mid-send."""

import itertools
import socketserver
import sys
import time
from pathlib import Path

FOLDER = Path(sys.argv[2]) if len(sys.argv) > 2 else Path(".")
NUMBERS = itertools.count(1)


class Session(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write(line.encode() + b"\r\n")
        self.wfile.flush()

    def handle(self):
        while (FOLDER / "hold").exists():
            time.sleep(0.05)
        self.reply("220 sink ESMTP")
        while line := self.rfile.readline():
            verb = line.decode(errors="replace").strip().split(" ")[0].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250 sink")
            elif verb == "DATA":
                self.reply("354 go ahead")
                lines = []
                while (part := self.rfile.readline()) not in (b".\r\n", b""):
                    lines.append(part)
                (FOLDER / f"{next(NUMBERS)}.eml").write_bytes(b"".join(lines))
                self.reply("250 kept")
            elif verb == "QUIT":
                self.reply("221 bye")
                return
            else:  # MAIL, RCPT, RSET, NOOP
                self.reply("250 ok")


class Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


if __name__ == "__main__":
    with Server(("127.0.0.1", int(sys.argv[1])), Session) as server:
        server.serve_forever()

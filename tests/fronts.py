"""A real HTTP server on 127.0.0.1 standing in for a front cache: it records every PURGE (the
keys of its ``xkey-softpurge`` and ``xkey-purge`` headers) and answers 200, or 503 while
``down`` is set."""

import http.server
import threading


class RecordingFront:
    def __init__(self):
        self.purges = []  # one set of keys per PURGE request received
        self.hard = []  # the same request's keys purged for good (xkey-purge): a subset
        self.down = False
        front = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802 (the HTTP method's name)
                if front.down:
                    self.send_response(503)
                else:
                    hard = set(self.headers.get("xkey-purge", "").split())
                    soft = set(self.headers.get("xkey-softpurge", "").split())
                    front.purges.append(soft | hard)
                    front.hard.append(hard)
                    self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()

"""What both browser checks need: the built site on a local port, and the system Chromium."""

import functools
import http.server
import shutil
import threading


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def serve(site):
    """Serves the folder `site` on a free loopback port; returns the server and its base URL."""
    handler = functools.partial(QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def chromium():
    """The path of the system Chromium, or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")

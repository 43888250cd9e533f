"""A built site served on 127.0.0.1 like its static host (GitHub Pages): below the base path of
its site_url, quietly, with 404.html for anything missing. The readers benchmark measures what
this host sends; the browser tests (tests/browser/conftest.py) read the site through it."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    base_path = "/"

    def log_message(self, *args) -> None:
        pass

    def translate_path(self, path: str) -> str:
        if not path.startswith(self.base_path):
            return str(Path(self.directory) / "niet-op-deze-site")
        return super().translate_path("/" + path[len(self.base_path):])

    def send_error(self, code, message=None, explain=None) -> None:
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def base_path(site: Path) -> str:
    """The path the site is published under: from its canonical URL, '/' without site_url.
    The 404 page links its assets absolutely below this path, so the local host uses it too."""
    match = re.search(r'<link rel="canonical" href="([^"]+)"', (site / "index.html").read_text("utf-8"))
    return urlsplit(match.group(1)).path if match else "/"


@contextmanager
def serving(site: Path, handler: type[SiteHandler] = SiteHandler, **attributes) -> Iterator[str]:
    """Serve ``site`` from a thread; the URL (ending in /) of its home page. ``attributes`` are set
    on a subclass of ``handler`` made for this site, beside its base path."""
    made = type("Handler", (handler,), {"base_path": base_path(site), **attributes})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(made, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{made.base_path}"
    finally:
        server.shutdown()
        server.server_close()

#!/usr/bin/env python3
"""Bekijk een gebouwde site op je eigen computer, met werkend zoeken en werkende mappen.

Een site uit een zip-bestand (het voorbeeld van een pull request) werkt niet goed als je de
HTML-bestanden direct opent: mappen tonen een lijst met bestanden en zoeken werkt niet, omdat de
browser een bestand niet als website behandelt. Dit script zet een kleine webserver op je eigen
computer (alleen voor jou bereikbaar) en opent de site in je browser.

    python3 bekijken.py            # de map 'site' naast dit script
    python3 bekijken.py MAP        # een andere map

Stoppen: Ctrl+C. Alleen de standaardbibliotheek van Python 3 is nodig.
"""

from __future__ import annotations

import functools
import http.server
import sys
import threading
import webbrowser
from pathlib import Path

PORT = 8000


def main(argv: list[str]) -> int:
    here = Path(__file__).resolve().parent
    folder = Path(argv[0]).resolve() if argv else (here / "site" if (here / "site").is_dir() else here)
    if not (folder / "index.html").is_file():
        print(f"Geen gebouwde site gevonden in {folder} (index.html ontbreekt).", file=sys.stderr)
        return 1
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}
    for port in range(PORT, PORT + 20):
        try:
            server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
            break
        except OSError:
            continue
    else:
        print("Geen vrije poort gevonden tussen 8000 en 8019.", file=sys.stderr)
        return 1
    url = f"http://127.0.0.1:{server.server_port}/"
    print(f"De site staat op {url}  (stoppen: Ctrl+C)")
    threading.Timer(0.5, webbrowser.open, [url]).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        print("\nGestopt.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

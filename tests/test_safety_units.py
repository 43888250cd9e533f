"""Unit tests of the safety modules: allowlist, sanitiser, escaping, CSP, file walk, YAML limits,
PDF fetcher, annotations. The end-to-end cases are in test_safety_corpus.py."""

from __future__ import annotations

import os
import re
import textwrap
from pathlib import Path

import markdown
import pytest
import yaml

from conftest import MINIMAL, ROOT, write
from kennisschakels import allowlist, csp, files, yamlsafe
from kennisschakels.problems import Problem
from kennisschakels.render import md
from kennisschakels.sanitize import escape_page_title, escape_text, sanitize, summary, toc_title

EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "footnotes", "md_in_html", "tables", "toc",
              "pymdownx.details", "pymdownx.superfences", "kennisschakels.mdx_caption"]
CONFIGS = {"toc": {"permalink": True, "permalink_title": "Link naar deze sectie"}, "tables": {"use_align_attribute": True}}


def render(text: str) -> str:
    return markdown.markdown(textwrap.dedent(text), extensions=EXTENSIONS, extension_configs=CONFIGS)


# --- sanitiser -----------------------------------------------------------------------------------

EVERYTHING_OUR_MARKDOWN_MAKES = """
    # Kop {#eigen .klasse}

    Tekst met voetnoot[^1], *nadruk*, **vet**, `code` en HTML.

    *[HTML]: HyperText Markup Language

    !!! note "Titel"
        Inhoud.

    ???+ tip "Uitklap"
        Meer.

    Term
    :   Definitie

    | links | midden | rechts |
    |:---|:---:|---:|
    | a | b | c |

    ```python
    print("x")
    ```

    ```python linenums="1" hl_lines="1" title="a.py"
    print(1)
    ```

    1. een
    2. twee

    > citaat

    ![alt](plaatje.png "titel")

    [link](pagina.md#anker "titel") en [extern](https://example.org) en [mail](mailto:a@example.org)

    <div class="ks-filterable" data-ks-filter="regio" data-ks-labels="{}" markdown="1">
    <div class="ks-item" data-regio="twente" data-thema="x" data-soort="y" markdown="1">
    **vet**
    </div>
    </div>

    <table class="ks-matrix" markdown="1">
    <caption>Bijschrift</caption>
    <thead markdown="1">
    <tr markdown="1">
    <th scope="col"><abbr title="Thema">1</abbr></th>
    </tr>
    </thead>
    <tbody markdown="1">
    <tr markdown="1">
    <td class="ks-yes"><span aria-hidden="true">✓</span> <span class="ks-sr">ja</span></td>
    </tr>
    </tbody>
    </table>

    <figure class="ks-chart">
    <svg viewBox="0 0 640 280" role="img" aria-labelledby="t d" xmlns="http://www.w3.org/2000/svg">
    <title id="t">Titel</title>
    <desc id="d">Beschrijving</desc>
    <line class="ks-grid" x1="48" x2="624" y1="10" y2="10"/>
    <text class="ks-axis" x="40" y="10" text-anchor="end" dominant-baseline="middle">5</text>
    <polyline class="ks-line" fill="none" points="48,10 100,20.5 "/>
    <circle class="ks-point" cx="48" cy="10" r="4"/>
    </svg>
    <figcaption>Onderschrift</figcaption>
    </figure>

    ## Kop met data-search-exclude { data-search-exclude }

    [^1]: De voetnoot.
"""


def test_everything_our_markdown_and_templates_make_passes_unchanged():
    result = sanitize(render(EVERYTHING_OUR_MARKDOWN_MAKES))
    assert result.changes == []
    assert 'data-ks-labels="{}"' in result.html and "<svg" in result.html and "viewBox" in result.html


@pytest.mark.parametrize("fragment, change", [
    ('<p onclick="x()">Hoi</p>', "attribuut onclick op <p> verwijderd"),
    ('<form action="x"><input name="p"></form>', "element <form> verwijderd"),
    ('<a href="&#106;avascript:alert(1)">x</a>', "link naar javascript: verwijderd"),
    ('<img src="https://evil.example/x.png">', "afbeelding van een andere host (https://evil.example/x.png) verwijderd"),
    ("<script>alert(1)</script>", "element <script> met inhoud verwijderd"),
    ('<p style="color:red">x</p>', "attribuut style op <p> verwijderd"),
    ('<div data-md-component="skip">x</div>', "attribuut data-md-component op <div> verwijderd"),
    ('<table><tr><td align="justify">x</td></tr></table>', 'attribuut align="justify" op <td> verwijderd'),
    ('<p class="md-typeset">x</p>', "klasse 'md-typeset' op <p> verwijderd"),
])
def test_every_change_is_reported_in_dutch(fragment, change):
    result = sanitize(fragment)
    assert result.changed and any(c.startswith(change) for c in result.changes), result.changes
    assert "script" not in result.html.lower() or "&lt;" in result.html


def test_the_clean_html_never_keeps_what_the_report_names():
    result = sanitize('<p onclick="x">a</p><a href="javascript:x">b</a><img src="//h/x.png" alt="c">')
    assert "onclick" not in result.html and "javascript" not in result.html and "//h" not in result.html


def test_summary_counts_repeats():
    assert summary(["a", "b", "a"]) == "a (2×); b"


def test_sanitiser_is_fast_on_a_typical_page():
    import time

    page = render(EVERYTHING_OUR_MARKDOWN_MAKES) * 3
    started = time.perf_counter()
    for _ in range(50):
        sanitize(page)
    assert (time.perf_counter() - started) / 50 < 0.02  # measured ≈ 0.5 ms for a 4 kB page (see SECURITY.md)


# --- escaping ------------------------------------------------------------------------------------

EVIL = "Piet <svg/onload=alert(1)>"


def test_escape_once_for_raw_and_escaped_sinks():
    import jinja2

    meta = {"title": EVIL, "description": 'Een "citaat" & meer'}
    escape_page_title(meta)
    env = jinja2.Environment(autoescape=False)  # as MkDocs' theme environment
    raw = env.from_string("<h1>{{ t }}</h1>").render(t=meta["title"])
    escaped = env.from_string('<meta content="{{ t | e }}">').render(t=meta["title"])
    assert raw == "<h1>Piet &lt;svg/onload=alert(1)&gt;</h1>"
    assert escaped == '<meta content="Piet &lt;svg/onload=alert(1)&gt;">'
    assert escape_text(meta["title"]) == meta["title"]  # idempotent
    assert meta["description"] == "Een &quot;citaat&quot; &amp; meer"


def test_toc_titles_become_text():
    assert toc_title("De tag <code>&lt;script&gt;</code>") == "De tag &lt;script&gt;"


def test_md_neutralises_html_and_attr_list():
    html = render("| a |\n|---|\n| " + md("Piet <b>x</b> {: onmouseover=alert(1) }") + " |")
    assert "onmouseover=" not in html.replace("{: onmouseover=alert(1) }", "")
    assert "<b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "{: onmouseover=alert(1) }" in html  # shown as text
    cell = render('<table markdown="1"><tr markdown="1"><td markdown="span">' + md("x {: .c onclick=y }")
                  + "</td></tr></table>")
    assert "onclick=" not in cell.replace("{: .c onclick=y }", "") and 'class="c"' not in cell


# --- allowlist -----------------------------------------------------------------------------------

@pytest.mark.parametrize("value, scheme", [
    ("javascript:x", "javascript"), ("  JaVaScRiPt:x", "javascript"), ("java\tscript:x", "javascript"),
    ("\x01javascript:x", "javascript"), ("//host/x", "//"), ("\\\\host\\x", "//"), ("/\\host", "//"),
    ("pagina/", ""), ("#anker", ""), ("mailto:a@b", "mailto"),
])
def test_url_scheme_as_a_browser_sees_it(value, scheme):
    assert allowlist.url_scheme(value) == scheme


# --- CSP -----------------------------------------------------------------------------------------

def test_csp_hashes_only_theme_scripts():
    patterns = [re.compile(r"var x=1")]
    page = ('<html><head><meta charset="utf-8"><script>var x=1</script></head><body>'
            '<article><script>alert(1)</script></article></body></html>')
    content = "<script>alert(1)</script>"
    out = csp.apply(page, patterns, content)
    assert csp.script_hash("var x=1") in out and csp.script_hash("alert(1)") not in out
    assert out.index("Content-Security-Policy") < out.index("<script>")
    with pytest.raises(csp.CspError):
        csp.apply(page, patterns)  # without knowing the content, the content's script is refused
    with pytest.raises(csp.CspError):
        csp.apply('<head><script src="https://evil.example/x.js"></script></head>', patterns)


def test_csp_policy_has_what_the_site_needs_and_nothing_else():
    policy = csp.policy(["'sha256-x'"])
    assert "default-src 'self'" in policy and "object-src 'none'" in policy and "base-uri 'self'" in policy
    assert "'wasm-unsafe-eval'" in policy and "connect-src 'self'" in policy and "form-action 'self'" in policy
    assert "'unsafe-inline'" not in policy and "http" not in policy and "blob:" not in policy


def test_theme_script_patterns_cannot_leave_a_string():
    import material

    patterns = csp.theme_script_patterns([Path(material.__file__).parent / "templates"])
    base = ('__md_scope=new URL("{}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
            '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
            '__md_set=(e,_,t=localStorage,a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}')
    assert any(p.fullmatch(base.format("../..")) for p in patterns)
    assert not any(p.fullmatch(base.format('"),alert(1),("')) for p in patterns)


# --- files ---------------------------------------------------------------------------------------

def test_walk_publishes_what_mkdocs_publishes(minimal):
    write(minimal, {"docs/_intern/pagina.md": "---\ntitle: x\ndescription: y\n---\n", "docs/.verborgen/x.html": "x",
                    "docs/templates/x.html": "x", "essays/_concept/x.md": "x", "essays/.x.md": "x"})
    found = files.walk(minimal)
    assert "docs/_intern/pagina.md" in found.markdown  # MkDocs publishes _ folders: checked like any page
    listed = found.markdown + found.assets + found.docs_assets
    assert not any(p.startswith(("docs/.verborgen", "docs/templates", "essays/_concept", "essays/.x")) for p in listed)


def test_walk_refuses_symlinks_and_never_follows_them(minimal):
    os.symlink("/etc", minimal / "docs" / "etc")
    os.symlink("/etc/passwd", minimal / "essays" / "passwd.pdf")
    problems = [str(p) for p in files.walk(minimal).problems]
    assert "docs/etc:1: bestand: is een symbolische link naar een map" in problems[0]
    assert any(p.startswith("essays/passwd.pdf:1: bestand: is een symbolische link") for p in problems)


@pytest.mark.parametrize("data, message", [
    ("Café".encode("latin-1"), "is geen UTF-8"),
    ("Café".encode("utf-16"), "is opgeslagen als UTF-16"),
    ("Café".encode("utf-32"), "is opgeslagen als UTF-32"),
    (b"a\x00b", "bevat NUL-tekens"),
])
def test_read_text_refuses_other_encodings(tmp_path, data, message):
    (tmp_path / "x.md").write_bytes(data)
    text, problem = files.read_text(tmp_path, "x.md")
    assert text == "" and message in problem.wrong and "UTF-8" in problem.expected


def test_read_text_accepts_a_utf8_bom(tmp_path):
    (tmp_path / "x.md").write_bytes(b"\xef\xbb\xbf---\ntitle: x\n")
    assert files.read_text(tmp_path, "x.md") == ("---\ntitle: x\n", None)


# --- YAML ----------------------------------------------------------------------------------------

def test_alias_bomb_is_refused_quickly():
    import time

    bomb = "a: &a [" + ",".join(['"lol"'] * 9) + "]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(8))
    started = time.perf_counter()
    refused = yamlsafe.screen(bomb)
    assert refused and "anker" in refused.wrong and time.perf_counter() - started < 0.5


def test_depth_limit():
    node = yaml.compose("x: " + "[" * 30 + "]" * 30, Loader=yaml.SafeLoader)
    assert yamlsafe.too_deep(node).wrong == "is te diep genest"
    assert yamlsafe.too_deep(yaml.compose("x: [[1]]", Loader=yaml.SafeLoader)) is None


def test_report_definition_missing_top_level_key_does_not_loop(minimal):
    from kennisschakels.load import check
    from kennisschakels.report.definition import load_report
    from kennisschakels.problems import ContentError

    write(minimal, {"docs/rapportages/r/index.md": "---\ntitle: R\ndescription: R.\n---\n",
                    "docs/rapportages/r.yml": "date: 2022-09\npublisher: VNG\nauthor: A\npage: rapportages/r/index.md\n"})
    catalogue, _ = check(minimal)
    with pytest.raises(ContentError) as error:
        load_report(minimal / "docs/rapportages/r.yml", catalogue)
    assert any(str(p).startswith("docs/rapportages/r.yml:1: title: ontbreekt") for p in error.value.problems)


# --- PDF fetcher ---------------------------------------------------------------------------------

def test_pdf_fetcher_reads_only_images_of_the_repository(tmp_path):
    from kennisschakels.report.fetcher import RefusedResource, check_url

    (tmp_path / "a.png").write_bytes(b"x")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "b.png").write_bytes(b"x")
    os.symlink("/etc/passwd", tmp_path / "c.png")
    assert check_url((tmp_path / "a.png").as_uri(), tmp_path) == (tmp_path / "a.png").resolve()
    assert check_url("data:image/png;base64,AAAA", tmp_path) is None
    for url in ("file:///etc/passwd", (tmp_path / ".git" / "b.png").as_uri(), (tmp_path / "c.png").as_uri(),
                "https://example.org/x.png", "http://127.0.0.1/x.png", "ftp://x/y.png", "data:text/html,<b>x</b>",
                "data:image/svg+xml,<svg/>", "file://otherhost/x.png", (tmp_path / "x.md").as_uri()):
        with pytest.raises(RefusedResource):
            check_url(url, tmp_path)


# --- annotations ---------------------------------------------------------------------------------

def test_annotation_cannot_start_a_workflow_command():
    line = Problem("essays/a\n::warning file=x::pwned,b:c;d.md", 1, "inhoud", "fout\n::error::x", "x").github_annotation()
    assert "\n" not in line and "\r" not in line
    assert line.startswith("::error file=essays/a%0A%3A%3Awarning file=x%3A%3Apwned%2Cb%3Ac%3Bd.md,line=1,")

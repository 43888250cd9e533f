"""MkDocs adapter for the reports (kennisschakels.report): thin glue, no report logic.

- on_config: read and check every report definition in docs/rapportages/ (after build.py loaded
  the catalogue); put each report's pages in the navigation in the definition's order.
- on_files: build each report's PDF and add it to the site as rapportages/<id>.pdf, so links to
  it are checked like any other; the definitions themselves are not published.
- on_page_markdown: the report's web pages get their chapters, contents and previous/next links.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from kennisschakels.problems import ContentError
from kennisschakels.report import load_reports, web
from kennisschakels.report.definition import REPORTS_DIR
from kennisschakels.report.pdf import render_pdf

REPORTS = "rapporten"   # key in config.extra: the checked report definitions
PDF_FACTS = "rapporten_pdf"  # key in config.extra: report id -> '(PDF, 42 pagina's, 1,2 MB)'


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    catalogue = config.extra["catalogus"]  # loaded by hooks/build.py, which runs first
    try:
        reports = load_reports(catalogue)
    except ContentError as error:
        raise PluginError(str(error)) from None
    config.extra[REPORTS] = reports
    for report in reports:
        web.order_nav(config.nav, report)
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    catalogue, facts = config.extra["catalogus"], {}
    prefix = REPORTS_DIR.removeprefix("docs/") + "/"
    for file in [f for f in files if f.src_uri.startswith(prefix) and f.src_uri.endswith(".yml")]:
        files.remove(file)
    for report in config.extra[REPORTS]:
        try:
            result = render_pdf(report, catalogue)
        except ContentError as error:  # unsafe HTML or a file the PDF may not read
            raise PluginError(str(error)) from None
        facts[report.id] = f"(PDF, {result.pages} pagina's, {result.size_label})"
        files.append(File.generated(config, report.pdf_uri, content=result.data))
    config.extra[PDF_FACTS] = facts
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    catalogue, reports = config.extra["catalogus"], config.extra[REPORTS]
    uri = page.file.src_uri
    if uri == REPORTS_DIR.removeprefix("docs/") + "/index.md":
        return markdown.rstrip("\n") + "\n\n" + web.reports_overview(reports, catalogue, uri, config.extra[PDF_FACTS])
    for report in reports:
        result = web.page_markdown(report, catalogue, uri, markdown, config.extra[PDF_FACTS].get(report.id, ""))
        if result is not None:
            return result
    return markdown

"""Reports made from the knowledge base: a definition in docs/rapportages/, a web version and a PDF.

- ``definition``: the report definition (YAML) and its checks;
- ``assemble``: pages, chapters and appendices as Markdown parts, within the report's peildatum;
- ``edition``: adopted editions, frozen in docs/rapportages/.edities/ (source, PDF, manifest);
- ``links``: links, ids and table headers resolved on Python-Markdown's tree (web and PDF);
- ``web``: Markdown for the report's pages on the site (an edition or a concept);
- ``pdf``: one HTML document laid out as PDF by WeasyPrint, with a content-addressed cache;
- ``commands``: ``python -m kennisschakels rapport bouwen | vaststellen | nieuw``.

Like the rest of the package, this does not import MkDocs; ``kennisschakels.site`` is the pipeline.
Guide for the programme team: docs/over/rapportage-maken.md.
"""

from kennisschakels.report.definition import Report, load_report, load_reports

__all__ = ["Report", "load_report", "load_reports"]

"""Reports made from the knowledge base: a definition in docs/rapportages/, a web version and a PDF.

- ``definition``: the report definition (YAML) and its checks;
- ``assemble``: chapters and appendices as Markdown parts, shared by both outputs;
- ``web``: Markdown for the report's pages on the site;
- ``pdf``: one HTML document laid out as PDF by WeasyPrint.

Like the rest of the package, this does not import MkDocs; ``hooks/report.py`` is the glue.
Command line: ``python -m kennisschakels.report build [--out DIR]``.
"""

from kennisschakels.report.definition import Report, load_report, load_reports

__all__ = ["Report", "load_report", "load_reports"]

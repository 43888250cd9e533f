"""Command line: ``python -m kennisschakels.report build [--out DIR] [--report ID] [--html]``.

Builds only the PDF of the reports, without the site: quick to iterate on a report's text or layout.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from kennisschakels.catalogue import check
from kennisschakels.problems import ContentError, report as problem_report
from kennisschakels.report.definition import load_reports
from kennisschakels.report.pdf import render_pdf


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kennisschakels.report",
                                     description="Bouw de rapportages (PDF) uit de kennisbank, zonder de site.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="map van de repository (standaard: huidige map)")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="bouw de PDF van elke rapportage in docs/rapportages/")
    build.add_argument("--out", type=Path, default=Path("build/rapportages"),
                       help="map voor de PDF's (standaard: build/rapportages)")
    build.add_argument("--report", help="alleen deze rapportage (bestandsnaam zonder .yml)")
    build.add_argument("--html", action="store_true", help="schrijf ook de HTML waaruit de PDF wordt gemaakt")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    catalogue, problems = check(args.root.resolve())
    try:
        if problems:
            raise ContentError(problems)
        reports = load_reports(catalogue)
    except ContentError as error:
        print(problem_report(error.problems).replace("de site is niet gebouwd", "er is geen PDF gemaakt"),
              file=sys.stderr)
        return 1
    if args.report:
        reports = [r for r in reports if r.id == args.report]
        if not reports:
            print(f"Onbekende rapportage '{args.report}': geen docs/rapportages/{args.report}.yml.", file=sys.stderr)
            return 1
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    for item in reports:
        target = out / f"{item.id}.pdf"
        try:
            result = render_pdf(item, catalogue, target, out / f"{item.id}.html" if args.html else None)
        except ContentError as error:
            print(error, file=sys.stderr)
            return 1
        print(f"{target}: {result.pages} pagina's, {result.size_label}, in {result.seconds:.1f} s.")
    print(f"Klaar in {time.perf_counter() - started:.1f} s.")
    return 0


if __name__ == "__main__":
    sys.exit(main())

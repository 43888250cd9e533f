"""Command line: ``python -m kennisschakels check|nieuw|codeowners|schema``."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from kennisschakels import contribute, schema
from kennisschakels.catalogue import check
from kennisschakels.problems import report
from kennisschakels.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kennisschakels",
                                     description="Hulpmiddelen voor de kennisbank Kennisschakels.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="map van de repository (standaard: huidige map)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="controleer alle inhoud zonder de site te bouwen")
    check_cmd.add_argument("--github", action="store_true",
                           help="schrijf ook GitHub Actions-annotaties (standaard aan als GITHUB_ACTIONS=true)")
    schema_cmd = commands.add_parser("schema", help="schrijf de JSON Schema's van alle inhoudstypen")
    schema_cmd.add_argument("--out", type=Path, help="map om de schema's in te schrijven (anders naar stdout)")
    new_cmd = commands.add_parser("nieuw", help="maak een nieuw bestand met geldige gegevens")
    new_cmd.add_argument("soort", choices=sorted(contribute.KINDS), help="soort bestand")
    new_cmd.add_argument("--titel", required=True, help="titel van de pagina")
    new_cmd.add_argument("--regio", help="regio-id (verplicht voor update en praktijk)")
    new_cmd.add_argument("--beschrijving", help="één of twee zinnen over de pagina")
    new_cmd.add_argument("--thema", action="append", help="leerthema-id (mag vaker)")
    new_cmd.add_argument("--datum", help="JJJJ-MM-DD (standaard: vandaag)")
    owners_cmd = commands.add_parser("codeowners", help="schrijf .github/CODEOWNERS uit de regio's")
    owners_cmd.add_argument("--check", action="store_true", help="alleen controleren of het bestand klopt")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        return run_check(root, args.github or os.environ.get("GITHUB_ACTIONS") == "true")
    if args.command == "nieuw":
        return run_new(root, args)
    if args.command == "codeowners":
        return run_codeowners(root, args.check)
    return run_schema(args.out)


def run_new(root: Path, args: argparse.Namespace) -> int:
    made = contribute.scaffold(root, args.soort, args.titel, region=args.regio, description=args.beschrijving,
                               themes=args.thema, date=args.datum)
    if made.problems:
        print(report(made.problems).replace("de site is niet gebouwd", "er is niets aangemaakt"), file=sys.stderr)
        return 1
    print(f"Aangemaakt: {made.path}\nVul de tekst aan en controleer met: python -m kennisschakels check")
    return 0


def run_codeowners(root: Path, only_check: bool) -> int:
    catalogue, problems = check(root)
    if problems:
        print(report(problems), file=sys.stderr)
        return 1
    expected = contribute.codeowners(catalogue, load_settings(root).default_owner)
    target = root / ".github" / "CODEOWNERS"
    if only_check:
        if not target.exists() or target.read_text(encoding="utf-8") != expected:
            print(".github/CODEOWNERS loopt niet gelijk met de sleutel 'maintainers' van de regio's; "
                  "draai: python -m kennisschakels codeowners", file=sys.stderr)
            return 1
        return 0
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(expected, encoding="utf-8")
    print(f"Geschreven: {target.relative_to(root)}")
    return 0


def run_check(root: Path, github: bool) -> int:
    started = time.perf_counter()
    catalogue, problems = check(root)
    problems += report_problems(catalogue)
    elapsed = time.perf_counter() - started
    if problems:
        print(report(problems), file=sys.stderr)
        if github:
            for problem in problems:
                print(problem.github_annotation())
        return 1
    print(f"Inhoud in orde: {len(catalogue.all())} bestanden gecontroleerd in {elapsed:.2f} s.")
    return 0


def report_problems(catalogue) -> list:
    """Problems in the report definitions (docs/rapportages/*.yml), checked like the content."""
    from kennisschakels.report import load_reports  # the report package is only needed here
    from kennisschakels.problems import ContentError

    try:
        load_reports(catalogue)
    except ContentError as error:
        return error.problems
    return []


def run_schema(out: Path | None) -> int:
    schemas = {name: schema.json_schema(name) for name in schema.TYPES}
    if out is None:
        print(json.dumps(schemas, indent=2, ensure_ascii=False))
        return 0
    out.mkdir(parents=True, exist_ok=True)
    for name, document in schemas.items():
        (out / f"{name}.schema.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n",
                                                 encoding="utf-8")
    return 0

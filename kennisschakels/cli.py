"""Command line: ``python -m kennisschakels check`` and ``python -m kennisschakels schema``."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from kennisschakels import schema
from kennisschakels.catalogue import check
from kennisschakels.problems import report


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
    args = parser.parse_args(argv)
    if args.command == "check":
        return run_check(args.root, args.github or os.environ.get("GITHUB_ACTIONS") == "true")
    return run_schema(args.out)


def run_check(root: Path, github: bool) -> int:
    started = time.perf_counter()
    catalogue, problems = check(root.resolve())
    elapsed = time.perf_counter() - started
    if problems:
        print(report(problems), file=sys.stderr)
        if github:
            for problem in problems:
                print(problem.github_annotation())
        return 1
    print(f"Inhoud in orde: {len(catalogue.all())} bestanden gecontroleerd in {elapsed:.2f} s.")
    return 0


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

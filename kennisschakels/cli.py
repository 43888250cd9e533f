"""The command line: ``python -m kennisschakels <opdracht>``.

check       controleer alle inhoud en rapportdefinities, zonder te bouwen
nieuw       maak een nieuw bestand uit een sjabloon
schema      schrijf de JSON Schema's van alle inhoudstypen
codeowners  schrijf .github/CODEOWNERS uit de regio's
rapport     rapportages: bouwen (PDF), vaststellen (editie), nieuw (definitie en pagina's)
export      schrijf de complete bron van de site naar een map (zonder hooks of plugins)
bench       meet de bouw tegen kaal Material (alleen in een checkout van de repository)
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

from kennisschakels.problems import Problem, report
from kennisschakels.settings import PLACEHOLDER_OWNER


def _print_problems(problems: list[Problem], github: bool, outcome: str) -> None:
    print(report(problems).replace("de site is niet gebouwd", outcome), file=sys.stderr)
    if github:
        for problem in problems:
            print(problem.github_annotation())


# Commands that read the repository (its content and mkdocs.yml).
REPOSITORY_COMMANDS = ("check", "nieuw", "codeowners", "rapport", "export")


def main(argv: list[str] | None = None) -> int:
    from kennisschakels.scaffolds import scaffold_types

    parser = argparse.ArgumentParser(prog="python -m kennisschakels",
                                     description="Hulpmiddelen voor de kennisbank Kennisschakels.")
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="map van de repository (standaard: huidige map)")
    commands = parser.add_subparsers(dest="command", required=True)
    check_cmd = commands.add_parser("check", help="controleer alle inhoud zonder de site te bouwen")
    check_cmd.add_argument("--github", action="store_true",
                           help="schrijf ook GitHub Actions-annotaties (standaard aan als GITHUB_ACTIONS=true)")
    check_cmd.add_argument("--publiceren", action="store_true",
                           help="controleer ook of de site gepubliceerd kan worden (geen voorbeeldadres in repo_url)")
    schema_cmd = commands.add_parser("schema", help="schrijf de JSON Schema's van alle inhoudstypen")
    schema_cmd.add_argument("--out", type=Path, help="map om de schema's in te schrijven (anders naar stdout)")
    schema_cmd.add_argument("--readme", action="store_true", help="werk de tabel met inhoudstypen in README.md bij")
    new_cmd = commands.add_parser("nieuw", help="maak een nieuw bestand met geldige gegevens")
    new_cmd.add_argument("soort", choices=sorted(scaffold_types()), help="soort bestand")
    new_cmd.add_argument("--titel", required=True, help="titel van de pagina")
    new_cmd.add_argument("--regio", help="regio-id (verplicht voor update en praktijk)")
    new_cmd.add_argument("--beschrijving", help="één of twee zinnen over de pagina")
    new_cmd.add_argument("--thema", action="append", help="leerthema-id (mag vaker)")
    new_cmd.add_argument("--datum", help="JJJJ-MM-DD (standaard: vandaag)")
    owners_cmd = commands.add_parser("codeowners", help="schrijf .github/CODEOWNERS uit de regio's")
    owners_cmd.add_argument("--check", action="store_true", help="alleen controleren of het bestand klopt")
    report_cmd = commands.add_parser(
        "rapport", help="rapportages: PDF bouwen, een editie vaststellen, een nieuwe beginnen",
        description="bouwen: de PDF's zonder de site; vaststellen <id>: de kennisbank van nu vastleggen als "
                    "nieuwe editie; nieuw --titel ...: een nieuwe rapportage (zie docs/over/rapportage-maken.md)")
    report_cmd.add_argument("actie", nargs="?", choices=("bouwen", "vaststellen", "nieuw"), default="bouwen")
    report_cmd.add_argument("id", nargs="?", help="de rapportage (bestandsnaam van de definitie zonder .yml)")
    report_cmd.add_argument("--out", type=Path, default=Path("build/rapportages"),
                            help="bouwen: map voor de PDF's (standaard: build/rapportages)")
    report_cmd.add_argument("--rapport", help="bouwen: alleen deze rapportage")
    report_cmd.add_argument("--html", action="store_true", help="bouwen: schrijf ook de HTML waaruit de PDF komt")
    report_cmd.add_argument("--concept", action="store_true",
                            help="bouwen: ook een vastgestelde rapportage zoals de kennisbank haar nu zou geven")
    report_cmd.add_argument("--editie", help="vaststellen: het nummer (standaard: 1.0, daarna 1.1, 1.2, ...)")
    report_cmd.add_argument("--datum", help="vaststellen: datum van vaststelling, JJJJ-MM-DD of JJJJ-MM "
                            "(standaard: vandaag); nieuw: datum van het rapport")
    report_cmd.add_argument("--wijziging", action="append", default=[],
                            help="vaststellen: een zin voor de lijst met wijzigingen in het colofon (mag vaker)")
    report_cmd.add_argument("--vervang", action="store_true",
                            help="vaststellen: de nieuwste editie opnieuw vaststellen onder hetzelfde nummer")
    report_cmd.add_argument("--titel", help="nieuw: de titel van de rapportage")
    report_cmd.add_argument("--hoofdstuk", action="append", default=[],
                            help="nieuw: titel van een hoofdstuk (mag vaker; standaard één: Inleiding)")
    export_cmd = commands.add_parser("export", help="schrijf de complete bron van de site naar een map")
    export_cmd.add_argument("--out", type=Path, required=True, help="map om de bron in te schrijven (wordt vervangen)")
    commands.add_parser("bench", help="benchmark van de bouw (zie BENCHMARKS.md)", add_help=False)
    args, rest = parser.parse_known_args(argv)
    if args.command != "bench" and rest:
        parser.error("onbekende argumenten: " + " ".join(rest))
    root = args.root.resolve()
    github = getattr(args, "github", False) or os.environ.get("GITHUB_ACTIONS") == "true"
    if args.command in REPOSITORY_COMMANDS and not (root / "mkdocs.yml").is_file():
        print(f"Geen kennisbank in {root}: mkdocs.yml ontbreekt; start de opdracht in de map van de repository "
              "(waar mkdocs.yml staat), of geef die map met --root", file=sys.stderr)
        return 2
    if args.command == "check":
        return run_check(root, github, args.publiceren)
    if args.command == "nieuw":
        return run_new(root, args)
    if args.command == "codeowners":
        return run_codeowners(root, args.check)
    if args.command == "rapport":
        return run_report(root, args)
    if args.command == "export":
        return run_export(root, args.out)
    if args.command == "bench":
        return run_bench(root, rest)
    if args.readme:
        return run_readme(root)
    return run_schema(args.out)


def run_readme(root: Path) -> int:
    from kennisschakels.model.reference import update_readme

    readme = root / "README.md"
    readme.write_text(update_readme(readme.read_text(encoding="utf-8")), encoding="utf-8")
    print("README.md bijgewerkt: de tabel met inhoudstypen komt uit de declaraties.")
    return 0


def run_check(root: Path, github: bool, publish: bool = False) -> int:
    from kennisschakels.site import check_all

    started = time.perf_counter()
    ctx, problems = check_all(root)
    if publish:
        problems = sorted(problems + publish_problems(ctx.settings, github))
    elapsed = time.perf_counter() - started
    if problems:
        _print_problems(problems, github, "er is niets gebouwd")
        return 1
    count = len(ctx.catalogue.all()) + len(ctx.reports)
    print(f"Inhoud in orde: {count} bestanden gecontroleerd in {elapsed:.2f} s.")
    return 0


def publish_problems(settings, github: bool) -> list[Problem]:
    """A site with the placeholder repository would publish edit and new-file links that are GitHub 404s.
    On GitHub Actions the real repository replaces the placeholder; elsewhere mkdocs.yml must name it."""
    problems = []
    if settings.is_placeholder:
        problems.append(Problem("mkdocs.yml", 1, "repo_url", f"is nog het voorbeeldadres ({settings.repo_url})",
                                "vul het adres van de GitHub-repository in, of publiceer vanuit GitHub Actions"))
    if settings.contact_email.endswith(".invalid"):
        message = (f"extra.contact.email is nog het voorbeeldadres ({settings.contact_email}); vul het adres van de "
                   "redactie in (ook in docs/.well-known/security.txt)")
        _warn("Contactadres", message, github)
    if settings.default_owner.startswith(f"@{PLACEHOLDER_OWNER}/"):
        message = (f"extra.kennisschakels.redactie is nog het voorbeeldteam ({settings.default_owner}); GitHub vraagt "
                   "dan niemand om pull requests te beoordelen. Vul het team van de redactie in en maak "
                   ".github/CODEOWNERS opnieuw met: python -m kennisschakels codeowners")
        _warn("Redactieteam", message, github)
    return problems


def _warn(title: str, message: str, github: bool) -> None:
    """A problem that does not stop publishing: a GitHub annotation on mkdocs.yml, or a line."""
    print(f"::warning file=mkdocs.yml,title={title}::{message}" if github else f"Let op: {message}.")


def run_new(root: Path, args: argparse.Namespace) -> int:
    from kennisschakels.contribute import scaffold

    made = scaffold(root, args.soort, args.titel, region=args.regio, description=args.beschrijving,
                    themes=args.thema, date=args.datum)
    if made.problems:
        _print_problems(made.problems, False, "er is niets aangemaakt")
        return 1
    print(f"Aangemaakt: {made.path}\nVul de tekst aan en controleer met: python -m kennisschakels check")
    return 0


def run_codeowners(root: Path, only_check: bool) -> int:
    from kennisschakels.contribute import codeowners
    from kennisschakels.load import check
    from kennisschakels.settings import load_settings

    catalogue, problems = check(root)
    if problems:
        _print_problems(problems, False, "er is niets geschreven")
        return 1
    expected = codeowners(catalogue, load_settings(root).default_owner)
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


def run_report(root: Path, args: argparse.Namespace) -> int:
    from kennisschakels.report import commands

    def problems(found, outcome):
        _print_problems(found, False, outcome)

    if args.actie == "nieuw":
        if not args.titel:
            print("Geef de titel: python -m kennisschakels rapport nieuw --titel \"...\"", file=sys.stderr)
            return 2
        return commands.scaffold(root, args.titel, args.id, args.hoofdstuk, args.datum)
    if args.actie == "vaststellen":
        if not args.id:
            print("Welke rapportage? python -m kennisschakels rapport vaststellen <id>", file=sys.stderr)
            return 2
        return commands.adopt(root, args.id, args.editie, args.datum, args.wijziging, args.vervang, problems)
    out = args.out if args.out.is_absolute() else Path.cwd() / args.out
    return commands.build(root, out, args.rapport or args.id, args.html, args.concept, problems)


def run_export(root: Path, out: Path) -> int:
    from kennisschakels.export import export
    from kennisschakels.problems import ContentError

    started = time.perf_counter()
    try:
        written = export(root, out.resolve())
    except ContentError as error:
        _print_problems(error.problems, False, "er is niets geschreven")
        return 1
    print(f"Geschreven: {written.pages} pagina's en {written.files} andere bestanden in {out} "
          f"({time.perf_counter() - started:.1f} s). Bouwen: mkdocs build -f {out / 'mkdocs.yml'}")
    return 0


def run_bench(root: Path, rest: list[str]) -> int:
    bench = root / "benchmarks"
    if not (bench / "__main__.py").is_file():
        print("De benchmark hoort bij een checkout van de repository (map benchmarks/).", file=sys.stderr)
        return 1
    sys.path.insert(0, str(root))
    from benchmarks.__main__ import main as bench_main

    return bench_main(rest)


def run_schema(out: Path | None) -> int:
    from kennisschakels.model.declarations import TYPES

    schemas = {t.name: t.json_schema() for t in TYPES}
    if out is None:
        print(json.dumps(schemas, indent=2, ensure_ascii=False))
        return 0
    out.mkdir(parents=True, exist_ok=True)
    for name, document in schemas.items():
        (out / f"{name}.schema.json").write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n",
                                                 encoding="utf-8")
    return 0

"""Command line of the benchmark: ``python -m kennisschakels bench corpus|baseline|run|profile|readers``
(or ``python -m benchmarks ...`` from the repository)."""

from __future__ import annotations

import argparse
import shlex
import sys
import tempfile
from pathlib import Path

from benchmarks import baseline, corpus, profiling, readers, run


def _sizes(text: str) -> list[int]:
    return [int(part) for part in text.split(",") if part.strip()]


def _variants(text: str) -> tuple[str, ...]:
    chosen = tuple(part.strip() for part in text.split(",") if part.strip())
    unknown = [v for v in chosen if v not in run.VARIANTS]
    if unknown:
        raise argparse.ArgumentTypeError(f"onbekend: {', '.join(unknown)}; kies uit {', '.join(run.VARIANTS)}")
    return tuple(v for v in run.VARIANTS if v in chosen)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kennisschakels bench",
                                     description="Benchmark van de bouw met een synthetisch corpus.")
    parser.add_argument("--root", type=Path, default=Path.cwd(),
                        help="repository waaruit mkdocs.yml, hooks/, overrides/ en kennisschakels/ komen "
                             "(standaard: huidige map)")
    parser.add_argument("--seed", type=int, default=corpus.DEFAULT_SEED, help="zaad van het toeval (standaard %(default)s)")
    parser.add_argument("--live-reports", action="store_true",
                        help="rapporten als concept (live query over het hele corpus) in plaats van als vastgestelde editie")
    commands = parser.add_subparsers(dest="command", required=True)

    make = commands.add_parser("corpus", help="schrijf een synthetisch corpus in een kopie van de repository")
    make.add_argument("--pages", type=int, required=True, help=f"aantal Markdown-bestanden (minstens {corpus.MIN_PAGES})")
    make.add_argument("--out", type=Path, required=True, help="lege map (of een eerder corpus, dat wordt vervangen)")

    base = commands.add_parser("baseline", help="maak bij een corpus het basisproject (alleen Material)")
    base.add_argument("--corpus", type=Path, required=True)
    base.add_argument("--out", type=Path, required=True)

    bench = commands.add_parser("run", help="meet onze bouw, de basis en de losse controle per grootte")
    bench.add_argument("--sizes", type=_sizes, default=[250, 1000, 2000, 5000], help="bijv. 250,1000,2000,5000")
    bench.add_argument("--repeat", type=int, default=3, help="herhalingen per meting (mediaan; standaard 3)")
    bench.add_argument("--work", type=Path, help="werkmap (standaard een tijdelijke map)")
    bench.add_argument("--keep", action="store_true", help="corpora en sites na afloop laten staan")
    bench.add_argument("--json", type=Path, help="schrijf de resultaten ook als JSON naar dit bestand")
    bench.add_argument("--variants", type=_variants, default=run.VARIANTS,
                       help="welke metingen, bijv. ours,noreport,baseline (standaard: " + ",".join(run.VARIANTS) + ")")

    prof = commands.add_parser("profile", help="profileer onze bouw (cProfile) en toon wat onze code kost")
    prof.add_argument("--pages", type=int, default=1000)
    prof.add_argument("--corpus", type=Path, help="bestaand corpus gebruiken in plaats van een nieuw te maken")
    prof.add_argument("--work", type=Path, help="map voor corpus en profiel (standaard een tijdelijke map)")
    prof.add_argument("--top", type=int, default=25, help="aantal functies per lijst")

    lezers = commands.add_parser("readers", help="meet wat lezers downloaden: eerste bezoek en eerste zoekopdracht "
                                                 "(Pagefind tegen Material), en de tijd van de Pagefind-index")
    lezers.add_argument("--sizes", type=_sizes, default=[250, 1000, 2000, 5000], help="bijv. 250,1000,2000,5000")
    lezers.add_argument("--repeat", type=int, default=3, help="herhalingen van het indexeren (mediaan; standaard 3)")
    lezers.add_argument("--work", type=Path, help="werkmap (standaard een tijdelijke map)")
    lezers.add_argument("--keep", action="store_true", help="corpora en sites na afloop laten staan")
    lezers.add_argument("--json", type=Path, help="schrijf de resultaten ook als JSON naar dit bestand")

    args = parser.parse_args(argv)
    try:
        return _run(parser, args, argv)
    except (ValueError, RuntimeError) as error:  # a wrong size or folder, a failed build: no traceback
        parser.exit(2, f"{error}\n")


def _run(parser: argparse.ArgumentParser, args: argparse.Namespace, argv: list[str] | None) -> int:
    source = args.root.resolve()
    if args.command == "corpus":
        counts = corpus.generate(args.out, args.pages, args.seed, source, live_reports=args.live_reports)
        print(f"Corpus van {args.pages} bestanden in {args.out}: "
              + ", ".join(f"{name} {count}" for name, count in counts.items()))
        return 0
    if args.command == "baseline":
        baseline.make(args.corpus, args.out)
        print(f"Basisproject in {args.out}")
        return 0
    if args.command == "run":
        if args.repeat < 1:
            parser.error("--repeat moet minstens 1 zijn")
        command = "python -m kennisschakels bench " + " ".join(shlex.quote(a) for a in (argv or sys.argv[1:]))
        return run.run(args.sizes, args.repeat, source, args.seed, args.work, args.keep, args.json, command,
                       args.variants, args.live_reports)
    if args.command == "readers":
        return readers.run(args.sizes, source, args.seed, args.work, args.keep, args.json, max(1, args.repeat))
    work = args.work or Path(tempfile.mkdtemp(prefix="kennisschakels-profiel-"))
    work.mkdir(parents=True, exist_ok=True)
    return profiling.run(args.pages, args.corpus, work, source, args.seed, args.top, args.live_reports)


if __name__ == "__main__":
    raise SystemExit(main())

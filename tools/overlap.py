"""Find runs of ten or more consecutive words shared between our text and the seeds.

Usage: python3 tools/overlap.py [paths...]  (defaults to docs/ essays/ regions/)
"""
import pathlib
import re
import sys

RUN = 10
ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
WORD = re.compile(r"[0-9a-zà-ÿ]+", re.IGNORECASE)


URL = re.compile(r"https?://\S+")


def words(text: str) -> list[str]:
    # URLs are identifiers, not sentences: a cited link may match its source.
    text = URL.sub(" ", text)
    # Seeds are PDF extractions: undo hyphenation at line ends before comparing.
    text = re.sub(r"-\s*\n\s*", "", text)
    return [w.lower() for w in WORD.findall(text)]


def seed_runs() -> set[tuple[str, ...]]:
    runs = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        w = words(seed.read_text(encoding="utf-8"))
        runs.update(tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1))
    return runs


def shared_runs(text: str, runs: set) -> list[str]:
    w = words(text)
    hits, i = [], 0
    while i <= len(w) - RUN:
        if tuple(w[i : i + RUN]) in runs:
            j = i + RUN
            while j < len(w) and tuple(w[j - RUN + 1 : j + 1]) in runs:
                j += 1
            hits.append(" ".join(w[i:j]))
            i = j
        else:
            i += 1
    return hits


def main(argv):
    targets = [pathlib.Path(a) for a in argv] or [ROOT / d for d in ("docs", "essays", "regions")]
    runs = seed_runs()
    bad = 0
    for target in targets:
        files = [target] if target.is_file() else sorted(target.rglob("*.md"))
        for f in files:
            for hit in shared_runs(f.read_text(encoding="utf-8"), runs):
                bad += 1
                print(f"{f}: {hit}")
    print(f"{bad} gedeelde reeksen van {RUN}+ woorden")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

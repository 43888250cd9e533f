"""Find text that is copied from the seeds, exactly or with a word or two changed.

Usage: python3 tools/overlap.py [paths...]  (defaults to docs/ essays/ regions/)

Two checks, both on words (lower case, punctuation dropped, URLs removed, hyphenation at line
ends undone, names collapsed to one word; see below):

1. **Shared runs** (`shared_runs`): ten or more consecutive words that also occur, in the same
   order and without a gap, somewhere in a seed (across sentence boundaries, as before).

2. **Near copies** (`near_copies`): one sentence of our text and one sentence of a seed that line up
   over a stretch with at least NEAR_MATCHED (9) equal words and at most NEAR_EDITS (2) edits,
   where an edit is one word substituted, one word added or one word left out. A stretch starts and
   ends with an equal word. This catches a sentence kept below ten shared words by changing,
   adding or dropping a word or two. Exact runs of nine words count too (zero edits): with one more
   word changed they would have passed as our own words.

   How it is found, fast (about a second for the whole site): every three-word sequence that a
   site sentence shares with a seed sentence is an anchor. From each anchor the alignment is
   extended to the right and to the left, word by word, spending at most NEAR_EDITS edits on both
   sides together, and the extension with the most equal words wins. Alignments never cross a
   sentence boundary (. ! ? ; : or a line break in our text; . ! ? and bullets in the seeds, whose
   line breaks are PDF wrapping).

What does not count as copying (both checks; `checked_text` prepares a page):

- URLs (identifiers, not sentences; a cited link may match its source);
- names and titles: the title and aliases of every page of the knowledge base (organisations,
  documents, people, regions, learning themes, lessons, essays, sessions) and the few names in
  NAMES count as one word wherever they occur, in our text and in the seeds. "Het convenant Bodem
  en Ondergrond 2016-2020" is one name, not seven shared words;
- YAML front-matter keys `title`, `questions` and `aliases`, and Markdown headings: names and
  titles, and the knowledge questions of Tabel 1, which a region page states in the region's own
  words as a fact;
- text between quotation marks that the page presents as a quotation (`"..."`, `“...”`, `„...”`
  or `'...'`): titles of reports and quoted remarks. A quotation of more than QUOTE_MAX words
  still counts: a long quote is copying, not a title.
"""
import pathlib
import re
import sys

RUN = 10
NEAR_MATCHED = 9
NEAR_EDITS = 2
ANCHOR = 3
QUOTE_MAX = 25
ROOT = pathlib.Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
WORD = re.compile(r"[0-9a-zà-ÿ]+", re.IGNORECASE)
URL = re.compile(r"https?://\S+")
BREAK = "\x00"  # a sentence boundary: never equal to a word
PLACEHOLDER = "xcitaatx"  # stands for a quotation left out; occurs in no seed

# Names that are not the title of a page but occur as one name in the sources.
NAMES = (
    "Regionale Kennisschakels bodem en ondergrond",
    "convenant Bodem en Ondergrond",
    "convenant Bodem en Bedrijfsleven",
    "Uitvoeringsprogramma Bodem en Ondergrond",
    "Uitvoeringsprogramma Bodem & Ondergrond",
    "Structuurvisie Ondergrond",
    "Regionale kennisnetwerken in opbouw",
    "Versterking van de kennisinfrastructuur door een regionale schakelfunctie",
    "Bodem en Ondergrond Gemeentelijke Omgevingsvisies",
    "Aanvullende Strategische Voorraden",
    "Nationale Grondwater Reserves",
    "Basisregistratie Ondergrond",
    "Deltaprogramma Ruimtelijke Adaptatie",
    "Programma Ondergrond Inzicht",
    "water en bodem sturend",
)

# Front-matter keys whose values are names, titles or quoted questions.
EXEMPT_KEYS = ("title", "subtitle", "questions", "aliases")  # subtitle: of a publication (a frozen report edition)
# A quotation may run over a line break (Markdown wraps lines), not over an empty line.
QUOTE = re.compile(r'"[^"\n]*(?:\n[^"\n]+)*"'
                   r'|“[^”\n]*(?:\n[^”\n]+)*”'
                   r'|„[^”"\n]*(?:\n[^”"\n]+)*[”"]'
                   r"|(?<![0-9a-zà-ÿ])'[^'\n]*'(?![0-9a-zà-ÿ])", re.IGNORECASE)


def words(text: str) -> list[str]:
    # URLs are identifiers, not sentences: a cited link may match its source.
    text = URL.sub(" ", text)
    # Seeds are PDF extractions: undo hyphenation at line ends before comparing.
    text = re.sub(r"-\s*\n\s*", "", text)
    return [w.lower() for w in WORD.findall(text)]


def seed_runs(names: "Names | None" = None) -> set[tuple[str, ...]]:
    """Every run of RUN words in the seeds, names collapsed (page_names() unless given)."""
    names = names if names is not None else Names(page_names())
    runs = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        w = names.collapse(words(seed.read_text(encoding="utf-8")))
        runs.update(tuple(w[i : i + RUN]) for i in range(len(w) - RUN + 1))
    return runs


def shared_runs(text: str, runs: set, names: "Names | None" = None) -> list[str]:
    w = names.collapse(words(text)) if names else words(text)
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


# --- near copies -------------------------------------------------------------------------------

def page_names(roots=("docs", "essays", "regions")) -> list[str]:
    """Titles and aliases of every page, and NAMES."""
    found = list(NAMES)
    for root in roots:
        for path in (ROOT / root).rglob("*.md"):
            text = path.read_text(encoding="utf-8")
            if not text.startswith("---\n"):
                continue
            front = text[4 : text.find("\n---", 4)]
            key = None
            for line in front.splitlines():
                m = re.match(r"([A-Za-z_]+):\s*(.*)", line)
                if m:
                    key, value = m.group(1), m.group(2)
                    if key == "title" and value:
                        found.append(value)
                elif key == "aliases" and line.strip().startswith("- "):
                    found.append(line.strip()[2:])
    return found


class Names:
    """Multi-word names, each collapsed to one word."""

    def __init__(self, names):
        self.first: dict[str, list[tuple[str, ...]]] = {}
        for name in names:
            w = tuple(words(name))
            if len(w) >= 2:
                self.first.setdefault(w[0], []).append(w)
        for options in self.first.values():
            options.sort(key=len, reverse=True)

    def collapse(self, w: list[str]) -> list[str]:
        out, i = [], 0
        while i < len(w):
            for name in self.first.get(w[i], ()):
                if tuple(w[i : i + len(name)]) == name:
                    out.append("_".join(name))
                    i += len(name)
                    break
            else:
                out.append(w[i])
                i += 1
        return out


def sentence_words(text: str, seed: bool, names: Names | None = None) -> list[str]:
    """Words with BREAK between sentences; names collapsed to one word."""
    text = URL.sub(" ", text)
    if seed:
        text = re.sub(r"-\s*\n\s*", "", text)  # PDF hyphenation
        text = re.sub(r"[.!?•]+|\n\s*\n", f" {BREAK} ", text)
    else:
        text = re.sub(r"[.!?;:|]+(?=\s|$)|\n", f" {BREAK} ", text)
    out = []
    for token in re.findall(rf"[0-9a-zà-ÿ]+|{BREAK}", text, re.IGNORECASE):
        if token == BREAK:
            if out and out[-1] != BREAK:
                out.append(BREAK)
        else:
            out.append(token.lower())
    return names.collapse(out) if names else out


class SeedIndex:
    """The seeds as one word list with sentence breaks, and where each three-word sequence occurs."""

    def __init__(self, texts: list[str], names: Names | None = None):
        self.names = names
        self.words: list[str] = []
        for text in texts:
            self.words += sentence_words(text, seed=True, names=names) + [BREAK]
        self.anchors: dict[tuple[str, ...], list[int]] = {}
        w = self.words
        for j in range(len(w) - ANCHOR + 1):
            gram = tuple(w[j : j + ANCHOR])
            if BREAK not in gram:
                self.anchors.setdefault(gram, []).append(j)


def seed_index(names: Names | None = None) -> SeedIndex:
    """The seeds, with the names of the knowledge base collapsed (page_names() unless given)."""
    names = names if names is not None else Names(page_names())
    return SeedIndex([seed.read_text(encoding="utf-8") for seed in sorted(SEEDS.glob("*.txt"))], names)


def _extend(a: list[str], i: int, b: list[str], j: int, step: int, budget: int) -> list[tuple[int, int]]:
    """Best extension from a[i], b[j] in direction step (+1 or -1): for each number of edits used
    (0..budget), the most equal words and how far it reached in a (exclusive end or start)."""
    best = [(0, i)] * (budget + 1)  # edits used -> (matched, reach)

    def valid(x, seq):
        return 0 <= x < len(seq) and seq[x] != BREAK

    def walk(x, y, edits, matched):
        while valid(x, a) and valid(y, b) and a[x] == b[y]:
            x += step
            y += step
            matched += 1
        if matched > best[edits][0]:
            best[edits] = (matched, x)
        if edits < budget:
            for dx, dy in ((step, step), (step, 0), (0, step)):  # substitute, word added, word left out
                nx, ny = x + dx, y + dy
                if (dx == 0 or valid(x, a)) and (dy == 0 or valid(y, b)):
                    if valid(nx, a) and valid(ny, b) and a[nx] == b[ny]:
                        walk(nx, ny, edits + 1, matched)

    walk(i, j, 0, 0)
    # More edits allowed never means fewer words: carry the best forward.
    for e in range(1, budget + 1):
        if best[e - 1][0] > best[e][0]:
            best[e] = best[e - 1]
    return best


def near_copies(text: str, index: SeedIndex) -> list[str]:
    """Stretches of text that line up with a seed sentence: at least NEAR_MATCHED equal words with
    at most NEAR_EDITS edits. Returns the stretches of our text."""
    a = sentence_words(text, seed=False, names=index.names)
    b = index.words
    hits, i = [], 0
    while i <= len(a) - ANCHOR:
        gram = tuple(a[i : i + ANCHOR])
        found = None
        if BREAK not in gram:
            for j in index.anchors.get(gram, ()):
                right = _extend(a, i + ANCHOR, b, j + ANCHOR, +1, NEAR_EDITS)
                left = _extend(a, i - 1, b, j - 1, -1, NEAR_EDITS)
                for le in range(NEAR_EDITS + 1):
                    re_ = NEAR_EDITS - le
                    matched = ANCHOR + left[le][0] + right[re_][0]
                    if matched >= NEAR_MATCHED and (found is None or matched > found[0]):
                        found = (matched, left[le][1] + 1, right[re_][1])
        if found:
            _, start, end = found
            hits.append(" ".join(a[start:end]))
            i = max(end, i + 1)
        else:
            i += 1
    return hits


# --- what counts as our text -------------------------------------------------------------------

def checked_text(text: str) -> str:
    """The text to check: front matter without exempt keys, Markdown without headings, short
    quotations left out."""
    body = text
    if text.startswith("---\n"):
        end = text.find("\n---", 4)
        if end != -1:
            front, body = text[4:end], text[end + 4 :]
            kept, skipping = [], False
            for line in front.splitlines():
                key = re.match(r"([A-Za-z_]+):", line)
                if key:
                    skipping = key.group(1) in EXEMPT_KEYS
                if not skipping:
                    kept.append(line)
            body = "\n".join(kept) + "\n" + body
    body = re.sub(r"(?m)^#{1,6} .*$", "", body)

    def drop_short(m):
        # A placeholder word, so that the words around a quotation do not join into one run.
        return m.group(0) if len(WORD.findall(m.group(0))) > QUOTE_MAX else f" {PLACEHOLDER} "

    return QUOTE.sub(drop_short, body)


def main(argv):
    targets = [pathlib.Path(a) for a in argv] or [ROOT / d for d in ("docs", "essays", "regions")]
    names = Names(page_names())
    runs = seed_runs(names)
    index = seed_index(names)
    bad = near = 0
    for target in targets:
        files = [target] if target.is_file() else sorted(target.rglob("*.md"))
        for f in files:
            text = checked_text(f.read_text(encoding="utf-8"))
            for hit in shared_runs(text, runs, names):
                bad += 1
                print(f"{f}: reeks: {hit}")
            for hit in near_copies(text, index):
                near += 1
                print(f"{f}: bijna-kopie: {hit}")
    print(f"{bad} gedeelde reeksen van {RUN}+ woorden; {near} bijna-kopieën "
          f"({NEAR_MATCHED}+ gelijke woorden, hoogstens {NEAR_EDITS} woorden anders)")
    return 1 if bad or near else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

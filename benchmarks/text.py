"""Dutch-like filler text for the synthetic corpus: sentences, paragraphs and Markdown bodies.

Only the shape matters (word and sentence lengths, headings, lists, some emphasis and links),
so the Markdown work per page resembles that of real pages. All randomness comes from the
``random.Random`` passed in, which keeps the corpus deterministic.
"""

from __future__ import annotations

import random

WORDS = """
de het een en van in op met voor door over naar bij uit als om aan dat die dit deze wat wie
waar hoe ook nog wel niet geen meer veel weinig samen eigen nieuwe goede grote kleine regionale
landelijke gemeentelijke bestuurlijke lokale provinciale blijvend structureel praktisch concreet
bodem ondergrond grondwater bodemenergie geothermie klimaatadaptatie woningbouw energietransitie
landbouw veenweide bodemdaling verzilting droogte waterkwaliteit drinkwater archeologie aardkunde
kennis kennisvraag kennisnetwerk kennisschakel kennisinstituut netwerk regio gemeente provincie
waterschap omgevingsdienst partner partners programma opgave opgaven omgevingsvisie omgevingsplan
omgevingswet bestuurder bestuurders ambtenaar ambtenaren adviseur expert experts inwoners bedrijven
onderwijs praktijk ervaring ervaringen sessie bijeenkomst werkplaats kenniscafe excursie velddag
vraag vragen antwoord antwoorden aanpak werkwijze voorbeeld voorbeelden resultaat resultaten
samenwerking verankering financiering mandaat positie rol schaal schaalniveau data databronnen
kaart kaarten model modellen informatie communicatie kanaal kanalen thema leerthema onderwerp
is zijn wordt worden heeft hebben kan kunnen moet moeten wil willen gaat gaan komt komen
brengt brengen maakt maken vraagt vragen helpt helpen zoekt zoeken deelt delen leert leren
verbindt verbinden ondersteunt ondersteunen organiseert organiseren werkt werken bouwt bouwen
""".split()

TOPICS = """
bodemenergie geothermie grondwater klimaatadaptatie woningbouw energietransitie landbouw veenweide
bodemdaling verzilting droogte drinkwater archeologie omgevingsvisie omgevingsplan bodemkwaliteit
warmteplannen ondergrondse-infrastructuur grondverzet bodemonderwijs monitoring meetnetten
participatie financiering datastrategie kennisdeling netwerkvorming verankering
""".split()


def words(rng: random.Random, low: int, high: int) -> list[str]:
    return [rng.choice(WORDS) for _ in range(rng.randint(low, high))]


def sentence(rng: random.Random) -> str:
    parts = words(rng, 6, 18)
    if len(parts) > 9 and rng.random() < 0.4:
        parts[rng.randrange(3, len(parts) - 3)] += ","
    if rng.random() < 0.08:
        at = rng.randrange(len(parts))
        parts[at] = f"**{parts[at]}**"
    text = " ".join(parts)
    return text[0].upper() + text[1:] + "."


def title(rng: random.Random, low: int = 2, high: int = 5) -> str:
    text = " ".join(words(rng, low, high))
    return text[0].upper() + text[1:]


def paragraph(rng: random.Random, sentences: int) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def body(rng: random.Random, target_words: int) -> str:
    """A Markdown body of about ``target_words`` words: headed sections with paragraphs, lists,
    now and then a table, an admonition or an external link, as contributors write them.

    No links to other pages of the site: contributors relate pages through front-matter ids.
    """
    blocks: list[str] = []
    count = 0
    while count < target_words:
        if not blocks or rng.random() < 0.25:
            blocks.append(("### " if blocks and rng.random() < 0.3 else "## ") + title(rng))
        roll = rng.random()
        if roll < 0.2:
            items = [sentence(rng) for _ in range(rng.randint(2, 5))]
            blocks.append("\n".join(f"- {item}" for item in items))
            count += sum(len(item.split()) for item in items)
        elif roll < 0.25:
            rows = [[title(rng, 1, 3), str(rng.randint(1, 400)), title(rng, 2, 5)] for _ in range(rng.randint(2, 6))]
            lines = ["| Onderwerp | Aantal | Toelichting |", "| --- | --- | --- |"]
            lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
            blocks.append("\n".join(lines))
            count += sum(len(" ".join(row).split()) for row in rows)
        elif roll < 0.29:
            text = paragraph(rng, rng.randint(1, 3))
            blocks.append(f'!!! note "{title(rng, 1, 3)}"\n    {text}')
            count += len(text.split())
        else:
            text = paragraph(rng, rng.randint(2, 6))
            if rng.random() < 0.03:
                text += " Meer informatie staat op https://vng.nl/artikelen/bodem-en-ondergrond."
            blocks.append(text)
            count += len(text.split())
    return "\n\n".join(blocks) + "\n"

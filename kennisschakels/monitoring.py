"""Monitoring the growth of a regional network.

A region's optional ``monitoring`` key holds dated measurements. Each scores the seven
indicators that Geert Roovers' essay names for a well-functioning regional knowledge
network, on the scale below. The scale is this knowledge base's own instrument (the
sources name the indicators, not a scale).
"""

from __future__ import annotations

from dataclasses import dataclass

from kennisschakels.dates import PartialDate

# Indicator id -> short Dutch label (after the seven indicators in Roovers' essay).
INDICATORS = {
    "praktijkbehoefte": "Vragen uit de beleidspraktijk komen in het netwerk",
    "netwerk": "Netwerk van overheden, ondernemers, onderwijs, onderzoek en maatschappij",
    "regionale-schakels": "Verbinding met andere regionale schakels",
    "landelijke-infrastructuur": "Verbinding met de landelijke kennisinfrastructuur",
    "bestuurlijke-verankering": "Verankering in bestuurlijke afspraken",
    "uitvoeringskracht": "Bijdrage aan de uitvoeringskracht in de regio",
    "verjonging": "Bijdrage aan verjonging en nieuw elan",
}

SCALE = {
    1: "nog niet aanwezig",
    2: "eerste stappen gezet",
    3: "aanwezig, maar nog kwetsbaar",
    4: "stevig aanwezig",
    5: "vanzelfsprekend en verankerd",
}
MEASUREMENT_KEYS = ("date", "scores", "note")


@dataclass(frozen=True)
class Measurement:
    date: PartialDate
    scores: dict[str, int]
    note: str = ""

    @property
    def average(self) -> float:
        return sum(self.scores.values()) / len(self.scores)


def measurements(region_meta: dict) -> list[Measurement]:
    """The region's measurements, oldest first (assumes validated content)."""
    found = [Measurement(PartialDate.parse(m["date"]), {k: m["scores"][k] for k in INDICATORS}, m.get("note", ""))
             for m in region_meta.get("monitoring") or []]
    return sorted(found, key=lambda m: m.date)


def problems_in(value: object) -> list[tuple[int | None, str, str]]:
    """(measurement index or None, what is wrong, what is expected) for a monitoring value."""
    if not isinstance(value, list):
        return [(None, "is geen lijst van metingen", "schrijf elke meting als lijstitem met date en scores")]
    found = []
    seen_dates = set()
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            found.append((index, "meting is geen lijstitem met sleutels", "geef date, scores en eventueel note"))
            continue
        for key in item:
            if key not in MEASUREMENT_KEYS:
                found.append((index, f"onbekende sleutel '{key}' in meting", f"toegestaan: {', '.join(MEASUREMENT_KEYS)}"))
        date = PartialDate.parse(item.get("date")) if isinstance(item.get("date"), str) else None
        if date is None or not date.day:
            found.append((index, f"datum '{item.get('date')}' van meting is geen bestaande datum",
                          "verwacht JJJJ-MM-DD"))
        elif date in seen_dates:
            found.append((index, f"er is al een meting op {date.iso}", "één meting per datum"))
        else:
            seen_dates.add(date)
        scores = item.get("scores")
        if not isinstance(scores, dict):
            found.append((index, "scores ontbreken", f"geef een score 1-5 voor elk van: {', '.join(INDICATORS)}"))
            continue
        for indicator in INDICATORS:
            score = scores.get(indicator)
            if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
                found.append((index, f"score voor '{indicator}' is {score!r}", "verwacht een geheel getal van 1 tot en met 5"))
        for indicator in scores:
            if indicator not in INDICATORS:
                found.append((index, f"onbekende indicator '{indicator}'", f"indicatoren: {', '.join(INDICATORS)}"))
        if "note" in item and not isinstance(item["note"], str):
            found.append((index, "note is geen tekst", "verwacht tekst"))
    return found

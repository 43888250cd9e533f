"""The declarations of every content type of the knowledge base.

Adding a type: declare it here, give it templates in ``kennisschakels/templates/derived/``
(optional: without them its page shows a standard facts block) and an index page in its
folder. Keys follow the contract in the README: a type may gain optional keys, never
rename existing ones.
"""

from __future__ import annotations

from kennisschakels.dates import PartialDate
from kennisschakels.model.constraints import not_before, required_unless, required_when
from kennisschakels.model.kinds import (BoolKind, ChoiceKind, DateKind, FieldSpec, IntKind, MonitoringKind,
                                        RefsKind, SourcesKind, TextKind, TextsKind)
from kennisschakels.model.types import ContentType, Labels, PathPattern, Registry

TEXT, TEXTS, DATE, BOOL = TextKind(), TextsKind(), DateKind(), BoolKind()

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

REGION_STATUS = ChoiceKind(choices={"participating": "deelnemende regio", "interested": "geïnteresseerde regio"})
THEME_CATEGORY = ChoiceKind(choices={
    "organiseren": "Gevoel voor organiseren, governance",
    "praktijk-en-leren": "Gevoel voor praktijk en leren",
    "positionering": "Gevoel voor positionering in kennisinfrastructuur bodem",
})
SESSION_KIND = ChoiceKind(choices={
    "inspiratiesessie": "inspiratiesessie", "bijeenkomst": "bijeenkomst",
    "bestuurlijke-bijeenkomst": "bestuurlijke bijeenkomst", "kenniscafe": "kenniscafé",
    "platformdag": "platformdag", "vragensessie": "vragensessie", "excursie": "excursie",
    "workshop": "workshop", "werksessie": "werksessie", "evenement": "evenement",
})
SESSION_STATUS = ChoiceKind(choices={"gepland": "gepland", "gehouden": "gehouden", "afgelast": "afgelast"})
LESSON_SOURCE = ChoiceKind(choices={"programmateam": "Programmateam", "begeleidingsgroep": "Begeleidingsgroep",
                            "regio": "Regio"})
# Overview pages: a page that sets 'overview' gets this derived list after its own text.
OVERVIEW = ChoiceKind(choices={
    "regions": "alle regio's", "themes": "leerthema's per categorie", "matrix": "regio's tegen leerthema's",
    "questions": "kennisvragen per regio", "sessions": "sessies, komend en geweest", "essays": "alle essays",
    "lessons": "lessen per bron", "people": "alle personen", "organisations": "alle organisaties",
    "glossary": "begrippenlijst", "library": "alle brondocumenten", "practices": "alle praktijkvoorbeelden",
    "updates": "alle updates", "monitoring": "metingen van de netwerken", "reports": "alle rapportages",
    "follow": "feeds en agenda", "contact": "contactgegevens van de redactie",
})


def _f(name, kind, label, help, **options) -> FieldSpec:
    return FieldSpec(name, kind, label, help, **options)


TITLE = _f("title", TEXT, "Titel", "Titel van de pagina.", required=True, shown=False)
DESCRIPTION = _f("description", TEXT, "Beschrijving",
                 "Eén of twee zinnen: wat vindt de lezer op deze pagina? Verschijnt in zoekresultaten.",
                 required=True, shown=False)
SOURCES = _f("sources", SourcesKind(), "Bronnen",
             "Waar de feiten op deze pagina vandaan komen: per bron het document (id uit docs/bibliotheek/) "
             "en zo mogelijk het hoofdstuk of de bijlage.", shown=False)
SOURCE_NOTES = _f("source_notes", TEXTS, "Wat de bronnen openlaten",
                  "Wat de bronnen niet zeggen of waarin ze elkaar tegenspreken, elk punt één keer.", shown=False)
ORGANISATIONS = _f("organisations", RefsKind(target="organisation"), "Organisaties",
                   "Organisaties die op deze pagina een rol spelen (ids uit docs/organisaties/).")
ALIASES = _f("aliases", TEXTS, "Ook bekend als", "Andere namen waaronder lezers dit zoeken.")
THEMES = _f("themes", RefsKind(target="theme"), "Leerthema's", "Leerthema's (ids uit docs/leerthemas/).")
REGIONS = _f("regions", RefsKind(target="region"), "Regio's", "Regio's (mapnamen in regions/).")
TAGS = _f("tags", TEXTS, "Trefwoorden", "Trefwoorden.")
COMMON = (SOURCES, SOURCE_NOTES, ORGANISATIONS)
_NO_DATE = PartialDate(0, 1)


def _title(entry) -> tuple:
    return (entry.title.casefold(), entry.id)


def _newest_first(entry) -> tuple:
    date = entry.date or _NO_DATE
    return (-date.year, -date.month, -date.day, entry.id)


REGION = ContentType(
    "region", Labels("regio", "regio's"), PathPattern("regions/{id}/index.md"),
    (TITLE, DESCRIPTION,
     _f("provinces", TEXTS, "Provincie", "Provincie(s) van de regio.", required=True, min_items=1),
     _f("status", REGION_STATUS, "Deelname", "Deelname aan het programma.", required=True),
     _f("questions", TEXTS, "Kennisvragen", "Dominante kennisvragen van de regio (verplicht bij een "
        "deelnemende regio).", min_items=1),
     _f("network", TEXT, "Netwerk", "Naam van het regionale netwerk."),
     _f("partners", TEXTS, "Partners", "Partners in het regionale netwerk."),
     _f("themes", RefsKind(target="theme"), "Geadopteerde leerthema's",
        "Leerthema's die de regio heeft geadopteerd (ids uit docs/leerthemas/)."),
     _f("municipalities", IntKind(minimum=1), "Gemeenten", "Aantal gemeenten in de regio."),
     _f("maintainers", TEXTS, "Beheerders", "GitHub-namen van de beheerders van deze regio.", shown=False),
     _f("monitoring", MonitoringKind(indicators=tuple(INDICATORS)), "Groei van het netwerk",
        "Metingen: per datum een score 1-5 voor elk van de zeven indicatoren.", shown=False),
     ALIASES, *COMMON),
    "Een regio die meedoet of belangstelling heeft, met haar kennisvragen en leerthema's.",
    order=lambda e: (e.status != "participating", *_title(e)),
    rules=(required_when("questions", "status", "participating"),),
    search_weight=3.0, overview="regions/index.md",
)
UPDATE = ContentType(
    "update", Labels("update", "updates"), PathPattern("regions/{region}/updates/{date}-{name}.md"),
    (TITLE, DESCRIPTION,
     _f("date", DATE, "Datum", "Datum; mag weg, want die staat al in de bestandsnaam."),
     THEMES, TAGS, *COMMON),
    "Nieuws van een regio, met de datum in de bestandsnaam.",
    order=_newest_first, date_precision="day", scaffold="update", feed="Kennisschakels: updates uit de regio's",
    overview="overzichten/updates.md",
)
PRACTICE = ContentType(
    "practice", Labels("praktijkvoorbeeld", "praktijkvoorbeelden", "het"),
    PathPattern("regions/{region}/praktijk/{id}.md"),
    (TITLE, DESCRIPTION, _f("date", DATE, "Datum", "Datum, als die bekend is."), THEMES, TAGS, *COMMON),
    "Een voorbeeld uit de praktijk van een regio.",
    order=_title, scaffold="praktijk", overview="overzichten/praktijkvoorbeelden.md",
)
ESSAY = ContentType(
    "essay", Labels("essay", "essays", "het"), PathPattern("essays/{id}.md"),
    (TITLE, DESCRIPTION,
     _f("authors", RefsKind(target="person"), "Auteurs", "Auteurs (ids uit docs/mensen/); mag bij een "
        "concept nog ontbreken."),
     _f("date", DATE, "Datum", "Datum van verschijnen; mag bij een concept nog ontbreken."),
     _f("themes", RefsKind(target="theme"), "Leerthema's", "Leerthema's (minstens één).", required=True,
        min_items=1),
     _f("updated", DATE, "Bijgewerkt", "Datum van de laatste herziening."),
     REGIONS,
     _f("draft", BOOL, "Concept", "true als het essay nog in voorbereiding is.", shown=False),
     TAGS,
     _f("sessions", RefsKind(target="session"), "Voortgekomen uit",
        "Sessies waaruit het essay voortkwam (ids uit docs/sessies/)."),
     *COMMON),
    "Een essay; een concept (draft: true) mag nog zonder auteur en datum.",
    order=lambda e: (e.draft, *_newest_first(e)),
    rules=(required_unless("authors", "draft"), required_unless("date", "draft"), not_before("updated", "date")),
    search_weight=3.0, scaffold="essay", feed="Kennisschakels: nieuwe essays", overview="essays/index.md",
)
THEME = ContentType(
    "theme", Labels("leerthema", "leerthema's", "het"), PathPattern("docs/leerthemas/{id}.md"),
    (TITLE, DESCRIPTION,
     _f("number", IntKind(minimum=1), "Nummer", "Nummer van het leerthema.", required=True),
     _f("category", THEME_CATEGORY, "Categorie", "Categorie van het leerthema.", required=True),
     _f("experts", RefsKind(target="person"), "Begeleiding", "Begeleidende experts (ids uit docs/mensen/)."),
     *COMMON),
    "Een leerthema van het programma.",
    order=lambda e: (e.number, e.id), unique=("number",), search_weight=3.0, overview="leerthemas/index.md",
)
SESSION = ContentType(
    "session", Labels("sessie", "sessies"), PathPattern("docs/sessies/{date}-{name}.md"),
    (TITLE, DESCRIPTION,
     _f("date", DATE, "Datum", "(Begin)datum; mag weg, want die staat al in de bestandsnaam."),
     _f("end_date", DATE, "Tot en met", "Einddatum bij meerdaagse sessies."),
     _f("latest", BOOL, "Uiterlijk", "true als de bron alleen zegt dat de sessie uiterlijk op deze datum of in "
        "deze maand plaatsvond (bijvoorbeeld: vóór een rapportage van die maand).", shown=False),
     _f("kind", SESSION_KIND, "Soort", "Soort sessie.", required=True),
     _f("status", SESSION_STATUS, "Status", "gepland, gehouden of afgelast, zoals de bron het meldt."),
     THEMES, REGIONS,
     _f("hosts", RefsKind(target="person"), "Begeleiding", "Begeleiders of sprekers (ids uit docs/mensen/)."),
     _f("location", TEXT, "Plaats", "Plaats."),
     *COMMON),
    "Een sessie, bijeenkomst of regionale activiteit, met de datum in de bestandsnaam.",
    # A session known only as 'at the latest on this date' comes before the sessions of that date.
    order=lambda e: (e.date, not e.latest, e.id), rules=(not_before("end_date", "date"),),
    scaffold="sessie", calendar=True, overview="sessies/index.md",
)
LESSON = ContentType(
    "lesson", Labels("les", "lessen"), PathPattern("docs/lessen/{id}.md"),
    (TITLE, DESCRIPTION,
     _f("source", LESSON_SOURCE, "Van", "Van wie de les komt.", required=True),
     _f("number", IntKind(minimum=1), "Nummer", "Volgnummer binnen de bron."),
     THEMES, REGIONS, _f("date", DATE, "Datum", "Datum, als die bekend is."), *COMMON),
    "Een les of observatie van het programmateam, de begeleidingsgroep of een regio.",
    order=lambda e: (list(LESSON_SOURCE.choices).index(e.source), e.number or 999, *_title(e)),
    overview="lessen/index.md",
)
PERSON = ContentType(
    "person", Labels("persoon", "personen"), PathPattern("docs/mensen/{id}.md"),
    (_f("title", TEXT, "Naam", "De naam van de persoon.", required=True, shown=False), DESCRIPTION,
     _f("role", TEXT, "Rol", "Rol of functie."),
     _f("organisation", TEXT, "Organisatie", "Organisatie, zoals de bron die noemt."),
     *COMMON),
    "Een persoon: expert, auteur of begeleider.",
    order=_title, search_weight=1.5, overview="mensen/index.md",
)
ORGANISATION = ContentType(
    "organisation", Labels("organisatie", "organisaties"), PathPattern("docs/organisaties/{id}.md"),
    (_f("title", TEXT, "Naam", "De volledige naam van de organisatie.", required=True, shown=False), DESCRIPTION,
     _f("abbreviation", TEXT, "Afkorting", "Gangbare afkorting; komt vanzelf in de begrippenlijst."),
     ALIASES, *COMMON),
    "Een organisatie die in het programma een rol speelt.",
    order=_title, search_weight=1.5, overview="organisaties/index.md",
)
TERM = ContentType(
    "term", Labels("begrip", "begrippen", "het"), PathPattern("docs/begrippen/{id}.md"),
    (_f("title", TEXT, "Begrip", "Het begrip of de afkorting zoals die in teksten staat.", required=True,
        shown=False),
     _f("expansion", TEXT, "Voluit", "Voluit geschreven; weglaten als de bronnen het niet voluit schrijven."),
     DESCRIPTION, ALIASES, *COMMON),
    "Een begrip of afkorting, met uitleg; afkortingen worden op elke pagina uitgelegd.",
    order=_title, search_weight=1.5, overview="begrippen/index.md",
)
DOCUMENT = ContentType(
    "document", Labels("brondocument", "brondocumenten", "het"), PathPattern("docs/bibliotheek/{id}.md"),
    (TITLE, DESCRIPTION,
     _f("publisher", TEXT, "Uitgever", "Uitgever of opdrachtgever."),
     _f("date", DATE, "Verschenen", "Datum of maand van verschijnen."),
     _f("order", IntKind(minimum=0), "Volgorde", "Plaats in de bibliotheek (lager eerst).", shown=False),
     *COMMON),
    "Een brondocument waar de feiten van de kennisbank uit komen.",
    order=lambda e: (e.order if e.order is not None else 10_000, *_title(e)), overview="bibliotheek/index.md",
)
PAGE = ContentType(
    "page", Labels("pagina", "pagina's"), PathPattern("docs/{path}.md"),
    (TITLE, DESCRIPTION,
     _f("order", IntKind(minimum=0), "Volgorde", "Plaats in het menu binnen de map (lager eerst).", shown=False),
     _f("overview", OVERVIEW, "Overzicht", "Zet na de tekst een overzicht dat uit alle pagina's wordt "
        "samengesteld.", shown=False),
     *COMMON),
    "Elke andere pagina, en de startpagina van elke map (index.md).",
    order=lambda e: (e.order if e.order is not None else 10_000, *_title(e)),
)

TYPES = Registry([REGION, UPDATE, PRACTICE, ESSAY, THEME, SESSION, LESSON, PERSON, ORGANISATION, TERM,
                  DOCUMENT, PAGE])

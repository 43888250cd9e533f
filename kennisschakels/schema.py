"""The content model: one schema definition per content type.

Both the site build and the standalone check validate against these definitions, and
``json_schema()`` exports them for editors. Keys follow the contract in the README:
a type may gain optional keys, never rename existing ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field

# Value kinds a field can have. "ref"/"refs" point at ids of another content type.
TEXT, INT, BOOL, DATE, TEXTS, REFS, CHOICE, MONITORING, SOURCES = (
    "text", "int", "bool", "date", "texts", "refs", "choice", "monitoring", "sources")


@dataclass(frozen=True)
class Field:
    name: str
    kind: str
    help: str
    required: bool = False
    ref: str = ""                      # content type the ids refer to (kind REFS)
    choices: tuple[str, ...] = ()      # allowed values (kind CHOICE)
    min_items: int = 0
    required_if: tuple[str, object] | None = None      # (key, value): required when key has value
    optional_if: tuple[str, object] | None = None      # (key, value): not required when key has value


@dataclass(frozen=True)
class ContentType:
    name: str
    label: str          # Dutch name, used in messages
    location: str       # where files of this type live
    fields: tuple[Field, ...]
    extra_keys: frozenset[str] = field(default_factory=frozenset)  # MkDocs/Material keys we allow

    def field(self, name: str) -> Field | None:
        return next((f for f in self.fields if f.name == name), None)

    @property
    def keys(self) -> list[str]:
        return [f.name for f in self.fields] + sorted(self.extra_keys)


TITLE = Field("title", TEXT, "Titel van de pagina (bij een persoon: de naam).", required=True)
DESCRIPTION = Field("description", TEXT,
                    "Eén of twee zinnen: wat vindt de lezer op deze pagina? Verschijnt in zoekresultaten.",
                    required=True)
THEMES = Field("themes", REFS, "Leerthema's (ids uit docs/leerthemas/).", ref="theme")
REGIONS = Field("regions", REFS, "Regio's (ids: mapnamen in regions/).", ref="region")
TAGS = Field("tags", TEXTS, "Trefwoorden.")
DATE_OPTIONAL = Field("date", DATE, "Datum, JJJJ-MM-DD (of JJJJ-MM als alleen de maand bekend is).")

SOURCES_FIELD = Field("sources", SOURCES, "Bronnen van de feiten op deze pagina: per bron 'document' (id uit "
                      "docs/bibliotheek/) en eventueel 'section' (hoofdstuk, paragraaf of bijlage).")
SOURCE_NOTES = Field("source_notes", TEXTS, "Wat de bronnen openlaten of waarin ze elkaar tegenspreken, "
                     "elk punt één keer.")
ORGANISATIONS = Field("organisations", REFS, "Organisaties die op deze pagina een rol spelen "
                      "(ids uit docs/organisaties/).", ref="organisation")
ALIASES = Field("aliases", TEXTS, "Andere namen waaronder lezers dit zoeken (bijv. Friesland voor Fryslân).")
COMMON = (SOURCES_FIELD, SOURCE_NOTES, ORGANISATIONS)

# Material/MkDocs presentation keys that are harmless on any page.
PRESENTATION_KEYS = frozenset({"hide", "search"})

SESSION_KINDS = ("inspiratiesessie", "bijeenkomst", "bestuurlijke-bijeenkomst", "kenniscafe",
                 "platformdag", "vragensessie", "excursie", "workshop", "evenement")
SESSION_STATUSES = ("gepland", "gehouden", "afgelast")
LESSON_SOURCES = ("programmateam", "begeleidingsgroep", "regio")
REGION_STATUSES = ("participating", "interested")

# Categories of the learning themes (Tabel 2 of the tussenrapportage): id -> label.
THEME_CATEGORIES = {
    "organiseren": "Gevoel voor organiseren, governance",
    "praktijk-en-leren": "Gevoel voor praktijk en leren",
    "positionering": "Gevoel voor positionering in kennisinfrastructuur bodem",
}

TYPES: dict[str, ContentType] = {t.name: t for t in (
    ContentType("region", "regio", "regions/<regio-id>/index.md", (
        TITLE, DESCRIPTION,
        Field("provinces", TEXTS, "Provincie(s) van de regio.", required=True, min_items=1),
        Field("status", CHOICE, "Deelname aan het programma.", required=True, choices=REGION_STATUSES),
        Field("questions", TEXTS, "Dominante kennisvragen van de regio.", min_items=1,
              required_if=("status", "participating")),
        Field("network", TEXT, "Naam van het regionale netwerk."),
        Field("partners", TEXTS, "Partners in het regionale netwerk."),
        Field("themes", REFS, "Leerthema's die de regio heeft geadopteerd.", ref="theme"),
        ALIASES,
        Field("municipalities", INT, "Aantal gemeenten in de regio."),
        Field("maintainers", TEXTS, "GitHub-namen van de beheerders van deze regio."),
        Field("monitoring", MONITORING, "Metingen van de groei van het netwerk: per datum een score 1-5 "
                                        "voor elk van de zeven indicatoren (zie kennisschakels/monitoring.py)."),
        *COMMON,
    ), PRESENTATION_KEYS),
    ContentType("update", "regio-update", "regions/<regio-id>/updates/<JJJJ-MM-DD>-<naam>.md", (
        TITLE, DESCRIPTION,
        Field("date", DATE, "Datum; moet gelijk zijn aan de datum in de bestandsnaam."),
        THEMES, TAGS,
        *COMMON,
    ), PRESENTATION_KEYS),
    ContentType("practice", "praktijkvoorbeeld", "regions/<regio-id>/praktijk/<naam>.md", (
        TITLE, DESCRIPTION, DATE_OPTIONAL, THEMES, TAGS,
        *COMMON,
    ), PRESENTATION_KEYS),
    ContentType("essay", "essay", "essays/<naam>.md", (
        TITLE, DESCRIPTION,
        # A draft may not have an author or date yet; a published essay must.
        Field("authors", REFS, "Auteurs (ids uit docs/mensen/).", required=True, ref="person", min_items=1,
              optional_if=("draft", True)),
        Field("date", DATE, "Datum van verschijnen.", required=True, optional_if=("draft", True)),
        Field("themes", REFS, "Leerthema's (minstens één).", required=True, ref="theme", min_items=1),
        Field("updated", DATE, "Datum van de laatste herziening."),
        REGIONS,
        Field("draft", BOOL, "true als het essay nog in voorbereiding is."),
        TAGS,
        Field("sessions", REFS, "Sessies waaruit het essay voortkwam (ids uit docs/sessies/).", ref="session"),
        *COMMON,
    ), PRESENTATION_KEYS),
    ContentType("theme", "leerthema", "docs/leerthemas/<thema-id>.md", (
        TITLE, DESCRIPTION,
        Field("number", INT, "Nummer van het leerthema.", required=True),
        Field("category", CHOICE, "Categorie van het leerthema.", required=True,
              choices=tuple(THEME_CATEGORIES)),
        Field("experts", REFS, "Begeleidende experts (ids uit docs/mensen/).", ref="person"),
        *COMMON,
    ), PRESENTATION_KEYS),
    ContentType("session", "sessie", "docs/sessies/<naam>.md", (
        TITLE, DESCRIPTION,
        Field("date", DATE, "(Begin)datum.", required=True),
        Field("kind", CHOICE, "Soort sessie.", required=True, choices=SESSION_KINDS),
        Field("status", CHOICE, "gepland, gehouden of afgelast (zoals de bron het meldt).",
              choices=SESSION_STATUSES),
        THEMES, REGIONS,
        Field("hosts", REFS, "Begeleiders of sprekers (ids uit docs/mensen/).", ref="person"),
        Field("location", TEXT, "Plaats."),
        Field("end_date", DATE, "Einddatum bij meerdaagse sessies."),
        *COMMON,
    ), PRESENTATION_KEYS),
    ContentType("lesson", "les", "docs/lessen/<naam>.md", (
        TITLE, DESCRIPTION,
        Field("source", CHOICE, "Van wie de les komt.", required=True, choices=LESSON_SOURCES),
        Field("number", INT, "Volgnummer binnen de bron."),
        THEMES, REGIONS, DATE_OPTIONAL,
        *COMMON,
    ), PRESENTATION_KEYS),
    ContentType("person", "persoon of organisatie", "docs/mensen/<persoon-id>.md", (
        TITLE, DESCRIPTION,
        Field("role", TEXT, "Rol of functie."),
        Field("organisation", TEXT, "Organisatie."),
        *COMMON,
    ), PRESENTATION_KEYS),
    ContentType("organisation", "organisatie", "docs/organisaties/<organisatie-id>.md", (
        TITLE, DESCRIPTION,
        Field("abbreviation", TEXT, "Gangbare afkorting (bijv. SIKB); komt vanzelf in de begrippenlijst."),
        ALIASES,
        *COMMON,
    ), PRESENTATION_KEYS),
    ContentType("term", "begrip", "docs/begrippen/<begrip-id>.md", (
        Field("title", TEXT, "Het begrip of de afkorting zoals die in teksten staat (bijv. VTH).", required=True),
        Field("expansion", TEXT, "Voluit geschreven (bijv. vergunningverlening, toezicht en handhaving); "
                                 "weglaten als de bronnen het niet voluit schrijven."),
        DESCRIPTION,
        ALIASES,
        *COMMON,
    ), PRESENTATION_KEYS),
    ContentType("document", "brondocument", "docs/bibliotheek/<document-id>.md", (
        TITLE, DESCRIPTION,
        Field("publisher", TEXT, "Uitgever of opdrachtgever."),
        Field("date", DATE, "Datum of maand van verschijnen."),
        Field("order", INT, "Plaats in de bibliotheek (lager eerst)."),
        *COMMON,
    ), PRESENTATION_KEYS),
    ContentType("page", "pagina", "docs/<map>/<naam>.md", (
        TITLE, DESCRIPTION,
        Field("order", INT, "Plaats in het menu binnen de map (lager eerst)."),
        *COMMON,
    ), PRESENTATION_KEYS | {"render_macros", "template"}),
)}

# Folders in docs/ that hold one content type each (folder -> type).
DOCS_TYPE_FOLDERS = {"leerthemas": "theme", "sessies": "session", "lessen": "lesson", "mensen": "person",
                     "organisaties": "organisation", "begrippen": "term", "bibliotheek": "document"}


def json_schema(type_name: str) -> dict:
    """JSON Schema (draft 2020-12) of one content type's front-matter, for editors."""
    ctype = TYPES[type_name]
    properties = {}
    for f in ctype.fields:
        prop: dict = {"description": f.help}
        if f.kind == TEXT:
            prop["type"] = "string"
        elif f.kind == INT:
            prop["type"] = "integer"
        elif f.kind == BOOL:
            prop["type"] = "boolean"
        elif f.kind == DATE:
            prop.update(type="string", pattern=r"^\d{4}-\d{2}(-\d{2})?$")
        elif f.kind == CHOICE:
            prop["enum"] = list(f.choices)
        elif f.kind == SOURCES:
            prop.update(type="array", items={
                "type": "object", "required": ["document"], "additionalProperties": False,
                "properties": {"document": {"type": "string"}, "section": {"type": "string"}}})
        elif f.kind in (TEXTS, REFS):
            prop.update(type="array", items={"type": "string"})
            if f.min_items:
                prop["minItems"] = f.min_items
        elif f.kind == MONITORING:
            from kennisschakels.monitoring import INDICATORS

            score = {"type": "integer", "minimum": 1, "maximum": 5}
            prop.update(type="array", items={
                "type": "object", "required": ["date", "scores"], "additionalProperties": False,
                "properties": {
                    "date": {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}$"},
                    "note": {"type": "string"},
                    "scores": {"type": "object", "required": list(INDICATORS), "additionalProperties": False,
                               "properties": {name: score for name in INDICATORS}},
                }})
        properties[f.name] = prop
    for key in sorted(ctype.extra_keys):
        properties[key] = {}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": f"Kennisschakels: {ctype.label}",
        "type": "object",
        "properties": properties,
        "required": [f.name for f in ctype.fields if f.required],
        "additionalProperties": False,
    }

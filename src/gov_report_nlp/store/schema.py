"""The corpus database's schema: one table per kind of fact, its version and its migrations.

Every fact row has `doc` (documents.doc, ON DELETE CASCADE: deleting a document deletes its
facts), `start`/`end` (the evidence span in the normalized text, null in gold without
spans), `section` (the outline path of the record, "II > 1", when the report has one) and
`evidence` (the text of the span). Derived tables (persons, person_links, bodies,
warnings) are rebuilt by `link` after each index run. docs/store.md documents each table.
"""
from __future__ import annotations

import sqlite3

SCHEMA_VERSION = 1

_FACT = """id INTEGER PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(doc) ON DELETE CASCADE,
    start INTEGER, "end" INTEGER, section TEXT, evidence TEXT"""

# the tables in dependency order; each statement runs once, at creation
TABLES: dict[str, str] = {
    "meta": "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)",
    "documents": """CREATE TABLE documents (
    doc INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    source_hash TEXT,
    title TEXT, published TEXT, year INTEGER,
    layout TEXT, input_format TEXT,
    kind TEXT, number TEXT, authority TEXT, doc_date TEXT, summary TEXT,
    signers TEXT, authors TEXT, warnings TEXT, format_version TEXT,
    place TEXT, place_level TEXT, place_source TEXT,
    has_text INTEGER NOT NULL DEFAULT 0)""",
    "sections": f"""CREATE TABLE sections ({_FACT},
    number TEXT, heading TEXT, level INTEGER)""",
    "bodies": """CREATE TABLE bodies (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, key TEXT NOT NULL UNIQUE,
    kind TEXT, level TEXT, place TEXT, documents INTEGER, mentions INTEGER)""",
    "persons": """CREATE TABLE persons (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL,
    place TEXT, documents INTEGER, first_date TEXT, last_date TEXT)""",
    "people": f"""CREATE TABLE people ({_FACT},
    person INTEGER REFERENCES persons(id),
    name TEXT NOT NULL, name_key TEXT NOT NULL, titles TEXT)""",
    "person_links": """CREATE TABLE person_links (
    id INTEGER PRIMARY KEY,
    person INTEGER NOT NULL REFERENCES persons(id),
    record INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    reason TEXT NOT NULL)""",
    "mentions": f"""CREATE TABLE mentions ({_FACT},
    record INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE)""",
    "titles": f"""CREATE TABLE titles ({_FACT},
    record INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
    position INTEGER, title TEXT NOT NULL, title_expanded TEXT, title_key TEXT,
    date TEXT, month TEXT)""",
    "meetings": f"""CREATE TABLE meetings ({_FACT},
    kind TEXT, name TEXT, ordinal INTEGER, organizer TEXT, organizer_expanded TEXT, organizer_key TEXT,
    organizer_body INTEGER REFERENCES bodies(id),
    date TEXT, year INTEGER, part_of_day TEXT, resolution_count INTEGER,
    place TEXT, purpose TEXT, period TEXT)""",
    "meeting_chairs": f"""CREATE TABLE meeting_chairs ({_FACT},
    meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER, name TEXT NOT NULL, name_key TEXT NOT NULL,
    record INTEGER REFERENCES people(id))""",
    "meeting_attendees": f"""CREATE TABLE meeting_attendees ({_FACT},
    meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER, name TEXT NOT NULL, name_key TEXT NOT NULL,
    record INTEGER REFERENCES people(id))""",
    "resolutions": f"""CREATE TABLE resolutions ({_FACT},
    meeting INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    position INTEGER, title TEXT NOT NULL)""",
    "awards": f"""CREATE TABLE awards ({_FACT},
    kind TEXT, issuer TEXT, issuer_expanded TEXT, issuer_key TEXT, issuer_body INTEGER REFERENCES bodies(id),
    collectives INTEGER, individuals INTEGER, reason TEXT, decision TEXT, year INTEGER)""",
    "document_refs": f"""CREATE TABLE document_refs ({_FACT},
    kind TEXT, number TEXT NOT NULL, number_key TEXT NOT NULL, date TEXT, issuer TEXT,
    type_code TEXT, issuer_code TEXT, issuer_expanded TEXT)""",
    "targets": f"""CREATE TABLE targets ({_FACT},
    indicator TEXT, indicator_key TEXT, value REAL, value_max REAL, unit TEXT, relation TEXT,
    of_value REAL, text TEXT, period TEXT, period_start TEXT, period_end TEXT, year INTEGER)""",
    "terms": f"""CREATE TABLE terms ({_FACT},
    body TEXT, ordinal INTEGER, term_start INTEGER, term_end INTEGER)""",
    "organizations": f"""CREATE TABLE organizations ({_FACT},
    name TEXT NOT NULL, kind TEXT, level TEXT, place TEXT, expanded TEXT,
    full_name TEXT, body INTEGER REFERENCES bodies(id))""",
    "places": f"""CREATE TABLE places ({_FACT},
    name TEXT NOT NULL, level TEXT, province TEXT, province_2025 TEXT)""",
    "warnings": """CREATE TABLE warnings (
    id INTEGER PRIMARY KEY, kind TEXT NOT NULL,
    doc INTEGER REFERENCES documents(doc) ON DELETE CASCADE,
    person INTEGER REFERENCES persons(id), message TEXT NOT NULL)""",
    "documents_fts": """CREATE VIRTUAL TABLE documents_fts USING fts5(
    title, text, tokenize = 'unicode61 remove_diacritics 0')""",
    # the words of each target's indicator (rowid = targets.id): `query targets --indicator`
    "targets_fts": """CREATE VIRTUAL TABLE targets_fts USING fts5(
    indicator, tokenize = 'unicode61 remove_diacritics 0')""",
}

# the tables whose rows belong to one document (deleted with it, written by write.py)
FACT_TABLES = ("sections", "people", "mentions", "titles", "meetings", "meeting_chairs",
               "meeting_attendees", "resolutions", "awards", "document_refs", "targets",
               "terms", "organizations", "places")

INDEXES = [
    # every fact table by document: re-indexing deletes by it (the cascade looks it up)
    *(f"CREATE INDEX {t}_doc ON {t}(doc)" for t in FACT_TABLES),
    "CREATE INDEX documents_published ON documents(published)",
    "CREATE INDEX people_name_key ON people(name_key)",
    "CREATE INDEX people_person ON people(person)",
    "CREATE INDEX persons_name_key ON persons(name_key)",
    "CREATE INDEX person_links_record ON person_links(record)",
    "CREATE INDEX person_links_person ON person_links(person)",
    "CREATE INDEX mentions_record ON mentions(record)",
    "CREATE INDEX titles_record ON titles(record)",
    "CREATE INDEX titles_key_month ON titles(title_key, month)",
    "CREATE INDEX meetings_organizer_body ON meetings(organizer_body)",
    "CREATE INDEX meeting_chairs_meeting ON meeting_chairs(meeting)",
    "CREATE INDEX meeting_chairs_name_key ON meeting_chairs(name_key)",
    "CREATE INDEX meeting_chairs_record ON meeting_chairs(record)",
    "CREATE INDEX meeting_attendees_meeting ON meeting_attendees(meeting)",
    "CREATE INDEX resolutions_meeting ON resolutions(meeting)",
    "CREATE INDEX awards_issuer_body ON awards(issuer_body)",
    # covers `query awards --by`: grouped in its order, filtered (issuers match as substrings)
    # without reading an award row
    "CREATE INDEX awards_by_year ON awards(year, issuer_expanded, kind, collectives, individuals, doc, issuer_key)",
    "CREATE INDEX meetings_cover ON meetings(date, organizer_key)",
    "CREATE INDEX warnings_kind ON warnings(kind)",
    "CREATE INDEX document_refs_number_key ON document_refs(number_key)",
    "CREATE INDEX organizations_body ON organizations(body)",
    "CREATE INDEX warnings_doc ON warnings(doc)",
]

# version -> the statements that bring a database of version-1 to it (none yet: v1 is the first)
MIGRATIONS: dict[int, list[str]] = {}


class SchemaError(RuntimeError):
    """A database written by a newer version of the library, or not one of ours."""


def connect(path: str, *, readonly: bool = False) -> sqlite3.Connection:
    """A connection with the store's settings: WAL, foreign keys on, rows as sqlite3.Row."""
    if readonly:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    else:
        conn = sqlite3.connect(path, isolation_level=None)  # transactions are explicit (BEGIN/COMMIT)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    if not readonly:
        conn.execute("PRAGMA journal_mode = WAL")  # readers work while a writer writes
        conn.execute("PRAGMA synchronous = NORMAL")  # WAL + NORMAL: a commit survives a crashed process
    return conn


def version(conn: sqlite3.Connection) -> int:
    return conn.execute("PRAGMA user_version").fetchone()[0]


def ensure(conn: sqlite3.Connection) -> None:
    """Create the schema in an empty database, or migrate an older one to SCHEMA_VERSION."""
    have = version(conn)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if have == 0 and not tables:
        conn.execute("BEGIN IMMEDIATE")
        for ddl in TABLES.values():
            conn.execute(ddl)
        for ddl in INDEXES:
            conn.execute(ddl)
        conn.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
        conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
        conn.execute("COMMIT")
        return
    if have == 0 or "documents" not in tables:
        raise SchemaError("not a gov-report-nlp store (no schema version): index into a new file")
    if have > SCHEMA_VERSION:
        raise SchemaError(f"the database has schema version {have}; this library reads up to "
                          f"{SCHEMA_VERSION}: upgrade gov-report-nlp")
    migrate(conn, have)


def migrate(conn: sqlite3.Connection, have: int) -> None:
    """Run the migrations from `have` up to SCHEMA_VERSION, each version in one transaction."""
    for v in range(have + 1, SCHEMA_VERSION + 1):
        conn.execute("BEGIN IMMEDIATE")
        for stmt in MIGRATIONS.get(v, []):
            conn.execute(stmt)
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(v),))
        conn.execute(f"PRAGMA user_version = {v}")
        conn.execute("COMMIT")

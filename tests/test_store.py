"""The corpus store on real SQLite files: the dev gold indexed and every named query checked
against the answer computed from the gold itself; linking tables; a crash mid-batch."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

import pytest
import regex

from conftest import DEV, ROOT
from gov_report_nlp import store
from gov_report_nlp.store import queries as q
from gov_report_nlp.store.keys import expand_body, name_key, named_place, place_key
from gov_report_nlp.store.link import PersonRecord, link_people
from gov_report_nlp.store.schema import SCHEMA_VERSION, SchemaError
from gov_report_nlp.store.write import document_places, number_key

GOLD = DEV / "gold.jsonl"
needs_dev = pytest.mark.skipif(not GOLD.exists(), reason="no dev corpus in ../shared")
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def _gold() -> list[dict]:
    return [json.loads(l) for l in GOLD.read_text(encoding="utf-8").splitlines() if l.strip()]


@pytest.fixture(scope="module")
def gold_db(tmp_path_factory):
    if not GOLD.exists():
        pytest.skip("no dev corpus in ../shared")
    path = tmp_path_factory.mktemp("store") / "gold.sqlite"
    res = store.index(str(path), [str(GOLD)])
    assert res.errors == [] and res.indexed == len(_gold())
    conn = store.open_store(str(path), readonly=True)
    yield conn
    conn.close()


def _year(r: dict):
    p = r.get("published") or (r.get("document") or {}).get("date")
    return int(p[:4]) if p and p[:4].isdigit() else None


# -- named queries against the gold ------------------------------------------------------------
@needs_dev
def test_chaired_every_chair_of_the_gold(gold_db):
    expected: dict[str, Counter] = defaultdict(Counter)
    for r in _gold():
        for m in r["meetings"]:
            for c in m.get("chairs") or []:
                expected[name_key(c)][(r["id"], m.get("date"))] += 1
    assert expected
    for key, want in expected.items():
        cols, rows = q.chaired(gold_db, key)
        got = Counter((row[cols.index("document")], row[cols.index("date")]) for row in rows)
        assert got == want, key


@needs_dev
@pytest.mark.parametrize("issuer", [None, "Tỉnh ủy", "UBND", "Chủ tịch"])
def test_awards_by_year_as_the_gold_gives_them(gold_db, issuer):
    want: dict = defaultdict(lambda: [0, None, None])
    for r in _gold():
        for a in r["awards"]:
            if issuer and name_key(issuer) not in name_key(a.get("issuer")):
                continue
            w = want[_year(r)]
            w[0] += 1
            for i, k in ((1, "collectives"), (2, "individuals")):
                if a.get(k) is not None:
                    w[i] = (w[i] or 0) + a[k]
    cols, rows = q.awards(gold_db, issuer=issuer, by=["year"])
    got = {row[0]: [row[cols.index("grants")], row[cols.index("collectives")], row[cols.index("individuals")]]
           for row in rows}
    assert got == dict(want)


@needs_dev
def test_titles_of_every_gold_person(gold_db):
    want: dict[str, dict[str, set]] = defaultdict(lambda: defaultdict(set))
    for r in _gold():
        for p in r["people"]:
            for t in p.get("titles") or []:
                want[name_key(p["name"])][place_key(t)].add(r["id"])
    for key, titles in want.items():
        cols, rows = q.titles(gold_db, key)
        got: dict[str, int] = Counter()
        for row in rows:  # a name may be several persons: their titles together
            got[place_key(row[cols.index("title")])] += row[cols.index("documents")]
        assert got == {t: len(docs) for t, docs in titles.items()}, key


@needs_dev
def test_cites_every_gold_number(gold_db):
    want: dict[str, set] = defaultdict(set)
    for r in _gold():
        for ref in r["document_refs"]:
            want[number_key(ref["number"])].add(r["id"])
    for number, docs in want.items():
        cols, rows = q.cites(gold_db, number)
        assert {row[0] for row in rows} == docs, number


@needs_dev
@pytest.mark.parametrize("words", ["thu ngân sách", "tăng trưởng", "hộ", "sản xuất"])
def test_targets_by_year_as_the_gold_gives_them(gold_db, words):
    want: dict = defaultdict(list)
    for r in _gold():
        for t in r["targets"]:
            ind = set(regex.findall(r"\w+", name_key(t.get("indicator"))))
            if set(name_key(words).split()) <= ind:  # whole words: "hộ" is not "hội"
                want[(_year(r), t.get("unit"))].append(t["value"])
    assert want, words
    cols, rows = q.targets(gold_db, words, by=["place", "year"])
    got = {(row[cols.index("year")], row[cols.index("unit")]): (row[cols.index("n")], row[cols.index("min")], row[cols.index("max")])
           for row in rows}
    assert {row[0] for row in rows} == {None}  # the gold has no places: no document has one
    assert got == {k: (len(v), min(v), max(v)) for k, v in want.items()}


@needs_dev
@pytest.mark.parametrize("organizer,date_from,date_to", [
    ("UBND", None, None), ("Huyện ủy", "2019", "2020-06"), (None, "2020-01", "2020-12-31"), ("hội", "2018-06-01", None)])
def test_meetings_of_an_organizer_between_dates(gold_db, organizer, date_from, date_to):
    want = Counter()
    for r in _gold():
        for m in r["meetings"]:
            d = m.get("date")
            if organizer and name_key(organizer) not in name_key(m.get("organizer")):
                continue
            if (date_from or date_to) and (not d or d.startswith("--")):
                continue
            if date_from and d < date_from:
                continue
            if date_to and d[: len(date_to)] > date_to:
                continue
            want[(r["id"], d, m["kind"])] += 1
    assert want
    cols, rows = q.meetings(gold_db, organizer, date_from, date_to)
    got = Counter((row[cols.index("document")], row[0], row[cols.index("kind")]) for row in rows)
    assert got == want


@needs_dev
def test_warnings_meetings_after_publication_as_in_the_gold(gold_db):
    want = set()
    for r in _gold():
        pub = r.get("published") or ""
        for m in r["meetings"]:
            d = m.get("date") or ""
            n = min(len(d), len(pub), 10)
            if d[:4].isdigit() and pub[:4].isdigit() and d[:n] > pub[:n]:
                want.add(r["id"])
    cols, rows = q.warnings(gold_db, "meeting_after_publication")
    assert {row[1] for row in rows} == want


@needs_dev
def test_gold_db_is_whole_and_documented_tables_exist(gold_db):
    assert gold_db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert gold_db.execute("PRAGMA foreign_key_check").fetchall() == []
    assert gold_db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {r[0] for r in gold_db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    doc = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    for t in ("documents", "meetings", "meeting_chairs", "meeting_attendees", "resolutions", "people", "persons",
              "person_links", "titles", "mentions", "awards", "document_refs", "targets", "terms",
              "organizations", "bodies", "places", "sections", "warnings", "documents_fts", "targets_fts"):
        assert t in tables
        assert f"`{t}`" in doc, f"docs/store.md does not document {t}"
    counts = {k: sum(len(r[k]) for r in _gold()) for k in ("people", "meetings", "awards", "targets", "terms")}
    for k, n in counts.items():
        assert gold_db.execute(f"SELECT count(*) FROM {k}").fetchone()[0] == n


# -- linking ------------------------------------------------------------------------------------
# origin: genre. (records, groups): records as (name, titles, portal place); groups: which must be one person
LINK_CASES = [
    ("same name, same sole title naming its place", [
        ("Nguyễn Văn An", ["Bí thư Huyện ủy Đắk Song"], None),
        ("Nguyễn Văn An", ["Tỉnh ủy viên", "Bí thư Huyện ủy Đắk Song"], "tỉnh Đắk Nông")], [[0, 1]]),
    ("same name, one portal, no titles", [
        ("Trần Thị Bình", [], "Đắk Song"), ("Trần Thị Bình", [], "Đắk Song")], [[0, 1]]),
    ("spelling of the place differs only by its tone mark", [
        ("Lê Văn Cường", ["Chủ tịch UBND huyện Đăk Song"], None),
        ("Lê Văn Cường", ["Chủ tịch UBND huyện Đắk Song"], None)], [[0, 1]]),
    ("same name, a title that names the portal's place", [
        ("Phạm Minh Dũng", ["Phó Chủ tịch UBND huyện Tân Phước"], None),
        ("Phạm Minh Dũng", [], "Tân Phước")], [[0, 1]]),
    ("same name, nothing else in common", [
        ("Nguyễn Văn An", [], None), ("Nguyễn Văn An", [], None)], [[0], [1]]),
    ("same name, bodies of two districts", [
        ("Nguyễn Văn An", ["Bí thư Huyện ủy Vĩnh Thuận"], None),
        ("Nguyễn Văn An", ["Chủ tịch UBND huyện Giồng Riềng"], None)], [[0], [1]]),
    ("same name, a bare title on two portals", [
        ("Hoàng Văn Em", ["Chủ tịch"], "Đắk Song"), ("Hoàng Văn Em", ["Chủ tịch"], "Tân Phước")], [[0], [1]]),
    ("same title, different names", [
        ("Nguyễn Văn An", ["Bí thư Huyện ủy Đắk Song"], None),
        ("Nguyễn Văn Ân", ["Bí thư Huyện ủy Đắk Song"], None)], [[0], [1]]),
    ("a title in one place and a portal in the other: no common place", [
        ("Vũ Thị Giang", ["Bí thư Huyện ủy Vĩnh Thuận"], None), ("Vũ Thị Giang", [], "Giồng Riềng")], [[0], [1]]),
    ("a record that fits two persons joins neither", [
        ("Đỗ Văn Hải", [], "Đắk Song"), ("Đỗ Văn Hải", ["Bí thư Huyện ủy Tân Phước"], None),
        ("Đỗ Văn Hải", ["Bí thư Huyện ủy Tân Phước"], "Đắk Song")], [[0], [1], [2]]),
]


@pytest.mark.parametrize("label,records,groups", LINK_CASES, ids=[c[0] for c in LINK_CASES])
def test_link_people_table(label, records, groups):
    recs = [PersonRecord(i, n, name_key(n), tuple(t), p, f"2020-01-{i + 1:02d}") for i, (n, t, p) in enumerate(records)]
    clusters = link_people(recs)
    got = sorted(sorted(r.record for r, _ in c.records) for c in clusters)
    assert got == sorted(groups)
    for c in clusters:
        assert c.records[0][1] in ("first record",) or c.records[0][1].startswith("ambiguous")
        for _, why in c.records[1:]:
            assert why.startswith("same name and ")


def _report(doc_id, published, people, meetings=(), places=(), title="Tin", awards=()):
    return {"id": doc_id, "title": title, "published": published, "format_version": "1",
            "people": [{"name": n, "titles": t} for n, t in people], "meetings": list(meetings),
            "places": list(places), "awards": list(awards)}


def test_linking_in_the_database_records_why(tmp_path):
    db = tmp_path / "link.sqlite"
    portal = {"name": "huyện Đắk Song", "level": "huyện", "evidence": {"start": 0, "end": 14, "text": "huyện Đắk Song"}}
    title_ev = {"title": [{"start": 20, "end": 23, "text": "Tin"}]}
    reports = [
        {**_report("a", "2020-03-02", [("Nguyễn Văn An", ["Bí thư Huyện ủy"])], places=[portal]), "evidence": title_ev},
        _report("b", "2020-05-02", [("Nguyễn Văn An", ["Bí thư Huyện ủy Đắk Song"])]),
        _report("c", "2020-05-03", [("Nguyễn Văn An", ["Chủ tịch UBND huyện Giồng Riềng"])]),
    ]
    conn = store.open_store(str(db))
    store.index_reports(conn, reports)
    rows = conn.execute("""SELECT d.id, p.person, l.reason FROM people p JOIN documents d ON d.doc = p.doc
                           JOIN person_links l ON l.record = p.id ORDER BY d.id""").fetchall()
    by = {r[0]: (r[1], r[2]) for r in rows}
    assert by["a"][0] == by["b"][0] != by["c"][0]
    assert by["b"][1] == "same name and title 'Bí thư Huyện ủy Đắk Song'"
    # the short title was expanded with the portal's place, the written form kept
    t = conn.execute("SELECT t.title, t.title_expanded FROM titles t JOIN documents d ON d.doc = t.doc WHERE d.id = 'a'").fetchone()
    assert tuple(t) == ("Bí thư Huyện ủy", "Bí thư Huyện ủy Đắk Song")
    cols, hist = q.titles(conn, "Nguyễn Văn An")
    assert [(r[cols.index("title")], r[cols.index("first_date")], r[cols.index("last_date")]) for r in hist] == [
        ("Bí thư Huyện ủy Đắk Song", "2020-03-02", "2020-05-02"), ("Chủ tịch UBND huyện Giồng Riềng", "2020-05-03", "2020-05-03")]
    conn.close()


# origin: genre
@pytest.mark.parametrize("name,places,want", [
    ("UBND huyện", {"huyện": "Đắk Song"}, "UBND huyện Đắk Song"),
    ("Huyện ủy", {"huyện": "Đắk Song"}, "Huyện ủy Đắk Song"),
    ("Ban Tuyên giáo Tỉnh ủy", {"tỉnh": "Đắk Nông"}, "Ban Tuyên giáo Tỉnh ủy Đắk Nông"),
    ("HĐND thị xã", {"thị xã": "Gia Nghĩa", "xã": "Trường Xuân"}, "HĐND thị xã Gia Nghĩa"),
    ("UBND xã", {"huyện": "Đắk Song"}, None),  # no place of that level
    ("UBND cấp huyện", {"huyện": "Đắk Song"}, None),  # generic
    ("UBND các xã", {"xã": "Trường Xuân"}, None),
    ("Huyện ủy Vĩnh Thuận", {"huyện": "Giồng Riềng"}, None),  # names its own place
    ("Bộ Chính trị", {"tỉnh": "Đắk Nông"}, None),
])
def test_short_body_expanded_with_the_documents_place(name, places, want):
    assert expand_body(name, places) == want


def test_portal_place_is_the_place_before_the_title():
    rep = {"evidence": {"title": [{"start": 40, "end": 60, "text": "x"}]},
           "places": [{"name": "huyện Giồng Riềng", "level": "huyện", "evidence": {"start": 23, "end": 40}},
                      {"name": "huyện Vĩnh Thuận", "level": "huyện", "evidence": {"start": 100, "end": 116}}]}
    portal, source, expand = document_places(rep)
    assert portal == ("huyện", "Giồng Riềng") and source == "header" and expand == {"huyện": "Giồng Riềng"}
    assert named_place("Huyện ủy Vĩnh Thuận") == ("huyện", "Vĩnh Thuận")


def test_a_lines_portal_place_expands_its_bodies(tmp_path):
    conn = store.open_store(str(tmp_path / "p.sqlite"))
    rep = _report("p", "2020-07-29", [], meetings=[{"kind": "hội nghị", "organizer": "UBND huyện"}])
    store.index_reports(conn, [{**rep, "portal_place": "huyện Đắk Song"}, dict(rep, id="q")])
    rows = conn.execute("""SELECT d.id, d.place, d.place_source, m.organizer, m.organizer_expanded
                           FROM meetings m JOIN documents d ON d.doc = m.doc ORDER BY d.id""").fetchall()
    assert [tuple(r) for r in rows] == [("p", "Đắk Song", "option", "UBND huyện", "UBND huyện Đắk Song"),
                                        ("q", None, None, "UBND huyện", "UBND huyện")]
    conn.close()


def test_consistency_warnings(tmp_path):
    conn = store.open_store(str(tmp_path / "w.sqlite"))
    portal = {"name": "huyện Giồng Riềng", "level": "huyện", "evidence": {"start": 0, "end": 17}}
    ev = {"title": [{"start": 30, "end": 33, "text": "Tin"}]}
    reports = [
        {**_report("late", "2020-07-29T16:30", [], meetings=[{"kind": "hội nghị", "date": "2020-08-02", "organizer": "Huyện ủy"}],
                   places=[portal]), "evidence": ev},
        {**_report("other", "2020-07-29", [], meetings=[{"kind": "hội nghị", "date": "2020-07-28", "organizer": "Huyện ủy Vĩnh Thuận"}],
                   places=[portal]), "evidence": ev},
        _report("b1", "2021-03-02", [("Nguyễn Văn An", ["Bí thư Huyện ủy Đắk Song"])]),
        _report("b2", "2021-03-20", [("Trần Văn Bình", ["Bí thư Huyện ủy Đắk Song"])]),
        _report("b3", "2021-04-20", [("Lê Văn Cường", ["Phó Bí thư Huyện ủy Đắk Song"])]),
        _report("ok", "2020-07-29", [], meetings=[{"kind": "hội nghị", "date": "--07-28"}]),
    ]
    store.index_reports(conn, reports)
    cols, rows = q.warnings(conn)
    got = sorted((r[0], r[1]) for r in rows)
    assert got == [("contradicting_titles", "b1"), ("contradicting_titles", "b2"),
                   ("meeting_after_publication", "late"), ("organizer_place", "other")]
    conn.close()


# -- writing: idempotent, resumable, versioned ---------------------------------------------------
def _copies(src: list[dict], n: int, prefix: str = "c") -> list[dict]:
    return [{**src[i % len(src)], "id": f"{prefix}/{i:05d}"} for i in range(n)]


@needs_dev
def test_reindex_is_idempotent_and_replaces_a_changed_document(tmp_path):
    db, path = tmp_path / "i.sqlite", tmp_path / "r.jsonl"
    gold = _gold()
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in gold), encoding="utf-8")
    first = store.index(str(db), [str(path)])
    conn = store.open_store(str(db), readonly=True)
    before = {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("documents", "people", "meetings", "targets", "titles")}
    again = store.index(str(db), [str(path)])
    assert first.indexed == len(gold) and again.indexed == 0
    assert before == {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before}
    changed = dict(gold[0], targets=[], title="Đổi")
    path.write_text(json.dumps(changed, ensure_ascii=False) + "\n", encoding="utf-8")
    assert store.index(str(db), [str(path)]).indexed == 1
    d = conn.execute("SELECT doc, title FROM documents WHERE id = ?", (gold[0]["id"],)).fetchone()
    assert d[1] == "Đổi"
    assert conn.execute("SELECT count(*) FROM targets WHERE doc = ?", (d[0],)).fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM targets").fetchone()[0] == before["targets"] - len(gold[0]["targets"])
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    conn.close()


@needs_dev
def test_reports_take_their_texts_for_search(tmp_path):
    db = str(tmp_path / "t.sqlite")
    res = store.index(db, [str(GOLD)], texts=[str(DEV / "docs.jsonl")])
    assert res.errors == []
    conn = store.open_store(db, readonly=True)
    assert conn.execute("SELECT count(*) FROM documents WHERE has_text = 1").fetchone()[0] == len(_gold())
    cols, rows = q.search(conn, "hội nghị")
    assert rows and all("[" in r[2] for r in rows)
    conn.close()


def test_schema_version_and_migration(tmp_path, monkeypatch):
    from gov_report_nlp.store import schema

    db = str(tmp_path / "v.sqlite")
    store.open_store(db).close()
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    monkeypatch.setitem(schema.MIGRATIONS, SCHEMA_VERSION + 1, ["ALTER TABLE documents ADD COLUMN language TEXT"])
    conn = store.open_store(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert "language" in [r[1] for r in conn.execute("PRAGMA table_info(documents)")]
    conn.close()
    monkeypatch.setattr(schema, "SCHEMA_VERSION", SCHEMA_VERSION)
    with pytest.raises(SchemaError, match="upgrade"):
        store.open_store(db)
    other = tmp_path / "other.sqlite"
    sqlite3.connect(other).execute("CREATE TABLE x (a)").connection.commit()
    with pytest.raises(SchemaError, match="not a gov-report-nlp store"):
        store.open_store(str(other))


def test_records_keep_section_and_target_period_when_present(tmp_path):
    conn = store.open_store(str(tmp_path / "s.sqlite"))
    rep = _report("s", "2020-07-29", [])
    rep["targets"] = [
        {"indicator": "năng suất lúa", "value": 60.5, "unit": "tạ/ha", "section": "II > 1",
         "period": {"start": "2020-01", "end": "2020-06", "text": "6 tháng đầu năm 2020"},
         "evidence": {"start": 5, "end": 20, "text": "năng suất lúa đạt 60,5 tạ/ha"}},
        {"indicator": "năng suất lúa", "value": 58, "unit": "tạ/ha", "period": "2016/2020"},
        {"indicator": "năng suất lúa", "value": 59, "unit": "tạ/ha"},
    ]
    rep["outline"] = [{"number": "II", "heading": "NHIỆM VỤ", "level": 1, "start": 0, "end": 50}]
    store.index_reports(conn, [rep])
    rows = conn.execute("SELECT section, period, period_start, period_end, year, start, evidence FROM targets ORDER BY id").fetchall()
    assert tuple(rows[0]) == ("II > 1", "6 tháng đầu năm 2020", "2020-01", "2020-06", 2020, 5, "năng suất lúa đạt 60,5 tạ/ha")
    assert tuple(rows[1])[1:5] == ("2016/2020", "2016", "2020", None)
    assert tuple(rows[2])[1:5] == (None, None, None, 2020)  # no period: the report's year
    assert tuple(conn.execute("SELECT number, heading, level FROM sections").fetchone()) == ("II", "NHIỆM VỤ", 1)
    conn.close()


@needs_dev
def test_crash_mid_batch_loses_nothing_committed_and_a_rerun_resumes(tmp_path):
    db, path = tmp_path / "crash.sqlite", tmp_path / "big.jsonl"
    reports = _copies(_gold(), 2000)
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in reports), encoding="utf-8")
    cmd = [sys.executable, "-m", "gov_report_nlp", "index", str(path), "--db", str(db), "--batch", "25", "--no-link"]
    proc = subprocess.Popen(cmd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        committed, deadline = 0, time.monotonic() + 120
        while committed < 100 and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
            if db.exists():
                try:
                    c = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
                    committed = c.execute("SELECT count(*) FROM documents").fetchone()[0]
                    c.close()
                except sqlite3.Error:
                    pass
        assert proc.poll() is None, "the index ended before it could be killed: make the input larger"
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    ids = [r[0] for r in conn.execute("SELECT id FROM documents ORDER BY id")]
    assert 100 <= len(ids) < len(reports) and len(ids) % 25 == 0  # whole batches only
    by_id = {r["id"]: r for r in reports}
    for table, key in (("people", "people"), ("meetings", "meetings"), ("awards", "awards"),
                       ("document_refs", "document_refs"), ("targets", "targets"), ("terms", "terms")):
        counts = dict(conn.execute(f"SELECT d.id, count(x.id) FROM documents d LEFT JOIN {table} x ON x.doc = d.doc GROUP BY d.id"))
        assert counts == {i: len(by_id[i][key]) for i in ids}, table
    chairs = dict(conn.execute("SELECT d.id, count(c.id) FROM documents d LEFT JOIN meeting_chairs c ON c.doc = d.doc GROUP BY d.id"))
    assert chairs == {i: sum(len(m.get("chairs") or []) for m in by_id[i]["meetings"]) for i in ids}
    conn.close()
    res = store.index(str(db), [str(path)])  # resumes: only what was not committed
    assert res.indexed == len(reports) - len(ids)
    conn = store.open_store(str(db), readonly=True)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == len(reports)
    assert conn.execute("SELECT count(*) FROM people WHERE person IS NULL").fetchone()[0] == 0
    conn.close()


# -- the command line ------------------------------------------------------------------------------
@pytest.fixture
def _cli(capsys):
    """gov-report-nlp in this process: (returncode, stdout, stderr) as a CompletedProcess."""
    from gov_report_nlp.cli import main

    def run(*args):
        capsys.readouterr()
        rc = main([str(a) for a in args])
        out, err = capsys.readouterr()
        return subprocess.CompletedProcess(args, rc, out, err)

    return run


@needs_dev
def test_cli_index_documents_then_query_in_every_format(tmp_path, _cli):
    db = str(tmp_path / "dev.sqlite")
    r = _cli("index", str(DEV / "docs.jsonl"), "--db", db)
    assert r.returncode == 0, r.stderr
    assert "89 documents indexed" in r.stderr
    r = _cli("query", "--db", db, "--format", "json", "search", "bằng khen")
    hits = json.loads(r.stdout)
    assert hits and all("[" in h["snippet"] for h in hits)
    assert any(h["facts"].startswith("awards:") for h in hits)
    r = _cli("query", "--db", db, "--format", "jsonl", "cites", "45-CT/TW")
    assert [json.loads(l)["number"] for l in r.stdout.splitlines()] == ["45-CT/TW"] * len(r.stdout.splitlines()) and r.stdout
    r = _cli("query", "--db", db, "awards", "--by", "year")  # not a terminal: CSV
    assert r.stdout.splitlines()[0] == "year,grants,collectives,individuals,documents"
    r = _cli("query", "--db", db, "--format", "table", "raw", "--sql", "SELECT count(*) AS n FROM documents")
    assert r.stdout.splitlines()[2].strip() == "89"
    r = _cli("query", "--db", db, "raw", "--sql", "DELETE FROM documents")
    assert r.returncode == 2 and "readonly" in r.stderr.replace("read-only", "readonly")
    r = _cli("query", "--db", db, "awards", "--by", "colour")
    assert r.returncode == 2 and "--by 'colour'" in r.stderr
    r = _cli("query", "--db", str(tmp_path / "none.sqlite"), "warnings")
    assert r.returncode == 2 and "no such database" in r.stderr


def test_cli_index_bad_lines_are_named_not_a_traceback(tmp_path, _cli):
    path = tmp_path / "bad.jsonl"
    odd = {"id": "odd", "title": ["a"], "people": "Nguyễn Văn A", "targets": [{"value": 10 ** 30, "unit": {"u": 1}}],
           "meetings": [{"kind": {"a": 1}, "ordinal": 10 ** 30, "chairs": "An"}, "x"], "awards": None}
    path.write_text('{"id": "a", "people": []}\nnot json\n{"title": "no id", "people": []}\n{"id": "x", "foo": 1}\n'
                    + json.dumps(odd) + "\n", encoding="utf-8")
    r = _cli("index", str(path), "--db", str(tmp_path / "b.sqlite"))
    assert r.returncode == 3 and "Traceback" not in r.stderr
    assert f"{path}:2: not JSON" in r.stderr and f"{path}:3: no id" in r.stderr and f"{path}:4: neither" in r.stderr
    assert "2 documents indexed" in r.stderr
    r = _cli("index", str(tmp_path / "missing.jsonl"), "--db", str(tmp_path / "b.sqlite"))
    assert r.returncode == 2 and "No such file" in r.stderr and "Traceback" not in r.stderr
    r = _cli("index", str(path), "--db", str(tmp_path / "no" / "such" / "dir.sqlite"))
    assert r.returncode == 2 and "unable to open" in r.stderr
    r = _cli("index", str(path), "--db", str(path))  # not a database
    assert r.returncode == 2 and "not a database" in r.stderr
    r = _cli("query", "--db", str(path), "warnings")
    assert r.returncode == 2 and "not a database" in r.stderr


def test_readme_quick_start_indexes_and_queries_the_bundled_example(tmp_path):
    # as the README runs it: the installed command, from the repository's root
    def cli(*args):
        return subprocess.run([sys.executable, "-m", "gov_report_nlp", *args], env=ENV, cwd=tmp_path,
                              capture_output=True, text=True, timeout=300)

    db = "facts.sqlite"
    r = cli("index", str(ROOT / "examples" / "portal-article.txt"), "--db", db)
    assert r.returncode == 0, r.stderr
    r = cli("query", "--db", db, "--format", "json", "chaired", "--person", "Trần Văn Khải")
    rows = json.loads(r.stdout)
    assert [(m["date"], m["organizer"]) for m in rows] == [("2024-07-11", "Huyện ủy Tân Phước")]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "gov-report-nlp index examples/portal-article.txt --db facts.sqlite" in readme
    assert 'gov-report-nlp query --db facts.sqlite chaired --person "Trần Văn Khải"' in readme


# -- Parquet: the same tables from SQLite and from the Dask path ---------------------------------
@needs_dev
def test_parquet_export_and_dask_partitions_share_one_schema(gold_db, tmp_path):
    from conftest import optional

    duckdb = optional("duckdb")
    optional("pandas")
    dbag = optional("dask.bag")
    import dask

    from gov_report_nlp.dask import to_parquet_tables
    from gov_report_nlp.store.export import PARTITION_TABLES, export_parquet

    path = gold_db.execute("PRAGMA database_list").fetchone()[2]
    done = export_parquet(path, str(tmp_path / "sqlite"))
    for t, n in done.items():
        assert n == gold_db.execute(f"SELECT count(*) FROM {t}").fetchone()[0], t
    gold = _gold()
    with dask.config.set(scheduler="sync"):
        parts = to_parquet_tables(dbag.from_sequence(gold, npartitions=3), str(tmp_path / "dask"))
    assert len(parts) == 3
    con = duckdb.connect()
    for t in PARTITION_TABLES:
        a = con.execute(f"DESCRIBE SELECT * FROM '{tmp_path}/sqlite/{t}/*.parquet'").fetchall()
        b = con.execute(f"DESCRIBE SELECT * FROM '{tmp_path}/dask/{t}/*.parquet'").fetchall()
        assert a == b, t
        key = "doc" if t == "documents" else "id"
        n, ids = con.execute(f"SELECT count(*), count(DISTINCT {key}) FROM '{tmp_path}/dask/{t}/*.parquet'").fetchone()
        assert n == ids, t  # ids unique across partitions
        if t != "bodies":  # bodies: one per partition and name
            assert n == done[t], t
    chairs = con.execute(f"""SELECT count(*) FROM '{tmp_path}/dask/meeting_chairs/*.parquet' c
                             JOIN '{tmp_path}/dask/meetings/*.parquet' m ON m.id = c.meeting""").fetchone()[0]
    assert chairs == sum(len(m.get("chairs") or []) for r in gold for m in r["meetings"])

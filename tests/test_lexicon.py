"""User lexicons: a team's own files extend the built-in ones, validated on load."""
from __future__ import annotations

import pytest

from gov_report_nlp import extract
from gov_report_nlp.errors import LexiconError
from gov_report_nlp.lexicon import UserLexicons, activate, load_list, load_map

TEXT = ("Huyện trao thưởng cho các tập thể\n"
        "Ngày 5/3/2021, Chủ tịch UBND huyện tặng Thư khen cho 3 tập thể và 12 cá nhân. "
        "Căn cứ Quyết định số 15/QĐ-BQLR ngày 2/3/2021, Ban Quản lý rừng phòng hộ Nam Nung triển khai kế hoạch.")


@pytest.fixture(autouse=True)
def builtins_after():
    yield
    activate(None)


def _dir(tmp_path, files: dict[str, str]):
    for name, body in files.items():
        (tmp_path / name).write_text(body, encoding="utf-8")
    return tmp_path


def _facts(report):
    return ([(a.kind, a.collectives, a.individuals) for a in report.awards],
            [(d.number, d.issuer_expanded) for d in report.document_refs],
            [(o.name, o.kind) for o in report.organizations])


def test_user_entries_extend_the_builtins_and_switch_back(tmp_path):
    d = _dir(tmp_path, {
        "award_kinds.txt": "# our province's awards\nthư khen\n",
        "ref_issuer_codes.txt": "BQLR\tBan Quản lý rừng phòng hộ\n",
        "org_kinds.txt": "Ban Quản lý rừng phòng hộ\tstate\n",
    })
    before = _facts(extract(TEXT))
    assert before[0] == [] and before[1] == [("15/QĐ-BQLR", None)]
    activate(d)
    awards, refs, orgs = _facts(extract(TEXT))
    assert awards == [("thư khen", 3, 12)]
    assert refs == [("15/QĐ-BQLR", "Ban Quản lý rừng phòng hộ")]  # the code, read from the user's table
    assert ("Ban Quản lý rừng phòng hộ Nam Nung", "state") in orgs
    assert "thư khen" in load_list("award_kinds") and "giấy khen" in load_list("award_kinds")
    activate(None)
    assert _facts(extract(TEXT)) == before
    assert "thư khen" not in load_list("award_kinds")


def test_a_user_map_entry_wins_over_a_builtin_one(tmp_path):
    key, value = next(iter(load_map("ref_issuer_codes").items()))
    activate(_dir(tmp_path, {"ref_issuer_codes.txt": f"{key}\tCơ quan khác\n"}))
    assert load_map("ref_issuer_codes")[key] == "Cơ quan khác"


def test_entries_are_normalized_like_the_text(tmp_path):
    # decomposed accents and new-style tone placement in the file still match
    activate(_dir(tmp_path, {"award_kinds.txt": "thu\u031b khen\n", "titles.txt": "Trưởng ban quản lý hoà giải\n"}))
    assert "thư khen" in load_list("award_kinds")
    assert "Trưởng ban quản lý hòa giải" in load_list("titles")


@pytest.mark.parametrize("files, message", [
    ({"titlez.txt": "Bí thư\n"}, "titlez.txt: no built-in lexicon named 'titlez'"),
    ({"titles.csv": "Bí thư\n"}, "titles.csv: a lexicon file ends in .txt"),
    ({"org_kinds.txt": "Ban A\tstate\nBan B state\n"}, "org_kinds.txt:2: expected 'key<TAB>value'"),
    ({"org_kinds.txt": "\tstate\n"}, "org_kinds.txt:1: expected 'key<TAB>value'"),
    ({"titles.txt": "# comment\n\nTrưởng ban\tX\n"}, "titles.txt:3: a list entry may not hold a tab"),
    ({"titles.txt": "Trưởng \ufffd ban\n"}, "titles.txt:1: replacement character"),
    # a value outside the closed set the code reads: an organization is one of six kinds
    ({"org_kinds.txt": "Ban A\tstate\n# note\nHội B\tassociation\n"},
     "org_kinds.txt:3: 'association' is not a value of org_kinds (one of: armed, court, front, mass, party, state)"),
    ({"award_count_nouns.txt": "hộ\tfamily\n"}, "award_count_nouns.txt:1: 'family' is not a value of award_count_nouns"),
])
def test_bad_files_name_the_file_and_line(tmp_path, files, message):
    d = _dir(tmp_path, files)
    with pytest.raises(LexiconError) as e:
        UserLexicons.load(d)
    assert message in str(e.value)
    assert load_list("titles") == load_list.__wrapped__("titles")  # nothing half-activated


def test_not_utf8_and_not_a_directory(tmp_path):
    (tmp_path / "titles.txt").write_bytes("Trưởng ban".encode("utf-16"))
    with pytest.raises(LexiconError, match=r"titles.txt: not UTF-8"):
        UserLexicons.load(tmp_path)
    with pytest.raises(LexiconError, match="not a directory"):
        UserLexicons.load(tmp_path / "missing")


def test_activating_the_same_set_twice_keeps_the_compiled_patterns(tmp_path):
    from gov_report_nlp.lexicon import lexicon_generation

    lex = UserLexicons.load(_dir(tmp_path, {"award_kinds.txt": "thư khen\n"}))
    activate(lex)
    g = lexicon_generation()
    activate(UserLexicons.load(tmp_path))  # equal content: no rebuild
    assert lexicon_generation() == g


def _cli(args, stdin_text, capsys, monkeypatch):
    import io
    import sys

    from gov_report_nlp.cli import main

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin_text.encode("utf-8")), encoding="utf-8"))
    code = main(args)
    out = capsys.readouterr()
    return code, out.out, out.err


def test_cli_lexicon_flag_single_and_jobs(tmp_path, capsys, monkeypatch):
    import json

    (tmp_path / "lex").mkdir()
    lex = _dir(tmp_path / "lex", {"award_kinds.txt": "thư khen\n"})
    code, out, _ = _cli(["extract", "--lexicon", str(lex), "-"], TEXT, capsys, monkeypatch)
    assert code == 0 and json.loads(out)["awards"][0]["kind"] == "thư khen"
    lines = "\n".join(json.dumps({"id": str(i), "text": TEXT}, ensure_ascii=False) for i in range(4))
    code, out, _ = _cli(["extract", "--lexicon", str(lex), "--jobs", "2", "--format", "jsonl",
                         "--input-format", "jsonl", "-"], lines, capsys, monkeypatch)
    assert code == 0
    assert [json.loads(l)["awards"][0]["kind"] for l in out.splitlines()] == ["thư khen"] * 4


def test_cli_bad_lexicon_stops_before_reading(tmp_path, capsys, monkeypatch):
    _dir(tmp_path, {"org_kinds.txt": "Ban A state\n"})
    code, out, err = _cli(["extract", "--lexicon", str(tmp_path), "-"], TEXT, capsys, monkeypatch)
    assert code == 2 and out == ""
    assert "org_kinds.txt:1: expected 'key<TAB>value'" in err and "Traceback" not in err


def test_extract_and_extract_many_take_a_lexicon(tmp_path):
    from gov_report_nlp import extract_many

    d = _dir(tmp_path, {"award_kinds.txt": "thư khen\n"})
    assert extract(TEXT, lexicon=d).awards[0].kind == "thư khen"
    assert extract(TEXT).awards[0].kind == "thư khen"  # left out: the active set
    assert extract(TEXT, lexicon=None).awards == []      # None: built-ins only
    items = [{"id": str(i), "text": TEXT} for i in range(5)]
    for jobs in (1, 2):
        got = [r.awards[0].kind if r.awards else None for r in extract_many(items, jobs=jobs, lexicon=d)]
        assert got == ["thư khen"] * 5, jobs
        activate(None)
    # the workers get the parent's set whatever the start method: spawn imports afresh
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    from gov_report_nlp import batch

    activate(d)
    with ProcessPoolExecutor(1, mp_context=mp.get_context("spawn"), initializer=batch._init_worker,
                             initargs=((UserLexicons.load(d),),)) as pool:
        rep = pool.submit(batch._run_chunk, [("x", TEXT, None)], "auto").result()[0]
    assert rep.awards[0].kind == "thư khen"


def test_extract_many_with_a_bad_lexicon_fails_before_any_item(tmp_path):
    from gov_report_nlp import extract_many

    d = _dir(tmp_path, {"titles.txt": "A\tB\n"})
    consumed = []

    def items():
        consumed.append(1)
        yield TEXT

    with pytest.raises(LexiconError, match="titles.txt:1"):
        list(extract_many(items(), lexicon=d))
    assert consumed == []


def test_builtin_maps_hold_only_allowed_values():
    from gov_report_nlp.lexicon import MAP_VALUES, load_map

    for name, allowed in MAP_VALUES.items():
        assert set(load_map(name).values()) <= allowed, name
    assert set(load_map("org_kinds").values()) == MAP_VALUES["org_kinds"]  # all six in use


def test_matches_at_lexicon_starts_equal_the_scan():
    """The Aho-Corasick starts of lexicon words + the pattern's match there find what the
    pattern's own scan finds (origin: genre; benchmarks/check_refs.py fuzzes it at length)."""
    import pytest
    import regex

    from gov_report_nlp.extractors.organizations import _body_matches, _pattern
    from gov_report_nlp.extractors.refs import _bare_matches, _bare_pattern
    from gov_report_nlp.budget import matches_at
    from gov_report_nlp.lexicon import starts_finder

    if starts_finder(["a"]) is None:
        pytest.skip("pyahocorasick is not installed")
    pat = regex.compile(r"(?<!\w)(?:hội nghị|hội|nghị quyết)(?!\w)", regex.IGNORECASE)
    starts = starts_finder(["hội nghị", "hội", "nghị quyết"])
    for text in ["", "Hội nghị và nghị quyết", "HỘI NGHỊ QUYẾT", "xhội hội", "nghị nghị quyết hội"]:
        assert [m.span() for m in matches_at(pat, text, starts(text.lower()))] == \
            [m.span() for m in pat.finditer(text)]
    texts = ["Theo Nghị quyết số 12 và kế hoạch 45, công\nvăn 7, BÁO CÁO số: 3, kế hoạch 2020.",
             "UBND huyện Đắk Song, Huyện ủy Vĩnh Thuận; 12/QĐ-UBND; Sở Tài chính tỉnh", ""]
    for text in texts:
        assert [m.span() for m in _bare_matches(text)] == [m.span() for m in _bare_pattern().finditer(text)]
        assert [m.span() for m in _body_matches(text)] == [m.span() for m in _pattern()[1].finditer(text)]


def test_a_user_lexicon_reaches_patterns_compiled_on_first_use(tmp_path):
    # the extractors' patterns are LazyPatterns (compiled when first used): one made from the
    # built-ins but never used is dropped with its cache on activate, and the one made after
    # holds the user's entries; switching back gives the built-in one again
    from gov_report_nlp.extractors import awards, targets
    from gov_report_nlp.lexicon import LazyPattern

    before = targets._frame_patterns()["award"]
    kinds = awards._kind_pattern()
    assert isinstance(before, LazyPattern) and isinstance(kinds, LazyPattern)
    assert before._compiled is None  # not compiled yet: nothing has searched with it
    assert before.search(" được tặng giấy khen") is not None
    assert before.search(" được ghi công rạng rỡ") is None
    assert kinds.search("trao thư khen cho") is None
    activate(_dir(tmp_path, {"target_award_cues.txt": "ghi công rạng rỡ\n", "award_kinds.txt": "thư khen\n"}))
    after = targets._frame_patterns()["award"]
    assert after is not before and after._compiled is None
    assert after.search(" được ghi công rạng rỡ") is not None
    assert after.search(" được tặng giấy khen") is not None
    assert awards._kind_pattern().search("trao thư khen cho").group("kind") == "thư khen"
    activate(None)
    assert targets._frame_patterns()["award"].search(" được ghi công rạng rỡ") is None
    assert awards._kind_pattern().search("trao thư khen cho") is None


def test_a_lazy_pattern_is_its_compiled_pattern():
    import regex

    from gov_report_nlp.lexicon import lazy_pattern

    p = lazy_pattern(regex.compile, r"(?P<n>\d+)\s*năm", regex.IGNORECASE)
    q = regex.compile(r"(?P<n>\d+)\s*năm", regex.IGNORECASE)
    text = "sau 5 NĂM và 12 năm"
    assert [m.span() for m in p.finditer(text)] == [m.span() for m in q.finditer(text)]
    assert p.search(text, 6).group("n") == "12" and p.match(text) is None
    assert (p.pattern, p.flags, p.groupindex) == (q.pattern, q.flags, q.groupindex)
    assert p.compiled() is p.compiled() and p.search.__self__ is p.compiled()


def test_patterns_made_from_the_stored_code_are_regex_compiles(monkeypatch):
    # compiled.REGEX_CODE: the regex module's code of our patterns, recorded by
    # benchmarks/regex_code.py; a pattern made from it is the one regex.compile makes
    import regex

    from gov_report_nlp import compiled
    from gov_report_nlp.extractors import awards

    table = compiled._stored_code()
    if not table:
        pytest.skip("no stored code for this regex/Python version")
    text = ("Ngày 5/3/2021, Chủ tịch UBND tỉnh tặng Bằng khen cho 3 tập thể; "
            "Huy hiệu 30, 40 năm tuổi Đảng; danh hiệu Chiến sĩ thi đua cơ sở.")
    for (source, flags), rest in list(table.items())[:40]:
        lists = rest[4]  # its named lists, if any
        stored = compiled._from_stored_code(regex.compile, (source, flags), lists)
        plain = regex.compile(source, flags, **lists)
        assert (stored.pattern, stored.flags, stored.groupindex) == (plain.pattern, plain.flags, plain.groupindex)
        assert [m.span() for m in stored.finditer(text)] == [m.span() for m in plain.finditer(text)]
    kinds = awards._kind_pattern()
    assert [m.span() for m in kinds.finditer(text)] == [m.span() for m in regex.compile(*kinds._args[1]).finditer(text)]
    # not stored (another pattern, named lists, re): compiled as before
    assert compiled._from_stored_code(regex.compile, (r"never\s+stored", 0), {}) is None
    assert compiled._from_stored_code(regex.compile, (r"\L<w>",), {"w": ["a"]}) is None
    # a stored pattern with named lists: made for the very lists recorded only (a team's
    # lexicon adds entries: compiled as before)
    (source, flags), rest = next((k, r) for k, r in table.items() if r[4])
    lists = {name: sorted(values) for name, values in rest[4].items()}
    assert compiled._from_stored_code(regex.compile, (source, flags), lists) is not None
    for other in ({}, {**lists, "extra": ["x"]},
                  {name: values + ["một mục thêm"] for name, values in lists.items()},
                  {name: values[1:] for name, values in lists.items()}):
        assert compiled._from_stored_code(regex.compile, (source, flags), other) is None
    # off by the environment
    monkeypatch.setenv("GOV_REPORT_NLP_REGEX_CODE", "0")
    compiled._stored_code.cache_clear()
    try:
        assert compiled._stored_code() == {}
    finally:
        monkeypatch.delenv("GOV_REPORT_NLP_REGEX_CODE")
        compiled._stored_code.cache_clear()


def test_the_stored_code_covers_a_cold_extract():
    # the cold start's speed rests on data/regex_code.marshal holding the patterns an extract
    # reaches: after a pattern or a built-in lexicon changes, run
    # `PYTHONPATH=src python benchmarks/regex_code.py record` (a pattern not stored is only slower)
    import subprocess
    import sys
    from pathlib import Path

    from gov_report_nlp import compiled

    if not compiled._stored_code():
        pytest.skip("no stored code for this regex/Python version")
    root = Path(__file__).resolve().parent.parent
    script = (
        "import sys, regex\n"
        "from gov_report_nlp import compiled, extract\n"
        "missing = []\n"
        "real = compiled._from_stored_code\n"
        "def noting(compile, args, kwargs):\n"
        "    p = real(compile, args, kwargs)\n"
        "    if p is None and compile is regex.compile:\n"
        "        missing.append(args[0][:80])\n"
        "    return p\n"
        "compiled._from_stored_code = noting\n"
        "extract(open(sys.argv[1], encoding='utf-8').read())\n"
        "extract('UBND tỉnh Kiên Giang tổ chức hội nghị tổng kết năm 2024.')\n"
        "print(len(missing)); print(*missing, sep='\\n')\n")
    out = subprocess.run([sys.executable, "-c", script, str(root / "examples" / "portal-article.txt")],
                         capture_output=True, text=True, check=True).stdout
    assert out.split("\n", 1)[0] == "0", f"not stored (run benchmarks/regex_code.py record):\n{out}"


def test_every_stored_pattern_finds_what_regex_compile_finds():
    """Each pattern made from the stored code (all of them, not a sample) finds the same
    spans and groups as regex.compile's on the example article and the genre sentences of
    the case tables (origin: genre; benchmarks/regex_code.py check runs it on the corpus)."""
    import regex

    from conftest import ROOT, load_cases
    from gov_report_nlp import compiled

    table = compiled._stored_code()
    if not table:
        pytest.skip("no stored code for this regex/Python version")
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))]
    for name in ("meetings", "awards", "targets", "people", "news"):
        texts += [c["text"] for c in load_cases(name) if isinstance(c.get("text"), str)]
    text = "\n".join(texts)
    lines = text.split("\n")
    for (source, flags), rest in table.items():
        stored = compiled._from_stored_code(regex.compile, (source, flags), rest[4])
        plain = regex.compile(source, flags, **rest[4])  # rest[4]: its named lists, if any
        assert (stored.pattern, stored.flags, stored.groupindex) == (plain.pattern, plain.flags, plain.groupindex)
        assert [(m.span(), m.groups()) for m in stored.finditer(text)] == \
            [(m.span(), m.groups()) for m in plain.finditer(text)], source[:80]
        for line in lines:
            a, b = stored.match(line), plain.match(line)
            assert (a and (a.span(), a.groups())) == (b and (b.span(), b.groups())), source[:80]


def test_a_user_surname_is_read_after_the_built_ins_were_used_in_the_same_process(tmp_path):
    # origin: genre. The per-word memos of the names layer (is this word a surname, may it open
    # a mention...) hold answers made under the lexicons active then; switching lexicons must
    # drop them, or a word met before keeps its old answer in this process
    text = "Phó Chủ tịch UBND huyện Zyx Văn Bình phát biểu tại hội nghị."
    activate(None)
    assert "Zyx Văn Bình" not in [p.name for p in extract(text).people]  # "Zyx" met: no surname
    activate(_dir(tmp_path, {"surnames.txt": "Zyx\n"}))
    try:
        assert "Zyx Văn Bình" in [p.name for p in extract(text).people]
    finally:
        activate(None)
    assert "Zyx Văn Bình" not in [p.name for p in extract(text).people]

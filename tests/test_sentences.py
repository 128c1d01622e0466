"""The sentence splitter: our own abbreviations (data/vi/sentence_abbreviations.txt), no
underthesea internals, the same sentences as underthesea 9.x's sent_tokenize."""
from __future__ import annotations

import random
import string
import subprocess
import sys

import pytest
from conftest import ROOT

from gov_report_nlp.lexicon import DATA_DIR
from gov_report_nlp.doc.segment import _punkt_sentences, sentence_abbreviations


def test_abbreviation_file_states_origin_and_licence():
    head = (DATA_DIR / "sentence_abbreviations.txt").read_text(encoding="utf-8").split("\n\n")[0]
    assert "underthesea 9.5.0" in head and "Apache License 2.0" in head
    assert (DATA_DIR / "underthesea-LICENSE").read_text(encoding="utf-8").lstrip().startswith("Apache License")


def test_abbreviations_are_lower_case_words():
    abbrev = sentence_abbreviations()
    assert {"tp", "ts", "ths", "a", "z"} <= abbrev
    assert all(e == e.lower() and all(c.isalnum() or c == "." for c in e) for e in abbrev)


def test_no_module_reads_underthesea_internals():
    for p in (ROOT / "src" / "gov_report_nlp").rglob("*.py"):
        src = p.read_text(encoding="utf-8")
        assert "_load_model" not in src and "abbrev_types" not in src, p


def test_cli_and_segmenting_do_not_import_underthesea():
    code = ("import sys, gov_report_nlp.cli; from gov_report_nlp import make_document; "
            "from gov_report_nlp.doc.segment import segment; "
            "segment(make_document('Ông Lê Văn A, Chủ tịch UBND TP. Huế dự. Hội nghị kết thúc.')); "
            "print(sorted(m for m in sys.modules if m.startswith('underthesea')))")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                       env={"PYTHONPATH": str(ROOT / "src"), "PATH": ""})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "[]"


@pytest.mark.parametrize("text,expected", [
    ("Ông Nguyễn Văn A, TP. Huế, dự. Bà B phát biểu.", ["Ông Nguyễn Văn A, TP. Huế, dự.", "Bà B phát biểu."]),
    ("Tổng vốn 1.500.000 đồng. Xong!", ["Tổng vốn 1.500.000 đồng.", "Xong!"]),
    ("ThS. Lê Thị C trình bày... Sau đó hội nghị thảo luận", ["ThS. Lê Thị C trình bày...", "Sau đó hội nghị thảo luận"]),
    ("", []),
])
def test_sentences(text, expected):
    assert _punkt_sentences(text, sentence_abbreviations()) == expected


def test_same_sentences_as_underthesea():
    """Where underthesea 9.x is installed, its sent_tokenize and ours agree (the full check over
    the dev corpus and 200,000 random strings is benchmarks/check_sentences.py)."""
    try:
        from underthesea import sent_tokenize
    except Exception:  # pragma: no cover - underthesea is a dependency
        pytest.skip("underthesea is not installed")
    pieces = [".", "..", "...", "?", "!", " ", "\n", "1", "23", "a", "B", "TP", "tp", "Ts", "Đ", "ông",
              "e.g", "U.S", "…", "x.", "5.000", "ThS", *string.ascii_letters[:6]]
    rnd = random.Random(13)
    abbrev = sentence_abbreviations()
    for _ in range(3000):
        t = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        assert _punkt_sentences(t, abbrev) == sent_tokenize(t), t

"""segment.py holds logic, not language: the words of its patterns live in lexicons
(data/vi/*.txt), and a team's own lexicon files extend them."""
from __future__ import annotations

import ast

import regex
from conftest import ROOT

from gov_report_nlp import make_document
from gov_report_nlp.lexicon import activate

SEGMENT = ROOT / "src" / "gov_report_nlp" / "doc" / "segment.py"
# what is left in a pattern once its escapes and group names are gone: marks, and words of
# three letters at most ("TM", "PV", "và", "AM"); a URL scheme or roman numerals are no Vietnamese word
_ESCAPES = regex.compile(r"\\[pP]\{\w+\}|\\[a-zA-Z]|\(\?P<\w+>|#[^\n]*")
_LONG_WORD = regex.compile(r"\p{L}{4,}")
_NOT_WORDS = {"https", "ivxlc", "dateline"}  # a URL scheme, the class of roman numerals, a segment kind


def _pattern_strings(tree: ast.Module) -> list[str]:
    """The string pieces of every regex call's pattern, every module-level constant and every
    startswith/endswith argument (docstrings and lexicon names are no pattern)."""
    out: list[str] = []

    def strings(node: ast.AST) -> None:
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            out.append(node.value)
        elif isinstance(node, ast.JoinedStr):  # an f-string's text, not the code it calls
            out.extend(v.value for v in node.values if isinstance(v, ast.Constant))
        elif isinstance(node, (ast.BinOp, ast.Tuple, ast.List)):
            for sub in ast.iter_child_nodes(node):
                strings(sub)
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) \
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "regex" and node.args:
            strings(node.args[0])

    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value
            if isinstance(owner, ast.Name) and owner.id == "regex" and node.args:
                strings(node.args[0])
            elif node.func.attr in ("startswith", "endswith"):
                for a in node.args:
                    strings(a)
    for node in tree.body:
        if isinstance(node, ast.Assign) and not isinstance(node.value, ast.Call):
            strings(node.value)
    return out


def test_segment_holds_no_vietnamese_word_in_a_pattern():
    tree = ast.parse(SEGMENT.read_text(encoding="utf-8"))
    found = sorted({w for s in _pattern_strings(tree) for w in _LONG_WORD.findall(_ESCAPES.sub(" ", s))
                    if w.lower() not in _NOT_WORDS})
    assert found == [], f"words in segment.py's patterns belong in a lexicon: {found}"


def test_the_check_sees_a_word_in_a_pattern():
    tree = ast.parse('X = regex.compile(r"^(?:Căn\\s+cứ|Kính\\s+gửi)")\n')
    assert [w for s in _pattern_strings(tree) for w in _LONG_WORD.findall(_ESCAPES.sub(" ", s))] == ["Kính"]


FORMAL = """ỦY BAN NHÂN DÂN
HUYỆN ĐẮK SONG
Số: 12/BC-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Đắk Song, ngày 5 tháng 3 năm 2024
BÁO CÁO
Kết quả thực hiện nhiệm vụ quý I

Thực hiện chỉ đạo của tỉnh, huyện báo cáo như sau.
1. Kết quả đạt được.
TRƯỞNG ĐOÀN KIỂM TRA
Nguyễn Văn An
"""


def _kinds(text: str) -> list[str]:
    return [s.kind for s in make_document(text).segments if s.kind not in ("sentence", "body", "signature")]


def test_formal_lines_from_the_lexicons():
    assert _kinds(FORMAL) == ["authority", "authority", "number", "motto", "motto", "dateline", "doc_type",
                              "summary", "paragraph", "section", "signer_title", "signer_name"]


def test_a_teams_signer_title_extends_the_lexicon(tmp_path):
    text = FORMAL.replace("TRƯỞNG ĐOÀN KIỂM TRA", "ĐỘI TRƯỞNG ĐỘI KIỂM TRA")
    assert "signer_title" not in _kinds(text)
    (tmp_path / "signer_titles.txt").write_text("ĐỘI TRƯỞNG\n", encoding="utf-8")
    try:
        activate(tmp_path)
        assert _kinds(text)[-2:] == ["signer_title", "signer_name"]
    finally:
        activate(None)

import pytest

from conftest import case_params, check_records
from gov_report_nlp.extractors.places import find_places
from gov_report_nlp.doc.make import make_document


@pytest.mark.parametrize("case", case_params("places"))
def test_places(case):
    doc = make_document(case["text"])
    check_records(doc, list(find_places(doc)), case["expected"])


def test_province_table_and_constants_are_underthesea_s():
    """Our copy of underthesea's province table and of the constants its converter uses
    (places.py reproduces convert_address without importing underthesea)."""
    from underthesea.address.normalizer import ABBREVIATIONS
    from underthesea.address.parser import WARD_PREFIXES
    from underthesea.pipeline.text_normalize.text_normalizer import character_map

    from gov_report_nlp.extractors import places

    assert places.province_table() == places.province_table_from_underthesea()
    assert places.ABBREVIATIONS == tuple(sorted(ABBREVIATIONS.items(), key=lambda x: -len(x[0])))
    assert places.CHARACTER_MAP == tuple(character_map.items())
    assert places.WARD_PREFIXES == WARD_PREFIXES


@pytest.mark.parametrize("address", [
    "tỉnh Kiên Giang", "huyện Tân Phước, tỉnh Tiền Giang", "TP. Hồ Chí Minh", "tỉnh Foo", "xã Ð, h. Hoà Vang, tp Đà Nẵng",
    "phường 1, Đắk Lắk", "thị trấn X, Hà Nội", "huyện Hà Nội, Foo", ", ,", "", "tỉnh Thừa Thiên Huế",
])
def test_convert_is_underthesea_s(address):
    from gov_report_nlp.extractors import places

    assert places._convert(address) == places.convert_plain(address)


def test_finding_places_imports_no_underthesea():
    import subprocess
    import sys

    code = ("import sys; from gov_report_nlp import extract; "
            "r = extract('Huyện Tân Phước, tỉnh Tiền Giang đã họp.'); "
            "assert r.places[0].province_2025 == 'Đồng Tháp', r.places; "
            "assert 'underthesea' not in sys.modules, sorted(m for m in sys.modules if 'underthesea' in m)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr

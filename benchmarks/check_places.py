"""places._convert (underthesea's convert_address reproduced on our province table) against
underthesea.address.convert_address itself: the same two provinces for every address.

    .venv/bin/python benchmarks/check_places.py [--fuzz 100000]

Addresses: every place the dev corpus names, as find_places asks for it (level and name, with and
without the document's province); every old and new province, district and ward name of
underthesea's mapping.json with each level word and with ", tỉnh <province>"; and random strings
of address pieces (levels, names, abbreviations such as "tp." and "h.", commas, ð/Đ, upper case,
decomposed accents). Then resolve() through both on the corpus's places. Exit status 1 on the
first difference; also when our data/address_provinces.txt or the constants differ from the
installed underthesea's.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import equivalence_cases, load_texts, report_equivalence  # noqa: E402

LEVELS = ["tỉnh", "thành phố", "huyện", "quận", "thị xã", "thị trấn", "xã", "phường", "Tỉnh", "TP.", "tp", "TX.", "H.", ""]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=100_000)
    args = ap.parse_args(argv)
    from underthesea.address import converter
    from underthesea.address.normalizer import ABBREVIATIONS
    from underthesea.address.parser import WARD_PREFIXES
    from underthesea.pipeline.text_normalize.text_normalizer import character_map

    from gov_report_nlp.doc.make import make_document
    from gov_report_nlp.extractors import places
    from gov_report_nlp.lang.names import doc_admin_units

    if places.province_table() != places.province_table_from_underthesea():
        print("data/address_provinces.txt differs from underthesea's mapping.json")
        return 1
    if (places.ABBREVIATIONS != tuple(sorted(ABBREVIATIONS.items(), key=lambda x: -len(x[0])))
            or places.CHARACTER_MAP != tuple(character_map.items()) or places.WARD_PREFIXES != WARD_PREFIXES):
        print("places' constants differ from underthesea's")
        return 1

    data = json.loads(Path(converter._DATA_PATH).read_text(encoding="utf-8"))
    names = set()
    for info in list(data["old_province_names"].values()) + list(data["province_names"].values()):
        names.update((info["name"], info["short"]))
    provinces = sorted(names)
    wards = sorted({r[k] for r in data["ward_mapping"] for k in ("old_ward", "old_district", "new_ward") if r.get(k)})

    corpus = []  # (level, name, the document's province) as find_places resolves them
    for text in load_texts():
        doc = make_document(text)
        province = None
        units = doc_admin_units(doc)
        for u in units:
            if u.level == "tỉnh":
                p, _ = places.resolve(u.level, u.name, None)
                if p:
                    province = p
                    break
        corpus += [(u.level, u.name, province) for u in units] + [(u.level, u.name, None) for u in units]

    addresses = []
    for level, name, province in corpus:
        addresses += [f"{level} {name}"] + ([f"{level} {name}, tỉnh {province}"] if province else [])
    rng = random.Random(18)
    for n in provinces + wards[:: max(1, len(wards) // 3000)]:
        for level in LEVELS:
            addresses.append(f"{level} {n}".strip())
        addresses.append(f"{rng.choice(LEVELS)} {n}, tỉnh {rng.choice(provinces)}")
        addresses.append(f"{rng.choice(LEVELS)} {n}, {rng.choice(LEVELS)} {rng.choice(wards)}, {rng.choice(provinces)}")
    pieces = (["tỉnh ", "thành phố ", "huyện ", "xã ", "phường ", "thị trấn ", "tp.", "tp ", "t.p.", "h.", "x.", "q.",
               "p.", "tx.", ",", ", ", " ", "  ", "ð", "Ð", "Đ", "đ", "HÀ NỘI", "Hoà", "Hòa", "Thừa Thiên Huế",
               unicodedata.normalize("NFD", "Đắk Lắk"), "Bà Rịa - Vũng Tàu", "1", "-", "."]
              + rng.sample(provinces, 20) + rng.sample(wards, 20))
    addresses += equivalence_cases(pieces, args.fuzz, seed=18, most=6, lines=False)[len(load_texts()):]
    status = report_equivalence(addresses, places.convert_plain, places._convert.__wrapped__,
                                ("convert_address", "places._convert"))
    if status:
        return status
    plain = lambda c: places.resolve(*c, convert=places.convert_plain)  # noqa: E731
    return report_equivalence(corpus, plain, lambda c: places.resolve(*c), ("resolve(underthesea)", "resolve"))


if __name__ == "__main__":
    sys.exit(main())

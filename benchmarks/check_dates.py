r"""dates' scans from the starts (_DATE_STARTS, or _date_starts: _LOWER_STARTS read by the re
module in the lowercase copy; dates._scan, the short scans for a span shorter than
_SHORT_SPAN) against a plain DATE_PATTERNS scan: the same matches for every text and span
(whole texts, their last two thirds, spans of 30, 40 and _SHORT_SPAN - 1 characters, and
random spans of 1 to 250 characters as the callers ask: sentences, a reference's 60-character
tail, a dateline); _date_starts' reading of a lower-safe text is safe (its words and marks
match case-insensitively where the lowercase copy holds them, \d is [0-9], the regex
module's \s is one of the re module's); and find_dates_from (the dates whose match begins by
a given offset) against find_dates: the same dates that begin by it; and iter_dates (the
dates read lazily, one by one) against find_dates: the same dates, in the same order.

    .venv/bin/python benchmarks/check_dates.py [--fuzz 200000]

Texts: the dev corpus and examples/*.txt, each whole and line by line, and random strings
of date words, digits and separators (overlapping words: "sángày", "thángày"). Exit status
1 on the first difference.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import equivalence_cases, report_equivalence, unsafe_character  # noqa: E402


# date-shaped strings: DATE_PATTERNS' pieces in their order, each maybe left out, changed or
# doubled, with near misses and noise between ("sáng thứ Hai, (12.3", "ngày 7 – 8/8",
# ", 5 tháng 6 năm 2020 ÂL", "2.000.000", "từ ngày 7 đến 9/8"), several to a string
_NUMBERS = ["1", "7", "8", "12", "29", "31", "0", "00", "2020", "1999", "123", "2024", "5", "10", "07"]
_POD = ["sáng", "Chiều", "TỐI", "trưa", "đêm", "sá", "ſáng"]
_LINK = [" nay", " hôm qua", " hôm  nay", ", thứ Hai", " ngày", " mùng", " mồng", " thứ 5", " chủ nhật", " qua", ",", ""]
_CUE = ["ngày ", "Ngày  ", "NGÀY ", "(", "vào ", "hôm ", "hôm nay ", "mùng ", "từ ", "từ ngày ", ", ", ",  ", "\n", "",
        "x ", "ngày (", "sáng (", " ", "ngày\u00a0", "ngàyy ", "1", ".", "/"]
_MORE = [",", ", ", " và ", "và", "-", " - ", " – ", "–", " đến ", " tới ", " đến ngày ", " và mùng ", " Và ", "x", "/"]
_SEP = ["/", ".", "-", " / ", " - ", " .", "/ ", "–", " tháng ", " tháng  ", "tháng", ", ", " "]
_YEAR = [" năm ", " Năm ", " năm", "/", ".", "-", " / ", "", " "]
_AFTER = ["", "", ".", " x", "5", "/2020", "-", " năm 2020", " âm lịch", " (ÂL)", " ÂL", " (âm  lịch)", "AL", ")", "/1",
          ".5", ":", "\n", " 10"]


def date_shaped(n: int, seed: int) -> list[str]:
    import random

    rng = random.Random(seed)
    c = rng.choice

    def one():
        out = ""
        if rng.random() < 0.3:
            out += c(_POD) + c(_LINK) + (c(_LINK) if rng.random() < 0.2 else "") + c(["", ",", " (", "(", " ", "  "])
        out += c(_CUE) + c(_NUMBERS)
        for _ in range(rng.choice([0, 0, 1, 1, 2, 3, 4])):
            out += c(_MORE) + c(_NUMBERS)
        out += c(_SEP) + c(_NUMBERS)
        if rng.random() < 0.6:
            out += c(_YEAR) + c(_NUMBERS)
        return out + c(_AFTER)

    out = []
    for _ in range(n):
        text = "".join(one() + c(["", " ", ", ", " x ", "\n", ". "]) for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.2:
            text = text[:rng.randint(0, len(text))]
        out.append(text)
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=200_000)
    args = ap.parse_args(argv)
    from gov_report_nlp.budget import matches_from
    import regex

    import random
    import re

    from gov_report_nlp.lang.dates import (_DATE_STARTS, _LOWER_WORDS, _SHORT_SPAN, DATE_PATTERNS, _scan, find_dates,
                                           find_dates_from)
    from gov_report_nlp.lexicon import NOT_LOWER_SAFE

    # _date_starts reads a lower-safe text's lowercase copy with the re module: the words' letters
    # and _LOWER_STARTS' marks are safe, \d is [0-9], the regex module's \s is the re module's
    bad = unsafe_character(sorted({c for w in _LOWER_WORDS for c in w} | set(",-–/.(")), NOT_LOWER_SAFE)
    digit, space, re_space = regex.compile(r"\d"), regex.compile(r"\s"), re.compile(r"\s")
    for cp in range(0x110000):
        c = chr(cp)
        if bad or 0xD800 <= cp < 0xE000 or NOT_LOWER_SAFE.match(c):
            continue
        if bool(digit.match(c)) != (c.lower() in "0123456789") or (space.match(c) and not re_space.match(c.lower())):
            bad = f"U+{cp:04X}"
    if bad:
        print(f"{bad} is let through but is not safe")
        return 1
    print("safe characters checked")

    pieces = ["sáng", "Sáng", "SÁNG", "trưa", "chiều", "tối", "đêm", "ngày", "Ngày", "tháng", "THÁNG", "năm", "nay",
              "hôm", "qua", "vào", "sá", "ng", "th", " ", " ", "(", ")", "/", ".", "-", "1", "12", "2020", "5",
              "31", "29", "\n", "a", "ày", ",", ", ", ",  ", "từ ", "mùng", "mồng", "hôm nay", "\t", "x1", "123", "và",
              "đến", "âm lịch", "ÂL", "12 tháng 3 năm 2024", "7 và 8/8", "1.250", "ſáng", "İ", "\u00a0", "Ngày",
              "tới", "TỚI", "Và", "ĐẾN", "–", "NĂM", "năm ", "tháng 6/2020", "Tháng 12 năm", "7-8", "2.000.000",
              "142/2024/QH15", "6 tháng", "\u2028", "\u3000", "ngày (", "sáng (", ", 5"]

    def windows(text):  # the whole text, its last two thirds, short spans of it, random spans
        out = [(0, len(text)), (len(text) // 3, len(text))]
        out += [(s, min(len(text), s + n)) for s in range(0, len(text), 97) for n in (40, _SHORT_SPAN - 1)][:400]
        out.append((len(text) // 3, min(len(text), len(text) // 3 + 30)))
        rng = random.Random(len(text))
        for _ in range(min(60, len(text) // 20 + 3)):
            s = rng.randrange(len(text) + 1)
            out.append((s, min(len(text), s + rng.randint(1, 250))))
        return out

    def plain(text):
        ws = windows(text)
        return [[(m.span(), m.groupdict()) for m in DATE_PATTERNS.finditer(text, s, e)] for s, e in ws[:2] + ws]

    def fast(text):
        return [[(m.span(), m.groupdict()) for m in matches_from(DATE_PATTERNS, _DATE_STARTS, text, s, e)]
                for s, e in windows(text)[:2]] + \
            [[(m.span(), m.groupdict()) for m in _scan(text, s, e)] for s, e in windows(text)[:2] + windows(text)[2:]]

    if report_equivalence(equivalence_cases(pieces, args.fuzz, seed=3) + date_shaped(args.fuzz, seed=5), plain, fast,
                          ("finditer", "starts")):
        return 1

    # find_dates_from: the dates that begin by `last` are those of find_dates
    def spans(text):
        return [(s, min(len(text), s + n), s + k)
                for s in range(0, len(text), 53)[:60] for n in (60, 400) for k in (0, 3, 9)]

    def upto(found):
        return lambda text: [[d for d in found(text, s, e, last) if d.start <= last] for s, e, last in spans(text)]

    if report_equivalence(equivalence_cases(pieces, args.fuzz // 4, seed=13) + date_shaped(args.fuzz // 4, seed=15),
                          upto(lambda t, s, e, last: find_dates(t, s, e)), upto(find_dates_from),
                          ("find_dates", "find_dates_from")):
        return 1

    # iter_dates (the lazy scan, read to its end; a reader that stops reads a prefix of it)
    # against find_dates, with and without a default year; find_dates' memo emptied first, so
    # that the scan is iter_dates' own
    from gov_report_nlp.lang import dates

    def every(found):
        def run(text):
            out = []
            for s, e in windows(text):
                for year in (None, 2024):
                    dates._LAST = (None, {})
                    out.append(list(found(text, s, e, year)))
            return out
        return run

    return report_equivalence(equivalence_cases(pieces, args.fuzz // 4, seed=23) + date_shaped(args.fuzz // 4, seed=25),
                              every(find_dates), every(dates.iter_dates), ("find_dates", "iter_dates"))

if __name__ == "__main__":
    sys.exit(main())

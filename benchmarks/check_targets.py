"""targets (and periods) fast paths against their plain forms, on the same texts:

- every pattern of targets.py built from a lexicon, as compiled (targets._FAST: alternations
  as tries, the number pattern's early failures) and plain (targets._FAST = False): the same
  matches (span and every group's span), forwards, backwards and from every start;
- the spans skipped before the scans (no digit, no count word) hold no number;
- _squeeze is the whitespace sub; _starts_with_phrase is the any() it replaces; the "^"
  pattern matched is the one searched;
- _tail (a REVERSE pattern ending in "$" matched at the window's end) finds what search finds;
- _may_hold refuses no window its cue pattern matches;
- the cheap tests before the _tail cue patterns (_needles, _ends: a word of a phrase in the
  lowered window, or the stripped window's last word, or its first) refuse no window the
  pattern matches;
- find_periods with periods.SHORTCUT finds what the scan finds, and PERIOD_RE tried only at
  its words and the counts before "tháng" and "năm" (periods._scan_at_keys) what its
  finditer finds;
- _date_cuts are _DATE_CUT's, and _in_date (the dates of the part of a span between two
  cuts) answers as the span's own dates do; _MAY_HOLD_DATE refuses no window with a date;
- _nearest_cue (the cue pattern tried where Aho-Corasick finds a cue) is the finditer's;
- the 20 characters before a number (the "lần" test) are the 60-character left window's last 20;
- numbers._separated is _parse_digits on every short string of digits and separators;
- _number_pattern (the number pattern less the compound amount or the range where they
  cannot match) finds the whole pattern's matches, with the same group spans;
  _scan_spans is the spans of body_spans, titles and sections; _may_contain (one search of the
  phrases' alternation) refuses every window the test of each needle refuses (and the cheap
  tests above, that no window it refuses is matched); _may_hold (the phrases' alternation)
  refuses every window without a first word (the Aho-Corasick pass); _is_year is _YEAR_VALUE.fullmatch;
- safe=True (a window of a lower-safe text) changes no answer of _stripped_low, _may_begin,
  _may_hold; _one_incident answers as before; in a lower-safe text the date test
  (lowercase find and a standard-library search) is _MAY_HOLD_DATE's;
- _span_firsts (each span's first digit and count word, from searches to the text's end run
  once for the spans that begin before what they found) is the search of each span;
- the set look-ups of a word's first run of letters before the boundary tries of
  _counted_noun and the not-noun try of _noun_at (a lower-safe text) change no answer, and
  _counted_noun is what it was (counted_noun_before);
- a sentence's start and end looked up in the text's _sentence_cuts (_start_at, _end_at) are
  _sentence_start's and _sentence_end's, and their patterns';
- the number pattern's guard before the unit ("%" or a letter) refuses no first character of
  a unit phrase (and the pattern with it is compared with the plain one above); _in_date,
  which skips a span that may hold no date, answers as the span's dates do (lower-safe too).

    .venv/bin/python benchmarks/check_targets.py [--fuzz 5000]

Texts: the dev corpus and examples/*.txt (and their lines), and random strings of the
lexicons' phrases in every case, digits, number separators, units, date words, spaces and
odd characters. Exit status 1 on the first difference.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import regex


sys.path.insert(0, str(Path(__file__).parent))
from bench import equivalence_cases  # noqa: E402

# the lexicons whose phrases the patterns are built from
LISTS = ("units", "count_nouns", "target_list_nouns", "unit_multipliers", "unit_per", "target_relations",
         "target_indicator_trailing", "target_indicator_scopes", "target_qualifier_stops",
         "target_indicator_verbs", "target_noun_boundaries", "target_not_nouns", "target_outcome_after",
         "target_activity_verbs", "target_award_cues", "target_adoption_cues", "target_makeup_cues",
         "target_plan_cues", "target_policy_cues", "target_distance_cues", "target_size_cues",
         "target_vote_cues", "target_incident_cues", "target_negative_cues", "target_negative_after",
         "target_negative_adjacent", "unit_not_followed")


def patterns(targets) -> dict:
    """Every pattern of the module built from a lexicon, by name, compiled afresh."""
    out = {
        "number": targets._pattern.__wrapped__(),
        "relation": targets._relation_pattern.__wrapped__(),
        "trailing": targets._trailing_pattern.__wrapped__(),
        "scope": targets._scope_pattern.__wrapped__(),
        "qualifier_stop": targets._qualifier_stop.__wrapped__(),
        "indicator_verbs": targets._indicator_verbs.__wrapped__(),
        "coordinated": targets._coordinated.__wrapped__(),
        "word_number": targets._word_number_pattern.__wrapped__(),
        "activity_before": targets._activity_before.__wrapped__(),
        "cue": targets._cue_pattern.__wrapped__(),
    }
    out.update({f"noun[{i}]": p for i, p in enumerate(targets._noun_patterns.__wrapped__())})
    out.update({f"negative[{i}]": p for i, p in enumerate(targets._negative_patterns.__wrapped__())})
    out.update({f"frame.{k}": p for k, p in targets._frame_patterns.__wrapped__().items()})
    return out


def scan(pat, text: str) -> list:
    """Every match's span and group spans, and for a short text the match and search from
    every start (a REVERSE pattern: up to every end)."""
    out = [m.regs for m in pat.finditer(text)]
    if len(text) <= 120:
        back = bool(pat.flags & regex.REVERSE)
        for k in range(len(text) + 1):
            args = (text, 0, k) if back else (text, k)
            m, s = pat.match(*args), pat.search(*args)
            out.append((m and m.regs, s and s.regs))
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=5_000)
    ap.add_argument("--round7", action="store_true", help="only the thirteenth run's checks")
    args = ap.parse_args(argv)
    from gov_report_nlp.extractors import targets
    from gov_report_nlp.doc.make import make_document
    from gov_report_nlp.lang.dates import find_dates
    from gov_report_nlp.lexicon import load_list, load_phrases

    assert targets._FAST
    fast = patterns(targets)
    targets._FAST = False
    try:
        plain = patterns(targets)
    finally:
        targets._FAST = True
    # _squeeze skips the sub on a printable string with no double space
    odd = [f"U+{cp:04X}" for cp in range(0x110000) if not 0xD800 <= cp < 0xE000 and chr(cp) != " "
           and chr(cp).isprintable() and targets._SPACES.match(chr(cp))]
    if odd:
        print(f"printable whitespace: {odd}")
        return 1
    differ = [k for k in fast if fast[k].pattern != plain[k].pattern]
    print(f"{len(differ)} of {len(fast)} patterns differ in form: {', '.join(differ)}")
    words = sorted({w for name in LISTS for w in load_list(name)})
    pieces = words + [w.upper() for w in words] + [w.title() for w in words] + \
        [w.replace(" ", "  ") for w in words[::5]] + [w.replace(" ", "\n") for w in words[::7]] + \
        [" ", " ", " ", "  ", "\n", ",", ", ", ".", ";", ":", "(", ")", "/", "-", "–", "%", "“", "”", '"',
         "0", "1", "2", "12", "2020", "1.234", "7,63", "1.234,5", "77, 3", "4-5", "14/15", " tỷ ", " triệu ",
         "đồng", "ha", "héc ta", "a", "Đ", "x", "İ", "ſ", "K", "ß", "thứ", "năm", "số", "ba", "hai",
         "ngày", "tháng", "Tháng", "THÁNG", "quý I", "Quý", "năm 2020", "NĂM", "giai đoạn 2021-2025", "6 tháng đầu năm", "mùng", "sáng", "chiều", "từ", "đến", "và", "âm lịch", "28/7/2020", "14.5.2011",
         "20-6", "7 và 8/8", "12.5", "(23/11)", "6/2020", "1.2", ". 3", "5 .3", " / ",
         "đề nghị tặng", "tặng", "; ", ": ", "!", "?", ")", ". A", ". 5", ".5", " âm lịch", "(", "ngày 5", "kết nạp", "thông qua", "gồm", "ban hành", "3 kế hoạch; ", "và "]
    cases = equivalence_cases(pieces, args.fuzz, seed=18, most=12)
    names = list(fast)
    for k, text in enumerate(cases):
        for name in names:
            want, got = scan(plain[name], text), scan(fast[name], text)
            if want != got:
                print(f"{name} differs on case {k}: {text!r}\n  plain: {want!r}\n  fast:  {got!r}")
                return 1
    print(f"{len(cases)} texts x {len(names)} patterns: identical")
    # the spans skipped: one with no digit has no number in digits, one where _has_count_word
    # sees no first word of a number in words has no number in words
    rng = random.Random(18)
    if args.round7:
        return round7_checks(targets, cases, rng)
    pat, in_words = fast["number"], fast["word_number"]
    for k, text in enumerate(cases):
        for w in range(5):
            s, e = sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))) if w else (0, len(text))
            if not targets._DIGIT.search(text, s, e) and pat.search(text, s, e):
                print(f"a number in a window with no digit, case {k} [{s}:{e}]: {text[s:e]!r}")
                return 1
            if not targets._MAY_HOLD_DATE.search(text, s, e) and find_dates(text, s, e):
                print(f"a date in a window _MAY_HOLD_DATE refuses, case {k} [{s}:{e}]: {text[s:e]!r}")
                return 1
            if targets._squeeze(text[s:e]) != targets._SPACES.sub(" ", text[s:e]):
                print(f"_squeeze differs, case {k} [{s}:{e}]: {text[s:e]!r}")
                return 1
            if not targets._has_count_word(text, s, e) and in_words.search(text, s, e):
                print(f"no count word but a number in words, case {k} [{s}:{e}]: {text[s:e]!r}")
                return 1
    print(f"{len(cases)} texts: no number in a span skipped, no date where none is looked for")
    # _tail: a REVERSE pattern that ends in "$" matched at the window's end finds what search finds
    tails = {k: fast[k] for k in ("relation", "trailing", "indicator_verbs", "activity_before", "negative[0]",
                                  "negative[2]", "frame.policy", "frame.distance", "frame.size",
                                  "frame.makeup_adjacent", "frame.not_noun_before")}
    tails.update({k: getattr(targets, k) for k in ("_MULTIPLE_BEFORE", "_YEAR_BEFORE", "_ORDINAL_BEFORE", "_RANK_BEFORE",
                                                   "_ALL_BEFORE", "_LIST_NUMBER_BEFORE", "_COMPARISON_BEFORE")})
    for k, pat in tails.items():
        if not pat.flags & regex.REVERSE or not pat.pattern.rstrip().endswith("$"):
            print(f"{k} is not a REVERSE pattern that ends in $")
            return 1
    n = 0
    endings = [f"a {w}{tail}" for w in words for tail in ("\n", " 12\n", " 3, \n", " khoảng\n")]
    for k, text in enumerate(endings + cases):
        ends = [rng.randint(0, len(text)) for _ in range(3)] + [m.start() for m in targets._DIGIT.finditer(text)][:40:4] + \
            [m.end() for m in regex.finditer(r"\n", text)][:60] + [len(text)]
        for end in ends:
            for pos in (max(0, end - 60), max(0, end - 8), end, end + 1, 0):
                for name, pat in tails.items():
                    n += 1
                    want, got = pat.search(text, pos, end), targets._tail(pat, text, pos, end)
                    if (want and want.regs) != (got and got.regs):
                        print(f"_tail({name}) differs on case {k} [{pos}:{end}]: {text[pos:end]!r}: {want} / {got}")
                        return 1
    print(f"{n} windows: _tail finds what search finds")
    # the cheap tests before the _tail cue patterns: none refuses a window its pattern matches
    cheap = (("negative[0]", lambda w: targets._may_contain(targets._stripped_low(w), "target_negative_cues")),
             ("negative[2]", lambda w: targets._may_end(targets._stripped_low(w), targets._ends(
                 "target_negative_adjacent", targets._ADJACENT_QUALIFIERS))),
             ("frame.policy", lambda w: targets._may_contain(targets._stripped_low(w), "target_policy_cues")),
             ("frame.size", lambda w: targets._may_end(targets._stripped_low(w), targets._ends(
                 "target_size_cues", targets._SIZE_QUALIFIERS))),
             ("_ORDINAL_BEFORE", lambda w: targets._may_end(targets._stripped_low(w), targets._ORDINAL_ENDS)),
             ("_ALL_BEFORE", lambda w: targets._may_end(targets._stripped_low(w), targets._ALL_ENDS)),
             ("_RANK_BEFORE", lambda w: targets._may_end(targets._stripped_low(w), targets._RANK_ENDS)),
             ("relation", lambda w: targets._may_end(targets._stripped_low(w), targets._ends(
                 "target_relations", targets._RELATION_QUALIFIERS))),
             ("trailing", lambda w: targets._may_end(targets._stripped_low(w), targets._ends("target_indicator_trailing"))),
             ("indicator_verbs", lambda w: targets._may_end(targets._stripped_low(w), targets._ends("target_indicator_verbs"))),
             ("_LIST_NUMBER_BEFORE", lambda w: w.rstrip().endswith(",")))
    # and before the patterns matched from a window's start
    begins = (("negative[3]", lambda w: targets._may_begin(w, targets._firsts("unit_not_followed"))),
              ("negative[1]", lambda w: targets._may_contain(targets._stripped_low(w), "target_negative_after")),
              ("scope", lambda w: not w.strip() or targets._may_begin(w, targets._scope_firsts())))
    if max(len(w) for name in ("unit_not_followed", "target_indicator_scopes") for w in targets._firsts(name)) >= targets._BEGIN_CHARS:
        print("a first word longer than _BEGIN_CHARS")
        return 1
    n = hits = 0
    odd_ends = ["", " ", "  ", "\t", "\n", "\x1c", "\x85", "\xa0", "\u2003", "\u200b", "\u3000", "\x0b", "ſ", "K", "İ", "(", ","]
    for k, text in enumerate(endings + cases):
        ends = [rng.randint(0, len(text)) for _ in range(4)] + [m.start() for m in targets._DIGIT.finditer(text)][:40:4] + [len(text)]
        for end in ends:
            for width in (8, 30, 60, 90):
                window = text[max(0, end - width):end] + odd_ends[(k + end + width) % len(odd_ends)]
                for name, may in cheap:
                    n += 1
                    if (tails[name].search(window)) if name in tails else fast[name].search(window):
                        hits += 1
                        if not may(window):
                            print(f"the cheap test before {name} refuses a window it matches, case {k}: {window!r}")
                            return 1
            for width in (8, 30, 60):
                window = odd_ends[(k + end + width) % len(odd_ends)] + text[end:end + width]
                for pat, may in ((fast[name], may) for name, may in begins):
                    n += 1
                    if pat.match(window):
                        hits += 1
                        if not may(window):
                            print(f"the cheap test before {pat.pattern[:40]!r} refuses a window it matches, case {k}: {window!r}")
                            return 1
    print(f"{n} windows ({hits} matched): the cheap tests before the cue patterns refuse none they match")
    # _starts_with_phrase, and the "^" pattern matched instead of searched
    neg_after = fast["negative[1]"]
    for name in ("target_indicator_bases", "target_indicator_trailing"):
        phrases = load_phrases(name)
        tries = [w + t for w in phrases for t in ("", " ", " x", "x", "  y z")] + \
            [targets._squeeze(c[:40]).strip().lower() for c in cases] + ["", " ", "a  b"]
        for low in tries:
            if targets._starts_with_phrase(low, phrases) != any(low == w or low.startswith(w + " ") for w in phrases):
                print(f"_starts_with_phrase({name}) differs on {low!r}")
                return 1
    for text in cases:
        for k in range(0, len(text), 37):
            after = text[k:k + 60]
            if (neg_after.search(after) and neg_after.search(after).regs) != (neg_after.match(after) and neg_after.match(after).regs):
                print(f"negative[1] match differs from search on {after!r}")
                return 1
    print("_starts_with_phrase and negative[1].match: the same")
    # _may_hold: no cue pattern matches a window it refuses
    held = (("target_incident_cues", True, "frame.incident"), ("target_plan_cues", False, "frame.plan"),
            ("target_vote_cues", True, "frame.vote"))
    n = 0
    for k, text in enumerate(cases):
        for w in range(6):
            s = rng.randint(0, len(text))
            window = text[s:s + rng.randint(0, 160)] if w else text[:160]
            for name, ic, key in held:
                n += 1
                if not targets._may_hold(name, window, ic) and fast[key].search(window):
                    print(f"_may_hold({name}) refused a window {key} matches, case {k}: {window!r}")
                    return 1
    print(f"{n} windows: _may_hold lets through every window its pattern matches")
    # find_periods: the texts it no longer scans have no period
    from gov_report_nlp.lang import periods
    n = 0
    for k, text in enumerate(cases):
        for w in range(4):
            s, e = sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))) if w else (0, len(text))
            got = periods.find_periods(text, s, e, default_year=2020)
            periods.SHORTCUT = False
            try:
                want = periods.find_periods(text, s, e, default_year=2020)
            finally:
                periods.SHORTCUT = True
            n += 1
            if got != want:
                print(f"find_periods differs on case {k} [{s}:{e}]: {text[s:e]!r}")
                return 1
    print(f"{n} windows: find_periods finds the periods the scan finds")
    # _date_cuts: the cuts _DATE_CUT finds
    for k, text in enumerate(cases):
        for w in range(3):
            s, e = sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))) if w else (0, len(text))
            if targets._date_cuts(text, s, e) != [m.start() for m in targets._DATE_CUT.finditer(text, s, e)]:
                print(f"_date_cuts differs on case {k} [{s}:{e}]: {text[s:e]!r}")
                return 1
    # _in_date: the dates of the part of a span between two _DATE_CUTs are the span's there
    n = 0
    for k, text in enumerate(cases):
        spans = [(0, len(text))]
        if k < 200:  # the corpus documents: their spans as the scan reads them
            text = make_document(text).text if k < 100 else text
            spans += targets._scan_spans(make_document(text)) if k < 100 else []
        spans += [tuple(sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))) for _ in range(2)]
        for s0, e0 in spans:
            cache: dict = {}
            digits = [m.start() for m in targets._DIGIT.finditer(text, s0, e0)]
            pairs = [(d, min(e0, d + rng.randint(1, 30))) for d in digits[::3]] + \
                [tuple(sorted((rng.randint(s0, e0), rng.randint(s0, e0)))) for _ in range(3)]
            for a, b in pairs:
                n += 1
                if targets._in_date(text, s0, e0, a, b, cache) != targets._in_date_plain(text, s0, e0, a, b):
                    print(f"_in_date differs on case {k} [{s0}:{e0}] at [{a}:{b}]: {text[max(s0, a - 80):b + 80]!r}")
                    return 1
    print(f"{n} spans of text: _in_date finds the dates the span's scan finds")
    # _candidates reads the 20 characters before a number for "lần" as text[max(floor, s - 20):s],
    # which is left[-20:] of the 60-character left window it used to slice first
    n = 0
    for k, text in enumerate(cases):
        for _ in range(5):
            s = rng.randint(0, len(text))
            floor = rng.randint(max(0, s - 100), s)
            n += 1
            if text[max(floor, s - 20):s] != text[max(floor, s - 60):s][-20:]:
                print(f"the 20-character left window differs on case {k} at {s} (floor {floor})")
                return 1
    print(f"{n} positions: the 20 characters before a number are the left window's last 20")
    if more_checks(targets, cases, rng, make_document):
        return 1
    # _nearest_cue: the cue pattern tried only where a cue begins (Aho-Corasick) finds the
    # matches finditer finds
    if targets._cue_starts() is None:
        print("pyahocorasick is not installed: _nearest_cue scans with finditer")
        return 0
    plain_cue = plain["cue"]

    def nearest_plain(left: str):
        low = targets._squeeze(left.lower())
        last = None
        for last in plain_cue.finditer(low):
            pass
        if last is None:
            return None
        gap = targets._LIST_ITEM.sub(" ", low[last.end():])
        return last.lastgroup if len(gap.split()) <= targets.MAX_CUE_GAP_WORDS else None

    n = 0
    for k, text in enumerate(cases):
        for w in range(6):
            s = rng.randint(0, len(text))
            left = text[s:s + rng.randint(0, 200)] if w else text[:160]
            n += 1
            if targets._nearest_cue(left) != nearest_plain(left):
                print(f"_nearest_cue differs on case {k}: {left!r}")
                return 1
    print(f"{n} windows: _nearest_cue finds the cue the scan finds")
    return 0


def more_checks(targets, cases: list[str], rng: random.Random, make_document) -> int:
    """The seventh run's fast paths against their plain forms; 1 on the first difference."""
    from itertools import product

    from gov_report_nlp.lang import numbers
    # numbers._separated: what _parse_digits reads, on every string of up to 8 characters of
    # digits and separators, and on the numbers of the texts
    n = 0
    strings = ["".join(t) for k in range(1, 9) for t in product("019.,", repeat=k)]
    strings += [m.group() for text in cases[:400] for m in regex.finditer(r"\d[\d.,]*", text)]
    strings += ["", " 1.234", "1.234 ", "١.٢٣٤", "1.234\n", "1 234", "1,23,4", "0.000", "000,5"]
    for x in strings:
        fast = numbers._separated(x)
        if fast is not None:
            n += 1
            plain = numbers._parse_digits(x)
            if plain is None or repr(fast) != repr(plain):
                print(f"numbers._separated differs on {x!r}: {fast!r}, _parse_digits {plain!r}")
                return 1
    print(f"{len(strings)} strings ({n} read without regexes): numbers._separated is _parse_digits")
    # _scan_spans: the title and section segments and Document.body_spans, in one pass
    docs = [make_document(t) for t in cases[:300] if t.strip()]
    for k, doc in enumerate(docs):
        if targets._scan_spans(doc) != targets._scan_spans_plain(doc):
            print(f"_scan_spans differs on document {k}")
            return 1
    print(f"{len(docs)} documents: _scan_spans reads the spans of body_spans, titles and sections")
    # _may_contain: one search of the needles' alternation is the any() of a test per needle
    n = 0
    for k, text in enumerate(cases):
        for _ in range(4):
            s = rng.randint(0, len(text))
            low = targets._stripped_low(text[max(0, s - rng.randint(0, 90)):s])
            for name in ("target_negative_cues", "target_negative_after", "target_policy_cues"):
                n += 1
                if targets._may_contain(low, name) and not targets._may_contain_plain(low, name):
                    print(f"_may_contain({name}) lets through a window the needles refuse, case {k}: {low!r}")
                    return 1
    print(f"{n} windows: _may_contain (a phrase of the list) refuses every window the needles refuse")
    # safe=True (a part of a lower-safe text, or one squeezed and stripped): the cheap tests
    # answer as they do when they search the window for NOT_LOWER_SAFE themselves
    from gov_report_nlp.lexicon import lowered_if_safe
    holds = (("target_incident_cues", True), ("target_vote_cues", True), ("target_plan_cues", False))
    n = n_safe = 0
    for k, text in enumerate(cases):
        if lowered_if_safe(text) is None:
            continue
        n_safe += 1
        for _ in range(4):
            s = rng.randint(0, len(text))
            w = text[max(0, s - rng.randint(0, 200)):s]
            for x in (w, targets._squeeze(w).strip(), targets._squeeze(w)[-40:]):
                n += 1
                if targets._stripped_low(x, True) != targets._stripped_low(x):
                    print(f"_stripped_low(safe) differs on case {k}: {x!r}")
                    return 1
                if targets._may_begin(x, targets._scope_firsts(), True) != targets._may_begin(x, targets._scope_firsts()):
                    print(f"_may_begin(safe) differs on case {k}: {x!r}")
                    return 1
                for name, ic in holds:
                    if targets._may_hold(name, x, ic, True) != targets._may_hold(name, x, ic):
                        print(f"_may_hold({name}, safe) differs on case {k}: {x!r}")
                        return 1
    print(f"{n} windows of {n_safe} lower-safe texts: the tests told the text is safe answer the same")
    # a lower-safe text's lowercase copy, sliced, is the window lowered; _relation, _nearest_cue
    # and _count_is_result given it answer as they do without it
    n = 0
    for k, text in enumerate(cases):
        lowered = lowered_if_safe(text)
        if lowered is None:
            continue
        for _ in range(3):
            b = rng.randint(0, len(text))
            a = max(0, b - rng.randint(0, 200))
            e = rng.randint(b, min(len(text), b + 40))
            floor = rng.randint(max(0, a - 50), b)
            n += 1
            if lowered[a:b] != text[a:b].lower():
                print(f"the lowercase copy's slice differs from the slice lowered, case {k} [{a}:{b}]")
                return 1
            if targets._nearest_cue(text[a:b], lowered[a:b]) != targets._nearest_cue(text[a:b]):
                print(f"_nearest_cue with the copy's slice differs, case {k}: {text[a:b]!r}")
                return 1
            if targets._relation(text, b, floor, lowered) != targets._relation(text, b, floor):
                print(f"_relation with the lowercase copy differs, case {k} at {b}: {text[a:b]!r}")
                return 1
            for unit in ("%", "km", "người", "ha"):
                if (targets._measure_is_result(text, floor, b, e, len(text), unit, None, lowered)
                        != targets._measure_is_result(text, floor, b, e, len(text), unit, None)):
                    print(f"_measure_is_result with the lowercase copy differs, case {k} at {b}: {text[a:e]!r}")
                    return 1
            for of in (None, 2.0):
                if (targets._count_is_result(text, floor, b, e, len(text), None, of, lowered)
                        != targets._count_is_result(text, floor, b, e, len(text), None, of)):
                    print(f"_count_is_result with the lowercase copy differs, case {k} at {b}: {text[a:e]!r}")
                    return 1
    print(f"{n} windows of lower-safe texts: the lowercase copy's slices answer as the windows lowered")
    # _one_incident: the 80 characters after the count tested before their sentence's end is found
    n = 0
    for k, text in enumerate(cases):
        safe = lowered_if_safe(text) is not None
        for _ in range(4):
            s = rng.randint(0, len(text))
            e = rng.randint(s, min(len(text), s + 40))
            e0 = rng.randint(e, len(text))
            left = text[max(0, s - rng.randint(0, 160)):s]
            n += 1
            want = targets._one_incident_plain(text, left, e, e0)
            if targets._one_incident(text, left, e, e0, safe) != want or targets._one_incident(text, left, e, e0) != want:
                print(f"_one_incident differs on case {k} at {s}:{e}: {text[max(0, s - 160):e0][:300]!r}")
                return 1
    print(f"{n} counts: _one_incident answers as before")
    # _may_hold: the first words found by `in` or a literal alternation, as the Aho-Corasick pass finds them
    if targets._first_words("target_vote_cues", True) is not None:
        n = 0
        for k, text in enumerate(cases):
            for _ in range(4):
                s = rng.randint(0, len(text))
                w = text[max(0, s - rng.randint(0, 200)):s]
                for name, ic in holds:
                    n += 1
                    if targets._may_hold(name, w, ic) and not targets._may_hold_plain(name, w, ic):
                        print(f"_may_hold({name}) lets through a window without a first word, case {k}: {w!r}")
                        return 1
        print(f"{n} windows: _may_hold (a phrase of the list) refuses every window without a first word")
    # _is_year: _YEAR_VALUE.fullmatch of the first number of every match of the number pattern
    pat = targets._pattern()
    extra = ["2020 ha", "1999 tấn", "20,5 ha", "19.5 ha", "2000 người", "2100 người", "19, 5%", "20, 1%", "1.999 ha"]
    n = 0
    for text in cases + extra:
        for m in pat.finditer(text):
            if m["v1"] is None:
                continue
            n += 1
            if targets._is_year(m["v1"]) != (targets._YEAR_VALUE.fullmatch(m["v1"]) is not None):
                print(f"_is_year differs on {m['v1']!r}")
                return 1
    print(f"{n} numbers: _is_year is _YEAR_VALUE.fullmatch")
    # _candidates reads the number pattern's groups by number: the groups the names give
    gi = pat.groupindex
    n = 0
    for text in cases[:2000] + extra:
        for m in pat.finditer(text):
            for name, idx in gi.items():
                n += 1
                if (m[idx], m.start(idx), m.end(idx)) != (m[name], m.start(name), m.end(name)):
                    print(f"group {name} differs from group {idx} in {m.group()!r}")
                    return 1
    print(f"{n} groups of numbers: read by number, the groups read by name")
    if dict(targets._relation_pattern().groupindex) != {"rel": targets._REL}:
        print(f"_relation_pattern's groups are {dict(targets._relation_pattern().groupindex)}, not rel={targets._REL}")
        return 1
    from gov_report_nlp.lang import periods
    if periods._groups() != tuple(periods.PERIOD_RE.groupindex[k] for k in ("n", "side", "y1", "q", "y2", "a", "b", "y3")):
        print("periods._groups differs from PERIOD_RE.groupindex")
        return 1
    # _span_dates in a lower-safe text: the standard library's test lets through every window
    # _MAY_HOLD_DATE lets through, and the dates are the same
    from gov_report_nlp.lang.dates import find_dates
    n = 0
    for k, text in enumerate(cases):
        lowered = lowered_if_safe(text)
        if lowered is None:
            continue
        for w in range(6):
            a, b = sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))) if w else (0, len(text))
            if w > 3:
                b = min(len(text), a + rng.randint(0, 30))
            n += 1
            fast = lowered.find("tháng", a, b) >= 0 or targets._MAY_HOLD_DATE_DIGITS.search(text, a, b) is not None
            if fast != (targets._MAY_HOLD_DATE.search(text, a, b) is not None):
                print(f"the lower-safe date test differs on case {k} [{a}:{b}]: {text[a:b]!r}")
                return 1
            if targets._span_dates(text, a, b, lowered) != targets._span_dates(text, a, b):
                print(f"_span_dates differs on case {k} [{a}:{b}]")
                return 1
    print(f"{n} windows of lower-safe texts: the date test there is _MAY_HOLD_DATE's")
    return round3_checks(targets, cases, rng, make_document)


def round3_checks(targets, cases: list[str], rng: random.Random, make_document) -> int:
    """The eighth run's third round; 1 on the first difference."""
    from gov_report_nlp.lang.names import tokenize
    # the number scan begun at a span's first digit finds what the scan of the whole span finds
    pat = targets._pattern()
    n = 0
    for k, text in enumerate(cases):
        spans = [(0, len(text))] + [tuple(sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))))
                                    for _ in range(4)]
        for s0, e0 in spans:
            digit = targets._DIGIT.search(text, s0, e0)
            first = digit.start() if digit is not None else e0
            n += 1
            if [m.regs for m in pat.finditer(text, s0, e0)] != [m.regs for m in pat.finditer(text, first, e0)]:
                print(f"the number scan from the first digit differs on case {k} [{s0}:{e0}]: {text[s0:e0]!r}")
                return 1
    print(f"{n} spans: the number scan from the first digit finds what the span's scan finds")
    # " hai " (a count word between spaces) is in a text only where "hai" is one of its tokens
    n = 0
    extra = [f"{a}{w}{b}" for w in targets._COUNT_WORDS_FIRST for a in (" ", "x ", "1 ", "\n", ". ")
             for b in (" ", " x", "  ", ",", "’ ", "'s ", ". ")]
    for k, text in enumerate(cases + extra):
        found = targets._COUNT_WORD_ANY.search(text) is not None
        n += found
        if found and targets._COUNT_WORD_SET.isdisjoint(tokenize(text).text):
            print(f"a count word in case {k} that is no token: {text!r}")
            return 1
    print(f"{len(cases) + len(extra)} texts ({n} with a count word): each count word is a token")
    # _WHITESPACE is the regex module's \s; _sentence_start and _sentence_end (rfind and find)
    # are the ends of _SENTENCE_END's and _SENTENCE_END_FWD's searches
    space = regex.compile(r"\s")
    ws = {chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000 and space.match(chr(cp))}
    if ws != set(targets._WHITESPACE):
        print(f"_WHITESPACE differs from \\s: {sorted(ws ^ set(targets._WHITESPACE))!r}")
        return 1
    odd = [".", "!", "?", "\n", " ", "\x1c", "\x85", "\u2003", "\u3000", "\xa0", "\u200b", "a", "1", ". ", "? ", "!\n"]
    extra = ["".join(rng.choice(odd) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    n = 0
    for k, text in enumerate(cases + extra):
        for w in range(8):
            a, b = sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))) if w else (0, len(text))
            if w > 4:
                a = max(0, b - rng.randint(0, 12))
            n += 1
            if targets._sentence_start(text, a, b) != targets._sentence_start_plain(text, a, b):
                print(f"_sentence_start differs on case {k} [{a}:{b}]: {text[a:b]!r}")
                return 1
            if targets._sentence_end(text, a, b) != targets._sentence_end_plain(text, a, b):
                print(f"_sentence_end differs on case {k} [{a}:{b}]: {text[a:b]!r}")
                return 1
    print(f"{n} windows: _sentence_start and _sentence_end find the cuts the searches find")
    return round4_checks(targets, cases, rng)


def round4_checks(targets, cases: list[str], rng: random.Random) -> int:
    """The ninth run's fourth round; 1 on the first difference."""
    from gov_report_nlp.lexicon import lowered_if_safe
    # _number_pattern: the number pattern less the compound amount (no "tỷ" in the span) or
    # the range and share (none of their marks) finds the matches of the whole pattern, with
    # the same spans of every group (a group the pattern lacks: one that did not take part)
    whole = targets._pattern()
    names = targets._GROUPS

    def spans(m, groups) -> tuple:
        return m.span(), tuple(m.span(g) if g is not None else (-1, -1) for g in groups)

    whole_groups = tuple(whole.groupindex[k] for k in names)
    extra = ["2 tỷ 992 triệu đồng", "2 TỶ 9 triệu đồng", "4-5%", "18 – 22 tấn/ha", "28 triệu đến 36 triệu",
             "28 triệu Đến 36 triệu", "3 TỚI 4 ha", "14/15 xã", "40 / 1.911 hộ", "2 tỷ/ha", "1.000 tỷ-2.000 tỷ đồng"]
    n = 0
    used = set()
    for k, text in enumerate(cases + extra + [t.upper() for t in extra]):
        lowered = lowered_if_safe(text)
        windows = [(0, len(text))] + [tuple(sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))))
                                      for _ in range(4)]
        for s0, e0 in windows:
            digit = targets._DIGIT.search(text, s0, e0)
            first = digit.start() if digit is not None else e0
            pat, groups = targets._number_pattern(text, lowered, first, e0)
            used.add(groups)
            n += 1
            want = [spans(m, whole_groups) for m in whole.finditer(text, first, e0)]
            got = [spans(m, groups) for m in pat.finditer(text, first, e0)]
            if want != got:
                print(f"_number_pattern's pattern differs on case {k} [{first}:{e0}]: {text[first:e0]!r}\n"
                      f"  whole: {want}\n  part:  {got}")
                return 1
    if len(used) < 4:
        print(f"only {len(used)} of the 4 number patterns were tried")
        return 1
    print(f"{n} spans: the number pattern less the parts that cannot match there finds what the whole finds")
    # periods._scan_at_keys: PERIOD_RE tried where _key_starts says a match may begin (and the
    # lookbehind lets it) finds what its finditer finds, in lower-safe texts
    from gov_report_nlp.lang import periods
    extra = ["6 tháng đầu năm 2020, 9 THÁNG năm 2019", "Quý II năm 2024; quý 3/2023", "GIAI ĐOẠN 2021-2025",
             "mười hai tháng", "Mười Một tháng", "5 năm 2021 – 2025", "x6 tháng", "a-6 tháng", "/6 tháng", "_6 tháng",
             "(6 tháng)", "“năm 2020”", "nhiệm kỳ 2020-2025", "thời kỳ 2016 - 2020", "ba tháng", "bốn tháng cuối năm",
             # counts before "tháng" and "năm" after runs of whitespace of every kind (_key_starts)
             "mười một tháng", "mườimột tháng", "Mườihai\ttháng", "12\u2003tháng năm 2021", "06 \xa0 tháng",
             "5\u2028năm 2016-2020", "123 tháng", "1 2 tháng", "x12 tháng", "12.6 tháng", "năm năm 2020",
             "10 năm 2011 - 2020", "2\u200btháng", "3\x85tháng", "haitháng", "ahai tháng", "chín  \n tháng",
             "tháng", " tháng", "6 ", "quýII", "quý  IV/2024"]
    n = 0
    for k, text in enumerate(cases + extra + [" ".join(extra)]):
        lowered = lowered_if_safe(text)
        if lowered is None:
            continue
        windows = [(0, len(text))] + [tuple(sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))))
                                      for _ in range(4)]
        for a, b in windows:
            if b - a > periods._SHORT:
                continue
            n += 1
            want = [m.regs for m in periods.PERIOD_RE.finditer(text, a, b)]
            got = [m.regs for m in periods._scan_at_keys(text, a, b, lowered)]
            if want != got:
                print(f"periods._scan_at_keys differs on case {k} [{a}:{b}]: {text[a:b]!r}\n  {want}\n  {got}")
                return 1
    print(f"{n} windows of lower-safe texts: PERIOD_RE tried where _key_starts says a match may begin "
          f"finds what its scan finds")
    return round5_checks(targets, cases, rng)


def round5_checks(targets, cases: list[str], rng: random.Random) -> int:
    """The eleventh run's checks (its helpers' fifth round); 1 on the first difference."""
    from gov_report_nlp.doc.make import make_document
    from gov_report_nlp.lexicon import NOT_LOWER_SAFE, lowered_if_safe
    # in a lower-safe text \d matches 0-9 only: no other character NOT_LOWER_SAFE lets through is one
    digit = regex.compile(r"\d")
    odd = [chr(cp) for cp in range(0x10000) if not 0xD800 <= cp < 0xE000 and not NOT_LOWER_SAFE.match(chr(cp))
           and digit.match(chr(cp)) and not "0" <= chr(cp) <= "9"]
    if odd:
        print(f"lower-safe decimal digits other than 0-9: {odd!r}")
        return 1
    # _span_firsts (the first digit and count word found once for the spans that begin before
    # them) gives what the search of each span gives, for the documents' spans and random sets
    # of spans (overlapping, nested, empty, at the text's ends)
    extra = [f"{a}{w}{b}" for w in targets._COUNT_WORDS_FIRST + ("ba", "bảy") for a in (" ", "x ", "1 ", "\n", ". ")
             for b in (" ", " x", "  ", ",", " 5 ", " hai ", "\n")]
    extra += [" ".join(extra[i:i + 7]) for i in range(0, len(extra), 5)]
    extra += ["٣ hai 5", "１２ tấn", " ba ba ba ", "1 ba 2 hai 3", "ba hai ", " bốn", "  sáu  7"]
    n = 0
    for k, text in enumerate(cases + extra):
        lowered = lowered_if_safe(text)
        ends = sorted(rng.randint(0, len(text)) for _ in range(12))
        sets = [[(0, len(text))], [(a, b) for a, b in zip(ends, ends[1:])],
                sorted(tuple(sorted((rng.randint(0, len(text)), rng.randint(0, len(text))))) for _ in range(8)),
                [(a, a + rng.randint(0, 6)) for a in ends]]
        if k < 200:
            sets.append(targets._scan_spans(make_document(text)) if text.strip() else [])
        for spans in sets:
            spans = sorted(set(spans))
            for words in (True, False):
                n += 1
                want = targets._span_firsts_plain(text, lowered, spans, words)
                got = targets._span_firsts(text, lowered, spans, words)
                if want != got:
                    print(f"_span_firsts differs on case {k} {spans} (words {words}): {text!r}\n  plain: {want}\n  fast:  {got}")
                    return 1
    print(f"{n} sets of spans: the first digits and count words found once are each span's")
    return round6_checks(targets, cases, rng)


def counted_noun_before(targets, text: str, pos: int, end: int, known_match=False):
    """targets._counted_noun as it was before the twelfth run (a boundary tried at the first
    word before the loop over the words, and at each word after it)."""
    known, bound, word = targets._noun_patterns()
    m = known.match(text, pos, end) if known_match is False else known_match
    if m:
        stop = m.end()
        while (c := targets._coordinated().match(text, stop, end, False)) is not None:
            stop = c.end()
        if stop > m.end() or m.group(0).lower() in targets.load_phrases("count_nouns"):
            return text[pos:stop], stop
    if bound.match(text, pos, end, False):
        return None
    words = []
    at = pos
    while at < end and len(words) <= targets.MAX_NOUN_WORDS:
        w = word.match(text, at, end, False)
        if w is None or w.start() != at:
            break
        if words and (bound.match(text, at, end, False) or w.group(0)[0].isupper()):
            break
        words.append(w.span())
        if w.group(0).isupper() and len(w.group(0)) > 1 and len(words) == 1:
            break
        sp = at = w.end()
        while at < end and text[at] in " \t":
            at += 1
        if at == sp:
            break
    if not words:
        return None
    if len(words) > targets.MAX_NOUN_WORDS:
        words = words[:2]
    return text[pos:words[-1][1]], words[-1][1]


def round6_checks(targets, cases: list[str], rng: random.Random) -> int:
    """The twelfth run's checks (its helpers' sixth round); 1 on the first difference."""
    from gov_report_nlp.lexicon import load_phrases, lowered_if_safe
    # the first words of the boundary and not-noun phrases are runs of letters and marks (what
    # _counted_noun's and _noun_at's set look-ups rest on)
    run = regex.compile(r"[\p{L}\p{M}]+")
    for name in ("target_noun_boundaries", "target_not_nouns"):
        odd = sorted(w for w in targets._first_words_set(name) if not run.fullmatch(w))
        if odd:
            print(f"{name}: first words that are no run of letters: {odd}")
            return 1
    phrases = sorted(load_phrases("target_not_nouns") | load_phrases("target_noun_boundaries")
                     | load_phrases("count_nouns") | load_phrases("target_list_nouns"))
    extra = []
    for w in phrases:
        for form in (w, w.upper(), w.title(), w.replace(" ", "  ")):
            extra += [f"5 {form} x", f"12 {form}", f"3 {form}1 y", f"7 {form}-nay z", f"9 kế hoạch {form} A",
                      f"4 tấm {form} và", f"2 TBA {form}", f"6 nghìn {form} a", f"8 {form}, {form} b"]
    n = hits = 0
    mult = load_phrases("unit_multipliers")
    whole = targets._pattern()
    gi = whole.groupindex
    for k, text in enumerate(cases + extra):
        lowered = lowered_if_safe(text)
        if lowered is None:
            continue
        # _noun_at at every open noun of the number pattern (no multiplier before it)
        for m in whole.finditer(text):
            if not m["noun"] or m["big"]:
                continue
            at = m.start("unit")
            if text[at:m.end("unit")].split()[0].lower() in mult and len(m["noun"].split()) > 1:
                continue  # (a multiplier before the noun: _candidates asks the patterns)
            near = min(len(text), at + targets._NEAR)
            n += 1
            want = [x and x.regs for x in targets._noun_at_plain(text, at, near, "")]
            got = [x and x.regs for x in targets._noun_at(text, at, near, lowered[at:m.end("noun")])]
            hits += want[0] is not None
            if want != got:
                print(f"_noun_at differs on case {k} at {at}: {text!r}\n  plain: {want}\n  fast:  {got}")
                return 1
        # _counted_noun with the boundary's set look-up, at every word and a few random places
        places = [x.start() for x in regex.finditer(r"(?<!\w)\w", text)][:60] + \
            [rng.randint(0, len(text)) for _ in range(3)]
        for p in places:
            for end in (len(text), min(len(text), p + rng.randint(0, 30))):
                n += 1
                want = counted_noun_before(targets, text, p, end)
                plain = targets._counted_noun(text, p, end, False, None)
                got = targets._counted_noun(text, p, end, False, lowered)
                if not want == plain == got:
                    print(f"_counted_noun differs on case {k} [{p}:{end}]: {text!r}\n  before: {want}\n"
                          f"  plain:  {plain}\n  fast:   {got}")
                    return 1
    if hits < 50:
        print(f"only {hits} not-noun phrases found at an open noun")
        return 1
    print(f"{n} nouns of lower-safe texts: the set look-ups before the boundary and not-noun tries change "
          f"no answer ({hits} not-nouns)")
    # a sentence's start and end looked up in the text's cuts (_start_at, _end_at) are the
    # scans' (_sentence_start, _sentence_end) and the patterns' (their plain forms)
    marks = [".", "!", "?", "\n", " ", "\u2028", "\x1c", "\xa0", "a", "1", ". ", ".\n", "!x", "?\t", "5.3", "..", "\n\n"]
    extra = ["".join(rng.choice(marks) for _ in range(rng.randint(0, 30))) for _ in range(3000)]
    n = 0
    for k, text in enumerate(cases + extra):
        cuts = targets._sentence_cuts(text)
        size = len(text)
        for _ in range(20 if k < len(cases) else 40):
            a, b = rng.randint(0, size + 1), rng.randint(0, size + 1)
            if rng.random() < 0.3:
                b = min(size, a + rng.randint(0, 3))
            n += 1
            lo, pos = (a, b) if rng.random() < 0.9 else (b, a)  # (pos <= lo too)
            if pos <= size:
                want = targets._sentence_start(text, lo, pos)
                plain = targets._sentence_start_plain(text, lo, pos)
                got = targets._start_at(text, cuts, lo, pos)
                if not want == plain == got:
                    print(f"_start_at differs on case {k} [{lo}:{pos}]: {text!r}: scan {want}, pattern {plain}, cuts {got}")
                    return 1
            pos, end = (a, b) if rng.random() < 0.9 else (b, a)
            if pos <= size:
                want = targets._sentence_end(text, pos, end)
                plain = targets._sentence_end_plain(text, pos, end)
                got = targets._end_at(text, cuts, pos, end)
                if not want == plain == got:
                    print(f"_end_at differs on case {k} [{pos}:{end}]: {text!r}: scan {want}, pattern {plain}, cuts {got}")
                    return 1
    print(f"{n} windows: a sentence's start and end looked up in the text's cuts are the scans'")
    return round7_checks(targets, cases, rng)


def round7_checks(targets, cases: list[str], rng: random.Random) -> int:
    """The thirteenth run's checks (its helpers' seventh round); 1 on the first difference."""
    from gov_report_nlp.lexicon import load_list
    # the number pattern's guard before its unit ("%" or a letter next): every character the
    # first character of a unit, known noun or multiplier phrase matches case-insensitively
    # is one (the open noun begins with \p{Lu} or \p{Ll}); the number pattern with and
    # without the guard is compared above (its _FAST and plain forms)
    firsts = {w[0] for name in ("units", "count_nouns", "target_list_nouns", "unit_multipliers")
              for w in load_list(name) if w}
    first = regex.compile("[" + "".join(regex.escape(c) for c in sorted(firsts)) + "]", regex.IGNORECASE)
    guard = regex.compile(r"[%\p{L}]")
    odd = [f"U+{cp:04X}" for cp in range(0x110000) if not 0xD800 <= cp < 0xE000
           and first.match(chr(cp)) and not guard.match(chr(cp))]
    if odd:
        print(f"a unit phrase may begin with a character the unit's guard refuses: {odd}")
        return 1
    print(f"{len(firsts)} first characters of the unit phrases: each case of each is \"%\" or a letter")
    # _in_date in a lower-safe text too (the span's own date test first, then its parts')
    from gov_report_nlp.lexicon import lowered_if_safe
    n = 0
    for k, text in enumerate(cases):
        lowered = lowered_if_safe(text)
        spans = [(0, len(text))] + [tuple(sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))))
                                    for _ in range(3)]
        for s0, e0 in spans:
            cache: dict = {}
            digits = [m.start() for m in targets._DIGIT.finditer(text, s0, e0)]
            pairs = [(d, min(e0, d + rng.randint(1, 30))) for d in digits[::2]] + \
                [tuple(sorted((rng.randint(s0, e0), rng.randint(s0, e0)))) for _ in range(3)]
            for a, b in pairs:
                n += 1
                if targets._in_date(text, s0, e0, a, b, cache, lowered) != targets._in_date_plain(text, s0, e0, a, b):
                    print(f"_in_date differs on case {k} [{s0}:{e0}] at [{a}:{b}] (lower-safe {lowered is not None}): "
                          f"{text[max(s0, a - 80):b + 80]!r}")
                    return 1
    print(f"{n} numbers in spans: _in_date (a span that may hold no date skipped whole) finds the span's dates")
    return 0


if __name__ == "__main__":
    sys.exit(main())

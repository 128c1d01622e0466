"""The fast scans of meetings against the plain ones they replace (the extractor's output
stays the same):

- _may_match, the document-wide filter (one Aho-Corasick pass of the phrases' words) that
  spares a sentence the searches of KIND, HAS_ATTEND, HAS_CHAIR, HAS_RES, HELD, PLANNED,
  PASSING (and the stretch loop's union of the three HAS_*): wherever the pattern finds a
  match in a window, the filter lets the window through;
- KIND matches only where one of its words begins (find_meetings reads a second meeting word
  after a first only where one does);
- _search (the pattern tried only at those words' offsets) finds what pattern.search finds
  (same span and groups), _has what search finds, and _has_at (HAS_CHAIR, HAS_ATTEND,
  HAS_RES read with str methods in the lowercase copy: _phrase_test) too, and at each start
  what match finds, and _finditer every match budget.matches
  finds (ATTEND, ATTEND_SIDE with _may_open_clause, NOT_KIND, PLANNED); _phrase_test (the
  phrases of the character at p only) answers as _phrase_test_plain at every offset;
- _NAME_STOP (a dot's lookbehinds tried only before a dot) finds what _NAME_STOP_PLAIN finds,
  and _date_shape (str.find of "tháng" in the lowercase copy, _DATE_NUM) says what
  _DATE_SHAPE.search says;
- _may_hold_thu (str.find of "thứ" in the lowercase copy) says what _THU.search says, and
  _org_verb (ORG_VERB searched from the first word its matches begin with) finds what
  ORG_VERB.search finds;
- _chair_matches (CHAIR, CHAIR_UNDER, CHAIR_BY, CHAIR_AFTER tried at their first words only,
  found by str.find in the lowercase copy) finds what their scans find (_chair_matches_plain);
- _strongly_held (the searches after the meeting word run only where str.find finds their
  words in the lowercase copy) says what _strongly_held_plain says, and _HELD_AFTER and
  _HELD_AFTER_DATED match only where _HELD_AFTER_NEEDS and _HELD_DATED_NEEDS do;
- _same_day finds what SAME_DAY.search finds (the precheck of "cùng" in the lowercase copy);
- _first_kind (no generator) finds the first of _kind_matches;
- _attend_after (str tests of the lowercase copy, the tails read by their last character:
  TAILS_BY_LAST) finds what _attend_after_plain (the patterns' test) finds, on the lower-safe
  characters str.isspace is \\s;
- the prechecks before ATTEND_AFTER (_attend_after_plain, "dự" and the clause ends), _LIST_COLON_END, _ATTEND_AND_LEAD,
  _ORG_BY, _ORG_PASSIVE, ORDINAL, _HELD_AFTER_DATED and _ORG_TERM_TAIL pass every window
  those match;
- lexicon.keyed_starts_finder (the one pass behind _starts) gives every key's offsets as the
  plain version (one set a key) does;
- _res_matches (RES_COUNT, RES_VERB, RES_PASSIVE scanned from the first word their matches
  begin with, or not at all without a word they hold) finds what the scans of the window
  find, and _formal_matches (no scan without "họp" and "thông") what FORMAL_SESSION's finds;
- _date_of gives what it gives without its precheck, and _may_be_early lets every sentence
  through whose date ends in its first 40 characters;
- the case-insensitive patterns that read their sets of caseless characters case-sensitively
  ("(?-i:[^,.;])") find what they find without the scoped flag (check_caseless_sets);
- the set of characters lexicon.NOT_LOWER_SAFE lets through is safe for the patterns'
  letters, and every character \\s matches is a str.isspace one.

    .venv/bin/python benchmarks/check_meetings.py [--fuzz 20000]

Windows: every segment of every dev and example document, every line, and random windows of
random strings of the patterns' words in every case. Exit status 1 on the first miss.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).parent))
from bench import equivalence_cases, unsafe_character  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=20_000)
    args = ap.parse_args(argv)
    from gov_report_nlp.budget import matches
    from gov_report_nlp.extractors.meetings import (_ATTEND_AND_LEAD, _DIGIT, _DU_VA, _HELD_AFTER_DATED, _LIST_COLON_END,
                                                    _ORG_BY, _ORG_PASSIVE, _ORG_TERM_TAIL, _ORG_TERM_WORDS, _P, _THU,
                                                    _TO_CHUC, _attend_after, _attend_after_plain, _finditer, _NAME_STOP, _NAME_STOP_PLAIN, _DATE_SHAPE, _date_shape, _first_kind, _has, _has_at, _kind_matches, _lex, _may_match, _same_day,
                                                    _search, _starts, _res_matches, _res_matches_plain, _formal_matches,
                                                    _may_hold_thu, _org_verb, _HELD_AFTER, _HELD_AFTER_NEEDS,
                                                    _HELD_DATED_NEEDS, _strongly_held, _strongly_held_plain,
                                                    _chair_matches, _chair_matches_plain)
    from gov_report_nlp.lexicon import NOT_LOWER_SAFE, lowered_if_safe
    from gov_report_nlp.doc.make import make_document

    P = _P.get()
    if P.STARTS is None:
        print("pyahocorasick is not installed: _may_match lets every window through")
        return 0
    pats = {"kind": P.KIND, "attend": P.HAS_ATTEND, "chair": P.HAS_CHAIR, "res": P.HAS_RES,
            "held": P.HELD, "planned": P.PLANNED, "passing": P.PASSING}
    # the union of chair, attend and res: where none can match, the stretch skips the sentence
    stretch = {"chair": P.HAS_CHAIR, "attend": P.HAS_ATTEND, "res": P.HAS_RES}
    # and their str tests (_phrase_test) over the lowercase copy
    str_tests = {"chair": (P.HAS_CHAIR, P.CHAIR_AT), "attend": (P.HAS_ATTEND, P.ATTEND_AT), "res": (P.HAS_RES, P.RES_AT)}
    from gov_report_nlp.extractors.meetings import _phrase_test, _phrase_test_plain
    attend_words = tuple(w.lower() for w in _lex("meeting_attend_cues")) + ("dự",)
    phrase_args = [((), (("chủ", "trì"),)), (attend_words, (("về", "phía"), ("lãnh", "đạo"), ("đại", "diện"))),
                   ((), (("thông", "qua"), ("ban", "hành"))), ((), (("về", "phía"), ("lãnh", "đạo"), ("đại", "diện"))),
                   (("dự", "", "về"), (("về", "phía"),))]  # (an empty phrase: the plain test itself)
    phrase_tests = [(_phrase_test(*a), _phrase_test_plain(*a)) for a in phrase_args]
    # (pattern, the words it holds, searched first)
    needs = [(_ORG_BY, _TO_CHUC), (_ORG_PASSIVE, _TO_CHUC), (P.ORDINAL, _THU), (_HELD_AFTER_DATED, _DIGIT),
             (_ATTEND_AND_LEAD, _DU_VA), (_HELD_AFTER, _HELD_AFTER_NEEDS), (_HELD_AFTER_DATED, _HELD_DATED_NEEDS)]
    # the scans _finditer runs, by the key of their starts: every match, same spans and groups
    scans = {"att": [P.ATTEND], "side": [P.ATTEND_SIDE], "not_kind": [P.NOT_KIND], "planned": [P.PLANNED]}
    words = list(P.kinds) + _lex("meeting_attend_cues") + _lex("meeting_not_kinds") + ["về phía", "dự", "lãnh đạo", "đại diện",
                                                           "chủ trì", "thông qua", "ban hành", "đã", "vừa", "diễn",
                                                           "khai", "bế", "dưới", "do", "được", "đồng",
                                                           "cùng", "chủ"] + \
        _lex("meeting_held_cues") + _lex("meeting_planned_cues") + _lex("meeting_passing_cues")
    alpha = sorted({ch for w in words for ch in w.lower() if not ch.isspace()})
    bad = unsafe_character(alpha, NOT_LOWER_SAFE)
    if bad:
        print(f"{bad} is let through but is not safe")
        return 1
    print("safe characters checked")
    # _attend_after reads the spaces before a clause end only after a str.isspace character:
    # every character the pattern's \s matches is one
    space = regex.compile(r"\s")
    bad = [f"U+{cp:04X}" for cp in range(0x110000) if space.match(chr(cp)) and not chr(cp).isspace()]
    if bad:
        print(f"\\s matches {bad[0]}, which str.isspace does not know")
        return 1
    # and on the lower-safe characters, str.isspace knows exactly those (_attend_after skips
    # the spaces before a clause end in the lowercase copy by str.isspace)
    bad = [f"U+{cp:04X}" for cp in range(0x110000)
           if NOT_LOWER_SAFE.match(chr(cp)) is None and chr(cp).isspace() != bool(space.match(chr(cp)))]
    if bad:
        print(f"str.isspace and \\s differ on {bad[0]}, a lower-safe character")
        return 1
    pieces = words + [w.upper() for w in words] + [w.title() for w in words] + \
        [w.replace(" ", "\n") for w in words] + [" ", "  ", "\n", ",", ".", "a", "Đ", "x", "İ", "ſ", "họp", "Hội"] + \
        [" dự.", " cùng dự ;", " dự và chỉ đạo", "TP.", "IX.", "V. ", "Hà Nội.", ". ", "(ngày 17-6)", "(", "5/3", "12 - 6",
         "Tháng", "THÁNG 3", ", đảm bảo", ", khóa XV", " tại ", " với sự tham gia", "...", "có:", "gồm :", " :", ";", " . ", "\t", "\xa0", "\u2003", "\x1c",
         "\r\n", "Về phía", "về  phía", "lãnh đạo", "Đại diện", "dự  và", "dự\tvà", "Dự và", "dự\xa0và", "dựvà", "DỰ VÀ"] + \
        _lex("meeting_org_verbs") + ["đã", "vừa", "long trọng", "phối hợp", "trang trọng", "Trang  trọng", "ĐÃ", "Vừa",
                                     "đã phối hợp", "Tổ chức", "do", "được", "bởi", "Ban", "UBND huyện",
                                     "lần", "thứ", "THỨ", "hai", "12", "IX", "khóa", "khoá", "nhiệm kỳ", "2020-2025", "sáng 5",
                                     "sáng cùng ngày", "Chiều  CÙNG ngày", "tối cùng\nngày", "cùng"] + \
        _lex("meeting_resolution_heads") + ["thông qua", "THÔNG  qua", "biểu quyết thông qua", "Ban hành", "ban\nhành",
                                            "nghị quyết", "Nghị Quyết", "dự thảo nghị quyết", "32", "mười hai", "được",
                                            "Được", "đã được", "về", "miễn", "bầu", "kỳ họp thứ 8", "phiên họp thứ hai",
                                            "Kỳ Họp", "Quốc hội", "ngày 5 tháng 6 năm 2020", "việc", "khi", "biểu",
                                            "đã khai mạc", "Vừa  bế mạc", "ĐÃ DIỄN RA", "diễn ra vào sáng 1-2",
                                            "khai mạc ngày 5", "sẽ diễn ra", "dự kiến bế mạc 3", "đã được UBND tổ chức",
                                            "chủ trì", "Chủ  trì", "CHỦ TRÌ", "đồng chủ trì", "Đồng chủ trì", "đồng thời",
                                            "dưới sự chủ trì của", "Dưới sự đồng chủ trì", "do đồng chí A", "Do ông B",
                                            "được chủ trì bởi", "Được đồng chủ trì bởi", "có", "gồm", "là", "điều hành",
                                            "phát biểu chỉ đạo", "khai mạc", "lần này", "buổi", "phiên"]
    rng = random.Random(6)
    n = 0
    # ATTEND_SIDE's clause start after each kind of space (_may_open_clause)
    side_cases = [f"Tại hội nghị{sep}{ws}{cue} tỉnh có các đồng chí: A"
                  for sep in ("", ",", ".", ";", ":", "\n", "x")
                  for ws in ("", " ", "  ", "\xa0", " \u2003", "\x1c", "\t", " \n ", "\u2028")
                  for cue in ("về phía", "Về phía", "lãnh đạo", "đại diện")]
    # a session adopting a text (FORMAL_SESSION), its words in other cases and spaces
    formal_cases = []
    for _ in range(max(200, args.fuzz // 20)):
        ws = lambda: rng.choice([" ", " ", "  ", "\n", "\t", "\xa0"])  # noqa: E731
        case = lambda w: rng.choice([w, w.upper(), w.title()])  # noqa: E731
        formal_cases.append(f"Luật này đã {case('được')}{ws()}Quốc hội nước Cộng hòa xã hội chủ nghĩa Việt Nam khóa XII,"
                            f"{ws()}{case(rng.choice(['kỳ', 'phiên']))}{ws()}{case('họp')}{ws()}thứ 8{ws()}"
                            f"{case('thông')}{ws()}{case('qua')}{ws()}ngày 5 tháng 6 năm 2020.")
    # a subject, adverbs and a meeting verb (ORG_VERB), in other cases and spaces
    adverbs = ["đã", "vừa", "đã phối hợp", "phối hợp", "long trọng", "trang trọng", "Ban", "về", "việc"]
    for _ in range(max(200, args.fuzz // 20)):
        ws = lambda: rng.choice([" ", " ", "  ", "\n", "\t", "\xa0", ""])  # noqa: E731
        case = lambda w: rng.choice([w, w, w.upper(), w.title()])  # noqa: E731
        formal_cases.append("Chiều 5/3, UBND huyện" + "".join(ws() + case(rng.choice(adverbs)).replace(" ", ws() or " ")
                                                            for _ in range(rng.randint(0, 3)))
                            + ws() + case(rng.choice(_lex("meeting_org_verbs"))) + " hội nghị.")
    for k, text in enumerate(equivalence_cases(pieces, args.fuzz, seed=6, most=10) + side_cases + formal_cases):
        windows = [(0, len(text))] + [tuple(sorted((rng.randint(0, len(text)), rng.randint(0, len(text)))))
                                      for _ in range(3)]
        if k < 200:  # the corpus documents first: their segments too
            doc = make_document(text)
            windows += [(s.start, s.end) for s in doc.segments]
            text = doc.text
        # FORMAL_SESSION's scan, not run without "họp" and "thông" (_formal_matches)
        got_f = [(m.span(), m.groupdict()) for m in _formal_matches(text)]
        if got_f != [(m.span(), m.groupdict()) for m in matches(P.FORMAL_SESSION, text)]:
            print(f"_formal_matches differs from matches(FORMAL_SESSION): case {k}, {text!r}")
            return 1
        for s, e in windows:
            # the resolutions' scans from their first words (_res_matches)
            got_r = [[(m.span(), m.groupdict()) for m in ms] for ms in _res_matches(text, s, e)]
            if got_r != [[(m.span(), m.groupdict()) for m in ms] for ms in _res_matches_plain(text, s, e)]:
                print(f"_res_matches differs from _res_matches_plain: case {k}, {text[s:e]!r}")
                return 1
            for skey, pats_of in scans.items():
                for scan in pats_of:
                    want_all = [(m.span(), m.groupdict()) for m in matches(scan, text, s, e)]
                    got_all = [(m.span(), m.groupdict()) for m in _finditer(scan, text, s, e, skey)]
                    if want_all != got_all:
                        print(f"_finditer({skey}) differs from matches: case {k}, {text[s:e]!r}")
                        return 1
            # the chairs' four patterns tried at their first words (_chair_matches): each scan's matches
            ee = min(e, len(text))
            got_c = [[(m.span(), m.groupdict()) for m in ms] for ms in _chair_matches(text, s, ee)]
            if got_c != [[(m.span(), m.groupdict()) for m in ms] for ms in _chair_matches_plain(text, s, ee)]:
                print(f"_chair_matches differs from _chair_matches_plain: case {k}, {text[s:e]!r}")
                return 1
            # the prechecks before a scan: a match of the scan passes them, and the lowercase
            # copy's str test (_attend_after) refuses what the patterns' one refuses
            want_aa = [m.span() for m in matches(P.ATTEND_AFTER, text, s, e)]
            if want_aa and not _attend_after_plain(text, s, min(e, len(text))):
                print(f"_attend_after_plain refused a window ATTEND_AFTER matches: case {k}, {text[s:e]!r}")
                return 1
            ee = min(e, len(text))  # (a window of the text before make_document may pass its end)
            got_aa = [m.span() for m in _attend_after(text, s, ee)]
            if got_aa != [m.span() for m in _attend_after_plain(text, s, ee)]:
                print(f"_attend_after differs from _attend_after_plain: case {k}, {text[s:e]!r}")
                return 1
            # the name's end with the dot's lookbehinds tried only before a dot (_NAME_STOP), and
            # the date shape with str.find (_date_shape): what the plain patterns find
            got, want = _NAME_STOP.search(text, s, e), _NAME_STOP_PLAIN.search(text, s, e)
            if (got and got.span()) != (want and want.span()):
                print(f"_NAME_STOP differs from _NAME_STOP_PLAIN: case {k}, {text[s:e]!r}")
                return 1
            if _date_shape(text, s, min(e, len(text))) != (_DATE_SHAPE.search(text, s, e) is not None):
                print(f"_date_shape differs from _DATE_SHAPE.search: case {k}, {text[s:e]!r}")
                return 1
            if _LIST_COLON_END.search(text, s, e) and text.find(":", s, e) < 0:
                print(f"_LIST_COLON_END matches without a colon: case {k}, {text[s:e]!r}")
                return 1
            got, want = _same_day(text, s, e), P.SAME_DAY.search(text, s, e)
            if (got and (got.span(), got.groupdict())) != (want and (want.span(), want.groupdict())):
                print(f"_same_day differs from SAME_DAY.search: case {k}, {text[s:e]!r}")
                return 1
            if _ATTEND_AND_LEAD.search(text[s:e]) and _DU_VA.search(text, s, e) is None:
                print(f"_ATTEND_AND_LEAD matches without 'dự và': case {k}, {text[s:e]!r}")
                return 1
            got, want = _org_verb(text, s, e), P.ORG_VERB.search(text, s, e)
            if (got and got.span()) != (want and want.span()):
                print(f"_org_verb differs from ORG_VERB.search: case {k}, {text[s:e]!r}")
                return 1
            if _may_hold_thu(text, s, min(e, len(text))) != (_THU.search(text, s, e) is not None):
                print(f"_may_hold_thu differs from _THU.search: case {k}, {text[s:e]!r}")
                return 1
            for pat, need in needs:
                if need.search(text, s, e) is None and pat.search(text, s, e) is not None:
                    print(f"{need.pattern!r} is missing where its pattern matches: case {k}, {text[s:e]!r}")
                    return 1
            if _ORG_TERM_WORDS.search(text, s, e) is None and _ORG_TERM_TAIL.sub("", text[s:e]) != text[s:e]:
                print(f"_ORG_TERM_TAIL changed a phrase without its words: case {k}, {text[s:e]!r}")
                return 1
            km = P.KIND.search(text, s, e)
            if km is not None:
                ee = min(e, len(text))
                if _strongly_held(text, s, ee, km) != _strongly_held_plain(text, s, ee, km):
                    print(f"_strongly_held differs from _strongly_held_plain: case {k}, {text[s:e]!r}")
                    return 1
            got, want = _first_kind(text, s, e), next(_kind_matches(text, s, e), None)
            if (got and (got.span(), got.groupdict())) != (want and (want.span(), want.groupdict())):
                print(f"_first_kind differs from _kind_matches' first: case {k}, {text[s:e]!r}")
                return 1
            if k < 3000:  # a match of KIND at any offset (the second of two meetings told together) begins at a start
                kinds = _starts(text, "kind")
                if kinds is not None:
                    kinds = set(kinds)
                    bad = [p for p in range(s, e) if p not in kinds and P.KIND.match(text, p, e)]
                    if bad:
                        print(f"KIND matches at {bad[0]}, not a start of its words: case {k}, {text[s:e]!r}")
                        return 1
            for key, pat in stretch.items():  # the stretch loop's tests
                starts = _starts(text, key)
                if starts is not None and _has(starts, pat.match, text, s, e) != (pat.search(text, s, e) is not None):
                    print(f"_has({key}) differs from search: case {k}, {text[s:e]!r}")
                    return 1
            # the same tests read with str methods in the lowercase copy (_phrase_test, _has_at):
            # at every start of the window, and over the window
            low = lowered_if_safe(text)
            for key, (pat, test) in str_tests.items():
                starts = _starts(text, key)
                if low is None or starts is None:
                    continue
                bad = [p for p in starts if s <= p < e and test(low, p, e) != (pat.match(text, p, e) is not None)]
                if bad:
                    print(f"_phrase_test({key}) differs from match at {bad[0]}: case {k}, {text[s:e]!r}")
                    return 1
                if _has_at(starts, test, low, s, e) != (pat.search(text, s, e) is not None):
                    print(f"_has_at({key}) differs from search: case {k}, {text[s:e]!r}")
                    return 1
            # _phrase_test (the phrases of the character at p only) against the test of each
            # phrase (_phrase_test_plain), at every offset of the window
            if low is not None and k < 200 + args.fuzz // 4:
                for p in range(s, min(e, len(low)) + 1):
                    for test, plain in phrase_tests:
                        if test(low, p, e) != plain(low, p, e):
                            print(f"_phrase_test differs from _phrase_test_plain at {p}: case {k}, {text[s:e]!r}")
                            return 1
            if any(pat.search(text, s, e) for pat in stretch.values()) and not _may_match(text, s, e, "stretch"):
                print(f"_may_match(stretch) refused a window one of HAS_CHAIR, HAS_ATTEND, HAS_RES matches: case {k}, "
                      f"{text[s:e]!r}")
                return 1
            for key, pat in pats.items():
                n += 1
                want = pat.search(text, s, e)
                if want and not _may_match(text, s, e, key):
                    print(f"_may_match({key}) refused a window the pattern matches: case {k}, {text[s:e]!r}")
                    return 1
                got = _search(pat, text, s, e, key)
                if (want and (want.span(), want.groupdict())) != (got and (got.span(), got.groupdict())):
                    print(f"_search({key}) differs from search: case {k}, {text[s:e]!r}: {want!r} / {got!r}")
                    return 1
    print(f"{n} windows: the filter lets through every one the patterns match; _search finds what search finds")
    return check_keyed(args.fuzz) or check_early(args.fuzz) or check_caseless_sets(args.fuzz)


def keyed_starts_plain(words_by_key: dict[str, list[str]]):
    """lexicon.keyed_starts_finder as it was: each hit's offset added to the set of every key
    that lists its word, each set sorted."""
    import ahocorasick
    keys = list(words_by_key)
    auto = ahocorasick.Automaton()
    for w in {w for ws in words_by_key.values() for w in ws if w}:
        auto.add_word(w, (len(w) - 1, tuple(k for k in keys if w in words_by_key[k])))
    auto.make_automaton()

    def starts(lowered: str) -> dict[str, list[int]]:
        found: dict[str, set[int]] = {k: set() for k in keys}
        for end, (n, ks) in auto.iter(lowered):
            for k in ks:
                found[k].add(end - n)
        return {k: sorted(v) for k, v in found.items()}
    return starts


def check_keyed(fuzz: int) -> int:
    """lexicon.keyed_starts_finder (a hit appended to its group of keys, the groups merged per
    key) gives what keyed_starts_plain gives, for meetings' lists (and an empty one, and one
    word in every list) on the corpus texts, their lines and random strings of the words."""
    from gov_report_nlp.extractors.meetings import _P, _lex
    from gov_report_nlp.lexicon import keyed_starts_finder

    def phrases(name: str) -> list[str]:
        return [w.lower() for w in _lex(name) if w.strip()]
    att = phrases("meeting_attend_cues")
    lists = {"kind": list(_P.get().kinds), "attend": att + ["về", "dự", "lãnh", "đại"], "att": att,
             "side": ["về", "lãnh", "đại"], "chair": ["chủ"], "res": ["thông", "ban"], "none": [],
             "stretch": att + ["về", "dự", "lãnh", "đại", "chủ", "thông", "ban"], "all": ["hội"],
             "held": phrases("meeting_held_cues") + ["hội"], "planned": phrases("meeting_planned_cues") + ["hội"]}
    plain, fast = keyed_starts_plain(lists), keyed_starts_finder(lists)
    words = sorted({w for ws in lists.values() for w in ws})
    cases = equivalence_cases(words + [" ", "x", "hội", "Hội", "nghị", "\n"], fuzz, seed=8, most=20)
    for k, text in enumerate(cases):
        text = text.lower()
        if plain(text) != fast(text):
            print(f"keyed_starts_finder differs from the plain one: case {k}, {text!r}")
            return 1
    print(f"{len(cases)} texts: keyed_starts_finder as the plain one")
    return 0


def check_early(fuzz: int) -> int:
    """_date_of's precheck (_DATE_SHAPE) leaves its result as it was, and
    meetings._may_be_early is True wherever _date_of finds a date ending in the first 40
    characters of the sentence (the main loop reads the date only then, or later): every
    sentence and line of the corpus documents and of random strings of date pieces, with and
    without a last meeting's date for "sáng cùng ngày"."""
    from gov_report_nlp.extractors.meetings import _Draft, _date_of, _may_be_early
    from gov_report_nlp.doc.make import make_document

    dated = _Draft("hội nghị", 0, 0, date="2024-03-05")
    pieces = ["Sáng", "chiều", "ngày", "Ngày", "5/3", "12-6-2020", "05.3.2024", "tháng", "3", "11", "năm", "2024",
              "/", "-", ".", "–", "THÁNG", "7 và 8", "âm lịch", "12 /3", "9- 9",
              "sáng cùng ngày", "Chiều cùng ngày", "(", ")", "mùng", "hôm qua", "từ", "và", "đến", "thứ Hai",
              " ", " ", " ", ",", ".", "\n", "Hội nghị", "UBND huyện", "tổ chức", "số 12/QĐ-UBND", "x" * 12]
    n = 0
    for k, text in enumerate(equivalence_cases(pieces, fuzz, seed=7, most=16)):
        doc = make_document(text)
        text = doc.text
        windows = [(x.start, x.end) for x in doc.sentences] + [(x.start, x.end) for x in doc.segments]
        for s, e in windows:
            for prev in (None, dated):
                n += 1
                want = _date_of(doc, s, e, prev, precheck=False)
                if _date_of(doc, s, e, prev) != want:
                    print(f"_date_of's precheck changed its date: case {k}, {text[s:e]!r}")
                    return 1
                if 0 <= want[2] < s + 40 and not _may_be_early(text, s, e, prev):
                    print(f"_may_be_early refused an early date: case {k}, {text[s:e]!r}")
                    return 1
    print(f"{n} sentences: _date_of as without its precheck; _may_be_early lets every early date through")
    return 0


def _unscoped(source: str) -> str:
    """source with each "(?-i:[...]...)" group of a set written as its content (the pattern
    as it was before the set was read case-sensitively)."""
    out, i = [], 0
    while True:
        j = source.find("(?-i:[", i)
        if j < 0:
            return "".join(out) + source[i:]
        k, depth = j + 5, 1
        while depth:
            c = source[k]
            if c == "\\":
                k += 2
                continue
            if c == "[":
                k = source.index("]", k + 2)  # (a set's first character may be "]"; none of ours is)
            elif c == "(":
                depth += 1
            elif c == ")":
                depth -= 1
            k += 1
        out.append(source[i:j] + source[j + 5:k - 1])
        i = k


def check_caseless_sets(fuzz: int) -> int:
    """The case-insensitive patterns whose sets of caseless characters ("[^,.;]": punctuation
    and line breaks) are read case-sensitively ("(?-i:[^,.;])", four times cheaper a character
    in the regex module, which otherwise folds each character it tests) against the same
    pattern without the scoped flag: every such set matches the same code points either way
    (all of them tried), and each pattern finds the same matches (spans and groups) on the
    corpus texts, their lines and random strings of its words and punctuation."""
    import regex
    from gov_report_nlp import compiled
    from gov_report_nlp.extractors import meetings as M

    P = M._P.get()
    lazies = [v for v in list(vars(M).values()) + list(vars(P).values()) if isinstance(v, compiled.LazyPattern)]
    scoped = [z for z in lazies if "(?-i:[" in z.source and z._args[0] is regex.compile]
    if not scoped:
        print("no case-sensitive set in a case-insensitive pattern")
        return 0
    every = "".join(chr(cp) for cp in range(0x110000) if not 0xD800 <= cp < 0xE000)
    sets = set()
    for z in scoped:
        for m in regex.finditer(r"\(\?-i:(\[(?:\\.|[^]\\])*\])", z.source):
            sets.add(m[1])
    for st in sorted(sets):  # the set alone: the same code points with and without folding
        ign = [m.start() for m in regex.finditer(st, every, regex.I)]
        if ign != [m.start() for m in regex.finditer(st, every)]:
            print(f"{st!r} matches other code points case-insensitively")
            return 1
    pieces = [" ", " ", "\n", ",", ".", ";", ":", "(", ")", "TP.", "A.", "5", "12", "/", "ngày", "Sáng", "hội nghị",
              "kỳ họp thứ 12", "Hội đồng nhân dân", "HĐND", "do", "được", "tổ chức", "bởi", "của", "cùng", "tại",
              "về phía", "Về phía", "lãnh đạo", "đại diện", "có", "có:", "đồng chí", "ông", "chủ trì", "Chủ trì",
              "dưới sự chủ trì", "Nghị quyết", "nghị quyết", "về", "thông qua", "đã", "vừa", "diễn ra", "khai mạc",
              "theo", "huyện", "xã", "khóa", "nhiệm kỳ", "Ban", "biểu quyết", "ĐƯỢC", "Đồng", "đồng", "İ", "ſ", "K"]
    cases = equivalence_cases(pieces, fuzz, seed=9, most=18)
    n = 0
    for z in scoped:
        compile_, args, kwargs = z._args
        plain = regex.compile(_unscoped(args[0]), *args[1:], **kwargs)
        fast = regex.compile(*args, **kwargs)
        for k, text in enumerate(cases):
            n += 1
            want = [(m.span(), m.groupdict()) for m in plain.finditer(text)]
            if want != [(m.span(), m.groupdict()) for m in fast.finditer(text)] or \
                    want != [(m.span(), m.groupdict()) for m in z.finditer(text)]:
                print(f"{args[0][:60]!r} differs from its pattern without (?-i:): case {k}, {text!r}")
                return 1
    print(f"{len(sets)} caseless sets, every code point; {len(scoped)} patterns on {n} texts: as without (?-i:)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

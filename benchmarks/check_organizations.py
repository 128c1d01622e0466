"""organizations._body_matches against the case-insensitive pattern's own scan: the same
spans for every text, and the set of characters it lowers is still safe.

    .venv/bin/python benchmarks/check_organizations.py [--fuzz 100000]

Safe: every character _NOT_LOWER_SAFE lets through lowers to one character, keeps its \\w
class, and matches a letter of the lexicons case-insensitively exactly when its lowercase
is that letter. Texts: the dev corpus and examples/*.txt, and random strings of body and
level words in every case; then _capital_body_matches (fewer starts tried) against
_body_matches, the matches that begin at a capital. Then organizations._word_finder (one Aho-Corasick pass for the
body starts, awards' opener spans and meetings' starts by key) against _body_starts,
awards._opener_spans_plain and meetings' _P.STARTS, and meetings' _starts of a document read
from that pass (_share_starts) against its own pass.
Exit status 1 on the first difference.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).parent))
from bench import equivalence_cases, report_equivalence, unsafe_character  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=100_000)
    args = ap.parse_args(argv)
    from gov_report_nlp.extractors.organizations import _NOT_LOWER_SAFE, _body_matches, _pattern
    from gov_report_nlp.lexicon import load_map

    kinds, pat = _pattern()
    levels = list(load_map("admin_levels"))
    alpha = sorted({ch for w in list(kinds) + levels for ch in w.lower()})
    bad = unsafe_character(alpha, _NOT_LOWER_SAFE)
    if bad:
        print(f"{bad} is let through but is not safe")
        return 1
    pieces = [k for k in kinds] + [k.upper() for k in kinds] + [k.title() for k in kinds] + levels + \
        [w.upper() for w in levels] + [" ", " ", " ", "/", "\n", "a", "Đ", "x", ".", "İ", "ſ", "K"]
    print("safe characters checked")
    if report_equivalence(
            equivalence_cases(pieces, args.fuzz, seed=4, most=10, lines=False),
            lambda t: [(m.span(), m.span("body"), m.span("rest")) for m in pat.finditer(t)],
            lambda t: [(m.span(), m.span("body"), m.span("rest")) for m in _body_matches(t)], ("pattern", "lowered")):
        return 1

    # find_organizations reads the matches that begin at a capital: _capital_body_matches
    # tries fewer starts (lowercase ones out of reach of a kept one) but finds those the same;
    # random strings dense in bodies and levels written in lowercase, glued and spaced
    from gov_report_nlp.extractors.organizations import _capital_body_matches

    def capital(t, ms):
        return [(m.span(), m.span("body"), m.span("rest")) for m in ms if t[m.start()].isupper()]

    dense = [k.lower() for k in kinds] + [k.title() for k in kinds] + [k.upper() for k in kinds] + \
        [v.lower() for v in levels] + [v.title() for v in levels] + [" ", " ", " ", "", "a", "/", "-", "\n"]
    if report_equivalence(pieces_cases := equivalence_cases(pieces, args.fuzz, seed=4, most=10, lines=False) +
                          equivalence_cases(dense, args.fuzz, seed=11, most=16, lines=False)[-args.fuzz:],
                          lambda t: capital(t, _body_matches(t)), lambda t: capital(t, _capital_body_matches(t)),
                          ("all starts", "capital starts")):
        return 1
    del pieces_cases

    # the pass three stages share (_word_finder) against each stage's own finder: the body
    # starts, awards' opener spans (over the lowered text: awards reads them when its
    # casefolded text is that text) and meetings' starts by key (_P.STARTS, every key read)
    from gov_report_nlp.extractors import awards as A
    from gov_report_nlp.extractors import meetings as M
    from gov_report_nlp.extractors.organizations import _body_starts, _word_finder
    openers = list(A._least_openers())
    meeting_words = sorted({w for ws in M.starts_words().values() for w in ws})
    both = pieces + openers + [w.upper() for w in openers] + [w.title() for w in openers] + \
        ["bằng khen", "huân chương", "UBND", "Huy hiệu"] + meeting_words + [w.title() for w in meeting_words]

    def separate(t):
        low = t.lower()
        return _body_starts()(low), A._opener_spans_plain(low, A._least_openers()), M._P.get().STARTS(low)

    def shared(t):
        starts, spans, keyed = _word_finder()(t.lower())
        return starts, spans, {k: keyed[k] for k in M.starts_words()}

    if report_equivalence(equivalence_cases(both, args.fuzz, seed=5, most=12),
                          separate, shared, ("each its own", "one pass")):
        return 1
    # meetings' _starts for a document's text: the starts the shared pass found (the memo
    # lowered_hits makes), as its own pass over the text gives them
    from gov_report_nlp.doc.make import make_document
    return report_equivalence(equivalence_cases(both, args.fuzz // 20, seed=6, most=40),
                              lambda t: meeting_starts(M, make_document(t), False),
                              lambda t: meeting_starts(M, make_document(t), True), ("own pass", "shared pass"))


def meeting_starts(M, doc, share: bool):
    """meetings._starts of doc.text by key, from its own pass (share False) or from the
    organizations pass (_share_starts, as find_meetings reads them)."""
    M._SEEN = (None, -1, None)
    if share:
        M._share_starts(doc)
    return {k: M._starts(doc.text, k) for k in M.starts_words()}

if __name__ == "__main__":
    sys.exit(main())

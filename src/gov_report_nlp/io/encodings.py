"""Vietnamese legacy encodings: Windows-1258, TCVN3 (ABC) and VNI-Windows.

Bytes that are not UTF-8 are tried as each candidate encoding; the candidate whose text
reads most like Vietnamese (its non-ASCII characters are Vietnamese letters, not glyph
soup such as "Céng hßa x· héi") wins, if it clearly does. Text that came in as UTF-8
but is itself glyph soup (a TCVN3 file once opened as Latin-1 and saved again) is
repaired the same way.

Windows-1258 is Python's own `cp1258` codec; its combining tone marks are composed by
NFC. The TCVN3 and VNI tables are viparse's (MIT, `pip install gov-report-nlp[legacy]`),
imported lazily: without it those two are not tried and the error says how to get them.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_VOWELS = "aăâeêioôơuưy"

#: every Vietnamese letter with a diacritic or a tone, both cases, NFC
VI_LETTERS = frozenset(
    unicodedata.normalize("NFC", base + tone)
    for v in _VOWELS
    for base in (v, v.upper())
    for tone in _TONES
) | frozenset("đĐ")

#: non-ASCII characters that are not letters but are ordinary in a clean document
_PLAIN_MARKS = frozenset("\u00a0\u2013\u2014\u2018\u2019\u201c\u201d\u2026\u2022\u00b0\u00ab\u00bb\u2116\u00a7\u00bd\u00bc\u00be\u00d7\ufeff")

#: how many characters are looked at to decide (decision is per input, not per line)
SAMPLE_CHARS = 65536
#: the winning candidate's share of Vietnamese letters among its non-ASCII characters
MIN_FIT = 0.9
#: a repair of UTF-8 text must beat the text as it is by this much
MIN_GAIN = 0.25
#: a legacy table's output must have this share of words with a Vietnamese vowel cluster
MIN_SYLLABLES = 0.7
#: fewer odd characters than this in UTF-8 text is too little to call it glyph soup
MIN_ODD = 3

LEGACY_HINT = "if it is a TCVN3 (ABC) or VNI file, install the 'legacy' extra: pip install 'gov-report-nlp[legacy]'"


def vietnamese_fit(text: str) -> tuple[float, int]:
    """(share of Vietnamese letters among the non-ASCII characters, how many were seen).

    Clean Vietnamese scores 1.0; glyph soup, control bytes and stray combining marks
    pull it down. Text with no non-ASCII character scores (1.0, 0): no evidence.
    """
    good, bad = _fit_counts(text)
    seen = good + bad
    return (good / seen if seen else 1.0), seen


def vietnamese_fit_plain(text: str) -> tuple[float, int]:
    """vietnamese_fit, character by character in Python (benchmarks/check_normalize.py
    compares the two)."""
    good = bad = 0
    for ch in text:
        if ch < "\x80":
            if ch < " " and ch not in "\t\n\r\f":
                bad += 1
            continue
        if ch in VI_LETTERS:
            good += 1
        elif ch not in _PLAIN_MARKS:
            bad += 1
    seen = good + bad
    return (good / seen if seen else 1.0), seen


# a character that counts against the text: a control one, or a non-ASCII one that is neither a
# Vietnamese letter nor a plain mark. One class (no alternation) in the standard library's
# engine, which scans a plain class several times faster than the regex module (as
# lexicon.NOT_LOWER_SAFE does).
_BAD_CHAR = re.compile("[^\t\n\r\f\x20-\x7f" + re.escape("".join(sorted(VI_LETTERS | _PLAIN_MARKS))) + "]")
_PLAIN_CHAR = re.compile("[" + re.escape("".join(sorted(_PLAIN_MARKS))) + "]")


def _fit_counts(text: str) -> tuple[int, int]:
    """(Vietnamese letters, bad characters) of vietnamese_fit, counted at C speed: the bad ones
    by _BAD_CHAR, the letters as the non-ASCII characters that are neither bad nor plain marks."""
    bads = _BAD_CHAR.findall(text)
    non_ascii = len(text) - len(text.encode("ascii", "ignore"))
    plain = len(_PLAIN_CHAR.findall(text))
    return non_ascii - plain - sum(1 for c in bads if c >= "\x80"), len(bads)


_ALIEN = frozenset("fjwzFJWZ")


def reads_as_vietnamese(text: str) -> bool:
    """Whether words look Vietnamese: few with f/j/w/z, few longer than 7 letters.

    Letter statistics alone cannot tell converted TCVN3 from Spanish or German run
    through the same table; Vietnamese writes short syllables and has no f, j, w, z.
    """
    words = [w for w in "".join(c if c.isalpha() else " " for c in text).split() if len(w) > 1]
    if not words:
        return True
    alien = sum(1 for w in words if _ALIEN & set(w)) / len(words)
    long_ = sum(1 for w in words if len(w) > 7) / len(words)
    return alien <= 0.05 and long_ <= 0.04


# vowel clusters of Vietnamese syllables, tones removed ("gi", "qu" onsets included)
_NUCLEI = frozenset("""
a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy
ưa ưi ưu ươ yê iêu yêu oai oay oao oeo uây uôi ươi ươu uyê uya uyu uai uao uau uay uă ue uo uê
ia iê ioi iu iua iêu ua uô uôi ươ oo ưo
""".split())
_STRIP_TONE = {ord(t): None for t in _TONES if t}


def syllable_share(text: str) -> float:
    """Share of the words with a Vietnamese letter whose vowel cluster is a Vietnamese one.

    Breaks ties between legacy tables: VNI bytes read as TCVN3 give Vietnamese letters
    too, but in clusters no syllable has ("Coọng", "hoứa").
    """
    ok = seen = 0
    for word in "".join(c if c.isalpha() else " " for c in text.lower()).split():
        if not any(c in VI_LETTERS for c in word):
            continue
        bare = unicodedata.normalize("NFC", unicodedata.normalize("NFD", word).translate(_STRIP_TONE))
        clusters = "".join(c if c in "aăâeêioôơuưy" else " " for c in bare).split()
        seen += 1
        ok += len(clusters) == 1 and clusters[0] in _NUCLEI
    return ok / seen if seen else 1.0


def _has_viparse() -> bool:
    try:
        import viparse.normalize.tables  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=None)
def _charmap(name: str):
    try:
        from viparse.normalize.encodings import get_charmap
    except ImportError as e:  # pragma: no cover - exercised only without the extra
        raise ImportError(f"the {name} encoding needs viparse: {LEGACY_HINT}") from e
    return get_charmap(name)


def from_glyphs(text: str, name: str) -> str:
    """Text in a legacy font's glyphs (as Latin-1/cp1252 characters) to Unicode NFC."""
    from viparse.normalize.tables import convert

    return convert(text, _charmap(name))


def _cp1252_latin1_table() -> dict[int, str]:
    table = {}
    for b in range(0x80, 0xA0):
        try:
            table[b] = bytes([b]).decode("cp1252")
        except UnicodeDecodeError:
            pass  # undefined in cp1252: keep the Latin-1 control character
    return table


_CP1252 = _cp1252_latin1_table()


def _glyphs(data: bytes) -> str:
    """Bytes as the glyphs a legacy font shows: cp1252, Latin-1 where cp1252 has a hole."""
    return data.decode("latin-1").translate(_CP1252)


def _decode_candidate(data: bytes, name: str) -> str | None:
    if name == "cp1258":
        try:
            return unicodedata.normalize("NFC", data.decode("cp1258"))
        except UnicodeDecodeError:
            return None
    return from_glyphs(_glyphs(data), name)


def candidates() -> tuple[str, ...]:
    """The encodings tried for non-UTF-8 bytes, in order of preference on a tie."""
    return ("cp1258", "tcvn3", "vni") if _has_viparse() else ("cp1258",)


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) if the bytes read clearly as Vietnamese in one legacy encoding."""
    sample = data[: SAMPLE_CHARS]
    best: tuple[float, str] | None = None
    for name in candidates():
        text = _decode_candidate(sample, name)
        if text is None:
            continue
        fit, seen = vietnamese_fit(text)
        if name != "cp1258" and (not reads_as_vietnamese(text) or syllable_share(text) < MIN_SYLLABLES):
            continue
        if seen and (best is None or (fit, syllable_share(text)) > best[0]):
            best = ((fit, syllable_share(text)), name)
    if best is None or best[0][0] < MIN_FIT:
        return None
    text = _decode_candidate(data, best[1])
    return (text, best[1]) if text is not None else None


def repair_glyph_soup(text: str) -> tuple[str, str | None]:
    """UTF-8 text that is really TCVN3 or VNI glyphs: (repaired text, encoding) or (text, None)."""
    sample = text[:SAMPLE_CHARS]
    fit, seen = vietnamese_fit(sample)
    if fit >= MIN_FIT or seen * (1 - fit) < MIN_ODD:
        return text, None
    if not _has_viparse():
        return text, None
    if any(ord(ch) > 0xFF and ch not in _PLAIN_MARKS and ch not in VI_LETTERS for ch in sample):
        return text, None  # characters no legacy font produces: some other script, leave it
    best: tuple[float, str] | None = None
    for name in ("tcvn3", "vni"):
        converted = from_glyphs(sample, name)
        f, s = vietnamese_fit(converted)
        if not reads_as_vietnamese(converted) or syllable_share(converted) < MIN_SYLLABLES:
            continue
        if s and (best is None or (f, syllable_share(converted)) > best[0]):
            best = ((f, syllable_share(converted)), name)
    if best is None or best[0][0] < MIN_FIT or best[0][0] - fit < MIN_GAIN:
        return text, None
    return from_glyphs(text, best[1]), best[1]


def _reverse_table(name: str) -> dict[str, str]:
    return {uni: legacy for legacy, uni in reversed(_charmap(name).pairs)}


def to_legacy(text: str, name: str) -> bytes:
    """Unicode text in a legacy encoding's bytes (for tests and fixtures).

    TCVN3 has no capital toned letters: those are written as their lower case.
    """
    text = unicodedata.normalize("NFC", text)
    if name == "cp1258":
        # cp1258 has few precomposed toned letters: write base + combining tone
        out = []
        for ch in text:
            try:
                out.append(ch.encode("cp1258"))
            except UnicodeEncodeError:
                d = unicodedata.normalize("NFD", ch)
                tone = "".join(c for c in d if c in _TONES)
                base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONES))
                out.append(base.encode("cp1258") + tone.encode("cp1258"))
        return b"".join(out)
    table = _reverse_table(name)
    out_s = []
    for ch in text:
        if ch in table:
            out_s.append(table[ch])
        elif ch.lower() in table:
            out_s.append(table[ch.lower()])
        else:
            out_s.append(ch)
    return "".join(out_s).encode("latin-1")


# glyph soup told without the legacy tables: a TCVN3 text shows Latin-1 symbols inside
# words ("c«ng", "th¸ng", "x·"); a VNI text a plain vowel followed by an accented one that
# stands for its tone ("Coäng", "hoøa", "Vieät"). Clean Vietnamese has neither; European
# text has them rarely ("país").
_SOUP_TCVN3 = None
_SOUP_VNI = None


def _soup_patterns():
    global _SOUP_TCVN3, _SOUP_VNI
    if _SOUP_TCVN3 is None:
        import regex

        _SOUP_TCVN3 = regex.compile(r"[A-Za-z\xc0-\xff][\xa1-\xbf\xd7\xf7]|[\xa1-\xbf\xd7\xf7][A-Za-z\xc0-\xff]")
        _SOUP_VNI = regex.compile(r"[aeiouyAEIOUY][\xe0-\xe5\xe8-\xef\xf2-\xf6\xf8-\xfd]")
    return _SOUP_TCVN3, _SOUP_VNI


def looks_like_glyph_soup(text: str) -> bool:
    """Whether Unicode text reads as TCVN3 or VNI glyphs ("Cæng th«ng tin"), without viparse."""
    sample = text[:SAMPLE_CHARS]
    if len(_BAD_CHAR.findall(sample)) < MIN_ODD:
        # seen * (1 - fit) below is the number of bad characters up to a rounding error far
        # below 1: under MIN_ODD too
        return False
    if not any("\xa0" < ch <= "\xff" for ch in sample):
        return False
    fit, seen = vietnamese_fit(sample)
    if fit >= MIN_FIT or seen * (1 - fit) < MIN_ODD:
        return False
    tcvn3, vni = _soup_patterns()
    words = [w for w in sample.split() if any("\x80" <= ch <= "\xff" for ch in w)]
    odd = sum(1 for w in words if tcvn3.search(w, None, None, False) or vni.search(w, None, None, False))
    return odd >= MIN_ODD and odd >= 0.3 * len(words)


def glyph_soup_warning(text: str) -> str | None:
    """The warning for text that is TCVN3/VNI glyph soup left as it is, or None."""
    if not looks_like_glyph_soup(text):
        return None
    if not _has_viparse():
        return f"the text looks like TCVN3 or VNI glyphs read as Unicode (\"Cæng th«ng tin\"); {LEGACY_HINT}"
    return ("the text looks like TCVN3 or VNI glyphs read as Unicode (\"Cæng th«ng tin\"); "
            "repair it first with gov_report_nlp.io.encodings.repair_glyph_soup (the CLI does)")

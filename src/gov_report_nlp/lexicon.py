"""Lexicons: language lives in data (data/vi/*.txt), logic in code.

A list file holds one entry per line; `#` starts a comment; blank lines are skipped.
A map file holds `key<TAB>value` lines. Entries are normalized like the text (NFC, old
tone placement), so a lexicon line matches what patterns see. A bad line raises
LexiconError naming the file and the line.

A team adds its own province's words in a directory of files named like the built-in
ones (`titles.txt`, `org_kinds.txt`, `award_kinds.txt`, `ref_issuer_codes.txt`...):
`UserLexicons.load(DIR)` validates every file and line once; `activate(...)` appends
their entries to the built-in ones and drops every pattern compiled from the old set.
"""
from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterator, Union

import regex

# patterns compiled on first use live in compiled.py (the layer below io); re-exported here,
# where most modules import them from
from .compiled import GroupNumbers, LazyPattern, lazy_pattern  # noqa: F401
from .errors import LexiconError

DATA_DIR = Path(__file__).parent / "data" / "vi"


def _path(name: str) -> Path:
    p = DATA_DIR / f"{name}.txt"
    if not p.exists():
        raise LexiconError(f"{p}: no such lexicon")
    return p


def _lines(p: Path) -> Iterator[tuple[int, str]]:
    """(line number, entry) of a lexicon file: comments and blank lines dropped, fields normalized."""
    from .io.normalize import fields_are_normal, normalize_text

    try:
        content = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise LexiconError(f"{p}: not UTF-8 (byte {e.start})") from None
    same = fields_are_normal(content)  # told once for the file (most are)
    for n, raw in enumerate(content.splitlines(), 1):
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        if "\ufffd" in line:
            raise LexiconError(f"{p}:{n}: replacement character in entry {raw!r}")
        # normalize each tab-separated field on its own: normalization turns tabs into spaces
        yield n, line if same else "\t".join(normalize_text(part) for part in line.split("\t"))



@lru_cache(maxsize=None)
def is_map(name: str) -> bool:
    """Whether a built-in lexicon is a `key<TAB>value` map (else a list)."""
    return any("\t" in line for _, line in _lines(_path(name)))


# The values a map lexicon may give, where the code reads them as a closed set: an organization
# is one of six kinds, a counted noun of an award counts individuals or collectives (households: neither).
MAP_VALUES: dict[str, frozenset[str]] = {
    "org_kinds": frozenset({"party", "state", "front", "mass", "armed", "court"}),
    "award_count_nouns": frozenset({"individual", "collective", "household"}),
    "formal_mottos": frozenset({"nation", "motto", "party"}),
    "page_header_words": frozenset({"gazette", "page", "line"}),
    "date_words": frozenset({"day", "month", "year"}),
    "formal_line_labels": frozenset({"address", "recipients"}),
    "formal_body_openers": frozenset({"basis", "opener"}),
    "byline_labels": frozenset({"credit", "photo", "label"}),
}


def _check(p: Path, n: int, line: str, as_map: bool, name: str | None = None) -> None:
    if as_map:
        parts = line.split("\t")
        if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
            raise LexiconError(f"{p}:{n}: expected 'key<TAB>value', got {line!r}")
        allowed = MAP_VALUES.get(name or "")
        if allowed is not None and parts[1].strip() not in allowed:
            raise LexiconError(f"{p}:{n}: {parts[1].strip()!r} is not a value of {name} "
                               f"(one of: {', '.join(sorted(allowed))})")
    elif "\t" in line:
        raise LexiconError(f"{p}:{n}: a list entry may not hold a tab: {line!r}")


@dataclass(frozen=True)
class UserLexicons:
    """A directory of a team's own lexicon files, read and validated once."""

    root: str
    entries: tuple[tuple[str, tuple[tuple[Path, int, str], ...]], ...]  # (name, ((file, line, entry), ...))

    @classmethod
    def load(cls, root: Union[str, Path]) -> "UserLexicons":
        d = Path(root)
        if not d.is_dir():
            raise LexiconError(f"{d}: not a directory of lexicon files")
        known = sorted(p.stem for p in DATA_DIR.glob("*.txt"))
        found = []
        for p in sorted(d.iterdir()):
            if p.name.startswith(".") or p.is_dir() or p.suffix == ".md":
                continue  # hidden files, subdirectories and notes (README.md) are not lexicons
            if p.suffix != ".txt":
                raise LexiconError(f"{p}: a lexicon file ends in .txt")
            if p.stem not in known:
                raise LexiconError(f"{p}: no built-in lexicon named {p.stem!r}; "
                                   f"a user file extends one of: {', '.join(known)}")
            as_map = is_map(p.stem)
            rows = []
            for n, line in _lines(p):
                _check(p, n, line, as_map, p.stem)
                rows.append((p, n, line))
            found.append((p.stem, tuple(rows)))
        return cls(str(d.resolve()), tuple(found))

    def get(self, name: str) -> tuple[tuple[Path, int, str], ...]:
        for n, rows in self.entries:
            if n == name:
                return rows
        return ()


_active: tuple[UserLexicons, ...] = ()
_generation = 0


def lexicon_generation() -> int:
    """A number that changes whenever the active lexicons change (for caches outside lru_cache)."""
    return _generation


class LexiconPatterns:
    """Patterns built from the lexicons, as class attributes made by `_build()`; `get()` gives
    the class, rebuilt first when the active lexicons have changed (a user's own added)."""

    _generation = -1  # of the lexicons the patterns were built from

    @classmethod
    def get(cls):
        if cls._generation != lexicon_generation():
            cls._build()
            cls._generation = lexicon_generation()
        return cls

    @classmethod
    def _build(cls) -> None:
        raise NotImplementedError


def active() -> tuple[UserLexicons, ...]:
    return _active


LexiconSpec = Union[None, str, Path, UserLexicons, "tuple | list"]


def resolve(spec: LexiconSpec) -> tuple[UserLexicons, ...]:
    """None -> built-ins only; a directory or UserLexicons (or several) -> those, loaded and checked."""
    if spec is None:
        return ()
    items = spec if isinstance(spec, (list, tuple)) else [spec]
    return tuple(x if isinstance(x, UserLexicons) else UserLexicons.load(x) for x in items)


def activate(spec: LexiconSpec) -> None:
    """Make built-in + these user lexicons the ones every extractor reads (no-op if already so)."""
    global _active, _generation
    wanted = resolve(spec)
    if wanted == _active:
        return
    _active = wanted
    _generation += 1
    # every cached pattern or table in the package was built from lexicons: drop them all
    for mod_name, mod in list(sys.modules.items()):
        if mod is None or not (mod_name == __package__ or mod_name.startswith(__package__ + ".")):
            continue
        for obj in list(vars(mod).values()):
            clear = getattr(obj, "cache_clear", None)
            if callable(clear) and hasattr(obj, "cache_info"):
                clear()


def _entries(name: str):
    p = _path(name)
    for n, line in _lines(p):
        yield n, p, line
    for user in _active:
        for up, n, line in user.get(name):
            yield n, up, line


def alternation(words) -> str:
    """A regex alternation of lexicon phrases, longest first, a space matching any whitespace."""
    parts = sorted(set(words), key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(regex.escape(p) for p in w.split()) for w in parts)


@lru_cache(maxsize=None)
def load_list(name: str) -> tuple[str, ...]:
    """Entries of data/vi/<name>.txt as written (normalized), longest first, no duplicates."""
    seen: dict[str, None] = {}
    for n, p, line in _entries(name):
        _check(p, n, line, as_map=False)
        seen.setdefault(line.strip(), None)
    return tuple(sorted(seen, key=lambda s: (-len(s), s)))


@lru_cache(maxsize=None)
def load_phrases(name: str) -> frozenset[str]:
    """Entries of a list, lowercased, for membership tests."""
    return frozenset(e.lower() for e in load_list(name))


@lru_cache(maxsize=None)
def load_map(name: str) -> dict[str, str]:
    """`key<TAB>value` entries of data/vi/<name>.txt (a user file's entry wins over a built-in one)."""
    out: dict[str, str] = {}
    for n, p, line in _entries(name):
        _check(p, n, line, as_map=True, name=name)
        parts = line.split("\t")
        out[parts[0].strip()] = parts[1].strip()
    return out


# --- a title written in capitals -----------------------------------------------------------

_MAX_PHRASE_WORDS = 8
_VOWEL = regex.compile(r"[AEIOUY]", regex.IGNORECASE)


@lru_cache(maxsize=None)
def _phrase_forms() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(titles, bodies, levels): lower case -> the form the lexicons write it."""
    titles = {t.lower(): t for t in load_list("titles")}
    titles.update({t.lower(): t for t in load_map("title_aliases").values()})
    bodies = {b.lower(): b for b in load_map("org_kinds")}
    levels = frozenset(l.lower() for l in load_map("admin_levels"))
    return titles, bodies, levels


def title_form(text: str) -> str:
    """A title written in capitals, as a signature block writes it, in the form the lexicons
    write it: "CHỦ TỊCH" -> "Chủ tịch", "CHỦ TỊCH QUỐC HỘI" -> "Chủ tịch Quốc hội", "PHÓ CHỦ
    TỊCH UBND TỈNH ĐẮK NÔNG" -> "Phó Chủ tịch UBND tỉnh Đắk Nông". Its head is a title of
    titles.txt, a body of org_kinds.txt keeps its form, the name after a level word
    (admin_levels.txt) is a place, each word capitalized; an abbreviation stays in capitals;
    any other word is lower case, but the first word of a name after a title or body, and
    after its "và" ("SỞ KẾ HOẠCH VÀ ĐẦU TƯ" -> "Sở Kế hoạch và Đầu tư"). Text with a
    lower-case letter, or that begins with no known title, is returned as it is."""
    words = text.split()
    if not words or any(ch.islower() for ch in text):
        return text
    titles, bodies, levels = _phrase_forms()
    abbreviations = load_map("abbreviations")
    out: list[str] = []
    after = ""  # the last phrase: "title" or "body" (a name may follow), "level" (a place follows), "name"
    i = 0
    while i < len(words):
        for n in range(min(_MAX_PHRASE_WORDS, len(words) - i), 0, -1):
            key = " ".join(words[i:i + n]).lower()
            if not out:
                form, kind = titles.get(key), "title"
            elif key in bodies:
                form, kind = bodies[key], "body"
            elif key in levels:
                form, kind = key, "level"
            else:
                form, kind = titles.get(key), "title"
            if form is not None:
                out.append(form)
                after = kind
                i += n
                break
        else:
            if not out:
                return text  # no known title at the head: not ours to rewrite
            w = words[i]
            if (w in abbreviations and len(w) > 2) or not _VOWEL.search(unicodedata.normalize("NFD", w)):
                out.append(w)  # an abbreviation: "UBND", "HĐND"
            elif after == "level":
                out.append(w[:1] + w[1:].lower())  # a place: "ĐẮK NÔNG" -> "Đắk Nông"
            elif after in ("title", "body"):
                out.append(w[:1] + w[1:].lower())  # the first word of a body's own name
                after = "name"
            elif after == "name" and w.lower() == "và":
                out.append("và")  # "Sở Kế hoạch và Đầu tư": each part of the name
                after = "body"
            else:
                out.append(w.lower())
            i += 1
    return " ".join(out)


# --- candidate starts of lexicon-driven scans ---------------------------------------------

# Characters (tab, line breaks, Latin, combining marks, Vietnamese, general punctuation) each
# of which lowers to one character that a case-insensitive pattern treats as it: in a text
# made of them only, text.lower() has the same offsets and a lowercase phrase occurs in it
# exactly where the phrase matches the text case-insensitively. İ (U+0130) and ſ (U+017F)
# are not. benchmarks/check_organizations.py and check_refs.py recompute the set for their
# letters. One class (no alternation), in the standard library's engine: a scan of the whole
# text 5x faster than the regex module's (benchmarks/check_lower_safe.py: the same set).
NOT_LOWER_SAFE = re.compile(r"[^\t\n\r\x20-\u012f\u0131-\u017e\u0180-\u024f\u0300-\u036f\u1e00-\u1eff\u2000-\u206f]")


def starts_finder(words):
    """A function lowered_text -> every offset where one of `words` (lowercase strings)
    begins in it, overlaps included, in order: one pass of an Aho-Corasick automaton
    (pyahocorasick, a core dependency). None when pyahocorasick is not installed: the caller
    scans with its pattern as before (the same matches, only slower)."""
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - the fast extra is not installed
        return None
    words = {w for w in words if w}
    if not words:
        return lambda lowered: []
    auto = ahocorasick.Automaton()
    for w in words:
        auto.add_word(w, len(w))
    auto.make_automaton()

    def starts(lowered: str) -> list[int]:
        return sorted({end - n + 1 for end, n in auto.iter(lowered)})
    return starts


def word_offsets(text: str, words, s: int, e: int) -> list[int]:
    """The offsets in [s, e) where one of the words begins in text (str.find; in the lowercase
    copy for case-insensitive words), ascending, each once: where a pattern whose matches
    begin with one of them is tried, when the words are a few and the stretch is short (for
    many words or a whole document, starts_finder's one pass costs less). `words` may be a
    str of distinct characters, each a word ("\n.!?"): their offsets never coincide, and are
    only sorted (a set of the offsets of a whole text's marks costs as much as finding them)."""
    find = text.find
    out: list[int] = []
    append = out.append
    for w in words:
        p = find(w, s, e)
        while p >= 0:
            append(p)
            p = find(w, p + 1, e)
    if type(words) is str:
        out.sort()
    elif len(words) > 1:  # (one word's offsets are found ascending, each once)
        out = sorted(set(out))
    return out


def search_at_starts(pattern: regex.Pattern, find, text: str, lowered: str | None, lo: int,
                     hi: int) -> regex.Match | None:
    """pattern.search(text, lo, hi) for a pattern every match of which begins where a word
    that `find` (a starts_finder) finds in the lowered window begins: tried there only, in
    order, the first match the search's (`lowered` is text.lower() of a lower-safe text,
    lowered_if_safe; None, or no find: the plain search)."""
    if lowered is None or find is None:
        return pattern.search(text, lo, hi, False)
    match = pattern.match
    # no regex clock, as the search has none: the patterns it serves read a few words per try
    for k in find(lowered[lo:hi]):
        m = match(text, lo + k, hi, False)
        if m is not None:
            return m
    return None


def keyed_starts_finder(words_by_key: dict[str, list[str]]):
    """starts_finder for several word lists in one pass: a function lowered_text -> {key:
    every offset where one of words_by_key[key] begins}, each list as starts_finder(words)
    would give it. None when pyahocorasick is not installed."""
    try:
        import ahocorasick
    except ImportError:  # pragma: no cover - the fast extra is not installed
        return None
    keys = list(words_by_key)
    # the words grouped by the keys that list them (a handful of groups): a hit goes to its
    # group's list, one append, and each key's offsets are its groups' merged once at the end
    groups: dict[tuple[str, ...], int] = {}
    auto = ahocorasick.Automaton()
    for w in {w for ws in words_by_key.values() for w in ws if w}:
        ks = tuple(k for k in keys if w in words_by_key[k])
        auto.add_word(w, (len(w) - 1, groups.setdefault(ks, len(groups))))
    if len(auto) == 0:
        return lambda lowered: {k: [] for k in keys}
    auto.make_automaton()
    of_key = [(k, [g for ks, g in groups.items() if k in ks]) for k in keys]

    def starts(lowered: str) -> dict[str, list[int]]:
        found: list[list[int]] = [[] for _ in groups]
        add = [f.append for f in found]
        for end, (n, g) in auto.iter(lowered):
            add[g](end - n)
        return {k: sorted(set(found[gs[0]]) if len(gs) == 1 else {p for g in gs for p in found[g]})
                for k, gs in of_key}
    return starts


# The last text asked about and its lowercase copy (None when it is not lower-safe): the
# extractors that scan a document's lowercase copy (refs, organizations, awards, meetings)
# make it, and run NOT_LOWER_SAFE over the text, once per document. Keyed by the text's
# identity; one (text, lowered) tuple, swapped whole, so that threads never read another
# text's copy.
_LOWERED: tuple = (None, None)


def lowered_if_safe(text: str) -> str | None:
    """text.lower() when every character of text is lower-safe (NOT_LOWER_SAFE finds none:
    then offsets agree and a lowercase phrase occurs in it exactly where the phrase matches
    text case-insensitively), else None; memoized for the last text."""
    global _LOWERED
    last = _LOWERED
    if last[0] is text:
        return last[1]
    lowered = text.lower() if NOT_LOWER_SAFE.search(text) is None else None
    _LOWERED = (text, lowered)
    return lowered

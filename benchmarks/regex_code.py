"""The regex module's compiled code of our lazily compiled patterns, stored for a cold start.

    PYTHONPATH=src python benchmarks/regex_code.py record   # writes src/gov_report_nlp/data/regex_code.marshal
    PYTHONPATH=src python benchmarks/regex_code.py check    # each stored pattern against regex.compile's

regex.compile parses a pattern in Python (most of a cold CLI's time) and then gives its C
engine `_regex.compile(pattern, flags, code, ...)`. `record` extracts the dev corpus (text and
HTML), the probe articles, the examples and the cold-start texts with the stored code off,
notes those arguments for every pattern a LazyPattern (compiled.py) asks for (with its named lists,
if any: used only for the very same lists), and stores them
with the regex and Python versions (compiled.regex_code_key). Run it again after a pattern or
a built-in lexicon changes, or regex is upgraded: a pattern not stored is compiled as before
(correct, only slower). `check` compiles every stored pattern both ways and compares the
patterns (pattern, flags, groups) and their matches (finditer, and search/match at each
line start) on corpus texts and their lines.
"""
from __future__ import annotations

import marshal
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import DEV, PLACE_TEXT, load_texts  # noqa: E402
from same_output import _jsonl  # noqa: E402


def _plain(value):
    """value with int subclasses (regex flags) as ints, for marshal."""
    if isinstance(value, bool) or value is None or type(value) in (str, bytes, float):
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return {_plain(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (set, frozenset)):  # a named list's values (str), as regex keeps them
        if not all(type(v) is str for v in value):
            raise TypeError("a named list of other values than str")
        return frozenset(value)
    raise TypeError(f"cannot store {type(value).__name__}")


def record() -> int:
    os.environ["GOV_REPORT_NLP_REGEX_CODE"] = "0"
    import regex
    import regex._main as rm

    from gov_report_nlp import compiled, extract

    seen: dict[tuple[str, int], tuple] = {}
    current: list[tuple[str, int, bool]] = []
    real_c = rm._regex

    class Recorder:  # stands for regex's C module while a pattern is compiled
        def __getattr__(self, name):
            return getattr(real_c, name)

        @staticmethod
        def compile(pattern, *rest):
            if current and current[-1][2] and current[-1][0] is pattern:
                seen[(current[-1][0], current[-1][1])] = rest
            return real_c.compile(pattern, *rest)

    real_compile = rm._compile

    def compile_noting(pattern, flags, ignore_unused, kwargs, cache_it):
        current.append((pattern, int(flags), type(pattern) is str and not int(flags) & regex.LOCALE))
        try:
            return real_compile(pattern, flags, ignore_unused, kwargs, False)  # not from regex's cache
        finally:
            current.pop()

    asked: set[tuple[str, int]] = set()
    real_from = compiled._from_stored_code

    def from_noting(compile, args, kwargs):
        if compile is regex.compile and args and len(args) <= 2 and type(args[0]) is str:
            asked.add((args[0], int(args[1]) if len(args) > 1 else 0))
        return real_from(compile, args, kwargs)

    rm._regex, rm._compile, compiled._from_stored_code = Recorder(), compile_noting, from_noting
    try:
        docs = [("text", t) for _, t in _jsonl(DEV)] + [("html", t) for _, t in _jsonl(DEV.parent / "docs-html.jsonl")]
        docs += [("auto", t) for _, t in _jsonl(ROOT / "tests" / "probe" / "genre_articles.jsonl")]
        docs += [("auto", p.read_text(encoding="utf-8")) for p in sorted((ROOT / "examples").iterdir())
                 if p.suffix in (".txt", ".html")]
        docs += [("auto", PLACE_TEXT)]
        for fmt, text in docs:
            extract(text, input_format=fmt)
    finally:
        rm._regex, rm._compile, compiled._from_stored_code = real_c, real_compile, real_from
    table = {}
    for key in sorted(asked):
        rest = seen.get(key)
        if rest is None:
            continue  # compiled with the locale, or not reached
        if regex._main._locale_sensitive.get((str, key[0]), True):
            continue  # an inline locale flag: its code depends on the locale
        try:
            table[key] = _plain(rest)
        except TypeError:
            continue
    data = marshal.dumps((compiled.regex_code_key(), table))
    compiled.REGEX_CODE.write_bytes(data)
    print(f"{len(table)} patterns of {len(asked)} asked for stored, {len(data) // 1024} KB, "
          f"{compiled.REGEX_CODE.relative_to(ROOT)}")
    return 0


def check() -> int:
    import regex
    from regex import _regex

    from gov_report_nlp import compiled

    compiled._stored_code.cache_clear()
    table = compiled._stored_code()
    if not table:
        print("no stored code for this regex/Python")
        return 1
    texts = load_texts()[:40]
    lines = sorted({ln for t in texts for ln in t.splitlines() if ln.strip()})[:3000]
    bad = 0
    for (pattern, flags), rest in table.items():
        plain = regex.compile(pattern, flags, **rest[4])  # rest[4]: its named lists, if any
        stored = _regex.compile(pattern, *rest)
        same = (plain.pattern, plain.flags, plain.groups, plain.groupindex) == \
               (stored.pattern, stored.flags, stored.groups, stored.groupindex)
        for t in texts:
            if not same:
                break
            a = [(m.span(), m.groups()) for m in plain.finditer(t, timeout=5)]
            b = [(m.span(), m.groups()) for m in stored.finditer(t, timeout=5)]
            same = a == b
        for ln in lines:
            if not same:
                break
            for f in ("search", "match"):
                ma, mb = getattr(plain, f)(ln), getattr(stored, f)(ln)
                same = same and (ma and (ma.span(), ma.groups())) == (mb and (mb.span(), mb.groups()))
        if not same:
            bad += 1
            print("DIFFERS:", repr(pattern[:120]), flags)
    print(f"{len(table)} stored patterns, {len(texts)} texts and {len(lines)} lines each: "
          f"{'identical' if not bad else f'{bad} differ'}")
    return 1 if bad else 0


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else "check"
    sys.exit(record() if cmd == "record" else check())

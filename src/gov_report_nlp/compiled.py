"""Patterns compiled on first use, from the regex module's stored code where it holds them.

    >>> from gov_report_nlp.compiled import lazy_pattern
    >>> WORD = lazy_pattern(regex.compile, r"\\w+")   # compiled the first time it is used

The lowest layer beside budget and errors, so that io's patterns are made this way too;
lexicon re-exports these names (most modules import them from there).

Calling a pattern of the regex module: pass concurrent=False, positionally (a keyword costs
more than it saves), as every call of the package does:

    P.match(text, pos, endpos, False)                # match/search/fullmatch(string, pos, endpos, concurrent, partial, timeout)
    P.finditer(text, pos, endpos, False, False)      # finditer(string, pos, endpos, overlapped, concurrent, partial, timeout)
    P.findall(text, None, None, False, False)        # findall(string, pos, endpos, overlapped, concurrent, timeout)
    P.split(text, 0, False)                          # split(string, maxsplit, concurrent, timeout)
    P.sub(repl, text, 0, None, None, False)          # sub(repl, string, count, pos, endpos, concurrent, timeout)

The regex module's default (None) releases the GIL around each match on a str and takes it
back after: ~1 300 instructions a call, a third to a half of a short try (valgrind, regex
2026.12.2). The matches are the same, and so is thread safety (a call that keeps the GIL is
like any other C call); what is given up is a match running beside another thread's Python
code, which batch.py and the Dask path do not rely on (they use processes; a Dask worker's
threads spend most of their time in Python). The standard library's `re` patterns take no
such argument (io.normalize, lexicon.NOT_LOWER_SAFE...): those calls stay as they are.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

import regex

__all__ = ["LazyPattern", "lazy_pattern", "GroupNumbers", "REGEX_CODE", "regex_code_key"]


# --- patterns compiled on first use -------------------------------------------------------

class LazyPattern:
    """A pattern compiled on its first use: `compile(*args, **kwargs)` (regex.compile or
    re.compile) is called the first time an attribute (.search, .match, .finditer, .pattern...)
    is read, so that a module's patterns that a document never reaches cost nothing at import
    (the regex module parses a pattern in Python: the CLI's cold start was mostly that).

    The source is given whole when the LazyPattern is made: a pattern built from the lexicons
    (in an lru_cache'd function or LexiconPatterns._build) is made again, from the new
    entries, when `activate` drops the old one, exactly as a compiled one is. Each attribute
    read once is kept on the instance (the compiled pattern's bound method itself): later
    reads cost what they cost on the compiled pattern. Not a regex.Pattern: do not pass it
    to regex.compile/regex.sub(...) as a pattern; call its methods."""

    def __init__(self, compile, *args, **kwargs) -> None:
        self._args = (compile, args, kwargs)
        self._compiled = None

    def compiled(self):
        """The compiled pattern (compiled now if it has not been yet)."""
        p = self._compiled
        if p is None:
            compile, args, kwargs = self._args
            p = _from_stored_code(compile, args, kwargs) or compile(*args, **kwargs)
            self._compiled = p
        return p

    @property
    def source(self) -> str:
        """The pattern's text, read without compiling it."""
        return self._args[1][0]

    def __getattr__(self, name: str):
        # only called for what the instance does not hold yet; never for private names (no
        # recursion while the instance is made, copied or unpickled)
        if name.startswith("_"):
            raise AttributeError(name)
        value = getattr(self.compiled(), name)
        self.__dict__[name] = value
        return value

    def __repr__(self) -> str:
        compile, args, kwargs = self._args
        return f"LazyPattern({compile.__module__}.compile, {', '.join(map(repr, args))})"


def lazy_pattern(compile, *args, **kwargs) -> LazyPattern:
    """`compile(*args, **kwargs)` done on first use (see LazyPattern)."""
    return LazyPattern(compile, *args, **kwargs)


class GroupNumbers:
    """The numbers of a pattern's named groups, as attributes: `G = GroupNumbers(PAT)` once,
    then `m[G.unit]`, `m.start(G.unit)` where `m["unit"]` was. The regex module reads a group
    by name ~10x slower than by number (it tries int(name) first and drops the exception):
    that shows where a group is read per match. The pattern (compiled or a LazyPattern) is
    looked at on the first attribute read, not before (a LazyPattern stays uncompiled until
    used); each number read is then kept on the instance."""

    def __init__(self, pattern) -> None:
        self._pattern = pattern

    def __getattr__(self, name: str) -> int:
        p = self._pattern
        # a name the pattern does not define is no attribute (getattr(x, "cache_clear", None)
        # as activate reads it), found without compiling a LazyPattern
        source = p.source if isinstance(p, LazyPattern) else p.pattern
        if name.startswith("_") or f"(?P<{name}>" not in source:
            raise AttributeError(name)
        if isinstance(p, LazyPattern):
            p = p.compiled()
        value = p.groupindex[name]
        self.__dict__[name] = value
        return value


# --- the regex module's compiled code of our patterns, stored ------------------------------
# The regex module parses and optimises a pattern in Python (~3 us a character; most of a cold
# CLI's time) and then hands a list of opcodes to its C engine (`_regex.compile`, ~2 % of it).
# REGEX_CODE holds, for the patterns a run over the dev corpus and examples compiles, exactly
# the arguments regex.compile gave `_regex.compile` (benchmarks/regex_code.py records them
# and checks that each pattern made from them finds what regex.compile's does). It is used
# only for the regex version, Python version and DEFAULT_VERSION it was recorded with, for a
# pattern given as (str, flags) and its named lists, and only where pattern, flags and named
# lists are the very ones recorded: a pattern built from a user's lexicon, an edited pattern,
# another version of regex: compiled as before. GOV_REPORT_NLP_REGEX_CODE=0 turns it off.
REGEX_CODE = Path(__file__).parent / "data" / "regex_code.marshal"


def regex_code_key() -> tuple:
    """What the stored code is valid for: the regex and Python versions, regex's default version."""
    return (regex.__version__, tuple(sys.version_info[:2]), int(regex.DEFAULT_VERSION))


@lru_cache(maxsize=None)
def _stored_code() -> dict:
    """{(pattern, flags): _regex.compile's arguments after the pattern}, or {} when the file is
    missing, unreadable, off, or recorded for another regex/Python."""
    import os

    if os.environ.get("GOV_REPORT_NLP_REGEX_CODE", "1") == "0":
        return {}
    try:
        import marshal

        key, table = marshal.loads(REGEX_CODE.read_bytes())
    except Exception:  # missing or damaged: compile as before
        return {}
    return table if tuple(key) == regex_code_key() else {}


def _from_stored_code(compile, args: tuple, kwargs: dict):
    """regex.compile(*args, **kwargs) made from the stored code, or None (not stored: compile
    it). kwargs are named lists (\\L<name>): a pattern that has them is made so only for the
    very lists it was recorded with (a team's lexicon gives others: compiled as before)."""
    if compile is not regex.compile or not args or len(args) > 2 or type(args[0]) is not str:
        return None
    flags = int(args[1]) if len(args) > 1 else 0
    rest = _stored_code().get((args[0], flags))
    if rest is None:
        return None
    # rest[4]: the named lists as regex.compile gives them to its engine, {name: frozenset}
    if (kwargs or rest[4]) and not _same_named_lists(kwargs, rest[4]):
        return None
    try:
        from regex import _regex

        return _regex.compile(args[0], *rest)
    except Exception:  # pragma: no cover - an engine that no longer takes these arguments
        return None


def _same_named_lists(kwargs: dict, stored: dict) -> bool:
    """Whether regex.compile would make the stored named lists of kwargs: the same names,
    each with the same set of values (regex.compile takes frozenset(kwargs[name]))."""
    try:
        return kwargs.keys() == stored.keys() and all(frozenset(v) == stored[k] for k, v in kwargs.items())
    except TypeError:  # not a list of values: regex.compile says what is wrong
        return False

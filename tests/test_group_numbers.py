"""lexicon.GroupNumbers (named groups read by number) and the group numbers modules fix."""
import regex

from gov_report_nlp.lexicon import GroupNumbers, lazy_pattern


def test_group_numbers_of_a_compiled_and_a_lazy_pattern():
    source = r"(?P<a>x)(?:y)(?P<b>z)?"
    for pattern in (regex.compile(source), lazy_pattern(regex.compile, source)):
        g = GroupNumbers(pattern)
        m = pattern.match("xyz")
        assert (g.a, g.b) == (1, 2)
        assert m[g.a] == m["a"] and m.span(g.b) == m.span("b")


def test_group_numbers_leave_a_lazy_pattern_uncompiled_until_read():
    p = lazy_pattern(regex.compile, r"(?P<a>x)")
    g = GroupNumbers(p)
    assert getattr(g, "cache_clear", None) is None  # lexicon.activate probes every module object
    assert p._compiled is None
    assert g.a == 1 and p._compiled is not None


def test_names_awards_reads_by_a_fixed_number():
    from gov_report_nlp.extractors import awards

    for p in (awards._UNAME, awards._QNAME):
        assert p.groupindex["name"] == awards._NAME

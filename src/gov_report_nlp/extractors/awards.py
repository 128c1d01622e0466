"""Award records: "Tỉnh ủy tặng bằng khen cho 01 tập thể và 15 cá nhân có thành tích ..." -> Award.

Rules, sentence by sentence (a sentence may hold several grants, kept apart):

- ``award.kind``: an award phrase of the lexicon (award_kinds.txt: bằng khen, cờ thi đua,
  huân chương lao động + "hạng nhì"...), "huy hiệu N năm tuổi Đảng", or "danh hiệu" + an
  emulation title (award_titles.txt);
- ``award.count_after``: "... cho (các) 01 tập thể và 15 cá nhân" after the kind;
  ``award.count_before``: "12 tập thể và 14 cá nhân được ... tặng giấy khen" before it;
  "46 tập thể và cá nhân" gives no split (both counts null);
- ``award.issuer``: "<kind> của X", else the subject of the grant verb ("UBND tỉnh tặng",
  "được Hội LHPN huyện tặng"), else the issuer of the previous grant of the sentence, else
  the body a "<kind> của X" names elsewhere in the text; a person handing it over is not
  the issuer;
- ``award.reason``: from a reason cue ("vì", "có thành tích"...) after the counts to the
  end of the grant; a reason that closes a list of grants joined by "," or "và" is given
  to each of them;
- mentions in a proposal or a procedure ("đề nghị", "xét tặng"...) are not grants.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

import regex

from ..budget import matches
from ..doc.document import Document
from ..lexicon import alternation, load_list, load_map
from ..records import Award, Evidence

_TIMEOUT = 2.0


def _noun_kinds() -> dict[str, str]:
    """count noun -> "collective" | "individual"."""
    return load_map("award_count_nouns")


@lru_cache(maxsize=None)
def _kind_pattern() -> regex.Pattern:
    return regex.compile(
        rf"""
        (?<!\w)
        (?:
            (?P<hh>(?i:huy\s+hiệu))\s+(?P<years>\d{{1,2}})\s+năm\s+tuổi\s+(?i:đảng)   # huy hiệu 30 năm tuổi Đảng
          | (?P<dh>(?i:danh\s+hiệu))\s+[“"]?\s*(?P<title>(?i:{alternation(load_list("award_titles"))}))
          | (?P<kind>(?i:{alternation(load_list("award_kinds"))}))                  # bằng khen, huân chương lao động
            (?:\s+(?P<cls>(?i:hạng\s+(?:nhất|nhì|ba))))?                               # hạng Nhì
        )
        (?!\w)
        """,
        regex.VERBOSE,
    )


@lru_cache(maxsize=None)
def _kind_openers() -> tuple[str, ...]:
    """The first word of every alternative of _kind_pattern, case-folded: a sentence that
    contains none of them (folded) has no kind, and is not scanned."""
    words = {"huy", "danh"} | {w.split()[0].casefold() for w in load_list("award_kinds") if w.split()}
    return tuple(sorted(words))


def _may_have_kind(text: str, folded: str | None, s0: int, s1: int, openers: tuple[str, ...],
                   at: list[tuple[int, int]]) -> bool:
    """Whether text[s0:s1] contains an opener, case-insensitively; `folded` is text.casefold()
    when it is as long as text (then every character folds to one: offsets agree), and `at`
    the (start, end) of every opener in it, sorted."""
    if folded is None:
        piece = text[s0:s1].casefold()
        return any(w in piece for w in openers)
    i = bisect_left(at, (s0, -1))
    while i < len(at) and at[i][0] < s1:
        if at[i][1] <= s1:
            return True
        i += 1
    return False


def _opener_spans(folded: str, openers: tuple[str, ...]) -> list[tuple[int, int]]:
    """(start, end) of every occurrence of every opener in `folded`, overlapping ones too."""
    out = []
    for w in openers:
        k = folded.find(w)
        while k >= 0:
            out.append((k, k + len(w)))
            k = folded.find(w, k + 1)
    out.sort()
    return out


@lru_cache(maxsize=None)
def _counts() -> regex.Pattern:
    nouns = alternation(_noun_kinds())
    return regex.compile(
        rf"""
        (?<![\d,.])
        (?:
            (?P<mixed>\d{{1,5}})\s+(?i:tập\s+thể\s+và\s+cá\s+nhân|cá\s+nhân\s+và\s+tập\s+thể)   # no split
          | (?P<c1>\d{{1,5}})\s+(?P<n1>(?i:{nouns}))(?!\w)                   # 01 tập thể
            (?:\s*(?:,|và|,\s*và)\s*(?P<c2>\d{{1,5}})\s+(?P<n2>(?i:{nouns}))(?!\w))?   # và 15 cá nhân
        )
        """,
        regex.VERBOSE,
    )


@lru_cache(maxsize=None)
def _words(name: str) -> regex.Pattern:
    return regex.compile(rf"(?<!\w)(?:{alternation(load_list(name))})(?!\w)", regex.IGNORECASE)


@lru_cache(maxsize=None)
def _verb_before() -> regex.Pattern:
    verbs = alternation(load_list("award_grant_verbs"))
    return regex.compile(rf"(?<!\w)(?P<verb>{verbs})\s+\Z", regex.IGNORECASE)


@lru_cache(maxsize=None)
def _sentence_end() -> regex.Pattern:
    # a full stop after a known abbreviation ("TP. HCM") does not end the sentence
    lookbehinds = "".join(rf"(?<!(?<!\w){regex.escape(a)})" for a in load_list("award_abbrevs"))
    return regex.compile(rf"\n|{lookbehinds}[.!?](?=\s|$)")


@lru_cache(maxsize=None)
def _surnames() -> frozenset[str]:
    return frozenset(load_list("surnames"))


_FILLER = regex.compile(r"(?:\s+(?:đã|cũng|còn|vừa|đều|sẽ|vinh\s+dự|được))+\s*\Z", regex.IGNORECASE)
_CUO = regex.compile(r"\s+của\s+", regex.IGNORECASE)
_CHO = regex.compile(r"(?<!\w)cho\s+(?:các\s+|những\s+)?", regex.IGNORECASE)
_DECISION = regex.compile(r"(?<!\w)(?i:quyết\s+định)\s+(?:(?i:số)\s+)?(?P<n>\d+[^\s,;]*)")


class _Decisions:
    """The last "Quyết định số N" of text[s0:pos] for growing pos, as a scan of
    _DECISION.finditer(text, s0, pos) would give it, from one scan of the sentence.

    The matches of the whole sentence that end by pos are the cut scan's matches too (the
    pattern has no lookahead: cutting the text adds no match before them); after them the
    cut scan can only add a match the cut shortens, which starts where the next whole
    match does."""

    def __init__(self, text: str, s0: int, s1: int) -> None:
        self.text, self.s0 = text, s0
        self.found = matches(_DECISION, text, s0, s1)
        self.ends = [d.end() for d in self.found]

    def last_before(self, pos: int) -> regex.Match | None:
        i = bisect_right(self.ends, pos)  # self.found[:i] end by pos
        last = self.found[i - 1] if i else None
        if i < len(self.found) and self.found[i].start() < pos:
            for cut in _DECISION.finditer(self.text, self.found[i].start(), pos):
                last = cut
        return last


def _sentences(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in matches(_sentence_end(), text):
        if m.end() > pos:
            yield pos, m.end()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _read_counts(m: regex.Match) -> tuple[int | None, int | None]:
    if m["mixed"]:
        return None, None
    roles = _noun_kinds()
    coll = ind = None
    for c, n in ((m["c1"], m["n1"]), (m["c2"], m["n2"])):
        if not c:
            continue
        role = roles.get(" ".join(n.lower().split()))
        if role == "collective" and coll is None:
            coll = int(c)
        elif role == "individual" and ind is None:
            ind = int(c)
    return coll, ind


def _looks_like_person(subject: str) -> bool:
    """A title and a name ("Chủ tịch Quốc hội Nguyễn Thị Kim Ngân"): a person hands it over."""
    words = subject.split()
    names = _surnames()
    for i, w in enumerate(words[:-1]):
        if w in names and words[i + 1][:1].isupper() and words[i + 1] not in ("Chí", "Nội"):
            return True
    return False


def _strip_not_issuer(text: str, span: tuple[int, int] | None) -> tuple[int, int] | None:
    """"Kết thúc Ban tổ chức" -> "Ban tổ chức"; "Hội nghị" alone -> None."""
    if span is None:
        return None
    m = _words("award_not_issuers").match(text, span[0], span[1])
    if not m:
        return span
    s = m.end()
    while s < span[1] and text[s].isspace():
        s += 1
    return (s, span[1]) if s < span[1] else None


def _cut_issuer(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The issuer's name from `start`, cut at a stop word, punctuation or `end`."""
    m = _words("award_issuer_stops").search(text, start, end, timeout=_TIMEOUT)
    stop = m.start() if m else end
    p = regex.compile(r"[,;:“”\"()]").search(text, start, stop)
    if p:
        stop = p.start()
    while stop > start and (text[stop - 1].isspace() or text[stop - 1] in ".-–"):
        stop -= 1
    if stop <= start or len(text[start:stop].split()) > 12:
        return None
    return start, stop


def _subject_before(text: str, lo: int, verb_start: int) -> tuple[int, int] | None:
    """The subject of a grant verb: back to a comma, "của", "được", "và" or the clause start."""
    seg = text[lo:verb_start]
    cut = 0
    for m in regex.finditer(r"[,;:]|(?<!\w)(?:của|được|và)(?!\w)", seg, regex.IGNORECASE):
        cut = m.end()
    s, e = lo + cut, verb_start
    f = _FILLER.search(text, s, e)
    if f:
        e = f.start()
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s or len(text[s:e].split()) > 10 or any(ch.isdigit() for ch in text[s:e]):
        return None
    return s, e


@dataclass
class _Grant:
    kind: str
    k_start: int
    k_end: int
    clause_start: int
    counts_end: int | None
    collectives: int | None
    individuals: int | None
    issuer: str | None
    reason: tuple[int, int] | None
    decision: str | None
    end: int


def _kind_text(m: regex.Match) -> str:
    if m["hh"]:
        return f"huy hiệu {int(m['years'])} năm tuổi Đảng"
    if m["dh"]:
        return "danh hiệu " + " ".join(m["title"].lower().split())
    k = " ".join(m["kind"].lower().split())
    if m["cls"]:
        k += " " + " ".join(m["cls"].lower().split())
    return k


def _head(kind: str) -> str:
    return " ".join(kind.split()[:2])


def find_awards(doc: Document) -> Iterator[Award]:
    """Every grant of an award the text reports, in order."""
    text = doc.text
    defaults: dict[str, str] = {}
    grants: list[_Grant] = []
    openers = _kind_openers()
    folded = text.casefold()
    folded = folded if len(folded) == len(text) else None
    at = _opener_spans(folded, openers) if folded is not None else []
    for s0, s1 in _sentences(text):
        found = matches(_kind_pattern(), text, s0, s1) if _may_have_kind(text, folded, s0, s1, openers, at) else []
        sentence: list[_Grant] = []
        decisions = _Decisions(text, s0, s1) if found else None
        semi, semi_to = -1, s0  # the last ';' in text[s0:semi_to]: one long sentence stays linear
        for i, m in enumerate(found):
            lo = found[i - 1].end() if i else s0
            hi = found[i + 1].start() if i + 1 < len(found) else s1
            semi = max(semi, text.rfind(";", semi_to, m.start()))
            semi_to = m.start()
            clause_lo = max(s0, semi + 1)
            kind = _kind_text(m)
            # issuer named after the kind: "bằng khen của Hội LHPN tỉnh"
            issuer_span = None
            c = _CUO.match(text, m.end(), hi)
            if c:
                issuer_span = _cut_issuer(text, c.end(), hi)
                if issuer_span:
                    defaults.setdefault(_head(kind), text[issuer_span[0]:issuer_span[1]])
            before = text[max(lo, clause_lo):m.start()]
            if _words("award_not_grant_cues").search(before):
                continue
            # counts after the kind: "cho 01 tập thể và 15 cá nhân"
            coll = ind = None
            counts_end = None
            clause_start = m.start()
            reason_from = None
            ch = _CHO.search(text, m.end(), hi, timeout=_TIMEOUT)
            cm = _counts().match(text, ch.end(), hi) if ch else None
            if cm:
                coll, ind = _read_counts(cm)
                counts_end = cm.end()
                reason_from = (cm.end(), hi)
            else:
                # counts before: "12 tập thể và 14 cá nhân được Hội LHPN huyện tặng giấy khen"
                prior = [x for x in _counts().finditer(text, max(lo, clause_lo), m.start())]
                if prior:
                    cm = prior[-1]
                    rv = _words("award_receive_verbs").search(text, cm.end(), m.start())
                    if rv:
                        coll, ind = _read_counts(cm)
                        counts_end = cm.end()
                        clause_start = cm.start()
                        reason_from = (cm.end(), rv.start())
            # issuer as the subject of the grant verb: "UBND tỉnh tặng Bằng khen"
            vb = _verb_before().search(text, max(lo, clause_lo, m.start() - 30), m.start())
            if vb:
                subj = _strip_not_issuer(text, _subject_before(text, max(clause_lo, lo if i else s0), vb.start()))
                if subj and clause_start == m.start():
                    clause_start = subj[0]
                elif clause_start == m.start():
                    clause_start = vb.start()
                if issuer_span is None and subj and not _looks_like_person(text[subj[0]:subj[1]]):
                    issuer_span = subj
            if cm is None and counts_end is None:
                # a grant with no count: kept when a verb grants it, or when it goes on a list of
                # grants of the sentence and names its recipients ("...; Giải nhì cho CLB ...")
                after = issuer_span[1] if issuer_span and issuer_span[0] > m.start() else m.end()
                named = ch is not None and ch.start() - after < 3
                if not (named and (vb or sentence)):
                    continue
            issuer = " ".join(text[issuer_span[0]:issuer_span[1]].split()) if issuer_span else None
            dm = decisions.last_before(m.start())
            sentence.append(_Grant(kind, m.start(), m.end(), clause_start, counts_end, coll, ind, issuer,
                                   reason_from, dm["n"] if dm else None, m.end()))
        _finish_sentence(text, sentence, s1)
        grants.extend(sentence)
    for g in grants:
        if g.issuer is None:
            g.issuer = defaults.get(_head(g.kind))
        reason = " ".join(text[g.reason[0]:g.reason[1]].split()) if g.reason else None
        yield Award(kind=g.kind, issuer=g.issuer, collectives=g.collectives, individuals=g.individuals,
                    reason=reason, decision=g.decision,
                    evidence=Evidence.of(text, min(g.clause_start, g.k_start), max(g.end, g.k_end)))


def _finish_sentence(text: str, grants: list[_Grant], s1: int) -> None:
    """Reasons cut at the next grant, shared along a list; issuers carried forward."""
    cues = _words("award_reason_cues")
    for i, g in enumerate(grants):
        if g.reason is None:
            continue
        lo, hi = g.reason
        if i + 1 < len(grants) and grants[i + 1].clause_start > lo:
            hi = min(hi, grants[i + 1].clause_start)
        semi = text.find(";", lo, hi)
        if semi >= 0:
            hi = semi
        cue = cues.search(text, lo, min(hi, lo + 80))
        if not cue:
            g.reason = None
            g.end = max(g.end, g.counts_end or g.end)
            continue
        e = hi
        while e > cue.start() and (text[e - 1].isspace() or text[e - 1] in ",.;:-–"):
            e -= 1
        e = _trim_tail(text, cue.start(), e)
        g.reason = (cue.start(), e) if e > cue.start() else None
        g.end = max(g.end, e)
    # a reason closing a list ("..., X cho 11 cá nhân và Y cho 74 cá nhân vì ...") is each one's
    for i in range(len(grants) - 2, -1, -1):
        g, nxt = grants[i], grants[i + 1]
        if g.reason is None and g.counts_end is not None and nxt.reason is not None:
            if ";" not in text[g.counts_end:nxt.clause_start] and g.counts_end <= nxt.clause_start:
                gap = text[g.counts_end:nxt.clause_start].strip(" ,")
                if gap in ("", "và") or not gap:
                    g.reason = nxt.reason
    for i in range(1, len(grants)):
        if grants[i].issuer is None:
            grants[i].issuer = grants[i - 1].issuer


def _trim_tail(text: str, start: int, end: int) -> int:
    """Drop a trailing receive verb phrase ("... đã nhận được") from a reason written before the kind."""
    m = regex.search(r"(?:\s+(?:đã|đều|vinh\s+dự|được|nhận))+\s*\Z", text[start:end], regex.IGNORECASE)
    return start + m.start() if m else end

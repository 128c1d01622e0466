"""Meetings reported as held: kind, name, ordinal, organizer, date, chairs, attendees, resolutions.

A news item usually reports one meeting in its lead ("Chiều 28/7/2020, Huyện ủy X tổ chức
Hội nghị ..."); the headline names it when the lead does not; a later sentence with its own
date ("Sáng cùng ngày, ... tổ chức Hội nghị giao ban") reports another one. A formal text
names the session that adopted it ("Quốc hội ... khóa XII, kỳ họp thứ 8 thông qua ngày ...").
Meetings only planned ("sẽ tổ chức", "dự kiến"), habitual ("hằng năm") or mentioned in
passing ("tổ chức thành công đại hội ...") are left out. The organizer is the subject of any
meeting verb (data/vi/meeting_org_verbs.txt); the kind is the type word as written; the opening
or closing sitting of a session reports the session. Chairs, attendees and resolutions are read
by lists.read_list after their cue; people are the names layer's (names.py): this module keeps
no name finder of its own.

Language lives in data/vi/meeting_*.txt; this module holds the logic.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from functools import lru_cache, partial
from dataclasses import dataclass, field
from typing import Iterator, Optional

import regex

from ..budget import matches, matches_at, matches_at_bounded, matches_at_unclocked
from ..lang.dates import find_dates, iter_dates, published_date
from ..doc.document import Document
from ..lang.lists import read_list
from ..lang.names import find_person_mentions
from ..lexicon import (LexiconPatterns, alternation, keyed_starts_finder, lexicon_generation, load_list, load_map,
                       lazy_pattern, lowered_if_safe, word_offsets)
from ..lang.numbers import parse_count
from ..lang.numbers import parse_ordinal as _parse_ordinal
from ..records import Evidence, Meeting
from .organizations import lowered_hits

# numbers.parse_ordinal is a pure function of its string (its words are constants, not a
# lexicon): its answers kept, the few ordinals of the genre ("thứ 12", "IX") read once
parse_ordinal = lru_cache(maxsize=4096)(_parse_ordinal)

_F = regex.VERBOSE | regex.IGNORECASE
_T = 1.0  # regex timeout, seconds, of a search; scans of a sentence or more: budget.matches

# EVERY regex call of this module passes concurrent=False, positionally (see compiled.py): the
# regex module's default releases the GIL around each call; budget's scans do the same.


def _lex(name: str) -> list[str]:
    return list(load_list(name))


# ------------------------------------------------------------------ patterns (built once)

class _P(LexiconPatterns):
    """Compiled patterns, built on first use from the lexicons."""

    @classmethod
    def _build(cls) -> None:
        cls.kinds = {surface.lower(): kind for surface, kind in load_map("meeting_kinds").items()}
        cls.KIND = lazy_pattern(regex.compile,
            r"(?<!\w)(?P<kind>\L<kinds>)(?!\w)", _F, kinds=sorted(cls.kinds, key=len, reverse=True))
        cls.NOT_KIND = lazy_pattern(regex.compile, r"(?<!\w)\L<nk>(?!\w)", _F, nk=_lex("meeting_not_kinds"))
        cls.HELD = lazy_pattern(regex.compile, r"(?<!\w)\L<held>(?!\w)", _F, held=_lex("meeting_held_cues"))
        cls.PLANNED = lazy_pattern(regex.compile, r"(?<!\w)\L<pl>(?!\w)", _F, pl=_lex("meeting_planned_cues"))
        cls.PLANNED_AFTER = lazy_pattern(regex.compile, r"\L<pa>", _F, pa=_lex("meeting_planned_after"))
        cls.PASSING = lazy_pattern(regex.compile, r"(?<!\w)\L<ps>(?!\w)", _F, ps=_lex("meeting_passing_cues"))
        cls.ATTEND = lazy_pattern(regex.compile,
            r"""(?:^|(?<=[\s,.;:(]))(?P<cue>\L<att>)(?!\s*nhận)
                (?:\s+và\s+(?:phát\s+biểu(?:\s+chỉ\s+đạo)?|chỉ\s+đạo))?   # Đến dự và phát biểu tại buổi tọa đàm, Dự và chỉ đạo có
                (?:\s+(?:tại\s+)?(?:lễ\s+công\s+bố|buổi\s+lễ|buổi\s+\L<kw>|\L<kw>))?   # Dự hội nghị / Tham dự Lễ công bố
                (?:\s*,?\s*(?:còn\s+)?(?:có|gồm))?                  # ... có / gồm / còn có
                \s*[,:]?\s+""",
            _F, att=_lex("meeting_attend_cues"), kw=sorted(cls.kinds, key=len, reverse=True))
        # "Về phía tỉnh có các đồng chí: ...", "Lãnh đạo thành phố có các ông ...": one side of
        # the guests, at a clause start; "lãnh đạo / đại diện X có" only before people
        cls.ATTEND_SIDE = lazy_pattern(regex.compile,
            r"""(?<=(?:\A|[\n.;:,])\s*)
                (?:về\s+phía\s+(?:(?-i:[^\n.;:,])|(?<=\p{Lu})\.){1,60}?\s+(?:còn\s+)?có(?!\s+(?:thể|ý|nhiều|những|\d))
                 |(?:lãnh\s+đạo|đại\s+diện)\s+(?:(?-i:[^\n.;:,])|(?<=\p{Lu})\.){1,40}?\s+có(?=\s*:|\s+(?:các\s+)?(?:đồng\s+chí|ông|bà|đ/c)\s))
                \s*:?\s*""", _F)
        # "... cùng các sở, ngành liên quan tham dự hội nghị." closing its sentence
        cls.ATTEND_AFTER = lazy_pattern(regex.compile,
            r"\s+(?:(?:cùng\s+)?(?:tham\s+dự|về\s+dự|đến\s+dự|tới\s+dự|dự)\s+(?:\L<kw>)|cùng\s+(?:tham\s+)?dự)(?=\s*(?:[.;]|$))", _F,
            kw=sorted(cls.kinds, key=len, reverse=True))
        # the end of a match of ATTEND_AFTER, matched backwards from where it ends (_attend_after)
        cls.ATTEND_AFTER_TAIL = lazy_pattern(regex.compile,
            r"(?r)(?:dự|\L<kw>)", _F, kw=sorted(cls.kinds, key=len, reverse=True))
        # its phrases in lowercase, for str.endswith over the lowercase copy of a lower-safe text
        cls.TAILS = tuple(sorted({"dự", *(k for k in cls.kinds if k)}))
        # and by their last character (_attend_after reads the ones that end with the character
        # before a clause end only)
        cls.TAILS_BY_LAST = {c: tuple(t for t in cls.TAILS if t[-1] == c) for c in {t[-1] for t in cls.TAILS}}
        cls.VAGUE = lazy_pattern(regex.compile, r"\L<vg>(?!\w)", _F, vg=_lex("meeting_vague_subjects"))
        # what opens a sentence before its subject: "Sáng 5/3, tại Hội trường X, ..."
        cls.LIST_LEAD = lazy_pattern(regex.compile,
            r"""\s*(?:(?:\p{L}+\s+)?(?:ngày\s+)?\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{4})?\s*,\s*)?
                (?:tại\s(?-i:[^,]{1,80}),\s*)?""", _F)
        cls.CHAIR = lazy_pattern(regex.compile,
            r"""(?<!\w)(?:(?:đã|đồng\s+thời|cùng)\s+)?(?P<co>(?-i:đồng)\s+)?chủ\s+trì
                (?:\s+(?:và\s+)?(?:điều\s+hành\s+)?(?:phát\s+biểu\s+(?:chỉ\s+đạo\s+)?(?:tại\s+)?)?(?:(?:khai|bế)\s+mạc\s+)?(?P<kw>\L<kw>)
                 |(?=\s*(?:[.;]|$)))                 # "X, Chủ tịch UBND xã chủ trì." closing its sentence""",
            _F, kw=sorted(cls.kinds, key=len, reverse=True))
        cls.CHAIR_UNDER = lazy_pattern(regex.compile,
            r"dưới\s+sự\s+(?:đồng\s+)?chủ\s+trì\s+(?:của\s+)?(?P<who>(?-i:[^.;]+))", _F)
        # the chairs after the verb: "Chủ trì kỳ họp có bà A và ông B", "Chủ trì và điều hành
        # đại hội có đồng chí C", "được chủ trì bởi các đồng chí: A – ...; B – ...", and fronted
        # "Chủ trì hội nghị, Phó Thủ tướng X khẳng định ..." (the first person after the comma)
        cls.CHAIR_AFTER = lazy_pattern(regex.compile,
            r"""(?:(?<=(?:\A|[\n.;:,])\s*)(?P<front>(?:đồng\s+)?chủ\s+trì)
                   (?:\s+(?:và\s+)?(?:điều\s+hành\s+)?(?:(?:buổi|cuộc|phiên)\s+)?\L<kw>(?:\s+(?:lần\s+)?(?:này|thứ\s+\w+))?)?
                   (?:\s*(?P<list>có|gồm|là)\b|\s*(?P<comma>,))
                 |được\s+(?:đồng\s+)?chủ\s+trì\s+bởi)
                (?:\s+các\s+(?:đồng\s+chí|ông|bà|vị))?\s*:?\s*""",
            _F, kw=sorted(cls.kinds, key=len, reverse=True))
        # "do đồng chí A ... chủ trì": the chairs between "do" and the verb
        cls.CHAIR_BY = lazy_pattern(regex.compile,
            r"(?<!\w)do\s+(?P<who>(?-i:[^.;]{3,300}?))\s+(?:(?-i:đồng)\s+)?chủ\s+trì(?!\w)", _F)
        cls.ORDINAL = lazy_pattern(regex.compile,
            r"""(?:lần\s+thứ|(?<=\L<kw>(?:\s+(?:bất\s+thường|chuyên\s+đề))?)\s+(?:lần\s+)?thứ)\s+
                (?P<n>\d{1,3}|[IVXLC]{1,7}|nhất|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười(?:\s+\w+)?)(?!\w)""",
            _F, kw=sorted(cls.kinds, key=len, reverse=True))
        cls.SAME_DAY = lazy_pattern(regex.compile, r"(?P<pod>sáng|trưa|chiều|tối)\s+cùng\s+ngày", _F)
        cls.RES_COUNT = lazy_pattern(regex.compile,
            r"thông\s+qua\s+(?:(?:tổng\s+số|tổng\s+cộng|cả|toàn\s+bộ)\s+)?(?P<n>\d{1,3}|[\p{Ll}]+(?:\s+[\p{Ll}]+)?)\s+(?:nghị\s+quyết|dự\s+thảo\s+nghị\s+quyết)", _F)
        # "thông qua" as the verb of adopting, not "through" (clause-initial) nor passive
        cls.RES_VERB = lazy_pattern(regex.compile,
            r"(?<!\w)(?<!được\s)(?<!việc\s)(?<!khi\s)(?:(?:biểu\s+quyết\s+)?thông\s+qua|ban\s+hành)(?!\w)", _F)
        # the passive: "Với Nghị quyết về X được thông qua", at a clause start
        cls.RES_PASSIVE = lazy_pattern(regex.compile,
            r"""(?<=(?:\A|[\n.;:]|\bvới)\s*)(?P<title>(?:\L<hd>)\s+(?:về|miễn|bầu|phê|thông|quy|điều)\s(?-i:[^.;:\n]{5,300}?))
                \s+(?:đã\s+)?được\s+(?:biểu\s+quyết\s+)?thông\s+qua""", _F, hd=_lex("meeting_resolution_heads"))
        heads = _lex("meeting_resolution_heads")
        # the first words of the headings, lowercase: where a match of RES_PASSIVE can begin (_res_matches)
        cls.RES_HEAD_FIRSTS = tuple(sorted({h.split()[0].lower() for h in heads if h.strip()}))
        # "thông qua nhiều nghị quyết, trong đó có ..." / "thông qua 11 nghị quyết: ..."
        cls.RES_INTRO = lazy_pattern(regex.compile,
            r"""\s+(?:(?:các|những|nhiều|\d{1,3}|\p{Ll}+(?:\s+\p{Ll}+)?)\s+)?(?:dự\s+thảo\s+)?nghị\s+quyết
                (?:\s*,\s*trong\s+đó(?:\s+có)?|\s*:)""", _F)
        # a line that opens with a title, capitalized as a list item is: "1. Nghị quyết về ..."
        cls.RES_LINE = lazy_pattern(regex.compile,
            r"\s*(?:\d{1,2}\s*[.)]\s*|[-+•–]\s*)?(?=(?:%s)\s+(?:về|miễn|bầu|phê|thông|quy|điều|sửa)\s)"
            % "|".join(regex.escape(h[:1].upper() + h[1:]) for h in heads))
        cls.RES_CLOSED = lazy_pattern(regex.compile,
            r"\s+(?:các\s+|bản\s+)?(?P<title>\L<cl>)(?!\w)", _F, cl=_lex("meeting_resolution_closed"))
        cls.RES_HEAD = lazy_pattern(regex.compile,
            r"\s*(?:các\s+|những\s+)?(?P<head>\L<hd>)\s+(?!(?:\L<nt>)(?!\w))(?=[\w“\"])",
            _F, hd=heads, nt=_lex("meeting_resolution_not_titles"))
        # where a title ends: a list separator, a line or sentence end (not the dot of "TP. HCM"),
        # an ellipsis, a comma before a new clause, "và" before another head
        cls.RES_END = lazy_pattern(regex.compile,
            r"""(?P<semi>\s*;\s*)
              | \n | \s*(?:…|\.\.\.)
              | (?<!(?<![\w.])\p{Lu}{1,3})\.(?=\s|$)
              | \s*,\s*(?=(?i:\L<st>)(?!\w))
              | \s*:\s | \s+(?=để\s)
              | \s+(?=(?i:với|đối\s+với|cho)\s+(?i:ông|bà|đồng\s+chí|các\s+ông|các\s+đồng\s+chí)\s)
              | (?P<and>\s+và\s+)(?=(?i:\L<hd>)\s)""",
            regex.VERBOSE, st=_lex("meeting_resolution_stops"), hd=heads)
        cls.FORMAL_SESSION = lazy_pattern(regex.compile,
            r"""được\s+(?P<org>(?-i:[^,.\n]+(?:\n[^,.\n]+)?)),\s*
                (?P<name>(?P<kw>kỳ\s+họp|phiên\s+họp)\s+thứ\s+(?P<n>\w+))\s+
                thông\s+qua\s+(?P<date>ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})""",
            _F)
        # cheap tests a sentence must pass before the patterns of a field run on it: each one
        # matches wherever one of those patterns could (same flags, their fixed words)
        cls.HAS_CHAIR = lazy_pattern(regex.compile, r"chủ\s+trì", _F)  # CHAIR, CHAIR_UNDER
        cls.HAS_ATTEND = lazy_pattern(regex.compile, r"\L<att>|về\s+phía|dự|lãnh\s+đạo|đại\s+diện", _F, att=_lex("meeting_attend_cues"))  # ATTEND, ATTEND_SIDE, ATTEND_AFTER
        cls.HAS_RES = lazy_pattern(regex.compile, r"thông\s+qua|ban\s+hành", _F)  # RES_COUNT, RES_VERB, RES_PASSIVE
        # the three, tried at one offset of the lowercase copy of a lower-safe text with str
        # methods (_phrase_test: no regex call; the stretch loop's tests, _has_at)
        cls.CHAIR_AT = _phrase_test((), (("chủ", "trì"),))
        cls.ATTEND_AT = _phrase_test(tuple(w.lower() for w in _lex("meeting_attend_cues")) + ("dự",),
                                     (("về", "phía"), ("lãnh", "đạo"), ("đại", "diện")))
        cls.RES_AT = _phrase_test((), (("thông", "qua"), ("ban", "hành")))
        # where each of KIND, HAS_ATTEND, HAS_CHAIR, HAS_RES can begin: the first word of
        # each of its phrases (a phrase's spaces match any whitespace in some of them),
        # lowercased; found for the whole document in one pass (_may_match). A phrase of a
        # lexicon's \L list is matched as written (one space a space): where it can begin,
        # the whole phrase does (KIND, HAS_ATTEND's cues, ATTEND as "att", NOT_KIND, HELD,
        # PLANNED, PASSING)

        def phrases(name: str) -> list[str]:
            return [w.lower() for w in _lex(name) if w.strip()]
        cls.STARTS_WORDS = {  # one pass of the text for them all (starts_words)
            "kind": list(cls.kinds),
            "attend": phrases("meeting_attend_cues") + ["về", "dự", "lãnh", "đại"],
            "att": phrases("meeting_attend_cues"),
            "side": ["về", "lãnh", "đại"],  # ATTEND_SIDE
            "chair": ["chủ"],
            "res": ["thông", "ban"],
            # a sentence of a meeting's stretch with none of these has no chair, attendee or
            # resolution (HAS_CHAIR, HAS_ATTEND, HAS_RES cannot match): the union of the three
            "stretch": phrases("meeting_attend_cues") + ["về", "dự", "lãnh", "đại", "chủ", "thông", "ban"],
            "not_kind": phrases("meeting_not_kinds"),
            "held": phrases("meeting_held_cues"),
            "planned": phrases("meeting_planned_cues"),
            "passing": phrases("meeting_passing_cues"),
        }
        cls.STARTS = keyed_starts_finder(cls.STARTS_WORDS)
        # a phrase that opens with the name of a body ("huyện ủy, UBND huyện", "Ban Chỉ đạo ...")
        cls.BODY = lazy_pattern(regex.compile, r"\L<ok>(?!\w)", regex.I, ok=sorted(load_map("org_kinds"), key=len, reverse=True))
        cls.ORG_VERB = lazy_pattern(regex.compile,
            r"""(?<!\w)(?:(?:đã|vừa|đã\s+phối\s+hợp|phối\s+hợp|long\s+trọng|trang\s+trọng)\s+)*
                (?<!\bBan\s)(?<!\bvề\s)(?<!\bviệc\s)(?-i:\L<ov>)(?!\w)""", _F, ov=_lex("meeting_org_verbs"))
        # (the verb in lowercase: "Cục Tổ chức cán bộ" is a name, not the verb)
        # the words a match of ORG_VERB can begin with, lowercase: its adverbs' first words and
        # its verbs (_org_verb)
        cls.ORG_VERB_FIRSTS = ("đã", "vừa", "phối", "long", "trang") + tuple(
            sorted({w.lower() for w in _lex("meeting_org_verbs") if w}))
        # the numbers of the groups read in loops: a group read by name costs ~10x one by number
        # (the regex module tries int(name) first and drops the exception)
        cls.G_KIND = cls.KIND.groupindex["kind"]
        cls.G_CUE = cls.ATTEND.groupindex["cue"]
        cls.G_COMMA = cls.CHAIR_AFTER.groupindex["comma"]
        cls.G_POD = cls.SAME_DAY.groupindex["pod"]
        cls.G_SEMI, cls.G_AND = cls.RES_END.groupindex["semi"], cls.RES_END.groupindex["and"]


# ------------------------------------------------------------------ lists

def _has_person(text: str) -> bool:
    """Does the phrase name a person (the names layer's reading)?"""
    return bool(find_person_mentions(text))


# a sentence's dot, not that of "TP. Hà Nội" (a Roman numeral's is: "lần thứ V. Về phía ...")
_END = lazy_pattern(regex.compile, r"(?:(?<!(?<![\w.])\p{Lu}{1,3})|(?<=(?<![\w.])[IVXLC]{1,4}))\.(?:\s|$)|\n")
_NAME_STOP_SOURCE = (r"""\s*\((?=\s*(?:(?:ngày|sáng|chiều|tối|trưa)\s+)?\d{1,2}\s*[-/.]\s*\d)   # "(ngày 17-6)": a date, not the name
      | \s*(?:(?:;|(?:(?<!(?<![\w.])\p{Lu}{1,3})|(?<=(?<![\w.])[IVXLC]{1,4}))\.)\s|\.$|,\s*(?!\s*(?:đảm\s+bảo|triển\s+khai|phương\s+hướng|nhiệm\s+vụ|năm\s+\d|khóa\s+[IVXLC\d]+\b|khoá\s+[IVXLC\d]+\b))
        |\s+(?:với\s+sự|với\s+các|có\s+sự|tại\s|do\s|dưới\s+sự|đã\s|vừa\s|nhằm\s|vào\s|diễn\s+ra|
             được\s|cùng\s+các|để\s|sáng\s|chiều\s|tối\s|ngày\s+\d|với\s+sự\s+tham|có\s+\d|gồm\s))""")
_NAME_STOP_PLAIN = lazy_pattern(regex.compile, _NAME_STOP_SOURCE, _F)
# the same, a sentence dot's lookbehinds tried only before a dot: "(?=\.)" first (the engine
# reads the branch left to right and would try both lookbehinds at every offset of the
# name, most of the scan); benchmarks/check_meetings.py compares the two
_DOT_AFTER_CAPS = r"(?:(?<!(?<![\w.])\p{Lu}{1,3})|(?<=(?<![\w.])[IVXLC]{1,4}))\."
_NAME_STOP = lazy_pattern(regex.compile, _NAME_STOP_SOURCE.replace(_DOT_AFTER_CAPS, r"(?=\.)" + _DOT_AFTER_CAPS, 1), _F)
_ORG_THEO = lazy_pattern(regex.compile, r"^(?:theo\s(?-i:[^,]+),\s*)", regex.I)
_ORG_PLACE = lazy_pattern(regex.compile, r"^(?:tại\s(?-i:[^,]+),\s*)+(?:(?:TP\.|tỉnh|thành\s+phố|huyện|quận|thị\s+xã|xã|phường)\s(?-i:[^,]+),\s*)*", regex.I)
_ORG_VERB_TAIL = lazy_pattern(regex.compile, r"\s+(?:đã|vừa|phối\s+hợp|long\s+trọng|trang\s+trọng|(?:đã\s+|vừa\s+)?có)$", regex.I)
# who leads a delegation is not the body: "đoàn công tác của Sở X do đồng chí A, Giám đốc Sở làm trưởng đoàn"
_ORG_LEADER = lazy_pattern(regex.compile, r"\s+do\s+.*?(?:làm\s+trưởng\s+đoàn|dẫn\s+đầu|làm\s+trưởng)(?=\s|,|$)", regex.I | regex.S)
# a working delegation of a body: the body holds the working session ("Đoàn công tác của Sở X làm việc với ...")
_ORG_DELEGATION = lazy_pattern(regex.compile, r"^(?:các\s+)?đoàn\s+công\s+tác\s+(?:của\s+)?", regex.I)
_ORG_NOT = lazy_pattern(regex.compile,
    r"(?:tại|ngày|sáng|chiều|tối|trưa|hôm|theo|trong|phát\s+biểu|nhân|sau|trước|khi|với|để|thực\s+hiện|căn\s+cứ)(?!\w)|.*\d\s*/", regex.I)
# what opens a sentence before its subject, up to a comma: a time, a span, an occasion
_ORG_LEAD = lazy_pattern(regex.compile, r"(?:trong|sáng|chiều|tối|trưa|ngày|hôm|vào|nhân|sau|trước|tiếp\s+theo|tiếp\s+đó)\s|(?-i:[^,]*)\d", regex.I)
# the session or term of a body ("khóa IX, nhiệm kỳ 2016-2021") and a date after it are not its name
_ORG_TERM_TAIL = lazy_pattern(regex.compile,
    r"(?:\s*,?\s+(?:khóa|khoá)\s+[IVXLC\d]+)?(?:\s*,?\s+nhiệm\s+kỳ\s+\d{4}\s*[-–]\s*\d{4})?(?:\s+(?:sáng|chiều|tối|trưa|ngày)\s+\d.*)?$",
    regex.I)
_ORG_BY = lazy_pattern(regex.compile, r"(?<![(\w])(?:do|được)\s+(?P<org>(?-i:[^,;()]{3,80}))\s+(?:phối\s+hợp\s+)?(?<!\bBan\s)tổ\s+chức(?!\w)", _F)
# the passive "được tổ chức bởi X"
_ORG_PASSIVE = lazy_pattern(regex.compile,
    r"(?<!\w)được\s+tổ\s+chức\s+bởi\s+(?P<org>(?-i:[^,;()]{3,80}?))(?=\s*[,.;(]|\s+(?:tại|vào|nhằm|với|từ|trong)\s|$)", _F)
_ORG_OF = lazy_pattern(regex.compile, r"\s+của\s+(?P<org>(?-i:[^,.;]{3,60}?))(?=\s+(?:cùng|với|về|tại|nhằm)\s|[,.;]|$)", _F)
_ORG_COUNCIL = lazy_pattern(regex.compile,
    r"""(?:\s+(?:(?:lần\s+)?thứ\s+\w+|bất\s+thường|chuyên\s+đề|\(\s*kỳ\s+họp\s+bất\s+thường\s*\)))*(?:\s*,)?\s+(?:của\s+)?
        (?P<org>(?:HĐND|HÐND|Hội\s+đồng\s+nhân\s+dân|Quốc\s+hội)(?:(?-i:[^,.;()])|(?<=\p{Lu})\.)*?)
        (?=\s+(?:khóa|khoá|đã|vừa|lần|tổ\s+chức|diễn\s+ra|vào|sáng|chiều|tối|hôm|ngày)\s|\s*[,.;()]|$)""",
    _F)
_ORG_GENITIVE = lazy_pattern(regex.compile,
    r"(?<!\w)của\s+(?P<org>(?:(?-i:[^,.;:()\n])|(?<=\p{Lu})\.){3,60}?)(?<!\bsẽ|\bsắp|\bdự\s+kiến|\bchưa)\s+(?:đã\s+|vừa\s+)?(?:diễn\s+ra|khai\s+mạc|bế\s+mạc)(?!\w)", regex.I)
# words a match of a pattern must hold, searched first (same flags): where one is missing, so is
# the match. benchmarks/check_meetings.py checks each against its pattern.
_TO_CHUC = lazy_pattern(regex.compile, r"tổ\s+chức", _F)  # _ORG_BY, _ORG_PASSIVE
_THU = lazy_pattern(regex.compile, r"thứ", _F)  # ORDINAL
_ORG_TERM_WORDS = lazy_pattern(regex.compile, r"khóa|khoá|nhiệm|sáng|chiều|tối|trưa|ngày", regex.I)  # _ORG_TERM_TAIL, not empty
_NOT_ORG_SUBJECT = lazy_pattern(regex.compile, r"(?<!\w)(?:chủ\s+trì|dự|tham\s+dự|tại)(?!\w)", regex.I)
_DOC_SYMBOL_BEFORE = lazy_pattern(regex.compile, r"(?:\d+\s*[-/]\s*[\p{Lu}]+|[\p{Lu}]{2,}\s*/\s*[\p{Lu}]+)[^,]*$")
_HELD_BEFORE = lazy_pattern(regex.compile, r'(?:(?<!\b(?:về|việc|để)\s)tổ\s+chức|tiến\s+hành|đã\s+có|khai\s+mạc|bế\s+mạc|chủ\s+trì|diễn\s+ra|dự|tham\s+dự|tại)(?:\s+[\w“”]+){0,2}\s*[“"]?\s*$', regex.I)
_HELD_AFTER = lazy_pattern(regex.compile, r"(?:đã|vừa)\s+(?:được\s+(?-i:[^,.]{0,60}?))?(?:biểu\s+quyết\s+)?(?:khai\s+mạc|bế\s+mạc|diễn\s+ra|thông\s+qua|tổ\s+chức|kết\s+thúc)", regex.I)
# "Hội nghị ... diễn ra vào sáng 1-2": a date right after the verb reports it held
_HELD_AFTER_DATED = lazy_pattern(regex.compile,
    r"(?<!(?:sẽ|sắp|dự\s+kiến)\s+(?:chính\s+thức\s+)?(?:được\s+)?)(?:diễn\s+ra|khai\s+mạc|bế\s+mạc)\s+(?:vào\s+)?(?:(?:sáng|chiều|tối|trưa)\s+)?(?:nay\s+)?(?:ngày\s+|hôm\s+)?\(?\d", regex.I)
_CHAIR_CLAUSE = lazy_pattern(regex.compile, r"[.;]\s|,\s*(?=(?:cùng\s+)?(?:dự|tham\s+dự|về\s+dự|đến\s+dự))|\bẢnh:[^.]*?(?=\s[\p{Lu}])")
_DATE_PLACE_LEAD = lazy_pattern(regex.compile, r"(?:(?:[\p{L}]+\s+)?(?:ngày\s+)?\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s*[-/.]\s*\d{4})?\s*,?\s*)?(?:tại\s[^,]+,\s*)?", regex.I)
_CLAUSE_END_BEFORE = lazy_pattern(regex.compile, r"[,.;:]\s*$")
_CO_AFTER = lazy_pattern(regex.compile, r"có\s*[,:]?\s+$")
_CO_GOM_AFTER = lazy_pattern(regex.compile, r"(?:có|gồm)\s*[,:]?\s*$")
_LIST_STOP = lazy_pattern(regex.compile, r"\s+(?:chủ\s+trì|phát\s+biểu|đã\s|đang\s|sinh\s+sống)|\s+tại\s+\d+\s+điểm\s+cầu", _F)
_SPACES = lazy_pattern(regex.compile, r"\s+")
_SPLIT_NOT_SPACE = ("\x1c", "\x1d", "\x1e", "\x1f")  # str.split() splits at them, \s does not


def _fold_strip(text: str, chars: str) -> str:
    """_SPACES.sub(" ", text).strip(chars) for `chars` holding a space, by str.split and join
    (a sixth of the regex's cost): the same words, one space between them, and the edge
    space the regex leaves is stripped either way. benchmarks/check_lists.py compares them."""
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return _SPACES.sub(" ", text).strip(chars)
    return " ".join(text.split()).strip(chars)
_SESSION_MOD = lazy_pattern(regex.compile, r"(?:\s+(?:bất\s+thường|chuyên\s+đề))?", regex.I)
_AND_KIND = lazy_pattern(regex.compile, r"\s+và\s+(?:(?:tổ\s+chức|tiến\s+hành|khai\s+mạc)\s+)?(?=\p{L})", regex.I)
_SITTING_WORDS = frozenset(("phiên khai mạc", "phiên bế mạc", "phiên họp", "lễ", "buổi lễ", "họp"))
_SITTING_OF = lazy_pattern(regex.compile, r"\s+(?:(?:khai|bế)\s+mạc\s+|(?:toàn\s+thể|trọng\s+thể|thứ\s+\w+)\s+)?(?:của\s+)?kỳ\s+họp(?!\w)", regex.I)
# "Quốc hội họp phiên bế mạc": a sitting with no session named after it
_SITTING_ALONE = lazy_pattern(regex.compile, r"(?:phiên\s+(?:khai|bế)\s+mạc|họp\s+phiên)", regex.I)
_TITLE_HELD = lazy_pattern(regex.compile, r"(?:^|\s)(?:tổ\s+chức|khai\s+mạc|bế\s+mạc|:)\s*$", regex.I)
_CO_IN = lazy_pattern(regex.compile, r"(?<!\w)(?:có|gồm)(?!\w)\s*:?\s*", regex.I)
_CO_LEAD = lazy_pattern(regex.compile, r"\s*(?:còn\s+)?(?:có|gồm)(?!\w)\s*:?\s*", regex.I)
_BARE_CUES = frozenset(("dự", "tham dự", "về dự", "đến dự", "tới dự", "cùng dự", "cùng tham dự"))
_ATTEND_AND_LEAD = lazy_pattern(regex.compile, r"(?<!\w)(?:đến\s+)?dự\s+và\s+(?:chỉ\s+đạo|phát\s+biểu)")
_DU_VA = lazy_pattern(regex.compile, r"dự\s+và")  # what every match of _ATTEND_AND_LEAD holds
_SENTENCE_CLAUSE = lazy_pattern(regex.compile, r"[.;]\s|\bẢnh:[^.]*?(?=\s[\p{Lu}])")


# ------------------------------------------------------------------ meetings

class _ReadOnFirstUse:
    """A field of _Draft held in "_<name>" as its value or as the function that reads it:
    the function is called on the first read, and its value kept."""

    def __set_name__(self, owner, name: str) -> None:
        self.slot = "_" + name

    def __get__(self, obj, owner=None):
        if obj is None:
            return self
        value = getattr(obj, self.slot)
        if callable(value):
            value = value()
            setattr(obj, self.slot, value)
        return value

    def __set__(self, obj, value) -> None:
        setattr(obj, self.slot, value)


@dataclass
class _Draft:
    kind: str
    start: int
    end: int
    # the name's span, or the function that reads it on first use (as _ordinal, _organizer)
    _name: object = field(default=None, repr=False)
    date: Optional[str] = None
    part_of_day: Optional[str] = None
    chairs: list[tuple[str, Evidence]] = field(default_factory=list)
    attendees: list[tuple[str, Evidence]] = field(default_factory=list)
    resolutions: list[str] = field(default_factory=list)
    resolution_count: Optional[int] = None
    place: Optional[str] = None
    sentence: Optional[tuple[int, int]] = None
    early: bool = False
    twin: Optional["_Draft"] = None  # the meeting told in the same clause before this one ("... và hội nghị ...")
    # the ordinal and the organizer, or the function that reads one on first use: most
    # candidates are left (a meeting told again, a later undated report), and few of theirs
    # are ever read (_fill). The functions are pure (of the text), so when they run does not
    # change what they give.
    _ordinal: object = field(default=None, repr=False)
    _organizer: object = field(default=None, repr=False)

    name = _ReadOnFirstUse()  # Optional[tuple[int, int]]: the span of the name
    ordinal = _ReadOnFirstUse()  # Optional[int]
    organizer = _ReadOnFirstUse()  # Optional[str]


_SEEN: tuple = (None, -1, None)  # (the last text, the lexicons' generation, its starts by key or None)


def starts_words() -> dict[str, list[str]]:
    """The words of _P.STARTS by key (lowercase): organizations._word_finder adds them to its
    automaton, so that one pass over a document's lowered text finds them with its own."""
    return _P.get().STARTS_WORDS


def _share_starts(doc: Document) -> None:
    """Keep for doc's text the starts by key that organizations.lowered_hits found in its pass
    (the words of starts_words() among its own), so that _starts makes no pass of its own;
    nothing when the text is not lower-safe or pyahocorasick is missing (_starts decides)."""
    global _SEEN
    text = doc.text
    if _SEEN[0] is text and _SEEN[1] == lexicon_generation():
        return
    lowered = lowered_if_safe(text)
    hits = lowered_hits(doc, lowered) if lowered is not None else None
    if hits is not None:
        _SEEN = (text, lexicon_generation(), hits[2])


def _starts(text: str, key: str) -> list[int] | None:
    """Every offset of text where a match of the pattern `key` names (_P.STARTS) can begin:
    where one of its first words begins (found for the whole text in one pass, kept for the
    text's next calls). None when the text is not safe to lower or pyahocorasick is missing."""
    global _SEEN
    seen = _SEEN
    if seen[0] is not text or seen[1] != lexicon_generation():
        generation = lexicon_generation()
        finder = _P.get().STARTS
        lowered = lowered_if_safe(text) if finder is not None else None  # (the copy other extractors made)
        seen = _SEEN = (text, generation, finder(lowered) if lowered is not None else None)
    by_key = seen[2]
    return by_key[key] if by_key is not None else None


def _may_match(text: str, s: int, e: int, key: str) -> bool:
    """False when no match of the pattern `key` names (_P.STARTS) can lie in text[s:e]: none
    of its first words begins there (the words of the whole text found once, bisected per
    sentence). True when one does, or when the text is not safe to lower or pyahocorasick is
    missing: the caller's search decides. benchmarks/check_meetings.py checks the filter."""
    starts = _starts(text, key)
    if starts is None:
        return True
    i = bisect_left(starts, s)
    return i < len(starts) and starts[i] < e


def _search(pattern: regex.Pattern, text: str, s: int, e: int, key: str) -> regex.Match | None:
    """pattern.search(text, s, e), the pattern (the one `key` names in _P.STARTS) tried only
    where one of its first words begins: the leftmost match is the first found there.
    benchmarks/check_meetings.py checks that every match begins at one of those offsets.

    The tries go without the regex clock (which costs more than such a try): the patterns
    searched so (KIND, HAS_ATTEND, HAS_CHAIR, HAS_RES, HELD, PLANNED, PASSING) are
    lists of phrases whose words are joined by runs of spaces, so a try walks one phrase and
    the spaces in it, and cannot backtrack over more than that."""
    seen = _SEEN  # (_starts(text, key), inline: a call a search less)
    starts = seen[2][key] if seen[0] is text and seen[1] == lexicon_generation() and seen[2] is not None \
        else _starts(text, key)
    if starts is None:
        return pattern.search(text, s, e, False, False, _T)
    match = pattern.match
    for k in range(bisect_left(starts, s), len(starts)):
        p = starts[k]
        if p >= e:
            break
        m = match(text, p, e, False)
        if m is not None:
            return m
    return None


def _has(starts: list[int], match, text: str, s: int, e: int) -> bool:
    """_search(pattern, text, s, e, key) is not None, given the key's starts (not None) and
    pattern.match: the stretch loop's test, without the look-ups _search makes each call."""
    for k in range(bisect_left(starts, s), len(starts)):
        p = starts[k]
        if p >= e:
            return False
        if match(text, p, e, False) is not None:  # (no clock: as in _search)
            return True
    return False


def _phrase_test(phrases: tuple[str, ...], pairs: tuple[tuple[str, str], ...]):
    """A function (lowered, p, e) -> does the pattern (phrases as written)|(a\\s+b for each
    pair (a, b)), case-insensitive, match at p before e, read with str methods in the lowercase
    copy of a lower-safe text (lexicon.lowered_if_safe: a lowercase phrase begins there exactly
    where the pattern's phrase matches the text, and str.isspace knows exactly the characters \\s
    matches): a regex call costs more than the whole test. The phrases and pairs are lowercase;
    b begins with no space (so the greedy \\s+ never gives one back).
    benchmarks/check_meetings.py compares it with HAS_CHAIR, HAS_ATTEND and HAS_RES.

    With phrases, only the phrases and pairs whose first character is the one at p are read (a
    phrase begins at p only with that character): one dict look-up, then a few str tests instead
    of a test of each (_phrase_test_plain reads them all)."""
    if not phrases or not all(phrases) or not all(a for a, _ in pairs):
        return _phrase_test_plain(phrases, pairs)  # a pair or two: as cheap read in full; an empty phrase begins with any character
    by_first: dict[str, tuple[tuple[str, ...], tuple[tuple[str, str], ...]]] = {}
    for c in {w[0] for w in phrases} | {a[0] for a, _ in pairs}:
        by_first[c] = (tuple(w for w in phrases if w[0] == c), tuple((a, b) for a, b in pairs if a[0] == c))
    first = by_first.get

    def test(lowered: str, p: int, e: int) -> bool:
        if p >= len(lowered):
            return False  # (nothing begins there: the plain test's answer too)
        these = first(lowered[p])
        if these is None:
            return False
        some, two = these
        if some and lowered.startswith(some, p, e):
            return True
        return _pair_at(two, lowered, p, e) if two else False
    return test


def _phrase_test_plain(phrases: tuple[str, ...], pairs: tuple[tuple[str, str], ...]):
    """_phrase_test's function, each phrase and pair tested at p (benchmarks/check_meetings.py)."""
    def test(lowered: str, p: int, e: int) -> bool:
        if phrases and lowered.startswith(phrases, p, e):
            return True
        return _pair_at(pairs, lowered, p, e)
    return test


def _pair_at(pairs: tuple[tuple[str, str], ...], lowered: str, p: int, e: int) -> bool:
    """Does a\\s+b of one of the pairs (a, b) begin at p in lowered, before e (_phrase_test)?"""
    for a, b in pairs:
        if lowered.startswith(a, p, e):
            j = k = p + len(a)
            n = len(lowered)
            n = e if e < n else n
            while k < n and lowered[k].isspace():
                k += 1
            if k > j and lowered.startswith(b, k, e):
                return True
    return False


def _has_at(starts: list[int], test, lowered: str, s: int, e: int) -> bool:
    """_has(starts, pattern.match, text, s, e) for the pattern _phrase_test `test` reads, over
    the lowercase copy of the text (the stretch loop's tests)."""
    for k in range(bisect_left(starts, s), len(starts)):
        p = starts[k]
        if p >= e:
            return False
        if test(lowered, p, e):
            return True
    return False


def _finditer(pattern: regex.Pattern, text: str, s: int, e: int, key: str) -> list[regex.Match]:
    """matches(pattern, text, s, e), the pattern (whose matches all begin where one of the
    first words of _P.STARTS's list `key` does, and are never empty) tried only at those offsets, the
    whole scan under the same time limit. benchmarks/check_meetings.py compares the two.

    NOT_KIND and PLANNED (_NO_CLOCK) are lists of phrases matched as written: a try walks one
    phrase, and their scans go without the time limit, whose clock costs more than they do.
    ATTEND and ATTEND_SIDE have no unbounded quantifier but whitespace runs: a try reads a cue
    and a few fixed words (ATTEND), or at most 60 characters before its "có" (ATTEND_SIDE),
    and the whitespace runs between and before them, which the normalized text of a Document
    keeps to 3 characters at most (io/normalize.py): no try can run away, and the clock is read
    between the tries (budget.matches_at_bounded), not passed to each (2 µs a try)."""
    seen = _SEEN  # (_starts(text, key), inline: a call a scan less)
    starts = seen[2][key] if seen[0] is text and seen[1] == lexicon_generation() and seen[2] is not None \
        else _starts(text, key)
    if starts is None:
        return matches(pattern, text, s, e)
    i = bisect_left(starts, s)
    if i == len(starts) or starts[i] >= e:
        return []  # no start in the window: nothing to try
    if key == "side":  # ATTEND_SIDE opens a clause: its starts that cannot, left out
        starts = [p for p in starts[i:bisect_left(starts, e, i)] if _may_open_clause(text, p)]
        if not starts:
            return []
    if key not in _NO_CLOCK:
        return matches_at_bounded(pattern, text, starts, None, s, e)
    return matches_at_unclocked(pattern, text, starts, s, e)


_NO_CLOCK = frozenset(("not_kind", "planned"))


def _may_open_clause(text: str, p: int) -> bool:
    """Can ATTEND_SIDE's lookbehind hold at p (the text's start or one of "\\n.;:,", then
    spaces)? Not when the plain spaces before p hold no line break and follow a character that
    is none of those nor a space of another kind (for which the pattern decides)."""
    r = p
    while r > 0 and text[r - 1] in " \t\r\n":
        r -= 1
    if r == 0 or "\n" in text[r:p]:
        return True
    c = text[r - 1]
    return c in ".;:," or c.isspace()


def _sitting_of_session(text: str, m: regex.Match, e: int) -> bool:
    """Whether the meeting word m is the opening or closing sitting of a session, which reports
    the session ("phiên bế mạc kỳ họp thứ 9": the kỳ họp, guideline v1.1), not a meeting."""
    return m.group().lower() in _SITTING_WORDS and _SITTING_OF.match(text, m.end(), e, False) is not None


def _kind_matches(text: str, s: int, e: int):
    P = _P.get()
    # one search at a time (as finditer would go on, but lazily: the title wants the first only)
    m = _search(P.KIND, text, s, e, "kind")
    if m is None:  # most sentences: no meeting word, no need for the words that are not one
        return
    bad = [b.span() for b in _finditer(P.NOT_KIND, text, s, e, "not_kind")]
    while m is not None:
        if not any(a <= m.start() < b for a, b in bad) and not _sitting_of_session(text, m, e):
            yield m
        m = _search(P.KIND, text, max(m.end(), m.start() + 1), e, "kind")


def _first_kind(text: str, s: int, e: int) -> regex.Match | None:
    """next(_kind_matches(text, s, e), None) without a generator: find_meetings reads the
    first meeting word of a sentence (and of the headline) only (benchmarks/check_meetings.py
    compares the two)."""
    P = _P.get()
    m = _search(P.KIND, text, s, e, "kind")
    if m is None:
        return None
    bad = [b.span() for b in _finditer(P.NOT_KIND, text, s, e, "not_kind")]
    while m is not None:
        p = m.start()
        if not (bad and any(a <= p < b for a, b in bad)) and not _sitting_of_session(text, m, e):
            return m
        m = _search(P.KIND, text, max(m.end(), p + 1), e, "kind")
    return None


def _name_span(text: str, ks: int, se: int) -> tuple[int, int]:
    """The meeting's name from its kind word to the end of the noun phrase."""
    # (no clock: a try reads a whitespace run, 3 characters at most in a Document's normalized
    # text, and a few fixed words or a date's digits; the regex clock costs 2 µs a call)
    m = _NAME_STOP.search(text, ks, se, False)
    e = m.start() if m else se
    return ks, e


def _ordinal(text: str, s: int, e: int) -> Optional[int]:
    """'lần thứ N' in the name, or 'thứ N' after its own kind word ('kỳ họp thứ tư', 'kỳ họp
    bất thường thứ 11')."""
    if not _may_hold_thu(text, s, e):
        return None  # every match of ORDINAL holds "thứ"
    P = _P.get()
    km = P.KIND.match(text, s, e, False)  # (one phrase of the list: no clock)
    for m in P.ORDINAL.finditer(text, s, e, False, False, False, _T):
        if m.group().lower().startswith("lần") or (km is not None and _SESSION_MOD.fullmatch(text, km.end(), m.start(), False)):
            return parse_ordinal(m["n"])
    return None


def _name_ordinal(d: _Draft, text: str, ks: int) -> Optional[int]:
    """_ordinal in the draft's name, from its kind word at ks (read when the ordinal is).

    Every ordinal holds "thứ" (ORDINAL; _ordinal's first test): where the rest of the sentence
    (d.end: the name ends within it) has none, neither has the name, which is then not read
    for it (_fill reads most candidates' ordinals, few of their names). Found in the lowercase
    copy of a lower-safe text (same offsets, found there exactly where _THU matches).
    benchmarks/check_meetings.py compares the test with _THU's."""
    if not _may_hold_thu(text, ks, d.end):
        return None
    return _ordinal(text, ks, d.name[1])


def _may_hold_thu(text: str, s: int, e: int) -> bool:
    """_THU.search(text, s, e) is not None, by str.find in the lowercase copy of a lower-safe text."""
    lowered = lowered_if_safe(text)
    if lowered is None:
        return _THU.search(text, s, e, False) is not None
    return lowered.find("thứ", s, e) >= 0


def _clean_org(org: str) -> Optional[str]:
    org = org.strip(" ,.;:-–")
    org = _ORG_THEO.sub("", org, 0, None, None, False)
    org = _ORG_PLACE.sub("", org, 0, None, None, False)
    org = _ORG_LEADER.sub("", org, 0, None, None, False)
    org = _ORG_DELEGATION.sub("", org, 0, None, None, False)
    # an adverbial lead before the subject: "Trong 2 ngày, mùng 7 và 8/8, Hội X", "với vai trò
    # Cụm trưởng, Hội Luật gia Việt Nam": the subject is the last phrase, a name
    if "," in org:
        last = org.rsplit(",", 1)[1].strip()
        if _ORG_LEAD.match(org, None, None, False) or (last[:1].isupper() and not org[:1].isupper()
                                    and not _P.get().BODY.match(org, None, None, False)):
            org = last
    org = _ORG_VERB_TAIL.sub("", org, 0, None, None, False).strip(" ,")
    if _ORG_TERM_WORDS.search(org, None, None, False) is not None:  # else _ORG_TERM_TAIL matches only the empty end
        org = _ORG_TERM_TAIL.sub("", org, 0, None, None, False)
    org = org.strip(" ,")
    if not org or len(org.split()) > 14 or not org[0].isalpha():
        return None
    if _ORG_NOT.match(org, None, None, False):  # (before the names layer's reading: both refuse, this one costs less)
        return None
    if _has_person(org):
        return None
    return org


def _organizer(text: str, ss: int, ks: int, ke: int, se: int, date_end: int, kind: str) -> Optional[str]:
    """The body that held the meeting: subject of 'tổ chức', 'do X tổ chức', 'kỳ họp <body>'."""
    P = _P.get()
    # "... do Ban tổ chức Thành ủy tổ chức", "vừa được HĐND huyện tổ chức"
    if _TO_CHUC.search(text, ke, se, False) is not None:  # both hold "tổ chức"
        m = _ORG_BY.search(text, ke, se, False, False, _T)
        if m:
            return _clean_org(m["org"])
        m = _ORG_PASSIVE.search(text, ke, se, False, False, _T)
        if m:
            return _clean_org(m["org"])
    # "cuộc làm việc của Ban thường vụ Tỉnh ủy"
    m = _ORG_OF.match(text, ke, se, False)  # (a match at ke of at most 60 characters and "của": no clock needed)
    if m and kind in ("cuộc làm việc", "buổi làm việc"):
        return _clean_org(m["org"])
    # "kỳ họp thứ 12 HĐND TP. HCM khóa IX", "Kỳ họp thứ tư Hội đồng nhân dân thành phố Hà Nội khóa XV"
    if kind in ("kỳ họp", "phiên họp"):
        m = _ORG_COUNCIL.match(text, ke, se, False, False, _T)
        if m:
            return _clean_org(m["org"])
    # subject before the verb: "Chiều 28/7/2020 Huyện ủy X (tổ chức) hội nghị ..."; a date told
    # after the meeting ("... tổ chức hội nghị ... vào chiều 25/12") leaves the whole clause
    left = max(ss, date_end) if date_end <= ks else ss
    # the first meeting verb after the subject ("HĐND tỉnh tiến hành phiên bế mạc kỳ họp")
    v = _org_verb(text, left, ks)
    e = v.start() if v else ks
    if e - left < 2:
        return None
    seg = text[left:e]
    if v is None and text[ks:ke].lower() == "họp":
        # the meeting word is the verb: "dưới sự chủ trì của X, Quốc hội họp phiên bế mạc"
        return _clean_org(seg.rsplit(",", 1)[-1])
    if v is None and _NOT_ORG_SUBJECT.search(seg, None, None, False):
        return None
    if v is None and (date_end <= ss or date_end > ks):
        return None
    return _clean_org(seg)


def _org_verb(text: str, s: int, e: int) -> regex.Match | None:
    """ORG_VERB.search(text, s, e) (with the clock: its adverbs' run can be read many ways),
    begun at the first of the words a match can begin with (ORG_VERB_FIRSTS: an adverb's
    first word, ignoring case, or a verb as written, which its lowercase copy holds), and not
    run without one: found by str.find in the lowercase copy of a lower-safe text (same
    offsets; a word found there exactly where it matches ignoring case). A search begun
    there finds the same match (none begins before, and the lookbehinds still read the text
    before it). benchmarks/check_meetings.py compares the two."""
    P = _P.get()
    lowered = lowered_if_safe(text)
    if lowered is not None:
        find = lowered.find
        first = -1
        for w in P.ORG_VERB_FIRSTS:
            q = find(w, s, e)
            if q >= 0 and (first < 0 or q < first):
                first = q
        if first < 0:
            return None
        s = first
    return P.ORG_VERB.search(text, s, e, False, False, _T)


def _organizer_or_subject(text: str, ss: int, ks: int, ke: int, se: int, date_end: int, kind: str) -> Optional[str]:
    """_organizer, or the body the meeting (the subject) belongs to: "Hội nghị tổng kết ... của
    quận X diễn ra vào sáng 1-2" (the kind in the first 30 characters)."""
    org = _organizer(text, ss, ks, ke, se, date_end, kind)
    if org is None:
        om = _ORG_GENITIVE.search(text, ks, se, False, False, _T) if ks - ss < 30 else None
        if om:
            org = _clean_org(om["org"])
    return org


def _headline_organizer(text: str, s: int, e: int) -> Optional[str]:
    """A lead that tells the meeting without its subject takes the headline's: "Huyện ủy X tổng
    kết công tác năm 2024" (a body opening the headline, then a meeting verb)."""
    P = _P.get()
    if not P.BODY.match(text, s, e, False, False, _T):
        return None
    v = _org_verb(text, s, e)
    if v is None or v.start() - s < 2:
        return None
    return _clean_org(text[s:v.start()])


def _date_of(doc: Document, s: int, e: int, prev: Optional[_Draft], precheck: bool = True):
    """(iso date, part of day, end of the date) of the first dated mention in text[s:e].
    (precheck=False: find_dates asked even where _DATE_SHAPE finds nothing, for the check.)"""
    text = doc.text
    m = _same_day(text, s, e) if prev is not None and prev.date else None
    if m:
        return prev.date, m[_P.get().G_POD].lower(), m.end()
    if precheck and (_DIGIT.search(text, s, e, False) is None or not _date_shape(text, s, e)):
        return None, None, -1  # (a digit first: a faster scan, and the shape holds one)
    pub = published_date(doc)
    year = pub.year if pub is not None else None
    # (the dates one by one: the first that passes is the answer, the rest of the sentence unread)
    for d in iter_dates(text, s, e, year):
        if d.day is None or d.month is None:
            continue
        # a document's date ("Chỉ thị ... ngày 22/11/2014") is not the meeting's
        before = text[(s if s > d.start - 25 else d.start - 25):d.start]
        if _DOC_SYMBOL_BEFORE.search(before, None, None, False):
            continue
        iso = d.iso()
        if iso and "T" in iso:
            iso = iso.split("T")[0]
        return iso, d.part_of_day, d.end
    return None, None, -1


# what every date of find_dates with a day and a month holds (each branch of DATE_PATTERNS):
# "tháng", or a digit, one of / . - and a digit ("5/3", "20-6-2020", "7 và 8/8")
_DATE_SHAPE = lazy_pattern(regex.compile, r"tháng|\d\s?[/.-]\s?\d", regex.I)
_DATE_NUM = lazy_pattern(regex.compile, r"\d\s?[/.-]\s?\d")  # its second branch (no letter: no case to ignore)


def _date_shape(text: str, s: int, e: int) -> bool:
    """_DATE_SHAPE.search(text, s, e) is not None: in a lower-safe text, "tháng" found by
    str.find in its lowercase copy (same offsets; found there exactly where it matches the
    text ignoring case) or _DATE_NUM, without the case-insensitive alternation (a third of
    its cost). benchmarks/check_meetings.py compares them."""
    lowered = lowered_if_safe(text)
    if lowered is None:
        return _DATE_SHAPE.search(text, s, e, False) is not None
    return lowered.find("tháng", s, e) >= 0 or _DATE_NUM.search(text, s, e, False) is not None
_DIGIT = lazy_pattern(regex.compile, r"\d")  # every date holds one too


def _same_day(text: str, s: int, e: int) -> regex.Match | None:
    """SAME_DAY.search(text, s, e), run only where the window holds "cùng" (every match does):
    its lowercase copy (same offsets) is searched for it first, a fraction of the cost.
    (No clock: SAME_DAY is four words, then "cùng ngày": a try walks those.)"""
    lowered = lowered_if_safe(text)
    if lowered is not None and lowered.find("cùng", s, e) < 0:
        return None
    return _P.get().SAME_DAY.search(text, s, e, False)


def _may_be_early(text: str, s: int, e: int, prev: Optional[_Draft]) -> bool:
    """Can _date_of(doc, s, e, prev) find a date ending before s + 40 (the sentence opens with
    it)? Not when _DATE_SHAPE finds nothing in text[s:s + 39] (a date holds its shape, before
    its end) and "sáng cùng ngày" cannot take the last meeting's date."""
    if prev is not None and prev.date and _same_day(text, s, e):
        return True
    end = e if e < s + 39 else s + 39  # (a digit first: the shape holds one, and most openings have none)
    return _DIGIT.search(text, s, end, False) is not None and _date_shape(text, s, end)


@lru_cache(maxsize=None)
def _time_ref_cue():
    return lazy_pattern(regex.compile, rf"(?<!\w)(?:{alternation(load_list('meeting_time_ref_cues'))})(?:\s+[\w“”]+){{0,3}}\s*$", regex.I)


def _time_reference(text: str, s: int, ks: int) -> bool:
    """The meeting word at ks comes as the time of another event: "ngay sau lễ bế mạc ..."."""
    return bool(_time_ref_cue().search(text, (s if s > ks - 30 else ks - 30), ks, False))  # (30 characters: no clock needed)


def _held(text: str, s: int, e: int, km) -> bool:
    """Does the sentence report the meeting at km as held, not planned or in passing?"""
    P = _P.get()
    if _search(P.PASSING, text, s, e, "passing") is not None:
        return False
    for pm in _finditer(P.PLANNED, text, s, e, "planned"):
        if pm.start() < km.start():
            return False
        if pm.start() < km.end() + 60 and P.PLANNED_AFTER.fullmatch(pm.group(), None, None, False):
            return False
    return _search(P.HELD, text, s, e, "held") is not None


def _strongly_held_plain(text: str, s: int, e: int, km) -> bool:
    """A held verb right before the meeting word, or 'đã khai mạc/bế mạc/diễn ra' after it."""
    k = km.start()
    before = text[(s if s > k - 40 else k - 40):k]
    if _HELD_BEFORE.search(before, None, None, False):
        return True
    after = text[km.end():e]
    # (_HELD_AFTER_DATED ends with a digit: none in the rest of the sentence, no need to try
    # its lookbehind at every position)
    return bool(_HELD_AFTER.search(after, None, None, False)
                or (_DIGIT.search(after, None, None, False) and _HELD_AFTER_DATED.search(after, None, None, False)))


# the words every match of _HELD_AFTER holds (its first), and of _HELD_AFTER_DATED (the first
# of each of its verbs): searched first in the rest of the sentence (_strongly_held)
_HELD_AFTER_NEEDS = lazy_pattern(regex.compile, r"đã|vừa", regex.I)
_HELD_DATED_NEEDS = lazy_pattern(regex.compile, r"diễn|khai|bế", regex.I)


def _strongly_held(text: str, s: int, e: int, km) -> bool:
    """_strongly_held_plain(text, s, e, km), the searches after the meeting word (over the rest
    of the sentence, every offset tried: most of the cost) run only where the words their
    matches hold are there: found by str.find in the lowercase copy of a lower-safe text
    (same offsets, found there exactly where they match the text ignoring case), else by
    the patterns of those words. benchmarks/check_meetings.py compares the two."""
    k = km.start()
    before = text[(s if s > k - 40 else k - 40):k]
    if _HELD_BEFORE.search(before, None, None, False):
        return True
    ke = km.end()
    lowered = lowered_if_safe(text)
    if lowered is not None:
        find = lowered.find
        held = find("đã", ke, e) >= 0 or find("vừa", ke, e) >= 0
    else:
        held = _HELD_AFTER_NEEDS.search(text, ke, e, False) is not None
    if held and _HELD_AFTER.search(text[ke:e], None, None, False):
        return True
    # (_HELD_AFTER_DATED ends with a digit: none in the rest of the sentence, no need to try
    # its lookbehind at every position)
    if _DIGIT.search(text, ke, e, False) is None:
        return False
    if lowered is not None:
        dated = find("diễn", ke, e) >= 0 or find("khai", ke, e) >= 0 or find("bế", ke, e) >= 0
    else:
        dated = _HELD_DATED_NEEDS.search(text, ke, e, False) is not None
    return dated and _HELD_AFTER_DATED.search(text[ke:e], None, None, False) is not None


def _fill(main: _Draft, other: _Draft) -> None:
    """Complete the main report of a meeting with another report of it."""
    for key in ("date", "part_of_day", "organizer", "ordinal"):
        if getattr(main, key) is None and getattr(other, key) is not None:
            setattr(main, key, getattr(other, key))


_BODY_KINDS = frozenset(("paragraph", "lead", "caption", "heading", "summary", "item", "section"))


def _body_sentences(doc: Document) -> list[tuple[int, int]]:
    """The sentences that start inside a body segment (paragraph, lead, caption...).

    The segments sorted by start with a running max of their ends: a sentence starting at
    s is inside one iff the max end of the segments starting at or before s is past s
    (a bisect a sentence, not a scan of every segment)."""
    kinds = _BODY_KINDS
    spans = sorted((seg.start, seg.end) for seg in doc.segments if seg.kind in kinds)
    starts = [a for a, _ in spans]
    reach, top = [], -1  # reach[i]: max end of spans[0..i]
    for _, b in spans:
        if b > top:
            top = b
        reach.append(top)
    out = []
    for sent in doc.sentences:
        st = sent.start
        i = bisect_right(starts, st)
        if i and reach[i - 1] > st:
            out.append((st, sent.end))
    return out


def _chairs(doc: Document, s: int, e: int, anchor: bool, checked: bool = False) -> list[tuple[str, Evidence]]:
    """People who chair a meeting in text[s:e]: 'X chủ trì hội nghị', 'dưới sự chủ trì của X'.
    (checked: the caller found HAS_CHAIR there.)"""
    P = _P.get()
    text = doc.text
    out: list[tuple[str, Evidence]] = []
    if not checked and _search(P.HAS_CHAIR, text, s, e, "chair") is None:
        return out
    spans: list[tuple[int, int]] = []
    chair, under, by, after = _chair_matches(text, s, e)
    for m in chair:
        # the chairs are the subject before 'chủ trì', back to the clause start
        left = s
        for b in _CHAIR_CLAUSE.finditer(text[s:m.start()], None, None, False, False):
            left = s + b.end()
        spans.append((left, m.start()))
    for m in under:
        spans.append((m.start("who"), m.end("who")))
    for m in by:
        spans.append((m.start("who"), m.end("who")))
    firsts: list[tuple[int, int]] = []
    for m in after:
        em = _END.search(text, m.end(), e, False)  # (a try reads 6 characters at most: no clock)
        b = em.start() if em else e
        if m[P.G_COMMA]:
            firsts.append((m.end(), b))
        else:
            spans.append((m.end(), b))
    for a, b in firsts:
        out.extend(_people_in(doc, a, b)[:1])
    for a, b in spans:
        # drop a leading date and place: "Ngày 10-2, tại Trụ sở Chính phủ, Thủ tướng ..."
        seg = text[a:b]
        mm = _DATE_PLACE_LEAD.match(seg, None, None, False)
        if mm:
            a += mm.end()
        for it in _people_in(doc, a, b):
            out.append(it)
    return out


def _chair_matches_plain(text: str, s: int, e: int) -> tuple[list, list, list, list]:
    """The matches of CHAIR, CHAIR_UNDER, CHAIR_BY and CHAIR_AFTER in text[s:e], each a scan."""
    P = _P.get()
    return (matches(P.CHAIR, text, s, e), matches(P.CHAIR_UNDER, text, s, e), matches(P.CHAIR_BY, text, s, e),
            matches(P.CHAIR_AFTER, text, s, e))


# the words a match of each of CHAIR, CHAIR_UNDER, CHAIR_BY, CHAIR_AFTER can begin with, lowercase
# (the first word of each of its branches and optional leads: "đồng" of "đồng thời" and of "đồng chủ trì")
_CHAIR_FIRSTS = (("đã", "đồng", "cùng", "chủ"), ("dưới",), ("do",), ("đồng", "chủ", "được"))


def _chair_matches(text: str, s: int, e: int) -> tuple[list, list, list, list]:
    """_chair_matches_plain(text, s, e), each pattern tried only where its matches can begin
    (budget.matches_at: the same matches, the whole scan under the same time limit, each try
    with the clock): at the words of _CHAIR_FIRSTS, found by str.find in the lowercase copy
    of a lower-safe text (same offsets; a word is found there exactly where the pattern's
    matches it ignoring case, and "đồng" also where the pattern's case-sensitive "đồng" is
    written "Đồng": a start more to try, no match lost). A scan tries every offset of the
    sentence, four times; the words are a few. benchmarks/check_meetings.py compares the two."""
    lowered = lowered_if_safe(text)
    if lowered is None:
        return _chair_matches_plain(text, s, e)
    P = _P.get()
    out = []
    for pattern, firsts in zip((P.CHAIR, P.CHAIR_UNDER, P.CHAIR_BY, P.CHAIR_AFTER), _CHAIR_FIRSTS):
        starts = word_offsets(lowered, firsts, s, e)
        out.append(matches_at(pattern, text, starts, None, s, e) if starts else [])
    return out[0], out[1], out[2], out[3]


def _people_in(doc: Document, a: int, b: int) -> list[tuple[str, Evidence]]:
    """Each person of a list of chairs 'A, title và B, title' as (name, evidence)."""
    text = doc.text
    return [(it.name, Evidence.of(text, it.start, it.end)) for it in read_list(doc, a, b, people=True) if it.name]


def _lists(text: str, s: int, e: int) -> Iterator[tuple[int, Optional[int], bool]]:
    """Attendance lists in the sentence [s, e) as (start, end or None for 'to the clause end',
    first person only): after a cue ("Dự hội nghị có ...", "Về phía tỉnh có các đồng chí: ..."),
    before a closing one ("Tại điểm cầu X, lãnh đạo Sở Y tế ... tham dự hội nghị."), or after a
    fronted one ("Tới dự và phát biểu tại kỳ họp, Phó Chủ tịch Quốc hội X đánh giá ...")."""
    P = _P.get()
    for m in _finditer(P.ATTEND, text, s, e, "att"):
        cue = m[P.G_CUE].lower()
        if cue in _BARE_CUES:
            # a bare 'dự' opens a list only at a clause start ("Dự hội nghị có", "cùng dự có")
            before = text[max(s, m.start() - 3):m.start()]
            if not (m.start() == s or _CLAUSE_END_BEFORE.search(before, None, None, False) or _CO_AFTER.search(m.group(), None, None, False)):
                continue
            if not _CO_GOM_AFTER.search(m.group(), None, None, False):
                if m.group().strip(" ,:").lower() == "dự":
                    continue  # "Dự báo ...", "Dự kiến ...": a bare 'dự' lists only before 'có'
                # a fronted cue: "Tham dự hội nghị, Phó Chủ tịch X đánh giá ...", "Tới dự và phát
                # biểu tại kỳ họp ..., X ..." (the subject after the comma), "Tham dự lễ kỷ niệm
                # ..., có các đồng chí A, B" (a list after the comma)
                c = text.find(",", max(m.start(), m.end() - 2), e)
                co = _CO_IN.search(text, m.end(), min(c if c > 0 else e, m.end() + 60), False)  # (60 characters: no clock)
                if co:  # "Đến dự và phát biểu ý kiến chỉ đạo có GS.TS A, ..."
                    yield co.end(), None, False
                elif c > 0:
                    cm = _CO_LEAD.match(text, c + 1, e, False)
                    yield (cm.end(), None, False) if cm else (c + 1, None, True)
                continue
        yield m.end(), None, False
    for m in _finditer(P.ATTEND_SIDE, text, s, e, "side"):
        yield m.end(), None, False
    for m in _attend_after(text, s, e):
        # (no clock: LIST_LEAD reads a word, a date and 80 characters at most, VAGUE one phrase)
        lead = P.LIST_LEAD.match(text, s, m.start(), False)
        a = lead.end() if lead else s
        if not P.VAGUE.match(text, a, m.start(), False):
            yield a, m.start(), False


_CLAUSE_MARK = lazy_pattern(regex.compile, r"[.;]")
_SPACES_BEFORE = lazy_pattern(regex.compile, r"(?r)\s*")


def _attend_after(text: str, s: int, e: int) -> list[regex.Match]:
    """matches(ATTEND_AFTER, text, s, e), run only when a match can end somewhere: before
    the spaces before a "." or ";" or the end, with "dự" or a meeting word (the end of each
    of its branches, ATTEND_AFTER_TAIL matched backwards there). Most sentences have no such
    end, and the scan tries every space. benchmarks/check_meetings.py checks the filter.

    In a lower-safe text the same test reads the lowercase copy with str methods (no regex
    call): the clause ends found by str.find, the spaces before one skipped by str.isspace
    (which, on the lower-safe characters, knows exactly the characters \\s matches), and the
    tail is lowered.endswith(one of "dự" and the meeting words), where a lowercase phrase
    ends exactly where ATTEND_AFTER_TAIL matches backwards (lexicon.lowered_if_safe)."""
    lowered = lowered_if_safe(text)
    if lowered is not None:
        # every match holds "dự" (each branch does): none in the lowercase copy of the window
        # (same offsets, and "dự" found in it exactly where the pattern's "dự" matches), no match
        if lowered.find("dự", s, e) < 0:
            return []
        tails_by_last = _P.get().TAILS_BY_LAST
        n = len(lowered)
        e = e if e < n else n  # (as the regex module reads an endpos past the end)
        for mark in (None, ".", ";"):  # (in any order: any end that passes decides)
            t = e if mark is None else lowered.find(mark, s, e)
            while t >= 0:
                q = t
                while q > s and lowered[q - 1].isspace():
                    q -= 1
                # lowered.endswith(TAILS, s, q), read for the tails that end with the character
                # before q only (a tail ends at q only with it)
                tails = tails_by_last.get(lowered[q - 1]) if q > s else None
                if tails is not None and lowered.endswith(tails, s, q):
                    return matches(_P.get().ATTEND_AFTER, text, s, e)
                if mark is None:
                    break
                t = lowered.find(mark, t + 1, e)
        return []
    return _attend_after_plain(text, s, e)


def _attend_after_plain(text: str, s: int, e: int) -> list[regex.Match]:
    """_attend_after's test read with the patterns (a text that is not lower-safe; and the
    check's reference)."""
    P = _P.get()
    tail, back = P.ATTEND_AFTER_TAIL.match, _SPACES_BEFORE.match
    ends = [m.start() for m in _CLAUSE_MARK.finditer(text, s, e, False, False)]
    ends.append(e)
    for t in ends:
        # the spaces before t, read backwards (not when t follows no space of any kind: \s is
        # one of those str.isspace knows)
        q = back(text, s, t, False).start() if t > s and text[t - 1].isspace() else t
        if tail(text, s, q, False) is not None:
            return matches(P.ATTEND_AFTER, text, s, e)
    return []


def _attendees(doc: Document, s: int, e: int, checked: bool = False) -> list[tuple[str, Evidence]]:
    """(checked: the caller found HAS_ATTEND in text[s:e].)"""
    P = _P.get()
    text = doc.text
    out: list[tuple[str, Evidence]] = []
    if not checked and _search(P.HAS_ATTEND, text, s, e, "attend") is None:
        return out
    for a, b, first in _lists(text, s, e):
        if b is None:
            em = _END.search(text, a, e, False)  # (a try reads 6 characters at most: no clock)
            b = em.start() if em else e
        items = read_list(doc, a, b)
        stop = False  # where the list ends, searched when an item without a name first needs it
        if first and items and not items[0].head:
            items = items[1:]  # "Tham dự hội nghi, Phó Chủ tịch nước X ...": a misspelt meeting word
        if items and not items[0].head:
            continue  # "Ngoài ra còn có một số tờ trình": a list, but not of who attended
        for it in items:
            if first:
                if it.name:
                    out.append((it.name, Evidence.of(text, it.start, it.end)))
                break
            if it.name:
                out.append((it.name, Evidence.of(text, it.start, it.end)))
                continue
            if stop is False:
                # a list ends where a new clause starts ("Đồng chí X phát biểu khai mạc")
                stop = _LIST_STOP.search(text, a, b, False)  # (a whitespace run and fixed words a try: no clock)
            if stop and stop.start() <= it.start:
                continue
            if it.text:
                out.append((it.text, Evidence.of(text, it.start, it.end)))
    # "Thượng tướng X, ... dự và chỉ đạo Hội nghị"
    # ("dự và" first, case-sensitive as _ATTEND_AND_LEAD, which holds it)
    for m in (_ATTEND_AND_LEAD.finditer(text[s:e], None, None, False, False) if _DU_VA.search(text, s, e, False) is not None else ()):
        left = s
        for bm in _SENTENCE_CLAUSE.finditer(text[s:s + m.start()], None, None, False, False):
            left = s + bm.end()
        for it in _people_in(doc, left, s + m.start())[:1]:
            out.append(it)
    return out


_LIST_COLON_END = lazy_pattern(regex.compile, r"(?:có|gồm|sau)\s*:\s*$", _F)
_BULLET = lazy_pattern(regex.compile, r"\s*(?:[-+•–*]|\d{1,2}[.)])\s+")


def _bullet_attendees(doc: Document, stretch: list[tuple[int, int]], k: int) -> list[tuple[str, Evidence]]:
    """A list cue that ends its line ("Tham dự hội nghị có:") and the bulleted lines under
    it ("- Đồng chí A, Phó Chủ tịch UBND huyện;"), one attendee a line."""
    P = _P.get()
    text = doc.text
    s, e = stretch[k]
    # (a colon first: _LIST_COLON_END holds one; most sentences have none)
    if not (text.find(":", s, e) >= 0 and _LIST_COLON_END.search(text, s, e, False, False, _T)
            and P.HAS_ATTEND.search(text, s, e, False, False, _T)):
        return []
    out: list[tuple[str, Evidence]] = []
    for a, b in stretch[k + 1:k + 41]:
        m = _BULLET.match(text, a, b, False)
        if not m:
            break
        b = len(text[:b].rstrip(" ;.,"))
        items = read_list(doc, m.end(), b)
        if items and items[0].head:
            it = items[0]
            out.append((it.name or it.text, Evidence.of(text, it.start, it.end)))
    return out


def _resolutions(text: str, s: int, e: int, d: _Draft, checked: bool = False) -> None:
    """(checked: the caller found HAS_RES in text[s:e].)"""
    P = _P.get()
    if not checked and _search(P.HAS_RES, text, s, e, "res") is None:
        return
    counts, verbs, passives = _res_matches(text, s, e)
    for m in counts:
        if _search(P.PLANNED, text, max(s, m.start() - 60), m.start(), "planned") is not None:
            continue  # "Kỳ họp dự kiến xem xét, thông qua 32 nghị quyết": not adopted yet
        n = parse_count(m["n"])
        if n and d.resolution_count is None:
            d.resolution_count = n
    for m in verbs:
        # the last character before the verb but spaces (text[s:m.start()].rstrip()'s, read
        # backwards: not a copy of the sentence so far at each match)
        j = m.start()
        while j > s and text[j - 1].isspace():
            j -= 1
        if j == s or text[j - 1] in ",:;":
            continue  # "Thông qua Nghị quyết ..., tỉnh đã ...": through, not adopted
        for title in _titles_after(text, m.end(), e):
            if title not in d.resolutions:
                d.resolutions.append(title)
    for m in passives:
        title = _fold_strip(m["title"], " ,.:“”\"")
        if title not in d.resolutions:
            d.resolutions.append(title)


def _res_matches(text: str, s: int, e: int) -> tuple[list, list, list]:
    """The matches of RES_COUNT, RES_VERB and RES_PASSIVE in text[s:e] (_res_matches_plain's),
    each scan begun at the first word its matches begin with, or not run where a word every
    match holds is missing: in a lower-safe text, found by str.find in the lowercase copy (same
    offsets; a word is found there exactly where the pattern's matches it, ignoring case:
    lexicon.lowered_if_safe). A scan begun later finds the same matches (none begins before
    that word, and a lookbehind still reads the text before it). RES_COUNT's matches begin
    with "thông" and hold "quyết" after it; RES_VERB's begin with "biểu", "thông" or "ban";
    RES_PASSIVE's begin with the first word of a heading (RES_HEAD_FIRSTS) and hold "được" and
    "thông". Each pattern is tried only where one of its first words begins (budget's
    matches_at_unclocked: the scan's matches, when each begins at one of those), not scanned
    from the first: their lookbehinds, tried at every offset of a scan, are most of its cost.
    benchmarks/check_meetings.py compares the two.

    (No clock for the three: a try reads a few words, or 300 characters at most for a passive
    title, and the whitespace runs between them, 3 characters at most in a Document's
    normalized text; the regex clock costs ~2 µs a scan and ~1 µs a match.)"""
    lowered = lowered_if_safe(text)
    if lowered is None:
        return _res_matches_plain(text, s, e)
    P = _P.get()
    find = lowered.find
    c = find("thông", s, e)
    if c < 0 and find("ban", s, e) < 0:
        return [], [], []  # (every match of the three holds "thông" or "ban")
    counts = (matches_at_unclocked(P.RES_COUNT, text, word_offsets(lowered, ("thông",), s, e), s, e)
              if c >= 0 and find("quyết", c, e) >= 0 else [])
    verbs = matches_at_unclocked(P.RES_VERB, text, word_offsets(lowered, ("thông", "ban", "biểu"), s, e), s, e)
    passives = (matches_at_unclocked(P.RES_PASSIVE, text, word_offsets(lowered, P.RES_HEAD_FIRSTS, s, e), s, e)
                if c >= 0 and find("được", s, e) >= 0 else [])
    return counts, verbs, passives


def _res_matches_plain(text: str, s: int, e: int) -> tuple[list, list, list]:
    """RES_COUNT's, RES_VERB's and RES_PASSIVE's matches in text[s:e], each a scan of it."""
    P = _P.get()
    return (list(P.RES_COUNT.finditer(text, s, e, False, False)), list(P.RES_VERB.finditer(text, s, e, False, False)),
            list(P.RES_PASSIVE.finditer(text, s, e, False, False)))


def _titles_after(text: str, p: int, e: int) -> list[str]:
    """The titles adopted after "thông qua" at p: one, or a list joined by ";" or "và", and the
    lines after it that each open with a title ("Nghị quyết về ..." on its own line, numbered or not)."""
    P = _P.get()
    # (no clock for RES_INTRO, RES_CLOSED, RES_HEAD, RES_LINE: a match at one offset of a few
    # words and the whitespace runs between them, 3 characters at most in a Document's text)
    intro = P.RES_INTRO.match(text, p, e, False)
    if intro:
        p = intro.end()
    closed = P.RES_CLOSED.match(text, p, e, False)
    if closed:
        return [closed["title"]]
    head = P.RES_HEAD.match(text, p, e, False)
    if head is None:
        return []
    out: list[str] = []
    start = head.start("head")
    for _ in range(30):  # a list has an end
        end, more = _title_run(text, start, e, out)
        if end is None:
            return out
        # the next line opens with a title: one more item of the list
        line = P.RES_LINE.match(text, end, min(len(text), end + 20), False)
        if line is None:
            return out
        start = line.end()
        e = text.find("\n", start)
        e = len(text) if e < 0 else e
    return out


def _title_run(text: str, start: int, e: int, out: list[str]) -> tuple[Optional[int], bool]:
    """Titles from start, joined by ";" or "và", into out; the end of the run when a line or
    sentence end closed it (else None)."""
    P = _P.get()
    limit = min(e, start + 400)  # a title has an end; without one, no title
    # (no clock: the window is 400 characters at most, and a try of RES_END reads a whitespace
    # run and one of its words)
    for b in P.RES_END.finditer(text, start, limit, False, False):
        part = text[start:b.start()].strip(" ,.:“”\"")
        if part and part not in out:
            out.append(part)
        if not (b[P.G_SEMI] or b[P.G_AND]):
            g = b.group()
            return (b.end() if "\n" in g or g.strip() == "." else None), False
        start = b.end()
    if limit == e:
        part = text[start:e].strip(" ,.:“”\"")
        if part and part not in out:
            out.append(part)
        return e, False
    return None, False


def _record(doc: Document, d: _Draft) -> Meeting:
    text = doc.text
    name = _fold_strip(text[d.name[0]:d.name[1]], " .,;:") if d.name else None
    chairs, ch_ev = [], []
    for n, ev in d.chairs:
        if n not in chairs:
            chairs.append(n)
            ch_ev.append(ev)
    att, att_ev = [], []
    for n, ev in d.attendees:
        if n not in att and n not in chairs:
            att.append(n)
            att_ev.append(ev)
    return Meeting(
        evidence=Evidence.of(text, d.start, d.end),
        kind=d.kind,
        name=name or None,
        ordinal=d.ordinal,
        organizer=d.organizer,
        date=d.date,
        part_of_day=d.part_of_day,
        chairs=chairs,
        attendees=att,
        resolutions=d.resolutions,
        resolution_count=d.resolution_count,
        place=d.place,
        chair_evidence=ch_ev,
        attendee_evidence=att_ev,
    )


def _formal(doc: Document) -> Iterator[Meeting]:
    text = doc.text
    for m in _formal_matches(text):
        dates = find_dates(text, m.start("date"), m.end("date"))
        org = regex.sub(r"\s+", " ", m["org"]).strip()
        yield Meeting(
            evidence=Evidence.of(text, m.start("name"), m.end("date")),
            kind=_P.get().kinds.get(m["kw"].lower(), m["kw"].lower()),
            name=regex.sub(r"\s+", " ", m["name"]),
            ordinal=parse_ordinal(m["n"]),
            organizer=org,
            date=dates[0].iso() if dates else None,
        )


def _formal_matches(text: str) -> list[regex.Match]:
    """matches(FORMAL_SESSION, text), not run where the lowercase copy of a lower-safe text
    lacks "họp" or "thông", which every match holds (found there exactly where the pattern's
    words match, ignoring case: lexicon.lowered_if_safe): the scan reads the whole text, and
    most formal texts name no session. benchmarks/check_meetings.py compares the two."""
    lowered = lowered_if_safe(text)
    if lowered is not None and (lowered.find("họp") < 0 or lowered.find("thông") < 0):
        return []
    return matches(_P.get().FORMAL_SESSION, text)


def find_meetings(doc: Document) -> Iterator[Meeting]:
    """Every meeting the document reports as held, in order of first report."""
    if doc.layout != "news":
        # a formal text names the session that adopted it; a report (báo cáo) tells meetings held
        # as news does ("Ngày 15/3, UBND huyện tổ chức Hội nghị ..."): both are read
        formal = list(_formal(doc))
        yield from formal
        if formal:
            return
    P = _P.get()
    text = doc.text
    _share_starts(doc)
    st_kind = _starts(text, "kind")
    if st_kind is not None and not st_kind:
        return  # no meeting word in the text (nor in its headline): every sentence would be skipped
    strict = doc.layout != "news"
    drafts: list[_Draft] = []
    sents = _body_sentences(doc)
    title = doc.first("title") if not strict else None
    title_kind = None
    if title is not None:
        km = _first_kind(text, title.start, title.end)  # (the first meeting word of the headline only)
        if km is not None:
            before = text[title.start:km.start()]
            if not (P.PLANNED.search(before, None, None, False) or P.PLANNED_AFTER.search(text, km.end(), title.end, False)) \
                    and (km.start() == title.start or _TITLE_HELD.search(before, None, None, False)):
                title_kind = km
    cands: list[_Draft] = []
    last_dated: Optional[_Draft] = None  # the last candidate with a date
    for s, e in sents:
        # the first meeting word (the one read: _first_kind)
        if st_kind is not None:  # (_may_match, inline: most sentences have no meeting word)
            j = bisect_left(st_kind, s)
            km = _first_kind(text, s, e) if j < len(st_kind) and st_kind[j] < e else None
        else:
            km = _first_kind(text, s, e)
        if km is None and (title_kind is None or last_dated is not None):
            continue  # no meeting word, and the headline's cannot be used: the date is not needed
        # "Sáng cùng ngày" is the day of the last meeting reported with a date
        prev = last_dated
        if _may_be_early(text, s, e, prev):
            date, pod, dend = _date_of(doc, s, e, prev)
            early = dend >= 0 and dend - s < 40
        else:  # no date ends in the first 40 characters: it is read when the meeting is kept
            date = pod = None
            dend, early = -2, False
        if km is None:
            # "Ngày 3/7/2019, Ban tổ chức Huyện ủy tổ chức sơ kết ..." with the kind in the headline
            if early and title_kind is not None and last_dated is None:
                v = _org_verb(text, dend, e)
                if v is None:
                    continue
                kind = P.kinds[title_kind[P.G_KIND].lower()]
                d = _Draft(kind, s, e, _name=_name_span(text, title_kind.start(), title.end), date=date, part_of_day=pod, sentence=(s, e))
                d._ordinal = partial(_ordinal, text, title_kind.start(), title.end)
                d._organizer = partial(_clean_org, text[dend:v.start()])
                cands.append(d)
                if d.date:
                    last_dated = d
            continue
        if not _held(text, s, e, km):
            if not (early and _search(P.PLANNED, text, s, e, "planned") is None
                    and _search(P.PASSING, text, s, e, "passing") is None):
                continue
        if not early and not _strongly_held(text, s, e, km):
            continue
        if strict and not (early and _strongly_held(text, s, e, km)):
            continue  # a formal text: only a dated report of a meeting held ("Ngày 15/3, X đã tổ chức ...")
        if dend == -2:
            date, pod, dend = _date_of(doc, s, e, prev)
        if date is not None and _time_reference(text, s, km.start()):
            date = pod = None  # "xác nhận ngay sau lễ bế mạc kỳ họp ... trưa 10-7": the date is another event's
        kind = P.kinds[km[P.G_KIND].lower()]
        d = _Draft(kind, s, e, date=date, part_of_day=pod, sentence=(s, e))
        d.name = partial(_name_span, text, km.start(), e)  # (read on first use: most candidates are left)
        d._ordinal = partial(_name_ordinal, d, text, km.start())
        org_of = partial(_organizer_or_subject, text, s, km.start(), km.end(), e, dend, kind)
        d._organizer = org_of
        d.early = early
        cands.append(d)
        # "tổ chức hội nghị tổng kết năm 2024 và hội nghị triển khai nhiệm vụ năm 2025": two meetings
        # (the second's meeting word begins after this one's, at a start of KIND's: without one, no search)
        j = bisect_right(st_kind, km.end()) if st_kind is not None else -1
        tw = (_AND_KIND.search(text, km.end(), d.name[1] + 12, False)  # (whitespace runs and fixed words a try: no clock)
              if st_kind is None or (j < len(st_kind) and st_kind[j] < e) else None)
        if tw is not None:
            k2 = P.KIND.match(text, tw.end(), e, False)  # (one phrase of the list: no clock)
            if k2 is not None:
                d._ordinal = partial(_ordinal, text, km.start(), d.name[1])  # (in the name as read, before the cut)
                d.name = (d.name[0], tw.start())
                d2 = _Draft(P.kinds[k2[P.G_KIND].lower()], s, e, _name=_name_span(text, k2.start(), e),
                            date=date, part_of_day=pod, sentence=(s, e))
                d2._ordinal = partial(_ordinal, text, k2.start(), d2.name[1])
                d2._organizer, d2.early, d2.twin = org_of, early, d  # (the first's, read the same way)
                cands.append(d2)
        if d.date:
            last_dated = d
    # the main meeting: the first dated report, or the first report at all
    dated = [c for c in cands if c.date]
    for c in cands:
        if c.twin is not None:
            if any(c.twin is d for d in drafts):
                drafts.append(c)  # the second of two meetings told together goes with the first
            continue
        if not drafts:
            main = dated[0] if dated else c
            if dated and c is not main and c.kind != main.kind:
                continue  # an undated other kind before the dated lead: leave it
            drafts.append(main)
            if main is not c:
                _fill(main, c)
            continue
        if any(c is d for d in drafts):
            continue
        same = [d for d in drafts if d.kind == c.kind]
        if c.date is None:
            if same:
                _fill(same[0], c)
            continue
        if not getattr(c, "early", False):
            if same:
                _fill(same[0], c)
            continue
        if (c.date, c.part_of_day) in {(d.date, d.part_of_day) for d in drafts}:
            if same:
                _fill(same[0], c)  # the same meeting told again: "Chiều 8/4, HĐND X đã diễn ra kỳ họp thứ 13"
            continue
        if any(d.date == c.date for d in same) and not _same_day(text, c.start, c.end):
            continue
        drafts.append(c)
    drafts.sort(key=lambda d: d.start)
    if drafts and drafts[0].date is None:
        for s, e in sents[:6]:
            if not _may_be_early(text, s, e, None):
                continue  # no date ends in its first 40 characters
            date, pod, dend = _date_of(doc, s, e, None)
            if date and dend - s < 40:
                drafts[0].date, drafts[0].part_of_day = date, pod
                break
    if not drafts and title_kind is not None:
        d = _Draft(P.kinds[title_kind[P.G_KIND].lower()], title.start, title.end,
                   _name=_name_span(text, title_kind.start(), title.end))
        d.ordinal = _ordinal(text, title_kind.start(), title.end)
        before = text[title.start:title_kind.start()]
        om = regex.match(r"(?P<org>[^:]+?)\s+tổ\s+chức\s*$", before)
        if om:
            d.organizer = _clean_org(om["org"])
        drafts.append(d)
    if not drafts:
        return
    # the first meeting takes the title's name when the lead gives none, and its ordinal
    main = drafts[0]
    if main.organizer is None and title is not None:
        main.organizer = _headline_organizer(text, title.start, title.end)
    if title_kind is not None and title_kind.start() == title.start:
        main.kind = P.kinds[title_kind[P.G_KIND].lower()]  # the headline names the meeting
    # a sitting ("Quốc hội họp phiên bế mạc") of the session the headline names is that session
    if (title_kind is not None and P.kinds[title_kind[P.G_KIND].lower()] == "kỳ họp" and main.kind != "kỳ họp"
            and main.name and _SITTING_ALONE.match(text, main.name[0], main.name[1], False)):
        main.kind = "kỳ họp"
        main.name = _name_span(text, title_kind.start(), title.end)
        main.ordinal = None
    if title_kind is not None and P.kinds[title_kind[P.G_KIND].lower()] == main.kind:
        if main.ordinal is None:
            main.ordinal = _ordinal(text, title_kind.start(), title.end)
    # chairs, attendees and resolutions: from the sentences of each meeting's stretch
    # (the second of two meetings told together shares its sentence: the stretch is the first's)
    twins = [d for d in drafts if d.twin is not None]
    drafts = [d for d in drafts if d.twin is None]
    bounds = [d.sentence[0] if d.sentence else 0 for d in drafts] + [len(text)]
    starts = [s for s, _ in sents]
    in_order = all(a <= b for a, b in zip(starts, starts[1:]))
    st_any, st_chair, st_att, st_res = (_starts(text, key) for key in ("stretch", "chair", "attend", "res"))
    chair_at, attend_at, res_at = P.CHAIR_AT, P.ATTEND_AT, P.RES_AT
    lowered = lowered_if_safe(text) if st_any is not None else None  # (the starts are of this copy)
    for j, d in enumerate(drafts):
        lo, hi = (0, len(text)) if len(drafts) == 1 else (bounds[j], bounds[j + 1])
        if j == 0:
            lo = 0
        # the sentences starting in [lo, hi): a slice when they are in order (they are)
        stretch = (sents[bisect_left(starts, lo):bisect_left(starts, hi)] if in_order
                   else [(s, e) for s, e in sents if lo <= s < hi])
        for k, (s, e) in enumerate(stretch):
            if st_any is None:  # the text is not safe to lower: each part searches for itself
                d.chairs.extend(_chairs(doc, s, e, (s, e) == d.sentence))
                d.attendees.extend(_attendees(doc, s, e) or _bullet_attendees(doc, stretch, k))
                _resolutions(text, s, e, d)
                continue
            i = bisect_left(st_any, s)
            if i == len(st_any) or st_any[i] >= e:
                continue  # no word a chair, attendee or resolution needs
            # each part's test here, once (a part without it finds nothing: _bullet_attendees
            # wants HAS_ATTEND too); _has_at called only where the part's words begin in the
            # sentence (its first step, inline: most sentences hold the words of one part at most)
            i = bisect_left(st_chair, s)
            if i < len(st_chair) and st_chair[i] < e and _has_at(st_chair, chair_at, lowered, s, e):
                d.chairs.extend(_chairs(doc, s, e, (s, e) == d.sentence, checked=True))
            i = bisect_left(st_att, s)
            if i < len(st_att) and st_att[i] < e and _has_at(st_att, attend_at, lowered, s, e):
                d.attendees.extend(_attendees(doc, s, e, checked=True) or _bullet_attendees(doc, stretch, k))
            i = bisect_left(st_res, s)
            if i < len(st_res) and st_res[i] < e and _has_at(st_res, res_at, lowered, s, e):
                _resolutions(text, s, e, d, checked=True)
    drafts = sorted(drafts + twins, key=lambda d: (d.start, d.twin is not None))
    for d in drafts:
        yield _record(doc, d)

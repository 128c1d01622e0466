"""Report-level facts read off the layout: title, published, authors, and a formal header.

The segments say where each part is; this module only reads values out of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import regex

from ..lang.dates import find_dates, published_date
from ..doc.document import Document, Segment
from ..lexicon import lazy_pattern, title_form
from ..records import Evidence, FormalDocument, Signer
from ..doc.segment import byline_names, dateline as dateline_pattern, number_line

_SPACES = lazy_pattern(regex.compile, r"\s+")
_TRAIL_SEP = lazy_pattern(regex.compile, r"[\s\-_–—=*~]+$")
ADOPTED = lazy_pattern(regex.compile, r"thông\s+qua\s+ngày\s+\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}")


@dataclass
class HeaderFacts:
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    document: FormalDocument | None = None
    evidence: dict[str, list[Evidence]] = field(default_factory=dict)


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text, 0, None, None, False).strip()


def _ev(doc: Document, start: int, end: int) -> Evidence:
    return Evidence.of(doc.text, start, end)


def sentence_case(word: str) -> str:
    word = _clean(word).strip(" :")
    return word[:1].upper() + word[1:].lower()


def read_header(doc: Document) -> HeaderFacts:
    facts = HeaderFacts()
    published = published_date(doc)
    if published is not None:
        facts.published = published.iso()
        facts.evidence["published"] = [_ev(doc, published.start, published.end)]
    if doc.layout == "formal":
        _formal(doc, facts)
    else:
        _news(doc, facts)
    return facts


def _news(doc: Document, facts: HeaderFacts) -> None:
    title = doc.first("title")
    if title is not None:
        facts.title = _clean(doc.seg_text(title))
        facts.evidence["title"] = [_ev(doc, title.start, title.end)]
    byline = doc.first("byline")
    if byline is not None:
        line = doc.seg_text(byline)
        names = byline_names(line.strip())
        lead = len(line) - len(line.lstrip())
        for s, e in names:
            facts.authors.append(_clean(line[lead + s:lead + e]))
            facts.evidence.setdefault("authors", []).append(_ev(doc, byline.start + lead + s, byline.start + lead + e))


def _joined(doc: Document, segs: list[Segment], dedupe: bool = False) -> str | None:
    parts: list[str] = []
    for s in segs:
        t = _TRAIL_SEP.sub("", _clean(doc.seg_text(s)), 0, None, None, False)
        if t and not (dedupe and parts and parts[-1] == t):
            parts.append(t)
    return " ".join(parts) or None


def _formal(doc: Document, facts: HeaderFacts) -> None:
    text = doc.text
    form = FormalDocument(layout="party" if "ĐẢNG CỘNG SẢN VIỆT NAM" in text[:2000] else "state")
    type_seg = doc.first("doc_type")
    summary = doc.segments_of("summary")
    if type_seg is not None:
        form.kind = sentence_case(doc.seg_text(type_seg))
        form.summary = _joined(doc, summary)
        facts.title = _clean(" ".join([doc.seg_text(type_seg).strip(" :")] + [doc.seg_text(s) for s in summary]))
        end = summary[-1].end if summary else type_seg.end
        facts.evidence["title"] = [_ev(doc, type_seg.start, end)]
    elif summary:  # a công văn: no type line, "V/v ..." under the number
        form.kind = "Công văn"
        form.summary = _joined(doc, summary)
        facts.title = form.summary
        facts.evidence["title"] = [_ev(doc, summary[0].start, summary[-1].end)]
    number = doc.first("number")
    if number is not None:
        m = number_line().match(doc.seg_text(number), None, None, False)
        if m and m["number"]:
            form.number = regex.sub(r"\s+", "", m["number"])
    authority = doc.segments_of("authority")
    if authority:
        form.authority = _joined(doc, authority, dedupe=True)
    dateline = doc.first("dateline")
    if dateline is not None:
        m = dateline_pattern().match(doc.seg_text(dateline), None, None, False)
        if m:
            form.place = _clean(m["place"])
    if published_date(doc) is not None:
        form.date = published_date(doc).iso()
    else:
        m = ADOPTED.search(text, None, None, False)
        if m:
            dates = find_dates(text, m.start(), m.end())
            if dates:
                form.date = dates[0].iso()
    titles = [s for s in doc.segments_of("signer_title")]
    for name in doc.segments_of("signer_name"):
        before = [t for t in titles if t.end <= name.start and name.start - t.end < 200]
        form.signers.append(
            Signer(
                name=_clean(doc.seg_text(name)),
                titles=[title_form(_clean(doc.seg_text(t))) for t in before],  # "CHỦ TỊCH" -> "Chủ tịch"
                evidence=_ev(doc, (before[0].start if before else name.start), name.end),
            )
        )
    head_end = max((s.end for s in doc.segments if s.kind in ("doc_type", "summary", "dateline", "number")), default=0)
    form.evidence = _ev(doc, 0, head_end) if head_end else None
    facts.document = form

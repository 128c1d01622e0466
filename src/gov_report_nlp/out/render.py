"""The HTML view: one self-contained page showing what was found in the text, and where.

    >>> from gov_report_nlp import make_document, run, render_html
    >>> doc = make_document(text)
    >>> page = render_html(run(doc), doc.text)

The normalized text is shown with every record's evidence highlighted and colored by kind,
the records beside it as one flat table per kind. Evidence spans nest and overlap, so the
text is cut at every span boundary into segments, each a <mark> listing the records that
cover it (data-rec="people-0 places-2"). A record id is its report key and its index in
`Report.records()` order ("people-0", "document-0", "signer-1"), or a report field and the
index of its evidence ("title-0", "authors-1"). Hover a highlight for its records; click it to
select its table rows, click a row to select its highlights.

No network: the CSS and the small script are inline, nothing is fetched. Only the stdlib is
imported here, so importing the package stays cheap.
"""
from __future__ import annotations

import html
import json
import re
import sys
from typing import Any, Iterable, Iterator, NamedTuple

# report key -> (legend label, color); the order of the legend and of the tables
KINDS: dict[str, tuple[str, str]] = {
    "title": ("title", "#ffd27f"),
    "published": ("published", "#ffe9a8"),
    "authors": ("authors", "#f3c9a0"),
    "document": ("document header", "#d6c8ff"),
    "signer": ("signers", "#b9a6f2"),
    "people": ("people", "#a8d8ff"),
    "meetings": ("meetings", "#b9f0b4"),
    "document_refs": ("document references", "#ffc2d4"),
    "awards": ("awards", "#ffb3a7"),
    "targets": ("targets", "#c5f2ea"),
    "terms": ("terms", "#e6e6a0"),
    "organizations": ("organizations", "#d9d2c5"),
    "places": ("places", "#9ee0c8"),
}
HEADER_FIELDS = ("title", "published", "authors")
# fields shown in no table column: spans, and nested records that have their own table
_HIDDEN = {"evidence", "mentions", "chair_evidence", "attendee_evidence", "signers"}
_SUMMARY_MAX = 300  # characters of a highlight's tooltip line
_TOC_OPEN = 12  # documents up to which the contents list starts unfolded
_BAD_CHARS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f\ud800-\udfff]")


class Highlight(NamedTuple):
    """One evidence span of one record: [start, end) of the normalized text."""

    start: int
    end: int
    rec: str  # "people-0"
    kind: str  # "people"


class Segment(NamedTuple):
    """A piece of the text between two span boundaries and the highlights covering all of it."""

    start: int
    end: int
    covering: tuple[Highlight, ...]  # innermost (shortest) first


def _esc(value: Any) -> str:
    """Text made safe for HTML text and double- or single-quoted attributes."""
    return html.escape(_BAD_CHARS.sub("\ufffd", str(value)), quote=True)


def record_rows(report) -> Iterator[tuple[str, str, Any, list]]:
    """(rec id, kind, record or field value, evidence list) for every record and header field."""
    for key in HEADER_FIELDS:
        value = getattr(report, key, None)
        evidence = report.evidence.get(key, [])
        if value and not evidence:  # found, but not pointed to: a row without a highlight
            yield f"{key}-0", key, value, []
        for i, ev in enumerate(evidence):
            shown = value
            if key == "authors":
                shown = value[i] if i < len(value) else "; ".join(value)
            yield f"{key}-{i}", key, shown, [ev]
    counts: dict[str, int] = {}
    for key, rec in report.records():
        n = counts.get(key, 0)
        counts[key] = n + 1
        spans = [rec.evidence] if rec.evidence is not None else []
        for m in getattr(rec, "mentions", None) or []:
            if m not in spans:
                spans.append(m)
        yield f"{key}-{n}", key, rec, spans


def highlights(report, text: str, problems: list[str] | None = None) -> list[Highlight]:
    """The highlights of a report's evidence that lie inside text; others go to `problems`."""
    out, mismatched = [], []
    for rec_id, kind, _, spans in record_rows(report):
        for ev in spans:
            if not (0 <= ev.start <= ev.end <= len(text)):
                if problems is not None:
                    problems.append(f"{rec_id}: evidence {ev.start}-{ev.end} is outside the text ({len(text)} characters)")
                continue
            if text[ev.start:ev.end] != ev.text:
                mismatched.append(rec_id)
            out.append(Highlight(ev.start, ev.end, rec_id, kind))
    if mismatched and problems is not None:
        problems.append(f"{len(mismatched)} evidence spans do not match the text there ({', '.join(mismatched[:5])}"
                        f"{'...' if len(mismatched) > 5 else ''}): is it the normalized text, doc.text?")
    return out


def segments(text_len: int, spans: Iterable[Highlight]) -> list[Segment]:
    """The text [0, text_len) cut at every span boundary; empty spans are zero-width segments.

    Each segment lists the spans covering all of it, innermost first, so nested and
    overlapping spans render as non-overlapping pieces. O(boundaries x open spans).
    """
    spans = sorted(spans, key=lambda h: (h.start, -h.end, h.rec))
    points = sorted({0, text_len, *(h.start for h in spans), *(h.end for h in spans)})
    empties: dict[int, list[Highlight]] = {}
    for h in spans:
        if h.start == h.end:
            empties.setdefault(h.start, []).append(h)
    out: list[Segment] = []
    open_: list[Highlight] = []
    i = 0
    for a, b in zip(points, points[1:] + [None]):
        if a in empties:
            out.append(Segment(a, a, tuple(empties[a])))
        if b is None:
            break
        open_ = [h for h in open_ if h.end > a]
        while i < len(spans) and spans[i].start <= a:
            if spans[i].end > a:
                open_.append(spans[i])
            i += 1
        covering = tuple(sorted(open_, key=lambda h: (h.end - h.start, h.rec)))
        out.append(Segment(a, b, covering))
    return out


def _flat(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return "; ".join(_flat(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    if hasattr(value, "model_dump"):
        return json.dumps(value.model_dump(mode="json", exclude={"evidence"}), ensure_ascii=False)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _fields(rec: Any) -> list[tuple[str, str]]:
    """(field, flat value) of a record's shown fields, or [("value", ...)] for a header field."""
    if not hasattr(type(rec), "model_fields"):
        return [("value", _flat(rec))]
    names = [f for f in type(rec).model_fields if f not in _HIDDEN]
    names.sort(key=lambda f: f == "section")  # where it sits in the outline: beside the span
    return [(f, _flat(getattr(rec, f))) for f in names]


def _summary(rec_id: str, rec: Any) -> str:
    parts = [f"{f}: {v}" for f, v in _fields(rec) if v]
    s = f"{rec_id} — " + " · ".join(parts)
    return s if len(s) <= _SUMMARY_MAX else s[: _SUMMARY_MAX - 1] + "…"


def _anchored(text: str, start: int, end: int, anchors: dict[int, list[str]], wrap) -> str:
    """text[start:end] escaped and wrapped by `wrap`, cut before each section anchor inside it
    (an empty <span id=...> the outline's links scroll to)."""
    cuts = [p for p in anchors if start < p < end] if anchors else []
    if not cuts:
        return wrap(_esc(text[start:end]))
    out, pos = [], start
    for p in sorted(cuts):
        out.append(wrap(_esc(text[pos:p])))
        out.append("".join(f'<span class="anchor" id="{_esc(a)}"></span>' for a in anchors[p]))
        pos = p
    out.append(wrap(_esc(text[pos:end])))
    return "".join(out)


def _render_text(text: str, segs: list[Segment], summaries: dict[str, str],
                 anchors: dict[int, list[str]] | None = None) -> str:
    anchors = anchors or {}
    out = []
    for seg in segs:
        if seg.start in anchors and (seg.start < seg.end or not seg.covering):
            out.append("".join(f'<span class="anchor" id="{_esc(a)}"></span>' for a in anchors.pop(seg.start)))
        if not seg.covering:
            out.append(_anchored(text, seg.start, seg.end, anchors, lambda piece: piece))
            continue
        inner = seg.covering[0]
        classes = f"hl k-{inner.kind}"
        style = ""
        if seg.start == seg.end:
            classes += " empty"
        recs = list(dict.fromkeys(h.rec for h in seg.covering))
        if len(recs) > 1:
            classes += " multi"
            style = f' style="--o:var(--{seg.covering[-1].kind})"'
        tip = "\n".join(summaries.get(r, r) for r in recs)
        kinds = " ".join(dict.fromkeys(h.kind for h in seg.covering))
        out.append(_anchored(text, seg.start, seg.end, anchors,
                             lambda piece: f'<mark class="{classes}" data-rec="{_esc(" ".join(recs))}" '
                                           f'data-kinds="{kinds}"{style} title="{_esc(tip)}">{piece}</mark>'))
    for ids in anchors.values():  # past the text's end: still a target
        out.append("".join(f'<span class="anchor" id="{_esc(a)}"></span>' for a in ids))
    return "".join(out)


def _outline(n: int, report, text: str) -> tuple[str, dict[int, list[str]]]:
    """The outline's numbered sections as a table of contents (a link per section, indented
    by level) and the anchors its links scroll to: {position in the text: [anchor ids]}."""
    items, anchors = [], {}
    for k, sec in enumerate(getattr(report, "outline", None) or []):
        if sec.number in ("-", "+") or not (0 <= sec.start <= len(text)):
            continue
        anchor = f"d{n}-s{k}"
        anchors.setdefault(sec.start, []).append(anchor)
        label = sec.heading or text[sec.start:sec.end].split("\n", 1)[0].strip()
        label = label if len(label) <= 80 else label[:79] + "…"
        number = "" if not sec.heading else f"<b>{_esc(sec.number)}</b> "
        items.append(f'<li style="padding-left:{sec.level - 1}em"><a href="#{anchor}" data-sec="{anchor}" '
                     f'title="{_esc(sec.section or sec.number)}">{number}{_esc(label)}</a></li>')
    if not items:
        return "", {}
    return f'<nav class="outline"><h3>outline ({len(items)})</h3><ol>{"".join(items)}</ol></nav>', anchors


def _render_tables(rows: list[tuple[str, str, Any, list]], n: int) -> str:
    by_kind: dict[str, list] = {}
    for row in rows:
        by_kind.setdefault(row[1], []).append(row)
    out = []
    header = [r for k in HEADER_FIELDS for r in by_kind.get(k, [])]
    if header:
        out.append('<h3><span class="sw k-title"></span>header fields</h3><table><tr><th>#</th><th>field</th>'
                   '<th>value</th><th>span</th></tr>')
        for rec_id, kind, value, spans in header:
            out.append(_row(n, rec_id, kind, [kind, _flat(value)], spans))
        out.append("</table>")
    for kind, (label, _) in KINDS.items():
        if kind in HEADER_FIELDS or kind not in by_kind:
            continue
        kind_rows = by_kind[kind]
        cells = [_fields(rec) for _, _, rec, _ in kind_rows]
        names = [f for f, _ in cells[0]]
        shown = [j for j, _ in enumerate(names) if any(c[j][1] for c in cells)]  # drop empty columns
        out.append(f'<h3><span class="sw k-{kind}"></span>{_esc(label)} ({len(kind_rows)})</h3><table><tr><th>#</th>'
                   + "".join(f"<th>{_esc(names[j])}</th>" for j in shown) + "<th>span</th></tr>")
        for (rec_id, _, _, spans), c in zip(kind_rows, cells):
            out.append(_row(n, rec_id, kind, [c[j][1] for j in shown], spans))
        out.append("</table>")
    return "\n".join(out)


def _row(n: int, rec_id: str, kind: str, values: list[str], spans: list) -> str:
    span = f"{spans[0].start}–{spans[0].end}" if spans else "—"
    if len(spans) > 1:
        span += f" (+{len(spans) - 1})"
    cls = f"k-{kind}" + ("" if spans else " noev")
    return (f'<tr id="d{n}-{rec_id}" class="{cls}" data-rec="{rec_id}"><td>{_esc(rec_id.rsplit("-", 1)[1])}</td>'
            + "".join(f"<td>{_esc(v)}</td>" for v in values) + f"<td>{span}</td></tr>")


def _render_doc(n: int, report, text: str) -> tuple[str, dict[str, int]]:
    problems: list[str] = []
    rows = list(record_rows(report))
    summaries = {rec_id: _summary(rec_id, rec) for rec_id, _, rec, _ in rows}
    segs = segments(len(text), highlights(report, text, problems))
    counts: dict[str, int] = {}
    for _, kind, _, _ in rows:
        counts[kind] = counts.get(kind, 0) + 1
    name = report.id or f"document {n + 1}"
    meta = " · ".join(f"{k}: {_esc(v)}" for k, v in (("layout", report.layout), ("input", report.input_format),
                                                      ("encoding", report.encoding), ("characters", len(text)),
                                                      ("records", len(rows))) if v is not None)
    warn = [*report.warnings, *problems]
    warnings = ("<ul class=\"warnings\">" + "".join(f"<li>{_esc(w)}</li>" for w in warn) + "</ul>") if warn else ""
    legend = "".join(f'<span class="lg"><span class="sw k-{k}"></span>{_esc(KINDS[k][0])} {counts[k]}</span>'
                     for k in KINDS if k in counts)
    toc, anchors = _outline(n, report, text)
    body = (f'<section class="doc" id="doc-{n}" data-doc="{_esc(name)}">'
            f'<h2>{_esc(name)}</h2><p class="meta">{meta}</p><p class="legend">{legend}</p>{warnings}'
            f'<div class="cols{" with-outline" if toc else ""}">{toc}'
            f'<div class="text">{_render_text(text, segs, summaries, anchors)}</div>'
            f'<div class="records">{_render_tables(rows, n) or "<p>No records.</p>"}</div></div></section>')
    return body, counts


_CSS = """
:root{%(vars)s}
body{font:14px/1.45 system-ui,sans-serif;margin:0;color:#222;background:#fff}
header.page{padding:8px 16px 0;background:#f3f3f3}
.bar{padding:2px 16px;background:#f3f3f3;border-bottom:1px solid #ccc;position:sticky;top:0;z-index:2}
header.page h1{font-size:18px;margin:0 0 4px}
.legend{margin:4px 0}.lg{margin-right:10px;white-space:nowrap}
.lg label{cursor:pointer}
.sw{display:inline-block;width:12px;height:12px;border:1px solid #888;margin-right:3px;vertical-align:-1px;background:var(--c)}
.doc{padding:8px 16px 16px;border-bottom:3px solid #bbb}
.doc h2{font-size:16px;margin:4px 0}.meta{color:#666;margin:2px 0}
.cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:12px}
.cols.with-outline{grid-template-columns:minmax(0,.45fr) minmax(0,1fr) minmax(0,1fr)}
nav.outline{max-height:85vh;overflow:auto;font-size:12px}nav.outline h3{font-size:13px;margin:0 0 4px}
nav.outline ol{list-style:none;margin:0;padding:0}nav.outline a{color:#124;text-decoration:none;display:block}
nav.outline a:hover,nav.outline a.sel{background:#fff3a0}
.text,.records{position:relative}
.text{white-space:pre-wrap;font:15px/1.6 Georgia,serif;max-height:85vh;overflow:auto;border:1px solid #ddd;padding:8px}
.records{max-height:85vh;overflow:auto;font-size:12px}
.records h3{font-size:13px;margin:10px 0 4px}
table{border-collapse:collapse;width:100%%}
th,td{border:1px solid #ddd;padding:2px 4px;text-align:left;vertical-align:top}
th{background:#f6f6f6}
tr[data-rec]{cursor:pointer}tr[data-rec]>td:first-child{background:var(--c)}
tr.noev{color:#999}
tr.sel>td{background:#fff3a0}
mark.hl{background:var(--c);color:inherit;border-radius:2px;cursor:pointer;padding:0}
mark.multi{box-shadow:inset 0 -3px 0 var(--o)}
mark.empty::before{content:"\\25B8"}
mark.sel{outline:2px solid #d00}
.warnings{color:#8a4b00;background:#fff6e6;border:1px solid #f0d2a0;padding:4px 4px 4px 24px;margin:4px 0}
.errors{color:#a00}
.toc{font-size:13px;padding:0 0 6px}.toc summary{cursor:pointer}
.toc ol{columns:3;margin:0;padding:4px 0 0 2.5em;overflow-wrap:anywhere}
td{overflow-wrap:anywhere}
%(kinds)s
%(off)s
"""

_SCRIPT = """
(function(){
  function sel(el, on){ el.classList.toggle('sel', on); }
  function clear(){ document.querySelectorAll('.sel').forEach(function(e){ sel(e, false); }); }
  document.addEventListener('click', function(ev){
    var doc = ev.target.closest('section.doc'); if(!doc) return;
    var link = ev.target.closest('nav.outline a[data-sec]');
    if(link){  // the outline: scroll the text pane to the section, never the window
      ev.preventDefault();
      var target = document.getElementById(link.getAttribute('data-sec')), text = target && target.closest('.text');
      if(text) text.scrollTop = Math.max(0, target.offsetTop - 8);
      doc.querySelectorAll('nav.outline a.sel').forEach(function(e){ sel(e, false); });
      sel(link, true);
      return;
    }
    var mark = ev.target.closest('mark.hl'), row = ev.target.closest('tr[data-rec]');
    if(!mark && !row) return;
    clear();
    if(row) sel(row, true);
    var recs = (mark || row).getAttribute('data-rec').split(' '), first = null;
    recs.forEach(function(r){
      doc.querySelectorAll(mark ? 'tr[data-rec="'+r+'"]' : 'mark[data-rec~="'+r+'"]').forEach(function(e){
        sel(e, true); if(!first) first = e; });
      if(mark) doc.querySelectorAll('mark[data-rec~="'+r+'"]').forEach(function(e){ sel(e, true); });
    });
    if(first){  // scroll its pane only, never the window
      var pane = first.closest('.text, .records');
      if(pane) pane.scrollTop = Math.max(0, first.offsetTop - pane.clientHeight / 3);
    }
  });
  document.addEventListener('change', function(ev){
    var k = ev.target.getAttribute('data-kind');
    if(k) document.body.classList.toggle('off-'+k, !ev.target.checked);
  });
  document.body.setAttribute('data-ready', document.querySelectorAll('mark.hl').length);
})();
"""


def _css() -> str:
    return _CSS % {
        "vars": "".join(f"--{k}:{c};" for k, (_, c) in KINDS.items()),
        "kinds": "\n".join(f".k-{k}{{--c:var(--{k})}}" for k in KINDS),
        "off": "\n".join(f"body.off-{k} mark.k-{k}{{background:none}}" for k in KINDS),
    }


def render_page(items: Iterable[tuple[Any, str]], *, title: str | None = None, errors: Iterable[str] = ()) -> str:
    """One self-contained HTML page of many (report, normalized text) pairs, with a contents list.

    `errors` are messages about inputs that could not be read, listed at the top.
    """
    sections, toc, totals = [], [], {}
    for n, (report, text) in enumerate(items):
        body, counts = _render_doc(n, report, text)
        sections.append(body)
        for k, c in counts.items():
            totals[k] = totals.get(k, 0) + c
        name = report.id or f"document {n + 1}"
        toc.append(f'<li><a href="#doc-{n}">{_esc(name)}</a> ({sum(counts.values())})</li>')
    errors = list(errors)
    page_title = title or f"gov_report_nlp: {len(sections)} document{'' if len(sections) == 1 else 's'}"
    legend = "".join(f'<span class="lg"><label><input type="checkbox" checked data-kind="{k}">'
                     f'<span class="sw k-{k}"></span>{_esc(label)} {totals.get(k, 0)}</label></span>'
                     for k, (label, _) in KINDS.items())
    head = [f"<h1>{_esc(page_title)}</h1>"]
    if errors:
        head.append('<ul class="errors">' + "".join(f"<li>{_esc(e)}</li>" for e in errors) + "</ul>")
    if len(sections) > 1:  # a long list starts folded, so that the first screen shows text
        state = " open" if len(sections) <= _TOC_OPEN else ""
        head.append(f'<details class="toc"{state}><summary>{len(sections)} documents</summary>'
                    f'<ol>{"".join(toc)}</ol></details>')
    return ("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            f"<title>{_esc(page_title)}</title><style>{_css()}</style></head>\n<body>"
            f'<header class="page">{"".join(head)}</header>\n<div class="bar legend">{legend}</div>\n'
            + "\n".join(sections) + f"\n<script>{_SCRIPT}</script></body></html>\n")


def render_html(report, text: str, *, title: str | None = None) -> str:
    """One self-contained HTML page of one report over its normalized text (`doc.text`)."""
    return render_page([(report, text)], title=title or report.title or report.id)

"""Field-by-field precision, recall and F1 of reports against gold annotations.

The definitions are those of the project's scorer (../shared/eval/score.py), so a team can
annotate twenty of its own texts in the contract's format and measure the library there:
- every field of a report becomes a multiset of comparable keys per document;
- names, numbers, dates and document numbers compare exactly after normalization
  (NFC, lowercase, trimmed, one tone placement; document numbers without spaces, uppercase);
- free text (titles, organizers, attendees, reasons, issuers, resolutions, authorities)
  matches when the token F1 of the two strings is at least 0.8;
- gold and predicted keys are paired greedily one to one; counts are summed over documents.
"""
from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable

import regex

FUZZY_F1 = 0.8
_OUTER = " \t\n.,;:-–—\"'“”()"

# -- normalization of compared values -----------------------------------------------------

_TONE_MARKS = "\u0300\u0301\u0309\u0303\u0323"
_MOVABLE = regex.compile(rf"^(.*?)([oOuU])([aAeEyY])([{_TONE_MARKS}])(.*)$", regex.DOTALL)


def _old_tone(word: str) -> str:
    """Tone of a word-final oa/oe/uy moved to its first vowel, as the scorer compares."""
    d = unicodedata.normalize("NFD", word)
    m = _MOVABLE.match(d)
    if m and not m.group(5).strip("\u0302\u0306\u031b"):
        d = m.group(1) + m.group(2) + m.group(4) + m.group(3) + m.group(5)
    return unicodedata.normalize("NFC", d)


def canon(value: Any) -> str:
    """Lowercased, trimmed, single-spaced, NFC, old tone placement; None is ''."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFC", str(value)).lower()
    text = regex.sub(r"\s+", " ", text).strip(_OUTER)
    return " ".join(_old_tone(w) for w in text.split(" "))


def canon_number(value: Any):
    if value is None or value == "":
        return None
    try:
        return round(float(value), 6)
    except (TypeError, ValueError):
        return str(value)


def canon_docno(value: Any) -> str:
    text = unicodedata.normalize("NFC", str(value or "")).upper()
    return regex.sub(r"\s+", "", text).replace("–", "-").replace("—", "-")


def token_f1(a: Any, b: Any) -> float:
    ta, tb = Counter(regex.findall(r"\w+", canon(a))), Counter(regex.findall(r"\w+", canon(b)))
    if not ta and not tb:
        return 1.0
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(tb.values()), common / sum(ta.values())
    return 2 * p * r / (p + r)


@dataclass(frozen=True)
class Part:
    """One part of a key: compared exactly, or by token F1 when fuzzy."""

    value: Any
    fuzzy: bool = False

    def matches(self, other: "Part") -> bool:
        if self.fuzzy:
            return token_f1(self.value, other.value) >= FUZZY_F1
        return self.value == other.value


def exact(v):
    return Part(v)


def fuzzy(v):
    return Part(v, True)


# -- the keys of one report ---------------------------------------------------------------

def _dicts(report: dict, key: str) -> list[dict]:
    value = report.get(key)
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def report_keys(report: dict) -> dict[str, list[tuple[Part, ...]]]:
    """Every scored field of one report (a dict in the contract's format) as key tuples."""
    k: dict[str, list[tuple[Part, ...]]] = defaultdict(list)
    if not isinstance(report, dict):
        return k

    def add(field_name: str, *parts: Part) -> None:
        k[field_name].append(tuple(parts))

    if report.get("title"):
        add("title", fuzzy(report["title"]))
    if report.get("published"):
        add("published", exact(str(report["published"])))
    for a in report.get("authors") or []:
        add("authors", exact(canon(a)))
    doc = report.get("document")
    if isinstance(doc, dict):
        if doc.get("number"):
            add("document.number", exact(canon_docno(doc["number"])))
        if doc.get("kind"):
            add("document.kind", exact(canon(doc["kind"])))
        if doc.get("date"):
            add("document.date", exact(str(doc["date"])))
        if doc.get("authority"):
            add("document.authority", fuzzy(doc["authority"]))
        for s in doc.get("signers") or []:
            if isinstance(s, dict) and s.get("name"):
                add("document.signer", exact(canon(s["name"])))
    for p in _dicts(report, "people"):
        name = canon(p.get("name"))
        add("people.name", exact(name))
        for t in p.get("titles") or []:
            add("people.title", exact(name), fuzzy(t))
    for m in _dicts(report, "meetings"):
        for key, field_name, make in (("kind", "meeting.kind", lambda v: exact(canon(v))),
                                      ("date", "meeting.date", lambda v: exact(str(v))),
                                      ("part_of_day", "meeting.part_of_day", lambda v: exact(canon(v))),
                                      ("organizer", "meeting.organizer", fuzzy)):
            if m.get(key):
                add(field_name, make(m[key]))
        if m.get("ordinal") is not None:
            add("meeting.ordinal", exact(canon_number(m["ordinal"])))
        for c in m.get("chairs") or []:
            add("meeting.chair", exact(canon(c)))
        for a in m.get("attendees") or []:
            add("meeting.attendee", fuzzy(a))
        for r in m.get("resolutions") or []:
            add("meeting.resolution", fuzzy(r))
        if m.get("resolution_count") is not None:
            add("meeting.resolution_count", exact(canon_number(m["resolution_count"])))
    for r in _dicts(report, "document_refs"):
        n = canon_docno(r.get("number"))
        if not n:
            continue
        add("ref.number", exact(n))
        if r.get("kind"):
            add("ref.kind", exact(n), exact(canon(r["kind"])))
        if r.get("date"):
            add("ref.date", exact(n), exact(str(r["date"])))
        if r.get("issuer"):
            add("ref.issuer", exact(n), fuzzy(r["issuer"]))
    for a in _dicts(report, "awards"):
        if a.get("collectives") is None and a.get("individuals") is None:
            continue  # a grant without counts is reported but not scored
        base = (exact(canon(a.get("kind"))), exact(canon_number(a.get("collectives"))),
                exact(canon_number(a.get("individuals"))))
        add("award", *base)
        if a.get("issuer"):
            add("award.issuer", *base, fuzzy(a["issuer"]))
        if a.get("reason"):
            add("award.reason", *base, fuzzy(a["reason"]))
    for t in _dicts(report, "targets"):
        if t.get("value") is not None:
            unit = regex.sub(r"\s*/\s*", "/", canon(t.get("unit")))
            add("target", exact(canon_number(t["value"])), exact(unit))
    for t in _dicts(report, "terms"):
        if t.get("start") is not None and t.get("end") is not None:
            add("term", exact(canon_number(t["start"])), exact(canon_number(t["end"])))
    for sec in _dicts(report, "outline"):
        n = regex.sub(r"[\s.):-]+$", "", canon(sec.get("number")))
        if not n or n in ("-", "+"):
            continue  # bullets are not scored
        level = exact(canon_number(sec.get("level")))
        add("outline", level, exact(n))
        if sec.get("heading"):
            add("outline.heading", level, exact(n), fuzzy(sec["heading"]))
    # fields where a repeat says nothing new count each distinct key once
    for f in ("term", "ref.number", "people.name", "authors", "meeting.chair"):
        if f in k:
            k[f] = list({tuple(p.value for p in key): key for key in k[f]}.values())
    return k


OUTLINE = ("outline", "outline.heading")  # scored apart from the facts' micro-F1


def pair(gold: list[tuple], pred: list[tuple]) -> tuple[int, list[tuple], list[tuple]]:
    """Greedy one-to-one pairing: (true positives, missed gold keys, spurious predicted keys)."""
    left = list(pred)
    missed = []
    for g in gold:
        for i, p in enumerate(left):
            if len(p) == len(g) and all(a.matches(b) for a, b in zip(g, p)):
                del left[i]
                break
        else:
            missed.append(g)
    return len(gold) - len(missed), missed, left


# -- scoring a set of documents -----------------------------------------------------------

@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "p": self.precision, "r": self.recall, "f1": self.f1}


@dataclass
class Scores:
    fields: dict[str, Counts] = field(default_factory=dict)
    misses: list[tuple[str, str, str, str]] = field(default_factory=list)  # doc, field, MISSED/EXTRA, key
    docs: int = 0
    without_prediction: list[str] = field(default_factory=list)

    @property
    def micro(self) -> Counts:
        """Micro-averaged over the facts' fields (the outline fields are scored apart)."""
        c = Counts()
        for name, v in self.fields.items():
            if name in OUTLINE:
                continue
            c.tp, c.fp, c.fn = c.tp + v.tp, c.fp + v.fp, c.fn + v.fn
        return c

    def gold_count(self, name: str) -> int:
        c = self.fields.get(name)
        return c.tp + c.fn if c else 0

    def to_json(self) -> dict:
        return {"fields": {f: c.row() for f, c in sorted(self.fields.items())}, "micro_f1": self.micro.f1,
                "docs": self.docs, "docs_without_prediction": self.without_prediction}

    def table(self) -> str:
        lines = [f"{'field':26} {'tp':>5} {'fp':>5} {'fn':>5} {'P':>6} {'R':>6} {'F1':>6}"]
        for name, c in sorted(self.fields.items()):
            lines.append(f"{name:26} {c.tp:5} {c.fp:5} {c.fn:5} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}")
        if self.without_prediction:
            lines.append(f"documents with no prediction: {len(self.without_prediction)} (e.g. {self.without_prediction[0]})")
        m = self.micro
        lines.append(f"micro P {m.precision:.3f} R {m.recall:.3f} F1 {m.f1:.3f} over {self.docs} documents (outline fields apart)")
        return "\n".join(lines)


def _show(key: tuple) -> str:
    return " | ".join(str(p.value) for p in key)


def score(gold: dict[str, dict], pred: dict[str, dict]) -> Scores:
    """Score predicted reports against gold reports, both keyed by document id."""
    out = Scores(docs=len(gold), without_prediction=[d for d in gold if d not in pred])
    for doc_id, g in gold.items():
        gk, pk = report_keys(g), report_keys(pred.get(doc_id, {}))
        if "outline" not in g:  # outlines are scored only where the gold has one
            for f in OUTLINE:
                pk.pop(f, None)
        for name in sorted(set(gk) | set(pk)):
            tp, missed, extra = pair(gk.get(name, []), pk.get(name, []))
            c = out.fields.setdefault(name, Counts())
            c.tp, c.fp, c.fn = c.tp + tp, c.fp + len(extra), c.fn + len(missed)
            out.misses.extend((doc_id, name, "MISSED", _show(m)) for m in missed)
            out.misses.extend((doc_id, name, "EXTRA", _show(e)) for e in extra)
    return out


def read_reports(path: str) -> dict[str, dict]:
    """A JSONL file of reports keyed by their "id" (ValueError names the bad line)."""
    out: dict[str, dict] = {}
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                raise ValueError(f"{path}:{n}: not JSON: {e.msg}") from None
            if isinstance(obj, dict):
                out[str(obj.get("id"))] = obj
    return out


def extract_all(docs: Iterable[dict], extract: Callable[..., Any]) -> dict[str, dict]:
    """Reports of {"id", "text"} documents, keyed by id, as JSON dicts."""
    out = {}
    for d in docs:
        rep = extract(d.get("text") or "", id=str(d.get("id")))
        out[str(d.get("id"))] = rep.model_dump(mode="json")
    return out

"""Probe: wherever a text has a cue that promises a fact, is the fact there?

    PYTHONPATH=src python scripts/probe_cues.py DOCS.jsonl [--show 20] [--kind chair] [--json]

For each document (a JSONL line with "text", and "id"), find the cue phrases that promise a
fact, with patterns built from the project's lexicons (data/vi/*.txt), run the extractor, and
report each cue with no fact whose evidence overlaps it or sits in its sentence (or, for a
chair, an attendee or an award, the same fact told earlier: one grant told twice is one record):

- chair      "X chủ trì hội nghị", "do đồng chí X chủ trì"       -> a meeting chair in the sentence
- presence   "tham dự ... có các đồng chí X", "với sự tham dự của X", "X, ... dự hội nghị."
                                                                    -> a meeting attendee in it
- award      "tặng Bằng khen cho N tập thể", "N cá nhân được tặng Giấy khen" -> an award counting N
- adoption   "thông qua N nghị quyết"                               -> a meeting with resolution_count N
- held       "tổ chức hội nghị", "kỳ họp ... khai mạc"              -> a meeting in the sentence
- title      "Bí thư Huyện ủy Nguyễn Văn A", "Chủ tịch UBND tỉnh X" -> that person, with a title

Prints the counts per cue kind (cues, with their fact, share) and the first --show misses with
their sentence. `probe(docs)` is the same as a function (tests/test_probe.py uses it).
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from functools import lru_cache

import regex

from gov_report_nlp import make_document
from gov_report_nlp.lexicon import alternation, load_list, load_map
from gov_report_nlp.pipeline import run

KINDS = ("chair", "presence", "award", "adoption", "held", "title")


@dataclass
class Cue:
    kind: str
    start: int
    end: int
    sentence: tuple[int, int]
    want: str = ""  # what fact is promised (a name, a count)


@lru_cache(maxsize=None)
def _patterns() -> dict[str, regex.Pattern]:
    """The cue patterns, built from the lexicons."""
    surnames = alternation(load_list("surnames"))
    name = rf"(?:{surnames})(?:\s+\p{{Lu}}[\p{{Ll}}\p{{M}}]*){{1,3}}"
    meeting_kinds = alternation(k for k in load_map("meeting_kinds") if k != "họp")
    titles = alternation(load_list("titles"))
    award_kinds = alternation(load_list("award_kinds"))
    grant = alternation(load_list("award_grant_verbs"))
    count_nouns = alternation(load_map("award_count_nouns"))
    number_words = alternation(load_map("award_number_words"))
    number = rf"(?:\d+|{number_words})"
    # the strong presence cues: a verb of attending followed by "có"/"của"/"gồm"
    attend = alternation(c for c in load_list("meeting_attend_cues")
                         if regex.search(r"\b(?:có|của|gồm)$", c) and "dự" in c)
    held_verbs = alternation(["tổ chức", "khai mạc", "bế mạc", "diễn ra", "long trọng tổ chức"])
    f = regex.V1  # names keep their case; cue words are matched in any case with (?i:...)
    anchor = (r"(?i:\b(?:sáng|chiều|tối|trưa|ngày)\s+(?:nay|qua|\d{1,2}[/-]\d{1,2})|\bvừa\b|"
              r"\b\d{1,2}[/-]\d{1,2}\b)")
    return {
        "_anchor": regex.compile(anchor, f),
        # a level word or "ủy" before two capitalized words: a place ("Bí thư Tỉnh ủy Hà Tĩnh")
        "_place_before": regex.compile(rf"(?i:(?:\b(?:{alternation(load_map('admin_levels'))})|ủy)\s+$)", f),
        "_planned": regex.compile(r"(?i:\b(?:sẽ|dự\s+kiến|chưa|không|kế\s+hoạch|chuẩn\s+bị|đề\s+nghị|yêu\s+cầu|"
                                  r"hướng\s+dẫn|chậm\s+nhất|trước\s+khi|nếu)\b)", f),
        "chair": regex.compile(
            rf"(?P<n>{name})[^.;:\n]{{0,160}}?(?i:\b(?:đồng\s+)?chủ\s+trì\b)(?!\s*,?\s*phối\s+hợp)"
            rf"|(?i:\bdưới\s+sự\s+chủ\s+trì\s+của)\s+(?:[^.;:\n]{{0,60}}?\s)?(?P<n>{name})", f),
        "presence": regex.compile(
            rf"(?i:\b(?:{attend})\b|\b(?:(?:tham|về|đến|tới|cùng)\s+)?dự(?:\s+[\p{{L}}\p{{M}}]+){{0,4}}?\s+(?:còn\s+)?có\b)"
            rf"\s*:?\s*(?:[^.;\n]{{0,80}}?)\b(?P<n>{name})"
            # "X, Phó Bí thư Tỉnh ủy dự hội nghị." closing its clause
            rf"|(?P<n>{name})[^.;:\n]{{0,100}}?\s(?i:(?:(?:tham|về|đến|tới|cùng)\s+)?dự\s+(?:{meeting_kinds}))(?=\s*[.;])", f),
        "award": regex.compile(
            rf"(?i:\b(?:{grant})\b[^.;\n]{{0,120}}?\b(?:{award_kinds})\b[^.;\n]{{0,120}}?\bcho\s+"
            rf"(?P<c>{number})\s+(?:{count_nouns})\b"
            # "khen thưởng cho 6 tập thể", "8 tập thể và 21 cá nhân được trao Giấy khen"
            rf"|\bkhen\s+thưởng\s+(?:cho\s+)?(?P<c>{number})\s+(?:{count_nouns})\b"
            rf"|\b(?P<c>{number})\s+(?:{count_nouns})\b[^.;\n]{{0,60}}?\bđược\s+(?:{grant})\s+(?:{award_kinds})\b)", f),
        "adoption": regex.compile(
            rf"(?i:\bthông\s+qua\s+(?:tổng\s+số\s+|toàn\s+bộ\s+|cả\s+)?(?P<c>{number})\s+"
            rf"(?:dự\s+thảo\s+)?nghị\s+quyết\b)", f),
        "held": regex.compile(
            rf"(?i:(?<!\b(?:việc|về|hồ\s+sơ|thời\s+gian|công\s+tác|khi)\s+)\b(?:{held_verbs})\s+(?:thành\s+công\s+|trọng\s+thể\s+)?(?P<k>{meeting_kinds})\b"
            rf"|\b(?P<k>{meeting_kinds})\b[^.;\n]{{0,80}}?\b(?:đã\s+)?(?:long\s+trọng\s+)?(?:khai\s+mạc|diễn\s+ra)\b)", f),
        "title": regex.compile(
            rf"(?<![\p{{L}}])(?:{titles})\b(?:\s+[\p{{L}}\p{{M}}]+){{0,6}}?\s+(?P<n>{name})\b", regex.V1),
    }


def _number(s: str) -> int | None:
    if s.isdigit():
        return int(s)
    return {k.lower(): int(v) for k, v in load_map("award_number_words").items()}.get(s.lower())


def find_cues(doc) -> list[Cue]:
    """The cues of a Document, each with its sentence."""
    text = doc.text
    out: list[Cue] = []
    sents = [(s.start, s.end) for s in doc.sentences] or [(0, len(text))]
    for st, en in sents:
        chunk = text[st:en]
        pats = _patterns()
        for kind, pat in pats.items():
            if kind.startswith("_"):
                continue
            if kind == "held" and (not pats["_anchor"].search(chunk) or pats["_planned"].search(chunk)):
                continue  # a meeting held on a day, not one planned, asked for or in general
            if kind == "adoption" and pats["_planned"].search(chunk):
                continue  # "dự kiến thông qua 30 nghị quyết": a plan, not a fact
            for m in pat.finditer(chunk, timeout=1.0):
                want = ""
                if "n" in m.groupdict() and m.group("n"):
                    want = m.group("n")
                    if (kind == "title" and len(want.split()) == 2
                            and pats["_place_before"].search(chunk, 0, m.start("n"))):
                        continue  # "Bí thư Tỉnh ủy Hà Tĩnh": a place (names have three words or more)
                elif "c" in m.groupdict() and m.group("c"):
                    want = str(_number(m.group("c")))
                elif "k" in m.groupdict() and m.group("k"):
                    want = m.group("k").lower()
                out.append(Cue(kind, st + m.start(), st + m.end(), (st, en), want))
    return out


def _overlaps(ev, span) -> bool:
    return ev is not None and ev.start < span[1] and span[0] < ev.end


def fulfilled(cue: Cue, report) -> bool:
    s = cue.sentence
    # a fact told twice (the lead, then a photo caption) is one record: its evidence is the
    # first telling, so a cue is also kept by the same fact anywhere in the report
    if cue.kind == "chair":
        return any(_overlaps(e, s) for m in report.meetings for e in m.chair_evidence) or any(
            cue.want in m.chairs for m in report.meetings)
    if cue.kind == "presence":
        return any(_overlaps(e, s) for m in report.meetings for e in m.attendee_evidence) or any(
            cue.want in m.attendees for m in report.meetings)
    if cue.kind == "award":
        n = int(cue.want) if cue.want.isdigit() else None
        return any(n in (a.collectives, a.individuals) for a in report.awards)
    if cue.kind == "adoption":
        n = int(cue.want) if cue.want.isdigit() else None
        return any(m.resolution_count == n for m in report.meetings)
    if cue.kind == "held":  # in its sentence, or a meeting of its kind the text goes on about
        kinds = load_map("meeting_kinds")
        return any(_overlaps(m.evidence, s) or m.kind == kinds.get(" ".join(cue.want.split()))
                   for m in report.meetings)
    if cue.kind == "title":
        span = (cue.start, cue.end)
        return any(p.titles and (_overlaps(p.evidence, span) or any(_overlaps(e, span) for e in p.mentions))
                   for p in report.people)
    return True


def probe(docs, show: int = 0, kinds=KINDS):
    """(counts {kind: [cues, with fact]}, misses [(id, kind, want, sentence)])."""
    counts = {k: [0, 0] for k in kinds}
    misses = []
    for d in docs:
        doc = make_document(d.get("text") or "", id=d.get("id"))
        report = run(doc)
        for cue in find_cues(doc):
            if cue.kind not in counts:
                continue
            ok = fulfilled(cue, report)
            counts[cue.kind][0] += 1
            counts[cue.kind][1] += ok
            if not ok:
                misses.append((d.get("id"), cue.kind, cue.want, doc.text[cue.sentence[0]:cue.sentence[1]]))
    return counts, misses


def share(counts) -> float:
    n = sum(c for c, _ in counts.values())
    return sum(k for _, k in counts.values()) / n if n else 1.0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("docs")
    ap.add_argument("--show", type=int, default=20, help="misses to print")
    ap.add_argument("--kind", action="append", choices=KINDS, help="only these cue kinds")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON")
    a = ap.parse_args(argv)
    with open(a.docs, encoding="utf-8") as fh:
        docs = [json.loads(line) for line in fh if line.strip()]
    counts, misses = probe(docs, kinds=tuple(a.kind or KINDS))
    if a.json:
        print(json.dumps({"counts": counts, "share": round(share(counts), 3)}))
        return 0
    print(f"{'cue':10} {'cues':>5} {'fact':>5} {'share':>6}")
    for k, (n, ok) in counts.items():
        print(f"{k:10} {n:5} {ok:5} {ok / n if n else 1:6.3f}")
    print(f"{'all':10} {sum(c for c, _ in counts.values()):5} {sum(k for _, k in counts.values()):5} {share(counts):6.3f}")
    for doc_id, kind, want, sent in misses[:a.show]:
        print(f"\n[{kind}] {doc_id} want={want!r}\n  {' '.join(sent.split())[:400]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

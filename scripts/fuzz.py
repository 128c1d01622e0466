"""Fuzz extract() and decode_bytes() for N minutes (not run in CI).

    python scripts/fuzz.py --minutes 5 [--seed 1] [--corpus ../shared/corpus/dev/docs.jsonl]

Each input is a random mix of Vietnamese words, digits, punctuation, HTML and raw
characters (or raw bytes for the decoder, or a JSONL batch with BOM, lone surrogates, deep
nesting, NaN ids and metadata keys); with --corpus, also real texts cut, spliced, repeated
and sprinkled with those pieces. A share of the texts (--shaped) takes a hostile shape: its
line breaks or spaces lost, HTML markup (broken entities, open comments, hidden elements)
sprinkled in, or one unit repeated into a line of up to 20 000 characters. A crash (any exception but InputError),
a broken invariant (evidence != text at its span, invalid output, different output on
a second run) or an input slower than --slow seconds is printed and saved under
fuzz-findings/ to become a regression case in tests/test_robustness.py.
"""
from __future__ import annotations

import argparse
import json
import random
import time
import traceback
from pathlib import Path

from gov_report_nlp import Report, make_document
from gov_report_nlp.errors import InputError
from gov_report_nlp.io.inputs import decode_bytes
from gov_report_nlp.pipeline import run

WORDS = ("số ngày tháng năm quý Nghị quyết Quyết định Chỉ thị Ủy ban nhân dân tỉnh huyện xã Hội nghị "
         "lần thứ Bằng khen Huân chương Thủ tướng Chính phủ ông bà đồng chí Nguyễn Văn Thị Trần Lê "
         "Chủ tịch Phó Bí thư đạt vượt kế hoạch tỷ đồng % ha km người tập thể cá nhân khóa nhiệm kỳ").split()
PIECES = ["/", "-", ".", ",", ":", ";", "(", ")", "\n", "\n\n", " ", "  ", "\t", "<p>", "</p>", "<div>",
          "<br>", "&amp;", "&#x1EA1;", "\u0301", "\u0323", "\u200b", "\ufeff", "Ƣ", "\x00", "\r\n", "\"", "“", "”",
          "I", "II", "IV", "/NQ-TW", "/QĐ-UBND", "-CT/TU", "2020", "15/3/2021", "6 tháng đầu năm", "…"]


def random_text(rng: random.Random, size: int) -> str:
    out = []
    while sum(map(len, out)) < size:
        r = rng.random()
        if r < 0.45:
            w = rng.choice(WORDS)
            out.append(w.upper() if rng.random() < 0.05 else w)
            out.append(" ")
        elif r < 0.75:
            out.append(rng.choice(PIECES))
        elif r < 0.9:
            out.append(str(rng.randint(0, 10 ** rng.randint(1, 12))))
        elif r < 0.97:
            out.append(chr(rng.randint(1, 0x2FFF)))
        else:  # a long repeat: the shape that makes a pattern backtrack
            out.append(rng.choice(WORDS + PIECES) * rng.randint(10, 2000))
    return "".join(out)


HTML_PIECES = ["<p>", "</p>", "<br>", "<br/>", "<div class=\"x\">", "</div>", "<table><tr><td>", "</td><td>",
               "</td></tr></table>", "&nbsp;", "&#", "&#x;", "&amp", "&xyz;", "&#99999999;", "<!--", "-->", "<!-->",
               "<script>", "</script>", "<style>", "</style>", "<template>", "</template>", "<span hidden>",
               "<div style=\"display:none\">", "<p title=\"", "\"", "'", "<", ">", "</", "<!DOCTYPE html>",
               "<head>", "<title>", "</title>", "<body>", "<pre>", "</pre>", "<svg>", "</svg>", "<?xml?>", "<![CDATA[x]]>",
               "<o:p>", "</o:p>", "<textarea>", "<noscript>", "<li hidden>", "<li>"]


def shaped(rng: random.Random, text: str) -> str:
    """The shapes archives and hostile senders produce: one long line (breaks lost), no
    spaces, neither, HTML markup sprinkled in, one unit repeated into a long line."""
    r = rng.random()
    if r < 0.25:
        return text.replace("\n", " ")
    if r < 0.45:
        return text.replace(" ", "")
    if r < 0.6:
        return text.replace(" ", "").replace("\n", "")
    if r < 0.85:
        out = []
        for piece in regex_split(text):
            out.append(piece)
            if rng.random() < 0.3:
                out.append(rng.choice(HTML_PIECES))
        return "".join(out)
    unit = text[: rng.randint(1, 40)] or "x 2020-2025 "
    return unit * (rng.randint(2000, 20000) // max(1, len(unit)))


def regex_split(text: str) -> list[str]:
    return [text[i:i + 7] for i in range(0, len(text), 7)]


def random_jsonl(rng: random.Random, texts: list[str]) -> bytes:
    """JSONL bytes with the lines a batch meets: good ones, a byte-order mark, lone surrogate
    escapes, deep nesting, NaN and odd ids, metadata keys, broken JSON, blank lines."""
    lines = []
    for _ in range(rng.randint(1, 6)):
        text = rng.choice(texts) if texts and rng.random() < 0.5 else random_text(rng, rng.randint(0, 300))
        r = rng.random()
        if r < 0.4:
            obj = {"id": rng.choice(["a", 1, 1.5, True, None, {"k": 1}, [1], "ü\u200b"]), "text": text[:500]}
            if rng.random() < 0.5:
                obj["url"] = "http://x/" + str(rng.randint(0, 9))
                obj["source"] = {"site": "s", "n": [1, 2]}
            lines.append(json.dumps(obj, ensure_ascii=rng.random() < 0.5).encode())
        elif r < 0.5:
            lines.append(b'{"id": "s", "text": "a\\ud800b"}')
        elif r < 0.6:
            lines.append(b"[" * rng.randint(100, 20000))
        elif r < 0.7:
            lines.append(b'{"id": NaN, "text": "x"}' if rng.random() < 0.5 else b'{"id": "i", "text": Infinity}')
        elif r < 0.8:
            lines.append(json.dumps({"id": "t", "text": text}).encode()[: rng.randint(0, 200)])
        elif r < 0.9:
            lines.append(b"")
        else:
            lines.append(bytes(rng.randrange(256) for _ in range(rng.randint(0, 60))))
    data = b"\n".join(lines)
    return (b"\xef\xbb\xbf" + data) if rng.random() < 0.3 else data


def check_jsonl(data: bytes) -> None:
    """Every non-blank line gives exactly one output line, and every output line is JSON."""
    import io

    from gov_report_nlp.cli import _dump, _jsonl_reports
    from gov_report_nlp.io.inputs import stream_lines

    f = io.BytesIO(data)
    head = f.read(65536)
    want = sum(1 for i, l in enumerate(data.split(b"\n")) if (l[3:] if i == 0 and l.startswith(b"\xef\xbb\xbf") else l).strip())
    got = 0
    for rep, meta in _jsonl_reports(stream_lines(head, f, 1 << 20), "fuzz"):
        line = _dump(rep, "jsonl", meta)
        json.loads(line)
        line.encode("utf-8")
        got += 1
    assert got == want, f"{want} lines in, {got} out"


def mutate(rng: random.Random, texts: list[str], max_size: int) -> str:
    """A real text, cut at random places, with pieces of others spliced in or repeated."""
    base = rng.choice(texts)
    i = rng.randrange(len(base) + 1)
    text = base[i:i + rng.randint(0, max_size)]
    for _ in range(rng.randint(1, 8)):
        j = rng.randrange(len(text) + 1)
        r = rng.random()
        if r < 0.3:
            other = rng.choice(texts)
            k = rng.randrange(len(other) + 1)
            text = text[:j] + other[k:k + rng.randint(1, 400)] + text[j:]
        elif r < 0.6:
            text = text[:j] + random_text(rng, rng.randint(1, 80)) + text[j:]
        elif r < 0.8:
            text = text[:j] + text[j:j + rng.randint(1, 40)] * rng.randint(2, 300) + text[j:]
        else:
            text = text[:j] + text[j + rng.randint(1, 200):]
    return text


def check(text: str) -> None:
    doc = make_document(text)
    rep = run(doc)
    for key, rec in rep.records():
        ev = rec.evidence
        if ev is not None:
            assert doc.text[ev.start:ev.end] == ev.text, (key, ev)
    dumped = rep.model_dump(mode="json")
    Report.model_validate(dumped)
    assert run(make_document(text)).model_dump(mode="json") == dumped, "not deterministic"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--minutes", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--max-size", type=int, default=3000, help="largest text, characters")
    ap.add_argument("--slow", type=float, default=5.0, help="CPU seconds after which an input is a finding")
    ap.add_argument("--shaped", type=float, default=0.3,
                    help="share of the texts turned into a hostile shape (one line, no spaces, HTML...)")
    ap.add_argument("--out", default="fuzz-findings")
    ap.add_argument("--corpus", help="a JSONL file of real texts to mutate (half the inputs)")
    args = ap.parse_args()
    texts = []
    if args.corpus:
        with open(args.corpus, encoding="utf-8") as fh:
            texts = [t for t in (json.loads(line).get("text") for line in fh if line.strip()) if t]
    seed = args.seed if args.seed is not None else random.randrange(2**32)
    rng = random.Random(seed)
    out = Path(args.out)
    end = time.monotonic() + args.minutes * 60
    tried = found = 0
    slowest = (0.0, "")
    print(f"fuzzing for {args.minutes} min, seed {seed}")
    while time.monotonic() < end:
        tried += 1
        if rng.random() < 0.2:
            data = bytes(rng.randrange(256) for _ in range(rng.randint(0, 400)))
            if rng.random() < 0.5:
                data = random_text(rng, 200).encode("utf-8") + data
            try:
                decode_bytes(data, "fuzz", errors=rng.choice(("strict", "replace")))
            except InputError:
                pass
            except Exception:
                found += 1
                out.mkdir(exist_ok=True)
                (out / f"bytes-{seed}-{tried}.bin").write_bytes(data)
                print(f"CRASH in decode_bytes (#{tried}):\n{traceback.format_exc()}")
            continue
        if rng.random() < 0.1:
            data = random_jsonl(rng, texts)
            try:
                check_jsonl(data)
            except Exception:
                found += 1
                out.mkdir(exist_ok=True)
                (out / f"jsonl-{seed}-{tried}.jsonl").write_bytes(data)
                print(f"FINDING in a JSONL batch (#{tried}):\n{traceback.format_exc()}")
            continue
        if texts and rng.random() < 0.5:
            text = mutate(rng, texts, args.max_size)
        else:
            text = random_text(rng, rng.randint(0, args.max_size))
        if rng.random() < args.shaped:
            text = shaped(rng, text)
        t0 = time.process_time()
        try:
            check(text)
        except Exception:
            found += 1
            out.mkdir(exist_ok=True)
            (out / f"text-{seed}-{tried}.txt").write_text(text, encoding="utf-8")
            print(f"FINDING (#{tried}, {len(text)} chars):\n{traceback.format_exc()}")
        took = time.process_time() - t0
        if took > slowest[0]:
            slowest = (took, text[:60])
        if took > args.slow:
            found += 1
            out.mkdir(exist_ok=True)
            (out / f"slow-{seed}-{tried}.txt").write_text(text, encoding="utf-8")
            print(f"SLOW (#{tried}): {took:.1f} s on {len(text)} chars")
    print(f"tried {tried} inputs, {found} findings, slowest {slowest[0]:.2f} s ({slowest[1]!r}...)")
    return 1 if found else 0


if __name__ == "__main__":
    raise SystemExit(main())

"""htmltext._Walker._text (entities decoded from a memo, _plain and _emit inlined) against its
plain form (html.unescape of each entity, a call of _plain and _emit for each piece, OffsetMap.add for
each): the same text and the same map (its pieces, every character's span back to the HTML)
for every page.

    .venv/bin/python benchmarks/check_htmltext.py [--fuzz 20000]

Pages: the dev corpus's HTML, those pages' lines, and random strings of tags, entities (good,
broken, unknown), text, spaces, <pre>, hidden elements. Exit status 1 on the first difference.
"""
from __future__ import annotations

import argparse
import html
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from bench import DEV, report_equivalence  # noqa: E402


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--fuzz", type=int, default=20_000)
    args = ap.parse_args(argv)
    from gov_report_nlp.io import htmltext
    from gov_report_nlp.io.htmltext import ENTITY, _Walker, html_to_text

    class PlainWalker(_Walker):
        def _text(self, i: int, j: int) -> None:  # as it was
            if self.hide or i >= j:
                return
            src = self.source
            if src.find("&", i, j) < 0:
                self._plain(i, j)
                return
            at = i
            for m in ENTITY.finditer(src, i, j):
                raw = m.group()
                decoded = html.unescape(raw)
                if decoded == raw:
                    continue
                if m.start() > at:
                    self._plain(at, m.start())
                self._emit(decoded, m.start(), m.end(), linear=False)
                if decoded.strip():
                    self.breaks = 0
                at = m.end()
            if at < j:
                self._plain(at, j)

    def plain(source):
        w = PlainWalker(source)
        w.walk()
        if w.pos < len(source):
            w.map.add(0, len(source) - w.pos)
        return seen("".join(w.parts), w.map)

    def seen(text, omap):
        return (text, [omap.span(k, k + 1) for k in range(len(text))], omap.span(0, len(text)), omap.src_total,
                omap._out, omap._src, omap._out_len, omap._src_len, omap._linear, omap.out_total)  # the same pieces

    pages = []
    path = DEV.parent / "docs-html.jsonl"
    if path.exists():
        with path.open(encoding="utf-8") as f:
            pages = [json.loads(line)["text"] for line in f if line.strip()]
    cases = pages + [ln for p in pages for ln in p.split("\n")]
    pieces = ["&amp;", "&#7899;", "&#x1EA1;", "&nbsp;", "&#", "&xyz;", "&amp", "&#0;", "&#xD800;", "&lt;", "&", ";",
              "ng", "Vi", " ", "  ", "\t", "\n", "\r", "<p>", "</p>", "<br>", "<pre>", "</pre>", "<div hidden>",
              "</div>", "<span style='display:none'>", "</span>", "<td>", "<script>", "</script>", "<!--", "-->",
              "a", "Đ", "&#32;", "&#10;", "&Tab;", "&NewLine;", "&quot;", "x&y"]
    rng = random.Random(7)
    cases += ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 30))) for _ in range(args.fuzz)]
    htmltext._UNESCAPED.clear()
    return report_equivalence(cases, plain, lambda t: seen(*html_to_text(t)), ("plain", "fast"))


if __name__ == "__main__":
    sys.exit(main())

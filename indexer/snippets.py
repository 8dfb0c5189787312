"""Snippets: the part of a clause that holds the query, HTML-escaped, matches in <mark>.

Computed from the stored text the same way for every backend: verbatim
spellings of the query words first (so 科技成果转化 is marked whole), then
their tokens, on folded text so ＡＩ marks AI and （一） marks (一).
"""

from __future__ import annotations

import html

from .analysis import fold

WIDTH = 160


def _spans(folded: str, needles: list[str]) -> list[tuple[int, int, int]]:
    """Non-overlapping (start, end, needle index), longer needles winning."""
    taken = [False] * len(folded)
    spans = []
    order = sorted(range(len(needles)), key=lambda i: -len(needles[i]))
    for i in order:
        n = needles[i]
        if not n:
            continue
        start = folded.find(n)
        while start >= 0:
            end = start + len(n)
            if not any(taken[start:end]):
                spans.append((start, end, i))
                for j in range(start, end):
                    taken[j] = True
            start = folded.find(n, end)
    return sorted(spans)


def snippet(text: str, needles: list[str], width: int = WIDTH) -> str:
    """An escaped window of about ``width`` characters around the densest run of matches."""
    text = text or ""
    folded = fold(text)
    spans = _spans(folded, [fold(n) for n in dict.fromkeys(needles) if n.strip()])
    if not spans:
        body = html.escape(text[:width])
        return body + ("…" if len(text) > width else "")
    best, best_score = 0, (-1, -1)
    for s, _, _ in spans:
        start = max(0, s - width // 5)
        inside = [sp for sp in spans if start <= sp[0] and sp[1] <= start + width]
        score = (len({sp[2] for sp in inside}), sum(e - b for b, e, _ in inside))
        if score > best_score:
            best, best_score = start, score
    end = min(len(text), best + width)
    out = ["…" if best > 0 else ""]
    pos = best
    for s, e, _ in spans:
        if s < best or e > end:
            continue
        out.append(html.escape(text[pos:s]))
        out.append(f'<mark class="hl">{html.escape(text[s:e])}</mark>')
        pos = e
    out.append(html.escape(text[pos:end]))
    out.append("…" if end < len(text) else "")
    return "".join(out)

"""Bytes to text: government pages lie about their encoding surprisingly often."""

from __future__ import annotations

import codecs
import re
from functools import lru_cache

from charset_normalizer import from_bytes

_HAN = re.compile(r"[\u4e00-\u9fff]")
# Frequent characters that only traditional text uses: a page with none of them needs no folding.
_TRADITIONAL_ONLY = re.compile("[們這來個為發機關與會學國實從產業務經濟區號構單標題範條際認證導應設創]")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)

# GB2312 and GBK pages routinely contain characters only GB18030 has; GB18030
# is a strict superset, so decoding with it never loses a character.
_SUPERSETS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "cp936": "gb18030",
    "big5": "big5hkscs",
}


def _norm(name: str | None) -> str | None:
    if not name:
        return None
    try:
        canonical = codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None
    return _SUPERSETS.get(canonical, _SUPERSETS.get(name.strip().lower(), canonical))


def _cjk_ratio(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20000]
    cjk = sum(1 for ch in sample if "\u4e00" <= ch <= "\u9fff")
    return cjk / max(1, sum(1 for ch in sample if not ch.isspace() and not ch.isascii()) or 1)


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode page bytes; returns (text, encoding used).

    Order of trust: a BOM, then the HTTP charset and the <meta charset> when
    the bytes decode cleanly with them, then detection.  A declared charset
    that fails to decode is a lie and is ignored.
    """
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    candidates: list[str] = []
    for name in (declared, _meta_charset(data)):
        enc = _norm(name)
        if enc and enc not in candidates:
            candidates.append(enc)
    for enc in candidates:
        try:
            return data.decode(enc), enc
        except (UnicodeDecodeError, LookupError):
            continue
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    best = from_bytes(data[:200000]).best()
    enc = _norm(best.encoding) if best else None
    if enc:
        text = data.decode(enc, errors="replace")
        # Detectors sometimes pick a Cyrillic or Latin code page for short GBK pages.
        if _cjk_ratio(text) > 0.5:
            return text, enc
    return data.decode("gb18030", errors="replace"), "gb18030"


def _meta_charset(data: bytes) -> str | None:
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # imported on first use: most pages never need it

    return opencc.OpenCC("t2s")


def fold_traditional(text: str) -> tuple[str, bool]:
    """Traditional characters to simplified, when the page is written in them (a Big5 page).

    Labels (發布機構), department tags (責任單位) and the users' queries are
    all simplified: a traditional page is folded whole (OpenCC t2s) and says
    so in its warnings, or nothing on it could be recognised.
    """
    if not _TRADITIONAL_ONLY.search(text, 0, 30000):
        return text, False  # the common case, decided without OpenCC
    sample = "".join(_HAN.findall(text[:30000]))[:3000]
    if len(sample) < 20:
        return text, False
    folded = _t2s().convert(sample)
    changed = sum(1 for a, b in zip(sample, folded, strict=False) if a != b)
    if changed < 0.03 * len(sample):
        return text, False
    return _t2s().convert(text), True
